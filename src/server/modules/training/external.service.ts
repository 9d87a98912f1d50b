import type {
  AcceptBody,
  ExternalCertificateDto,
  ExternalUploadBody,
  RejectBody,
  ReviewItem,
} from "../../../contracts/training-account";
import { externalFileMaxBytes } from "../../../contracts/training-account";
import { categoryDefaults } from "../../../core/training/catalogue";
import {
  type ExternalUploadProblem,
  type ReviewDecision,
  reviewExternalCertificate,
  validateExternalUpload,
} from "../../../core/training/certificates";
import type { ModuleAuditAction } from "../../platform/audit/audit";
import { writeAudit } from "../../platform/audit/audit";
import { formatGermanDate } from "../../platform/csv";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import {
  deleteFile,
  detectImageType,
  readFile,
  type StoredFile,
  storeFile,
} from "../../platform/files/files";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import type { ServiceContext } from "../../platform/types";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import { toCoreExternal } from "./account.queries";
import * as repo from "./account.repository";
import { presentExternal, subjectOf } from "./account.service";
import { syncRegistryFor } from "./registry-sync";
import { actorOf, todayOf, trainingOrgOf } from "./training.context";

const UPLOAD_PROBLEM_KEYS: Record<ExternalUploadProblem["code"], string> = {
  categoryInvalid: "externalCategory",
  unitsInvalid: "externalUnits",
  dateInvalid: "date",
  dateInFuture: "externalDateInFuture",
  providerMissing: "required",
};

async function audit(
  tx: Executor,
  ctx: ServiceContext,
  action: ModuleAuditAction<"training">,
  id: string,
  details: Record<string, unknown>,
) {
  await writeAudit(tx, {
    organisationId: trainingOrgOf(ctx).id,
    actorUserId: ctx.actor?.userId ?? null,
    action: `training.${action}`,
    entityType: "trainingExternalCertificate",
    entityId: id,
    details,
    ip: ctx.ip,
  });
}

/**
 * A day-care person uploads the details of a certificate from another provider. It counts only once the
 * office accepts it; the office is told by mail that one is waiting.
 */
export async function uploadExternal(
  ctx: ServiceContext,
  body: ExternalUploadBody,
): Promise<ExternalCertificateDto> {
  const org = trainingOrgOf(ctx);
  const actor = actorOf(ctx);
  const problems = validateExternalUpload(body, todayOf(ctx));
  if (problems.length > 0)
    throw new AppError(
      "validation",
      400,
      undefined,
      problems.map((p) => ({ path: p.field, key: UPLOAD_PROBLEM_KEYS[p.code] })),
    );
  const row = await ctx.platform.db.transaction(async (tx) => {
    const participant = await repo.ensureMemberParticipant(tx, org.id, {
      userId: actor.userId,
      name: actor.name,
      email: actor.email,
    });
    const defaults = categoryDefaults(body.category, org.rules);
    const created = await repo.insertExternal(tx, {
      organisationId: org.id,
      participantId: participant.id,
      category: body.category,
      provider: body.provider,
      title: body.title,
      units: body.units,
      completedOn: body.completedOn,
      status: "pending",
      // What acceptance would decide by default, so the pending row already shows it.
      countsTowardsObligation: defaults.countsTowardsObligation,
    });
    await audit(tx, ctx, "externalUploaded", created.id, {
      participantId: participant.id,
      category: body.category,
      units: body.units,
      completedOn: body.completedOn,
    });
    const [summary] = await findOrganisationSummaries(tx, [org.id]);
    if (summary?.email) {
      const mail = composeMail(
        "de",
        "trainingExternalSubmitted",
        {
          name: org.name,
          person: participant.name,
          title: body.title,
          provider: body.provider,
          units: body.units,
          completedOn: formatGermanDate(body.completedOn),
        },
        `${ctx.platform.env.PUBLIC_URL}/app/${org.slug}/fortbildungskonten/bescheinigungen`,
      );
      await ctx.platform.mailer.queue(tx, { to: summary.email, organisationId: org.id, ...mail });
    }
    return created;
  });
  ctx.platform.mailer.kick();
  return presentExternal(row);
}

/** A file as it arrives: the declared content type and the raw body. */
export interface FileUpload {
  contentType: string | undefined;
  body: unknown;
}

