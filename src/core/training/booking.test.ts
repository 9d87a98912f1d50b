import { describe, expect, it } from "vitest";
import { seededRandom } from "../placement/test-support";
import {
  type Booking,
  type BookingRun,
  type BookRequest,
  bookPlace,
  cancelBooking,
  cancellationDeadline,
  cancelRun,
  changeCapacity,
  compareBookingOrder,
  confirmedCount,
  isActive,
  moveBooking,
  promoteWaiting,
  waitingList,
  waitingPosition,
} from "./booking";
import { NRW_RULES } from "./test-support";

const run: BookingRun = {
  id: "run-a",
  seriesId: "first-aid",
  category: "firstAidChildren",
  isRefresher: false,
  capacity: 2,
  startsOn: "2025-03-15",
  endsOn: "2025-03-15",
  cancellationDays: 7,
};
const otherRun: BookingRun = { ...run, id: "run-b", startsOn: "2025-05-10", endsOn: "2025-05-10" };
const TODAY = "2025-02-01";

function request(participantId: string, now: string, overrides: Partial<BookRequest> = {}): BookRequest {
  return {
    bookingId: `b-${participantId}`,
    participantId,
    now,
    today: TODAY,
    by: "participant",
    history: [],
    ...overrides,
  };
}

/** Books the participants in order, one second apart, and returns the run's bookings. */
function bookAll(
  target: BookingRun,
  participants: string[],
  start = Date.parse("2025-02-01T09:00:00Z"),
): Booking[] {
  let bookings: Booking[] = [];
  participants.forEach((participant, i) => {
    const result = bookPlace(
      target,
      bookings,
      request(participant, new Date(start + i * 1000).toISOString()),
      NRW_RULES,
    );
    if (!result.ok) throw new Error(result.problem.code);
    bookings = result.bookings;
  });
  return bookings;
}

const statusOf = (bookings: Booking[]) =>
  Object.fromEntries(bookings.map((b) => [b.participantId, b.status]));

