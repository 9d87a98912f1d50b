import type {
  AssessmentInput,
  AttendanceRunDto,
  AttendanceSheet,
  ParticipantResultDto,
  PracticeConfirmBody,
  PracticeEntryInput,
  RunResults,
  SessionAttendanceBody,
} from "../../../contracts/training-records";
import { compareDates, todayIso } from "../../../core/shared/dates";
import {
  type AttendanceProblemCode,
  type AttendanceRecord,
  type AttendanceSummary,
  attendedUnits,
  type PracticeProblemCode,
  type PracticeSummary,
  summariseAttendance,
  summarisePractice,
  validateAttendance,
  validatePracticeEntry,
} from "../../../core/training/attendance";
import type { CourseSession } from "../../../core/training/catalogue";
import {
  type CompletionResult,
  evaluateCompletion,
  requiredAttendanceUnits,
} from "../../../core/training/completion";
import { writeAudit } from "../../platform/audit/audit";
import type { Executor } from "../../platform/db/client";
import { AppError, forbidden, notFound } from "../../platform/errors";
import type { ServiceContext } from "../../platform/types";
import * as repo from "./attendance.repository";
import { presentCertificate } from "./certificates.presenter";
import * as certificates from "./certificates.repository";
import { actorOf, isStaff, requireRun, todayOf, trainingOrgOf } from "./training.context";

const berlinClock = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Berlin",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/**
 * Whether a session has begun by `now` (German local time): attendance is taken at the start, so a session
 * later today can be marked once it has started, one tomorrow not at all.
 */
export function hasSessionStarted(session: Pick<repo.SessionRow, "date" | "from">, now: Date): boolean {
  const today = todayIso(now);
  const order = compareDates(session.date, today);
  if (order !== 0) return order < 0;
  return session.from <= berlinClock.format(now);
}

/**
 * The run in the caller's organisation, if she may mark it: staff always, a trainer only when assigned to it.
 * A run of another organisation is not found; a run she does not teach is forbidden.
 */
async function requireMarkableRun(
  db: Executor,
  ctx: ServiceContext,
  courseId: string,
): Promise<repo.CourseRow> {
  const course = await requireRun(db, ctx, courseId);
  if (!isStaff(ctx) && !(await repo.isTrainerOf(db, course.id, actorOf(ctx).userId))) throw forbidden();
  return course;
}

const toCoreSession = (s: repo.SessionRow): CourseSession => ({
  id: s.id,
  date: s.date,
  from: s.from,
  to: s.to,
  units: s.units,
});

const toCoreRecord = (r: repo.AttendanceRow): AttendanceRecord => ({
  sessionId: r.sessionId,
  participantId: r.participantId,
  status: r.status,
  lateUnits: r.lateUnits,
  earlyLeaveUnits: r.earlyLeaveUnits,
});

// ---------------------------------------------------------------------------------------------------------
// Attendance

/** The runs the caller may mark, with how many past sessions still lack a record for someone. */
export async function listAttendanceRuns(ctx: ServiceContext): Promise<AttendanceRunDto[]> {
  const org = trainingOrgOf(ctx);
  const db = ctx.platform.db;
  const today = todayOf(ctx);
  const runs = (await repo.listRuns(db, org.id, isStaff(ctx) ? null : actorOf(ctx).userId)).filter(
    // A draft has no bookings yet, so there is nothing to mark.
    (run) => run.status !== "draft",
  );
  const figures = await repo.listRunFigures(
    db,
    org.id,
    runs.map((r) => r.id),
  );
  const recorded = new Set(figures.records.map((r) => `${r.sessionId}|${r.participantId}`));
  return runs.map((run) => {
    const sessions = figures.sessions.filter((s) => s.courseId === run.id);
    const participants = figures.bookings.filter((b) => b.courseId === run.id).map((b) => b.participantId);
    const sessionsToRecord = sessions.filter(
      (s) => compareDates(s.date, today) <= 0 && participants.some((p) => !recorded.has(`${s.id}|${p}`)),
    ).length;
    return {
      id: run.id,
      title: run.title,
      category: run.category,
      status: run.status,
      startsOn: run.startsOn,
      endsOn: run.endsOn,
      units: run.units,
      sessionCount: sessions.length,
      sessionsToRecord,
      confirmedParticipants: participants.length,
    };
  });
}

