import { randomUUID } from "node:crypto";
import type {
  CancelEventBody,
  EventInput,
  EventListQuery,
  EventPeople,
  MemberEventDetail,
  MemberEventList,
  MinutesInput,
  PlaceInput,
  PublicEvent,
  PublicEventList,
  PublicEventListQuery,
  QuestionInput,
  SeriesInput,
  SkipDateBody,
  StaffEventDetail,
  StaffEventList,
  StaffSeriesDetail,
} from "../../../contracts/events";
import { managesEvent, readsMinutes, seesEvent } from "../../../core/events/audience";
import type { Question } from "../../../core/events/questions";
import {
  expandRecurrence,
  horizonOf,
  isSeriesDate,
  type Recurrence,
  recurrenceProblems,
} from "../../../core/events/recurrence";
import { cancelAll, changeCapacity } from "../../../core/events/registration";
import { addDays, todayIso } from "../../../core/shared/dates";
import { writeAudit } from "../../platform/audit/audit";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { geocodeAddress } from "../../platform/geo/postal-codes";
import type { Platform, ServiceContext } from "../../platform/types";
import {
  actorOf,
  applyRegistrationOutcome,
  EventMailer,
  eventOrgOf,
  instantsOf,
  type MailOrganisation,
  mailOrganisation,
  requireOrganisers,
  requireVisibleEvent,
  viewerOf,
} from "./events.context";
import {
  countsOf,
  presentListItem,
  presentMyRegistration,
  presentQuestions,
  presentSeries,
  presentStaffDetail,
  targetOf,
} from "./events.presenter";
import * as repo from "./events.repository";
import type { StoredPlace } from "./events.tables";

/** Lists reach this far back when no start is given: today's dates stay visible until they end. */
const DEFAULT_LIST_LIMIT = 200;

// ---------------------------------------------------------------------------------------------------------
// Building rows

function storedPlace(input: PlaceInput): StoredPlace {
  return {
    name: input.name,
    street: input.street,
    postalCode: input.postalCode,
    town: input.town,
    onlineUrl: input.onlineUrl,
  };
}

/** Coordinates from the offline postal-code table; a code it does not know is a mistyped one. */
function coordinatesOf(place: StoredPlace): { lat: number | null; lon: number | null } {
  if (!place.postalCode) return { lat: null, lon: null };
  const hit = geocodeAddress({ postalCode: place.postalCode, town: place.town || null });
  if (!hit) throw fieldError("place.postalCode", "postalCodeUnknown");
  return { lat: hit.lat, lon: hit.lon };
}

/** New questions get an id; a kept one keeps its id, so answers already given still belong to it. */
function questionsOf(input: readonly QuestionInput[], existing: readonly Question[]): Question[] {
  const known = new Set(existing.map((q) => q.id));
  return input.map((q) => ({
    id: q.id && known.has(q.id) ? q.id : randomUUID(),
    kind: q.kind,
    label: q.label,
    options: q.kind === "choice" ? q.options : [],
    required: q.required,
  }));
}

type TemplateInput = Pick<
  EventInput,
  | "kind"
  | "title"
  | "description"
  | "audience"
  | "place"
  | "organiserIds"
  | "registration"
  | "minutesVisibility"
>;

function templateValues(input: TemplateInput, existingQuestions: readonly Question[]) {
  const place = storedPlace(input.place);
  const isPublic = input.audience === "public";
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    audience: input.audience,
    place,
    ...coordinatesOf(place),
    organiserIds: [...new Set(input.organiserIds)],
    registrationEnabled: input.registration.enabled,
    capacity: input.registration.capacity,
    guestsAllowed: isPublic && input.registration.guestsAllowed,
    questions: questionsOf(input.registration.questions, existingQuestions),
    minutesVisibility: input.minutesVisibility,
  };
}

function timeValues(date: string, endDate: string | null, from: string, to: string) {
  const end = endDate ?? date;
  return { date, endDate: end, from, to, ...instantsOf(date, end, from, to) };
}

