/**
 * What other modules may read of events. The personal calendar feed (served by the training module, ADR 0008)
 * adds her registered dates through `personalEventEntries`, so a person has one feed for all her dates.
 */
import type { Locale } from "../../../contracts/i18n";
import type { Executor } from "../../platform/db/client";
import type { CalendarEntry } from "../../platform/ical";
import { eventEntry } from "./events.calendar";
import { findEvent, findEventsByIds, listFeedRegistrations } from "./events.repository";

/**
 * Her confirmed and waiting registrations for dates ending after `since`, as calendar entries; a place on the
 * waiting list is marked as such and tentative, so her calendar does not promise her a seat.
 */
export async function personalEventEntries(
  db: Executor,
  userId: string,
  since: Date,
  locale: Locale,
): Promise<CalendarEntry[]> {
  const rows = await listFeedRegistrations(db, userId, since);
  return rows.map(({ registration, event }) =>
    eventEntry(event, {
      locale,
      showOnlineUrl: registration.status === "confirmed",
      url: null,
      isWaiting: registration.status === "waiting",
    }),
  );
}

/** One date of the organisation as other modules need it (votes at a meeting), or null. */
export async function findEventSummary(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<{
  id: string;
  title: string;
  date: string;
  endDate: string;
  startsAt: Date;
  status: "scheduled" | "cancelled";
} | null> {
  const row = await findEvent(db, organisationId, id);
  return row
    ? {
        id: row.id,
        title: row.title,
        date: row.date,
        endDate: row.endDate,
        startsAt: row.startsAt,
        status: row.status,
      }
    : null;
}

/** The titles of dates by id (unknown ids are left out). */
export async function findEventTitles(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await findEventsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((row) => [row.id, row.title]));
}