async function buildSheet(
  db: Executor,
  ctx: ServiceContext,
  course: repo.CourseRow,
): Promise<AttendanceSheet> {
  const org = trainingOrgOf(ctx);
  const now = ctx.platform.now();
  const today = todayIso(now);
  const sessions = await repo.listSessions(db, org.id, course.id);
  const participants = await repo.listConfirmedParticipants(db, org.id, course.id);
  const rows = await repo.listAttendance(db, org.id, course.id);
  const coreSessions = sessions.map(toCoreSession);
  const records = rows.map(toCoreRecord);
  const unitsOf = new Map(sessions.map((s) => [s.id, s]));
  const requiredUnits = requiredAttendanceUnits(course.units, course.minAttendancePercent);
  const confirmed = new Set(participants.map((p) => p.id));
  return {
    course: {
      id: course.id,
      title: course.title,
      category: course.category,
      units: course.units,
      minAttendancePercent: course.minAttendancePercent,
      startsOn: course.startsOn,
      endsOn: course.endsOn,
    },
    today,
    sessions: sessions.map((s) => ({
      id: s.id,
      date: s.date,
      from: s.from,
      to: s.to,
      units: s.units,
      place: s.place,
      isFuture: !hasSessionStarted(s, now),
    })),
    participants: participants.map((p) => ({
      participantId: p.id,
      name: p.name,
      summary: { ...summariseAttendance(coreSessions, records, p.id, today), requiredUnits },
    })),
    // Records of people who since lost their place stay stored but are not shown on the sheet.
    records: rows
      .filter((r) => confirmed.has(r.participantId))
      .map((r) => ({
        sessionId: r.sessionId,
        participantId: r.participantId,
        status: r.status,
        lateUnits: r.lateUnits,
        earlyLeaveUnits: r.earlyLeaveUnits,
        attendedUnits: attendedUnits(unitsOf.get(r.sessionId) ?? { units: 0 }, toCoreRecord(r)),
        recordedAt: r.recordedAt.toISOString(),
      })),
  };
}

export async function getAttendanceSheet(ctx: ServiceContext, courseId: string): Promise<AttendanceSheet> {
  const db = ctx.platform.db;
  const course = await requireMarkableRun(db, ctx, courseId);
  return buildSheet(db, ctx, course);
}

const ATTENDANCE_KEYS: Record<AttendanceProblemCode, string> = {
  lostUnitsInvalid: "trainingHalfUnits",
  lostUnitsWithoutPresence: "trainingLostUnitsWithoutPresence",
  lostUnitsExceedSession: "trainingLostUnitsExceedSession",
};

/**
 * Saves one session's attendance as the trainer marked it: every listed participant's record is replaced in
 * one transaction, or nothing is saved when any line breaks a rule (all problems reported at once).
 */
export async function recordSessionAttendance(
  ctx: ServiceContext,
  courseId: string,
  sessionId: string,
  input: SessionAttendanceBody,
): Promise<AttendanceSheet> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const course = await requireMarkableRun(tx, ctx, courseId);
    const session = (await repo.listSessions(tx, org.id, course.id)).find((s) => s.id === sessionId);
    if (!session) throw notFound();
    const now = platform.now();
    if (!hasSessionStarted(session, now))
      throw new AppError("sessionNotStarted", 409, { date: session.date });
    const confirmed = new Set((await repo.listConfirmedParticipants(tx, org.id, course.id)).map((p) => p.id));
    const problems: { path: string; key: string }[] = [];
    const seen = new Set<string>();
    input.records.forEach((record, index) => {
      if (!confirmed.has(record.participantId))
        problems.push({ path: `records.${index}.participantId`, key: "trainingNotParticipant" });
      else if (seen.has(record.participantId))
        problems.push({ path: `records.${index}.participantId`, key: "trainingDuplicateParticipant" });
      seen.add(record.participantId);
      for (const problem of validateAttendance(session, { ...record, sessionId }))
        problems.push({ path: `records.${index}.${problem.field}`, key: ATTENDANCE_KEYS[problem.code] });
    });
    if (problems.length > 0) throw new AppError("validation", 400, undefined, problems);
    await repo.upsertAttendance(tx, org.id, session.id, input.records, actor.userId, now);
    const count = (status: string) => input.records.filter((r) => r.status === status).length;
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "training.attendanceRecorded",
      entityType: "trainingAttendance",
      entityId: session.id,
      details: {
        courseId: course.id,
        date: session.date,
        present: count("present"),
        excused: count("excused"),
        absent: count("absent"),
      },
      ip: ctx.ip,
    });
    return buildSheet(tx, ctx, course);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Results and completion

