import { List, Loader, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MyWeekResponse } from "../../../../contracts/placement";
import { describeCareTimes } from "../../../../core/placement/requests";
import { get } from "../../../app/api";
import { useDateFormat, useWeekdayNames } from "../../../components/format";
import { orgApi } from "../format";
import { WeekView } from "./capacity-view";
import { LoadError } from "./form-alert";
import { Section } from "./page";

/**
 * "Meine Woche" on the caregiver's own page: her care contracts and her week today and from each coming
 * change, so she sees when a new child takes a place. The data come from placement, which keeps the contracts.
 */
export function MyWeekSection({ orgSlug }: { orgSlug: string }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const { weekdaysShort: days } = useWeekdayNames();
  const query = useQuery({
    // Under placement's key, so that a contract created or changed there refreshes this view too.
    queryKey: ["placement", orgSlug, "my-week"],
    queryFn: () => get<MyWeekResponse>(`${orgApi(orgSlug)}/my-week`),
  });
  if (query.isPending) return <Loader role="status" aria-label={t("common.loading")} />;
  if (query.isError) return <LoadError error={query.error} />;
  const { date, contracts, weeks } = query.data;
  return (
    <Section title={t("placement.week.title")} testId="my-week">
      <Text size="sm" c="dimmed">
        {t("placement.week.intro")}
      </Text>
      <Stack gap="xs">
        <Title order={3} fz="md">
          {t("placement.week.contractsTitle")}
        </Title>
        {contracts.length === 0 ? (
          <Text size="sm">{t("placement.week.noContracts")}</Text>
        ) : (
          <List size="sm" data-testid="my-contracts">
            {contracts.map((c) => (
              <List.Item key={c.id}>
                {[
                  t("placement.week.contractLine", {
                    child: c.childFirstName,
                    start: formatDate(c.start),
                    times: describeCareTimes(c.careTimes, days),
                  }),
                  c.end ? t("placement.week.contractEnds", { date: formatDate(c.end) }) : "",
                  c.settlingInEnd >= date
                    ? t("placement.week.settlingIn", { date: formatDate(c.settlingInEnd) })
                    : "",
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      {weeks.map((week) => {
        const heading =
          week.from === date
            ? t("placement.week.today", { date: formatDate(date) })
            : t("placement.week.from", { date: formatDate(week.from) });
        return (
          <Stack gap="xs" key={week.from} data-testid={`my-week-${week.from}`}>
            <Title order={3} fz="md">
              {heading}
            </Title>
            <WeekView week={week.segments} label={`${t("placement.week.title")}: ${heading}`} />
          </Stack>
        );
      })}
    </Section>
  );
}
