import { Box, Button, Checkbox, Group, Stack, Text, TextInput, VisuallyHidden } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import {
  CARE_TIME_PRESETS,
  type CareTime,
  type CareTimePresetId,
  presetCareTimes,
  validateCareTimes,
  weeklyCareMinutes,
} from "../../../../core/placement/requests";
import { useWeekdayNames } from "../../../components/format";

/** A range as the form holds it, with a key that keeps React's rows stable while ranges come and go. */
export interface CareTimeRow extends CareTime {
  key: string;
}

let nextKey = 0;
const keyed = (time: CareTime): CareTimeRow => ({ ...time, key: `range-${++nextKey}` });

export function toRows(times: readonly CareTime[]): CareTimeRow[] {
  return times.map(keyed);
}

export function toCareTimes(rows: readonly CareTimeRow[]): CareTime[] {
  return rows.map(({ day, from, to }) => ({ day, from, to }));
}

const PROBLEM_KEYS = {
  empty: "validation.careTimesEmpty",
  invalid: "validation.time",
  notBeforeEnd: "validation.timeRange",
  outsideDayCare: "validation.careTimeOutsideDayCare",
  overlap: "validation.slotOverlap",
} as const;

/** The rules of core/placement as form errors at `careTimes.<index>.<field>` (or `careTimes` for none at all). */
export function careTimeErrors(rows: readonly CareTimeRow[], t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const problem of validateCareTimes(rows)) {
    const path =
      problem.index === null ? "careTimes" : `careTimes.${problem.index}.${problem.field ?? "from"}`;
    errors[path] ??= t(PROBLEM_KEYS[problem.code]);
  }
  return errors;
}

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface Props<V> {
  form: UseFormReturnType<V>;
  rows: CareTimeRow[];
}

/**
 * The week as seven rows, Monday first: tick a day, then its times; a day may have a second period (a
 * lunch break at home). Presets fill in the usual weeks in one tap. Built for a phone: the times sit below
 * the day, every field has a visible label, and the day's name is part of each field's name for screen readers.
 */
export function CareTimesEditor<V>({ form, rows }: Props<V>) {
  const { t, i18n } = useTranslation();
  const hintId = useId();
  const { weekdays: dayNames } = useWeekdayNames();
  const setRows = (next: CareTimeRow[]) => form.setFieldValue("careTimes" as never, next as never);
  const listError = (form.errors as Record<string, string | undefined>).careTimes;
  const errorAt = (index: number, field: "from" | "to") =>
    (form.errors as Record<string, string | undefined>)[`careTimes.${index}.${field}`];
  const hours = weeklyCareMinutes(rows) / 60;

  const toggleDay = (day: number, isOn: boolean) => {
    if (!isOn) {
      setRows(rows.filter((row) => row.day !== day));
      return;
    }
    // A new day usually has the same hours as the days already chosen.
    const template = rows.at(-1) ?? { from: "08:00", to: "13:00" };
    setRows([...rows, keyed({ day, from: template.from, to: template.to })].sort((a, b) => a.day - b.day));
  };
  const addRange = (day: number) => {
    const last = rows.filter((row) => row.day === day).at(-1);
    const next = keyed({ day, from: last?.to ?? "14:00", to: "16:00" });
    const at = rows.findLastIndex((row) => row.day === day);
    setRows([...rows.slice(0, at + 1), next, ...rows.slice(at + 1)]);
  };
  const applyPreset = (id: CareTimePresetId) => setRows(presetCareTimes(id).map(keyed));

  return (
    <Box
      component="fieldset"
      aria-describedby={hintId}
      style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
      data-testid="care-times"
    >
      <Text component="legend" size="sm" fw={500} p={0}>
        {t("placement.form.careTimes")}
      </Text>
      <Text id={hintId} size="xs" c="dimmed">
        {t("placement.form.careTimesHint")}
      </Text>
      {listError && (
        <Text size="sm" c="red.8" role="alert">
          {listError}
        </Text>
      )}
      <Stack gap="sm" mt="xs">
        <Group gap="xs" role="group" aria-label={t("placement.form.presets")}>
          {CARE_TIME_PRESETS.map((preset) => (
            <Button
              key={preset.id}
              variant="light"
              size="compact-md"
              onClick={() => applyPreset(preset.id)}
              data-testid={`preset-${preset.id}`}
            >
              {t(`placement.form.presetNames.${preset.id}`)}
            </Button>
          ))}
        </Group>
        {DAYS.map((day) => {
          const dayName = dayNames[day - 1] ?? String(day);
          const ranges = rows.map((row, index) => ({ row, index })).filter(({ row }) => row.day === day);
          return (
            <Stack
              key={day}
              gap={6}
              p="xs"
              style={{
                border: "1px solid var(--mantine-color-gray-3)",
                borderRadius: "var(--mantine-radius-md)",
              }}
              data-testid={`care-day-${day}`}
            >
              <Checkbox
                label={dayName}
                checked={ranges.length > 0}
                onChange={(event) => toggleDay(day, event.currentTarget.checked)}
                styles={{ label: { fontWeight: 600 } }}
              />
              {ranges.map(({ row, index }, position) => (
                <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    type="time"
                    step={300}
                    label={
                      <>
                        <VisuallyHidden>{dayName} </VisuallyHidden>
                        {t("placement.form.from")}
                      </>
                    }
                    value={row.from}
                    onChange={(event) =>
                      setRows(
                        rows.map((r, i) => (i === index ? { ...r, from: event.currentTarget.value } : r)),
                      )
                    }
                    error={errorAt(index, "from")}
                    style={{ flex: "1 1 0", minWidth: 0 }}
                  />
                  <TextInput
                    type="time"
                    step={300}
                    label={
                      <>
                        <VisuallyHidden>{dayName} </VisuallyHidden>
                        {t("placement.form.to")}
                      </>
                    }
                    value={row.to}
                    onChange={(event) =>
                      setRows(rows.map((r, i) => (i === index ? { ...r, to: event.currentTarget.value } : r)))
                    }
                    error={errorAt(index, "to")}
                    style={{ flex: "1 1 0", minWidth: 0 }}
                  />
                  {position > 0 && (
                    <Button
                      variant="subtle"
                      color="red"
                      c="red.9"
                      px="xs"
                      mt={24}
                      onClick={() => setRows(rows.filter((_, i) => i !== index))}
                      aria-label={t("placement.form.removeRange", { day: dayName })}
                    >
                      <IconTrash size={18} aria-hidden="true" />
                    </Button>
                  )}
                </Group>
              ))}
              {ranges.length > 0 && ranges.length < 3 && (
                <Button
                  variant="subtle"
                  size="compact-sm"
                  w="fit-content"
                  leftSection={<IconPlus size={14} aria-hidden="true" />}
                  onClick={() => addRange(day)}
                >
                  {t("placement.form.addRange", { day: dayName })}
                </Button>
              )}
            </Stack>
          );
        })}
        <Text size="sm" aria-live="polite" data-testid="weekly-hours">
          {t("placement.form.weeklyHours", {
            hours: hours.toLocaleString(i18n.language, { maximumFractionDigits: 2 }),
          })}
        </Text>
      </Stack>
    </Box>
  );
}
