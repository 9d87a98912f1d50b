import { z } from "zod";
import {
  emailSchema,
  honeypotField,
  httpUrlSchema,
  isoDateSchema,
  optionalText,
  orgIdParams,
  orgParams,
  postalCodeSchema,
  requiredText,
  uuidSchema,
} from "./common";

/**
 * Meetings and events (issue 5, ADR 0011): single events and series ("every second Tuesday, 19:30"), with
 * registration, waiting list, guests confirmed by e-mail, questions, reminders, attendance, agenda and minutes,
 * calendar files and feeds. Every date of a series is an event of its own (materialised 12 months ahead), so
 * registrations, cancellations and single changes always point to one date.
 *
 * Times are Europe/Berlin wall times: `date` + `from`/`to` ("HH:MM"), `endDate` for events over several days;
 * the DTOs also carry `startsAt`/`endsAt` as ISO instants.
 *
 * Routes (all JSON unless named .ics):
 * - staff (events.manage: admin, coordinator, board; offices and associations):
 *   GET    /api/orgs/:orgSlug/events?from=&to=&kind=&status=              → staffEventList (dates, sorted)
 *   POST   /api/orgs/:orgSlug/events                          eventInput → 201 staffEventDetail (single event)
 *   GET    /api/orgs/:orgSlug/events/:id                                  → staffEventDetail
 *   PUT    /api/orgs/:orgSlug/events/:id                      eventInput → staffEventDetail
 *             (a date of a series becomes a single change: later series edits leave it alone)
 *   POST   /api/orgs/:orgSlug/events/:id/cancel            cancelEventBody → staffEventDetail
 *             (mails everyone registered)
 *   PUT    /api/orgs/:orgSlug/events/:id/minutes             minutesInput → staffEventDetail (agenda, minutes)
 *   POST   /api/orgs/:orgSlug/event-series                   seriesInput → 201 staffSeriesDetail
 *   GET    /api/orgs/:orgSlug/event-series/:id                            → staffSeriesDetail
 *   PUT    /api/orgs/:orgSlug/event-series/:id               seriesInput → staffSeriesDetail
 *             (changes only dates from today on; single changes keep their own fields)
 *   POST   /api/orgs/:orgSlug/event-series/:id/skip        skipDateBody → staffSeriesDetail
 *             (an exception: the date does not take place; registered people get the cancellation mail)
 *   POST   /api/orgs/:orgSlug/event-series/:id/cancel      cancelEventBody → staffSeriesDetail
 *             (ends the series: every future date is cancelled, registered people are mailed)
 *   GET    /api/orgs/:orgSlug/event-people                                → eventPeople (members to pick as organisers)
 * - staff and the event's organisers (events.read + the service checks staff or organiser):
 *   GET    /api/orgs/:orgSlug/events/:id/registrations                    → registrationList (with answers)
 *   POST   /api/orgs/:orgSlug/events/:id/registrations      staffRegisterBody → 201 staffRegistration
 *             (a member by hand; after the start too, at the door; she gets the usual mail)
 *   GET    /api/orgs/:orgSlug/events/:id/registrations.csv                (the same as CSV for a spreadsheet, audited)
 *   POST   /api/orgs/:orgSlug/events/:id/registrations/:registrationId/cancel  staffCancelRegistrationBody
 *                                                                         → staffRegistration
 *   PUT    /api/orgs/:orgSlug/events/:id/registrations/:registrationId/attendance  attendanceInput
 *                                                                         → staffRegistration
 *   GET    /api/orgs/:orgSlug/events/:id/calendar.ics                     (also for members who may see it)
 * - members (any role; the service filters by audience):
 *   GET    /api/orgs/:orgSlug/member-events?from=&to=                     → memberEventList
 *   GET    /api/orgs/:orgSlug/member-events/:id                           → memberEventDetail
 *   POST   /api/orgs/:orgSlug/member-events/:id/register    registerBody → 201 myRegistration
 *   POST   /api/orgs/:orgSlug/member-events/:id/cancel-registration       → myRegistration
 *   GET    /api/orgs/:orgSlug/my-event-registrations                      → myRegistrations (from today on)
 * - public (no sign-in):
 *   GET    /api/public/orgs/:orgSlug/events?from=&to=&limit=              → publicEventList
 *             (public dates; default from today, 50 at most; the home page asks limit=3, the month view from/to)
 *   GET    /api/public/orgs/:orgSlug/events/:id                           → publicEvent (with free places)
 *   GET    /api/public/orgs/:orgSlug/events/:id/calendar.ics              (public events only)
 *   GET    /api/public/orgs/:orgSlug/events.ics                           (the organisation's public feed:
 *             one VEVENT per date with a stable UID, cancelled dates as STATUS:CANCELLED)
 *   POST   /api/public/orgs/:orgSlug/events/:id/guest-registrations  guestRegisterBody → 202 guestRegistrationAccepted
 *   POST   /api/public/event-guest-confirmations/:token                   → guestRegistrationConfirmed
 *             (errors: "tokenInvalid", "guestLinkUsed", "guestLinkExpired"; ADR 0013)
 *   GET    /api/public/event-registrations/:token                         → guestRegistrationView
 *   POST   /api/public/event-registrations/:token/cancel                  → guestRegistrationView
 *             (the guest's own link from the confirmation mail; works until the start)
 * - personal feed: the one feed per person of ADR 0008 (GET/POST/DELETE /api/training-calendar-feed, read at
 *   /api/public/calendar/:token.ics) now also carries the dates she is registered for (confirmed or waiting).
 * The mail to a guest links the web page /termine/bestaetigen/:token (posts the token) and the confirmation
 * mail links /termine/anmeldung/:token (shows the registration and a cancel button). Mails to members link
 * /app/:orgSlug/termine/:id, mails to guests about a date without their own link /o/:orgSlug/termine/:id.
 *
 * Changes: none yet.
 */

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
export type EventKind = (typeof eventKinds)[number];

