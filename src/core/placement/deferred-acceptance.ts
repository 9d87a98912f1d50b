/**
 * Child-proposing deferred acceptance (Gale–Shapley, as KitaMatch runs it) with time-slot capacities.
 *
 * Requests propose down their rankings one at a time (McVitie–Wilson order, which ends in the same matching
 * as proposing in rounds). A caregiver holds the requests she would choose from everything proposed so far:
 * in her ranking order, each request that still fits with those kept before it. With identical times this
 * is the usual "best q" choice and the outcome is the child-optimal stable matching. With time slots the
 * choice is not substitutable (a newcomer can push out a child whose hours blocked a lower-ranked one), so
 * the outcome may have blocking pairs; the state therefore also supports moving a request back up its list,
 * which the repair in solve.ts uses.
 */

import { caregiverRank, type PlacementModel } from "./model";
import { patternContains, Timelines } from "./timeline";

/*
 * Each caregiver's record in `AllocationState.caregivers`: four numbers in one cache line, since every offer
 * reads them first and a country's 45,000 caregivers are visited millions of times in no particular order
 * (an array per field cost a cache miss per field, and misses were most of the round's time).
 */
/**
 * The rank above which she turns a request down without looking further: that of her lowest-ranked request
 * when she is full by count, -1 without places, else NO_CUTOFF.
 */
const CUTOFF = 0;
/** Her count limit · 4 + her flags; the limit capped at 2²⁸, beyond any instance that fits in memory. */
const LIMIT_FLAGS = 1;
/** How many requests she holds. */
const HELD = 2;
/** Where her slots in heldRequest/heldRank start. */
const FIRST_SLOT = 3;
const RECORD = 4;
/** Flags in LIMIT_FLAGS. */
const HAS_PRIORITY_ORDER = 1;
const COUNT_BOUND = 2;
const NO_CUTOFF = 0x7fffffff;

export class AllocationState {
  readonly model: PlacementModel;
  /** Position of the request's caregiver in its own list, or -1 when unplaced. */
  readonly assignedPosition: Int32Array;
  /** Where the request continues proposing. */
  readonly nextPosition: Int32Array;
  /** Per caregiver, her record (see CUTOFF … FIRST_SLOT above). */
  private readonly caregivers: Int32Array;
  /**
   * The requests each caregiver holds, best first by her ranking, with their ranks: caregiver c owns the
   * slots from `firstSlot(c)` on, `heldCount(c)` of them in use. Flat typed arrays rather than an array per
   * caregiver, for the same reason as the records.
   */
  readonly heldRequest: Int32Array;
  readonly heldRank: Int32Array;
  /** Offers made so far. */
  proposals = 0;

  /** Free places and children held over each caregiver's week (see timeline.ts). */
  readonly timelines: Timelines;
  private readonly queue: number[] = [];
  private queueHead = 0;
  private readonly changedRequestFlag: Uint8Array;
  private readonly changedCaregiverFlag: Uint8Array;
  private readonly changedRequestList: number[] = [];
  private readonly changedCaregiverList: number[] = [];
  private readonly irregularFlag: Uint8Array;
  private readonly irregularList: number[] = [];
  /** Scratch for the requests a caregiver re-chooses from. */
  private readonly belowRequests: number[] = [];
  private readonly belowRanks: number[] = [];

