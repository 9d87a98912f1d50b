import { Alert, Button, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { type ConfirmationInfo, confirmWithPasswordBody } from "../../../../contracts/placement";
import { post } from "../../../app/api";
import { useResetSession, useSession } from "../../../app/session";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { GuestLinkPage } from "../../../components/guest-link";
import { Loading } from "../../../components/loading";
import { notifySuccess, useFormError } from "../../../components/notify";
import { PageHeader } from "../../../components/page-header";
import { useSchemaValidation } from "../../../components/zod-form";
import { useConfirmation } from "../api";
import { orgPath } from "../format";

const passwordSchema = confirmWithPasswordBody.omit({ token: true });

interface Confirmed {
  organisationSlug: string;
  requestId: string;
}

/** An address without an account: choosing a password confirms the request and sets up the parent access. */
function NewAccountForm({
  token,
  info,
  onConfirmed,
}: {
  token: string;
  info: ConfirmationInfo;
  onConfirmed: (result: Confirmed) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const validateSchema = useSchemaValidation(passwordSchema);
  const form = useForm({
    initialValues: { password: "", passwordRepeat: "" },
    validate: (values) => {
      const errors = validateSchema(values);
      if (values.password !== values.passwordRepeat)
        errors.passwordRepeat = t("placement.confirm.passwordMismatch");
      return errors;
    },
  });
  const confirm = useMutation({
    mutationFn: (values: typeof form.values) =>
      post<Confirmed>("/api/placement-confirmations", { token, password: values.password }),
    onMutate: () => setFormError(null),
    onSuccess: onConfirmed,
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => confirm.mutate(values), onInvalid)} noValidate>
      <Stack gap="md">
        <Text>{t("placement.confirm.newAccountIntro")}</Text>
        <FormAlert message={formError} />
        <TextInput label={t("placement.confirm.email")} value={info.email} readOnly variant="filled" />
        <PasswordInput
          label={t("placement.confirm.choosePassword")}
          description={t("placement.confirm.passwordHint")}
          autoComplete="new-password"
          required
          withAsterisk={false}
          {...form.getInputProps("password")}
        />
        <PasswordInput
          label={t("placement.confirm.passwordRepeat")}
          autoComplete="new-password"
          required
          withAsterisk={false}
          {...form.getInputProps("passwordRepeat")}
        />
        <Button type="submit" loading={confirm.isPending} fullWidth data-testid="confirm-submit">
          {t("placement.confirm.submitNew")}
        </Button>
      </Stack>
    </form>
  );
}

/**
 * An address that has an account: sign in with it (coming back here afterwards), then attach the request.
 * Signed in as someone else, the page says so instead of offering to attach.
 */
function ExistingAccount({
  token,
  info,
  onConfirmed,
}: {
  token: string;
  info: ConfirmationInfo;
  onConfirmed: (result: Confirmed) => Promise<void>;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const reset = useResetSession();
  const [error, setError] = useState<string | null>(null);
  const attach = useMutation({
    mutationFn: () => post<Confirmed>(`/api/placement-confirmations/${encodeURIComponent(token)}/attach`),
    onMutate: () => setError(null),
    onSuccess: onConfirmed,
    onError: (e) => setError(applyApiErrors(e, () => undefined)),
  });
  if (session.isPending) return <Loading />;
  const user = session.data?.user && !session.data.isMfaPending ? session.data.user : null;
  if (!user) {
    return (
      <Stack gap="md">
        <Text>{t("placement.confirm.hasAccountIntro", { email: info.email })}</Text>
        <Button
          component={Link}
          to={`/anmelden?weiter=${encodeURIComponent(location.pathname)}`}
          fullWidth
          data-testid="confirm-sign-in"
        >
          {t("placement.confirm.signIn")}
        </Button>
      </Stack>
    );
  }
  if (user.email.toLowerCase() !== info.email.toLowerCase()) {
    const signOut = async () => {
      await post("/api/auth/logout").catch(() => undefined);
      await reset();
    };
    return (
      <Stack gap="md">
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden="true" />} role="status">
          <Text c="var(--mantine-color-text)" size="sm">
            {t("placement.confirm.otherAccount", { email: info.email, current: user.email })}
          </Text>
        </Alert>
        <Button variant="default" onClick={() => void signOut()} fullWidth>
          {t("placement.confirm.signOut")}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text>{t("placement.confirm.attachIntro", { name: user.name })}</Text>
      <FormAlert message={error} />
      <Button
        onClick={() => attach.mutate()}
        loading={attach.isPending}
        fullWidth
        data-testid="confirm-attach"
      >
        {t("placement.confirm.attach")}
      </Button>
    </Stack>
  );
}

/** /anfrage/bestaetigen/:token: the e-mailed link; confirms the request with a new or an existing account. */
export function ConfirmPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const info = useConfirmation(token);
  const reset = useResetSession();
  const navigate = useNavigate();
  const [isDone, setDone] = useState(false);

  const onConfirmed = async (result: Confirmed) => {
    setDone(true);
    notifySuccess(t("placement.confirm.confirmed"));
    await reset();
    navigate(orgPath(result.organisationSlug, `anfragen/${result.requestId}`), { replace: true });
  };

  if (isDone) return <Loading />;
  return (
    <GuestLinkPage result={info} size={460}>
      {(data) => (
        <Stack gap="md">
          <PageHeader
            title={t("placement.confirm.title")}
            description={t("placement.confirm.intro", {
              child: data.childFirstName,
              organisation: data.organisationName,
            })}
          />
          {data.hasAccount ? (
            <ExistingAccount token={token} info={data} onConfirmed={onConfirmed} />
          ) : (
            <NewAccountForm token={token} info={data} onConfirmed={onConfirmed} />
          )}
        </Stack>
      )}
    </GuestLinkPage>
  );
}
