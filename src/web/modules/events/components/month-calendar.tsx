import { Anchor, Box, Button, Group, Stack, Text, VisuallyHidden } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { addDays, addMonths, weekdayIndex } from "../../../../core/shared/dates";
import { berlinDay, useEventFormat } from "./event-format";

/** One date shown in the month grid. */
export interface MonthItem {
  id: string;
  startsAt: string;
  title: string;
  to: string;
  isCancelled?: boolean;
}

/** The weeks (Monday first) that cover the month "2026-12", each a list of seven days "2026-11-30"… */
export function weeksOfMonth(monthKey: string): string[][] {
  const first = `${monthKey}-01`;
  const next = addMonths(first, 1);
  const weeks: string[][] = [];
  let day = addDays(first, -weekdayIndex(first));
  while (day < next) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++) {
      week.push(day);
      day = addDays(day, 1);
    }
    weeks.push(week);
  }
  return weeks;
}

/** The month key "2026-12" moved by `months`. */
export function shiftMonth(monthKey: string, months: number): string {
  return addMonths(`${monthKey}-01`, months).slice(0, 7);
}

const MONDAY = "2024-01-01";

/**
 * A month as a real table: the weekdays are column headers, the caption names the month, and each date is a
 * link in its day's cell, so screen readers announce "Dienstag, 8" with the dates of that day and the keyboard
 * moves from date to date. The buttons above change the month.
 */
export function MonthCalendar({
  monthKey,
  items,
  today,
  onMonthChange,
}: {
  monthKey: string;
  items: readonly MonthItem[];
  today: string;
  onMonthChange: (monthKey: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useEventFormat();
  const locale = i18n.language === "en" ? "en-GB" : "de-DE";
  const long = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  const short = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  const fullDate = new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  });
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(`${addDays(MONDAY, i)}T12:00:00Z`));
  const byDay = new Map<string, MonthItem[]>();
  for (const item of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    const key = berlinDay(item.startsAt);
    byDay.set(key, [...(byDay.get(key) ?? []), item]);
  }
  const monthName = format.month(monthKey);
  const captionId = `monat-${monthKey}`;

  return (
    <Stack gap="xs" data-testid="month-calendar">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Button
          variant="default"
          size="compact-md"
          onClick={() => onMonthChange(shiftMonth(monthKey, -1))}
          leftSection={<IconChevronLeft size={16} aria-hidden />}
          aria-label={t("events.calendar.previousMonth", { month: format.month(shiftMonth(monthKey, -1)) })}
        >
          <Box component="span" visibleFrom="xs">
            {t("events.calendar.previous")}
          </Box>
        </Button>
        <Text fw={700} fz="lg" aria-hidden>
          {monthName}
        </Text>
        <Button
          variant="default"
          size="compact-md"
          onClick={() => onMonthChange(shiftMonth(monthKey, 1))}
          rightSection={<IconChevronRight size={16} aria-hidden />}
          aria-label={t("events.calendar.nextMonth", { month: format.month(shiftMonth(monthKey, 1)) })}
        >
          <Box component="span" visibleFrom="xs">
            {t("events.calendar.next")}
          </Box>
        </Button>
      </Group>
      <Box
        component="table"
        aria-labelledby={captionId}
        style={{ width: "100%", borderCollapse: "collapse", tableLayout: "fixed" }}
      >
        <VisuallyHidden component="caption" id={captionId}>
          {monthName}
        </VisuallyHidden>
        <thead>
          <tr>
            {weekdays.map((weekday) => (
              <Box
                component="th"
                scope="col"
                key={weekday.toISOString()}
                fz="sm"
                py={4}
                style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
              >
                <span aria-hidden>{short.format(weekday).replace(".", "")}</span>
                <VisuallyHidden>{long.format(weekday)}</VisuallyHidden>
              </Box>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeksOfMonth(monthKey).map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const inMonth = day.startsWith(monthKey);
                const dated = byDay.get(day) ?? [];
                const isToday = day === today;
                return (
                  <Box
                    component="td"
                    key={day}
                    valign="top"
                    p={2}
                    h={{ base: 56, sm: 88 }}
                    aria-current={isToday ? "date" : undefined}
                    bg={dated.length > 0 && inMonth ? "var(--mantine-primary-color-light)" : undefined}
                    style={{
                      border: "1px solid var(--mantine-color-default-border)",
                      verticalAlign: "top",
                      overflow: "hidden",
                    }}
                  >
                    <Text
                      size="sm"
                      fw={isToday ? 700 : 400}
                      c={inMonth ? undefined : "dimmed"}
                      td={isToday ? "underline" : undefined}
                    >
                      <span aria-hidden>{Number(day.slice(8))}</span>
                      <VisuallyHidden>{fullDate.format(new Date(`${day}T12:00:00Z`))}</VisuallyHidden>
                    </Text>
                    {dated.length > 0 && (
                      <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: "none" }}>
                        {dated.map((item) => (
                          <li key={item.id}>
                            <Anchor
                              component={Link}
                              to={item.to}
                              size="xs"
                              td={item.isCancelled ? "line-through" : undefined}
                              style={{ display: "block", overflowWrap: "anywhere", lineHeight: 1.25 }}
                              data-testid="month-item"
                            >
                              {format.clock(item.startsAt)}{" "}
                              <Box component="span" visibleFrom="sm">
                                {item.title}
                              </Box>
                              <VisuallyHidden hiddenFrom="sm">{item.title}</VisuallyHidden>
                              {item.isCancelled && (
                                <VisuallyHidden>{t("events.status.cancelled")}</VisuallyHidden>
                              )}
                            </Anchor>
                          </li>
                        ))}
                      </Stack>
                    )}
                  </Box>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Box>
    </Stack>
  );
}
