import { Anchor, Badge, Button, Group, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconEdit } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { EventListItem, StaffSeriesDetail } from "../../../../contracts/events";
import type { MyMembership } from "../../../../contracts/organisations";
import { post } from "../../../app/api";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { adminPath, refreshEvents, STAFF_ROLES, seriesApi, seriesPath, useSeries } from "../api";
import { EventCard, EventList } from "../components/event-card";
import { useRuleText } from "../components/event-format";
import { EventPlace } from "../components/event-place";
import { ReasonButton } from "../components/reason-button";

function DateItem({
  slug,
  series,
  event,
}: {
  slug: string;
  series: StaffSeriesDetail;
  event: EventListItem;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const client = useQueryClient();
  const skip = useMutation({
    mutationFn: (reason: string) => post(`${seriesApi(slug, series.id)}/skip`, { date: event.date, reason }),
    onSuccess: async () => {
      await refreshEvents(client, slug);
      notifySuccess(t("events.series.skipped"));
    },
  });
  const isPast = new Date(event.startsAt).getTime() < Date.now();
  return (
    <EventCard
      event={event}
      to={adminPath(slug, event.id)}
      badges={
        event.isDetached && (
          <Badge variant="outline" tt="none">
            {t("events.admin.detachedBadge")}
          </Badge>
        )
      }
    >
      {event.status !== "cancelled" && !isPast && (
        <Group gap="xs">
          <ReasonButton
            size="compact-sm"
            title={t("events.series.skipTitle", { date: formatDate(event.date) })}
            message={t("events.series.skipText")}
            reasonLabel={t("events.series.skipReason")}
            confirmLabel={t("events.series.skip")}
            onConfirm={(reason) => skip.mutateAsync(reason)}
            loading={skip.isPending}
            error={skip.error}
          >
            {t("events.series.skip")}
          </ReasonButton>
        </Group>
      )}
    </EventCard>
  );
}

function Detail({ membership, series }: { membership: MyMembership; series: StaffSeriesDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const ruleText = useRuleText();
  const { formatDate } = useDateFormat();
  const slug = membership.slug;
  const isEnded = series.status === "ended";
  const end = useMutation({
    mutationFn: (reason: string) => post(`${seriesApi(slug, series.id)}/cancel`, { reason }),
    onSuccess: async () => {
      await refreshEvents(client, slug);
      notifySuccess(t("events.series.ended"));
    },
  });
  return (
    <Stack gap="md">
      <PageHeader
        title={t("events.series.title", { title: series.title })}
        description={<span data-testid="series-rule">{ruleText(series.recurrence, series.from)}</span>}
        actions={
          !isEnded && (
            <Button
              component={Link}
              to={seriesPath(slug, series.id, "bearbeiten")}
              variant="default"
              leftSection={<IconEdit size={16} aria-hidden />}
            >
              {t("events.admin.editSeries")}
            </Button>
          )
        }
      />
      <Group gap={6}>
        <Badge variant="light" tt="none">
          {t(`events.kinds.${series.kind}`)}
        </Badge>
        <Badge variant="outline" color="gray" tt="none">
          {t(`events.audienceShort.${series.audience}`)}
        </Badge>
        {isEnded && (
          <Badge color="red" tt="none">
            {t("events.series.endedBadge")}
          </Badge>
        )}
      </Group>
      <EventPlace place={series.place} />
      {series.exceptions.length > 0 && (
        <Text size="sm">
          {t("events.series.exceptions")}: {series.exceptions.map((d) => formatDate(d)).join(", ")}
        </Text>
      )}
      <Section id="termine" title={t("events.series.dates")} intro={t("events.series.datesIntro")}>
        <EventList testId="series-dates">
          {series.dates.map((event) => (
            <DateItem key={event.id} slug={slug} series={series} event={event} />
          ))}
        </EventList>
      </Section>
      {!isEnded && (
        <ReasonButton
          w="fit-content"
          title={t("events.series.endTitle")}
          message={t("events.series.endText")}
          reasonLabel={t("events.admin.cancelReason")}
          confirmLabel={t("events.series.end")}
          isReasonRequired
          onConfirm={(reason) => end.mutateAsync(reason)}
          loading={end.isPending}
          error={end.error}
        >
          {t("events.series.end")}
        </ReasonButton>
      )}
    </Stack>
  );
}

function SeriesQuery({ membership, id }: { membership: MyMembership; id: string }) {
  const { t } = useTranslation();
  const series = useSeries(membership.slug, id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={adminPath(membership.slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("events.admin.back")}
      </Anchor>
      <QueryState query={series}>{(data) => <Detail membership={membership} series={data} />}</QueryState>
    </Stack>
  );
}

/** termine/verwalten/reihe/:seriesId: a series — its rule, its dates (skip one), edit or end it. */
export function AdminSeriesPage() {
  const { seriesId = "" } = useParams();
  return (
    <OrgGuard roles={STAFF_ROLES}>
      {(membership) => <SeriesQuery membership={membership} id={seriesId} />}
    </OrgGuard>
  );
}
