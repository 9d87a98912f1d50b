import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import {
  trainingAssessments,
  trainingAttendance,
  trainingBookings,
  trainingCourses,
  trainingCourseTrainers,
  trainingParticipants,
  trainingPracticeEntries,
  trainingSessions,
} from "./training.tables";

/**
 * Reads and writes of attendance, assessments and practice hours. Every function takes the organisation id
 * and filters by it, so a run, session or participant of another organisation is simply not found.
 */

export type CourseRow = typeof trainingCourses.$inferSelect;
export type SessionRow = typeof trainingSessions.$inferSelect;
export type AttendanceRow = typeof trainingAttendance.$inferSelect;
export type AssessmentRow = typeof trainingAssessments.$inferSelect;
export type PracticeRow = typeof trainingPracticeEntries.$inferSelect;

export interface ParticipantRow {
  id: string;
  userId: string | null;
  name: string;
  email: string;
}

/** The run's sessions in the order they take place. */
export async function listSessions(
  db: Executor,
  organisationId: string,
  courseId: string,
): Promise<SessionRow[]> {
  return db
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.organisationId, organisationId), eq(trainingSessions.courseId, courseId)))
    .orderBy(asc(trainingSessions.date), asc(trainingSessions.from), asc(trainingSessions.id));
}

export async function isTrainerOf(db: Executor, courseId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: trainingCourseTrainers.userId })
    .from(trainingCourseTrainers)
    .where(and(eq(trainingCourseTrainers.courseId, courseId), eq(trainingCourseTrainers.userId, userId)));
  return rows.length > 0;
}

/** The members who teach the run. */
export async function listTrainerUserIds(db: Executor, courseId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: trainingCourseTrainers.userId })
    .from(trainingCourseTrainers)
    .where(eq(trainingCourseTrainers.courseId, courseId));
  return rows.map((r) => r.userId);
}

/** Participants holding a confirmed place in the run, by name. */
export async function listConfirmedParticipants(
  db: Executor,
  organisationId: string,
  courseId: string,
): Promise<ParticipantRow[]> {
  return db
    .select({
      id: trainingParticipants.id,
      userId: trainingParticipants.userId,
      name: trainingParticipants.name,
      email: trainingParticipants.email,
    })
    .from(trainingBookings)
    .innerJoin(trainingParticipants, eq(trainingParticipants.id, trainingBookings.participantId))
    .where(
      and(
        eq(trainingBookings.organisationId, organisationId),
        eq(trainingBookings.courseId, courseId),
        eq(trainingBookings.status, "confirmed"),
      ),
    )
    .orderBy(asc(trainingParticipants.name), asc(trainingParticipants.id));
}

export async function listAttendance(
  db: Executor,
  organisationId: string,
  courseId: string,
): Promise<AttendanceRow[]> {
  return db
    .select({
      organisationId: trainingAttendance.organisationId,
      sessionId: trainingAttendance.sessionId,
      participantId: trainingAttendance.participantId,
      status: trainingAttendance.status,
      lateUnits: trainingAttendance.lateUnits,
      earlyLeaveUnits: trainingAttendance.earlyLeaveUnits,
      recordedByUserId: trainingAttendance.recordedByUserId,
      recordedAt: trainingAttendance.recordedAt,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(
      and(eq(trainingAttendance.organisationId, organisationId), eq(trainingSessions.courseId, courseId)),
    );
}

/** Replaces the records of one session for the listed participants (one row per session and participant). */
export async function upsertAttendance(
  tx: Executor,
  organisationId: string,
  sessionId: string,
  records: readonly {
    participantId: string;
    status: AttendanceRow["status"];
    lateUnits: number;
    earlyLeaveUnits: number;
  }[],
  recordedByUserId: string,
  recordedAt: Date,
): Promise<void> {
  if (records.length === 0) return;
  await tx
    .insert(trainingAttendance)
    .values(records.map((r) => ({ ...r, organisationId, sessionId, recordedByUserId, recordedAt })))
    .onConflictDoUpdate({
      target: [trainingAttendance.sessionId, trainingAttendance.participantId],
      set: {
        status: sql`excluded.status`,
        lateUnits: sql`excluded.late_units`,
        earlyLeaveUnits: sql`excluded.early_leave_units`,
        recordedByUserId: sql`excluded.recorded_by_user_id`,
        recordedAt: sql`excluded.recorded_at`,
      },
    });
}

/** Runs of the organisation, or only those `trainerUserId` teaches, latest start first. */
export async function listRuns(
  db: Executor,
  organisationId: string,
  trainerUserId: string | null,
): Promise<CourseRow[]> {
  return db
    .select()
    .from(trainingCourses)
    .where(
      and(
        eq(trainingCourses.organisationId, organisationId),
        trainerUserId === null
          ? undefined
          : inArray(
              trainingCourses.id,
              db
                .select({ id: trainingCourseTrainers.courseId })
                .from(trainingCourseTrainers)
                .where(eq(trainingCourseTrainers.userId, trainerUserId)),
            ),
      ),
    )
    .orderBy(sql`${trainingCourses.startsOn} desc`, asc(trainingCourses.title), asc(trainingCourses.id));
}

/** Sessions, confirmed bookings and records of several runs at once, for the list of runs. */
export async function listRunFigures(
  db: Executor,
  organisationId: string,
  courseIds: readonly string[],
): Promise<{
  sessions: Pick<SessionRow, "id" | "courseId" | "date">[];
  bookings: { courseId: string; participantId: string }[];
  records: { sessionId: string; participantId: string }[];
}> {
  if (courseIds.length === 0) return { sessions: [], bookings: [], records: [] };
  const ids = [...courseIds];
  const sessions = await db
    .select({ id: trainingSessions.id, courseId: trainingSessions.courseId, date: trainingSessions.date })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.organisationId, organisationId), inArray(trainingSessions.courseId, ids)));
  const bookings = await db
    .select({ courseId: trainingBookings.courseId, participantId: trainingBookings.participantId })
    .from(trainingBookings)
    .where(
      and(
        eq(trainingBookings.organisationId, organisationId),
        inArray(trainingBookings.courseId, ids),
        eq(trainingBookings.status, "confirmed"),
      ),
    );
  const records = await db
    .select({ sessionId: trainingAttendance.sessionId, participantId: trainingAttendance.participantId })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(
      and(eq(trainingAttendance.organisationId, organisationId), inArray(trainingSessions.courseId, ids)),
    );
  return { sessions, bookings, records };
}

