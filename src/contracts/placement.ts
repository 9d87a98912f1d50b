import { z } from "zod";
import {
  emailSchema,
  honeypotField,
  isoDateSchema,
  optionalText,
  orgIdParams,
  passwordSchema,
  postalCodeSchema,
  requiredText,
} from "./common";
import { substitutionSummary } from "./substitution-models";

/**
 * unconfirmed → open (e-mail confirmed, waiting) → suggested → offered → placed; or withdrawn by the parents,
 * or closed by the office. Suggestions, offers and placements arrive with allocation (part B).
 */
export const placementStatuses = [
  "unconfirmed",
  "open",
  "suggested",
  "offered",
  "placed",
  "withdrawn",
  "closed",
] as const;
export type PlacementStatus = (typeof placementStatuses)[number];

/** Requests still looking for a place: they count on the board, can be withdrawn or closed. */
export const activeStatuses: readonly PlacementStatus[] = ["open", "suggested", "offered"];
/** What parents may still change themselves; once a place is offered, the office has to be asked. */
export const changeableStatuses: readonly PlacementStatus[] = ["open", "suggested"];

/** Facts the catalogue can weigh, besides the organisation's own yes/no questions ("custom"). */
export const criterionFacts = [
  "parentsWorking",
  "parentsStudying",
  "parentSeekingWork",
  "singleParent",
  "siblingInCare",
  "childWelfareNeed",
  "custom",
] as const;
export type CriterionFact = (typeof criterionFacts)[number];

export const withdrawReasons = ["placedElsewhere", "noLongerNeeded", "other"] as const;
export const closeReasons = [
  "placedElsewhere",
  "noLongerNeeded",
  "unreachable",
  "duplicate",
  "other",
] as const;
/** Why a status changed, for the history parents and the office read; the close reasons included. */
export const historyReasons = [
  "submitted",
  "confirmed",
  ...closeReasons,
  "suggestionsSent",
  "offerMade",
  "offerAccepted",
  "offerDeclined",
  "offerExpired",
] as const;

/** An offer is open until the family answers or its time runs out. */
export const offerStatuses = ["open", "accepted", "declined", "expired"] as const;
export type OfferStatus = (typeof offerStatuses)[number];
/** A contract is active until the office ends it (an end date in the past or future). */
export const contractStatuses = ["active", "ended"] as const;
export type ContractStatus = (typeof contractStatuses)[number];

/** Parents rank at most this many suggested caregivers they would accept. */
export const MAX_PARENT_RANKS = 8;
/** Days the family has to answer an offer unless the office gives another date. */
export const OFFER_DAYS = 7;
/** Settling-in (Eingewöhnung) lasts up to 4 weeks: the default end is the start plus 28 days. */
export const SETTLING_IN_DAYS = 28;
export const historyActors = ["parent", "staff", "system"] as const;

const clock = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, "v.time");

/** A weekly range: day 1 = Monday … 7 = Sunday, "HH:MM", `to` exclusive (as the allocation round reads it). */
export const careTimeSchema = z
  .object({ day: z.number().int().min(1).max(7), from: clock, to: clock })
  .refine((r) => r.from < r.to, { message: "v.timeRange", path: ["to"] });
export type CareTimeDto = z.infer<typeof careTimeSchema>;

/** Health and inclusion needs: special categories (Art. 9 DSGVO), kept only with explicit consent, encrypted. */
export const needsSchema = z.object({
  hasInclusionNeed: z.boolean(),
  allergies: optionalText(500),
  diet: optionalText(500),
  notes: optionalText(2000),
});
export type Needs = z.infer<typeof needsSchema>;

/** A "yes" answer: a fixed fact or `custom:<criterion id>`. */
const factKey = z.string().max(60);

/** What parents give and may change later. */
const changeableFields = {
  wantedStart: isoDateSchema,
  careTimes: z.array(careTimeSchema).min(1, "v.careTimesEmpty").max(21),
  street: requiredText(160),
  postalCode: postalCodeSchema,
  town: requiredText(100),
  maxDistanceKm: z
    .number({ error: "v.distance" })
    .int("v.distance")
    .min(1, "v.distance")
    .max(50, "v.distance"),
  languages: z.array(z.string().trim().min(1).max(40)).max(10),
  noPets: z.boolean(),
  wishes: optionalText(1000),
  facts: z.array(factKey).max(40),
  /** The explicit consent to storing the needs; without it `needs` must be null and nothing is stored. */
  hasNeedsConsent: z.boolean(),
  needs: needsSchema.nullable(),
};

