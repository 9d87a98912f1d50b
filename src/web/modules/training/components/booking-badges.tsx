import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { BookingStatusDto, CourseStatus } from "../../../../contracts/training";

/** Colours with at least 4.5:1 contrast to their text; the word carries the meaning. */
const courseColours: Record<CourseStatus, string> = {
  draft: "gray.7",
  published: "teal.9",
  cancelled: "red.9",
};

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={courseColours[status]} variant="filled" tt="none" data-testid="course-status">
      {t(`training.web.courseStatuses.${status}`)}
    </Badge>
  );
}

const bookingColours: Record<BookingStatusDto, string> = {
  confirmed: "teal.9",
  waiting: "yellow.4",
  cancelled: "gray.7",
  movedOut: "gray.7",
};

/** "Platz sicher", "Warteliste: Platz 2", "Abgemeldet", "Verschoben". */
export function BookingStatusBadge({
  status,
  waitingPosition,
}: {
  status: BookingStatusDto;
  waitingPosition: number | null;
}) {
  const { t } = useTranslation();
  return (
    <Badge
      color={bookingColours[status]}
      autoContrast
      variant="filled"
      tt="none"
      data-testid="booking-status"
      style={{ whiteSpace: "normal", height: "auto" }}
    >
      {status === "waiting" && waitingPosition !== null
        ? t("training.web.waitingAt", { position: waitingPosition })
        : t(`training.web.bookingStatuses.${status}`)}
    </Badge>
  );
}
