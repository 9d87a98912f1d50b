import { randomUUID } from "node:crypto";
import type { Locale } from "../../../contracts/i18n";
import type {
  CalendarFeedCreated,
  CalendarFeedStatus,
  GuestBookingBody,
  GuestConfirmResponse,
  MoveBookingBody,
  MyBooking,
  MyBookings,
  StaffBookBody,
  StaffBooking,
  StaffBookingList,
  StaffCancelBody,
} from "../../../contracts/training";
import type { StateRules } from "../../../core/organisations/presets";
import { addDays, compareDates } from "../../../core/shared/dates";
import {
  type Booking,
  type BookingEvent,
  type BookingProblem,
  type BookingRun,
  bookPlace,
  cancelBooking,
  cancellationDeadline,
  moveBooking,
  promoteWaiting,
  waitingPosition,
} from "../../../core/training/booking";
import {
  audiencesOpenTo,
  type CourseCategory,
  checkPrerequisites,
  DEFAULT_TRAINING_SETTINGS,
  type TrainingSettings,
} from "../../../core/training/catalogue";
import { writeAudit } from "../../platform/audit/audit";
import { hashToken, randomToken } from "../../platform/crypto";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { buildCalendar } from "../../platform/ical";
import { composeMail } from "../../platform/mail/mailer";
import { isRobot } from "../../platform/public-form";
import type { Platform, ServiceContext } from "../../platform/types";
import { personalEventEntries } from "../events/events.queries";
import { findUserLocales } from "../identity/identity.queries";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import * as repo from "./bookings.repository";
import * as courses from "./courses.repository";
import { actorOf, isStaff, mailLocales, requireRun, todayOf, trainingOrgOf } from "./training.context";
import { presentMyBooking, presentStaffBookings } from "./training.presenter";

/** Open links one address may have for a run; more are dropped silently so the form floods nobody's inbox. */
/** How far back the personal feed reaches, so a calendar keeps the recent past. */
const FEED_HISTORY_DAYS = 365;

// ---------------------------------------------------------------------------------------------------------
// Context

export function bookingRunOf(course: courses.CourseRow): BookingRun {
  return {
    id: course.id,
    seriesId: course.seriesId,
    category: course.category,
    isRefresher: course.isRefresher,
    capacity: course.capacity,
    startsOn: course.startsOn,
    endsOn: course.endsOn,
    cancellationDays: course.cancellationDays,
  };
}

/**
 * The organisation's training settings. The rules are read from the stored JSON without the contract's
 * defaults, so settings saved before the flag existed keep the rule's default.
 */
export function trainingSettingsOf(rules: StateRules): TrainingSettings {
  const stored = (rules as Partial<StateRules>).refresherNeedsValidCertificate;
  return {
    refresherNeedsValidCertificate: stored ?? DEFAULT_TRAINING_SETTINGS.refresherNeedsValidCertificate,
  };
}

export function formatDate(iso: string, locale: Locale): string {
  const [year, month, day] = iso.split("-");
  return locale === "de" ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}

function formatRange(course: courses.CourseRow, locale: Locale): string {
  if (course.startsOn === course.endsOn) return formatDate(course.startsOn, locale);
  return translator(locale)("training.mail.dateRange", {
    from: formatDate(course.startsOn, locale),
    to: formatDate(course.endsOn, locale),
  });
}

function categoryNames(categories: readonly CourseCategory[], locale: Locale): string {
  const t = translator(locale);
  return categories.map((category) => t(`training.categories.${category}`)).join(", ");
}

/** A refused transition as the error the caller reads. */
export function problemError(problem: BookingProblem, locale: Locale): AppError {
  switch (problem.code) {
    case "alreadyBooked":
      return new AppError("trainingAlreadyBooked", 409, { bookingId: problem.bookingId });
    case "alreadyBookedInSeries":
      return new AppError("trainingAlreadyBookedInSeries", 409, { runId: problem.runId });
    case "bookingClosed":
      return new AppError("trainingBookingClosed", 409, { closedOn: formatDate(problem.closedOn, locale) });
    case "prerequisites": {
      const full = problem.problems.find((p) => p.code === "fullCourseRequired");
      if (full && full.code === "fullCourseRequired")
        return new AppError("trainingFullCourseRequired", 409, {
          category: full.category,
          validUntil: full.validUntil,
        });
      const categories = problem.problems.map((p) => p.category);
      return new AppError("trainingPrerequisitesMissing", 409, {
        categories,
        missing: categoryNames(categories, locale),
      });
    }
    case "bookingNotFound":
      return notFound();
    case "bookingNotActive":
      return new AppError("trainingBookingNotActive", 409, { status: problem.status });
    case "cancellationDeadlinePassed":
      return new AppError("trainingCancellationDeadlinePassed", 409, {
        deadline: formatDate(problem.deadline, locale),
      });
    case "differentSeries":
      return new AppError("trainingDifferentSeries", 400);
    case "sameRun":
      return fieldError("toCourseId", "trainingSameRun");
    case "capacityBelowConfirmed":
      return new AppError("trainingCapacityBelowConfirmed", 409, { confirmed: problem.confirmed });
    case "capacityInvalid":
      return fieldError("capacity", "trainingCourse.capacityInvalid");
    case "nobodyWaiting":
      return new AppError("trainingNobodyWaiting", 409);
    case "noFreePlace":
      return new AppError("trainingNoFreePlace", 409);
  }
}

