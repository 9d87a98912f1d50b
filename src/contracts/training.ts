import { z } from "zod";
import { COURSE_CATEGORIES } from "../core/training/catalogue";
import {
  emailSchema,
  honeypotField,
  httpUrlSchema,
  isoDateSchema,
  optionalText,
  orgIdParams,
  requiredText,
  uuidSchema,
} from "./common";

/**
 * Training catalogue and booking (issue 4, ADR 0008). Staff plan course runs with dated sessions, members and
 * guests book places with a waiting list, and everyone with a place gets the sessions as calendar files.
 *
 * Routes (all JSON unless named .ics):
 * - staff (manageCourses / manageBookings):
 *   GET    /api/orgs/:orgSlug/training-courses?when=&category=&status=   → staffCourseList
 *   POST   /api/orgs/:orgSlug/training-courses                  courseInput → 201 staffCourseDetail
 *   GET    /api/orgs/:orgSlug/training-courses/:id                          → staffCourseDetail
 *   PUT    /api/orgs/:orgSlug/training-courses/:id              courseInput → staffCourseDetail
 *   POST   /api/orgs/:orgSlug/training-courses/:id/publish                  → staffCourseDetail
 *             (400 "validation" with `fields` = the translated problems when it is not complete)
 *   POST   /api/orgs/:orgSlug/training-courses/:id/cancel   cancelCourseBody → staffCourseDetail
 *   POST   /api/orgs/:orgSlug/training-courses/:id/copy       copyCourseBody → 201 copyCourseResponse
 *   GET    /api/orgs/:orgSlug/training-courses/:id/bookings                 → staffBookingList
 *   POST   /api/orgs/:orgSlug/training-courses/:id/bookings  staffBookBody → 201 staffBooking
 *   POST   /api/orgs/:orgSlug/training-courses/:id/bookings/:bookingId/cancel staffCancelBody → staffBooking
 *   POST   /api/orgs/:orgSlug/training-courses/:id/bookings/:bookingId/move     moveBookingBody → staffBooking
 *             (the answer is the new booking in the target run)
 *   POST   /api/orgs/:orgSlug/training-courses/:id/promote                  → staffBooking (first waiting)
 *   GET    /api/orgs/:orgSlug/training-people                               → trainingPeople
 *             (members to pick as trainers or to book for)
 * - members (readCatalogue / bookOwn / readOwnTraining):
 *   GET    /api/orgs/:orgSlug/training-catalogue?category=                  → memberCatalogue
 *   GET    /api/orgs/:orgSlug/training-catalogue/:id                        → memberCatalogueItem
 *   POST   /api/orgs/:orgSlug/training-catalogue/:id/book                   → 201 myBooking
 *   GET    /api/orgs/:orgSlug/my-training-bookings                          → myBookings
 *   POST   /api/orgs/:orgSlug/my-training-bookings/:id/cancel               → myBooking
 *             (cancels a place or leaves the waiting list)
 * - calendar files (staff, the run's trainers, participants with a booking; anyone for a public run):
 *   GET    /api/orgs/:orgSlug/training-courses/:id/calendar.ics             (all sessions of the run)
 *   GET    /api/orgs/:orgSlug/training-courses/:id/sessions/:sessionId/calendar.ics
 *   GET    /api/public/orgs/:orgSlug/courses/:id/calendar.ics              (public runs only)
 *   GET    /api/public/orgs/:orgSlug/courses/:id/sessions/:sessionId/calendar.ics
 * - personal feed (signed in; across organisations):
 *   GET    /api/training-calendar-feed                                     → calendarFeedStatus
 *   POST   /api/training-calendar-feed                                     → calendarFeedCreated (URL once)
 *   DELETE /api/training-calendar-feed                                     → okResponse
 *   GET    /api/public/calendar/:token.ics                                 (her confirmed sessions)
 * - public (no sign-in):
 *   GET    /api/public/orgs/:orgSlug/courses?category=                      → publicCatalogue
 *   GET    /api/public/orgs/:orgSlug/courses/:id                            → publicCourse
 *   POST   /api/public/orgs/:orgSlug/courses/:id/guest-bookings  guestBookingBody → 202 guestBookingAccepted
 *   POST   /api/public/training-guest-confirmations/:token                  → guestConfirmResponse
 *             (errors: "tokenInvalid" unknown link, "guestLinkUsed", "guestLinkExpired"; ADR 0013)
 * The mail to a guest links the web page /fortbildung/bestaetigen/:token, which posts the token.
 */

