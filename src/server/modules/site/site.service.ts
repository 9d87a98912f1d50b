import { createHmac } from "node:crypto";
import type {
  ContactInput,
  PublicPage,
  PublicPost,
  PublicPostList,
  PublicSite,
  SitePageDetail,
  SitePageInput,
  SitePageSummary,
  SitePostDetail,
  SitePostInput,
  SitePostList,
} from "../../../contracts/site";
import { siteImageMaxBytes } from "../../../contracts/site";
import { checkContactTiming, contactRules } from "../../../core/site/contact";
import { siteMenu } from "../../../core/site/menu";
import { slugify, uniqueSlug } from "../../../core/site/slugs";
import type { AuditAction } from "../../platform/audit/audit";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import { safeEqual } from "../../platform/crypto";
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
import { isRobot } from "../../platform/public-form";
import type { ServiceContext } from "../../platform/types";
import { hasExhibitionOnShow } from "../exhibition/exhibition.queries";
import { getPublicProfile } from "../organisations/organisations.service";
import { sanitizeSiteHtml } from "./site.html";
import {
  presentPageDetail,
  presentPageSummary,
  presentPostDetail,
  presentPostSummary,
  presentPublicPostSummary,
} from "./site.presenter";
import * as repo from "./site.repository";

const STAFF_PAGE_SIZE = 20;
const PUBLIC_PAGE_SIZE = 10;
const HOME_POSTS = 3;

function orgOf(ctx: ServiceContext): OrganisationScope {
  if (!ctx.organisation) throw notFound();
  return ctx.organisation;
}

function userIdOf(ctx: ServiceContext): string | null {
  return ctx.actor?.userId ?? null;
}

async function audit(
  tx: Executor,
  ctx: ServiceContext,
  action: AuditAction,
  entityType: "sitePage" | "sitePost",
  entityId: string,
  details: Record<string, unknown> = {},
) {
  await writeAudit(tx, {
    organisationId: orgOf(ctx).id,
    actorUserId: userIdOf(ctx),
    action,
    entityType,
    entityId,
    details,
    ip: ctx.ip,
  });
}

/**
 * The slug a page or post gets: the one asked for (refused when another one uses it now or used it
 * before, since that old address must keep leading there), or one made from the title.
 */
async function chooseSlug(
  tx: Executor,
  organisationId: string,
  kind: repo.SiteKind,
  title: string,
  requested: string | undefined,
  ownOldSlugs: readonly string[] = [],
): Promise<string> {
  const taken = await repo.takenSlugs(tx, organisationId, kind);
  for (const own of ownOldSlugs) taken.delete(own);
  if (requested !== undefined) {
    if (taken.has(requested)) throw new AppError("siteSlugTaken", 409);
    return requested;
  }
  return uniqueSlug(slugify(title), taken);
}

/**
 * Moves a page or post to a new slug: the old one becomes a redirect, and an old address the record takes
 * back is no longer one.
 */
async function moveSlug(
  tx: Executor,
  organisationId: string,
  kind: repo.SiteKind,
  targetId: string,
  from: string,
  to: string,
) {
  await repo.deleteRedirects(tx, organisationId, targetId, [to]);
  await repo.insertRedirect(tx, { organisationId, kind, slug: from, targetId });
}

// ---------------------------------------------------------------- pages (staff)

export async function listPages(ctx: ServiceContext): Promise<SitePageSummary[]> {
  const rows = await repo.listPages(ctx.platform.db, orgOf(ctx).id);
  return rows.map(presentPageSummary);
}

async function pageDetail(db: Executor, organisationId: string, id: string): Promise<SitePageDetail> {
  const row = await repo.findPage(db, organisationId, id);
  if (!row) throw notFound();
  return presentPageDetail(row, await repo.listRedirectSlugs(db, row.id));
}

export async function getPage(ctx: ServiceContext, id: string): Promise<SitePageDetail> {
  return pageDetail(ctx.platform.db, orgOf(ctx).id, id);
}

