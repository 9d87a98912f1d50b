import { sql } from "drizzle-orm";
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
  contractStatuses,
  criterionFacts,
  historyActors,
  historyReasons,
  offerStatuses,
  placementStatuses,
} from "../../../contracts/placement";
import { type RunStats, roundStatuses, runPhases, runStatuses } from "../../../contracts/placement-rounds";
import type { CutOff } from "../../../core/placement/explain";
import type { CareTime } from "../../../core/placement/requests";
import { users } from "../identity/identity.tables";
import { organisations } from "../organisations/organisations.tables";

/** The organisation's allocation criteria (Kriterienkatalog); only published ones give points. */
export const placementCriteria = pgTable(
  "placement_criteria",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    fact: text("fact", { enum: criterionFacts }).notNull(),
    /** The question; empty for a fixed fact means the standard wording in the reader's language. */
    label: text("label").notNull().default(""),
    points: integer("points").notNull(),
    isPublished: boolean("is_published").notNull().default(false),
    /** The order the criteria were added in, which is the order parents read the questions in. */
    position: integer("position").notNull().generatedAlwaysAsIdentity(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("placement_criteria_org_idx").on(t.organisationId, t.position),
    // A fixed fact is weighed once; an organisation may ask as many questions of its own as it likes.
    uniqueIndex("placement_criteria_org_fact_idx")
      .on(t.organisationId, t.fact)
      .where(sql`${t.fact} <> 'custom'`),
  ],
);

/**
 * The catalogue's version: raised by every change of a criterion, so that a request's points can say under
 * which catalogue they were computed, and parents can see since when the criteria apply.
 */
export const placementCatalogues = pgTable("placement_catalogues", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  version: integer("version").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedByUserId: uuid("updated_by_user_id"),
});

/** A family's request for a day-care place (Bedarfsanmeldung / Vermittlungsauftrag). */
export const placementRequests = pgTable(
  "placement_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The parent's account, from the confirmation of her e-mail on; erasing the account erases the request. */
    parentUserId: uuid("parent_user_id").references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: placementStatuses }).notNull().default("unconfirmed"),
    childFirstName: text("child_first_name").notNull(),
    childBirthDate: date("child_birth_date").notNull(),
    wantedStart: date("wanted_start").notNull(),
    /** Sorted by day and start; day 1 = Monday, "HH:MM" (see core/placement/requests). */
    careTimes: jsonb("care_times").$type<CareTime[]>().notNull(),
    street: text("street").notNull(),
    postalCode: text("postal_code").notNull(),
    town: text("town").notNull(),
    /** The postal code's centre from the offline table: distances are measured from here. */
    lat: doublePrecision("lat").notNull(),
    lon: doublePrecision("lon").notNull(),
    maxDistanceKm: integer("max_distance_km").notNull(),
    /** Inclusion, allergies, diet and notes as encrypted JSON; only ever stored while the consent stands. */
    needsEncrypted: text("needs_encrypted"),
    needsConsentAt: timestamp("needs_consent_at", { withTimezone: true }),
    languages: text("languages").array().notNull().default([]),
    noPets: boolean("no_pets").notNull().default(false),
    wishes: text("wishes").notNull().default(""),
    /** The "yes" answers to the published criteria. */
    facts: text("facts").array().notNull().default([]),
    priorityPoints: integer("priority_points").notNull().default(0),
    criteriaVersion: integer("criteria_version").notNull().default(0),
    parentName: text("parent_name").notNull(),
    email: text("email").notNull(),
    phone: text("phone").notNull().default(""),
    /** The language of the form, for the mails about the request. */
    locale: text("locale", { enum: ["de", "en"] })
      .notNull()
      .default("de"),
    /** SHA-256 of the e-mailed confirmation link; cleared once used. */
    confirmationTokenHash: text("confirmation_token_hash"),
    confirmationExpiresAt: timestamp("confirmation_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("placement_requests_org_status_idx").on(t.organisationId, t.status, t.wantedStart),
    index("placement_requests_parent_idx").on(t.parentUserId),
    uniqueIndex("placement_requests_token_idx").on(t.confirmationTokenHash),
    index("placement_requests_expiry_idx").on(t.status, t.confirmationExpiresAt),
  ],
);

