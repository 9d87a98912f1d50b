import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ConsentInput,
  ExhibitionDetail,
  ExhibitionInput,
  ExhibitionPhoto,
  ExhibitionSummary,
  PhotoTextInput,
  PhotoUpdateInput,
  PublicExhibition,
  PublicExhibitionList,
} from "../../../contracts/exhibition";
import { api, del, get, post, put } from "../../app/api";

const enc = encodeURIComponent;
const publicBase = (slug: string) => `/api/public/orgs/${enc(slug)}/exhibitions`;
const staffBase = (slug: string) => `/api/orgs/${enc(slug)}`;

export const exhibitionKeys = {
  publicList: (slug: string) => ["public-exhibitions", slug] as const,
  publicOne: (slug: string, exhibitionSlug: string) => ["public-exhibitions", slug, exhibitionSlug] as const,
  staffList: (slug: string) => ["org", slug, "exhibitions"] as const,
  staffOne: (slug: string, id: string) => ["org", slug, "exhibitions", id] as const,
};

// ---------------------------------------------------------------- public

export function usePublicExhibitions(slug: string) {
  return useQuery({
    queryKey: exhibitionKeys.publicList(slug),
    queryFn: () => get<PublicExhibitionList>(publicBase(slug)),
    enabled: slug !== "",
  });
}

export function usePublicExhibition(slug: string, exhibitionSlug: string) {
  return useQuery({
    queryKey: exhibitionKeys.publicOne(slug, exhibitionSlug),
    queryFn: () => get<PublicExhibition>(`${publicBase(slug)}/${enc(exhibitionSlug)}`),
  });
}

// ---------------------------------------------------------------- staff

export function useExhibitions(slug: string) {
  return useQuery({
    queryKey: exhibitionKeys.staffList(slug),
    queryFn: () => get<ExhibitionSummary[]>(`${staffBase(slug)}/exhibitions`),
  });
}

export function useExhibition(slug: string, id: string) {
  return useQuery({
    queryKey: exhibitionKeys.staffOne(slug, id),
    queryFn: () => get<ExhibitionDetail>(`${staffBase(slug)}/exhibitions/${enc(id)}`),
  });
}

export function useCreateExhibition(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ExhibitionInput) => post<ExhibitionDetail>(`${staffBase(slug)}/exhibitions`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: exhibitionKeys.staffList(slug) }),
  });
}

/** Every change inside an exhibition refreshes it and the list (photo counts), and the public views. */
function useExhibitionMutation<Input, Output>(
  slug: string,
  exhibitionId: string,
  mutationFn: (input: Input) => Promise<Output>,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: exhibitionKeys.staffList(slug) }),
        client.invalidateQueries({ queryKey: ["public-exhibitions", slug] }),
      ]);
    },
    onSettled: () => client.invalidateQueries({ queryKey: exhibitionKeys.staffOne(slug, exhibitionId) }),
  });
}

export function useUpdateExhibition(slug: string, id: string) {
  return useExhibitionMutation(slug, id, (input: ExhibitionInput) =>
    put<ExhibitionDetail>(`${staffBase(slug)}/exhibitions/${enc(id)}`, input),
  );
}

export function useDeleteExhibition(slug: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => del<{ ok: true }>(`${staffBase(slug)}/exhibitions/${enc(id)}`),
    onSuccess: () => {
      client.removeQueries({ queryKey: exhibitionKeys.staffOne(slug, id) });
      return client.invalidateQueries({ queryKey: exhibitionKeys.staffList(slug) });
    },
  });
}

/** The photo's bytes as the body, its texts in the query string. */
export function useUploadPhoto(slug: string, exhibitionId: string) {
  return useExhibitionMutation(slug, exhibitionId, ({ file, text }: { file: File; text: PhotoTextInput }) => {
    const query = new URLSearchParams({ altText: text.altText, caption: text.caption, credit: text.credit });
    return api<ExhibitionPhoto>(
      "POST",
      `${staffBase(slug)}/exhibitions/${enc(exhibitionId)}/photos?${query.toString()}`,
      file,
    );
  });
}

const photoUrl = (slug: string, photoId: string) => `${staffBase(slug)}/exhibition-photos/${enc(photoId)}`;

export function useUpdatePhoto(slug: string, exhibitionId: string, photoId: string) {
  return useExhibitionMutation(slug, exhibitionId, (input: PhotoUpdateInput) =>
    put<ExhibitionPhoto>(photoUrl(slug, photoId), input),
  );
}

export function usePublishPhoto(slug: string, exhibitionId: string, photoId: string) {
  return useExhibitionMutation(slug, exhibitionId, (isPublished: boolean) =>
    put<ExhibitionPhoto>(`${photoUrl(slug, photoId)}/published`, { isPublished }),
  );
}

export function useDeletePhoto(slug: string, exhibitionId: string, photoId: string) {
  return useExhibitionMutation(slug, exhibitionId, () => del<{ ok: true }>(photoUrl(slug, photoId)));
}

export function useRecordConsent(slug: string, exhibitionId: string, photoId: string) {
  return useExhibitionMutation(slug, exhibitionId, (input: ConsentInput) =>
    post<ExhibitionPhoto>(`${photoUrl(slug, photoId)}/consents`, input),
  );
}

export function useWithdrawConsent(slug: string, exhibitionId: string, photoId: string) {
  return useExhibitionMutation(
    slug,
    exhibitionId,
    ({ consentId, reason }: { consentId: string; reason: string }) =>
      post<ExhibitionPhoto>(`${photoUrl(slug, photoId)}/consents/${enc(consentId)}/withdraw`, { reason }),
  );
}
