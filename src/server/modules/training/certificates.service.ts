import { randomBytes } from "node:crypto";
import type { Locale } from "../../../contracts/i18n";
import {
  type CertificateDto,
  type CertificatesQuery,
  type IssueCertificatesBody,
  type IssueCertificatesResponse,
  MY_CERTIFICATES_PATH,
  type MyCertificateDto,
  type PublicCertificate,
  type ReissueBody,
  type RevokeBody,
  VERIFY_PATH,
} from "../../../contracts/training-records";
import { compareDates, todayIso } from "../../../core/shared/dates";
import { summarisePractice } from "../../../core/training/attendance";
import { type CourseCategory, categoryDefaults } from "../../../core/training/catalogue";
import {
  type Certificate,
  certificateState,
  createVerificationCode,
  formatVerificationCode,
  issueCertificate,
  normaliseVerificationCode,
  reissueCertificate,
  VERIFICATION_CODE_RANDOM_BYTES,
} from "../../../core/training/certificates";
import { writeAudit } from "../../platform/audit/audit";
import type { Executor } from "../../platform/db/client";
import { AppError, notFound } from "../../platform/errors";
import { composeMail } from "../../platform/mail/mailer";
import type { ServiceContext } from "../../platform/types";
import { findUserNames } from "../identity/identity.queries";
import {
  findOrganisationLetterhead,
  findOrganisationSummaries,
} from "../organisations/organisations.queries";
import * as attendance from "./attendance.repository";
import { evaluateRun } from "./attendance.service";
import { renderCertificatePdf } from "./certificate-pdf";
import { presentCertificate, verificationUrlOf } from "./certificates.presenter";
import * as repo from "./certificates.repository";
import { findCourse } from "./courses.repository";
import { syncRegistryFor } from "./registry-sync";
import { actorOf, mailLocales, requireRun, todayOf, trainingOrgOf } from "./training.context";

/** Draws before giving up; with 55 random bits a second draw is already a once-in-a-lifetime event. */
const MAX_CODE_DRAWS = 5;

function presentContext(ctx: ServiceContext) {
  return {
    publicUrl: ctx.platform.env.PUBLIC_URL,
    today: todayOf(ctx),
    leadDays: trainingOrgOf(ctx).rules.reminderLeadDays,
  };
}

/**
 * Months a certificate of the run is valid. First aid and the infection-protection instruction follow the
 * organisation's state rules, as the registry's deadline does (ADR 0008), so the certificate and the board
 * never show two dates; other categories keep what the run says (usually no expiry).
 */
function validityMonthsOf(
  course: Pick<attendance.CourseRow, "category" | "validityMonths">,
  rules: Parameters<typeof categoryDefaults>[1],
): number | null {
  const fromRules = categoryDefaults(course.category, rules).validityMonths;
  return fromRules ?? course.validityMonths;
}

function toCore(row: repo.CertificateRow): Certificate {
  return {
    id: row.id,
    participantId: row.participantId,
    courseId: row.courseId ?? "",
    category: row.category,
    units: row.units,
    completedOn: row.completedOn,
    validUntil: row.validUntil,
    countsTowardsObligation: row.countsTowardsObligation,
    verificationCode: row.verificationCode,
    status: row.status,
    replacesId: row.replacesId,
  };
}

/** Inserts with a fresh code, drawing again when the code is already taken (unique index). */
async function insertWithFreshCode(
  tx: Executor,
  organisationId: string,
  build: (verificationCode: string) => repo.CertificateValues,
): Promise<repo.CertificateRow> {
  for (let draw = 0; draw < MAX_CODE_DRAWS; draw++) {
    const code = createVerificationCode(randomBytes(VERIFICATION_CODE_RANDOM_BYTES));
    const row = await repo.insertCertificate(tx, organisationId, build(code));
    if (row) return row;
  }
  throw new Error("no free verification code after several draws");
}

function formatDate(iso: string, locale: Locale): string {
  const [year, month, day] = iso.split("-");
  return locale === "de" ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}

/**
 * Tells the participant that her certificate is ready, in her account's language: a member with a link to
 * her certificates, a guest (no account, no page) with the link to the public check.
 */
