import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import {
  IconCalendar,
  IconChevronLeft,
  IconChevronRight,
  IconRefresh,
  IconSettings,
  IconX,
} from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { BoardResponse, CoverDto } from "../../../../contracts/substitution";
import { addDays, isValidIsoDate, todayIso } from "../../../../core/shared/dates";
import { del, post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useUrlFilters } from "../../../components/url-filters";
import { OFFICE_ROLES, refreshSubstitution, substitutionApi, substitutionPath, useBoard } from "../api";
import { AbsenceKindBadge } from "../components/badges";
import { CandidatesDialog } from "../components/candidates-dialog";
import { CoverTable } from "../components/cover-table";
import { OfficeAbsenceButton } from "../components/office-absence";
import { useSubstitutionFormat } from "../format";

type BoardDay = BoardResponse["days"][number];

/** The seven days as buttons with what is most urgent on each; the chosen one is pressed. */
function DayPicker({
  days,
  selected,
  today,
  onSelect,
}: {
  days: BoardDay[];
  selected: string;
  today: string;
  onSelect: (day: string) => void;
}) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  return (
    <SimpleGrid
      cols={{ base: 3, xs: 4, sm: 7 }}
      spacing={6}
      role="group"
      aria-label={t("substitution.board.days")}
      data-testid="board-days"
    >
      {days.map((day) => {
        const isSelected = day.day === selected;
        const counts = [
          day.uncovered > 0 ? t("substitution.board.dayOpen", { count: day.uncovered }) : "",
          day.proposed > 0 ? t("substitution.board.dayProposed", { count: day.proposed }) : "",
          day.confirmed > 0 ? t("substitution.board.dayConfirmed", { count: day.confirmed }) : "",
        ].filter(Boolean);
        const [headline, colour] =
          day.uncovered > 0
            ? [counts[0], "red.9"]
            : day.proposed > 0
              ? [counts[0], "blue.9"]
              : day.confirmed > 0
                ? [counts[0], "teal.9"]
                : ["–", "dimmed"];
        return (
          <UnstyledButton
            key={day.day}
            onClick={() => onSelect(day.day)}
            aria-pressed={isSelected}
            data-testid="board-day"
            data-day={day.day}
            p={6}
            style={{
              border: `2px solid ${
                isSelected
                  ? "var(--mantine-color-blue-8)"
                  : day.uncovered > 0
                    ? "var(--mantine-color-red-7)"
                    : "var(--mantine-color-gray-4)"
              }`,
              borderRadius: "var(--mantine-radius-md)",
              background: isSelected ? "var(--mantine-color-blue-0)" : undefined,
              minHeight: 56,
            }}
          >
            <Stack gap={0} align="flex-start">
              <Text fw={700} size="sm" lh={1.3}>
                {f.dayShort(day.day)}
                {day.day === today ? ` · ${t("substitution.today")}` : ""}
              </Text>
              <Text size="xs" fw={600} c={colour} lh={1.3} aria-hidden="true">
                {headline}
              </Text>
              <VisuallyHidden>{counts.join(", ") || t("substitution.board.dayNone")}</VisuallyHidden>
            </Stack>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}

/**
 * The office withdraws an absence (she phoned in that she is back): her covers from today on end, and the
 * parents and covering persons of confirmed days are mailed.
 */
function CancelAbsence({ slug, absenceId, name }: { slug: string; absenceId: string; name: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => del(`${substitutionApi(slug)}/absences/${encodeURIComponent(absenceId)}`),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.board.absenceCancelled", { name }));
    },
  });
  return (
    <>
      <ConfirmButton
        size="compact-sm"
        variant="default"
        color="red"
        leftSection={<IconX size={14} aria-hidden="true" />}
        title={t("substitution.board.cancelAbsenceTitle")}
        message={t("substitution.board.cancelAbsenceText", { name })}
        confirmLabel={t("substitution.board.cancelAbsenceConfirm")}
        onConfirm={() => cancel.mutateAsync().catch(() => undefined)}
        loading={cancel.isPending}
        aria-label={t("substitution.board.cancelAbsenceFor", { name })}
        data-testid="board-cancel-absence"
      >
        {t("substitution.board.cancelAbsence")}
      </ConfirmButton>
      {cancel.isError && <ErrorAlert error={cancel.error} />}
    </>
  );
}

/**
 * Who is absent that day, each with "recompute" for her child-days not yet confirmed and, on a day not yet
 * past, "withdraw" for the whole absence.
 */
function AbsentToday({ slug, covers, isPast }: { slug: string; covers: CoverDto[]; isPast: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const repropose = useMutation({
    mutationFn: (absenceId: string) =>
      post<BoardResponse>(`${substitutionApi(slug)}/absences/${encodeURIComponent(absenceId)}/repropose`),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.board.reproposed"));
    },
  });
  const absences = [...new Map(covers.map((c) => [c.absenceId, c])).values()];
  return (
    <Stack gap={6}>
      <Title order={3} size="h5">
        {t("substitution.board.absencesTitle")}
      </Title>
      <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: "none" }}>
        {absences.map((absence) => {
          const children = covers.filter((c) => c.absenceId === absence.absenceId);
          const hasOpen = children.some((c) => c.status === "proposed" || c.status === "uncovered");
          return (
            <Group component="li" key={absence.absenceId} gap="xs" wrap="wrap" data-testid="board-absence">
              <AbsenceKindBadge kind={absence.absenceKind} />
              <Text fw={600}>{absence.absentCaregiverName}</Text>
              <Text size="sm" c="dimmed">
                {children.map((c) => c.childFirstName).join(", ")}
              </Text>
              {hasOpen && (
                <Button
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconRefresh size={14} aria-hidden="true" />}
                  loading={repropose.isPending && repropose.variables === absence.absenceId}
                  onClick={() => repropose.mutate(absence.absenceId)}
                  title={t("substitution.board.reproposeHint")}
                  data-testid="board-repropose"
                >
                  {t("substitution.board.repropose")}
                </Button>
              )}
              {!isPast && (
                <CancelAbsence slug={slug} absenceId={absence.absenceId} name={absence.absentCaregiverName} />
              )}
            </Group>
          );
        })}
      </Stack>
      {repropose.isError && <ErrorAlert error={repropose.error} />}
    </Stack>
  );
}