async function checkOrganisers(db: Executor, organisationId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  requireOrganisers(await repo.listMembers(db, organisationId), ids);
}

async function organisersOf(
  db: Executor,
  organisationId: string,
  ids: readonly string[],
): Promise<{ userId: string; name: string }[]> {
  if (ids.length === 0) return [];
  const members = new Map((await repo.listMembers(db, organisationId)).map((m) => [m.userId, m.name]));
  return ids.flatMap((id) => {
    const name = members.get(id);
    return name === undefined ? [] : [{ userId: id, name }];
  });
}

async function staffDetailOf(db: Executor, organisationId: string, row: repo.EventRow, now: Date) {
  const rows = await repo.listRegistrations(db, [row.id]);
  const series = row.seriesId ? await repo.findSeries(db, organisationId, row.seriesId) : null;
  return presentStaffDetail(
    row,
    rows.map(repo.toRegistration),
    await organisersOf(db, organisationId, row.organiserIds),
    series,
    now,
  );
}

/**
 * Changes a date under its lock: a new capacity moves the waiting list up (or is refused below the confirmed),
 * and people with a place or a waiting position hear of a new time or place.
 */
async function changeDate(
  tx: Executor,
  platform: Platform,
  org: MailOrganisation,
  locked: repo.EventRow,
  values: Partial<repo.NewEventRow>,
  options: { detach: boolean },
): Promise<repo.EventRow> {
  const rows = await repo.listRegistrations(tx, [locked.id]);
  const registrations = rows.map(repo.toRegistration);
  const now = platform.now().toISOString();
  const capacity = values.capacity === undefined ? locked.capacity : values.capacity;
  const result = changeCapacity(targetOf(locked), registrations, capacity, now);
  if (!result.ok) {
    if (result.problem.code === "capacityBelowConfirmed")
      throw new AppError("eventCapacityBelowConfirmed", 409, { confirmed: result.problem.confirmed });
    throw new AppError("conflict", 409);
  }
  const updated = await repo.updateEvent(tx, locked.id, {
    ...values,
    ...(options.detach && locked.seriesId ? { isDetached: true } : {}),
  });
  await applyRegistrationOutcome(tx, platform, org, updated, result, new Set(rows.map((r) => r.id)));
  const moved =
    updated.startsAt.getTime() !== locked.startsAt.getTime() ||
    updated.endsAt.getTime() !== locked.endsAt.getTime() ||
    JSON.stringify(updated.place) !== JSON.stringify(locked.place);
  if (moved) {
    const active = result.registrations.filter((r) => r.status === "confirmed" || r.status === "waiting");
    const people = await repo.findParticipants(
      tx,
      active.map((r) => r.participantId),
    );
    const mailer = new EventMailer(tx, platform, org);
    await mailer.loadLocales(people.values());
    for (const person of people.values()) await mailer.send(person, updated, "eventChanged");
  }
  return updated;
}

/** Cancels a date under its lock: every registration ends and its person is mailed with the reason. */
async function cancelDate(
  tx: Executor,
  platform: Platform,
  org: MailOrganisation,
  locked: repo.EventRow,
  reason: string,
): Promise<repo.EventRow> {
  const rows = await repo.listRegistrations(tx, [locked.id]);
  const result = cancelAll(rows.map(repo.toRegistration), platform.now().toISOString());
  const updated = await repo.updateEvent(tx, locked.id, { status: "cancelled", cancelReason: reason });
  if (result.ok)
    await applyRegistrationOutcome(tx, platform, org, updated, result, new Set(rows.map((r) => r.id)), {
      cancelMail: "event",
      reason,
    });
  return updated;
}

// ---------------------------------------------------------------------------------------------------------
// Single events

