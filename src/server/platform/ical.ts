/**
 * Calendar files (iCalendar, RFC 5545) for anything with a date and local times: course sessions, later
 * events. Times are written as wall-clock times in Europe/Berlin with the zone's rules (VTIMEZONE), so a
 * 09:00 session stays 09:00 in summer and in winter on every device, whatever zone the server runs in.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export const CALENDAR_TIME_ZONE = "Europe/Berlin";
export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";

/**
 * The zone's rules since 1996 (last Sunday of March 02:00 → CEST, last Sunday of October 03:00 → CET).
 * Written out rather than taken from a time-zone library: one zone needs no dependency, and calendar apps
 * need the block to place the times.
 */
const BERLIN_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "X-LIC-LOCATION:Europe/Berlin",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
].join("\r\n");

export interface CalendarEntry {
  /** Stable across changes, so that a calendar app replaces the entry instead of adding a second one. */
  uid: string;
  /** ISO calendar date, e.g. "2026-03-02". */
  date: string;
  /** "HH:MM" local time; `to` is exclusive and may be "24:00". */
  from: string;
  to: string;
  /** The last day of an entry over several days (`to` is on that day); defaults to `date`. */
  endDate?: string;
  summary: string;
  description?: string;
  location?: string;
  url?: string | null;
  /** Raised on every change (SEQUENCE), so that apps take the newer version. */
  sequence: number;
  isCancelled?: boolean;
  /** Not certain yet (STATUS:TENTATIVE), e.g. a place on a waiting list. */
  isTentative?: boolean;
}

export interface CalendarInput {
  /** Shown by apps as the calendar's name. */
  name: string;
  entries: readonly CalendarEntry[];
  /**
   * "publish" for a single file to import (METHOD:PUBLISH); null for a subscribed feed, which carries no
   * method (RFC 7986 feeds are read, not processed as messages).
   */
  method: "publish" | null;
  /** DTSTAMP of every entry. */
  now: Date;
}

/**
 * A wall-clock time in the shape ical-generator accepts as a Temporal PlainDateTime: with a time zone set on
 * the event it is written as the given digits with TZID, never converted through the process's own zone.
 */
function wallClock(date: string, time: string) {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  let [hour, minute] = time.split(":").map(Number) as [number, number];
  let dayOffset = 0;
  if (hour === 24) {
    hour = 0;
    dayOffset = 1;
  }
  const shifted = new Date(Date.UTC(year, month - 1, day + dayOffset));
  const plain = {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour,
    minute,
    second: 0,
    toPlainDate: () => ({ year: plain.year, month: plain.month, day: plain.day }),
    toZonedDateTime: (timeZoneId: string) => {
      const zoned = {
        ...plain,
        timeZoneId,
        toPlainDateTime: () => plain,
        withTimeZone: () => zoned,
        toInstant: () => ({
          epochMilliseconds: Date.UTC(plain.year, plain.month - 1, plain.day, hour, minute),
        }),
        toString: () => `${date}T${time}[${timeZoneId}]`,
        toJSON: () => `${date}T${time}[${timeZoneId}]`,
      };
      return zoned;
    },
    toString: () => `${date}T${time}`,
    toJSON: () => `${date}T${time}`,
  };
  return plain;
}

/** One calendar file with every entry in Europe/Berlin local time. */
export function buildCalendar(input: CalendarInput): string {
  const calendar = ical({
    name: input.name,
    prodId: { company: "KTP-Netz", product: "KTP-Netz", language: "DE" },
    // No zone name for the calendar: DTSTAMP and other instants stay in UTC; the events name their zone.
    timezone: { name: null, generator: (zone) => (zone === CALENDAR_TIME_ZONE ? BERLIN_VTIMEZONE : null) },
  });
  if (input.method === "publish") calendar.method(ICalCalendarMethod.PUBLISH);
  for (const entry of input.entries) {
    calendar.createEvent({
      id: entry.uid,
      // biome-ignore lint/suspicious/noExplicitAny: a Temporal-shaped value; see wallClock
      start: wallClock(entry.date, entry.from) as any,
      // biome-ignore lint/suspicious/noExplicitAny: a Temporal-shaped value; see wallClock
      end: wallClock(entry.endDate ?? entry.date, entry.to) as any,
      timezone: CALENDAR_TIME_ZONE,
      stamp: input.now,
      sequence: entry.sequence,
      summary: entry.summary,
      ...(entry.description ? { description: entry.description } : {}),
      ...(entry.location ? { location: entry.location } : {}),
      ...(entry.url ? { url: entry.url } : {}),
      status: entry.isCancelled
        ? ICalEventStatus.CANCELLED
        : entry.isTentative
          ? ICalEventStatus.TENTATIVE
          : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** A file name safe for a Content-Disposition header: letters, digits and dashes. */
export function calendarFileName(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${base || "kalender"}.ics`;
}
