import { Button, CopyButton, Group, Stack, Text, TextInput } from "@mantine/core";
import { IconCalendarPlus, IconCheck, IconCopy } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";

/** The absolute http(s) address of a feed path, as calendar apps need it. */
export function absoluteUrl(url: string): string {
  return new URL(url, window.location.origin).toString();
}

/** Calendar apps subscribe with webcal:, which phones open straight in their calendar. */
export function webcalOf(url: string): string {
  return absoluteUrl(url).replace(/^https?:/, "webcal:");
}

/**
 * "Kalender abonnieren": the webcal: link that opens the calendar app, and the plain address to copy into
 * apps (Google Calendar on the web, Outlook) that ask for it.
 */
export function CalendarSubscribe({ url, label }: { url: string; label?: string }) {
  const { t } = useTranslation();
  const inputId = useId();
  const address = absoluteUrl(url);
  return (
    <Stack gap="xs" data-testid="calendar-subscribe">
      <Group gap="xs">
        <Button
          component="a"
          href={webcalOf(url)}
          leftSection={<IconCalendarPlus size={16} aria-hidden />}
          data-testid="calendar-webcal"
        >
          {label ?? t("events.feed.subscribe")}
        </Button>
        <CopyButton value={address}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              onClick={copy}
              aria-live="polite"
              leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
            >
              {copied ? t("events.feed.copied") : t("events.feed.copy")}
            </Button>
          )}
        </CopyButton>
      </Group>
      <TextInput
        id={inputId}
        label={t("events.feed.address")}
        value={address}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        data-testid="calendar-feed-url"
        maw={560}
      />
      <Text size="sm" c="dimmed">
        {t("events.feed.help")}
      </Text>
    </Stack>
  );
}
