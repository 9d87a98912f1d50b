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
import { CaregiverTimeline, patternContains } from "./timeline";

export class AllocationState {
  readonly model: PlacementModel;
  /** Position of the request's caregiver in its own list, or -1 when unplaced. */
  readonly assignedPosition: Int32Array;
  /** Where the request continues proposing. */
  readonly nextPosition: Int32Array;
  /**
   * The requests each caregiver holds, best first by her ranking, with their ranks: caregiver c owns the
   * slots from `slotStart[c]` on, `heldCount[c]` of them in use. Flat typed arrays rather than an array per
   * caregiver, because a country's 45,000 caregivers are visited millions of times in no particular order.
   */
  readonly slotStart: Int32Array;
  readonly heldCount: Int32Array;
  readonly heldRequest: Int32Array;
  readonly heldRank: Int32Array;
  /** Offers made so far. */
  proposals = 0;

  private readonly timelines: (CaregiverTimeline | undefined)[];
  private queue: number[] = [];
  private queueHead = 0;
  private readonly changedRequestFlag: Uint8Array;
  private readonly changedCaregiverFlag: Uint8Array;
  private changedRequestList: number[] = [];
  private changedCaregiverList: number[] = [];
  private readonly irregularFlag: Uint8Array;
  private irregularList: number[] = [];
  /** Scratch for the requests a caregiver re-chooses from. */
  private belowRequests: number[] = [];
  private belowRanks: number[] = [];

  constructor(model: PlacementModel) {
    this.model = model;
    this.assignedPosition = new Int32Array(model.requestCount).fill(-1);
    this.nextPosition = new Int32Array(model.requestCount);
    this.slotStart = new Int32Array(model.caregiverCount + 1);
    for (let c = 0; c < model.caregiverCount; c++) {
      // She never holds more than her count allows, nor more than the requests that rank her.
      const listers = (model.listerStart[c + 1] as number) - (model.listerStart[c] as number);
      this.slotStart[c + 1] =
        (this.slotStart[c] as number) + Math.min(model.countLimit[c] as number, listers);
    }
    const slots = this.slotStart[model.caregiverCount] as number;
    this.heldCount = new Int32Array(model.caregiverCount);
    this.heldRequest = new Int32Array(slots);
    this.heldRank = new Int32Array(slots);
    this.timelines = new Array(model.caregiverCount);
    this.changedRequestFlag = new Uint8Array(model.requestCount);
    this.changedCaregiverFlag = new Uint8Array(model.caregiverCount);
    this.irregularFlag = new Uint8Array(model.caregiverCount);
  }

  /** The caregiver's timeline, built when first needed: most caregivers of a country see few requests. */
  timeline(c: number): CaregiverTimeline {
    let timeline = this.timelines[c];
    if (!timeline) {
      timeline = new CaregiverTimeline(this.model, c);
      this.timelines[c] = timeline;
    }
    return timeline;
  }

  /** Index of the request's caregiver, or -1. */
  caregiverOf(r: number): number {
    const position = this.assignedPosition[r] as number;
    return position < 0 ? -1 : (this.model.list[(this.model.listStart[r] as number) + position] as number);
  }

  /** The requests the caregiver holds, best first. */
  heldBy(c: number): number[] {
    const start = this.slotStart[c] as number;
    return Array.from(this.heldRequest.subarray(start, start + (this.heldCount[c] as number)));
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
    this.queue = [];
    this.queueHead = 0;
  }

  /** Takes the request away from its caregiver (to move it up its list). */
  withdraw(r: number): void {
    const c = this.caregiverOf(r);
    if (c < 0) return;
    const start = this.slotStart[c] as number;
    const end = start + (this.heldCount[c] as number);
    const index = this.heldRequest.subarray(start, end).indexOf(r) + start;
    this.heldRequest.copyWithin(index, index + 1, end);
    this.heldRank.copyWithin(index, index + 1, end);
    this.heldCount[c] = (this.heldCount[c] as number) - 1;
    const timeline = this.timeline(c);
    timeline.add(timeline.segmentsOf(this.model, r), -1);
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
    const limit = this.model.countLimit[c] as number;
    if (limit === 0) return false;
    const rank = caregiverRank(this.model, c, r);
    const start = this.slotStart[c] as number;
    const count = this.heldCount[c] as number;
    let p = count;
    while (p > 0 && (this.heldRank[start + p - 1] as number) > rank) p--;
    if (p === count) {
      // The common case: she ranks the newcomer last, so nobody already held can be affected.
      if (count >= limit) return false;
      return this.admit(c, r, rank);
    }
    const timeline = this.timeline(c);
    const belowRequests = this.belowRequests;
    const belowRanks = this.belowRanks;
    belowRequests.length = 0;
    belowRanks.length = 0;
    for (let i = start + p; i < start + count; i++) {
      const x = this.heldRequest[i] as number;
      belowRequests.push(x);
      belowRanks.push(this.heldRank[i] as number);
      timeline.add(timeline.segmentsOf(this.model, x), -1);
    }
    this.heldCount[c] = p;
    const kept = this.admit(c, r, rank);
    let ejected = 0;
    let regular = true;
    for (let i = 0; i < belowRequests.length; i++) {
      const x = belowRequests[i] as number;
      const roomByCount = (this.heldCount[c] as number) < limit;
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
    const timeline = this.timeline(c);
    const segments = timeline.segmentsOf(this.model, r);
    if (!timeline.hasRoom(segments)) return false;
    timeline.add(segments, 1);
    const slot = (this.slotStart[c] as number) + (this.heldCount[c] as number);
    this.heldRequest[slot] = r;
    this.heldRank[slot] = rank;
    this.heldCount[c] = (this.heldCount[c] as number) + 1;
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
    const list = this.irregularList;
    for (const c of list) this.irregularFlag[c] = 0;
    this.irregularList = [];
    return list;
  }

  /** Requests whose assignment and caregivers whose held set changed since the last call. */
  takeChanges(): { requests: number[]; caregivers: number[] } {
    const changes = { requests: this.changedRequestList, caregivers: this.changedCaregiverList };
    for (const r of changes.requests) this.changedRequestFlag[r] = 0;
    for (const c of changes.caregivers) this.changedCaregiverFlag[c] = 0;
    this.changedRequestList = [];
    this.changedCaregiverList = [];
    return changes;
  }

  snapshot(): { assigned: Int32Array; next: Int32Array } {
    return { assigned: this.assignedPosition.slice(), next: this.nextPosition.slice() };
  }

  /** Puts the state back to a snapshot; held sets are rebuilt in each caregiver's order. */
  restore(snapshot: { assigned: Int32Array; next: Int32Array }): void {
    const { model } = this;
    for (let c = 0; c < model.caregiverCount; c++) {
      if ((this.heldCount[c] as number) === 0) continue;
      this.heldCount[c] = 0;
      this.timelines[c]?.clearLoad();
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
      const timeline = this.timeline(c);
      for (const { r, rank } of ranked) {
        timeline.add(timeline.segmentsOf(model, r), 1);
        const slot = (this.slotStart[c] as number) + (this.heldCount[c] as number);
        this.heldRequest[slot] = r;
        this.heldRank[slot] = rank;
        this.heldCount[c] = (this.heldCount[c] as number) + 1;
      }
    }
    this.takeChanges();
    this.takeIrregular();
  }
}

/** Runs plain deferred acceptance: every request proposes from the top of its list. */
export function runDeferredAcceptance(model: PlacementModel): AllocationState {
  const state = new AllocationState(model);
  for (let r = 0; r < model.requestCount; r++) state.enqueue(r, 0);
  state.run();
  return state;
}
