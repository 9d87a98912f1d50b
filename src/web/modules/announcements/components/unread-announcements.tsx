import { Alert, Anchor, Group, Text } from "@mantine/core";
import { IconBell } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { useUnreadCount } from "../api";

/** On the organisation's home page: how many announcements she has not read yet, with the way to them. */
export function UnreadAnnouncements({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const unread = useUnreadCount(membership.slug);
  const count = unread.data?.count ?? 0;
  if (count === 0) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconBell aria-hidden="true" />}
      data-testid="unread-announcements"
    >
      <Group gap="sm" justify="space-between">
        <Text c="var(--mantine-color-text)">{t("announcements.home.unread", { count })}</Text>
        <Anchor component={Link} to={`/app/${membership.slug}/mitteilungen`} fw={500}>
          {t("announcements.home.link")}
        </Anchor>
      </Group>
    </Alert>
  );
}
