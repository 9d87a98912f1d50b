import { z } from "zod";
import { isoDateSchema, optionalText, postalCodeSchema, requiredText, uuidSchema } from "./common";
import { careTimeSchema } from "./placement";
import { type SubstitutionModel, substitutionModels } from "./substitution-models";

/**
 * Substitution (Vertretung, issue 7): when a day-care person is absent, her children are covered by a
 * substitute they know, her tandem partner, another substitute or day-care person with room, or a cooperating
 * Kita (§ 23(4) SGB VIII). Only coordination offices have this module; other organisations answer 404.
 *
 * An absence expands into child-days (one contract on one day with its times). For each the platform
 * proposes a cover (core/substitution, never above any licence at any minute), the coordinator confirms or
 * changes it, and on confirmation the parents and the covering person are mailed.
 *
 * Routes (JSON unless named .csv/.pdf; `:orgSlug` of a coordination office):
 * - office (substitution.manage: coordinators and admins):
 *   GET    /api/orgs/:orgSlug/substitution/board?from=&to=               → boardResponse (days with their
 *             child-days, proposals and problems; default today … today + 6)
 *   POST   /api/orgs/:orgSlug/substitution/covers/:id/confirm           → coverDto (mails parents + cover)
 *   POST   /api/orgs/:orgSlug/substitution/covers/confirm      confirmManyInput → boardResponse (a day's
 *             or several proposals at once)
 *   GET    /api/orgs/:orgSlug/substitution/covers/:id/candidates        → candidatesResponse (every
 *             possible cover for this child-day, and the impossible ones with the reason)
 *   PUT    /api/orgs/:orgSlug/substitution/covers/:id                   coverChangeInput → coverDto (another
 *             candidate, checked again; a confirmed cover changed is mailed again)
 *   POST   /api/orgs/:orgSlug/substitution/absences/:id/repropose       → boardResponse (recompute the
 *             proposals of its unconfirmed child-days)
 *   GET    /api/orgs/:orgSlug/substitution/absences?from=&to=&caregiverId= → absenceList (everyone's)
 *   POST   /api/orgs/:orgSlug/substitution/absences          absenceInput (with caregiverId) → 201
 *             absenceReported (the office enters an absence for someone)
 *   DELETE /api/orgs/:orgSlug/substitution/absences/:id                  → okResponse (the office cancels
 *             anyone's absence, as her own cancel does)
 *   GET    /api/orgs/:orgSlug/substitution/arrangements                 → arrangementList
 *   PUT    /api/orgs/:orgSlug/substitution/arrangements/:caregiverId    arrangementInput → arrangementDto
 *             (tandems kept symmetric)
 *   GET/POST /api/orgs/:orgSlug/substitution/substitutes   substituteInput → substituteDto (mark a registry
 *             caregiver as employed substitute); PUT/DELETE …/substitutes/:id
 *   GET/POST /api/orgs/:orgSlug/substitution/kitas   kitaInput → kitaDto; PUT …/kitas/:id;
 *   DELETE …/kitas/:id → kitaArchived (archived, kept for history; its covers from today on proposed
 *             again, confirmed ones lose their confirmation and their parents are told)
 *   GET/POST /api/orgs/:orgSlug/substitution/play-groups   playGroupInput → playGroupDto;
 *             PUT/DELETE …/play-groups/:id   (attendance = contract ids)
 *   GET/PUT  /api/orgs/:orgSlug/substitution/settings   settingsInput → settingsDto
 *   GET    /api/orgs/:orgSlug/substitution/hours?month=YYYY-MM           → hoursResponse (cover hours per
 *             person; employed substitutes' employment record); hours.csv?month= the same as CSV
 *   GET    /api/orgs/:orgSlug/substitution/report?from=&to=              → modelReport (.csv, .pdf too)
 *   GET    /api/orgs/:orgSlug/substitution/calendar?from=&to=            → calendarResponse (every active
 *             absence and cover per day; default the current ISO week, at most 62 days)
 * - day-care persons and substitutes with a registry entry (substitution.own):
 *   POST   /api/orgs/:orgSlug/substitution/my/absences       absenceInput → 201 absenceReported (her own;
 *             lists every affected child with times at once; illness mails the coordinators)
 *   GET    /api/orgs/:orgSlug/substitution/my/absences                   → absenceList (her own)
 *   DELETE /api/orgs/:orgSlug/substitution/my/absences/:id              → okResponse (cancels; confirmed
 *             covers are cancelled and their parents and covers mailed)
 *   GET    /api/orgs/:orgSlug/substitution/my/covers?from=&to=           → myCoversResponse (children she
 *             covers, with the care notes where the parents consented, from today on)
 *   GET    /api/orgs/:orgSlug/substitution/my/calendar?from=&to=         → calendarResponse (her own
 *             absences with their child-days, and the confirmed covers she holds)
 *   GET    /api/orgs/:orgSlug/substitution/my/tandem?from=&to=           → boardResponse (where the office
 *             lets tandems confirm: her and her partners' absences; confirm through the routes below)
 *   POST   /api/orgs/:orgSlug/substitution/my/tandem/covers/:id/confirm  → coverDto (403 unless allowed)
 * - parents (substitution.family):
 *   GET    /api/orgs/:orgSlug/substitution/family                       → familyCoversResponse (her
 *             children's confirmed covers from today on, with who, where, when)
 *   POST   /api/orgs/:orgSlug/substitution/family/covers/:id/answer  parentAnswerInput → familyCover
 *   GET    /api/orgs/:orgSlug/substitution/family/care-notes             → careNotesList (her children with
 *             running contracts and their care notes)
 *   GET/PUT/DELETE /api/orgs/:orgSlug/substitution/family/contracts/:contractId/care-notes
 *             careNotesInput → careNotesState (her own child only, else 404; PUT needs consent; DELETE
 *             withdraws the consent and deletes the notes)
 * - care notes by the office (substitution.manage), for families without an account:
 *   GET/PUT/DELETE /api/orgs/:orgSlug/substitution/contracts/:contractId/care-notes
 *             careNotesInput → careNotesState (PUT: the parents consented in writing; every read audited)
 *
 * Errors (contracts/errors.ts): substitutionNotRegistryPerson (her account has no registry entry, 403),
 * substitutionAbsenceOverlap (409), substitutionCoverNotPossible (409, with the problem in details),
 * substitutionCoverClosed (409: the day is past or the absence cancelled), substitutionTandemNotAllowed (403).
 */

