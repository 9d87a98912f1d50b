import { createHmac, randomInt, randomUUID } from "node:crypto";
import { inArray } from "drizzle-orm";
import type { Locale } from "../../../contracts/i18n";
import type {
  AnswerForm,
  Answers,
  CreateSurveyBody,
  MyInvitation,
  SurveyAudience,
  SurveyDetail,
  SurveyResults,
  SurveySummary,
  UpdateSurveyBody,
} from "../../../contracts/surveys";
import { todayIso } from "../../../core/shared/dates";
import { checkAnswers, checkDefinition, type Problem } from "../../../core/surveys/definition";
import {
  aggregate,
  compareWithPrevious,
  csvHeader,
  csvRows,
  MIN_GROUP,
  shuffled,
} from "../../../core/surveys/results";
import { emptyDefinition, SURVEY_TEMPLATES } from "../../../core/surveys/templates";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import { hashToken } from "../../platform/crypto";
import { formatCsv, formatGermanDate } from "../../platform/csv";
import type { Executor } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import type { Platform, ServiceContext } from "../../platform/types";
import { findUserLocales, userContacts } from "../identity/identity.queries";
import { findOrganisationSummaries, listGroupMemberIds } from "../organisations/organisations.queries";
import { listContractParents } from "../placement/placement.queries";
import * as repo from "./surveys.repository";

function scopeOf(ctx: ServiceContext): OrganisationScope {
  if (!ctx.organisation) throw new AppError("notFound", 404);
  return ctx.organisation;
}

function userOf(ctx: ServiceContext): string {
  if (!ctx.actor) throw new AppError("unauthenticated", 401);
  return ctx.actor.userId;
}

function problemsError(problems: Problem[]): AppError {
  return new AppError("validation", 400, undefined, problems);
}

function summaryOf(row: repo.SurveyRow): SurveySummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    audience: row.audience,
    closesOn: row.closesOn,
    invited: row.invitedCount,
    responses: row.responseCount,
    previousSurveyId: row.previousSurveyId,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
  };
}

async function surveyOf(db: Executor, org: OrganisationScope, id: string): Promise<repo.SurveyRow> {
  const row = await repo.findSurvey(db, org.id, id);
  if (!row) throw new AppError("notFound", 404);
  return row;
}

/**
 * The token of an invitation's link, derived from its random id with the server's key: the same link can be
 * mailed again in a reminder although only its hash is stored.
 */
function tokenOf(platform: Platform, invitationId: string): string {
  return createHmac("sha256", platform.env.ENCRYPTION_KEY)
    .update(`survey-invitation:${invitationId}`)
    .digest("base64url");
}

/**
 * The link goes after "#": browsers never send that part, so the token appears in no request line and no
 * server or proxy log; the page reads it and posts it in a request body.
 */
function linkOf(platform: Platform, token: string): string {
  return `${platform.env.PUBLIC_URL}/umfrage#${token}`;
}

function dateIn(locale: Locale, iso: string): string {
  if (locale === "de") return formatGermanDate(iso);
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}

export async function listSurveys(ctx: ServiceContext): Promise<SurveySummary[]> {
  return (await repo.listSurveys(ctx.platform.db, scopeOf(ctx).id)).map(summaryOf);
}

export async function getSurvey(ctx: ServiceContext, id: string): Promise<SurveyDetail> {
  const org = scopeOf(ctx);
  const row = await surveyOf(ctx.platform.db, org, id);
  const previous = row.previousSurveyId
    ? await repo.findSurvey(ctx.platform.db, org.id, row.previousSurveyId)
    : null;
  return { ...summaryOf(row), definition: row.definition, previousTitle: previous?.title ?? null };
}

export async function createSurvey(ctx: ServiceContext, input: CreateSurveyBody): Promise<SurveyDetail> {
  const org = scopeOf(ctx);
  const userId = userOf(ctx);
  const definition = input.template
    ? structuredClone(SURVEY_TEMPLATES[input.template].definition)
    : emptyDefinition();
  const row = await ctx.platform.db.transaction(async (tx) => {
    const now = ctx.platform.now();
    const created = await repo.insertSurvey(tx, {
      organisationId: org.id,
      title: input.title,
      template: input.template,
      definition,
      audience: input.audience,
      createdByUserId: userId,
      createdAt: now,
      updatedAt: now,
    });
    await audit(tx, ctx, "surveys.created", created.id, { template: input.template });
    return created;
  });
  return { ...summaryOf(row), definition: row.definition, previousTitle: null };
}

