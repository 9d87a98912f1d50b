import { Badge } from "@mantine/core";
import { IconAlertTriangle, IconCircleCheck, IconClockHour4, IconQuestionMark } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { deadlineStates } from "../../../../contracts/caregivers";
import { formatDate } from "../format";

export type DeadlineState = (typeof deadlineStates)[number];

/** Colours chosen for at least 4.5:1 contrast with their text; the word and the icon carry the meaning. */
const look: Record<DeadlineState, { color: string; Icon: typeof IconCircleCheck }> = {
  overdue: { color: "red.9", Icon: IconAlertTriangle },
  missing: { color: "gray.8", Icon: IconQuestionMark },
  dueSoon: { color: "yellow.4", Icon: IconClockHour4 },
  ok: { color: "teal.9", Icon: IconCircleCheck },
};

/** Urgency order for sorting: overdue first, then not recorded, due soon, fine. */
export const stateRank: Record<DeadlineState, number> = { overdue: 0, missing: 1, dueSoon: 2, ok: 3 };

export function DeadlineStateBadge({
  state,
  size = "md",
}: {
  state: DeadlineState;
  size?: "sm" | "md" | "lg";
}) {
  const { t } = useTranslation();
  const { color, Icon } = look[state];
  return (
    <Badge
      color={color}
      autoContrast
      size={size}
      tt="none"
      leftSection={<Icon size={14} aria-hidden="true" />}
      data-state={state}
      styles={{
        root: { flexShrink: 0, maxWidth: "none", overflow: "visible" },
        label: { overflow: "visible" },
      }}
    >
      {t(`registry.deadlineStates.${state}`)}
    </Badge>
  );
}

/** "in 12 Tagen", "heute", "überfällig seit 3 Tagen" or "" without a date. */
export function useRelativeDue() {
  const { t } = useTranslation();
  return (days: number | null): string => {
    if (days === null) return "";
    if (days === 0) return t("registry.due.today");
    if (days > 0) return t("registry.due.inDays", { count: days });
    return t("registry.due.overdueDays", { count: -days });
  };
}

/** The due date with its distance: "bis 24.12.2026 (in 30 Tagen)", or "nicht erfasst". */
export function DueText({ dueOn, daysLeft }: { dueOn: string | null; daysLeft: number | null }) {
  const { t, i18n } = useTranslation();
  const relative = useRelativeDue();
  if (!dueOn) return <>{t("registry.due.noDate")}</>;
  return (
    <>
      {formatDate(dueOn, i18n.language)}
      {daysLeft !== null && ` (${relative(daysLeft)})`}
    </>
  );
}
