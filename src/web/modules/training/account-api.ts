import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Role } from "../../../contracts/roles";
import type {
  AccountListQuery,
  accountListResponse,
  ExternalCertificateDto,
  ExternalUploadBody,
  invitableRun,
  invitationResponse,
  PersonRef,
  ReviewItem,
  TrainingAccountDto,
} from "../../../contracts/training-account";
import type { CourseCategory } from "../../../core/training/catalogue";
import { get, post, upload } from "../../app/api";

export type AccountList = z.infer<typeof accountListResponse>;
export type InvitableRun = z.infer<typeof invitableRun>;
export type InvitationResult = z.infer<typeof invitationResponse>;

/** Day-care persons: they have an account of their own and upload certificates. */
export const DAY_CARE_ROLES: readonly Role[] = ["caregiver", "substitute", "member"];
/** Staff who review uploads and invite; the youth office reads the accounts too. */
export const ACCOUNT_STAFF_ROLES: readonly Role[] = ["admin", "coordinator", "board"];
export const ACCOUNT_READER_ROLES: readonly Role[] = [...ACCOUNT_STAFF_ROLES, "youthOffice"];

/** Everything of one organisation's accounts under ["training-account", slug]: a decision refreshes all. */
export const accountKeys = {
  all: (slug: string) => ["training-account", slug] as const,
  mine: (slug: string) => ["training-account", slug, "mine"] as const,
  list: (slug: string, query: AccountFilters) => ["training-account", slug, "list", query] as const,
  one: (slug: string, ref: PersonRef) => ["training-account", slug, "one", ref.kind, ref.id] as const,
  review: (slug: string, status: string) => ["training-account", slug, "review", status] as const,
  runs: (slug: string, category: string) => ["training-account", slug, "runs", category] as const,
};

const base = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}/training`;

/** The app path of an account page, e.g. accountPath("beckum") for her own. */
export const myAccountPath = (slug: string) => `/app/${slug}/fortbildungskonto`;
export const accountsPath = (slug: string) => `/app/${slug}/fortbildungskonten`;
export const personAccountPath = (slug: string, ref: PersonRef) =>
  `${accountsPath(slug)}/${ref.kind}/${ref.id}`;
export const reviewPath = (slug: string) => `${accountsPath(slug)}/bescheinigungen`;
/** The catalogue page of a run (booking part), where a day-care person books herself. */
export const runPath = (slug: string, runId: string) => `/app/${slug}/fortbildungen/${runId}`;

export const myFileUrl = (slug: string, id: string) =>
  `${base(slug)}/my-external-certificates/${encodeURIComponent(id)}/file`;
export const reviewFileUrl = (slug: string, id: string) =>
  `${base(slug)}/external-certificates/${encodeURIComponent(id)}/file`;

/** The list's filters as strings, as they stand in the address bar; empty means "not filtered". */
export type AccountFilters = Record<keyof AccountListQuery, string>;

function searchString(params: Record<string, string>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function useMyAccount(slug: string) {
  return useQuery({
    queryKey: accountKeys.mine(slug),
    queryFn: () => get<TrainingAccountDto>(`${base(slug)}/my-account`),
  });
}

export function usePersonAccount(slug: string, ref: PersonRef) {
  return useQuery({
    queryKey: accountKeys.one(slug, ref),
    queryFn: () =>
      get<TrainingAccountDto>(
        `${base(slug)}/accounts/${encodeURIComponent(ref.kind)}/${encodeURIComponent(ref.id)}`,
      ),
  });
}

/** The list's filter keys, in the order they stand in the address bar. */
export const ACCOUNT_FILTER_KEYS = [
  "q",
  "category",
  "certificate",
  "overdue",
  "shortfall",
  "behind",
] as const;

/**
 * The address is built from the query key itself, so the request always asks for exactly the filters the key
 * names (never for those of an earlier render); react-query's signal aborts a read once its filters are left.
 * While the next answer is on its way the last list stays on screen instead of a spinner.
 */
export function useAccounts(slug: string, filters: AccountFilters) {
  const normalised = Object.fromEntries(
    ACCOUNT_FILTER_KEYS.map((key) => [key, filters[key].trim()]),
  ) as AccountFilters;
  return useQuery({
    queryKey: accountKeys.list(slug, normalised),
    queryFn: ({ queryKey: [, keySlug, , query], signal }) =>
      get<AccountList>(`${base(keySlug)}/accounts${searchString(query)}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useReviewList(slug: string, status: string) {
  return useQuery({
    queryKey: accountKeys.review(slug, status),
    queryFn: () =>
      get<ReviewItem[]>(`${base(slug)}/external-certificates?status=${encodeURIComponent(status)}`),
  });
}

export function useInvitableRuns(slug: string, category: CourseCategory | "", enabled: boolean) {
  return useQuery({
    queryKey: accountKeys.runs(slug, category),
    queryFn: () =>
      get<InvitableRun[]>(`${base(slug)}/invitable-runs${category ? `?category=${category}` : ""}`),
    enabled,
  });
}

/** Uploads the details, then the file (if any) to the new upload. */
export function useUploadExternal(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, file }: { body: ExternalUploadBody; file: File | null }) => {
      const created = await post<ExternalCertificateDto>(`${base(slug)}/my-external-certificates`, body);
      if (!file) return { created, fileError: null };
      try {
        return {
          created: await upload<ExternalCertificateDto>(myFileUrl(slug, created.id), file),
          fileError: null,
        };
      } catch (error) {
        // The details are saved; she can add the file again from the list.
        return { created, fileError: error };
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.all(slug) }),
  });
}

export function useAttachFile(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) =>
      upload<ExternalCertificateDto>(myFileUrl(slug, id), file),
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.all(slug) }),
  });
}

export function useDecide(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { id: string; accept: true; validityMonths?: number | null; countsTowardsObligation: boolean }
        | { id: string; accept: false; reason: string },
    ) =>
      input.accept
        ? post<ExternalCertificateDto>(`${base(slug)}/external-certificates/${input.id}/accept`, {
            ...(input.validityMonths !== undefined ? { validityMonths: input.validityMonths } : {}),
            countsTowardsObligation: input.countsTowardsObligation,
          })
        : post<ExternalCertificateDto>(`${base(slug)}/external-certificates/${input.id}/reject`, {
            reason: input.reason,
          }),
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.all(slug) }),
  });
}

export function useInvite(slug: string) {
  return useMutation({
    mutationFn: (body: { runId: string; people: PersonRef[]; note: string }) =>
      post<InvitationResult>(`${base(slug)}/invitations`, body),
  });
}
