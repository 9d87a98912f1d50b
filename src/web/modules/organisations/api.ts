import { useQuery } from "@tanstack/react-query";
import type {
  InvitationEntry,
  MemberEntry,
  OrganisationSettings,
  PublicOrganisation,
} from "../../../contracts/organisations";
import { get } from "../../app/api";

export const orgKeys = {
  public: (slug: string) => ["public-org", slug] as const,
  settings: (slug: string) => ["org", slug, "settings"] as const,
  members: (slug: string) => ["org", slug, "members"] as const,
  invitations: (slug: string) => ["org", slug, "invitations"] as const,
};

const path = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}`;

export function usePublicOrganisation(slug: string) {
  return useQuery({
    queryKey: orgKeys.public(slug),
    queryFn: () => get<PublicOrganisation>(`/api/public/orgs/${encodeURIComponent(slug)}`),
    staleTime: 5 * 60_000,
  });
}

export function useOrganisationSettings(slug: string) {
  return useQuery({ queryKey: orgKeys.settings(slug), queryFn: () => get<OrganisationSettings>(path(slug)) });
}

export function useMembers(slug: string) {
  return useQuery({
    queryKey: orgKeys.members(slug),
    queryFn: () => get<MemberEntry[]>(`${path(slug)}/members`),
  });
}

export function useInvitations(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: orgKeys.invitations(slug),
    queryFn: () => get<InvitationEntry[]>(`${path(slug)}/invitations`),
    enabled,
  });
}

export const orgApiPath = path;