export const absenceKinds = ["illness", "holiday", "training", "closing"] as const;
export type AbsenceKind = (typeof absenceKinds)[number];
export const coverStatuses = ["proposed", "confirmed", "uncovered", "cancelled"] as const;
export type CoverStatus = (typeof coverStatuses)[number];
/** In the order of preference. */
export const coverKinds = ["knownSubstitute", "tandem", "substitute", "caregiver", "kita"] as const;
export type CoverKind = (typeof coverKinds)[number];
/** A caregiver's substitution model, derived from her arrangement (the first that applies). */
export { type SubstitutionModel, substitutionModels };
export const parentAnswers = ["confirmed", "keptHome"] as const;
export type ParentAnswer = (typeof parentAnswers)[number];
export const problemCodes = [
  "capacity",
  "notWorking",
  "ageRange",
  "absent",
  "tooFar",
  "noCandidate",
] as const;
export type ProblemCode = (typeof problemCodes)[number];

const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "v.time");

/** Why a cover is not possible; for capacity: the first day and time where children present exceed the limit. */
export const coverProblem = z.object({
  code: z.enum(problemCodes),
  personName: z.string().nullable(),
  day: z.string().nullable(),
  from: clock.nullable(),
  to: clock.nullable(),
  present: z.number().int().nullable(),
  limit: z.number().int().nullable(),
});
export type CoverProblem = z.infer<typeof coverProblem>;

/**
 * An absence as entered. Illness: `startsOn` is today, `endsOn` the day she expects to be back (inclusive).
 * Part days: `dayFrom`–`dayTo` apply to each day (e.g. a training 09:00–13:00).
 */