export const courseCategories = COURSE_CATEGORIES;
export type CourseCategory = (typeof COURSE_CATEGORIES)[number];
export const courseStatuses = ["draft", "published", "cancelled"] as const;
export type CourseStatus = (typeof courseStatuses)[number];
/** public: the organisation's page and guests; members: every member; caregivers: caregivers and substitutes. */
export const courseAudiences = ["public", "members", "caregivers"] as const;
export type CourseAudience = (typeof courseAudiences)[number];
export const bookingStatuses = ["confirmed", "waiting", "cancelled", "movedOut"] as const;
export type BookingStatusDto = (typeof bookingStatuses)[number];
export const bookingActors = ["participant", "staff"] as const;
export const assessmentKinds = ["phaseAssessment", "colloquium"] as const;

const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "v.time");
/** Teaching units (45 minutes) in half units: 0.5, 1, 1.5 … */
const unitsSchema = z
  .number({ error: "v.trainingUnits" })
  .positive("v.trainingUnits")
  .max(1000, "v.trainingUnits")
  .refine((n) => Number.isInteger(n * 2), "v.trainingUnits");
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: "v.wholeNumber" })
    .int("v.wholeNumber")
    .min(min, "v.wholeNumber")
    .max(max, "v.wholeNumber");

// ---------------------------------------------------------------------------------------------------------
// Course runs: input

/**
 * One session. `id` names an existing session to keep (its attendance and calendar identity stay); sessions
 * without id are new, and sessions of the run missing from the list are removed.
 */
export const sessionInput = z
  .object({
    id: uuidSchema.optional(),
    date: isoDateSchema,
    from: clock,
    to: clock,
    units: unitsSchema,
    /** Room and address, as printed; may stay empty for an online session. */
    place: optionalText(300).default(""),
    onlineUrl: httpUrlSchema.nullable().default(null),
  })
  .refine((s) => s.from < s.to, { message: "v.timeRange", path: ["to"] })
  .refine((s) => s.place.length > 0 || s.onlineUrl !== null, {
    message: "v.trainingSessionPlaceRequired",
    path: ["place"],
  });
export type SessionInput = z.infer<typeof sessionInput>;

export const practiceHoursSchema = z.object({
  kita: z.number({ error: "v.trainingHours" }).min(0, "v.trainingHours").max(1000, "v.trainingHours"),
  dayCare: z.number({ error: "v.trainingHours" }).min(0, "v.trainingHours").max(1000, "v.trainingHours"),
});

/**
 * Create and update a run. Fields marked "default of the category" may be left out: the server fills in
 * core `categoryDefaults` (units are required where the category has no figure, e.g. "other"). `startsOn`
 * and `endsOn` default to the first and last session day; a draft without sessions must give them.
 */
