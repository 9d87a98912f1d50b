import { Anchor, Box, Paper, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CalendarDay, CalendarResponse } from "../../../../contracts/substitution";
import { addDays, addMonths, startOfWeek } from "../../../../core/shared/dates";
import { useWeekdayNames } from "../../../components/format";
import { useSubstitutionFormat } from "../format";
import { boardDayPath, type CalendarMode } from "./calendar-cells";

/** The weeks (Monday first) of a month grid from its first Monday on. */
function weeksOf(days: readonly CalendarDay[]): CalendarDay[][] {
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
  return weeks;
}

/** What a day says in the month: absent persons and open child-days (office), or hers (own). */
function DaySummary({
  mode,
  day,
  detailed = false,
}: {
  mode: CalendarMode;
  day: CalendarDay;
  /** In the phone's list there is room for her cover children's names and times. */
  detailed?: boolean;
}) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const covers = day.holders.reduce((sum, h) => sum + h.children, 0);
  if (mode === "own")
    return (
      <>
        {day.absences.length > 0 && (
          <Text size="xs" fw={700} c="red.9" lh={1.3}>
            {t("substitutionCalendar.own.absent")}
          </Text>
        )}
        {covers > 0 && (
          <Text size="xs" lh={1.3} data-testid="calendar-month-covers">
            {t("substitutionCalendar.own.covers", { count: covers })}
          </Text>
        )}
        {detailed &&
          day.holders.map((h) => (
            <Text size="xs" lh={1.3} key={h.caregiverId ?? h.kitaId}>
              {t("substitutionCalendar.myChild", {
                name: h.childFirstNames.join(", "),
                times: f.times(h.times),
              })}
            </Text>
          ))}
      </>
    );
  if (day.absentPeople === 0) return null;
  return (
    <>
      <Text size="xs" fw={600} lh={1.3} data-testid="calendar-month-absent">
        {t("substitutionCalendar.absentPeople", { count: day.absentPeople })}
      </Text>
      {day.uncovered > 0 ? (
        <Text size="xs" fw={700} c="red.9" lh={1.3} data-testid="calendar-month-open">
          <IconAlertTriangle size={12} aria-hidden="true" style={{ verticalAlign: "-1px", marginRight: 2 }} />
          {t("substitutionCalendar.openDays", { count: day.uncovered })}
        </Text>
      ) : day.childDays > 0 && day.proposed === 0 ? (
        <Text size="xs" c="teal.9" lh={1.3}>
          {t("substitutionCalendar.allCovered")}
        </Text>
      ) : day.proposed > 0 ? (
        <Text size="xs" c="blue.9" lh={1.3}>
          {t("substitutionCalendar.proposed", { count: day.proposed })}
        </Text>
      ) : null}
    </>
  );
}

