/**
 * Bookings of one course run with a capacity and a waiting list, as pure state transitions. The server loads
 * the run's bookings after locking the run's row (`SELECT … FOR UPDATE`), calls one transition, writes the
 * `changed` rows and acts on the `events` (mails) in the same transaction — so two bookings for the last
 * place are decided one after the other and the waiting-list order is never skipped (ADR 0008).
 *
 * Invariants every transition keeps (booking.test.ts checks them on random sequences):
 * - confirmed bookings never exceed the capacity;
 * - before the run starts, nobody waits while a place is free;
 * - a participant has at most one active (confirmed or waiting) booking in a run;
 * - places go to the waiting list in order of booking time, equal times by the booking's sequence number.
 */

import type { StateRules } from "../organisations/presets";
import { addDays, compareDates } from "../shared/dates";
import {
  compareQueueOrder,
  entriesToMoveUp,
  newEntryGetsPlace,
  nextSequence,
  confirmedCount as queueConfirmedCount,
  waitingList as queueWaitingList,
  waitingPosition as queueWaitingPosition,
} from "../shared/waiting-list";
import {
  type CompletedQualification,
  type Course,
  checkPrerequisites,
  DEFAULT_TRAINING_SETTINGS,
  type PrerequisiteProblem,
  type TrainingSettings,
} from "./catalogue";

/** "movedOut": the participant was moved to another run of the series. */
export type BookingStatus = "confirmed" | "waiting" | "cancelled" | "movedOut";

export type Actor = "participant" | "staff";

export interface Booking {
  id: string;
  runId: string;
  participantId: string;
  status: BookingStatus;
  /** ISO instant of the booking; a move into a run or a re-booking gets a new one. */
  bookedAt: string;
  /** Increases with every booking of the run; it orders bookings of the same instant (first inserted first). */
  sequence: number;
  /** When and by whom the booking was cancelled or moved out. */
  endedAt: string | null;
  endedBy: Actor | null;
}

/** What the transitions read of a run. */
export type BookingRun = Pick<
  Course,
  "id" | "seriesId" | "category" | "isRefresher" | "capacity" | "startsOn" | "endsOn" | "cancellationDays"
>;

export type BookingEvent =
  | { type: "booked"; bookingId: string; participantId: string; runId: string }
  | { type: "waitlisted"; bookingId: string; participantId: string; runId: string; position: number }
  | {
      type: "cancelled";
      bookingId: string;
      participantId: string;
      runId: string;
      by: Actor;
      hadPlace: boolean;
    }
  /** A place came free and went to the first on the waiting list: the server mails them. */
  | { type: "movedUp"; bookingId: string; participantId: string; runId: string }
  /** A place came free after the run started; nobody moves up by themselves (staff may use promoteWaiting). */
  | { type: "placeFreed"; runId: string; freePlaces: number; waiting: number }
  | { type: "movedOut"; bookingId: string; participantId: string; runId: string; toRunId: string };

export type BookingProblem =
  | { code: "alreadyBooked"; bookingId: string }
  /** She holds a place or waits in another run of the series: staff move her instead (moveBooking). */
  | { code: "alreadyBookedInSeries"; runId: string }
  | { code: "bookingClosed"; closedOn: string }
  | { code: "prerequisites"; problems: PrerequisiteProblem[] }
  | { code: "bookingNotFound" }
  | { code: "bookingNotActive"; status: BookingStatus }
  | { code: "cancellationDeadlinePassed"; deadline: string }
  | { code: "differentSeries" }
  | { code: "sameRun" }
  | { code: "capacityBelowConfirmed"; confirmed: number }
  | { code: "capacityInvalid" }
  | { code: "nobodyWaiting" }
  | { code: "noFreePlace" };

/** A transition's result: the run's whole new list, the rows to insert or update, and what happened. */
export type BookingResult =
  | { ok: true; bookings: Booking[]; changed: Booking[]; events: BookingEvent[] }
  | { ok: false; problem: BookingProblem };

const fail = (problem: BookingProblem): BookingResult => ({ ok: false, problem });

