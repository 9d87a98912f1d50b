import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Answers } from "../../../contracts/surveys";
import type { Executor } from "../../platform/db/client";
import { surveyInvitations, surveyResponses, surveys } from "./surveys.tables";

export type SurveyRow = typeof surveys.$inferSelect;
export type InvitationRow = typeof surveyInvitations.$inferSelect;

export function listSurveys(db: Executor, organisationId: string): Promise<SurveyRow[]> {
  return db
    .select()
    .from(surveys)
    .where(eq(surveys.organisationId, organisationId))
    .orderBy(desc(surveys.createdAt));
}

export async function findSurvey(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<SurveyRow | null> {
  const [row] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.organisationId, organisationId), eq(surveys.id, id)));
  return row ?? null;
}

/** The survey, locked until the transaction ends: submissions of one survey take turns (see rewriteResponses). */
export async function lockSurvey(db: Executor, id: string): Promise<SurveyRow | null> {
  const [row] = await db.select().from(surveys).where(eq(surveys.id, id)).for("update");
  return row ?? null;
}

export async function insertSurvey(db: Executor, values: typeof surveys.$inferInsert): Promise<SurveyRow> {
  const [row] = await db.insert(surveys).values(values).returning();
  if (!row) throw new Error("survey not inserted");
  return row;
}

export async function updateSurvey(
  db: Executor,
  id: string,
  values: Partial<typeof surveys.$inferInsert>,
): Promise<void> {
  await db.update(surveys).set(values).where(eq(surveys.id, id));
}

export async function deleteSurvey(db: Executor, id: string): Promise<void> {
  await db.delete(surveys).where(eq(surveys.id, id));
}

export async function insertInvitations(
  db: Executor,
  rows: (typeof surveyInvitations.$inferInsert)[],
): Promise<InvitationRow[]> {
  if (rows.length === 0) return [];
  return db.insert(surveyInvitations).values(rows).returning();
}

export function listOpenInvitations(db: Executor, surveyId: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.surveyId, surveyId), eq(surveyInvitations.isCompleted, false)));
}

export async function countReminded(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(surveyInvitations)
    .set({ reminderCount: sql`${surveyInvitations.reminderCount} + 1` })
    .where(inArray(surveyInvitations.id, [...ids]));
}

export async function findInvitationByTokenHash(
  db: Executor,
  tokenHash: string,
): Promise<InvitationRow | null> {
  const [row] = await db.select().from(surveyInvitations).where(eq(surveyInvitations.tokenHash, tokenHash));
  return row ?? null;
}

export async function findInvitationOfUser(
  db: Executor,
  surveyId: string,
  userId: string,
): Promise<InvitationRow | null> {
  const [row] = await db
    .select()
    .from(surveyInvitations)
    .where(and(eq(surveyInvitations.surveyId, surveyId), eq(surveyInvitations.userId, userId)));
  return row ?? null;
}

/** The open surveys a person is invited to in an organisation and has not answered. */
export function listPendingOfUser(db: Executor, organisationId: string, userId: string) {
  return db
    .select({ survey: surveys })
    .from(surveyInvitations)
    .innerJoin(surveys, eq(surveys.id, surveyInvitations.surveyId))
    .where(
      and(
        eq(surveyInvitations.organisationId, organisationId),
        eq(surveyInvitations.userId, userId),
        eq(surveyInvitations.isCompleted, false),
        eq(surveys.status, "open"),
      ),
    )
    .orderBy(desc(surveys.createdAt));
}

/** Marks an invitation answered, once: false when it was answered already. */
export async function completeInvitation(db: Executor, id: string): Promise<boolean> {
  const rows = await db
    .update(surveyInvitations)
    .set({ isCompleted: true })
    .where(and(eq(surveyInvitations.id, id), eq(surveyInvitations.isCompleted, false)))
    .returning({ id: surveyInvitations.id });
  return rows.length === 1;
}

export async function countResponse(db: Executor, surveyId: string): Promise<void> {
  await db
    .update(surveys)
    .set({ responseCount: sql`${surveys.responseCount} + 1` })
    .where(eq(surveys.id, surveyId));
}

export async function listAnswers(db: Executor, surveyId: string): Promise<Answers[]> {
  const rows = await db
    .select({ answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
  return rows.map((row) => row.answers);
}

/**
 * Replaces the responses of a survey by `rows`, given in random order: deleted and inserted again in one
 * statement each, with new random ids, so that the table's physical order — what a SELECT without ORDER BY
 * or a dump shows — and the rows' transaction ids say nothing about which response came when.
 */
export async function rewriteResponses(
  db: Executor,
  surveyId: string,
  organisationId: string,
  rows: readonly { answeredOn: string; answers: Answers }[],
): Promise<void> {
  await db.delete(surveyResponses).where(eq(surveyResponses.surveyId, surveyId));
  if (rows.length === 0) return;
  await db.insert(surveyResponses).values(rows.map((row) => ({ surveyId, organisationId, ...row })));
}

export function listResponseRows(db: Executor, surveyId: string) {
  return db
    .select({ answeredOn: surveyResponses.answeredOn, answers: surveyResponses.answers })
    .from(surveyResponses)
    .where(eq(surveyResponses.surveyId, surveyId));
}

/** Open surveys whose last day has passed, and those due for the reminder before closing. */
export function listOpenSurveys(db: Executor): Promise<SurveyRow[]> {
  return db.select().from(surveys).where(eq(surveys.status, "open"));
}