export async function createPage(ctx: ServiceContext, input: SitePageInput): Promise<SitePageDetail> {
  const org = orgOf(ctx);
  const now = ctx.platform.now();
  const id = await ctx.platform.db.transaction(async (tx) => {
    const slug = await chooseSlug(tx, org.id, "page", input.title, input.slug);
    const row = await repo.insertPage(tx, {
      organisationId: org.id,
      slug,
      title: input.title,
      description: input.description,
      bodyHtml: sanitizeSiteHtml(input.bodyHtml),
      status: input.status,
      showInMenu: input.showInMenu,
      menuPosition: input.menuPosition,
      publishedAt: input.status === "published" ? now : null,
      createdAt: now,
      updatedAt: now,
      updatedByUserId: userIdOf(ctx),
    });
    await audit(tx, ctx, "site.pageCreated", "sitePage", row.id, { slug, status: input.status });
    return row.id;
  });
  return pageDetail(ctx.platform.db, org.id, id);
}

export async function updatePage(
  ctx: ServiceContext,
  id: string,
  input: SitePageInput,
): Promise<SitePageDetail> {
  const org = orgOf(ctx);
  const now = ctx.platform.now();
  await ctx.platform.db.transaction(async (tx) => {
    const before = await repo.lockPage(tx, org.id, id);
    if (!before) throw notFound();
    // The title alone never moves a page: its address stays unless a new slug is asked for.
    const wanted = input.slug ?? before.slug;
    let slug = before.slug;
    if (wanted !== before.slug) {
      slug = await chooseSlug(tx, org.id, "page", input.title, wanted, await repo.listRedirectSlugs(tx, id));
      await moveSlug(tx, org.id, "page", id, before.slug, slug);
    }
    await repo.updatePage(tx, org.id, id, {
      slug,
      title: input.title,
      description: input.description,
      bodyHtml: sanitizeSiteHtml(input.bodyHtml),
      status: input.status,
      showInMenu: input.showInMenu,
      menuPosition: input.menuPosition,
      publishedAt: input.status === "published" ? (before.publishedAt ?? now) : before.publishedAt,
      updatedAt: now,
      updatedByUserId: userIdOf(ctx),
    });
    await audit(tx, ctx, "site.pageUpdated", "sitePage", id, {
      status: input.status,
      ...(slug !== before.slug ? { slugFrom: before.slug, slugTo: slug } : {}),
    });
  });
  return pageDetail(ctx.platform.db, org.id, id);
}

export async function deletePage(ctx: ServiceContext, id: string): Promise<void> {
  const org = orgOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    const row = await repo.lockPage(tx, org.id, id);
    if (!row) throw notFound();
    await repo.deleteRedirects(tx, org.id, id);
    await repo.deletePage(tx, org.id, id);
    await audit(tx, ctx, "site.pageDeleted", "sitePage", id, { slug: row.slug, title: row.title });
  });
}

// ---------------------------------------------------------------- posts (staff)

export async function listPosts(ctx: ServiceContext, page: number): Promise<SitePostList> {
  const { rows, total } = await repo.listPosts(ctx.platform.db, orgOf(ctx).id, {
    publishedOnly: false,
    limit: STAFF_PAGE_SIZE,
    offset: (page - 1) * STAFF_PAGE_SIZE,
  });
  return {
    items: rows.map(presentPostSummary),
    page,
    pages: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)),
    total,
  };
}

export async function getPost(ctx: ServiceContext, id: string): Promise<SitePostDetail> {
  const row = await repo.findPost(ctx.platform.db, orgOf(ctx).id, id);
  if (!row) throw notFound();
  return presentPostDetail(row);
}

export async function createPost(ctx: ServiceContext, input: SitePostInput): Promise<SitePostDetail> {
  const org = orgOf(ctx);
  const now = ctx.platform.now();
  const row = await ctx.platform.db.transaction(async (tx) => {
    const slug = await chooseSlug(tx, org.id, "post", input.title, input.slug);
    const created = await repo.insertPost(tx, {
      organisationId: org.id,
      slug,
      title: input.title,
      teaser: input.teaser,
      bodyHtml: sanitizeSiteHtml(input.bodyHtml),
      status: input.status,
      imageAlt: input.imageAlt,
      publishedAt: input.status === "published" ? now : null,
      createdAt: now,
      updatedAt: now,
      updatedByUserId: userIdOf(ctx),
    });
    await audit(tx, ctx, "site.postCreated", "sitePost", created.id, { slug, status: input.status });
    return created;
  });
  return presentPostDetail(row);
}