export const courseInput = z
  .object({
    category: z.enum(COURSE_CATEGORIES),
    /** Runs of one offer share a series; left out, the run starts a series of its own. */
    seriesId: uuidSchema.optional(),
    title: requiredText(200),
    description: optionalText(5000).default(""),
    materials: optionalText(5000).default(""),
    audience: z.enum(courseAudiences),
    /** Default of the category. */
    units: unitsSchema.optional(),
    /** Default of the category (QHB phase 1: 40 h Kita + 40 h day care). */
    practiceHours: practiceHoursSchema.optional(),
    /** Default of the category; null: the certificate never expires. */
    validityMonths: wholeNumber(1, 240).nullable().optional(),
    /** Default of the category. */
    minAttendancePercent: wholeNumber(1, 100).optional(),
    /** Default of the category. */
    assessments: z.array(z.enum(assessmentKinds)).max(2).optional(),
    /** Default of the category. */
    countsTowardsObligation: z.boolean().optional(),
    isRefresher: z.boolean().default(false),
    capacity: wholeNumber(1, 1000),
    startsOn: isoDateSchema.optional(),
    endsOn: isoDateSchema.optional(),
    cancellationDays: wholeNumber(0, 365).default(7),
    /** Per participant, in cents; 0 = free of charge. */
    feeCents: wholeNumber(0, 10_000_000).default(0),
    /** Members of this organisation who teach the run (user ids). */
    trainerUserIds: z.array(uuidSchema).max(20).default([]),
    /** Trainers from outside, as printed on the certificate. */
    externalTrainers: optionalText(500).default(""),
    sessions: z.array(sessionInput).max(200).default([]),
  })
  .refine((c) => c.sessions.length > 0 || (c.startsOn !== undefined && c.endsOn !== undefined), {
    message: "v.required",
    path: ["startsOn"],
  })
  .refine((c) => !c.startsOn || !c.endsOn || c.startsOn <= c.endsOn, {
    message: "v.dateOrder",
    path: ["endsOn"],
  });
export type CourseInput = z.infer<typeof courseInput>;
export type CourseInputRaw = z.input<typeof courseInput>;

export const cancelCourseBody = z.object({ reason: requiredText(1000) });
export type CancelCourseBody = z.infer<typeof cancelCourseBody>;

export const copyCourseBody = z.object({
  /** The first session moves to the first date on or after this day with the same weekday. */
  firstSessionFrom: isoDateSchema,
  /** Days the organisation is closed (holidays, the trainer's leave): sessions landing there are reported. */
  closedDays: z.array(isoDateSchema).max(400).default([]),
});
export type CopyCourseBody = z.infer<typeof copyCourseBody>;

export const courseListWhen = ["upcoming", "past", "all"] as const;
export const courseListQuery = z.object({
  /** upcoming: runs not yet ended (today included); past: ended before today. */
  when: z.enum(courseListWhen).default("upcoming"),
  category: z.enum(COURSE_CATEGORIES).optional(),
  status: z.enum(courseStatuses).optional(),
});
export type CourseListQuery = z.infer<typeof courseListQuery>;

export const courseParams = orgIdParams;
export const bookingParams = orgIdParams.extend({ bookingId: uuidSchema });
export const sessionParams = orgIdParams.extend({ sessionId: uuidSchema });

// ---------------------------------------------------------------------------------------------------------
// Course runs: answers

export const sessionDto = z.object({
  id: z.uuid(),
  date: z.string(),
  from: z.string(),
  to: z.string(),
  units: z.number(),
  place: z.string(),
  /** Null for guests and members without a place in the run, even when the session is online. */
  onlineUrl: z.string().nullable(),
  isOnline: z.boolean(),
  /** Raised on every change of a published run (the calendar's SEQUENCE). */
  revision: z.number().int(),
});
export type SessionDto = z.infer<typeof sessionDto>;

/** A problem of the run as core `validateCourse` reports it, with the form's field path and the text. */
export const courseProblemDto = z.object({
  code: z.string(),
  /** "units", "capacity", "sessions", "sessions.2.units" … */
  path: z.string(),
  message: z.string(),
  index: z.number().int().optional(),
  otherIndex: z.number().int().optional(),
  expected: z.number().optional(),
  actual: z.number().optional(),
});
export type CourseProblemDto = z.infer<typeof courseProblemDto>;

export const trainerDto = z.object({ userId: z.uuid(), name: z.string() });

/** Figures every view of a run shows. */
const placeFigures = {
  capacity: z.number().int(),
  confirmedCount: z.number().int(),
  waitingCount: z.number().int(),
  freePlaces: z.number().int(),
};

const courseCore = {
  id: z.uuid(),
  seriesId: z.uuid(),
  category: z.enum(COURSE_CATEGORIES),
  title: z.string(),
  audience: z.enum(courseAudiences),
  status: z.enum(courseStatuses),
  units: z.number(),
  isRefresher: z.boolean(),
  startsOn: z.string(),
  endsOn: z.string(),
  cancellationDays: z.number().int(),
  /** The last day a participant may give back her place herself. */
  cancellationDeadline: z.string(),
  feeCents: z.number().int(),
  ...placeFigures,
};

