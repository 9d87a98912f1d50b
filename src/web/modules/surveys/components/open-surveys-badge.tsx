import { Badge, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useMyInvitations } from "../api";

/** Beside "Umfragen" in the navigation: how many surveys wait for her answer, seen from every page. */
export function OpenSurveysBadge({ orgSlug }: { orgSlug: string }) {
  const { t } = useTranslation();
  const count = useMyInvitations(orgSlug).data?.length ?? 0;
  if (count === 0) return null;
  return (
    <Badge size="sm" variant="filled" color="blue.8" data-testid="nav-open-surveys">
      {count}
      <VisuallyHidden> {t("surveys.navOpen")}</VisuallyHidden>
    </Badge>
  );
}