/** Waiting-list order: booking time, then sequence (core/shared/waiting-list, shared with events). */
export function compareBookingOrder(a: Booking, b: Booking): number {
  return compareQueueOrder(a, b);
}

export function isActive(booking: Booking): boolean {
  return booking.status === "confirmed" || booking.status === "waiting";
}

/** The waiting bookings in the order they move up. */
export function waitingList(bookings: readonly Booking[]): Booking[] {
  return queueWaitingList(bookings);
}

/** 1 for the first on the waiting list; null when the booking is not waiting. */
export function waitingPosition(bookings: readonly Booking[], bookingId: string): number | null {
  return queueWaitingPosition(bookings, bookingId);
}

export function confirmedCount(bookings: readonly Booking[]): number {
  return queueConfirmedCount(bookings);
}

/** The last day a participant may cancel themselves: `cancellationDays` before the start. */
export function cancellationDeadline(run: Pick<BookingRun, "startsOn" | "cancellationDays">): string {
  return addDays(run.startsOn, -run.cancellationDays);
}

/** Whether places still move up by themselves: until the day before the run starts. */
function movesUpAutomatically(run: BookingRun, today: string): boolean {
  return compareDates(today, run.startsOn) < 0;
}

/**
 * Fills free places from the waiting list in order. Before the start this happens by itself; from the first
 * day on a late participant would have missed sessions and a mail the same morning helps nobody, so the place
 * stays free and staff decide ("placeFreed").
 */
function fillFreePlaces(
  run: BookingRun,
  bookings: Booking[],
  changed: Map<string, Booking>,
  events: BookingEvent[],
  today: string,
): void {
  const free = run.capacity - confirmedCount(bookings);
  if (free <= 0) return;
  if (!movesUpAutomatically(run, today)) {
    events.push({
      type: "placeFreed",
      runId: run.id,
      freePlaces: free,
      waiting: waitingList(bookings).length,
    });
    return;
  }
  for (const booking of entriesToMoveUp(run.capacity, bookings)) {
    const promoted: Booking = { ...booking, status: "confirmed" };
    bookings[bookings.indexOf(booking)] = promoted;
    changed.set(promoted.id, promoted);
    events.push({
      type: "movedUp",
      bookingId: promoted.id,
      participantId: promoted.participantId,
      runId: run.id,
    });
  }
}

function placeInto(
  run: BookingRun,
  bookings: Booking[],
  draft: Omit<Booking, "status" | "sequence" | "endedAt" | "endedBy">,
  events: BookingEvent[],
): Booking {
  // Nobody may overtake the waiting list, even if a place is free after the start.
  const hasPlace = newEntryGetsPlace(run.capacity, bookings);
  const booking: Booking = {
    ...draft,
    status: hasPlace ? "confirmed" : "waiting",
    sequence: nextSequence(bookings),
    endedAt: null,
    endedBy: null,
  };
  bookings.push(booking);
  events.push(
    hasPlace
      ? { type: "booked", bookingId: booking.id, participantId: booking.participantId, runId: run.id }
      : {
          type: "waitlisted",
          bookingId: booking.id,
          participantId: booking.participantId,
          runId: run.id,
          position: waitingPosition(bookings, booking.id) ?? 0,
        },
  );
  return booking;
}

export interface BookRequest {
  bookingId: string;
  participantId: string;
  /** ISO instant. */
  now: string;
  /** The calendar day of `now` in Germany (core/shared/dates `todayIso`). */
  today: string;
  by: Actor;
  /** The participant's completed qualifications, for the prerequisites. */
  history: readonly CompletedQualification[];
  /** Runs of the same series in which the participant has an active booking (the server looks them up). */
  otherActiveRunIds?: readonly string[];
  /** Staff may book someone whose phase 1 ends before phase 2 begins; recorded in the audit by the server. */
  waivePrerequisites?: boolean;
}

/**
 * Books a place, or a position on the waiting list when the run is full. Refused when the participant
 * already has an active booking in the run or in another run of the series (one QHB phase 1 at a time; to
 * change runs staff move her), when prerequisites are missing, and, for participants, from the run's first day
 * on (staff may still add a late participant until the last day).
 */
