import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { loginBody, mfaBody } from "../../../../contracts/identity";
import { post } from "../../../app/api";
import { useResetSession, useSession } from "../../../app/session";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { Loading } from "../../../components/loading";
import { notifySuccess, useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import { type LoginResponse, safeTarget } from "../api";
import { AuthCard } from "../components/auth-card";

function PasswordStep({
  onMfaRequired,
  onSignedIn,
}: {
  onMfaRequired: () => void;
  onSignedIn: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: useSchemaValidation(loginBody),
  });
  const login = useMutation({
    mutationFn: (values: typeof form.values) => post<LoginResponse>("/api/auth/login", values),
    onMutate: () => setFormError(null),
    onSuccess: async (result) => {
      if (result.status === "mfaRequired") {
        onMfaRequired();
        return;
      }
      notifySuccess(t("identity.signIn.success"));
      await onSignedIn();
    },
    onError: (error) => {
      form.setFieldValue("password", "");
      setFormError(applyApiErrors(error, form.setFieldError));
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => login.mutate(values), onInvalid)} noValidate>
      <Stack gap="md">
        <FormAlert message={formError} />
        <TextInput
          label={t("identity.fields.email")}
          type="email"
          autoComplete="username"
          required
          withAsterisk={false}
          {...form.getInputProps("email")}
        />
        <PasswordInput
          label={t("identity.fields.password")}
          autoComplete="current-password"
          required
          withAsterisk={false}
          {...form.getInputProps("password")}
        />
        <Button type="submit" loading={login.isPending} fullWidth>
          {t("identity.signIn.submit")}
        </Button>
        <Anchor component={Link} to="/passwort-vergessen" size="sm">
          {t("identity.signIn.forgotPassword")}
        </Anchor>
      </Stack>
    </form>
  );
}

function CodeStep({ onSignedIn, onCancel }: { onSignedIn: () => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm({ initialValues: { code: "" }, validate: useSchemaValidation(mfaBody) });
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => codeInput.current?.focus(), []);
  const verify = useMutation({
    mutationFn: (values: typeof form.values) => post("/api/auth/mfa", { code: values.code.trim() }),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      notifySuccess(t("identity.signIn.success"));
      await onSignedIn();
    },
    onError: (error) => {
      const message = applyApiErrors(error, form.setFieldError);
      form.setFieldError("code", message);
      setFormError(message);
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => verify.mutate(values), onInvalid)} noValidate>
      <Stack gap="md">
        <Text>{t("identity.signIn.codeIntro")}</Text>
        <FormAlert message={formError} />
        <TextInput
          label={t("identity.fields.code")}
          description={t("identity.signIn.codeHint")}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          required
          withAsterisk={false}
          ref={codeInput}
          {...form.getInputProps("code")}
        />
        <Button type="submit" loading={verify.isPending} fullWidth>
          {t("identity.signIn.verify")}
        </Button>
        <Group>
          <Button variant="subtle" onClick={onCancel} px={0}>
            {t("identity.signIn.otherAccount")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** /anmelden: e-mail and password, then the two-factor code where the account has one. */
export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const target = safeTarget(params.get("weiter"));
  const session = useSession();
  const reset = useResetSession();
  const navigate = useNavigate();
  const [step, setStep] = useState<"password" | "code" | "done">("password");

  const finish = async () => {
    setStep("done");
    await reset();
    navigate(target, { replace: true });
  };
  const cancelCode = async () => {
    await post("/api/auth/logout").catch(() => undefined);
    await reset();
    setStep("password");
  };

  if (session.isPending || step === "done") return <Loading />;
  const isCodeStep = step === "code" || Boolean(session.data?.isMfaPending);
  if (session.data?.user && !session.data.isMfaPending) return <Navigate to={target} replace />;

  return (
    <AuthCard
      title={isCodeStep ? t("identity.signIn.codeTitle") : t("identity.signIn.title")}
      description={isCodeStep ? undefined : t("identity.signIn.intro")}
    >
      {isCodeStep ? (
        <CodeStep onSignedIn={finish} onCancel={() => void cancelCode()} />
      ) : (
        <PasswordStep onMfaRequired={() => setStep("code")} onSignedIn={finish} />
      )}
    </AuthCard>
  );
}
