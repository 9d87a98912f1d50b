import { Button, NumberInput, Stack, Switch, Text } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { type SettingsInput, settingsInput } from "../../../../contracts/substitution";
import { put } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { useSchemaValidation } from "../../../components/zod-form";
import { refreshSubstitution, substitutionApi, useSubstitutionSettings } from "../api";

function SettingsForm({ slug, settings }: { slug: string; settings: SettingsInput }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<SettingsInput>({
    initialValues: settings,
    validate: useSchemaValidation<SettingsInput>(settingsInput),
  });
  const save = useMutation({
    mutationFn: (values: SettingsInput) => put<SettingsInput>(`${substitutionApi(slug)}/settings`, values),
    onSuccess: async () => {
      await refreshSubstitution(client, slug);
      notifySuccess(t("substitution.settings.saved"));
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      }, onInvalid)}
      noValidate
      data-testid="substitution-settings-form"
    >
      <Stack gap="md" maw={520}>
        <FormAlert message={formError} />
        <NumberInput
          label={t("substitution.settings.familiarityVisits")}
          description={t("substitution.settings.familiarityVisitsHint")}
          min={1}
          max={20}
          allowDecimal={false}
          maw={260}
          {...form.getInputProps("familiarityVisits")}
        />
        <NumberInput
          label={t("substitution.settings.maxDistanceKm")}
          description={t("substitution.settings.maxDistanceKmHint")}
          min={1}
          max={100}
          allowDecimal={false}
          maw={260}
          {...form.getInputProps("maxDistanceKm")}
        />
        <Switch
          label={t("substitution.settings.tandemsMayConfirm")}
          {...form.getInputProps("tandemsMayConfirm", { type: "checkbox" })}
        />
        <Button
          type="submit"
          loading={save.isPending}
          w="fit-content"
          data-testid="substitution-settings-save"
        >
          {t("substitution.settings.save")}
        </Button>
      </Stack>
    </form>
  );
}

/** How proposals are made and who may confirm them. */
export function SettingsTab({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const settings = useSubstitutionSettings(slug);
  return (
    <Stack gap="md">
      <Text c="dimmed" size="sm">
        {t("substitution.settings.intro")}
      </Text>
      <QueryState query={settings}>{(data) => <SettingsForm slug={slug} settings={data} />}</QueryState>
    </Stack>
  );
}
