import { randomUUID } from "node:crypto";
import type {
  CancelCourseBody,
  CopyCourseBody,
  CopyCourseResponse,
  CourseInput,
  CourseListQuery,
  MemberCatalogue,
  MemberCatalogueItem,
  PublicCatalogue,
  PublicCourse,
  StaffCourseDetail,
  StaffCourseList,
  TrainingPeople,
} from "../../../contracts/training";
import type { StateRules } from "../../../core/organisations/presets";
import { type BookingResult, cancelRun, changeCapacity } from "../../../core/training/booking";
import {
  type Course,
  type CourseProblem,
  categoryDefaults,
  copyCourseRun,
  validateCourse,
} from "../../../core/training/catalogue";
import { type AuditAction, writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, forbidden, notFound } from "../../platform/errors";
import { buildCalendar, calendarFileName } from "../../platform/ical";
import type { ServiceContext } from "../../platform/types";
import * as bookingRepo from "./bookings.repository";
import {
  applyOutcome,
  bookingRunOf,
  bookingTransaction,
  lockRun,
  mailOrganisation,
  ParticipantMailer,
  problemError,
  sessionEntry,
  visibleAudiences,
} from "./bookings.service";
import * as repo from "./courses.repository";
import { actorOf, isStaff, mailLocales, requireRun, todayOf, trainingOrgOf } from "./training.context";
import {
  presentMemberItem,
  presentProblems,
  presentPublicCourse,
  presentStaffDetail,
  presentStaffListItem,
  problemPath,
} from "./training.presenter";

interface FieldProblem {
  path: string;
  key: string;
}

function rejectIfAny(problems: readonly FieldProblem[]): void {
  if (problems.length > 0) throw new AppError("validation", 400, undefined, [...problems]);
}

/** A run as the rules read it. */
function courseOf(
  course: repo.CourseRow,
  sessions: readonly repo.SessionRow[],
): Omit<Course, "id" | "seriesId"> {
  return {
    category: course.category,
    units: course.units,
    practiceHours: { kita: course.practiceKitaHours, dayCare: course.practiceDayCareHours },
    validityMonths: course.validityMonths,
    minAttendancePercent: course.minAttendancePercent,
    assessments: course.assessments,
    countsTowardsObligation: course.countsTowardsObligation,
    isRefresher: course.isRefresher,
    capacity: course.capacity,
    startsOn: course.startsOn,
    endsOn: course.endsOn,
    cancellationDays: course.cancellationDays,
    sessions: sessions.map((s) => ({ id: s.id, date: s.date, from: s.from, to: s.to, units: s.units })),
  };
}

/**
 * The stored values of a run from the form: fields left out take the category's defaults (core
 * `categoryDefaults`); the run's first and last day default to its sessions'.
 */
function courseValues(input: CourseInput, rules: StateRules, problems: FieldProblem[]) {
  const defaults = categoryDefaults(input.category, rules);
  const units = input.units ?? defaults.units;
  if (units === null) problems.push({ path: "units", key: "trainingUnits" });
  const dates = input.sessions.map((session) => session.date).sort();
  const practice = input.practiceHours ?? defaults.practiceHours;
  return {
    category: input.category,
    title: input.title,
    description: input.description,
    materials: input.materials,
    audience: input.audience,
    units: units ?? 0,
    practiceKitaHours: practice.kita,
    practiceDayCareHours: practice.dayCare,
    validityMonths: input.validityMonths === undefined ? defaults.validityMonths : input.validityMonths,
    minAttendancePercent: input.minAttendancePercent ?? defaults.minAttendancePercent,
    assessments: [...new Set(input.assessments ?? defaults.assessments)],
    countsTowardsObligation: input.countsTowardsObligation ?? defaults.countsTowardsObligation,
    isRefresher: input.isRefresher,
    capacity: input.capacity,
    startsOn: input.startsOn ?? (dates[0] as string),
    endsOn: input.endsOn ?? (dates[dates.length - 1] as string),
    cancellationDays: input.cancellationDays,
    feeCents: input.feeCents,
    externalTrainers: input.externalTrainers,
  };
}