/** public: the website and guests; members: every member; caregivers: day-care persons; parents: parents. */
export const eventAudiences = ["public", "members", "caregivers", "parents"] as const;
export type EventAudience = (typeof eventAudiences)[number];

export const eventStatuses = ["scheduled", "cancelled"] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** Who reads the minutes: the organisers (and staff) only, every member, or the event's audience. */
export const minutesVisibilities = ["organisers", "members", "audience"] as const;
export type MinutesVisibility = (typeof minutesVisibilities)[number];

export const registrationStatuses = ["confirmed", "waiting", "cancelled"] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];

export const questionKinds = ["text", "yesNo", "choice"] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** Weekdays counted from Monday = 0 to Sunday = 6, as core/shared/dates `weekdayIndex`. */
export const weekdaySchema = z.number({ error: "v.weekday" }).int().min(0, "v.weekday").max(6, "v.weekday");

const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "v.time");
const wholeNumber = (min: number, max: number) =>
  z
    .number({ error: "v.wholeNumber" })
    .int("v.wholeNumber")
    .min(min, "v.wholeNumber")
    .max(max, "v.wholeNumber");

// ---------------------------------------------------------------------------------------------------------
// Input

/** Where it takes place: an address (its postal code puts it on the map), an online link, or both. */
export const placeInput = z.object({
  /** E.g. "Gasthaus Zur Linde, Saal". */
  name: optionalText(200).default(""),
  street: optionalText(200).default(""),
  postalCode: z.union([postalCodeSchema, z.literal("")]).default(""),
  town: optionalText(120).default(""),
  onlineUrl: httpUrlSchema.nullable().default(null),
});
export type PlaceInput = z.infer<typeof placeInput>;

/** A question asked on registration. `id` keeps an existing question (and its answers); new ones get one. */
export const questionInput = z
  .object({
    id: uuidSchema.optional(),
    kind: z.enum(questionKinds),
    label: requiredText(200),
    /** The choices of a "choice" question (2–10); empty for the others. */
    options: z.array(requiredText(100)).max(10).default([]),
    required: z.boolean().default(false),
  })
  .refine((q) => q.kind !== "choice" || q.options.length >= 2, {
    message: "v.eventQuestionOptions",
    path: ["options"],
  });
export type QuestionInput = z.infer<typeof questionInput>;