// ---------------------------------------------------------------------------------------------------------
// Assessments and practice hours

export async function listAssessments(
  db: Executor,
  organisationId: string,
  courseId: string,
): Promise<AssessmentRow[]> {
  return db
    .select()
    .from(trainingAssessments)
    .where(
      and(eq(trainingAssessments.organisationId, organisationId), eq(trainingAssessments.courseId, courseId)),
    )
    .orderBy(asc(trainingAssessments.on), asc(trainingAssessments.createdAt));
}

export async function insertAssessment(
  tx: Executor,
  values: Omit<typeof trainingAssessments.$inferInsert, "id" | "createdAt"> & { createdAt: Date },
): Promise<AssessmentRow> {
  const [row] = await tx.insert(trainingAssessments).values(values).returning();
  if (!row) throw new Error("assessment not inserted");
  return row;
}

export async function listPractice(
  db: Executor,
  organisationId: string,
  courseId: string,
): Promise<PracticeRow[]> {
  return db
    .select()
    .from(trainingPracticeEntries)
    .where(
      and(
        eq(trainingPracticeEntries.organisationId, organisationId),
        eq(trainingPracticeEntries.courseId, courseId),
      ),
    )
    .orderBy(asc(trainingPracticeEntries.from), asc(trainingPracticeEntries.createdAt));
}

export async function findPractice(
  db: Executor,
  organisationId: string,
  courseId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<PracticeRow | null> {
  const query = db
    .select()
    .from(trainingPracticeEntries)
    .where(
      and(
        eq(trainingPracticeEntries.organisationId, organisationId),
        eq(trainingPracticeEntries.courseId, courseId),
        eq(trainingPracticeEntries.id, id),
      ),
    );
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function insertPractice(
  tx: Executor,
  values: Omit<typeof trainingPracticeEntries.$inferInsert, "id" | "createdAt"> & { createdAt: Date },
): Promise<PracticeRow> {
  const [row] = await tx.insert(trainingPracticeEntries).values(values).returning();
  if (!row) throw new Error("practice entry not inserted");
  return row;
}

export async function confirmPractice(
  tx: Executor,
  organisationId: string,
  id: string,
  confirmation: { confirmedOn: string; confirmedBy: string },
): Promise<void> {
  await tx
    .update(trainingPracticeEntries)
    .set(confirmation)
    .where(
      and(eq(trainingPracticeEntries.organisationId, organisationId), eq(trainingPracticeEntries.id, id)),
    );
}

export async function deletePractice(tx: Executor, organisationId: string, id: string): Promise<void> {
  await tx
    .delete(trainingPracticeEntries)
    .where(
      and(eq(trainingPracticeEntries.organisationId, organisationId), eq(trainingPracticeEntries.id, id)),
    );
}