export async function updatePost(
  ctx: ServiceContext,
  id: string,
  input: SitePostInput,
): Promise<SitePostDetail> {
  const org = orgOf(ctx);
  const now = ctx.platform.now();
  const row = await ctx.platform.db.transaction(async (tx) => {
    const before = await repo.lockPost(tx, org.id, id);
    if (!before) throw notFound();
    const wanted = input.slug ?? before.slug;
    let slug = before.slug;
    if (wanted !== before.slug) {
      slug = await chooseSlug(tx, org.id, "post", input.title, wanted, await repo.listRedirectSlugs(tx, id));
      await moveSlug(tx, org.id, "post", id, before.slug, slug);
    }
    const updated = await repo.updatePost(tx, org.id, id, {
      slug,
      title: input.title,
      teaser: input.teaser,
      bodyHtml: sanitizeSiteHtml(input.bodyHtml),
      status: input.status,
      imageAlt: input.imageAlt,
      // The date of first publication stays: taking a post down for a correction does not make it new.
      publishedAt: input.status === "published" ? (before.publishedAt ?? now) : before.publishedAt,
      updatedAt: now,
      updatedByUserId: userIdOf(ctx),
    });
    await audit(tx, ctx, "site.postUpdated", "sitePost", id, {
      status: input.status,
      ...(slug !== before.slug ? { slugFrom: before.slug, slugTo: slug } : {}),
    });
    return updated;
  });
  return presentPostDetail(row);
}

export async function deletePost(ctx: ServiceContext, id: string): Promise<void> {
  const org = orgOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    const row = await repo.lockPost(tx, org.id, id);
    if (!row) throw notFound();
    await repo.deleteRedirects(tx, org.id, id);
    await repo.deletePost(tx, org.id, id);
    if (row.imageFileId) await deleteFile(tx, org.id, row.imageFileId);
    await audit(tx, ctx, "site.postDeleted", "sitePost", id, { slug: row.slug, title: row.title });
  });
}

/** An image as it arrives: the declared content type and the raw body. */
export interface ImageUpload {
  contentType: string | undefined;
  body: unknown;
}

/** The bytes and their real type; the declared type must match the signature (ADR 0004). */
function checkImage(upload: ImageUpload) {
  if (!Buffer.isBuffer(upload.body) || upload.body.byteLength === 0) throw fieldError("image", "imageType");
  if (upload.body.byteLength > siteImageMaxBytes) throw fieldError("image", "imageTooLarge");
  const declared = upload.contentType?.split(";")[0]?.trim().toLowerCase();
  const detected = detectImageType(upload.body);
  if (!detected || detected !== declared) throw fieldError("image", "imageType");
  return { contentType: detected, data: upload.body };
}

export async function savePostImage(
  ctx: ServiceContext,
  id: string,
  upload: ImageUpload,
): Promise<SitePostDetail> {
  const org = orgOf(ctx);
  const image = checkImage(upload);
  const row = await ctx.platform.db.transaction(async (tx) => {
    const before = await repo.lockPost(tx, org.id, id);
    if (!before) throw notFound();
    const stored = await storeFile(tx, {
      organisationId: org.id,
      contentType: image.contentType,
      data: image.data,
      createdByUserId: userIdOf(ctx),
    });
    const updated = await repo.updatePost(tx, org.id, id, {
      imageFileId: stored.id,
      updatedAt: ctx.platform.now(),
      updatedByUserId: userIdOf(ctx),
    });
    if (before.imageFileId) await deleteFile(tx, org.id, before.imageFileId);
    await audit(tx, ctx, "site.postImageSaved", "sitePost", id, {
      fileId: stored.id,
      contentType: image.contentType,
      byteSize: stored.byteSize,
    });
    return updated;
  });
  return presentPostDetail(row);
}

