import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { audienceKinds } from "../../../contracts/announcements";
import { users } from "../identity/identity.tables";
import { organisations } from "../organisations/organisations.tables";

/** An announcement of the board or the coordination office to a group of the organisation's people. */
export const announcements = pgTable(
  "announcements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    isEssential: boolean("is_essential").notNull().default(false),
    audience: text("audience", { enum: audienceKinds }).notNull(),
    /** For the parents of one day-care person's children: her account. */
    caregiverUserId: uuid("caregiver_user_id").references(() => users.id, { onDelete: "set null" }),
    recipientCount: integer("recipient_count").notNull(),
    mailCount: integer("mail_count").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("announcements_org_created_idx").on(t.organisationId, t.createdAt)],
);

/**
 * Who received an announcement, fixed when it is sent: someone who joins the group later does not see
 * older announcements addressed to others, and the unread badge counts these rows.
 */
export const announcementRecipients = pgTable(
  "announcement_recipients",
  {
    announcementId: uuid("announcement_id")
      .notNull()
      .references(() => announcements.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    isMailed: boolean("is_mailed").notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.announcementId, t.userId] }),
    index("announcement_recipients_unread_idx")
      .on(t.organisationId, t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);

/** A person's choice, per organisation, to get no mail for announcements that are not essential. */
export const announcementMailSettings = pgTable(
  "announcement_mail_settings",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    isNonEssentialMailOff: boolean("is_non_essential_mail_off").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("announcement_mail_settings_idx").on(t.organisationId, t.userId)],
);
