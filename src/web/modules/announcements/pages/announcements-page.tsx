import {
  Badge,
  Button,
  Checkbox,
  Collapse,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import {
  type AnnouncementEntry,
  type AudienceKind,
  audienceKinds,
  type CreateAnnouncementBody,
  createAnnouncementBody,
} from "../../../../contracts/announcements";
import type { MyMembership } from "../../../../contracts/organisations";
import { post } from "../../../app/api";
import { hasAnyRole } from "../../../app/session";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useSchemaValidation } from "../../../components/zod-form";
import { useMembers } from "../../organisations/api";
import { announcementKeys, announcementsApi, useAnnouncements, WRITERS } from "../api";

interface ComposeValues {
  title: string;
  body: string;
  isEssential: boolean;
  audience: AudienceKind;
  caregiverUserId: string | null;
}

function toBody(values: ComposeValues): CreateAnnouncementBody {
  const base = { title: values.title, body: values.body, isEssential: values.isEssential };
  return values.audience === "parentsOfCaregiver"
    ? { ...base, audience: { kind: "parentsOfCaregiver", caregiverUserId: values.caregiverUserId ?? "" } }
    : { ...base, audience: { kind: values.audience } };
}

/** The groups this kind of organisation has: an association has no parents, an office no board. */
function audiencesFor(kind: MyMembership["kind"]): AudienceKind[] {
  if (kind === "association") return ["members", "caregivers", "board"];
  return audienceKinds.filter((k) => k !== "board");
}

function ComposeForm({ membership, onSent }: { membership: MyMembership; onSent: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const validate = useSchemaValidation<CreateAnnouncementBody>(createAnnouncementBody);
  const form = useForm<ComposeValues>({
    mode: "controlled",
    initialValues: { title: "", body: "", isEssential: false, audience: "members", caregiverUserId: null },
    validate: (values) => {
      const errors = validate(toBody(values));
      const caregiverError = errors["audience.caregiverUserId"];
      if (caregiverError) errors.caregiverUserId = caregiverError;
      return errors;
    },
  });
  const isPickingCaregiver = form.values.audience === "parentsOfCaregiver";
  const members = useMembers(membership.slug);
  const caregivers = (members.data ?? [])
    .filter((m) => m.status === "active" && m.roles.includes("caregiver"))
    .map((m) => ({ value: m.userId, label: m.name }));
  const send = useMutation({
    mutationFn: (values: ComposeValues) =>
      post<{ recipientCount: number; mailCount: number }>(announcementsApi(membership.slug), toBody(values)),
    onMutate: () => setFormError(null),
    onSuccess: async (result) => {
      notifySuccess(
        t("announcements.compose.sent", { count: result.recipientCount, mailed: result.mailCount }),
      );
      form.reset();
      onSent();
      await client.invalidateQueries({ queryKey: announcementKeys.all(membership.slug) });
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => send.mutate(values), onInvalid)}
      noValidate
      data-testid="compose-form"
    >
      <Stack gap="sm">
        <Select
          label={t("announcements.compose.audience")}
          allowDeselect={false}
          data={audiencesFor(membership.kind).map((kind) => ({
            value: kind,
            label: t(
              kind === "parentsOfCaregiver"
                ? "announcements.audience.parentsOfCaregiverChoice"
                : `announcements.audience.${kind}`,
            ),
          }))}
          {...form.getInputProps("audience")}
        />
        {isPickingCaregiver && (
          <Select
            label={t("announcements.compose.caregiver")}
            searchable
            data={caregivers}
            required
            {...form.getInputProps("caregiverUserId")}
          />
        )}
        <TextInput label={t("announcements.compose.heading")} required {...form.getInputProps("title")} />
        <Textarea
          label={t("announcements.compose.body")}
          required
          autosize
          minRows={4}
          {...form.getInputProps("body")}
        />
        <Checkbox
          label={t("announcements.compose.isEssential")}
          {...form.getInputProps("isEssential", { type: "checkbox" })}
        />
        <FormAlert message={formError} />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t("announcements.compose.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function AnnouncementCard({ announcement }: { announcement: AnnouncementEntry }) {
  const { t } = useTranslation();
  const { formatDateTime } = useDateFormat();
  const audience =
    announcement.audience === "parentsOfCaregiver"
      ? t("announcements.audience.parentsOfCaregiver", { name: announcement.caregiverName ?? "–" })
      : t(`announcements.audience.${announcement.audience}`);
  return (
    <Paper withBorder p="md" component="li" data-testid="announcement">
      <Stack gap={6}>
        <Group gap="xs">
          {announcement.isRead === false && (
            <Badge color="blue.8" tt="none">
              {t("announcements.unread")}
            </Badge>
          )}
          {announcement.isEssential && (
            <Badge color="red.9" tt="none">
              {t("announcements.essential")}
            </Badge>
          )}
        </Group>
        <Title order={2} fz="h4">
          {announcement.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t("announcements.from", {
            name: announcement.authorName ?? "–",
            date: formatDateTime(announcement.createdAt),
          })}
          {" · "}
          {t("announcements.to", { audience })}
          {announcement.recipientCount !== null &&
            ` · ${t("announcements.recipients", { count: announcement.recipientCount })}`}
        </Text>
        <Text style={{ whiteSpace: "pre-wrap" }}>{announcement.body}</Text>
      </Stack>
    </Paper>
  );
}

/** Marks what she has now seen as read, once per page visit; the "new" badges stay until she comes back. */
function useMarkRead(slug: string, list: AnnouncementEntry[] | undefined) {
  const client = useQueryClient();
  const marked = useRef(false);
  useEffect(() => {
    if (!list || marked.current) return;
    marked.current = true;
    const unread = list.filter((a) => a.isRead === false);
    if (unread.length === 0) return;
    void Promise.all(unread.map((a) => post(`${announcementsApi(slug)}/${a.id}/read`))).then(() =>
      client.invalidateQueries({ queryKey: announcementKeys.unread(slug) }),
    );
  }, [client, list, slug]);
}

function Content({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const announcements = useAnnouncements(membership.slug);
  const [isComposing, compose] = useDisclosure(false);
  const isWriter = hasAnyRole(membership, WRITERS);
  useMarkRead(membership.slug, announcements.data);
  return (
    <Stack gap="lg">
      <PageHeader title={t("announcements.title")} description={t("announcements.description")} />
      {isWriter && (
        <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="neue-mitteilung">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} fz="h3" id="neue-mitteilung">
                {t("announcements.compose.title")}
              </Title>
              {!isComposing && (
                <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={compose.open}>
                  {t("announcements.compose.open")}
                </Button>
              )}
            </Group>
            <Collapse in={isComposing}>
              {isComposing && <ComposeForm membership={membership} onSent={compose.close} />}
            </Collapse>
          </Stack>
        </Paper>
      )}
      <QueryState query={announcements}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t("announcements.empty")}</Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {list.map((announcement) => (
                <AnnouncementCard key={announcement.id} announcement={announcement} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** /app/:orgSlug/mitteilungen: announcements to her, and for the board and office the way to write one. */
export function AnnouncementsPage() {
  return <OrgGuard>{(membership) => <Content membership={membership} />}</OrgGuard>;
}
