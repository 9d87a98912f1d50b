import type { Locale } from "../../../contracts/i18n";
import type {
  CourseProblemDto,
  MemberCatalogueItem,
  MyBooking,
  OwnBooking,
  PublicCourse,
  SessionDto,
  StaffBooking,
  StaffCourseDetail,
  StaffCourseListItem,
} from "../../../contracts/training";
import { compareDates } from "../../../core/shared/dates";
import {
  type Booking,
  cancellationDeadline,
  confirmedCount,
  isActive,
  waitingList,
  waitingPosition,
} from "../../../core/training/booking";
import type { CourseProblem } from "../../../core/training/catalogue";
import { translator } from "../../platform/i18n";
import { type BookingRow, type ParticipantRow, toBooking } from "./bookings.repository";
import type { CourseRow, PlaceCounts, SessionRow, TrainerRow } from "./courses.repository";

export function presentSession(row: SessionRow, options: { showOnlineUrl: boolean }): SessionDto {
  return {
    id: row.id,
    date: row.date,
    from: row.from,
    to: row.to,
    units: row.units,
    place: row.place,
    onlineUrl: options.showOnlineUrl ? row.onlineUrl : null,
    isOnline: row.onlineUrl !== null,
    revision: row.revision,
  };
}

function placeFigures(course: CourseRow, counts: PlaceCounts | undefined) {
  const confirmed = counts?.confirmed ?? 0;
  return {
    capacity: course.capacity,
    confirmedCount: confirmed,
    waitingCount: counts?.waiting ?? 0,
    freePlaces: Math.max(0, course.capacity - confirmed),
  };
}

function courseCore(course: CourseRow, counts: PlaceCounts | undefined) {
  return {
    id: course.id,
    seriesId: course.seriesId,
    category: course.category,
    title: course.title,
    audience: course.audience,
    status: course.status,
    units: course.units,
    isRefresher: course.isRefresher,
    startsOn: course.startsOn,
    endsOn: course.endsOn,
    cancellationDays: course.cancellationDays,
    cancellationDeadline: cancellationDeadline(course),
    feeCents: course.feeCents,
    ...placeFigures(course, counts),
  };
}

export function countsOf(bookings: readonly Booking[]): PlaceCounts {
  return { confirmed: confirmedCount(bookings), waiting: waitingList(bookings).length };
}

export function presentStaffListItem(
  course: CourseRow,
  counts: PlaceCounts | undefined,
  sessions: readonly SessionRow[],
  trainers: readonly TrainerRow[],
  today: string,
): StaffCourseListItem {
  const next = sessions.find((session) => compareDates(session.date, today) >= 0);
  return {
    ...courseCore(course, counts),
    sessionCount: sessions.length,
    nextSession: next ? { date: next.date, from: next.from } : null,
    trainers: trainers.map((trainer) => ({ userId: trainer.userId, name: trainer.name })),
  };
}

/** Confirmed first in booking order, then the waiting list in its order, then ended bookings. */
function staffOrder(bookings: readonly Booking[]): Booking[] {
  const rank = { confirmed: 0, waiting: 1, cancelled: 2, movedOut: 2 } as const;
  return [...bookings].sort((a, b) => {
    const byStatus = rank[a.status] - rank[b.status];
    if (byStatus !== 0) return byStatus;
    return Date.parse(a.bookedAt) - Date.parse(b.bookedAt) || a.sequence - b.sequence;
  });
}

export function presentStaffBookings(
  rows: readonly BookingRow[],
  participants: ReadonlyMap<string, ParticipantRow>,
): StaffBooking[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const bookings = rows.map(toBooking);
  return staffOrder(bookings).map((booking) => {
    const row = byId.get(booking.id) as BookingRow;
    const participant = participants.get(booking.participantId);
    return {
      id: booking.id,
      courseId: row.courseId,
      participantId: booking.participantId,
      userId: participant?.userId ?? null,
      name: participant?.name ?? "",
      email: participant?.email ?? "",
      isGuest: !participant?.userId,
      status: booking.status,
      bookedAt: booking.bookedAt,
      waitingPosition: waitingPosition(bookings, booking.id),
      endedAt: booking.endedAt,
      endedBy: booking.endedBy,
      endedReason: row.endedReason,
      movedToCourseId: row.movedToCourseId,
    };
  });
}

/** Where a problem of `validateCourse` sits in the form. */
export function problemPath(problem: CourseProblem): string {
  if (problem.index === undefined) {
    if (problem.field === "kita" || problem.field === "dayCare") return `practiceHours.${problem.field}`;
    return problem.field;
  }
  const field: Partial<Record<CourseProblem["code"], string>> = {
    sessionTimesInvalid: "to",
    sessionUnitsInvalid: "units",
    sessionUnitsExceedTime: "units",
    sessionOutsideRun: "date",
    sessionOverlap: "from",
  };
  const leaf = field[problem.code];
  return leaf ? `sessions.${problem.index}.${leaf}` : `sessions.${problem.index}`;
}

export function presentProblems(problems: readonly CourseProblem[], locale: Locale): CourseProblemDto[] {
  const t = translator(locale);
  return problems.map((problem) => ({
    code: problem.code,
    path: problemPath(problem),
    message: t(`training.problems.${problem.code}`, {
      index: (problem.index ?? 0) + 1,
      other: (problem.otherIndex ?? 0) + 1,
      expected: problem.expected,
      actual: problem.actual,
    }),
    ...(problem.index === undefined ? {} : { index: problem.index }),
    ...(problem.otherIndex === undefined ? {} : { otherIndex: problem.otherIndex }),
    ...(problem.expected === undefined ? {} : { expected: problem.expected }),
    ...(problem.actual === undefined ? {} : { actual: problem.actual }),
  }));
}

