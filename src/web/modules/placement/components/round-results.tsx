import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  ScrollArea,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from "@mantine/core";
import { useElementSize } from "@mantine/hooks";
import { IconChevronDown, IconChevronRight } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import {
  type ResultsQuery,
  type RoundResultItem,
  type RunDto,
  resultFilters,
} from "../../../../contracts/placement-rounds";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { formatAge, orgPath, useCareTimesText, useKm } from "../format";
import { useRoundExplanation, useRoundResults } from "../rounds-api";
import { CutOffList } from "./round-explanation";

const PAGE_SIZE = 50;
type Filter = (typeof resultFilters)[number];

/** Placed x of y, first choices, and the blocking pairs said as they are. */
function RunSummary({ run }: { run: RunDto }) {
  const { t } = useTranslation();
  const stats = run.stats;
  if (!stats) return null;
  return (
    <Stack gap={4} data-testid="round-stats">
      <Text fw={600}>{t("rounds.results.placed", { count: stats.requests, placed: stats.placed })}</Text>
      <Text size="sm">
        {t("rounds.results.firstChoice", { count: stats.placed, firstChoice: stats.firstChoice })}
      </Text>
      <Text size="sm">{t("rounds.results.caregivers", { count: stats.caregivers })}</Text>
      <Text size="sm" data-testid="round-blocking">
        {stats.blockingPairs === 0
          ? t("rounds.results.stable")
          : t("rounds.results.blockingPairs", { count: stats.blockingPairs })}
      </Text>
    </Stack>
  );
}

/** Why the child did not get a caregiver the family put higher; loaded when opened. */
function Explanation({
  slug,
  roundId,
  runId,
  item,
}: {
  slug: string;
  roundId: string;
  runId: string;
  item: RoundResultItem;
}) {
  const { t } = useTranslation();
  const query = useRoundExplanation(slug, roundId, runId, item.requestId, true);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const lead =
    item.caregiverName === null
      ? t(item.rankedCount > 0 ? "rounds.explain.unplacedRanked" : "rounds.explain.unplacedNearest", {
          child: item.childFirstName,
        })
      : t(item.rankedCount > 0 ? "rounds.explain.placedRanked" : "rounds.explain.placedNearest", {
          child: item.childFirstName,
          name: item.caregiverName,
          choice: item.choice,
        });
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {lead}
      </Text>
      <CutOffList cutOffs={query.data.cutOffs} audience="office" testId="explanation" />
    </Stack>
  );
}

