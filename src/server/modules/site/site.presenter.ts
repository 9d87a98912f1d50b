import type {
  PublicPostSummary,
  SitePageDetail,
  SitePageSummary,
  SitePostDetail,
  SitePostSummary,
} from "../../../contracts/site";
import type { SitePageRow, SitePostRow } from "./site.repository";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function presentPageSummary(row: SitePageRow): SitePageSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status,
    showInMenu: row.showInMenu,
    menuPosition: row.menuPosition,
    publishedAt: iso(row.publishedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentPageDetail(row: SitePageRow, oldSlugs: string[]): SitePageDetail {
  return { ...presentPageSummary(row), description: row.description, bodyHtml: row.bodyHtml, oldSlugs };
}

export function presentPostSummary(row: SitePostRow): SitePostSummary {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    teaser: row.teaser,
    status: row.status,
    publishedAt: iso(row.publishedAt),
    hasImage: row.imageFileId !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentPostDetail(row: SitePostRow): SitePostDetail {
  return { ...presentPostSummary(row), bodyHtml: row.bodyHtml, imageAlt: row.imageAlt };
}

/**
 * The public address of a post's image. The file id in the query changes with every new image, so browsers
 * and link previews may keep an image as long as they like without showing an old one.
 */
export function publicImagePath(
  orgSlug: string,
  row: Pick<SitePostRow, "slug" | "imageFileId">,
): string | null {
  if (!row.imageFileId) return null;
  return `/api/public/orgs/${encodeURIComponent(orgSlug)}/site/posts/${encodeURIComponent(row.slug)}/image?v=${row.imageFileId.slice(0, 8)}`;
}

export function presentPublicPostSummary(orgSlug: string, row: SitePostRow): PublicPostSummary {
  return {
    slug: row.slug,
    title: row.title,
    teaser: row.teaser,
    publishedAt: (row.publishedAt ?? row.createdAt).toISOString(),
    imageUrl: publicImagePath(orgSlug, row),
    imageAlt: row.imageAlt,
  };
}