async function queueIssuedMail(tx: Executor, ctx: ServiceContext, row: repo.CertificateRow): Promise<void> {
  const org = trainingOrgOf(ctx);
  const { platform } = ctx;
  const participant = await repo.findParticipant(tx, org.id, row.participantId);
  if (!participant) return;
  const locale = (await mailLocales(tx, [participant]))(participant);
  const verifyUrl = `${platform.env.PUBLIC_URL}/${VERIFY_PATH}`;
  const params = {
    name: row.participantName,
    organisation: org.name,
    course: row.courseTitle,
    units: new Intl.NumberFormat(locale === "de" ? "de-DE" : "en-GB").format(row.units),
    completedOn: formatDate(row.completedOn, locale),
    code: formatVerificationCode(row.verificationCode),
    verifyUrl,
  };
  const mail = participant.userId
    ? composeMail(
        locale,
        "trainingCertificateIssued",
        params,
        `${platform.env.PUBLIC_URL}/app/${org.slug}/${MY_CERTIFICATES_PATH}`,
      )
    : composeMail(
        locale,
        "trainingCertificateIssuedGuest",
        params,
        verificationUrlOf(platform.env.PUBLIC_URL, row.verificationCode),
      );
  await platform.mailer.queue(tx, { to: participant.email, organisationId: org.id, ...mail });
}

/**
 * Issues certificates for a run: to every complete participant without a current one, or to exactly the
 * selected ones — then an incomplete one among them refuses the whole request, so staff never believe a
 * certificate went out that did not. The run's row is locked, so two clicks cannot issue twice. Each
 * certificate is audited, mailed (outbox) and carried into the registry in the same transaction.
 */
export async function issueCertificates(
  ctx: ServiceContext,
  courseId: string,
  input: IssueCertificatesBody,
): Promise<IssueCertificatesResponse> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const { platform } = ctx;
  const result = await platform.db.transaction(async (tx) => {
    const course = await requireRun(tx, ctx, courseId, { lock: true });
    const now = platform.now();
    const today = todayIso(now);
    const evaluated = await evaluateRun(tx, org.id, course, today);
    const current = new Set(
      (await repo.listCertificates(tx, org.id, { courseId: course.id })).map((c) => c.participantId),
    );
    const byId = new Map(evaluated.participants.map((e) => [e.participant.id, e]));
    const selected = input.participantIds ? [...new Set(input.participantIds)] : [...byId.keys()];
    if (input.participantIds) {
      const unknown = selected.flatMap((id, index) => (byId.has(id) ? [] : [index]));
      if (unknown.length > 0)
        throw new AppError(
          "validation",
          400,
          undefined,
          unknown.map((index) => ({ path: `participantIds.${index}`, key: "trainingNotParticipant" })),
        );
      const incomplete = selected.filter((id) => !current.has(id) && !byId.get(id)?.completion.isComplete);
      if (incomplete.length > 0)
        throw new AppError("participantIncomplete", 409, { participantIds: incomplete });
    }
    const firstDay = evaluated.sessions[0]?.date ?? course.startsOn;
    const validityMonths = validityMonthsOf(course, org.rules);
    const issued: repo.CertificateRow[] = [];
    const skipped: IssueCertificatesResponse["skipped"] = [];
    for (const participantId of selected) {
      const entry = byId.get(participantId);
      if (!entry) continue;
      if (current.has(participantId)) {
        skipped.push({ participantId, reason: "alreadyIssued" });
        continue;
      }
      const completedOn = entry.completion.completedOn;
      if (!entry.completion.isComplete || completedOn === null) {
        skipped.push({ participantId, reason: "incomplete" });
        continue;
      }
      const row = await insertWithFreshCode(tx, org.id, (verificationCode) => {
        const certificate = issueCertificate({
          id: "",
          participantId,
          course: {
            id: course.id,
            category: course.category,
            units: course.units,
            validityMonths,
            countsTowardsObligation: course.countsTowardsObligation,
          },
          completedOn,
          verificationCode,
        });
        return {
          participantId,
          courseId: course.id,
          category: certificate.category,
          participantName: entry.participant.name,
          courseTitle: course.title,
          units: certificate.units,
          // An assessment can be taken before the first session only in theory; never print a reversed range.
          startedOn: compareDates(firstDay, completedOn) <= 0 ? firstDay : completedOn,
          completedOn: certificate.completedOn,
          validUntil: certificate.validUntil,
          countsTowardsObligation: certificate.countsTowardsObligation,
          verificationCode: certificate.verificationCode,
          status: certificate.status,
          replacesId: null,
          issuedByUserId: actor.userId,
          issuedAt: now,
        };
      });
      await writeAudit(tx, {
        organisationId: org.id,
        actorUserId: actor.userId,
        action: "training.certificateIssued",
        entityType: "trainingCertificate",
        entityId: row.id,
        details: {
          courseId: course.id,
          participantId,
          completedOn: row.completedOn,
          validUntil: row.validUntil,
        },
        ip: ctx.ip,
      });
      await queueIssuedMail(tx, ctx, row);
      await syncRegistryFor(tx, org.id, participantId, { now, actorUserId: actor.userId });
      issued.push(row);
    }
    return { issued, skipped };
  });
  if (result.issued.length > 0) platform.mailer.kick();
  const context = presentContext(ctx);
  return { issued: result.issued.map((row) => presentCertificate(row, context)), skipped: result.skipped };
}