/** A new run of a survey: a draft with the same questions, compared with this one in its results. */
export async function rerunSurvey(ctx: ServiceContext, id: string): Promise<SurveyDetail> {
  const org = scopeOf(ctx);
  const userId = userOf(ctx);
  const { db } = ctx.platform;
  const source = await surveyOf(db, org, id);
  if (source.status === "draft") throw new AppError("conflict", 409);
  const row = await db.transaction(async (tx) => {
    const now = ctx.platform.now();
    const created = await repo.insertSurvey(tx, {
      organisationId: org.id,
      title: source.title,
      template: source.template,
      definition: source.definition,
      audience: source.audience,
      previousSurveyId: source.id,
      createdByUserId: userId,
      createdAt: now,
      updatedAt: now,
    });
    await audit(tx, ctx, "surveys.created", created.id, { previousSurveyId: source.id });
    return created;
  });
  return { ...summaryOf(row), definition: row.definition, previousTitle: source.title };
}

export async function updateSurvey(
  ctx: ServiceContext,
  id: string,
  input: UpdateSurveyBody,
): Promise<SurveyDetail> {
  const org = scopeOf(ctx);
  const problems = checkDefinition(input.definition);
  if (problems.length > 0) throw problemsError(problems);
  if (input.closesOn && input.closesOn < todayIso(ctx.platform.now()))
    throw new AppError("validation", 400, undefined, [{ path: "closesOn", key: "surveyClosesInPast" }]);
  await ctx.platform.db.transaction(async (tx) => {
    const row = await surveyOf(tx, org, id);
    if (row.status !== "draft") throw new AppError("surveyNotEditable", 409);
    await repo.updateSurvey(tx, id, {
      title: input.title,
      audience: input.audience,
      closesOn: input.closesOn,
      definition: input.definition,
      updatedAt: ctx.platform.now(),
    });
    await audit(tx, ctx, "surveys.updated", id, {});
  });
  return getSurvey(ctx, id);
}

export async function deleteSurvey(ctx: ServiceContext, id: string): Promise<void> {
  const org = scopeOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    const row = await surveyOf(tx, org, id);
    if (row.status !== "draft") throw new AppError("surveyNotEditable", 409);
    await repo.deleteSurvey(tx, id);
    await audit(tx, ctx, "surveys.deleted", id, { title: row.title });
  });
}

/** The accounts a survey invites: active members of the group, or the parents with an active contract. */
async function resolveAudience(tx: Executor, org: OrganisationScope, audience: SurveyAudience, day: string) {
  if (audience !== "parentsWithContract") return listGroupMemberIds(tx, org.id, audience);
  return (await listContractParents(tx, org.id, day)).map((parent) => parent.userId);
}

/**
 * Starts a draft: fixes the invited people (the audience as it is now), gives each a single-use link and
 * mails it in her language. Questions cannot change from here on.
 */
export async function openSurvey(
  ctx: ServiceContext,
  id: string,
  closesOn: string | null,
): Promise<SurveySummary> {
  const org = scopeOf(ctx);
  const { platform } = ctx;
  const today = todayIso(platform.now());
  if (closesOn && closesOn < today)
    throw new AppError("validation", 400, undefined, [{ path: "closesOn", key: "surveyClosesInPast" }]);
  const result = await platform.db.transaction(async (tx) => {
    const row = await surveyOf(tx, org, id);
    if (row.status !== "draft") throw new AppError("surveyNotEditable", 409);
    const problems = checkDefinition(row.definition);
    if (problems.length > 0) throw problemsError(problems);
    const recipients = [...new Set(await resolveAudience(tx, org, row.audience, today))];
    if (recipients.length === 0) throw new AppError("surveyNoRecipients", 409);
    const locales = await findUserLocales(tx, recipients);
    // The id is drawn here, because the token is derived from it and its hash is stored with the row.
    const invitations = await repo.insertInvitations(
      tx,
      recipients.map((userId) => {
        const invitationId = randomUUID();
        return {
          id: invitationId,
          surveyId: row.id,
          organisationId: org.id,
          userId,
          tokenHash: hashToken(tokenOf(platform, invitationId)),
          locale: locales.get(userId) ?? "de",
        };
      }),
    );
    const effectiveClose = closesOn ?? row.closesOn;
    await repo.updateSurvey(tx, row.id, {
      status: "open",
      openedOn: today,
      closesOn: effectiveClose,
      invitedCount: invitations.length,
      updatedAt: platform.now(),
    });
    await queueMails(
      tx,
      platform,
      org,
      { ...row, closesOn: effectiveClose },
      invitations,
      "surveyInvitation",
    );
    await audit(tx, ctx, "surveys.opened", row.id, { invited: invitations.length, audience: row.audience });
    return {
      ...row,
      status: "open" as const,
      openedOn: today,
      closesOn: effectiveClose,
      invitedCount: invitations.length,
    };
  });
  platform.mailer.kick();
  return summaryOf(result);
}