export interface EvaluatedParticipant {
  participant: repo.ParticipantRow;
  attendance: AttendanceSummary;
  practice: PracticeSummary;
  assessmentRows: repo.AssessmentRow[];
  practiceRows: repo.PracticeRow[];
  completion: CompletionResult;
}

export interface EvaluatedRun {
  sessions: repo.SessionRow[];
  participants: EvaluatedParticipant[];
}

/** Everything that decides the certificates of a run, per confirmed participant (core `evaluateCompletion`). */
export async function evaluateRun(
  db: Executor,
  organisationId: string,
  course: repo.CourseRow,
  today: string,
): Promise<EvaluatedRun> {
  const sessions = await repo.listSessions(db, organisationId, course.id);
  const participants = await repo.listConfirmedParticipants(db, organisationId, course.id);
  const records = (await repo.listAttendance(db, organisationId, course.id)).map(toCoreRecord);
  const assessments = await repo.listAssessments(db, organisationId, course.id);
  const practice = await repo.listPractice(db, organisationId, course.id);
  const coreSessions = sessions.map(toCoreSession);
  const rules = {
    units: course.units,
    minAttendancePercent: course.minAttendancePercent,
    assessments: course.assessments,
    practiceHours: { kita: course.practiceKitaHours, dayCare: course.practiceDayCareHours },
  };
  return {
    sessions,
    participants: participants.map((participant) => {
      const attendance = summariseAttendance(coreSessions, records, participant.id, today);
      const assessmentRows = assessments.filter((a) => a.participantId === participant.id);
      const practiceRows = practice.filter((p) => p.participantId === participant.id);
      const practiceSummary = summarisePractice(practiceRows);
      const completion = evaluateCompletion(rules, {
        attendance,
        practice: practiceSummary,
        assessments: assessmentRows,
      });
      return { participant, attendance, practice: practiceSummary, assessmentRows, practiceRows, completion };
    }),
  };
}

async function buildResults(db: Executor, ctx: ServiceContext, course: repo.CourseRow): Promise<RunResults> {
  const org = trainingOrgOf(ctx);
  const today = todayOf(ctx);
  const evaluated = await evaluateRun(db, org.id, course, today);
  const current = await certificates.listCertificates(db, org.id, { courseId: course.id });
  const requiredUnits = requiredAttendanceUnits(course.units, course.minAttendancePercent);
  const presentContext = {
    publicUrl: ctx.platform.env.PUBLIC_URL,
    today,
    leadDays: org.rules.reminderLeadDays,
  };
  return {
    course: {
      id: course.id,
      title: course.title,
      category: course.category,
      units: course.units,
      minAttendancePercent: course.minAttendancePercent,
      assessments: course.assessments,
      practiceHours: { kita: course.practiceKitaHours, dayCare: course.practiceDayCareHours },
      startsOn: course.startsOn,
      endsOn: course.endsOn,
    },
    today,
    participants: evaluated.participants.map((e) => {
      const certificate = current.find((c) => c.participantId === e.participant.id);
      return {
        participantId: e.participant.id,
        name: e.participant.name,
        email: e.participant.email,
        attendance: { ...e.attendance, requiredUnits },
        assessments: e.assessmentRows.map((a) => ({
          id: a.id,
          kind: a.kind,
          passed: a.passed,
          on: a.on,
          recordedAt: a.createdAt.toISOString(),
        })),
        practice: e.practiceRows.map((p) => ({
          id: p.id,
          placeKind: p.placeKind,
          placeName: p.placeName,
          from: p.from,
          to: p.to,
          hours: p.hours,
          confirmedOn: p.confirmedOn,
          confirmedBy: p.confirmedBy,
          recordedAt: p.createdAt.toISOString(),
        })),
        completion: e.completion,
        certificate: certificate ? presentCertificate(certificate, presentContext) : null,
      };
    }),
  };
}

