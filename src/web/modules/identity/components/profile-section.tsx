import { Button, Group, NativeSelect, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import type { Locale } from "../../../../contracts/i18n";
import { type SessionResponse, updateProfileBody } from "../../../../contracts/identity";
import { patch } from "../../../app/api";
import { applyLocale } from "../../../app/i18n";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";

type User = NonNullable<SessionResponse["user"]>;
interface ProfileValues {
  name: string;
  phone: string;
  locale: Locale;
}

const toBody = (values: ProfileValues) => ({
  name: values.name,
  phone: values.phone.trim() === "" ? null : values.phone.trim(),
  locale: values.locale,
});
// The form keeps an empty phone as ""; the contract wants null for "none".
const formSchema = z.preprocess((values) => toBody(values as ProfileValues), updateProfileBody);

/** Name, phone and language of the account; saving the language also switches the interface. */
export function ProfileSection({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<ProfileValues>({
    initialValues: { name: user.name, phone: user.phone ?? "", locale: user.locale },
    validate: useSchemaValidation(formSchema),
  });
  const save = useMutation({
    mutationFn: (values: ProfileValues) => patch("/api/account/profile", toBody(values)),
    onMutate: () => setFormError(null),
    onSuccess: async (_result, values) => {
      applyLocale(values.locale);
      form.resetDirty(values);
      // The interface has just switched language; say it in the new one.
      notifySuccess(i18n.t("identity.account.profileSaved"));
      await client.invalidateQueries({ queryKey: ["session"] });
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <Section id="profil" title={t("identity.account.profileTitle")}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values), onInvalid)} noValidate>
        <Stack gap="md" maw={480}>
          <FormAlert message={formError} />
          <TextInput label={t("identity.fields.email")} value={user.email} readOnly variant="filled" />
          <TextInput
            label={t("identity.fields.name")}
            autoComplete="name"
            required
            withAsterisk={false}
            {...form.getInputProps("name")}
          />
          <TextInput
            label={t("identity.fields.phone")}
            description={t("common.optional")}
            type="tel"
            autoComplete="tel"
            {...form.getInputProps("phone")}
          />
          <NativeSelect
            label={t("identity.fields.language")}
            data={[
              { value: "de", label: "Deutsch" },
              { value: "en", label: "English" },
            ]}
            {...form.getInputProps("locale")}
          />
          <Group>
            <Button type="submit" loading={save.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
