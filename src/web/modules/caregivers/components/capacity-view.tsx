import { Badge, Box, Progress, Stack, Table, Text, VisuallyHidden } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { formatTimeRange } from "../../../../core/caregivers/capacity";
import type { CaregiverDetail } from "../api";
import { ScrollRegion } from "./responsive-table";

type Slot = CaregiverDetail["capacityProfiles"][number]["slots"][number];

/** A profile's slots as lines "Montag 07:30–14:00 · 5 Plätze", in weekday and time order. */
export function ProfileSlots({ slots }: { slots: Slot[] }) {
  const { t } = useTranslation();
  if (slots.length === 0) return <Text c="dimmed">{t("registry.capacity.noSlots")}</Text>;
  const sorted = [...slots].sort((a, b) => a.weekday - b.weekday || a.start - b.start);
  return (
    <Stack component="ul" gap={2} m={0} pl="md">
      {sorted.map((s) => (
        <Text component="li" size="sm" key={`${s.weekday}-${s.start}`}>
          <Text span fw={600}>
            {t(`common.weekdays.${s.weekday}`)}
          </Text>{" "}
          {formatTimeRange(s)} · {t("registry.capacity.placesCount", { count: s.places })}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * This week's places, children present and free places per stretch of each weekday: a table whose numbers
 * carry the meaning; the bar only repeats them for a quick look.
 */
export function WeekView({ week, label }: { week: CaregiverDetail["week"]; label?: string }) {
  const { t } = useTranslation();
  if (week.length === 0) return <Text c="dimmed">{t("registry.week.empty")}</Text>;
  // Several weeks on one page need names of their own: landmarks with the same name cannot be told apart.
  const name = label ?? t("registry.week.title");
  return (
    <ScrollRegion label={name} testId="week-view">
      <Table verticalSpacing={6} horizontalSpacing={6} fz="sm" aria-label={name}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("registry.week.day")}</Table.Th>
            <Table.Th scope="col">{t("registry.week.time")}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {t("registry.week.places")}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {t("registry.week.present")}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {t("registry.week.free")}
            </Table.Th>
            <Table.Th scope="col" w={120} visibleFrom="sm">
              <VisuallyHidden>{t("registry.week.bar")}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {week.map((s) => (
            <Table.Tr key={`${s.weekday}-${s.start}`}>
              <Table.Td>
                <Box component="span" hiddenFrom="sm" aria-hidden="true">
                  {t(`common.weekdaysShort.${s.weekday}`)}
                </Box>
                <Box component="span" visibleFrom="sm" aria-hidden="true">
                  {t(`common.weekdays.${s.weekday}`)}
                </Box>
                <VisuallyHidden>{t(`common.weekdays.${s.weekday}`)}</VisuallyHidden>
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{formatTimeRange(s)}</Table.Td>
              <Table.Td style={{ textAlign: "right" }}>{s.places}</Table.Td>
              <Table.Td style={{ textAlign: "right" }}>{s.present}</Table.Td>
              <Table.Td style={{ textAlign: "right" }}>
                {s.free < 0 ? (
                  <Badge color="red.9" tt="none">
                    {t("registry.week.overbooked", { count: -s.free })}
                  </Badge>
                ) : (
                  s.free
                )}
              </Table.Td>
              <Table.Td visibleFrom="sm">
                <Progress
                  aria-hidden="true"
                  value={s.places > 0 ? Math.min(100, (s.present / s.places) * 100) : 100}
                  color={s.free <= 0 ? "red.9" : "teal.9"}
                  size="md"
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
