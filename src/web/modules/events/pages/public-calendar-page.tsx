import { Anchor, Button, Container, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { IconCalendarDown } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { addDays, addMonths, todayIso } from "../../../../core/shared/dates";
import { ApiError } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { PageHeader } from "../../../components/page-header";
import { usePageMeta } from "../../../components/page-meta";
import { publicEventCalendarUrl, publicFeedUrl, publicPath, usePublicEvents } from "../api";
import { CalendarSubscribe } from "../components/calendar-subscribe";
import { EventCard, EventList } from "../components/event-card";
import { EVENT_TIME_ZONE } from "../components/event-format";
import { MonthCalendar } from "../components/month-calendar";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function NotFound() {
  const { t } = useTranslation();
  return (
    <Container size="sm" px={0} py="xl">
      <Stack>
        <PageHeader title={t("events.public.notFoundTitle")} />
        <Text>{t("events.public.notFoundText")}</Text>
        <Button component={Link} to="/" w="fit-content">
          {t("common.home")}
        </Button>
      </Stack>
    </Container>
  );
}

/** The month view's dates: one request for the month shown. */
function MonthView({
  slug,
  monthKey,
  onMonthChange,
}: {
  slug: string;
  monthKey: string;
  onMonthChange: (m: string) => void;
}) {
  const { t } = useTranslation();
  const first = `${monthKey}-01`;
  const last = addDays(addMonths(first, 1), -1);
  const events = usePublicEvents(slug, { from: first, to: last, limit: 200 });
  if (events.isError) return <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />;
  const items = events.data?.items ?? [];
  return (
    <Stack gap="xs" aria-busy={events.isFetching}>
      <MonthCalendar
        monthKey={monthKey}
        today={todayIso(new Date(), EVENT_TIME_ZONE)}
        onMonthChange={onMonthChange}
        items={items.map((event) => ({
          id: event.id,
          startsAt: event.startsAt,
          title: event.title,
          to: publicPath(slug, event.id),
          isCancelled: event.status === "cancelled",
        }))}
      />
      {events.isSuccess && items.length === 0 && (
        <Text c="dimmed" role="status">
          {t("events.public.emptyMonth")}
        </Text>
      )}
    </Stack>
  );
}

/**
 * /o/:slug/termine: an organisation's public dates as a list (the default, made for phones) or as a month
 * table, with the feed to subscribe to. The view and the month stand in the address, so a link keeps them.
 */
export function PublicCalendarPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const view = params.get("ansicht") === "monat" ? "month" : "list";
  const monthParam = params.get("monat") ?? "";
  const monthKey = MONTH.test(monthParam) ? monthParam : todayIso(new Date(), EVENT_TIME_ZONE).slice(0, 7);
  const list = usePublicEvents(slug);
  const organisation = list.data?.organisationName;
  usePageMeta(
    organisation ? `${t("events.public.title")} – ${organisation}` : null,
    organisation ? t("events.public.metaDescription", { organisation }) : null,
  );

  const setView = (next: string) => {
    const query = new URLSearchParams(params);
    if (next === "month") query.set("ansicht", "monat");
    else query.delete("ansicht");
    setParams(query, { replace: true });
  };
  const setMonth = (next: string) => {
    const query = new URLSearchParams(params);
    query.set("monat", next);
    setParams(query, { replace: true });
  };

  if (list.isPending) return <Loading />;
  if (list.isError) {
    if (list.error instanceof ApiError && list.error.status === 404) return <NotFound />;
    return <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  }
  const data = list.data;
  return (
    <Container size="md" px={0} py={{ base: 0, sm: "md" }}>
      <Stack gap="md">
        <PageHeader
          title={t("events.public.title")}
          description={
            <>
              {t("events.public.intro", { organisation: data.organisationName })}{" "}
              <Anchor component={Link} to={`/o/${slug}`} underline="always">
                {t("events.public.aboutOrganisation", { organisation: data.organisationName })}
              </Anchor>
            </>
          }
        />
        <SegmentedControl
          value={view}
          onChange={setView}
          aria-label={t("events.public.views")}
          data={[
            { value: "list", label: t("events.public.list") },
            { value: "month", label: t("events.public.month") },
          ]}
          w={{ base: "100%", xs: "fit-content" }}
          data-testid="calendar-view"
        />
        {view === "month" ? (
          <MonthView slug={slug} monthKey={monthKey} onMonthChange={setMonth} />
        ) : data.items.length === 0 ? (
          <Text>{t("events.public.empty")}</Text>
        ) : (
          <EventList testId="public-events">
            {data.items.map((event) => (
              <EventCard key={event.id} event={event} to={publicPath(slug, event.id)} headingLevel={2}>
                {event.status !== "cancelled" && (
                  <Anchor
                    href={publicEventCalendarUrl(slug, event.id)}
                    download
                    size="sm"
                    w="fit-content"
                    aria-label={t("events.feed.downloadFor", { title: event.title })}
                  >
                    <IconCalendarDown size={14} aria-hidden /> {t("events.feed.download")}
                  </Anchor>
                )}
              </EventCard>
            ))}
          </EventList>
        )}
        <Stack gap="xs" component="section" aria-labelledby="abo-titel" mt="md">
          <Title order={2} fz="h3" id="abo-titel">
            {t("events.public.subscribeTitle")}
          </Title>
          <CalendarSubscribe url={publicFeedUrl(slug)} />
        </Stack>
        <Stack gap={4} component="section" aria-labelledby="mitglieder-titel">
          <Title order={2} fz="h4" id="mitglieder-titel">
            {t("events.public.membersTitle")}
          </Title>
          <Text size="sm">
            {t("events.public.membersText")}{" "}
            <Anchor component={Link} to="/anmelden" underline="always">
              {t("common.signIn")}
            </Anchor>
          </Text>
        </Stack>
      </Stack>
    </Container>
  );
}