export const registrationInput = z.object({
  enabled: z.boolean(),
  /** Null: no limit, nobody waits. */
  capacity: wholeNumber(1, 10000).nullable().default(null),
  /** Guests without an account may register for public events (e-mail confirmation). */
  guestsAllowed: z.boolean().default(true),
  questions: z.array(questionInput).max(10).default([]),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

/** What a single event and a series share. */
const eventFields = {
  kind: z.enum(eventKinds),
  title: requiredText(200),
  description: optionalText(5000).default(""),
  audience: z.enum(eventAudiences),
  place: placeInput,
  /** Members of the organisation who run it: they see registrations and tick attendance. */
  organiserIds: z.array(uuidSchema).max(10).default([]),
  registration: registrationInput.default({
    enabled: false,
    capacity: null,
    guestsAllowed: true,
    questions: [],
  }),
  minutesVisibility: z.enum(minutesVisibilities).default("organisers"),
};

const placeRequired = (e: { place: PlaceInput }) =>
  e.place.onlineUrl !== null || e.place.name !== "" || e.place.street !== "" || e.place.town !== "";

/** Create or change one event (or one date of a series). */
export const eventInput = z
  .object({
    ...eventFields,
    date: isoDateSchema,
    from: clock,
    to: clock,
    /** For events over several days; defaults to `date`. */
    endDate: isoDateSchema.nullable().default(null),
  })
  .refine((e) => (e.endDate !== null && e.endDate > e.date) || e.from < e.to, {
    message: "v.timeRange",
    path: ["to"],
  })
  .refine((e) => e.endDate === null || e.endDate >= e.date, { message: "v.dateOrder", path: ["endDate"] })
  .refine(placeRequired, { message: "v.eventPlaceRequired", path: ["place", "name"] });
export type EventInput = z.infer<typeof eventInput>;

/**
 * How a series repeats. weekly: every `interval` weeks on `weekday`; monthlyNth: every `interval` months on the
 * `nth` `weekday` of the month (1–4, or -1 for the last). It starts on or after `startDate` and ends at
 * `until` (inclusive) or after `count` dates; without either it runs on (materialised 12 months ahead).
 */
export const recurrenceInput = z
  .object({
    frequency: z.enum(["weekly", "monthlyNth"]),
    interval: wholeNumber(1, 12).default(1),
    weekday: weekdaySchema,
    /** monthlyNth only. */
    nth: z
      .union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)])
      .nullable()
      .default(null),
    startDate: isoDateSchema,
    until: isoDateSchema.nullable().default(null),
    count: wholeNumber(1, 200).nullable().default(null),
  })
  .refine((r) => r.frequency !== "monthlyNth" || r.nth !== null, { message: "v.required", path: ["nth"] })
  .refine((r) => r.until === null || r.until >= r.startDate, { message: "v.dateOrder", path: ["until"] })
  .refine((r) => r.until === null || r.count === null, { message: "v.eventUntilOrCount", path: ["count"] });
export type RecurrenceInput = z.infer<typeof recurrenceInput>;

export const seriesInput = z
  .object({
    ...eventFields,
    recurrence: recurrenceInput,
    from: clock,
    to: clock,
    /** Dates that do not take place (exceptions). */
    exceptions: z.array(isoDateSchema).max(100).default([]),
  })
  .refine((s) => s.from < s.to, { message: "v.timeRange", path: ["to"] })
  .refine(placeRequired, { message: "v.eventPlaceRequired", path: ["place", "name"] });
export type SeriesInput = z.infer<typeof seriesInput>;

export const cancelEventBody = z.object({ reason: requiredText(500) });
export type CancelEventBody = z.infer<typeof cancelEventBody>;

export const skipDateBody = z.object({ date: isoDateSchema, reason: optionalText(500).default("") });
export type SkipDateBody = z.infer<typeof skipDateBody>;

export const minutesInput = z.object({
  agenda: optionalText(20000).default(""),
  minutes: optionalText(50000).default(""),
  minutesVisibility: z.enum(minutesVisibilities),
});
export type MinutesInput = z.infer<typeof minutesInput>;

/** Answers by question id: text for "text" and "choice" (one of the options), true/false for "yesNo". */
export const answersSchema = z.record(uuidSchema, z.union([z.string().trim().max(500), z.boolean()]));
export type Answers = z.infer<typeof answersSchema>;

export const registerBody = z.object({ answers: answersSchema.default({}) });
export type RegisterBody = z.infer<typeof registerBody>;