export const absenceInput = z
  .object({
    kind: z.enum(absenceKinds),
    startsOn: isoDateSchema,
    endsOn: isoDateSchema,
    dayFrom: clock.nullable().default(null),
    dayTo: clock.nullable().default(null),
    note: optionalText(500).default(""),
    /** Only the office's route uses it: whose absence. */
    caregiverId: uuidSchema.optional(),
  })
  .refine((a) => a.startsOn <= a.endsOn, { message: "v.dateOrder", path: ["endsOn"] })
  .refine((a) => (a.dayFrom === null) === (a.dayTo === null), { message: "v.required", path: ["dayTo"] })
  .refine((a) => a.dayFrom === null || a.dayTo === null || a.dayFrom < a.dayTo, {
    message: "v.timeRange",
    path: ["dayTo"],
  });
export type AbsenceInput = z.infer<typeof absenceInput>;

export const absenceDto = z.object({
  id: z.uuid(),
  caregiverId: z.uuid(),
  caregiverName: z.string(),
  kind: z.enum(absenceKinds),
  startsOn: z.string(),
  endsOn: z.string(),
  dayFrom: clock.nullable(),
  dayTo: clock.nullable(),
  note: z.string(),
  status: z.enum(["active", "cancelled"]),
  createdAt: z.string(),
  /** Child-days of this absence: all, confirmed, still open (proposed or uncovered). */
  childDays: z.number().int(),
  confirmed: z.number().int(),
  open: z.number().int(),
});
export type AbsenceDto = z.infer<typeof absenceDto>;
export const absenceList = z.object({
  items: z.array(absenceDto),
  /** The office's today (Europe/Berlin, server clock): "ill today" reports for this day. */
  today: z.string(),
});
export type AbsenceList = z.infer<typeof absenceList>;

/** A child of the absent caregiver on one day, with the times she would have been cared for. */
export const affectedChild = z.object({
  contractId: z.uuid(),
  childFirstName: z.string(),
  day: z.string(),
  /** The care that day, clipped to the absence's part-day window. */
  times: z.array(z.object({ from: clock, to: clock })),
});
/**
 * For a planned absence (holiday, closing, training) of someone in a tandem: whether her partners alone can
 * take every child-day, counting their own children, their own absences and the covers already holding
 * places. `problems` has one entry per child-day they cannot take (for capacity: the day and time where
 * the partner would have too many children at once).
 */
export const partnerCheck = z.object({
  partnerNames: z.array(z.string()),
  childDays: z.number().int(),
  coveredByPartner: z.number().int(),
  allCovered: z.boolean(),
  problems: z.array(coverProblem.extend({ childFirstName: z.string() })),
});
export type PartnerCheck = z.infer<typeof partnerCheck>;
/** GET …/absences/:id/partner-check and …/my/absences/:id/partner-check: the check again, for today on. */
export const partnerCheckResponse = z.object({ partnerCheck: partnerCheck.nullable() });
export type PartnerCheckResponse = z.infer<typeof partnerCheckResponse>;
export const absenceReported = z.object({
  absence: absenceDto,
  affected: z.array(affectedChild),
  /** Only for planned absences of someone with tandem partners; otherwise null or missing. */
  partnerCheck: partnerCheck.nullable().optional(),
});
export type AbsenceReported = z.infer<typeof absenceReported>;

/** Who covers: a person of the registry or a Kita, with the address parents need. */
export const coverPlace = z.object({
  kind: z.enum(coverKinds),
  caregiverId: z.uuid().nullable(),
  kitaId: z.uuid().nullable(),
  name: z.string(),
  street: z.string().nullable(),
  postalCode: z.string(),
  town: z.string(),
  phone: z.string().nullable(),
  /** Does the child know this person (play-group contacts reached)? */
  isKnown: z.boolean(),
  distanceKm: z.number().nullable(),
  extraDistanceKm: z.number().nullable(),
});
export type CoverPlace = z.infer<typeof coverPlace>;

/** Why a confirmed cover fell through (office operations): who held it and why she no longer can. */
export const lostCoverReasons = ["coverAbsent", "kitaArchived"] as const;
export const lostCover = z.object({ reason: z.enum(lostCoverReasons), name: z.string() });
export type LostCoverDto = z.infer<typeof lostCover>;

