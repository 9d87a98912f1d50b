import { z } from "zod";
import { contactRules } from "../core/site/contact";
import { siteHtmlPolicy } from "../core/site/html-policy";
import { siteSlugPattern } from "../core/site/slugs";
import { emailSchema, honeypotField, optionalText, orgParams, requiredText, uuidSchema } from "./common";

/** The organisation's public website: pages, news posts and the contact form. */

export const siteStatuses = ["draft", "published"] as const;
export type SiteStatus = (typeof siteStatuses)[number];

const siteSlug = z.string().trim().min(1).max(80).regex(siteSlugPattern, "v.slug");
const richText = z.string().max(siteHtmlPolicy.maxHtmlLength, "v.tooLong");

export const sitePageParams = orgParams.extend({ id: uuidSchema });
export const publicPageParams = orgParams.extend({ pageSlug: z.string().min(1).max(120) });
export const publicPostParams = orgParams.extend({ postSlug: z.string().min(1).max(120) });
export const pagedQuery = z.object({ page: z.coerce.number().int().min(1).max(1000).default(1) });

export const sitePageInput = z.object({
  title: requiredText(160),
  /** Left out when a page is created (made from the title); a new one keeps the old address as a redirect. */
  slug: siteSlug.optional(),
  description: optionalText(300),
  bodyHtml: richText,
  status: z.enum(siteStatuses),
  showInMenu: z.boolean(),
  menuPosition: z.number().int().min(0).max(999),
});
export type SitePageInput = z.infer<typeof sitePageInput>;

export const sitePageSummary = z.object({
  id: uuidSchema,
  slug: z.string(),
  title: z.string(),
  status: z.enum(siteStatuses),
  showInMenu: z.boolean(),
  menuPosition: z.number().int(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type SitePageSummary = z.infer<typeof sitePageSummary>;

export const sitePageDetail = sitePageSummary.extend({
  description: z.string(),
  bodyHtml: z.string(),
  /** Earlier addresses that lead here. */
  oldSlugs: z.array(z.string()),
});
export type SitePageDetail = z.infer<typeof sitePageDetail>;

export const sitePostInput = z.object({
  title: requiredText(160),
  slug: siteSlug.optional(),
  teaser: optionalText(400),
  bodyHtml: richText,
  status: z.enum(siteStatuses),
  imageAlt: optionalText(200),
});
export type SitePostInput = z.infer<typeof sitePostInput>;

export const sitePostSummary = z.object({
  id: uuidSchema,
  slug: z.string(),
  title: z.string(),
  teaser: z.string(),
  status: z.enum(siteStatuses),
  publishedAt: z.string().nullable(),
  hasImage: z.boolean(),
  updatedAt: z.string(),
});
export type SitePostSummary = z.infer<typeof sitePostSummary>;

export const sitePostDetail = sitePostSummary.extend({ bodyHtml: z.string(), imageAlt: z.string() });
export type SitePostDetail = z.infer<typeof sitePostDetail>;

export const sitePostList = z.object({
  items: z.array(sitePostSummary),
  page: z.number().int(),
  pages: z.number().int(),
  total: z.number().int(),
});
export type SitePostList = z.infer<typeof sitePostList>;

/** Post images: raw body, type recognised by the bytes (ADR 0004). */
export const siteImageContentTypes = ["image/jpeg", "image/png", "image/webp"] as const;
export const siteImageMaxBytes = 2 * 1024 * 1024;

export const siteMenuEntry = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("home") }),
  z.object({ kind: z.literal("page"), slug: z.string(), title: z.string() }),
  z.object({ kind: z.literal("dates") }),
  z.object({ kind: z.literal("news") }),
  z.object({ kind: z.literal("exhibition") }),
  z.object({ kind: z.literal("courses") }),
  z.object({ kind: z.literal("map") }),
  z.object({ kind: z.literal("contact") }),
]);

export const publicPostSummary = z.object({
  slug: z.string(),
  title: z.string(),
  teaser: z.string(),
  publishedAt: z.string(),
  /** Where the image is served, or null for a post without one. */
  imageUrl: z.string().nullable(),
  imageAlt: z.string(),
});
export type PublicPostSummary = z.infer<typeof publicPostSummary>;

export const publicPost = publicPostSummary.extend({ bodyHtml: z.string(), organisationName: z.string() });
export type PublicPost = z.infer<typeof publicPost>;

export const publicPostList = z.object({
  organisationName: z.string(),
  items: z.array(publicPostSummary),
  page: z.number().int(),
  pages: z.number().int(),
  total: z.number().int(),
});
export type PublicPostList = z.infer<typeof publicPostList>;

export const publicPage = z.object({
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  bodyHtml: z.string(),
  updatedAt: z.string(),
  organisationName: z.string(),
});
export type PublicPage = z.infer<typeof publicPage>;

/** What every public page of the organisation shows around its content: the menu and the latest news. */
export const publicSite = z.object({
  organisationName: z.string(),
  menu: z.array(siteMenuEntry),
  latestPosts: z.array(publicPostSummary),
  /** Whether the organisation has an inbox the contact form can reach. */
  hasContactForm: z.boolean(),
});
export type PublicSite = z.infer<typeof publicSite>;

export const contactToken = z.object({ token: z.string() });

export const contactInput = z.object({
  name: requiredText(contactRules.maxNameLength),
  email: emailSchema,
  subject: optionalText(contactRules.maxSubjectLength),
  message: requiredText(contactRules.maxMessageLength),
  sendCopy: z.boolean(),
  /** The signed moment the form was loaded; see core/site/contact.ts. */
  token: z.string().min(1).max(200),
  /** Hidden from people; a robot that fills it is politely ignored. */
  website: honeypotField,
});
export type ContactInput = z.infer<typeof contactInput>;

export const contactResponse = z.object({ ok: z.literal(true) });
