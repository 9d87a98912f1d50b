import { and, asc, desc, eq, gte, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { Role } from "../../../contracts/roles";
import type { CourseCategory } from "../../../core/training/catalogue";
import type { Executor } from "../../platform/db/client";
import { userContacts } from "../identity/identity.queries";
import { holdsActiveRole, isActiveMember } from "../organisations/organisations.queries";
import {
  trainingBookings,
  trainingCourses,
  trainingCourseTrainers,
  trainingSessions,
} from "./training.tables";

export type CourseRow = typeof trainingCourses.$inferSelect;
export type CourseValues = Omit<typeof trainingCourses.$inferInsert, "id" | "organisationId">;
export type SessionRow = typeof trainingSessions.$inferSelect;
export type SessionValues = Pick<
  typeof trainingSessions.$inferInsert,
  "date" | "from" | "to" | "units" | "place" | "onlineUrl" | "revision"
>;

export async function insertCourse(
  db: Executor,
  organisationId: string,
  values: CourseValues,
): Promise<CourseRow> {
  const [row] = await db
    .insert(trainingCourses)
    .values({ ...values, organisationId })
    .returning();
  if (!row) throw new Error("course not inserted");
  return row;
}

export async function updateCourse(
  db: Executor,
  organisationId: string,
  id: string,
  values: Partial<CourseValues>,
): Promise<CourseRow> {
  const [row] = await db
    .update(trainingCourses)
    .set(values)
    .where(and(eq(trainingCourses.organisationId, organisationId), eq(trainingCourses.id, id)))
    .returning();
  if (!row) throw new Error("course not updated");
  return row;
}

/** One run of the organisation; `lock` takes its row lock, under which its bookings change (ADR 0008). */
export async function findCourse(
  db: Executor,
  organisationId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CourseRow | null> {
  const query = db
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.organisationId, organisationId), eq(trainingCourses.id, id)));
  const [row] = options.lock ? await query.for("update") : await query;
  return row ?? null;
}

/** A run by id alone, for links that carry no organisation (guest confirmation, calendar feed). */
export async function findCourseById(db: Executor, id: string): Promise<CourseRow | null> {
  const [row] = await db.select().from(trainingCourses).where(eq(trainingCourses.id, id));
  return row ?? null;
}

/**
 * Locks several runs' rows in id order: two moves in opposite directions then wait for each other instead of
 * deadlocking.
 */
export async function lockCourses(
  db: Executor,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, CourseRow>> {
  const result = new Map<string, CourseRow>();
  for (const id of [...new Set(ids)].sort()) {
    const row = await findCourse(db, organisationId, id, { lock: true });
    if (row) result.set(id, row);
  }
  return result;
}

export interface CourseFilter {
  /** Runs not yet ended on `today` (upcoming) or ended before it (past). */
  when: "upcoming" | "past" | "all";
  today: string;
  category?: CourseCategory | undefined;
  statuses?: readonly CourseRow["status"][];
  audiences?: readonly CourseRow["audience"][];
}

/** Upcoming runs soonest first; past runs latest first. */
export async function listCourses(
  db: Executor,
  organisationId: string,
  filter: CourseFilter,
): Promise<CourseRow[]> {
  const conditions = [eq(trainingCourses.organisationId, organisationId)];
  if (filter.when === "upcoming") conditions.push(gte(trainingCourses.endsOn, filter.today));
  if (filter.when === "past") conditions.push(lt(trainingCourses.endsOn, filter.today));
  if (filter.category) conditions.push(eq(trainingCourses.category, filter.category));
  if (filter.statuses) conditions.push(inArray(trainingCourses.status, [...filter.statuses]));
  if (filter.audiences) conditions.push(inArray(trainingCourses.audience, [...filter.audiences]));
  return db
    .select()
    .from(trainingCourses)
    .where(and(...conditions))
    .orderBy(
      filter.when === "past" ? desc(trainingCourses.startsOn) : asc(trainingCourses.startsOn),
      asc(trainingCourses.title),
      asc(trainingCourses.id),
    );
}

/** The other runs of a series, in date order. */
export async function listSeriesRuns(
  db: Executor,
  organisationId: string,
  seriesId: string,
): Promise<CourseRow[]> {
  return db
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.organisationId, organisationId), eq(trainingCourses.seriesId, seriesId)))
    .orderBy(asc(trainingCourses.startsOn), asc(trainingCourses.id));
}

/** Sessions of the given runs in date and time order. */
export async function listSessions(db: Executor, courseIds: readonly string[]): Promise<SessionRow[]> {
  if (courseIds.length === 0) return [];
  return db
    .select()
    .from(trainingSessions)
    .where(inArray(trainingSessions.courseId, [...new Set(courseIds)]))
    .orderBy(asc(trainingSessions.date), asc(trainingSessions.from), asc(trainingSessions.id));
}