export async function getRunResults(ctx: ServiceContext, courseId: string): Promise<RunResults> {
  const db = ctx.platform.db;
  return buildResults(db, ctx, await requireRun(db, ctx, courseId));
}

async function resultOf(
  db: Executor,
  ctx: ServiceContext,
  course: repo.CourseRow,
  participantId: string,
): Promise<ParticipantResultDto> {
  const results = await buildResults(db, ctx, course);
  const result = results.participants.find((p) => p.participantId === participantId);
  if (!result) throw notFound();
  return result;
}

/** A participant of the run: only those holding a confirmed place have results. */
async function requireParticipant(
  db: Executor,
  organisationId: string,
  courseId: string,
  participantId: string,
): Promise<void> {
  const confirmed = await repo.listConfirmedParticipants(db, organisationId, courseId);
  if (!confirmed.some((p) => p.id === participantId)) throw notFound();
}

async function auditResult(
  tx: Executor,
  ctx: ServiceContext,
  action:
    | "training.assessmentRecorded"
    | "training.practiceAdded"
    | "training.practiceConfirmed"
    | "training.practiceDeleted",
  participantId: string,
  details: Record<string, unknown>,
) {
  await writeAudit(tx, {
    organisationId: trainingOrgOf(ctx).id,
    actorUserId: actorOf(ctx).userId,
    action,
    entityType: "trainingResult",
    entityId: participantId,
    details,
    ip: ctx.ip,
  });
}

/** Records an assessment result; failed attempts stay, one pass is enough (ADR 0008). */
export async function addAssessment(
  ctx: ServiceContext,
  courseId: string,
  participantId: string,
  input: AssessmentInput,
): Promise<ParticipantResultDto> {
  const org = trainingOrgOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const course = await requireRun(tx, ctx, courseId);
    await requireParticipant(tx, org.id, course.id, participantId);
    const problems: { path: string; key: string }[] = [];
    if (!course.assessments.includes(input.kind))
      problems.push({ path: "kind", key: "trainingAssessmentNotRequired" });
    if (compareDates(input.on, todayOf(ctx)) > 0) problems.push({ path: "on", key: "trainingDateInFuture" });
    if (problems.length > 0) throw new AppError("validation", 400, undefined, problems);
    const row = await repo.insertAssessment(tx, {
      organisationId: org.id,
      courseId: course.id,
      participantId,
      kind: input.kind,
      passed: input.passed,
      on: input.on,
      recordedByUserId: actorOf(ctx).userId,
      createdAt: platform.now(),
    });
    await auditResult(tx, ctx, "training.assessmentRecorded", participantId, {
      courseId: course.id,
      assessmentId: row.id,
      kind: input.kind,
      passed: input.passed,
      on: input.on,
    });
    return resultOf(tx, ctx, course, participantId);
  });
}

const PRACTICE_KEYS: Record<PracticeProblemCode, string> = {
  hoursInvalid: "trainingPracticeHours",
  datesInvalid: "dateOrder",
  inFuture: "trainingPracticeInFuture",
  hoursExceedDays: "trainingPracticeHoursExceedDays",
  confirmedBeforeEnd: "trainingConfirmedBeforeEnd",
};

