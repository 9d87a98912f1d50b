import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  type Answers,
  type SurveyDefinition,
  surveyAudiences,
  surveyStatuses,
  templateKeys,
} from "../../../contracts/surveys";
import { users } from "../identity/identity.tables";
import { organisations } from "../organisations/organisations.tables";

/**
 * A satisfaction survey of an organisation (ADR 0015): its questions, its audience and its state
 * (draft → open → closed). A new run points to the previous one for the comparison.
 */
export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    template: text("template", { enum: templateKeys }),
    definition: jsonb("definition").$type<SurveyDefinition>().notNull(),
    status: text("status", { enum: surveyStatuses }).notNull().default("draft"),
    audience: text("audience", { enum: surveyAudiences }).notNull(),
    /** The last day answers are taken; the daily job closes the survey after it. */
    closesOn: date("closes_on"),
    previousSurveyId: uuid("previous_survey_id").references((): AnyPgColumn => surveys.id, {
      onDelete: "set null",
    }),
    invitedCount: integer("invited_count").notNull().default(0),
    /** A counter, raised with each submission: the responses themselves carry nothing to count by. */
    responseCount: integer("response_count").notNull().default(0),
    /** Whether the job has sent the reminder a few days before closing (sent once). */
    isAutoReminded: boolean("is_auto_reminded").notNull().default(false),
    openedOn: date("opened_on"),
    closedOn: date("closed_on"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("surveys_org_idx").on(t.organisationId, t.createdAt)],
);

/**
 * One invited person of a survey: the hash of her single-use link and whether she has answered — a flag,
 * never a time, so that nothing can be lined up with the responses. The row says nothing about what she
 * answered.
 */
export const surveyInvitations = pgTable(
  "survey_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull(),
    /** The language the invitation was written in; the answer page opens in it. */
    locale: text("locale", { enum: ["de", "en"] }).notNull(),
    isCompleted: boolean("is_completed").notNull().default(false),
    reminderCount: integer("reminder_count").notNull().default(0),
  },
  (t) => [
    uniqueIndex("survey_invitations_token_idx").on(t.tokenHash),
    uniqueIndex("survey_invitations_person_idx").on(t.surveyId, t.userId),
    index("survey_invitations_user_idx").on(t.userId),
  ],
);

/**
 * One anonymous response: a random id, the day (not the time) and the answers — no person, no invitation,
 * no address. The rows of a survey are rewritten in random order with every submission, so that the
 * physical order of the table (what a plain SELECT or a dump shows) is not the order of arrival.
 */
export const surveyResponses = pgTable(
  "survey_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    surveyId: uuid("survey_id")
      .notNull()
      .references(() => surveys.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    answeredOn: date("answered_on").notNull(),
    answers: jsonb("answers").$type<Answers>().notNull(),
  },
  (t) => [index("survey_responses_survey_idx").on(t.surveyId)],
);
