import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconCalendarPlus, IconCheck, IconCopy } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CalendarFeedCreated } from "../../../../contracts/training";
import { del, post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { bookingKeys, calendarFeedApi, useCalendarFeed } from "../booking-api";

/** Calendar apps subscribe with webcal:, which phones open straight in their calendar. */
const webcalOf = (url: string) => url.replace(/^https?:/, "webcal:");

/** The new link, shown once: only a hash of its secret is stored, so it cannot be shown again later. */
function NewLink({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid="feed-link">
      <Alert color="blue" variant="light" role="status">
        <Text size="sm" c="var(--mantine-color-text)">
          {t("training.web.feed.shownOnce")}
        </Text>
      </Alert>
      <TextInput
        label={t("training.web.feed.link")}
        value={url}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        data-testid="feed-url"
      />
      <Group gap="xs">
        <CopyButton value={url}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? "light" : "filled"}
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              onClick={copy}
              aria-live="polite"
            >
              {copied ? t("training.web.feed.copied") : t("training.web.feed.copy")}
            </Button>
          )}
        </CopyButton>
        <Button
          component="a"
          href={webcalOf(url)}
          variant="default"
          leftSection={<IconCalendarPlus size={16} aria-hidden />}
        >
          {t("training.web.feed.open")}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The personal calendar feed: one secret link a calendar app subscribes to, with every session she has a
 * place in. Renewing replaces the link (the old one stops working), revoking ends it.
 */
export function CalendarFeedSection() {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const client = useQueryClient();
  const feed = useCalendarFeed();
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => post<CalendarFeedCreated>(calendarFeedApi),
    onSuccess: async (result) => {
      setCreated(result.url);
      await client.invalidateQueries({ queryKey: bookingKeys.feed });
    },
  });
  const revoke = useMutation({
    mutationFn: () => del(calendarFeedApi),
    onSuccess: async () => {
      setCreated(null);
      await client.invalidateQueries({ queryKey: bookingKeys.feed });
      notifySuccess(t("training.web.feed.revoked"));
    },
  });
  return (
    <Section id="kalender" title={t("training.web.feed.title")} intro={t("training.web.feed.intro")}>
      <QueryState query={feed}>
        {(status) => (
          <Stack gap="sm">
            {(create.error ?? revoke.error) && <ErrorAlert error={create.error ?? revoke.error} />}
            {created && <NewLink url={created} />}
            {status.active ? (
              <>
                {!created && status.createdAt && (
                  <Text size="sm" data-testid="feed-active">
                    {t("training.web.feed.active", { date: formatDate(status.createdAt) })}
                  </Text>
                )}
                <Group gap="xs">
                  <ConfirmButton
                    variant="default"
                    title={t("training.web.feed.renewTitle")}
                    message={t("training.web.feed.renewText")}
                    confirmLabel={t("training.web.feed.renew")}
                    onConfirm={() => create.mutateAsync().catch(() => undefined)}
                    loading={create.isPending}
                    data-testid="feed-renew"
                  >
                    {t("training.web.feed.renew")}
                  </ConfirmButton>
                  <ConfirmButton
                    variant="default"
                    color="red.9"
                    title={t("training.web.feed.revokeTitle")}
                    message={t("training.web.feed.revokeText")}
                    confirmLabel={t("training.web.feed.revoke")}
                    onConfirm={() => revoke.mutateAsync().catch(() => undefined)}
                    loading={revoke.isPending}
                    data-testid="feed-revoke"
                  >
                    {t("training.web.feed.revoke")}
                  </ConfirmButton>
                </Group>
              </>
            ) : (
              <Button
                w="fit-content"
                leftSection={<IconCalendarPlus size={16} aria-hidden />}
                onClick={() => create.mutate()}
                loading={create.isPending}
                data-testid="feed-create"
              >
                {t("training.web.feed.create")}
              </Button>
            )}
            <Text size="sm" c="dimmed">
              {t("training.web.feed.help")}
            </Text>
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
