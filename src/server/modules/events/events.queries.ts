/**
 * What other modules may read of events. The personal calendar feed (served by the training module, ADR 0008)
 * adds her registered dates through `personalEventEntries`, so a person has one feed for all her dates.
 */
import type { Locale } from "../../../contracts/i18n";
import type { Executor } from "../../platform/db/client";
import type { CalendarEntry } from "../../platform/ical";
import { eventEntry } from "./events.calendar";
import { listFeedRegistrations } from "./events.repository";

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