function uniqueViolation(error: unknown): string | null {
  for (
    let current = error as { code?: string; constraint?: string; message?: string; cause?: unknown } | null;
    current;
  ) {
    if (current.code === "23505") return current.constraint ?? current.message ?? "";
    current = current.cause as typeof current;
  }
  return null;
}

/**
 * Runs a booking transaction. The transitions check one booking per run and series under the run's lock; two
 * runs of one series are locked separately, so a person booking both at the same moment meets the partial
 * unique index instead, and that answers like the rule does.
 */
export async function bookingTransaction<T>(
  platform: Platform,
  work: (tx: Executor) => Promise<T>,
): Promise<T> {
  try {
    return await platform.db.transaction(work);
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === null) throw error;
    if (constraint.includes("series")) throw new AppError("trainingAlreadyBookedInSeries", 409);
    if (constraint.includes("active_run")) throw new AppError("trainingAlreadyBooked", 409);
    throw new AppError("conflict", 409);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Locked runs and their transitions

export interface LockedRun {
  course: courses.CourseRow;
  rows: repo.BookingRow[];
  bookings: Booking[];
}

/** Locks the run's row and loads its bookings: every change of them happens under this lock (ADR 0008). */
export async function lockRun(tx: Executor, organisationId: string, courseId: string): Promise<LockedRun> {
  const course = await courses.findCourse(tx, organisationId, courseId, { lock: true });
  if (!course) throw notFound();
  const rows = await repo.listBookings(tx, [course.id]);
  return { course, rows, bookings: rows.map(repo.toBooking) };
}

export interface MailOrganisation {
  id: string;
  slug: string;
  name: string;
  email: string | null;
}

/** How cancellations are worded: by the participant, by staff with a reason, or the whole run cancelled. */
export type CancelMail = "own" | "staff" | "run";

export interface OutcomeOptions {
  org: MailOrganisation;
  /** The runs the events name, locked by the caller. */
  runs: ReadonlyMap<string, courses.CourseRow>;
  cancelMail?: CancelMail;
  /** Staff's reason for a cancellation or a move, or the reason the run was cancelled. */
  reason?: string;
  extras?: ReadonlyMap<string, repo.BookingExtras>;
}

/**
 * Writes a transition's changed rows and acts on its events in the caller's transaction: every participant
 * hears what happened to her booking, and staff hear of a place freed after the start. The mails go to the
 * outbox and leave after commit.
 */
export async function applyOutcome(
  tx: Executor,
  platform: Platform,
  outcome: { changed: readonly Booking[]; events: readonly BookingEvent[]; bookings: readonly Booking[] },
  existingIds: ReadonlySet<string>,
  options: OutcomeOptions,
): Promise<void> {
  await repo.writeBookings(tx, options.org.id, options.runs, outcome.changed, existingIds, options.extras);
  const participantIds = outcome.events.flatMap((event) =>
    "participantId" in event ? [event.participantId] : [],
  );
  const people = await repo.findParticipants(tx, participantIds);
  const localeOf = await mailLocales(tx, people.values());
  const sessions = await courses.listSessions(tx, [...options.runs.keys()]);
  const mail = new ParticipantMailer(tx, platform, options.org, options.runs, sessions);
  // A moved person hears once, with her new place; the target's own "booked" event would say it twice.
  const movedIn = new Set(
    outcome.events.flatMap((event) => (event.type === "movedOut" ? [event.participantId] : [])),
  );
  for (const event of outcome.events) {
    if (event.type === "placeFreed") {
      await mail.toStaff(event.runId, event.freePlaces, event.waiting);
      continue;
    }
    const person = people.get(event.participantId);
    if (!person) continue;
    const locale = localeOf(person);
    const to = { person, locale };
    switch (event.type) {
      case "booked":
        if (!movedIn.has(event.participantId)) await mail.send(to, event.runId, "trainingBooked");
        break;
      case "waitlisted":
        if (!movedIn.has(event.participantId))
          await mail.send(to, event.runId, "trainingWaitlisted", { position: event.position });
        break;
      case "movedUp":
        await mail.send(to, event.runId, "trainingMovedUp");
        break;
      case "cancelled": {
        const kind = options.cancelMail ?? (event.by === "staff" ? "staff" : "own");
        const key =
          kind === "run"
            ? "trainingCourseCancelled"
            : kind === "staff"
              ? "trainingCancelledByStaff"
              : event.hadPlace
                ? "trainingCancelledOwn"
                : "trainingWaitingLeft";
        await mail.send(to, event.runId, key, { reason: options.reason ?? "" });
        break;
      }
      case "movedOut": {
        const target = outcome.bookings.find(
          (booking) => booking.runId === event.toRunId && booking.participantId === event.participantId,
        );
        const position = target ? waitingPosition(outcome.bookings, target.id) : null;
        const t = translator(locale);
        await mail.send(to, event.toRunId, "trainingMovedOut", {
          reason: options.reason || t("training.mail.noReason"),
          status:
            position === null ? t("mail.trainingStatusPlace") : t("mail.trainingStatusWaiting", { position }),
          fromRunId: event.runId,
        });
        break;
      }
    }
  }
}

/** Mails about one organisation's runs to participants and staff. */
export class ParticipantMailer {
  constructor(
    private readonly tx: Executor,
    private readonly platform: Platform,
    private readonly org: MailOrganisation,
    private readonly runs: ReadonlyMap<string, courses.CourseRow>,
    private readonly sessions: readonly courses.SessionRow[],
  ) {}

  private sessionLines(courseId: string, locale: Locale): string {
    const t = translator(locale);
    return this.sessions
      .filter((session) => session.courseId === courseId)
      .map((session) =>
        t("training.mail.sessionLine", {
          date: formatDate(session.date, locale),
          from: session.from,
          to: session.to,
        }),
      )
      .join("\n");
  }

  /** The run's calendar file: members fetch it signed in, guests (public runs only) from the public route. */
  calendarUrl(courseId: string, isGuest: boolean): string {
    const base = this.platform.env.PUBLIC_URL;
    return isGuest
      ? `${base}/api/public/orgs/${this.org.slug}/courses/${courseId}/calendar.ics`
      : `${base}/api/orgs/${this.org.slug}/training-courses/${courseId}/calendar.ics`;
  }

  async send(
    to: { person: repo.ParticipantRow; locale: Locale },
    courseId: string,
    key: string,
    extra: Record<string, string | number> & { fromRunId?: string } = {},
  ): Promise<void> {
    const course = this.runs.get(courseId);
    if (!course) return;
    const { locale, person } = to;
    const isGuest = person.userId === null;
    const from = extra.fromRunId ? this.runs.get(extra.fromRunId) : undefined;
    const { fromRunId: _ignored, ...params } = extra;
    const base = this.platform.env.PUBLIC_URL;
    const link = isGuest
      ? undefined
      : key === "trainingCourseCancelled"
        ? `${base}/app/${this.org.slug}/fortbildungen`
        : `${base}/app/${this.org.slug}/fortbildungen/meine`;
    const mail = composeMail(
      locale,
      key,
      {
        name: person.name,
        organisation: this.org.name,
        course: from ? from.title : course.title,
        dates: formatRange(from ?? course, locale),
        newCourse: course.title,
        newDates: formatRange(course, locale),
        sessions: this.sessionLines(course.id, locale),
        deadline: formatDate(cancellationDeadline(course), locale),
        calendarUrl: this.calendarUrl(course.id, isGuest),
        ...params,
      },
      link,
    );
    await this.platform.mailer.queue(this.tx, { to: person.email, organisationId: this.org.id, ...mail });
  }

  /**
   * A place freed after the start: the organisation's inbox and the run's trainers decide whether to give it
   * away by hand. In German, the organisation's working language.
   */
  async toStaff(courseId: string, freePlaces: number, waiting: number): Promise<void> {
    const course = this.runs.get(courseId);
    if (!course) return;
    const trainers = await courses.listTrainers(this.tx, [courseId]);
    const recipients = new Map<string, string>();
    if (this.org.email) recipients.set(this.org.email.toLowerCase(), this.org.name);
    for (const trainer of trainers) recipients.set(trainer.email.toLowerCase(), trainer.name);
    for (const [email, name] of recipients) {
      const mail = composeMail(
        "de",
        "trainingPlaceFreed",
        { name, course: course.title, dates: formatRange(course, "de"), freePlaces, waiting },
        `${this.platform.env.PUBLIC_URL}/app/${this.org.slug}/fortbildungen/verwalten/${course.id}`,
      );
      await this.platform.mailer.queue(this.tx, { to: email, organisationId: this.org.id, ...mail });
    }
  }
}

export async function mailOrganisation(
  tx: Executor,
  org: { id: string; slug: string; name: string },
): Promise<MailOrganisation> {
  const [summary] = await findOrganisationSummaries(tx, [org.id]);
  return { id: org.id, slug: org.slug, name: org.name, email: summary?.email ?? null };
}

// ---------------------------------------------------------------------------------------------------------
// Booking a place

/** Who sees a run in the members' catalogue: "caregivers" runs are for caregivers and substitutes only. */
export function visibleAudiences(ctx: ServiceContext): courses.CourseRow["audience"][] {
  if (isStaff(ctx)) return [...audiencesOpenTo("caregiver")];
  const roles = ctx.membership?.roles ?? [];
  const isCaregiver = roles.includes("caregiver") || roles.includes("substitute");
  return [...audiencesOpenTo(isCaregiver ? "caregiver" : "member")];
}

/** What booking reads of the organisation (a guest's link carries no signed-in scope). */
export interface TrainingOrganisation {
  id: string;
  slug: string;
  name: string;
  rules: StateRules;
}

interface BookInput {
  org: TrainingOrganisation;
  courseId: string;
  participant: repo.ParticipantRow;
  by: "participant" | "staff";
  actorUserId: string | null;
  waive?: { reason: string };
  /** Checks the locked run before booking (audience, status). */
  check?: (course: courses.CourseRow) => void;
}

/** Books a place or a waiting position under the run's lock, with the mails; returns the new booking. */
async function bookInTransaction(
  tx: Executor,
  ctx: ServiceContext,
  input: BookInput,
): Promise<{ booking: Booking; locked: LockedRun; after: readonly Booking[] }> {
  const { platform } = ctx;
  const locked = await lockRun(tx, input.org.id, input.courseId);
  if (locked.course.status !== "published") throw new AppError("trainingCourseNotBookable", 409);
  input.check?.(locked.course);
  const run = bookingRunOf(locked.course);
  const [history, otherRuns] = await Promise.all([
    repo.completedQualifications(tx, input.participant),
    repo.otherActiveRunIds(tx, run.seriesId, input.participant.id, run.id),
  ]);
  const settings = trainingSettingsOf(input.org.rules);
  const result = bookPlace(
    run,
    locked.bookings,
    {
      bookingId: randomUUID(),
      participantId: input.participant.id,
      now: platform.now().toISOString(),
      today: todayOf(platform),
      by: input.by,
      history,
      otherActiveRunIds: otherRuns,
      waivePrerequisites: input.waive !== undefined,
    },
    input.org.rules,
    settings,
  );
  if (!result.ok) throw problemError(result.problem, ctx.locale);
  const booking = result.changed[0] as Booking;
  await applyOutcome(tx, platform, result, new Set(locked.rows.map((row) => row.id)), {
    org: await mailOrganisation(tx, input.org),
    runs: new Map([[run.id, locked.course]]),
  });
  await writeAudit(tx, {
    organisationId: input.org.id,
    actorUserId: input.actorUserId,
    action: "training.bookingCreated",
    entityType: "trainingBooking",
    entityId: booking.id,
    details: { courseId: run.id, participantId: input.participant.id, by: input.by, status: booking.status },
    ip: ctx.ip,
  });
  if (input.waive) {
    const missing = checkPrerequisites(run, history, input.org.rules, settings);
    if (missing.length > 0)
      await writeAudit(tx, {
        organisationId: input.org.id,
        actorUserId: input.actorUserId,
        action: "training.prerequisitesWaived",
        entityType: "trainingBooking",
        entityId: booking.id,
        details: {
          courseId: run.id,
          participantId: input.participant.id,
          missing,
          reason: input.waive.reason,
        },
        ip: ctx.ip,
      });
  }
  return { booking, locked, after: result.bookings };
}

async function memberParticipant(tx: Executor, organisationId: string, userId: string) {
  const account = await repo.findAccount(tx, userId);
  if (!account) throw notFound();
  return repo.ensureMemberParticipant(tx, organisationId, account);
}

/** A member books a run of the catalogue for herself. */
export async function bookOwn(ctx: ServiceContext, courseId: string): Promise<MyBooking> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const audiences = visibleAudiences(ctx);
  const result = await bookingTransaction(ctx.platform, async (tx) => {
    const participant = await memberParticipant(tx, org.id, actor.userId);
    const { booking, locked, after } = await bookInTransaction(tx, ctx, {
      org,
      courseId,
      participant,
      by: "participant",
      actorUserId: actor.userId,
      check: (course) => {
        if (!audiences.includes(course.audience)) throw notFound();
      },
    });
    const row = await repo.findBooking(tx, courseId, booking.id);
    const sessions = await courses.listSessions(tx, [courseId]);
    return presentMyBooking(row as repo.BookingRow, locked.course, sessions, after, todayOf(ctx));
  });
  ctx.platform.mailer.kick();
  return result;
}

