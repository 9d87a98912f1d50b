import { Button, Group, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { type RoundInput, roundInput } from "../../../../contracts/placement-rounds";
import { addDays, addYears } from "../../../../core/shared/dates";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";

/** Families rank and caregivers review for two weeks unless the office says otherwise. */
const RANKING_DAYS = 14;

/**
 * A new round for the next care year: places from the next 1 August, for every family that wants to start
 * within that year (until 31 July), ranking for two weeks from today.
 */
export function defaultRound(today: string, title: (from: number, to: number) => string): RoundInput {
  const year = Number(today.slice(0, 4));
  const thisAugust = `${year}-08-01`;
  const startDate = today < thisAugust ? thisAugust : `${year + 1}-08-01`;
  const startYear = Number(startDate.slice(0, 4));
  return {
    title: title(startYear, (startYear + 1) % 100),
    startDate,
    latestWantedStart: addDays(addYears(startDate, 1), -1),
    deadline: addDays(today, RANKING_DAYS),
  };
}

/** Title and dates of a round, for a new one and for changing one while families still rank. */
export function RoundForm({
  initialValues,
  submitLabel,
  onSubmit,
  onCancel,
  isPending,
  testId,
}: {
  initialValues: RoundInput;
  submitLabel: string;
  onSubmit: (values: RoundInput) => Promise<unknown>;
  onCancel?: () => void;
  isPending: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<RoundInput>({ initialValues, validate: useSchemaValidation(roundInput) });
  const submit = async (values: RoundInput) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (error) {
      setFormError(applyApiErrors(error, form.setFieldError));
    }
  };
  return (
    <form
      onSubmit={form.onSubmit((values) => void submit(values), onInvalid)}
      noValidate
      data-testid={testId}
    >
      <Stack gap="sm" maw={480}>
        <FormAlert message={formError} />
        <TextInput
          label={t("rounds.form.title")}
          required
          withAsterisk={false}
          maxLength={120}
          {...form.getInputProps("title")}
        />
        <TextInput
          type="date"
          label={t("rounds.form.startDate")}
          description={t("rounds.form.startDateHint")}
          required
          withAsterisk={false}
          {...form.getInputProps("startDate")}
        />
        <TextInput
          type="date"
          label={t("rounds.form.latestWantedStart")}
          description={t("rounds.form.latestWantedStartHint")}
          required
          withAsterisk={false}
          {...form.getInputProps("latestWantedStart")}
        />
        <TextInput
          type="date"
          label={t("rounds.form.deadline")}
          description={t("rounds.form.deadlineHint")}
          required
          withAsterisk={false}
          {...form.getInputProps("deadline")}
        />
        <Group gap="xs">
          <Button type="submit" loading={isPending} data-testid="round-form-submit">
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