/** One child-day on the board. */
export const coverDto = z.object({
  id: z.uuid(),
  absenceId: z.uuid(),
  absentCaregiverId: z.uuid(),
  absentCaregiverName: z.string(),
  absenceKind: z.enum(absenceKinds),
  contractId: z.uuid(),
  childFirstName: z.string(),
  ageMonths: z.number().int(),
  /** Siblings share the family key (never the parents' identity). */
  familyKey: z.string().nullable(),
  day: z.string(),
  times: z.array(z.object({ from: clock, to: clock })),
  status: z.enum(coverStatuses),
  place: coverPlace.nullable(),
  problem: coverProblem.nullable(),
  /** False for contracts recorded without a family: the office tells the parents by phone. */
  canMailParents: z.boolean(),
  /**
   * Set when this child-day was confirmed with someone who can no longer take it (she is absent herself, or
   * the Kita was archived): proposed again, to be confirmed again. Null otherwise.
   */
  lostCover: lostCover.nullable(),
  parentAnswer: z.enum(parentAnswers).nullable(),
  confirmedAt: z.string().nullable(),
});
export type CoverDto = z.infer<typeof coverDto>;

export const boardDay = z.object({
  day: z.string(),
  covers: z.array(coverDto),
  confirmed: z.number().int(),
  proposed: z.number().int(),
  uncovered: z.number().int(),
});
export const boardResponse = z.object({
  from: z.string(),
  to: z.string(),
  days: z.array(boardDay),
  /** The office's today, also when another week is shown. */
  today: z.string(),
});
export type BoardResponse = z.infer<typeof boardResponse>;
export const boardQuery = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

export const confirmManyInput = z.object({ coverIds: z.array(uuidSchema).min(1).max(500) });
export const coverChangeInput = z
  .object({ caregiverId: uuidSchema.nullable(), kitaId: uuidSchema.nullable() })
  .refine((c) => (c.caregiverId === null) !== (c.kitaId === null), {
    message: "v.required",
    path: ["caregiverId"],
  });
export type CoverChangeInput = z.infer<typeof coverChangeInput>;

export const candidateDto = z.object({ place: coverPlace, problem: coverProblem.nullable() });
export const candidatesResponse = z.object({ items: z.array(candidateDto) });
export type CandidatesResponse = z.infer<typeof candidatesResponse>;

export const arrangementInput = z.object({
  tandemPartnerIds: z.array(uuidSchema).max(3),
  substituteIds: z.array(uuidSchema).max(5),
  kitaId: uuidSchema.nullable(),
  note: optionalText(1000).default(""),
});
export type ArrangementInput = z.infer<typeof arrangementInput>;
export const arrangementDto = z.object({
  caregiverId: z.uuid(),
  caregiverName: z.string(),
  model: z.enum(substitutionModels),
  tandemPartners: z.array(z.object({ id: z.uuid(), name: z.string() })),
  substitutes: z.array(z.object({ id: z.uuid(), name: z.string() })),
  kita: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  note: z.string(),
});
export type ArrangementDto = z.infer<typeof arrangementDto>;
export const arrangementList = z.object({ items: z.array(arrangementDto) });

export const substituteInput = z.object({
  caregiverId: uuidSchema,
  hoursPerMonth: z.number().int().min(1).max(200),
  note: optionalText(500).default(""),
});
export const substituteDto = z.object({
  id: z.uuid(),
  caregiverId: z.uuid(),
  name: z.string(),
  town: z.string(),
  hoursPerMonth: z.number().int(),
  note: z.string(),
});
export type SubstituteDto = z.infer<typeof substituteDto>;
export const substituteList = z.object({ items: z.array(substituteDto) });

export const kitaInput = z.object({
  name: requiredText(120),
  contact: optionalText(300).default(""),
  street: requiredText(120),
  postalCode: postalCodeSchema,
  town: requiredText(80),
  places: z.number().int().min(1).max(30),
  ageMinMonths: z.number().int().min(0).max(144),
  ageMaxMonths: z.number().int().min(0).max(144),
  hours: z.array(careTimeSchema).min(1, "v.careTimesEmpty").max(21),
});
export type KitaInput = z.infer<typeof kitaInput>;
export const kitaDto = kitaInput.extend({ id: z.uuid() });
export type KitaDto = z.infer<typeof kitaDto>;
export const kitaList = z.object({ items: z.array(kitaDto) });

