import { Alert, Anchor, Button, PasswordInput, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconCircleCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { passwordResetConfirmBody } from "../../../../contracts/identity";
import { ApiError, post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { AuthCard } from "../components/auth-card";
import { usePasswordRepeatValidation } from "../components/password-repeat";

const formSchema = passwordResetConfirmBody.omit({ token: true });

/** /passwort-neu/:token: the new password, typed twice, from the link in the reset mail. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm({
    initialValues: { password: "", passwordRepeat: "" },
    validate: usePasswordRepeatValidation(formSchema, "password", "passwordRepeat"),
  });
  const confirm = useMutation({
    mutationFn: (values: typeof form.values) =>
      post("/api/auth/password-reset/confirm", { token, password: values.password }),
    onMutate: () => setFormError(null),
    onSuccess: () => notifySuccess(t("identity.resetPassword.success")),
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  const isLinkInvalid = confirm.error instanceof ApiError && confirm.error.code === "tokenInvalid";

  if (confirm.isSuccess) {
    return (
      <AuthCard title={t("identity.resetPassword.doneTitle")}>
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status">
          {t("identity.resetPassword.success")}
        </Alert>
        <Button component={Link} to="/anmelden" w="fit-content">
          {t("identity.resetPassword.toSignIn")}
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t("identity.resetPassword.title")} description={t("identity.resetPassword.intro")}>
      <form onSubmit={form.onSubmit((values) => confirm.mutate(values), onInvalid)} noValidate>
        <Stack gap="md">
          <FormAlert message={formError} />
          {isLinkInvalid && (
            <Anchor component={Link} to="/passwort-vergessen">
              {t("identity.resetPassword.requestNew")}
            </Anchor>
          )}
          <PasswordInput
            label={t("identity.fields.newPassword")}
            description={t("identity.passwordHint")}
            autoComplete="new-password"
            required
            withAsterisk={false}
            {...form.getInputProps("password")}
          />
          <PasswordInput
            label={t("identity.fields.newPasswordRepeat")}
            autoComplete="new-password"
            required
            withAsterisk={false}
            {...form.getInputProps("passwordRepeat")}
          />
          <Button type="submit" loading={confirm.isPending} fullWidth>
            {t("identity.resetPassword.submit")}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
