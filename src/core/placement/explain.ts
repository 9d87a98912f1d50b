/**
 * Explanations as data: why a caregiver does or does not fit a request (for the coordinator's suggestion
 * list), and why a round did not give a request a caregiver it ranked higher. Reasons are codes with
 * parameters, never sentences; the UI words them in the reader's language. Times are external
 * ({ day, from, to }), consecutive minutes merged into ranges.
 */

import { haversineKm, roundKm } from "../geo/geo";
import type { PlacementCaregiver, PlacementInstance, PlacementRequest } from "./instance";
import { caregiverRank, compileInstance, type PlacementModel, personalMismatch, UNFIT } from "./model";
import { careMinutes, freePieces, toDayRanges } from "./time";

/** Why a caregiver does not fit a request. */
export type FitReason =
  | { code: "distance"; km: number; maxKm: number }
  | { code: "age"; childAgeMonths: number; min: number; max: number }
  | { code: "inclusion" }
  | { code: "pets" }
  /** No free place in this range of the requested care; `free` is the places free there (0). */
  | { code: "noFreePlace"; day: number; from: string; to: string; free: number }
  /** No place left by count: maxChildren − existingChildren < 1. */
  | { code: "fullCount"; maxChildren: number; existingChildren: number };

/** What ranks suggestions: distance first (to 0.1 km, as shown), then how well the hours fit. */
export interface SuggestionScore {
  distanceKm: number;
  /** Share of the requested minutes in which she has a free place (1 = all). */
  hoursCoverage: number;
  /**
   * Share of her free time on the requested days that the child would use (1 = the hours match exactly):
   * a close match leaves no unusable remnants of her places.
   */
  hoursTightness: number;
}

export interface FitExplanation {
  requestId: string;
  caregiverId: string;
  /** Acceptable under the round's rules: distance, age, inclusion, pets, a free place at every minute. */
  acceptable: boolean;
  /** Acceptable and she has a place left by count: a suggestion the coordinator can make. */
  fits: boolean;
  reasons: FitReason[];
  score: SuggestionScore;
}

/** A stretch of requested care in which `free - taken < 1`, in minutes of the week. */
interface Shortfall {
  start: number;
  end: number;
  free: number;
  taken: number;
}

function coverCount(ranges: readonly number[], minute: number): number {
  for (let k = 0; k < ranges.length; k += 2) {
    if (minute < (ranges[k] as number)) return 0;
    if (minute < (ranges[k + 1] as number)) return 1;
  }
  return 0;
}

/**
 * Where the requested care (`care`, flat [start, end] pairs) finds no free place once the requests in
 * `taken` (each flat pairs) are counted: a sweep over the breakpoints inside each care range, equal
 * neighbours merged.
 */
function findShortfalls(
  care: readonly number[],
  pieces: readonly number[],
  taken: readonly (readonly number[])[],
): Shortfall[] {
  const shortfalls: Shortfall[] = [];
  for (let k = 0; k < care.length; k += 2) {
    const start = care[k] as number;
    const end = care[k + 1] as number;
    const cuts = new Set<number>([start, end]);
    const inside = (t: number) => {
      if (start < t && t < end) cuts.add(t);
    };
    for (let p = 0; p < pieces.length; p += 3) {
      inside(pieces[p] as number);
      inside(pieces[p + 1] as number);
    }
    for (const ranges of taken) for (const t of ranges) inside(t);
    const sorted = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const from = sorted[i] as number;
      const to = sorted[i + 1] as number;
      let free = 0;
      for (let p = 0; p < pieces.length; p += 3) {
        if ((pieces[p] as number) <= from && from < (pieces[p + 1] as number)) free = pieces[p + 2] as number;
      }
      let used = 0;
      for (const ranges of taken) used += coverCount(ranges, from);
      if (free - used >= 1) continue;
      const last = shortfalls.at(-1);
      if (last && last.end === from && last.free === free && last.taken === used) last.end = to;
      else shortfalls.push({ start: from, end: to, free, taken: used });
    }
  }
  return shortfalls;
}

function minutesIn(ranges: readonly number[]): number {
  let total = 0;
  for (let k = 0; k < ranges.length; k += 2) total += (ranges[k + 1] as number) - (ranges[k] as number);
  return total;
}

