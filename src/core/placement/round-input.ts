/**
 * From the registry to an allocation round's instance: a caregiver's free places from the round's start
 * date on, and the orders caregivers and families give. The round judges capacity on one week pattern per
 * caregiver, so a week that changes later (a contract starting in October, a profile cutting places next
 * spring) must already be in it: her free places are the least she has at each minute of the week on any
 * date within the horizon on which her week changes, and her children under contract the most she has on
 * any of them. A place the round gives can then be kept for as long as the family needs it.
 */

import {
  type ContractTimes,
  freeCapacityTimeline,
  isContractActiveOn,
  MINUTES_PER_DAY,
  MINUTES_PER_WEEK,
  minutesToHhmm,
} from "../caregivers/capacity";
import { type GeoPoint, haversineKm } from "../geo/geo";
import { addDays, addYears } from "../shared/dates";
import type { PlacementCaregiver, PlacementFreePlaces, PlacementRequest } from "./instance";
import type { SuggestionCandidate, SuggestionRules } from "./suggestions";

/** Where the state counts no contracts per week, the count is no limit: only the places at once are. */
export const NO_COUNT_LIMIT = 1000;

export interface RoundCaregiverOptions {
  /** How far ahead changes of her week count, in years; as suggestions and offers check (2). */
  horizonYears?: number;
}

/** The dates from `from` (inclusive) to the horizon on which her week can change. */
function changeDates(candidate: SuggestionCandidate, from: string, horizonEnd: string): string[] {
  const dates = new Set<string>([from]);
  for (const profile of candidate.profiles) dates.add(profile.effectiveFrom);
  for (const contract of candidate.contracts) {
    dates.add(contract.start);
    if (contract.end !== null) dates.add(addDays(contract.end, 1));
  }
  return [...dates].filter((date) => from <= date && date < horizonEnd).sort();
}

/**
 * The caregiver as the round reads her, or null when she cannot take part: no point to measure distances
 * from, or no licence valid on the start date.
 */
export function roundCaregiverOf(
  candidate: SuggestionCandidate,
  startDate: string,
  rules: SuggestionRules,
  options: RoundCaregiverOptions = {},
): PlacementCaregiver | null {
  if (!candidate.location) return null;
  const isLicensed = candidate.licences.some((l) => l.validFrom <= startDate && startDate <= l.validTo);
  if (!isLicensed) return null;
  const horizonEnd = addYears(startDate, options.horizonYears ?? 2);
  const least = new Int32Array(MINUTES_PER_WEEK).fill(2 ** 30);
  let mostContracts = 0;
  for (const date of changeDates(candidate, startDate, horizonEnd)) {
    const free = new Int32Array(MINUTES_PER_WEEK);
    for (const segment of freeCapacityTimeline(candidate.profiles, candidate.contracts, date)) {
      const base = segment.weekday * MINUTES_PER_DAY;
      free.fill(segment.free, base + segment.start, base + segment.end);
    }
    for (let minute = 0; minute < MINUTES_PER_WEEK; minute++) {
      if ((free[minute] as number) < (least[minute] as number)) least[minute] = free[minute] as number;
    }
    const active = candidate.contracts.filter((contract: ContractTimes) =>
      isContractActiveOn(contract, date),
    );
    mostContracts = Math.max(mostContracts, active.length);
  }
  const limit = rules.maxContractsPerWeek ?? NO_COUNT_LIMIT;
  return {
    id: candidate.id,
    location: candidate.location,
    ageMonths: candidate.ageMonths,
    maxChildren: limit,
    existingChildren: Math.min(mostContracts, limit),
    inclusion: candidate.hasInclusionExperience,
    pets: candidate.hasPets,
    freePlaces: freeRanges(least),
  };
}

/** Runs of equal positive free places within a day, as the round's external ranges. */
function freeRanges(least: Int32Array): PlacementFreePlaces[] {
  const ranges: PlacementFreePlaces[] = [];
  for (let day = 0; day < 7; day++) {
    const base = day * MINUTES_PER_DAY;
    let minute = 0;
    while (minute < MINUTES_PER_DAY) {
      const places = least[base + minute] as number;
      let end = minute + 1;
      while (end < MINUTES_PER_DAY && least[base + end] === places) end++;
      if (places > 0) {
        ranges.push({ day: day + 1, from: minutesToHhmm(minute), to: minutesToHhmm(end), places });
      }
      minute = end;
    }
  }
  return ranges;
}

/**
 * The caregivers within `withinKm` of a point, nearest first (equal distances in input order): a family's
 * list without a ranking, and the caregivers that explain why nobody could take a child.
 */
export function caregiversByDistance(
  caregivers: readonly PlacementCaregiver[],
  location: GeoPoint,
  withinKm: number,
): PlacementCaregiver[] {
  return caregivers
    .map((caregiver, index) => ({ caregiver, index, km: haversineKm(location, caregiver.location) }))
    .filter((entry) => entry.km <= withinKm)
    .sort((a, b) => a.km - b.km || a.index - b.index)
    .map((entry) => entry.caregiver);
}

/**
 * The order the published criteria give a caregiver's children: priority points, higher first; among equal
 * points the request that came first (the input order, which the round is given in order of confirmation).
 */
export function criteriaOrder(
  requests: readonly Pick<PlacementRequest, "id" | "priorityPoints">[],
): string[] {
  return requests
    .map((request, index) => ({ id: request.id, points: request.priorityPoints, index }))
    .sort((a, b) => b.points - a.points || a.index - b.index)
    .map((entry) => entry.id);
}

/** How many children stand at another place in `order` than in the criteria's `expected` order. */
export function movedCount(order: readonly string[], expected: readonly string[]): number {
  let moved = 0;
  for (let i = 0; i < expected.length; i++) if (order[i] !== expected[i]) moved++;
  return moved;
}

/**
 * The family's preferences in a round: the caregivers they ranked, best first, without those whose offer
 * they declined or let lapse (they would accept only those they ranked); without a ranking, undefined: the
 * round takes the nearest that fit. Where caregivers must be left out, every caregiver within reach counts by
 * distance instead, since an absent list would bring them back. An empty array means nobody is left: the
 * request cannot be placed in this round.
 */
export function familyPreferences(
  ranked: readonly string[],
  declined: ReadonlySet<string>,
  nearestWithinReach: () => string[],
): string[] | undefined {
  if (ranked.length > 0) return ranked.filter((id) => !declined.has(id));
  if (declined.size === 0) return undefined;
  return nearestWithinReach().filter((id) => !declined.has(id));
}
