import { Anchor, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyRequestSummary } from "../../../../contracts/placement";
import { useDateFormat } from "../../../components/format";
import { orgPath, useCareTimesText } from "../format";
import { StatusBadge } from "./status-badge";

/** The parent's requests as cards: child, status, start and times, each leading to its page. */
export function MyRequestsList({
  slug,
  requests,
  headingLevel = 2,
}: {
  slug: string;
  requests: MyRequestSummary[];
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const careTimes = useCareTimesText();
  return (
    <Stack
      gap="sm"
      component="ul"
      style={{ listStyle: "none", padding: 0, margin: 0 }}
      data-testid="my-requests"
    >
      {requests.map((request) => (
        <Card key={request.id} component="li" withBorder padding="md" data-testid="my-request">
          <Stack gap={6}>
            <Group justify="space-between" gap="xs">
              <Title order={headingLevel} fz="h4">
                <Anchor component={Link} to={orgPath(slug, `anfragen/${request.id}`)} inherit>
                  {t("placement.my.child", { child: request.childFirstName })}
                </Anchor>
              </Title>
              <StatusBadge status={request.status} size="sm" />
            </Group>
            <Text size="sm">
              {t("placement.my.start")}: {formatDate(request.wantedStart)} · {careTimes(request.careTimes)}
            </Text>
            <Text size="sm" c="dimmed">
              {t(`placement.statusExplained.${request.status}.now`)}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