describe("bookPlace", () => {
  it("gives places while there are any, then waiting positions", () => {
    let bookings: Booking[] = [];
    const events = [];
    for (const [i, participant] of ["anna", "ben", "cem", "dora"].entries()) {
      const result = bookPlace(run, bookings, request(participant, `2025-02-01T09:00:0${i}Z`), NRW_RULES);
      if (!result.ok) throw new Error(result.problem.code);
      bookings = result.bookings;
      expect(result.changed).toHaveLength(1);
      events.push(...result.events);
    }
    expect(events.map((e) => (e.type === "waitlisted" ? `${e.type}:${e.position}` : e.type))).toEqual([
      "booked",
      "booked",
      "waitlisted:1",
      "waitlisted:2",
    ]);
    expect(statusOf(bookings)).toEqual({
      anna: "confirmed",
      ben: "confirmed",
      cem: "waiting",
      dora: "waiting",
    });
    expect(bookings.map((b) => b.sequence)).toEqual([1, 2, 3, 4]);
  });

  it("refuses a second active booking of the same participant", () => {
    const bookings = bookAll(run, ["anna"]);
    const result = bookPlace(
      run,
      bookings,
      request("anna", "2025-02-02T10:00:00Z", { bookingId: "b-2" }),
      NRW_RULES,
    );
    expect(result).toEqual({ ok: false, problem: { code: "alreadyBooked", bookingId: "b-anna" } });
  });

  it("refuses a booking while she holds one in another run of the series", () => {
    const result = bookPlace(
      run,
      [],
      request("anna", "2025-02-01T09:00:00Z", { otherActiveRunIds: ["run-b"] }),
      NRW_RULES,
    );
    expect(result).toEqual({ ok: false, problem: { code: "alreadyBookedInSeries", runId: "run-b" } });
  });

  it("lets a participant book again after cancelling, at the end of the queue", () => {
    const bookings = bookAll(run, ["anna", "ben", "cem"]);
    const cancelled = cancelBooking(run, bookings, {
      bookingId: "b-cem",
      now: "2025-02-02T08:00:00Z",
      today: TODAY,
      by: "participant",
    });
    if (!cancelled.ok) throw new Error(cancelled.problem.code);
    const again = bookPlace(
      run,
      cancelled.bookings,
      request("cem", "2025-02-03T08:00:00Z", { bookingId: "b-cem-2" }),
      NRW_RULES,
    );
    expect(again.ok && again.events[0]).toMatchObject({ type: "waitlisted", position: 1 });
  });

  it("closes for participants on the first day and for staff after the last", () => {
    const onStart = bookPlace(
      run,
      [],
      request("anna", "2025-03-15T07:00:00Z", { today: "2025-03-15" }),
      NRW_RULES,
    );
    expect(onStart).toEqual({ ok: false, problem: { code: "bookingClosed", closedOn: "2025-03-15" } });
    const staff = bookPlace(
      run,
      [],
      request("anna", "2025-03-15T07:00:00Z", { today: "2025-03-15", by: "staff" }),
      NRW_RULES,
    );
    expect(staff.ok).toBe(true);
    const after = bookPlace(
      run,
      [],
      request("anna", "2025-03-16T07:00:00Z", { today: "2025-03-16", by: "staff" }),
      NRW_RULES,
    );
    expect(after).toEqual({ ok: false, problem: { code: "bookingClosed", closedOn: "2025-03-16" } });
  });

  it("checks prerequisites: phase 2 needs phase 1, unless staff waive them", () => {
    const phase2: BookingRun = { ...run, category: "qhbPhase2" };
    expect(bookPlace(phase2, [], request("anna", "2025-02-01T09:00:00Z"), NRW_RULES)).toEqual({
      ok: false,
      problem: { code: "prerequisites", problems: [{ code: "prerequisiteMissing", category: "qhbPhase1" }] },
    });
    const withPhase1 = bookPlace(
      phase2,
      [],
      request("anna", "2025-02-01T09:00:00Z", {
        history: [{ category: "qhbPhase1", completedOn: "2024-12-01", validUntil: null }],
      }),
      NRW_RULES,
    );
    expect(withPhase1.ok).toBe(true);
    const waived = bookPlace(
      phase2,
      [],
      request("anna", "2025-02-01T09:00:00Z", { by: "staff", waivePrerequisites: true }),
      NRW_RULES,
    );
    expect(waived.ok).toBe(true);
  });
});

describe("waiting-list order", () => {
  it("orders by booking time, equal times by sequence", () => {
    const base = { runId: "r", status: "waiting" as const, endedAt: null, endedBy: null };
    const bookings: Booking[] = [
      { ...base, id: "late", participantId: "x", bookedAt: "2025-02-01T10:00:00Z", sequence: 1 },
      { ...base, id: "tie-2", participantId: "y", bookedAt: "2025-02-01T09:00:00Z", sequence: 5 },
      { ...base, id: "tie-1", participantId: "z", bookedAt: "2025-02-01T09:00:00.000Z", sequence: 3 },
    ];
    expect(waitingList(bookings).map((b) => b.id)).toEqual(["tie-1", "tie-2", "late"]);
    expect(waitingPosition(bookings, "late")).toBe(3);
    expect(waitingPosition(bookings, "nope")).toBeNull();
  });

  it("moves up the one who booked first among equal booking times", () => {
    const same = "2025-02-01T09:00:00Z";
    let bookings: Booking[] = [];
    for (const participant of ["anna", "ben", "cem", "dora"]) {
      const result = bookPlace(run, bookings, request(participant, same), NRW_RULES);
      if (!result.ok) throw new Error(result.problem.code);
      bookings = result.bookings;
    }
    const result = cancelBooking(run, bookings, {
      bookingId: "b-anna",
      now: same,
      today: TODAY,
      by: "participant",
    });
    expect(result.ok && result.events).toContainEqual({
      type: "movedUp",
      bookingId: "b-cem",
      participantId: "cem",
      runId: "run-a",
    });
  });
});

