import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { CaregiverListItem } from "../../../contracts/caregivers";
import type { ContractDto } from "../../../contracts/placement";
import type { Role } from "../../../contracts/roles";
import type {
  AbsenceList,
  ArrangementDto,
  BoardResponse,
  CalendarResponse,
  CandidatesResponse,
  FamilyCover,
  HoursResponse,
  KitaDto,
  ModelReport,
  MyCoversResponse,
  PlayGroupDto,
  SettingsInput,
  SubstituteDto,
} from "../../../contracts/substitution";
import { addDays } from "../../../core/shared/dates";
import { get } from "../../app/api";

/** Who runs the board and the arrangements (substitution.manage). */
export const OFFICE_ROLES: readonly Role[] = ["admin", "coordinator"];
/** Who reports her own absences and sees the children she covers (substitution.own). */
export const CARE_ROLES: readonly Role[] = ["caregiver", "substitute"];
export const FAMILY_ROLES: readonly Role[] = ["parent"];

/**
 * Everything of one organisation's substitution sits under ["substitution", slug]: a report, a confirmation
 * or a changed arrangement changes the board, the lists and the pages of parents and covers at once.
 */
export const substitutionKeys = {
  all: (slug: string) => ["substitution", slug] as const,
  board: (slug: string, from: string) => ["substitution", slug, "board", from] as const,
  candidates: (slug: string, coverId: string) => ["substitution", slug, "candidates", coverId] as const,
  myAbsences: (slug: string) => ["substitution", slug, "my-absences"] as const,
  tandem: (slug: string) => ["substitution", slug, "tandem"] as const,
  myCovers: (slug: string) => ["substitution", slug, "my-covers"] as const,
  family: (slug: string) => ["substitution", slug, "family"] as const,
  arrangements: (slug: string) => ["substitution", slug, "arrangements"] as const,
  substitutes: (slug: string) => ["substitution", slug, "substitutes"] as const,
  kitas: (slug: string) => ["substitution", slug, "kitas"] as const,
  playGroups: (slug: string) => ["substitution", slug, "play-groups"] as const,
  settings: (slug: string) => ["substitution", slug, "settings"] as const,
  registry: (slug: string) => ["substitution", slug, "registry"] as const,
  contracts: (slug: string) => ["substitution", slug, "contracts"] as const,
  report: (slug: string, from: string, to: string) => ["substitution", slug, "report", from, to] as const,
  hours: (slug: string, month: string) => ["substitution", slug, "hours", month] as const,
};

const enc = encodeURIComponent;
const orgApi = (slug: string) => `/api/orgs/${enc(slug)}`;
export const substitutionApi = (slug: string) => `${orgApi(slug)}/substitution`;
export const coverApi = (slug: string, id: string) => `${substitutionApi(slug)}/covers/${enc(id)}`;
export const reportUrl = (slug: string, from: string, to: string, format: "csv" | "pdf") =>
  `${substitutionApi(slug)}/report.${format}?from=${enc(from)}&to=${enc(to)}`;

/** App paths: substitutionPath("beckum", "melden") → /app/beckum/vertretung/melden. */
export function substitutionPath(slug: string, path = ""): string {
  return `/app/${slug}/vertretung${path ? `/${path}` : ""}`;
}

/** Seven days from `from` (the office's today when not given: the server's calendar decides). */
export function useBoard(slug: string, from: string) {
  return useQuery({
    queryKey: substitutionKeys.board(slug, from),
    queryFn: ({ signal }) =>
      get<BoardResponse & { today?: string }>(
        `${substitutionApi(slug)}/board${from ? `?from=${enc(from)}&to=${enc(addDays(from, 6))}` : ""}`,
        { signal },
      ),
    // An illness reported at 6:30 should appear without a reload while the coordinator watches the board.
    refetchInterval: 30_000,
    placeholderData: (previous) => previous,
  });
}

export function useCandidates(slug: string, coverId: string) {
  return useQuery({
    queryKey: substitutionKeys.candidates(slug, coverId),
    queryFn: () => get<CandidatesResponse>(`${coverApi(slug, coverId)}/candidates`),
    staleTime: 0,
  });
}

export function useMyAbsences(slug: string) {
  return useQuery({
    queryKey: substitutionKeys.myAbsences(slug),
    queryFn: () => get<AbsenceList & { today?: string }>(`${substitutionApi(slug)}/my/absences`),
  });
}

