import { Alert, Anchor, Button, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconMailCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { passwordResetRequestBody } from "../../../../contracts/identity";
import { post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import { AuthCard } from "../components/auth-card";

/** /passwort-vergessen: asks for a reset link; answers the same whether or not the address is known. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm({
    initialValues: { email: "" },
    validate: useSchemaValidation(passwordResetRequestBody),
  });
  const request = useMutation({
    mutationFn: (values: typeof form.values) => post("/api/auth/password-reset", values),
    onMutate: () => setFormError(null),
    onSuccess: () => notifySuccess(t("identity.forgotPassword.sentShort")),
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });

  return (
    <AuthCard title={t("identity.forgotPassword.title")} description={t("identity.forgotPassword.intro")}>
      {request.isSuccess ? (
        <Alert
          color="green"
          icon={<IconMailCheck aria-hidden />}
          role="status"
          data-testid="password-reset-sent"
        >
          {t("identity.forgotPassword.sent", { email: request.variables.email })}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((values) => request.mutate(values), onInvalid)} noValidate>
          <Stack gap="md">
            <FormAlert message={formError} />
            <TextInput
              label={t("identity.fields.email")}
              type="email"
              autoComplete="email"
              required
              withAsterisk={false}
              {...form.getInputProps("email")}
            />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t("identity.forgotPassword.submit")}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/anmelden" size="sm">
        {t("identity.backToSignIn")}
      </Anchor>
    </AuthCard>
  );
}
