import type { WebModule } from "../../app/module-types";

export const caregiversModule: WebModule = {};
