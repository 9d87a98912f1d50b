import { Button, Checkbox, Group, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconBeach, IconSchool, IconThermometer } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type AbsenceInput, type AbsenceReported, absenceInput } from "../../../../contracts/substitution";
import { post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useFormError } from "../../../components/notify";
import { refreshSubstitution, substitutionApi } from "../api";

type Mode = "illness" | "holiday" | "training";

interface Values {
  mode: Mode;
  /** Holiday or planned closing (e.g. three weeks in summer). */
  planKind: "holiday" | "closing";
  until: string;
  startsOn: string;
  endsOn: string;
  isPartDay: boolean;
  dayFrom: string;
  dayTo: string;
  note: string;
}

/** The API's body from the form: an illness starts today, a planned absence has its own dates. */
function toBody(values: Values, today: string, caregiverId?: string): AbsenceInput {
  const body = bodyOf(values, today);
  return caregiverId ? { ...body, caregiverId } : body;
}

function bodyOf(values: Values, today: string): AbsenceInput {
  const note = values.note.trim();
  if (values.mode === "illness") {
    return { kind: "illness", startsOn: today, endsOn: values.until, dayFrom: null, dayTo: null, note };
  }
  return {
    kind: values.mode === "training" ? "training" : values.planKind,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    dayFrom: values.isPartDay ? values.dayFrom : null,
    dayTo: values.isPartDay ? values.dayTo : null,
    note,
  };
}

/** The body's field names as the form calls them: an illness's end is its "expected until". */
function formPath(path: string, mode: Mode): string {
  return mode === "illness" && (path === "endsOn" || path === "startsOn") ? "until" : path;
}

const MODES: { mode: Mode; Icon: typeof IconThermometer; label: string; hint: string }[] = [
  { mode: "illness", Icon: IconThermometer, label: "illness", hint: "illnessHint" },
  { mode: "holiday", Icon: IconBeach, label: "holiday", hint: "holidayHint" },
  { mode: "training", Icon: IconSchool, label: "training", hint: "trainingHint" },
];

/**
 * Reporting an absence in under a minute on a phone: "ill today" is chosen already, its end defaults to
 * today, so two taps send it. Holiday, closing and training take from–to and, if wanted, a part of the day.
 */
