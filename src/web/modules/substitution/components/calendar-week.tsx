import { Anchor, Box, Paper, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { CalendarDay, CalendarHolder, CalendarResponse } from "../../../../contracts/substitution";
import { useSubstitutionFormat } from "../format";
import {
  AbsenceDayText,
  absentPersons,
  boardDayPath,
  type CalendarMode,
  entriesOf,
  HolderText,
  OwnCoversText,
} from "./calendar-cells";

const cellStyle = { verticalAlign: "top" } as const;

/** The day as a link to the board (office) or as plain text (her own calendar). */
function DayName({
  slug,
  mode,
  day,
  today,
  long = false,
}: {
  slug: string;
  mode: CalendarMode;
  day: string;
  today: string;
  long?: boolean;
}) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const label = `${long ? f.dayLong(day) : f.dayShort(day)}${day === today ? ` · ${t("substitution.today")}` : ""}`;
  if (mode === "own") return <>{label}</>;
  return (
    <Anchor
      component={Link}
      to={boardDayPath(slug, day)}
      aria-label={t("substitutionCalendar.openBoard", { day: f.dayLong(day) })}
      data-testid="calendar-day-link"
      data-day={day}
      fw={700}
    >
      {label}
    </Anchor>
  );
}

/** Holders across the week, one row each: a person or Kita with her cover children per day. */
function holdersOfWeek(days: readonly CalendarDay[]) {
  const rows = new Map<string, { key: string; name: string; byDay: Map<string, CalendarHolder> }>();
  for (const day of days)
    for (const holder of day.holders) {
      const key = holder.caregiverId ?? holder.kitaId ?? holder.name;
      const row = rows.get(key) ?? { key, name: holder.name, byDay: new Map() };
      row.byDay.set(day.day, holder);
      rows.set(key, row);
    }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name, "de"));
}

