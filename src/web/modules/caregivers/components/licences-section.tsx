import { Badge, Button, Card, Group, Stack, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPencil, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { licenceInput } from "../../../../contracts/caregivers";
import { del, post, put } from "../../../app/api";
import { applyApiErrors } from "../../../components/form-errors";
import { useSchemaValidation } from "../../../components/zod-form";
import { type CaregiverDetail, caregiverKeys, currentLicence, useDefaultMaxChildren } from "../api";
import { formatDate, orgApi } from "../format";
import { useSaveMutation } from "../mutation";
import { ConfirmDelete } from "./confirm-delete";
import { FormDialog } from "./dialog";
import { FormAlert, focusFirstError } from "./form-alert";
import {
  emptyLicence,
  formToLicenceInput,
  LicenceFields,
  type LicenceFormValues,
  licenceToForm,
} from "./licence-fields";
import { Section } from "./page";

type Licence = CaregiverDetail["licences"][number];

interface Props {
  orgSlug: string;
  detail: CaregiverDetail;
  canEdit: boolean;
}

/** The person's care licences (§ 43 SGB VIII), newest first; the one in force is marked. */
export function LicencesSection({ orgSlug, detail, canEdit }: Props) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<Licence | "new" | null>(null);
  const current = currentLicence(detail, detail.today);
  const sorted = [...detail.licences].sort((a, b) => b.validTo.localeCompare(a.validTo));
  const base = `${orgApi(orgSlug)}/caregivers/${detail.id}/licences`;
  const remove = useSaveMutation({
    mutationFn: (licenceId: string) => del<CaregiverDetail>(`${base}/${licenceId}`),
    successMessage: t("registry.licence.deleted"),
    invalidate: [caregiverKeys.all(orgSlug)],
  });

  return (
    <Section
      title={t("registry.licence.title")}
      testId="licences-section"
      actions={
        canEdit && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() => setEditing("new")}
            data-testid="licence-add"
          >
            {t("registry.licence.add")}
          </Button>
        )
      }
    >
      {sorted.length === 0 && <Text c="dimmed">{t("registry.licence.none")}</Text>}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: "none" }}>
        {sorted.map((l) => (
          <Card component="li" withBorder padding="sm" key={l.id} data-testid="licence-item">
            <Stack gap={4}>
              <Group justify="space-between" gap="xs">
                <Group gap="xs">
                  <Text fw={600}>{t("registry.licence.numbered", { number: l.number })}</Text>
                  {current?.id === l.id && (
                    <Badge color="blue.9" tt="none">
                      {t("registry.licence.current")}
                    </Badge>
                  )}
                </Group>
                {canEdit && (
                  <Group gap={4}>
                    <Button
                      size="xs"
                      variant="subtle"
                      leftSection={<IconPencil size={16} aria-hidden="true" />}
                      onClick={() => setEditing(l)}
                      aria-label={t("registry.licence.editNamed", { number: l.number })}
                    >
                      {t("common.edit")}
                    </Button>
                    <ConfirmDelete
                      label={t("registry.licence.deleteNamed", { number: l.number })}
                      question={t("registry.licence.deleteQuestion")}
                      onConfirm={() => remove.mutateAsync(l.id)}
                      isPending={remove.isPending}
                    />
                  </Group>
                )}
              </Group>
              <Text size="sm">
                {t("registry.licence.validRange", {
                  from: formatDate(l.validFrom, i18n.language),
                  to: formatDate(l.validTo, i18n.language),
                })}
              </Text>
              <Text size="sm">
                {t("registry.licence.issuedBy", { issuer: l.issuer })} ·{" "}
                {t("registry.licence.maxChildrenCount", { count: l.maxChildren })}
              </Text>
              {l.conditions && (
                <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                  {t("registry.licence.conditions")}: {l.conditions}
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </Stack>
      <FormDialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? t("registry.licence.add") : t("registry.licence.edit")}
      >
        {editing !== null && (
          <LicenceForm
            orgSlug={orgSlug}
            caregiverId={detail.id}
            licence={editing === "new" ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
      </FormDialog>
    </Section>
  );
}

interface FormProps {
  orgSlug: string;
  caregiverId: string;
  licence: Licence | null;
  onDone: () => void;
}

function LicenceForm({ orgSlug, caregiverId, licence, onDone }: FormProps) {
  const { t } = useTranslation();
  const defaultMax = useDefaultMaxChildren(orgSlug);
  const [alert, setAlert] = useState<string | null>(null);
  const validateBody = useSchemaValidation(licenceInput);
  const form = useForm<LicenceFormValues>({
    initialValues: licence ? licenceToForm(licence) : emptyLicence,
    validate: (values) => validateBody(formToLicenceInput(values)),
  });
  const base = `${orgApi(orgSlug)}/caregivers/${caregiverId}/licences`;
  const save = useSaveMutation({
    mutationFn: (body: ReturnType<typeof formToLicenceInput>) =>
      licence ? put<CaregiverDetail>(`${base}/${licence.id}`, body) : post<CaregiverDetail>(base, body),
    successMessage: t("registry.licence.saved"),
    invalidate: [caregiverKeys.all(orgSlug)],
    onSuccess: onDone,
    onError: (error) => setAlert(applyApiErrors(error, form.setFieldError, "licence.")),
  });
  const submit = form.onSubmit(
    (values) => {
      setAlert(null);
      save.mutate(formToLicenceInput(values));
    },
    () => {
      setAlert(t("errors.validation"));
      focusFirstError();
    },
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <LicenceFields form={form} prefix="" defaultMax={defaultMax} />
        <FormAlert message={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="licence-submit">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
