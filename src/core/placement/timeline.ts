/**
 * A caregiver's week as segments in which her free places and the number of children held stay the same.
 * Segment boundaries start as the ends of her free ranges and are split on demand at the ends of each
 * request's care that reaches her, so a caregiver has a few dozen segments instead of 10,080 minutes, and
 * only requests that actually proposed to her shape them (memory matters at country scale).
 */

import type { PlacementModel } from "./model";

export class CaregiverTimeline {
  /** Segment k is [bounds[k], bounds[k + 1]). */
  readonly bounds: number[] = [];
  /** Free places per segment (0 in the gaps between her free ranges). */
  readonly free: number[] = [];
  /** Held children per segment. */
  readonly load: number[] = [];
  /**
   * Segments per care pattern seen here, as two parallel lists: a caregiver sees a handful of patterns, and
   * a linear scan over a few integers beats a Map lookup in the innermost loop of the round.
   */
  private cachedPatterns: number[] = [];
  private cachedSegments: number[][] = [];
  private cacheMap: Map<number, number[]> | null = null;

  constructor(model: PlacementModel, c: number) {
    const { free, freeStart } = model;
    for (let k = freeStart[c] as number; k < (freeStart[c + 1] as number); k += 3) {
      const start = free[k] as number;
      const last = this.bounds.length - 1;
      if (last < 0) {
        this.bounds.push(start);
      } else if ((this.bounds[last] as number) < start) {
        this.free.push(0);
        this.load.push(0);
        this.bounds.push(start);
      }
      this.free.push(free[k + 2] as number);
      this.load.push(0);
      this.bounds.push(free[k + 1] as number);
    }
  }

  /** Index of the boundary at minute `t`, creating it by splitting the segment that contains `t`. */
  private boundaryAt(t: number): number {
    const bounds = this.bounds;
    let lo = 0;
    let hi = bounds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((bounds[mid] as number) < t) lo = mid + 1;
      else hi = mid;
    }
    if (bounds[lo] === t) return lo;
    if (lo === 0 || lo === bounds.length) {
      // Only acceptable requests reach a timeline, and their care lies within her free ranges.
      throw new RangeError(`minute ${t} lies outside the caregiver's free ranges`);
    }
    bounds.splice(lo, 0, t);
    this.free.splice(lo, 0, this.free[lo - 1] as number);
    this.load.splice(lo, 0, this.load[lo - 1] as number);
    return lo;
  }

  /**
   * The indices of the segments request `r` needs. Valid until the next call, which may split segments;
   * cached per care pattern until a split renumbers them (splits stop once every pattern has been seen).
   */
  segmentsOf(model: PlacementModel, r: number): readonly number[] {
    const pattern = model.carePattern[r] as number;
    if (this.cacheMap) {
      const cached = this.cacheMap.get(pattern);
      if (cached) return cached;
    } else {
      const patterns = this.cachedPatterns;
      for (let i = 0; i < patterns.length; i++) {
        if (patterns[i] === pattern) return this.cachedSegments[i] as number[];
      }
    }
    const { patternMinutes, patternStart } = model;
    const boundsBefore = this.bounds.length;
    const segments: number[] = [];
    // Splitting only ever inserts after the ranges already handled (care is sorted), so indices collected
    // earlier in this call stay valid.
    for (let k = patternStart[pattern] as number; k < (patternStart[pattern + 1] as number); k += 2) {
      const first = this.boundaryAt(patternMinutes[k] as number);
      const end = this.boundaryAt(patternMinutes[k + 1] as number);
      for (let s = first; s < end; s++) segments.push(s);
    }
    if (this.bounds.length !== boundsBefore) {
      this.cachedPatterns = [];
      this.cachedSegments = [];
      this.cacheMap = null;
    }
    if (this.cacheMap) {
      this.cacheMap.set(pattern, segments);
    } else {
      this.cachedPatterns.push(pattern);
      this.cachedSegments.push(segments);
      // Unusually many patterns at one caregiver: a scan would no longer be cheap.
      if (this.cachedPatterns.length > 32) {
        this.cacheMap = new Map(this.cachedPatterns.map((p, i) => [p, this.cachedSegments[i] as number[]]));
      }
    }
    return segments;
  }

  /** Whether one more child fits in every listed segment. */
  hasRoom(segments: readonly number[]): boolean {
    for (const s of segments) {
      if ((this.free[s] as number) - (this.load[s] as number) < 1) return false;
    }
    return true;
  }

  add(segments: readonly number[], delta: number): void {
    for (const s of segments) this.load[s] = (this.load[s] as number) + delta;
  }

  clearLoad(): void {
    this.load.fill(0);
  }
}

/** Whether care pattern `outer` covers every minute of care pattern `inner`. */
export function patternContains(model: PlacementModel, outer: number, inner: number): boolean {
  if (outer === inner) return true;
  const { patternMinutes, patternStart } = model;
  let k = patternStart[outer] as number;
  const outerEnd = patternStart[outer + 1] as number;
  for (let i = patternStart[inner] as number; i < (patternStart[inner + 1] as number); i += 2) {
    while (k < outerEnd && (patternMinutes[k + 1] as number) <= (patternMinutes[i] as number)) k += 2;
    if (k >= outerEnd) return false;
    if ((patternMinutes[k] as number) > (patternMinutes[i] as number)) return false;
    if ((patternMinutes[k + 1] as number) < (patternMinutes[i + 1] as number)) return false;
  }
  return true;
}

/** Whether request `r` needs care at minute `t`. */
export function needsMinute(model: PlacementModel, r: number, t: number): boolean {
  const { patternMinutes, patternStart } = model;
  const pattern = model.carePattern[r] as number;
  for (let k = patternStart[pattern] as number; k < (patternStart[pattern + 1] as number); k += 2) {
    if (t < (patternMinutes[k] as number)) return false;
    if (t < (patternMinutes[k + 1] as number)) return true;
  }
  return false;
}
