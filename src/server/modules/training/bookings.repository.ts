import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Booking } from "../../../core/training/booking";
import type { CompletedQualification } from "../../../core/training/catalogue";
import type { Executor } from "../../platform/db/client";
import { guestLinks } from "../../platform/guest-link";
import { userContacts } from "../identity/identity.queries";
import { findOrganisationSummaries, isActiveMember } from "../organisations/organisations.queries";
import {
  trainingBookings,
  trainingCalendarFeeds,
  trainingCertificates,
  trainingCourses,
  trainingExternalCertificates,
  trainingGuestRequests,
  trainingParticipants,
  trainingSessions,
} from "./training.tables";

export type BookingRow = typeof trainingBookings.$inferSelect;
export type ParticipantRow = typeof trainingParticipants.$inferSelect;

/**
 * An instant as the database returns it in string mode ("2026-03-02 09:00:00.123+00" on both drivers) as ISO
 * 8601, which the booking rules compare with Date.parse.
 */
export function isoInstant(value: string): string {
  const normalised = value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00");
  const parsed = new Date(normalised);
  if (Number.isNaN(parsed.getTime())) throw new Error(`unreadable instant ${value}`);
  return parsed.toISOString();
}

/** The booking as the rules in core/training read it. */
export function toBooking(row: BookingRow): Booking {
  return {
    id: row.id,
    runId: row.courseId,
    participantId: row.participantId,
    status: row.status,
    bookedAt: isoInstant(row.bookedAt),
    sequence: row.sequence,
    endedAt: row.endedAt ? isoInstant(row.endedAt) : null,
    endedBy: row.endedBy,
  };
}

export async function listBookings(db: Executor, courseIds: readonly string[]): Promise<BookingRow[]> {
  if (courseIds.length === 0) return [];
  return db
    .select()
    .from(trainingBookings)
    .where(inArray(trainingBookings.courseId, [...new Set(courseIds)]))
    .orderBy(asc(trainingBookings.bookedAt), asc(trainingBookings.sequence));
}

export async function findBooking(db: Executor, courseId: string, id: string): Promise<BookingRow | null> {
  const [row] = await db
    .select()
    .from(trainingBookings)
    .where(and(eq(trainingBookings.courseId, courseId), eq(trainingBookings.id, id)));
  return row ?? null;
}

