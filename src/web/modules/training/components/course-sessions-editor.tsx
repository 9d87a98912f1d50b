import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { IconCopy, IconPlus, IconTrash } from "@tabler/icons-react";
import { memo, useCallback, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  blankSessionRow,
  copiedSessionRow,
  fittingUnits,
  type SessionRow,
  sessionUnitsSum,
} from "./course-form-values";
import { useCourseFormat } from "./course-format";

/** Long labels wrap on a phone instead of being cut off. */
const wrapLabel = { label: { whiteSpace: "normal" as const } };

interface Props<V> {
  form: UseFormReturnType<V>;
  rows: SessionRow[];
  /** The course's UE, for the running total; "" while not entered. */
  courseUnits: number | "";
}

const ROW_FIELDS = ["date", "from", "to", "units", "place", "onlineUrl"] as const;
type RowField = (typeof ROW_FIELDS)[number];

interface RowErrors {
  fields: Partial<Record<RowField, string>>;
  /** Problems of the row as a whole (an overlap with another session). */
  row: string[];
}

/** The errors of one row, as plain values that compare equal when nothing changed. */
function rowErrorsOf(errors: Record<string, string | undefined>, index: number): RowErrors {
  const prefix = `sessions.${index}`;
  const fields: Partial<Record<RowField, string>> = {};
  const row: string[] = [];
  for (const [path, message] of Object.entries(errors)) {
    if (!message || (path !== prefix && !path.startsWith(`${prefix}.`))) continue;
    const field = path.slice(prefix.length + 1) as RowField;
    if ((ROW_FIELDS as readonly string[]).includes(field)) fields[field] = message;
    else row.push(message);
  }
  return { fields, row };
}

function sameErrors(a: RowErrors, b: RowErrors): boolean {
  return (
    ROW_FIELDS.every((field) => a.fields[field] === b.fields[field]) &&
    a.row.length === b.row.length &&
    a.row.every((message, i) => message === b.row[i])
  );
}

interface RowProps {
  row: SessionRow;
  index: number;
  errors: RowErrors;
  onChange: (index: number, patch: Partial<SessionRow>) => void;
  onRemove: (index: number) => void;
}

