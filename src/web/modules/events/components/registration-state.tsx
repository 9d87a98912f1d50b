import { Alert, Anchor, Badge, Button, Stack, Text } from "@mantine/core";
import { IconCalendarDown, IconCircleCheck, IconClock, IconX } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { GuestRegistrationView, MyRegistration } from "../../../../contracts/events";
import { publicEventCalendarUrl, publicPath } from "../api";
import { useEventFormat } from "./event-format";
import { EventPlace } from "./event-place";

/** A guest's registration as the confirmation page and the guest's own page show it. */
export function GuestRegistrationState({ view }: { view: GuestRegistrationView }) {
  const { t } = useTranslation();
  const format = useEventFormat();
  const { event } = view;
  const isWaiting = view.status === "waiting";
  const isCancelled = view.status === "cancelled";
  const eventCancelled = event.status === "cancelled";
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Text fw={700} fz="lg">
          {event.title}
        </Text>
        <Text>{format.when(event.startsAt, event.endsAt)}</Text>
      </Stack>
      <Alert
        color={isCancelled || eventCancelled ? "gray" : isWaiting ? "yellow" : "teal"}
        variant="light"
        icon={
          isCancelled || eventCancelled ? (
            <IconX aria-hidden />
          ) : isWaiting ? (
            <IconClock aria-hidden />
          ) : (
            <IconCircleCheck aria-hidden />
          )
        }
        role="status"
      >
        <Text size="sm" c="var(--mantine-color-text)" data-testid="guest-registration-status">
          {eventCancelled
            ? event.cancelReason
              ? `${t("events.public.cancelledReason", { reason: event.cancelReason })} ${t("events.registration.eventCancelled")}`
              : t("events.registration.eventCancelled")
            : isCancelled
              ? t("events.registration.cancelledText")
              : isWaiting
                ? t("events.confirm.waitingText", { position: view.waitingPosition ?? "–" })
                : t("events.confirm.confirmedText", { organisation: view.organisationName })}
        </Text>
      </Alert>
      {!isCancelled && !eventCancelled && (
        <>
          <EventPlace place={event.place} />
          <Button
            component="a"
            href={publicEventCalendarUrl(view.organisationSlug, event.id)}
            download
            variant="default"
            w="fit-content"
            leftSection={<IconCalendarDown size={16} aria-hidden />}
          >
            {t("events.feed.download")}
          </Button>
        </>
      )}
      <Anchor component={Link} to={publicPath(view.organisationSlug)}>
        {t("events.confirm.toCalendar", { organisation: view.organisationName })}
      </Anchor>
    </Stack>
  );
}

/**
 * A member's own state at a date in one badge: registered, her place on the waiting list, or not registered
 * (a cancelled registration counts as not registered: she may register again).
 */
export function MyRegistrationBadge({ registration }: { registration: MyRegistration | null }) {
  const { t } = useTranslation();
  const status = registration?.status ?? "cancelled";
  return (
    <Badge
      variant={status === "cancelled" ? "outline" : "light"}
      color={status === "confirmed" ? "green" : status === "waiting" ? "yellow" : "gray"}
      tt="none"
      data-testid="my-registration-state"
      data-status={status}
    >
      {status === "confirmed"
        ? t("events.status.confirmed")
        : status === "waiting"
          ? t("events.status.waiting", { position: registration?.waitingPosition ?? "–" })
          : t("events.member.notRegistered")}
    </Badge>
  );
}