async function checkTrainers(
  db: Executor,
  organisationId: string,
  userIds: readonly string[],
  problems: FieldProblem[],
) {
  const members = await repo.activeMemberIds(db, organisationId, userIds);
  userIds.forEach((userId, index) => {
    if (!members.has(userId))
      problems.push({ path: `trainerUserIds.${index}`, key: "trainingTrainerNotMember" });
  });
}

/** The validation error of a run that must be complete: every problem at its field, with its text in details. */
function incompleteError(problems: readonly CourseProblem[], ctx: ServiceContext): AppError {
  return new AppError(
    "validation",
    400,
    { problems: presentProblems(problems, ctx.locale) },
    problems.map((problem) => ({ path: problemPath(problem), key: `trainingCourse.${problem.code}` })),
  );
}

async function audit(
  tx: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  action: AuditAction,
  courseId: string,
  details: Record<string, unknown> = {},
) {
  await writeAudit(tx, {
    organisationId: org.id,
    actorUserId: ctx.actor?.userId ?? null,
    action,
    entityType: "trainingCourse",
    entityId: courseId,
    details,
    ip: ctx.ip,
  });
}

// ---------------------------------------------------------------------------------------------------------
// Staff: course runs

export async function createCourse(ctx: ServiceContext, input: CourseInput): Promise<StaffCourseDetail> {
  const org = trainingOrgOf(ctx);
  const db = ctx.platform.db;
  const problems: FieldProblem[] = [];
  const values = courseValues(input, org.rules, problems);
  await checkTrainers(db, org.id, input.trainerUserIds, problems);
  if (input.seriesId) {
    const series = await repo.listSeriesRuns(db, org.id, input.seriesId);
    if (!series.some((run) => run.category === input.category))
      problems.push({ path: "seriesId", key: "trainingSeriesUnknown" });
  }
  if (input.sessions.some((session) => session.id !== undefined))
    input.sessions.forEach((session, index) => {
      if (session.id) problems.push({ path: `sessions.${index}.id`, key: "trainingSessionUnknown" });
    });
  rejectIfAny(problems);
  const now = ctx.platform.now();
  const id = await db.transaction(async (tx) => {
    const course = await repo.insertCourse(tx, org.id, {
      ...values,
      seriesId: input.seriesId ?? randomUUID(),
      status: "draft",
      createdAt: now,
      updatedAt: now,
    });
    for (const session of input.sessions)
      await repo.insertSession(tx, org.id, course.id, { ...sessionValues(session), revision: 0 });
    await repo.replaceTrainers(tx, course.id, input.trainerUserIds);
    await audit(tx, ctx, org, "training.courseCreated", course.id, { title: course.title });
    return course.id;
  });
  return getCourse(ctx, id);
}

function sessionValues(session: CourseInput["sessions"][number]) {
  return {
    date: session.date,
    from: session.from,
    to: session.to,
    units: session.units,
    place: session.place,
    onlineUrl: session.onlineUrl,
  };
}

function sessionChanged(row: repo.SessionRow, next: ReturnType<typeof sessionValues>): boolean {
  return (
    row.date !== next.date ||
    row.from !== next.from ||
    row.to !== next.to ||
    row.units !== next.units ||
    row.place !== next.place ||
    row.onlineUrl !== next.onlineUrl
  );
}

/**
 * Changes a run. Sessions are replaced by the list given (kept ones by id, so their attendance stays); on a
 * published run every changed session's revision goes up so calendar apps take the new version, the run
 * must stay complete, and its participants hear of new dates. A new capacity goes through core
 * `changeCapacity` under the run's lock: more places move the waiting list up.
 */
