import { Box, Group, List, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MyRequestDetail, PlacementStatus } from "../../../../contracts/placement";
import { useDateFormat } from "../../../components/format";
import { criterionText } from "../format";
import { StatusBadge } from "./status-badge";

/** Where a request stands and what happens next, in plain words. */
export function StatusExplained({ status }: { status: PlacementStatus }) {
  const { t } = useTranslation();
  return (
    <Stack gap={6} data-testid="status-explained">
      <Group gap="xs">
        <StatusBadge status={status} />
        <Text fw={600}>{t(`placement.statusExplained.${status}.now`)}</Text>
      </Group>
      <Text size="sm">
        <Text span fw={600} size="sm">
          {t("placement.my.nextTitle")}:{" "}
        </Text>
        {t(`placement.statusExplained.${status}.next`)}
      </Text>
    </Stack>
  );
}

/** The points and the published criteria that gave them, so parents can check the count themselves. */
export function PointsBreakdown({ detail }: { detail: Pick<MyRequestDetail, "awarded" | "priorityPoints"> }) {
  const { t } = useTranslation();
  if (detail.awarded.length === 0) return <Text size="sm">{t("placement.my.pointsNone")}</Text>;
  return (
    <Box
      component="dl"
      m={0}
      data-testid="points-breakdown"
      style={{ display: "grid", gridTemplateColumns: "1fr auto", columnGap: 16, rowGap: 6 }}
    >
      {detail.awarded.map((item) => (
        <Box key={item.criterionId} style={{ display: "contents" }}>
          <Text component="dt" size="sm">
            {criterionText(item, t)}
          </Text>
          <Text component="dd" size="sm" m={0} ta="right" style={{ whiteSpace: "nowrap" }}>
            {t("placement.points", { count: item.points })}
          </Text>
        </Box>
      ))}
      <Text component="dt" size="sm" fw={700}>
        {t("placement.my.pointsTotal")}
      </Text>
      <Text component="dd" size="sm" m={0} fw={700} ta="right" style={{ whiteSpace: "nowrap" }}>
        {t("placement.points", { count: detail.priorityPoints })}
      </Text>
    </Box>
  );
}

/** Every change of status with when, who and why. */
export function HistoryList({ history }: { history: MyRequestDetail["history"] }) {
  const { t } = useTranslation();
  const { formatDateTime } = useDateFormat();
  return (
    <List spacing={6} size="sm" data-testid="request-history">
      {history.map((entry) => (
        <List.Item key={`${entry.at}-${entry.toStatus}`}>
          <Text span size="sm" fw={600}>
            {formatDateTime(entry.at)}
          </Text>
          {" – "}
          {t(`placement.statuses.${entry.toStatus}`)}
          {entry.reason && ` (${t(`placement.reasons.${entry.reason}`)})`}
          {" · "}
          {t(`placement.actors.${entry.actor}`)}
        </List.Item>
      ))}
    </List>
  );
}
