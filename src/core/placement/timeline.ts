/**
 * The caregivers' weeks as segments in which her free places and the number of children held stay the
 * same, so that "room at every minute" is a test of a few segments instead of 10,080 minutes.
 *
 * A caregiver's segments are cut where her free ranges and the care of any request that ranks her begin or
 * end, all at once when she is first asked, so that they never need splitting later; each care pattern among
 * the requests that rank her then has its list of segments ready. Each caregiver's timeline is one block of
 * a flat arena shared by all, rather than arrays of her own: a country's 45,000 caregivers are visited
 * millions of times in no particular order, and chasing a few objects per visit cost more than the test
 * itself.
 *
 * A caregiver whose count limit is no more than her places at any free minute needs none of it: every
 * request that ranks her needs only minutes in which she is free, so count alone decides whether there is
 * room (most caregivers have the same places all week).
 */

import type { PlacementModel } from "./model";

/** Growable Int32 pool. */
function grow(pool: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= pool.length) return pool;
  const grown = new Int32Array(Math.max(needed, pool.length * 2));
  grown.set(pool);
  return grown;
}

/** A segment in the arena: the minute it starts, the places free in it, the children held in it. */
export const SEGMENT_MINUTE = 0;
export const SEGMENT_FREE = 1;
export const SEGMENT_LOAD = 2;
const SEGMENT_SIZE = 3;

export class Timelines {
  private readonly model: PlacementModel;
  /** Per caregiver: 1 when count alone decides room (her count limit is at most her places at any free minute). */
  readonly countBound: Uint8Array;
  /**
   * Each caregiver's timeline as one block of the arena, so that a test touches a few neighbouring cache
   * lines: her number of care patterns P, the P patterns in ascending order, the P offsets of their segment
   * lists, her segments (SEGMENT_SIZE numbers each), then the segment lists (a count, then the arena
   * positions of the segments).
   */
  arena = new Int32Array(4096);
  private arenaLength = 0;
  /** Per caregiver: where her block starts, or -1 before her week is cut. */
  private readonly block: Int32Array;
  /** Scratch: the caregiver (+1) for whom a care pattern was last seen. */
  private readonly patternSeen: Int32Array;
  private cuts = new Int32Array(64);
  private patterns = new Int32Array(64);

  /** `alwaysCheckHours`: mark no caregiver count-bound, so that every one gets a timeline (tests). */
  constructor(model: PlacementModel, alwaysCheckHours = false) {
    this.model = model;
    const { caregiverCount, countLimit, free, freeStart } = model;
    this.countBound = new Uint8Array(caregiverCount);
    for (let c = 0; c < caregiverCount && !alwaysCheckHours; c++) {
      let places = Number.POSITIVE_INFINITY;
      for (let k = freeStart[c] as number; k < (freeStart[c + 1] as number); k += 3) {
        places = Math.min(places, free[k + 2] as number);
      }
      this.countBound[c] = (countLimit[c] as number) <= places ? 1 : 0;
    }
    this.block = new Int32Array(caregiverCount).fill(-1);
    this.patternSeen = new Int32Array(model.patternStart.length - 1);
  }

