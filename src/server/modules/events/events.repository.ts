import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, type SQL, sql } from "drizzle-orm";
import type { Registration } from "../../../core/events/registration";
import type { Executor } from "../../platform/db/client";
import { guestLinks } from "../../platform/guest-link";
import { userContacts } from "../identity/identity.queries";
import { findOrganisationSummaries, isActiveMember } from "../organisations/organisations.queries";
import {
  eventGuestRequests,
  eventParticipants,
  eventRegistrations,
  eventSeries,
  events,
} from "./events.tables";

export type EventRow = typeof events.$inferSelect;
export type NewEventRow = typeof events.$inferInsert;
export type SeriesRow = typeof eventSeries.$inferSelect;
export type NewSeriesRow = typeof eventSeries.$inferInsert;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;
export type ParticipantRow = typeof eventParticipants.$inferSelect;

/** An instant in string mode ("2026-03-02 09:00:00.123+00" on both drivers) as ISO 8601. */
export function isoInstant(value: string): string {
  const normalised = value.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00");
  const parsed = new Date(normalised);
  if (Number.isNaN(parsed.getTime())) throw new Error(`unreadable instant ${value}`);
  return parsed.toISOString();
}

export function toRegistration(row: RegistrationRow): Registration {
  return {
    id: row.id,
    eventId: row.eventId,
    participantId: row.participantId,
    status: row.status,
    bookedAt: isoInstant(row.bookedAt),
    sequence: row.sequence,
    endedAt: row.endedAt ? isoInstant(row.endedAt) : null,
    endedBy: row.endedBy,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Events and series

export async function findEvent(
  db: Executor,
  organisationId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<EventRow | null> {
  const query = db
    .select()
    .from(events)
    .where(and(eq(events.organisationId, organisationId), eq(events.id, id)));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function findEventById(db: Executor, id: string): Promise<EventRow | null> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row ?? null;
}

export async function findEventsByIds(db: Executor, ids: readonly string[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(events)
    .where(inArray(events.id, [...new Set(ids)]));
}

export async function insertEvents(db: Executor, rows: NewEventRow[]): Promise<EventRow[]> {
  if (rows.length === 0) return [];
  return db.insert(events).values(rows).returning();
}

export async function updateEvent(db: Executor, id: string, values: Partial<NewEventRow>): Promise<EventRow> {
  const [row] = await db
    .update(events)
    .set({ ...values, updatedAt: new Date(), revision: sql`${events.revision} + 1` })
    .where(eq(events.id, id))
    .returning();
  if (!row) throw new Error("event vanished");
  return row;
}

export async function deleteEvent(db: Executor, id: string): Promise<void> {
  await db.delete(events).where(eq(events.id, id));
}

export interface EventFilter {
  /** Events ending after this instant … */
  from?: Date;
  /** … and starting before this one. */
  to?: Date;
  kind?: EventRow["kind"];
  status?: EventRow["status"];
  audiences?: readonly EventRow["audience"][];
  seriesId?: string;
  limit?: number;
}

export async function listEvents(
  db: Executor,
  organisationId: string,
  filter: EventFilter = {},
): Promise<EventRow[]> {
  const conditions: (SQL | undefined)[] = [
    eq(events.organisationId, organisationId),
    filter.from ? gt(events.endsAt, filter.from) : undefined,
    filter.to ? lt(events.startsAt, filter.to) : undefined,
    filter.kind ? eq(events.kind, filter.kind) : undefined,
    filter.status ? eq(events.status, filter.status) : undefined,
    filter.audiences ? inArray(events.audience, [...filter.audiences]) : undefined,
    filter.seriesId ? eq(events.seriesId, filter.seriesId) : undefined,
  ];
  const query = db
    .select()
    .from(events)
    .where(and(...conditions))
    .orderBy(asc(events.startsAt), asc(events.id));
  return filter.limit ? query.limit(filter.limit) : query;
}

export async function findSeries(
  db: Executor,
  organisationId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<SeriesRow | null> {
  const query = db
    .select()
    .from(eventSeries)
    .where(and(eq(eventSeries.organisationId, organisationId), eq(eventSeries.id, id)));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

export async function insertSeries(db: Executor, values: NewSeriesRow): Promise<SeriesRow> {
  const [row] = await db.insert(eventSeries).values(values).returning();
  if (!row) throw new Error("series not inserted");
  return row;
}

export async function updateSeries(
  db: Executor,
  id: string,
  values: Partial<NewSeriesRow>,
): Promise<SeriesRow> {
  const [row] = await db
    .update(eventSeries)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(eventSeries.id, id))
    .returning();
  if (!row) throw new Error("series vanished");
  return row;
}

/** Active series whose dates exist only up to before `horizon`: the nightly job adds the rest. */
export async function listSeriesToExtend(db: Executor, horizon: string): Promise<SeriesRow[]> {
  return db
    .select()
    .from(eventSeries)
    .where(and(eq(eventSeries.status, "active"), lt(eventSeries.materialisedUntil, horizon)))
    .for("update");
}

// ---------------------------------------------------------------------------------------------------------
// Participants and registrations

export async function findParticipants(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, ParticipantRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(eventParticipants)
    .where(inArray(eventParticipants.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}

export async function findMemberParticipant(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<ParticipantRow | null> {
  const [row] = await db
    .select()
    .from(eventParticipants)
    .where(and(eq(eventParticipants.organisationId, organisationId), eq(eventParticipants.userId, userId)));
  return row ?? null;
}

/** The member's participant row, created on her first registration; name and address follow her account. */
export async function ensureMemberParticipant(
  db: Executor,
  organisationId: string,
  person: { userId: string; name: string; email: string },
): Promise<ParticipantRow> {
  await db
    .insert(eventParticipants)
    .values({ organisationId, userId: person.userId, name: person.name, email: person.email })
    .onConflictDoNothing();
  const row = await findMemberParticipant(db, organisationId, person.userId);
  if (!row) throw new Error("participant missing");
  if (row.name === person.name && row.email === person.email) return row;
  const [updated] = await db
    .update(eventParticipants)
    .set({ name: person.name, email: person.email })
    .where(eq(eventParticipants.id, row.id))
    .returning();
  return updated ?? row;
}

/**
 * A guest is one row per organisation and address; a later registration keeps the latest name and the
 * language of its page, so a guest who switched to English is written to in English.
 */
export async function ensureGuestParticipant(
  db: Executor,
  organisationId: string,
  guest: { name: string; email: string; locale: ParticipantRow["locale"] },
): Promise<ParticipantRow> {
  const email = guest.email.toLowerCase();
  await db
    .insert(eventParticipants)
    .values({ organisationId, userId: null, name: guest.name, email, locale: guest.locale })
    .onConflictDoNothing();
  const [row] = await db
    .update(eventParticipants)
    .set({ name: guest.name, locale: guest.locale })
    .where(
      and(
        eq(eventParticipants.organisationId, organisationId),
        isNull(eventParticipants.userId),
        sql`lower(${eventParticipants.email}) = ${email}`,
      ),
    )
    .returning();
  if (!row) throw new Error("guest participant missing");
  return row;
}

export async function listRegistrations(
  db: Executor,
  eventIds: readonly string[],
): Promise<RegistrationRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .select()
    .from(eventRegistrations)
    .where(inArray(eventRegistrations.eventId, [...new Set(eventIds)]))
    .orderBy(asc(eventRegistrations.bookedAt), asc(eventRegistrations.sequence));
}

/** Confirmed and waiting counts per event, for lists. */
export async function countRegistrations(
  db: Executor,
  eventIds: readonly string[],
): Promise<Map<string, { confirmed: number; waiting: number }>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({
      eventId: eventRegistrations.eventId,
      status: eventRegistrations.status,
      count: sql<number>`count(*)::int`,
    })
    .from(eventRegistrations)
    .where(
      and(
        inArray(eventRegistrations.eventId, [...new Set(eventIds)]),
        inArray(eventRegistrations.status, ["confirmed", "waiting"]),
      ),
    )
    .groupBy(eventRegistrations.eventId, eventRegistrations.status);
  const result = new Map<string, { confirmed: number; waiting: number }>();
  for (const row of rows) {
    const entry = result.get(row.eventId) ?? { confirmed: 0, waiting: 0 };
    if (row.status === "confirmed") entry.confirmed = Number(row.count);
    if (row.status === "waiting") entry.waiting = Number(row.count);
    result.set(row.eventId, entry);
  }
  return result;
}

export interface RegistrationExtras {
  answers?: Record<string, string | boolean>;
  endedReason?: string | null;
  manageTokenHash?: string | null;
}

/** Inserts new registrations and updates changed ones (status, end) from a transition's result. */
export async function writeRegistrations(
  db: Executor,
  organisationId: string,
  changed: readonly Registration[],
  existingIds: ReadonlySet<string>,
  extras: ReadonlyMap<string, RegistrationExtras> = new Map(),
): Promise<void> {
  for (const entry of changed) {
    const extra = extras.get(entry.id) ?? {};
    if (existingIds.has(entry.id)) {
      await db
        .update(eventRegistrations)
        .set({
          status: entry.status,
          endedAt: entry.endedAt,
          endedBy: entry.endedBy,
          ...(extra.endedReason !== undefined ? { endedReason: extra.endedReason } : {}),
        })
        .where(eq(eventRegistrations.id, entry.id));
    } else {
      await db.insert(eventRegistrations).values({
        id: entry.id,
        organisationId,
        eventId: entry.eventId,
        participantId: entry.participantId,
        status: entry.status,
        bookedAt: entry.bookedAt,
        sequence: entry.sequence,
        endedAt: entry.endedAt,
        endedBy: entry.endedBy,
        answers: extra.answers ?? {},
        manageTokenHash: extra.manageTokenHash ?? null,
      });
    }
  }
}

export async function setAttendance(db: Executor, id: string, attended: boolean | null): Promise<void> {
  await db.update(eventRegistrations).set({ attended }).where(eq(eventRegistrations.id, id));
}

export async function findRegistrationByManageHash(
  db: Executor,
  tokenHash: string,
): Promise<RegistrationRow | null> {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.manageTokenHash, tokenHash));
  return row ?? null;
}

/** Her registrations (any status) for events ending after `from`. */
export async function listParticipantRegistrations(
  db: Executor,
  participantId: string,
  from: Date,
): Promise<{ registration: RegistrationRow; event: EventRow }[]> {
  return db
    .select({ registration: eventRegistrations, event: events })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(and(eq(eventRegistrations.participantId, participantId), gt(events.endsAt, from)))
    .orderBy(asc(events.startsAt));
}

/** The account's active registrations in organisations she still belongs to, for her personal feed. */
export async function listFeedRegistrations(
  db: Executor,
  userId: string,
  since: Date,
): Promise<{ registration: RegistrationRow; event: EventRow }[]> {
  return db
    .select({ registration: eventRegistrations, event: events })
    .from(eventRegistrations)
    .innerJoin(eventParticipants, eq(eventParticipants.id, eventRegistrations.participantId))
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .where(
      and(
        eq(eventParticipants.userId, userId),
        inArray(eventRegistrations.status, ["confirmed", "waiting"]),
        gte(events.endsAt, since),
        isActiveMember(events.organisationId, eventParticipants.userId),
      ),
    )
    .orderBy(asc(events.startsAt));
}

/** Confirmed registrations of scheduled dates starting within the window, not reminded yet (locked). */
export async function listReminderCandidates(
  db: Executor,
  from: Date,
  to: Date,
): Promise<{ registration: RegistrationRow; event: EventRow; participant: ParticipantRow }[]> {
  return db
    .select({ registration: eventRegistrations, event: events, participant: eventParticipants })
    .from(eventRegistrations)
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .innerJoin(eventParticipants, eq(eventParticipants.id, eventRegistrations.participantId))
    .where(
      and(
        eq(eventRegistrations.status, "confirmed"),
        isNull(eventRegistrations.remindedAt),
        eq(events.status, "scheduled"),
        gt(events.startsAt, from),
        lte(events.startsAt, to),
      ),
    )
    .orderBy(asc(events.startsAt))
    .for("update", { of: eventRegistrations });
}

export async function markReminded(db: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(eventRegistrations)
    .set({ remindedAt: at })
    .where(and(eq(eventRegistrations.id, id), isNull(eventRegistrations.remindedAt)))
    .returning({ id: eventRegistrations.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------------------
// Guest requests

/** How long a guest's e-mailed link works. */
export const GUEST_LINK_HOURS = 48;

/** The guest's single-use link (ADR 0013): 48 hours, at most three open ones per address and date. */
export const guestRequestLinks = guestLinks({
  table: eventGuestRequests,
  tokenHash: eventGuestRequests.tokenHash,
  expiresAt: eventGuestRequests.expiresAt,
  usedAt: eventGuestRequests.usedAt,
  organisationId: eventGuestRequests.organisationId,
  email: eventGuestRequests.email,
  expiry: (issuedAt) => new Date(issuedAt.getTime() + GUEST_LINK_HOURS * 3_600_000),
  organisationSlug: async (db, id) => (await findOrganisationSummaries(db, [id]))[0]?.slug ?? null,
});

/** Open links of one address for one date: a cap keeps the form from flooding her mailbox. */
export function hasRoomForGuestRequest(db: Executor, eventId: string, email: string, now: Date) {
  return guestRequestLinks.hasRoomFor(db, eq(eventGuestRequests.eventId, eventId), email, now);
}

export async function insertGuestRequest(
  db: Executor,
  values: typeof eventGuestRequests.$inferInsert,
): Promise<void> {
  await db.insert(eventGuestRequests).values(values);
}

export async function setGuestRequestRegistration(
  db: Executor,
  id: string,
  registrationId: string,
): Promise<void> {
  await db.update(eventGuestRequests).set({ registrationId }).where(eq(eventGuestRequests.id, id));
}

// ---------------------------------------------------------------------------------------------------------
// People

/** The organisation's active members by name, to pick organisers. */
export async function listMembers(
  db: Executor,
  organisationId: string,
): Promise<{ userId: string; name: string }[]> {
  const person = userContacts(db);
  return db
    .select({ userId: person.id, name: person.name })
    .from(person)
    .where(isActiveMember(sql`${organisationId}::uuid`, person.id))
    .orderBy(asc(person.name));
}

/** An active member of the organisation with her contact, for a registration staff make for her. */
export async function findMember(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<{ userId: string; name: string; email: string } | null> {
  const person = userContacts(db);
  const [row] = await db
    .select({ userId: person.id, name: person.name, email: person.email })
    .from(person)
    .where(and(eq(person.id, userId), isActiveMember(sql`${organisationId}::uuid`, person.id)));
  return row ?? null;
}
