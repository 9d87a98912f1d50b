import type { OrganisationKind, Role } from "../../contracts/roles";
import type { StateRules } from "../../core/organisations/presets";

export const SESSION_COOKIE = "ktp_session";
/** A session lasts this long after its last use (sliding). */
export const SESSION_DAYS = 30;
export const CSRF_HEADER = "x-csrf-token";

/** The signed-in person, as every route and service sees them. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  hasMfa: boolean;
  sessionId: string;
  csrfToken: string;
}

/** The organisation a route acts in, resolved from `:orgSlug` by the authorization hook. */
export interface OrganisationScope {
  id: string;
  slug: string;
  kind: OrganisationKind;
  name: string;
  requireMfaForStaff: boolean;
  /** The state rules in force; read with the scope because most services need them. */
  rules: StateRules;
}

export interface MembershipScope {
  id: string;
  roles: Role[];
}

/** Looks up a session cookie; supplied by the identity module so the platform does not depend on it. */
export type SessionResolver = (token: string) => Promise<{ actor: Actor; isMfaPending: boolean } | null>;
/** Looks up an organisation and the actor's membership in it; supplied by the organisations module. */
export type ScopeResolver = (
  slug: string,
  userId: string | null,
) => Promise<{ organisation: OrganisationScope; membership: MembershipScope | null } | null>;