export async function createEvent(ctx: ServiceContext, input: EventInput): Promise<StaffEventDetail> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const now = ctx.platform.now();
  return ctx.platform.db.transaction(async (tx) => {
    await checkOrganisers(tx, org.id, input.organiserIds);
    const [row] = await repo.insertEvents(tx, [
      {
        organisationId: org.id,
        ...templateValues(input, []),
        ...timeValues(input.date, input.endDate, input.from, input.to),
      },
    ]);
    if (!row) throw new Error("event not inserted");
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.created",
      entityType: "event",
      entityId: row.id,
      details: { title: row.title, date: row.date },
      ip: ctx.ip,
    });
    return staffDetailOf(tx, org.id, row, now);
  });
}

export async function getEvent(ctx: ServiceContext, id: string): Promise<StaffEventDetail> {
  const org = eventOrgOf(ctx);
  const row = await repo.findEvent(ctx.platform.db, org.id, id);
  if (!row) throw notFound();
  return staffDetailOf(ctx.platform.db, org.id, row, ctx.platform.now());
}

/** Changes one date; a date of a series becomes a single change that later series edits leave alone. */
export async function updateEvent(
  ctx: ServiceContext,
  id: string,
  input: EventInput,
): Promise<StaffEventDetail> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const now = ctx.platform.now();
  const result = await ctx.platform.db.transaction(async (tx) => {
    const locked = await repo.findEvent(tx, org.id, id, { lock: true });
    if (!locked) throw notFound();
    if (locked.status === "cancelled") throw new AppError("eventCancelled", 409);
    await checkOrganisers(tx, org.id, input.organiserIds);
    const updated = await changeDate(
      tx,
      ctx.platform,
      await mailOrganisation(tx, org),
      locked,
      {
        ...templateValues(input, locked.questions),
        ...timeValues(input.date, input.endDate, input.from, input.to),
      },
      { detach: true },
    );
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.updated",
      entityType: "event",
      entityId: id,
      details: { title: updated.title, date: updated.date, seriesId: updated.seriesId },
      ip: ctx.ip,
    });
    return staffDetailOf(tx, org.id, updated, now);
  });
  ctx.platform.mailer.kick();
  return result;
}

export async function cancelEvent(
  ctx: ServiceContext,
  id: string,
  body: CancelEventBody,
): Promise<StaffEventDetail> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const now = ctx.platform.now();
  const result = await ctx.platform.db.transaction(async (tx) => {
    const locked = await repo.findEvent(tx, org.id, id, { lock: true });
    if (!locked) throw notFound();
    if (locked.status === "cancelled") throw new AppError("eventCancelled", 409);
    const updated = await cancelDate(tx, ctx.platform, await mailOrganisation(tx, org), locked, body.reason);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.cancelled",
      entityType: "event",
      entityId: id,
      details: { title: updated.title, date: updated.date, reason: body.reason },
      ip: ctx.ip,
    });
    return staffDetailOf(tx, org.id, updated, now);
  });
  ctx.platform.mailer.kick();
  return result;
}

export async function saveMinutes(
  ctx: ServiceContext,
  id: string,
  input: MinutesInput,
): Promise<StaffEventDetail> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const now = ctx.platform.now();
  return ctx.platform.db.transaction(async (tx) => {
    const locked = await repo.findEvent(tx, org.id, id, { lock: true });
    if (!locked) throw notFound();
    const updated = await repo.updateEvent(tx, id, {
      agenda: input.agenda,
      minutes: input.minutes,
      minutesVisibility: input.minutesVisibility,
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.minutesSaved",
      entityType: "event",
      entityId: id,
      details: { minutesVisibility: input.minutesVisibility },
      ip: ctx.ip,
    });
    return staffDetailOf(tx, org.id, updated, now);
  });
}

export async function listForStaff(ctx: ServiceContext, query: EventListQuery): Promise<StaffEventList> {
  const org = eventOrgOf(ctx);
  const { db } = ctx.platform;
  const now = ctx.platform.now();
  const rows = await repo.listEvents(db, org.id, {
    ...windowOf(query.from, query.to, now),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.status ? { status: query.status } : {}),
    limit: DEFAULT_LIST_LIMIT,
  });
  const counts = await repo.countRegistrations(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => presentListItem(row, counts.get(row.id), now, { showOnlineUrl: true })) };
}

