import { sql } from "drizzle-orm";
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
import type { Question } from "../../../core/events/questions";
import type { Recurrence } from "../../../core/events/recurrence";
import { users } from "../identity/identity.tables";
import { organisations } from "../organisations/organisations.tables";

/** The stored shape of a place (contracts `placeInput`). */
export interface StoredPlace {
  name: string;
  street: string;
  postalCode: string;
  town: string;
  onlineUrl: string | null;
}

export const eventKinds = [
  "stammtisch",
  "networkingMeeting",
  "parentEvening",
  "specialistDay",
  "publicRelations",
  "boardMeeting",
  "generalMeeting",
  "other",
] as const;
export const eventAudiences = ["public", "members", "caregivers", "parents"] as const;
export const minutesVisibilities = ["organisers", "members", "audience"] as const;
export const registrationStatuses = ["confirmed", "waiting", "cancelled"] as const;

/**
 * A series is the template of its dates: every date exists as a row in `events` (ADR 0011), created up to a
 * year ahead and extended by a nightly job (`materialisedUntil`).
 */
export const eventSeries = pgTable(
  "event_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: eventKinds }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    audience: text("audience", { enum: eventAudiences }).notNull(),
    place: jsonb("place").$type<StoredPlace>().notNull(),
    organiserIds: jsonb("organiser_ids").$type<string[]>().notNull().default([]),
    recurrence: jsonb("recurrence").$type<Recurrence>().notNull(),
    from: text("from_time").notNull(),
    to: text("to_time").notNull(),
    exceptions: jsonb("exceptions").$type<string[]>().notNull().default([]),
    registrationEnabled: boolean("registration_enabled").notNull().default(false),
    capacity: integer("capacity"),
    guestsAllowed: boolean("guests_allowed").notNull().default(true),
    questions: jsonb("questions").$type<Question[]>().notNull().default([]),
    minutesVisibility: text("minutes_visibility", { enum: minutesVisibilities })
      .notNull()
      .default("organisers"),
    status: text("status", { enum: ["active", "ended"] })
      .notNull()
      .default("active"),
    cancelReason: text("cancel_reason"),
    materialisedUntil: date("materialised_until").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("event_series_org_idx").on(t.organisationId)],
);

/** One date: a single event or a date of a series (then `originalDate` is the series date it stands for). */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    seriesId: uuid("series_id").references(() => eventSeries.id, { onDelete: "cascade" }),
    originalDate: date("original_date"),
    /** Changed on its own: later changes of the series leave its fields alone. */
    isDetached: boolean("is_detached").notNull().default(false),
    kind: text("kind", { enum: eventKinds }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    audience: text("audience", { enum: eventAudiences }).notNull(),
    place: jsonb("place").$type<StoredPlace>().notNull(),
    /** From the postal code (offline GeoNames table): the centre of the postal code area. */
    lat: doublePrecision("lat"),
    lon: doublePrecision("lon"),
    organiserIds: jsonb("organiser_ids").$type<string[]>().notNull().default([]),
    /** Local (Europe/Berlin) day and wall times, and the instants they name. */
    date: date("date").notNull(),
    endDate: date("end_date").notNull(),
    from: text("from_time").notNull(),
    to: text("to_time").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: ["scheduled", "cancelled"] })
      .notNull()
      .default("scheduled"),
    cancelReason: text("cancel_reason"),
    registrationEnabled: boolean("registration_enabled").notNull().default(false),
    capacity: integer("capacity"),
    guestsAllowed: boolean("guests_allowed").notNull().default(true),
    questions: jsonb("questions").$type<Question[]>().notNull().default([]),
    minutesVisibility: text("minutes_visibility", { enum: minutesVisibilities })
      .notNull()
      .default("organisers"),
    agenda: text("agenda").notNull().default(""),
    minutes: text("minutes").notNull().default(""),
    /** Raised on every change; the calendar entry's SEQUENCE. */
    revision: integer("revision").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("events_org_starts_idx").on(t.organisationId, t.startsAt),
    uniqueIndex("events_series_date_idx")
      .on(t.seriesId, t.originalDate)
      .where(sql`${t.seriesId} is not null`),
  ],
);

/** A person who registers: a member with her account, or a guest known by name and e-mail. */
export const eventParticipants = pgTable(
  "event_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    /** A guest's mail language: that of the page of her latest registration (members have their account's). */
    locale: text("locale", { enum: ["de", "en"] })
      .notNull()
      .default("de"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("event_participants_org_user_idx")
      .on(t.organisationId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex("event_participants_org_guest_idx")
      .on(t.organisationId, sql`lower(${t.email})`)
      .where(sql`${t.userId} is null`),
  ],
);

export const eventRegistrations = pgTable(
  "event_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => eventParticipants.id, { onDelete: "cascade" }),
    status: text("status", { enum: registrationStatuses }).notNull(),
    bookedAt: timestamp("booked_at", { withTimezone: true, mode: "string" }).notNull(),
    sequence: integer("sequence").notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "string" }),
    endedBy: text("ended_by", { enum: ["participant", "staff"] }),
    endedReason: text("ended_reason"),
    answers: jsonb("answers").$type<Record<string, string | boolean>>().notNull().default({}),
    /** Ticked by the organisers: true came, false did not, null not yet. */
    attended: boolean("attended"),
    /** The reminder the day before was queued: never twice. */
    remindedAt: timestamp("reminded_at", { withTimezone: true }),
    /** A guest's own link to see and cancel the registration (SHA-256 of the token). */
    manageTokenHash: text("manage_token_hash").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("event_registrations_event_idx").on(t.eventId),
    index("event_registrations_participant_idx").on(t.participantId),
    uniqueIndex("event_registrations_active_idx")
      .on(t.eventId, t.participantId)
      .where(sql`${t.status} in ('confirmed', 'waiting')`),
  ],
);

/** A guest's request waiting for the click on the e-mailed link (single use, 48 hours). */
export const eventGuestRequests = pgTable(
  "event_guest_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    /** The language of the page she registered on; the participant row takes it when she confirms. */
    locale: text("locale", { enum: ["de", "en"] })
      .notNull()
      .default("de"),
    answers: jsonb("answers").$type<Record<string, string | boolean>>().notNull().default({}),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    registrationId: uuid("registration_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("event_guest_requests_event_idx").on(t.eventId)],
);
