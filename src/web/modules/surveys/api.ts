import { useQuery } from "@tanstack/react-query";
import type { Role } from "../../../contracts/roles";
import type { MyInvitation, SurveyDetail, SurveyResults, SurveySummary } from "../../../contracts/surveys";
import { get } from "../../app/api";

export const surveyKeys = {
  all: (slug: string) => ["org", slug, "surveys"] as const,
  one: (slug: string, id: string) => ["org", slug, "surveys", id] as const,
  results: (slug: string, id: string) => ["org", slug, "surveys", id, "results"] as const,
  mine: (slug: string) => ["org", slug, "survey-invitations"] as const,
};

export const surveysApi = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}/surveys`;
export const invitationsApi = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}/survey-invitations`;

/** Who builds surveys and reads their results (surveys.policy.ts). */
export const SURVEY_MANAGERS: readonly Role[] = ["admin", "coordinator", "board"];

export function useSurveys(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: surveyKeys.all(slug),
    queryFn: () => get<SurveySummary[]>(surveysApi(slug)),
    enabled,
  });
}

export function useSurvey(slug: string, id: string) {
  return useQuery({
    queryKey: surveyKeys.one(slug, id),
    queryFn: () => get<SurveyDetail>(`${surveysApi(slug)}/${id}`),
  });
}

export function useSurveyResults(slug: string, id: string) {
  return useQuery({
    queryKey: surveyKeys.results(slug, id),
    queryFn: () => get<SurveyResults>(`${surveysApi(slug)}/${id}/results`),
  });
}

export function useMyInvitations(slug: string) {
  return useQuery({
    queryKey: surveyKeys.mine(slug),
    queryFn: () => get<MyInvitation[]>(invitationsApi(slug)),
  });
}

/** The share in whole percent; nobody invited yet counts as 0. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}
