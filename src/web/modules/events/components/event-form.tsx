import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  Paper,
  Radio,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { IconPlus, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import {
  type EventInput,
  eventAudiences,
  eventKinds,
  minutesVisibilities,
  type PersonRef,
  questionKinds,
  type SeriesInput,
} from "../../../../contracts/events";
import { expandRecurrence } from "../../../../core/events/recurrence";
import { addMonths, todayIso } from "../../../../core/shared/dates";
import { type ServerProblem, useCheckedForm } from "../../../components/checked-form";
import { FormAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { Section } from "../../../components/section";
import { checkValues, type EventFormValues, formPath } from "./event-form-values";
import { EVENT_TIME_ZONE } from "./event-format";

export type EventSubmit = { kind: "event"; body: EventInput } | { kind: "series"; body: SeriesInput };

/** The next five dates the rule gives, so the board sees at once whether "jeden 2. Dienstag" is what she meant. */
function SeriesPreview({ values }: { values: EventFormValues }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const interval = Number(values.interval);
  const count = Number(values.count);
  if (!values.startDate || !Number.isInteger(interval) || interval < 1) return null;
  const today = todayIso(new Date(), EVENT_TIME_ZONE);
  const dates = expandRecurrence(
    {
      frequency: values.frequency,
      interval,
      weekday: Number(values.weekday),
      nth: values.frequency === "monthlyNth" ? Number(values.nth) : null,
      startDate: values.startDate,
      until: values.endMode === "until" && values.until ? values.until : null,
      count: values.endMode === "count" && Number.isInteger(count) && count > 0 ? count : null,
    },
    { from: today, to: addMonths(today, 13), exceptions: values.exceptions },
  ).slice(0, 5);
  if (dates.length === 0) return null;
  return (
    <Text size="sm" aria-live="polite" data-testid="series-preview">
      {t("events.form.preview", { dates: dates.map((d) => formatDate(d)).join(", ") })}
    </Text>
  );
}

/**
 * Create or change an event or a series. The body is checked with the contract's schema before it is sent,
 * so problems stand at their fields at once; the server's answer is put onto the same fields.
 */
export function EventForm({
  initialValues,
  people,
  allowModeChange,
  isSeriesDate,
  isPending,
  submitLabel,
  onSubmit,
}: {
  initialValues: EventFormValues;
  people: readonly PersonRef[];
  allowModeChange: boolean;
  /** One date of a series is being changed on its own. */
  isSeriesDate?: boolean;
  isPending: boolean;
  submitLabel: string;
  /** Resolves with the server's field problems (paths of the body) and its message, or nothing on success. */
  onSubmit: (submit: EventSubmit) => Promise<ServerProblem | null>;
}) {
  const { t } = useTranslation();
  const { form, formError, handleSubmit } = useCheckedForm({
    initialValues,
    check: checkValues,
    toFormPath: formPath,
    onSubmit: (checked) =>
      onSubmit(
        checked.kind === "series"
          ? { kind: "series", body: checked.body }
          : { kind: "event", body: checked.body },
      ),
  });
  const values = form.values;
  const isSeries = values.mode === "series";

  return (
    <form onSubmit={handleSubmit} noValidate data-testid="event-form">
      <Stack gap="md">
        <FormAlert message={formError} />
        <Section id="was" title={t("events.form.what")}>
          {allowModeChange && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id="wiederholung-label">
                {t("events.form.repeat")}
              </Text>
              <SegmentedControl
                aria-labelledby="wiederholung-label"
                data={[
                  { value: "once", label: t("events.form.once") },
                  { value: "series", label: t("events.form.series") },
                ]}
                w={{ base: "100%", xs: "fit-content" }}
                data-testid="event-mode"
                {...form.getInputProps("mode")}
              />
            </Stack>
          )}
          <NativeSelect
            label={t("events.form.kind")}
            data={eventKinds.map((kind) => ({ value: kind, label: t(`events.kinds.${kind}`) }))}
            data-testid="event-kind"
            {...form.getInputProps("kind")}
          />
          <TextInput
            label={t("events.form.title")}
            required
            withAsterisk={false}
            maxLength={200}
            {...form.getInputProps("title")}
          />
          <Textarea
            label={t("events.form.description")}
            description={t("events.form.descriptionHint")}
            autosize
            minRows={3}
            maxLength={5000}
            {...form.getInputProps("description")}
          />
        </Section>

        <Section
          id="wann"
          title={t("events.form.when")}
          intro={isSeriesDate ? t("events.form.editDateHint") : undefined}
        >
          {isSeries ? (
            <>
              <Radio.Group label={t("events.form.frequency")} {...form.getInputProps("frequency")}>
                <Stack gap="xs" mt={6}>
                  <Radio value="weekly" label={t("events.form.weekly")} />
                  <Radio value="monthlyNth" label={t("events.form.monthlyNth")} />
                </Stack>
              </Radio.Group>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                {values.frequency === "monthlyNth" && (
                  <NativeSelect
                    label={t("events.form.nth")}
                    data={["1", "2", "3", "4", "-1"].map((n) => ({
                      value: n,
                      label: t(`events.form.nthOptions.${n}`),
                    }))}
                    data-testid="series-nth"
                    {...form.getInputProps("nth")}
                  />
                )}
                <NativeSelect
                  label={t("events.form.weekday")}
                  data={["0", "1", "2", "3", "4", "5", "6"].map((d) => ({
                    value: d,
                    label: t(`common.weekdays.${d}`),
                  }))}
                  data-testid="series-weekday"
                  {...form.getInputProps("weekday")}
                />
                <TextInput
                  label={t(
                    values.frequency === "weekly"
                      ? "events.form.intervalWeeks"
                      : "events.form.intervalMonths",
                  )}
                  inputMode="numeric"
                  data-testid="series-interval"
                  {...form.getInputProps("interval")}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
                <TextInput
                  type="date"
                  label={t("events.form.startDate")}
                  style={{ gridColumn: "1 / -1" }}
                  maw={260}
                  data-testid="series-start"
                  {...form.getInputProps("startDate")}
                />
                <TextInput type="time" label={t("events.form.from")} {...form.getInputProps("from")} />
                <TextInput type="time" label={t("events.form.to")} {...form.getInputProps("to")} />
              </SimpleGrid>
              <Radio.Group label={t("events.form.endMode")} {...form.getInputProps("endMode")}>
                <Stack gap="xs" mt={6}>
                  <Radio value="none" label={t("events.form.endNone")} />
                  <Radio value="until" label={t("events.form.endUntil")} />
                  <Radio value="count" label={t("events.form.endCount")} />
                </Stack>
              </Radio.Group>
              {values.endMode === "until" && (
                <TextInput
                  type="date"
                  label={t("events.form.until")}
                  maw={260}
                  {...form.getInputProps("until")}
                />
              )}
              {values.endMode === "count" && (
                <TextInput
                  label={t("events.form.count")}
                  inputMode="numeric"
                  maw={160}
                  {...form.getInputProps("count")}
                />
              )}
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  {t("events.form.exceptions")}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("events.form.exceptionsHint")}
                </Text>
                {values.exceptions.map((date, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position; keyed by the date, typing would remount the field and lose the focus
                  <Group key={index} gap="xs" align="flex-end" wrap="nowrap">
                    <TextInput
                      type="date"
                      label={t("events.form.exceptionDate")}
                      maw={220}
                      {...form.getInputProps(`exceptions.${index}`)}
                    />
                    <ActionIcon
                      variant="default"
                      size="lg"
                      mb={2}
                      aria-label={t("events.form.exceptionRemove", { date })}
                      onClick={() => form.removeListItem("exceptions", index)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                ))}
                <Button
                  variant="default"
                  w="fit-content"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => form.insertListItem("exceptions", values.startDate)}
                >
                  {t("events.form.exceptionAdd")}
                </Button>
              </Stack>
              <SeriesPreview values={values} />
            </>
          ) : (
            <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
              <TextInput
                type="date"
                label={t("events.form.date")}
                style={{ gridColumn: "1 / -1" }}
                maw={260}
                {...form.getInputProps("date")}
              />
              <TextInput type="time" label={t("events.form.from")} {...form.getInputProps("from")} />
              <TextInput type="time" label={t("events.form.to")} {...form.getInputProps("to")} />
              <TextInput
                type="date"
                label={t("events.form.endDate")}
                style={{ gridColumn: "1 / -1" }}
                maw={260}
                {...form.getInputProps("endDate")}
              />
            </SimpleGrid>
          )}
        </Section>

        <Section id="wo" title={t("events.form.where")}>
          <TextInput
            label={t("events.form.placeName")}
            maxLength={200}
            {...form.getInputProps("place.name")}
          />
          <TextInput
            label={t("events.form.street")}
            autoComplete="street-address"
            maxLength={200}
            {...form.getInputProps("place.street")}
          />
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <TextInput
              label={t("events.form.postalCode")}
              inputMode="numeric"
              maxLength={5}
              w={110}
              {...form.getInputProps("place.postalCode")}
            />
            <TextInput
              label={t("events.form.town")}
              maxLength={120}
              style={{ flex: 1 }}
              {...form.getInputProps("place.town")}
            />
          </Group>
          <TextInput
            type="url"
            label={t("events.form.onlineUrl")}
            description={t("events.form.onlineUrlHint")}
            maxLength={500}
            {...form.getInputProps("place.onlineUrl")}
          />
        </Section>

        <Section id="fuer-wen" title={t("events.form.who")}>
          <Radio.Group label={t("events.form.audience")} {...form.getInputProps("audience")}>
            <Stack gap="xs" mt={6}>
              {eventAudiences.map((audience) => (
                <Radio key={audience} value={audience} label={t(`events.audiences.${audience}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <MultiSelect
            label={t("events.form.organisers")}
            placeholder={
              values.organiserIds.length === 0 ? t("events.form.organisersPlaceholder") : undefined
            }
            data={people.map((person) => ({ value: person.userId, label: person.name }))}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("organiserIds")}
          />
          <NativeSelect
            label={t("events.form.minutesVisibility")}
            data={minutesVisibilities.map((v) => ({ value: v, label: t(`events.minutesVisibilities.${v}`) }))}
            {...form.getInputProps("minutesVisibility")}
          />
        </Section>

        <Section id="anmeldung" title={t("events.form.registrationTitle")}>
          <Switch
            label={t("events.form.registrationEnabled")}
            data-testid="registration-enabled"
            {...form.getInputProps("registration.enabled", { type: "checkbox" })}
          />
          {values.registration.enabled && (
            <>
              <TextInput
                label={t("events.form.capacity")}
                description={t("events.form.capacityHint")}
                inputMode="numeric"
                maw={260}
                data-testid="registration-capacity"
                {...form.getInputProps("registration.capacity")}
              />
              <Checkbox
                label={t("events.form.guestsAllowed")}
                {...form.getInputProps("registration.guestsAllowed", { type: "checkbox" })}
              />
              <Stack gap="xs">
                <Text size="sm" fw={500}>
                  {t("events.form.questions")}
                </Text>
                <Text size="sm" c="dimmed">
                  {t("events.form.questionsHint")}
                </Text>
                {values.registration.questions.map((question, index) => {
                  const number = index + 1;
                  return (
                    <Paper key={question.id ?? `neu-${index}`} withBorder p="sm" data-testid="question-row">
                      <Stack gap="xs">
                        <Group justify="space-between" wrap="nowrap" align="flex-end">
                          <TextInput
                            label={t("events.form.questionLabel", { number })}
                            maxLength={200}
                            style={{ flex: 1 }}
                            {...form.getInputProps(`registration.questions.${index}.label`)}
                          />
                          <ActionIcon
                            variant="default"
                            size="lg"
                            mb={2}
                            aria-label={t("events.form.questionRemove", { number })}
                            onClick={() => form.removeListItem("registration.questions", index)}
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Group>
                        <NativeSelect
                          label={t("events.form.questionKind")}
                          data={questionKinds.map((kind) => ({
                            value: kind,
                            label: t(`events.form.questionKinds.${kind}`),
                          }))}
                          {...form.getInputProps(`registration.questions.${index}.kind`)}
                        />
                        {question.kind === "choice" && (
                          <Textarea
                            label={t("events.form.questionOptions")}
                            autosize
                            minRows={2}
                            {...form.getInputProps(`registration.questions.${index}.optionsText`)}
                          />
                        )}
                        {question.kind !== "yesNo" && (
                          <Checkbox
                            label={t("events.form.questionRequired")}
                            {...form.getInputProps(`registration.questions.${index}.required`, {
                              type: "checkbox",
                            })}
                          />
                        )}
                      </Stack>
                    </Paper>
                  );
                })}
                {values.registration.questions.length < 10 && (
                  <Button
                    variant="default"
                    w="fit-content"
                    leftSection={<IconPlus size={16} aria-hidden />}
                    onClick={() =>
                      form.insertListItem("registration.questions", {
                        kind: "text",
                        label: "",
                        optionsText: "",
                        required: false,
                      })
                    }
                    data-testid="question-add"
                  >
                    {t("events.form.questionAdd")}
                  </Button>
                )}
              </Stack>
            </>
          )}
        </Section>
        <Group>
          <Button
            type="submit"
            loading={isPending}
            w={{ base: "100%", xs: "fit-content" }}
            data-testid="event-submit"
          >
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
