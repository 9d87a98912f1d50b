import { and, asc, eq, sql } from "drizzle-orm";
import type { Role } from "../../../contracts/roles";
import type { StateRules } from "../../../core/organisations/presets";
import type { Executor } from "../../platform/db/client";
import { userContacts } from "../identity/identity.queries";
import { memberships, organisations } from "./organisations.tables";

export type OrganisationRow = typeof organisations.$inferSelect;

export async function findOrganisationBySlug(db: Executor, slug: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.slug, slug));
  return row ?? null;
}

export async function findOrganisationById(db: Executor, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

function prepareScopeQuery(db: Executor) {
  return db
    .select({
      organisation: {
        id: organisations.id,
        slug: organisations.slug,
        kind: organisations.kind,
        name: organisations.name,
        requireMfaForStaff: organisations.requireMfaForStaff,
        rules: sql<StateRules>`${organisations.statePreset} -> 'rules'`,
      },
      membershipId: memberships.id,
      roles: memberships.roles,
    })
    .from(organisations)
    .leftJoin(
      memberships,
      and(
        eq(memberships.organisationId, organisations.id),
        eq(memberships.userId, sql.placeholder("userId")),
        eq(memberships.status, "active"),
      ),
    )
    .where(eq(organisations.slug, sql.placeholder("slug")))
    .prepare("organisation_scope");
}
const scopeQueries = new WeakMap<Executor, ReturnType<typeof prepareScopeQuery>>();

/**
 * The organisation, its rules and the user's active membership in one round trip. This runs on every
 * request, so the statement is prepared once per database (building it costs more than running it).
 */
export async function findScope(db: Executor, slug: string, userId: string | null) {
  let query = scopeQueries.get(db);
  if (!query) {
    query = prepareScopeQuery(db);
    scopeQueries.set(db, query);
  }
  const [row] = await query.execute({ slug, userId: userId ?? "00000000-0000-0000-0000-000000000000" });
  return row ?? null;
}

export async function insertOrganisation(db: Executor, values: typeof organisations.$inferInsert) {
  const [row] = await db.insert(organisations).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateOrganisation(
  db: Executor,
  id: string,
  values: Partial<typeof organisations.$inferInsert>,
) {
  await db
    .update(organisations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(organisations.id, id));
}

export async function listMembershipsOfUser(db: Executor, userId: string) {
  return db
    .select({
      organisationId: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      kind: organisations.kind,
      roles: memberships.roles,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, userId), eq(memberships.status, "active")))
    .orderBy(asc(organisations.name));
}

export async function listMembers(db: Executor, organisationId: string) {
  const person = userContacts(db);
  return db
    .select({
      id: memberships.id,
      userId: person.id,
      name: person.name,
      email: person.email,
      phone: person.phone,
      roles: memberships.roles,
      status: memberships.status,
      joinedOn: memberships.joinedOn,
      isContactVisible: memberships.isContactVisible,
    })
    .from(memberships)
    .innerJoin(person, eq(person.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(person.name));
}

export async function findMembership(db: Executor, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.id, id)));
  return row ?? null;
}

export async function findMembershipOfUser(db: Executor, organisationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** Locks the organisation's admin memberships so that two demotions cannot both pass the last-admin check. */
export async function countActiveAdminsForUpdate(db: Executor, organisationId: string): Promise<number> {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.status, "active"),
        sql`'admin' = any(${memberships.roles})`,
      ),
    )
    .for("update");
  return rows.length;
}

export async function upsertMembership(db: Executor, organisationId: string, userId: string, roles: Role[]) {
  const [row] = await db
    .insert(memberships)
    .values({ organisationId, userId, roles })
    .onConflictDoUpdate({
      target: [memberships.organisationId, memberships.userId],
      // A person who had left comes back with the roles of her new invitation only: roles she held before
      // (admin, say) must not return with her. An active member gains the new roles on top of hers.
      set: {
        roles: sql`case when ${memberships.status} = 'left' then excluded.roles
          else (select array(select distinct unnest(${memberships.roles} || excluded.roles))) end`,
        joinedOn: sql`case when ${memberships.status} = 'left' then excluded.joined_on
          else ${memberships.joinedOn} end`,
        status: "active",
        leftOn: null,
        leaveReason: null,
      },
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return row;
}

export async function updateMembership(
  db: Executor,
  organisationId: string,
  id: string,
  values: Partial<typeof memberships.$inferInsert>,
) {
  await db
    .update(memberships)
    .set(values)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.id, id)));
}

/**
 * Invitations are single-use links of the identity module; it reads and revokes them for an organisation
 * whose id is a required argument there.
 */
export {
  findInvitation,
  type InvitationRow,
  listInvitations,
  revokeInvitation,
} from "../identity/identity.queries";