export async function updateCourse(
  ctx: ServiceContext,
  id: string,
  input: CourseInput,
): Promise<StaffCourseDetail> {
  const org = trainingOrgOf(ctx);
  const { platform } = ctx;
  const problems: FieldProblem[] = [];
  const values = courseValues(input, org.rules, problems);
  await checkTrainers(platform.db, org.id, input.trainerUserIds, problems);
  await bookingTransaction(platform, async (tx) => {
    const locked = await lockRun(tx, org.id, id);
    const { course } = locked;
    if (course.status === "cancelled") throw new AppError("trainingCourseNotEditable", 409);
    if (input.seriesId && input.seriesId !== course.seriesId)
      problems.push({ path: "seriesId", key: "trainingSeriesFixed" });
    const stored = await repo.listSessions(tx, [id]);
    const storedById = new Map(stored.map((row) => [row.id, row]));
    input.sessions.forEach((session, index) => {
      if (session.id && !storedById.has(session.id))
        problems.push({ path: `sessions.${index}.id`, key: "trainingSessionUnknown" });
    });
    rejectIfAny(problems);
    const isPublished = course.status === "published";
    if (isPublished) {
      const draft = {
        ...courseOf({ ...course, ...values }, []),
        sessions: input.sessions.map((s, index) => ({ id: s.id ?? `new-${index}`, ...sessionValues(s) })),
      };
      const invalid = validateCourse(draft);
      if (invalid.length > 0) throw incompleteError(invalid, ctx);
    }

    let capacityOutcome: Extract<BookingResult, { ok: true }> | null = null;
    if (values.capacity !== course.capacity) {
      const result = changeCapacity(
        bookingRunOf(course),
        locked.bookings,
        values.capacity,
        todayOf(platform),
      );
      if (!result.ok) throw problemError(result.problem, ctx.locale);
      capacityOutcome = result;
    }

    const updated = await repo.updateCourse(tx, org.id, id, { ...values, updatedAt: platform.now() });
    const keep = input.sessions.flatMap((s) => (s.id ? [s.id] : []));
    await repo.deleteSessionsExcept(tx, id, keep);
    let datesChanged = stored.some((row) => !keep.includes(row.id));
    for (const session of input.sessions) {
      const next = sessionValues(session);
      const row = session.id ? storedById.get(session.id) : undefined;
      if (!row) {
        datesChanged = true;
        await repo.insertSession(tx, org.id, id, { ...next, revision: 0 });
      } else if (sessionChanged(row, next)) {
        datesChanged = true;
        await repo.updateSession(tx, id, row.id, { ...next, revision: row.revision + (isPublished ? 1 : 0) });
      }
    }
    await repo.replaceTrainers(tx, id, input.trainerUserIds);

    const mailOrg = await mailOrganisation(tx, org);
    if (capacityOutcome)
      await applyOutcome(tx, platform, capacityOutcome, new Set(locked.rows.map((row) => row.id)), {
        org: mailOrg,
        runs: new Map([[id, updated]]),
      });
    if (isPublished && datesChanged) {
      // Everyone holding a place or waiting reads the new dates; the calendar files carry the new revisions.
      const people = await bookingRepo.findParticipants(
        tx,
        locked.bookings
          .filter((b) => b.status === "confirmed" || b.status === "waiting")
          .map((b) => b.participantId),
      );
      const sessions = await repo.listSessions(tx, [id]);
      const mailer = new ParticipantMailer(tx, platform, mailOrg, new Map([[id, updated]]), sessions);
      const localeOf = await mailLocales(tx, people.values());
      for (const person of people.values())
        await mailer.send({ person, locale: localeOf(person) }, id, "trainingCourseChanged");
    }
    await audit(tx, ctx, org, "training.courseUpdated", id, {
      capacity:
        values.capacity !== course.capacity ? { from: course.capacity, to: values.capacity } : undefined,
      sessionsChanged: datesChanged,
    });
  });
  platform.mailer.kick();
  return getCourse(ctx, id);
}

/** Publishes a draft once core `validateCourse` finds nothing; otherwise answers with every problem. */
export async function publishCourse(ctx: ServiceContext, id: string): Promise<StaffCourseDetail> {
  const org = trainingOrgOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    const course = await requireRun(tx, ctx, id, { lock: true });
    if (course.status === "cancelled") throw new AppError("trainingCourseNotEditable", 409);
    if (course.status === "published") return;
    const sessions = await repo.listSessions(tx, [id]);
    const problems = validateCourse(courseOf(course, sessions));
    if (problems.length > 0) throw incompleteError(problems, ctx);
    await repo.updateCourse(tx, org.id, id, { status: "published", updatedAt: ctx.platform.now() });
    await audit(tx, ctx, org, "training.coursePublished", id);
  });
  return getCourse(ctx, id);
}

