import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { findPreset } from "../../src/core/organisations/presets";
import {
  type AssessmentKind,
  type CourseCategory,
  categoryDefaults,
} from "../../src/core/training/catalogue";
import {
  trainingAssessments,
  trainingAttendance,
  trainingBookings,
  trainingCourses,
  trainingCourseTrainers,
  trainingParticipants,
  trainingPracticeEntries,
  trainingSessions,
} from "../../src/server/modules/training/training.tables";
import type { Executor } from "../../src/server/platform/db/client";

/**
 * Training fixtures written straight into the tables, so that the tests of attendance, results, certificates
 * and accounts do not depend on the course and booking routes. Every helper takes the test context (its
 * application's database) or a database/transaction.
 */

type DbSource = Executor | { app: { platform: { db: Executor } } };

function dbOf(source: DbSource): Executor {
  return "app" in source ? source.app.platform.db : source;
}

const NRW_RULES = (() => {
  const preset = findPreset("NRW");
  if (!preset) throw new Error("NRW preset missing");
  return preset.rules;
})();

export interface SessionInput {
  date: string;
  from?: string;
  to?: string;
  units: number;
  place?: string;
}

export interface RunInput {
  category?: CourseCategory;
  title?: string;
  /** Defaults to the sum of the sessions' UE (validateCourse keeps them equal). */
  units?: number;
  sessions?: SessionInput[];
  status?: "draft" | "published" | "cancelled";
  audience?: "public" | "members" | "caregivers";
  capacity?: number;
  minAttendancePercent?: number;
  assessments?: AssessmentKind[];
  practiceKitaHours?: number;
  practiceDayCareHours?: number;
  /** Defaults to the category's validity under the NRW rules (24 months for first aid). */
  validityMonths?: number | null;
  countsTowardsObligation?: boolean;
  isRefresher?: boolean;
  seriesId?: string;
  externalTrainers?: string;
  /** Members who teach the run (training_course_trainers). */
  trainerUserIds?: string[];
}

export interface CreatedRun {
  id: string;
  seriesId: string;
  title: string;
  sessions: { id: string; date: string; from: string; to: string; units: number }[];
}

/** Times that hold `units` UE of 45 minutes from 09:00, for sessions that do not give their own. */
function defaultTimes(units: number): { from: string; to: string } {
  const end = 9 * 60 + Math.ceil(units * 45);
  const hh = String(Math.floor(end / 60)).padStart(2, "0");
  const mm = String(end % 60).padStart(2, "0");
  return { from: "09:00", to: `${hh}:${mm}` };
}

/**
 * A published course run with its sessions. Without `sessions`, one session of the category's UE (9 UE for
 * first aid) on 2026-02-20, before the tests' default clock (2026-03-02).
 */
export async function createRun(
  source: DbSource,
  organisationId: string,
  input: RunInput = {},
): Promise<CreatedRun> {
  const db = dbOf(source);
  const category = input.category ?? "firstAidChildren";
  const defaults = categoryDefaults(category, NRW_RULES);
  const sessionInputs = input.sessions ?? [{ date: "2026-02-20", units: defaults.units ?? 8 }];
  const units = input.units ?? sessionInputs.reduce((sum, s) => sum + s.units, 0);
  const dates = sessionInputs.map((s) => s.date).sort();
  const seriesId = input.seriesId ?? randomUUID();
  const title = input.title ?? `Kurs ${category} ${randomUUID().slice(0, 4)}`;
  const [course] = await db
    .insert(trainingCourses)
    .values({
      organisationId,
      seriesId,
      category,
      title,
      audience: input.audience ?? "members",
      status: input.status ?? "published",
      units,
      practiceKitaHours: input.practiceKitaHours ?? defaults.practiceHours.kita,
      practiceDayCareHours: input.practiceDayCareHours ?? defaults.practiceHours.dayCare,
      validityMonths: input.validityMonths === undefined ? defaults.validityMonths : input.validityMonths,
      minAttendancePercent: input.minAttendancePercent ?? defaults.minAttendancePercent,
      assessments: input.assessments ?? [...defaults.assessments],
      countsTowardsObligation: input.countsTowardsObligation ?? defaults.countsTowardsObligation,
      isRefresher: input.isRefresher ?? false,
      capacity: input.capacity ?? 12,
      startsOn: dates[0] ?? "2026-02-20",
      endsOn: dates[dates.length - 1] ?? "2026-02-20",
      externalTrainers: input.externalTrainers ?? "",
    })
    .returning();
  if (!course) throw new Error("course not inserted");
  const sessions: CreatedRun["sessions"] = [];
  for (const s of sessionInputs) {
    const times = s.from && s.to ? { from: s.from, to: s.to } : defaultTimes(s.units);
    const [row] = await db
      .insert(trainingSessions)
      .values({
        organisationId,
        courseId: course.id,
        date: s.date,
        from: times.from,
        to: times.to,
        units: s.units,
        place: s.place ?? "Familienzentrum Beckum, Raum 2",
      })
      .returning();
    if (!row) throw new Error("session not inserted");
    sessions.push({ id: row.id, date: row.date, from: row.from, to: row.to, units: row.units });
  }
  for (const userId of input.trainerUserIds ?? []) await assignTrainer(db, course.id, userId);
  return { id: course.id, seriesId, title, sessions };
}