/** Staff book a member (she need not have asked; e.g. on the phone), optionally waiving prerequisites. */
export async function bookForMember(
  ctx: ServiceContext,
  courseId: string,
  body: StaffBookBody,
): Promise<StaffBooking> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const members = await courses.activeMemberIds(ctx.platform.db, org.id, [body.userId]);
  if (!members.has(body.userId)) throw fieldError("userId", "trainingMemberUnknown");
  const result = await bookingTransaction(ctx.platform, async (tx) => {
    const participant = await memberParticipant(tx, org.id, body.userId);
    const { booking } = await bookInTransaction(tx, ctx, {
      org,
      courseId,
      participant,
      by: "staff",
      actorUserId: actor.userId,
      ...(body.waivePrerequisites ? { waive: { reason: body.waiverReason } } : {}),
    });
    return staffBookingOf(tx, courseId, booking.id);
  });
  ctx.platform.mailer.kick();
  return result;
}

async function staffBookingOf(tx: Executor, courseId: string, bookingId: string): Promise<StaffBooking> {
  const rows = await repo.listBookings(tx, [courseId]);
  const people = await repo.findParticipants(
    tx,
    rows.map((row) => row.participantId),
  );
  const found = presentStaffBookings(rows, people).find((booking) => booking.id === bookingId);
  if (!found) throw notFound();
  return found;
}