  /** `alwaysCheckHours`: no shortcut where count alone decides room (tests compare the two). */
  constructor(model: PlacementModel, alwaysCheckHours = false) {
    this.model = model;
    this.assignedPosition = new Int32Array(model.requestCount).fill(-1);
    this.nextPosition = new Int32Array(model.requestCount);
    this.timelines = new Timelines(model, alwaysCheckHours);
    this.caregivers = new Int32Array(model.caregiverCount * RECORD);
    let slots = 0;
    for (let c = 0; c < model.caregiverCount; c++) {
      const limit = Math.min(model.countLimit[c] as number, 2 ** 28);
      const flags =
        (model.priorityOrder[c] ? HAS_PRIORITY_ORDER : 0) | (this.timelines.countBound[c] ? COUNT_BOUND : 0);
      const o = c * RECORD;
      this.caregivers[o + LIMIT_FLAGS] = limit * 4 + flags;
      this.caregivers[o + FIRST_SLOT] = slots;
      this.caregivers[o + CUTOFF] = limit === 0 ? -1 : NO_CUTOFF;
      // She never holds more than her count allows, nor more than the requests that rank her.
      slots += Math.min(limit, (model.listerStart[c + 1] as number) - (model.listerStart[c] as number));
    }
    this.heldRequest = new Int32Array(slots);
    this.heldRank = new Int32Array(slots);
    this.changedRequestFlag = new Uint8Array(model.requestCount);
    this.changedCaregiverFlag = new Uint8Array(model.caregiverCount);
    this.irregularFlag = new Uint8Array(model.caregiverCount);
  }

  /** How many requests caregiver `c` holds. */
  heldCount(c: number): number {
    return this.caregivers[c * RECORD + HELD] as number;
  }

  /** Where caregiver `c`'s slots in heldRequest/heldRank start. */
  firstSlot(c: number): number {
    return this.caregivers[c * RECORD + FIRST_SLOT] as number;
  }

  /** Her count limit (see LIMIT_FLAGS). */
  countLimit(c: number): number {
    return (this.caregivers[c * RECORD + LIMIT_FLAGS] as number) >> 2;
  }

  /** Whether count alone decides whether caregiver `c` has room (see timeline.ts). */
  countBound(c: number): boolean {
    return ((this.caregivers[c * RECORD + LIMIT_FLAGS] as number) & COUNT_BOUND) !== 0;
  }

  /** Sets how many requests she holds, and her cutoff with it. */
  private setHeld(c: number, count: number): void {
    const o = c * RECORD;
    const limit = (this.caregivers[o + LIMIT_FLAGS] as number) >> 2;
    this.caregivers[o + HELD] = count;
    this.caregivers[o + CUTOFF] =
      limit === 0
        ? -1
        : count >= limit
          ? (this.heldRank[(this.caregivers[o + FIRST_SLOT] as number) + count - 1] as number)
          : NO_CUTOFF;
  }

  /** The offset of the segment list of request `r` at caregiver `c`. */
  private segmentsFor(c: number, r: number): number {
    return this.timelines.segmentsOf(c, this.model.carePattern[r] as number);
  }

  /** Index of the request's caregiver, or -1. */
  caregiverOf(r: number): number {
    const position = this.assignedPosition[r] as number;
    return position < 0 ? -1 : (this.model.list[(this.model.listStart[r] as number) + position] as number);
  }

  /** The requests the caregiver holds, best first. */
  heldBy(c: number): number[] {
    const start = this.firstSlot(c);
    return Array.from(this.heldRequest.subarray(start, start + this.heldCount(c)));
  }

  placedCount(): number {
    let placed = 0;
    for (const position of this.assignedPosition) if (position >= 0) placed++;
    return placed;
  }

  /** Lets the request propose from position `from` of its list on, at the next {@link run}. */
  enqueue(r: number, from: number): void {
    this.nextPosition[r] = from;
    this.queue.push(r);
  }

  /** Proposes until every queued request is held or has exhausted its list. */
  run(): void {
    const { list, listStart } = this.model;
    while (this.queueHead < this.queue.length) {
      const r = this.queue[this.queueHead++] as number;
      const start = listStart[r] as number;
      const length = (listStart[r + 1] as number) - start;
      let position = this.nextPosition[r] as number;
      for (; position < length; position++) {
        this.proposals++;
        if (this.offer(list[start + position] as number, r)) {
          this.assignedPosition[r] = position;
          this.markRequest(r);
          break;
        }
      }
      this.nextPosition[r] = position;
    }
    // Emptied in place rather than replaced: replacing a field's value the first time makes V8 drop the
    // optimized code that assumed it constant, in the middle of a cold run.
    this.queue.length = 0;
    this.queueHead = 0;
  }

