import { Alert, Stack, Text } from "@mantine/core";
import { IconCircleCheck, IconClock } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MyBooking } from "../../../../contracts/training";
import { post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { myBookingsApi, refreshBookings } from "../booking-api";
import { BookingStatusBadge } from "./booking-badges";

/** Her own booking of a run: place or waiting position, and giving it back while she may. */
export function OwnBookingPanel({
  slug,
  booking,
  title,
  cancellationDeadline,
}: {
  slug: string;
  booking: {
    bookingId: string;
    status: "confirmed" | "waiting";
    waitingPosition: number | null;
    canCancel: boolean;
  };
  title: string;
  cancellationDeadline: string;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const client = useQueryClient();
  const cancel = useMutation({
    mutationFn: () =>
      post<MyBooking>(`${myBookingsApi(slug)}/${encodeURIComponent(booking.bookingId)}/cancel`),
    onSuccess: async () => {
      await refreshBookings(client, slug);
      notifySuccess(
        t(booking.status === "confirmed" ? "training.web.mine.cancelled" : "training.web.mine.leftWaiting"),
      );
    },
  });
  const deadline = formatDate(cancellationDeadline);
  const isWaiting = booking.status === "waiting";
  return (
    <Stack gap="xs" data-testid="own-booking">
      <Alert
        color={isWaiting ? "yellow" : "teal"}
        variant="light"
        icon={isWaiting ? <IconClock aria-hidden /> : <IconCircleCheck aria-hidden />}
        p="sm"
      >
        <Stack gap={4}>
          <BookingStatusBadge status={booking.status} waitingPosition={booking.waitingPosition} />
          <Text size="sm" c="var(--mantine-color-text)">
            {isWaiting
              ? t("training.web.mine.waitingText", { position: booking.waitingPosition ?? "–" })
              : booking.canCancel
                ? t("training.web.mine.confirmedText", { deadline })
                : t("training.web.mine.deadlinePassed", { deadline })}
          </Text>
        </Stack>
      </Alert>
      {cancel.isError && <ErrorAlert error={cancel.error} />}
      {booking.canCancel && (
        <ConfirmButton
          variant="default"
          w="fit-content"
          title={t(isWaiting ? "training.web.mine.leaveWaitingTitle" : "training.web.mine.cancelTitle")}
          message={t(isWaiting ? "training.web.mine.leaveWaitingText" : "training.web.mine.cancelText", {
            title,
          })}
          confirmLabel={t(isWaiting ? "training.web.mine.leaveWaiting" : "training.web.mine.cancel")}
          onConfirm={() => cancel.mutateAsync().catch(() => undefined)}
          loading={cancel.isPending}
          color="red.9"
          data-testid="own-cancel"
        >
          {t(isWaiting ? "training.web.mine.leaveWaiting" : "training.web.mine.cancel")}
        </ConfirmButton>
      )}
    </Stack>
  );
}
