import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MemberEntry, MyMembership } from "../../../../contracts/organisations";
import { hasAnyRole } from "../../../app/session";
import { useDateFormat } from "../../../components/format";
import { MANAGERS } from "../api";

/**
 * On an association's member page: since when she is a member, and for the board the ways to the
 * applications and the register. Ending one's own membership is the button on her own entry below.
 */
export function MembershipPanel({ membership, own }: { membership: MyMembership; own: MemberEntry | null }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  if (membership.kind !== "association") return null;
  const isManager = hasAnyRole(membership, MANAGERS);
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="mitgliedschaft-titel">
      <Stack gap="xs">
        <Title order={2} fz="h3" id="mitgliedschaft-titel">
          {t("membership.own.title")}
        </Title>
        {own && <Text>{t("membership.own.since", { date: formatDate(own.joinedOn) })}</Text>}
        {isManager && (
          <Group gap="md">
            <Anchor component={Link} to={`/app/${membership.slug}/mitgliederliste`}>
              {t("membership.nav.register")}
            </Anchor>
            <Anchor component={Link} to={`/app/${membership.slug}/mitgliedsantraege`}>
              {t("membership.nav.applications")}
            </Anchor>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