/** Cancels a whole run (core `cancelRun`): every booking ends, everyone gets the reason. */
export async function cancelCourse(
  ctx: ServiceContext,
  id: string,
  body: CancelCourseBody,
): Promise<StaffCourseDetail> {
  const org = trainingOrgOf(ctx);
  const { platform } = ctx;
  await bookingTransaction(platform, async (tx) => {
    const locked = await lockRun(tx, org.id, id);
    if (locked.course.status === "cancelled") throw new AppError("trainingCourseNotEditable", 409);
    const result = cancelRun(bookingRunOf(locked.course), locked.bookings, platform.now().toISOString());
    if (!result.ok) throw problemError(result.problem, ctx.locale);
    const updated = await repo.updateCourse(tx, org.id, id, {
      status: "cancelled",
      cancelledReason: body.reason,
      updatedAt: platform.now(),
    });
    // Calendar apps replace each session with its cancelled version.
    for (const session of await repo.listSessions(tx, [id]))
      await repo.updateSession(tx, id, session.id, {
        date: session.date,
        from: session.from,
        to: session.to,
        units: session.units,
        place: session.place,
        onlineUrl: session.onlineUrl,
        revision: session.revision + 1,
      });
    await applyOutcome(tx, platform, result, new Set(locked.rows.map((row) => row.id)), {
      org: await mailOrganisation(tx, org),
      runs: new Map([[id, updated]]),
      cancelMail: "run",
      reason: body.reason,
      extras: new Map(result.changed.map((booking) => [booking.id, { endedReason: body.reason }])),
    });
    await audit(tx, ctx, org, "training.courseCancelled", id, {
      reason: body.reason,
      bookingsCancelled: result.changed.length,
    });
  });
  platform.mailer.kick();
  return getCourse(ctx, id);
}

/**
 * Copies a run to a new draft of the same series (core `copyCourseRun`: same weekdays, same times); sessions
 * landing on a closed day are reported for the organiser to move.
 */
export async function copyCourse(
  ctx: ServiceContext,
  id: string,
  body: CopyCourseBody,
): Promise<CopyCourseResponse> {
  const org = trainingOrgOf(ctx);
  const db = ctx.platform.db;
  const source = await requireRun(db, ctx, id);
  const [sessions, trainers] = await Promise.all([repo.listSessions(db, [id]), repo.listTrainers(db, [id])]);
  const copy = copyCourseRun(courseOf(source, sessions), body.firstSessionFrom, body.closedDays);
  const now = ctx.platform.now();
  const newId = await db.transaction(async (tx) => {
    const {
      id: _id,
      organisationId: _org,
      createdAt: _created,
      updatedAt: _updated,
      cancelledReason: _reason,
      ...fields
    } = source;
    const course = await repo.insertCourse(tx, org.id, {
      ...fields,
      status: "draft",
      startsOn: copy.startsOn,
      endsOn: copy.endsOn,
      cancelledReason: null,
      createdAt: now,
      updatedAt: now,
    });
    for (const [index, session] of copy.sessions.entries()) {
      const original = sessions[index] as repo.SessionRow;
      await repo.insertSession(tx, org.id, course.id, {
        ...session,
        place: original.place,
        onlineUrl: original.onlineUrl,
        revision: 0,
      });
    }
    await repo.replaceTrainers(
      tx,
      course.id,
      trainers.map((trainer) => trainer.userId),
    );
    await audit(tx, ctx, org, "training.courseCopied", course.id, { from: id, shiftDays: copy.shiftDays });
    return course.id;
  });
  const detail = await getCourse(ctx, newId);
  return {
    course: detail,
    sessionsOnClosedDays: copy.sessionsOnClosedDays.map((index) => ({
      index,
      date: copy.sessions[index]?.date ?? "",
    })),
  };
}

