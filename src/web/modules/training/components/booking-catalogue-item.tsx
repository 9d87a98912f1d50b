import { Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MemberCatalogueItem, MyBooking } from "../../../../contracts/training";
import { post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { catalogueApi, refreshBookings, trainingPath } from "../booking-api";
import { OwnBookingPanel } from "./booking-own";
import { CourseCard } from "./course-card";
import { prerequisitesOf, useCourseFormat } from "./course-format";

function BookButton({ slug, course }: { slug: string; course: MemberCatalogueItem }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const format = useCourseFormat();
  const client = useQueryClient();
  const toWaitingList = course.freePlaces === 0 || course.waitingCount > 0;
  const book = useMutation({
    mutationFn: () => post<MyBooking>(`${catalogueApi(slug)}/${encodeURIComponent(course.id)}/book`),
    onSuccess: async (booking) => {
      await refreshBookings(client, slug);
      notifySuccess(
        booking.status === "confirmed"
          ? t("training.web.book.booked")
          : t("training.web.book.waitlisted", { position: booking.waitingPosition ?? "–" }),
      );
    },
  });
  const label = t(toWaitingList ? "training.web.book.joinWaiting" : "training.web.book.book");
  return (
    <Stack gap="xs">
      {book.isError && <ErrorAlert error={book.error} />}
      <ConfirmButton
        w={{ base: "100%", xs: "fit-content" }}
        variant={toWaitingList ? "default" : "filled"}
        title={t(toWaitingList ? "training.web.book.waitingTitle" : "training.web.book.title")}
        message={
          <>
            {t(toWaitingList ? "training.web.book.waitingText" : "training.web.book.text", {
              title: course.title,
            })}{" "}
            {t("training.web.book.terms", {
              fee: format.fee(course.feeCents),
              deadline: formatDate(course.cancellationDeadline),
            })}
          </>
        }
        confirmLabel={label}
        onConfirm={() => book.mutateAsync().catch(() => undefined)}
        loading={book.isPending}
        aria-label={`${label}: ${course.title}`}
        data-testid="course-book"
      >
        {label}
      </ConfirmButton>
    </Stack>
  );
}

/** One run for her: the facts, then booking, the waiting list or her own booking. */
export function CatalogueItem({
  slug,
  course,
  isStandalone = false,
}: {
  slug: string;
  course: MemberCatalogueItem;
  isStandalone?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <CourseCard
      course={course}
      prerequisites={prerequisitesOf(course.category)}
      titleHref={trainingPath(slug, course.id)}
      isStandalone={isStandalone}
    >
      {course.own ? (
        <OwnBookingPanel
          slug={slug}
          booking={course.own}
          title={course.title}
          cancellationDeadline={course.cancellationDeadline}
        />
      ) : course.bookingOpen ? (
        <BookButton slug={slug} course={course} />
      ) : (
        <Text size="sm" c="dimmed">
          {t("training.web.book.closed")}
        </Text>
      )}
    </CourseCard>
  );
}
