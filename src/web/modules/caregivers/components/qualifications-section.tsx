import { Button, Card, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { qualificationInput, qualificationKinds } from "../../../../contracts/caregivers";
import { del, post } from "../../../app/api";
import { applyApiErrors } from "../../../components/form-errors";
import { useSchemaValidation } from "../../../components/zod-form";
import { type CaregiverDetail, caregiverKeys } from "../api";
import { formatDate, orgApi, today } from "../format";
import { useSaveMutation } from "../mutation";
import { ConfirmDelete } from "./confirm-delete";
import { FormDialog } from "./dialog";
import { FormAlert, focusFirstError, Notice } from "./form-alert";
import { Section } from "./page";

type Kind = (typeof qualificationKinds)[number];

interface Props {
  orgSlug: string;
  detail: CaregiverDetail;
  canEdit: boolean;
}

/** Completed courses and checks, newest first; the deadlines are computed from them. */
export function QualificationsSection({ orgSlug, detail, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const [isAdding, setAdding] = useState(false);
  const sorted = [...detail.qualifications].sort((a, b) => b.completedOn.localeCompare(a.completedOn));
  const remove = useSaveMutation({
    mutationFn: (qualificationId: string) =>
      del<CaregiverDetail>(`${orgApi(orgSlug)}/caregivers/${detail.id}/qualifications/${qualificationId}`),
    successMessage: t("registry.qualifications.deleted"),
    invalidate: [caregiverKeys.all(orgSlug)],
  });
  return (
    <Section
      title={t("registry.qualifications.title")}
      testId="qualifications-section"
      actions={
        canEdit && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setAdding(true)}
            data-testid="qualification-add"
          >
            {t("registry.qualifications.add")}
          </Button>
        )
      }
    >
      {sorted.length === 0 && <Text c="dimmed">{t("registry.qualifications.none")}</Text>}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {sorted.map((q) => {
          const label = t(`caregivers.qualificationKinds.${q.kind}`);
          const date = formatDate(q.completedOn, i18n.language);
          return (
            <Card component="li" withBorder padding="sm" key={q.id} data-testid="qualification-item">
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600}>
                    {label}
                    {q.title && ` – ${q.title}`}
                  </Text>
                  <Text size="sm">
                    {t(
                      q.kind === "criminalRecordCheck"
                        ? "registry.qualifications.inspectedOn"
                        : "registry.qualifications.completedOnDate",
                      { date },
                    )}
                  </Text>
                  {q.hasRelevantEntry !== null && (
                    <Text
                      size="sm"
                      fw={q.hasRelevantEntry ? 600 : undefined}
                      c={q.hasRelevantEntry ? "red.9" : undefined}
                    >
                      {t("registry.qualifications.relevantEntry")}:{" "}
                      {q.hasRelevantEntry ? t("common.yes") : t("common.no")}
                    </Text>
                  )}
                  {q.note && (
                    <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-line" }}>
                      {q.note}
                    </Text>
                  )}
                </Stack>
                {canEdit && (
                  <ConfirmDelete
                    label={t("registry.qualifications.deleteNamed", { name: label, date })}
                    question={t("registry.qualifications.deleteQuestion")}
                    onConfirm={() => remove.mutateAsync(q.id)}
                    isPending={remove.isPending}
                  />
                )}
              </Group>
            </Card>
          );
        })}
      </Stack>
      <FormDialog opened={isAdding} onClose={() => setAdding(false)} title={t("registry.qualifications.add")}>
        <QualificationForm orgSlug={orgSlug} caregiverId={detail.id} onDone={() => setAdding(false)} />
      </FormDialog>
    </Section>
  );
}

interface FormValues {
  kind: Kind;
  title: string;
  completedOn: string;
  hasRelevantEntry: "" | "yes" | "no";
  note: string;
}

function toBody(values: FormValues) {
  const isCheck = values.kind === "criminalRecordCheck";
  return {
    kind: values.kind,
    title: isCheck ? "" : values.title,
    completedOn: values.completedOn,
    hasRelevantEntry: isCheck
      ? values.hasRelevantEntry === ""
        ? undefined
        : values.hasRelevantEntry === "yes"
      : null,
    note: isCheck ? "" : values.note,
  };
}

function QualificationForm({
  orgSlug,
  caregiverId,
  onDone,
}: {
  orgSlug: string;
  caregiverId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  const validateBody = useSchemaValidation(qualificationInput);
  const form = useForm<FormValues>({
    initialValues: { kind: "firstAid", title: "", completedOn: today(), hasRelevantEntry: "", note: "" },
    validate: (values) => ({
      ...validateBody(toBody(values)),
      ...(values.kind === "criminalRecordCheck" && values.hasRelevantEntry === ""
        ? { hasRelevantEntry: t("registry.qualifications.chooseEntry") }
        : {}),
      ...(values.kind === "other" && values.title.trim() === "" ? { title: t("validation.required") } : {}),
    }),
  });
  const save = useSaveMutation({
    mutationFn: (body: ReturnType<typeof toBody>) =>
      post<CaregiverDetail>(`${orgApi(orgSlug)}/caregivers/${caregiverId}/qualifications`, body),
    successMessage: t("registry.qualifications.saved"),
    invalidate: [caregiverKeys.all(orgSlug)],
    onSuccess: onDone,
    onError: (error) => setAlert(applyApiErrors(error, form.setFieldError, "qualification.")),
  });
  const submit = form.onSubmit(
    (values) => {
      setAlert(null);
      save.mutate(toBody(values));
    },
    () => {
      setAlert(t("errors.validation"));
      focusFirstError();
    },
  );
  const { kind } = form.getValues();
  const isCheck = kind === "criminalRecordCheck";
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <NativeSelect
          label={t("registry.qualifications.kind")}
          data={qualificationKinds.map((k) => ({ value: k, label: t(`caregivers.qualificationKinds.${k}`) }))}
          {...form.getInputProps("kind")}
        />
        <TextInput
          type="date"
          required
          label={t(
            isCheck ? "registry.qualifications.inspectedOnLabel" : "registry.qualifications.completedOn",
          )}
          maw={260}
          {...form.getInputProps("completedOn")}
        />
        {isCheck ? (
          <>
            <Radio.Group
              label={t("registry.qualifications.relevantEntry")}
              required
              {...form.getInputProps("hasRelevantEntry")}
            >
              <Group mt="xs">
                <Radio value="no" label={t("registry.qualifications.entryNo")} />
                <Radio value="yes" label={t("registry.qualifications.entryYes")} />
              </Group>
            </Radio.Group>
            <Notice>{t("registry.qualifications.checkNote")}</Notice>
          </>
        ) : (
          <>
            <TextInput
              label={t("registry.qualifications.titleLabel")}
              description={t("registry.qualifications.titleHint")}
              required={kind === "other"}
              {...form.getInputProps("title")}
            />
            <Textarea
              label={t("registry.qualifications.note")}
              autosize
              minRows={2}
              {...form.getInputProps("note")}
            />
          </>
        )}
        <FormAlert message={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="qualification-submit">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