function Outcome({ item }: { item: RoundResultItem }) {
  const { t } = useTranslation();
  const km = useKm();
  if (item.caregiverName === null) {
    return (
      <Badge
        color="red.9"
        variant="outline"
        tt="none"
        // In a narrow column the word wraps instead of being cut off.
        styles={{
          root: { height: "auto", paddingBlock: 2 },
          label: { whiteSpace: "normal", overflow: "visible", textOverflow: "clip" },
        }}
        data-testid="result-unplaced"
      >
        {t("rounds.results.noPlace")}
      </Badge>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {item.caregiverName}
      </Text>
      <Text size="xs" c="dimmed">
        {[
          item.rankedCount > 0 && item.choice !== null
            ? t("rounds.results.choice", { choice: item.choice })
            : t("rounds.results.nearest"),
          item.distanceKm === null ? null : t("rounds.results.km", { km: km(item.distanceKm) }),
        ]
          .filter(Boolean)
          .join(" · ")}
      </Text>
    </Stack>
  );
}

const COLUMN_COUNT = 7;

function ResultsTable({
  slug,
  roundId,
  runId,
  items,
  openRows,
  onToggle,
}: {
  slug: string;
  roundId: string;
  runId: string;
  items: RoundResultItem[];
  openRows: string[];
  onToggle: (requestId: string) => void;
}) {
  const { t } = useTranslation();
  const careTimes = useCareTimesText();
  // An opened explanation is as wide as the visible part of the table, so it reads on a phone without
  // scrolling sideways; 20 px leave room for the cell's padding.
  const { ref: viewportRef, width: viewportWidth } = useElementSize();
  return (
    <ScrollArea
      type="auto"
      viewportRef={viewportRef}
      offsetScrollbars
      viewportProps={{
        role: "region",
        "aria-label": t("rounds.results.tableLabel"),
        // A region that scrolls sideways must be reachable by keyboard (WCAG 2.1.1).
        tabIndex: 0,
      }}
    >
      <Table
        striped
        verticalSpacing="xs"
        miw={880}
        aria-label={t("rounds.results.tableLabel")}
        data-testid="results-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("rounds.results.child")}</Table.Th>
            <Table.Th scope="col">{t("rounds.results.age")}</Table.Th>
            <Table.Th scope="col">{t("rounds.results.times")}</Table.Th>
            <Table.Th scope="col">{t("rounds.results.area")}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {t("rounds.results.points")}
            </Table.Th>
            <Table.Th scope="col" miw={150}>
              {t("rounds.results.result")}
            </Table.Th>
            <Table.Th scope="col">{t("rounds.results.why")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const isOpen = openRows.includes(item.requestId);
            const panelId = `why-${item.requestId}`;
            return (
              <Fragment key={item.requestId}>
                <Table.Tr data-testid="result-row">
                  <Table.Td>
                    <Anchor component={Link} to={orgPath(slug, `vermittlung/${item.requestId}`)} fw={600}>
                      {item.childFirstName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatAge(item.ageMonthsAtStart, t)}</Table.Td>
                  <Table.Td>{careTimes(item.careTimes)}</Table.Td>
                  <Table.Td>{`${item.postalCode} ${item.town}`}</Table.Td>
                  <Table.Td style={{ textAlign: "right" }}>{item.priorityPoints}</Table.Td>
                  <Table.Td>
                    <Outcome item={item} />
                  </Table.Td>
                  <Table.Td>
                    {item.cutOffCount > 0 ? (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        h={36}
                        leftSection={
                          isOpen ? (
                            <IconChevronDown size={16} aria-hidden="true" />
                          ) : (
                            <IconChevronRight size={16} aria-hidden="true" />
                          )
                        }
                        aria-expanded={isOpen}
                        aria-controls={isOpen ? panelId : undefined}
                        onClick={() => onToggle(item.requestId)}
                        data-testid="result-why"
                      >
                        {t("rounds.results.whyButton")}
                        <VisuallyHidden>
                          {t("rounds.results.whyFor", { child: item.childFirstName })}
                        </VisuallyHidden>
                      </Button>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {item.caregiverName === null
                          ? t("rounds.results.nobodyFits")
                          : t("rounds.results.nothingAbove")}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
                {isOpen && (
                  <Table.Tr id={panelId} data-testid="result-explanation">
                    <Table.Td colSpan={COLUMN_COUNT}>
                      {/* Stays in view on a phone while the wide table scrolls sideways. */}
                      <Box
                        style={{
                          position: "sticky",
                          left: 0,
                          width: viewportWidth > 0 ? Math.max(240, viewportWidth - 20) : undefined,
                        }}
                      >
                        <Explanation slug={slug} roundId={roundId} runId={runId} item={item} />
                      </Box>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

/** The run's result: filter, a page of rows, and each row's explanation behind its own button. */
export function RoundResultsPanel({ slug, roundId, run }: { slug: string; roundId: string; run: RunDto }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>("all");
  const [offset, setOffset] = useState(0);
  const [openRows, setOpenRows] = useState<string[]>([]);
  const query: ResultsQuery = { filter, limit: PAGE_SIZE, offset };
  const results = useRoundResults(slug, roundId, run.id, query);
  const stats = run.stats;
  const counts: Record<Filter, number | null> = {
    all: stats?.requests ?? null,
    placed: stats?.placed ?? null,
    unplaced: stats?.unplaced ?? null,
  };
  const choose = (next: Filter) => {
    setFilter(next);
    setOffset(0);
    setOpenRows([]);
  };
  const toggle = (requestId: string) =>
    setOpenRows((current) =>
      current.includes(requestId) ? current.filter((id) => id !== requestId) : [...current, requestId],
    );
  const data = results.data;
  return (
    <Stack gap="md">
      <RunSummary run={run} />
      <Group gap={6} role="group" aria-label={t("rounds.results.filterLabel")}>
        {resultFilters.map((f) => (
          <Button
            key={f}
            variant={filter === f ? "filled" : "default"}
            aria-pressed={filter === f}
            onClick={() => choose(f)}
            data-testid={`results-filter-${f}`}
          >
            {counts[f] === null
              ? t(`rounds.results.filters.${f}`)
              : `${t(`rounds.results.filters.${f}`)} (${counts[f]})`}
          </Button>
        ))}
      </Group>
      {results.isPending && <Loading />}
      {results.isError && <ErrorAlert error={results.error} onRetry={() => void results.refetch()} />}
      {data && (
        <Stack
          gap="sm"
          aria-busy={results.isPlaceholderData}
          style={{ opacity: results.isPlaceholderData ? 0.6 : 1 }}
        >
          <Text size="sm" aria-live="polite" data-testid="results-range">
            {data.total === 0
              ? t("rounds.results.empty")
              : t("rounds.results.range", {
                  from: offset + 1,
                  to: offset + data.items.length,
                  count: data.total,
                })}
          </Text>
          {data.items.length > 0 && (
            <ResultsTable
              slug={slug}
              roundId={roundId}
              runId={run.id}
              items={data.items}
              openRows={openRows}
              onToggle={toggle}
            />
          )}
          {data.total > PAGE_SIZE && (
            <Group gap="xs">
              <Button
                variant="default"
                disabled={offset === 0}
                onClick={() => {
                  setOffset(Math.max(0, offset - PAGE_SIZE));
                  setOpenRows([]);
                }}
                data-testid="results-previous"
              >
                {t("rounds.results.previous")}
              </Button>
              <Button
                variant="default"
                disabled={offset + PAGE_SIZE >= data.total}
                onClick={() => {
                  setOffset(offset + PAGE_SIZE);
                  setOpenRows([]);
                }}
                data-testid="results-next"
              >
                {t("rounds.results.next")}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
