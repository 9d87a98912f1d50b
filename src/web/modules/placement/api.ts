import { useMutation, useQuery } from "@tanstack/react-query";
import type {
  BoardResponse,
  ConfirmationInfo,
  CriteriaCatalogue,
  MyRequestDetail,
  MyRequestSummary,
  MyWeekResponse,
  Needs,
  ParentSuggestionsResponse,
  PublishedCriteria,
  StaffRequestDetail,
  SuggestionsResponse,
} from "../../../contracts/placement";
import { get } from "../../app/api";

export type BoardItem = BoardResponse["items"][number];

/** The board's filters as they stand in the address bar; empty means "not filtered". */
export interface BoardParams {
  status: string;
  startMonth: string;
  area: string;
  ageGroup: string;
  sort: string;
  limit: string;
}

/**
 * Query keys: everything of one organisation's placement sits under ["placement", slug], so a change of a
 * request or of the catalogue refreshes the board, the details and the parent's own view at once.
 */
export const placementKeys = {
  all: (slug: string) => ["placement", slug] as const,
  published: (slug: string) => ["placement-public", slug] as const,
  confirmation: (token: string) => ["placement-confirmation", token] as const,
  mine: (slug: string) => ["placement", slug, "mine"] as const,
  myRequest: (slug: string, id: string) => ["placement", slug, "mine", id] as const,
  board: (slug: string, params: BoardParams) => ["placement", slug, "board", params] as const,
  request: (slug: string, id: string) => ["placement", slug, "request", id] as const,
  catalogue: (slug: string) => ["placement", slug, "criteria"] as const,
  suggestions: (slug: string, id: string) => ["placement", slug, "request", id, "suggestions"] as const,
  mySuggestions: (slug: string, id: string) => ["placement", slug, "mine", id, "suggestions"] as const,
  myWeek: (slug: string) => ["placement", slug, "my-week"] as const,
};

export const orgApi = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}`;
export const publicApi = (slug: string) => `/api/public/orgs/${encodeURIComponent(slug)}`;

function searchString(params: Record<string, string>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function usePublishedCriteria(slug: string, enabled = true) {
  return useQuery({
    queryKey: placementKeys.published(slug),
    queryFn: () => get<PublishedCriteria>(`${publicApi(slug)}/placement-criteria`),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export function useConfirmation(token: string) {
  return useQuery({
    queryKey: placementKeys.confirmation(token),
    queryFn: () => get<ConfirmationInfo>(`/api/placement-confirmations/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useMyRequests(slug: string, enabled = true) {
  return useQuery({
    queryKey: placementKeys.mine(slug),
    queryFn: () => get<MyRequestSummary[]>(`${orgApi(slug)}/my-placement-requests`),
    enabled,
  });
}

export function useMyRequest(slug: string, id: string) {
  return useQuery({
    queryKey: placementKeys.myRequest(slug, id),
    queryFn: () => get<MyRequestDetail>(`${orgApi(slug)}/my-placement-requests/${encodeURIComponent(id)}`),
  });
}

export function useBoard(slug: string, params: BoardParams) {
  return useQuery({
    queryKey: placementKeys.board(slug, params),
    queryFn: () => get<BoardResponse>(`${orgApi(slug)}/placement-requests${searchString({ ...params })}`),
    placeholderData: (previous) => previous,
  });
}

export function useStaffRequest(slug: string, id: string) {
  return useQuery({
    queryKey: placementKeys.request(slug, id),
    queryFn: () => get<StaffRequestDetail>(`${orgApi(slug)}/placement-requests/${encodeURIComponent(id)}`),
  });
}

/**
 * Reading the needs is an action, not a view: every read is logged with the reader's name, so it runs only
 * when asked for and is never cached or refetched behind her back.
 */
export function useReadNeeds(slug: string, id: string) {
  return useMutation({
    mutationFn: () => get<Needs>(`${orgApi(slug)}/placement-requests/${encodeURIComponent(id)}/needs`),
  });
}

export function useCatalogue(slug: string) {
  return useQuery({
    queryKey: placementKeys.catalogue(slug),
    queryFn: () => get<CriteriaCatalogue>(`${orgApi(slug)}/placement-criteria`),
  });
}

/**
 * The ranked suggestions. Judging them reads the needs (audited), so they load only when the coordinator
 * asks for them, and are not refetched behind her back when the window regains focus.
 */
export function useSuggestions(slug: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: placementKeys.suggestions(slug, id),
    queryFn: () =>
      get<SuggestionsResponse>(`${orgApi(slug)}/placement-requests/${encodeURIComponent(id)}/suggestions`),
    enabled,
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

export function useMySuggestions(slug: string, id: string, enabled = true) {
  return useQuery({
    queryKey: placementKeys.mySuggestions(slug, id),
    queryFn: () =>
      get<ParentSuggestionsResponse>(
        `${orgApi(slug)}/my-placement-requests/${encodeURIComponent(id)}/suggestions`,
      ),
    enabled,
  });
}

export function useMyWeek(slug: string) {
  return useQuery({
    queryKey: placementKeys.myWeek(slug),
    queryFn: () => get<MyWeekResponse>(`${orgApi(slug)}/my-week`),
    retry: false,
  });
}