/** Staff register a member by hand (she called, or she came to the door); her answers are optional then. */
export const staffRegisterBody = z.object({ userId: z.uuid(), answers: answersSchema.default({}) });
export type StaffRegisterBody = z.infer<typeof staffRegisterBody>;

export const guestRegisterBody = z.object({
  name: requiredText(120),
  email: emailSchema,
  answers: answersSchema.default({}),
  /** A field people never see: whatever fills it in is a machine, and its request is dropped unseen. */
  website: honeypotField,
});
export type GuestRegisterBody = z.infer<typeof guestRegisterBody>;

export const staffCancelRegistrationBody = z.object({ reason: optionalText(500).default("") });
export type StaffCancelRegistrationBody = z.infer<typeof staffCancelRegistrationBody>;

/** true: came; false: did not come; null: not ticked yet. */
export const attendanceInput = z.object({ attended: z.boolean().nullable() });
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const eventListQuery = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  kind: z.enum(eventKinds).optional(),
  status: z.enum(eventStatuses).optional(),
});
export type EventListQuery = z.infer<typeof eventListQuery>;

export const publicEventListQuery = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PublicEventListQuery = z.infer<typeof publicEventListQuery>;

export const eventParams = orgIdParams;
export const registrationParams = orgIdParams.extend({ registrationId: uuidSchema });
export const eventOrgParams = orgParams;
export const eventTokenParams = z.object({ token: z.string().min(10).max(200) });

// ---------------------------------------------------------------------------------------------------------
// Output

export const placeDto = z.object({
  name: z.string(),
  street: z.string(),
  postalCode: z.string(),
  town: z.string(),
  /** Null for guests and members without a registration when registration is on; otherwise the link. */
  onlineUrl: z.string().nullable(),
  isOnline: z.boolean(),
  /** From the postal code (offline table); null without one. The centre of the postal code area. */
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export type PlaceDto = z.infer<typeof placeDto>;

export const questionDto = z.object({
  id: z.uuid(),
  kind: z.enum(questionKinds),
  label: z.string(),
  options: z.array(z.string()),
  required: z.boolean(),
});
export type QuestionDto = z.infer<typeof questionDto>;

export const recurrenceDto = z.object({
  frequency: z.enum(["weekly", "monthlyNth"]),
  interval: z.number().int(),
  weekday: z.number().int(),
  nth: z.number().int().nullable(),
  startDate: z.string(),
  until: z.string().nullable(),
  count: z.number().int().nullable(),
});
export type RecurrenceDto = z.infer<typeof recurrenceDto>;

/** Counts of a date's registrations; `capacity` null: no limit. */
export const registrationSummary = z.object({
  enabled: z.boolean(),
  capacity: z.number().int().nullable(),
  confirmed: z.number().int(),
  waiting: z.number().int(),
  /** Null without a limit. */
  freePlaces: z.number().int().nullable(),
  guestsAllowed: z.boolean(),
  /** Registration (and cancelling) is possible until the start. */
  isOpen: z.boolean(),
});
export type RegistrationSummary = z.infer<typeof registrationSummary>;

const eventCore = {
  id: z.uuid(),
  seriesId: z.uuid().nullable(),
  /** A date of a series changed on its own. */
  isDetached: z.boolean(),
  kind: z.enum(eventKinds),
  title: z.string(),
  description: z.string(),
  audience: z.enum(eventAudiences),
  status: z.enum(eventStatuses),
  cancelReason: z.string().nullable(),
  date: z.string(),
  endDate: z.string(),
  from: z.string(),
  to: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: placeDto,
  registration: registrationSummary,
};

/** A line of a list (staff, member and public lists share it). */
export const eventListItem = z.object(eventCore);
export type EventListItem = z.infer<typeof eventListItem>;

export const staffEventList = z.object({ items: z.array(eventListItem) });
export type StaffEventList = z.infer<typeof staffEventList>;

export const personRef = z.object({ userId: z.uuid(), name: z.string() });
export type PersonRef = z.infer<typeof personRef>;

export const staffEventDetail = z.object({
  ...eventCore,
  organisers: z.array(personRef),
  questions: z.array(questionDto),
  minutesVisibility: z.enum(minutesVisibilities),
  agenda: z.string(),
  minutes: z.string(),
  recurrence: recurrenceDto.nullable(),
  /** Raised on every change; the calendar files' SEQUENCE. */
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StaffEventDetail = z.infer<typeof staffEventDetail>;

export const staffSeriesDetail = z.object({
  id: z.uuid(),
  kind: z.enum(eventKinds),
  title: z.string(),
  description: z.string(),
  audience: z.enum(eventAudiences),
  status: z.enum(["active", "ended"]),
  cancelReason: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  recurrence: recurrenceDto,
  exceptions: z.array(z.string()),
  place: placeDto,
  organisers: z.array(personRef),
  questions: z.array(questionDto),
  registration: z.object({
    enabled: z.boolean(),
    capacity: z.number().int().nullable(),
    guestsAllowed: z.boolean(),
  }),
  minutesVisibility: z.enum(minutesVisibilities),
  /** Materialised dates from today on (and the last 30 days), cancelled ones included. */
  dates: z.array(eventListItem),
});
export type StaffSeriesDetail = z.infer<typeof staffSeriesDetail>;

export const eventPeople = z.object({ items: z.array(personRef) });
export type EventPeople = z.infer<typeof eventPeople>;

export const answerDto = z.object({
  questionId: z.uuid(),
  label: z.string(),
  value: z.union([z.string(), z.boolean()]),
});

export const staffRegistration = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Staff and organisers see the address to reach people. */
  email: z.string(),
  isGuest: z.boolean(),
  status: z.enum(registrationStatuses),
  waitingPosition: z.number().int().nullable(),
  registeredAt: z.string(),
  cancelledAt: z.string().nullable(),
  answers: z.array(answerDto),
  attended: z.boolean().nullable(),
});
export type StaffRegistration = z.infer<typeof staffRegistration>;

export const registrationList = z.object({
  event: eventListItem,
  questions: z.array(questionDto),
  items: z.array(staffRegistration),
});
export type RegistrationList = z.infer<typeof registrationList>;

export const myRegistration = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  status: z.enum(registrationStatuses),
  waitingPosition: z.number().int().nullable(),
  registeredAt: z.string(),
  answers: z.array(answerDto),
  /** Until the start. */
  canCancel: z.boolean(),
});
export type MyRegistration = z.infer<typeof myRegistration>;

