/**
 * Suggestions for one request: which caregivers can really take the child, ranked, each with what fits and,
 * for a near miss, what does not. The allocation round's explanation (explain.ts) judges distance, age,
 * inclusion and pets on a snapshot of free places; a suggestion must also hold on every later date on which
 * the caregiver's week changes (a profile that cuts places next spring, a contract that starts in June), so
 * capacity is judged here with core/caregivers' `canTakeChild` over the caregiver's profiles and contracts,
 * together with the licence at the start and the state's limit of contracts per week.
 */

import {
  type CapacityProfile,
  type ContractTimes,
  canTakeChild,
  freeCapacityTimeline,
  minuteOfWeek,
  minutesToHhmm,
  type TimeRange,
} from "../caregivers/capacity";
import type { GeoPoint } from "../geo/geo";
import { compareSuggestions, explainFit, type FitReason, type SuggestionScore } from "./explain";
import type { PlacementCaregiver, PlacementFreePlaces } from "./instance";
import { ageInMonths, type CareTime, toTimeRange } from "./requests";

export interface SuggestionRequest {
  id: string;
  /** Where distances are measured from (the family's postal code centre). */
  location: GeoPoint;
  childBirthDate: string;
  wantedStart: string;
  careTimes: readonly CareTime[];
  maxDistanceKm: number;
  needsInclusion: boolean;
  noPets: boolean;
  languages: readonly string[];
}

export interface SuggestionLicence {
  validFrom: string;
  validTo: string;
  maxChildren: number;
}

export interface SuggestionCandidate {
  id: string;
  /** Her stored exact point (or postal code centre); null when she has none and no distance can be measured. */
  location: GeoPoint | null;
  ageMonths: { min: number; max: number };
  hasInclusionExperience: boolean;
  hasPets: boolean;
  languages: readonly string[];
  licences: readonly SuggestionLicence[];
  profiles: readonly CapacityProfile[];
  contracts: readonly ContractTimes[];
}

export interface SuggestionRules {
  /** Contracts (NRW) or children (SH) per caregiver across the week; null where the state counts neither. */
  maxContractsPerWeek: number | null;
}

/** What fits, for the coordinator's "why". */
export type SuggestionMatch =
  | { code: "distance"; km: number; maxKm: number }
  | { code: "age"; childAgeMonths: number; min: number; max: number }
  | { code: "freePlaces"; minFree: number }
  | { code: "licence"; validTo: string }
  | { code: "inclusion" }
  | { code: "noPets" }
  | { code: "languages"; languages: string[] };

/** What does not fit; times are `day` 1 (Monday) … 7 with "HH:MM", as parents entered them. */
export type SuggestionMiss =
  | { code: "distance"; km: number; maxKm: number }
  | { code: "noLocation" }
  | { code: "age"; childAgeMonths: number; min: number; max: number }
  | { code: "inclusion" }
  | { code: "pets" }
  | { code: "noLicence"; validTo: string | null }
  /** From `date` on she has `present` of `places` children at these times (places 0: she offers no care then). */
  | { code: "full"; date: string; day: number; from: string; to: string; present: number; places: number }
  | { code: "contractLimit"; date: string; max: number };

/** The criteria a miss counts against: several full time ranges are one criterion, capacity. */
type Criterion = "distance" | "age" | "inclusion" | "pets" | "licence" | "capacity" | "contractLimit";

const CRITERION_OF: Record<SuggestionMiss["code"], Criterion> = {
  distance: "distance",
  noLocation: "distance",
  age: "age",
  inclusion: "inclusion",
  pets: "pets",
  noLicence: "licence",
  full: "capacity",
  contractLimit: "contractLimit",
};

export interface Suggestion {
  caregiverId: string;
  fits: boolean;
  /** How many criteria she fails (0 when she fits). */
  missedCriteria: number;
  matches: SuggestionMatch[];
  misses: SuggestionMiss[];
  score: SuggestionScore;
}

/** A caregiver who fails more criteria than this is no near miss: showing her helps nobody decide. */
export const NEAR_MISS_CRITERIA = 2;

function requestedRanges(careTimes: readonly CareTime[]): TimeRange[] {
  return careTimes.flatMap((time) => toTimeRange(time) ?? []);
}

/** Her free places on the start date as the allocation model reads them (day 1 … 7, "HH:MM"). */
function freePlacesOn(candidate: SuggestionCandidate, date: string): PlacementFreePlaces[] {
  return freeCapacityTimeline(candidate.profiles, candidate.contracts, date)
    .filter((segment) => segment.free > 0)
    .map((segment) => ({
      day: segment.weekday + 1,
      from: minutesToHhmm(segment.start),
      to: minutesToHhmm(segment.end),
      places: segment.free,
    }));
}

/** The fewest free places she has at any requested minute on the start date (only meaningful when she fits). */
function minFreeOn(candidate: SuggestionCandidate, date: string, requested: readonly TimeRange[]): number {
  const segments = freeCapacityTimeline(candidate.profiles, candidate.contracts, date);
  let least = Number.POSITIVE_INFINITY;
  for (const range of requested) {
    for (const segment of segments) {
      if (segment.weekday !== range.weekday) continue;
      if (segment.end <= range.start || segment.start >= range.end) continue;
      least = Math.min(least, segment.free);
    }
  }
  return Number.isFinite(least) ? least : 0;
}

function licenceAt(licences: readonly SuggestionLicence[], date: string): SuggestionLicence | null {
  return licences.find((licence) => licence.validFrom <= date && date <= licence.validTo) ?? null;
}

function sameLanguages(a: readonly string[], b: readonly string[]): string[] {
  const wanted = new Set(a.map((language) => language.toLocaleLowerCase("de")));
  return b.filter((language) => wanted.has(language.toLocaleLowerCase("de")));
}