async function queueMails(
  tx: Executor,
  platform: Platform,
  org: { id: string; name: string },
  survey: repo.SurveyRow,
  invitations: readonly repo.InvitationRow[],
  key: "surveyInvitation" | "surveyReminder",
): Promise<void> {
  if (invitations.length === 0) return;
  const contacts = userContacts(tx);
  const people = new Map(
    (
      await tx
        .select()
        .from(contacts)
        .where(
          inArray(
            contacts.id,
            invitations.map((i) => i.userId),
          ),
        )
    ).map((p) => [p.id, p]),
  );
  for (const invitation of invitations) {
    const person = people.get(invitation.userId);
    if (!person) continue;
    const locale = invitation.locale;
    const t = translator(locale);
    const mail = composeMail(
      locale,
      key,
      {
        name: person.name,
        organisation: org.name,
        title: survey.title,
        closes: survey.closesOn ? t("mail.surveyCloses", { date: dateIn(locale, survey.closesOn) }) : "",
      },
      linkOf(platform, tokenOf(platform, invitation.id)),
    );
    await platform.mailer.queue(tx, { to: person.email, organisationId: org.id, ...mail });
  }
}

export async function closeSurvey(ctx: ServiceContext, id: string): Promise<SurveySummary> {
  const org = scopeOf(ctx);
  const row = await ctx.platform.db.transaction(async (tx) => {
    const survey = await surveyOf(tx, org, id);
    if (survey.status !== "open") throw new AppError("surveyNotOpen", 409);
    const closedOn = todayIso(ctx.platform.now());
    await repo.updateSurvey(tx, id, { status: "closed", closedOn, updatedAt: ctx.platform.now() });
    await audit(tx, ctx, "surveys.closed", id, { responses: survey.responseCount });
    return { ...survey, status: "closed" as const, closedOn };
  });
  return summaryOf(row);
}

/** Mails the link again to everyone invited who has not answered; those who answered get nothing. */
export async function remindSurvey(ctx: ServiceContext, id: string): Promise<{ reminded: number }> {
  const org = scopeOf(ctx);
  const reminded = await ctx.platform.db.transaction(async (tx) => {
    const survey = await surveyOf(tx, org, id);
    if (survey.status !== "open") throw new AppError("surveyNotOpen", 409);
    const count = await sendReminders(tx, ctx.platform, org, survey);
    await audit(tx, ctx, "surveys.reminded", id, { reminded: count });
    return count;
  });
  if (reminded > 0) ctx.platform.mailer.kick();
  return { reminded };
}

export async function sendReminders(
  tx: Executor,
  platform: Platform,
  org: { id: string; name: string },
  survey: repo.SurveyRow,
): Promise<number> {
  const open = await repo.listOpenInvitations(tx, survey.id);
  await queueMails(tx, platform, org, survey, open, "surveyReminder");
  await repo.countReminded(
    tx,
    open.map((i) => i.id),
  );
  return open.length;
}

/**
 * Daily: closes open surveys after their last day, and reminds those who have not answered three days before
 * it (once per survey).
 */
