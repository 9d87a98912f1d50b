/**
 * Teaching units (Unterrichtseinheiten, UE) of 45 minutes. Course plans, attendance lists and certificates
 * count whole and half units (a 90-minute instruction is 2 UE, a trainee who comes 20 minutes late loses half
 * a unit), so every figure here is a multiple of 0.5. Halves are exact binary fractions, so sums of them never
 * drift; shares and pro-rata figures are computed on integer half units and only then turned back into UE.
 */

export const MINUTES_PER_UNIT = 45;

/** Whether `units` is a finite, non-negative multiple of half a unit. */
export function isHalfUnitMultiple(units: number): boolean {
  return Number.isFinite(units) && units >= 0 && Number.isInteger(units * 2);
}

/** `numerator / denominator` of `units`, rounded up to the next half unit (a minimum must not be undercut). */
export function ceilHalfUnits(units: number, numerator: number, denominator: number): number {
  // Integer half units times an integer numerator is exact; the one division is the only rounding step, so
  // 55 % of 50 UE is 27.5 UE and not 28 as 50 * 0.55 = 27.500000000000004 rounded up would give.
  return Math.ceil((Math.round(units * 2) * numerator) / denominator) / 2;
}

/** `numerator / denominator` of `units`, rounded down to a half unit (a pro-rata expectation, lenient). */
export function floorHalfUnits(units: number, numerator: number, denominator: number): number {
  return Math.floor((Math.round(units * 2) * numerator) / denominator) / 2;
}

/**
 * The units lost by arriving late or leaving early, from minutes: rounded up to the next half unit, because a
 * certificate must never confirm time that was not attended (10 minutes late = 0.5 UE, 23 minutes = 1 UE).
 */
export function unitsLostForMinutes(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  return Math.ceil((minutes * 2) / MINUTES_PER_UNIT) / 2;
}

/** The most units that fit into `minutes` of teaching time, in half units. */
export function unitsFittingMinutes(minutes: number): number {
  return Math.floor((minutes * 2) / MINUTES_PER_UNIT) / 2;
}
