import { z } from "zod";
import { isoDateSchema, optionalText, orgIdParams, requiredText } from "./common";
import { ageGroups, careTimeSchema, MAX_PARENT_RANKS } from "./placement";

/**
 * Allocation rounds (Vergaberunden): the office opens a round for a care start date; until its deadline
 * families rank the caregivers suggested to them and caregivers review the order of the children they could
 * take; the office runs the round (as often as it likes), reads the result and its explanations, and
 * publishes it: every placed family gets an offer. A follow-up round re-offers what was declined.
 */
export const roundStatuses = ["open", "published", "cancelled"] as const;
export type RoundStatus = (typeof roundStatuses)[number];

export const runStatuses = ["running", "done", "failed"] as const;
export type RunStatus = (typeof runStatuses)[number];
/** What a running round is doing, for the progress shown to the office. */
export const runPhases = ["loading", "solving", "explaining", "saving", "finished"] as const;
export type RunPhase = (typeof runPhases)[number];

/** A caregiver who deviates from the order of the published criteria says why, in a sentence at least. */
export const MIN_REASON_LENGTH = 10;

export const roundParams = orgIdParams;
export const roundResultParams = orgIdParams.extend({ requestId: z.uuid() });

export const roundInput = z.object({
  title: requiredText(120),
  /** The first day of care the round's places are for (e.g. 1 August); capacity is counted from it. */
  startDate: isoDateSchema,
  /** Requests wanting to start on or before this date take part; later ones wait for a later round. */
  latestWantedStart: isoDateSchema,
  /** Families rank and caregivers review until the end of this day. */
  deadline: isoDateSchema,
});
export type RoundInput = z.infer<typeof roundInput>;

export const roundChangeBody = roundInput.partial();
export type RoundChangeBody = z.infer<typeof roundChangeBody>;

export const followUpBody = z.object({ title: requiredText(120), deadline: isoDateSchema });
export type FollowUpBody = z.infer<typeof followUpBody>;

/** Suggestions for every family of the round that has none yet, so that they have someone to rank. */
export const suggestAllBody = z.object({
  perFamily: z.number().int().min(1).max(MAX_PARENT_RANKS).default(5),
});
export type SuggestAllBody = z.infer<typeof suggestAllBody>;
export const suggestAllResponse = z.object({
  /** Families that received suggestions now. */
  families: z.number().int(),
  suggestions: z.number().int(),
  /** Families without suggestions for whom no caregiver fits. */
  withoutFit: z.number().int(),
});
export type SuggestAllResponse = z.infer<typeof suggestAllResponse>;

export const publishBody = z.object({
  /** Families answer their offer by the end of this day; default: a week from today. */
  respondBy: isoDateSchema.optional(),
});
export type PublishBody = z.infer<typeof publishBody>;

export const runStats = z.object({
  requests: z.number().int(),
  caregivers: z.number().int(),
  placed: z.number().int(),
  unplaced: z.number().int(),
  /** Families placed with the caregiver they ranked first (or, without a ranking, the nearest that fits). */
  firstChoice: z.number().int(),
  blockingPairs: z.number().int(),
  durationMs: z.number().int(),
});
export type RunStats = z.infer<typeof runStats>;

export const runDto = z.object({
  id: z.uuid(),
  status: z.enum(runStatuses),
  phase: z.enum(runPhases),
  /** 0 … 1 */
  progress: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  stats: runStats.nullable(),
  /** The data the round ran on has changed since (a request, ranking, review, contract or capacity). */
  isStale: z.boolean(),
});
export type RunDto = z.infer<typeof runDto>;

/** How far the latest run got: what the round page asks for while a run works, instead of the whole round. */
export const runStatusDto = runDto.pick({ id: true, status: true, phase: true, progress: true });
export type RunStatusDto = z.infer<typeof runStatusDto>;

export const roundSummary = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(roundStatuses),
  startDate: z.string(),
  latestWantedStart: z.string(),
  deadline: z.string(),
  /** The deadline has passed or the office ended the ranking early: nothing changes any more. */
  isRankingClosed: z.boolean(),
  previousRoundId: z.uuid().nullable(),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
  respondBy: z.string().nullable(),
});
export type RoundSummary = z.infer<typeof roundSummary>;

/** A caregiver's order that deviates from the criteria, with her reason, as the office reads it. */
export const roundReviewDto = z.object({
  caregiverId: z.uuid(),
  caregiverName: z.string(),
  reason: z.string(),
  savedAt: z.string(),
  /** How many children she moved from the place the criteria give them. */
  movedCount: z.number().int(),
});

export const roundDetail = z.object({
  ...roundSummary.shape,
  counts: z.object({
    /** Requests taking part: looking for a place, wanting to start by the latest start, no open offer. */
    requests: z.number().int(),
    /** Of these, how many families ranked caregivers. */
    ranked: z.number().int(),
    caregivers: z.number().int(),
    offersOpen: z.number().int(),
    offersAccepted: z.number().int(),
    offersDeclined: z.number().int(),
  }),
  reviews: z.array(roundReviewDto),
  latestRun: runDto.nullable(),
  followUpRoundId: z.uuid().nullable(),
});
export type RoundDetail = z.infer<typeof roundDetail>;