export async function listCertificates(
  ctx: ServiceContext,
  query: CertificatesQuery,
): Promise<CertificateDto[]> {
  const org = trainingOrgOf(ctx);
  const rows = await repo.listCertificates(ctx.platform.db, org.id, {
    courseId: query.courseId,
    participantIds: query.participantId ? [query.participantId] : undefined,
    includeInactive: query.includeInactive,
  });
  const context = presentContext(ctx);
  return rows.map((row) => presentCertificate(row, context));
}

/**
 * A corrected name: the old certificate is superseded and a new one with the same dates and a new code is
 * issued (core `reissueCertificate`), so a printed copy with the wrong name no longer verifies.
 */
export async function reissue(ctx: ServiceContext, id: string, input: ReissueBody): Promise<CertificateDto> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const { platform } = ctx;
  const row = await platform.db.transaction(async (tx) => {
    const previous = await repo.findCertificate(tx, org.id, id, { forUpdate: true });
    if (!previous) throw notFound();
    if (previous.status !== "issued") throw new AppError("certificateNotCurrent", 409);
    const now = platform.now();
    let supersededStatus: repo.CertificateRow["status"] = "superseded";
    const created = await insertWithFreshCode(tx, org.id, (verificationCode) => {
      const { previous: old, next } = reissueCertificate(toCore(previous), { id: "", verificationCode });
      supersededStatus = old.status;
      return {
        participantId: next.participantId,
        courseId: previous.courseId,
        category: next.category,
        participantName: input.participantName,
        courseTitle: previous.courseTitle,
        units: next.units,
        startedOn: previous.startedOn,
        completedOn: next.completedOn,
        validUntil: next.validUntil,
        countsTowardsObligation: next.countsTowardsObligation,
        verificationCode: next.verificationCode,
        status: next.status,
        replacesId: next.replacesId,
        issuedByUserId: actor.userId,
        issuedAt: now,
      };
    });
    await repo.setCertificateStatus(tx, org.id, previous.id, supersededStatus);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "training.certificateReissued",
      entityType: "trainingCertificate",
      entityId: created.id,
      details: {
        replacesId: previous.id,
        participantId: previous.participantId,
        nameChanged: previous.participantName !== input.participantName,
      },
      ip: ctx.ip,
    });
    await queueIssuedMail(tx, ctx, created);
    return created;
  });
  platform.mailer.kick();
  return presentCertificate(row, presentContext(ctx));
}

/**
 * Withdraws a certificate issued in error. Records it already added to the registry stay: staff correct the
 * registry there, where the reason is known. The reason is kept in the audit log.
 */
export async function revokeCertificate(
  ctx: ServiceContext,
  id: string,
  input: RevokeBody,
): Promise<CertificateDto> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const row = await ctx.platform.db.transaction(async (tx) => {
    const found = await repo.findCertificate(tx, org.id, id, { forUpdate: true });
    if (!found) throw notFound();
    if (found.status !== "issued") throw new AppError("certificateNotCurrent", 409);
    await repo.setCertificateStatus(tx, org.id, found.id, "revoked");
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "training.certificateRevoked",
      entityType: "trainingCertificate",
      entityId: found.id,
      details: { participantId: found.participantId, reason: input.reason },
      ip: ctx.ip,
    });
    return { ...found, status: "revoked" as const };
  });
  return presentCertificate(row, presentContext(ctx));
}

/** The signed-in member's certificates in this organisation, history included, newest first. */
export async function listMyCertificates(ctx: ServiceContext): Promise<MyCertificateDto[]> {
  const org = trainingOrgOf(ctx);
  const db = ctx.platform.db;
  const participantIds = await repo.findParticipantIdsOfUser(db, org.id, actorOf(ctx).userId);
  const rows = await repo.listCertificates(db, org.id, { participantIds, includeInactive: true });
  const context = presentContext(ctx);
  return rows.map((row) => {
    const { participantId: _participantId, ...dto } = presentCertificate(row, context);
    return dto;
  });
}

