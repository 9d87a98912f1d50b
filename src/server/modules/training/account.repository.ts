import { and, asc, count, eq, gt, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { Role } from "../../../contracts/roles";
import type { CourseCategory } from "../../../core/training/catalogue";
import type { Executor } from "../../platform/db/client";
import { holdsActiveRole } from "../organisations/organisations.queries";
import {
  trainingAssessments,
  trainingAttendance,
  trainingBookings,
  trainingCertificateReminders,
  trainingCertificates,
  trainingCourses,
  trainingExternalCertificates,
  trainingParticipants,
  trainingPracticeEntries,
  trainingSessions,
} from "./training.tables";

/** The roles of members who are day-care persons: those who may upload certificates of their own. */
export const DAY_CARE_ROLES: readonly Role[] = ["caregiver", "substitute", "member"];

export type ParticipantRow = Pick<
  typeof trainingParticipants.$inferSelect,
  "id" | "userId" | "name" | "email" | "locale"
>;

const participantColumns = {
  id: trainingParticipants.id,
  userId: trainingParticipants.userId,
  name: trainingParticipants.name,
  email: trainingParticipants.email,
  locale: trainingParticipants.locale,
};

export async function findParticipant(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<ParticipantRow | null> {
  const [row] = await db
    .select(participantColumns)
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.organisationId, organisationId), eq(trainingParticipants.id, id)));
  return row ?? null;
}

export async function findParticipantsOfUsers(
  db: Executor,
  organisationId: string,
  userIds: readonly string[],
): Promise<ParticipantRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select(participantColumns)
    .from(trainingParticipants)
    .where(
      and(
        eq(trainingParticipants.organisationId, organisationId),
        inArray(trainingParticipants.userId, [...userIds]),
      ),
    );
}

/**
 * The member's participant record, created on first use (an upload before she ever booked). Concurrent first
 * uses meet at the unique index on (organisation, user); the loser reads the winner's row.
 */
export async function ensureMemberParticipant(
  tx: Executor,
  organisationId: string,
  user: { userId: string; name: string; email: string },
): Promise<ParticipantRow> {
  await tx
    .insert(trainingParticipants)
    .values({ organisationId, userId: user.userId, name: user.name, email: user.email })
    .onConflictDoNothing();
  const [row] = await findParticipantsOfUsers(tx, organisationId, [user.userId]);
  if (!row) throw new Error("participant missing after insert");
  return row;
}

/** Participants with an account who are active day-care members of the organisation. */
export async function listDayCareParticipants(
  db: Executor,
  organisationId: string,
): Promise<ParticipantRow[]> {
  return db
    .select(participantColumns)
    .from(trainingParticipants)
    .where(
      and(
        eq(trainingParticipants.organisationId, organisationId),
        isNotNull(trainingParticipants.userId),
        holdsActiveRole(trainingParticipants.organisationId, trainingParticipants.userId, DAY_CARE_ROLES),
      ),
    )
    .orderBy(asc(trainingParticipants.name), asc(trainingParticipants.id));
}

export type InternalCertificateRow = Pick<
  typeof trainingCertificates.$inferSelect,
  | "id"
  | "participantId"
  | "courseId"
  | "verificationCode"
  | "replacesId"
  | "category"
  | "courseTitle"
  | "units"
  | "completedOn"
  | "validUntil"
  | "countsTowardsObligation"
  | "status"
>;

/** Issued certificates of the participants: superseded and revoked ones no longer count or show. */
export async function listIssuedCertificates(
  db: Executor,
  organisationId: string,
  participantIds: readonly string[],
): Promise<InternalCertificateRow[]> {
  if (participantIds.length === 0) return [];
  return db
    .select({
      id: trainingCertificates.id,
      participantId: trainingCertificates.participantId,
      courseId: trainingCertificates.courseId,
      verificationCode: trainingCertificates.verificationCode,
      replacesId: trainingCertificates.replacesId,
      category: trainingCertificates.category,
      courseTitle: trainingCertificates.courseTitle,
      units: trainingCertificates.units,
      completedOn: trainingCertificates.completedOn,
      validUntil: trainingCertificates.validUntil,
      countsTowardsObligation: trainingCertificates.countsTowardsObligation,
      status: trainingCertificates.status,
    })
    .from(trainingCertificates)
    .where(
      and(
        eq(trainingCertificates.organisationId, organisationId),
        inArray(trainingCertificates.participantId, [...participantIds]),
        eq(trainingCertificates.status, "issued"),
      ),
    )
    .orderBy(asc(trainingCertificates.completedOn), asc(trainingCertificates.id));
}

