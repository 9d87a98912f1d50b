import { Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { createCaregiverBody } from "../../../../contracts/caregivers";
import { post } from "../../../app/api";
import { applyApiErrors } from "../../../components/form-errors";
import { useSchemaValidation } from "../../../components/zod-form";
import { type CaregiverDetail, caregiverKeys, useDefaultMaxChildren } from "../api";
import { CapacityEditor, capacityErrors, rowsToSlots, type SlotRow } from "../components/capacity-editor";
import {
  CaregiverFields,
  type CaregiverFormValues,
  emptyCaregiver,
  emptyNumberErrors,
  formToCaregiverInput,
} from "../components/caregiver-fields";
import { FormAlert, focusFirstError } from "../components/form-alert";
import {
  emptyLicence,
  formToLicenceInput,
  isLicenceEmpty,
  LicenceFields,
  type LicenceFormValues,
} from "../components/licence-fields";
import { PageHeader, Section } from "../components/page";
import { orgApi, orgPath, today } from "../format";
import { useSaveMutation } from "../mutation";

interface NewCaregiverValues {
  caregiver: CaregiverFormValues;
  licence: LicenceFormValues;
  capacity: { effectiveFrom: string; slots: SlotRow[] };
}

function toBody(values: NewCaregiverValues) {
  return {
    caregiver: formToCaregiverInput(values.caregiver),
    licence: isLicenceEmpty(values.licence) ? null : formToLicenceInput(values.licence),
    capacity:
      values.capacity.slots.length === 0
        ? null
        : { effectiveFrom: values.capacity.effectiveFrom, slots: rowsToSlots(values.capacity.slots) },
  };
}

/** "tagespflegepersonen/neu": person, licence and weekly capacity in one form. */
export function CaregiverNewPage() {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const navigate = useNavigate();
  const defaultMax = useDefaultMaxChildren(orgSlug);
  const validateBody = useSchemaValidation(createCaregiverBody);
  const [alert, setAlert] = useState<string | null>(null);

  const maxFor = (values: NewCaregiverValues) =>
    typeof values.licence.maxChildren === "number" ? values.licence.maxChildren : defaultMax;

  const form = useForm<NewCaregiverValues>({
    initialValues: {
      caregiver: emptyCaregiver,
      licence: emptyLicence,
      capacity: { effectiveFrom: today(), slots: [] },
    },
    validate: (values) => ({
      ...validateBody(toBody(values)),
      ...emptyNumberErrors(
        { ageMinMonths: values.caregiver.ageMinMonths, ageMaxMonths: values.caregiver.ageMaxMonths },
        "caregiver.",
        t("validation.required"),
      ),
      ...capacityErrors(values.capacity.slots, maxFor(values), "capacity.", t),
    }),
  });

  const create = useSaveMutation({
    mutationFn: (body: ReturnType<typeof toBody>) =>
      post<CaregiverDetail>(`${orgApi(orgSlug)}/caregivers`, body),
    successMessage: t("registry.new.created"),
    invalidate: [caregiverKeys.all(orgSlug)],
    onSuccess: (created) => navigate(orgPath(orgSlug, `tagespflegepersonen/${created.id}`)),
    onError: (error) => setAlert(applyApiErrors(error, form.setFieldError)),
  });

  const submit = form.onSubmit(
    (values) => {
      setAlert(null);
      create.mutate(toBody(values));
    },
    () => {
      setAlert(t("errors.validation"));
      focusFirstError();
    },
  );

  const values = form.getValues();
  return (
    <Stack gap="lg" maw={960}>
      <PageHeader
        title={t("registry.new.title")}
        back={{ to: orgPath(orgSlug, "tagespflegepersonen"), label: t("registry.list.title") }}
        description={t("registry.new.intro")}
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Section title={t("registry.new.sectionPerson")}>
            <CaregiverFields form={form} prefix="caregiver." values={values.caregiver} />
          </Section>
          <Section title={t("registry.new.sectionLicence")}>
            <Text size="sm" c="dimmed">
              {t("registry.new.licenceOptional")}
            </Text>
            <LicenceFields form={form} prefix="licence." defaultMax={defaultMax} isOptional />
          </Section>
          <Section title={t("registry.new.sectionCapacity")}>
            <Text size="sm" c="dimmed">
              {t("registry.capacity.intro")}
            </Text>
            <TextInput
              type="date"
              label={t("registry.capacity.effectiveFrom")}
              maw={260}
              {...form.getInputProps("capacity.effectiveFrom")}
            />
            <CapacityEditor
              form={form}
              prefix="capacity."
              rows={values.capacity.slots}
              maxChildren={maxFor(values)}
            />
          </Section>
          <FormAlert message={alert} />
          <Group>
            <Button type="submit" loading={create.isPending} data-testid="caregiver-submit">
              {t("registry.new.submit")}
            </Button>
            <Button variant="default" onClick={() => navigate(orgPath(orgSlug, "tagespflegepersonen"))}>
              {t("common.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
