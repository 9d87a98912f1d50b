import { Anchor, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MyRequestDetail } from "../../../../contracts/placement";
import type { ParentRoundResponse } from "../../../../contracts/placement-rounds";
import { useDateFormat } from "../../../components/format";
import { Section } from "../../../components/section";
import { useParentRound } from "../rounds-api";
import { CutOffList } from "./round-explanation";

/** The families rank on the suggestions section of the same page, when it is shown. */
const hasSuggestionsSection = (status: MyRequestDetail["status"]) =>
  status === "suggested" || status === "offered" || status === "placed";

function Outcome({
  outcome,
  child,
}: {
  outcome: NonNullable<ParentRoundResponse["outcome"]>;
  child: string;
}) {
  const { t } = useTranslation();
  const hasReasons = outcome.cutOffs.length > 0 || outcome.otherCutOffs > 0;
  return (
    <Stack gap="sm" data-testid="round-outcome">
      <Text fw={600}>
        {outcome.isPlaced
          ? t("rounds.family.placed", { child, name: outcome.caregiverName ?? "" })
          : t("rounds.family.unplaced", { child })}
      </Text>
      <Text size="sm">
        {outcome.isPlaced ? t("rounds.family.placedNext") : t("rounds.family.unplacedNext")}
      </Text>
      {hasReasons && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {outcome.isPlaced ? t("rounds.family.whyNotHigher") : t("rounds.family.whyNot")}
          </Text>
          {outcome.cutOffs.length > 0 && <CutOffList cutOffs={outcome.cutOffs} audience="family" />}
          {outcome.otherCutOffs > 0 && (
            <Text size="sm">{t("rounds.family.others", { count: outcome.otherCutOffs })}</Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/**
 * The allocation round the request takes part in: until the deadline how the family's ranking counts, after
 * it that the office is allocating, and once published the outcome and why, in plain words.
 */
export function ParentRoundPanel({ slug, detail }: { slug: string; detail: MyRequestDetail }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const query = useParentRound(slug, detail.id);
  // Only rounds that concern the family are shown; while loading or on an error the page stays as it was.
  const data = query.data;
  if (!data?.round || data.round.status === "cancelled") return null;
  const round = data.round;
  const canRank = round.status === "open" && !round.isRankingClosed;
  return (
    <Section id="vergaberunde" title={t("rounds.family.title")}>
      <Stack gap="sm" data-testid="parent-round">
        {data.outcome ? (
          <Outcome outcome={data.outcome} child={detail.childFirstName} />
        ) : canRank ? (
          <>
            <Text>
              {t("rounds.family.open", { child: detail.childFirstName, date: formatDate(round.deadline) })}
              {hasSuggestionsSection(detail.status) && ` ${t("rounds.family.canRank")}`}
            </Text>
            <Text size="sm" data-testid="parent-round-ranked">
              {data.rankedCount > 0
                ? t("rounds.family.ranked", { count: data.rankedCount })
                : t("rounds.family.notRanked")}
            </Text>
            {hasSuggestionsSection(detail.status) && (
              <Anchor href="#vorschlaege" size="sm" w="fit-content" data-testid="parent-round-rank-link">
                {t("rounds.family.rankLink")}
              </Anchor>
            )}
          </>
        ) : (
          <Text>{t("rounds.family.allocating", { child: detail.childFirstName })}</Text>
        )}
      </Stack>
    </Section>
  );
}