function DayView({
  slug,
  day,
  today,
  onChange,
}: {
  slug: string;
  day: BoardDay;
  today: string;
  onChange: (c: CoverDto) => void;
}) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const client = useQueryClient();
  const covers = day.covers.filter((c) => c.status !== "cancelled");
  const proposed = covers.filter((c) => c.status === "proposed");
  const confirmAll = useMutation({
    mutationFn: () =>
      post<BoardResponse>(`${substitutionApi(slug)}/covers/confirm`, { coverIds: proposed.map((c) => c.id) }),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.board.confirmAllDone", { count: proposed.length }));
    },
  });
  const groups = (["uncovered", "proposed", "confirmed"] as const)
    .map((status) => ({ status, items: covers.filter((c) => c.status === status) }))
    .filter((g) => g.items.length > 0);

  return (
    <Paper
      component="section"
      withBorder
      p={{ base: "sm", sm: "md" }}
      aria-labelledby="board-day-title"
      data-testid="board-day-view"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Title order={2} size="h3" id="board-day-title">
              {f.dayLong(day.day)}
            </Title>
            <Text size="sm" data-testid="board-day-counts">
              {t("substitution.board.dayCounts", {
                open: day.uncovered,
                proposed: day.proposed,
                confirmed: day.confirmed,
              })}
            </Text>
          </Stack>
          {proposed.length > 0 && (
            <ConfirmButton
              color="teal.9"
              title={t("substitution.board.confirmAllTitle")}
              message={t("substitution.board.confirmAllText", { count: proposed.length })}
              confirmLabel={t("substitution.board.confirm")}
              onConfirm={() => confirmAll.mutateAsync().catch(() => undefined)}
              loading={confirmAll.isPending}
              h="auto"
              py={8}
              styles={{ label: { whiteSpace: "normal" } }}
              data-testid="board-confirm-all"
            >
              {t("substitution.board.confirmAll", { count: proposed.length })}
            </ConfirmButton>
          )}
        </Group>
        {confirmAll.isError && <ErrorAlert error={confirmAll.error} />}
        {covers.length === 0 ? (
          <Text>{t("substitution.board.nothing")}</Text>
        ) : (
          <>
            <AbsentToday slug={slug} covers={covers} isPast={day.day < today} />
            {groups.map((group) => (
              <Stack key={group.status} gap="xs">
                <Title
                  order={3}
                  size="h4"
                  c={group.status === "uncovered" ? "red.9" : undefined}
                  data-testid={`board-section-${group.status}`}
                >
                  {t(`substitution.board.sections.${group.status}`)} ({group.items.length})
                </Title>
                <CoverTable
                  slug={slug}
                  caption={`${t(`substitution.board.sections.${group.status}`)} – ${f.dayShort(day.day)}`}
                  covers={group.items}
                  dayCovers={covers}
                  onChange={onChange}
                  testId={`board-${group.status}`}
                />
              </Stack>
            ))}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Board({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const slug = membership.slug;
  const [search, update] = useUrlFilters();
  const from = isValidIsoDate(search.get("ab") ?? "") ? (search.get("ab") as string) : "";
  const board = useBoard(slug, from);
  const [changing, setChanging] = useState<CoverDto | null>(null);
  // The office's today: from the server when it says so, else the first day of the default week.
  const today = board.data?.today ?? (!from && board.data ? board.data.from : todayIso(new Date()));
  // The open dialog follows the board: after a change elsewhere it shows the cover as it is now.
  const changingNow =
    changing && board.data
      ? (board.data.days.flatMap((d) => d.covers).find((c) => c.id === changing.id) ?? changing)
      : changing;

  return (
    <Stack gap="md" maw={1200}>
      <PageHeader
        title={t("substitution.board.title")}
        description={t("substitution.board.intro")}
        actions={
          <>
            <OfficeAbsenceButton
              slug={slug}
              today={board.data?.today ?? board.data?.from ?? todayIso(new Date())}
            />
            <Anchor component={Link} to={substitutionPath(slug, "regelungen")} size="sm">
              <IconSettings size={16} aria-hidden="true" style={{ verticalAlign: "-3px", marginRight: 4 }} />
              {t("substitution.nav.setup")}
            </Anchor>
            <Anchor
              component={Link}
              to={substitutionPath(slug, "kalender")}
              size="sm"
              data-testid="board-calendar"
            >
              <IconCalendar size={16} aria-hidden="true" style={{ verticalAlign: "-3px", marginRight: 4 }} />
              {t("substitutionCalendar.nav.office")}
            </Anchor>
          </>
        }
      />
      <QueryState query={board}>
        {(data) => {
          // Without a chosen week the server sends today's: its first day is the office's today.
          const start = from || data.from;
          const selected = data.days.some((d) => d.day === search.get("tag"))
            ? (search.get("tag") as string)
            : data.from;
          const day = data.days.find((d) => d.day === selected);
          const goTo = (nextFrom: string) => update({ ab: nextFrom, tag: nextFrom });
          return (
            <Stack gap="md" aria-busy={board.isPlaceholderData}>
              <Group gap="xs" align="flex-end" wrap="wrap">
                <ActionIcon
                  variant="default"
                  size="lg"
                  onClick={() => goTo(addDays(start, -7))}
                  aria-label={t("substitution.board.previousWeek")}
                  data-testid="board-previous"
                >
                  <IconChevronLeft size={18} aria-hidden="true" />
                </ActionIcon>
                <TextInput
                  type="date"
                  label={t("substitution.board.pickDate")}
                  value={start}
                  onChange={(event) => {
                    const value = event.currentTarget.value;
                    if (isValidIsoDate(value)) goTo(value);
                  }}
                  w={170}
                  data-testid="board-date"
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  onClick={() => goTo(addDays(start, 7))}
                  aria-label={t("substitution.board.nextWeek")}
                  data-testid="board-next"
                >
                  <IconChevronRight size={18} aria-hidden="true" />
                </ActionIcon>
                {from && (
                  <Button variant="subtle" onClick={() => update({ ab: "", tag: "" })}>
                    {t("substitution.board.today")}
                  </Button>
                )}
              </Group>
              <DayPicker
                days={data.days}
                selected={selected}
                today={today}
                onSelect={(d) => update({ tag: d })}
              />
              <Box style={{ opacity: board.isPlaceholderData ? 0.6 : 1 }}>
                {day && <DayView slug={slug} day={day} today={today} onChange={setChanging} />}
              </Box>
            </Stack>
          );
        }}
      </QueryState>
      <CandidatesDialog slug={slug} cover={changingNow} onClose={() => setChanging(null)} />
    </Stack>
  );
}

/** vertretung: the coordinator's board of the week, the chosen day's open, proposed and confirmed covers. */
export function BoardPage() {
  return <OrgGuard roles={OFFICE_ROLES}>{(membership) => <Board membership={membership} />}</OrgGuard>;
}
