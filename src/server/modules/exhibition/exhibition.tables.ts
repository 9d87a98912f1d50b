import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { files } from "../../platform/files/files.tables";
import { users } from "../identity/identity.tables";
import { organisations } from "../organisations/organisations.tables";

export const consentScopeValues = ["online", "print", "press"] as const;
export const consentGiverValues = ["self", "guardian"] as const;

/** A photo exhibition of the organisation ("Vielfalt der Kindertagespflege"), with a stable public address. */
export const exhibitions = pgTable(
  "exhibitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** Made from the first title and kept, so that printed links and QR codes keep working. */
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    isPublished: boolean("is_published").notNull().default(false),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [uniqueIndex("exhibitions_slug_idx").on(t.organisationId, t.slug)],
);

/**
 * A photo of an exhibition. Only the processed images are kept (no original, no metadata); the service
 * deletes both files with the photo. `is_published` is the staff's wish; the public sees a photo only
 * while its consents also hold (checked at every read).
 */
export const exhibitionPhotos = pgTable(
  "exhibition_photos",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    exhibitionId: uuid("exhibition_id")
      .notNull()
      .references(() => exhibitions.id, { onDelete: "cascade" }),
    caption: text("caption").notNull().default(""),
    altText: text("alt_text").notNull(),
    credit: text("credit").notNull().default(""),
    position: integer("position").notNull().default(0),
    isPublished: boolean("is_published").notNull().default(false),
    noIdentifiablePeople: boolean("no_identifiable_people").notNull().default(false),
    imageFileId: uuid("image_file_id")
      .notNull()
      .references(() => files.id),
    thumbFileId: uuid("thumb_file_id")
      .notNull()
      .references(() => files.id),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    updatedByUserId: uuid("updated_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("exhibition_photos_exhibition_idx").on(t.exhibitionId, t.position)],
);

/**
 * The consent of one person shown on a photo. Personal data (often of a child): only the staff who manage
 * the exhibition see it; it goes with the photo.
 */
export const exhibitionConsents = pgTable(
  "exhibition_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    photoId: uuid("photo_id")
      .notNull()
      .references(() => exhibitionPhotos.id, { onDelete: "cascade" }),
    personName: text("person_name").notNull(),
    givenBy: text("given_by", { enum: consentGiverValues }).notNull(),
    /** The parent or guardian who signed for a child. */
    guardianName: text("guardian_name").notNull().default(""),
    givenOn: date("given_on", { mode: "string" }).notNull(),
    scopes: text("scopes", { enum: consentScopeValues }).array().notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawalReason: text("withdrawal_reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("exhibition_consents_photo_idx").on(t.photoId, t.createdAt)],
);