/** Why `caregiver` does or does not fit `request`, and how good a suggestion she is. */
export function explainFit(caregiver: PlacementCaregiver, request: PlacementRequest): FitExplanation {
  const km = haversineKm(request.location, caregiver.location);
  const mismatch = personalMismatch(caregiver, request, km);
  const reasons: FitReason[] = [];
  if (mismatch & UNFIT.distance)
    reasons.push({ code: "distance", km: roundKm(km), maxKm: request.maxDistanceKm });
  if (mismatch & UNFIT.age) {
    reasons.push({
      code: "age",
      childAgeMonths: request.childAgeMonths,
      min: caregiver.ageMonths.min,
      max: caregiver.ageMonths.max,
    });
  }
  if (mismatch & UNFIT.inclusion) reasons.push({ code: "inclusion" });
  if (mismatch & UNFIT.pets) reasons.push({ code: "pets" });

  const care = careMinutes(request.care);
  const pieces = freePieces(caregiver.freePlaces);
  const shortfalls = findShortfalls(care, pieces, []);
  for (const shortfall of shortfalls) {
    for (const range of toDayRanges(shortfall.start, shortfall.end)) {
      reasons.push({ code: "noFreePlace", ...range, free: shortfall.free });
    }
  }
  const acceptable = reasons.length === 0;
  if (caregiver.maxChildren - caregiver.existingChildren < 1) {
    reasons.push({
      code: "fullCount",
      maxChildren: caregiver.maxChildren,
      existingChildren: caregiver.existingChildren,
    });
  }

  const careTotal = minutesIn(care);
  const uncovered = shortfalls.reduce((sum, s) => sum + s.end - s.start, 0);
  const careDays = new Set<number>();
  for (let k = 0; k < care.length; k += 2) {
    for (let day = Math.floor((care[k] as number) / 1440); day * 1440 < (care[k + 1] as number); day++) {
      careDays.add(day);
    }
  }
  let freeOnCareDays = 0;
  for (let p = 0; p < pieces.length; p += 3) {
    for (const day of careDays) {
      const from = Math.max(pieces[p] as number, day * 1440);
      const to = Math.min(pieces[p + 1] as number, (day + 1) * 1440);
      if (to > from) freeOnCareDays += to - from;
    }
  }
  const coveredMinutes = careTotal - uncovered;
  return {
    requestId: request.id,
    caregiverId: caregiver.id,
    acceptable,
    fits: reasons.length === 0,
    reasons,
    score: {
      distanceKm: roundKm(km),
      hoursCoverage: careTotal === 0 ? 1 : coveredMinutes / careTotal,
      hoursTightness: freeOnCareDays === 0 ? 0 : Math.min(1, coveredMinutes / freeOnCareDays),
    },
  };
}

/**
 * Order of suggestions: those that fit first, then by distance (0.1 km), then by how much of the requested
 * time she covers, then by how tightly her free hours match; stable, so equal ones keep the input order.
 */
export function compareSuggestions(a: FitExplanation, b: FitExplanation): number {
  return (
    Number(b.fits) - Number(a.fits) ||
    a.score.distanceKm - b.score.distanceKm ||
    b.score.hoursCoverage - a.score.hoursCoverage ||
    b.score.hoursTightness - a.score.hoursTightness
  );
}

/** Every caregiver explained for one request, best suggestion first. */
export function rankSuggestions(
  request: PlacementRequest,
  caregivers: readonly PlacementCaregiver[],
): FitExplanation[] {
  return caregivers.map((caregiver) => explainFit(caregiver, request)).sort(compareSuggestions);
}

/** Why a caregiver had no room for the request in the round. */
export type RoomReason =
  /** No place by count even before the round. */
  | { code: "fullCount"; maxChildren: number; existingChildren: number }
  /** All places by count went to requests she ranks higher. */
  | { code: "countTaken"; places: number; takenByHigherRanked: number }
  /** At these times all free places went to requests she ranks higher. */
  | { code: "timesTaken"; day: number; from: string; to: string; free: number; takenByHigherRanked: number };

export type CutOff =
  | { caregiverId: string; outcome: "notAcceptable"; reasons: FitReason[] }
  | {
      caregiverId: string;
      outcome: "noRoom";
      /** What her ranking of requests rests on. */
      basis: "priorityOrder" | "priorityPoints";
      reasons: RoomReason[];
    }
  /** She would have had room: a blocking pair the round could not resolve (time slots can make that so). */
  | { caregiverId: string; outcome: "blockingPair" };

export interface RequestExplanation {
  requestId: string;
  assignedTo: string | null;
  /** Each caregiver the request ranked above its result, in the request's order (at most `maxCutOffs`). */
  cutOffs: CutOff[];
  /** How many caregivers the request ranked above its result: its choice number is this plus one. */
  cutOffTotal: number;
}

