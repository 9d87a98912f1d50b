import { Badge, Box, Group, List, Progress, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { VoteResults } from "../../../../contracts/votes";
import { usePercent, useVoteDateTime } from "./vote-format";

type ResultOption = VoteResults["options"][number];

/**
 * The numbers of a vote as text, each with a bar beside it (the bar only repeats the number, so it is hidden
 * from screen readers). `size` "xl" is the projector's big type.
 */
export function ResultNumbers({
  results,
  kind,
  labelOf,
  size = "md",
}: {
  results: VoteResults;
  kind: "motion" | "election";
  /** The label shown for an option (yes/no in the interface language, candidates by name). */
  labelOf: (option: ResultOption) => string;
  size?: "md" | "xl";
}) {
  const { t } = useTranslation();
  const formatDateTime = useVoteDateTime();
  const percent = usePercent();
  const big = size === "xl";
  const ballots = results.ballots ?? 0;
  const abstentions = results.abstentions ?? 0;
  const valid = results.options.reduce((sum, o) => sum + o.votes, 0);
  const entitled = results.entitled ?? 0;
  const election = results.election;
  const nameOf = (id: string) => {
    const option = results.options.find((o) => o.id === id);
    return option ? labelOf(option) : "";
  };
  const fz = big ? 36 : undefined;
  return (
    <Stack gap={big ? "xl" : "md"} data-testid="results">
      <Stack gap={big ? "lg" : "sm"} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {results.options.map((option) => (
          <Box component="li" key={option.id} data-testid="result-option">
            <Group justify="space-between" wrap="nowrap" gap="xs" align="baseline">
              <Text fw={600} fz={fz} style={{ overflowWrap: "anywhere" }}>
                {labelOf(option)}
                {option.accepted && results.final && (
                  <Badge ml="xs" color="teal.9" tt="none" size={big ? "xl" : "md"}>
                    {t(kind === "election" ? "votesWeb.results.elected" : "votesWeb.results.accepted")}
                  </Badge>
                )}
              </Text>
              <Text fw={700} fz={fz} style={{ whiteSpace: "nowrap" }} data-testid="result-votes">
                {t("votesWeb.results.votes", { count: option.votes })}
                {kind === "motion" && ` (${percent(option.votes, valid)})`}
              </Text>
            </Group>
            <Progress
              aria-hidden="true"
              value={valid > 0 ? (option.votes / valid) * 100 : 0}
              size={big ? 28 : "lg"}
              color={option.accepted && results.final ? "teal.9" : "blue.8"}
              mt={4}
            />
          </Box>
        ))}
      </Stack>
      <Stack gap={4}>
        <Text fz={fz} data-testid="result-abstentions">
          {t("votesWeb.results.abstentions", { count: abstentions })}
        </Text>
        {/* The projector states the participation above, in its own words. */}
        {!big && (
          <Text data-testid="result-participation">
            {t("votesWeb.results.participation", {
              ballots,
              entitled,
              percent: percent(ballots, entitled),
            })}
          </Text>
        )}
        {results.paper && results.paper.length > 0 && (
          <Text size={big ? "xl" : "sm"} c="dimmed">
            {t("votesWeb.results.paper", {
              count: results.paper.reduce((sum, p) => sum + p.ballots, 0),
              counters: results.paper.flatMap((p) => p.counters).join(", "),
            })}
          </Text>
        )}
        {results.quorumPercent > 0 && (
          <Text fz={fz} data-testid="result-quorum">
            {t(results.quorumReached ? "votesWeb.results.quorumReached" : "votesWeb.results.quorumMissed", {
              percent: results.quorumPercent,
            })}
          </Text>
        )}
        {kind === "motion" && (
          <Text size={big ? "xl" : "sm"} c={big ? undefined : "dimmed"}>
            {t("votesWeb.results.rule", { rule: t(`votesWeb.majority.${results.majority}`) })}
          </Text>
        )}
      </Stack>
      {results.final && kind === "motion" && results.passed !== null && (
        <Text
          fw={700}
          fz={big ? 56 : 24}
          c={results.passed ? "teal.9" : "red.9"}
          data-testid="result-outcome"
        >
          {t(results.passed ? "votesWeb.results.passed" : "votesWeb.results.rejected")}
        </Text>
      )}
      {results.final && election && (
        <Stack gap="xs" data-testid="election-outcome">
          <Title order={3} fz={big ? 40 : "h4"}>
            {t("votesWeb.results.electedTitle")}
          </Title>
          {election.elected.length > 0 ? (
            <List fz={fz}>
              {election.elected.map((id) => (
                <List.Item key={id}>{nameOf(id)}</List.Item>
              ))}
            </List>
          ) : (
            <Text fz={fz}>{t("votesWeb.results.nobodyElected")}</Text>
          )}
          {election.substitutes.length > 0 && (
            <>
              <Title order={3} fz={big ? 40 : "h4"}>
                {t("votesWeb.results.substitutesTitle")}
              </Title>
              <List type="ordered" fz={fz}>
                {election.substitutes.map((id) => (
                  <List.Item key={id}>{nameOf(id)}</List.Item>
                ))}
              </List>
            </>
          )}
          {election.lot && (
            <Text fz={fz} data-testid="election-lot">
              {t("votesWeb.results.lot", {
                at: formatDateTime(election.lot.drawnAt),
                tied: election.lot.tiedOptionIds.map(nameOf).join(", "),
                order: election.lot.order.map(nameOf).join(", "),
              })}
            </Text>
          )}
        </Stack>
      )}
    </Stack>
  );
}
