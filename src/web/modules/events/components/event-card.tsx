import { Anchor, Badge, Group, Paper, Stack, Text } from "@mantine/core";
import { IconCalendarEvent, IconMapPin, IconVideo } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { EventListItem } from "../../../../contracts/events";
import { placeLines, useEventFormat, usePlacesText } from "./event-format";

/** Place in one line: "Gasthaus Linde, Bad Segeberg" or "Online". */
function usePlaceLine() {
  const { t } = useTranslation();
  return (event: EventListItem): string | null => {
    const lines = placeLines(event.place);
    const where = [lines[0], event.place.town !== lines[0] ? event.place.town : ""]
      .filter(Boolean)
      .join(", ");
    if (where) return event.place.isOnline ? `${where} · ${t("events.place.online")}` : where;
    return event.place.isOnline ? t("events.place.online") : null;
  };
}

/**
 * One date in a list: kind, title (a link to its page), when, where and the places; cancelled dates stay
 * visible with their reason, crossed out, so nobody wonders where the Stammtisch went.
 */
export function EventCard({
  event,
  to,
  badges,
  children,
  headingLevel = 3,
}: {
  event: EventListItem;
  to: string;
  badges?: ReactNode;
  children?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const format = useEventFormat();
  const placesText = usePlacesText();
  const placeLine = usePlaceLine();
  const isCancelled = event.status === "cancelled";
  const where = placeLine(event);
  const places = isCancelled ? null : placesText(event.registration);
  return (
    <Paper component="li" withBorder p="md" data-testid="event-card" data-event-id={event.id}>
      <Stack gap={6}>
        <Group gap={6}>
          <Badge variant="light" tt="none">
            {t(`events.kinds.${event.kind}`)}
          </Badge>
          {isCancelled && (
            <Badge color="red" variant="filled" tt="none" data-testid="event-cancelled">
              {t("events.status.cancelled")}
            </Badge>
          )}
          {badges}
        </Group>
        <Text
          component={headingLevel === 2 ? "h2" : "h3"}
          fw={700}
          fz="lg"
          m={0}
          style={{ overflowWrap: "anywhere" }}
        >
          <Anchor component={Link} to={to} td={isCancelled ? "line-through" : undefined} inherit>
            {event.title}
          </Anchor>
        </Text>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconCalendarEvent size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text data-testid="event-when">{format.when(event.startsAt, event.endsAt)}</Text>
        </Group>
        {where && (
          <Group gap={6} wrap="nowrap" align="flex-start">
            {event.place.isOnline && !event.place.street && !event.place.name ? (
              <IconVideo size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            ) : (
              <IconMapPin size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
            )}
            <Text>{where}</Text>
          </Group>
        )}
        {isCancelled && event.cancelReason && (
          <Text size="sm" c="red.9">
            {t("events.public.cancelledReason", { reason: event.cancelReason })}
          </Text>
        )}
        {places && (
          <Text size="sm" c="dimmed" data-testid="event-places">
            {places}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** A list of cards without bullets. */
export function EventList({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: "none" }} data-testid={testId}>
      {children}
    </Stack>
  );
}
