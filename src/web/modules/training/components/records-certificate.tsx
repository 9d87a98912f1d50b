import { Badge, Button, Group, Modal, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconDownload } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import {
  type CertificateDto,
  type ReissueBody,
  type RevokeBody,
  reissueBody,
  revokeBody,
} from "../../../../contracts/training-records";
import { post } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import { recordsApi, refreshRecords } from "../records-api";
import { certificateStateBadge, useRecordsFormat } from "./records-format";

/** The state of a certificate today as a badge: "Gültig", "Läuft bald ab", "Abgelaufen" … */
export function CertificateStateBadge({ state }: { state: CertificateDto["state"] }) {
  const { t } = useTranslation();
  return (
    <Badge {...certificateStateBadge(state)} tt="none" data-testid="certificate-state">
      {t(`trainingRecords.certificateStates.${state}`)}
    </Badge>
  );
}

/** "PDF herunterladen" as a plain link: the browser saves the file the server sends with the session cookie. */
export function CertificatePdfLink({ href, title }: { href: string; title: string }) {
  const { t } = useTranslation();
  return (
    <Button
      component="a"
      href={href}
      download
      variant="default"
      leftSection={<IconDownload size={16} aria-hidden="true" />}
      aria-label={t("trainingRecords.web.certificate.downloadFor", { title })}
      data-testid="certificate-pdf"
    >
      {t("trainingRecords.web.certificate.download")}
    </Button>
  );
}

/** Code, dates and state of an issued certificate, in a short definition list. */
export function CertificateFacts({ certificate }: { certificate: Omit<CertificateDto, "participantId"> }) {
  const { t } = useTranslation();
  const format = useRecordsFormat();
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <CertificateStateBadge state={certificate.state} />
        <Text size="sm">
          {certificate.validUntil
            ? t("trainingRecords.web.certificate.validUntil", { date: format.day(certificate.validUntil) })
            : t("trainingRecords.web.certificate.noExpiry")}
        </Text>
      </Group>
      <Text size="sm">
        {t("trainingRecords.web.certificate.code")}{" "}
        <Text component="span" ff="monospace" fw={600} data-testid="certificate-code">
          {certificate.verificationCode}
        </Text>
      </Text>
    </Stack>
  );
}

/**
 * Re-issue with a corrected name: a new certificate with a new code; the old one no longer verifies, so a
 * printed copy with the wrong name cannot be passed off.
 */
export function ReissueButton({ slug, certificate }: { slug: string; certificate: CertificateDto }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<ReissueBody>({
    initialValues: { participantName: certificate.participantName },
    validate: useSchemaValidation<ReissueBody>(reissueBody),
  });
  const reissue = useMutation({
    mutationFn: (body: ReissueBody) => post<CertificateDto>(recordsApi.reissue(slug, certificate.id), body),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      await refreshRecords(client, slug);
      notifySuccess(t("trainingRecords.web.certificate.reissued"));
      close();
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <>
      <Button
        variant="default"
        onClick={() => {
          form.reset();
          open();
        }}
        aria-label={t("trainingRecords.web.certificate.reissueFor", { name: certificate.participantName })}
        data-testid="certificate-reissue"
      >
        {t("trainingRecords.web.certificate.reissue")}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t("trainingRecords.web.certificate.reissueTitle")}
        centered
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <form onSubmit={form.onSubmit((values) => reissue.mutate(values), onInvalid)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t("trainingRecords.web.certificate.reissueText")}</Text>
            <FormAlert message={formError} />
            <TextInput
              label={t("trainingRecords.web.certificate.name")}
              required
              withAsterisk={false}
              maxLength={160}
              data-autofocus
              data-testid="certificate-reissue-name"
              {...form.getInputProps("participantName")}
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={reissue.isPending} data-testid="certificate-reissue-confirm">
                {t("trainingRecords.web.certificate.reissueConfirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

/**
 * Withdraws a certificate issued in error (the wrong person, a course not held): it no longer counts and the
 * public check says "withdrawn". The reason goes into the audit log.
 */
export function RevokeButton({ slug, certificate }: { slug: string; certificate: CertificateDto }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<RevokeBody>({
    initialValues: { reason: "" },
    validate: useSchemaValidation<RevokeBody>(revokeBody),
  });
  const revoke = useMutation({
    mutationFn: (body: RevokeBody) => post<CertificateDto>(recordsApi.revoke(slug, certificate.id), body),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      await refreshRecords(client, slug);
      notifySuccess(t("trainingRecords.web.certificate.revoked"));
      close();
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <>
      <Button
        variant="subtle"
        c="var(--mantine-color-red-light-color)"
        onClick={() => {
          form.reset();
          open();
        }}
        aria-label={t("trainingRecords.web.certificate.revokeFor", { name: certificate.participantName })}
        data-testid="certificate-revoke"
      >
        {t("trainingRecords.web.certificate.revoke")}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t("trainingRecords.web.certificate.revokeTitle")}
        centered
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <form onSubmit={form.onSubmit((values) => revoke.mutate(values), onInvalid)} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t("trainingRecords.web.certificate.revokeText")}</Text>
            <FormAlert message={formError} />
            <Textarea
              label={t("trainingRecords.web.certificate.revokeReason")}
              required
              withAsterisk={false}
              maxLength={500}
              autosize
              minRows={2}
              data-autofocus
              {...form.getInputProps("reason")}
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                {t("common.cancel")}
              </Button>
              <Button
                type="submit"
                color="red.9"
                loading={revoke.isPending}
                data-testid="certificate-revoke-confirm"
              >
                {t("trainingRecords.web.certificate.revokeConfirm")}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
