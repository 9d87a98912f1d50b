import { Group, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type {
  CalendarAbsence,
  CalendarAbsenceDay,
  CalendarDay,
  CalendarHolder,
  CalendarResponse,
} from "../../../../contracts/substitution";
import { startOfWeek } from "../../../../core/shared/dates";
import { substitutionPath } from "../api";
import { useSubstitutionFormat } from "../format";
import { AbsenceKindBadge } from "./badges";

export type CalendarMode = "office" | "own";

/** The board opened at the week and day of `day` (the board's address keeps its own words: ab, tag). */
export function boardDayPath(slug: string, day: string): string {
  return `${substitutionPath(slug)}?ab=${startOfWeek(day)}&tag=${day}`;
}

/** The absent persons of the range in the answer's order, each with her absences: one row per person. */
export function absentPersons(data: CalendarResponse) {
  const persons = new Map<string, { caregiverId: string; name: string; absences: CalendarAbsence[] }>();
  for (const absence of data.absences) {
    const person = persons.get(absence.caregiverId) ?? {
      caregiverId: absence.caregiverId,
      name: absence.caregiverName,
      absences: [],
    };
    person.absences.push(absence);
    persons.set(absence.caregiverId, person);
  }
  return [...persons.values()];
}

/** A day's entries of the given absences, each with the absence it counts. */
export function entriesOf(day: CalendarDay, absences: readonly CalendarAbsence[]) {
  return absences.flatMap((absence) => {
    const counts = day.absences.find((a) => a.absenceId === absence.id);
    return counts ? [{ absence, counts }] : [];
  });
}

/**
 * One absence on one day: its kind as a word on a coloured badge, the part-day window, and "3 von 4
 * vertreten"; proposals and open child-days follow, open ones in red with a warning sign.
 */
export function AbsenceDayText({
  absence,
  counts,
  name,
}: {
  absence: CalendarAbsence;
  counts: CalendarAbsenceDay;
  /** Shown on cards where the row does not name her. */
  name?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start" data-testid="calendar-absence" data-kind={absence.kind}>
      <Group gap={6} wrap="wrap">
        <AbsenceKindBadge kind={absence.kind} />
        {name && <Text fw={600}>{name}</Text>}
        {absence.dayFrom && absence.dayTo && (
          <Text size="sm">
            {t("substitutionCalendar.partDay", { from: absence.dayFrom, to: absence.dayTo })}
          </Text>
        )}
      </Group>
      <CountsText counts={counts} />
    </Stack>
  );
}

export function CountsText({
  counts,
}: {
  counts: Pick<CalendarAbsenceDay, "childDays" | "confirmed" | "proposed" | "uncovered">;
}) {
  const { t } = useTranslation();
  if (counts.childDays === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="calendar-counts">
        {t("substitutionCalendar.noChildren")}
      </Text>
    );
  return (
    <Stack gap={0} data-testid="calendar-counts">
      <Text size="sm" fw={600} c={counts.uncovered === 0 && counts.proposed === 0 ? "teal.9" : undefined}>
        {t("substitutionCalendar.covered", { covered: counts.confirmed, count: counts.childDays })}
      </Text>
      {counts.proposed > 0 && (
        <Text size="sm" c="blue.9">
          {t("substitutionCalendar.proposed", { count: counts.proposed })}
        </Text>
      )}
      {counts.uncovered > 0 && (
        <Text size="sm" c="red.9" fw={700} data-testid="calendar-open">
          <IconAlertTriangle size={14} aria-hidden="true" style={{ verticalAlign: "-2px", marginRight: 4 }} />
          {t("substitutionCalendar.open", { count: counts.uncovered })}
        </Text>
      )}
    </Stack>
  );
}

/** "Sara Sommer: 2 Kinder, 08:00–13:00 Uhr", and how many of them are only proposed. */
export function HolderText({ holder }: { holder: CalendarHolder }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  return (
    <Text size="sm" data-testid="calendar-holder">
      {t("substitutionCalendar.holder", {
        name: holder.name,
        count: holder.children,
        times: f.times(holder.times),
      })}
      {holder.proposed > 0 && (
        <Text span size="sm" c="blue.9">
          {" "}
          ({t("substitutionCalendar.holderProposed", { count: holder.proposed })})
        </Text>
      )}
    </Text>
  );
}

/** Her own cover children of a day: who, and the clock time. */
export function OwnCoversText({ holder }: { holder: CalendarHolder }) {
  const { t } = useTranslation();
  const f = useSubstitutionFormat();
  return (
    <Stack gap={0} data-testid="calendar-own-covers">
      <Text size="sm" fw={600}>
        {t("substitutionCalendar.own.covers", { count: holder.children })}
      </Text>
      <Text size="sm">
        {t("substitutionCalendar.myChild", {
          name: holder.childFirstNames.join(", "),
          times: f.times(holder.times),
        })}
      </Text>
    </Stack>
  );
}