export const playGroupInput = z.object({
  hostCaregiverId: uuidSchema,
  on: isoDateSchema,
  note: optionalText(300).default(""),
  contractIds: z.array(uuidSchema).max(30),
});
export const playGroupDto = z.object({
  id: z.uuid(),
  hostCaregiverId: z.uuid(),
  hostName: z.string(),
  on: z.string(),
  note: z.string(),
  children: z.array(
    z.object({ contractId: z.uuid(), childFirstName: z.string(), caregiverName: z.string() }),
  ),
});
export type PlayGroupDto = z.infer<typeof playGroupDto>;
export const playGroupList = z.object({ items: z.array(playGroupDto) });

export const settingsInput = z.object({
  familiarityVisits: z.number().int().min(1).max(20),
  tandemsMayConfirm: z.boolean(),
  maxDistanceKm: z.number().int().min(1).max(100),
});
export type SettingsInput = z.infer<typeof settingsInput>;
export const settingsDto = settingsInput;

export const hoursQuery = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "v.month") });
export const hoursResponse = z.object({
  month: z.string(),
  items: z.array(
    z.object({
      caregiverId: z.uuid(),
      name: z.string(),
      isEmployedSubstitute: z.boolean(),
      hoursPerMonth: z.number().int().nullable(),
      /** Confirmed cover, in minutes of child care (a child for an hour = 60) and of her presence (clock time). */
      childMinutes: z.number().int(),
      presenceMinutes: z.number().int(),
    }),
  ),
});
export type HoursResponse = z.infer<typeof hoursResponse>;

export const reportQuery = z.object({ from: isoDateSchema, to: isoDateSchema });
export const modelReportRow = z.object({
  model: z.enum(substitutionModels),
  caregivers: z.number().int(),
  absenceDays: z.number().int(),
  childDays: z.number().int(),
  covered: z.number().int(),
  coveredShare: z.number(),
  coveredByKnown: z.number().int(),
  byKind: z.record(z.enum(coverKinds), z.number().int()),
  averageExtraDistanceKm: z.number().nullable(),
  parentsConfirmed: z.number().int(),
  parentsKeptHome: z.number().int(),
  parentsNoAnswer: z.number().int(),
});
export const modelReport = z.object({ from: z.string(), to: z.string(), rows: z.array(modelReportRow) });
export type ModelReport = z.infer<typeof modelReport>;

/** A child the signed-in person covers on a day, with what she needs to know. */
export const myCover = z.object({
  id: z.uuid(),
  day: z.string(),
  times: z.array(z.object({ from: clock, to: clock })),
  childFirstName: z.string(),
  ageMonths: z.number().int(),
  absentCaregiverName: z.string(),
  parentName: z.string().nullable(),
  parentPhone: z.string().nullable(),
  /**
   * The care notes (allergies, diet, what she should know), only where the parents consented to them and
   * only for covers from today on; every disclosure is audited.
   */
  allergies: z.string().nullable(),
  diet: z.string().nullable(),
  notes: z.string().nullable(),
  parentAnswer: z.enum(parentAnswers).nullable(),
});
export const myCoversResponse = z.object({ items: z.array(myCover), today: z.string() });
export type MyCoversResponse = z.infer<typeof myCoversResponse>;

export const familyCover = z.object({
  id: z.uuid(),
  day: z.string(),
  times: z.array(z.object({ from: clock, to: clock })),
  childFirstName: z.string(),
  absentCaregiverName: z.string(),
  place: coverPlace,
  parentAnswer: z.enum(parentAnswers).nullable(),
});
export type FamilyCover = z.infer<typeof familyCover>;
export const familyCoversResponse = z.object({ items: z.array(familyCover), today: z.string() });
export const parentAnswerInput = z.object({ answer: z.enum(parentAnswers) });
export type ParentAnswerInput = z.infer<typeof parentAnswerInput>;

// Calendar (week and month of absences and cover; the office's and one's own) ---------------------------

/** Default: the current ISO week (Monday to Sunday); at most 62 days. */
export const calendarQuery = z.object({ from: isoDateSchema.optional(), to: isoDateSchema.optional() });

/** An active absence that touches the range, once; the days refer to it by id. */
export const calendarAbsence = z.object({
  id: z.uuid(),
  caregiverId: z.uuid(),
  caregiverName: z.string(),
  kind: z.enum(absenceKinds),
  startsOn: z.string(),
  endsOn: z.string(),
  /** Part days: the window of each day; null for whole days. */
  dayFrom: clock.nullable(),
  dayTo: clock.nullable(),
});
export type CalendarAbsence = z.infer<typeof calendarAbsence>;