export type ExternalRow = typeof trainingExternalCertificates.$inferSelect;

export async function listExternals(
  db: Executor,
  organisationId: string,
  filter: { participantIds?: readonly string[]; status?: ExternalRow["status"] },
): Promise<ExternalRow[]> {
  if (filter.participantIds && filter.participantIds.length === 0) return [];
  return db
    .select()
    .from(trainingExternalCertificates)
    .where(
      and(
        eq(trainingExternalCertificates.organisationId, organisationId),
        filter.participantIds
          ? inArray(trainingExternalCertificates.participantId, [...filter.participantIds])
          : undefined,
        filter.status ? eq(trainingExternalCertificates.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(trainingExternalCertificates.createdAt), asc(trainingExternalCertificates.id));
}

/** One upload; with `forUpdate` locked until the transaction ends, so two decisions run one after the other. */
export async function findExternal(
  db: Executor,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ExternalRow | null> {
  const query = db
    .select()
    .from(trainingExternalCertificates)
    .where(
      and(
        eq(trainingExternalCertificates.organisationId, organisationId),
        eq(trainingExternalCertificates.id, id),
      ),
    );
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function insertExternal(
  tx: Executor,
  values: typeof trainingExternalCertificates.$inferInsert,
): Promise<ExternalRow> {
  const [row] = await tx.insert(trainingExternalCertificates).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateExternal(
  tx: Executor,
  organisationId: string,
  id: string,
  values: Partial<typeof trainingExternalCertificates.$inferInsert>,
): Promise<ExternalRow> {
  const [row] = await tx
    .update(trainingExternalCertificates)
    .set(values)
    .where(
      and(
        eq(trainingExternalCertificates.organisationId, organisationId),
        eq(trainingExternalCertificates.id, id),
      ),
    )
    .returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

/** What the QHB progress reads of one participant's runs of a phase. */
export interface QhbRunData {
  courseId: string;
  category: "qhbPhase1" | "qhbPhase2";
  sessions: { id: string; date: string; from: string; to: string; units: number }[];
}

/**
 * The QHB runs a participant took part in: booked (also those she was moved out of after attending) or with
 * attendance, assessments or practice hours recorded.
 */
export async function listQhbRuns(
  db: Executor,
  organisationId: string,
  participantId: string,
): Promise<QhbRunData[]> {
  const courses = await db
    .select({ id: trainingCourses.id, category: trainingCourses.category })
    .from(trainingCourses)
    .where(
      and(
        eq(trainingCourses.organisationId, organisationId),
        inArray(trainingCourses.category, ["qhbPhase1", "qhbPhase2"]),
        or(
          sql`exists (select 1 from ${trainingBookings} where ${and(
            eq(trainingBookings.courseId, trainingCourses.id),
            eq(trainingBookings.participantId, participantId),
            inArray(trainingBookings.status, ["confirmed", "movedOut"]),
          )})`,
          sql`exists (select 1 from ${trainingAttendance} join ${trainingSessions} on ${eq(
            trainingSessions.id,
            trainingAttendance.sessionId,
          )} where ${and(
            eq(trainingSessions.courseId, trainingCourses.id),
            eq(trainingAttendance.participantId, participantId),
          )})`,
          sql`exists (select 1 from ${trainingAssessments} where ${and(
            eq(trainingAssessments.courseId, trainingCourses.id),
            eq(trainingAssessments.participantId, participantId),
          )})`,
          sql`exists (select 1 from ${trainingPracticeEntries} where ${and(
            eq(trainingPracticeEntries.courseId, trainingCourses.id),
            eq(trainingPracticeEntries.participantId, participantId),
          )})`,
        ),
      ),
    )
    .orderBy(asc(trainingCourses.startsOn));
  if (courses.length === 0) return [];
  const sessions = await db
    .select({
      id: trainingSessions.id,
      courseId: trainingSessions.courseId,
      date: trainingSessions.date,
      from: trainingSessions.from,
      to: trainingSessions.to,
      units: trainingSessions.units,
    })
    .from(trainingSessions)
    .where(
      inArray(
        trainingSessions.courseId,
        courses.map((c) => c.id),
      ),
    )
    .orderBy(asc(trainingSessions.date), asc(trainingSessions.from));
  return courses.map((c) => ({
    courseId: c.id,
    category: c.category as "qhbPhase1" | "qhbPhase2",
    sessions: sessions.filter((s) => s.courseId === c.id).map(({ courseId: _courseId, ...s }) => s),
  }));
}

export async function listAttendanceOf(db: Executor, organisationId: string, participantId: string) {
  return db
    .select({
      sessionId: trainingAttendance.sessionId,
      participantId: trainingAttendance.participantId,
      status: trainingAttendance.status,
      lateUnits: trainingAttendance.lateUnits,
      earlyLeaveUnits: trainingAttendance.earlyLeaveUnits,
    })
    .from(trainingAttendance)
    .where(
      and(
        eq(trainingAttendance.organisationId, organisationId),
        eq(trainingAttendance.participantId, participantId),
      ),
    );
}

export async function listPracticeOf(db: Executor, organisationId: string, participantId: string) {
  return db
    .select({
      id: trainingPracticeEntries.id,
      courseId: trainingPracticeEntries.courseId,
      placeName: trainingPracticeEntries.placeName,
      placeKind: trainingPracticeEntries.placeKind,
      from: trainingPracticeEntries.from,
      to: trainingPracticeEntries.to,
      hours: trainingPracticeEntries.hours,
      confirmedOn: trainingPracticeEntries.confirmedOn,
    })
    .from(trainingPracticeEntries)
    .where(
      and(
        eq(trainingPracticeEntries.organisationId, organisationId),
        eq(trainingPracticeEntries.participantId, participantId),
      ),
    );
}

export async function listAssessmentsOf(db: Executor, organisationId: string, participantId: string) {
  return db
    .select({
      courseId: trainingAssessments.courseId,
      kind: trainingAssessments.kind,
      passed: trainingAssessments.passed,
      on: trainingAssessments.on,
    })
    .from(trainingAssessments)
    .where(
      and(
        eq(trainingAssessments.organisationId, organisationId),
        eq(trainingAssessments.participantId, participantId),
      ),
    );
}

export interface UpcomingRun {
  id: string;
  title: string;
  category: CourseCategory;
  isRefresher: boolean;
  startsOn: string;
  endsOn: string;
  capacity: number;
  audience: "public" | "members" | "caregivers";
  freePlaces: number;
}

/** Published runs starting after `today`, with their free places, earliest first. */
export async function listUpcomingRuns(
  db: Executor,
  organisationId: string,
  today: string,
  filter: { category?: CourseCategory; id?: string } = {},
): Promise<UpcomingRun[]> {
  const confirmed = db
    .select({ courseId: trainingBookings.courseId, confirmed: count().as("confirmed") })
    .from(trainingBookings)
    .where(and(eq(trainingBookings.organisationId, organisationId), eq(trainingBookings.status, "confirmed")))
    .groupBy(trainingBookings.courseId)
    .as("confirmed");
  const rows = await db
    .select({
      id: trainingCourses.id,
      title: trainingCourses.title,
      category: trainingCourses.category,
      isRefresher: trainingCourses.isRefresher,
      startsOn: trainingCourses.startsOn,
      endsOn: trainingCourses.endsOn,
      capacity: trainingCourses.capacity,
      audience: trainingCourses.audience,
      confirmed: confirmed.confirmed,
    })
    .from(trainingCourses)
    .leftJoin(confirmed, eq(confirmed.courseId, trainingCourses.id))
    .where(
      and(
        eq(trainingCourses.organisationId, organisationId),
        eq(trainingCourses.status, "published"),
        gt(trainingCourses.startsOn, today),
        filter.category ? eq(trainingCourses.category, filter.category) : undefined,
        filter.id ? eq(trainingCourses.id, filter.id) : undefined,
      ),
    )
    .orderBy(asc(trainingCourses.startsOn), asc(trainingCourses.title), asc(trainingCourses.id));
  return rows.map(({ confirmed: taken, ...run }) => ({
    ...run,
    freePlaces: Math.max(0, run.capacity - Number(taken ?? 0)),
  }));
}

/** A certificate with an end, for the reminders before it lapses. */
export interface ExpiringCertificate {
  key: string;
  organisationId: string;
  participantId: string;
  userId: string | null;
  name: string;
  email: string;
  category: CourseCategory;
  title: string;
  completedOn: string;
  validUntil: string;
}

/**
 * Every counting certificate with an end (issued here, or accepted from another provider) of a day-care
 * person who is still a member; guests and those who left are not reminded, as they book elsewhere.
 */
export async function listCertificatesWithEnd(db: Executor): Promise<ExpiringCertificate[]> {
  const participant = {
    userId: trainingParticipants.userId,
    name: trainingParticipants.name,
    email: trainingParticipants.email,
  };
  const internal = await db
    .select({
      id: trainingCertificates.id,
      organisationId: trainingCertificates.organisationId,
      participantId: trainingCertificates.participantId,
      ...participant,
      category: trainingCertificates.category,
      title: trainingCertificates.courseTitle,
      completedOn: trainingCertificates.completedOn,
      validUntil: trainingCertificates.validUntil,
    })
    .from(trainingCertificates)
    .innerJoin(trainingParticipants, eq(trainingParticipants.id, trainingCertificates.participantId))
    .where(
      and(
        eq(trainingCertificates.status, "issued"),
        isNotNull(trainingCertificates.validUntil),
        isNotNull(trainingParticipants.userId),
        holdsActiveRole(trainingParticipants.organisationId, trainingParticipants.userId, DAY_CARE_ROLES),
      ),
    );
  const external = await db
    .select({
      id: trainingExternalCertificates.id,
      organisationId: trainingExternalCertificates.organisationId,
      participantId: trainingExternalCertificates.participantId,
      ...participant,
      category: trainingExternalCertificates.category,
      title: trainingExternalCertificates.title,
      completedOn: trainingExternalCertificates.completedOn,
      validUntil: trainingExternalCertificates.validUntil,
    })
    .from(trainingExternalCertificates)
    .innerJoin(trainingParticipants, eq(trainingParticipants.id, trainingExternalCertificates.participantId))
    .where(
      and(
        eq(trainingExternalCertificates.status, "accepted"),
        isNotNull(trainingExternalCertificates.validUntil),
        isNotNull(trainingParticipants.userId),
        holdsActiveRole(trainingParticipants.organisationId, trainingParticipants.userId, DAY_CARE_ROLES),
      ),
    );
  return [
    ...internal.map(({ id, ...row }) => ({
      ...row,
      key: `internal:${id}`,
      validUntil: row.validUntil as string,
    })),
    ...external.map(({ id, ...row }) => ({
      ...row,
      key: `external:${id}`,
      validUntil: row.validUntil as string,
    })),
  ];
}

/** Records a reminder stage as sent; false when it already was (by this or another server). */
export async function markReminderSent(
  tx: Executor,
  organisationId: string,
  certificateKey: string,
  stage: number,
): Promise<boolean> {
  const rows = await tx
    .insert(trainingCertificateReminders)
    .values({ organisationId, certificateKey, stage })
    .onConflictDoNothing()
    .returning({ key: trainingCertificateReminders.certificateKey });
  return rows.length > 0;
}