export interface PdfFile {
  filename: string;
  bytes: Uint8Array;
}

async function renderPdf(db: Executor, ctx: ServiceContext, row: repo.CertificateRow): Promise<PdfFile> {
  const org = trainingOrgOf(ctx);
  const letterhead = (await findOrganisationLetterhead(db, org.id)) ?? {
    name: org.name,
    street: null,
    postalCode: null,
    town: null,
    email: null,
    phone: null,
    website: null,
  };
  const course = row.courseId ? await findCourse(db, org.id, row.courseId) : null;
  let trainers: string[] = [];
  let assessments: { kind: "phaseAssessment" | "colloquium"; on: string }[] = [];
  let practiceHours: { kita: number; dayCare: number } | null = null;
  if (course) {
    const names = await findUserNames(db, await attendance.listTrainerUserIds(db, course.id));
    trainers = [
      ...[...names.values()].sort((a, b) => a.localeCompare(b, "de")),
      ...course.externalTrainers
        .split(/[\n;]/)
        .map((name) => name.trim())
        .filter(Boolean),
    ];
    // The first pass of each assessment the run requires, as completion counts it.
    const passed = (await attendance.listAssessments(db, org.id, course.id))
      .filter((a) => a.participantId === row.participantId && a.passed && course.assessments.includes(a.kind))
      .sort((a, b) => compareDates(a.on, b.on));
    assessments = course.assessments.flatMap((kind) => {
      const first = passed.find((a) => a.kind === kind);
      return first ? [{ kind, on: first.on }] : [];
    });
    if (course.practiceKitaHours + course.practiceDayCareHours > 0) {
      const summary = summarisePractice(
        await repo.listPracticeOfParticipant(db, org.id, course.id, row.participantId),
      );
      practiceHours = { kita: summary.kita.confirmedHours, dayCare: summary.dayCare.confirmedHours };
    }
  }
  const bytes = await renderCertificatePdf({
    organisation: letterhead,
    participantName: row.participantName,
    courseTitle: row.courseTitle,
    category: row.category as CourseCategory,
    units: row.units,
    startedOn: row.startedOn,
    completedOn: row.completedOn,
    validUntil: row.validUntil,
    practiceHours,
    assessments,
    trainers,
    issuedOn: todayIso(row.issuedAt),
    verificationCode: row.verificationCode,
    verifyBaseUrl: `${ctx.platform.env.PUBLIC_URL}/${VERIFY_PATH}`,
    isReissue: row.replacesId !== null,
  });
  return { filename: `Bescheinigung ${row.participantName} ${row.completedOn}.pdf`, bytes };
}

/** Staff download any certificate of their organisation (also superseded ones, for the history). */
export async function certificatePdf(ctx: ServiceContext, id: string): Promise<PdfFile> {
  const db = ctx.platform.db;
  const row = await repo.findCertificate(db, trainingOrgOf(ctx).id, id);
  if (!row) throw notFound();
  return renderPdf(db, ctx, row);
}

/** The participant downloads her own certificate; one of someone else is not found. */
export async function myCertificatePdf(ctx: ServiceContext, id: string): Promise<PdfFile> {
  const org = trainingOrgOf(ctx);
  const db = ctx.platform.db;
  const row = await repo.findCertificate(db, org.id, id);
  const mine = await repo.findParticipantIdsOfUser(db, org.id, actorOf(ctx).userId);
  if (!row || !mine.includes(row.participantId)) throw notFound();
  return renderPdf(db, ctx, row);
}

/**
 * The public check of a printed code. A code that fails its check character is answered "mistyped" before
 * any database access, so guessing costs nothing but tells nothing; a well-formed unknown code is not found.
 * Only what the holder shows anyway is returned.
 */
export async function verifyCertificate(ctx: ServiceContext, typed: string): Promise<PublicCertificate> {
  const code = normaliseVerificationCode(typed);
  if (code === null) throw new AppError("verificationCodeMistyped", 400);
  const db = ctx.platform.db;
  const row = await repo.findCertificateByCode(db, code);
  if (!row) throw notFound();
  const [organisation] = await findOrganisationSummaries(db, [row.organisationId]);
  if (!organisation) throw notFound();
  const state = certificateState(row, todayOf(ctx), 0);
  return {
    participantName: row.participantName,
    courseTitle: row.courseTitle,
    organisationName: organisation.name,
    completedOn: row.completedOn,
    validUntil: row.validUntil,
    status: state === "expiresSoon" ? "valid" : state,
    verificationCode: formatVerificationCode(code),
  };
}
