import { and, asc, count, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import { siteContactAttempts, sitePages, sitePosts, siteRedirects } from "./site.tables";

export type SitePageRow = typeof sitePages.$inferSelect;
export type SitePostRow = typeof sitePosts.$inferSelect;
export type SiteKind = "page" | "post";

// ---------------------------------------------------------------- pages

export function listPages(db: Executor, organisationId: string) {
  return db
    .select()
    .from(sitePages)
    .where(eq(sitePages.organisationId, organisationId))
    .orderBy(asc(sitePages.menuPosition), asc(sitePages.title));
}

/** Published pages that appear in the menu, for the menu of every public page. */
export function listMenuPages(db: Executor, organisationId: string) {
  return db
    .select({ slug: sitePages.slug, title: sitePages.title, menuPosition: sitePages.menuPosition })
    .from(sitePages)
    .where(
      and(
        eq(sitePages.organisationId, organisationId),
        eq(sitePages.status, "published"),
        eq(sitePages.showInMenu, true),
      ),
    );
}

export async function findPage(db: Executor, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(sitePages)
    .where(and(eq(sitePages.organisationId, organisationId), eq(sitePages.id, id)));
  return row ?? null;
}

export async function lockPage(tx: Executor, organisationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(sitePages)
    .where(and(eq(sitePages.organisationId, organisationId), eq(sitePages.id, id)))
    .for("update");
  return row ?? null;
}

export async function findPageBySlug(db: Executor, organisationId: string, slug: string) {
  const [row] = await db
    .select()
    .from(sitePages)
    .where(and(eq(sitePages.organisationId, organisationId), eq(sitePages.slug, slug)));
  return row ?? null;
}

export async function insertPage(tx: Executor, values: typeof sitePages.$inferInsert) {
  const [row] = await tx.insert(sitePages).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updatePage(
  tx: Executor,
  organisationId: string,
  id: string,
  values: Partial<typeof sitePages.$inferInsert>,
) {
  const [row] = await tx
    .update(sitePages)
    .set(values)
    .where(and(eq(sitePages.organisationId, organisationId), eq(sitePages.id, id)))
    .returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

export async function deletePage(tx: Executor, organisationId: string, id: string) {
  await tx.delete(sitePages).where(and(eq(sitePages.organisationId, organisationId), eq(sitePages.id, id)));
}

// ---------------------------------------------------------------- posts

export async function listPosts(
  db: Executor,
  organisationId: string,
  options: { publishedOnly: boolean; limit: number; offset: number },
) {
  const where = options.publishedOnly
    ? and(eq(sitePosts.organisationId, organisationId), eq(sitePosts.status, "published"))
    : eq(sitePosts.organisationId, organisationId);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(sitePosts)
      .where(where)
      // Drafts (no date yet) first for the writers, then the newest.
      .orderBy(sql`${sitePosts.publishedAt} desc nulls first`, desc(sitePosts.createdAt))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: count() }).from(sitePosts).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

export async function findPost(db: Executor, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(sitePosts)
    .where(and(eq(sitePosts.organisationId, organisationId), eq(sitePosts.id, id)));
  return row ?? null;
}

export async function lockPost(tx: Executor, organisationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(sitePosts)
    .where(and(eq(sitePosts.organisationId, organisationId), eq(sitePosts.id, id)))
    .for("update");
  return row ?? null;
}

export async function findPostBySlug(db: Executor, organisationId: string, slug: string) {
  const [row] = await db
    .select()
    .from(sitePosts)
    .where(and(eq(sitePosts.organisationId, organisationId), eq(sitePosts.slug, slug)));
  return row ?? null;
}

export async function insertPost(tx: Executor, values: typeof sitePosts.$inferInsert) {
  const [row] = await tx.insert(sitePosts).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updatePost(
  tx: Executor,
  organisationId: string,
  id: string,
  values: Partial<typeof sitePosts.$inferInsert>,
) {
  const [row] = await tx
    .update(sitePosts)
    .set(values)
    .where(and(eq(sitePosts.organisationId, organisationId), eq(sitePosts.id, id)))
    .returning();
  if (!row) throw new Error("update returned no row");
  return row;
}

export async function deletePost(tx: Executor, organisationId: string, id: string) {
  await tx.delete(sitePosts).where(and(eq(sitePosts.organisationId, organisationId), eq(sitePosts.id, id)));
}

// ---------------------------------------------------------------- addresses

/** Every slug of this kind the organisation uses now or used before (those still lead somewhere). */
export async function takenSlugs(db: Executor, organisationId: string, kind: SiteKind): Promise<Set<string>> {
  const table = kind === "page" ? sitePages : sitePosts;
  const [current, old] = await Promise.all([
    db.select({ slug: table.slug }).from(table).where(eq(table.organisationId, organisationId)),
    db
      .select({ slug: siteRedirects.slug })
      .from(siteRedirects)
      .where(and(eq(siteRedirects.organisationId, organisationId), eq(siteRedirects.kind, kind))),
  ]);
  return new Set([...current, ...old].map((row) => row.slug));
}

export async function findRedirect(db: Executor, organisationId: string, kind: SiteKind, slug: string) {
  const [row] = await db
    .select({ targetId: siteRedirects.targetId })
    .from(siteRedirects)
    .where(
      and(
        eq(siteRedirects.organisationId, organisationId),
        eq(siteRedirects.kind, kind),
        eq(siteRedirects.slug, slug),
      ),
    );
  return row?.targetId ?? null;
}

export async function listRedirectSlugs(db: Executor, targetId: string): Promise<string[]> {
  const rows = await db
    .select({ slug: siteRedirects.slug })
    .from(siteRedirects)
    .where(eq(siteRedirects.targetId, targetId))
    .orderBy(asc(siteRedirects.createdAt));
  return rows.map((row) => row.slug);
}

export async function insertRedirect(
  tx: Executor,
  values: { organisationId: string; kind: SiteKind; slug: string; targetId: string },
) {
  await tx.insert(siteRedirects).values(values);
}

/** Removes old addresses: one the target takes back as its slug, or all of a deleted target. */
export async function deleteRedirects(
  tx: Executor,
  organisationId: string,
  targetId: string,
  slugs?: readonly string[],
) {
  await tx
    .delete(siteRedirects)
    .where(
      and(
        eq(siteRedirects.organisationId, organisationId),
        eq(siteRedirects.targetId, targetId),
        ...(slugs ? [inArray(siteRedirects.slug, [...slugs])] : []),
      ),
    );
}

// ---------------------------------------------------------------- contact form

export async function countContactAttempts(
  db: Executor,
  organisationId: string,
  clientHash: string,
  since: Date,
): Promise<{ count: number; oldest: Date | null }> {
  const [row] = await db
    .select({ n: count(), oldest: sql<Date | null>`min(${siteContactAttempts.createdAt})` })
    .from(siteContactAttempts)
    .where(
      and(
        eq(siteContactAttempts.organisationId, organisationId),
        eq(siteContactAttempts.clientHash, clientHash),
        gte(siteContactAttempts.createdAt, since),
      ),
    );
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return { count: row?.n ?? 0, oldest };
}

export async function insertContactAttempt(
  tx: Executor,
  values: { organisationId: string; clientHash: string; createdAt: Date },
) {
  await tx.insert(siteContactAttempts).values(values);
}

export async function deleteContactAttemptsBefore(tx: Executor, before: Date) {
  await tx.delete(siteContactAttempts).where(lt(siteContactAttempts.createdAt, before));
}

/** Published pages and posts with their last change, for the organisation's sitemap. */
export async function listPublishedAddresses(db: Executor, organisationId: string) {
  const [pages, posts] = await Promise.all([
    db
      .select({ slug: sitePages.slug, updatedAt: sitePages.updatedAt })
      .from(sitePages)
      .where(and(eq(sitePages.organisationId, organisationId), eq(sitePages.status, "published")))
      .orderBy(asc(sitePages.slug)),
    db
      .select({ slug: sitePosts.slug, updatedAt: sitePosts.updatedAt })
      .from(sitePosts)
      .where(and(eq(sitePosts.organisationId, organisationId), eq(sitePosts.status, "published")))
      .orderBy(desc(sitePosts.publishedAt)),
  ]);
  return { pages, posts };
}
