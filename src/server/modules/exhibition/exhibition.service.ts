import type {
  ConsentInput,
  ExhibitionDetail,
  ExhibitionInput,
  ExhibitionPhoto,
  ExhibitionSummary,
  PhotoTextInput,
  PhotoUpdateInput,
  PublicExhibition,
  PublicExhibitionList,
} from "../../../contracts/exhibition";
import { todayIso } from "../../../core/shared/dates";
import { slugify, uniqueSlug } from "../../../core/site/slugs";
import { type ModuleAuditAction, writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, conflict, notFound } from "../../platform/errors";
import { deleteFile, readFile, type StoredFile, storeFile } from "../../platform/files/files";
import type { ServiceContext } from "../../platform/types";
import { processPhoto } from "./exhibition.images";
import { presentPhoto, presentPublicPhoto, presentSummary, problemsOf } from "./exhibition.presenter";
import * as repo from "./exhibition.repository";

export type ImageSize = "large" | "thumb";

function orgOf(ctx: ServiceContext): OrganisationScope {
  if (!ctx.organisation) throw notFound();
  return ctx.organisation;
}

function userIdOf(ctx: ServiceContext): string | null {
  return ctx.actor?.userId ?? null;
}

function today(ctx: ServiceContext): string {
  return todayIso(ctx.platform.now());
}

async function audit(
  tx: Executor,
  ctx: ServiceContext,
  action: ModuleAuditAction<"exhibition">,
  entityType: "exhibition" | "exhibitionPhoto",
  entityId: string,
  details: Record<string, unknown> = {},
) {
  await writeAudit(tx, {
    organisationId: orgOf(ctx).id,
    actorUserId: userIdOf(ctx),
    action: `exhibition.${action}`,
    entityType,
    entityId,
    details,
    ip: ctx.ip,
  });
}

function consentsByPhoto(consents: readonly repo.ConsentRow[]): Map<string, repo.ConsentRow[]> {
  const map = new Map<string, repo.ConsentRow[]>();
  for (const c of consents) map.set(c.photoId, [...(map.get(c.photoId) ?? []), c]);
  return map;
}

/** Photos with their consents; `visible` keeps those the public may see today. */
async function photosWithConsents(db: Executor, organisationId: string, exhibitionIds: readonly string[]) {
  const photos = await repo.listPhotos(db, organisationId, exhibitionIds);
  const consents = consentsByPhoto(
    await repo.listConsents(
      db,
      photos.map((p) => p.id),
    ),
  );
  return photos.map((photo) => ({ photo, consents: consents.get(photo.id) ?? [] }));
}

function isVisible(entry: { photo: repo.PhotoRow; consents: repo.ConsentRow[] }, day: string): boolean {
  return entry.photo.isPublished && problemsOf(entry.photo, entry.consents, day).length === 0;
}

async function chooseSlug(
  tx: Executor,
  organisationId: string,
  title: string,
  requested?: string,
  own?: string,
) {
  const taken = await repo.takenSlugs(tx, organisationId);
  if (own) taken.delete(own);
  if (requested !== undefined) {
    if (taken.has(requested)) throw new AppError("exhibitionSlugTaken", 409);
    return requested;
  }
  return uniqueSlug(slugify(title), taken);
}

/**
 * Takes a photo off the website when its consents no longer allow it, in the caller's transaction and
 * audited with the reason. Returns the photo as it is now.
 */
async function unpublishIfNotAllowed(
  tx: Executor,
  ctx: ServiceContext,
  photo: repo.PhotoRow,
  reason: "consentWithdrawn" | "consentExpired" | "consentChanged",
): Promise<repo.PhotoRow> {
  if (!photo.isPublished) return photo;
  const consents = await repo.listConsents(tx, [photo.id]);
  const problems = problemsOf(photo, consents, today(ctx));
  if (problems.length === 0) return photo;
  const updated = await repo.updatePhoto(tx, photo.organisationId, photo.id, {
    isPublished: false,
    updatedAt: ctx.platform.now(),
  });
  await audit(tx, ctx, "photoUnpublished", "exhibitionPhoto", photo.id, {
    reason,
    problems: problems.map((p) => p.kind),
  });
  return updated;
}

// ---------------------------------------------------------------- exhibitions (staff)

export async function listExhibitions(ctx: ServiceContext): Promise<ExhibitionSummary[]> {
  const org = orgOf(ctx);
  const db = ctx.platform.db;
  const rows = await repo.listExhibitions(db, org.id);
  const entries = await photosWithConsents(
    db,
    org.id,
    rows.map((r) => r.id),
  );
  const day = today(ctx);
  return rows.map((row) => {
    const own = entries.filter((e) => e.photo.exhibitionId === row.id);
    return presentSummary(row, {
      photoCount: own.length,
      visibleCount: own.filter((e) => isVisible(e, day)).length,
    });
  });
}