  /** Takes the request away from its caregiver (to move it up its list). */
  withdraw(r: number): void {
    const c = this.caregiverOf(r);
    if (c < 0) return;
    const start = this.firstSlot(c);
    const end = start + this.heldCount(c);
    const index = this.heldRequest.subarray(start, end).indexOf(r) + start;
    this.heldRequest.copyWithin(index, index + 1, end);
    this.heldRank.copyWithin(index, index + 1, end);
    this.setHeld(c, end - start - 1);
    if (!this.countBound(c)) this.timelines.add(this.segmentsFor(c, r), -1);
    this.assignedPosition[r] = -1;
    this.markRequest(r);
    this.markCaregiver(c);
    this.markIrregular(c);
  }

  /**
   * The caregiver's choice from what she holds plus `r`: those ranked above `r` stay (they fit together),
   * then `r` and everyone below it are kept in her order while they fit. Returns whether `r` is kept;
   * requests pushed out go back to the queue.
   */
  private offer(c: number, r: number): boolean {
    const o = c * RECORD;
    const limitFlags = this.caregivers[o + LIMIT_FLAGS] as number;
    const rank =
      (limitFlags & HAS_PRIORITY_ORDER) === 0
        ? (this.model.pointsRank[r] as number)
        : caregiverRank(this.model, c, r);
    // Without places, or full by count with everyone she holds ranked above the newcomer.
    if (rank > (this.caregivers[o + CUTOFF] as number)) return false;
    const limit = limitFlags >> 2;
    const start = this.caregivers[o + FIRST_SLOT] as number;
    const count = this.caregivers[o + HELD] as number;
    let p = count;
    while (p > 0 && (this.heldRank[start + p - 1] as number) > rank) p--;
    if (p === count) {
      // The common case: she ranks the newcomer last, so nobody already held can be affected.
      if (count >= limit) return false;
      return this.admit(c, r, rank);
    }
    if ((limitFlags & COUNT_BOUND) !== 0) {
      // What the general case below comes to when every set within her count fits: the newcomer takes
      // position p, and when she is full her lowest-ranked request goes (a regular change).
      const full = count >= limit;
      const lowest = this.heldRequest[start + count - 1] as number;
      const kept = full ? count - 1 : count;
      this.heldRequest.copyWithin(start + p + 1, start + p, start + kept);
      this.heldRank.copyWithin(start + p + 1, start + p, start + kept);
      this.heldRequest[start + p] = r;
      this.heldRank[start + p] = rank;
      this.setHeld(c, kept + 1);
      this.markCaregiver(c);
      if (full) this.eject(lowest);
      return true;
    }
    const timelines = this.timelines;
    const belowRequests = this.belowRequests;
    const belowRanks = this.belowRanks;
    belowRequests.length = 0;
    belowRanks.length = 0;
    for (let i = start + p; i < start + count; i++) {
      const x = this.heldRequest[i] as number;
      belowRequests.push(x);
      belowRanks.push(this.heldRank[i] as number);
      timelines.add(this.segmentsFor(c, x), -1);
    }
    this.setHeld(c, p);
    const kept = this.admit(c, r, rank);
    let ejected = 0;
    let regular = true;
    for (let i = 0; i < belowRequests.length; i++) {
      const x = belowRequests[i] as number;
      const roomByCount = this.heldCount(c) < limit;
      if (roomByCount && this.admit(c, x, belowRanks[i] as number)) continue;
      this.eject(x);
      ejected++;
      // See stability.ts: only pushing out the lowest-ranked request, for lack of count or for hours that
      // the newcomer needs as well, keeps every earlier rejection at this caregiver justified.
      const isLowest = i === belowRequests.length - 1;
      const hoursCovered = patternContains(
        this.model,
        this.model.carePattern[r] as number,
        this.model.carePattern[x] as number,
      );
      if (!(isLowest && (!roomByCount || hoursCovered))) regular = false;
    }
    if (ejected > 1 || !regular) this.markIrregular(c);
    return kept;
  }