export async function listCourseBookings(ctx: ServiceContext, courseId: string): Promise<StaffBookingList> {
  const db = ctx.platform.db;
  await requireRun(db, ctx, courseId);
  const rows = await repo.listBookings(db, [courseId]);
  const people = await repo.findParticipants(
    db,
    rows.map((row) => row.participantId),
  );
  return { items: presentStaffBookings(rows, people) };
}

// ---------------------------------------------------------------------------------------------------------
// Cancelling, moving, promoting

/** A member gives back her place or leaves the waiting list (the deadline applies to places only). */
export async function cancelOwn(ctx: ServiceContext, bookingId: string): Promise<MyBooking> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const result = await bookingTransaction(ctx.platform, async (tx) => {
    const participant = await repo.findMemberParticipant(tx, org.id, actor.userId);
    const found = await repo.findBookingInOrganisation(tx, org.id, bookingId);
    if (!participant || !found || found.participantId !== participant.id) throw notFound();
    const locked = await lockRun(tx, org.id, found.courseId);
    const result = cancelBooking(bookingRunOf(locked.course), locked.bookings, {
      bookingId,
      now: ctx.platform.now().toISOString(),
      today: todayOf(ctx),
      by: "participant",
    });
    if (!result.ok) throw problemError(result.problem, ctx.locale);
    await applyOutcome(tx, ctx.platform, result, new Set(locked.rows.map((row) => row.id)), {
      org: await mailOrganisation(tx, org),
      runs: new Map([[locked.course.id, locked.course]]),
      cancelMail: "own",
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "training.bookingCancelled",
      entityType: "trainingBooking",
      entityId: bookingId,
      details: { courseId: locked.course.id, by: "participant", hadPlace: found.status === "confirmed" },
      ip: ctx.ip,
    });
    const row = await repo.findBooking(tx, locked.course.id, bookingId);
    const sessions = await courses.listSessions(tx, [locked.course.id]);
    return presentMyBooking(row as repo.BookingRow, locked.course, sessions, result.bookings, todayOf(ctx));
  });
  ctx.platform.mailer.kick();
  return result;
}

