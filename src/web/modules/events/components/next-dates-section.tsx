import { Anchor, Button, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { publicPath, usePublicEvents } from "../api";
import { useEventFormat } from "./event-format";

/**
 * The organisation's next three public dates on its public home page, with the way into the full calendar
 * and its feed. Says plainly when nothing is planned; stays quiet while loading or when the calendar fails,
 * so the home page never waits for it.
 */
export function NextDatesSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const format = useEventFormat();
  const events = usePublicEvents(slug, { limit: 3 });
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="termine-titel">
      <Stack gap="sm" align="flex-start">
        <Title order={2} fz="h3" id="termine-titel">
          {t("events.nextDates.title")}
        </Title>
        {events.isSuccess &&
          (events.data.items.length === 0 ? (
            <Text>{t("events.nextDates.empty")}</Text>
          ) : (
            <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }} data-testid="next-dates">
              {events.data.items.map((event) => {
                const isCancelled = event.status === "cancelled";
                return (
                  <li key={event.id}>
                    <Text fw={600} size="sm" c={isCancelled ? "red.9" : undefined}>
                      {format.when(event.startsAt, event.endsAt)}
                      {isCancelled && ` · ${t("events.status.cancelled")}`}
                    </Text>
                    <Anchor
                      component={Link}
                      to={publicPath(slug, event.id)}
                      td={isCancelled ? "line-through" : undefined}
                      style={{ overflowWrap: "anywhere" }}
                      data-testid="next-date"
                    >
                      {event.title}
                    </Anchor>
                  </li>
                );
              })}
            </Stack>
          ))}
        <Button
          component={Link}
          to={publicPath(slug)}
          variant={events.isSuccess && events.data.items.length > 0 ? "default" : "filled"}
          rightSection={<IconArrowRight size={16} aria-hidden="true" />}
          data-testid="next-dates-link"
        >
          {t("events.nextDates.all")}
        </Button>
      </Stack>
    </Paper>
  );
}
