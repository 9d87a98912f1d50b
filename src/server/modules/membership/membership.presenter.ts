import type { ApplicationEntry, RegisterEntry } from "../../../contracts/membership";
import type { RegisterMembership } from "../organisations/organisations.queries";
import type { ApplicationRow } from "./membership.repository";

export function presentApplication(row: ApplicationRow, deciderName: string | null): ApplicationEntry {
  return {
    id: row.id,
    status: row.status,
    name: row.name,
    email: row.email,
    phone: row.phone,
    postalCode: row.postalCode,
    town: row.town,
    isActiveCaregiver: row.isActiveCaregiver,
    places: row.places,
    contactPreference: row.contactPreference,
    locale: row.locale,
    statutesUrl: row.statutesUrl,
    privacyUrl: row.privacyUrl,
    consentedAt: row.consentedAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedByName: deciderName,
    decisionMessage: row.decisionMessage,
    createdAt: row.createdAt.toISOString(),
  };
}

export function presentMembership(row: RegisterMembership): RegisterEntry {
  return {
    id: row.id,
    status: row.status,
    name: row.name,
    email: row.email,
    phone: row.phone,
    roles: row.roles,
    joinedOn: row.joinedOn,
    leftOn: row.leftOn,
    leaveReason: row.leaveReason,
    appliedOn: null,
  };
}

/** A confirmed application waiting for the board, as a line of the register ("applied"). */
export function presentPendingApplication(row: ApplicationRow): RegisterEntry {
  return {
    id: row.id,
    status: "applied",
    name: row.name,
    email: row.email,
    phone: row.phone || null,
    roles: [],
    joinedOn: null,
    leftOn: null,
    leaveReason: null,
    appliedOn: row.createdAt.toISOString().slice(0, 10),
  };
}