/** One absence on one day: her child-days by state (cancelled child-days are not counted). */
export const calendarAbsenceDay = z.object({
  absenceId: z.uuid(),
  childDays: z.number().int(),
  confirmed: z.number().int(),
  proposed: z.number().int(),
  uncovered: z.number().int(),
});
export type CalendarAbsenceDay = z.infer<typeof calendarAbsenceDay>;

/** A person or Kita holding covers on one day: how many children, and the clock time they span. */
export const calendarHolder = z.object({
  caregiverId: z.uuid().nullable(),
  kitaId: z.uuid().nullable(),
  name: z.string(),
  children: z.number().int(),
  confirmed: z.number().int(),
  proposed: z.number().int(),
  times: z.array(z.object({ from: clock, to: clock })),
  childFirstNames: z.array(z.string()),
});
export type CalendarHolder = z.infer<typeof calendarHolder>;

/** Every day of the range, also empty ones, so that a week and a month grid render from one answer. */
export const calendarDay = z.object({
  day: z.string(),
  absences: z.array(calendarAbsenceDay),
  holders: z.array(calendarHolder),
  /** Distinct absent persons that day (two part-day absences of one person count once). */
  absentPeople: z.number().int(),
  childDays: z.number().int(),
  confirmed: z.number().int(),
  proposed: z.number().int(),
  uncovered: z.number().int(),
});
export type CalendarDay = z.infer<typeof calendarDay>;

export const calendarResponse = z.object({
  from: z.string(),
  to: z.string(),
  /** The office's today (Europe/Berlin). */
  today: z.string(),
  absences: z.array(calendarAbsence),
  days: z.array(calendarDay),
});
export type CalendarResponse = z.infer<typeof calendarResponse>;

// Care notes on the contract (helper "care-notes") ------------------------------------------------------

/** Who recorded the parents' consent: the parent on her page, or the office from a signed paper form. */
export const careNotesConsentBy = ["parent", "office"] as const;
export type CareNotesConsentBy = (typeof careNotesConsentBy)[number];

/**
 * What the person covering a child must know (allergies, diet, a short note). Health data (Art. 9 DSGVO):
 * stored only with consent, which `consent` states — for a parent her own, for the office the parents'
 * written one. Data minimisation: three short texts, at least one filled.
 */
export const careNotesInput = z
  .object({
    allergies: optionalText(300).default(""),
    diet: optionalText(300).default(""),
    notes: optionalText(500).default(""),
    consent: z.boolean().default(false),
  })
  .refine((c) => c.consent, { message: "v.substitutionCareNotesConsent", path: ["consent"] })
  .refine((c) => Boolean(c.allergies || c.diet || c.notes), {
    message: "v.substitutionCareNotesEmpty",
    path: ["allergies"],
  });
export type CareNotesInput = z.infer<typeof careNotesInput>;

export const careNotesDto = z.object({
  allergies: z.string(),
  diet: z.string(),
  notes: z.string(),
  consentAt: z.string(),
  consentBy: z.enum(careNotesConsentBy),
  updatedAt: z.string(),
});
export type CareNotesDto = z.infer<typeof careNotesDto>;

/** A child's running contract with its care notes (null: none, or the consent was withdrawn). */
export const careNotesState = z.object({
  contractId: z.uuid(),
  childFirstName: z.string(),
  caregiverName: z.string(),
  /** False for contracts recorded without a family account: only the office can keep notes for them. */
  hasParentAccount: z.boolean(),
  careNotes: careNotesDto.nullable(),
});
export type CareNotesState = z.infer<typeof careNotesState>;
export const careNotesList = z.object({ items: z.array(careNotesState) });
export type CareNotesList = z.infer<typeof careNotesList>;

// Office operations ----------------------------------------------------------------------------------
// (helper "office": the office cancels anyone's absence, a Kita is archived instead of deleted, hours CSV)

/** DELETE …/kitas/:id: the Kita is archived; its covers from today on were proposed again (`moved`). */
export const kitaArchived = z.object({ ok: z.literal(true), moved: z.number().int() });
export type KitaArchived = z.infer<typeof kitaArchived>;
