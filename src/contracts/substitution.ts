import { z } from "zod";
import { isoDateSchema, optionalText, postalCodeSchema, requiredText, uuidSchema } from "./common";
import { careTimeSchema } from "./placement";

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
 *   GET    /api/orgs/:orgSlug/substitution/arrangements                 → arrangementList
 *   PUT    /api/orgs/:orgSlug/substitution/arrangements/:caregiverId    arrangementInput → arrangementDto
 *             (tandems kept symmetric)
 *   GET/POST /api/orgs/:orgSlug/substitution/substitutes   substituteInput → substituteDto (mark a registry
 *             caregiver as employed substitute); PUT/DELETE …/substitutes/:id
 *   GET/POST /api/orgs/:orgSlug/substitution/kitas   kitaInput → kitaDto; PUT/DELETE …/kitas/:id
 *   GET/POST /api/orgs/:orgSlug/substitution/play-groups   playGroupInput → playGroupDto;
 *             PUT/DELETE …/play-groups/:id   (attendance = contract ids)
 *   GET/PUT  /api/orgs/:orgSlug/substitution/settings   settingsInput → settingsDto
 *   GET    /api/orgs/:orgSlug/substitution/hours?month=YYYY-MM           → hoursResponse (cover hours per
 *             person; employed substitutes' employment record)
 *   GET    /api/orgs/:orgSlug/substitution/report?from=&to=              → modelReport (.csv, .pdf too)
 * - day-care persons and substitutes with a registry entry (substitution.own):
 *   POST   /api/orgs/:orgSlug/substitution/my/absences       absenceInput → 201 absenceReported (her own;
 *             lists every affected child with times at once; illness mails the coordinators)
 *   GET    /api/orgs/:orgSlug/substitution/my/absences                   → absenceList (her own)
 *   DELETE /api/orgs/:orgSlug/substitution/my/absences/:id              → okResponse (cancels; confirmed
 *             covers are cancelled and their parents and covers mailed)
 *   GET    /api/orgs/:orgSlug/substitution/my/covers?from=&to=           → myCoversResponse (children she
 *             covers, with notes: allergies/diet only where the parents consented)
 *   GET    /api/orgs/:orgSlug/substitution/my/tandem?from=&to=           → boardResponse (where the office
 *             lets tandems confirm: her and her partners' absences; confirm through the routes below)
 *   POST   /api/orgs/:orgSlug/substitution/my/tandem/covers/:id/confirm  → coverDto (403 unless allowed)
 * - parents (substitution.family):
 *   GET    /api/orgs/:orgSlug/substitution/family                       → familyCoversResponse (her
 *             children's confirmed covers from today on, with who, where, when)
 *   POST   /api/orgs/:orgSlug/substitution/family/covers/:id/answer  parentAnswerInput → familyCover
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
export const substitutionModels = ["tandem", "employedSubstitute", "kita", "none"] as const;
export type SubstitutionModel = (typeof substitutionModels)[number];
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
  /** Allergies and diet, only where the parents consented to their needs being kept. */
  allergies: z.string().nullable(),
  diet: z.string().nullable(),
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