export async function deletePostImage(ctx: ServiceContext, id: string): Promise<SitePostDetail> {
  const org = orgOf(ctx);
  const row = await ctx.platform.db.transaction(async (tx) => {
    const before = await repo.lockPost(tx, org.id, id);
    if (!before) throw notFound();
    if (!before.imageFileId) return before;
    const updated = await repo.updatePost(tx, org.id, id, {
      imageFileId: null,
      updatedAt: ctx.platform.now(),
      updatedByUserId: userIdOf(ctx),
    });
    await deleteFile(tx, org.id, before.imageFileId);
    await audit(tx, ctx, "site.postImageDeleted", "sitePost", id, { fileId: before.imageFileId });
    return updated;
  });
  return presentPostDetail(row);
}

/** The image of any post, draft or not, for the writers' preview. */
export async function getPostImage(ctx: ServiceContext, id: string): Promise<StoredFile> {
  const org = orgOf(ctx);
  const row = await repo.findPost(ctx.platform.db, org.id, id);
  if (!row?.imageFileId) throw notFound();
  const file = await readFile(ctx.platform.db, org.id, row.imageFileId);
  if (!file) throw notFound();
  return file;
}

// ---------------------------------------------------------------- the public website

export async function publicSite(ctx: ServiceContext): Promise<PublicSite> {
  const org = orgOf(ctx);
  const db = ctx.platform.db;
  const [profile, pages, posts, hasExhibition] = await Promise.all([
    getPublicProfile(ctx),
    repo.listMenuPages(db, org.id),
    repo.listPosts(db, org.id, { publishedOnly: true, limit: HOME_POSTS, offset: 0 }),
    hasExhibitionOnShow(db, org.id),
  ]);
  return {
    organisationName: org.name,
    menu: siteMenu({ organisationKind: org.kind, pages, hasMap: profile.hasMap, hasExhibition }),
    latestPosts: posts.rows.map((row) => presentPublicPostSummary(org.slug, row)),
    hasContactForm: Boolean(profile.email),
  };
}

/** A published page by its slug or an old one; the answer names the current slug, so old links move on. */
export async function findPublishedPage(db: Executor, organisationId: string, slug: string) {
  let row = await repo.findPageBySlug(db, organisationId, slug);
  if (!row) {
    const targetId = await repo.findRedirect(db, organisationId, "page", slug);
    row = targetId ? await repo.findPage(db, organisationId, targetId) : null;
  }
  return row?.status === "published" ? row : null;
}

export async function findPublishedPost(db: Executor, organisationId: string, slug: string) {
  let row = await repo.findPostBySlug(db, organisationId, slug);
  if (!row) {
    const targetId = await repo.findRedirect(db, organisationId, "post", slug);
    row = targetId ? await repo.findPost(db, organisationId, targetId) : null;
  }
  return row?.status === "published" ? row : null;
}

export async function publicPage(ctx: ServiceContext, slug: string): Promise<PublicPage> {
  const org = orgOf(ctx);
  const row = await findPublishedPage(ctx.platform.db, org.id, slug);
  if (!row) throw notFound();
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    bodyHtml: row.bodyHtml,
    updatedAt: row.updatedAt.toISOString(),
    organisationName: org.name,
  };
}

export async function publicPosts(ctx: ServiceContext, page: number): Promise<PublicPostList> {
  const org = orgOf(ctx);
  const { rows, total } = await repo.listPosts(ctx.platform.db, org.id, {
    publishedOnly: true,
    limit: PUBLIC_PAGE_SIZE,
    offset: (page - 1) * PUBLIC_PAGE_SIZE,
  });
  return {
    organisationName: org.name,
    items: rows.map((row) => presentPublicPostSummary(org.slug, row)),
    page,
    pages: Math.max(1, Math.ceil(total / PUBLIC_PAGE_SIZE)),
    total,
  };
}

export async function publicPost(ctx: ServiceContext, slug: string): Promise<PublicPost> {
  const org = orgOf(ctx);
  const row = await findPublishedPost(ctx.platform.db, org.id, slug);
  if (!row) throw notFound();
  return { ...presentPublicPostSummary(org.slug, row), bodyHtml: row.bodyHtml, organisationName: org.name };
}

