import { Button, Group, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { changePasswordBody } from "../../../../contracts/identity";
import { ApiError, post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { Section } from "../../../components/section";
import { usePasswordRepeatValidation } from "./password-repeat";

const emptyValues = { currentPassword: "", newPassword: "", newPasswordRepeat: "" };

/** Change the password; the server signs out the account's other devices. */
export function PasswordSection() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm({
    initialValues: emptyValues,
    validate: usePasswordRepeatValidation(changePasswordBody, "newPassword", "newPasswordRepeat"),
  });
  const change = useMutation({
    mutationFn: (values: typeof emptyValues) =>
      post("/api/account/password", {
        currentPassword: values.currentPassword,
        newPassword: values.newPassword,
      }),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      form.setValues(emptyValues);
      notifySuccess(t("identity.account.passwordChanged"));
      await client.invalidateQueries({ queryKey: ["account", "sessions"] });
    },
    onError: (error) => {
      const message = applyApiErrors(error, form.setFieldError);
      if (error instanceof ApiError && error.code === "invalidCredentials") {
        form.setFieldError("currentPassword", t("identity.account.currentPasswordWrong"));
      }
      setFormError(message);
    },
  });
  return (
    <Section
      id="passwort"
      title={t("identity.account.passwordTitle")}
      intro={t("identity.account.passwordIntro")}
    >
      <form onSubmit={form.onSubmit((values) => change.mutate(values), onInvalid)} noValidate>
        <Stack gap="md" maw={480}>
          <FormAlert message={formError} />
          <PasswordInput
            label={t("identity.fields.currentPassword")}
            autoComplete="current-password"
            required
            withAsterisk={false}
            {...form.getInputProps("currentPassword")}
          />
          <PasswordInput
            label={t("identity.fields.newPassword")}
            description={t("identity.passwordHint")}
            autoComplete="new-password"
            required
            withAsterisk={false}
            {...form.getInputProps("newPassword")}
          />
          <PasswordInput
            label={t("identity.fields.newPasswordRepeat")}
            autoComplete="new-password"
            required
            withAsterisk={false}
            {...form.getInputProps("newPasswordRepeat")}
          />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t("identity.account.changePassword")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
