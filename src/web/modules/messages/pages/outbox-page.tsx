import { Alert, Anchor, Badge, Box, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { IconRefresh } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../../../app/session";
import { useDateFormat } from "../../../components/format";
import { Loading } from "../../../components/loading";
import { PageHeader } from "../../../components/page-header";
import { usePageMeta } from "../../../components/page-meta";
import { QueryState } from "../../../components/query-state";
import { type OutboxEntry, useOutbox } from "../api";

const statusColors: Record<OutboxEntry["status"], string> = {
  pending: "yellow",
  sending: "blue",
  sent: "green",
  stored: "gray",
  failed: "red",
};

// Web addresses in a mail's plain text; closing punctuation right after one belongs to the sentence.
const urlPattern = /https?:\/\/[^\s<>"']+/g;
const trailingPunctuation = /[.,;:!?)\]]+$/;

/** The mail's text with its web addresses as links, so that reset and invitation links can be followed. */
function linkify(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(urlPattern)) {
    const start = match.index ?? 0;
    const url = match[0].replace(trailingPunctuation, "");
    if (start > last) parts.push(text.slice(last, start));
    parts.push(
      <Anchor key={start} href={url} style={{ overflowWrap: "anywhere" }}>
        {url}
      </Anchor>,
    );
    last = start + url.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

function MailCard({ mail }: { mail: OutboxEntry }) {
  const { t } = useTranslation();
  const { formatDateTime } = useDateFormat();
  const [isOpen, setOpen] = useState(false);
  return (
    <Card component="li" withBorder padding="sm" data-testid="outbox-entry" data-status={mail.status}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Title
            order={2}
            fz="md"
            fw={600}
            style={{ overflowWrap: "break-word", hyphens: "auto", minWidth: 0 }}
          >
            {mail.subject}
          </Title>
          <Badge
            color={statusColors[mail.status]}
            variant="light"
            tt="none"
            style={{ flexShrink: 0 }}
            data-testid="outbox-status"
          >
            {t(`messages.outbox.statuses.${mail.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
          <time dateTime={mail.createdAt}>{formatDateTime(mail.createdAt)}</time>
          {" · "}
          {t("messages.outbox.to")}:{" "}
          <Text span c="var(--mantine-color-text)" inherit>
            {mail.to}
          </Text>
        </Text>
        {mail.lastError && (
          <Text size="sm" c="red.8" style={{ overflowWrap: "anywhere" }} data-testid="outbox-error">
            {t("messages.outbox.error")}: {mail.lastError}
          </Text>
        )}
        <Box component="details" onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="outbox-text">
          <Box
            component="summary"
            fz="sm"
            c="var(--mantine-color-anchor)"
            style={{ cursor: "pointer", width: "fit-content" }}
          >
            {isOpen ? t("messages.outbox.hideText") : t("messages.outbox.showText")}
          </Box>
          <Text
            component="pre"
            size="sm"
            mt="xs"
            p="sm"
            bg="var(--mantine-color-gray-0)"
            style={{
              whiteSpace: "pre-wrap",
              overflowWrap: "anywhere",
              fontFamily: "inherit",
              borderRadius: "var(--mantine-radius-sm)",
            }}
          >
            {linkify(mail.text)}
          </Text>
        </Box>
      </Stack>
    </Card>
  );
}

function Forbidden() {
  const { t } = useTranslation();
  usePageMeta(t("common.forbiddenTitle"));
  return (
    <Stack>
      <Title order={1}>{t("common.forbiddenTitle")}</Title>
      <Alert color="yellow" role="status" data-testid="outbox-forbidden">
        {t("messages.outbox.forbidden")}
      </Alert>
    </Stack>
  );
}

/** /app/admin/postausgang: the platform's latest mails for platform admins, links clickable. */
export function OutboxPage() {
  const { t } = useTranslation();
  const session = useSession();
  const isPlatformAdmin = Boolean(session.data?.user?.isPlatformAdmin);
  const outbox = useOutbox(isPlatformAdmin);
  if (session.isPending) return <Loading />;
  if (!isPlatformAdmin) return <Forbidden />;
  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={t("messages.outbox.title")}
        description={t("messages.outbox.intro")}
        actions={
          <Button
            variant="default"
            leftSection={<IconRefresh size={16} aria-hidden="true" />}
            onClick={() => void outbox.refetch()}
            loading={outbox.isFetching && !outbox.isPending}
            data-testid="outbox-refresh"
          >
            {t("messages.outbox.refresh")}
          </Button>
        }
      />
      <QueryState query={outbox}>
        {(mails) => (
          <Stack gap="sm">
            <Text size="sm" aria-live="polite" data-testid="outbox-count">
              {mails.length === 0
                ? t("messages.outbox.empty")
                : t("messages.outbox.count", { count: mails.length })}
            </Text>
            {mails.length > 0 && (
              <Stack
                component="ul"
                gap="sm"
                aria-label={t("messages.outbox.listLabel")}
                style={{ listStyle: "none", padding: 0, margin: 0 }}
                data-testid="outbox-list"
              >
                {mails.map((mail) => (
                  <MailCard key={mail.id} mail={mail} />
                ))}
              </Stack>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