/**
 * Judges one caregiver for one request: every criterion a placement must meet, what fits, what does not, and
 * the allocation round's score for ranking.
 */
export function judgeCandidate(
  request: SuggestionRequest,
  candidate: SuggestionCandidate,
  rules: SuggestionRules,
): Suggestion {
  const start = request.wantedStart;
  const requested = requestedRanges(request.careTimes);
  const childAgeMonths = ageInMonths(request.childBirthDate, start);
  // Capacity is judged below over time; the round's snapshot only serves the personal criteria and the score.
  const asRoundCaregiver: PlacementCaregiver = {
    id: candidate.id,
    location: candidate.location ?? request.location,
    ageMonths: candidate.ageMonths,
    maxChildren: Number.MAX_SAFE_INTEGER,
    existingChildren: 0,
    inclusion: candidate.hasInclusionExperience,
    pets: candidate.hasPets,
    freePlaces: freePlacesOn(candidate, start),
  };
  const fit = explainFit(asRoundCaregiver, {
    id: request.id,
    location: request.location,
    childAgeMonths,
    care: [...request.careTimes],
    maxDistanceKm: request.maxDistanceKm,
    needsInclusion: request.needsInclusion,
    noPets: request.noPets,
    priorityPoints: 0,
  });
  const personal = new Map<FitReason["code"], FitReason>(fit.reasons.map((reason) => [reason.code, reason]));

  const misses: SuggestionMiss[] = [];
  const matches: SuggestionMatch[] = [];
  const distance = personal.get("distance");
  if (!candidate.location) misses.push({ code: "noLocation" });
  else if (distance?.code === "distance") misses.push(distance);
  else matches.push({ code: "distance", km: fit.score.distanceKm, maxKm: request.maxDistanceKm });

  const age = { childAgeMonths, min: candidate.ageMonths.min, max: candidate.ageMonths.max };
  if (personal.has("age")) misses.push({ code: "age", ...age });
  else matches.push({ code: "age", ...age });

  const licence = licenceAt(candidate.licences, start);
  if (licence) matches.push({ code: "licence", validTo: licence.validTo });
  else misses.push({ code: "noLicence", validTo: candidate.licences[0]?.validTo ?? null });

  const capacity = canTakeChild(candidate.profiles, candidate.contracts, start, requested, {
    maxContracts: rules.maxContractsPerWeek,
  });
  for (const conflict of capacity.conflicts) {
    misses.push({
      code: "full",
      date: conflict.from,
      day: conflict.weekday + 1,
      from: minutesToHhmm(conflict.start),
      to: minutesToHhmm(conflict.end),
      present: conflict.present,
      places: conflict.places,
    });
  }
  if (capacity.contractLimitReachedOn !== null && rules.maxContractsPerWeek !== null) {
    misses.push({
      code: "contractLimit",
      date: capacity.contractLimitReachedOn,
      max: rules.maxContractsPerWeek,
    });
  }
  if (capacity.conflicts.length === 0) {
    matches.push({ code: "freePlaces", minFree: minFreeOn(candidate, start, requested) });
  }

  if (personal.has("inclusion")) misses.push({ code: "inclusion" });
  else if (request.needsInclusion) matches.push({ code: "inclusion" });
  if (personal.has("pets")) misses.push({ code: "pets" });
  else if (request.noPets) matches.push({ code: "noPets" });

  const languages = sameLanguages(request.languages, candidate.languages);
  if (languages.length > 0) matches.push({ code: "languages", languages });

  const missedCriteria = new Set(misses.map((miss) => CRITERION_OF[miss.code])).size;
  return {
    caregiverId: candidate.id,
    fits: missedCriteria === 0,
    missedCriteria,
    matches,
    misses: misses.sort(
      (a, b) =>
        CRITERIA_ORDER.indexOf(CRITERION_OF[a.code]) - CRITERIA_ORDER.indexOf(CRITERION_OF[b.code]) ||
        orderInWeek(a) - orderInWeek(b),
    ),
    score: fit.score,
  };
}

const CRITERIA_ORDER: readonly Criterion[] = [
  "licence",
  "capacity",
  "contractLimit",
  "distance",
  "age",
  "inclusion",
  "pets",
];

function orderInWeek(miss: SuggestionMiss): number {
  if (miss.code !== "full") return 0;
  const [hours, minutes] = miss.from.split(":").map(Number) as [number, number];
  return minuteOfWeek((miss.day - 1) as TimeRange["weekday"], hours * 60 + minutes);
}

/**
 * Caregivers for one request, best first: those who fit, then near misses (at most
 * {@link NEAR_MISS_CRITERIA} criteria failed, fewer first); within each, the allocation round's order
 * (distance, then how much and how tightly her free hours cover the requested ones). Others are left out.
 */
export function suggestCaregivers(
  request: SuggestionRequest,
  candidates: readonly SuggestionCandidate[],
  rules: SuggestionRules,
): Suggestion[] {
  return candidates
    .map((candidate) => judgeCandidate(request, candidate, rules))
    .filter((suggestion) => suggestion.missedCriteria <= NEAR_MISS_CRITERIA)
    .sort(
      (a, b) =>
        a.missedCriteria - b.missedCriteria ||
        compareSuggestions(
          {
            requestId: request.id,
            caregiverId: a.caregiverId,
            acceptable: a.fits,
            fits: a.fits,
            reasons: [],
            score: a.score,
          },
          {
            requestId: request.id,
            caregiverId: b.caregiverId,
            acceptable: b.fits,
            fits: b.fits,
            reasons: [],
            score: b.score,
          },
        ),
    );
}