/** Staff cancel any booking at any time, with a reason the participant reads. */
export async function cancelByStaff(
  ctx: ServiceContext,
  courseId: string,
  bookingId: string,
  body: StaffCancelBody,
): Promise<StaffBooking> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const result = await bookingTransaction(ctx.platform, async (tx) => {
    const locked = await lockRun(tx, org.id, courseId);
    const result = cancelBooking(bookingRunOf(locked.course), locked.bookings, {
      bookingId,
      now: ctx.platform.now().toISOString(),
      today: todayOf(ctx),
      by: "staff",
    });
    if (!result.ok) throw problemError(result.problem, ctx.locale);
    await applyOutcome(tx, ctx.platform, result, new Set(locked.rows.map((row) => row.id)), {
      org: await mailOrganisation(tx, org),
      runs: new Map([[courseId, locked.course]]),
      cancelMail: "staff",
      reason: body.reason,
      extras: new Map([[bookingId, { endedReason: body.reason }]]),
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "training.bookingCancelled",
      entityType: "trainingBooking",
      entityId: bookingId,
      details: { courseId, by: "staff", reason: body.reason },
      ip: ctx.ip,
    });
    return staffBookingOf(tx, courseId, bookingId);
  });
  ctx.platform.mailer.kick();
  return result;
}

