import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { VoteDetail, VoteStatus } from "../../../../contracts/votes";
import { useEventFormat } from "../../events/components/event-format";

type VoteTimes = Pick<VoteDetail, "status" | "opensAt" | "closesAt" | "openedAt" | "closedAt">;

/** Dark shades under white text: the lighter ones fall below a contrast of 4.5:1. */
const STATUS_COLOURS: Record<VoteStatus, string> = {
  draft: "gray.8",
  nomination: "grape.9",
  scheduled: "blue.9",
  open: "teal.9",
  closed: "dark.5",
};

export function VoteStatusBadge({ status }: { status: VoteStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOURS[status]} variant="filled" tt="none">
      {t(`votesWeb.status.${status}`)}
    </Badge>
  );
}

/** Percent without decimals in the interface language ("67 %"). */
export function usePercent() {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 });
  return (part: number, whole: number) => (whole > 0 ? format.format(part / whole) : "–");
}

/** A moment in Berlin time, like the meetings the votes belong to: "Di., 08.12.2026, 19:30 Uhr". */
export function useVoteDateTime() {
  const format = useEventFormat();
  return (value: string) => format.when(value, null);
}

/** When a vote runs, in one line: "Läuft bis Di., 08.12.2026, 21:00 Uhr", "Beendet am …", "Beginnt am …". */
export function useVoteWhen() {
  const { t } = useTranslation();
  const formatDateTime = useVoteDateTime();
  return (vote: VoteTimes): string => {
    if (vote.status === "closed" && vote.closedAt)
      return t("votesWeb.when.closed", { at: formatDateTime(vote.closedAt) });
    if (vote.status === "open")
      return vote.closesAt
        ? t("votesWeb.when.openUntil", { at: formatDateTime(vote.closesAt) })
        : t("votesWeb.when.openByChair");
    if (vote.opensAt) return t("votesWeb.when.opensAt", { at: formatDateTime(vote.opensAt) });
    return t("votesWeb.when.opensByChair");
  };
}
