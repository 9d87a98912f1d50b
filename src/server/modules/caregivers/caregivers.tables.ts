import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { CapacitySlot } from "../../../core/caregivers/capacity";
import { files } from "../../platform/files/files.tables";
import { users } from "../identity/identity.tables";
import { organisations } from "../organisations/organisations.tables";

/** A day-care person (Kindertagespflegeperson) as registered by one organisation. */
export const caregivers = pgTable(
  "caregivers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The person's account, once she has one; her own view of the registry follows from it. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    email: text("email"),
    phone: text("phone"),
    street: text("street"),
    postalCode: text("postal_code").notNull(),
    town: text("town").notNull(),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    locationPrecision: text("location_precision", { enum: ["postalCode", "manual"] }),
    employment: text("employment", { enum: ["selfEmployed", "employed"] })
      .notNull()
      .default("selfEmployed"),
    languages: text("languages").array().notNull().default([]),
    hasPets: boolean("has_pets").notNull().default(false),
    petsNote: text("pets_note").notNull().default(""),
    meals: text("meals").notNull().default(""),
    pedagogy: text("pedagogy").notNull().default(""),
    hasInclusionExperience: boolean("has_inclusion_experience").notNull().default(false),
    ageMinMonths: integer("age_min_months").notNull().default(0),
    ageMaxMonths: integer("age_max_months").notNull().default(36),
    careGroupName: text("care_group_name"),
    hasPhotoConsent: boolean("has_photo_consent").notNull().default(false),
    /** Her photo, only while she consents: withdrawing the consent deletes it in the same transaction. */
    photoFileId: uuid("photo_file_id").references(() => files.id, { onDelete: "set null" }),
    status: text("status", { enum: ["active", "paused", "left"] })
      .notNull()
      .default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The registry page in name order with its total (a window count over every match): carrying the listed
    // columns in the index lets PostgreSQL answer from the index alone, without visiting each row.
    index("caregivers_org_name_idx").on(
      t.organisationId,
      t.lastName,
      t.firstName,
      t.id,
      t.town,
      t.postalCode,
      t.employment,
      t.status,
    ),
    index("caregivers_user_idx").on(t.userId),
  ],
);

/** Pflegeerlaubnis (§ 43 SGB VIII). Several per person over the years; the current one is the latest. */
export const careLicences = pgTable(
  "care_licences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    caregiverId: uuid("caregiver_id")
      .notNull()
      .references(() => caregivers.id, { onDelete: "cascade" }),
    number: text("number").notNull(),
    issuer: text("issuer").notNull(),
    validFrom: date("valid_from").notNull(),
    validTo: date("valid_to").notNull(),
    maxChildren: integer("max_children").notNull(),
    conditions: text("conditions").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("care_licences_caregiver_idx").on(t.caregiverId, t.validTo)],
);

/** Places per weekday time range from a date on; a later profile replaces an earlier one from its date. */
export const capacityProfiles = pgTable(
  "capacity_profiles",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    caregiverId: uuid("caregiver_id")
      .notNull()
      .references(() => caregivers.id, { onDelete: "cascade" }),
    effectiveFrom: date("effective_from").notNull(),
    slots: jsonb("slots").$type<CapacitySlot[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("capacity_profiles_caregiver_from_idx").on(t.caregiverId, t.effectiveFrom)],
);

/** Completed qualifications and checks; deadlines follow from them and the organisation's rules. */
export const qualifications = pgTable(
  "qualifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    caregiverId: uuid("caregiver_id")
      .notNull()
      .references(() => caregivers.id, { onDelete: "cascade" }),
    kind: text("kind", {
      enum: ["qhbPhase1", "qhbPhase2", "firstAid", "infectionProtection", "criminalRecordCheck", "other"],
    }).notNull(),
    title: text("title").notNull().default(""),
    completedOn: date("completed_on").notNull(),
    /** Criminal-record check only: whether a relevant entry exists. The document itself is never stored. */
    hasRelevantEntry: boolean("has_relevant_entry"),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("qualifications_caregiver_idx").on(t.caregiverId, t.kind)],
);

/** A member's opt-in entry on an association's public map; only the fuzzed point is ever stored. */
export const mapEntries = pgTable(
  "map_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    postalCode: text("postal_code").notNull(),
    town: text("town").notNull(),
    contactUrl: text("contact_url"),
    lat: doublePrecision("lat").notNull(),
    lon: doublePrecision("lon").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("map_entries_org_user_idx").on(t.organisationId, t.userId)],
);