const needsNeedConsent = (r: { hasNeedsConsent: boolean; needs: Needs | null }) =>
  r.hasNeedsConsent || r.needs === null;
const consentIssue = { message: "v.needsConsentRequired", path: ["hasNeedsConsent"] };

export const requestChangeBody = z.object(changeableFields).refine(needsNeedConsent, consentIssue);
export type RequestChangeBody = z.infer<typeof requestChangeBody>;

/** The public form: the request, the child and how to reach the parent. */
export const publicRequestBody = z
  .object({
    childFirstName: requiredText(60),
    childBirthDate: isoDateSchema,
    ...changeableFields,
    parentName: requiredText(120),
    email: emailSchema,
    phone: z.string().trim().max(40).default(""),
    /** A field people never see: whatever fills it in is a machine, and its request is dropped unseen. */
    website: honeypotField,
  })
  .refine(needsNeedConsent, consentIssue);
export type PublicRequestBody = z.infer<typeof publicRequestBody>;

export const criterionInput = z
  .object({
    fact: z.enum(criterionFacts),
    /** The question; a fixed fact may leave it empty to use the standard wording. */
    label: optionalText(200),
    points: z.number({ error: "v.points" }).int("v.points").min(0, "v.points").max(100, "v.points"),
    isPublished: z.boolean(),
  })
  .refine((c) => c.fact !== "custom" || c.label.length > 0, { message: "v.required", path: ["label"] });
export type CriterionInput = z.infer<typeof criterionInput>;

export const criterion = z.object({
  id: z.uuid(),
  fact: z.enum(criterionFacts),
  /** The key a request answers "yes" with (`facts`). */
  key: z.string(),
  label: z.string(),
  points: z.number().int(),
  isPublished: z.boolean(),
  updatedAt: z.string(),
});
export type CriterionDto = z.infer<typeof criterion>;