/** A month as a table (Mo–So, caption with the month): each day with its figures; in the office a link. */
function MonthTable({
  slug,
  mode,
  data,
  monthKey,
  monthName,
}: {
  slug: string;
  mode: CalendarMode;
  data: CalendarResponse;
  monthKey: string;
  monthName: string;
}) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const { weekdays, weekdaysShort } = useWeekdayNames();
  return (
    <Box
      component="table"
      style={{ width: "100%", borderCollapse: "collapse", tableLayout: "fixed" }}
      data-testid="calendar-month-table"
    >
      <caption>
        <VisuallyHidden>{t("substitutionCalendar.monthCaption", { month: monthName })}</VisuallyHidden>
      </caption>
      <thead>
        <tr>
          {weekdays.map((weekday, i) => (
            <Box
              component="th"
              scope="col"
              key={weekday}
              fz="sm"
              py={4}
              style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }}
            >
              <span aria-hidden="true">{weekdaysShort[i]}</span>
              <VisuallyHidden>{weekday}</VisuallyHidden>
            </Box>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeksOf(data.days).map((week) => (
          <tr key={week[0]?.day}>
            {week.map((day) => {
              const inMonth = day.day.startsWith(monthKey);
              const isToday = day.day === data.today;
              const number = (
                <>
                  <span aria-hidden="true">{Number(day.day.slice(8))}</span>
                  <VisuallyHidden>
                    {f.dayLong(day.day)}
                    {inMonth ? "" : ` ${t("substitutionCalendar.outsideMonth")}`}
                  </VisuallyHidden>
                </>
              );
              return (
                <Box
                  component="td"
                  key={day.day}
                  p={4}
                  h={84}
                  aria-current={isToday ? "date" : undefined}
                  bg={inMonth && day.uncovered > 0 ? "red.0" : isToday ? "blue.0" : undefined}
                  style={{ border: "1px solid var(--mantine-color-default-border)", verticalAlign: "top" }}
                  data-testid="calendar-month-day"
                  data-day={day.day}
                >
                  <Text
                    size="sm"
                    fw={isToday ? 700 : 500}
                    c={inMonth ? undefined : "dimmed"}
                    td={isToday ? "underline" : undefined}
                  >
                    {mode === "office" ? (
                      <Anchor
                        component={Link}
                        to={boardDayPath(slug, day.day)}
                        inherit
                        data-testid="calendar-day-link"
                        data-day={day.day}
                      >
                        {number}
                      </Anchor>
                    ) : (
                      number
                    )}
                  </Text>
                  <DaySummary mode={mode} day={day} />
                </Box>
              );
            })}
          </tr>
        ))}
      </tbody>
    </Box>
  );
}

/** On a phone: the month's days with something to say, as a list; each a link to the board in the office. */
function MonthList({
  slug,
  mode,
  data,
  monthKey,
  monthName,
}: {
  slug: string;
  mode: CalendarMode;
  data: CalendarResponse;
  monthKey: string;
  monthName: string;
}) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const days = data.days.filter(
    (d) => d.day.startsWith(monthKey) && (d.absences.length > 0 || d.holders.length > 0),
  );
  if (days.length === 0)
    return (
      <Text data-testid="calendar-month-list">
        {t(mode === "own" ? "substitutionCalendar.own.monthEmpty" : "substitutionCalendar.monthEmpty")}
      </Text>
    );
  return (
    <Stack
      component="ul"
      gap={6}
      p={0}
      m={0}
      style={{ listStyle: "none" }}
      aria-label={t("substitutionCalendar.monthCaption", { month: monthName })}
      data-testid="calendar-month-list"
    >
      {days.map((day) => (
        <Paper
          component="li"
          key={day.day}
          withBorder
          p="xs"
          aria-current={day.day === data.today ? "date" : undefined}
          style={
            day.uncovered > 0 ? { borderColor: "var(--mantine-color-red-7)", borderWidth: 2 } : undefined
          }
          data-testid="calendar-month-day"
          data-day={day.day}
        >
          <Text fw={700} size="sm">
            {mode === "office" ? (
              <Anchor
                component={Link}
                to={boardDayPath(slug, day.day)}
                inherit
                data-testid="calendar-day-link"
                data-day={day.day}
              >
                {f.dayLong(day.day)}
              </Anchor>
            ) : (
              f.dayLong(day.day)
            )}
          </Text>
          <DaySummary mode={mode} day={day} detailed />
        </Paper>
      ))}
    </Stack>
  );
}

/** The month: a table on wider screens, a list of the days that matter on a phone. */
export function CalendarMonth(props: {
  slug: string;
  mode: CalendarMode;
  data: CalendarResponse;
  monthKey: string;
  monthName: string;
}) {
  const isPhone = useMediaQuery("(max-width: 40em)", false, { getInitialValueInEffect: false });
  return isPhone ? <MonthList {...props} /> : <MonthTable {...props} />;
}

/** The grid of a month ("2026-03"): from the Monday on or before the 1st to the Sunday on or after the last. */
export function monthGrid(monthKey: string): { from: string; to: string } {
  const first = `${monthKey}-01`;
  const last = addDays(addMonths(first, 1), -1);
  return { from: startOfWeek(first), to: addDays(startOfWeek(last), 6) };
}
