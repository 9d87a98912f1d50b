import type { Locale } from "../../../contracts/i18n";
import { addMonths, todayIso } from "../../../core/shared/dates";
import { notFound } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { buildCalendar, type CalendarEntry } from "../../platform/ical";
import type { ServiceContext } from "../../platform/types";
import { eventLinks, eventOrgOf, formatPlace, requireVisibleEvent } from "./events.context";
import * as repo from "./events.repository";

/** How far back the organisation's feed reaches, so a subscribed calendar keeps the recent past. */
const FEED_HISTORY_MONTHS = 3;

/**
 * One date as a calendar entry. Every date of a series is its own VEVENT with a UID that never changes
 * (ADR 0011): a moved or cancelled date replaces its entry in subscribed calendars by UID and SEQUENCE.
 */
export function eventEntry(
  event: repo.EventRow,
  options: { locale: Locale; showOnlineUrl: boolean; url: string | null; isWaiting?: boolean },
): CalendarEntry {
  const t = translator(options.locale);
  const isCancelled = event.status === "cancelled";
  const online = options.showOnlineUrl ? event.place.onlineUrl : null;
  const address = formatPlace(event, options.locale);
  const lines = [
    event.description || null,
    isCancelled && event.cancelReason ? event.cancelReason : null,
    online ? t("mail.eventOnlineLink", { url: online }) : null,
  ].filter((line): line is string => line !== null);
  return {
    uid: `event-${event.id}@ktp-netz`,
    date: event.date,
    endDate: event.endDate,
    from: event.from,
    to: event.to,
    summary: isCancelled
      ? t("mail.eventCalendarCancelled", { title: event.title })
      : options.isWaiting
        ? t("mail.eventCalendarWaiting", { title: event.title })
        : event.title,
    description: lines.join("\n\n"),
    location: event.place.postalCode || event.place.street || event.place.name ? address : (online ?? ""),
    url: online ?? options.url,
    sequence: event.revision,
    isCancelled,
    isTentative: !isCancelled && options.isWaiting === true,
  };
}

/** The .ics of one date for members who may see it (and for staff). */
export async function memberEventCalendar(
  ctx: ServiceContext,
  id: string,
): Promise<{ body: string; title: string }> {
  const { db } = ctx.platform;
  const event = await requireVisibleEvent(db, ctx, id);
  const org = eventOrgOf(ctx);
  const body = buildCalendar({
    name: event.title,
    method: "publish",
    now: ctx.platform.now(),
    entries: [
      eventEntry(event, {
        locale: ctx.locale,
        showOnlineUrl: true,
        url: eventLinks(ctx.platform, org, event.id).member,
      }),
    ],
  });
  return { body, title: event.title };
}

/** The .ics of a public date; the online link stays with the registered when registration is on. */
export async function publicEventCalendar(
  ctx: ServiceContext,
  id: string,
): Promise<{ body: string; title: string }> {
  const org = eventOrgOf(ctx);
  const event = await repo.findEvent(ctx.platform.db, org.id, id);
  if (event?.audience !== "public") throw notFound();
  const body = buildCalendar({
    name: event.title,
    method: "publish",
    now: ctx.platform.now(),
    entries: [
      eventEntry(event, {
        locale: ctx.locale,
        showOnlineUrl: !event.registrationEnabled,
        url: eventLinks(ctx.platform, org, event.id).public,
      }),
    ],
  });
  return { body, title: event.title };
}

/** The organisation's public feed: its public dates from three months back to the end of the horizon. */
export async function organisationFeed(ctx: ServiceContext): Promise<string> {
  const org = eventOrgOf(ctx);
  const now = ctx.platform.now();
  const since = new Date(`${addMonths(todayIso(now), -FEED_HISTORY_MONTHS)}T00:00:00Z`);
  const rows = await repo.listEvents(ctx.platform.db, org.id, { from: since, audiences: ["public"] });
  return buildCalendar({
    name: translator("de")("mail.eventCalendarFeedName", { organisation: org.name }),
    method: null,
    now,
    entries: rows.map((event) =>
      eventEntry(event, {
        locale: "de",
        showOnlineUrl: !event.registrationEnabled,
        url: eventLinks(ctx.platform, org, event.id).public,
      }),
    ),
  });
}
