/**
 * Registrations for one date, as pure state transitions under the date's row lock — the same pattern and the
 * same waiting-list order as course bookings (ADR 0008, core/shared/waiting-list). The differences: a date may
 * have no limit (capacity null, nobody waits), registration and cancelling close at the start instant, and
 * places move up automatically until then.
 *
 * Invariants (registration.test.ts checks them on random sequences): never more confirmed than the capacity;
 * before the start nobody waits while a place is free; one active registration per person and date.
 */
import {
  confirmedCount,
  entriesToMoveUp,
  newEntryGetsPlace,
  nextSequence,
  waitingPosition,
} from "../shared/waiting-list";

export type RegistrationStatus = "confirmed" | "waiting" | "cancelled";
export type RegistrationActor = "participant" | "staff";

export interface Registration {
  id: string;
  eventId: string;
  /** The person: an account or a guest (the server's participant key). */
  participantId: string;
  status: RegistrationStatus;
  bookedAt: string;
  sequence: number;
  endedAt: string | null;
  endedBy: RegistrationActor | null;
}

/** What the transitions read of a date. */
export interface RegistrationTarget {
  id: string;
  status: "scheduled" | "cancelled";
  registrationEnabled: boolean;
  capacity: number | null;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
}

export type RegistrationEvent =
  | { type: "registered"; registrationId: string; participantId: string }
  | { type: "waitlisted"; registrationId: string; participantId: string; position: number }
  | {
      type: "cancelled";
      registrationId: string;
      participantId: string;
      by: RegistrationActor;
      hadPlace: boolean;
    }
  | { type: "movedUp"; registrationId: string; participantId: string };

export type RegistrationProblem =
  | { code: "registrationClosed" }
  | { code: "eventCancelled" }
  | { code: "alreadyRegistered"; registrationId: string }
  | { code: "registrationNotFound" }
  | { code: "registrationNotActive" }
  | { code: "capacityBelowConfirmed"; confirmed: number };

export type RegistrationResult =
  | { ok: true; registrations: Registration[]; changed: Registration[]; events: RegistrationEvent[] }
  | { ok: false; problem: RegistrationProblem };

const fail = (problem: RegistrationProblem): RegistrationResult => ({ ok: false, problem });

export const isActiveRegistration = (r: Registration) => r.status === "confirmed" || r.status === "waiting";

/** Whether people may still register or cancel themselves: registration on, not cancelled, before the start. */
export function isRegistrationOpen(target: RegistrationTarget, now: string): boolean {
  return (
    target.registrationEnabled &&
    target.status === "scheduled" &&
    Date.parse(now) < Date.parse(target.startsAt)
  );
}

function moveUp(
  target: RegistrationTarget,
  list: Registration[],
  changed: Map<string, Registration>,
  events: RegistrationEvent[],
  now: string,
): void {
  // At the start the meeting is on: a mail "you have a place" would come too late.
  if (Date.parse(now) >= Date.parse(target.startsAt)) return;
  for (const entry of entriesToMoveUp(target.capacity, list)) {
    const promoted: Registration = { ...entry, status: "confirmed" };
    list[list.indexOf(entry)] = promoted;
    changed.set(promoted.id, promoted);
    events.push({ type: "movedUp", registrationId: promoted.id, participantId: promoted.participantId });
  }
}

export interface RegisterRequest {
  registrationId: string;
  participantId: string;
  now: string;
  by: RegistrationActor;
}

/**
 * A place, or the end of the waiting list when the date is full. Participants register until the start;
 * staff may add someone until the end (a late guest at the door).
 */
