import { and, count, desc, eq, gt, inArray, lte, or, sql } from "drizzle-orm";
import type { ApplicationStatus } from "../../../contracts/membership";
import type { Executor } from "../../platform/db/client";
import { membershipApplications, membershipSettings } from "./membership.tables";

export type ApplicationRow = typeof membershipApplications.$inferSelect;

export async function findSettings(db: Executor, organisationId: string) {
  const [row] = await db
    .select()
    .from(membershipSettings)
    .where(eq(membershipSettings.organisationId, organisationId));
  return row ?? null;
}

export async function saveSettings(
  db: Executor,
  organisationId: string,
  values: { statutesUrl: string | null; privacyUrl: string | null; updatedAt: Date },
) {
  await db
    .insert(membershipSettings)
    .values({ organisationId, ...values })
    .onConflictDoUpdate({ target: membershipSettings.organisationId, set: values });
}

/** Unconfirmed applications for one address whose link still works (the form's mail-bombing guard). */
export async function countUnconfirmedForEmail(
  db: Executor,
  organisationId: string,
  email: string,
  now: Date,
) {
  const [row] = await db
    .select({ n: count() })
    .from(membershipApplications)
    .where(
      and(
        eq(membershipApplications.organisationId, organisationId),
        eq(membershipApplications.status, "unconfirmed"),
        sql`lower(${membershipApplications.email}) = ${email.toLowerCase()}`,
        gt(membershipApplications.confirmationExpiresAt, now),
      ),
    );
  return row?.n ?? 0;
}

export async function insertApplication(db: Executor, values: typeof membershipApplications.$inferInsert) {
  const [row] = await db.insert(membershipApplications).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Uses up a confirmation link in one statement: a second use, or an expired link, finds nothing. */
export async function confirmByToken(db: Executor, tokenHash: string, now: Date) {
  const [row] = await db
    .update(membershipApplications)
    .set({ status: "pending", confirmedAt: now, confirmationTokenHash: null, confirmationExpiresAt: null })
    .where(
      and(
        eq(membershipApplications.confirmationTokenHash, tokenHash),
        eq(membershipApplications.status, "unconfirmed"),
        gt(membershipApplications.confirmationExpiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

export async function listApplications(db: Executor, organisationId: string, statuses: ApplicationStatus[]) {
  return db
    .select()
    .from(membershipApplications)
    .where(
      and(
        eq(membershipApplications.organisationId, organisationId),
        inArray(membershipApplications.status, statuses),
      ),
    )
    .orderBy(desc(membershipApplications.createdAt));
}

/** Locks an application of the organisation for a decision. */
export async function lockApplication(db: Executor, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(membershipApplications)
    .where(and(eq(membershipApplications.organisationId, organisationId), eq(membershipApplications.id, id)))
    .for("update");
  return row ?? null;
}

export async function updateApplication(
  db: Executor,
  organisationId: string,
  id: string,
  values: Partial<typeof membershipApplications.$inferInsert>,
) {
  await db
    .update(membershipApplications)
    .set(values)
    .where(and(eq(membershipApplications.organisationId, organisationId), eq(membershipApplications.id, id)));
}

/**
 * Deletes the applications whose data may not stay: unconfirmed ones whose link ran out, declined ones past
 * the retention period. Returns how many went per organisation.
 */
export async function deleteDueApplications(
  db: Executor,
  now: Date,
  declinedBefore: Date,
): Promise<Map<string, { unconfirmed: number; declined: number }>> {
  const rows = await db
    .delete(membershipApplications)
    .where(
      or(
        and(
          eq(membershipApplications.status, "unconfirmed"),
          lte(membershipApplications.confirmationExpiresAt, now),
        ),
        and(
          eq(membershipApplications.status, "declined"),
          lte(membershipApplications.decidedAt, declinedBefore),
        ),
      ),
    )
    .returning({
      organisationId: membershipApplications.organisationId,
      status: membershipApplications.status,
    });
  const counts = new Map<string, { unconfirmed: number; declined: number }>();
  for (const row of rows) {
    const entry = counts.get(row.organisationId) ?? { unconfirmed: 0, declined: 0 };
    if (row.status === "declined") entry.declined++;
    else entry.unconfirmed++;
    counts.set(row.organisationId, entry);
  }
  return counts;
}
