import type { ComponentType } from "react";
import type { RouteObject } from "react-router";
import type { OrganisationKind, Role } from "../../contracts/roles";

/**
 * The sections of a long navigation. Office admins see more than twenty entries; under a labelled section
 * each one is found by what it belongs to instead of by reading the whole list.
 */
export const navGroups = ["placement", "registry", "training", "community", "organisation"] as const;
export type NavGroup = (typeof navGroups)[number];

/** An entry of the side navigation inside an organisation; shown only to the roles and kinds named. */
export interface NavItem {
  /** Relative to /app/:orgSlug ("" is the organisation's home). */
  path: string;
  labelKey: string;
  roles: readonly Role[];
  kinds?: readonly OrganisationKind[];
  /** Position in the navigation, lowest first; 50 when not given (the home page is 0, settings 90). */
  order?: number;
  /** The section it is listed under when the navigation is long; entries without one stay at the top. */
  group?: NavGroup;
  /**
   * A count beside the entry (unread announcements), so it is seen from every page and not only from the
   * home page; renders nothing when there is nothing to count.
   */
  Badge?: ComponentType<{ orgSlug: string }>;
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