/** From a day (local midnight) to the end of another; without a start, from now on (dates still running too). */
function windowOf(from: string | undefined, to: string | undefined, now: Date): { from: Date; to?: Date } {
  return {
    from: from ? instantsOf(from, from, "00:00", "00:00").startsAt : now,
    ...(to ? { to: instantsOf(to, to, "24:00", "24:00").startsAt } : {}),
  };
}

export async function listPeople(ctx: ServiceContext): Promise<EventPeople> {
  const org = eventOrgOf(ctx);
  return { items: await repo.listMembers(ctx.platform.db, org.id) };
}

// ---------------------------------------------------------------------------------------------------------
// Series

function recurrenceOf(input: SeriesInput): Recurrence {
  const rule: Recurrence = { ...input.recurrence };
  if (rule.frequency === "weekly") rule.nth = null;
  if (recurrenceProblems(rule).length > 0) throw fieldError("recurrence.startDate", "eventSeriesNoDates");
  return rule;
}

/** The series' dates from `from` to the horizon as new rows (template and times of the series). */
function dateRows(
  series: repo.SeriesRow,
  dates: readonly string[],
  template: ReturnType<typeof templateValues>,
) {
  return dates.map(
    (date): repo.NewEventRow => ({
      organisationId: series.organisationId,
      seriesId: series.id,
      originalDate: date,
      ...template,
      ...timeValues(date, null, series.from, series.to),
    }),
  );
}

function templateOfSeries(series: repo.SeriesRow): ReturnType<typeof templateValues> {
  return {
    kind: series.kind,
    title: series.title,
    description: series.description,
    audience: series.audience,
    place: series.place,
    ...coordinatesOf(series.place),
    organiserIds: series.organiserIds,
    registrationEnabled: series.registrationEnabled,
    capacity: series.capacity,
    guestsAllowed: series.guestsAllowed,
    questions: series.questions,
    minutesVisibility: series.minutesVisibility,
  };
}

async function seriesDetailOf(db: Executor, series: repo.SeriesRow, now: Date): Promise<StaffSeriesDetail> {
  const since = new Date(now.getTime() - 30 * 86_400_000);
  const dates = await repo.listEvents(db, series.organisationId, { seriesId: series.id, from: since });
  const counts = await repo.countRegistrations(
    db,
    dates.map((d) => d.id),
  );
  return presentSeries(
    series,
    dates,
    counts,
    await organisersOf(db, series.organisationId, series.organiserIds),
    now,
  );
}

export async function createSeries(ctx: ServiceContext, input: SeriesInput): Promise<StaffSeriesDetail> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const now = ctx.platform.now();
  const today = todayIso(now);
  const recurrence = recurrenceOf(input);
  return ctx.platform.db.transaction(async (tx) => {
    await checkOrganisers(tx, org.id, input.organiserIds);
    const template = templateValues(input, []);
    const horizon = horizonOf(today);
    const series = await repo.insertSeries(tx, {
      organisationId: org.id,
      kind: template.kind,
      title: template.title,
      description: template.description,
      audience: template.audience,
      place: template.place,
      organiserIds: template.organiserIds,
      recurrence,
      from: input.from,
      to: input.to,
      exceptions: [...new Set(input.exceptions)].sort(),
      registrationEnabled: template.registrationEnabled,
      capacity: template.capacity,
      guestsAllowed: template.guestsAllowed,
      questions: template.questions,
      minutesVisibility: template.minutesVisibility,
      materialisedUntil: horizon,
    });
    const dates = expandRecurrence(recurrence, { from: today, to: horizon, exceptions: series.exceptions });
    await repo.insertEvents(tx, dateRows(series, dates, template));
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.seriesCreated",
      entityType: "eventSeries",
      entityId: series.id,
      details: { title: series.title, dates: dates.length },
      ip: ctx.ip,
    });
    return seriesDetailOf(tx, series, now);
  });
}

