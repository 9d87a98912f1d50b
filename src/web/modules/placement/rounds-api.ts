import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type {
  MyRoundResponse,
  ParentRoundResponse,
  ResultsQuery,
  RoundDetail,
  RoundExplanation,
  RoundResults,
  RoundSummary,
  RunStatusDto,
} from "../../../contracts/placement-rounds";
import { get } from "../../app/api";
import { orgApi, placementKeys } from "./api";

/** How often a running round is asked how far it got. */
export const RUN_POLL_MS = 700;

/**
 * Query keys under the placement keys of the organisation: a round's run changes requests and offers, and a
 * change of a request makes a round stale, so invalidating ["placement", slug] refreshes both sides.
 */
export const roundKeys = {
  all: (slug: string) => [...placementKeys.all(slug), "rounds"] as const,
  round: (slug: string, id: string) => [...placementKeys.all(slug), "rounds", id] as const,
  results: (slug: string, id: string, runId: string, query: ResultsQuery) =>
    [...placementKeys.all(slug), "rounds", id, "results", runId, query] as const,
  explanation: (slug: string, id: string, runId: string, requestId: string) =>
    [...placementKeys.all(slug), "rounds", id, "explanation", runId, requestId] as const,
  mine: (slug: string) => [...placementKeys.all(slug), "my-round"] as const,
  parent: (slug: string, requestId: string) =>
    [...placementKeys.myRequest(slug, requestId), "round"] as const,
};

export const roundsApi = (slug: string) => `${orgApi(slug)}/placement-rounds`;
export const roundApi = (slug: string, id: string) => `${roundsApi(slug)}/${encodeURIComponent(id)}`;

export function useRounds(slug: string) {
  return useQuery({
    queryKey: roundKeys.all(slug),
    queryFn: () => get<RoundSummary[]>(roundsApi(slug)),
  });
}

/**
 * The round. While its run works in the background only the run's status is asked for, every RUN_POLL_MS,
 * and merged into the round; the whole round (which reads all of its data) is loaded again once the run ends.
 */
export function useRound(slug: string, id: string) {
  const queryClient = useQueryClient();
  const key = roundKeys.round(slug, id);
  const round = useQuery({ queryKey: key, queryFn: () => get<RoundDetail>(roundApi(slug, id)) });
  const latest = round.data?.latestRun;
  const runningId = latest?.status === "running" ? latest.id : null;
  const status = useQuery({
    queryKey: [...key, "run", runningId],
    queryFn: () => get<RunStatusDto | null>(`${roundApi(slug, id)}/run`),
    enabled: runningId !== null,
    refetchInterval: RUN_POLL_MS,
    gcTime: 0,
  });
  const polled = status.data;
  useEffect(() => {
    if (!polled || !runningId) return;
    const roundKey = roundKeys.round(slug, id);
    if (polled.id === runningId && polled.status === "running") {
      // The status answer is a new object each poll; merging only real changes avoids needless renders.
      queryClient.setQueryData<RoundDetail>(roundKey, (data) => {
        const run = data?.latestRun;
        if (!run || (run.progress === polled.progress && run.phase === polled.phase)) return data;
        return { ...data, latestRun: { ...run, ...polled } };
      });
    } else {
      void queryClient.invalidateQueries({ queryKey: roundKey, exact: true });
    }
  }, [polled, runningId, queryClient, slug, id]);
  return round;
}

/** One page of a finished run's result; the run's id is in the key, so a new run never shows old rows. */
export function useRoundResults(slug: string, id: string, runId: string, query: ResultsQuery) {
  return useQuery({
    queryKey: roundKeys.results(slug, id, runId, query),
    queryFn: () => {
      const search = new URLSearchParams({
        filter: query.filter,
        limit: String(query.limit),
        offset: String(query.offset),
      });
      return get<RoundResults>(`${roundApi(slug, id)}/results?${search}`);
    },
    placeholderData: (previous) => previous,
  });
}

/** Why one request got no caregiver it ranked higher; loaded when the coordinator opens it. */
export function useRoundExplanation(
  slug: string,
  id: string,
  runId: string,
  requestId: string,
  enabled: boolean,
) {
  return useQuery({
    queryKey: roundKeys.explanation(slug, id, runId, requestId),
    queryFn: () => get<RoundExplanation>(`${roundApi(slug, id)}/results/${encodeURIComponent(requestId)}`),
    enabled,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useMyRound(slug: string) {
  return useQuery({
    queryKey: roundKeys.mine(slug),
    queryFn: () => get<MyRoundResponse>(`${orgApi(slug)}/my-placement-round`),
  });
}

export function useParentRound(slug: string, requestId: string) {
  return useQuery({
    queryKey: roundKeys.parent(slug, requestId),
    queryFn: () =>
      get<ParentRoundResponse>(
        `${orgApi(slug)}/my-placement-requests/${encodeURIComponent(requestId)}/round`,
      ),
  });
}

/** After a change of a round: its new state at once, and the list and the board read again. */
export async function storeRound(client: QueryClient, slug: string, round: RoundDetail): Promise<void> {
  client.setQueryData(roundKeys.round(slug, round.id), round);
  await client.invalidateQueries({ queryKey: roundKeys.all(slug), exact: true });
}
