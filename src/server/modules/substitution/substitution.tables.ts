import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  absenceKinds,
  careNotesConsentBy,
  coverKinds,
  coverStatuses,
  parentAnswers,
} from "../../../contracts/substitution";
import type { CareTime } from "../../../core/placement/requests";
import type { CoverCheckProblem } from "../../../core/substitution/types";
import { caregivers } from "../caregivers/caregivers.tables";
import { organisations } from "../organisations/organisations.tables";
import { careContracts } from "../placement/placement.tables";

/** Why a confirmed cover was moved, and who or which Kita held it before. */
export interface LostCover {
  reason: "coverAbsent" | "kitaArchived";
  caregiverId: string | null;
  kitaId: string | null;
}

/** The organisation's substitution rules; without a row the defaults apply. */
export const substitutionSettings = pgTable("substitution_settings", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  familiarityVisits: integer("familiarity_visits").notNull().default(3),
  tandemsMayConfirm: boolean("tandems_may_confirm").notNull().default(false),
  maxDistanceKm: integer("max_distance_km").notNull().default(15),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A registry caregiver the office employs as substitute, with the hours of her employment. */
export const substitutionSubstitutes = pgTable(
  "substitution_substitutes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    caregiverId: uuid("caregiver_id")
      .notNull()
      .references(() => caregivers.id, { onDelete: "cascade" }),
    hoursPerMonth: integer("hours_per_month").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("substitution_substitutes_caregiver_idx").on(t.caregiverId)],
);

/** A cooperating Kita that takes children for a day when nobody of the registry can. */
export const substitutionKitas = pgTable(
  "substitution_kitas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    contact: text("contact").notNull().default(""),
    street: text("street").notNull(),
    postalCode: text("postal_code").notNull(),
    town: text("town").notNull(),
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    places: integer("places").notNull(),
    ageMinMonths: integer("age_min_months").notNull(),
    ageMaxMonths: integer("age_max_months").notNull(),
    hours: jsonb("hours").$type<CareTime[]>().notNull(),
    /**
     * Deleting a Kita archives it: covers it took keep its name for history and reports, while setup lists
     * and proposals no longer see it.
     */
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("substitution_kitas_org_idx").on(t.organisationId, t.name)],
);

/**
 * A caregiver's arrangement. Tandems are symmetric: the service writes both partners' rows. Partner and
 * substitute ids are caregiver ids of the same organisation.
 */
export const substitutionArrangements = pgTable(
  "substitution_arrangements",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    caregiverId: uuid("caregiver_id")
      .notNull()
      .references(() => caregivers.id, { onDelete: "cascade" }),
    tandemPartnerIds: uuid("tandem_partner_ids").array().notNull().default([]),
    substituteIds: uuid("substitute_ids").array().notNull().default([]),
    kitaId: uuid("kita_id").references(() => substitutionKitas.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.caregiverId] })],
);

/** A play-group date hosted by a caregiver or substitute; attendance makes children know the host. */
export const substitutionPlayGroups = pgTable(
  "substitution_play_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    hostCaregiverId: uuid("host_caregiver_id")
      .notNull()
      .references(() => caregivers.id, { onDelete: "cascade" }),
    on: date("on").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("substitution_play_groups_org_idx").on(t.organisationId, t.on)],
);

export const substitutionPlayGroupChildren = pgTable(
  "substitution_play_group_children",
  {
    playGroupId: uuid("play_group_id")
      .notNull()
      .references(() => substitutionPlayGroups.id, { onDelete: "cascade" }),
    /** A care contract of the placement module (no foreign key across modules). */
    contractId: uuid("contract_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.playGroupId, t.contractId] })],
);

/** A caregiver's absence; each day applies `day_from`–`day_to` when given (part days). */
export const substitutionAbsences = pgTable(
  "substitution_absences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    caregiverId: uuid("caregiver_id")
      .notNull()
      .references(() => caregivers.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: absenceKinds }).notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    dayFrom: integer("day_from"),
    dayTo: integer("day_to"),
    note: text("note").notNull().default(""),
    status: text("status", { enum: ["active", "cancelled"] })
      .notNull()
      .default("active"),
    reportedByUserId: uuid("reported_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("substitution_absences_org_idx").on(t.organisationId, t.startsOn),
    index("substitution_absences_caregiver_idx").on(t.caregiverId, t.startsOn),
  ],
);

/** One child on one day cared for by someone else (or still open). */
export const substitutionCovers = pgTable(
  "substitution_covers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    absenceId: uuid("absence_id")
      .notNull()
      .references(() => substitutionAbsences.id, { onDelete: "cascade" }),
    contractId: uuid("contract_id").notNull(),
    day: date("day").notNull(),
    /** The child's care that day as [from, to] minutes, clipped to the absence's part-day window. */
    ranges: jsonb("ranges").$type<[number, number][]>().notNull(),
    status: text("status", { enum: coverStatuses }).notNull(),
    coverKind: text("cover_kind", { enum: coverKinds }),
    coverCaregiverId: uuid("cover_caregiver_id").references(() => caregivers.id, { onDelete: "set null" }),
    kitaId: uuid("kita_id").references(() => substitutionKitas.id, { onDelete: "set null" }),
    /** The child knew the covering person (play-group contacts) when the cover was proposed or chosen. */
    isKnown: boolean("is_known").notNull().default(false),
    distanceKm: doublePrecision("distance_km"),
    extraDistanceKm: doublePrecision("extra_distance_km"),
    problem: jsonb("problem").$type<CoverCheckProblem>(),
    /**
     * Set when a confirmed cover lost its place (the covering person became absent herself, or the Kita was
     * archived) and was proposed again: the board asks the coordinator to confirm it again. Cleared on
     * confirmation.
     */
    lostCover: jsonb("lost_cover").$type<LostCover>(),
    parentAnswer: text("parent_answer", { enum: parentAnswers }),
    parentAnsweredAt: timestamp("parent_answered_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    confirmedByUserId: uuid("confirmed_by_user_id"),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("substitution_covers_absence_contract_day_idx").on(t.absenceId, t.contractId, t.day),
    index("substitution_covers_org_day_idx").on(t.organisationId, t.day),
    index("substitution_covers_caregiver_day_idx").on(t.coverCaregiverId, t.day),
    index("substitution_covers_contract_idx").on(t.contractId, t.day),
  ],
);

/**
 * Care notes for a substitute (issue 7: "allergies only where the parents consented"): what the person
 * covering a child must know, kept only for substitution and only with the parents' consent, given on their
 * page or on paper to the office. One encrypted JSON (allergies, diet, notes) like the placement needs;
 * withdrawing deletes the row, and the row goes with its contract.
 */
export const substitutionCareNotes = pgTable("substitution_care_notes", {
  contractId: uuid("contract_id")
    .primaryKey()
    .references(() => careContracts.id, { onDelete: "cascade" }),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" }),
  notesEncrypted: text("notes_encrypted").notNull(),
  consentAt: timestamp("consent_at", { withTimezone: true }).notNull(),
  /** "parent": ticked on her page; "office": the office recorded the parents' written consent. */
  consentBy: text("consent_by", { enum: careNotesConsentBy }).notNull(),
  updatedByUserId: uuid("updated_by_user_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