export async function getSeries(ctx: ServiceContext, id: string): Promise<StaffSeriesDetail> {
  const org = eventOrgOf(ctx);
  const series = await repo.findSeries(ctx.platform.db, org.id, id);
  if (!series) throw notFound();
  return seriesDetailOf(ctx.platform.db, series, ctx.platform.now());
}

/**
 * Applies a changed series to its dates that have not started: kept dates take the new template and times
 * (single changes keep theirs), dates the rule no longer has are cancelled when someone registered and removed
 * otherwise, and new dates are added. Past dates stay as they were.
 */
export async function updateSeries(
  ctx: ServiceContext,
  id: string,
  input: SeriesInput,
): Promise<StaffSeriesDetail> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const { platform } = ctx;
  const now = platform.now();
  const today = todayIso(now);
  const recurrence = recurrenceOf(input);
  const result = await platform.db.transaction(async (tx) => {
    const locked = await repo.findSeries(tx, org.id, id, { lock: true });
    if (!locked) throw notFound();
    if (locked.status === "ended") throw new AppError("eventCancelled", 409);
    await checkOrganisers(tx, org.id, input.organiserIds);
    const template = templateValues(input, locked.questions);
    const horizon = horizonOf(today);
    const series = await repo.updateSeries(tx, id, {
      kind: template.kind,
      title: template.title,
      description: template.description,
      audience: template.audience,
      place: template.place,
      organiserIds: template.organiserIds,
      recurrence,
      from: input.from,
      to: input.to,
      exceptions: [...new Set(input.exceptions)].sort(),
      registrationEnabled: template.registrationEnabled,
      capacity: template.capacity,
      guestsAllowed: template.guestsAllowed,
      questions: template.questions,
      minutesVisibility: template.minutesVisibility,
      materialisedUntil: horizon,
    });
    const wanted = new Set(
      expandRecurrence(recurrence, { from: today, to: horizon, exceptions: series.exceptions }),
    );
    const mailOrg = await mailOrganisation(tx, org);
    const future = (await repo.listEvents(tx, org.id, { seriesId: id, from: now })).filter(
      (row) => row.startsAt.getTime() > now.getTime(),
    );
    const kept = new Set<string>();
    for (const row of future) {
      const original = row.originalDate ?? row.date;
      const lockedRow = await repo.findEvent(tx, org.id, row.id, { lock: true });
      if (!lockedRow) continue;
      if (wanted.has(original)) {
        kept.add(original);
        if (lockedRow.status === "cancelled" || lockedRow.isDetached) continue;
        await changeDate(
          tx,
          platform,
          mailOrg,
          lockedRow,
          { ...template, questions: series.questions, ...timeValues(original, null, series.from, series.to) },
          { detach: false },
        );
      } else {
        await dropDate(tx, platform, mailOrg, lockedRow, input.title);
      }
    }
    const pastOrKept = new Set([
      ...kept,
      ...(await repo.listEvents(tx, org.id, { seriesId: id, from: new Date(0) })).map(
        (r) => r.originalDate ?? r.date,
      ),
    ]);
    const added = [...wanted].filter((date) => !pastOrKept.has(date));
    await repo.insertEvents(tx, dateRows(series, added, { ...template, questions: series.questions }));
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.seriesUpdated",
      entityType: "eventSeries",
      entityId: id,
      details: { title: series.title, added: added.length },
      ip: ctx.ip,
    });
    return seriesDetailOf(tx, series, now);
  });
  platform.mailer.kick();
  return result;
}

/**
 * A date that no longer takes place: with registrations (even ended ones) it stays as cancelled, so people
 * and the record see what happened; without any it disappears.
 */
async function dropDate(
  tx: Executor,
  platform: Platform,
  org: MailOrganisation,
  locked: repo.EventRow,
  reason: string,
): Promise<void> {
  if (locked.status === "cancelled") return;
  const rows = await repo.listRegistrations(tx, [locked.id]);
  if (rows.length === 0) {
    await repo.deleteEvent(tx, locked.id);
    return;
  }
  await cancelDate(tx, platform, org, locked, reason);
}