/**
 * Staff move a booking to another run of the series: both rows are locked in id order; in the target she
 * gets a free place or the end of the waiting list (core moveBooking).
 */
export async function moveToRun(
  ctx: ServiceContext,
  courseId: string,
  bookingId: string,
  body: MoveBookingBody,
): Promise<StaffBooking> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const result = await bookingTransaction(ctx.platform, async (tx) => {
    const locked = await courses.lockCourses(tx, org.id, [courseId, body.toCourseId]);
    const source = locked.get(courseId);
    if (!source) throw notFound();
    const target = locked.get(body.toCourseId);
    if (!target) throw fieldError("toCourseId", "trainingSeriesUnknown");
    if (target.status !== "published") throw new AppError("trainingCourseNotBookable", 409);
    const rows = await repo.listBookings(tx, [source.id, target.id]);
    const bookings = rows.map(repo.toBooking);
    const newBookingId = randomUUID();
    const result = moveBooking(
      bookingRunOf(source),
      bookings.filter((b) => b.runId === source.id),
      bookingRunOf(target),
      bookings.filter((b) => b.runId === target.id),
      { bookingId, newBookingId, now: ctx.platform.now().toISOString(), today: todayOf(ctx) },
    );
    if (!result.ok) throw problemError(result.problem, ctx.locale);
    await applyOutcome(
      tx,
      ctx.platform,
      { changed: result.changed, events: result.events, bookings: [...result.source, ...result.target] },
      new Set(rows.map((row) => row.id)),
      {
        org: await mailOrganisation(tx, org),
        runs: locked,
        reason: body.reason,
        extras: new Map([[bookingId, { movedToCourseId: target.id, endedReason: body.reason || null }]]),
      },
    );
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "training.bookingMoved",
      entityType: "trainingBooking",
      entityId: bookingId,
      details: { from: source.id, to: target.id, newBookingId, reason: body.reason },
      ip: ctx.ip,
    });
    return staffBookingOf(tx, target.id, newBookingId);
  });
  ctx.platform.mailer.kick();
  return result;
}

/** Staff give a free place to the first on the waiting list by hand (after the start nobody moves up alone). */
export async function promoteFirstWaiting(ctx: ServiceContext, courseId: string): Promise<StaffBooking> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const result = await bookingTransaction(ctx.platform, async (tx) => {
    const locked = await lockRun(tx, org.id, courseId);
    if (locked.course.status !== "published") throw new AppError("trainingCourseNotBookable", 409);
    const result = promoteWaiting(bookingRunOf(locked.course), locked.bookings);
    if (!result.ok) throw problemError(result.problem, ctx.locale);
    await applyOutcome(tx, ctx.platform, result, new Set(locked.rows.map((row) => row.id)), {
      org: await mailOrganisation(tx, org),
      runs: new Map([[courseId, locked.course]]),
    });
    const promoted = result.changed[0] as Booking;
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "training.bookingPromoted",
      entityType: "trainingBooking",
      entityId: promoted.id,
      details: { courseId },
      ip: ctx.ip,
    });
    return staffBookingOf(tx, courseId, promoted.id);
  });
  ctx.platform.mailer.kick();
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Her bookings