/** A published post's image; a draft's image stays with the writers. */
export async function publicPostImage(ctx: ServiceContext, slug: string): Promise<StoredFile> {
  const org = orgOf(ctx);
  const row = await findPublishedPost(ctx.platform.db, org.id, slug);
  if (!row?.imageFileId) throw notFound();
  const file = await readFile(ctx.platform.db, org.id, row.imageFileId);
  if (!file) throw notFound();
  return file;
}

// ---------------------------------------------------------------- contact form

function contactSignature(secret: string, organisationId: string, issuedAtMs: number): string {
  return createHmac("sha256", secret)
    .update(`site-contact:${organisationId}:${issuedAtMs}`)
    .digest("base64url");
}

/** A form token: the moment the form was handed out, signed for this organisation. */
export function contactToken(ctx: ServiceContext): { token: string } {
  const org = orgOf(ctx);
  const issuedAt = ctx.platform.now().getTime();
  return { token: `${issuedAt}.${contactSignature(ctx.platform.env.SECRET_KEY, org.id, issuedAt)}` };
}

function issuedAtOf(ctx: ServiceContext, organisationId: string, token: string): number | null {
  const [issued, signature] = token.split(".");
  if (!issued || !signature || !/^\d{1,15}$/.test(issued)) return null;
  const issuedAt = Number(issued);
  const expected = contactSignature(ctx.platform.env.SECRET_KEY, organisationId, issuedAt);
  return safeEqual(signature, expected) ? issuedAt : null;
}

/** The client address as a keyed hash: enough to count messages, not enough to learn who sent them. */
function clientHashOf(ctx: ServiceContext): string {
  return createHmac("sha256", ctx.platform.env.SECRET_KEY)
    .update(`site-contact-client:${ctx.ip}`)
    .digest("hex");
}

/**
 * Sends a visitor's message to the organisation's inbox (Reply-To: the visitor) and, if she asks for it,
 * a copy to her. A filled honeypot is answered like a success and sends nothing, so a robot learns nothing.
 */
export async function sendContact(ctx: ServiceContext, input: ContactInput): Promise<{ ok: true }> {
  const org = orgOf(ctx);
  const now = ctx.platform.now();
  const issuedAt = issuedAtOf(ctx, org.id, input.token);
  if (issuedAt === null) throw new AppError("siteContactExpired", 400);
  const timing = checkContactTiming(issuedAt, now.getTime());
  if (timing === "tooFast") throw new AppError("siteContactTooFast", 400);
  if (timing === "expired") throw new AppError("siteContactExpired", 400);
  if (isRobot(input)) return { ok: true };

  const profile = await getPublicProfile(ctx);
  if (!profile.email) throw new AppError("siteContactUnavailable", 409);
  const inbox = profile.email;
  const clientHash = clientHashOf(ctx);
  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000);

  await ctx.platform.db.transaction(async (tx) => {
    const recent = await repo.countContactAttempts(tx, org.id, clientHash, hourAgo);
    if (recent.count >= contactRules.maxPerHour) {
      const freeAt = (recent.oldest?.getTime() ?? now.getTime()) + 60 * 60 * 1000;
      const seconds = Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
      throw new AppError("rateLimited", 429, { seconds });
    }
    await repo.deleteContactAttemptsBefore(tx, new Date(now.getTime() - 24 * 60 * 60 * 1000));
    await repo.insertContactAttempt(tx, { organisationId: org.id, clientHash, createdAt: now });

    const subject = input.subject || translator("de")("mail.siteContactNoSubject");
    const params = {
      name: org.name,
      organisation: org.name,
      subject,
      sender: input.name,
      email: input.email,
      message: input.message,
    };
    const toInbox = composeMail("de", "siteContact", params);
    await ctx.platform.mailer.queue(tx, {
      to: inbox,
      ...toInbox,
      organisationId: org.id,
      replyTo: input.email,
    });
    if (input.sendCopy) {
      const copy = composeMail(ctx.locale, "siteContactCopy", { ...params, name: input.name });
      await ctx.platform.mailer.queue(tx, {
        to: input.email,
        ...copy,
        organisationId: org.id,
        replyTo: inbox,
      });
    }
  });
  ctx.platform.mailer.kick();
  return { ok: true };
}
