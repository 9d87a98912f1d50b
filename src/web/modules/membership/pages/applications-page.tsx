import {
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type ApplicationEntry,
  type MembershipFormInfo,
  membershipSettingsBody,
} from "../../../../contracts/membership";
import type { MyMembership } from "../../../../contracts/organisations";
import { post, put } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import { MANAGERS, membershipApi, membershipKeys, useApplications, useMembershipForm } from "../api";

type Decision = { kind: "approve" | "decline"; application: ApplicationEntry };

function DecisionDialog({
  slug,
  decision,
  onClose,
}: {
  slug: string;
  decision: Decision;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { application, kind } = decision;
  const [message, setMessage] = useState("");
  const [isCaregiver, setCaregiver] = useState(application.isActiveCaregiver);
  const decide = useMutation({
    mutationFn: () =>
      post(
        `${membershipApi(slug)}/applications/${application.id}/${kind}`,
        kind === "approve" ? { isCaregiver, message } : { message },
      ),
    onSuccess: async () => {
      notifySuccess(
        t(`membership.applications.${kind === "approve" ? "approved" : "declined"}`, application),
      );
      onClose();
      await client.invalidateQueries({ queryKey: membershipKeys.all(slug) });
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      centered
      title={t(`membership.applications.${kind}Title`, { name: application.name })}
    >
      <Stack gap="md">
        {kind === "approve" && application.isActiveCaregiver && (
          <Checkbox
            label={t("membership.applications.isCaregiver")}
            checked={isCaregiver}
            onChange={(event) => setCaregiver(event.currentTarget.checked)}
          />
        )}
        <Textarea
          label={t("membership.applications.message")}
          description={t("membership.applications.messageHint")}
          autosize
          minRows={3}
          maxLength={2000}
          value={message}
          onChange={(event) => setMessage(event.currentTarget.value)}
          data-testid="decision-message"
        />
        {kind === "decline" && <Text size="sm">{t("membership.applications.declineHint")}</Text>}
        <FormAlert message={decide.error ? decide.error.message : null} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("announcements.compose.cancel")}
          </Button>
          <Button
            color={kind === "decline" ? "red" : undefined}
            loading={decide.isPending}
            onClick={() => decide.mutate()}
            data-testid="decision-confirm"
          >
            {t(`membership.applications.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ApplicationCard({
  application,
  onDecide,
}: {
  application: ApplicationEntry;
  onDecide?: (kind: Decision["kind"]) => void;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const place = [application.postalCode, application.town].filter(Boolean).join(" ");
  const docs = [application.statutesUrl, application.privacyUrl].filter(Boolean).join(", ");
  return (
    <Paper withBorder p="md" component="li" data-testid="application-card">
      <Stack gap={6}>
        <Title order={3} fz="h4">
          {application.name}
        </Title>
        <Text size="sm" c="dimmed">
          {t("membership.applications.appliedAt", { date: formatDate(application.createdAt) })}
        </Text>
        <Text size="sm">{application.email}</Text>
        {application.phone && <Text size="sm">{application.phone}</Text>}
        {place && <Text size="sm">{place}</Text>}
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {application.isActiveCaregiver
              ? application.places
                ? t("membership.applications.caregiverPlaces", { count: application.places })
                : t("membership.applications.caregiver")
              : t("membership.applications.notCaregiver")}
          </Badge>
        </Group>
        <Text size="sm">
          {t("membership.applications.contact", {
            preference: t(`membership.contactPreference.${application.contactPreference}`),
          })}
        </Text>
        <Text size="xs" c="dimmed">
          {t("membership.applications.consent", { date: formatDate(application.consentedAt) })}
          {docs && ` · ${t("membership.applications.consentDocs", { docs })}`}
        </Text>
        {application.decidedAt && (
          <Text size="sm">
            {t("membership.applications.decided", {
              date: formatDate(application.decidedAt),
              name: application.decidedByName ?? "–",
            })}
          </Text>
        )}
        {application.decisionMessage && <Text size="sm">„{application.decisionMessage}“</Text>}
        {onDecide && (
          <Group gap="sm" mt="xs">
            <Button onClick={() => onDecide("approve")} data-testid="application-approve">
              {t("membership.applications.approve")}
            </Button>
            <Button variant="outline" color="red" onClick={() => onDecide("decline")}>
              {t("membership.applications.decline")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function DocumentLinksForm({ slug, info }: { slug: string; info: MembershipFormInfo }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const values = { statutesUrl: info.statutesUrl ?? "", privacyUrl: info.privacyUrl ?? "" };
  const form = useForm({
    mode: "controlled",
    initialValues: values,
    validate: useSchemaValidation(membershipSettingsBody),
  });
  const save = useMutation({
    mutationFn: (body: typeof values) => put(`${membershipApi(slug)}/settings`, body),
    onMutate: () => setFormError(null),
    onSuccess: async () => {
      notifySuccess(t("membership.applications.saved"));
      await client.invalidateQueries({ queryKey: membershipKeys.form(slug) });
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v), onInvalid)} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t("membership.applications.statutesUrl")}
          type="url"
          {...form.getInputProps("statutesUrl")}
        />
        <TextInput
          label={t("membership.applications.privacyUrl")}
          type="url"
          {...form.getInputProps("privacyUrl")}
        />
        <FormAlert message={formError} />
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t("membership.applications.save")}
        </Button>
      </Stack>
    </form>
  );
}

/** The links to the statutes and privacy notice that the form shows and each consent records. */
function DocumentLinks({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const info = useMembershipForm(slug, true);
  return (
    <Section
      id="satzung"
      title={t("membership.applications.settingsTitle")}
      intro={t("membership.applications.settingsText")}
    >
      <QueryState query={info}>{(data) => <DocumentLinksForm slug={slug} info={data} />}</QueryState>
    </Section>
  );
}

function Content({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<"pending" | "approved" | "declined">("pending");
  const [decision, setDecision] = useState<Decision | null>(null);
  const applications = useApplications(membership.slug, status);
  return (
    <Stack gap="lg">
      <PageHeader
        title={t("membership.applications.title")}
        description={t("membership.applications.description")}
      />
      <SegmentedControl
        value={status}
        onChange={(value) => setStatus(value as typeof status)}
        aria-label={t("membership.register.status")}
        data={(["pending", "approved", "declined"] as const).map((value) => ({
          value,
          label: t(`membership.applications.tabs.${value}`),
        }))}
      />
      <QueryState query={applications}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t("membership.applications.empty")}</Text>
          ) : (
            <SimpleGrid
              cols={{ base: 1, md: 2 }}
              component="ul"
              style={{ listStyle: "none", padding: 0, margin: 0 }}
            >
              {list.map((application) => (
                <ApplicationCard
                  key={application.id}
                  application={application}
                  onDecide={
                    application.status === "pending"
                      ? (kind) => setDecision({ kind, application })
                      : undefined
                  }
                />
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
      <DocumentLinks key={membership.slug} slug={membership.slug} />
      {decision && (
        <DecisionDialog slug={membership.slug} decision={decision} onClose={() => setDecision(null)} />
      )}
    </Stack>
  );
}

/** /app/:orgSlug/mitgliedsantraege: the board decides on confirmed membership applications. */
export function ApplicationsPage() {
  return <OrgGuard roles={MANAGERS}>{(membership) => <Content membership={membership} />}</OrgGuard>;
}