export interface ExplainRoundOptions {
  /** Only these requests (default: all). */
  requestIds?: readonly string[];
  /**
   * Explain at most this many of the caregivers ranked above each result, the first in the request's order.
   * A family without a ranking ranks every acceptable caregiver by distance, dozens in a city, and nobody
   * reads past the nearest few; explaining each costs time a large round does not have.
   */
  maxCutOffs?: number;
  /** The instance compiled already (by the caller's solve): compiling again costs as much as solving. */
  model?: PlacementModel;
}

function patternRanges(model: PlacementModel, r: number): number[] {
  const pattern = model.carePattern[r] as number;
  return Array.from(
    model.patternMinutes.subarray(
      model.patternStart[pattern] as number,
      model.patternStart[pattern + 1] as number,
    ),
  );
}

/**
 * For each request that is unplaced or placed below its first choice, why each caregiver it ranked above
 * its result did not take it. With preferences, "ranked" means the family's list, including caregivers
 * that turned out not acceptable; without, the acceptable caregivers nearer than its result.
 */
export function explainRound(
  instance: PlacementInstance,
  assignments: Readonly<Record<string, string | null>>,
  options: ExplainRoundOptions = {},
): RequestExplanation[] {
  const model = options.model ?? compileInstance(instance);
  const maxCutOffs = options.maxCutOffs ?? Number.POSITIVE_INFINITY;
  const { caregivers, requests } = instance;
  const assignedTo = requests.map((request) => {
    const id = assignments[request.id] ?? null;
    return id === null ? -1 : (model.caregiverIndex.get(id) ?? -1);
  });
  const heldBy = new Map<number, number[]>();
  assignedTo.forEach((c, r) => {
    if (c < 0) return;
    const held = heldBy.get(c);
    if (held) held.push(r);
    else heldBy.set(c, [r]);
  });
  const wanted = options.requestIds ? new Set(options.requestIds) : null;

  const explanations: RequestExplanation[] = [];
  requests.forEach((request, r) => {
    if (wanted && !wanted.has(request.id)) return;
    const assigned = assignedTo[r] as number;
    const ranked =
      request.preferences && request.preferences.length > 0
        ? [...new Set(request.preferences)].map((id) => model.caregiverIndex.get(id) as number)
        : Array.from(model.list.subarray(model.listStart[r] as number, model.listStart[r + 1] as number));
    const cut = assigned < 0 ? ranked.length : ranked.indexOf(assigned);
    if (cut <= 0) return;
    const care = patternRanges(model, r);
    // The model's list holds exactly the acceptable caregivers: only the others need their reasons worked out.
    const listed = new Set(
      model.list.subarray(model.listStart[r] as number, model.listStart[r + 1] as number),
    );
    const cutOffs = ranked.slice(0, Math.min(cut, maxCutOffs)).map((c): CutOff => {
      const caregiver = caregivers[c] as PlacementCaregiver;
      if (!listed.has(c)) {
        const fit = explainFit(caregiver, request);
        if (!fit.acceptable) {
          return { caregiverId: caregiver.id, outcome: "notAcceptable", reasons: fit.reasons };
        }
      }
      const rank = caregiverRank(model, c, r);
      const above = (heldBy.get(c) ?? []).filter((other) => caregiverRank(model, c, other) < rank);
      const limit = model.countLimit[c] as number;
      const reasons: RoomReason[] = [];
      if (limit === 0) {
        reasons.push({
          code: "fullCount",
          maxChildren: caregiver.maxChildren,
          existingChildren: caregiver.existingChildren,
        });
      } else if (above.length + 1 > limit) {
        reasons.push({ code: "countTaken", places: limit, takenByHigherRanked: above.length });
      }
      const pieces = Array.from(
        model.free.subarray(model.freeStart[c] as number, model.freeStart[c + 1] as number),
      );
      const taken = above.map((other) => patternRanges(model, other));
      for (const shortfall of findShortfalls(care, pieces, taken)) {
        for (const range of toDayRanges(shortfall.start, shortfall.end)) {
          reasons.push({
            code: "timesTaken",
            ...range,
            free: shortfall.free,
            takenByHigherRanked: shortfall.taken,
          });
        }
      }
      if (reasons.length === 0) return { caregiverId: caregiver.id, outcome: "blockingPair" };
      return {
        caregiverId: caregiver.id,
        outcome: "noRoom",
        basis: caregiver.priorityOrder ? "priorityOrder" : "priorityPoints",
        reasons,
      };
    });
    explanations.push({
      requestId: request.id,
      assignedTo: assigned < 0 ? null : (caregivers[assigned]?.id ?? null),
      cutOffs,
      cutOffTotal: cut,
    });
  });
  return explanations;
}
