import { Button, Checkbox, Group, NativeSelect, NumberInput, Radio, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  type AssessmentInput,
  assessmentInput,
  type PracticeConfirmBody,
  type PracticeEntryInput,
  placeKinds,
  practiceConfirmBody,
  practiceEntryInput,
} from "../../../../contracts/training-records";
import { todayIso } from "../../../../core/shared/dates";
import type { AssessmentKind } from "../../../../core/training/catalogue";
import { post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import { recordsApi, refreshRecords } from "../records-api";

interface Target {
  slug: string;
  courseId: string;
  participantId: string;
  participantName: string;
}

/** A mutation of the run's results that, once saved, reads the results again and closes its form. */
function useResultChange<Body>(slug: string, url: string, done: string, onDone: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => post(url, body),
    onSuccess: async () => {
      await refreshRecords(client, slug);
      notifySuccess(done);
      onDone();
    },
  });
}

/** The result of an assessment the course requires: passed or failed, on a day. Failed attempts stay listed. */
export function AssessmentForm({
  target,
  kinds,
  onDone,
}: {
  target: Target;
  kinds: readonly AssessmentKind[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<{ kind: AssessmentKind; passed: string; on: string }>({
    initialValues: { kind: kinds[0] ?? "phaseAssessment", passed: "true", on: todayIso(new Date()) },
    validate: useSchemaValidation<unknown>(assessmentInput.omit({ passed: true })),
  });
  const save = useResultChange<AssessmentInput>(
    target.slug,
    recordsApi.assessments(target.slug, target.courseId, target.participantId),
    t("trainingRecords.web.results.assessmentSaved"),
    onDone,
  );
  return (
    <form
      onSubmit={form.onSubmit(
        (values) =>
          save.mutate(
            { kind: values.kind, passed: values.passed === "true", on: values.on },
            { onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)) },
          ),
        onInvalid,
      )}
      noValidate
      aria-label={t("trainingRecords.web.results.assessmentFormLabel", { name: target.participantName })}
    >
      <Stack gap="sm">
        <FormAlert message={formError} />
        {kinds.length > 1 && (
          <NativeSelect
            label={t("trainingRecords.web.results.assessmentKind")}
            data={kinds.map((kind) => ({ value: kind, label: t(`trainingRecords.assessmentKinds.${kind}`) }))}
            {...form.getInputProps("kind")}
          />
        )}
        <Radio.Group
          label={t("trainingRecords.web.results.assessmentResult")}
          {...form.getInputProps("passed")}
        >
          <Group gap="lg" mt={6}>
            <Radio
              value="true"
              label={t("trainingRecords.web.results.passed")}
              data-testid="assessment-passed"
            />
            <Radio
              value="false"
              label={t("trainingRecords.web.results.failed")}
              data-testid="assessment-failed"
            />
          </Group>
        </Radio.Group>
        <TextInput
          type="date"
          label={t("trainingRecords.web.results.assessmentOn")}
          required
          withAsterisk={false}
          maw={240}
          {...form.getInputProps("on")}
        />
        <Group gap="xs">
          <Button type="submit" loading={save.isPending} data-testid="assessment-save">
            {t("common.save")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type PracticeValues = Omit<PracticeEntryInput, "hours" | "confirmedOn" | "confirmedBy"> & {
  hours: number | string;
  isConfirmed: boolean;
  confirmedOn: string;
  confirmedBy: string;
};

/** Practice hours at one place; with the place's confirmation, if the paper is already there. */
export function PracticeForm({ target, onDone }: { target: Target; onDone: () => void }) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const validateSchema = useSchemaValidation<unknown>(practiceEntryInput);
  const today = todayIso(new Date());
  const toBody = (values: PracticeValues): PracticeEntryInput => ({
    placeKind: values.placeKind,
    placeName: values.placeName,
    from: values.from,
    to: values.to,
    hours: typeof values.hours === "number" ? values.hours : Number.NaN,
    confirmedOn: values.isConfirmed ? values.confirmedOn : null,
    confirmedBy: values.isConfirmed ? values.confirmedBy : null,
  });
  const form = useForm<PracticeValues>({
    initialValues: {
      placeKind: "kita",
      placeName: "",
      from: "",
      to: "",
      hours: "",
      isConfirmed: false,
      confirmedOn: today,
      confirmedBy: "",
    },
    validate: (values) => validateSchema(toBody(values)),
  });
  const save = useResultChange<PracticeEntryInput>(
    target.slug,
    recordsApi.practice(target.slug, target.courseId, target.participantId),
    t("trainingRecords.web.results.practiceSaved"),
    onDone,
  );
  return (
    <form
      onSubmit={form.onSubmit(
        (values) =>
          save.mutate(toBody(values), {
            onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
          }),
        onInvalid,
      )}
      noValidate
      aria-label={t("trainingRecords.web.results.practiceFormLabel", { name: target.participantName })}
    >
      <Stack gap="sm">
        <FormAlert message={formError} />
        <NativeSelect
          label={t("trainingRecords.web.results.placeKind")}
          data={placeKinds.map((kind) => ({ value: kind, label: t(`trainingRecords.placeKinds.${kind}`) }))}
          {...form.getInputProps("placeKind")}
        />
        <TextInput
          label={t("trainingRecords.web.results.placeName")}
          description={t("trainingRecords.web.results.placeNameHint")}
          required
          withAsterisk={false}
          maxLength={160}
          {...form.getInputProps("placeName")}
        />
        <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
          <TextInput
            type="date"
            label={t("trainingRecords.web.results.practiceFrom")}
            required
            withAsterisk={false}
            miw={150}
            max={today}
            {...form.getInputProps("from")}
          />
          <TextInput
            type="date"
            label={t("trainingRecords.web.results.practiceTo")}
            required
            withAsterisk={false}
            miw={150}
            max={today}
            {...form.getInputProps("to")}
          />
        </Group>
        <NumberInput
          label={t("trainingRecords.web.results.practiceHours")}
          description={t("trainingRecords.web.results.practiceHoursHint")}
          min={0.25}
          step={0.25}
          decimalScale={2}
          decimalSeparator={t("trainingRecords.web.decimalSeparator")}
          allowNegative={false}
          required
          withAsterisk={false}
          maw={240}
          {...form.getInputProps("hours")}
        />
        <Checkbox
          label={t("trainingRecords.web.results.alreadyConfirmed")}
          {...form.getInputProps("isConfirmed", { type: "checkbox" })}
        />
        {form.values.isConfirmed && (
          <ConfirmationFields
            dateProps={form.getInputProps("confirmedOn")}
            nameProps={form.getInputProps("confirmedBy")}
          />
        )}
        <Group gap="xs">
          <Button type="submit" loading={save.isPending} data-testid="practice-save">
            {t("common.save")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ConfirmationFields({
  dateProps,
  nameProps,
}: {
  dateProps: ReturnType<ReturnType<typeof useForm>["getInputProps"]>;
  nameProps: ReturnType<ReturnType<typeof useForm>["getInputProps"]>;
}) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap">
      <TextInput
        type="date"
        label={t("trainingRecords.web.results.confirmedOn")}
        required
        withAsterisk={false}
        miw={150}
        {...dateProps}
      />
      <TextInput
        label={t("trainingRecords.web.results.confirmedBy")}
        description={t("trainingRecords.web.results.confirmedByHint")}
        required
        withAsterisk={false}
        maxLength={160}
        miw={180}
        {...nameProps}
      />
    </Group>
  );
}

/** The place's confirmation of hours entered before: the day on the paper and who signed it. */
export function PracticeConfirmForm({
  target,
  entryId,
  onDone,
}: {
  target: Target;
  entryId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<PracticeConfirmBody>({
    initialValues: { confirmedOn: todayIso(new Date()), confirmedBy: "" },
    validate: useSchemaValidation<PracticeConfirmBody>(practiceConfirmBody),
  });
  const save = useResultChange<PracticeConfirmBody>(
    target.slug,
    recordsApi.confirmPractice(target.slug, target.courseId, entryId),
    t("trainingRecords.web.results.practiceConfirmed"),
    onDone,
  );
  return (
    <form
      onSubmit={form.onSubmit(
        (values) =>
          save.mutate(values, {
            onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
          }),
        onInvalid,
      )}
      noValidate
      aria-label={t("trainingRecords.web.results.confirmFormLabel", { name: target.participantName })}
    >
      <Stack gap="sm">
        <FormAlert message={formError} />
        <ConfirmationFields
          dateProps={form.getInputProps("confirmedOn")}
          nameProps={form.getInputProps("confirmedBy")}
        />
        <Group gap="xs">
          <Button type="submit" loading={save.isPending} data-testid="practice-confirm-save">
            {t("trainingRecords.web.results.confirm")}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