/** A booking by id within the organisation, for routes that name only the booking. */
export async function findBookingInOrganisation(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<BookingRow | null> {
  const [row] = await db
    .select()
    .from(trainingBookings)
    .where(and(eq(trainingBookings.organisationId, organisationId), eq(trainingBookings.id, id)));
  return row ?? null;
}

/** Extra columns a transition's rows carry beyond the rules' booking. */
export interface BookingExtras {
  endedReason?: string | null;
  movedToCourseId?: string | null;
}

/**
 * Writes the rows a transition changed: new ones are inserted, known ones updated. Updates go first, so that
 * a cancelled booking leaves the partial unique indexes before a new active one of the same person arrives.
 */
export async function writeBookings(
  db: Executor,
  organisationId: string,
  courses: ReadonlyMap<string, { seriesId: string }>,
  changed: readonly Booking[],
  existingIds: ReadonlySet<string>,
  extras: ReadonlyMap<string, BookingExtras> = new Map(),
): Promise<void> {
  for (const booking of changed.filter((b) => existingIds.has(b.id))) {
    await db
      .update(trainingBookings)
      .set({
        status: booking.status,
        endedAt: booking.endedAt,
        endedBy: booking.endedBy,
        ...extras.get(booking.id),
      })
      .where(eq(trainingBookings.id, booking.id));
  }
  for (const booking of changed.filter((b) => !existingIds.has(b.id))) {
    const course = courses.get(booking.runId);
    if (!course) throw new Error("booking for a run that is not locked");
    await db.insert(trainingBookings).values({
      id: booking.id,
      organisationId,
      courseId: booking.runId,
      seriesId: course.seriesId,
      participantId: booking.participantId,
      status: booking.status,
      bookedAt: booking.bookedAt,
      sequence: booking.sequence,
      endedAt: booking.endedAt,
      endedBy: booking.endedBy,
      ...extras.get(booking.id),
    });
  }
}

/** Runs of the series, other than `courseId`, in which the participant holds a place or waits. */
export async function otherActiveRunIds(
  db: Executor,
  seriesId: string,
  participantId: string,
  courseId: string,
): Promise<string[]> {
  const rows = await db
    .select({ courseId: trainingBookings.courseId })
    .from(trainingBookings)
    .where(
      and(
        eq(trainingBookings.seriesId, seriesId),
        eq(trainingBookings.participantId, participantId),
        inArray(trainingBookings.status, ["confirmed", "waiting"]),
      ),
    );
  return rows.map((row) => row.courseId).filter((id) => id !== courseId);
}

export async function findParticipants(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, ParticipantRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(trainingParticipants)
    .where(inArray(trainingParticipants.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function findMemberParticipant(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<ParticipantRow | null> {
  const [row] = await db
    .select()
    .from(trainingParticipants)
    .where(
      and(eq(trainingParticipants.organisationId, organisationId), eq(trainingParticipants.userId, userId)),
    );
  return row ?? null;
}

/**
 * The member's participant row, created from her account's name and e-mail on her first booking. Two first
 * bookings at once meet at the unique index; the loser reads the winner's row.
 */
export async function ensureMemberParticipant(
  db: Executor,
  organisationId: string,
  account: { userId: string; name: string; email: string },
): Promise<ParticipantRow> {
  const existing = await findMemberParticipant(db, organisationId, account.userId);
  if (existing) return existing;
  await db
    .insert(trainingParticipants)
    .values({ organisationId, userId: account.userId, name: account.name, email: account.email })
    .onConflictDoNothing();
  const created = await findMemberParticipant(db, organisationId, account.userId);
  if (!created) throw new Error("participant not created");
  return created;
}

/** A guest's participant row by e-mail (any case), created on her first confirmed booking. */
export async function ensureGuestParticipant(
  db: Executor,
  organisationId: string,
  guest: { name: string; email: string; locale: ParticipantRow["locale"] },
): Promise<ParticipantRow> {
  const find = async () => {
    const [row] = await db
      .select()
      .from(trainingParticipants)
      .where(
        and(
          eq(trainingParticipants.organisationId, organisationId),
          isNull(trainingParticipants.userId),
          sql`lower(${trainingParticipants.email}) = lower(${guest.email})`,
        ),
      );
    return row ?? null;
  };
  const existing = await find();
  // Her latest booking's page decides the language, so a guest who switched to English is written to in English.
  if (existing && existing.locale !== guest.locale) {
    await db
      .update(trainingParticipants)
      .set({ locale: guest.locale })
      .where(eq(trainingParticipants.id, existing.id));
    return { ...existing, locale: guest.locale };
  }
  if (existing) return existing;
  await db
    .insert(trainingParticipants)
    .values({ organisationId, userId: null, name: guest.name, email: guest.email, locale: guest.locale })
    .onConflictDoNothing();
  const created = await find();
  if (!created) throw new Error("participant not created");
  return created;
}

/**
 * What the participant has completed, for the prerequisites: certificates issued to her (for a member, in
 * every organisation she took part in, found by her account) and external certificates once accepted.
 */
export async function completedQualifications(
  db: Executor,
  participant: Pick<ParticipantRow, "id" | "userId">,
): Promise<CompletedQualification[]> {
  const participantIds = participant.userId
    ? (
        await db
          .select({ id: trainingParticipants.id })
          .from(trainingParticipants)
          .where(eq(trainingParticipants.userId, participant.userId))
      ).map((row) => row.id)
    : [participant.id];
  if (participantIds.length === 0) return [];
  const [issued, accepted] = await Promise.all([
    db
      .select({
        category: trainingCertificates.category,
        completedOn: trainingCertificates.completedOn,
        validUntil: trainingCertificates.validUntil,
      })
      .from(trainingCertificates)
      .where(
        and(
          inArray(trainingCertificates.participantId, participantIds),
          eq(trainingCertificates.status, "issued"),
        ),
      ),
    db
      .select({
        category: trainingExternalCertificates.category,
        completedOn: trainingExternalCertificates.completedOn,
        validUntil: trainingExternalCertificates.validUntil,
      })
      .from(trainingExternalCertificates)
      .where(
        and(
          inArray(trainingExternalCertificates.participantId, participantIds),
          eq(trainingExternalCertificates.status, "accepted"),
        ),
      ),
  ]);
  return [...issued, ...accepted];
}

/** The participant's bookings (every status), latest run first. */
export async function listParticipantBookings(db: Executor, participantId: string): Promise<BookingRow[]> {
  return db
    .select({ booking: trainingBookings })
    .from(trainingBookings)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingBookings.courseId))
    .where(eq(trainingBookings.participantId, participantId))
    .orderBy(desc(trainingCourses.startsOn), desc(trainingBookings.bookedAt))
    .then((rows) => rows.map((row) => row.booking));
}

// ---------------------------------------------------------------------------------------------------------
// Guests

/** How long a guest's e-mailed link works. */
export const GUEST_LINK_HOURS = 48;

export async function insertGuestRequest(
  db: Executor,
  values: Omit<typeof trainingGuestRequests.$inferInsert, "id">,
): Promise<void> {
  await db.insert(trainingGuestRequests).values(values);
}

/** The guest's single-use link (ADR 0013): 48 hours, at most three open ones per address and run. */
export const guestRequestLinks = guestLinks({
  table: trainingGuestRequests,
  tokenHash: trainingGuestRequests.tokenHash,
  expiresAt: trainingGuestRequests.expiresAt,
  usedAt: trainingGuestRequests.usedAt,
  organisationId: trainingGuestRequests.organisationId,
  email: trainingGuestRequests.email,
  expiry: (issuedAt) => new Date(issuedAt.getTime() + GUEST_LINK_HOURS * 3_600_000),
  organisationSlug: async (db, id) => (await findOrganisationSummaries(db, [id]))[0]?.slug ?? null,
});

/** Open links of one address for one run: a cap keeps the form from flooding her mailbox. */
export function hasRoomForGuestRequest(db: Executor, courseId: string, email: string, now: Date) {
  return guestRequestLinks.hasRoomFor(db, eq(trainingGuestRequests.courseId, courseId), email, now);
}

export async function setGuestRequestBooking(db: Executor, id: string, bookingId: string): Promise<void> {
  await db.update(trainingGuestRequests).set({ bookingId }).where(eq(trainingGuestRequests.id, id));
}

// ---------------------------------------------------------------------------------------------------------
// Calendar feed

export async function findFeed(db: Executor, userId: string) {
  const [row] = await db.select().from(trainingCalendarFeeds).where(eq(trainingCalendarFeeds.userId, userId));
  return row ?? null;
}

/** Stores the new token's hash; the old URL stops working in the same statement. */
export async function replaceFeed(db: Executor, userId: string, tokenHash: string, createdAt: Date) {
  await db
    .insert(trainingCalendarFeeds)
    .values({ userId, tokenHash, createdAt })
    .onConflictDoUpdate({ target: trainingCalendarFeeds.userId, set: { tokenHash, createdAt } });
}

export async function deleteFeed(db: Executor, userId: string): Promise<boolean> {
  const rows = await db
    .delete(trainingCalendarFeeds)
    .where(eq(trainingCalendarFeeds.userId, userId))
    .returning({ userId: trainingCalendarFeeds.userId });
  return rows.length > 0;
}

export async function findFeedUser(db: Executor, tokenHash: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: trainingCalendarFeeds.userId })
    .from(trainingCalendarFeeds)
    .where(eq(trainingCalendarFeeds.tokenHash, tokenHash));
  return row?.userId ?? null;
}

export interface FeedSessionRow {
  session: typeof trainingSessions.$inferSelect;
  course: typeof trainingCourses.$inferSelect;
}

/**
 * The sessions of every published run in which the account holds a confirmed place, across organisations,
 * from `since` on — only where she is still a member, so leaving an organisation empties its part.
 */
export async function listFeedSessions(
  db: Executor,
  userId: string,
  since: string,
): Promise<FeedSessionRow[]> {
  return db
    .select({ session: trainingSessions, course: trainingCourses })
    .from(trainingBookings)
    .innerJoin(trainingParticipants, eq(trainingParticipants.id, trainingBookings.participantId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingBookings.courseId))
    .innerJoin(trainingSessions, eq(trainingSessions.courseId, trainingCourses.id))
    .where(
      and(
        eq(trainingParticipants.userId, userId),
        eq(trainingBookings.status, "confirmed"),
        eq(trainingCourses.status, "published"),
        sql`${trainingSessions.date} >= ${since}`,
        isActiveMember(trainingCourses.organisationId, trainingParticipants.userId),
      ),
    )
    .orderBy(asc(trainingSessions.date), asc(trainingSessions.from));
}

/** The account's name and e-mail, as a member's participant row starts from them. */
export async function findAccount(
  db: Executor,
  userId: string,
): Promise<{ userId: string; name: string; email: string } | null> {
  const people = userContacts(db);
  const [row] = await db
    .select({ userId: people.id, name: people.name, email: people.email })
    .from(people)
    .where(eq(people.id, userId));
  return row ?? null;
}
