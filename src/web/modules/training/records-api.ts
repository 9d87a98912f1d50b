import { type QueryClient, useQuery } from "@tanstack/react-query";
import type {
  AttendanceRunDto,
  AttendanceSheet,
  MyCertificateDto,
  PublicCertificate,
  RunResults,
} from "../../../contracts/training-records";
import { MY_CERTIFICATES_PATH, VERIFY_PATH } from "../../../contracts/training-records";
import { get } from "../../app/api";

/**
 * Query keys: everything of one organisation's attendance, results and certificates sits under
 * ["training-records", slug], so a saved attendance list refreshes the run's results and the trainer's list
 * of runs at once.
 */
export const recordsKeys = {
  all: (slug: string) => ["training-records", slug] as const,
  runs: (slug: string) => ["training-records", slug, "runs"] as const,
  sheet: (slug: string, courseId: string) => ["training-records", slug, "sheet", courseId] as const,
  results: (slug: string, courseId: string) => ["training-records", slug, "results", courseId] as const,
  mine: (slug: string) => ["training-records", slug, "mine"] as const,
  verify: (code: string) => ["training-certificate-verification", code] as const,
};

const training = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}/training`;
const id = encodeURIComponent;
const course = (slug: string, courseId: string) => `${training(slug)}/courses/${id(courseId)}`;

/** The API's addresses of this part, in one place (attendance.routes.ts, certificates.routes.ts). */
export const recordsApi = {
  runs: (slug: string) => `${training(slug)}/attendance`,
  sheet: (slug: string, courseId: string) => `${course(slug, courseId)}/attendance`,
  session: (slug: string, courseId: string, sessionId: string) =>
    `${course(slug, courseId)}/sessions/${id(sessionId)}/attendance`,
  results: (slug: string, courseId: string) => `${course(slug, courseId)}/results`,
  assessments: (slug: string, courseId: string, participantId: string) =>
    `${course(slug, courseId)}/participants/${id(participantId)}/assessments`,
  practice: (slug: string, courseId: string, participantId: string) =>
    `${course(slug, courseId)}/participants/${id(participantId)}/practice`,
  practiceEntry: (slug: string, courseId: string, entryId: string) =>
    `${course(slug, courseId)}/practice/${id(entryId)}`,
  confirmPractice: (slug: string, courseId: string, entryId: string) =>
    `${course(slug, courseId)}/practice/${id(entryId)}/confirm`,
  issue: (slug: string, courseId: string) => `${course(slug, courseId)}/certificates`,
  reissue: (slug: string, certificateId: string) =>
    `${training(slug)}/certificates/${id(certificateId)}/reissue`,
  revoke: (slug: string, certificateId: string) =>
    `${training(slug)}/certificates/${id(certificateId)}/revoke`,
  pdf: (slug: string, certificateId: string) => `${training(slug)}/certificates/${id(certificateId)}/pdf`,
  mine: (slug: string) => `${training(slug)}/my-certificates`,
  myPdf: (slug: string, certificateId: string) =>
    `${training(slug)}/my-certificates/${id(certificateId)}/pdf`,
  verify: (code: string) => `/api/public/certificates/${id(code)}`,
};

/** Web paths of this part. */
export const recordsPaths = {
  /** A trainer's runs ("Meine Kurse"). */
  myCourses: (slug: string) => `/app/${slug}/fortbildungen/anwesenheit`,
  attendance: (slug: string, courseId: string) => `/app/${slug}/fortbildungen/anwesenheit/${courseId}`,
  /** Staff: every run with its completion and certificates. */
  results: (slug: string, courseId?: string) =>
    `/app/${slug}/fortbildungen/abschluesse${courseId ? `/${courseId}` : ""}`,
  myCertificates: (slug: string) => `/app/${slug}/${MY_CERTIFICATES_PATH}`,
  verify: (code?: string) => `/${VERIFY_PATH}${code ? `/${code}` : ""}`,
};

export function useAttendanceRuns(slug: string) {
  return useQuery({
    queryKey: recordsKeys.runs(slug),
    queryFn: () => get<AttendanceRunDto[]>(recordsApi.runs(slug)),
  });
}

export function useAttendanceSheet(slug: string, courseId: string) {
  return useQuery({
    queryKey: recordsKeys.sheet(slug, courseId),
    queryFn: () => get<AttendanceSheet>(recordsApi.sheet(slug, courseId)),
    // The trainer marks on her phone while the page is open: a refetch on focus would throw her ticks away
    // only if it replaced the draft, which it does not, but it would move the figures under her finger.
    refetchOnWindowFocus: false,
  });
}

export function useRunResults(slug: string, courseId: string) {
  return useQuery({
    queryKey: recordsKeys.results(slug, courseId),
    queryFn: () => get<RunResults>(recordsApi.results(slug, courseId)),
  });
}

export function useMyCertificates(slug: string) {
  return useQuery({
    queryKey: recordsKeys.mine(slug),
    queryFn: () => get<MyCertificateDto[]>(recordsApi.mine(slug)),
  });
}

/** The public check of a code that is well-formed; unknown codes answer 404, which is an answer, not a fault. */
export function useVerification(code: string | null) {
  return useQuery({
    queryKey: recordsKeys.verify(code ?? ""),
    queryFn: () => get<PublicCertificate>(recordsApi.verify(code ?? "")),
    enabled: code !== null,
    retry: false,
    staleTime: 60_000,
  });
}

/** After a change of attendance, results or certificates: every view of the organisation's records again. */
export async function refreshRecords(client: QueryClient, slug: string): Promise<void> {
  await client.invalidateQueries({ queryKey: recordsKeys.all(slug) });
}