/** The office's week on wider screens: one row per absent person, one column per day; then who covers. */
function WeekTable({ slug, data }: { slug: string; data: CalendarResponse }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  const persons = absentPersons(data);
  const holders = holdersOfWeek(data.days);
  const caption = t("substitutionCalendar.weekCaption", {
    from: f.dayLong(data.from),
    to: f.dayLong(data.to),
  });
  const header = (first: string) => (
    <Table.Thead>
      <Table.Tr>
        <Table.Th scope="col" w={170}>
          {first}
        </Table.Th>
        {data.days.map((day) => (
          <Table.Th
            scope="col"
            key={day.day}
            aria-current={day.day === data.today ? "date" : undefined}
            bg={day.day === data.today ? "blue.0" : undefined}
          >
            <DayName slug={slug} mode="office" day={day.day} today={data.today} />
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <Stack gap="lg">
      <Table.ScrollContainer minWidth={900}>
        <Table withTableBorder withColumnBorders layout="fixed" data-testid="calendar-week-table">
          <caption>
            <VisuallyHidden>{caption}</VisuallyHidden>
          </caption>
          {header(t("substitutionCalendar.person"))}
          <Table.Tbody>
            {persons.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={8}>{t("substitutionCalendar.weekEmpty")}</Table.Td>
              </Table.Tr>
            ) : (
              persons.map((person) => (
                <Table.Tr key={person.caregiverId} data-testid="calendar-person">
                  <Table.Th scope="row" style={cellStyle}>
                    {person.name}
                  </Table.Th>
                  {data.days.map((day) => {
                    const entries = entriesOf(day, person.absences);
                    const open = entries.some((e) => e.counts.uncovered > 0);
                    return (
                      <Table.Td
                        key={day.day}
                        style={cellStyle}
                        bg={open ? "red.0" : undefined}
                        data-testid="calendar-cell"
                        data-day={day.day}
                      >
                        {entries.length === 0 ? (
                          <>
                            <span aria-hidden="true">–</span>
                            <VisuallyHidden>{t("substitutionCalendar.notAbsent")}</VisuallyHidden>
                          </>
                        ) : (
                          <Stack gap={6}>
                            {entries.map((e) => (
                              <AbsenceDayText key={e.absence.id} absence={e.absence} counts={e.counts} />
                            ))}
                          </Stack>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {holders.length > 0 && (
        <Stack gap="xs">
          <Title order={3} size="h4" id="calendar-holders-title">
            {t("substitutionCalendar.holdersTitle")}
          </Title>
          <Table.ScrollContainer minWidth={900}>
            <Table withTableBorder withColumnBorders layout="fixed" aria-labelledby="calendar-holders-title">
              {header(t("substitutionCalendar.holdersTitle"))}
              <Table.Tbody>
                {holders.map((row) => (
                  <Table.Tr key={row.key} data-testid="calendar-holder-row">
                    <Table.Th scope="row" style={cellStyle}>
                      {row.name}
                    </Table.Th>
                    {data.days.map((day) => {
                      const holder = row.byDay.get(day.day);
                      return (
                        <Table.Td key={day.day} style={cellStyle}>
                          {holder ? (
                            <Stack gap={0} data-testid="calendar-holder-cell">
                              <Text size="sm" fw={600}>
                                {t("substitutionCalendar.children", { count: holder.children })}
                                {holder.proposed > 0 && (
                                  <Text span size="sm" c="blue.9" fw={400}>
                                    {" "}
                                    ({t("substitutionCalendar.holderProposed", { count: holder.proposed })})
                                  </Text>
                                )}
                              </Text>
                              <Text size="sm">{f.times(holder.times)}</Text>
                              <Text size="sm" c="dimmed">
                                {holder.childFirstNames.join(", ")}
                              </Text>
                            </Stack>
                          ) : (
                            <span aria-hidden="true">–</span>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Stack>
  );
}

/** One card per day, stacked: on a phone, and for her own calendar on every screen. */
function DayCards({ slug, mode, data }: { slug: string; mode: CalendarMode; data: CalendarResponse }) {
  const { t } = useTranslation();
  const persons = absentPersons(data);
  const isEmpty = data.days.every((d) => d.absences.length === 0 && d.holders.length === 0);
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: "none" }}
      data-testid="calendar-week-cards"
    >
      {isEmpty && (
        <Text component="li">
          {t(mode === "own" ? "substitutionCalendar.own.weekEmpty" : "substitutionCalendar.weekEmpty")}
        </Text>
      )}
      {!isEmpty &&
        data.days.map((day) => {
          const hasAny = day.absences.length > 0 || day.holders.length > 0;
          return (
            <Paper
              component="li"
              key={day.day}
              withBorder
              p="sm"
              aria-current={day.day === data.today ? "date" : undefined}
              style={
                day.uncovered > 0 ? { borderColor: "var(--mantine-color-red-7)", borderWidth: 2 } : undefined
              }
              data-testid="calendar-day-card"
              data-day={day.day}
            >
              <Stack gap={6}>
                <Title order={3} size="h5">
                  <DayName slug={slug} mode={mode} day={day.day} today={data.today} long />
                </Title>
                {!hasAny && (
                  <Text size="sm" c="dimmed">
                    {t("substitutionCalendar.own.nothing")}
                  </Text>
                )}
                {persons.map((person) =>
                  entriesOf(day, person.absences).map((e) => (
                    <AbsenceDayText
                      key={e.absence.id}
                      absence={e.absence}
                      counts={e.counts}
                      name={mode === "office" ? person.name : t("substitutionCalendar.own.absent")}
                    />
                  )),
                )}
                {day.holders.length > 0 &&
                  (mode === "own" ? (
                    day.holders.map((h) => <OwnCoversText key={h.caregiverId ?? h.kitaId} holder={h} />)
                  ) : (
                    <Box>
                      <Text size="sm" fw={600}>
                        {t("substitutionCalendar.holdersTitle")}
                      </Text>
                      {day.holders.map((h) => (
                        <HolderText key={h.caregiverId ?? h.kitaId} holder={h} />
                      ))}
                    </Box>
                  ))}
              </Stack>
            </Paper>
          );
        })}
    </Stack>
  );
}

/** A week: the office's grid on wider screens, day cards on a phone and for her own calendar. */
export function CalendarWeek({
  slug,
  mode,
  data,
}: {
  slug: string;
  mode: CalendarMode;
  data: CalendarResponse;
}) {
  const isPhone = useMediaQuery("(max-width: 40em)", false, { getInitialValueInEffect: false });
  if (mode === "office" && !isPhone) return <WeekTable slug={slug} data={data} />;
  return <DayCards slug={slug} mode={mode} data={data} />;
}