  /** Adds `r` to the caregiver's held requests (as the lowest-ranked) if its hours fit. */
  private admit(c: number, r: number, rank: number): boolean {
    if (!this.countBound(c)) {
      const segments = this.segmentsFor(c, r);
      if (!this.timelines.hasRoom(segments)) return false;
      this.timelines.add(segments, 1);
    }
    const count = this.heldCount(c);
    const slot = this.firstSlot(c) + count;
    this.heldRequest[slot] = r;
    this.heldRank[slot] = rank;
    this.setHeld(c, count + 1);
    this.markCaregiver(c);
    return true;
  }

  private eject(r: number): void {
    const position = this.assignedPosition[r] as number;
    this.assignedPosition[r] = -1;
    this.markRequest(r);
    this.enqueue(r, position + 1);
  }

  private markRequest(r: number): void {
    if (this.changedRequestFlag[r]) return;
    this.changedRequestFlag[r] = 1;
    this.changedRequestList.push(r);
  }

  private markCaregiver(c: number): void {
    if (this.changedCaregiverFlag[c]) return;
    this.changedCaregiverFlag[c] = 1;
    this.changedCaregiverList.push(c);
  }

  private markIrregular(c: number): void {
    if (this.irregularFlag[c]) return;
    this.irregularFlag[c] = 1;
    this.irregularList.push(c);
  }

  /**
   * Caregivers whose held set changed other than by taking a request and at most letting the lowest-ranked
   * one go for it (for lack of count, or of hours the newcomer also needs), since the last call. Only at
   * these can a request she turned down now have justified envy.
   */
  takeIrregular(): number[] {
    const list = this.irregularList.slice();
    for (const c of list) this.irregularFlag[c] = 0;
    this.irregularList.length = 0;
    return list;
  }

  /** Requests whose assignment and caregivers whose held set changed since the last call. */
  takeChanges(): { requests: number[]; caregivers: number[] } {
    const changes = {
      requests: this.changedRequestList.slice(),
      caregivers: this.changedCaregiverList.slice(),
    };
    for (const r of changes.requests) this.changedRequestFlag[r] = 0;
    for (const c of changes.caregivers) this.changedCaregiverFlag[c] = 0;
    this.changedRequestList.length = 0;
    this.changedCaregiverList.length = 0;
    return changes;
  }

  snapshot(): { assigned: Int32Array; next: Int32Array } {
    return { assigned: this.assignedPosition.slice(), next: this.nextPosition.slice() };
  }

  /** Puts the state back to a snapshot; held sets are rebuilt in each caregiver's order. */
  restore(snapshot: { assigned: Int32Array; next: Int32Array }): void {
    const { model } = this;
    for (let c = 0; c < model.caregiverCount; c++) {
      if (this.heldCount(c) === 0) continue;
      this.setHeld(c, 0);
      this.timelines.clearLoad(c);
    }
    this.assignedPosition.set(snapshot.assigned);
    this.nextPosition.set(snapshot.next);
    const byCaregiver = new Map<number, number[]>();
    for (let r = 0; r < model.requestCount; r++) {
      const c = this.caregiverOf(r);
      if (c < 0) continue;
      const requests = byCaregiver.get(c);
      if (requests) requests.push(r);
      else byCaregiver.set(c, [r]);
    }
    for (const [c, requests] of byCaregiver) {
      const ranked = requests.map((r) => ({ r, rank: caregiverRank(model, c, r) }));
      ranked.sort((a, b) => a.rank - b.rank);
      const bound = this.countBound(c);
      const start = this.firstSlot(c);
      ranked.forEach(({ r, rank }, i) => {
        if (!bound) this.timelines.add(this.segmentsFor(c, r), 1);
        this.heldRequest[start + i] = r;
        this.heldRank[start + i] = rank;
      });
      this.setHeld(c, ranked.length);
    }
    this.takeChanges();
    this.takeIrregular();
  }
}

/** Runs plain deferred acceptance: every request proposes from the top of its list. */
export function runDeferredAcceptance(model: PlacementModel, alwaysCheckHours = false): AllocationState {
  const state = new AllocationState(model, alwaysCheckHours);
  for (let r = 0; r < model.requestCount; r++) state.enqueue(r, 0);
  state.run();
  return state;
}
