import { Anchor, Badge, Button, Group, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArrowLeft, IconCalendarDown, IconEdit, IconExternalLink } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { type MinutesInput, minutesVisibilities, type StaffEventDetail } from "../../../../contracts/events";
import type { MyMembership } from "../../../../contracts/organisations";
import { post, put } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import {
  adminPath,
  eventApi,
  eventCalendarUrl,
  publicPath,
  refreshEvents,
  STAFF_ROLES,
  seriesPath,
  useStaffEvent,
} from "../api";
import { useEventFormat, usePlacesText } from "../components/event-format";
import { EventPlace } from "../components/event-place";
import { ReasonButton } from "../components/reason-button";
import { RegistrationsSection } from "../components/registrations-section";

function MinutesSection({ slug, event }: { slug: string; event: StaffEventDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useForm<MinutesInput>({
    initialValues: {
      agenda: event.agenda,
      minutes: event.minutes,
      minutesVisibility: event.minutesVisibility,
    },
  });
  const save = useMutation({
    mutationFn: (values: MinutesInput) =>
      put<StaffEventDetail>(`${eventApi(slug, event.id)}/minutes`, values),
    onSuccess: async () => {
      await refreshEvents(client, slug);
      notifySuccess(t("events.minutes.saved"));
    },
  });
  return (
    <Section id="protokoll" title={t("events.minutes.title")}>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        <Stack gap="sm">
          {save.error && <ErrorAlert error={save.error} />}
          <Textarea
            label={t("events.minutes.agenda")}
            description={t("events.minutes.agendaHint")}
            autosize
            minRows={3}
            maxLength={20000}
            {...form.getInputProps("agenda")}
          />
          <Textarea
            label={t("events.minutes.minutes")}
            autosize
            minRows={5}
            maxLength={50000}
            {...form.getInputProps("minutes")}
          />
          <NativeSelect
            label={t("events.minutes.visibility")}
            data={minutesVisibilities.map((v) => ({ value: v, label: t(`events.minutesVisibilities.${v}`) }))}
            {...form.getInputProps("minutesVisibility")}
          />
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t("events.minutes.save")}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function Detail({ membership, event }: { membership: MyMembership; event: StaffEventDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const format = useEventFormat();
  const placesText = usePlacesText();
  const slug = membership.slug;
  const isCancelled = event.status === "cancelled";
  const cancel = useMutation({
    mutationFn: (reason: string) => post<StaffEventDetail>(`${eventApi(slug, event.id)}/cancel`, { reason }),
    onSuccess: async () => {
      await refreshEvents(client, slug);
      notifySuccess(t("events.admin.cancelled"));
    },
  });
  const places = placesText(event.registration);
  return (
    <Stack gap="md">
      <PageHeader
        title={event.title}
        description={format.when(event.startsAt, event.endsAt)}
        actions={
          !isCancelled && (
            <Button
              component={Link}
              to={adminPath(slug, `${event.id}/bearbeiten`)}
              variant="default"
              leftSection={<IconEdit size={16} aria-hidden />}
            >
              {t(event.seriesId ? "events.admin.editDate" : "events.admin.edit")}
            </Button>
          )
        }
      />
      <Group gap={6}>
        <Badge variant="light" tt="none">
          {t(`events.kinds.${event.kind}`)}
        </Badge>
        <Badge variant="outline" color="gray" tt="none">
          {t(`events.audienceShort.${event.audience}`)}
        </Badge>
        {isCancelled && (
          <Badge color="red" tt="none" data-testid="event-cancelled">
            {t("events.status.cancelled")}
          </Badge>
        )}
        {event.isDetached && (
          <Badge variant="outline" tt="none">
            {t("events.admin.detachedBadge")}
          </Badge>
        )}
      </Group>
      {isCancelled && event.cancelReason && (
        <Text c="red.9">{t("events.public.cancelledReason", { reason: event.cancelReason })}</Text>
      )}
      <EventPlace place={event.place} />
      {places && <Text fw={600}>{places}</Text>}
      <Text size="sm">
        {t("events.admin.organisers")}:{" "}
        {event.organisers.length > 0
          ? event.organisers.map((p) => p.name).join(", ")
          : t("events.admin.noOrganisers")}
      </Text>
      {event.description && <Text style={{ whiteSpace: "pre-line" }}>{event.description}</Text>}
      <Group gap="xs">
        <Button
          component="a"
          href={eventCalendarUrl(slug, event.id)}
          download
          variant="default"
          leftSection={<IconCalendarDown size={16} aria-hidden />}
        >
          {t("events.admin.calendarFile")}
        </Button>
        {event.audience === "public" && (
          <Button
            component={Link}
            to={publicPath(slug, event.id)}
            variant="default"
            leftSection={<IconExternalLink size={16} aria-hidden />}
          >
            {t("events.admin.publicPage")}
          </Button>
        )}
        {event.seriesId && (
          <Button component={Link} to={seriesPath(slug, event.seriesId)} variant="default">
            {t("events.admin.openSeries")}
          </Button>
        )}
        {!isCancelled && (
          <ReasonButton
            title={t("events.admin.cancelEventTitle")}
            message={t("events.admin.cancelEventText")}
            reasonLabel={t("events.admin.cancelReason")}
            confirmLabel={t("events.admin.cancelEvent")}
            isReasonRequired
            onConfirm={(reason) => cancel.mutateAsync(reason)}
            loading={cancel.isPending}
            error={cancel.error}
            data-testid="event-cancel"
          >
            {t("events.admin.cancelEvent")}
          </ReasonButton>
        )}
      </Group>
      {event.registration.enabled && <RegistrationsSection slug={slug} eventId={event.id} />}
      <MinutesSection key={event.revision} slug={slug} event={event} />
    </Stack>
  );
}

/** termine/verwalten/:id: one date for staff — its details, the registrations and attendance, agenda and minutes. */
export function AdminEventPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  return (
    <OrgGuard roles={STAFF_ROLES}>
      {(membership) => <EventQuery membership={membership} id={id} back={t("events.admin.back")} />}
    </OrgGuard>
  );
}

function EventQuery({ membership, id, back }: { membership: MyMembership; id: string; back: string }) {
  const event = useStaffEvent(membership.slug, id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={adminPath(membership.slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {back}
      </Anchor>
      <QueryState query={event}>{(data) => <Detail membership={membership} event={data} />}</QueryState>
    </Stack>
  );
}
