/**
 * One allocation round: deferred acceptance, then repair of whatever blocking pairs time-slot capacities
 * left, then an honest list of those that remain.
 */

import { type AllocationState, runDeferredAcceptance } from "./deferred-acceptance";
import type { PlacementInstance, PlacementRequest, PlacementResult } from "./instance";
import { compileInstance, type PlacementModel } from "./model";
import { BlockingPairs, isBlockingPair } from "./stability";

export interface SolveOptions {
  /**
   * Repair rounds at most (default 100). Each round moves every request with justified envy to the
   * caregiver it ranks highest among those it envies; a round costs little, but with time slots a stable
   * outcome may not exist and the moves can cycle.
   */
  maxRepairRounds?: number;
  /** Check every pair for blocking after deferred acceptance, not only the pairs that can block (tests). */
  checkAllPairs?: boolean;
  /** Check hours at every caregiver, also where count alone decides whether there is room (tests). */
  alwaysCheckHours?: boolean;
}

export interface ModelOutcome {
  state: AllocationState;
  blocking: BlockingPairs;
  blockingAfterDeferredAcceptance: number;
  repairRounds: number;
  repairMoves: number;
}

/**
 * Iterated repair: a request with justified envy moves up to the best caregiver it envies (she keeps it,
 * since it fits with those she ranks higher); requests she then lets go propose further down their lists,
 * and its old place opens for others. With a matroid-like choice this is the path to stability of Roth and
 * Vande Vate; with time slots it may cycle, so it is bounded, and the best state seen (fewest blocking pairs,
 * then most placed) is the result.
 */
export function solveModel(model: PlacementModel, options: SolveOptions = {}): ModelOutcome {
  const maxRounds = options.maxRepairRounds ?? 100;
  const state = runDeferredAcceptance(model, options.alwaysCheckHours);
  state.takeChanges();
  const blocking = new BlockingPairs(model);
  if (options.checkAllPairs) blocking.refreshAll(state);
  else blocking.refreshCaregivers(state, state.takeIrregular());
  const blockingAfterDeferredAcceptance = blocking.count;

  let best = { snapshot: state.snapshot(), count: blocking.count, placed: state.placedCount() };
  let repairRounds = 0;
  let repairMoves = 0;
  while (blocking.count > 0 && repairRounds < maxRounds) {
    repairRounds++;
    const movers = [...blocking.requests].sort((a, b) => a - b);
    for (const r of movers) {
      const position = blocking.bestFor(r);
      // Earlier moves of this round may have settled the envy already.
      if (position < 0 || !isBlockingPair(state, r, position)) continue;
      state.withdraw(r);
      state.enqueue(r, position);
      state.run();
      repairMoves++;
    }
    blocking.refresh(state, state.takeChanges());
    const placed = state.placedCount();
    if (blocking.count < best.count || (blocking.count === best.count && placed > best.placed)) {
      best = { snapshot: state.snapshot(), count: blocking.count, placed };
    }
  }
  if (blocking.count !== best.count || state.placedCount() !== best.placed) {
    state.restore(best.snapshot);
    blocking.refreshAll(state);
  }
  return { state, blocking, blockingAfterDeferredAcceptance, repairRounds, repairMoves };
}

/** Solves an allocation round (see docs in instance.ts for the semantics). The instance must be valid. */
export function solvePlacement(instance: PlacementInstance, options: SolveOptions = {}): PlacementResult {
  const model = compileInstance(instance);
  const outcome = solveModel(model, options);
  return toResult(model, outcome);
}

/** The external form of an outcome: ids instead of indices. */
export function toResult(model: PlacementModel, outcome: ModelOutcome): PlacementResult {
  const { caregivers, requests } = model.instance;
  const { state, blocking } = outcome;
  // Built by assignment rather than from entries: a country's 170,000 two-element arrays cost more than the
  // object. "__proto__" is the one key an assignment would not create as a property.
  const assignments: Record<string, string | null> = {};
  for (let r = 0; r < requests.length; r++) {
    const c = state.caregiverOf(r);
    const id = (requests[r] as PlacementRequest).id;
    const value = c < 0 ? null : (caregivers[c]?.id ?? null);
    if (id === "__proto__") {
      Object.defineProperty(assignments, id, { value, enumerable: true, writable: true, configurable: true });
    } else {
      assignments[id] = value;
    }
  }
  const pairs = blocking
    .pairs()
    .map(([r, c]): [string, string] => [requests[r]?.id ?? "", caregivers[c]?.id ?? ""]);
  const placed = state.placedCount();
  return {
    assignments,
    blockingPairs: pairs,
    stats: {
      requests: model.requestCount,
      caregivers: model.caregiverCount,
      placed,
      unplaced: model.requestCount - placed,
      acceptablePairs: model.list.length,
      proposals: state.proposals,
      blockingPairsAfterDeferredAcceptance: outcome.blockingAfterDeferredAcceptance,
      repairRounds: outcome.repairRounds,
      repairMoves: outcome.repairMoves,
      blockingPairs: pairs.length,
      stable: pairs.length === 0,
    },
  };
}
