/**
 * The allocation-round instance and result as exchanged with the outside (CLI file, server job): ids are
 * strings, times "HH:MM" on day 1 (Monday) … 7 (Sunday), `to` exclusive. The algorithm works on a compiled
 * form of it (see model.ts) and assumes the instance is valid; validation of untrusted input happens at the
 * edge (src/cli).
 */

import type { GeoPoint } from "../geo/geo";

/** A weekly range: `day` 1 = Monday … 7 = Sunday; `from` and `to` "HH:MM", `to` exclusive, "24:00" allowed. */
export interface PlacementTimeRange {
  day: number;
  from: string;
  to: string;
}

/** Places still free in a weekly range (outside every range of a caregiver: none). */
export interface PlacementFreePlaces extends PlacementTimeRange {
  places: number;
}

export interface PlacementCaregiver {
  id: string;
  location: GeoPoint;
  /** Ages she takes, in months, both ends inclusive. */
  ageMonths: { min: number; max: number };
  /** Children she may have under contract at all (licence). */
  maxChildren: number;
  /** Children already under contract, counted against `maxChildren`. */
  existingChildren: number;
  /** Whether she takes children who need inclusion. */
  inclusion: boolean;
  /** Whether there are pets in her home. */
  pets: boolean;
  freePlaces: PlacementFreePlaces[];
  /**
   * Her ranking of requests by id, best first; requests not listed come after the listed ones, among
   * themselves by priority points. Without it she ranks all requests by priority points.
   */
  priorityOrder?: string[];
}

export interface PlacementRequest {
  id: string;
  location: GeoPoint;
  childAgeMonths: number;
  care: PlacementTimeRange[];
  maxDistanceKm: number;
  needsInclusion: boolean;
  noPets: boolean;
  /** Points under the published criteria; higher ranks first. */
  priorityPoints: number;
  /**
   * Caregiver ids in the family's order, best first. Absent or empty: all acceptable caregivers by
   * distance.
   */
  preferences?: string[];
}

export interface PlacementInstance {
  caregivers: PlacementCaregiver[];
  requests: PlacementRequest[];
}

export interface PlacementStats {
  requests: number;
  caregivers: number;
  placed: number;
  unplaced: number;
  /** Request–caregiver pairs in which the caregiver is acceptable to the request. */
  acceptablePairs: number;
  /** Offers made by requests to caregivers, deferred acceptance and repair together. */
  proposals: number;
  /** Blocking pairs right after deferred acceptance, before any repair. */
  blockingPairsAfterDeferredAcceptance: number;
  repairRounds: number;
  /** Requests moved to a caregiver they envied during repair. */
  repairMoves: number;
  blockingPairs: number;
  /** True when the result has no blocking pair. */
  stable: boolean;
}

export interface PlacementResult {
  /** Every request id, mapped to its caregiver's id or null when unplaced. */
  assignments: Record<string, string | null>;
  /** [request id, caregiver id] pairs with justified envy, in request input order, then the request's ranking. */
  blockingPairs: [string, string][];
  stats: PlacementStats;
}