/** Every change of a request's status: who, when and why, so that waiting times and decisions can be explained. */
export const placementRequestEvents = pgTable(
  "placement_request_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    requestId: uuid("request_id")
      .notNull()
      .references(() => placementRequests.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    fromStatus: text("from_status", { enum: placementStatuses }),
    toStatus: text("to_status", { enum: placementStatuses }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorKind: text("actor_kind", { enum: historyActors }).notNull(),
    reason: text("reason", { enum: historyReasons }),
    note: text("note").notNull().default(""),
    /** The order of the changes, also for several in one instant (a confirmation opens the request at once). */
    position: integer("position").notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [index("placement_request_events_request_idx").on(t.requestId, t.position)],
);

/**
 * A caregiver the office suggested to the family of a request, and what the family made of her: when they
 * visited her and where she stands in their ranking. The caregiver lives in the caregivers module, which
 * placement reaches only through its queries, so `caregiver_id` carries no foreign key.
 */
export const placementSuggestions = pgTable(
  "placement_suggestions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => placementRequests.id, { onDelete: "cascade" }),
    caregiverId: uuid("caregiver_id").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    sentByUserId: uuid("sent_by_user_id"),
    /** The distance at the time of sending, rounded to 0.1 km: parents see this, never her point. */
    distanceKm: doublePrecision("distance_km").notNull(),
    /** 1 = the family's first choice; null = not ranked (they would not accept her, or have not said). */
    parentRank: integer("parent_rank"),
    visitedOn: date("visited_on"),
    visitNote: text("visit_note").notNull().default(""),
  },
  (t) => [uniqueIndex("placement_suggestions_request_caregiver_idx").on(t.requestId, t.caregiverId)],
);

/** An offer of one caregiver's place to the family; at most one open offer per request at a time. */
export const placementOffers = pgTable(
  "placement_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => placementRequests.id, { onDelete: "cascade" }),
    caregiverId: uuid("caregiver_id").notNull(),
    status: text("status", { enum: offerStatuses }).notNull().default("open"),
    start: date("start").notNull(),
    end: date("end"),
    careTimes: jsonb("care_times").$type<CareTime[]>().notNull(),
    settlingInEnd: date("settling_in_end").notNull(),
    /** After this the offer can no longer be accepted. */
    respondBy: timestamp("respond_by", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdByUserId: uuid("created_by_user_id"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The allocation round whose result this offer is; null for an offer made by hand. */
    roundId: uuid("round_id"),
  },
  (t) => [
    index("placement_offers_request_idx").on(t.requestId, t.createdAt),
    uniqueIndex("placement_offers_open_idx").on(t.requestId).where(sql`${t.status} = 'open'`),
  ],
);

/**
 * A care contract (Betreuungsvertrag): a child with a caregiver from a date, at weekly times. Contracts take
 * the caregiver's places from their start on; the capacity of the caregivers module is computed with them.
 */
export const careContracts = pgTable(
  "care_contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    caregiverId: uuid("caregiver_id").notNull(),
    requestId: uuid("request_id").references(() => placementRequests.id, { onDelete: "set null" }),
    childFirstName: text("child_first_name").notNull(),
    childBirthDate: date("child_birth_date").notNull(),
    start: date("start").notNull(),
    /** Last day of care, inclusive; null = open-ended. */
    end: date("end"),
    careTimes: jsonb("care_times").$type<CareTime[]>().notNull(),
    settlingInEnd: date("settling_in_end").notNull(),
    status: text("status", { enum: contractStatuses }).notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("care_contracts_caregiver_idx").on(t.organisationId, t.caregiverId, t.start)],
);

/**
 * An allocation round (Vergaberunde): requests wanting to start by `latest_wanted_start` compete for the
 * places free from `start_date`; families rank and caregivers review until the deadline. One open round per
 * organisation at a time, so that a request is never in two rounds at once.
 */
export const allocationRounds = pgTable(
  "allocation_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    status: text("status", { enum: roundStatuses }).notNull().default("open"),
    startDate: date("start_date").notNull(),
    latestWantedStart: date("latest_wanted_start").notNull(),
    /** Families rank and caregivers review until the end of this day. */
    deadline: date("deadline").notNull(),
    /** The office ended the ranking before the deadline. */
    rankingClosedAt: timestamp("ranking_closed_at", { withTimezone: true }),
    previousRoundId: uuid("previous_round_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdByUserId: uuid("created_by_user_id"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedByUserId: uuid("published_by_user_id"),
    respondBy: date("respond_by"),
  },
  (t) => [
    index("allocation_rounds_org_idx").on(t.organisationId, t.createdAt),
    uniqueIndex("allocation_rounds_one_open_idx").on(t.organisationId).where(sql`${t.status} = 'open'`),
  ],
);

/**
 * A caregiver's own order of the children in a round, kept only where it deviates from the criteria, with
 * her reason: the deviation is allowed, and recorded.
 */
export const allocationRoundOrders = pgTable(
  "allocation_round_orders",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => allocationRounds.id, { onDelete: "cascade" }),
    caregiverId: uuid("caregiver_id").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    requestIds: uuid("request_ids").array().notNull(),
    reason: text("reason").notNull(),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull(),
    savedByUserId: uuid("saved_by_user_id"),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.caregiverId] })],
);

/** One run of a round's algorithm; its progress is read by the office while it works. */
export const allocationRoundRuns = pgTable(
  "allocation_round_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => allocationRounds.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    status: text("status", { enum: runStatuses }).notNull().default("running"),
    phase: text("phase", { enum: runPhases }).notNull().default("loading"),
    progress: doublePrecision("progress").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    startedByUserId: uuid("started_by_user_id"),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** SHA-256 of the instance the run solved: publishing checks the data still gives the same instance. */
    fingerprint: text("fingerprint"),
    stats: jsonb("stats").$type<RunStats>(),
    blockingPairs: jsonb("blocking_pairs").$type<[string, string][]>(),
    error: text("error"),
  },
  (t) => [index("allocation_round_runs_round_idx").on(t.roundId, t.startedAt)],
);

/** A run's result for one request: the caregiver (or none) and why not the ones the family ranked higher. */
export const allocationRoundResults = pgTable(
  "allocation_round_results",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => allocationRoundRuns.id, { onDelete: "cascade" }),
    requestId: uuid("request_id")
      .notNull()
      .references(() => placementRequests.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").notNull(),
    caregiverId: uuid("caregiver_id"),
    /** 1 = the family's first choice among the caregivers it could take. */
    choice: integer("choice"),
    distanceKm: doublePrecision("distance_km"),
    rankedCount: integer("ranked_count").notNull().default(0),
    ageMonthsAtStart: integer("age_months_at_start").notNull(),
    /** The first caregivers ranked above the result (at most 10), with why the request did not get them. */
    cutOffs: jsonb("cut_offs").$type<CutOff[]>().notNull(),
    /** How many caregivers the request ranked above its result (for a child nobody could take: those listed). */
    cutOffTotal: integer("cut_off_total").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.runId, t.requestId] })],
);