export function bookPlace(
  run: BookingRun,
  bookings: readonly Booking[],
  request: BookRequest,
  rules: Pick<StateRules, "firstAidRefreshMonths" | "infectionProtectionRefreshMonths">,
  settings: TrainingSettings = DEFAULT_TRAINING_SETTINGS,
): BookingResult {
  const existing = bookings.find((b) => b.participantId === request.participantId && isActive(b));
  if (existing) return fail({ code: "alreadyBooked", bookingId: existing.id });
  const otherRunId = request.otherActiveRunIds?.find((runId) => runId !== run.id);
  if (otherRunId) return fail({ code: "alreadyBookedInSeries", runId: otherRunId });
  const closedOn = request.by === "participant" ? run.startsOn : addDays(run.endsOn, 1);
  if (compareDates(request.today, closedOn) >= 0) return fail({ code: "bookingClosed", closedOn });
  if (!request.waivePrerequisites) {
    const problems = checkPrerequisites(run, request.history, rules, settings);
    if (problems.length > 0) return fail({ code: "prerequisites", problems });
  }
  const next = [...bookings];
  const events: BookingEvent[] = [];
  const booking = placeInto(
    run,
    next,
    { id: request.bookingId, runId: run.id, participantId: request.participantId, bookedAt: request.now },
    events,
  );
  return { ok: true, bookings: next, changed: [booking], events };
}

export interface CancelRequest {
  bookingId: string;
  now: string;
  today: string;
  by: Actor;
}

/**
 * Cancels a booking. A participant may cancel a place until the cancellation deadline and leave the waiting
 * list at any time (that costs nobody a place); staff may always. A freed place goes to the first on the
 * waiting list ("movedUp"), before the run starts.
 */
export function cancelBooking(
  run: BookingRun,
  bookings: readonly Booking[],
  request: CancelRequest,
): BookingResult {
  const booking = bookings.find((b) => b.id === request.bookingId);
  if (!booking) return fail({ code: "bookingNotFound" });
  if (!isActive(booking)) return fail({ code: "bookingNotActive", status: booking.status });
  const deadline = cancellationDeadline(run);
  if (
    request.by === "participant" &&
    booking.status === "confirmed" &&
    compareDates(request.today, deadline) > 0
  )
    return fail({ code: "cancellationDeadlinePassed", deadline });

  const next = [...bookings];
  const cancelled: Booking = { ...booking, status: "cancelled", endedAt: request.now, endedBy: request.by };
  next[next.indexOf(booking)] = cancelled;
  const changed = new Map([[cancelled.id, cancelled]]);
  const events: BookingEvent[] = [
    {
      type: "cancelled",
      bookingId: booking.id,
      participantId: booking.participantId,
      runId: run.id,
      by: request.by,
      hadPlace: booking.status === "confirmed",
    },
  ];
  if (booking.status === "confirmed") fillFreePlaces(run, next, changed, events, request.today);
  return { ok: true, bookings: next, changed: [...changed.values()], events };
}

/**
 * Changes a run's capacity. More places move the waiting list up at once; fewer than the confirmed bookings
 * are refused, because nobody loses a confirmed place without being asked — staff cancel someone first.
 */
export function changeCapacity(
  run: BookingRun,
  bookings: readonly Booking[],
  capacity: number,
  today: string,
): BookingResult {
  if (!Number.isInteger(capacity) || capacity < 1) return fail({ code: "capacityInvalid" });
  const confirmed = confirmedCount(bookings);
  if (capacity < confirmed) return fail({ code: "capacityBelowConfirmed", confirmed });
  const next = [...bookings];
  const changed = new Map<string, Booking>();
  const events: BookingEvent[] = [];
  fillFreePlaces({ ...run, capacity }, next, changed, events, today);
  return { ok: true, bookings: next, changed: [...changed.values()], events };
}