export async function listMine(ctx: ServiceContext): Promise<MyBookings> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const db = ctx.platform.db;
  const participant = await repo.findMemberParticipant(db, org.id, actor.userId);
  if (!participant) return { items: [] };
  const rows = await repo.listParticipantBookings(db, participant.id);
  const courseIds = [...new Set(rows.map((row) => row.courseId))];
  const [runs, sessions, allBookings] = await Promise.all([
    Promise.all(courseIds.map((id) => courses.findCourse(db, org.id, id))),
    courses.listSessions(db, courseIds),
    repo.listBookings(db, courseIds),
  ]);
  const today = todayOf(ctx);
  const byId = new Map(runs.flatMap((run) => (run ? [[run.id, run] as const] : [])));
  const bookings = allBookings.map(repo.toBooking);
  return {
    items: rows.flatMap((row) => {
      const course = byId.get(row.courseId);
      if (!course) return [];
      return [
        presentMyBooking(
          row,
          course,
          sessions.filter((session) => session.courseId === course.id),
          bookings.filter((booking) => booking.runId === course.id),
          today,
        ),
      ];
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Guests

/**
 * A guest asks for a place in a public run: the request is stored and a single-use link is mailed; the place
 * or waiting position comes only with the click (ADR 0008). The answer is the same whatever happens (a
 * machine filled in the hidden field, the address has enough open links), so it reveals nothing.
 */
export async function requestGuestBooking(
  ctx: ServiceContext,
  courseId: string,
  body: GuestBookingBody,
): Promise<void> {
  const org = trainingOrgOf(ctx);
  const { platform } = ctx;
  const course = await courses.findCourse(platform.db, org.id, courseId);
  if (course?.status !== "published" || course.audience !== "public") throw notFound();
  const today = todayOf(platform);
  if (compareDates(today, course.startsOn) >= 0)
    throw new AppError("trainingBookingClosed", 409, { closedOn: formatDate(course.startsOn, ctx.locale) });
  if (isRobot(body)) return;
  const now = platform.now();
  const link = repo.guestRequestLinks.issue(now);
  const isQueued = await platform.db.transaction(async (tx) => {
    if (!(await repo.hasRoomForGuestRequest(tx, course.id, body.email, now))) return false;
    await repo.insertGuestRequest(tx, {
      organisationId: org.id,
      courseId: course.id,
      name: body.name,
      email: body.email,
      locale: ctx.locale,
      tokenHash: link.tokenHash,
      expiresAt: link.expiresAt,
      createdAt: now,
    });
    const mail = composeMail(
      ctx.locale,
      "trainingGuestConfirm",
      {
        name: body.name,
        course: course.title,
        organisation: org.name,
        dates: formatRange(course, ctx.locale),
        hours: repo.GUEST_LINK_HOURS,
      },
      `${platform.env.PUBLIC_URL}/fortbildung/bestaetigen/${link.token}`,
    );
    await platform.mailer.queue(tx, { to: body.email, organisationId: org.id, ...mail });
    return true;
  });
  if (isQueued) platform.mailer.kick();
}

/**
 * The guest clicked the link: she becomes a participant and books with the click's time as booking time.
 * A used link and an expired one say so; an unknown one is simply invalid.
 */
export async function confirmGuest(ctx: ServiceContext, token: string): Promise<GuestConfirmResponse> {
  const { platform } = ctx;
  const now = platform.now();
  const result = await bookingTransaction(platform, async (tx) => {
    const request = await repo.guestRequestLinks.consume(tx, token, now);
    const [summary] = await findOrganisationSummaries(tx, [request.organisationId]);
    if (!summary) throw new AppError("tokenInvalid", 404);
    const org: TrainingOrganisation = summary;
    const participant = await repo.ensureGuestParticipant(tx, org.id, {
      name: request.name,
      email: request.email,
      locale: request.locale,
    });
    const { booking, locked, after } = await bookInTransaction(tx, ctx, {
      org,
      courseId: request.courseId,
      participant,
      by: "participant",
      actorUserId: null,
      check: (course) => {
        if (course.audience !== "public") throw new AppError("trainingCourseNotBookable", 409);
      },
    }).catch((error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      throw new AppError(
        error.code,
        error.status,
        { ...error.details, organisationSlug: org.slug },
        error.fields,
      );
    });
    await repo.setGuestRequestBooking(tx, request.id, booking.id);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: null,
      action: "training.guestConfirmed",
      entityType: "trainingBooking",
      entityId: booking.id,
      details: { courseId: locked.course.id, participantId: participant.id },
      ip: ctx.ip,
    });
    const sessions = await courses.listSessions(tx, [locked.course.id]);
    const isConfirmed = booking.status === "confirmed";
    return {
      status: isConfirmed ? ("confirmed" as const) : ("waiting" as const),
      waitingPosition: waitingPosition(after, booking.id),
      courseId: locked.course.id,
      courseTitle: locked.course.title,
      startsOn: locked.course.startsOn,
      endsOn: locked.course.endsOn,
      organisationName: org.name,
      organisationSlug: org.slug,
      sessions: sessions.map((s) => ({
        id: s.id,
        date: s.date,
        from: s.from,
        to: s.to,
        units: s.units,
        place: s.place,
        onlineUrl: isConfirmed ? s.onlineUrl : null,
        isOnline: s.onlineUrl !== null,
        revision: s.revision,
      })),
    };
  });
  platform.mailer.kick();
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// Personal calendar feed

export async function feedStatus(ctx: ServiceContext): Promise<CalendarFeedStatus> {
  const actor = actorOf(ctx);
  const feed = await repo.findFeed(ctx.platform.db, actor.userId);
  return { active: feed !== null, createdAt: feed?.createdAt.toISOString() ?? null };
}

/**
 * A new secret address for her calendar app: only its hash is kept, so it is shown this once; a new one
 * replaces the old, which stops working at once.
 */
export async function createFeed(ctx: ServiceContext): Promise<CalendarFeedCreated> {
  const actor = actorOf(ctx);
  const token = randomToken(32);
  const now = ctx.platform.now();
  await ctx.platform.db.transaction(async (tx) => {
    await repo.replaceFeed(tx, actor.userId, hashToken(token), now);
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: actor.userId,
      action: "training.calendarFeedCreated",
      entityType: "trainingCalendarFeed",
      entityId: actor.userId,
      ip: ctx.ip,
    });
  });
  return {
    url: `${ctx.platform.env.PUBLIC_URL}/api/public/calendar/${token}.ics`,
    createdAt: now.toISOString(),
  };
}

