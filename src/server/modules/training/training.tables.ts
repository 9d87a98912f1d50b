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
import type { AssessmentKind } from "../../../core/training/catalogue";
import { COURSE_CATEGORIES } from "../../../core/training/catalogue";
import { files } from "../../platform/files/files.tables";
import { users } from "../identity/identity.tables";
import { organisations } from "../organisations/organisations.tables";

/**
 * Units (UE of 45 minutes) are stored as double precision: they are multiples of 0.5 (ADR 0008), which binary
 * floating point holds exactly, and the rules in core/training compute on them without a decimal type.
 */

export const courseStatuses = ["draft", "published", "cancelled"] as const;
/** Who sees a run in the catalogue and may book it; "public" also lets guests book with e-mail confirmation. */
export const courseAudiences = ["public", "members", "caregivers"] as const;
export const bookingStatuses = ["confirmed", "waiting", "cancelled", "movedOut"] as const;
export const bookingActors = ["participant", "staff"] as const;
export const attendanceStatuses = ["present", "excused", "absent"] as const;
export const assessmentKinds = ["phaseAssessment", "colloquium"] as const satisfies readonly AssessmentKind[];
export const placeKinds = ["kita", "dayCare"] as const;
export const certificateStatuses = ["issued", "superseded", "revoked"] as const;
export const externalStatuses = ["pending", "accepted", "rejected"] as const;

/** One run of a course (ADR 0008: "course" = run); runs of one offer share `seriesId`. */
export const trainingCourses = pgTable(
  "training_courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    seriesId: uuid("series_id").notNull(),
    category: text("category", { enum: COURSE_CATEGORIES }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    /** Materials, what to bring, reading: plain text with links. */
    materials: text("materials").notNull().default(""),
    audience: text("audience", { enum: courseAudiences }).notNull().default("members"),
    status: text("status", { enum: courseStatuses }).notNull().default("draft"),
    units: doublePrecision("units").notNull(),
    practiceKitaHours: doublePrecision("practice_kita_hours").notNull().default(0),
    practiceDayCareHours: doublePrecision("practice_day_care_hours").notNull().default(0),
    validityMonths: integer("validity_months"),
    minAttendancePercent: integer("min_attendance_percent").notNull(),
    assessments: jsonb("assessments").$type<AssessmentKind[]>().notNull().default([]),
    countsTowardsObligation: boolean("counts_towards_obligation").notNull(),
    isRefresher: boolean("is_refresher").notNull().default(false),
    capacity: integer("capacity").notNull(),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    cancellationDays: integer("cancellation_days").notNull().default(7),
    /** Fee per participant in cents; 0 when free of charge. */
    feeCents: integer("fee_cents").notNull().default(0),
    /** Trainers from outside the organisation, as printed on the certificate ("Dr. A. Beispiel"). */
    externalTrainers: text("external_trainers").notNull().default(""),
    cancelledReason: text("cancelled_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_courses_org_start_idx").on(t.organisationId, t.startsOn),
    index("training_courses_series_idx").on(t.seriesId),
  ],
);

/** Members of the organisation who teach a run: they mark its attendance. */
export const trainingCourseTrainers = pgTable(
  "training_course_trainers",
  {
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId] }),
    index("training_course_trainers_user_idx").on(t.userId),
  ],
);

/** A dated session: `from`/`to` "HH:MM" local time, `to` exclusive; a room, an online link or both. */
export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id, { onDelete: "cascade" }),
    date: date("date").notNull(),
    from: text("from_time").notNull(),
    to: text("to_time").notNull(),
    units: doublePrecision("units").notNull(),
    place: text("place").notNull().default(""),
    onlineUrl: text("online_url"),
    /** Raised on every change, so that calendar apps replace the event (iCal SEQUENCE). */
    revision: integer("revision").notNull().default(0),
  },
  (t) => [index("training_sessions_course_idx").on(t.courseId, t.date, t.from)],
);

/**
 * Who takes part: a member (with her account) or a guest known only by name and e-mail. Bookings,
 * attendance and certificates point here, so a guest's certificate needs no account.
 */
export const trainingParticipants = pgTable(
  "training_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    /** As printed on certificates; for members copied from the account when they book. */
    name: text("name").notNull(),
    email: text("email").notNull(),
    /**
     * A guest's mail language, from the page she booked on (she has no account to keep it); members' mails
     * follow their account's language instead.
     */
    locale: text("locale", { enum: ["de", "en"] })
      .notNull()
      .default("de"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("training_participants_org_user_idx")
      .on(t.organisationId, t.userId)
      .where(sql`${t.userId} is not null`),
    uniqueIndex("training_participants_org_guest_idx")
      .on(t.organisationId, sql`lower(${t.email})`)
      .where(sql`${t.userId} is null`),
  ],
);

export const trainingBookings = pgTable(
  "training_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id, { onDelete: "cascade" }),
    seriesId: uuid("series_id").notNull(),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => trainingParticipants.id, { onDelete: "cascade" }),
    status: text("status", { enum: bookingStatuses }).notNull(),
    bookedAt: timestamp("booked_at", { withTimezone: true, mode: "string" }).notNull(),
    sequence: integer("sequence").notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true, mode: "string" }),
    endedBy: text("ended_by", { enum: bookingActors }),
    /** Staff's reason when they cancelled or moved the booking; shown to the participant. */
    endedReason: text("ended_reason"),
    movedToCourseId: uuid("moved_to_course_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_bookings_course_idx").on(t.courseId),
    index("training_bookings_participant_idx").on(t.participantId),
    // ADR 0008: one active booking per participant and run, and one per series.
    uniqueIndex("training_bookings_active_run_idx")
      .on(t.courseId, t.participantId)
      .where(sql`${t.status} in ('confirmed', 'waiting')`),
    uniqueIndex("training_bookings_active_series_idx")
      .on(t.seriesId, t.participantId)
      .where(sql`${t.status} in ('confirmed', 'waiting')`),
  ],
);

