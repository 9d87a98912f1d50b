import { describe, expect, it } from "vitest";
import { confirmedCount, waitingList } from "../shared/waiting-list";
import {
  cancelAll,
  cancelRegistration,
  changeCapacity,
  type Registration,
  type RegistrationTarget,
  register,
} from "./registration";

const target: RegistrationTarget = {
  id: "e1",
  status: "scheduled",
  registrationEnabled: true,
  capacity: 2,
  startsAt: "2026-12-08T18:30:00.000Z",
  endsAt: "2026-12-08T20:30:00.000Z",
};
const before = "2026-12-01T10:00:00.000Z";

function fill(count: number, capacity: number | null = 2): Registration[] {
  let list: Registration[] = [];
  for (let i = 1; i <= count; i += 1) {
    const result = register({ ...target, capacity }, list, {
      registrationId: `r${i}`,
      participantId: `p${i}`,
      now: before,
      by: "participant",
    });
    if (!result.ok) throw new Error(result.problem.code);
    list = result.registrations;
  }
  return list;
}

describe("registration", () => {
  it("gives places, then waiting positions in order", () => {
    const list = fill(4);
    expect(list.map((r) => r.status)).toEqual(["confirmed", "confirmed", "waiting", "waiting"]);
    const result = register(target, list, {
      registrationId: "r5",
      participantId: "p5",
      now: before,
      by: "participant",
    });
    expect(result.ok && result.events[0]).toEqual({
      type: "waitlisted",
      registrationId: "r5",
      participantId: "p5",
      position: 3,
    });
  });

  it("has no waiting list without a limit", () => {
    expect(fill(5, null).every((r) => r.status === "confirmed")).toBe(true);
  });

  it("refuses a second registration, a cancelled date, a closed registration and the start", () => {
    const list = fill(1);
    const again = { registrationId: "x", participantId: "p1", now: before, by: "participant" as const };
    expect(register(target, list, again)).toEqual({
      ok: false,
      problem: { code: "alreadyRegistered", registrationId: "r1" },
    });
    const other = { ...again, participantId: "p9" };
    expect(register({ ...target, status: "cancelled" }, list, other)).toMatchObject({
      problem: { code: "eventCancelled" },
    });
    expect(register({ ...target, registrationEnabled: false }, list, other)).toMatchObject({
      problem: { code: "registrationClosed" },
    });
    expect(register(target, list, { ...other, now: target.startsAt })).toMatchObject({
      problem: { code: "registrationClosed" },
    });
    expect(register(target, list, { ...other, now: target.startsAt, by: "staff" }).ok).toBe(true);
  });

  it("moves the first waiting up when a place is freed before the start, not after", () => {
    const list = fill(4);
    const result = cancelRegistration(target, list, { registrationId: "r1", now: before, by: "participant" });
    if (!result.ok) throw new Error("refused");
    expect(result.events.map((e) => e.type)).toEqual(["cancelled", "movedUp"]);
    expect(result.registrations.find((r) => r.id === "r3")?.status).toBe("confirmed");
    expect(
      cancelRegistration(target, list, { registrationId: "r1", now: target.startsAt, by: "participant" }),
    ).toMatchObject({
      problem: { code: "registrationClosed" },
    });
    const late = cancelRegistration(target, list, {
      registrationId: "r1",
      now: target.startsAt,
      by: "staff",
    });
    expect(late.ok && late.events.map((e) => e.type)).toEqual(["cancelled"]);
  });

  it("moves several up when the capacity grows and refuses less than the confirmed", () => {
    const list = fill(5);
    const more = changeCapacity(target, list, 4, before);
    expect(more.ok && more.events.map((e) => e.type)).toEqual(["movedUp", "movedUp"]);
    expect(changeCapacity(target, list, 1, before)).toEqual({
      ok: false,
      problem: { code: "capacityBelowConfirmed", confirmed: 2 },
    });
    const unlimited = changeCapacity(target, list, null, before);
    expect(unlimited.ok && unlimited.changed.length).toBe(3);
  });

  it("cancels everyone when the date is cancelled", () => {
    const result = cancelAll(fill(3), before);
    expect(result.ok && result.events.map((e) => e.type === "cancelled" && e.hadPlace)).toEqual([
      true,
      true,
      false,
    ]);
  });

  it("keeps its invariants on random sequences", () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 50; round += 1) {
      let list: Registration[] = [];
      let capacity: number | null = 1 + Math.floor(random() * 3);
      for (let step = 0; step < 30; step += 1) {
        const choice = random();
        const t = { ...target, capacity };
        let result: ReturnType<typeof register>;
        if (choice < 0.5) {
          const n = Math.floor(random() * 8);
          result = register(t, list, {
            registrationId: `r${step}`,
            participantId: `p${n}`,
            now: before,
            by: "participant",
          });
        } else if (choice < 0.9) {
          const active = list.filter((r) => r.status !== "cancelled");
          const pick = active[Math.floor(random() * active.length)];
          if (!pick) continue;
          result = cancelRegistration(t, list, { registrationId: pick.id, now: before, by: "participant" });
        } else {
          const next = random() < 0.2 ? null : 1 + Math.floor(random() * 4);
          result = changeCapacity(t, list, next, before);
          if (result.ok) capacity = next;
        }
        if (!result.ok) continue;
        list = result.registrations;
        if (capacity !== null) expect(confirmedCount(list)).toBeLessThanOrEqual(capacity);
        if (capacity === null || confirmedCount(list) < capacity) expect(waitingList(list)).toHaveLength(0);
        const active = list.filter((r) => r.status !== "cancelled").map((r) => r.participantId);
        expect(new Set(active).size).toBe(active.length);
      }
    }
  });
});
