import { Badge, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useUnreadCount } from "../api";

/** Beside "Mitteilungen" in the navigation: how many she has not read; a screen reader hears "2 ungelesen". */
export function UnreadNavBadge({ orgSlug }: { orgSlug: string }) {
  const { t } = useTranslation();
  const count = useUnreadCount(orgSlug).data?.count ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" variant="filled" color="red.8" data-testid="nav-unread-announcements">
      {count}
      <VisuallyHidden> {t("announcements.navUnread")}</VisuallyHidden>
    </Badge>
  );
}
