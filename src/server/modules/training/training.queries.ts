/**
 * What other modules may read of the training catalogue and bookings (a dashboard's next sessions, a reminder
 * linking the next run with a free place). They never import this module's tables; the functions take an
 * `Executor` so that callers run them inside their own transaction.
 */
import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { CourseCategory } from "../../../core/training/catalogue";
import type { Executor } from "../../platform/db/client";
import { trainingBookings, trainingCourses, trainingParticipants, trainingSessions } from "./training.tables";

export interface BookedSession {
  organisationId: string;
  courseId: string;
  courseTitle: string;
  sessionId: string;
  date: string;
  from: string;
  to: string;
  place: string;
  onlineUrl: string | null;
}

/** The sessions from `from` to `to` (inclusive) of published runs in which the account holds a place. */
export async function bookedSessionsOfUser(
  db: Executor,
  userId: string,
  from: string,
  to: string,
): Promise<BookedSession[]> {
  return db
    .select({
      organisationId: trainingCourses.organisationId,
      courseId: trainingCourses.id,
      courseTitle: trainingCourses.title,
      sessionId: trainingSessions.id,
      date: trainingSessions.date,
      from: trainingSessions.from,
      to: trainingSessions.to,
      place: trainingSessions.place,
      onlineUrl: trainingSessions.onlineUrl,
    })
    .from(trainingBookings)
    .innerJoin(trainingParticipants, eq(trainingParticipants.id, trainingBookings.participantId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingBookings.courseId))
    .innerJoin(trainingSessions, eq(trainingSessions.courseId, trainingCourses.id))
    .where(
      and(
        eq(trainingParticipants.userId, userId),
        eq(trainingBookings.status, "confirmed"),
        eq(trainingCourses.status, "published"),
        gte(trainingSessions.date, from),
        lte(trainingSessions.date, to),
      ),
    )
    .orderBy(asc(trainingSessions.date), asc(trainingSessions.from));
}

export interface OpenRun {
  id: string;
  category: CourseCategory;
  title: string;
  isRefresher: boolean;
  startsOn: string;
  audience: "public" | "members" | "caregivers";
  freePlaces: number;
}

/**
 * Published runs of the given categories that members can still book themselves (starting after `today`),
 * soonest first, with their free places — what a reminder links to (core `nextMatchingRun` picks one).
 */
export async function openRuns(
  db: Executor,
  organisationId: string,
  categories: readonly CourseCategory[],
  today: string,
): Promise<OpenRun[]> {
  if (categories.length === 0) return [];
  // Spelled out with the table names: in a one-table select the query builder leaves columns unqualified,
  // and inside the subquery "id" would then name the booking's id.
  const confirmed = sql<number>`(select count(*) from "training_bookings" b where b."course_id" = "training_courses"."id" and b."status" = 'confirmed')`;
  const rows = await db
    .select({
      id: trainingCourses.id,
      category: trainingCourses.category,
      title: trainingCourses.title,
      isRefresher: trainingCourses.isRefresher,
      startsOn: trainingCourses.startsOn,
      audience: trainingCourses.audience,
      capacity: trainingCourses.capacity,
      confirmed: confirmed.mapWith(Number),
    })
    .from(trainingCourses)
    .where(
      and(
        eq(trainingCourses.organisationId, organisationId),
        eq(trainingCourses.status, "published"),
        inArray(trainingCourses.category, [...categories]),
        sql`${trainingCourses.startsOn} > ${today}`,
      ),
    )
    .orderBy(asc(trainingCourses.startsOn), asc(trainingCourses.id));
  return rows.map(({ capacity, confirmed: taken, ...row }) => ({
    ...row,
    freePlaces: Math.max(0, capacity - taken),
  }));
}
