import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from "@mantine/core";
import { IconListCheck, IconSearch } from "@tabler/icons-react";
import { type FormEvent, type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { ageGroups, boardSorts, placementStatuses } from "../../../../contracts/placement";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { useUrlFilters } from "../../../components/url-filters";
import { type Column, ResponsiveTable } from "../../caregivers/components/responsive-table";
import { type BoardItem, useBoard } from "../api";
import { StatusBadge } from "../components/status-badge";
import { formatAge, formatMonth, orgPath, useCareTimesText } from "../format";

const PAGE_SIZE = 100;

/** One facet value: pressing it filters the board by it, pressing it again lifts the filter. */
/** In a narrow table column a badge wraps its words instead of cutting them off. */
const wrappingBadge = {
  root: { height: "auto", paddingBlock: 2 },
  label: { whiteSpace: "normal" as const, overflow: "visible", textOverflow: "clip" },
};

function CountButton({
  label,
  count,
  isActive,
  onClick,
  testId,
}: {
  label: string;
  count: number;
  isActive: boolean;
  onClick: () => void;
  testId?: string;
}) {
  return (
    <UnstyledButton
      onClick={onClick}
      aria-pressed={isActive}
      data-testid={testId}
      px="sm"
      py={6}
      style={{
        border: `2px solid ${isActive ? "var(--mantine-color-blue-8)" : "var(--mantine-color-gray-4)"}`,
        borderRadius: "var(--mantine-radius-md)",
        background: isActive ? "var(--mantine-color-blue-0)" : undefined,
      }}
    >
      <Group gap={8} wrap="nowrap">
        <Text size="sm">{label}</Text>
        <Text size="sm" fw={700}>
          {count}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

function Facet({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" component="section">
      <Stack gap="xs">
        <Title order={2} fz="h5">
          {title}
        </Title>
        <Group gap={6} role="group" aria-label={title}>
          {children}
        </Group>
      </Stack>
    </Paper>
  );
}

function Board({ membership }: { membership: MyMembership }) {
  const { t, i18n } = useTranslation();
  const { formatDate } = useDateFormat();
  const careTimes = useCareTimesText();
  const slug = membership.slug;
  const [search, updateSearch, clearSearch] = useUrlFilters();
  const params = {
    status: search.get("status") ?? "",
    startMonth: search.get("beginn") ?? "",
    area: search.get("ort") ?? "",
    ageGroup: search.get("alter") ?? "",
    sort: search.get("sortierung") ?? "",
  };
  const [areaDraft, setAreaDraft] = useState(params.area);
  const [limit, setLimit] = useState(PAGE_SIZE);
  const board = useBoard(slug, { ...params, limit: String(limit) });

  const update = (changes: Record<string, string>) => {
    updateSearch(changes);
    setLimit(PAGE_SIZE);
  };
  const submitArea = (event: FormEvent) => {
    event.preventDefault();
    update({ ort: areaDraft.trim() });
  };
  const hasFilters = Boolean(params.status || params.startMonth || params.area || params.ageGroup);

  const columns: Column<BoardItem>[] = [
    {
      key: "child",
      header: t("placement.board.child"),
      isPrimary: true,
      cell: (item) => (
        <Group gap={6} wrap="wrap">
          <Anchor component={Link} to={orgPath(slug, `vermittlung/${item.id}`)} fw={600}>
            {item.childFirstName}
          </Anchor>
          {item.hasNeeds && (
            <Badge
              size="sm"
              color="grape.9"
              variant="filled"
              tt="none"
              title={t("placement.board.needs")}
              styles={wrappingBadge}
            >
              {t("placement.board.needs")}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: "age",
      header: t("placement.board.age"),
      cell: (item) => (
        <Group gap={6} wrap="wrap">
          <span>{formatAge(item.ageMonthsAtStart, t)}</span>
          {item.isUnderOne && (
            <Badge size="sm" color="yellow.4" autoContrast tt="none" styles={wrappingBadge}>
              {t("placement.board.underOne")}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: "start", header: t("placement.board.start"), cell: (item) => formatDate(item.wantedStart) },
    {
      key: "times",
      header: t("placement.board.times"),
      cell: (item) => (
        <span>
          {careTimes(item.careTimes)}
          <Text span size="xs" c="dimmed" display="block">
            {t("placement.hours", {
              hours: (item.weeklyMinutes / 60).toLocaleString(i18n.language, { maximumFractionDigits: 1 }),
            })}
          </Text>
        </span>
      ),
    },
    { key: "area", header: t("placement.board.area"), cell: (item) => `${item.postalCode} ${item.town}` },
    {
      key: "waiting",
      header: t("placement.board.waiting"),
      isNumeric: true,
      cell: (item) => (
        <span style={{ whiteSpace: "nowrap" }}>
          {item.waitingDays === null ? "–" : t("placement.days", { count: item.waitingDays })}
        </span>
      ),
    },
    {
      key: "status",
      header: t("placement.board.status"),
      cell: (item) => <StatusBadge status={item.status} size="sm" />,
    },
    {
      key: "points",
      header: t("placement.board.points"),
      isNumeric: true,
      cell: (item) => item.priorityPoints,
    },
  ];

  const data = board.data;
  return (
    <Stack gap="md" maw={1200}>
      <PageHeader
        title={t("placement.board.title")}
        description={t("placement.board.intro")}
        actions={
          <Button
            component={Link}
            to={orgPath(slug, "vermittlung/kriterien")}
            variant="default"
            leftSection={<IconListCheck size={16} aria-hidden="true" />}
            data-testid="criteria-link"
          >
            {t("placement.board.criteria")}
          </Button>
        }
      />
      <Group align="flex-end" gap="sm" component="form" onSubmit={submitArea} role="search">
        <NativeSelect
          label={t("placement.board.status")}
          value={params.status}
          onChange={(e) => update({ status: e.currentTarget.value })}
          data={[
            { value: "", label: t("placement.board.statusActive") },
            { value: "all", label: t("placement.board.statusAll") },
            ...placementStatuses.map((s) => ({ value: s, label: t(`placement.statuses.${s}`) })),
          ]}
          style={{ flex: "1 1 180px" }}
          data-testid="board-status"
        />
        <NativeSelect
          label={t("placement.board.ageGroup")}
          value={params.ageGroup}
          onChange={(e) => update({ alter: e.currentTarget.value })}
          data={[
            { value: "", label: t("placement.board.allAges") },
            ...ageGroups.map((g) => ({ value: g, label: t(`placement.ageGroups.${g}`) })),
          ]}
          style={{ flex: "1 1 160px" }}
        />
        <NativeSelect
          label={t("placement.board.sort")}
          value={params.sort || "priority"}
          onChange={(e) =>
            update({ sortierung: e.currentTarget.value === "priority" ? "" : e.currentTarget.value })
          }
          data={boardSorts.map((s) => ({ value: s, label: t(`placement.board.sorts.${s}`) }))}
          style={{ flex: "1 1 140px" }}
        />
        <TextInput
          type="search"
          label={t("placement.board.areaFilter")}
          value={areaDraft}
          onChange={(e) => setAreaDraft(e.currentTarget.value)}
          style={{ flex: "1 1 160px" }}
          data-testid="board-area"
        />
        <Button type="submit" variant="default" leftSection={<IconSearch size={16} aria-hidden="true" />}>
          {t("placement.board.apply")}
        </Button>
        {hasFilters && (
          <Button
            variant="subtle"
            onClick={() => {
              setAreaDraft("");
              clearSearch();
            }}
          >
            {t("placement.board.reset")}
          </Button>
        )}
      </Group>

      {data && (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <Facet title={t("placement.board.countsByMonth")}>
            {data.counts.byStartMonth.map(({ month, count }) => (
              <CountButton
                key={month}
                label={formatMonth(month, i18n.language)}
                count={count}
                isActive={params.startMonth === month}
                onClick={() => update({ beginn: params.startMonth === month ? "" : month })}
                testId={`count-month-${month}`}
              />
            ))}
          </Facet>
          <Facet title={t("placement.board.countsByArea")}>
            {data.counts.byArea.map(({ postalCode, town, count }) => {
              const area = `${postalCode} ${town}`;
              const isActive = params.area === area;
              return (
                <CountButton
                  key={area}
                  label={area}
                  count={count}
                  isActive={isActive}
                  onClick={() => {
                    setAreaDraft(isActive ? "" : area);
                    update({ ort: isActive ? "" : area });
                  }}
                />
              );
            })}
          </Facet>
          <Facet title={t("placement.board.countsByAge")}>
            {data.counts.byAgeGroup.map(({ ageGroup, count }) => (
              <CountButton
                key={ageGroup}
                label={t(`placement.ageGroups.${ageGroup}`)}
                count={count}
                isActive={params.ageGroup === ageGroup}
                onClick={() => update({ alter: params.ageGroup === ageGroup ? "" : ageGroup })}
              />
            ))}
          </Facet>
        </SimpleGrid>
      )}

      {board.isPending && <Loader role="status" aria-label={t("common.loading")} />}
      {board.isError && <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />}
      {data && (
        <Stack
          gap="sm"
          aria-busy={board.isPlaceholderData}
          style={{ opacity: board.isPlaceholderData ? 0.6 : 1 }}
        >
          <Text size="sm" aria-live="polite" data-testid="board-count">
            {data.total === 0
              ? t("placement.board.empty")
              : t("placement.board.range", { count: data.total })}
          </Text>
          {data.items.length > 0 && (
            <ResponsiveTable
              caption={t("placement.board.tableLabel")}
              columns={columns}
              rows={data.items}
              rowKey={(item) => item.id}
              testId="board-list"
              rowTestId="board-row"
            />
          )}
          {data.total > data.items.length && (
            <Button variant="default" w="fit-content" onClick={() => setLimit(limit + PAGE_SIZE)}>
              {t("placement.board.more", { count: Math.min(PAGE_SIZE, data.total - data.items.length) })}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}

/** "vermittlung": the placement board of the coordination office. */
export function BoardPage() {
  return (
    <OrgGuard roles={["admin", "coordinator"]}>{(membership) => <Board membership={membership} />}</OrgGuard>
  );
}
