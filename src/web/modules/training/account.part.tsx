import type { WebModule } from "../../app/module-types";

/** Training accounts, external certificates and the coordinators' view of who is behind. */
export const accountPart: WebModule = {};
