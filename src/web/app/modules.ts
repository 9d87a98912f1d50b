import { caregiversModule } from "../modules/caregivers/module";
import { identityModule } from "../modules/identity/module";
import { organisationsModule } from "../modules/organisations/module";
import type { WebModule } from "./module-types";

/** Every web module; the router and the navigation are built from this list. */
export const webModules: WebModule[] = [identityModule, organisationsModule, caregiversModule];
