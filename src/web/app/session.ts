import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { SessionResponse } from "../../contracts/identity";
import type { MyMembership } from "../../contracts/organisations";
import type { Role } from "../../contracts/roles";
import { get, setCsrfToken } from "./api";

/** The signed-in person (or null) and the CSRF token, refreshed after sign-in and sign-out. */
export function useSession() {
  return useQuery({
    queryKey: ["session"],
    queryFn: async () => {
      const session = await get<SessionResponse>("/api/auth/session");
      setCsrfToken(session.csrfToken);
      return session;
    },
    staleTime: 60_000,
  });
}

export function useMemberships(enabled = true) {
  return useQuery({
    queryKey: ["memberships"],
    queryFn: () => get<MyMembership[]>("/api/me/memberships"),
    enabled,
    staleTime: 60_000,
  });
}

/** Forgets everything cached for the previous person (after sign-in, sign-out, invitation). */
export function useResetSession() {
  const client = useQueryClient();
  return async () => {
    client.removeQueries();
    await client.invalidateQueries();
  };
}

/** The current organisation membership for `/app/:orgSlug/…` pages. */
export function useMembership(orgSlug: string | undefined): MyMembership | null {
  const { data } = useMemberships();
  return data?.find((m) => m.slug === orgSlug) ?? null;
}

export function hasAnyRole(membership: MyMembership | null, roles: readonly Role[]): boolean {
  return Boolean(membership?.roles.some((r) => roles.includes(r)));
}