export function register(
  target: RegistrationTarget,
  registrations: readonly Registration[],
  request: RegisterRequest,
): RegistrationResult {
  if (target.status === "cancelled") return fail({ code: "eventCancelled" });
  if (!target.registrationEnabled) return fail({ code: "registrationClosed" });
  const closesAt = request.by === "participant" ? target.startsAt : target.endsAt;
  if (Date.parse(request.now) >= Date.parse(closesAt)) return fail({ code: "registrationClosed" });
  const existing = registrations.find(
    (r) => r.participantId === request.participantId && isActiveRegistration(r),
  );
  if (existing) return fail({ code: "alreadyRegistered", registrationId: existing.id });
  const list = [...registrations];
  const hasPlace = newEntryGetsPlace(target.capacity, list);
  const entry: Registration = {
    id: request.registrationId,
    eventId: target.id,
    participantId: request.participantId,
    status: hasPlace ? "confirmed" : "waiting",
    bookedAt: request.now,
    sequence: nextSequence(list),
    endedAt: null,
    endedBy: null,
  };
  list.push(entry);
  const event: RegistrationEvent = hasPlace
    ? { type: "registered", registrationId: entry.id, participantId: entry.participantId }
    : {
        type: "waitlisted",
        registrationId: entry.id,
        participantId: entry.participantId,
        position: waitingPosition(list, entry.id) ?? 0,
      };
  return { ok: true, registrations: list, changed: [entry], events: [event] };
}

export interface CancelRegistrationRequest {
  registrationId: string;
  now: string;
  by: RegistrationActor;
}

/**
 * Ends a registration. Participants cancel until the start (leaving the waiting list too); staff at any time.
 * A freed place goes to the first waiting, until the start.
 */
export function cancelRegistration(
  target: RegistrationTarget,
  registrations: readonly Registration[],
  request: CancelRegistrationRequest,
): RegistrationResult {
  const entry = registrations.find((r) => r.id === request.registrationId);
  if (!entry) return fail({ code: "registrationNotFound" });
  if (!isActiveRegistration(entry)) return fail({ code: "registrationNotActive" });
  if (request.by === "participant" && Date.parse(request.now) >= Date.parse(target.startsAt))
    return fail({ code: "registrationClosed" });
  const list = [...registrations];
  const cancelled: Registration = {
    ...entry,
    status: "cancelled",
    endedAt: request.now,
    endedBy: request.by,
  };
  list[list.indexOf(entry)] = cancelled;
  const changed = new Map([[cancelled.id, cancelled]]);
  const events: RegistrationEvent[] = [
    {
      type: "cancelled",
      registrationId: entry.id,
      participantId: entry.participantId,
      by: request.by,
      hadPlace: entry.status === "confirmed",
    },
  ];
  if (entry.status === "confirmed" && target.status === "scheduled") {
    moveUp(target, list, changed, events, request.now);
  }
  return { ok: true, registrations: list, changed: [...changed.values()], events };
}

/**
 * A new capacity (or none): more places move the waiting list up at once; fewer than the confirmed are
 * refused, because nobody loses a confirmed place without being asked.
 */
export function changeCapacity(
  target: RegistrationTarget,
  registrations: readonly Registration[],
  capacity: number | null,
  now: string,
): RegistrationResult {
  const confirmed = confirmedCount(registrations);
  if (capacity !== null && capacity < confirmed) return fail({ code: "capacityBelowConfirmed", confirmed });
  const list = [...registrations];
  const changed = new Map<string, Registration>();
  const events: RegistrationEvent[] = [];
  if (target.status === "scheduled") moveUp({ ...target, capacity }, list, changed, events, now);
  return { ok: true, registrations: list, changed: [...changed.values()], events };
}

/** The date is cancelled: every active registration ends (by staff), one event per person for the mail. */
export function cancelAll(registrations: readonly Registration[], now: string): RegistrationResult {
  const changed: Registration[] = [];
  const events: RegistrationEvent[] = [];
  const list = registrations.map((entry) => {
    if (!isActiveRegistration(entry)) return entry;
    const cancelled: Registration = { ...entry, status: "cancelled", endedAt: now, endedBy: "staff" };
    changed.push(cancelled);
    events.push({
      type: "cancelled",
      registrationId: entry.id,
      participantId: entry.participantId,
      by: "staff",
      hadPlace: entry.status === "confirmed",
    });
    return cancelled;
  });
  return { ok: true, registrations: list, changed, events };
}
