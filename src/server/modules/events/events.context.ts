import type { Locale } from "../../../contracts/i18n";
import { managesEvent, seesEvent, type Viewer } from "../../../core/events/audience";
import type { RegistrationEvent } from "../../../core/events/registration";
import { zonedInstant } from "../../../core/shared/zoned-time";
import type { Actor, OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, forbidden, notFound } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import type { Platform, ServiceContext } from "../../platform/types";
import { findUserLocales } from "../identity/identity.queries";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import type { EventRow, ParticipantRow, RegistrationExtras } from "./events.repository";
import * as repo from "./events.repository";

/** Offices and associations hold events; elsewhere the routes answer as if they did not exist. */
export function eventOrgOf(ctx: Pick<ServiceContext, "organisation">): OrganisationScope {
  const org = ctx.organisation;
  if (org?.kind !== "coordinationOffice" && org?.kind !== "association") throw notFound();
  return org;
}

export function actorOf(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError("unauthenticated", 401);
  return ctx.actor;
}

export function viewerOf(ctx: ServiceContext, event: Pick<EventRow, "organiserIds"> | null): Viewer {
  return {
    roles: ctx.membership?.roles ?? null,
    isOrganiser: ctx.actor ? (event?.organiserIds.includes(ctx.actor.userId) ?? false) : false,
  };
}