/** Staff give a free place to the first on the waiting list by hand, e.g. after the run started. */
export function promoteWaiting(run: BookingRun, bookings: readonly Booking[]): BookingResult {
  const first = waitingList(bookings)[0];
  if (!first) return fail({ code: "nobodyWaiting" });
  if (confirmedCount(bookings) >= run.capacity) return fail({ code: "noFreePlace" });
  const promoted: Booking = { ...first, status: "confirmed" };
  const next = bookings.map((booking) => (booking.id === first.id ? promoted : booking));
  return {
    ok: true,
    bookings: next,
    changed: [promoted],
    events: [
      { type: "movedUp", bookingId: promoted.id, participantId: promoted.participantId, runId: run.id },
    ],
  };
}

export interface MoveRequest {
  bookingId: string;
  /** Id of the new booking in the target run. */
  newBookingId: string;
  now: string;
  today: string;
}

export type MoveResult =
  | {
      ok: true;
      source: Booking[];
      target: Booking[];
      changed: Booking[];
      events: BookingEvent[];
    }
  | { ok: false; problem: BookingProblem };

/**
 * Staff move a participant to another run of the same series (the server locks both runs' rows, in id order
 * so that two opposite moves cannot deadlock). In the target she gets a free place or the end of the waiting
 * list — moving must not overtake those who booked the target run themselves. Her place in the source goes
 * to its waiting list. Prerequisites are not checked again: they are the series', and she met them.
 */
export function moveBooking(
  source: BookingRun,
  sourceBookings: readonly Booking[],
  target: BookingRun,
  targetBookings: readonly Booking[],
  request: MoveRequest,
): MoveResult {
  if (source.id === target.id) return { ok: false, problem: { code: "sameRun" } };
  if (source.seriesId !== target.seriesId) return { ok: false, problem: { code: "differentSeries" } };
  const booking = sourceBookings.find((b) => b.id === request.bookingId);
  if (!booking) return { ok: false, problem: { code: "bookingNotFound" } };
  if (!isActive(booking)) return { ok: false, problem: { code: "bookingNotActive", status: booking.status } };
  const existing = targetBookings.find((b) => b.participantId === booking.participantId && isActive(b));
  if (existing) return { ok: false, problem: { code: "alreadyBooked", bookingId: existing.id } };
  if (compareDates(request.today, target.endsOn) > 0)
    return { ok: false, problem: { code: "bookingClosed", closedOn: addDays(target.endsOn, 1) } };

  const events: BookingEvent[] = [];
  const nextSource = [...sourceBookings];
  const movedOut: Booking = { ...booking, status: "movedOut", endedAt: request.now, endedBy: "staff" };
  nextSource[nextSource.indexOf(booking)] = movedOut;
  const changed = new Map([[movedOut.id, movedOut]]);
  events.push({
    type: "movedOut",
    bookingId: booking.id,
    participantId: booking.participantId,
    runId: source.id,
    toRunId: target.id,
  });
  if (booking.status === "confirmed") fillFreePlaces(source, nextSource, changed, events, request.today);

  const nextTarget = [...targetBookings];
  const moved = placeInto(
    target,
    nextTarget,
    {
      id: request.newBookingId,
      runId: target.id,
      participantId: booking.participantId,
      bookedAt: request.now,
    },
    events,
  );
  changed.set(moved.id, moved);
  return { ok: true, source: nextSource, target: nextTarget, changed: [...changed.values()], events };
}

/**
 * The organiser cancels the whole run (trainer ill, too few bookings): every active booking is cancelled by
 * staff, with an event per participant so the server can mail each of them; nobody moves up.
 */
export function cancelRun(run: BookingRun, bookings: readonly Booking[], now: string): BookingResult {
  const changed: Booking[] = [];
  const events: BookingEvent[] = [];
  const next = bookings.map((booking) => {
    if (!isActive(booking)) return booking;
    const cancelled: Booking = { ...booking, status: "cancelled", endedAt: now, endedBy: "staff" };
    changed.push(cancelled);
    events.push({
      type: "cancelled",
      bookingId: booking.id,
      participantId: booking.participantId,
      runId: run.id,
      by: "staff",
      hadPlace: booking.status === "confirmed",
    });
    return cancelled;
  });
  return { ok: true, bookings: next, changed, events };
}
