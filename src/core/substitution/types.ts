/**
 * The shapes the substitution rules exchange with the server. Days are ISO dates ("YYYY-MM-DD"), times of a
 * day are minutes (0–1440, `to` exclusive), distances kilometres. Weekly times come as the placement contract
 * stores them (`CareTime`: day 1 = Monday … 7, "HH:MM"), capacity profiles as core/caregivers keeps them.
 */

import type { CoverKind, ProblemCode } from "../../contracts/substitution";
import type { CapacityProfile } from "../caregivers/capacity";
import type { GeoPoint } from "../geo/geo";
import type { CareTime } from "../placement/requests";

/** Minutes of one day, `[from, to)`; a list of them is sorted, disjoint and never touching. */
export type MinuteRange = [from: number, to: number];

/** An absence as stored: both dates inclusive; a part-day window applies to each day (null = whole days). */
export interface AbsenceWindow {
  startsOn: string;
  endsOn: string;
  dayFrom: number | null;
  dayTo: number | null;
}

/** A care contract as the placement module stores it (the server passes only contracts in status active). */
export interface CareContract {
  id: string;
  start: string;
  /** Last day of care, inclusive; null = open-ended. */
  end: string | null;
  careTimes: readonly CareTime[];
}

/** One child (contract) on one day with the times she would have been cared for. */
export interface ChildDay {
  contractId: string;
  day: string;
  ranges: MinuteRange[];
}

/** A child-day to cover, with what the rules need to know about the child. */
export interface CoverChild extends ChildDay {
  absentCaregiverId: string;
  /** Age on that day (core/placement/requests ageInMonths). */
  ageMonths: number;
  /** Siblings share it (same parent account or e-mail); null = no known siblings. */
  familyKey: string | null;
  /** Where the family lives; null (no request) = distances are measured from the absent caregiver. */
  home: GeoPoint | null;
  /** Caregiver ids of the persons the child knows (see familiarity.ts). */
  knows: readonly string[];
}

/** A licence: children present at once, valid from–to (both inclusive). */
export interface CoverLicence {
  validFrom: string;
  validTo: string;
  maxChildren: number;
}

/** A person of the registry who may cover: a day-care person or an employed substitute. */
export interface CoverPerson {
  /** The caregiver id. */
  id: string;
  /** Marked as employed substitute (substitution_substitutes). */
  isSubstitute: boolean;
  /** Null: no known place; she can then only cover children who know her or as tandem partner. */
  location: GeoPoint | null;
  ageMinMonths: number;
  ageMaxMonths: number;
  /** Licences; on a day without a valid one she never covers. The largest valid `maxChildren` is the limit. */
  licences: readonly CoverLicence[];
  /** Capacity profiles: her working hours are the slots of the profile in effect that weekday. */
  profiles: readonly CapacityProfile[];
  /** Her own children (active contracts): they are present at once with any covered child. */
  contracts: readonly CareContract[];
  /** Her own active absences: she covers nobody while absent (part days: only in the window). */
  absences: readonly AbsenceWindow[];
}

/** A cooperating Kita. */
export interface CoverKita {
  id: string;
  location: GeoPoint | null;
  /** Children it takes at once. */
  places: number;
  ageMinMonths: number;
  ageMaxMonths: number;
  /** Opening hours per weekday. */
  hours: readonly CareTime[];
}

/** A caregiver's substitution arrangement. */
export interface CoverArrangement {
  caregiverId: string;
  tandemPartnerIds: readonly string[];
  substituteIds: readonly string[];
  kitaId: string | null;
}

/**
 * A cover that already holds a place (confirmed, or proposed for another absence): it counts as present
 * with the covering person or at the Kita. Never list here the child-days being proposed now.
 */
export interface ExistingCover {
  personId: string | null;
  kitaId: string | null;
  day: string;
  ranges: readonly MinuteRange[];
}

export interface CoverInput {
  children: readonly CoverChild[];
  /** Every candidate person and every absent caregiver (for the distances to her). */
  people: readonly CoverPerson[];
  kitas: readonly CoverKita[];
  arrangements: readonly CoverArrangement[];
  existingCovers: readonly ExistingCover[];
  /** Limit for other substitutes, caregivers and Kitas; known persons, tandem partners and the arranged
   * substitutes and Kita are asked regardless of distance. */
  maxDistanceKm: number;
}

/**
 * Why a cover is not possible. For capacity: the first day and minutes where children present (`present`,
 * counting the new ones) exceed the `limit` (licence or Kita places). Minutes of the day; the server turns
 * them into "HH:MM" (minutesToHhmm) and the person's id into her name for the contract's `coverProblem`.
 */
export interface CoverCheckProblem {
  code: ProblemCode;
  personId: string | null;
  kitaId: string | null;
  day: string | null;
  from: number | null;
  to: number | null;
  present: number | null;
  limit: number | null;
}

/** The proposal for one child-day: a cover (`kind` set, `problem` null) or uncovered (`kind` null, `problem`). */
export interface CoverProposal {
  contractId: string;
  day: string;
  kind: CoverKind | null;
  personId: string | null;
  kitaId: string | null;
  /** The child knows the covering person. */
  isKnown: boolean;
  /** Family (or absent caregiver) to the cover place, to 0.1 km; null when a point is unknown. */
  distanceKm: number | null;
  /** `distanceKm` minus the distance from the family to the absent caregiver, to 0.1 km (may be negative). */
  extraDistanceKm: number | null;
  problem: CoverCheckProblem | null;
}

/** A candidate (person or Kita) for one child-day, with its kind and why it is not possible (null: possible). */
export interface CandidateEvaluation {
  kind: CoverKind;
  personId: string | null;
  kitaId: string | null;
  isKnown: boolean;
  distanceKm: number | null;
  extraDistanceKm: number | null;
  problem: CoverCheckProblem | null;
}

/** A candidate to evaluate: exactly one of the two ids. */
export type CandidateRef = { personId: string; kitaId?: null } | { kitaId: string; personId?: null };