describe("cancelBooking", () => {
  it("moves the first on the waiting list up when the last place is cancelled", () => {
    const bookings = bookAll(run, ["anna", "ben", "cem", "dora"]);
    const result = cancelBooking(run, bookings, {
      bookingId: "b-ben",
      now: "2025-02-05T12:00:00Z",
      today: "2025-02-05",
      by: "participant",
    });
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.events).toEqual([
      {
        type: "cancelled",
        bookingId: "b-ben",
        participantId: "ben",
        runId: "run-a",
        by: "participant",
        hadPlace: true,
      },
      { type: "movedUp", bookingId: "b-cem", participantId: "cem", runId: "run-a" },
    ]);
    expect(statusOf(result.bookings)).toEqual({
      anna: "confirmed",
      ben: "cancelled",
      cem: "confirmed",
      dora: "waiting",
    });
    expect(result.changed.map((b) => [b.id, b.status])).toEqual([
      ["b-ben", "cancelled"],
      ["b-cem", "confirmed"],
    ]);
    expect(waitingPosition(result.bookings, "b-dora")).toBe(1);
  });

  it("moves nobody up when a waiting participant leaves the list", () => {
    const bookings = bookAll(run, ["anna", "ben", "cem", "dora"]);
    const result = cancelBooking(run, bookings, {
      bookingId: "b-cem",
      now: "2025-02-05T12:00:00Z",
      today: TODAY,
      by: "participant",
    });
    expect(result.ok && result.events.map((e) => e.type)).toEqual(["cancelled"]);
    expect(result.ok && waitingPosition(result.bookings, "b-dora")).toBe(1);
  });

  it("lets participants cancel a place until the deadline, staff afterwards, and anyone leave the list", () => {
    expect(cancellationDeadline(run)).toBe("2025-03-08");
    const bookings = bookAll(run, ["anna", "ben", "cem"]);
    const onDeadline = cancelBooking(run, bookings, {
      bookingId: "b-anna",
      now: "x",
      today: "2025-03-08",
      by: "participant",
    });
    expect(onDeadline.ok).toBe(true);
    const late = cancelBooking(run, bookings, {
      bookingId: "b-anna",
      now: "x",
      today: "2025-03-09",
      by: "participant",
    });
    expect(late).toEqual({
      ok: false,
      problem: { code: "cancellationDeadlinePassed", deadline: "2025-03-08" },
    });
    expect(
      cancelBooking(run, bookings, { bookingId: "b-anna", now: "x", today: "2025-03-09", by: "staff" }).ok,
    ).toBe(true);
    expect(
      cancelBooking(run, bookings, { bookingId: "b-cem", now: "x", today: "2025-03-14", by: "participant" })
        .ok,
    ).toBe(true);
  });

  it("refuses unknown and already cancelled bookings", () => {
    const bookings = bookAll(run, ["anna"]);
    expect(cancelBooking(run, bookings, { bookingId: "nope", now: "x", today: TODAY, by: "staff" })).toEqual({
      ok: false,
      problem: { code: "bookingNotFound" },
    });
    const once = cancelBooking(run, bookings, { bookingId: "b-anna", now: "x", today: TODAY, by: "staff" });
    if (!once.ok) throw new Error("cancel failed");
    expect(
      cancelBooking(run, once.bookings, { bookingId: "b-anna", now: "x", today: TODAY, by: "staff" }),
    ).toEqual({
      ok: false,
      problem: { code: "bookingNotActive", status: "cancelled" },
    });
  });

  it("leaves the place free from the first day on and tells staff; they promote by hand", () => {
    const bookings = bookAll(run, ["anna", "ben", "cem"]);
    const result = cancelBooking(run, bookings, {
      bookingId: "b-anna",
      now: "2025-03-15T07:30:00Z",
      today: "2025-03-15",
      by: "staff",
    });
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.events.at(-1)).toEqual({ type: "placeFreed", runId: "run-a", freePlaces: 1, waiting: 1 });
    expect(statusOf(result.bookings).cem).toBe("waiting");
    // A late booking does not overtake the waiting list even though a place is free.
    const late = bookPlace(
      run,
      result.bookings,
      request("dora", "2025-03-15T08:00:00Z", { today: "2025-03-15", by: "staff" }),
      NRW_RULES,
    );
    expect(late.ok && late.events[0]?.type).toBe("waitlisted");
    const promoted = promoteWaiting(run, result.bookings);
    expect(promoted.ok && promoted.events).toEqual([
      { type: "movedUp", bookingId: "b-cem", participantId: "cem", runId: "run-a" },
    ]);
    expect(promoteWaiting(run, bookAll(run, ["anna", "ben", "cem"]))).toEqual({
      ok: false,
      problem: { code: "noFreePlace" },
    });
    expect(promoteWaiting(run, [])).toEqual({ ok: false, problem: { code: "nobodyWaiting" } });
  });
});