export async function listCourses(ctx: ServiceContext, query: CourseListQuery): Promise<StaffCourseList> {
  const org = trainingOrgOf(ctx);
  const db = ctx.platform.db;
  const today = todayOf(ctx);
  const rows = await repo.listCourses(db, org.id, {
    when: query.when,
    today,
    category: query.category,
    ...(query.status ? { statuses: [query.status] } : {}),
  });
  const ids = rows.map((row) => row.id);
  const [sessions, trainers, counts] = await Promise.all([
    repo.listSessions(db, ids),
    repo.listTrainers(db, ids),
    repo.countPlaces(db, ids),
  ]);
  return {
    items: rows.map((row) =>
      presentStaffListItem(
        row,
        counts.get(row.id),
        sessions.filter((s) => s.courseId === row.id),
        trainers.filter((t) => t.courseId === row.id),
        today,
      ),
    ),
  };
}

export async function getCourse(ctx: ServiceContext, id: string): Promise<StaffCourseDetail> {
  const org = trainingOrgOf(ctx);
  const db = ctx.platform.db;
  const course = await requireRun(db, ctx, id);
  const [sessions, trainers, bookings, seriesRuns] = await Promise.all([
    repo.listSessions(db, [id]),
    repo.listTrainers(db, [id]),
    bookingRepo.listBookings(db, [id]),
    repo.listSeriesRuns(db, org.id, course.seriesId),
  ]);
  const [participants, seriesCounts] = await Promise.all([
    bookingRepo.findParticipants(
      db,
      bookings.map((b) => b.participantId),
    ),
    repo.countPlaces(
      db,
      seriesRuns.map((run) => run.id),
    ),
  ]);
  return presentStaffDetail({
    course,
    sessions,
    trainers,
    bookings,
    participants,
    problems: validateCourse(courseOf(course, sessions)),
    seriesRuns,
    seriesCounts,
    locale: ctx.locale,
  });
}

export async function listPeople(ctx: ServiceContext): Promise<TrainingPeople> {
  const org = trainingOrgOf(ctx);
  return { items: await repo.listMembers(ctx.platform.db, org.id) };
}

// ---------------------------------------------------------------------------------------------------------
// Members' and the public catalogue

/** Published runs not yet ended that the member may see, with her own booking in each. */
export async function memberCatalogue(
  ctx: ServiceContext,
  query: { category?: Course["category"] | undefined },
): Promise<MemberCatalogue> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const db = ctx.platform.db;
  const today = todayOf(ctx);
  const rows = await repo.listCourses(db, org.id, {
    when: "upcoming",
    today,
    category: query.category,
    statuses: ["published"],
    audiences: visibleAudiences(ctx),
  });
  return { items: await memberItems(db, org.id, actor.userId, rows, today) };
}

async function memberItems(
  db: Executor,
  organisationId: string,
  userId: string,
  rows: readonly repo.CourseRow[],
  today: string,
): Promise<MemberCatalogueItem[]> {
  const ids = rows.map((row) => row.id);
  const [sessions, trainers, bookings, participant] = await Promise.all([
    repo.listSessions(db, ids),
    repo.listTrainers(db, ids),
    bookingRepo.listBookings(db, ids),
    bookingRepo.findMemberParticipant(db, organisationId, userId),
  ]);
  const all = bookings.map(bookingRepo.toBooking);
  return rows.map((row) =>
    presentMemberItem(
      row,
      sessions.filter((s) => s.courseId === row.id),
      trainers.filter((t) => t.courseId === row.id),
      all.filter((b) => b.runId === row.id),
      participant?.id ?? null,
      today,
    ),
  );
}

export async function memberCatalogueItem(ctx: ServiceContext, id: string): Promise<MemberCatalogueItem> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const db = ctx.platform.db;
  const course = await repo.findCourse(db, org.id, id);
  if (course?.status !== "published" || !visibleAudiences(ctx).includes(course.audience)) throw notFound();
  const [item] = await memberItems(db, org.id, actor.userId, [course], todayOf(ctx));
  return item as MemberCatalogueItem;
}

export async function publicCatalogue(
  ctx: ServiceContext,
  query: { category?: Course["category"] | undefined },
): Promise<PublicCatalogue> {
  const org = trainingOrgOf(ctx);
  const db = ctx.platform.db;
  const today = todayOf(ctx);
  const rows = await repo.listCourses(db, org.id, {
    when: "upcoming",
    today,
    category: query.category,
    statuses: ["published"],
    audiences: ["public"],
  });
  return { organisationName: org.name, items: await publicItems(db, rows, today) };
}