export function AbsenceForm({
  slug,
  today,
  caregiverId,
  onReported,
}: {
  slug: string;
  today: string;
  /** The office enters the absence of this day-care person (she phoned); without it, her own. */
  caregiverId?: string;
  onReported: (reported: AbsenceReported) => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<Values>({
    initialValues: {
      mode: "illness",
      planKind: "holiday",
      until: today,
      startsOn: today,
      endsOn: today,
      isPartDay: false,
      dayFrom: "09:00",
      dayTo: "13:00",
      note: "",
    },
    validate: (values) => {
      const result = absenceInput.safeParse(toBody(values, today, caregiverId));
      if (result.success) return {};
      const errors: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const path = formPath(issue.path.join("."), values.mode);
        errors[path] ??= issue.message.startsWith("v.")
          ? t(`validation.${issue.message.slice(2)}`)
          : issue.message;
      }
      return errors;
    },
  });
  const send = useMutation({
    mutationFn: (values: Values) =>
      post<AbsenceReported>(
        `${substitutionApi(slug)}/${caregiverId ? "absences" : "my/absences"}`,
        toBody(values, today, caregiverId),
      ),
    onSuccess: async (reported) => {
      await refreshSubstitution(client, slug);
      onReported(reported);
    },
    onError: (error) =>
      setFormError(
        applyApiErrors(error, (path, message) =>
          form.setFieldError(formPath(path, form.values.mode), message),
        ),
      ),
  });
  const mode = form.values.mode;

  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        send.mutate(values);
      }, onInvalid)}
      noValidate
      data-testid="absence-form"
    >
      <Stack gap="md">
        <Radio.Group
          label={t("substitution.report.choose")}
          value={mode}
          onChange={(value) => {
            form.setFieldValue("mode", value as Mode);
            form.clearErrors();
          }}
          styles={{ label: { fontSize: "var(--mantine-font-size-md)", fontWeight: 600, marginBottom: 8 } }}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            {MODES.map(({ mode: value, Icon, label, hint }) => {
              const isChecked = mode === value;
              return (
                <Radio.Card
                  key={value}
                  value={value}
                  radius="md"
                  p="sm"
                  data-testid={`absence-mode-${value}`}
                  style={{
                    borderWidth: 2,
                    borderColor: isChecked ? "var(--mantine-color-blue-8)" : undefined,
                    background: isChecked ? "var(--mantine-color-blue-0)" : undefined,
                  }}
                >
                  <Group wrap="nowrap" gap="sm" align="center">
                    <Radio.Indicator />
                    <Icon size={value === "illness" ? 30 : 24} aria-hidden="true" />
                    <Stack gap={0}>
                      <Text fw={700} fz={value === "illness" ? "lg" : "md"} lh={1.3}>
                        {t(
                          `substitution.report.${caregiverId && value === "illness" ? "officeIllness" : label}`,
                        )}
                      </Text>
                      {!(caregiverId && value === "illness") && (
                        <Text size="sm" c="dimmed">
                          {t(`substitution.report.${hint}`)}
                        </Text>
                      )}
                    </Stack>
                  </Group>
                </Radio.Card>
              );
            })}
          </SimpleGrid>
        </Radio.Group>

        <FormAlert message={formError} />

        {mode === "illness" ? (
          <TextInput
            type="date"
            label={t("substitution.report.until")}
            description={caregiverId ? undefined : t("substitution.report.untilHint")}
            min={today}
            size="md"
            maw={320}
            data-testid="absence-until"
            {...form.getInputProps("until")}
          />
        ) : (
          <>
            {mode === "holiday" && (
              <Radio.Group label={t("substitution.report.planKind")} {...form.getInputProps("planKind")}>
                <Group gap="md" mt={4}>
                  <Radio value="holiday" label={t("substitution.report.planHoliday")} />
                  <Radio value="closing" label={t("substitution.report.planClosing")} />
                </Group>
              </Radio.Group>
            )}
            <SimpleGrid cols={2} spacing="sm" maw={480}>
              <TextInput
                type="date"
                label={t("substitution.report.from")}
                data-testid="absence-from"
                {...form.getInputProps("startsOn")}
              />
              <TextInput
                type="date"
                label={t("substitution.report.to")}
                data-testid="absence-to"
                {...form.getInputProps("endsOn")}
              />
            </SimpleGrid>
            <Checkbox
              label={t("substitution.report.partDay")}
              description={t("substitution.report.partDayHint")}
              {...form.getInputProps("isPartDay", { type: "checkbox" })}
            />
            {form.values.isPartDay && (
              <SimpleGrid cols={2} spacing="sm" maw={480}>
                <TextInput
                  type="time"
                  step={300}
                  label={t("substitution.report.dayFrom")}
                  {...form.getInputProps("dayFrom")}
                />
                <TextInput
                  type="time"
                  step={300}
                  label={t("substitution.report.dayTo")}
                  {...form.getInputProps("dayTo")}
                />
              </SimpleGrid>
            )}
          </>
        )}

        <Textarea
          label={t("substitution.report.note")}
          autosize
          minRows={2}
          maxRows={6}
          maw={560}
          {...form.getInputProps("note")}
        />

        <Button
          type="submit"
          size="lg"
          color={mode === "illness" ? "red.9" : "blue.8"}
          loading={send.isPending}
          fullWidth
          maw={480}
          data-testid="absence-submit"
        >
          {mode === "illness" && !caregiverId
            ? t("substitution.report.sendIllness")
            : t("substitution.report.send")}
        </Button>
      </Stack>
    </form>
  );
}