async function detailOf(
  ctx: ServiceContext,
  db: Executor,
  row: repo.ExhibitionRow,
): Promise<ExhibitionDetail> {
  const org = orgOf(ctx);
  const day = today(ctx);
  const entries = await photosWithConsents(db, org.id, [row.id]);
  const photos = entries.map((e) => presentPhoto(org.slug, e.photo, e.consents, day));
  return {
    ...presentSummary(row, {
      photoCount: photos.length,
      visibleCount: photos.filter((p) => p.isVisible).length,
    }),
    photos,
  };
}

export async function getExhibition(ctx: ServiceContext, id: string): Promise<ExhibitionDetail> {
  const row = await repo.findExhibition(ctx.platform.db, orgOf(ctx).id, id);
  if (!row) throw notFound();
  return detailOf(ctx, ctx.platform.db, row);
}

export async function createExhibition(
  ctx: ServiceContext,
  input: ExhibitionInput,
): Promise<ExhibitionDetail> {
  const org = orgOf(ctx);
  const row = await ctx.platform.db.transaction(async (tx) => {
    const slug = await chooseSlug(tx, org.id, input.title, input.slug);
    const created = await repo.insertExhibition(tx, {
      organisationId: org.id,
      slug,
      title: input.title,
      description: input.description,
      isPublished: input.isPublished,
      position: input.position,
      updatedByUserId: userIdOf(ctx),
    });
    await audit(tx, ctx, "created", "exhibition", created.id, { slug, isPublished: input.isPublished });
    return created;
  });
  return detailOf(ctx, ctx.platform.db, row);
}

export async function updateExhibition(
  ctx: ServiceContext,
  id: string,
  input: ExhibitionInput,
): Promise<ExhibitionDetail> {
  const org = orgOf(ctx);
  const row = await ctx.platform.db.transaction(async (tx) => {
    const before = await repo.lockExhibition(tx, org.id, id);
    if (!before) throw notFound();
    const slug =
      input.slug === undefined || input.slug === before.slug
        ? before.slug
        : await chooseSlug(tx, org.id, input.title, input.slug, before.slug);
    const updated = await repo.updateExhibition(tx, org.id, id, {
      slug,
      title: input.title,
      description: input.description,
      isPublished: input.isPublished,
      position: input.position,
      updatedAt: ctx.platform.now(),
      updatedByUserId: userIdOf(ctx),
    });
    await audit(tx, ctx, "updated", "exhibition", id, {
      slug,
      isPublished: input.isPublished,
      ...(slug !== before.slug ? { previousSlug: before.slug } : {}),
    });
    return updated;
  });
  return detailOf(ctx, ctx.platform.db, row);
}

/** Deletes the exhibition with its photos, their images and the consents. */
export async function deleteExhibition(ctx: ServiceContext, id: string): Promise<void> {
  const org = orgOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    const before = await repo.lockExhibition(tx, org.id, id);
    if (!before) throw notFound();
    const photos = await repo.listPhotos(tx, org.id, [id]);
    await repo.deleteExhibition(tx, org.id, id);
    for (const photo of photos) {
      await deleteFile(tx, org.id, photo.imageFileId);
      await deleteFile(tx, org.id, photo.thumbFileId);
    }
    await audit(tx, ctx, "deleted", "exhibition", id, { slug: before.slug, photoCount: photos.length });
  });
}

// ---------------------------------------------------------------- photos (staff)

async function photoDetail(
  ctx: ServiceContext,
  db: Executor,
  photo: repo.PhotoRow,
): Promise<ExhibitionPhoto> {
  const consents = await repo.listConsents(db, [photo.id]);
  return presentPhoto(orgOf(ctx).slug, photo, consents, today(ctx));
}

