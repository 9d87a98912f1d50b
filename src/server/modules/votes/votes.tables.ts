import {
  boolean,
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
  electorateKinds,
  majorityRules,
  optionKinds,
  resultVisibilities,
  secrecies,
  voteKinds,
  voteStatuses,
  voteWeightings,
} from "../../../contracts/votes";
import { events } from "../events/events.tables";
import { users } from "../identity/identity.tables";
import { organisations } from "../organisations/organisations.tables";

/** The result fixed at closing (ADR 0014): what the record, the mail and later reads show. */
export interface StoredResult {
  entitled: number;
  ballots: number;
  abstentions: number;
  participants: number;
  counts: Record<string, number>;
  quorumReached: boolean;
  passed: boolean | null;
  accepted: string[];
  elected: string[];
  substitutes: string[];
  lot: { drawnAt: string; tiedOptionIds: string[]; order: string[] } | null;
}

/** A motion or an election. */
export const votes = pgTable(
  "votes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: voteKinds }).notNull(),
    title: text("title").notNull(),
    text: text("text").notNull().default(""),
    status: text("status", { enum: voteStatuses }).notNull().default("draft"),
    optionKind: text("option_kind", { enum: optionKinds }).notNull(),
    maxChoices: integer("max_choices").notNull().default(1),
    allowAbstain: boolean("allow_abstain").notNull().default(true),
    electorate: text("electorate", { enum: electorateKinds }).notNull(),
    electorateUserIds: jsonb("electorate_user_ids").$type<string[]>().notNull().default([]),
    majority: text("majority", { enum: majorityRules }).notNull(),
    quorumPercent: integer("quorum_percent").notNull().default(0),
    resultVisibility: text("result_visibility", { enum: resultVisibilities }).notNull(),
    secrecy: text("secrecy", { enum: secrecies }).notNull(),
    /** A meeting: only members present there may vote. */
    eventId: uuid("event_id").references(() => events.id, { onDelete: "set null" }),
    opensAt: timestamp("opens_at", { withTimezone: true }),
    closesAt: timestamp("closes_at", { withTimezone: true }),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    seats: integer("seats").notNull().default(1),
    weighting: text("weighting", { enum: voteWeightings }).notNull().default("perParent"),
    nominationClosesAt: timestamp("nomination_closes_at", { withTimezone: true }),
    /** The result fixed at closing (with any lot); live results are computed from the counters. */
    result: jsonb("result").$type<StoredResult>(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("votes_org_idx").on(t.organisationId), index("votes_event_idx").on(t.eventId)],
);

/** An answer of a motion or a candidate of an election. */
export const voteOptions = pgTable(
  "vote_options",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    voteId: uuid("vote_id")
      .notNull()
      .references(() => votes.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    label: text("label").notNull(),
    role: text("role", { enum: ["yes", "no"] }),
    candidateUserId: uuid("candidate_user_id").references(() => users.id, { onDelete: "cascade" }),
    introduction: text("introduction").notNull().default(""),
  },
  (t) => [
    index("vote_options_vote_idx").on(t.voteId),
    uniqueIndex("vote_options_candidate_idx").on(t.voteId, t.candidateUserId),
  ],
);

/**
 * The electoral roll: who has voted (and who cast it, for a proxy). Deliberately without any time, id or
 * order column: it must not be joinable with the counters (ADR 0014).
 */
export const voteParticipations = pgTable(
  "vote_participations",
  {
    voteId: uuid("vote_id")
      .notNull()
      .references(() => votes.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    castByUserId: uuid("cast_by_user_id").notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.userId] })],
);

/** The ballot content of online votes as counters per option (weighted); no ballot row exists. */
export const voteTallies = pgTable(
  "vote_tallies",
  {
    voteId: uuid("vote_id")
      .notNull()
      .references(() => votes.id, { onDelete: "cascade" }),
    optionId: uuid("option_id")
      .notNull()
      .references(() => voteOptions.id, { onDelete: "cascade" }),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.optionId] })],
);

/** Per vote: online ballots cast and empty/abstaining ones (weighted). */
export const voteBallotCounts = pgTable("vote_ballot_counts", {
  voteId: uuid("vote_id")
    .primaryKey()
    .references(() => votes.id, { onDelete: "cascade" }),
  ballots: integer("ballots").notNull().default(0),
  abstentions: integer("abstentions").notNull().default(0),
});

/** A named vote: who chose what (exported as CSV). Secret votes never write here. */
export const voteNamedBallots = pgTable(
  "vote_named_ballots",
  {
    voteId: uuid("vote_id")
      .notNull()
      .references(() => votes.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull(),
    castByUserId: uuid("cast_by_user_id").notNull(),
    optionIds: jsonb("option_ids").$type<string[]>().notNull(),
    abstain: boolean("abstain").notNull(),
    weight: integer("weight").notNull().default(1),
    castAt: timestamp("cast_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.voteId, t.userId] })],
);

/** Paper ballots counted by hand, one row per count, with the counters' names. */
export const votePaperCounts = pgTable(
  "vote_paper_counts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    voteId: uuid("vote_id")
      .notNull()
      .references(() => votes.id, { onDelete: "cascade" }),
    ballots: integer("ballots").notNull(),
    abstentions: integer("abstentions").notNull(),
    counts: jsonb("counts").$type<Record<string, number>>().notNull(),
    counters: jsonb("counters").$type<string[]>().notNull(),
    enteredBy: uuid("entered_by").references(() => users.id, { onDelete: "set null" }),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("vote_paper_counts_vote_idx").on(t.voteId)],
);

/** Who is present at a meeting (an event), marked by herself or by the chair. */
export const voteMeetingPresence = pgTable(
  "vote_meeting_presence",
  {
    organisationId: uuid("organisation_id").notNull(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    markedBy: uuid("marked_by"),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] })],
);

/** A member's vote for one meeting, delegated to another member. */
export const voteProxies = pgTable(
  "vote_proxies",
  {
    organisationId: uuid("organisation_id").notNull(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    fromUserId: uuid("from_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    holderUserId: uuid("holder_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.fromUserId] }),
    index("vote_proxies_holder_idx").on(t.eventId, t.holderUserId),
  ],
);

/** The organisation's rules for votes: proxies allowed, and how many one person may hold. */
export const voteSettings = pgTable("vote_settings", {
  organisationId: uuid("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  proxiesAllowed: boolean("proxies_allowed").notNull().default(false),
  maxProxiesPerHolder: integer("max_proxies_per_holder").notNull().default(1),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