export async function runSurveyJob(platform: Platform): Promise<{ closed: number; reminded: number }> {
  const today = todayIso(platform.now());
  const open = await repo.listOpenSurveys(platform.db);
  const orgs = new Map(
    (await findOrganisationSummaries(platform.db, [...new Set(open.map((s) => s.organisationId))])).map(
      (o) => [o.id, o],
    ),
  );
  let closed = 0;
  let reminded = 0;
  for (const survey of open) {
    const org = orgs.get(survey.organisationId);
    if (!org || !survey.closesOn) continue;
    if (survey.closesOn < today) {
      await repo.updateSurvey(platform.db, survey.id, { status: "closed", closedOn: today });
      await writeAudit(platform.db, {
        organisationId: org.id,
        actorUserId: null,
        action: "surveys.closed",
        entityType: "survey",
        entityId: survey.id,
        details: { responses: survey.responseCount, automatic: true },
      });
      closed += 1;
      continue;
    }
    const daysLeft = (Date.parse(survey.closesOn) - Date.parse(today)) / 86_400_000;
    if (daysLeft <= 3 && !survey.isAutoReminded) {
      const count = await sendReminders(platform.db, platform, org, survey);
      await repo.updateSurvey(platform.db, survey.id, { isAutoReminded: true });
      await writeAudit(platform.db, {
        organisationId: org.id,
        actorUserId: null,
        action: "surveys.reminded",
        entityType: "survey",
        entityId: survey.id,
        details: { reminded: count, automatic: true },
      });
      reminded += count;
    }
  }
  return { closed, reminded };
}

async function audit(
  tx: Executor,
  ctx: ServiceContext,
  action:
    | "surveys.created"
    | "surveys.updated"
    | "surveys.deleted"
    | "surveys.opened"
    | "surveys.closed"
    | "surveys.reminded"
    | "surveys.exported",
  surveyId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await writeAudit(tx, {
    organisationId: scopeOf(ctx).id,
    actorUserId: ctx.actor?.userId ?? null,
    action,
    entityType: "survey",
    entityId: surveyId,
    details,
    ip: ctx.ip,
  });
}

export async function getResults(ctx: ServiceContext, id: string): Promise<SurveyResults> {
  const org = scopeOf(ctx);
  const { db } = ctx.platform;
  const survey = await surveyOf(db, org, id);
  const current = aggregate(survey.definition, await repo.listAnswers(db, survey.id));
  const previousRow = survey.previousSurveyId
    ? await repo.findSurvey(db, org.id, survey.previousSurveyId)
    : null;
  const previous = previousRow
    ? aggregate(previousRow.definition, await repo.listAnswers(db, previousRow.id))
    : null;
  return {
    invited: survey.invitedCount,
    responses: survey.responseCount,
    minGroup: MIN_GROUP,
    isWithheld: survey.responseCount < MIN_GROUP,
    previous: previousRow
      ? { id: previousRow.id, title: previousRow.title, responses: previousRow.responseCount }
      : null,
    questions: compareWithPrevious(current, previous),
  };
}

/** All responses as CSV, one row each in random order, withheld questions empty; nothing below MIN_GROUP. */
export async function exportResultsCsv(
  ctx: ServiceContext,
  id: string,
): Promise<{ filename: string; content: string }> {
  const org = scopeOf(ctx);
  const { db } = ctx.platform;
  const survey = await surveyOf(db, org, id);
  const t = translator(ctx.locale);
  const answers = shuffled(await repo.listAnswers(db, survey.id), secureRandom);
  const rows = csvRows(survey.definition, answers, ctx.locale, { yes: t("common.yes"), no: t("common.no") });
  await audit(db, ctx, "surveys.exported", survey.id, { rows: rows.length });
  return {
    filename: `umfrage-${todayIso(ctx.platform.now())}.csv`,
    content: formatCsv(csvHeader(survey.definition, ctx.locale), rows),
  };
}

function secureRandom(): number {
  return randomInt(0, 2 ** 32) / 2 ** 32;
}

/* ---------------------------------------------------------------- answering */

async function formOf(db: Executor, survey: repo.SurveyRow, locale: Locale): Promise<AnswerForm> {
  const [org] = await findOrganisationSummaries(db, [survey.organisationId]);
  return {
    organisationName: org?.name ?? "",
    title: survey.title,
    locale,
    closesOn: survey.closesOn,
    definition: survey.definition,
  };
}

