import { Alert, Anchor, Badge, Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft, IconCalendarDown, IconCalendarEvent } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MemberEventDetail } from "../../../../contracts/events";
import type { MyMembership } from "../../../../contracts/organisations";
import { ApiError } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { OrgGuard } from "../../../components/org-guard";
import { usePageMeta } from "../../../components/page-meta";
import { MeetingVotesLink } from "../../votes/components/meeting-votes-link";
import { eventCalendarUrl, eventsPath, useMemberEvent } from "../api";
import { useEventFormat } from "../components/event-format";
import { EventPlace } from "../components/event-place";
import { MemberRegistration } from "../components/member-registration";
import { RegistrationsSection } from "../components/registrations-section";

function Details({
  slug,
  event,
  afterTitle,
}: {
  slug: string;
  event: MemberEventDetail;
  afterTitle?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useEventFormat();
  const isCancelled = event.status === "cancelled";
  return (
    <Stack gap="md">
      <Stack gap="xs">
        <Group gap={6}>
          <Badge variant="light" tt="none">
            {t(`events.kinds.${event.kind}`)}
          </Badge>
          <Badge variant="outline" tt="none" color="gray">
            {t(`events.audienceShort.${event.audience}`)}
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
          {event.title}
        </Title>
      </Stack>
      {afterTitle}
      {isCancelled && (
        <Alert color="red" role="status" data-testid="event-cancelled">
          {event.cancelReason
            ? t("events.public.cancelledReason", { reason: event.cancelReason })
            : t("events.public.cancelledText")}
        </Alert>
      )}
      <Group gap={8} wrap="nowrap" align="flex-start">
        <IconCalendarEvent size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text fw={600} data-testid="event-when">
          {format.when(event.startsAt, event.endsAt)}
        </Text>
      </Group>
      <EventPlace place={event.place} withMap />
      {!isCancelled && (
        <Button
          component="a"
          href={eventCalendarUrl(slug, event.id)}
          download
          variant="default"
          w={{ base: "100%", xs: "fit-content" }}
          leftSection={<IconCalendarDown size={16} aria-hidden />}
          data-testid="event-ics"
        >
          {t("events.feed.download")}
        </Button>
      )}
      {event.description && (
        <Text style={{ whiteSpace: "pre-line" }} data-testid="event-description">
          {event.description}
        </Text>
      )}
      {event.organisers.length > 0 && (
        <Text size="sm">
          <Text span fw={600} inherit>
            {t("events.member.organisers")}:
          </Text>{" "}
          {event.organisers.map((person) => person.name).join(", ")}
        </Text>
      )}
      {event.agenda && (
        <Stack gap={4} component="section" aria-labelledby="tagesordnung-titel">
          <Title order={2} fz="h4" id="tagesordnung-titel">
            {t("events.public.agenda")}
          </Title>
          <Text style={{ whiteSpace: "pre-line" }}>{event.agenda}</Text>
        </Stack>
      )}
      {event.minutes && (
        <Stack gap={4} component="section" aria-labelledby="protokoll-titel">
          <Title order={2} fz="h4" id="protokoll-titel">
            {t("events.public.minutes")}
          </Title>
          <Text style={{ whiteSpace: "pre-line" }}>{event.minutes}</Text>
        </Stack>
      )}
      <MemberRegistration slug={slug} event={event} />
      {/* Organisers who are not staff see the registrations here; the staff page has them too. */}
      {event.canManage && event.registration.enabled && (
        <RegistrationsSection slug={slug} eventId={event.id} />
      )}
    </Stack>
  );
}

function Page({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const query = useMemberEvent(membership.slug, id);
  const format = useEventFormat();
  const notFound =
    query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
  usePageMeta(
    query.data
      ? `${query.data.title}, ${format.day(query.data.startsAt)}`
      : notFound
        ? t("events.public.notFoundTitle")
        : null,
  );
  const back = (
    <Anchor component={Link} to={eventsPath(membership.slug)} size="sm" w="fit-content">
      <IconArrowLeft size={14} aria-hidden /> {t("events.member.back")}
    </Anchor>
  );
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (notFound)
      return (
        <Stack>
          {back}
          <Title order={1}>{t("events.public.notFoundTitle")}</Title>
          <Text>{t("events.member.notFoundText")}</Text>
        </Stack>
      );
    return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Stack gap="md" maw={760}>
      {back}
      <Details
        slug={membership.slug}
        event={query.data}
        afterTitle={<MeetingVotesLink membership={membership} eventId={query.data.id} />}
      />
    </Stack>
  );
}

/** termine/:id: one date for a member, with its place, the calendar file and her registration. */
export function MemberEventPage() {
  return <OrgGuard>{(membership) => <Page membership={membership} />}</OrgGuard>;
}
