import { and, desc, eq, inArray, lte, or } from "drizzle-orm";
import type { ApplicationStatus } from "../../../contracts/membership";
import { confirmationExpiry } from "../../../core/membership/applications";
import type { Executor } from "../../platform/db/client";
import { guestLinks } from "../../platform/guest-link";
import { findOrganisationSummaries, membershipsLeftOnOrBefore } from "../organisations/organisations.queries";
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

/**
 * The confirmation link of an application (ADR 0013): its use is the confirmation, so `confirmed_at` is the
 * link's "used" column and an application nobody confirms is an open link until it runs out.
 */
export const applicationLinks = guestLinks({
  table: membershipApplications,
  tokenHash: membershipApplications.confirmationTokenHash,
  expiresAt: membershipApplications.confirmationExpiresAt,
  usedAt: membershipApplications.confirmedAt,
  organisationId: membershipApplications.organisationId,
  email: membershipApplications.email,
  expiry: confirmationExpiry,
  organisationSlug: async (db, id) => (await findOrganisationSummaries(db, [id]))[0]?.slug ?? null,
});

/** Unconfirmed applications for one address whose link still works (the form's mail-bombing guard). */
export function hasRoomForApplication(db: Executor, organisationId: string, email: string, now: Date) {
  return applicationLinks.hasRoomFor(
    db,
    eq(membershipApplications.organisationId, organisationId),
    email,
    now,
  );
}

export async function insertApplication(db: Executor, values: typeof membershipApplications.$inferInsert) {
  const [row] = await db.insert(membershipApplications).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Uses up a confirmation link in one statement: the application goes to the board. */
export function confirmByToken(db: Executor, token: string, now: Date) {
  return applicationLinks.consume(db, token, now, { status: "pending" });
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
  leftOnOrBefore: string,
): Promise<Map<string, { unconfirmed: number; declined: number; left: number }>> {
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
        and(
          eq(membershipApplications.status, "approved"),
          inArray(membershipApplications.membershipId, membershipsLeftOnOrBefore(db, leftOnOrBefore)),
        ),
      ),
    )
    .returning({
      organisationId: membershipApplications.organisationId,
      status: membershipApplications.status,
    });
  const counts = new Map<string, { unconfirmed: number; declined: number; left: number }>();
  for (const row of rows) {
    const entry = counts.get(row.organisationId) ?? { unconfirmed: 0, declined: 0, left: 0 };
    if (row.status === "declined") entry.declined++;
    else if (row.status === "approved") entry.left++;
    else entry.unconfirmed++;
    counts.set(row.organisationId, entry);
  }
  return counts;
}
