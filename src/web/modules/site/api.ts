import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ContactInput,
  PublicPage,
  PublicPost,
  PublicPostList,
  PublicSite,
  SitePageDetail,
  SitePageInput,
  SitePageSummary,
  SitePostDetail,
  SitePostInput,
  SitePostList,
} from "../../../contracts/site";
import { del, get, post, put, upload } from "../../app/api";

const enc = encodeURIComponent;
const publicBase = (slug: string) => `/api/public/orgs/${enc(slug)}/site`;
const staffBase = (slug: string) => `/api/orgs/${enc(slug)}/site`;

export const siteKeys = {
  site: (slug: string) => ["public-site", slug] as const,
  page: (slug: string, pageSlug: string) => ["public-site", slug, "page", pageSlug] as const,
  posts: (slug: string, page: number) => ["public-site", slug, "posts", page] as const,
  post: (slug: string, postSlug: string) => ["public-site", slug, "post", postSlug] as const,
  staff: (slug: string) => ["org", slug, "site"] as const,
  staffPages: (slug: string) => ["org", slug, "site", "pages"] as const,
  staffPage: (slug: string, id: string) => ["org", slug, "site", "pages", id] as const,
  staffPosts: (slug: string, page: number) => ["org", slug, "site", "posts", page] as const,
  staffPost: (slug: string, id: string) => ["org", slug, "site", "post", id] as const,
};

/** The menu and the latest news; every public page of the organisation shows them, so they stay cached. */
export function usePublicSite(slug: string) {
  return useQuery({
    queryKey: siteKeys.site(slug),
    queryFn: () => get<PublicSite>(publicBase(slug)),
    staleTime: 5 * 60_000,
    enabled: slug !== "",
  });
}

export function usePublicPage(slug: string, pageSlug: string) {
  return useQuery({
    queryKey: siteKeys.page(slug, pageSlug),
    queryFn: () => get<PublicPage>(`${publicBase(slug)}/pages/${enc(pageSlug)}`),
  });
}

export function usePublicPosts(slug: string, page: number) {
  return useQuery({
    queryKey: siteKeys.posts(slug, page),
    queryFn: () => get<PublicPostList>(`${publicBase(slug)}/posts?page=${page}`),
    placeholderData: keepPreviousData,
  });
}

export function usePublicPost(slug: string, postSlug: string) {
  return useQuery({
    queryKey: siteKeys.post(slug, postSlug),
    queryFn: () => get<PublicPost>(`${publicBase(slug)}/posts/${enc(postSlug)}`),
  });
}

export const fetchContactToken = (slug: string) =>
  get<{ token: string }>(`${publicBase(slug)}/contact-token`);
export const sendContact = (slug: string, input: ContactInput) =>
  post<{ ok: true }>(`${publicBase(slug)}/contact`, input);

// ---------------------------------------------------------------- writers

export function useSitePages(slug: string) {
  return useQuery({
    queryKey: siteKeys.staffPages(slug),
    queryFn: () => get<SitePageSummary[]>(`${staffBase(slug)}/pages`),
  });
}

export function useSitePage(slug: string, id: string | null) {
  return useQuery({
    queryKey: siteKeys.staffPage(slug, id ?? ""),
    queryFn: () => get<SitePageDetail>(`${staffBase(slug)}/pages/${enc(id ?? "")}`),
    enabled: id !== null,
  });
}

export function useSitePosts(slug: string, page: number) {
  return useQuery({
    queryKey: siteKeys.staffPosts(slug, page),
    queryFn: () => get<SitePostList>(`${staffBase(slug)}/posts?page=${page}`),
    placeholderData: keepPreviousData,
  });
}

export function useSitePost(slug: string, id: string | null) {
  return useQuery({
    queryKey: siteKeys.staffPost(slug, id ?? ""),
    queryFn: () => get<SitePostDetail>(`${staffBase(slug)}/posts/${enc(id ?? "")}`),
    enabled: id !== null,
  });
}

/** After any change the writers' lists and the public site (menu, news) are read again. */
function useInvalidateSite(slug: string) {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: siteKeys.staff(slug) }),
      client.invalidateQueries({ queryKey: ["public-site", slug] }),
    ]);
}

export function useSavePage(slug: string, id: string | null) {
  const invalidate = useInvalidateSite(slug);
  return useMutation({
    mutationFn: (input: SitePageInput) =>
      id
        ? put<SitePageDetail>(`${staffBase(slug)}/pages/${enc(id)}`, input)
        : post<SitePageDetail>(`${staffBase(slug)}/pages`, input),
    onSuccess: invalidate,
  });
}

export function useDeletePage(slug: string) {
  const invalidate = useInvalidateSite(slug);
  return useMutation({
    mutationFn: (id: string) => del(`${staffBase(slug)}/pages/${enc(id)}`),
    onSuccess: invalidate,
  });
}

export function useSavePost(slug: string, id: string | null) {
  const invalidate = useInvalidateSite(slug);
  return useMutation({
    mutationFn: (input: SitePostInput) =>
      id
        ? put<SitePostDetail>(`${staffBase(slug)}/posts/${enc(id)}`, input)
        : post<SitePostDetail>(`${staffBase(slug)}/posts`, input),
    onSuccess: invalidate,
  });
}

export function useDeletePost(slug: string) {
  const invalidate = useInvalidateSite(slug);
  return useMutation({
    mutationFn: (id: string) => del(`${staffBase(slug)}/posts/${enc(id)}`),
    onSuccess: invalidate,
  });
}

export function usePostImage(slug: string, id: string) {
  const invalidate = useInvalidateSite(slug);
  return useMutation({
    mutationFn: (file: File | null) =>
      file
        ? upload<SitePostDetail>(`${staffBase(slug)}/posts/${enc(id)}/image`, file)
        : del<SitePostDetail>(`${staffBase(slug)}/posts/${enc(id)}/image`),
    onSuccess: invalidate,
  });
}

export const staffImageUrl = (slug: string, id: string, version: string) =>
  `${staffBase(slug)}/posts/${enc(id)}/image?v=${enc(version)}`;