export async function insertSession(
  db: Executor,
  organisationId: string,
  courseId: string,
  values: SessionValues,
): Promise<void> {
  await db.insert(trainingSessions).values({ ...values, organisationId, courseId });
}

export async function updateSession(db: Executor, courseId: string, id: string, values: SessionValues) {
  await db
    .update(trainingSessions)
    .set(values)
    .where(and(eq(trainingSessions.courseId, courseId), eq(trainingSessions.id, id)));
}

/** Removes the run's sessions not named in `keepIds` (their attendance goes with them). */
export async function deleteSessionsExcept(db: Executor, courseId: string, keepIds: readonly string[]) {
  const conditions = [eq(trainingSessions.courseId, courseId)];
  if (keepIds.length > 0) conditions.push(notInArray(trainingSessions.id, [...keepIds]));
  await db.delete(trainingSessions).where(and(...conditions));
}

export interface TrainerRow {
  courseId: string;
  userId: string;
  name: string;
  email: string;
}

export async function listTrainers(db: Executor, courseIds: readonly string[]): Promise<TrainerRow[]> {
  if (courseIds.length === 0) return [];
  const people = userContacts(db);
  return db
    .select({
      courseId: trainingCourseTrainers.courseId,
      userId: trainingCourseTrainers.userId,
      name: people.name,
      email: people.email,
    })
    .from(trainingCourseTrainers)
    .innerJoin(people, eq(people.id, trainingCourseTrainers.userId))
    .where(inArray(trainingCourseTrainers.courseId, [...new Set(courseIds)]))
    .orderBy(asc(people.name));
}

export async function replaceTrainers(db: Executor, courseId: string, userIds: readonly string[]) {
  await db.delete(trainingCourseTrainers).where(eq(trainingCourseTrainers.courseId, courseId));
  const unique = [...new Set(userIds)];
  if (unique.length > 0)
    await db.insert(trainingCourseTrainers).values(unique.map((userId) => ({ courseId, userId })));
}

/** Whether the user teaches the run. */
export async function isTrainerOf(db: Executor, courseId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: trainingCourseTrainers.userId })
    .from(trainingCourseTrainers)
    .where(and(eq(trainingCourseTrainers.courseId, courseId), eq(trainingCourseTrainers.userId, userId)));
  return row !== undefined;
}

/** Which of the given accounts are active members of the organisation. */
export async function activeMemberIds(
  db: Executor,
  organisationId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const people = userContacts(db);
  const rows = await db
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, [...new Set(userIds)]), isActiveMember(sql`${organisationId}`, people.id)));
  return new Set(rows.map((row) => row.id));
}

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  roles: Role[];
}

const LISTED_ROLES: readonly Role[] = [
  "admin",
  "coordinator",
  "board",
  "trainer",
  "caregiver",
  "substitute",
  "member",
  "parent",
  "youthOffice",
];

/**
 * The organisation's active members with their roles, by name: whom staff can pick as trainers or book for.
 * The roles come from the organisations module's conditions, one per role, so this module never reads its
 * tables.
 */
export async function listMembers(db: Executor, organisationId: string): Promise<MemberRow[]> {
  const people = userContacts(db);
  const org = sql`${organisationId}`;
  const flags = Object.fromEntries(
    LISTED_ROLES.map((role) => [role, sql<boolean>`${holdsActiveRole(org, people.id, [role])}`]),
  ) as Record<Role, ReturnType<typeof sql<boolean>>>;
  const rows = await db
    .select({ userId: people.id, name: people.name, email: people.email, ...flags })
    .from(people)
    .where(isActiveMember(org, people.id))
    .orderBy(asc(people.name), asc(people.id));
  return rows.map((row) => ({
    userId: row.userId,
    name: row.name,
    email: row.email,
    roles: LISTED_ROLES.filter((role) => (row as unknown as Record<string, unknown>)[role] === true),
  }));
}

export interface PlaceCounts {
  confirmed: number;
  waiting: number;
}

/** Confirmed and waiting bookings per run. */
export async function countPlaces(
  db: Executor,
  courseIds: readonly string[],
): Promise<Map<string, PlaceCounts>> {
  const result = new Map<string, PlaceCounts>();
  if (courseIds.length === 0) return result;
  const rows = await db
    .select({
      courseId: trainingBookings.courseId,
      confirmed: sql<number>`count(*) filter (where ${trainingBookings.status} = 'confirmed')`.mapWith(
        Number,
      ),
      waiting: sql<number>`count(*) filter (where ${trainingBookings.status} = 'waiting')`.mapWith(Number),
    })
    .from(trainingBookings)
    .where(inArray(trainingBookings.courseId, [...new Set(courseIds)]))
    .groupBy(trainingBookings.courseId);
  for (const row of rows) result.set(row.courseId, { confirmed: row.confirmed, waiting: row.waiting });
  return result;
}