const SessionRowCard = memo(
  function SessionRowCard({ row, index, errors, onChange, onRemove }: RowProps) {
    const { t, i18n } = useTranslation();
    const format = useCourseFormat();
    const decimal = i18n.language === "en" ? "." : ",";
    const label = t("training.web.form.sessionNumber", { number: index + 1 });
    const fitting = fittingUnits(row);
    const labelId = `${row.key}-label`;
    return (
      <Paper withBorder p="sm" role="group" aria-labelledby={labelId} data-testid="session-row">
        <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
          <Text fw={600} size="sm" id={labelId}>
            {label}
          </Text>
          <Button
            variant="subtle"
            color="red"
            c="red.9"
            size="compact-sm"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={() => onRemove(index)}
            aria-label={t("training.web.form.removeSession", { number: index + 1 })}
            data-testid="session-remove"
          >
            {t("training.web.form.remove")}
          </Button>
        </Group>
        {errors.row.map((message) => (
          <Text key={message} size="sm" c="red.8" role="alert" mb={4}>
            {message}
          </Text>
        ))}
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" verticalSpacing="xs">
          <TextInput
            type="date"
            label={t("training.web.form.sessionDate")}
            value={row.date}
            onChange={(event) => onChange(index, { date: event.currentTarget.value })}
            error={errors.fields.date}
            style={{ gridColumn: "span 2" }}
            required
            withAsterisk={false}
          />
          <TextInput
            type="time"
            step={300}
            label={t("training.web.form.sessionFrom")}
            value={row.from}
            onChange={(event) => onChange(index, { from: event.currentTarget.value })}
            error={errors.fields.from}
            required
            withAsterisk={false}
          />
          <TextInput
            type="time"
            step={300}
            label={t("training.web.form.sessionTo")}
            value={row.to}
            onChange={(event) => onChange(index, { to: event.currentTarget.value })}
            error={errors.fields.to}
            required
            withAsterisk={false}
          />
          <NumberInput
            label={t("training.web.form.sessionUnits")}
            description={
              fitting !== null ? t("training.web.form.fitting", { units: format.number(fitting) }) : undefined
            }
            value={row.units}
            onChange={(value) => onChange(index, { units: typeof value === "number" ? value : "" })}
            error={errors.fields.units}
            min={0.5}
            step={0.5}
            decimalScale={1}
            decimalSeparator={decimal}
            allowNegative={false}
            hideControls
            inputMode="decimal"
            required
            withAsterisk={false}
          />
          <TextInput
            label={t("training.web.form.sessionPlace")}
            value={row.place}
            onChange={(event) => onChange(index, { place: event.currentTarget.value })}
            error={errors.fields.place}
            maxLength={300}
            style={{ gridColumn: "span 2" }}
          />
          <TextInput
            type="url"
            label={t("training.web.form.sessionOnline")}
            placeholder="https://"
            value={row.onlineUrl}
            onChange={(event) => onChange(index, { onlineUrl: event.currentTarget.value })}
            error={errors.fields.onlineUrl}
            style={{ gridColumn: "span 2" }}
          />
        </SimpleGrid>
      </Paper>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.index === b.index &&
    a.onChange === b.onChange &&
    a.onRemove === b.onRemove &&
    sameErrors(a.errors, b.errors),
);

/**
 * The sessions as a list of rows (date, times, UE, place or online link), built for a phone: each row is a
 * card with its own labelled fields. "Like the last one, a week later" fills a weekly course in a few taps,
 * and the running total compares the sessions' UE with the course's, which must match before publishing.
 */
export function SessionsEditor<V>({ form, rows, courseUnits }: Props<V>) {
  const { t } = useTranslation();
  const format = useCourseFormat();
  const errors = form.errors as Record<string, string | undefined>;
  const setRows = (next: SessionRow[]) => form.setFieldValue("sessions" as never, next as never);
  // Stable handlers read the latest rows through a ref, so that a change in one row re-renders only that
  // row: a course of twenty sessions stays quick to type in on a phone.
  const latest = useRef({ rows, setRows });
  latest.current = { rows, setRows };
  const update = useCallback((index: number, patch: Partial<SessionRow>) => {
    const { rows: current, setRows: set } = latest.current;
    set(current.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  }, []);
  const remove = useCallback((index: number) => {
    const { rows: current, setRows: set } = latest.current;
    set(current.filter((_, i) => i !== index));
  }, []);

  const addBlank = () => setRows([...rows, blankSessionRow(rows.at(-1))]);
  const copyLast = () => {
    const last = rows.at(-1);
    if (last) setRows([...rows, copiedSessionRow(last)]);
  };

  const sum = sessionUnitsSum(rows);
  const target = typeof courseUnits === "number" ? courseUnits : null;
  const totalText =
    target === null
      ? t("training.web.form.totalNoTarget", { sum: format.number(sum) })
      : sum === target
        ? t("training.web.form.totalMatches", { sum: format.number(sum) })
        : sum < target
          ? t("training.web.form.totalMissing", {
              sum: format.number(sum),
              target: format.number(target),
              missing: format.number(target - sum),
            })
          : t("training.web.form.totalTooMany", {
              sum: format.number(sum),
              target: format.number(target),
              extra: format.number(sum - target),
            });
  const listError = errors.sessions;

  return (
    <Stack gap="sm" data-testid="sessions-editor">
      {rows.length === 0 && <Text size="sm">{t("training.web.form.noSessions")}</Text>}
      {rows.map((row, index) => (
        <SessionRowCard
          key={row.key}
          row={row}
          index={index}
          errors={rowErrorsOf(errors, index)}
          onChange={update}
          onRemove={remove}
        />
      ))}
      <Group gap="xs">
        <Button
          variant="default"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={addBlank}
          h="auto"
          py={6}
          styles={wrapLabel}
          data-testid="session-add"
        >
          {t("training.web.form.addSession")}
        </Button>
        {rows.length > 0 && (
          <Button
            variant="default"
            leftSection={<IconCopy size={16} aria-hidden />}
            onClick={copyLast}
            h="auto"
            py={6}
            styles={wrapLabel}
            data-testid="session-copy"
          >
            {t("training.web.form.copyLastSession")}
          </Button>
        )}
      </Group>
      <Paper
        p="sm"
        bg={target !== null && sum === target ? "teal.0" : "gray.0"}
        aria-live="polite"
        data-testid="sessions-total"
      >
        <Text size="sm" fw={500}>
          {totalText}
        </Text>
        {listError && (
          <Text size="sm" c="red.8" role="alert">
            {listError}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