  /**
   * The arena offset of the segment list of care pattern `pattern` at caregiver `c` (that of a request
   * ranking her): the number of segments, then their arena positions.
   */
  segmentsOf(c: number, pattern: number): number {
    let block = this.block[c] as number;
    if (block < 0) block = this.cut(c);
    const arena = this.arena;
    const count = arena[block] as number;
    let lo = block + 1;
    let hi = block + count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((arena[mid] as number) < pattern) lo = mid + 1;
      else hi = mid;
    }
    if (count === 0 || arena[lo] !== pattern) {
      throw new RangeError(`care pattern ${pattern} does not reach caregiver ${c}`);
    }
    return arena[lo + count] as number;
  }

  /** Whether one more child fits in every segment of the list at `offset`. */
  hasRoom(offset: number): boolean {
    const arena = this.arena;
    const end = offset + 1 + (arena[offset] as number);
    for (let i = offset + 1; i < end; i++) {
      const s = arena[i] as number;
      if ((arena[s + SEGMENT_FREE] as number) - (arena[s + SEGMENT_LOAD] as number) < 1) return false;
    }
    return true;
  }

  add(offset: number, delta: number): void {
    const arena = this.arena;
    const end = offset + 1 + (arena[offset] as number);
    for (let i = offset + 1; i < end; i++) {
      const s = (arena[i] as number) + SEGMENT_LOAD;
      arena[s] = (arena[s] as number) + delta;
    }
  }

  /** Forgets the children held by caregiver `c`. */
  clearLoad(c: number): void {
    const block = this.block[c] as number;
    if (block < 0) return;
    const arena = this.arena;
    const patterns = arena[block] as number;
    const first = block + 1 + 2 * patterns;
    // The first segment list starts right after the segments.
    const end = patterns === 0 ? first : (arena[block + 1 + patterns] as number);
    for (let s = first; s < end; s += SEGMENT_SIZE) arena[s + SEGMENT_LOAD] = 0;
  }

  /**
   * Cuts the caregiver's week at the ends of her free ranges and of the care of every request ranking her,
   * and writes her block; returns where it starts.
   */
  private cut(c: number): number {
    const { free, freeStart, listers, listerStart, carePattern, patternStart, patternMinutes } = this.model;
    const stamp = c + 1;
    let patternCount = 0;
    for (let k = listerStart[c] as number; k < (listerStart[c + 1] as number); k++) {
      const p = carePattern[listers[k] as number] as number;
      if (this.patternSeen[p] === stamp) continue;
      this.patternSeen[p] = stamp;
      this.patterns = grow(this.patterns, patternCount + 1);
      this.patterns[patternCount++] = p;
    }
    const patterns = this.patterns.subarray(0, patternCount).sort();

    let cutCount = (freeStart[c + 1] as number) - (freeStart[c] as number);
    for (let i = 0; i < patternCount; i++) {
      const p = patterns[i] as number;
      cutCount += (patternStart[p + 1] as number) - (patternStart[p] as number);
    }
    this.cuts = grow(this.cuts, cutCount);
    const cuts = this.cuts;
    let n = 0;
    for (let k = freeStart[c] as number; k < (freeStart[c + 1] as number); k += 3) {
      cuts[n++] = free[k] as number;
      cuts[n++] = free[k + 1] as number;
    }
    for (let i = 0; i < patternCount; i++) {
      const p = patterns[i] as number;
      for (let m = patternStart[p] as number; m < (patternStart[p + 1] as number); m++) {
        cuts[n++] = patternMinutes[m] as number;
      }
    }
    const sorted = cuts.subarray(0, n).sort();
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      if (distinct === 0 || sorted[i] !== sorted[distinct - 1]) sorted[distinct++] = sorted[i] as number;
    }
    // Segment i is [sorted[i], sorted[i + 1]); the last cut only ends the one before it.
    const segments = Math.max(0, distinct - 1);

    let listsLength = 0;
    for (let t = 0; t < patternCount; t++) {
      const p = patterns[t] as number;
      listsLength++;
      for (let i = patternStart[p] as number; i < (patternStart[p + 1] as number); i += 2) {
        listsLength += segmentIndex(sorted, distinct, patternMinutes[i + 1] as number);
        listsLength -= segmentIndex(sorted, distinct, patternMinutes[i] as number);
      }
    }
    const block = this.arenaLength;
    const firstSegment = block + 1 + 2 * patternCount;
    const size = 1 + 2 * patternCount + SEGMENT_SIZE * segments + listsLength;
    this.arena = grow(this.arena, block + size);
    const arena = this.arena;
    arena[block] = patternCount;

    let piece = freeStart[c] as number;
    const pieceEnd = freeStart[c + 1] as number;
    for (let i = 0; i < segments; i++) {
      const minute = sorted[i] as number;
      while (piece < pieceEnd && (free[piece + 1] as number) <= minute) piece += 3;
      const inside = piece < pieceEnd && (free[piece] as number) <= minute;
      const s = firstSegment + SEGMENT_SIZE * i;
      arena[s + SEGMENT_MINUTE] = minute;
      arena[s + SEGMENT_FREE] = inside ? (free[piece + 2] as number) : 0;
      arena[s + SEGMENT_LOAD] = 0;
    }

    let next = firstSegment + SEGMENT_SIZE * segments;
    for (let t = 0; t < patternCount; t++) {
      const p = patterns[t] as number;
      arena[block + 1 + t] = p;
      arena[block + 1 + patternCount + t] = next;
      const countAt = next++;
      for (let i = patternStart[p] as number; i < (patternStart[p + 1] as number); i += 2) {
        const from = segmentIndex(sorted, distinct, patternMinutes[i] as number);
        const to = segmentIndex(sorted, distinct, patternMinutes[i + 1] as number);
        for (let s = from; s < to; s++) arena[next++] = firstSegment + SEGMENT_SIZE * s;
      }
      arena[countAt] = next - countAt - 1;
    }
    this.arenaLength = block + size;
    this.block[c] = block;
    return block;
  }
}

/** Index of `minute` among the first `count` sorted cuts (every care boundary is one of them). */
function segmentIndex(sorted: Int32Array, count: number, minute: number): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < minute) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