export const staffCourseListItem = z.object({
  ...courseCore,
  sessionCount: z.number().int(),
  /** The next session from today on; null when all are past. */
  nextSession: z.object({ date: z.string(), from: z.string() }).nullable(),
  trainers: z.array(trainerDto),
});
export type StaffCourseListItem = z.infer<typeof staffCourseListItem>;
export const staffCourseList = z.object({ items: z.array(staffCourseListItem) });
export type StaffCourseList = z.infer<typeof staffCourseList>;

/** A booking as staff see it. */
export const staffBooking = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  participantId: z.uuid(),
  /** Null for a guest. */
  userId: z.uuid().nullable(),
  name: z.string(),
  email: z.string(),
  isGuest: z.boolean(),
  status: z.enum(bookingStatuses),
  bookedAt: z.string(),
  /** 1 = next to move up; null unless waiting. */
  waitingPosition: z.number().int().nullable(),
  endedAt: z.string().nullable(),
  endedBy: z.enum(bookingActors).nullable(),
  endedReason: z.string().nullable(),
  movedToCourseId: z.uuid().nullable(),
});
export type StaffBooking = z.infer<typeof staffBooking>;

/** Confirmed first (by booking order), then the waiting list in order, then ended bookings. */
export const staffBookingList = z.object({ items: z.array(staffBooking) });
export type StaffBookingList = z.infer<typeof staffBookingList>;

/** Another run of the same series: where staff may move a participant. */
export const seriesRunDto = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(courseStatuses),
  startsOn: z.string(),
  endsOn: z.string(),
  ...placeFigures,
});

export const staffCourseDetail = z.object({
  ...courseCore,
  description: z.string(),
  materials: z.string(),
  practiceHours: z.object({ kita: z.number(), dayCare: z.number() }),
  validityMonths: z.number().int().nullable(),
  minAttendancePercent: z.number().int(),
  assessments: z.array(z.enum(assessmentKinds)),
  countsTowardsObligation: z.boolean(),
  externalTrainers: z.string(),
  cancelledReason: z.string().nullable(),
  trainers: z.array(trainerDto),
  sessions: z.array(sessionDto),
  /** What keeps the run from being published; empty when it is complete. */
  problems: z.array(courseProblemDto),
  bookings: z.array(staffBooking),
  otherRunsInSeries: z.array(seriesRunDto),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StaffCourseDetail = z.infer<typeof staffCourseDetail>;

export const copyCourseResponse = z.object({
  course: staffCourseDetail,
  /** Sessions of the copy that fall on a closed day: the organiser picks another date. */
  sessionsOnClosedDays: z.array(z.object({ index: z.number().int(), date: z.string() })),
});
export type CopyCourseResponse = z.infer<typeof copyCourseResponse>;

// ---------------------------------------------------------------------------------------------------------
// Bookings by staff

export const staffBookBody = z
  .object({
    userId: uuidSchema,
    /** Book although a prerequisite is missing (phase 1 still running); needs a reason, kept in the audit. */
    waivePrerequisites: z.boolean().default(false),
    waiverReason: optionalText(500).default(""),
  })
  .refine((b) => !b.waivePrerequisites || b.waiverReason.length > 0, {
    message: "v.required",
    path: ["waiverReason"],
  });
export type StaffBookBody = z.infer<typeof staffBookBody>;

export const staffCancelBody = z.object({ reason: requiredText(500) });
export type StaffCancelBody = z.infer<typeof staffCancelBody>;

export const moveBookingBody = z.object({
  toCourseId: uuidSchema,
  reason: optionalText(500).default(""),
});
export type MoveBookingBody = z.infer<typeof moveBookingBody>;

export const trainingPerson = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
});
export const trainingPeople = z.object({ items: z.array(trainingPerson) });
export type TrainingPeople = z.infer<typeof trainingPeople>;

// ---------------------------------------------------------------------------------------------------------
// Members