/** Why a request did not get a caregiver it ranked higher (see core/placement/explain), worded by the UI. */
export const roomReason = z.discriminatedUnion("code", [
  z.object({ code: z.literal("fullCount"), maxChildren: z.number(), existingChildren: z.number() }),
  z.object({ code: z.literal("countTaken"), places: z.number(), takenByHigherRanked: z.number() }),
  z.object({
    code: z.literal("timesTaken"),
    day: z.number().int(),
    from: z.string(),
    to: z.string(),
    free: z.number(),
    takenByHigherRanked: z.number(),
  }),
]);
export const fitReason = z.discriminatedUnion("code", [
  z.object({ code: z.literal("distance"), km: z.number(), maxKm: z.number() }),
  z.object({ code: z.literal("age"), childAgeMonths: z.number(), min: z.number(), max: z.number() }),
  z.object({ code: z.literal("inclusion") }),
  z.object({ code: z.literal("pets") }),
  z.object({
    code: z.literal("noFreePlace"),
    day: z.number().int(),
    from: z.string(),
    to: z.string(),
    free: z.number(),
  }),
  z.object({ code: z.literal("fullCount"), maxChildren: z.number(), existingChildren: z.number() }),
]);
const cutOffBase = { caregiverId: z.uuid(), caregiverName: z.string() };
export const cutOffDto = z.discriminatedUnion("outcome", [
  z.object({ ...cutOffBase, outcome: z.literal("notAcceptable"), reasons: z.array(fitReason) }),
  z.object({
    ...cutOffBase,
    outcome: z.literal("noRoom"),
    /** Her order of children: the published criteria, or her own order with a recorded reason. */
    basis: z.enum(["priorityOrder", "priorityPoints"]),
    reasons: z.array(roomReason),
  }),
  z.object({ ...cutOffBase, outcome: z.literal("blockingPair") }),
]);
export type CutOffDto = z.infer<typeof cutOffDto>;

export const resultFilters = ["all", "placed", "unplaced"] as const;
export const resultsQuery = z.object({
  filter: z.enum(resultFilters).default("all"),
  limit: z.coerce.number().int().min(1).max(500).default(200),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ResultsQuery = z.infer<typeof resultsQuery>;

export const roundResultItem = z.object({
  requestId: z.uuid(),
  childFirstName: z.string(),
  ageMonthsAtStart: z.number().int(),
  ageGroup: z.enum(ageGroups),
  careTimes: z.array(careTimeSchema),
  postalCode: z.string(),
  town: z.string(),
  priorityPoints: z.number().int(),
  /** How many caregivers the family ranked (0: the nearest that fit, in order of distance). */
  rankedCount: z.number().int(),
  caregiverId: z.uuid().nullable(),
  caregiverName: z.string().nullable(),
  distanceKm: z.number().nullable(),
  /** 1 = the family's first choice; null when unplaced. */
  choice: z.number().int().nullable(),
  /**
   * Caregivers the family ranked above its result, each with why it did not get her; for a child nobody
   * could take, the nearest caregivers with what does not fit.
   */
  cutOffCount: z.number().int(),
});
export type RoundResultItem = z.infer<typeof roundResultItem>;

export const roundResults = z.object({
  run: runDto,
  items: z.array(roundResultItem),
  total: z.number().int(),
  /** Pairs the round could not make stable (time-slot capacities can make that impossible). */
  blockingPairs: z.array(z.object({ requestId: z.uuid(), caregiverId: z.uuid() })),
});
export type RoundResults = z.infer<typeof roundResults>;

export const roundExplanation = z.object({
  item: roundResultItem,
  cutOffs: z.array(cutOffDto),
});
export type RoundExplanation = z.infer<typeof roundExplanation>;

/** A child a caregiver could take in the round, as she reviews her order: no contact data, no address. */
export const reviewItem = z.object({
  requestId: z.uuid(),
  childFirstName: z.string(),
  ageMonthsAtStart: z.number().int(),
  careTimes: z.array(careTimeSchema),
  town: z.string(),
  distanceKm: z.number(),
  priorityPoints: z.number().int(),
  /** Her place under the published criteria (1 = first): points, then who asked first. */
  criteriaPosition: z.number().int(),
  /** Joined after she saved her own order: it stands after the children she ordered. */
  isNewSinceSaved: z.boolean(),
});
export const myRoundResponse = z.object({
  round: roundSummary.nullable(),
  /** In her order (her saved order if she deviates, else the criteria's). */
  items: z.array(reviewItem),
  isDeviating: z.boolean(),
  reason: z.string(),
  savedAt: z.string().nullable(),
});
export type MyRoundResponse = z.infer<typeof myRoundResponse>;

export const reviewBody = z.object({
  /** Her order of all children listed to her; the criteria's order means no deviation and needs no reason. */
  order: z.array(z.uuid()).max(5000),
  reason: optionalText(2000).default(""),
});
export type ReviewBody = z.infer<typeof reviewBody>;

/** What parents see of a round their request takes part in. */
export const parentRoundResponse = z.object({
  round: roundSummary.nullable(),
  /** How many caregivers the family has ranked so far (0: the nearest that fit count, in order of distance). */
  rankedCount: z.number().int(),
  /** Once the round is published: placed or not, and why not with the caregivers they ranked higher. */
  outcome: z
    .object({
      isPlaced: z.boolean(),
      caregiverName: z.string().nullable(),
      /** Only caregivers suggested to the family are named; the others are counted. */
      cutOffs: z.array(cutOffDto),
      otherCutOffs: z.number().int(),
    })
    .nullable(),
});
export type ParentRoundResponse = z.infer<typeof parentRoundResponse>;