/** Stores an uploaded photo (resized, without metadata) as a draft of the exhibition. */
export async function uploadPhoto(
  ctx: ServiceContext,
  exhibitionId: string,
  text: PhotoTextInput,
  upload: { contentType: string | undefined; body: unknown },
): Promise<ExhibitionPhoto> {
  const org = orgOf(ctx);
  if (!(await repo.findExhibition(ctx.platform.db, org.id, exhibitionId))) throw notFound();
  // Decoding and encoding take a moment; it happens before the transaction so no lock waits for it.
  const processed = await processPhoto(upload);
  const photo = await ctx.platform.db.transaction(async (tx) => {
    if (!(await repo.lockExhibition(tx, org.id, exhibitionId))) throw notFound();
    const large = await storeFile(tx, {
      organisationId: org.id,
      contentType: "image/jpeg",
      data: processed.large.data,
      createdByUserId: userIdOf(ctx),
    });
    const thumb = await storeFile(tx, {
      organisationId: org.id,
      contentType: "image/jpeg",
      data: processed.thumb.data,
      createdByUserId: userIdOf(ctx),
    });
    const row = await repo.insertPhoto(tx, {
      organisationId: org.id,
      exhibitionId,
      caption: text.caption,
      altText: text.altText,
      credit: text.credit,
      position: (await repo.maxPhotoPosition(tx, exhibitionId)) + 1,
      imageFileId: large.id,
      thumbFileId: thumb.id,
      width: processed.large.width,
      height: processed.large.height,
      updatedByUserId: userIdOf(ctx),
    });
    await audit(tx, ctx, "photoUploaded", "exhibitionPhoto", row.id, {
      exhibitionId,
      byteSize: large.byteSize + thumb.byteSize,
      width: row.width,
      height: row.height,
    });
    return row;
  });
  return photoDetail(ctx, ctx.platform.db, photo);
}

export async function updatePhoto(
  ctx: ServiceContext,
  photoId: string,
  input: PhotoUpdateInput,
): Promise<ExhibitionPhoto> {
  const org = orgOf(ctx);
  const photo = await ctx.platform.db.transaction(async (tx) => {
    const before = await repo.lockPhoto(tx, org.id, photoId);
    if (!before) throw notFound();
    const updated = await repo.updatePhoto(tx, org.id, photoId, {
      caption: input.caption,
      altText: input.altText,
      credit: input.credit,
      position: input.position,
      noIdentifiablePeople: input.noIdentifiablePeople,
      updatedAt: ctx.platform.now(),
      updatedByUserId: userIdOf(ctx),
    });
    await audit(tx, ctx, "photoUpdated", "exhibitionPhoto", photoId, {
      ...(before.noIdentifiablePeople !== input.noIdentifiablePeople
        ? { noIdentifiablePeople: input.noIdentifiablePeople }
        : {}),
    });
    return unpublishIfNotAllowed(tx, ctx, updated, "consentChanged");
  });
  return photoDetail(ctx, ctx.platform.db, photo);
}

/** Publishes a photo only while every person shown agrees to the online exhibition; unpublishes always. */
export async function setPhotoPublished(
  ctx: ServiceContext,
  photoId: string,
  isPublished: boolean,
): Promise<ExhibitionPhoto> {
  const org = orgOf(ctx);
  const photo = await ctx.platform.db.transaction(async (tx) => {
    const before = await repo.lockPhoto(tx, org.id, photoId);
    if (!before) throw notFound();
    if (before.isPublished === isPublished) return before;
    if (isPublished) {
      const problems = problemsOf(before, await repo.listConsents(tx, [photoId]), today(ctx));
      if (problems.length > 0) throw new AppError("exhibitionConsentMissing", 400);
    }
    const now = ctx.platform.now();
    const updated = await repo.updatePhoto(tx, org.id, photoId, {
      isPublished,
      publishedAt: isPublished ? now : before.publishedAt,
      updatedAt: now,
      updatedByUserId: userIdOf(ctx),
    });
    await audit(tx, ctx, isPublished ? "photoPublished" : "photoUnpublished", "exhibitionPhoto", photoId);
    return updated;
  });
  return photoDetail(ctx, ctx.platform.db, photo);
}

/** Deletes a photo with both images and every consent recorded for it. */
export async function deletePhoto(ctx: ServiceContext, photoId: string): Promise<void> {
  const org = orgOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    const before = await repo.lockPhoto(tx, org.id, photoId);
    if (!before) throw notFound();
    await repo.deletePhoto(tx, org.id, photoId);
    await deleteFile(tx, org.id, before.imageFileId);
    await deleteFile(tx, org.id, before.thumbFileId);
    await audit(tx, ctx, "photoDeleted", "exhibitionPhoto", photoId, { exhibitionId: before.exhibitionId });
  });
}

export async function staffImage(ctx: ServiceContext, photoId: string, size: ImageSize): Promise<StoredFile> {
  const org = orgOf(ctx);
  const photo = await repo.findPhoto(ctx.platform.db, org.id, photoId);
  if (!photo) throw notFound();
  const file = await readFile(
    ctx.platform.db,
    org.id,
    size === "thumb" ? photo.thumbFileId : photo.imageFileId,
  );
  if (!file) throw notFound();
  return file;
}

// ---------------------------------------------------------------- consents (staff)