/** The viewer's own active booking in a run. */
export const ownBooking = z.object({
  bookingId: z.uuid(),
  status: z.enum(["confirmed", "waiting"]),
  waitingPosition: z.number().int().nullable(),
  /** Whether she may give it back herself now (a place until the deadline; the waiting list always). */
  canCancel: z.boolean(),
});
export type OwnBooking = z.infer<typeof ownBooking>;

export const memberCatalogueItem = z.object({
  ...courseCore,
  description: z.string(),
  materials: z.string(),
  trainers: z.array(z.string()),
  sessions: z.array(sessionDto),
  /** Whether she can book now (published, before the first day, no active booking here). */
  bookingOpen: z.boolean(),
  own: ownBooking.nullable(),
});
export type MemberCatalogueItem = z.infer<typeof memberCatalogueItem>;
export const memberCatalogueQuery = z.object({ category: z.enum(COURSE_CATEGORIES).optional() });
export const memberCatalogue = z.object({ items: z.array(memberCatalogueItem) });
export type MemberCatalogue = z.infer<typeof memberCatalogue>;

/** One of her bookings, past ones included. */
export const myBooking = z.object({
  id: z.uuid(),
  courseId: z.uuid(),
  courseTitle: z.string(),
  courseStatus: z.enum(courseStatuses),
  category: z.enum(COURSE_CATEGORIES),
  units: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  cancellationDeadline: z.string(),
  status: z.enum(bookingStatuses),
  bookedAt: z.string(),
  waitingPosition: z.number().int().nullable(),
  canCancel: z.boolean(),
  endedAt: z.string().nullable(),
  endedBy: z.enum(bookingActors).nullable(),
  /** Staff's reason for cancelling or moving her, or the reason the run was cancelled. */
  endedReason: z.string().nullable(),
  movedToCourseId: z.uuid().nullable(),
  sessions: z.array(sessionDto),
});
export type MyBooking = z.infer<typeof myBooking>;
export const myBookings = z.object({ items: z.array(myBooking) });
export type MyBookings = z.infer<typeof myBookings>;

// ---------------------------------------------------------------------------------------------------------
// Public catalogue and guests

export const publicCourse = z.object({
  id: z.uuid(),
  category: z.enum(COURSE_CATEGORIES),
  title: z.string(),
  description: z.string(),
  units: z.number(),
  startsOn: z.string(),
  endsOn: z.string(),
  feeCents: z.number().int(),
  cancellationDays: z.number().int(),
  freePlaces: z.number().int(),
  waitingCount: z.number().int(),
  trainers: z.array(z.string()),
  /** Online links are sent to participants only. */
  sessions: z.array(sessionDto),
  /** Guests can ask for a place until the day before the first session. */
  bookingOpen: z.boolean(),
});
export type PublicCourse = z.infer<typeof publicCourse>;
export const publicCatalogue = z.object({
  organisationName: z.string(),
  items: z.array(publicCourse),
});
export type PublicCatalogue = z.infer<typeof publicCatalogue>;

export const guestBookingBody = z.object({
  name: requiredText(120),
  email: emailSchema,
  /** A field people never see: whatever fills it in is a machine, and its request is dropped unseen. */
  website: honeypotField,
});
export type GuestBookingBody = z.infer<typeof guestBookingBody>;

export const guestBookingAccepted = z.object({ accepted: z.literal(true) });

export const guestTokenParams = z.object({ token: z.string().min(10).max(200) });

export const guestConfirmResponse = z.object({
  status: z.enum(["confirmed", "waiting"]),
  waitingPosition: z.number().int().nullable(),
  courseId: z.uuid(),
  courseTitle: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  organisationName: z.string(),
  organisationSlug: z.string(),
  sessions: z.array(sessionDto),
});
export type GuestConfirmResponse = z.infer<typeof guestConfirmResponse>;

// ---------------------------------------------------------------------------------------------------------
// Calendar feed

export const calendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
});
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;

/** The URL is shown once: only a hash of its token is stored. A new one replaces the old. */
export const calendarFeedCreated = z.object({ url: z.string(), createdAt: z.string() });
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreated>;

export const calendarFeedParams = z.object({ token: z.string().min(20).max(200) });