/** An exception: the date does not take place (EXDATE); registered people get the cancellation mail. */
export async function skipDate(
  ctx: ServiceContext,
  id: string,
  body: SkipDateBody,
): Promise<StaffSeriesDetail> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const { platform } = ctx;
  const now = platform.now();
  const result = await platform.db.transaction(async (tx) => {
    const locked = await repo.findSeries(tx, org.id, id, { lock: true });
    if (!locked) throw notFound();
    if (!isSeriesDate(locked.recurrence, body.date)) throw fieldError("date", "eventNotSeriesDate");
    const series = await repo.updateSeries(tx, id, {
      exceptions: [...new Set([...locked.exceptions, body.date])].sort(),
    });
    const [row] = (await repo.listEvents(tx, org.id, { seriesId: id, from: new Date(0) })).filter(
      (r) => r.originalDate === body.date,
    );
    if (row) {
      const lockedRow = await repo.findEvent(tx, org.id, row.id, { lock: true });
      if (lockedRow && lockedRow.startsAt.getTime() <= now.getTime()) throw new AppError("eventStarted", 409);
      if (lockedRow)
        await dropDate(tx, platform, await mailOrganisation(tx, org), lockedRow, body.reason || series.title);
    }
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.dateSkipped",
      entityType: "eventSeries",
      entityId: id,
      details: { date: body.date, reason: body.reason },
      ip: ctx.ip,
    });
    return seriesDetailOf(tx, series, now);
  });
  platform.mailer.kick();
  return result;
}

/** Ends the series: future dates are cancelled (with mails) or removed; past dates stay. */
export async function cancelSeries(
  ctx: ServiceContext,
  id: string,
  body: CancelEventBody,
): Promise<StaffSeriesDetail> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const { platform } = ctx;
  const now = platform.now();
  const result = await platform.db.transaction(async (tx) => {
    const locked = await repo.findSeries(tx, org.id, id, { lock: true });
    if (!locked) throw notFound();
    if (locked.status === "ended") throw new AppError("eventCancelled", 409);
    const series = await repo.updateSeries(tx, id, { status: "ended", cancelReason: body.reason });
    const mailOrg = await mailOrganisation(tx, org);
    for (const row of await repo.listEvents(tx, org.id, { seriesId: id, from: now })) {
      if (row.startsAt.getTime() <= now.getTime()) continue;
      const lockedRow = await repo.findEvent(tx, org.id, row.id, { lock: true });
      if (lockedRow) await dropDate(tx, platform, mailOrg, lockedRow, body.reason);
    }
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "events.seriesCancelled",
      entityType: "eventSeries",
      entityId: id,
      details: { title: series.title, reason: body.reason },
      ip: ctx.ip,
    });
    return seriesDetailOf(tx, series, now);
  });
  platform.mailer.kick();
  return result;
}

/** Adds the dates up to a year ahead to every running series (the nightly job; idempotent). */
export async function extendSeries(platform: Platform): Promise<number> {
  const today = todayIso(platform.now());
  const horizon = horizonOf(today);
  let added = 0;
  for (const series of await repo.listSeriesToExtend(platform.db, horizon)) {
    const from = addDays(series.materialisedUntil, 1);
    const dates = expandRecurrence(series.recurrence, { from, to: horizon, exceptions: series.exceptions });
    const rows = await repo.insertEvents(platform.db, dateRows(series, dates, templateOfSeries(series)));
    added += rows.length;
    await repo.updateSeries(platform.db, series.id, { materialisedUntil: horizon });
  }
  return added;
}

// ---------------------------------------------------------------------------------------------------------
// Members