async function publicItems(
  db: Executor,
  rows: readonly repo.CourseRow[],
  today: string,
): Promise<PublicCourse[]> {
  const ids = rows.map((row) => row.id);
  const [sessions, trainers, counts] = await Promise.all([
    repo.listSessions(db, ids),
    repo.listTrainers(db, ids),
    repo.countPlaces(db, ids),
  ]);
  return rows.map((row) =>
    presentPublicCourse(
      row,
      sessions.filter((s) => s.courseId === row.id),
      trainers.filter((t) => t.courseId === row.id),
      counts.get(row.id),
      today,
    ),
  );
}

async function findPublicCourse(ctx: ServiceContext, id: string): Promise<repo.CourseRow> {
  const org = trainingOrgOf(ctx);
  const course = await repo.findCourse(ctx.platform.db, org.id, id);
  if (course?.status !== "published" || course.audience !== "public") throw notFound();
  return course;
}

export async function publicCourse(ctx: ServiceContext, id: string): Promise<PublicCourse> {
  const course = await findPublicCourse(ctx, id);
  const [item] = await publicItems(ctx.platform.db, [course], todayOf(ctx));
  return item as PublicCourse;
}

// ---------------------------------------------------------------------------------------------------------
// Calendar files

export interface CalendarFile {
  fileName: string;
  body: string;
}

function calendarFile(
  ctx: ServiceContext,
  course: repo.CourseRow,
  sessions: readonly repo.SessionRow[],
  sessionId: string | undefined,
  showOnlineUrl: boolean,
): CalendarFile {
  const chosen = sessionId ? sessions.filter((s) => s.id === sessionId) : sessions;
  if (sessionId && chosen.length === 0) throw notFound();
  const locale = ctx.locale;
  return {
    fileName: calendarFileName(course.title),
    body: buildCalendar({
      name: course.title,
      method: "publish",
      now: ctx.platform.now(),
      entries: chosen.map((session) => sessionEntry(course, session, sessions, { locale, showOnlineUrl })),
    }),
  };
}

/**
 * A run's (or one session's) calendar file for a signed-in member: staff, the run's trainers and those with a
 * place (or waiting) get it; for a public run anyone does. Online links only for staff, trainers and places.
 */
export async function courseCalendar(
  ctx: ServiceContext,
  id: string,
  sessionId?: string,
): Promise<CalendarFile> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const db = ctx.platform.db;
  const course = await requireRun(db, ctx, id);
  const staff = isStaff(ctx);
  const trainer = await repo.isTrainerOf(db, id, actor.userId);
  let hasPlace = false;
  let isWaiting = false;
  const participant = await bookingRepo.findMemberParticipant(db, org.id, actor.userId);
  if (participant) {
    const own = (await bookingRepo.listBookings(db, [id])).find((b) => b.participantId === participant.id);
    hasPlace = own?.status === "confirmed";
    isWaiting = own?.status === "waiting";
  }
  const isPublic = course.status !== "draft" && course.audience === "public";
  if (course.status === "draft" && !staff && !trainer) throw notFound();
  if (!staff && !trainer && !hasPlace && !isWaiting && !isPublic) throw forbidden();
  const sessions = await repo.listSessions(db, [id]);
  return calendarFile(ctx, course, sessions, sessionId, staff || trainer || hasPlace);
}

export async function publicCourseCalendar(
  ctx: ServiceContext,
  id: string,
  sessionId?: string,
): Promise<CalendarFile> {
  const org = trainingOrgOf(ctx);
  const course = await repo.findCourse(ctx.platform.db, org.id, id);
  // A cancelled public run keeps its file, so calendars that imported it learn of the cancellation.
  if (!course || course.status === "draft" || course.audience !== "public") throw notFound();
  const sessions = await repo.listSessions(ctx.platform.db, [id]);
  return calendarFile(ctx, course, sessions, sessionId, false);
}