describe("cancelRun", () => {
  it("cancels every active booking, tells each participant and moves nobody up", () => {
    const bookings = bookAll(run, ["anna", "ben", "cem"]);
    const result = cancelRun(run, bookings, "2025-03-01T10:00:00Z");
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.events.map((e) => e.type === "cancelled" && [e.participantId, e.hadPlace])).toEqual([
      ["anna", true],
      ["ben", true],
      ["cem", false],
    ]);
    expect(result.bookings.every((b) => b.status === "cancelled" && b.endedBy === "staff")).toBe(true);
  });
});

describe("changeCapacity", () => {
  it("moves the waiting list up when places are added and refuses fewer than confirmed", () => {
    const bookings = bookAll(run, ["anna", "ben", "cem", "dora", "emil"]);
    const more = changeCapacity(run, bookings, 4, TODAY);
    expect(more.ok && more.events.map((e) => e.type === "movedUp" && e.participantId)).toEqual([
      "cem",
      "dora",
    ]);
    expect(changeCapacity(run, bookings, 1, TODAY)).toEqual({
      ok: false,
      problem: { code: "capacityBelowConfirmed", confirmed: 2 },
    });
    expect(changeCapacity(run, bookings, 0, TODAY)).toEqual({
      ok: false,
      problem: { code: "capacityInvalid" },
    });
  });
});

describe("moveBooking", () => {
  const move = (bookingId: string, source: Booking[], target: Booking[], targetRun = otherRun) =>
    moveBooking(run, source, targetRun, target, {
      bookingId,
      newBookingId: `${bookingId}-moved`,
      now: "2025-02-10T12:00:00Z",
      today: "2025-02-10",
    });

  it("moves into a free place and lets the source's waiting list move up", () => {
    const source = bookAll(run, ["anna", "ben", "cem"]);
    const result = move("b-anna", source, []);
    if (!result.ok) throw new Error(result.problem.code);
    expect(result.events.map((e) => e.type)).toEqual(["movedOut", "movedUp", "booked"]);
    expect(statusOf(result.source)).toEqual({ anna: "movedOut", ben: "confirmed", cem: "confirmed" });
    expect(result.target).toMatchObject([
      { id: "b-anna-moved", participantId: "anna", status: "confirmed", runId: "run-b" },
    ]);
    expect(result.changed).toHaveLength(3);
  });

  it("puts her at the end of a full target's waiting list", () => {
    const source = bookAll(run, ["anna"]);
    const target = bookAll(otherRun, ["xena", "yuri", "zoe"]);
    const result = move("b-anna", source, target);
    expect(result.ok && result.events.at(-1)).toMatchObject({
      type: "waitlisted",
      position: 2,
      runId: "run-b",
    });
  });

  it("refuses a move to another series, into the same run, or where she is already booked", () => {
    const source = bookAll(run, ["anna"]);
    expect(move("b-anna", source, [], { ...otherRun, seriesId: "qhb" })).toEqual({
      ok: false,
      problem: { code: "differentSeries" },
    });
    expect(move("b-anna", source, [], run)).toEqual({ ok: false, problem: { code: "sameRun" } });
    const target = bookAll(otherRun, ["anna"]);
    expect(move("b-anna", source, target)).toEqual({
      ok: false,
      problem: { code: "alreadyBooked", bookingId: "b-anna" },
    });
  });
});