/** A guest's booking before the e-mailed link is clicked: it holds no place and no waiting position. */
export const trainingGuestRequests = pgTable(
  "training_guest_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email").notNull(),
    /** The language of the page she asked on; the participant row takes it when she confirms. */
    locale: text("locale", { enum: ["de", "en"] })
      .notNull()
      .default("de"),
    /** SHA-256 of the single-use link token. */
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    bookingId: uuid("booking_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("training_guest_requests_course_idx").on(t.courseId)],
);

export const trainingAttendance = pgTable(
  "training_attendance",
  {
    organisationId: uuid("organisation_id").notNull(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => trainingParticipants.id, { onDelete: "cascade" }),
    status: text("status", { enum: attendanceStatuses }).notNull(),
    lateUnits: doublePrecision("late_units").notNull().default(0),
    earlyLeaveUnits: doublePrecision("early_leave_units").notNull().default(0),
    recordedByUserId: uuid("recorded_by_user_id"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.participantId] })],
);

/** Results of assessments; failed attempts stay recorded, one pass is enough (ADR 0008). */
export const trainingAssessments = pgTable(
  "training_assessments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => trainingParticipants.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: assessmentKinds }).notNull(),
    passed: boolean("passed").notNull(),
    on: date("on_date").notNull(),
    recordedByUserId: uuid("recorded_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("training_assessments_course_idx").on(t.courseId, t.participantId)],
);

/** Practice hours (QHB phase 1) per place, counted once the place has confirmed them. */
export const trainingPracticeEntries = pgTable(
  "training_practice_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => trainingCourses.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => trainingParticipants.id, { onDelete: "cascade" }),
    placeKind: text("place_kind", { enum: placeKinds }).notNull(),
    placeName: text("place_name").notNull(),
    from: date("from_date").notNull(),
    to: date("to_date").notNull(),
    hours: doublePrecision("hours").notNull(),
    confirmedOn: date("confirmed_on"),
    /** Who at the place confirmed the hours (name as on the paper confirmation). */
    confirmedBy: text("confirmed_by"),
    recordedByUserId: uuid("recorded_by_user_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("training_practice_course_idx").on(t.courseId, t.participantId)],
);

/**
 * Certificates issued by the organisation. What is printed is stored as it was printed (name, title, dates),
 * so a later change of the course or account never changes an issued certificate.
 */
export const trainingCertificates = pgTable(
  "training_certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => trainingParticipants.id, { onDelete: "cascade" }),
    courseId: uuid("course_id").references(() => trainingCourses.id, { onDelete: "set null" }),
    category: text("category", { enum: COURSE_CATEGORIES }).notNull(),
    participantName: text("participant_name").notNull(),
    courseTitle: text("course_title").notNull(),
    units: doublePrecision("units").notNull(),
    /** First and last session day, as printed. */
    startedOn: date("started_on").notNull(),
    completedOn: date("completed_on").notNull(),
    validUntil: date("valid_until"),
    countsTowardsObligation: boolean("counts_towards_obligation").notNull(),
    /** Crockford base 32 with check character, stored without separators (core/training/certificates). */
    verificationCode: text("verification_code").notNull().unique(),
    status: text("status", { enum: certificateStatuses }).notNull().default("issued"),
    replacesId: uuid("replaces_id"),
    /** Why staff withdrew a certificate issued in error; shown in the lists and on the verification page. */
    revokedReason: text("revoked_reason"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    issuedByUserId: uuid("issued_by_user_id"),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("training_certificates_participant_idx").on(t.participantId, t.category),
    index("training_certificates_org_valid_idx").on(t.organisationId, t.validUntil),
  ],
);

/** Certificates from other providers a day-care person uploads; they count once a coordinator accepts them. */
export const trainingExternalCertificates = pgTable(
  "training_external_certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    participantId: uuid("participant_id")
      .notNull()
      .references(() => trainingParticipants.id, { onDelete: "cascade" }),
    category: text("category", { enum: COURSE_CATEGORIES }).notNull(),
    provider: text("provider").notNull(),
    title: text("title").notNull(),
    units: doublePrecision("units").notNull(),
    completedOn: date("completed_on").notNull(),
    fileId: uuid("file_id").references(() => files.id, { onDelete: "set null" }),
    status: text("status", { enum: externalStatuses }).notNull().default("pending"),
    reviewedOn: date("reviewed_on"),
    reviewedByUserId: uuid("reviewed_by_user_id"),
    validUntil: date("valid_until"),
    countsTowardsObligation: boolean("counts_towards_obligation").notNull().default(true),
    rejectionReason: text("rejection_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("training_external_participant_idx").on(t.participantId, t.status)],
);

/** A personal calendar feed of booked sessions: the URL's secret token, stored as its SHA-256, revocable. */
export const trainingCalendarFeeds = pgTable("training_calendar_feeds", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Reminders sent before a certificate lapses, one row per certificate and stage, so none is sent twice. */
export const trainingCertificateReminders = pgTable(
  "training_certificate_reminders",
  {
    certificateKey: text("certificate_key").notNull(),
    stage: integer("stage").notNull(),
    organisationId: uuid("organisation_id").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.certificateKey, t.stage] })],
);
