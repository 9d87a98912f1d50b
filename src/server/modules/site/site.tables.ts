import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { files } from "../../platform/files/files.tables";
import { users } from "../identity/identity.tables";
import { organisations } from "../organisations/organisations.tables";

export const siteStatuses = ["draft", "published"] as const;
export const siteRedirectKinds = ["page", "post"] as const;

/** Pages the organisation writes for its public website ("Profil Kindertagespflege"). */
export const sitePages = pgTable(
  "site_pages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Made from the first title and kept; a changed slug leaves a row in site_redirects. */
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Always the sanitised HTML (site.html.ts); never what the browser sent. */
    bodyHtml: text("body_html").notNull().default(""),
    status: text("status", { enum: siteStatuses }).notNull().default("draft"),
    showInMenu: boolean("show_in_menu").notNull().default(true),
    menuPosition: integer("menu_position").notNull().default(0),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("site_pages_slug_idx").on(t.organisationId, t.slug)],
);

/** News posts: newest first on the website, with an optional image from the files table. */
export const sitePosts = pgTable(
  "site_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    teaser: text("teaser").notNull().default(""),
    bodyHtml: text("body_html").notNull().default(""),
    status: text("status", { enum: siteStatuses }).notNull().default("draft"),
    /** Set when the post is first published; the date shown and the order of the news. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    imageFileId: uuid("image_file_id").references(() => files.id, { onDelete: "set null" }),
    imageAlt: text("image_alt").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("site_posts_slug_idx").on(t.organisationId, t.slug),
    index("site_posts_published_idx")
      .on(t.organisationId, t.publishedAt.desc())
      .where(sql`${t.status} = 'published'`),
  ],
);

/** Earlier addresses of pages and posts, so that old links lead to the renamed page. */
export const siteRedirects = pgTable(
  "site_redirects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: siteRedirectKinds }).notNull(),
    slug: text("slug").notNull(),
    /** The page's or post's id; the row goes with it (deleted by the service in the same transaction). */
    targetId: uuid("target_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("site_redirects_slug_idx").on(t.organisationId, t.kind, t.slug),
    index("site_redirects_target_idx").on(t.targetId),
  ],
);

/**
 * One row per message sent through the contact form: the keyed hash of the client address and the time,
 * nothing of the message. Counts the messages per address and hour across every app server; rows older
 * than a day are removed when the next message arrives.
 */
export const siteContactAttempts = pgTable(
  "site_contact_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    clientHash: text("client_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("site_contact_attempts_client_idx").on(t.organisationId, t.clientHash, t.createdAt)],
);