export async function recordConsent(
  ctx: ServiceContext,
  photoId: string,
  input: ConsentInput,
): Promise<ExhibitionPhoto> {
  const org = orgOf(ctx);
  const photo = await ctx.platform.db.transaction(async (tx) => {
    const before = await repo.lockPhoto(tx, org.id, photoId);
    if (!before) throw notFound();
    const consent = await repo.insertConsent(tx, {
      organisationId: org.id,
      photoId,
      personName: input.personName,
      givenBy: input.givenBy,
      guardianName: input.givenBy === "guardian" ? input.guardianName : "",
      givenOn: input.givenOn,
      scopes: input.scopes,
      validUntil: input.validUntil,
      createdByUserId: userIdOf(ctx),
    });
    // The audit log names no one: the consent id leads to the record for those allowed to see it.
    await audit(tx, ctx, "consentRecorded", "exhibitionPhoto", photoId, {
      consentId: consent.id,
      givenBy: input.givenBy,
      scopes: input.scopes,
      validUntil: input.validUntil,
    });
    // A new person on a published photo without the online scope takes the photo down at once.
    return unpublishIfNotAllowed(tx, ctx, before, "consentChanged");
  });
  return photoDetail(ctx, ctx.platform.db, photo);
}

/**
 * Withdraws a consent. In the same transaction every photo that needed it leaves the website, so that no
 * request after this one sees it published.
 */
export async function withdrawConsent(
  ctx: ServiceContext,
  photoId: string,
  consentId: string,
  reason: string,
): Promise<ExhibitionPhoto> {
  const org = orgOf(ctx);
  const photo = await ctx.platform.db.transaction(async (tx) => {
    const before = await repo.lockPhoto(tx, org.id, photoId);
    if (!before) throw notFound();
    if (!(await repo.findConsent(tx, org.id, photoId, consentId))) throw notFound();
    const withdrawn = await repo.withdrawConsent(tx, org.id, photoId, consentId, {
      withdrawnAt: ctx.platform.now(),
      withdrawalReason: reason,
    });
    if (!withdrawn) throw conflict();
    await audit(tx, ctx, "consentWithdrawn", "exhibitionPhoto", photoId, { consentId });
    return unpublishIfNotAllowed(tx, ctx, before, "consentWithdrawn");
  });
  return photoDetail(ctx, ctx.platform.db, photo);
}

// ---------------------------------------------------------------- public

export async function publicExhibitions(ctx: ServiceContext): Promise<PublicExhibitionList> {
  const org = orgOf(ctx);
  const db = ctx.platform.db;
  const rows = await repo.listExhibitions(db, org.id, true);
  const entries = await photosWithConsents(
    db,
    org.id,
    rows.map((r) => r.id),
  );
  const day = today(ctx);
  return {
    organisationName: org.name,
    exhibitions: rows.map((row) => {
      const visible = entries.filter((e) => e.photo.exhibitionId === row.id && isVisible(e, day));
      const first = visible[0];
      return {
        slug: row.slug,
        title: row.title,
        description: row.description,
        photoCount: visible.length,
        cover: first ? presentPublicPhoto(org.slug, row.slug, first.photo) : null,
      };
    }),
  };
}

async function publishedExhibition(db: Executor, organisationId: string, slug: string) {
  const row = await repo.findExhibitionBySlug(db, organisationId, slug);
  return row?.isPublished ? row : null;
}

/** A published exhibition with the photos that may be shown now: consents are checked at every read. */
export async function publicExhibition(ctx: ServiceContext, slug: string): Promise<PublicExhibition> {
  const org = orgOf(ctx);
  const db = ctx.platform.db;
  const row = await publishedExhibition(db, org.id, slug);
  if (!row) throw notFound();
  const day = today(ctx);
  const entries = await photosWithConsents(db, org.id, [row.id]);
  return {
    organisationName: org.name,
    slug: row.slug,
    title: row.title,
    description: row.description,
    photos: entries
      .filter((e) => isVisible(e, day))
      .map((e) => presentPublicPhoto(org.slug, row.slug, e.photo)),
  };
}

/** The image of a photo the public may see now; anything else (withdrawn, expired, draft) is "not found". */
export async function publicImage(
  ctx: ServiceContext,
  exhibitionSlug: string,
  photoId: string,
  size: ImageSize,
): Promise<StoredFile> {
  const org = orgOf(ctx);
  const db = ctx.platform.db;
  const exhibition = await publishedExhibition(db, org.id, exhibitionSlug);
  if (!exhibition) throw notFound();
  const photo = await repo.findPhoto(db, org.id, photoId);
  if (!photo || photo.exhibitionId !== exhibition.id) throw notFound();
  if (!isVisible({ photo, consents: await repo.listConsents(db, [photo.id]) }, today(ctx))) throw notFound();
  const file = await readFile(db, org.id, size === "thumb" ? photo.thumbFileId : photo.imageFileId);
  if (!file) throw notFound();
  return file;
}
