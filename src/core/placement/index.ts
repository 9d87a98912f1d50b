/**
 * Allocation rounds: child-proposing deferred acceptance with time-slot capacities, the blocking pairs
 * that remain, and explanations of fit and of cut-offs.
 */

export {
  type CutOff,
  compareSuggestions,
  explainFit,
  explainRound,
  type FitExplanation,
  type FitReason,
  type RequestExplanation,
  type RoomReason,
  rankSuggestions,
  type SuggestionScore,
} from "./explain";
export type {
  PlacementCaregiver,
  PlacementFreePlaces,
  PlacementInstance,
  PlacementRequest,
  PlacementResult,
  PlacementStats,
  PlacementTimeRange,
} from "./instance";
export { type SolveOptions, solvePlacement } from "./solve";
