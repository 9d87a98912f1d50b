import { Anchor, Badge, Stack, Text } from "@mantine/core";
import { IconVideo } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import type { MyMembership } from "../../../../contracts/organisations";
import { addDays, todayIso } from "../../../../core/shared/dates";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { CalendarFeedSection } from "../../training/components/booking-calendar-feed";
import { eventsPath, useMemberEvents } from "../api";
import { EventCard, EventList } from "../components/event-card";
import { EVENT_TIME_ZONE } from "../components/event-format";
import { MyRegistrationBadge } from "../components/registration-state";

/** Half a year ahead: far enough for the next Stammtisch dates and the general meeting, short enough to read. */
const DAYS_AHEAD = 183;

function Dates({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const today = todayIso(new Date(), EVENT_TIME_ZONE);
  const events = useMemberEvents(membership.slug, today, addDays(today, DAYS_AHEAD));
  return (
    <Section id="kommende" title={t("events.member.upcoming")}>
      <QueryState query={events}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t("events.member.empty")}</Text>
          ) : (
            <EventList testId="member-events">
              {data.items.map((event) => (
                <EventCard
                  key={event.id}
                  event={event}
                  to={eventsPath(membership.slug, event.id)}
                  badges={
                    <>
                      <Badge variant="outline" tt="none" color="gray">
                        {t(`events.audienceShort.${event.audience}`)}
                      </Badge>
                      {event.registration.enabled && event.status !== "cancelled" && (
                        <MyRegistrationBadge registration={event.myRegistration} />
                      )}
                    </>
                  }
                >
                  {/* The API sends the link only to those who may have it (registered, or no registration). */}
                  {event.place.onlineUrl && event.status !== "cancelled" && (
                    <Anchor
                      href={event.place.onlineUrl}
                      target="_blank"
                      rel="noreferrer"
                      size="sm"
                      w="fit-content"
                      style={{ overflowWrap: "anywhere" }}
                    >
                      <IconVideo size={14} aria-hidden /> {t("events.place.onlineLink")}
                    </Anchor>
                  )}
                </EventCard>
              ))}
            </EventList>
          )
        }
      </QueryState>
    </Section>
  );
}

/** termine: the dates of her organisation that are for her, her own state at each, and her calendar feed. */
export function MemberEventsPage() {
  const { t } = useTranslation();
  return (
    <OrgGuard>
      {(membership) => (
        <Stack gap="md">
          <PageHeader title={t("events.member.title")} description={t("events.member.intro")} />
          <Dates membership={membership} />
          <CalendarFeedSection />
        </Stack>
      )}
    </OrgGuard>
  );
}