/** Lets a member teach (and so mark attendance of) a run. */
export async function assignTrainer(source: DbSource, courseId: string, userId: string): Promise<void> {
  await dbOf(source).insert(trainingCourseTrainers).values({ courseId, userId });
}

/** A participant: a member with her account (`userId`) or a guest known by name and e-mail. */
export async function addParticipant(
  source: DbSource,
  organisationId: string,
  input: { name: string; email?: string; userId?: string | null },
): Promise<{ id: string; name: string; email: string }> {
  const email = input.email ?? `${randomUUID().slice(0, 8)}@teilnahme.example`;
  const [row] = await dbOf(source)
    .insert(trainingParticipants)
    .values({ organisationId, userId: input.userId ?? null, name: input.name, email })
    .returning();
  if (!row) throw new Error("participant not inserted");
  return { id: row.id, name: row.name, email: row.email };
}

/** A booking of a run; confirmed unless said otherwise. `sequence` is max + 1 within the run. */
export async function book(
  source: DbSource,
  organisationId: string,
  courseId: string,
  participantId: string,
  options: { status?: "confirmed" | "waiting" | "cancelled"; bookedAt?: string } = {},
): Promise<{ id: string }> {
  const db = dbOf(source);
  const [course] = await db
    .select({ seriesId: trainingCourses.seriesId })
    .from(trainingCourses)
    .where(eq(trainingCourses.id, courseId));
  if (!course) throw new Error("course not found");
  const existing = await db
    .select({ sequence: trainingBookings.sequence })
    .from(trainingBookings)
    .where(eq(trainingBookings.courseId, courseId));
  const sequence = existing.reduce((max, b) => Math.max(max, b.sequence), 0) + 1;
  const [row] = await db
    .insert(trainingBookings)
    .values({
      organisationId,
      courseId,
      seriesId: course.seriesId,
      participantId,
      status: options.status ?? "confirmed",
      bookedAt: options.bookedAt ?? "2026-01-10T10:00:00Z",
      sequence,
    })
    .returning({ id: trainingBookings.id });
  if (!row) throw new Error("booking not inserted");
  return row;
}

/** A participant with a confirmed place in one go. */
export async function addBookedParticipant(
  source: DbSource,
  organisationId: string,
  courseId: string,
  input: { name: string; email?: string; userId?: string | null },
): Promise<{ id: string; name: string; email: string }> {
  const participant = await addParticipant(source, organisationId, input);
  await book(source, organisationId, courseId, participant.id);
  return participant;
}

/** Marks a participant present (or otherwise) in sessions, straight into the table. */
export async function recordAttendance(
  source: DbSource,
  organisationId: string,
  sessionIds: readonly string[],
  participantId: string,
  status: "present" | "excused" | "absent" = "present",
): Promise<void> {
  for (const sessionId of sessionIds) {
    await dbOf(source)
      .insert(trainingAttendance)
      .values({ organisationId, sessionId, participantId, status });
  }
}

/** An assessment result, straight into the table. */
export async function recordAssessment(
  source: DbSource,
  organisationId: string,
  courseId: string,
  participantId: string,
  input: { kind: AssessmentKind; passed: boolean; on: string },
): Promise<void> {
  await dbOf(source)
    .insert(trainingAssessments)
    .values({ organisationId, courseId, participantId, ...input });
}

/** Practice hours, straight into the table; confirmed when `confirmedOn` is given. */
export async function recordPractice(
  source: DbSource,
  organisationId: string,
  courseId: string,
  participantId: string,
  input: {
    placeKind: "kita" | "dayCare";
    placeName?: string;
    from: string;
    to: string;
    hours: number;
    confirmedOn?: string | null;
    confirmedBy?: string | null;
  },
): Promise<void> {
  await dbOf(source)
    .insert(trainingPracticeEntries)
    .values({
      organisationId,
      courseId,
      participantId,
      placeKind: input.placeKind,
      placeName: input.placeName ?? (input.placeKind === "kita" ? "Kita Sonnenschein" : "KTP Anna Beispiel"),
      from: input.from,
      to: input.to,
      hours: input.hours,
      confirmedOn: input.confirmedOn ?? null,
      confirmedBy: input.confirmedOn ? (input.confirmedBy ?? "Leitung") : null,
    });
}

/**
 * A first-aid run (9 UE on 2026-02-20, before the default clock) with the named people booked and marked
 * present in every session: they are complete and can get a certificate. A name alone makes a guest; pass
 * `{ name, email, userId }` for a member.
 */
export async function completedFirstAidRun(
  source: DbSource,
  organisationId: string,
  people: readonly (string | { name: string; email?: string; userId?: string | null })[],
  input: RunInput = {},
): Promise<{ run: CreatedRun; participants: { id: string; name: string; email: string }[] }> {
  const run = await createRun(source, organisationId, { category: "firstAidChildren", ...input });
  const participants = [];
  for (const person of people) {
    const participant = await addBookedParticipant(
      source,
      organisationId,
      run.id,
      typeof person === "string" ? { name: person } : person,
    );
    await recordAttendance(
      source,
      organisationId,
      run.sessions.map((s) => s.id),
      participant.id,
    );
    participants.push(participant);
  }
  return { run, participants };
}