/** The first invariant `bookings` break, or null. */
function invariantViolation(bookings: readonly Booking[], capacity: number): string | null {
  const confirmed = confirmedCount(bookings);
  if (confirmed > capacity) return `${confirmed} confirmed for ${capacity} places`;
  const queue = waitingList(bookings);
  if (queue.length > 0 && confirmed < capacity) return `${queue.length} waiting with a free place`;
  const active = bookings.filter(isActive).map((b) => b.participantId);
  if (new Set(active).size !== active.length) return "a participant booked twice";
  for (let i = 1; i < queue.length; i++) {
    if (compareBookingOrder(queue[i - 1] as Booking, queue[i] as Booking) >= 0) return "queue out of order";
  }
  return null;
}

describe("random sequences of bookings, cancellations, moves and capacity changes", () => {
  it("never exceed capacity, never leave a place free while someone waits, and move up in queue order", () => {
    const violations: string[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const random = seededRandom(seed);
      const pick = (n: number) => Math.floor(random() * n);
      const runs: BookingRun[] = [
        { ...run, capacity: 1 + pick(4) },
        { ...otherRun, capacity: 1 + pick(3) },
      ];
      const state: Booking[][] = [[], []];
      const people = ["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"];
      let clock = Date.parse("2025-02-01T08:00:00Z");
      let nextId = 1;
      for (let step = 0; step < 60; step++) {
        // Several actions may share one instant, as concurrent requests do.
        if (random() < 0.6) clock += 1000;
        const now = new Date(clock).toISOString();
        const r = pick(2);
        const current = runs[r] as BookingRun;
        const bookings = state[r] as Booking[];
        const action = pick(10);
        const queueBefore = waitingList(bookings).map((b) => b.id);
        let result: { ok: boolean; events?: { type: string; bookingId?: string }[] } | null = null;
        if (action < 5) {
          const res = bookPlace(
            current,
            bookings,
            request(people[pick(people.length)] as string, now, { bookingId: `b${nextId++}` }),
            NRW_RULES,
          );
          if (res.ok) state[r] = res.bookings;
          result = res;
        } else if (action < 8) {
          const active = bookings.filter(isActive);
          const victim = active[pick(active.length)];
          if (victim) {
            const res = cancelBooking(current, bookings, {
              bookingId: victim.id,
              now,
              today: TODAY,
              by: "staff",
            });
            if (res.ok) state[r] = res.bookings;
            result = res;
          }
        } else if (action < 9) {
          const capacity = 1 + pick(5);
          const res = changeCapacity(current, bookings, capacity, TODAY);
          if (res.ok) {
            state[r] = res.bookings;
            runs[r] = { ...current, capacity };
          }
          result = res;
        } else {
          const active = bookings.filter(isActive);
          const mover = active[pick(active.length)];
          const other = 1 - r;
          if (mover) {
            const res = moveBooking(current, bookings, runs[other] as BookingRun, state[other] as Booking[], {
              bookingId: mover.id,
              newBookingId: `b${nextId++}`,
              now,
              today: TODAY,
            });
            if (res.ok) {
              state[r] = res.source;
              state[other] = res.target;
            }
            result = res.ok
              ? { ok: true, events: res.events.filter((e) => "runId" in e && e.runId === current.id) }
              : res;
          }
        }

        // Whoever moved up in this run was at the head of its queue, in order.
        const movedUp = (result?.ok ? (result.events ?? []) : [])
          .filter((e) => e.type === "movedUp")
          .map((e) => e.bookingId);
        if (movedUp.some((id, i) => id !== queueBefore[i]))
          violations.push(`seed ${seed} step ${step}: queue skipped`);
        for (const [i, bookings] of state.entries()) {
          const problem = invariantViolation(bookings, (runs[i] as BookingRun).capacity);
          if (problem) violations.push(`seed ${seed} step ${step} run ${i}: ${problem}`);
        }
      }
    }
    expect(violations.slice(0, 5)).toEqual([]);
  });
});