export const memberEventItem = z.object({
  ...eventCore,
  myRegistration: myRegistration.nullable(),
});
export type MemberEventItem = z.infer<typeof memberEventItem>;

export const memberEventList = z.object({ items: z.array(memberEventItem) });
export type MemberEventList = z.infer<typeof memberEventList>;

export const memberEventDetail = z.object({
  ...eventCore,
  myRegistration: myRegistration.nullable(),
  organisers: z.array(personRef),
  questions: z.array(questionDto),
  agenda: z.string(),
  /** Null when the minutes are not visible to her (or empty). */
  minutes: z.string().nullable(),
  /** She may see the registrations and tick attendance (staff or organiser). */
  canManage: z.boolean(),
});
export type MemberEventDetail = z.infer<typeof memberEventDetail>;

export const myRegistrations = z.object({
  items: z.array(z.object({ event: eventListItem, registration: myRegistration })),
});
export type MyRegistrations = z.infer<typeof myRegistrations>;

export const publicEventList = z.object({
  organisationName: z.string(),
  items: z.array(eventListItem),
});
export type PublicEventList = z.infer<typeof publicEventList>;

export const publicEvent = z.object({
  ...eventCore,
  organisationName: z.string(),
  questions: z.array(questionDto),
  agenda: z.string(),
  /** Only when the board made the minutes visible to the event's audience (the public). */
  minutes: z.string().nullable(),
});
export type PublicEvent = z.infer<typeof publicEvent>;

export const guestRegistrationAccepted = z.object({ accepted: z.literal(true) });

export const guestRegistrationView = z.object({
  status: z.enum(registrationStatuses),
  waitingPosition: z.number().int().nullable(),
  canCancel: z.boolean(),
  name: z.string(),
  organisationName: z.string(),
  organisationSlug: z.string(),
  event: eventListItem,
});
export type GuestRegistrationView = z.infer<typeof guestRegistrationView>;

/** After the click: the registration, and the guest's own link (also mailed) to see or cancel it. */
export const guestRegistrationConfirmed = guestRegistrationView.extend({ manageToken: z.string() });
export type GuestRegistrationConfirmed = z.infer<typeof guestRegistrationConfirmed>;