type DocumentType = "application/pdf" | "image/jpeg" | "image/png";

/** PDF by its "%PDF-" header, JPEG and PNG by their signatures; anything else (WebP, HTML, scripts) is refused. */
export function detectDocumentType(data: Uint8Array): DocumentType | null {
  const pdf = [0x25, 0x50, 0x44, 0x46, 0x2d];
  if (data.length >= pdf.length && pdf.every((byte, i) => data[i] === byte)) return "application/pdf";
  const image = detectImageType(data);
  return image === "image/jpeg" || image === "image/png" ? image : null;
}

/** The bytes and their real type; the declared type must agree with the bytes. */
function checkFile(upload: FileUpload): { contentType: DocumentType; data: Buffer } {
  if (!Buffer.isBuffer(upload.body) || upload.body.byteLength === 0)
    throw fieldError("file", "externalFileType");
  if (upload.body.byteLength > externalFileMaxBytes) throw fieldError("file", "externalFileTooLarge");
  const declared = upload.contentType?.split(";")[0]?.trim().toLowerCase();
  const detected = detectDocumentType(upload.body);
  if (!detected || detected !== declared) throw fieldError("file", "externalFileType");
  return { contentType: detected, data: upload.body };
}

/** Her own upload; someone else's is "not found", as if it did not exist. */
async function ownUpload(
  db: Executor,
  ctx: ServiceContext,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<repo.ExternalRow> {
  const org = trainingOrgOf(ctx);
  const [participant] = await repo.findParticipantsOfUsers(db, org.id, [actorOf(ctx).userId]);
  const row = participant ? await repo.findExternal(db, org.id, id, options) : null;
  if (!row || row.participantId !== participant?.id) throw notFound();
  return row;
}

/**
 * Attaches the scan or photo of the certificate, replacing an earlier one, while the upload waits for review:
 * the office decides on what it has seen.
 */
export async function attachFile(
  ctx: ServiceContext,
  id: string,
  upload: FileUpload,
): Promise<ExternalCertificateDto> {
  const org = trainingOrgOf(ctx);
  const file = checkFile(upload);
  const row = await ctx.platform.db.transaction(async (tx) => {
    const current = await ownUpload(tx, ctx, id, { forUpdate: true });
    if (current.status !== "pending") throw fieldError("file", "externalNotPending");
    const stored = await storeFile(tx, {
      organisationId: org.id,
      contentType: file.contentType,
      data: file.data,
      createdByUserId: ctx.actor?.userId ?? null,
    });
    const updated = await repo.updateExternal(tx, org.id, id, { fileId: stored.id });
    if (current.fileId) await deleteFile(tx, org.id, current.fileId);
    await audit(tx, ctx, "externalFileAttached", id, {
      fileId: stored.id,
      contentType: file.contentType,
      byteSize: stored.byteSize,
      sha256: stored.sha256,
      replacedFileId: current.fileId,
    });
    return updated;
  });
  return presentExternal(row);
}

async function fileOf(ctx: ServiceContext, row: repo.ExternalRow): Promise<StoredFile> {
  if (!row.fileId) throw notFound();
  const file = await readFile(ctx.platform.db, trainingOrgOf(ctx).id, row.fileId);
  if (!file) throw notFound();
  return file;
}

export async function getOwnFile(ctx: ServiceContext, id: string): Promise<StoredFile> {
  return fileOf(ctx, await ownUpload(ctx.platform.db, ctx, id));
}

export async function getFile(ctx: ServiceContext, id: string): Promise<StoredFile> {
  const row = await repo.findExternal(ctx.platform.db, trainingOrgOf(ctx).id, id);
  if (!row) throw notFound();
  return fileOf(ctx, row);
}

/** Uploads for the office to review, pending ones by default, oldest first. */
export async function listForReview(
  ctx: ServiceContext,
  status: ReviewItem["status"] | "all",
): Promise<ReviewItem[]> {
  const org = trainingOrgOf(ctx);
  const db = ctx.platform.db;
  const rows = await repo.listExternals(db, org.id, status === "all" ? {} : { status });
  const people = new Map<string, ReviewItem["person"]>();
  for (const participantId of new Set(rows.map((r) => r.participantId))) {
    const subject = await subjectOf(db, org, { kind: "participant", id: participantId });
    people.set(participantId, { ref: subject.ref, name: subject.name, participantId });
  }
  return rows.map((row) => {
    const defaults = categoryDefaults(row.category, org.rules);
    return {
      ...presentExternal(row),
      person: people.get(row.participantId) ?? { ref: null, name: "", participantId: row.participantId },
      defaultValidityMonths: defaults.validityMonths,
      defaultCountsTowardsObligation: defaults.countsTowardsObligation,
    };
  });
}

/**
 * Accepts or rejects a pending upload under the row's lock, so two coordinators deciding at once are decided
 * one after the other and the second learns that the first has. An accepted certificate goes into the
 * registry in the same transaction (first aid and infection protection deadlines move), and she is told by
 * mail either way.
 */
async function decide(
  ctx: ServiceContext,
  id: string,
  decision: ReviewDecision,
): Promise<ExternalCertificateDto> {
  const org = trainingOrgOf(ctx);
  const t = translator("de");
  const row = await ctx.platform.db.transaction(async (tx) => {
    const current = await repo.findExternal(tx, org.id, id, { forUpdate: true });
    if (!current) throw notFound();
    const result = reviewExternalCertificate(toCoreExternal(current), decision, org.rules);
    if (!result.ok) {
      if (result.problem.code === "reasonMissing") throw fieldError("reason", "rejectionReasonRequired");
      throw new AppError("externalDecided", 409, { status: result.problem.status });
    }
    const next = result.certificate;
    const updated = await repo.updateExternal(tx, org.id, id, {
      status: next.status,
      reviewedOn: next.reviewedOn,
      reviewedByUserId: ctx.actor?.userId ?? null,
      validUntil: next.validUntil,
      countsTowardsObligation: next.countsTowardsObligation,
      rejectionReason: next.rejectionReason,
    });
    if (next.status === "accepted")
      await syncRegistryFor(tx, org.id, current.participantId, {
        now: ctx.platform.now(),
        actorUserId: ctx.actor?.userId ?? null,
      });
    await audit(tx, ctx, next.status === "accepted" ? "externalAccepted" : "externalRejected", id, {
      participantId: current.participantId,
      validUntil: next.validUntil,
      countsTowardsObligation: next.countsTowardsObligation,
      ...(next.rejectionReason ? { reason: next.rejectionReason } : {}),
    });
    const participant = await repo.findParticipant(tx, org.id, current.participantId);
    if (participant) {
      const params = {
        name: participant.name,
        organisation: org.name,
        title: next.title,
        provider: next.provider,
        units: next.units,
        completedOn: formatGermanDate(next.completedOn),
        reason: next.rejectionReason ?? "",
        counting: next.countsTowardsObligation
          ? t("trainingAccount.mail.counts", { units: next.units })
          : t("trainingAccount.mail.doesNotCount"),
        validity: next.validUntil
          ? t("trainingAccount.mail.validUntil", { date: formatGermanDate(next.validUntil) })
          : t("trainingAccount.mail.noExpiry"),
      };
      const mail = composeMail(
        "de",
        next.status === "accepted" ? "trainingExternalAccepted" : "trainingExternalRejected",
        params,
        `${ctx.platform.env.PUBLIC_URL}/app/${org.slug}/fortbildungskonto`,
      );
      await ctx.platform.mailer.queue(tx, { to: participant.email, organisationId: org.id, ...mail });
    }
    return updated;
  });
  ctx.platform.mailer.kick();
  return presentExternal(row);
}

export async function acceptExternal(
  ctx: ServiceContext,
  id: string,
  body: AcceptBody,
): Promise<ExternalCertificateDto> {
  return decide(ctx, id, {
    accept: true,
    on: todayOf(ctx),
    ...(body.validityMonths !== undefined ? { validityMonths: body.validityMonths } : {}),
    ...(body.countsTowardsObligation !== undefined
      ? { countsTowardsObligation: body.countsTowardsObligation }
      : {}),
  });
}

export async function rejectExternal(
  ctx: ServiceContext,
  id: string,
  body: RejectBody,
): Promise<ExternalCertificateDto> {
  return decide(ctx, id, { accept: false, on: todayOf(ctx), reason: body.reason });
}
