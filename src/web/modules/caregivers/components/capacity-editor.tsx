import {
  Button,
  Fieldset,
  Grid,
  Group,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import {
  type CapacitySlot,
  hhmmToMinutes,
  minutesToHhmm,
  validateProfile,
  type Weekday,
  weeklyHours,
} from "../../../../core/caregivers/capacity";
import { toNumber } from "./caregiver-fields";

/** One row of the editor as the form holds it: times as "07:30", places possibly still empty. */
export interface SlotRow {
  key: string;
  weekday: string;
  start: string;
  end: string;
  places: number | string;
}

let nextKey = 0;
const newKey = () => `slot-${++nextKey}`;

export function slotsToRows(
  slots: readonly { weekday: number; start: number; end: number; places: number }[],
): SlotRow[] {
  return slots.map((s) => ({
    key: newKey(),
    weekday: String(s.weekday),
    start: minutesToHhmm(s.start),
    end: minutesToHhmm(s.end),
    places: s.places,
  }));
}

/** The API's slots; a time that cannot be read becomes NaN, which validation reports at the field. */
export function rowsToSlots(rows: readonly SlotRow[]): CapacitySlot[] {
  return rows.map((r) => ({
    weekday: Number(r.weekday) as Weekday,
    start: hhmmToMinutes(r.start) ?? Number.NaN,
    end: hhmmToMinutes(r.end) ?? Number.NaN,
    places: toNumber(r.places),
  }));
}

const workdays: Weekday[] = [0, 1, 2, 3, 4];

function presetRows(start: string, end: string, places: number): SlotRow[] {
  return workdays.map((weekday) => ({ key: newKey(), weekday: String(weekday), start, end, places }));
}

/**
 * The problems of the rows, keyed by form path (`${prefix}slots.3.end`). With `isComplete` false only the
 * problems of rows already filled in are reported, for feedback while typing.
 */
export function capacityErrors(
  rows: readonly SlotRow[],
  maxChildren: number,
  prefix: string,
  t: TFunction,
  isComplete = true,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const set = (index: number, field: keyof SlotRow, message: string) => {
    const path = `${prefix}slots.${index}.${field}`;
    if (!errors[path]) errors[path] = message;
  };
  rows.forEach((row, index) => {
    if (!isComplete) return;
    if (hhmmToMinutes(row.start) === null) set(index, "start", t("registry.capacity.timeInvalid"));
    if (hhmmToMinutes(row.end) === null) set(index, "end", t("registry.capacity.timeInvalid"));
    if (typeof row.places === "string" && row.places.trim() === "")
      set(index, "places", t("validation.required"));
  });
  const slots = rowsToSlots(rows);
  for (const problem of validateProfile(slots, maxChildren)) {
    const i = problem.slotIndex;
    const row = rows[i];
    if (!row) continue;
    const isFilled = hhmmToMinutes(row.start) !== null && hhmmToMinutes(row.end) !== null;
    switch (problem.code) {
      case "outOfRange":
        if (isComplete) set(i, "start", t("registry.capacity.timeInvalid"));
        break;
      case "startNotBeforeEnd":
        if (isFilled) set(i, "end", t("validation.timeRange"));
        break;
      case "overlap":
        set(i, "start", t("registry.capacity.overlap", { row: (problem.otherSlotIndex ?? 0) + 1 }));
        break;
      case "placesAboveLicence":
        set(i, "places", t("registry.capacity.placesAboveLicence", { max: maxChildren }));
        break;
      default:
        if (isComplete || row.places !== "") set(i, "places", t("registry.capacity.placesWhole"));
    }
  }
  return errors;
}

interface Props<V> {
  form: UseFormReturnType<V>;
  /** Where the profile sits in the form values ("capacity." when nested, "" when flat). */
  prefix: string;
  rows: SlotRow[];
  /** Children allowed at once by the licence (or the organisation's rule). */
  maxChildren: number;
}

/** Rows of weekday, from, to and places, with two common presets; problems show at once at the field. */
export function CapacityEditor<V>({ form, prefix, rows, maxChildren }: Props<V>) {
  const { t, i18n } = useTranslation();
  const live = capacityErrors(rows, maxChildren, prefix, t, false);
  const listPath = `${prefix}slots`;
  const errorAt = (index: number, field: keyof SlotRow) => {
    const path = `${listPath}.${index}.${field}`;
    return (form.errors[path] as string | undefined) ?? live[path];
  };
  const fieldProps = (index: number, field: keyof SlotRow) => ({
    ...form.getInputProps(`${listPath}.${index}.${field}`),
    error: errorAt(index, field),
  });
  const weekdayOptions = [0, 1, 2, 3, 4, 5, 6].map((d) => ({
    value: String(d),
    label: t(`common.weekdays.${d}`),
  }));
  const presetPlaces = Math.min(5, maxChildren);
  const validSlots = rowsToSlots(rows).filter(
    (s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end,
  );
  const hours = weeklyHours(validSlots);

  const addRow = () => {
    const last = rows.at(-1);
    const weekday = last ? String(Math.min(6, Number(last.weekday) + 1)) : "0";
    form.insertListItem(listPath, {
      key: newKey(),
      weekday,
      start: last?.start ?? "08:00",
      end: last?.end ?? "14:00",
      places: last?.places ?? presetPlaces,
    } satisfies SlotRow as never);
  };

  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text size="sm">{t("registry.capacity.presets")}</Text>
        <Button
          variant="light"
          size="xs"
          onClick={() => form.setFieldValue(listPath, presetRows("07:30", "14:00", presetPlaces) as never)}
        >
          {t("registry.capacity.presetMorning", { places: presetPlaces })}
        </Button>
        <Button
          variant="light"
          size="xs"
          onClick={() => form.setFieldValue(listPath, presetRows("08:00", "16:00", maxChildren) as never)}
        >
          {t("registry.capacity.presetDay", { places: maxChildren })}
        </Button>
      </Group>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t("registry.capacity.noRows")}
        </Text>
      )}
      {rows.map((row, index) => (
        <Fieldset
          key={row.key}
          legend={t("registry.capacity.rowLegend", { n: index + 1 })}
          p="xs"
          data-testid="capacity-row"
        >
          <Grid gutter="xs" align="flex-end">
            <Grid.Col span={{ base: 12, sm: 3 }}>
              <NativeSelect
                label={t("registry.capacity.weekday")}
                data={weekdayOptions}
                {...fieldProps(index, "weekday")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2.5 }}>
              <TextInput
                label={t("registry.capacity.from")}
                type="time"
                step={300}
                {...fieldProps(index, "start")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2.5 }}>
              <TextInput
                label={t("registry.capacity.to")}
                type="time"
                step={300}
                {...fieldProps(index, "end")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <NumberInput
                label={t("registry.capacity.places")}
                min={1}
                max={maxChildren}
                allowDecimal={false}
                allowNegative={false}
                {...fieldProps(index, "places")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 2 }}>
              <Button
                variant="subtle"
                color="red"
                c="red.9"
                px="xs"
                leftSection={<IconTrash size={16} aria-hidden="true" />}
                onClick={() => form.removeListItem(listPath, index)}
                aria-label={t("registry.capacity.removeRow", { n: index + 1 })}
              >
                {t("registry.capacity.remove")}
              </Button>
            </Grid.Col>
          </Grid>
        </Fieldset>
      ))}
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={addRow}>
          {t("registry.capacity.addRow")}
        </Button>
        <Text size="sm" aria-live="polite">
          {t("registry.capacity.weeklyHours", {
            hours: hours.toLocaleString(i18n.language, { maximumFractionDigits: 2 }),
          })}
        </Text>
      </Group>
    </Stack>
  );
}
