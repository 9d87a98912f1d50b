import { Badge, Button, Group, NativeSelect, SegmentedControl, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { type EventKind, type EventListQuery, eventKinds } from "../../../../contracts/events";
import type { MyMembership } from "../../../../contracts/organisations";
import { addDays, todayIso } from "../../../../core/shared/dates";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useUrlFilters } from "../../../components/url-filters";
import { adminPath, STAFF_ROLES, useStaffEvents } from "../api";
import { EventCard, EventList } from "../components/event-card";
import { EVENT_TIME_ZONE, usePlacesText } from "../components/event-format";

function Dates({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const [params, updateParams] = useUrlFilters();
  const isPast = params.get("zeit") === "vergangen";
  const kindParam = params.get("art") ?? "";
  const kind = (eventKinds as readonly string[]).includes(kindParam) ? (kindParam as EventKind) : undefined;
  const today = todayIso(new Date(), EVENT_TIME_ZONE);
  const query: EventListQuery = isPast
    ? { from: addDays(today, -365), to: addDays(today, -1), ...(kind ? { kind } : {}) }
    : { from: today, ...(kind ? { kind } : {}) };
  const events = useStaffEvents(membership.slug, query);
  const placesText = usePlacesText();
  const set = (key: string, value: string) => {
    updateParams({ [key]: value });
  };
  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end">
        <SegmentedControl
          value={isPast ? "vergangen" : ""}
          onChange={(value) => set("zeit", value)}
          data={[
            { value: "", label: t("events.admin.upcoming") },
            { value: "vergangen", label: t("events.admin.past") },
          ]}
          aria-label={t("events.public.views")}
        />
        <NativeSelect
          label={t("events.admin.filterKind")}
          value={kind ?? ""}
          onChange={(event) => set("art", event.currentTarget.value)}
          data={[
            { value: "", label: t("events.admin.allKinds") },
            ...eventKinds.map((value) => ({ value, label: t(`events.kinds.${value}`) })),
          ]}
        />
      </Group>
      <QueryState query={events}>
        {(data) => {
          const items = isPast ? [...data.items].reverse() : data.items;
          if (items.length === 0) return <Text>{t("events.admin.empty")}</Text>;
          return (
            <EventList testId="admin-events">
              {items.map((event) => {
                const counts = event.registration.enabled
                  ? event.registration.capacity === null
                    ? t("events.places.count", { confirmed: event.registration.confirmed })
                    : t("events.places.countOf", {
                        confirmed: event.registration.confirmed,
                        capacity: event.registration.capacity,
                      })
                  : null;
                return (
                  <EventCard
                    key={event.id}
                    event={event}
                    to={adminPath(membership.slug, event.id)}
                    badges={
                      <>
                        <Badge variant="outline" tt="none" color="gray">
                          {t(`events.audienceShort.${event.audience}`)}
                        </Badge>
                        {event.seriesId && (
                          <Badge variant="outline" tt="none">
                            {t("events.admin.seriesBadge")}
                          </Badge>
                        )}
                      </>
                    }
                  >
                    {counts && (
                      <Text size="sm" fw={600} data-testid="admin-event-counts">
                        {counts}
                        {event.registration.waiting > 0 &&
                          ` · ${t("events.places.waiting", { count: event.registration.waiting })}`}
                      </Text>
                    )}
                    {!counts && placesText(event.registration)}
                  </EventCard>
                );
              })}
            </EventList>
          );
        }}
      </QueryState>
    </Stack>
  );
}

/** termine/verwalten: the organisation's dates for the board and the coordinators, with the way to plan new ones. */
export function AdminEventsPage() {
  const { t } = useTranslation();
  return (
    <OrgGuard roles={STAFF_ROLES}>
      {(membership) => (
        <Stack gap="md">
          <PageHeader
            title={t("events.admin.title")}
            description={t("events.admin.intro")}
            actions={
              <Button
                component={Link}
                to={adminPath(membership.slug, "neu")}
                leftSection={<IconPlus size={16} aria-hidden />}
                data-testid="event-new"
              >
                {t("events.admin.new")}
              </Button>
            }
          />
          <Dates membership={membership} />
        </Stack>
      )}
    </OrgGuard>
  );
}