/**
 * Her and her tandem partners' child-days, where the office lets tandems confirm; any refusal (not allowed,
 * no tandem) means there is nothing to show, so it is not retried.
 */
export function useMyTandem(slug: string) {
  return useQuery({
    queryKey: substitutionKeys.tandem(slug),
    queryFn: () => get<BoardResponse>(`${substitutionApi(slug)}/my/tandem`),
    retry: false,
  });
}

export function useMyCovers(slug: string) {
  return useQuery({
    queryKey: substitutionKeys.myCovers(slug),
    queryFn: () => get<MyCoversResponse>(`${substitutionApi(slug)}/my/covers`),
  });
}

export function useFamilyCovers(slug: string) {
  return useQuery({
    queryKey: substitutionKeys.family(slug),
    queryFn: () => get<{ items: FamilyCover[] }>(`${substitutionApi(slug)}/family`),
  });
}

export function useArrangements(slug: string) {
  return useQuery({
    queryKey: substitutionKeys.arrangements(slug),
    queryFn: () => get<{ items: ArrangementDto[] }>(`${substitutionApi(slug)}/arrangements`),
  });
}

export function useSubstitutes(slug: string) {
  return useQuery({
    queryKey: substitutionKeys.substitutes(slug),
    queryFn: () => get<{ items: SubstituteDto[] }>(`${substitutionApi(slug)}/substitutes`),
  });
}

export function useKitas(slug: string) {
  return useQuery({
    queryKey: substitutionKeys.kitas(slug),
    queryFn: () => get<{ items: KitaDto[] }>(`${substitutionApi(slug)}/kitas`),
  });
}

export function usePlayGroups(slug: string) {
  return useQuery({
    queryKey: substitutionKeys.playGroups(slug),
    queryFn: () => get<{ items: PlayGroupDto[] }>(`${substitutionApi(slug)}/play-groups`),
  });
}

export function useSubstitutionSettings(slug: string) {
  return useQuery({
    queryKey: substitutionKeys.settings(slug),
    queryFn: () => get<SettingsInput>(`${substitutionApi(slug)}/settings`),
  });
}

/** The registry's active day-care persons, to mark one as employed substitute or name a play group's host. */
export function useRegistryCaregivers(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: substitutionKeys.registry(slug),
    queryFn: () =>
      get<{ items: CaregiverListItem[]; total: number }>(
        `${orgApi(slug)}/caregivers?status=active&limit=500`,
      ),
    enabled,
    staleTime: 60_000,
  });
}

/** The office's running contracts: the children who can be marked as present at a play group. */
export function useActiveContracts(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: substitutionKeys.contracts(slug),
    queryFn: () => get<ContractDto[]>(`${orgApi(slug)}/care-contracts?status=active`),
    enabled,
    staleTime: 60_000,
  });
}

export function useModelReport(slug: string, from: string, to: string) {
  return useQuery({
    queryKey: substitutionKeys.report(slug, from, to),
    queryFn: ({ signal }) =>
      get<ModelReport>(`${substitutionApi(slug)}/report?from=${enc(from)}&to=${enc(to)}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

export function useHours(slug: string, month: string) {
  return useQuery({
    queryKey: substitutionKeys.hours(slug, month),
    queryFn: ({ signal }) =>
      get<HoursResponse>(`${substitutionApi(slug)}/hours?month=${enc(month)}`, { signal }),
    placeholderData: (previous) => previous,
  });
}

/**
 * The calendar of a range (a week, or the weeks of a month grid): the office's ("office") or one's own
 * absences and covers ("own"). Under the module's key, so a confirmation elsewhere refreshes it too.
 */
export function useCalendar(slug: string, mode: "office" | "own", from: string, to: string) {
  return useQuery({
    queryKey: [...substitutionKeys.all(slug), "calendar", mode, from, to] as const,
    queryFn: ({ signal }) =>
      get<CalendarResponse>(
        `${substitutionApi(slug)}/${mode === "own" ? "my/calendar" : "calendar"}?from=${enc(from)}&to=${enc(to)}`,
        { signal },
      ),
    placeholderData: (previous) => previous,
  });
}

/** After any change: the board, the lists and the personal pages are read again. */
export async function refreshSubstitution(client: QueryClient, slug: string): Promise<void> {
  await client.invalidateQueries({ queryKey: substitutionKeys.all(slug) });
}
