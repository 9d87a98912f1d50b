/**
 * What other modules may read of organisations and memberships. They never import this module's tables:
 * the columns, status values and indexes stay this module's business. The functions take an `Executor`
 * so that callers run them inside their own transaction, and the membership test is an SQL condition, so
 * that a hot route (the public map) still needs one statement.
 */
import { and, arrayOverlaps, asc, eq, inArray, lte, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { Role } from "../../../contracts/roles";
import { MEMBER_GROUP_ROLES, type MemberGroup } from "../../../core/organisations/groups";
import type { StateRules } from "../../../core/organisations/presets";
import type { Executor } from "../../platform/db/client";
import { userContacts } from "../identity/identity.queries";
import { memberships, organisations } from "./organisations.tables";

/**
 * A condition for the caller's query: the user is an active member of the organisation. Both arguments are
 * usually the caller's columns; the unique index on (organisation, user) answers it with one lookup.
 */
export function isActiveMember(organisationId: SQLWrapper, userId: SQLWrapper): SQL {
  return sql`exists (select 1 from ${memberships} where ${and(
    eq(memberships.organisationId, organisationId),
    eq(memberships.userId, userId),
    eq(memberships.status, "active"),
  )})`;
}

/** What a mail or job names of an organisation, and the rules in force there. */
export interface OrganisationSummary {
  id: string;
  slug: string;
  name: string;
  /** The office's inbox, where mails to the organisation go; null when it has none. */
  email: string | null;
  rules: StateRules;
}

/** The summaries of the given organisations (unknown ids are left out). */
export async function findOrganisationSummaries(
  db: Executor,
  ids: readonly string[],
): Promise<OrganisationSummary[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      email: organisations.email,
      rules: sql<StateRules>`${organisations.statePreset} -> 'rules'`,
    })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
}

/**
 * A condition for the caller's query: the user is an active member of the organisation holding at least one
 * of `roles` (e.g. the day-care persons among the members, for the training accounts).
 */
export function holdsActiveRole(organisationId: SQLWrapper, userId: SQLWrapper, roles: readonly Role[]): SQL {
  return sql`exists (select 1 from ${memberships} where ${and(
    eq(memberships.organisationId, organisationId),
    eq(memberships.userId, userId),
    eq(memberships.status, "active"),
    arrayOverlaps(memberships.roles, [...roles]),
  )})`;
}

/** The organisation's name and postal address, as printed on documents it issues (certificates). */
export interface OrganisationLetterhead {
  name: string;
  street: string | null;
  postalCode: string | null;
  town: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
}

export async function findOrganisationLetterhead(
  db: Executor,
  id: string,
): Promise<OrganisationLetterhead | null> {
  const [row] = await db
    .select({
      name: organisations.name,
      street: organisations.street,
      postalCode: organisations.postalCode,
      town: organisations.town,
      email: organisations.email,
      phone: organisations.phone,
      website: organisations.website,
    })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}

/**
 * The accounts of the organisation's active members, or of those holding one of `roles` (null: everyone),
 * for modules that write to a group (announcements).
 */
export async function listActiveMemberIds(
  db: Executor,
  organisationId: string,
  roles: readonly Role[] | null,
): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.status, "active"),
        roles ? arrayOverlaps(memberships.roles, [...roles]) : undefined,
      ),
    );
  return rows.map((row) => row.userId);
}

/** The active members of one of the organisation's groups (see core/organisations/groups). */
export function listGroupMemberIds(
  db: Executor,
  organisationId: string,
  group: MemberGroup,
): Promise<string[]> {
  return listActiveMemberIds(db, organisationId, MEMBER_GROUP_ROLES[group]);
}

/** A line of an association's member register: who, since when, until when and why. */
export interface RegisterMembership {
  id: string;
  userId: string;
  name: string;
  email: string;
  phone: string | null;
  roles: Role[];
  status: "active" | "left";
  joinedOn: string;
  leftOn: string | null;
  leaveReason: string | null;
}

/** Every membership of the organisation, present and past, ordered by name. */
export async function listRegisterMemberships(
  db: Executor,
  organisationId: string,
): Promise<RegisterMembership[]> {
  const person = userContacts(db);
  return db
    .select({
      id: memberships.id,
      userId: memberships.userId,
      name: person.name,
      email: person.email,
      phone: person.phone,
      roles: memberships.roles,
      status: memberships.status,
      joinedOn: memberships.joinedOn,
      leftOn: memberships.leftOn,
      leaveReason: memberships.leaveReason,
    })
    .from(memberships)
    .innerJoin(person, eq(person.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(person.name));
}

/** Every organisation's address, for the platform's sitemap index (each organisation has a public page). */
export function listOrganisationSlugs(db: Executor): Promise<{ slug: string }[]> {
  return db.select({ slug: organisations.slug }).from(organisations).orderBy(asc(organisations.slug));
}

/** The ids of memberships that ended on or before the day, as a subquery for the caller's statement. */
export function membershipsLeftOnOrBefore(db: Executor, day: string) {
  return db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.status, "left"), lte(memberships.leftOn, day)));
}
