import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconCalendarDown } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { MyBooking } from "../../../../contracts/training";
import { compareDates, todayIso } from "../../../../core/shared/dates";
import { useDateFormat } from "../../../components/format";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { courseCalendarUrl, trainingPath, useMyBookings } from "../booking-api";
import { BookingStatusBadge } from "../components/booking-badges";
import { CalendarFeedSection } from "../components/booking-calendar-feed";
import { OwnBookingPanel } from "../components/booking-own";
import { useCourseFormat } from "../components/course-format";
import { CollapsibleSessions } from "../components/course-sessions";

/** Why a booking ended, in her words: cancelled by her, by the office (with its reason), the run called off. */
function EndedText({ booking }: { booking: MyBooking }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const reason = booking.endedReason
    ? ` ${t("training.web.reasonLine", { reason: booking.endedReason })}`
    : "";
  if (booking.courseStatus === "cancelled")
    return <Text size="sm">{`${t("training.web.mine.runCancelled")}${reason}`}</Text>;
  if (booking.status === "movedOut")
    return <Text size="sm">{`${t("training.web.mine.movedOut")}${reason}`}</Text>;
  if (booking.status === "cancelled" && booking.endedAt)
    return (
      <Text size="sm">
        {`${t(
          booking.endedBy === "staff"
            ? "training.web.mine.cancelledByStaff"
            : "training.web.mine.cancelledBySelf",
          {
            date: formatDate(booking.endedAt),
          },
        )}${reason}`}
      </Text>
    );
  return null;
}

function BookingItem({ slug, booking }: { slug: string; booking: MyBooking }) {
  const { t } = useTranslation();
  const format = useCourseFormat();
  const isActive =
    (booking.status === "confirmed" || booking.status === "waiting") && booking.courseStatus !== "cancelled";
  const headingId = `my-${booking.id}`;
  return (
    <Paper withBorder p="md" component="li" aria-labelledby={headingId} data-testid="my-booking">
      <Stack gap="xs">
        <div>
          <Text size="sm" c="dimmed">
            {format.category(booking.category)} · {format.units(booking.units)}
          </Text>
          <Title order={3} fz="lg" id={headingId} style={{ overflowWrap: "anywhere" }}>
            {booking.courseTitle}
          </Title>
          <Text size="sm" fw={500}>
            {format.period(booking.startsOn, booking.endsOn)} ·{" "}
            {t("training.web.sessionCount", { count: booking.sessions.length })}
          </Text>
        </div>
        {isActive && (booking.status === "confirmed" || booking.status === "waiting") ? (
          <OwnBookingPanel
            slug={slug}
            booking={{
              bookingId: booking.id,
              status: booking.status,
              waitingPosition: booking.waitingPosition,
              canCancel: booking.canCancel,
            }}
            title={booking.courseTitle}
            cancellationDeadline={booking.cancellationDeadline}
          />
        ) : (
          <Stack gap={4}>
            <BookingStatusBadge status={booking.status} waitingPosition={booking.waitingPosition} />
            <EndedText booking={booking} />
          </Stack>
        )}
        {booking.sessions.length > 0 && <CollapsibleSessions sessions={booking.sessions} />}
        {isActive && booking.status === "confirmed" && booking.sessions.length > 0 && (
          <Group>
            <Button
              component="a"
              href={courseCalendarUrl(slug, booking.courseId)}
              download
              variant="default"
              size="sm"
              leftSection={<IconCalendarDown size={16} aria-hidden />}
              aria-label={`${t("training.web.calendarFile")}: ${booking.courseTitle}`}
              data-testid="my-booking-ics"
            >
              {t("training.web.calendarFile")}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function BookingList({ slug, bookings, testId }: { slug: string; bookings: MyBooking[]; testId: string }) {
  return (
    <Stack component="ul" gap="md" m={0} p={0} style={{ listStyle: "none" }} data-testid={testId}>
      {bookings.map((booking) => (
        <BookingItem key={booking.id} slug={slug} booking={booking} />
      ))}
    </Stack>
  );
}

function MyTrainingView({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const bookings = useMyBookings(membership.slug);
  const today = todayIso(new Date());
  return (
    <Stack gap="lg" maw={820}>
      <PageHeader title={t("training.web.mine.title")} description={t("training.web.mine.intro")} />
      <QueryState query={bookings}>
        {(data) => {
          const isCurrent = (b: MyBooking) =>
            (b.status === "confirmed" || b.status === "waiting") &&
            b.courseStatus !== "cancelled" &&
            compareDates(b.endsOn, today) >= 0;
          const current = data.items.filter(isCurrent).sort((a, b) => compareDates(a.startsOn, b.startsOn));
          const earlier = data.items.filter((b) => !isCurrent(b));
          return (
            <>
              <Section id="meine-kurse" title={t("training.web.mine.currentTitle")}>
                {current.length === 0 ? (
                  <Text size="sm">
                    {t("training.web.mine.noCurrent")}{" "}
                    <Anchor component={Link} to={trainingPath(membership.slug)} underline="always">
                      {t("training.web.mine.toCatalogue")}
                    </Anchor>
                  </Text>
                ) : (
                  <BookingList slug={membership.slug} bookings={current} testId="my-current" />
                )}
              </Section>
              {earlier.length > 0 && (
                <Section id="frueher" title={t("training.web.mine.earlierTitle")}>
                  <BookingList slug={membership.slug} bookings={earlier} testId="my-earlier" />
                </Section>
              )}
            </>
          );
        }}
      </QueryState>
      <CalendarFeedSection />
    </Stack>
  );
}

/** "fortbildungen/meine": her bookings with place or waiting position, calendar files and the calendar feed. */
export function MyTrainingPage() {
  return <OrgGuard>{(membership) => <MyTrainingView membership={membership} />}</OrgGuard>;
}
