import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle, IconShieldCheck } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { mfaDisableBody, mfaEnableBody, type SessionResponse } from "../../../../contracts/identity";
import { ApiError, post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import type { MfaSetup, RecoveryCodes } from "../api";

type User = NonNullable<SessionResponse["user"]>;

/** The secret in groups of four, easier to type into an app by hand. */
const groupSecret = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const text = `${t("identity.mfa.codesFileTitle")}\n\n${codes.join("\n")}\n`;
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = t("identity.mfa.codesFileName");
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack gap="md">
      <Alert
        color="yellow"
        icon={<IconAlertTriangle aria-hidden />}
        title={t("identity.mfa.codesTitle")}
        role="status"
      >
        {t("identity.mfa.codesIntro")}
      </Alert>
      <SimpleGrid
        cols={2}
        spacing="xs"
        component="ul"
        style={{ listStyle: "none", padding: 0, margin: 0 }}
        data-testid="recovery-codes"
      >
        {codes.map((code) => (
          <li key={code}>
            <Code fz="md">{code}</Code>
          </li>
        ))}
      </SimpleGrid>
      <Group gap="xs">
        <CopyButton value={codes.join("\n")}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t("identity.mfa.copied") : t("identity.mfa.copyCodes")}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={download}>
          {t("identity.mfa.downloadCodes")}
        </Button>
      </Group>
      <Group>
        <Button onClick={onDone} data-testid="recovery-codes-done">
          {t("identity.mfa.codesSaved")}
        </Button>
      </Group>
    </Stack>
  );
}

function SetupSteps({
  setup,
  onEnabled,
  onCancel,
}: {
  setup: MfaSetup & { qr: string };
  onEnabled: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm({ initialValues: { code: "" }, validate: useSchemaValidation(mfaEnableBody) });
  const enable = useMutation({
    mutationFn: (values: typeof form.values) =>
      post<RecoveryCodes>("/api/account/mfa/enable", { code: values.code.trim() }),
    onMutate: () => setFormError(null),
    onSuccess: (result) => {
      notifySuccess(t("identity.mfa.enabled"));
      onEnabled(result.recoveryCodes);
    },
    onError: (error) => {
      const message = applyApiErrors(error, form.setFieldError);
      if (error instanceof ApiError && error.code === "mfaInvalid") form.setFieldError("code", message);
      setFormError(message);
    },
  });
  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs">
        <List.Item>{t("identity.mfa.step1")}</List.Item>
        <List.Item>{t("identity.mfa.step2")}</List.Item>
        <List.Item>{t("identity.mfa.step3")}</List.Item>
      </List>
      <Image src={setup.qr} alt={t("identity.mfa.qrAlt")} w={200} h={200} fit="contain" />
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t("identity.mfa.secretLabel")}
        </Text>
        <Group gap="xs" align="center">
          <Code
            fz="md"
            style={{ overflowWrap: "anywhere" }}
            data-testid="mfa-secret"
            data-secret={setup.secret}
          >
            {groupSecret(setup.secret)}
          </Code>
          <CopyButton value={setup.secret}>
            {({ copied, copy }) => (
              <Button variant="default" size="xs" onClick={copy} style={{ flexShrink: 0 }}>
                {copied ? t("identity.mfa.copied") : t("identity.mfa.copy")}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
      <form onSubmit={form.onSubmit((values) => enable.mutate(values), onInvalid)} noValidate>
        <Stack gap="md" maw={320}>
          <FormAlert message={formError} />
          <TextInput
            label={t("identity.mfa.codeLabel")}
            description={t("identity.mfa.codeHint")}
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            required
            withAsterisk={false}
            {...form.getInputProps("code")}
          />
          <Group gap="xs">
            <Button type="submit" loading={enable.isPending}>
              {t("identity.mfa.enable")}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t("common.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function DisableForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm({ initialValues: { password: "" }, validate: useSchemaValidation(mfaDisableBody) });
  const disable = useMutation({
    mutationFn: (values: typeof form.values) => post("/api/account/mfa/disable", values),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      form.reset();
      notifySuccess(t("identity.mfa.disabled"));
      await client.invalidateQueries({ queryKey: ["session"] });
    },
    onError: (error) => {
      const message = applyApiErrors(error, form.setFieldError);
      if (error instanceof ApiError && error.code === "invalidCredentials") {
        form.setFieldError("password", t("identity.account.currentPasswordWrong"));
      }
      setFormError(message);
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => disable.mutate(values), onInvalid)} noValidate>
      <Stack gap="md" maw={480}>
        <Text size="sm">{t("identity.mfa.disableIntro")}</Text>
        <FormAlert message={formError} />
        <PasswordInput
          label={t("identity.fields.currentPassword")}
          autoComplete="current-password"
          required
          withAsterisk={false}
          {...form.getInputProps("password")}
        />
        <Group>
          <Button type="submit" color="red" variant="outline" loading={disable.isPending}>
            {t("identity.mfa.disable")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Two-factor sign-in: set up with an authenticator app (QR code or typed secret), or switch off. */
export function MfaSection({ user }: { user: User }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [setup, setSetup] = useState<(MfaSetup & { qr: string }) | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: async () => {
      const result = await post<MfaSetup>("/api/account/mfa/setup");
      // Loaded only here: few people set up two-factor sign-in, and then once.
      const { default: QRCode } = await import("qrcode");
      const qr = await QRCode.toDataURL(result.otpauthUrl, { width: 200, margin: 1 });
      return { ...result, qr };
    },
    onMutate: () => setStartError(null),
    onSuccess: (result) => {
      setSetup(result);
      notifySuccess(t("identity.mfa.setupStarted"));
    },
    onError: (error) => setStartError(applyApiErrors(error, () => undefined)),
  });
  const finish = async () => {
    setCodes(null);
    setSetup(null);
    await client.invalidateQueries({ queryKey: ["session"] });
  };

  let content: ReactNode;
  if (codes) {
    content = <RecoveryCodesView codes={codes} onDone={() => void finish()} />;
  } else if (user.hasMfa) {
    content = (
      <Stack gap="md">
        <Group gap="xs">
          <IconShieldCheck aria-hidden color="var(--mantine-color-green-8)" />
          <Text fw={500} data-testid="mfa-status">
            {t("identity.mfa.isOn")}
          </Text>
        </Group>
        <DisableForm />
      </Stack>
    );
  } else if (setup) {
    content = <SetupSteps setup={setup} onEnabled={setCodes} onCancel={() => setSetup(null)} />;
  } else {
    content = (
      <Stack gap="md" align="flex-start">
        <Badge color="gray" variant="light" tt="none" data-testid="mfa-status">
          {t("identity.mfa.isOff")}
        </Badge>
        <FormAlert message={startError} />
        <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="mfa-start">
          {t("identity.mfa.start")}
        </Button>
      </Stack>
    );
  }
  return (
    <Section id="zwei-faktor" title={t("identity.mfa.title")} intro={t("identity.mfa.intro")}>
      {content}
    </Section>
  );
}
