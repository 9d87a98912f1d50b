import type { RouteObject } from "react-router";
import type { OrganisationKind, Role } from "../../contracts/roles";

/** An entry of the side navigation inside an organisation; shown only to the roles and kinds named. */
export interface NavItem {
  /** Relative to /app/:orgSlug ("" is the organisation's home). */
  path: string;
  labelKey: string;
  roles: readonly Role[];
  kinds?: readonly OrganisationKind[];
}

/** What a web module adds to the application. */
export interface WebModule {
  /** Pages without sign-in, at the top level (e.g. /anmelden, /o/:slug). */
  publicRoutes?: RouteObject[];
  /** Signed-in pages that belong to no organisation (e.g. /app/konto). */
  appRoutes?: RouteObject[];
  /** Signed-in pages inside an organisation, relative to /app/:orgSlug. */
  orgRoutes?: RouteObject[];
  nav?: NavItem[];
}
