import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  invitationInfoResponse,
  loginResponse,
  mfaSetupResponse,
  recoveryCodesResponse,
  sessionListResponse,
} from "../../../contracts/identity";
import { get } from "../../app/api";

export type LoginResponse = z.infer<typeof loginResponse>;
export type InvitationInfo = z.infer<typeof invitationInfoResponse>;
export type MfaSetup = z.infer<typeof mfaSetupResponse>;
export type RecoveryCodes = z.infer<typeof recoveryCodesResponse>;
export type SessionList = z.infer<typeof sessionListResponse>;

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ["invitation", token],
    queryFn: () => get<InvitationInfo>(`/api/invitations/${encodeURIComponent(token)}`),
    retry: false,
  });
}

export function useAccountSessions() {
  return useQuery({
    queryKey: ["account", "sessions"],
    queryFn: () => get<SessionList>("/api/account/sessions"),
  });
}

/**
 * Where to go after signing in: the `?weiter=` target when it is a path of this site (never another
 * host), otherwise the start of the signed-in area.
 */
export function safeTarget(raw: string | null): string {
  if (raw?.startsWith("/") && !raw.startsWith("//") && !raw.startsWith("/\\")) return raw;
  return "/app";
}
