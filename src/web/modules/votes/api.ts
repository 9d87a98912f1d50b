import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { OrganisationKind, Role } from "../../../contracts/roles";
import type {
  MeetingView,
  projectorView,
  VoteDetail,
  VoteList,
  VoteResults,
  VoteSettings,
  votePeople,
} from "../../../contracts/votes";
import { get } from "../../app/api";

/** Who may open the create form (the API decides per organisation kind; this only hides a useless button). */
export const MANAGER_ROLES: readonly Role[] = ["admin", "coordinator", "board"];
/** Youth offices hold no votes of their own. */
export const VOTE_KINDS: readonly OrganisationKind[] = ["coordinationOffice", "association"];

export type ProjectorView = z.infer<typeof projectorView>;
export type VotePeople = z.infer<typeof votePeople>;

/**
 * Everything of one organisation's votes sits under ["votes", slug]: a ballot, an opening or a presence
 * changes lists, details, results and the meeting at once, so one invalidation refreshes all of them.
 */
export const voteKeys = {
  all: (slug: string) => ["votes", slug] as const,
  list: (slug: string) => ["votes", slug, "list"] as const,
  detail: (slug: string, id: string) => ["votes", slug, "detail", id] as const,
  results: (slug: string, id: string) => ["votes", slug, "results", id] as const,
  projector: (slug: string, id: string) => ["votes", slug, "projector", id] as const,
  meeting: (slug: string, eventId: string) => ["votes", slug, "meeting", eventId] as const,
  people: (slug: string) => ["votes", slug, "people"] as const,
  settings: (slug: string) => ["votes", slug, "settings"] as const,
};

const enc = encodeURIComponent;
const org = (slug: string) => `/api/orgs/${enc(slug)}`;
export const votesApi = (slug: string) => `${org(slug)}/votes`;
export const voteApi = (slug: string, id: string) => `${votesApi(slug)}/${enc(id)}`;
export const recordPdfUrl = (slug: string, id: string) => `${voteApi(slug, id)}/record.pdf`;
export const ballotsCsvUrl = (slug: string, id: string) => `${voteApi(slug, id)}/ballots.csv`;
export const meetingApi = (slug: string, eventId: string) => `${org(slug)}/vote-meetings/${enc(eventId)}`;
export const settingsApi = (slug: string) => `${org(slug)}/vote-settings`;

/** App paths: votesPath("verein", "neu") → /app/verein/abstimmungen/neu. */
export function votesPath(slug: string, path = ""): string {
  return `/app/${slug}/abstimmungen${path ? `/${path}` : ""}`;
}
export const votePath = (slug: string, id: string, path = "") =>
  votesPath(slug, `${id}${path ? `/${path}` : ""}`);
export const meetingPath = (slug: string, eventId: string) => votesPath(slug, `sitzung/${eventId}`);
export const settingsPath = (slug: string) => votesPath(slug, "einstellungen");

export function useVotes(slug: string, enabled = true) {
  return useQuery({ queryKey: voteKeys.list(slug), queryFn: () => get<VoteList>(votesApi(slug)), enabled });
}

/** While a vote is open its state changes under her eyes (opened by the chair, presence marked): read often. */
export function useVote(slug: string, id: string) {
  return useQuery({
    queryKey: voteKeys.detail(slug, id),
    queryFn: () => get<VoteDetail>(voteApi(slug, id)),
    refetchInterval: (query) =>
      query.state.data?.status === "open" || query.state.data?.status === "scheduled" ? 10_000 : false,
  });
}

/** Live results, and the participation staff follow, change with every ballot while the vote is open. */
export function useVoteResults(slug: string, id: string, isOpen: boolean) {
  return useQuery({
    queryKey: voteKeys.results(slug, id),
    queryFn: () => get<VoteResults>(`${voteApi(slug, id)}/results`),
    refetchInterval: isOpen ? 5_000 : false,
  });
}

/** The projector refreshes itself; nobody touches the screen in the hall. */
export function useProjector(slug: string, id: string) {
  return useQuery({
    queryKey: voteKeys.projector(slug, id),
    queryFn: () => get<ProjectorView>(`${voteApi(slug, id)}/projector`),
    refetchInterval: 3_000,
  });
}

export function useMeeting(slug: string, eventId: string) {
  return useQuery({
    queryKey: voteKeys.meeting(slug, eventId),
    queryFn: () => get<MeetingView>(meetingApi(slug, eventId)),
    refetchInterval: 10_000,
  });
}

export function useVotePeople(slug: string, enabled = true) {
  return useQuery({
    queryKey: voteKeys.people(slug),
    queryFn: () => get<VotePeople>(`${org(slug)}/vote-people`),
    staleTime: 60_000,
    enabled,
  });
}

export function useVoteSettings(slug: string) {
  return useQuery({ queryKey: voteKeys.settings(slug), queryFn: () => get<VoteSettings>(settingsApi(slug)) });
}

/** After any change: every list, detail, result and meeting of the organisation's votes is read again. */
export async function refreshVotes(client: QueryClient, slug: string): Promise<void> {
  await client.invalidateQueries({ queryKey: voteKeys.all(slug) });
}
