import { Badge, Group } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { RoundStatus, RoundSummary } from "../../../../contracts/placement-rounds";

/** Colours with at least 4.5:1 contrast to their text; the word carries the meaning. */
const colours: Record<RoundStatus, string> = {
  open: "blue.8",
  published: "teal.9",
  cancelled: "gray.7",
};

/** Where a round stands: open (families still ranking, or ranking ended), published, cancelled. */
export function RoundStatusBadges({ round }: { round: Pick<RoundSummary, "status" | "isRankingClosed"> }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={colours[round.status]} autoContrast tt="none" variant="filled" data-testid="round-status">
        {t(`rounds.statuses.${round.status}`)}
      </Badge>
      {round.status === "open" && (
        <Badge color="gray.8" tt="none" variant="outline" data-testid="round-ranking-state">
          {round.isRankingClosed ? t("rounds.rankingClosed") : t("rounds.rankingOpen")}
        </Badge>
      )}
    </Group>
  );
}
