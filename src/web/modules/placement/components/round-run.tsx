import { Alert, Button, Progress, Stack, Text } from "@mantine/core";
import { IconAlertTriangle, IconPlayerPlay } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { RoundDetail, RunDto } from "../../../../contracts/placement-rounds";
import { post } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { roundApi, roundKeys } from "../rounds-api";

/** The run's progress as a bar, and its phase in words for everyone, read out politely when it changes. */
function RunProgress({ run }: { run: RunDto }) {
  const { t, i18n } = useTranslation();
  const { formatDateTime } = useDateFormat();
  const percent = run.status === "done" ? 100 : Math.round(Math.min(1, Math.max(0, run.progress)) * 100);
  const seconds = run.stats
    ? (run.stats.durationMs / 1000).toLocaleString(i18n.language, { maximumFractionDigits: 1 })
    : "";
  // Only the phase and the outcome are announced: a percentage read out every 700 ms would drown the page.
  const status =
    run.status === "running"
      ? t(`rounds.run.phases.${run.phase}`)
      : run.status === "failed"
        ? t("rounds.run.failed")
        : run.stats
          ? t("rounds.run.doneStats", {
              count: run.stats.requests,
              placed: run.stats.placed,
              seconds,
            })
          : t("rounds.run.phases.finished");
  return (
    <Stack gap={6}>
      <Progress.Root size="xl" radius="md">
        <Progress.Section
          value={percent}
          color={run.status === "failed" ? "red.8" : run.status === "done" ? "teal.8" : "blue.7"}
          animated={run.status === "running"}
          aria-label={t("rounds.run.progressLabel")}
          data-testid="run-progress"
        />
      </Progress.Root>
      <Text size="sm" role="status" aria-live="polite" data-testid="run-status">
        {status}
      </Text>
      {run.finishedAt && run.status !== "running" && (
        <Text size="xs" c="dimmed">
          {t("rounds.run.finishedAt", { date: formatDateTime(run.finishedAt) })}
        </Text>
      )}
    </Stack>
  );
}

/** Run the round (as often as the office likes while it is open) and follow the run's progress. */
export function RoundRunPanel({ slug, round }: { slug: string; round: RoundDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const run = round.latestRun;
  const isRunning = run?.status === "running";
  const start = useMutation({
    mutationFn: () => post<RunDto>(`${roundApi(slug, round.id)}/runs`),
    // The round's answer now says "running", which starts the polling of the round.
    onSuccess: (started) => {
      client.setQueryData<RoundDetail>(roundKeys.round(slug, round.id), (current) =>
        current ? { ...current, latestRun: started } : current,
      );
    },
  });
  return (
    <Stack gap="sm">
      {run ? <RunProgress run={run} /> : <Text size="sm">{t("rounds.run.never")}</Text>}
      {run?.status === "done" && run.isStale && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle aria-hidden="true" />}
          title={t("rounds.run.staleTitle")}
          data-testid="run-stale"
        >
          <Text size="sm" c="var(--mantine-color-text)">
            {t("rounds.run.staleText")}
          </Text>
        </Alert>
      )}
      {start.isError && <ErrorAlert error={start.error} />}
      {round.status === "open" && (
        <Button
          w="fit-content"
          leftSection={<IconPlayerPlay size={16} aria-hidden="true" />}
          loading={start.isPending}
          disabled={isRunning}
          onClick={() => start.mutate()}
          data-testid="run-start"
        >
          {run ? t("rounds.run.again") : t("rounds.run.start")}
        </Button>
      )}
    </Stack>
  );
}
