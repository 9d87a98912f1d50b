import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import { exhibitionConsents, exhibitionPhotos, exhibitions } from "./exhibition.tables";

export type ExhibitionRow = typeof exhibitions.$inferSelect;
export type PhotoRow = typeof exhibitionPhotos.$inferSelect;
export type ConsentRow = typeof exhibitionConsents.$inferSelect;

// ---------------------------------------------------------------- exhibitions

export function listExhibitions(db: Executor, organisationId: string, publishedOnly = false) {
  return db
    .select()
    .from(exhibitions)
    .where(
      and(
        eq(exhibitions.organisationId, organisationId),
        publishedOnly ? eq(exhibitions.isPublished, true) : undefined,
      ),
    )
    .orderBy(asc(exhibitions.position), asc(exhibitions.title));
}

export async function findExhibition(db: Executor, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(exhibitions)
    .where(and(eq(exhibitions.organisationId, organisationId), eq(exhibitions.id, id)));
  return row ?? null;
}

export async function lockExhibition(tx: Executor, organisationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(exhibitions)
    .where(and(eq(exhibitions.organisationId, organisationId), eq(exhibitions.id, id)))
    .for("update");
  return row ?? null;
}

export async function findExhibitionBySlug(db: Executor, organisationId: string, slug: string) {
  const [row] = await db
    .select()
    .from(exhibitions)
    .where(and(eq(exhibitions.organisationId, organisationId), eq(exhibitions.slug, slug)));
  return row ?? null;
}

export async function takenSlugs(db: Executor, organisationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ slug: exhibitions.slug })
    .from(exhibitions)
    .where(eq(exhibitions.organisationId, organisationId));
  return new Set(rows.map((r) => r.slug));
}

export async function insertExhibition(tx: Executor, values: typeof exhibitions.$inferInsert) {
  const [row] = await tx.insert(exhibitions).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateExhibition(
  tx: Executor,
  organisationId: string,
  id: string,
  values: Partial<typeof exhibitions.$inferInsert>,
) {
  const [row] = await tx
    .update(exhibitions)
    .set(values)
    .where(and(eq(exhibitions.organisationId, organisationId), eq(exhibitions.id, id)))
    .returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

export async function deleteExhibition(tx: Executor, organisationId: string, id: string) {
  await tx
    .delete(exhibitions)
    .where(and(eq(exhibitions.organisationId, organisationId), eq(exhibitions.id, id)));
}

// ---------------------------------------------------------------- photos

export function listPhotos(db: Executor, organisationId: string, exhibitionIds: readonly string[]) {
  if (exhibitionIds.length === 0) return Promise.resolve([] as PhotoRow[]);
  return db
    .select()
    .from(exhibitionPhotos)
    .where(
      and(
        eq(exhibitionPhotos.organisationId, organisationId),
        inArray(exhibitionPhotos.exhibitionId, [...exhibitionIds]),
      ),
    )
    .orderBy(asc(exhibitionPhotos.position), asc(exhibitionPhotos.createdAt));
}

export async function findPhoto(db: Executor, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(exhibitionPhotos)
    .where(and(eq(exhibitionPhotos.organisationId, organisationId), eq(exhibitionPhotos.id, id)));
  return row ?? null;
}

/** Locks a photo; publishing, consents and withdrawal of one photo run one after the other. */
export async function lockPhoto(tx: Executor, organisationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(exhibitionPhotos)
    .where(and(eq(exhibitionPhotos.organisationId, organisationId), eq(exhibitionPhotos.id, id)))
    .for("update");
  return row ?? null;
}

export async function maxPhotoPosition(db: Executor, exhibitionId: string): Promise<number> {
  const rows = await db
    .select({ position: exhibitionPhotos.position })
    .from(exhibitionPhotos)
    .where(eq(exhibitionPhotos.exhibitionId, exhibitionId));
  return rows.reduce((max, r) => Math.max(max, r.position), -1);
}

export async function insertPhoto(tx: Executor, values: typeof exhibitionPhotos.$inferInsert) {
  const [row] = await tx.insert(exhibitionPhotos).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updatePhoto(
  tx: Executor,
  organisationId: string,
  id: string,
  values: Partial<typeof exhibitionPhotos.$inferInsert>,
) {
  const [row] = await tx
    .update(exhibitionPhotos)
    .set(values)
    .where(and(eq(exhibitionPhotos.organisationId, organisationId), eq(exhibitionPhotos.id, id)))
    .returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

export async function deletePhoto(tx: Executor, organisationId: string, id: string) {
  await tx
    .delete(exhibitionPhotos)
    .where(and(eq(exhibitionPhotos.organisationId, organisationId), eq(exhibitionPhotos.id, id)));
}

/** Published photos of every organisation, for the daily check of expired consents. */
export function listPublishedPhotos(db: Executor) {
  return db.select().from(exhibitionPhotos).where(eq(exhibitionPhotos.isPublished, true));
}

// ---------------------------------------------------------------- consents

export function listConsents(db: Executor, photoIds: readonly string[]) {
  if (photoIds.length === 0) return Promise.resolve([] as ConsentRow[]);
  return db
    .select()
    .from(exhibitionConsents)
    .where(inArray(exhibitionConsents.photoId, [...photoIds]))
    .orderBy(asc(exhibitionConsents.createdAt), asc(exhibitionConsents.id));
}

export async function insertConsent(tx: Executor, values: typeof exhibitionConsents.$inferInsert) {
  const [row] = await tx.insert(exhibitionConsents).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** Marks a consent withdrawn unless it already is; null when there was nothing to withdraw. */
export async function withdrawConsent(
  tx: Executor,
  organisationId: string,
  photoId: string,
  id: string,
  values: { withdrawnAt: Date; withdrawalReason: string },
) {
  const [row] = await tx
    .update(exhibitionConsents)
    .set(values)
    .where(
      and(
        eq(exhibitionConsents.organisationId, organisationId),
        eq(exhibitionConsents.photoId, photoId),
        eq(exhibitionConsents.id, id),
        isNull(exhibitionConsents.withdrawnAt),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findConsent(db: Executor, organisationId: string, photoId: string, id: string) {
  const [row] = await db
    .select()
    .from(exhibitionConsents)
    .where(
      and(
        eq(exhibitionConsents.organisationId, organisationId),
        eq(exhibitionConsents.photoId, photoId),
        eq(exhibitionConsents.id, id),
      ),
    );
  return row ?? null;
}

/** Consents whose last day lies before `day`, for the job; withdrawn ones are handled at withdrawal. */
export function listExpiredConsentPhotoIds(db: Executor, day: string) {
  return db
    .selectDistinct({ photoId: exhibitionConsents.photoId })
    .from(exhibitionConsents)
    .where(and(lte(exhibitionConsents.validUntil, day), isNull(exhibitionConsents.withdrawnAt)));
}
