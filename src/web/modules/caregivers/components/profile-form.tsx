import { Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { caregiverInput, myProfileInput } from "../../../../contracts/caregivers";
import { put } from "../../../app/api";
import { applyApiErrors } from "../../../components/form-errors";
import { useSchemaValidation } from "../../../components/zod-form";
import { type CaregiverDetail, caregiverKeys } from "../api";
import { orgApi } from "../format";
import { useSaveMutation } from "../mutation";
import {
  CaregiverFields,
  type CaregiverFormValues,
  caregiverToForm,
  emptyNumberErrors,
  formToCaregiverInput,
} from "./caregiver-fields";
import { FormAlert, focusFirstError } from "./form-alert";

interface Props {
  orgSlug: string;
  detail: CaregiverDetail;
  /** The day-care person edits her own record (my-profile), without the status. */
  isOwnProfile?: boolean;
  onDone: () => void;
}

function toBody(values: CaregiverFormValues, isOwnProfile: boolean) {
  const body = formToCaregiverInput(values);
  if (!isOwnProfile) return body;
  const { status: _status, ...own } = body;
  return own;
}

/** The person's profile fields, saved with PUT to the registry entry or to her own profile. */
export function ProfileForm({ orgSlug, detail, isOwnProfile = false, onDone }: Props) {
  const { t } = useTranslation();
  const [alert, setAlert] = useState<string | null>(null);
  const validateBody = useSchemaValidation(isOwnProfile ? myProfileInput : caregiverInput);
  const form = useForm<CaregiverFormValues>({
    initialValues: caregiverToForm(detail),
    validate: (values) => ({
      ...validateBody(toBody(values, isOwnProfile)),
      ...emptyNumberErrors(
        { ageMinMonths: values.ageMinMonths, ageMaxMonths: values.ageMaxMonths },
        "",
        t("validation.required"),
      ),
    }),
  });
  const url = isOwnProfile ? `${orgApi(orgSlug)}/my-profile` : `${orgApi(orgSlug)}/caregivers/${detail.id}`;
  const save = useSaveMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => put<CaregiverDetail>(url, body),
    successMessage: t("common.saved"),
    invalidate: [caregiverKeys.all(orgSlug)],
    onSuccess: onDone,
    onError: (error) => setAlert(applyApiErrors(error, form.setFieldError, "caregiver.")),
  });
  const submit = form.onSubmit(
    (values) => {
      setAlert(null);
      save.mutate(toBody(values, isOwnProfile));
    },
    () => {
      setAlert(t("errors.validation"));
      focusFirstError();
    },
  );
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <CaregiverFields
          form={form}
          prefix=""
          values={form.getValues()}
          isOwnProfile={isOwnProfile}
          addressNote={
            detail.locationPrecision === "manual" ? t("registry.location.addressChangeNote") : undefined
          }
        />
        <FormAlert message={alert} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t("common.cancel")}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="profile-submit">
            {t("common.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
