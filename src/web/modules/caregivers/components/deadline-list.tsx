import { Card, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { daysBetween } from "../../../../core/shared/dates";
import type { CaregiverDetail } from "../api";
import { formatDate } from "../format";
import { DeadlineStateBadge, DueText, stateRank } from "./deadline-badge";

type Deadline = CaregiverDetail["deadlines"][number];

interface Props {
  deadlines: Deadline[];
  /** The server's today (CaregiverDetail.today) the days left are counted from. */
  today: string;
  /** For the day-care person herself: say in plain words what each deadline is and what to do. */
  isExplained?: boolean;
}

/** A person's deadlines, most urgent first, each with its state in words, due date and distance. */
export function DeadlineList({ deadlines, today, isExplained = false }: Props) {
  const { t, i18n } = useTranslation();
  if (deadlines.length === 0) return <Text c="dimmed">{t("registry.deadlines.none")}</Text>;
  const sorted = [...deadlines].sort(
    (a, b) => stateRank[a.state] - stateRank[b.state] || (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999"),
  );
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2 }}
      spacing="sm"
      component="ul"
      style={{ listStyle: "none", padding: 0, margin: 0 }}
      data-testid="deadline-list"
    >
      {sorted.map((d) => (
        <Card
          component="li"
          withBorder
          padding="sm"
          key={d.kind}
          data-testid="deadline-item"
          data-state={d.state}
        >
          <Stack gap={6}>
            <Group justify="space-between" align="flex-start" gap="xs">
              <Text fw={600} style={{ overflowWrap: "anywhere" }}>
                {t(`deadlines.kinds.${d.kind}`)}
              </Text>
              <DeadlineStateBadge state={d.state} />
            </Group>
            <Text size="sm">
              {d.dueOn ? (
                <>
                  {t(
                    d.kind === "licenceExpiry" ? "registry.deadlines.validUntil" : "registry.deadlines.dueOn",
                  )}{" "}
                  <DueText dueOn={d.dueOn} daysLeft={daysBetween(today, d.dueOn)} />
                </>
              ) : (
                t("registry.deadlines.notRecorded")
              )}
            </Text>
            {d.basedOn && (
              <Text size="sm" c="dimmed">
                {t(
                  d.kind === "licenceExpiry" || d.kind === "qhbPhase2"
                    ? "registry.deadlines.licenceFrom"
                    : "registry.deadlines.basedOn",
                  {
                    date: formatDate(d.basedOn, i18n.language),
                  },
                )}
              </Text>
            )}
            {d.hasRelevantEntry && (
              <Group gap={4} wrap="nowrap">
                <IconAlertTriangle size={16} aria-hidden="true" color="var(--mantine-color-red-9)" />
                <Text size="sm" c="red.9" fw={600}>
                  {t("registry.qualifications.relevantEntryNoted")}
                </Text>
              </Group>
            )}
            {isExplained && (
              <Text size="sm">
                {t(`registry.explain.kinds.${d.kind}`)} {t(`registry.explain.states.${d.state}`)}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