function isAcceptingAnswers(survey: repo.SurveyRow, today: string): boolean {
  return survey.status === "open" && (!survey.closesOn || survey.closesOn >= today);
}

async function invitationByToken(db: Executor, token: string): Promise<repo.InvitationRow> {
  const invitation = await repo.findInvitationByTokenHash(db, hashToken(token));
  if (!invitation) throw new AppError("tokenInvalid", 404);
  return invitation;
}

/** The questions behind a link, in the language the invitation was written in. */
export async function formByToken(platform: Platform, token: string): Promise<AnswerForm> {
  const invitation = await invitationByToken(platform.db, token);
  const survey = await repo.findSurvey(platform.db, invitation.organisationId, invitation.surveyId);
  if (!survey) throw new AppError("tokenInvalid", 404);
  if (invitation.isCompleted) throw new AppError("surveyAnswered", 409);
  if (!isAcceptingAnswers(survey, todayIso(platform.now()))) throw new AppError("surveyNotOpen", 409);
  return formOf(platform.db, survey, invitation.locale);
}

export async function submitByToken(platform: Platform, token: string, answers: Answers): Promise<void> {
  const invitation = await invitationByToken(platform.db, token);
  await submit(platform, invitation, answers);
}

/** The surveys the signed-in person is invited to here and has not answered yet. */
export async function listMyInvitations(ctx: ServiceContext): Promise<MyInvitation[]> {
  const rows = await repo.listPendingOfUser(ctx.platform.db, scopeOf(ctx).id, userOf(ctx));
  const today = todayIso(ctx.platform.now());
  return rows
    .filter(({ survey }) => isAcceptingAnswers(survey, today))
    .map(({ survey }) => ({ surveyId: survey.id, title: survey.title, closesOn: survey.closesOn }));
}

async function myInvitation(ctx: ServiceContext, surveyId: string): Promise<repo.InvitationRow> {
  const org = scopeOf(ctx);
  const invitation = await repo.findInvitationOfUser(ctx.platform.db, surveyId, userOf(ctx));
  if (!invitation || invitation.organisationId !== org.id) throw new AppError("notFound", 404);
  return invitation;
}

export async function myForm(ctx: ServiceContext, surveyId: string): Promise<AnswerForm> {
  const invitation = await myInvitation(ctx, surveyId);
  const survey = await surveyOf(ctx.platform.db, scopeOf(ctx), surveyId);
  if (invitation.isCompleted) throw new AppError("surveyAnswered", 409);
  if (!isAcceptingAnswers(survey, todayIso(ctx.platform.now()))) throw new AppError("surveyNotOpen", 409);
  return formOf(ctx.platform.db, survey, ctx.locale);
}

export async function submitMine(ctx: ServiceContext, surveyId: string, answers: Answers): Promise<void> {
  await submit(ctx.platform, await myInvitation(ctx, surveyId), answers);
}

/**
 * Stores one anonymous response (ADR 0015). In one transaction, with the survey locked so that submissions
 * take turns: the invitation becomes "answered" (a flag), the survey's counter goes up, and all responses of
 * the survey — the new one among them — are written again in random order, with new ids and only the day.
 * Nothing here is audited or logged, and nothing written names the invitation or the person.
 */
async function submit(platform: Platform, invitation: repo.InvitationRow, answers: Answers): Promise<void> {
  await platform.db.transaction(async (tx) => {
    const survey = await repo.lockSurvey(tx, invitation.surveyId);
    if (!survey) throw new AppError("tokenInvalid", 404);
    const today = todayIso(platform.now());
    if (!isAcceptingAnswers(survey, today)) throw new AppError("surveyNotOpen", 409);
    const checked = checkAnswers(survey.definition, answers);
    if (checked.problems.length > 0) throw problemsError(checked.problems);
    if (!(await repo.completeInvitation(tx, invitation.id))) throw new AppError("surveyAnswered", 409);
    await repo.countResponse(tx, survey.id);
    const existing = await repo.listResponseRows(tx, survey.id);
    const rows = shuffled([...existing, { answeredOn: today, answers: checked.answers }], secureRandom);
    await repo.rewriteResponses(tx, survey.id, survey.organisationId, rows);
  });
}
