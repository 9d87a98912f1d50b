import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { CourseCategory } from "../../../core/training/catalogue";
import type { Executor } from "../../platform/db/client";
import {
  trainingAssessments,
  trainingAttendance,
  trainingBookings,
  trainingCertificates,
  trainingCourses,
  trainingPracticeEntries,
  trainingSessions,
} from "./training.tables";

// The reports count per run and category; no read below selects a name or an e-mail address.

/** Published and cancelled runs starting from `fromDay` to `toDay` (drafts were never offered). */
export async function listReportRuns(
  db: Executor,
  organisationId: string,
  range: { fromDay: string; toDay: string; category?: CourseCategory | undefined },
) {
  return db
    .select({
      id: trainingCourses.id,
      title: trainingCourses.title,
      category: trainingCourses.category,
      status: trainingCourses.status,
      units: trainingCourses.units,
      minAttendancePercent: trainingCourses.minAttendancePercent,
      assessments: trainingCourses.assessments,
      practiceKitaHours: trainingCourses.practiceKitaHours,
      practiceDayCareHours: trainingCourses.practiceDayCareHours,
      capacity: trainingCourses.capacity,
      startsOn: trainingCourses.startsOn,
      endsOn: trainingCourses.endsOn,
    })
    .from(trainingCourses)
    .where(
      and(
        eq(trainingCourses.organisationId, organisationId),
        inArray(trainingCourses.status, ["published", "cancelled"]),
        gte(trainingCourses.startsOn, range.fromDay),
        lte(trainingCourses.startsOn, range.toDay),
        range.category ? eq(trainingCourses.category, range.category) : undefined,
      ),
    )
    .orderBy(asc(trainingCourses.startsOn));
}

/** Everything the figures of the given runs are computed from, read in parallel. */
export async function loadReportFacts(db: Executor, organisationId: string, runIds: string[]) {
  if (runIds.length === 0)
    return { sessions: [], bookings: [], attendance: [], assessments: [], practice: [], certificates: [] };
  const inOrg = (table: { organisationId: AnyPgColumn }) => eq(table.organisationId, organisationId);
  const [sessions, bookings, assessments, practice, certificates] = await Promise.all([
    db
      .select({
        id: trainingSessions.id,
        courseId: trainingSessions.courseId,
        date: trainingSessions.date,
        from: trainingSessions.from,
        to: trainingSessions.to,
        units: trainingSessions.units,
      })
      .from(trainingSessions)
      .where(and(inOrg(trainingSessions), inArray(trainingSessions.courseId, runIds))),
    db
      .select({
        runId: trainingBookings.courseId,
        participantId: trainingBookings.participantId,
        status: trainingBookings.status,
      })
      .from(trainingBookings)
      .where(and(inOrg(trainingBookings), inArray(trainingBookings.courseId, runIds))),
    db
      .select({
        runId: trainingAssessments.courseId,
        participantId: trainingAssessments.participantId,
        kind: trainingAssessments.kind,
        passed: trainingAssessments.passed,
        on: trainingAssessments.on,
      })
      .from(trainingAssessments)
      .where(and(inOrg(trainingAssessments), inArray(trainingAssessments.courseId, runIds))),
    db
      .select({
        id: trainingPracticeEntries.id,
        runId: trainingPracticeEntries.courseId,
        participantId: trainingPracticeEntries.participantId,
        placeKind: trainingPracticeEntries.placeKind,
        placeName: trainingPracticeEntries.placeName,
        from: trainingPracticeEntries.from,
        to: trainingPracticeEntries.to,
        hours: trainingPracticeEntries.hours,
        confirmedOn: trainingPracticeEntries.confirmedOn,
      })
      .from(trainingPracticeEntries)
      .where(and(inOrg(trainingPracticeEntries), inArray(trainingPracticeEntries.courseId, runIds))),
    db
      .select({ runId: trainingCertificates.courseId, participantId: trainingCertificates.participantId })
      .from(trainingCertificates)
      .where(
        and(
          eq(trainingCertificates.organisationId, organisationId),
          eq(trainingCertificates.status, "issued"),
          inArray(trainingCertificates.courseId, runIds),
        ),
      ),
  ]);
  const sessionIds = sessions.map((session) => session.id);
  const attendance =
    sessionIds.length === 0
      ? []
      : await db
          .select({
            sessionId: trainingAttendance.sessionId,
            participantId: trainingAttendance.participantId,
            status: trainingAttendance.status,
            lateUnits: trainingAttendance.lateUnits,
            earlyLeaveUnits: trainingAttendance.earlyLeaveUnits,
          })
          .from(trainingAttendance)
          .where(and(inOrg(trainingAttendance), inArray(trainingAttendance.sessionId, sessionIds)));
  return { sessions, bookings, attendance, assessments, practice, certificates };
}