export async function revokeFeed(ctx: ServiceContext): Promise<void> {
  const actor = actorOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    if (!(await repo.deleteFeed(tx, actor.userId))) return;
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: actor.userId,
      action: "training.calendarFeedRevoked",
      entityType: "trainingCalendarFeed",
      entityId: actor.userId,
      ip: ctx.ip,
    });
  });
}

/** The feed behind a secret address: her confirmed sessions in every organisation she still belongs to. */
export async function feedCalendar(ctx: ServiceContext, token: string): Promise<string> {
  const { platform } = ctx;
  const userId = await repo.findFeedUser(platform.db, hashToken(token));
  if (!userId) throw notFound();
  const locales = await findUserLocales(platform.db, [userId]);
  const locale = locales.get(userId) ?? "de";
  const t = translator(locale);
  const since = addDays(todayOf(platform), -FEED_HISTORY_DAYS);
  const rows = await repo.listFeedSessions(platform.db, userId, since);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.course.id, (counts.get(row.course.id) ?? 0) + 1);
  const allSessions = await courses.listSessions(platform.db, [...counts.keys()]);
  // One feed per person: her registered meetings and events come from the events module (ADR 0011).
  const events = await personalEventEntries(platform.db, userId, new Date(`${since}T00:00:00Z`), locale);
  return buildCalendar({
    name: t("training.calendar.feedName"),
    method: null,
    now: platform.now(),
    entries: [
      ...rows.map(({ session, course }) => {
        const ofRun = allSessions.filter((s) => s.courseId === course.id);
        return sessionEntry(course, session, ofRun, { locale, showOnlineUrl: true });
      }),
      ...events,
    ],
  });
}

/** One session as a calendar entry: its UID never changes, its SEQUENCE is the session's revision. */
export function sessionEntry(
  course: courses.CourseRow,
  session: courses.SessionRow,
  runSessions: readonly courses.SessionRow[],
  options: { locale: Locale; showOnlineUrl: boolean },
) {
  const t = translator(options.locale);
  const number = runSessions.findIndex((s) => s.id === session.id) + 1;
  const lines = [
    runSessions.length > 1 ? t("training.calendar.sessionOf", { number, count: runSessions.length }) : null,
    t("training.calendar.units", { units: session.units }),
    options.showOnlineUrl && session.onlineUrl
      ? t("training.calendar.onlineLink", { url: session.onlineUrl })
      : null,
    course.description || null,
  ].filter((line): line is string => line !== null);
  const isCancelled = course.status === "cancelled";
  return {
    uid: `training-session-${session.id}@ktp-netz`,
    date: session.date,
    from: session.from,
    to: session.to,
    summary: isCancelled ? t("training.calendar.cancelled", { title: course.title }) : course.title,
    description: lines.join("\n"),
    location: session.place || (options.showOnlineUrl && session.onlineUrl ? session.onlineUrl : ""),
    url: options.showOnlineUrl ? session.onlineUrl : null,
    sequence: session.revision,
    isCancelled,
  };
}
