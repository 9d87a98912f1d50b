import type {
  InvitationEntry,
  InvitationState,
  OrganisationSettings,
  PublicOrganisation,
} from "../../../contracts/organisations";
import type { Role } from "../../../contracts/roles";
import type { InvitationRow, OrganisationRow } from "./organisations.repository";

export function presentPublic(row: OrganisationRow): PublicOrganisation {
  return {
    slug: row.slug,
    kind: row.kind,
    name: row.name,
    description: row.description,
    street: row.street,
    postalCode: row.postalCode,
    town: row.town,
    email: row.email,
    phone: row.phone,
    website: row.website,
    hasMap: row.kind === "association",
  };
}

export function presentSettings(row: OrganisationRow): OrganisationSettings {
  return {
    ...presentPublic(row),
    id: row.id,
    statePreset: row.statePreset,
    requireMfaForStaff: row.requireMfaForStaff,
  };
}

/** The roles an invitation grants; a token without any (never written so) grants plain membership. */
export function invitationRoles(row: InvitationRow): Role[] {
  return ((row.payload as { roles?: Role[] }).roles ?? ["member"]) as Role[];
}

/** Accepted and withdrawn are final; otherwise the link is open until it expires. */
export function invitationState(row: InvitationRow, now: Date): InvitationState {
  if (row.usedAt) return "accepted";
  if (row.revokedAt) return "withdrawn";
  return row.expiresAt > now ? "open" : "expired";
}

export function presentInvitation(row: InvitationRow, now: Date): InvitationEntry {
  return {
    id: row.id,
    email: row.email,
    roles: invitationRoles(row),
    state: invitationState(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    usedAt: row.usedAt?.toISOString() ?? null,
    withdrawnAt: row.revokeReason === "withdrawn" ? (row.revokedAt?.toISOString() ?? null) : null,
  };
}
