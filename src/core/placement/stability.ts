/**
 * Blocking pairs (justified envy): request r and caregiver c acceptable to r, ranked by r above its
 * assignment (or r unplaced), such that r together with the requests held by c that c ranks above r fits c
 * (count and, at every minute, free places). The requests c ranks below r do not count: she would let them
 * go for r.
 *
 * Finding them after deferred acceptance need not look at every pair. When c turned r down, the requests
 * she held above r left no room for it (by count or at some minute). Later changes at c that only add a
 * request, or add one and push out her lowest-ranked request either for lack of count or because the
 * newcomer needs every minute the pushed-out one needed, never lower her count or any minute's load among
 * those above r, so r stays without room. Only caregivers with another kind of change ("irregular": several
 * pushed out, one above the lowest, a request withdrawn) need their pairs checked. With identical hours
 * every change is regular, as deferred acceptance's stability proof expects.
 */

import type { AllocationState } from "./deferred-acceptance";
import { caregiverRank, type PlacementModel } from "./model";
import { needsMinute, SEGMENT_FREE, SEGMENT_MINUTE } from "./timeline";

/** Whether request `r` and the caregiver at `position` of its list form a blocking pair in `state`. */
export function isBlockingPair(state: AllocationState, r: number, position: number): boolean {
  const { model } = state;
  const assigned = state.assignedPosition[r] as number;
  if (assigned >= 0 && position >= assigned) return false;
  return hasRoomAbove(state, r, model.list[(model.listStart[r] as number) + position] as number);
}

/**
 * Whether caregiver `c` (acceptable to `r`) would have room for `r` among the requests she holds and ranks
 * above it: the rest of the blocking-pair test, once `r` is known to rank her above its assignment.
 */
function hasRoomAbove(state: AllocationState, r: number, c: number): boolean {
  const { model } = state;
  const limit = state.countLimit(c);
  if (limit === 0) return false;
  const start = state.firstSlot(c);
  const count = state.heldCount(c);
  const ranks = state.heldRank;
  const rank = caregiverRank(model, c, r);
  // Cheap count test first: most envy in a busy round is towards caregivers full of higher-ranked children.
  if (count >= limit && (ranks[start + limit - 1] as number) < rank) return false;
  let above = 0;
  while (above < count && (ranks[start + above] as number) < rank) above++;
  if (above + 1 > limit) return false;
  // Where count alone decides, any set within her count fits her hours (see timeline.ts).
  if (state.countBound(c)) return true;
  const timelines = state.timelines;
  const segments = timelines.segmentsOf(c, model.carePattern[r] as number);
  if (above === count) return timelines.hasRoom(segments);
  const arena = timelines.arena;
  const end = segments + 1 + (arena[segments] as number);
  for (let i = segments + 1; i < end; i++) {
    const s = arena[i] as number;
    const minute = arena[s + SEGMENT_MINUTE] as number;
    let taken = 0;
    for (let j = 0; j < above; j++) {
      if (needsMinute(model, state.heldRequest[start + j] as number, minute)) taken++;
    }
    if ((arena[s + SEGMENT_FREE] as number) - taken < 1) return false;
  }
  return true;
}

/** The current blocking pairs of a state, kept up to date from its change lists. */
export class BlockingPairs {
  private readonly model: PlacementModel;
  /** Per entry of the model's flat ranking list: 1 when that pair blocks. */
  private readonly flags: Uint8Array;
  private readonly perRequest: Int32Array;
  /** Requests with at least one blocking pair. */
  readonly requests = new Set<number>();
  count = 0;

  constructor(model: PlacementModel) {
    this.model = model;
    this.flags = new Uint8Array(model.list.length);
    this.perRequest = new Int32Array(model.requestCount);
  }

  private set(r: number, position: number, blocking: boolean): void {
    const k = (this.model.listStart[r] as number) + position;
    const was = this.flags[k] === 1;
    if (was === blocking) return;
    this.flags[k] = blocking ? 1 : 0;
    const delta = blocking ? 1 : -1;
    this.count += delta;
    const left = (this.perRequest[r] as number) + delta;
    this.perRequest[r] = left;
    if (left === 0) this.requests.delete(r);
    else this.requests.add(r);
  }

  private checkRequest(state: AllocationState, r: number): void {
    const { list, listStart } = this.model;
    const start = listStart[r] as number;
    const length = (listStart[r + 1] as number) - start;
    const assigned = state.assignedPosition[r] as number;
    // Only caregivers it ranks above its assignment can block; flags further down need clearing at most.
    const above = assigned < 0 ? length : assigned;
    for (let position = 0; position < above; position++) {
      this.set(r, position, hasRoomAbove(state, r, list[start + position] as number));
    }
    for (let position = above; position < length && (this.perRequest[r] as number) > 0; position++) {
      this.set(r, position, false);
    }
  }

  private checkCaregiver(state: AllocationState, c: number): void {
    const { listerStart, listers, listerPosition } = this.model;
    for (let k = listerStart[c] as number; k < (listerStart[c + 1] as number); k++) {
      const r = listers[k] as number;
      const position = listerPosition[k] as number;
      const assigned = state.assignedPosition[r] as number;
      const blocking = (assigned < 0 || position < assigned) && hasRoomAbove(state, r, c);
      // A request without blocking pairs has no flag to clear: the common case, without touching the flags.
      if (!blocking && this.perRequest[r] === 0) continue;
      this.set(r, position, blocking);
    }
  }

  /** Checks every pair. */
  refreshAll(state: AllocationState): void {
    for (let r = 0; r < this.model.requestCount; r++) this.checkRequest(state, r);
  }

  /** Checks the pairs of the given caregivers; right after deferred acceptance, the irregular ones suffice. */
  refreshCaregivers(state: AllocationState, caregivers: readonly number[]): void {
    for (const c of caregivers) this.checkCaregiver(state, c);
  }

  /**
   * Re-checks the pairs a change can affect: a pair's status depends only on the request's assignment and
   * on what its caregiver holds.
   */
  refresh(state: AllocationState, changes: { requests: number[]; caregivers: number[] }): void {
    for (const r of changes.requests) this.checkRequest(state, r);
    for (const c of changes.caregivers) this.checkCaregiver(state, c);
  }

  /** The blocking caregiver the request ranks highest, as a position in its list, or -1. */
  bestFor(r: number): number {
    const start = this.model.listStart[r] as number;
    const end = this.model.listStart[r + 1] as number;
    for (let k = start; k < end; k++) if (this.flags[k] === 1) return k - start;
    return -1;
  }

  /** All blocking pairs as [request, caregiver] indices, by request, then by the request's ranking. */
  pairs(): [number, number][] {
    const pairs: [number, number][] = [];
    const { list, listStart } = this.model;
    for (const r of [...this.requests].sort((a, b) => a - b)) {
      for (let k = listStart[r] as number; k < (listStart[r + 1] as number); k++) {
        if (this.flags[k] === 1) pairs.push([r, list[k] as number]);
      }
    }
    return pairs;
  }
}
