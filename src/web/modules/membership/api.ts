import { useQuery } from "@tanstack/react-query";
import type {
  ApplicationEntry,
  MembershipFormInfo,
  RegisterEntry,
  RegisterQuery,
} from "../../../contracts/membership";
import { get } from "../../app/api";

export const membershipKeys = {
  form: (slug: string) => ["public-org", slug, "membership-form"] as const,
  all: (slug: string) => ["org", slug, "membership"] as const,
  applications: (slug: string, status: string) =>
    ["org", slug, "membership", "applications", status] as const,
  register: (slug: string, query: RegisterQuery) => ["org", slug, "membership", "register", query] as const,
};

export const membershipApi = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}/membership`;
export const publicMembershipApi = (slug: string) => `/api/public/orgs/${encodeURIComponent(slug)}`;

/** Who decides on applications and keeps the register (membership.policy.ts). */
export const MANAGERS = ["board", "admin"] as const;

export function useMembershipForm(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: membershipKeys.form(slug),
    queryFn: () => get<MembershipFormInfo>(`${publicMembershipApi(slug)}/membership-form`),
    enabled,
  });
}

export function useApplications(slug: string, status: "pending" | "approved" | "declined") {
  return useQuery({
    queryKey: membershipKeys.applications(slug, status),
    queryFn: () => get<ApplicationEntry[]>(`${membershipApi(slug)}/applications?status=${status}`),
  });
}

export function registerQueryString(query: RegisterQuery): string {
  return new URLSearchParams({ status: query.status, q: query.q }).toString();
}

export function useRegister(slug: string, query: RegisterQuery) {
  return useQuery({
    queryKey: membershipKeys.register(slug, query),
    queryFn: () => get<RegisterEntry[]>(`${membershipApi(slug)}/register?${registerQueryString(query)}`),
    placeholderData: (previous) => previous,
  });
}
