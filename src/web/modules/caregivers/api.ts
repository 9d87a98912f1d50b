import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  caregiverDetail,
  caregiverListResponse,
  deadlineBoardResponse,
  importResponse,
  mapTilesResponse,
  myMapEntry,
  publicMapResponse,
} from "../../../contracts/caregivers";
import type { OrganisationSettings } from "../../../contracts/organisations";
import { get } from "../../app/api";
import { orgApi } from "./format";

export type CaregiverDetail = z.infer<typeof caregiverDetail>;
export type CaregiverList = z.infer<typeof caregiverListResponse>;
export type DeadlineBoard = z.infer<typeof deadlineBoardResponse>;
export type DeadlineBoardItem = DeadlineBoard["items"][number];
export type ImportResult = z.infer<typeof importResponse>;
export type MyMapEntry = z.infer<typeof myMapEntry>;
export type PublicMap = z.infer<typeof publicMapResponse>;
export type MapTiles = z.infer<typeof mapTilesResponse>;
export type PublicMapEntry = PublicMap["entries"][number];

export interface ListParams {
  q: string;
  status: string;
  limit: number;
  offset: number;
}

export interface BoardParams {
  kind: string;
  state: string;
  q: string;
}

/**
 * Query keys: everything of one organisation's registry sits under ["caregivers", slug], so a change to a
 * person refreshes the list, the detail, the deadline board and her own profile at once.
 */
export const caregiverKeys = {
  all: (slug: string) => ["caregivers", slug] as const,
  list: (slug: string, params: ListParams) => ["caregivers", slug, "list", params] as const,
  detail: (slug: string, id: string) => ["caregivers", slug, "detail", id] as const,
  board: (slug: string, params: BoardParams) => ["caregivers", slug, "deadlines", params] as const,
  myProfile: (slug: string) => ["caregivers", slug, "my-profile"] as const,
  rules: (slug: string) => ["caregivers", slug, "rules"] as const,
  myMap: (slug: string) => ["caregivers", slug, "map-me"] as const,
  publicMap: (slug: string) => ["public-map", slug] as const,
  mapTiles: () => ["map-tiles"] as const,
};

function searchString(params: Record<string, string | number>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== "" && value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function useCaregiverList(slug: string, params: ListParams) {
  return useQuery({
    queryKey: caregiverKeys.list(slug, params),
    queryFn: () => get<CaregiverList>(`${orgApi(slug)}/caregivers${searchString({ ...params })}`),
    placeholderData: (previous) => previous,
  });
}

export function useCaregiver(slug: string, id: string) {
  return useQuery({
    queryKey: caregiverKeys.detail(slug, id),
    queryFn: () => get<CaregiverDetail>(`${orgApi(slug)}/caregivers/${encodeURIComponent(id)}`),
  });
}

export function useDeadlineBoard(slug: string, params: BoardParams) {
  return useQuery({
    queryKey: caregiverKeys.board(slug, params),
    queryFn: () => get<DeadlineBoard>(`${orgApi(slug)}/deadlines${searchString({ ...params })}`),
    placeholderData: (previous) => previous,
  });
}

export function useMyProfile(slug: string) {
  return useQuery({
    queryKey: caregiverKeys.myProfile(slug),
    queryFn: () => get<CaregiverDetail>(`${orgApi(slug)}/my-profile`),
  });
}

/**
 * Children allowed at once by the organisation's rules: what a licence without its own limit allows. The
 * settings are readable by every member; while they load, or if they cannot be read, the legal maximum of 5
 * (§ 43 SGB VIII) is assumed.
 */
export function useDefaultMaxChildren(slug: string): number {
  const settings = useQuery({
    queryKey: caregiverKeys.rules(slug),
    queryFn: () => get<OrganisationSettings>(orgApi(slug)),
    staleTime: 10 * 60_000,
    retry: false,
  });
  return settings.data?.statePreset.rules.maxChildrenAtOnce ?? 5;
}

export function useMyMapEntry(slug: string) {
  return useQuery({
    queryKey: caregiverKeys.myMap(slug),
    queryFn: () => get<MyMapEntry>(`${orgApi(slug)}/map/me`),
  });
}

export function usePublicMap(slug: string) {
  return useQuery({
    queryKey: caregiverKeys.publicMap(slug),
    queryFn: () => get<PublicMap>(`/api/public/orgs/${encodeURIComponent(slug)}/map`),
    staleTime: 5 * 60_000,
  });
}

/** The tile server of the signed-in maps; it only changes with the server's configuration. */
export function useMapTiles() {
  return useQuery({
    queryKey: caregiverKeys.mapTiles(),
    queryFn: () => get<MapTiles>("/api/map-tiles"),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** The licence that counts today: the latest one that has started (else the latest one at all). */
export function currentLicence(detail: Pick<CaregiverDetail, "licences">, todayIso: string) {
  const started = detail.licences.filter((l) => l.validFrom <= todayIso);
  const pool = started.length > 0 ? started : detail.licences;
  return pool.reduce<CaregiverDetail["licences"][number] | null>(
    (best, l) => (!best || l.validTo > best.validTo ? l : best),
    null,
  );
}

/** The capacity profile that governs `date`: the latest one that has taken effect by then. */
export function profileInEffectOn(profiles: CaregiverDetail["capacityProfiles"], date: string) {
  return profiles.reduce<CaregiverDetail["capacityProfiles"][number] | null>(
    (best, p) => (p.effectiveFrom <= date && (!best || p.effectiveFrom >= best.effectiveFrom) ? p : best),
    null,
  );
}