function practiceProblems(
  entry: Parameters<typeof validatePracticeEntry>[0],
  today: string,
): { path: string; key: string }[] {
  const problems = validatePracticeEntry(entry, today).map((p) => ({
    path: p.field,
    key: PRACTICE_KEYS[p.code],
  }));
  if (
    entry.confirmedOn !== null &&
    compareDates(entry.confirmedOn, today) > 0 &&
    !problems.some((p) => p.path === "confirmedOn")
  )
    problems.push({ path: "confirmedOn", key: "trainingDateInFuture" });
  return problems;
}

/** Enters practice hours at a place, confirmed at once when the paper confirmation is at hand. */
export async function addPractice(
  ctx: ServiceContext,
  courseId: string,
  participantId: string,
  input: PracticeEntryInput,
): Promise<ParticipantResultDto> {
  const org = trainingOrgOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const course = await requireRun(tx, ctx, courseId);
    await requireParticipant(tx, org.id, course.id, participantId);
    const required = input.placeKind === "kita" ? course.practiceKitaHours : course.practiceDayCareHours;
    const problems = required > 0 ? [] : [{ path: "placeKind", key: "trainingPracticeNotRequired" }];
    const confirmedOn = input.confirmedOn ?? null;
    problems.push(...practiceProblems({ ...input, confirmedOn }, todayOf(ctx)));
    if (problems.length > 0) throw new AppError("validation", 400, undefined, problems);
    const row = await repo.insertPractice(tx, {
      organisationId: org.id,
      courseId: course.id,
      participantId,
      placeKind: input.placeKind,
      placeName: input.placeName,
      from: input.from,
      to: input.to,
      hours: input.hours,
      confirmedOn,
      confirmedBy: confirmedOn === null ? null : (input.confirmedBy ?? null),
      recordedByUserId: actorOf(ctx).userId,
      createdAt: platform.now(),
    });
    await auditResult(tx, ctx, "training.practiceAdded", participantId, {
      courseId: course.id,
      entryId: row.id,
      placeKind: row.placeKind,
      hours: row.hours,
      confirmed: confirmedOn !== null,
    });
    return resultOf(tx, ctx, course, participantId);
  });
}

/** The place confirmed the hours later: from now on they count. */
export async function confirmPractice(
  ctx: ServiceContext,
  courseId: string,
  entryId: string,
  input: PracticeConfirmBody,
): Promise<ParticipantResultDto> {
  const org = trainingOrgOf(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const course = await requireRun(tx, ctx, courseId);
    const entry = await repo.findPractice(tx, org.id, course.id, entryId, { forUpdate: true });
    if (!entry) throw notFound();
    if (entry.confirmedOn !== null) throw new AppError("practiceEntryConfirmed", 409);
    const problems = practiceProblems({ ...entry, confirmedOn: input.confirmedOn }, todayOf(ctx)).filter(
      (p) => p.path === "confirmedOn",
    );
    if (problems.length > 0) throw new AppError("validation", 400, undefined, problems);
    await repo.confirmPractice(tx, org.id, entry.id, input);
    await auditResult(tx, ctx, "training.practiceConfirmed", entry.participantId, {
      courseId: course.id,
      entryId: entry.id,
      confirmedOn: input.confirmedOn,
    });
    return resultOf(tx, ctx, course, entry.participantId);
  });
}

/** Removes an entry typed in error; confirmed hours stay, because a certificate may rest on them. */
export async function deletePractice(
  ctx: ServiceContext,
  courseId: string,
  entryId: string,
): Promise<ParticipantResultDto> {
  const org = trainingOrgOf(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const course = await requireRun(tx, ctx, courseId);
    const entry = await repo.findPractice(tx, org.id, course.id, entryId, { forUpdate: true });
    if (!entry) throw notFound();
    if (entry.confirmedOn !== null) throw new AppError("practiceEntryConfirmed", 409);
    await repo.deletePractice(tx, org.id, entry.id);
    await auditResult(tx, ctx, "training.practiceDeleted", entry.participantId, {
      courseId: course.id,
      entryId: entry.id,
      placeKind: entry.placeKind,
      hours: entry.hours,
    });
    return resultOf(tx, ctx, course, entry.participantId);
  });
}
