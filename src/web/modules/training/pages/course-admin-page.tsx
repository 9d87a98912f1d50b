import { Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconCalendarDown,
  IconCopy,
  IconEdit,
  IconX,
} from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { CopyCourseResponse, StaffBooking, StaffCourseDetail } from "../../../../contracts/training";
import { addDays, todayIso } from "../../../../core/shared/dates";
import { post } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { ErrorAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import {
  adminPath,
  courseApi,
  courseCalendarUrl,
  refreshBookings,
  STAFF_ROLES,
  storeCourse,
  useStaffCourse,
} from "../booking-api";
import { BookingStatusBadge, CourseStatusBadge } from "../components/booking-badges";
import { CopyModal, MoveModal, ReasonModal } from "../components/booking-dialogs";
import { StaffBookForm } from "../components/booking-staff-book";
import { useCourseFormat, usePlacesText } from "../components/course-format";
import { SessionList } from "../components/course-sessions";

function Facts({ items }: { items: { label: string; value: ReactNode; testId?: string }[] }) {
  return (
    <Stack
      component="dl"
      gap="xs"
      m={0}
      style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 200px), 1fr))" }}
    >
      {items.map((item) => (
        <div key={item.label}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0} data-testid={item.testId} style={{ overflowWrap: "anywhere" }}>
            {item.value}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

/** One participant with what staff may do: cancel with a reason, move to another run of the series. */
function BookingRow({
  slug,
  course,
  booking,
}: {
  slug: string;
  course: StaffCourseDetail;
  booking: StaffBooking;
}) {
  const { t } = useTranslation();
  const { formatDateTime } = useDateFormat();
  const client = useQueryClient();
  const [cancelOpened, cancelDialog] = useDisclosure(false);
  const [moveOpened, moveDialog] = useDisclosure(false);
  const placesText = usePlacesText();
  const format = useCourseFormat();
  const url = `${courseApi(slug, course.id)}/bookings/${encodeURIComponent(booking.id)}`;
  const cancel = useMutation({
    mutationFn: (reason: string) => post<StaffBooking>(`${url}/cancel`, { reason }),
    onSuccess: async () => {
      cancelDialog.close();
      await refreshBookings(client, slug);
      notifySuccess(t("training.web.run.cancelledBooking", { name: booking.name }));
    },
  });
  const move = useMutation({
    mutationFn: (input: { toCourseId: string; reason: string }) => post<StaffBooking>(`${url}/move`, input),
    onSuccess: async (moved) => {
      moveDialog.close();
      await refreshBookings(client, slug);
      notifySuccess(
        moved.status === "confirmed"
          ? t("training.web.run.movedConfirmed", { name: booking.name })
          : t("training.web.run.movedWaiting", { name: booking.name, position: moved.waitingPosition ?? 1 }),
      );
    },
  });
  const isActive = booking.status === "confirmed" || booking.status === "waiting";
  // Only published runs take bookings (the service refuses drafts); a draft is published first.
  const targets = course.otherRunsInSeries
    .filter((run) => run.status === "published")
    .map((run) => ({
      value: run.id,
      label: `${run.title} (${format.period(run.startsOn, run.endsOn)}) – ${placesText(run)}`,
    }));
  const headingId = `booking-${booking.id}`;
  return (
    <Paper withBorder p="sm" component="li" aria-labelledby={headingId} data-testid="run-booking">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" align="flex-start">
          <Text fw={600} id={headingId} style={{ overflowWrap: "anywhere", minWidth: 0 }}>
            {booking.name}
          </Text>
          <Group gap={4}>
            {booking.isGuest && (
              <Badge variant="outline" color="gray.8" tt="none">
                {t("training.web.run.guest")}
              </Badge>
            )}
            <BookingStatusBadge status={booking.status} waitingPosition={booking.waitingPosition} />
          </Group>
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
          {booking.email}
        </Text>
        <Text size="sm">{t("training.web.run.bookedAt", { date: formatDateTime(booking.bookedAt) })}</Text>
        {booking.endedAt && (
          <Text size="sm">
            {t(
              booking.endedBy === "staff" ? "training.web.run.endedByStaff" : "training.web.run.endedBySelf",
              {
                date: formatDateTime(booking.endedAt),
              },
            )}
            {booking.endedReason ? ` ${t("training.web.reasonLine", { reason: booking.endedReason })}` : ""}
          </Text>
        )}
        {isActive && course.status !== "cancelled" && (
          <Group gap="xs" mt={4}>
            <Button
              size="compact-sm"
              variant="default"
              onClick={cancelDialog.open}
              aria-label={t("training.web.run.cancelBookingOf", { name: booking.name })}
              data-testid="booking-cancel"
            >
              {t("training.web.run.cancelBooking")}
            </Button>
            {targets.length > 0 && (
              <Button
                size="compact-sm"
                variant="default"
                onClick={moveDialog.open}
                aria-label={t("training.web.run.moveOf", { name: booking.name })}
                data-testid="booking-move"
              >
                {t("training.web.run.move")}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <ReasonModal
        opened={cancelOpened}
        onClose={cancelDialog.close}
        title={t("training.web.run.cancelBookingTitle", { name: booking.name })}
        text={t(
          booking.status === "confirmed"
            ? "training.web.run.cancelBookingText"
            : "training.web.run.cancelWaitingText",
        )}
        reasonLabel={t("training.web.run.reasonForParticipant")}
        confirmLabel={t("training.web.run.cancelBookingConfirm")}
        onConfirm={(reason) => cancel.mutateAsync(reason)}
        isPending={cancel.isPending}
      />
      {targets.length > 0 && (
        <MoveModal
          opened={moveOpened}
          onClose={moveDialog.close}
          name={booking.name}
          runs={targets}
          onConfirm={(toCourseId, reason) => move.mutateAsync({ toCourseId, reason })}
          isPending={move.isPending}
        />
      )}
    </Paper>
  );
}

function BookingGroup({
  slug,
  course,
  bookings,
  testId,
  ordered,
}: {
  slug: string;
  course: StaffCourseDetail;
  bookings: StaffBooking[];
  testId: string;
  ordered?: boolean;
}) {
  const { t } = useTranslation();
  if (bookings.length === 0) return <Text size="sm">{t("common.none")}</Text>;
  return (
    <Stack
      component={ordered ? "ol" : "ul"}
      gap="xs"
      m={0}
      p={0}
      style={{ listStyle: "none" }}
      data-testid={testId}
    >
      {bookings.map((booking) => (
        <BookingRow key={booking.id} slug={slug} course={course} booking={booking} />
      ))}
    </Stack>
  );
}

function Bookings({ slug, course }: { slug: string; course: StaffCourseDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const confirmed = course.bookings.filter((b) => b.status === "confirmed");
  const waiting = course.bookings
    .filter((b) => b.status === "waiting")
    .sort((a, b) => (a.waitingPosition ?? 0) - (b.waitingPosition ?? 0));
  const ended = course.bookings.filter((b) => b.status === "cancelled" || b.status === "movedOut");
  const promote = useMutation({
    mutationFn: () => post<StaffBooking>(`${courseApi(slug, course.id)}/promote`),
    onSuccess: async (booking) => {
      await refreshBookings(client, slug);
      notifySuccess(t("training.web.run.promoted", { name: booking.name }));
    },
  });
  const first = waiting[0];
  return (
    <>
      <Section
        id="angemeldet"
        title={t("training.web.run.confirmedTitle", { count: confirmed.length, capacity: course.capacity })}
      >
        <BookingGroup slug={slug} course={course} bookings={confirmed} testId="run-confirmed" />
      </Section>
      <Section id="warteliste" title={t("training.web.run.waitingTitle", { count: waiting.length })}>
        {first && course.freePlaces > 0 && course.status === "published" && (
          <Stack gap="xs">
            <Text size="sm">{t("training.web.run.promoteText", { count: course.freePlaces })}</Text>
            {promote.isError && <ErrorAlert error={promote.error} />}
            <ConfirmButton
              w="fit-content"
              title={t("training.web.run.promoteTitle")}
              message={t("training.web.run.promoteMessage", { name: first.name })}
              confirmLabel={t("training.web.run.promoteConfirm")}
              onConfirm={() => promote.mutateAsync().catch(() => undefined)}
              loading={promote.isPending}
              data-testid="run-promote"
            >
              {t("training.web.run.promote", { name: first.name })}
            </ConfirmButton>
          </Stack>
        )}
        <BookingGroup slug={slug} course={course} bookings={waiting} testId="run-waiting" ordered />
      </Section>
      {ended.length > 0 && (
        <Section id="beendet" title={t("training.web.run.endedTitle", { count: ended.length })}>
          <BookingGroup slug={slug} course={course} bookings={ended} testId="run-ended" />
        </Section>
      )}
    </>
  );
}

function Actions({ slug, course }: { slug: string; course: StaffCourseDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [cancelOpened, cancelDialog] = useDisclosure(false);
  const [copyOpened, copyDialog] = useDisclosure(false);
  const url = courseApi(slug, course.id);
  const publish = useMutation({
    mutationFn: () => post<StaffCourseDetail>(`${url}/publish`),
    onSuccess: async (updated) => {
      await storeCourse(client, slug, updated);
      notifySuccess(t("training.web.form.published"));
    },
  });
  const cancelRun = useMutation({
    mutationFn: (reason: string) => post<StaffCourseDetail>(`${url}/cancel`, { reason }),
    onSuccess: async (updated) => {
      cancelDialog.close();
      await storeCourse(client, slug, updated);
      notifySuccess(t("training.web.run.runCancelled"));
    },
  });
  const copy = useMutation({
    mutationFn: (firstSessionFrom: string) => post<CopyCourseResponse>(`${url}/copy`, { firstSessionFrom }),
    onSuccess: async (copied) => {
      copyDialog.close();
      await storeCourse(client, slug, copied.course);
      notifySuccess(t("training.web.run.copied"));
      await navigate(adminPath(slug, `${copied.course.id}/bearbeiten`));
    },
  });
  const isCancelled = course.status === "cancelled";
  // The next run usually follows the same rhythm: suggest the day after this one ends.
  const copyFrom = addDays(course.endsOn > todayIso(new Date()) ? course.endsOn : todayIso(new Date()), 1);
  return (
    <Stack gap="xs">
      {publish.isError && <ErrorAlert error={publish.error} />}
      <Group gap="xs">
        {!isCancelled && (
          <Button
            component={Link}
            to={adminPath(slug, `${course.id}/bearbeiten`)}
            variant="default"
            leftSection={<IconEdit size={16} aria-hidden />}
            data-testid="run-edit"
          >
            {t("training.web.run.edit")}
          </Button>
        )}
        {course.status === "draft" && course.problems.length === 0 && (
          <Button onClick={() => publish.mutate()} loading={publish.isPending} data-testid="run-publish">
            {t("training.web.form.publish")}
          </Button>
        )}
        <Button
          variant="default"
          leftSection={<IconCopy size={16} aria-hidden />}
          onClick={copyDialog.open}
          data-testid="run-copy"
        >
          {t("training.web.run.copy")}
        </Button>
        {course.status === "published" && course.sessions.length > 0 && (
          <Button
            component="a"
            href={courseCalendarUrl(slug, course.id)}
            download
            variant="default"
            leftSection={<IconCalendarDown size={16} aria-hidden />}
          >
            {t("training.web.calendarFile")}
          </Button>
        )}
        {!isCancelled && (
          <Button
            variant="default"
            color="red.9"
            c="red.9"
            leftSection={<IconX size={16} aria-hidden />}
            onClick={cancelDialog.open}
            data-testid="run-cancel"
          >
            {t("training.web.run.cancelRun")}
          </Button>
        )}
      </Group>
      <ReasonModal
        opened={cancelOpened}
        onClose={cancelDialog.close}
        title={t("training.web.run.cancelRunTitle")}
        text={t("training.web.run.cancelRunText", { count: course.confirmedCount + course.waitingCount })}
        reasonLabel={t("training.web.run.reasonForParticipants")}
        confirmLabel={t("training.web.run.cancelRunConfirm")}
        onConfirm={(reason) => cancelRun.mutateAsync(reason)}
        isPending={cancelRun.isPending}
      />
      <CopyModal
        opened={copyOpened}
        onClose={copyDialog.close}
        initialDate={copyFrom}
        onConfirm={(date) => copy.mutateAsync(date)}
        isPending={copy.isPending}
      />
    </Stack>
  );
}

function CourseView({ slug, course }: { slug: string; course: StaffCourseDetail }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const format = useCourseFormat();
  const placesText = usePlacesText();
  const trainers = [...course.trainers.map((trainer) => trainer.name), course.externalTrainers]
    .filter(Boolean)
    .join(", ");
  return (
    <Stack gap="lg">
      <PageHeader
        title={course.title}
        description={`${format.category(course.category)} · ${format.units(course.units)}`}
        actions={<CourseStatusBadge status={course.status} />}
      />
      {course.status === "cancelled" && (
        <Alert
          color="red"
          icon={<IconAlertTriangle aria-hidden />}
          title={t("training.web.run.cancelledTitle")}
        >
          <Text size="sm" c="var(--mantine-color-text)">
            {course.cancelledReason}
          </Text>
        </Alert>
      )}
      {course.status === "draft" && course.problems.length > 0 && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle aria-hidden />}
          title={t("training.web.run.problemsTitle")}
          data-testid="run-problems"
        >
          <List size="sm" c="var(--mantine-color-text)">
            {course.problems.map((problem) => (
              <List.Item key={`${problem.path}-${problem.code}`}>{problem.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Actions slug={slug} course={course} />
      <Section id="ueberblick" title={t("training.web.run.overview")}>
        <Facts
          items={[
            { label: t("training.web.period"), value: format.period(course.startsOn, course.endsOn) },
            {
              label: t("training.web.places"),
              value: placesText(course),
              testId: "run-places",
            },
            { label: t("training.web.fee"), value: format.fee(course.feeCents) },
            {
              label: t("training.web.cancellationDeadline"),
              value: formatDate(course.cancellationDeadline),
            },
            { label: t("training.web.form.audience"), value: t(`training.web.audiences.${course.audience}`) },
            {
              label: t("training.web.form.trainersTitle"),
              value: trainers || t("training.web.run.noTrainers"),
            },
          ]}
        />
        {course.description && (
          <Text size="sm" style={{ whiteSpace: "pre-line" }}>
            {course.description}
          </Text>
        )}
      </Section>
      {course.status === "published" && <StaffBookForm slug={slug} course={course} />}
      <Bookings slug={slug} course={course} />
      <Section id="termine" title={t("training.web.sessionsTitle", { count: course.sessions.length })}>
        <SessionList sessions={course.sessions} />
      </Section>
    </Stack>
  );
}

function CoursePage({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const course = useStaffCourse(membership.slug, id);
  return (
    <Stack gap="md" maw={960}>
      <Anchor component={Link} to={adminPath(membership.slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("training.web.admin.back")}
      </Anchor>
      <QueryState query={course}>{(data) => <CourseView slug={membership.slug} course={data} />}</QueryState>
    </Stack>
  );
}

/** "fortbildungen/verwalten/:id": one run for staff, with its bookings, waiting list and what can be done. */
export function CourseAdminPage() {
  return <OrgGuard roles={STAFF_ROLES}>{(membership) => <CoursePage membership={membership} />}</OrgGuard>;
}