/** The event of the caller's organisation that she may see; anything else answers as if it did not exist. */
export async function requireVisibleEvent(
  db: Executor,
  ctx: ServiceContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<EventRow> {
  const row = await repo.findEvent(db, eventOrgOf(ctx).id, id, options);
  if (!row || !seesEvent(row.audience, viewerOf(ctx, row))) throw notFound();
  return row;
}

/** Staff or one of the event's organisers; a member who only attends gets 403. */
export async function requireManagedEvent(
  db: Executor,
  ctx: ServiceContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<EventRow> {
  const row = await requireVisibleEvent(db, ctx, id, options);
  if (!managesEvent(viewerOf(ctx, row))) throw forbidden();
  return row;
}

/** The instants of local dates and wall times; "24:00" is the next midnight. */
export function instantsOf(date: string, endDate: string, from: string, to: string) {
  return { startsAt: zonedInstant(date, from), endsAt: zonedInstant(endDate, to) };
}

export function formatDate(iso: string, locale: Locale): string {
  const [year, month, day] = iso.split("-");
  return locale === "de" ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}

/** "08.12.2026, 19:30–21:30 Uhr" or over several days "05.06.2027, 09:00 – 06.06.2027, 16:00 Uhr". */
export function formatWhen(
  event: Pick<EventRow, "date" | "endDate" | "from" | "to">,
  locale: Locale,
): string {
  const t = translator(locale);
  if (event.endDate === event.date)
    return t("mail.eventWhen", { date: formatDate(event.date, locale), from: event.from, to: event.to });
  return t("mail.eventWhenDays", {
    date: formatDate(event.date, locale),
    from: event.from,
    endDate: formatDate(event.endDate, locale),
    to: event.to,
  });
}

export function formatPlace(event: Pick<EventRow, "place">, locale: Locale): string {
  const { place } = event;
  const address = [place.name, place.street, [place.postalCode, place.town].filter(Boolean).join(" ")]
    .filter((part) => part !== "")
    .join(", ");
  if (address) return address;
  return translator(locale)("mail.eventOnline");
}

export interface MailOrganisation {
  id: string;
  slug: string;
  name: string;
  email: string | null;
}

export async function mailOrganisation(
  tx: Executor,
  org: { id: string; slug: string; name: string },
): Promise<MailOrganisation> {
  const [summary] = await findOrganisationSummaries(tx, [org.id]);
  return { id: org.id, slug: org.slug, name: org.name, email: summary?.email ?? null };
}

/** Links in mails: members to the app, guests to the public page and their own registration. */
export function eventLinks(platform: Platform, org: { slug: string }, eventId: string) {
  const base = platform.env.PUBLIC_URL;
  return {
    member: `${base}/app/${org.slug}/termine/${eventId}`,
    public: `${base}/o/${org.slug}/termine/${eventId}`,
    memberCalendar: `${base}/api/orgs/${org.slug}/events/${eventId}/calendar.ics`,
    publicCalendar: `${base}/api/public/orgs/${org.slug}/events/${eventId}/calendar.ics`,
    guestManage: (token: string) => `${base}/termine/anmeldung/${token}`,
  };
}

export type EventMailKey =
  | "eventRegistered"
  | "eventWaitlisted"
  | "eventMovedUp"
  | "eventRegistrationCancelled"
  | "eventWaitingLeft"
  | "eventRegistrationCancelledByStaff"
  | "eventCancelled"
  | "eventChanged"
  | "eventReminder";

/**
 * Mails to the people of one date, queued in the caller's transaction (ADR 0003). A member reads hers in her
 * language with a link to the app; a guest in the language of the page she registered on, with her own
 * registration link when she has one.
 */
export class EventMailer {
  private locales = new Map<string, Locale>();
  constructor(
    private readonly tx: Executor,
    private readonly platform: Platform,
    private readonly org: MailOrganisation,
  ) {}

  async loadLocales(people: Iterable<ParticipantRow>): Promise<void> {
    const ids = [...people].flatMap((p) => (p.userId ? [p.userId] : []));
    for (const [id, locale] of await findUserLocales(this.tx, ids)) this.locales.set(id, locale);
  }

  async send(
    person: ParticipantRow,
    event: EventRow,
    key: EventMailKey,
    params: Record<string, string | number> = {},
    guestToken: string | null = null,
  ): Promise<void> {
    const locale: Locale = person.userId ? (this.locales.get(person.userId) ?? "de") : person.locale;
    const links = eventLinks(this.platform, this.org, event.id);
    const isGuest = person.userId === null;
    const t = translator(locale);
    const link = isGuest ? (guestToken ? links.guestManage(guestToken) : links.public) : links.member;
    const onlineLine =
      event.place.onlineUrl &&
      (key === "eventRegistered" || key === "eventMovedUp" || key === "eventReminder")
        ? `\n\n${t("mail.eventOnlineLink", { url: event.place.onlineUrl })}`
        : "";
    const mail = composeMail(
      locale,
      key,
      {
        name: person.name,
        organisation: this.org.name,
        event: event.title,
        when: formatWhen(event, locale),
        place: formatPlace(event, locale),
        calendarUrl: event.audience === "public" || isGuest ? links.publicCalendar : links.memberCalendar,
        online: onlineLine,
        reason: "",
        ...params,
      },
      link,
    );
    await this.platform.mailer.queue(this.tx, { to: person.email, organisationId: this.org.id, ...mail });
  }
}

/**
 * Writes a transition's rows and mails everyone it touched: places, waiting positions, moving up and
 * cancellations, each in the person's words.
 */
export async function applyRegistrationOutcome(
  tx: Executor,
  platform: Platform,
  org: MailOrganisation,
  event: EventRow,
  outcome: { changed: Parameters<typeof repo.writeRegistrations>[2]; events: readonly RegistrationEvent[] },
  existingIds: ReadonlySet<string>,
  options: {
    extras?: ReadonlyMap<string, RegistrationExtras>;
    /** "event": the date itself was cancelled (reason given); "staff": staff ended one registration. */
    cancelMail?: "event" | "staff";
    reason?: string;
    /** The guest's own link for the registration just made, for its mail. */
    guestTokens?: ReadonlyMap<string, string>;
  } = {},
): Promise<void> {
  await repo.writeRegistrations(tx, org.id, outcome.changed, existingIds, options.extras);
  const people = await repo.findParticipants(
    tx,
    outcome.events.map((e) => e.participantId),
  );
  const mailer = new EventMailer(tx, platform, org);
  await mailer.loadLocales(people.values());
  for (const change of outcome.events) {
    const person = people.get(change.participantId);
    if (!person) continue;
    const guestToken = options.guestTokens?.get(change.registrationId) ?? null;
    switch (change.type) {
      case "registered":
        await mailer.send(person, event, "eventRegistered", {}, guestToken);
        break;
      case "waitlisted":
        await mailer.send(person, event, "eventWaitlisted", { position: change.position }, guestToken);
        break;
      case "movedUp":
        await mailer.send(person, event, "eventMovedUp");
        break;
      case "cancelled": {
        const key =
          options.cancelMail === "event"
            ? "eventCancelled"
            : options.cancelMail === "staff" || change.by === "staff"
              ? "eventRegistrationCancelledByStaff"
              : change.hadPlace
                ? "eventRegistrationCancelled"
                : "eventWaitingLeft";
        const reason = options.reason?.trim() || translator("de")("mail.eventNoReason");
        await mailer.send(person, event, key, { reason });
        break;
      }
    }
  }
}

export function requireOrganisers(
  members: readonly { userId: string }[],
  organiserIds: readonly string[],
): void {
  const known = new Set(members.map((m) => m.userId));
  const index = organiserIds.findIndex((id) => !known.has(id));
  if (index >= 0) throw fieldError(`organiserIds.${index}`, "eventOrganiserUnknown");
}
