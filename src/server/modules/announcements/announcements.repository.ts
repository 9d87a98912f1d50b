import { and, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import { announcementMailSettings, announcementRecipients, announcements } from "./announcements.tables";

export async function insertAnnouncement(db: Executor, values: typeof announcements.$inferInsert) {
  const [row] = await db.insert(announcements).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function insertRecipients(db: Executor, rows: (typeof announcementRecipients.$inferInsert)[]) {
  if (rows.length > 0) await db.insert(announcementRecipients).values(rows);
}

/** Of the given accounts, those who turned off mails for announcements that are not essential. */
export async function findMailOptOuts(db: Executor, organisationId: string, userIds: string[]) {
  if (userIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ userId: announcementMailSettings.userId })
    .from(announcementMailSettings)
    .where(
      and(
        eq(announcementMailSettings.organisationId, organisationId),
        inArray(announcementMailSettings.userId, userIds),
        eq(announcementMailSettings.isNonEssentialMailOff, true),
      ),
    );
  return new Set(rows.map((row) => row.userId));
}

/**
 * The organisation's announcements a person sees, newest first: those she received, and all of them when
 * she writes announcements herself. `readAt` is hers (null: unread; undefined when she was not a recipient).
 */
export async function listVisible(db: Executor, organisationId: string, userId: string, isWriter: boolean) {
  return db
    .select({
      announcement: announcements,
      recipientUserId: announcementRecipients.userId,
      readAt: announcementRecipients.readAt,
    })
    .from(announcements)
    .leftJoin(
      announcementRecipients,
      and(
        eq(announcementRecipients.announcementId, announcements.id),
        eq(announcementRecipients.userId, userId),
      ),
    )
    .where(
      and(
        eq(announcements.organisationId, organisationId),
        isWriter ? undefined : eq(announcementRecipients.userId, userId),
      ),
    )
    .orderBy(desc(announcements.createdAt))
    .limit(200);
}

export async function countUnread(db: Executor, organisationId: string, userId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(announcementRecipients)
    .where(
      and(
        eq(announcementRecipients.organisationId, organisationId),
        eq(announcementRecipients.userId, userId),
        isNull(announcementRecipients.readAt),
      ),
    );
  return row?.n ?? 0;
}

/** Marks her copy read; false when she is not among the announcement's recipients. */
export async function markRead(db: Executor, organisationId: string, id: string, userId: string, at: Date) {
  const rows = await db
    .update(announcementRecipients)
    // The first reading counts; opening it again changes nothing.
    .set({ readAt: sql`coalesce(${announcementRecipients.readAt}, ${at})` })
    .where(
      and(
        eq(announcementRecipients.organisationId, organisationId),
        eq(announcementRecipients.announcementId, id),
        eq(announcementRecipients.userId, userId),
      ),
    )
    .returning({ userId: announcementRecipients.userId });
  return rows.length > 0;
}

export async function saveMailSetting(
  db: Executor,
  organisationId: string,
  userId: string,
  isNonEssentialMailOff: boolean,
  at: Date,
) {
  await db
    .insert(announcementMailSettings)
    .values({ organisationId, userId, isNonEssentialMailOff, updatedAt: at })
    .onConflictDoUpdate({
      target: [announcementMailSettings.organisationId, announcementMailSettings.userId],
      set: { isNonEssentialMailOff, updatedAt: at },
    });
}

export async function listMailSettingsOfUser(db: Executor, userId: string) {
  return db
    .select({
      organisationId: announcementMailSettings.organisationId,
      isNonEssentialMailOff: announcementMailSettings.isNonEssentialMailOff,
    })
    .from(announcementMailSettings)
    .where(eq(announcementMailSettings.userId, userId));
}