export interface StaffDetailParts {
  course: CourseRow;
  sessions: readonly SessionRow[];
  trainers: readonly TrainerRow[];
  bookings: readonly BookingRow[];
  participants: ReadonlyMap<string, ParticipantRow>;
  problems: readonly CourseProblem[];
  seriesRuns: readonly CourseRow[];
  seriesCounts: ReadonlyMap<string, PlaceCounts>;
  locale: Locale;
}

export function presentStaffDetail(parts: StaffDetailParts): StaffCourseDetail {
  const { course } = parts;
  const counts = countsOf(parts.bookings.map(toBooking));
  return {
    ...courseCore(course, counts),
    description: course.description,
    materials: course.materials,
    practiceHours: { kita: course.practiceKitaHours, dayCare: course.practiceDayCareHours },
    validityMonths: course.validityMonths,
    minAttendancePercent: course.minAttendancePercent,
    assessments: course.assessments,
    countsTowardsObligation: course.countsTowardsObligation,
    externalTrainers: course.externalTrainers,
    cancelledReason: course.cancelledReason,
    trainers: parts.trainers.map((trainer) => ({ userId: trainer.userId, name: trainer.name })),
    sessions: parts.sessions.map((session) => presentSession(session, { showOnlineUrl: true })),
    problems: presentProblems(parts.problems, parts.locale),
    bookings: presentStaffBookings(parts.bookings, parts.participants),
    otherRunsInSeries: parts.seriesRuns
      .filter((run) => run.id !== course.id)
      .map((run) => ({
        id: run.id,
        title: run.title,
        status: run.status,
        startsOn: run.startsOn,
        endsOn: run.endsOn,
        ...placeFigures(run, parts.seriesCounts.get(run.id)),
      })),
    createdAt: course.createdAt.toISOString(),
    updatedAt: course.updatedAt.toISOString(),
  };
}

/** Whether a participant may give back this booking herself today (core cancelBooking's rule). */
export function canCancelOwn(course: CourseRow, booking: Booking, today: string): boolean {
  if (!isActive(booking) || course.status === "cancelled") return false;
  if (booking.status === "waiting") return true;
  return compareDates(today, cancellationDeadline(course)) <= 0;
}

export function presentOwnBooking(
  course: CourseRow,
  bookings: readonly Booking[],
  participantId: string | null,
  today: string,
): OwnBooking | null {
  const own = participantId
    ? bookings.find((booking) => booking.participantId === participantId && isActive(booking))
    : undefined;
  if (!own || (own.status !== "confirmed" && own.status !== "waiting")) return null;
  return {
    bookingId: own.id,
    status: own.status,
    waitingPosition: waitingPosition(bookings, own.id),
    canCancel: canCancelOwn(course, own, today),
  };
}

export function presentMemberItem(
  course: CourseRow,
  sessions: readonly SessionRow[],
  trainers: readonly TrainerRow[],
  bookings: readonly Booking[],
  participantId: string | null,
  today: string,
): MemberCatalogueItem {
  const own = presentOwnBooking(course, bookings, participantId, today);
  return {
    ...courseCore(course, countsOf(bookings)),
    description: course.description,
    materials: course.materials,
    trainers: trainerNames(course, trainers),
    sessions: sessions.map((s) => presentSession(s, { showOnlineUrl: own?.status === "confirmed" })),
    bookingOpen: course.status === "published" && compareDates(today, course.startsOn) < 0 && own === null,
    own,
  };
}

/** Members who teach, then the external trainers as entered. */
export function trainerNames(course: CourseRow, trainers: readonly TrainerRow[]): string[] {
  const external = course.externalTrainers
    .split(/[,;\n]/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  return [...trainers.map((trainer) => trainer.name), ...external];
}

export function presentPublicCourse(
  course: CourseRow,
  sessions: readonly SessionRow[],
  trainers: readonly TrainerRow[],
  counts: PlaceCounts | undefined,
  today: string,
): PublicCourse {
  const figures = placeFigures(course, counts);
  return {
    id: course.id,
    category: course.category,
    title: course.title,
    description: course.description,
    units: course.units,
    startsOn: course.startsOn,
    endsOn: course.endsOn,
    feeCents: course.feeCents,
    cancellationDays: course.cancellationDays,
    freePlaces: figures.freePlaces,
    waitingCount: figures.waitingCount,
    trainers: trainerNames(course, trainers),
    sessions: sessions.map((session) => presentSession(session, { showOnlineUrl: false })),
    bookingOpen: course.status === "published" && compareDates(today, course.startsOn) < 0,
  };
}

export function presentMyBooking(
  row: BookingRow,
  course: CourseRow,
  sessions: readonly SessionRow[],
  runBookings: readonly Booking[],
  today: string,
): MyBooking {
  const booking = toBooking(row);
  return {
    id: row.id,
    courseId: course.id,
    courseTitle: course.title,
    courseStatus: course.status,
    category: course.category,
    units: course.units,
    startsOn: course.startsOn,
    endsOn: course.endsOn,
    cancellationDeadline: cancellationDeadline(course),
    status: booking.status,
    bookedAt: booking.bookedAt,
    waitingPosition: waitingPosition(runBookings, row.id),
    canCancel: canCancelOwn(course, booking, today),
    endedAt: booking.endedAt,
    endedBy: booking.endedBy,
    endedReason: row.endedReason ?? (course.status === "cancelled" ? course.cancelledReason : null),
    movedToCourseId: row.movedToCourseId,
    sessions: sessions.map((s) => presentSession(s, { showOnlineUrl: booking.status === "confirmed" })),
  };
}