export async function listForMember(ctx: ServiceContext, query: EventListQuery): Promise<MemberEventList> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const { db } = ctx.platform;
  const now = ctx.platform.now();
  const rows = (
    await repo.listEvents(db, org.id, {
      ...windowOf(query.from, query.to, now),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.status ? { status: query.status } : {}),
      limit: DEFAULT_LIST_LIMIT,
    })
  ).filter((row) => seesEvent(row.audience, viewerOf(ctx, row)));
  const ids = rows.map((r) => r.id);
  const [counts, participant, all] = await Promise.all([
    repo.countRegistrations(db, ids),
    repo.findMemberParticipant(db, org.id, actor.userId),
    repo.listRegistrations(db, ids),
  ]);
  return {
    items: rows.map((row) => {
      const ofEvent = all.filter((r) => r.eventId === row.id);
      const mine = participant ? latestOf(ofEvent.filter((r) => r.participantId === participant.id)) : null;
      const hasPlace = mine?.status === "confirmed";
      return {
        ...presentListItem(row, counts.get(row.id), now, {
          showOnlineUrl: hasPlace || managesEvent(viewerOf(ctx, row)),
        }),
        myRegistration: mine ? presentMyRegistration(mine, row, ofEvent.map(repo.toRegistration), now) : null,
      };
    }),
  };
}

/** Her current registration, or the last one she ended. */
export function latestOf(rows: readonly repo.RegistrationRow[]): repo.RegistrationRow | null {
  const active = rows.find((r) => r.status === "confirmed" || r.status === "waiting");
  if (active) return active;
  return [...rows].sort((a, b) => b.sequence - a.sequence)[0] ?? null;
}

export async function getForMember(ctx: ServiceContext, id: string): Promise<MemberEventDetail> {
  const org = eventOrgOf(ctx);
  const actor = actorOf(ctx);
  const { db } = ctx.platform;
  const now = ctx.platform.now();
  const row = await requireVisibleEvent(db, ctx, id);
  const viewer = viewerOf(ctx, row);
  const [rows, participant] = await Promise.all([
    repo.listRegistrations(db, [row.id]),
    repo.findMemberParticipant(db, org.id, actor.userId),
  ]);
  const registrations = rows.map(repo.toRegistration);
  const mine = participant ? latestOf(rows.filter((r) => r.participantId === participant.id)) : null;
  const canManage = managesEvent(viewer);
  return {
    ...presentListItem(row, countsOf(registrations), now, {
      showOnlineUrl: canManage || mine?.status === "confirmed",
    }),
    myRegistration: mine ? presentMyRegistration(mine, row, registrations, now) : null,
    organisers: await organisersOf(db, org.id, row.organiserIds),
    questions: presentQuestions(row.questions),
    agenda: row.agenda,
    minutes: row.minutes && readsMinutes(row.minutesVisibility, row.audience, viewer) ? row.minutes : null,
    canManage,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Public

export async function listPublic(ctx: ServiceContext, query: PublicEventListQuery): Promise<PublicEventList> {
  const org = eventOrgOf(ctx);
  const { db } = ctx.platform;
  const now = ctx.platform.now();
  const rows = await repo.listEvents(db, org.id, {
    ...windowOf(query.from, query.to, now),
    audiences: ["public"],
    limit: query.limit,
  });
  const counts = await repo.countRegistrations(
    db,
    rows.map((r) => r.id),
  );
  return {
    organisationName: org.name,
    items: rows.map((row) => presentListItem(row, counts.get(row.id), now, { showOnlineUrl: false })),
  };
}

export async function getPublic(ctx: ServiceContext, id: string): Promise<PublicEvent> {
  const org = eventOrgOf(ctx);
  const { db } = ctx.platform;
  const row = await repo.findEvent(db, org.id, id);
  if (row?.audience !== "public") throw notFound();
  const rows = await repo.listRegistrations(db, [row.id]);
  return {
    ...presentListItem(row, countsOf(rows.map(repo.toRegistration)), ctx.platform.now(), {
      showOnlineUrl: false,
    }),
    organisationName: org.name,
    questions: presentQuestions(row.questions),
    agenda: row.agenda,
    minutes: row.minutes && row.minutesVisibility === "audience" ? row.minutes : null,
  };
}
