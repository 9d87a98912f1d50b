import { useQuery } from "@tanstack/react-query";
import type { AnnouncementEntry, MyMailSetting } from "../../../contracts/announcements";
import type { Role } from "../../../contracts/roles";
import { get } from "../../app/api";

export const announcementKeys = {
  all: (slug: string) => ["org", slug, "announcements"] as const,
  unread: (slug: string) => ["org", slug, "announcements", "unread"] as const,
  mailSettings: ["announcement-mail-settings"] as const,
};

export const announcementsApi = (slug: string) => `/api/orgs/${encodeURIComponent(slug)}/announcements`;

/** Who may write announcements (announcements.policy.ts). */
export const WRITERS: readonly Role[] = ["board", "coordinator", "admin"];

export function useAnnouncements(slug: string) {
  return useQuery({
    queryKey: announcementKeys.all(slug),
    queryFn: () => get<AnnouncementEntry[]>(announcementsApi(slug)),
  });
}

export function useUnreadCount(slug: string) {
  return useQuery({
    queryKey: announcementKeys.unread(slug),
    queryFn: () => get<{ count: number }>(`${announcementsApi(slug)}/unread`),
  });
}

export function useMyMailSettings() {
  return useQuery({
    queryKey: announcementKeys.mailSettings,
    queryFn: () => get<MyMailSetting[]>("/api/me/announcement-mail-settings"),
  });
}
