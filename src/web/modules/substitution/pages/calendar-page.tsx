import { Anchor, Box, Button, Group, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight, IconLayoutBoard } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import {
  addDays,
  addMonths,
  daysBetween,
  isValidIsoDate,
  startOfWeek,
  todayIso,
} from "../../../../core/shared/dates";
import { isoWeekNumber } from "../../../../core/substitution/calendar";
import { Loading } from "../../../components/loading";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useUrlFilters } from "../../../components/url-filters";
import { CARE_ROLES, OFFICE_ROLES, substitutionPath, useCalendar } from "../api";
import type { CalendarMode } from "../components/calendar-cells";
import { CalendarMonth, monthGrid } from "../components/calendar-month";
import { CalendarWeek } from "../components/calendar-week";

type View = "week" | "month";

/** "2026-03-02" → "02.03." (German order in both languages: the users are in Germany). */
const dayMonth = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.`;

/**
 * Week or month in the address (`?view=week&from=2026-03-02`), so a reload or a shared link shows the same
 * range. A week starts on Monday, a month on its first; without `from` the calendar shows today's.
 */
function useCalendarRange() {
  const [search, update] = useUrlFilters();
  const view: View = search.get("view") === "month" ? "month" : "week";
  const asked = search.get("from") ?? "";
  const base = isValidIsoDate(asked) ? asked : todayIso(new Date());
  const monday = startOfWeek(base);
  const monthKey = base.slice(0, 7);
  const range = view === "week" ? { from: monday, to: addDays(monday, 6) } : monthGrid(monthKey);
  const go = (next: { view?: View; from?: string }) =>
    update({ view: next.view ?? view, from: next.from ?? (isValidIsoDate(asked) ? asked : "") });
  return { view, monday, monthKey, range, isShifted: isValidIsoDate(asked), go };
}

function Calendar({ membership, mode }: { membership: MyMembership; mode: CalendarMode }) {
  const { t, i18n } = useTranslation();
  const slug = membership.slug;
  const { view, monday, monthKey, range, isShifted, go } = useCalendarRange();
  const calendar = useCalendar(slug, mode, range.from, range.to);
  const locale = i18n.language === "en" ? "en-GB" : "de-DE";
  const monthName = new Intl.DateTimeFormat(locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${monthKey}-15T12:00:00Z`));
  const sunday = addDays(monday, 6);
  const heading =
    view === "week"
      ? t("substitutionCalendar.weekTitle", {
          week: isoWeekNumber(monday),
          from: dayMonth(monday),
          to: `${dayMonth(sunday)}${sunday.slice(0, 4)}`,
        })
      : monthName;
  const step = (direction: -1 | 1) =>
    go({ from: view === "week" ? addDays(monday, 7 * direction) : addMonths(`${monthKey}-01`, direction) });
  const prefix = mode === "own" ? "substitutionCalendar.own" : "substitutionCalendar.office";

  return (
    <Stack gap="md" maw={1280}>
      <PageHeader
        title={t(`${prefix}.title`)}
        description={t(`${prefix}.intro`)}
        actions={
          mode === "office" ? (
            <Anchor component={Link} to={substitutionPath(slug)} size="sm">
              <IconLayoutBoard
                size={16}
                aria-hidden="true"
                style={{ verticalAlign: "-3px", marginRight: 4 }}
              />
              {t("substitution.nav.board")}
            </Anchor>
          ) : (
            <Anchor component={Link} to={substitutionPath(slug, "vertretungskinder")} size="sm">
              {t("substitutionCalendar.own.toMyCovers")}
            </Anchor>
          )
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={view}
          // Another view of the same time: the month of the shown week, or the week of the shown month's 1st.
          onChange={(value) =>
            go({
              view: value as View,
              from: !isShifted ? "" : value === "month" ? monday : `${monthKey}-01`,
            })
          }
          data={[
            { value: "week", label: t("substitutionCalendar.view.week") },
            { value: "month", label: t("substitutionCalendar.view.month") },
          ]}
          aria-label={t("substitutionCalendar.view.label")}
          data-testid="calendar-view"
        />
        <Group gap={6} wrap="wrap">
          <Button
            variant="default"
            onClick={() => step(-1)}
            leftSection={<IconChevronLeft size={16} aria-hidden="true" />}
            data-testid="calendar-previous"
          >
            {t(view === "week" ? "substitutionCalendar.previousWeek" : "substitutionCalendar.previousMonth")}
          </Button>
          <Button
            variant="default"
            onClick={() => step(1)}
            rightSection={<IconChevronRight size={16} aria-hidden="true" />}
            data-testid="calendar-next"
          >
            {t(view === "week" ? "substitutionCalendar.nextWeek" : "substitutionCalendar.nextMonth")}
          </Button>
        </Group>
        {isShifted && (
          <Button variant="subtle" onClick={() => go({ from: "" })} data-testid="calendar-today">
            {t("substitutionCalendar.today")}
          </Button>
        )}
      </Group>
      <Title order={2} size="h3" aria-live="polite" data-testid="calendar-heading">
        {heading}
      </Title>
      <QueryState query={calendar}>
        {(data) =>
          // The previous range stays while the next loads, but a week never renders as a month grid.
          data.days.length !== daysBetween(range.from, range.to) + 1 ? (
            <Loading />
          ) : (
            <Box
              style={{ opacity: calendar.isPlaceholderData ? 0.6 : 1 }}
              aria-busy={calendar.isPlaceholderData}
              data-testid="calendar"
              data-from={data.from}
              data-to={data.to}
            >
              {view === "week" ? (
                <CalendarWeek slug={slug} mode={mode} data={data} />
              ) : (
                <CalendarMonth
                  slug={slug}
                  mode={mode}
                  data={data}
                  monthKey={monthKey}
                  monthName={monthName}
                />
              )}
            </Box>
          )
        }
      </QueryState>
      {mode === "own" && (
        <Text size="sm">
          <Anchor component={Link} to={substitutionPath(slug, "melden")}>
            {t("substitutionCalendar.own.toReport")}
          </Anchor>
        </Text>
      )}
    </Stack>
  );
}

/** vertretung/kalender: the office's week and month of absences and cover. */
export function CalendarPage() {
  return (
    <OrgGuard roles={OFFICE_ROLES}>
      {(membership) => <Calendar membership={membership} mode="office" />}
    </OrgGuard>
  );
}

/** vertretung/mein-kalender: her own absences and the children she covers. */
export function MyCalendarPage() {
  return (
    <OrgGuard roles={CARE_ROLES}>{(membership) => <Calendar membership={membership} mode="own" />}</OrgGuard>
  );
}
