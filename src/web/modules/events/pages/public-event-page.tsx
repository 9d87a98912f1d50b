import { Alert, Anchor, Badge, Button, Container, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconCalendarDown, IconCalendarEvent } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { PublicEvent } from "../../../../contracts/events";
import { ApiError } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { usePageMeta } from "../../../components/page-meta";
import { publicEventCalendarUrl, publicPath, usePublicEvent } from "../api";
import { useEventFormat, usePlacesText } from "../components/event-format";
import { EventPlace } from "../components/event-place";
import { GuestRegistrationForm } from "../components/guest-registration-form";

function Registration({ slug, event }: { slug: string; event: PublicEvent }) {
  const { t } = useTranslation();
  const placesText = usePlacesText();
  const { registration } = event;
  if (event.status === "cancelled") return null;
  if (!registration.enabled) return <Text>{t("events.public.registerNotNeeded")}</Text>;
  const places = placesText(registration);
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="anmeldung-titel">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="anmeldung-titel">
          {t("events.public.registerTitle")}
        </Title>
        {places && (
          <Text fw={600} data-testid="event-places">
            {places}
          </Text>
        )}
        {!registration.isOpen ? (
          <Text>{t("events.places.closed")}</Text>
        ) : registration.guestsAllowed ? (
          <GuestRegistrationForm slug={slug} event={event} />
        ) : (
          <Text>
            {t("events.public.registerMembersOnly")}{" "}
            <Anchor component={Link} to="/anmelden" underline="always">
              {t("common.signIn")}
            </Anchor>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** /o/:slug/termine/:eventId: one public date with its place, the calendar file and the guest registration. */
export function PublicEventPage() {
  const { t } = useTranslation();
  const { slug = "", eventId = "" } = useParams();
  const query = usePublicEvent(slug, eventId);
  const format = useEventFormat();
  const event = query.data;
  usePageMeta(
    event
      ? `${event.title}, ${format.day(event.startsAt)}`
      : query.isError
        ? t("events.public.notFoundTitle")
        : null,
    event
      ? `${format.when(event.startsAt, event.endsAt)} · ${event.organisationName}. ${event.description}`
      : null,
  );

  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400))
      return (
        <Container size="sm" px={0} py="xl">
          <Stack>
            <Title order={1}>{t("events.public.notFoundTitle")}</Title>
            <Text>{t("events.public.notFoundText")}</Text>
            <Button component={Link} to={publicPath(slug)} w="fit-content">
              {t("events.public.backToCalendar")}
            </Button>
          </Stack>
        </Container>
      );
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  const data = query.data;
  const isCancelled = data.status === "cancelled";
  return (
    <Container size="sm" px={0} py={{ base: 0, sm: "md" }}>
      <Stack gap="md">
        <Anchor component={Link} to={publicPath(slug)} size="sm" w="fit-content">
          <IconArrowLeft size={14} aria-hidden /> {t("events.public.backToCalendar")}
        </Anchor>
        <Stack gap="xs">
          <Group gap={6}>
            <Badge variant="light" tt="none">
              {t(`events.kinds.${data.kind}`)}
            </Badge>
            {isCancelled && (
              <Badge color="red" tt="none">
                {t("events.status.cancelled")}
              </Badge>
            )}
          </Group>
          <Title
            order={1}
            fz={{ base: 26, sm: 32 }}
            style={{ overflowWrap: "anywhere" }}
            td={isCancelled ? "line-through" : undefined}
          >
            {data.title}
          </Title>
          <Text c="dimmed">{data.organisationName}</Text>
        </Stack>
        {isCancelled && (
          <Alert color="red" role="status" data-testid="event-cancelled">
            {data.cancelReason
              ? t("events.public.cancelledReason", { reason: data.cancelReason })
              : t("events.public.cancelledText")}
          </Alert>
        )}
        <Group gap={8} wrap="nowrap" align="flex-start">
          <IconCalendarEvent size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <Text fw={600} data-testid="event-when">
            {format.when(data.startsAt, data.endsAt)}
          </Text>
        </Group>
        <EventPlace place={data.place} withMap />
        {!isCancelled && (
          <Button
            component="a"
            href={publicEventCalendarUrl(slug, data.id)}
            download
            variant="default"
            w={{ base: "100%", xs: "fit-content" }}
            leftSection={<IconCalendarDown size={16} aria-hidden />}
            data-testid="event-ics"
          >
            {t("events.feed.download")}
          </Button>
        )}
        {data.description && (
          <Text style={{ whiteSpace: "pre-line" }} data-testid="event-description">
            {data.description}
          </Text>
        )}
        {data.agenda && (
          <Stack gap={4} component="section" aria-labelledby="tagesordnung-titel">
            <Title order={2} fz="h4" id="tagesordnung-titel">
              {t("events.public.agenda")}
            </Title>
            <Text style={{ whiteSpace: "pre-line" }}>{data.agenda}</Text>
          </Stack>
        )}
        {data.minutes && (
          <Stack gap={4} component="section" aria-labelledby="protokoll-titel">
            <Title order={2} fz="h4" id="protokoll-titel">
              {t("events.public.minutes")}
            </Title>
            <Text style={{ whiteSpace: "pre-line" }}>{data.minutes}</Text>
          </Stack>
        )}
        <Registration slug={slug} event={data} />
      </Stack>
    </Container>
  );
}
