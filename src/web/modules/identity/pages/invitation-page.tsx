import { Alert, Badge, Button, Group, PasswordInput, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import type { z } from "zod";
import { acceptInvitationBody, type acceptInvitationResponse } from "../../../../contracts/identity";
import { ApiError, post } from "../../../app/api";
import { useResetSession, useSession } from "../../../app/session";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { Loading } from "../../../components/loading";
import { notifySuccess, useFormError } from "../../../components/notify";
import { type InvitationInfo, useInvitation } from "../api";
import { AuthCard } from "../components/auth-card";
import { usePasswordRepeatValidation } from "../components/password-repeat";

const formSchema = acceptInvitationBody.omit({ token: true });
type AcceptResponse = z.infer<typeof acceptInvitationResponse>;

function RoleList({ invitation }: { invitation: InvitationInfo }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t("identity.invitation.roles")}
      </Text>
      <Group gap="xs">
        {invitation.roles.map((role) => (
          <Badge key={role} variant="light" size="lg" tt="none">
            {t(`roles.${role}`)}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

/** A new person: name and password, which creates the account, joins and signs in at once. */
function NewAccountForm({
  token,
  invitation,
  onJoined,
}: {
  token: string;
  invitation: InvitationInfo;
  onJoined: (slug: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm({
    initialValues: { name: "", password: "", passwordRepeat: "" },
    validate: usePasswordRepeatValidation(formSchema, "password", "passwordRepeat"),
  });
  const accept = useMutation({
    mutationFn: (values: typeof form.values) =>
      post<AcceptResponse>("/api/invitations/accept", {
        token,
        name: values.name.trim(),
        password: values.password,
      }),
    onMutate: () => setFormError(null),
    onSuccess: async (result) => {
      notifySuccess(t("identity.invitation.joined", { organisation: invitation.organisationName }));
      await onJoined(result.organisationSlug);
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => accept.mutate(values), onInvalid)} noValidate>
      <Stack gap="md">
        <Text>{t("identity.invitation.newAccountIntro")}</Text>
        <FormAlert message={formError} />
        <TextInput label={t("identity.fields.email")} value={invitation.email} readOnly variant="filled" />
        <TextInput
          label={t("identity.fields.name")}
          autoComplete="name"
          required
          withAsterisk={false}
          {...form.getInputProps("name")}
        />
        <PasswordInput
          label={t("identity.fields.choosePassword")}
          description={t("identity.passwordHint")}
          autoComplete="new-password"
          required
          withAsterisk={false}
          {...form.getInputProps("password")}
        />
        <PasswordInput
          label={t("identity.fields.passwordRepeat")}
          autoComplete="new-password"
          required
          withAsterisk={false}
          {...form.getInputProps("passwordRepeat")}
        />
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t("identity.invitation.acceptNew")}
        </Button>
      </Stack>
    </form>
  );
}

/** An existing account: sign in first (with this address), then join with one click. */
function ExistingAccountJoin({
  token,
  invitation,
  onJoined,
}: {
  token: string;
  invitation: InvitationInfo;
  onJoined: (slug: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const reset = useResetSession();
  const [error, setError] = useState<string | null>(null);
  const join = useMutation({
    mutationFn: () =>
      post<{ organisationSlug: string }>(`/api/invitations/${encodeURIComponent(token)}/join`),
    onMutate: () => setError(null),
    onSuccess: async (result) => {
      notifySuccess(t("identity.invitation.joined", { organisation: invitation.organisationName }));
      await onJoined(result.organisationSlug);
    },
    onError: (e) => setError(applyApiErrors(e, () => undefined)),
  });
  const signInLink = `/anmelden?weiter=${encodeURIComponent(location.pathname)}`;
  if (session.isPending) return <Loading />;
  const user = session.data?.user && !session.data.isMfaPending ? session.data.user : null;

  if (!user) {
    return (
      <Stack gap="md">
        <Text>{t("identity.invitation.signInFirst", { email: invitation.email })}</Text>
        <Button component={Link} to={signInLink} fullWidth data-testid="invitation-sign-in">
          {t("identity.invitation.signInToAccept")}
        </Button>
      </Stack>
    );
  }
  if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
    const signOut = async () => {
      await post("/api/auth/logout").catch(() => undefined);
      await reset();
    };
    return (
      <Stack gap="md">
        <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} role="status">
          {t("identity.invitation.otherAccount", { email: invitation.email, current: user.email })}
        </Alert>
        <Button variant="default" onClick={() => void signOut()} fullWidth>
          {t("identity.invitation.signOutToSwitch")}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text>{t("identity.invitation.readyToJoin", { name: user.name })}</Text>
      <FormAlert message={error} />
      <Button onClick={() => join.mutate()} loading={join.isPending} fullWidth data-testid="invitation-join">
        {t("identity.invitation.join")}
      </Button>
    </Stack>
  );
}

/** /einladung/:token: what the invitation is for, then joining with a new or an existing account. */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const invitation = useInvitation(token);
  const reset = useResetSession();
  const navigate = useNavigate();
  const [isJoined, setJoined] = useState(false);

  const onJoined = async (slug: string) => {
    setJoined(true);
    await reset();
    navigate(`/app/${slug}`, { replace: true });
  };

  if (invitation.isPending || isJoined) return <Loading />;
  if (invitation.isError) {
    const code = invitation.error instanceof ApiError ? invitation.error.code : null;
    const isInvalid = invitation.error instanceof ApiError && invitation.error.status < 500;
    // A withdrawn or replaced link says so: the person then knows to ask again or to look for the newer mail.
    const { title, text } =
      code === "invitationWithdrawn"
        ? { title: t("identity.invitation.withdrawnTitle"), text: t("errors.invitationWithdrawn") }
        : code === "invitationReplaced"
          ? { title: t("identity.invitation.replacedTitle"), text: t("errors.invitationReplaced") }
          : {
              title: t("identity.invitation.invalidTitle"),
              text: isInvalid ? t("identity.invitation.invalidText") : t("errors.internal"),
            };
    return (
      <AuthCard title={title}>
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden />}
          role="alert"
          data-testid="invitation-invalid"
          data-reason={code ?? undefined}
        >
          {text}
        </Alert>
        {!isInvalid && (
          <Button variant="default" onClick={() => void invitation.refetch()} w="fit-content">
            {t("common.retry")}
          </Button>
        )}
        <Button component={Link} to="/" variant="subtle" w="fit-content" px={0}>
          {t("common.home")}
        </Button>
      </AuthCard>
    );
  }
  const info = invitation.data;
  return (
    <AuthCard
      title={t("identity.invitation.title")}
      description={t("identity.invitation.intro", { email: info.email })}
    >
      <Stack gap="sm" data-testid="invitation-details">
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {t("identity.invitation.organisation")}
          </Text>
          <Text fw={700} size="lg" data-testid="invitation-organisation">
            {info.organisationName}
          </Text>
        </Stack>
        <RoleList invitation={info} />
      </Stack>
      {info.hasAccount ? (
        <ExistingAccountJoin token={token} invitation={info} onJoined={onJoined} />
      ) : (
        <NewAccountForm token={token} invitation={info} onJoined={onJoined} />
      )}
    </AuthCard>
  );
}
