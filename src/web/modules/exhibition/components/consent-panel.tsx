import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  Modal,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import {
  type ConsentInput,
  type ConsentProblemDto,
  consentInput,
  type ExhibitionConsent,
  type ExhibitionPhoto,
} from "../../../../contracts/exhibition";
import { consentGivers, consentProblem, consentScopes } from "../../../../core/exhibition/consent";
import { todayIso } from "../../../../core/shared/dates";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import { useRecordConsent, useWithdrawConsent } from "../api";

/** The reasons a photo cannot be shown, one sentence each, for the staff to act on. */
export function ConsentProblems({ id, problems }: { id: string; problems: ConsentProblemDto[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <Alert color="yellow" id={id} title={t("exhibition.problems.title")} data-testid="consent-problems">
      <List size="sm" spacing={4}>
        {problems.map((p) => (
          <List.Item key={`${p.kind}-${p.personName ?? ""}`}>
            {t(`exhibition.problems.${p.kind}`, { person: p.personName ?? "" })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

function ConsentStatus({ consent }: { consent: ExhibitionConsent }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  if (consent.withdrawnAt) {
    return (
      <Badge color="red" variant="light" tt="none">
        {t("exhibition.consents.status.withdrawn", { date: formatDate(consent.withdrawnAt) })}
      </Badge>
    );
  }
  const problem = consentProblem({ ...consent, withdrawnAt: null }, "online", todayIso(new Date()));
  const state = problem === "expired" || problem === "notYetValid" ? problem : "valid";
  return (
    <Badge color={state === "valid" ? "green" : "yellow"} variant="light" tt="none">
      {t(`exhibition.consents.status.${state}`)}
    </Badge>
  );
}

function ConsentItem({ photo, consent }: { photo: ExhibitionPhoto; consent: ExhibitionConsent }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const { orgSlug = "" } = useParams();
  const withdraw = useWithdrawConsent(orgSlug, photo.exhibitionId, photo.id);
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    try {
      const after = await withdraw.mutateAsync({ consentId: consent.id, reason });
      notifySuccess(
        photo.isPublished && !after.isPublished
          ? t("exhibition.consents.withdrawn")
          : t("exhibition.consents.withdrawnKept"),
      );
      close();
    } catch (failure) {
      setError(applyApiErrors(failure, () => undefined));
    }
  };
  return (
    <Paper withBorder p="xs" data-testid="consent">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{consent.personName}</Text>
          <ConsentStatus consent={consent} />
        </Group>
        <Text size="sm">
          {consent.givenBy === "guardian"
            ? t("exhibition.consents.signedBy", { name: consent.guardianName })
            : t("exhibition.consents.signedBySelf")}
          {", "}
          {t("exhibition.consents.since", { date: formatDate(consent.givenOn) })}
          {", "}
          {consent.validUntil
            ? t("exhibition.consents.until", { date: formatDate(consent.validUntil) })
            : t("exhibition.consents.untilWithdrawn")}
        </Text>
        <Text size="sm" c="dimmed">
          {consent.scopes.map((s) => t(`exhibition.consents.scopeOptions.${s}`)).join(" · ")}
        </Text>
        {consent.withdrawalReason && (
          <Text size="sm" c="dimmed">
            {consent.withdrawalReason}
          </Text>
        )}
        {!consent.withdrawnAt && (
          <Button variant="subtle" color="red" size="compact-sm" w="fit-content" onClick={open}>
            {t("exhibition.consents.withdraw")}
          </Button>
        )}
      </Stack>
      <Modal
        opened={opened}
        onClose={close}
        title={t("exhibition.consents.withdrawTitle")}
        centered
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <Stack>
          <Text>{t("exhibition.consents.withdrawText")}</Text>
          {error && (
            <Alert color="red" role="alert">
              {error}
            </Alert>
          )}
          <Textarea
            label={t("exhibition.consents.withdrawReason")}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red"
              loading={withdraw.isPending}
              onClick={() => void confirm()}
              data-testid="confirm-withdraw"
            >
              {t("exhibition.consents.withdrawConfirm")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function ConsentForm({ photo, onDone }: { photo: ExhibitionPhoto; onDone: () => void }) {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const record = useRecordConsent(orgSlug, photo.exhibitionId, photo.id);
  const { formError, setFormError, onInvalid } = useFormError();
  const validate = useSchemaValidation(consentInput);
  const form = useForm({
    initialValues: {
      personName: "",
      givenBy: "guardian" as ConsentInput["givenBy"],
      guardianName: "",
      givenOn: todayIso(new Date()),
      scopes: ["online"] as ConsentInput["scopes"],
      validUntil: "",
    },
    validate: (values) => validate({ ...values, validUntil: values.validUntil || null }),
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await record.mutateAsync({ ...values, validUntil: values.validUntil || null });
      notifySuccess(t("exhibition.consents.saved"));
      onDone();
    } catch (error) {
      setFormError(applyApiErrors(error, form.setFieldError));
    }
  }, onInvalid);
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
      <form onSubmit={submit} noValidate data-testid="consent-form">
        <Stack gap="sm">
          <Title order={4} fz="md">
            {t("exhibition.consents.addTitle")}
          </Title>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label={t("exhibition.consents.personName")}
            required
            {...form.getInputProps("personName")}
          />
          <Radio.Group label={t("exhibition.consents.givenBy")} {...form.getInputProps("givenBy")}>
            <Stack gap={6} mt={4}>
              {consentGivers.map((giver) => (
                <Radio key={giver} value={giver} label={t(`exhibition.consents.givenByOptions.${giver}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {form.values.givenBy === "guardian" && (
            <TextInput
              label={t("exhibition.consents.guardianName")}
              required
              {...form.getInputProps("guardianName")}
            />
          )}
          <TextInput
            type="date"
            label={t("exhibition.consents.givenOn")}
            required
            {...form.getInputProps("givenOn")}
          />
          <TextInput
            type="date"
            label={t("exhibition.consents.validUntil")}
            {...form.getInputProps("validUntil")}
          />
          <Checkbox.Group label={t("exhibition.consents.scopes")} required {...form.getInputProps("scopes")}>
            <Stack gap={6} mt={4}>
              {consentScopes.map((scope) => (
                <Checkbox key={scope} value={scope} label={t(`exhibition.consents.scopeOptions.${scope}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group gap="xs">
            <Button type="submit" loading={record.isPending}>
              {t("exhibition.consents.save")}
            </Button>
            <Button variant="default" onClick={onDone}>
              {t("exhibition.consents.cancel")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The consents of the people on one photo: who agreed to what and until when; add one or a withdrawal. */
export function ConsentPanel({ photo }: { photo: ExhibitionPhoto }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const headingId = `consents-${photo.id}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} fz="md" id={headingId}>
        {t("exhibition.consents.title")}
      </Title>
      <Text size="sm" c="dimmed">
        {t("exhibition.consents.intro")}
      </Text>
      {photo.consents.length === 0 && <Text size="sm">{t("exhibition.consents.empty")}</Text>}
      {photo.consents.map((consent) => (
        <ConsentItem key={consent.id} photo={photo} consent={consent} />
      ))}
      {adding ? (
        <ConsentForm photo={photo} onDone={() => setAdding(false)} />
      ) : (
        <Button
          variant="light"
          w="fit-content"
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          onClick={() => setAdding(true)}
        >
          {t("exhibition.consents.add")}
        </Button>
      )}
    </Stack>
  );
}