export const criteriaCatalogue = z.object({
  /** Counts every change; requests remember the version their points were computed under. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  criteria: z.array(criterion),
});
export type CriteriaCatalogue = z.infer<typeof criteriaCatalogue>;

/** The published part only, as parents see it on the form and the office's page. */
export const publishedCriteria = z.object({
  updatedAt: z.string().nullable(),
  criteria: z.array(criterion.omit({ isPublished: true, updatedAt: true })),
});
export type PublishedCriteria = z.infer<typeof publishedCriteria>;

export const criterionParams = orgIdParams;
export const requestParams = orgIdParams;

export const acceptedResponse = z.object({ accepted: z.literal(true) });

export const confirmationParams = z.object({ token: z.string().min(10).max(200) });
export const confirmationInfo = z.object({
  organisationName: z.string(),
  organisationSlug: z.string(),
  childFirstName: z.string(),
  email: z.string(),
  /** Whether the address already has an account: then she signs in instead of choosing a password. */
  hasAccount: z.boolean(),
});
export type ConfirmationInfo = z.infer<typeof confirmationInfo>;
export const confirmWithPasswordBody = z.object({
  token: z.string().min(10).max(200),
  password: passwordSchema,
});
export const confirmedResponse = z.object({ organisationSlug: z.string(), requestId: z.uuid() });
export const confirmedWithSessionResponse = confirmedResponse.extend({ csrfToken: z.string() });

export const historyEntry = z.object({
  at: z.string(),
  fromStatus: z.enum(placementStatuses).nullable(),
  toStatus: z.enum(placementStatuses),
  actor: z.enum(historyActors),
  reason: z.enum(historyReasons).nullable(),
  note: z.string(),
});

/** A criterion that gave the request points, with the question as it was published. */
export const awardedCriterion = z.object({
  criterionId: z.uuid(),
  fact: z.enum(criterionFacts),
  label: z.string(),
  points: z.number().int(),
});

const requestCore = {
  id: z.uuid(),
  status: z.enum(placementStatuses),
  childFirstName: z.string(),
  childBirthDate: z.string(),
  wantedStart: z.string(),
  careTimes: z.array(careTimeSchema),
  ageMonthsAtStart: z.number().int(),
  priorityPoints: z.number().int(),
  createdAt: z.string(),
  /** When the e-mail was confirmed: the request waits from then on. */
  confirmedAt: z.string().nullable(),
  waitingDays: z.number().int().nullable(),
};

const requestDetails = {
  ...requestCore,
  street: z.string(),
  postalCode: z.string(),
  town: z.string(),
  maxDistanceKm: z.number().int(),
  languages: z.array(z.string()),
  noPets: z.boolean(),
  wishes: z.string(),
  facts: z.array(z.string()),
  needsConsentAt: z.string().nullable(),
  awarded: z.array(awardedCriterion),
  criteriaVersion: z.number().int(),
  history: z.array(historyEntry),
  updatedAt: z.string(),
};

/** A parent's own request in her list: no address, no needs. */
export const myRequestSummary = z.object({ ...requestCore, town: z.string() });
export type MyRequestSummary = z.infer<typeof myRequestSummary>;

/** A parent's own request with everything she gave, her needs included (she gave them). */
export const myRequestDetail = z.object({ ...requestDetails, needs: needsSchema.nullable() });
export type MyRequestDetail = z.infer<typeof myRequestDetail>;

export const withdrawBody = z.object({
  reason: z.enum(withdrawReasons),
  note: optionalText(500).default(""),
});
export const closeBody = z.object({ reason: z.enum(closeReasons), note: optionalText(500).default("") });
export type WithdrawBody = z.infer<typeof withdrawBody>;
export type CloseBody = z.infer<typeof closeBody>;

export const boardStatusFilters = ["active", "all", ...placementStatuses] as const;
export const boardSorts = ["priority", "waiting", "start"] as const;
export const ageGroups = ["under1", "1to2", "2to3", "3plus"] as const;

export const boardQuery = z.object({
  status: z.enum(boardStatusFilters).default("active"),
  /** "2027-08": requests wanting to start in that month. */
  startMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "v.month")
    .optional(),
  /** A postal code (or its beginning) or part of a town's name. */
  area: z.string().trim().max(60).optional(),
  ageGroup: z.enum(ageGroups).optional(),
  sort: z.enum(boardSorts).default("priority"),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type BoardQuery = z.infer<typeof boardQuery>;

/** A row of the board. Needs never appear in a list; `hasNeeds` only says there is something to read. */
export const boardItem = z.object({
  ...requestCore,
  ageGroup: z.enum(ageGroups),
  isUnderOne: z.boolean(),
  weeklyMinutes: z.number().int(),
  postalCode: z.string(),
  town: z.string(),
  hasNeeds: z.boolean(),
});
export type BoardItem = z.infer<typeof boardItem>;

export const boardResponse = z.object({
  items: z.array(boardItem),
  total: z.number().int(),
  /** Each facet counted with all other filters applied, so the numbers say what choosing it would show. */
  counts: z.object({
    byStartMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
    byArea: z.array(z.object({ postalCode: z.string(), town: z.string(), count: z.number().int() })),
    byAgeGroup: z.array(z.object({ ageGroup: z.enum(ageGroups), count: z.number().int() })),
    byStatus: z.array(z.object({ status: z.enum(placementStatuses), count: z.number().int() })),
  }),
});
export type BoardResponse = z.infer<typeof boardResponse>;

/** The office's view of one request: contact and everything given, except the needs (read separately). */
export const staffRequestDetail = z.object({
  ...requestDetails,
  parentName: z.string(),
  email: z.string(),
  phone: z.string(),
  hasAccount: z.boolean(),
  hasNeeds: z.boolean(),
  ageGroup: z.enum(ageGroups),
  isUnderOne: z.boolean(),
});
export type StaffRequestDetail = z.infer<typeof staffRequestDetail>;

/** Why a caregiver fits, as codes with parameters (see core/placement/suggestions); the UI words them. */
export const suggestionMatch = z.discriminatedUnion("code", [
  z.object({ code: z.literal("distance"), km: z.number(), maxKm: z.number() }),
  z.object({ code: z.literal("age"), childAgeMonths: z.number(), min: z.number(), max: z.number() }),
  z.object({ code: z.literal("freePlaces"), minFree: z.number() }),
  z.object({ code: z.literal("licence"), validTo: z.string() }),
  z.object({ code: z.literal("inclusion") }),
  z.object({ code: z.literal("noPets") }),
  z.object({ code: z.literal("languages"), languages: z.array(z.string()) }),
]);
export type SuggestionMatchDto = z.infer<typeof suggestionMatch>;

/** Why a caregiver does not fit. */
export const suggestionMiss = z.discriminatedUnion("code", [
  z.object({ code: z.literal("distance"), km: z.number(), maxKm: z.number() }),
  z.object({ code: z.literal("noLocation") }),
  z.object({ code: z.literal("age"), childAgeMonths: z.number(), min: z.number(), max: z.number() }),
  z.object({ code: z.literal("inclusion") }),
  z.object({ code: z.literal("pets") }),
  z.object({ code: z.literal("noLicence"), validTo: z.string().nullable() }),
  z.object({
    code: z.literal("full"),
    date: z.string(),
    day: z.number().int(),
    from: z.string(),
    to: z.string(),
    present: z.number().int(),
    places: z.number().int(),
  }),
  z.object({ code: z.literal("contractLimit"), date: z.string(), max: z.number().int() }),
]);
export type SuggestionMissDto = z.infer<typeof suggestionMiss>;

/** A caregiver as the office sees her in the suggestions for a request. */
export const staffSuggestion = z.object({
  caregiverId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  town: z.string(),
  distanceKm: z.number(),
  fits: z.boolean(),
  matches: z.array(suggestionMatch),
  misses: z.array(suggestionMiss),
  /** When she was sent to the family, if she was. */
  sentAt: z.string().nullable(),
  /** The family's rank of her (1 = first choice), once they ranked. */
  parentRank: z.number().int().nullable(),
  visitedOn: z.string().nullable(),
});
export type StaffSuggestion = z.infer<typeof staffSuggestion>;

/** An offer of a caregiver's place to the family. */
export const offerDto = z.object({
  id: z.uuid(),
  caregiverId: z.uuid(),
  caregiverName: z.string(),
  status: z.enum(offerStatuses),
  start: z.string(),
  end: z.string().nullable(),
  careTimes: z.array(careTimeSchema),
  settlingInEnd: z.string(),
  respondBy: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type OfferDto = z.infer<typeof offerDto>;

/**
 * Fits and near misses, best first; caregivers already sent stay listed even when they no longer fit, so
 * the office sees what changed.
 */
export const suggestionsResponse = z.object({
  suggestions: z.array(staffSuggestion),
  offers: z.array(offerDto),
});
export type SuggestionsResponse = z.infer<typeof suggestionsResponse>;

export const sendSuggestionsBody = z.object({
  caregiverIds: z.array(z.uuid()).min(1, "v.suggestionsEmpty").max(20),
  note: optionalText(1000).default(""),
});
export type SendSuggestionsBody = z.infer<typeof sendSuggestionsBody>;

/**
 * A suggested caregiver as the family sees her: name, photo (only with her consent), her town and the
 * distance, never her address or point.
 */
export const parentSuggestion = z.object({
  caregiverId: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  hasPhoto: z.boolean(),
  town: z.string(),
  distanceKm: z.number(),
  pedagogy: z.string(),
  languages: z.array(z.string()),
  meals: z.string(),
  hasPets: z.boolean(),
  petsNote: z.string(),
  ageMinMonths: z.number().int(),
  ageMaxMonths: z.number().int(),
  parentRank: z.number().int().nullable(),
  visitedOn: z.string().nullable(),
  visitNote: z.string(),
  /** Who takes the child when she is absent. */
  substitution: substitutionSummary,
});
export type ParentSuggestion = z.infer<typeof parentSuggestion>;

export const parentSuggestionsResponse = z.object({
  suggestions: z.array(parentSuggestion),
  /** The open offer, or the last one answered. */
  offer: offerDto.nullable(),
  /** Who takes the child when the offered day-care person is absent; null without an offer. */
  offerSubstitution: substitutionSummary.nullable(),
});
export type ParentSuggestionsResponse = z.infer<typeof parentSuggestionsResponse>;

export const suggestionParams = orgIdParams.extend({ caregiverId: z.uuid() });

export const visitBody = z.object({ visitedOn: isoDateSchema, note: optionalText(1000).default("") });
export type VisitBody = z.infer<typeof visitBody>;

export const rankingBody = z.object({
  caregiverIds: z.array(z.uuid()).max(MAX_PARENT_RANKS, "v.tooManyRanks"),
});
export type RankingBody = z.infer<typeof rankingBody>;

export const offerBody = z.object({
  caregiverId: z.uuid(),
  /** Defaults: the wanted start, the requested times, settling-in of 4 weeks, an answer within 7 days. */
  start: isoDateSchema.optional(),
  end: isoDateSchema.nullable().default(null),
  careTimes: z.array(careTimeSchema).min(1, "v.careTimesEmpty").max(21).optional(),
  settlingInEnd: isoDateSchema.optional(),
  respondBy: isoDateSchema.optional(),
});
export type OfferBody = z.infer<typeof offerBody>;

export const answerOfferBody = z.object({ accept: z.boolean() });
export type AnswerOfferBody = z.infer<typeof answerOfferBody>;

export const contractDto = z.object({
  id: z.uuid(),
  caregiverId: z.uuid(),
  caregiverName: z.string(),
  requestId: z.uuid().nullable(),
  childFirstName: z.string(),
  childBirthDate: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  careTimes: z.array(careTimeSchema),
  settlingInEnd: z.string(),
  status: z.enum(contractStatuses),
});
export type ContractDto = z.infer<typeof contractDto>;

/**
 * "active": no end, or an end today or later (a contract that starts later counts: its place is taken);
 * "ended": the last day of care is before today. The stored status says only whether an end is set.
 */
export const contractListStatuses = ["active", "ended", "all"] as const;
export type ContractListStatus = (typeof contractListStatuses)[number];

/**
 * The office's contracts, filtered. Without a status the list shows the active ones, except for one
 * request's contracts, which are its history and are all shown.
 */
export const contractsQuery = z.object({
  caregiverId: z.uuid().optional(),
  requestId: z.uuid().optional(),
  status: z.enum(contractListStatuses).optional(),
  /** Part of the child's first name or of the caregiver's name, in any case. */
  q: z.string().trim().max(100).optional(),
  /** Contracts starting on or after this date. */
  startFrom: isoDateSchema.optional(),
  /** Contracts starting on or before this date. */
  startTo: isoDateSchema.optional(),
});
export type ContractsQuery = z.infer<typeof contractsQuery>;

/**
 * A contract the office records itself: a child already in care before the office used the platform, or
 * one placed by phone. Checked against her capacity like an accepted offer.
 */
export const contractCreateBody = z.object({
  caregiverId: z.uuid(),
  childFirstName: requiredText(60),
  childBirthDate: isoDateSchema,
  start: isoDateSchema,
  end: isoDateSchema.nullable().default(null),
  careTimes: z.array(careTimeSchema).min(1, "v.careTimesEmpty").max(21),
  /** Default: the start plus {@link SETTLING_IN_DAYS}. */
  settlingInEnd: isoDateSchema.optional(),
});
export type ContractCreateBody = z.infer<typeof contractCreateBody>;

/** The office changes a contract's times, or ends it on a date. */
export const contractChangeBody = z.object({
  careTimes: z.array(careTimeSchema).min(1, "v.careTimesEmpty").max(21).optional(),
  end: isoDateSchema.nullable().optional(),
});
export type ContractChangeBody = z.infer<typeof contractChangeBody>;

/** A stretch of a weekday with the places she offers, the children present and what is free. */
export const weekSegment = z.object({
  weekday: z.number().int().min(0).max(6),
  start: z.number().int(),
  end: z.number().int(),
  places: z.number().int(),
  present: z.number().int(),
  free: z.number().int(),
});

/**
 * A caregiver's own contracts and her week: as it stands today, and from each coming date on which it
 * changes (a contract starts or ends, a new profile applies).
 */
export const myWeekResponse = z.object({
  date: z.string(),
  contracts: z.array(contractDto),
  weeks: z.array(z.object({ from: z.string(), segments: z.array(weekSegment) })),
});
export type MyWeekResponse = z.infer<typeof myWeekResponse>;
