import { describe, expect, it } from "vitest";
import type { PlacementInstance } from "./instance";
import { solvePlacement } from "./solve";
import {
  hasStableAssignment,
  randomTimeSlotInstance,
  referenceBlockingPairs,
  referenceCaregiverRanking,
  referenceFits,
  referenceRequestRanking,
  seededRandom,
  testCaregiver,
  testRequest,
} from "./test-support";

const caregiver = testCaregiver;
const request = testRequest;

/** Small instances in which everybody needs the same hours: the classic college-admissions problem. */
function identicalTimesInstance(seed: number, capacity: () => number): PlacementInstance {
  const random = seededRandom(seed);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const caregivers = Array.from({ length: integer(1, 4) }, (_, c) =>
    caregiver(`c${c}`, {
      location: { lat: 51.75 + random() * 0.02, lon: 8.04 + random() * 0.02 },
      maxChildren: 8,
      freePlaces: [{ day: 1, from: "07:00", to: "16:00", places: capacity() }],
    }),
  );
  const requests = Array.from({ length: integer(1, 6) }, (_, r) => {
    const shuffled = caregivers.map((c) => c.id).sort(() => random() - 0.5);
    return request(`r${r}`, {
      location: { lat: 51.75 + random() * 0.02, lon: 8.04 + random() * 0.02 },
      priorityPoints: integer(0, 3),
      ...(random() < 0.7 ? { preferences: shuffled.slice(0, integer(1, shuffled.length)) } : {}),
    });
  });
  for (const c of caregivers) {
    if (random() < 0.3 && requests.length > 1) c.priorityOrder = [`r${integer(0, requests.length - 1)}`];
  }
  return { caregivers, requests };
}

/**
 * All stable matchings with unit capacities, by enumeration, and for each request the caregiver it gets in
 * the best of them (null if unplaced in all).
 */
function childOptimalByEnumeration(instance: PlacementInstance): Record<string, string | null> | null {
  const lists = instance.requests.map((r) => referenceRequestRanking(instance, r));
  const orders = new Map(
    instance.caregivers.map((c) => [c.id, referenceCaregiverRanking(instance, c)] as const),
  );
  const stable: (string | null)[][] = [];
  const current: (string | null)[] = [];
  const isStable = () =>
    instance.requests.every((r, i) => {
      const list = lists[i] as string[];
      const mine = current[i] ?? null;
      const limit = mine === null ? list.length : list.indexOf(mine);
      return list.slice(0, limit).every((c) => {
        const holder = current.indexOf(c);
        if (holder < 0) return false;
        const order = orders.get(c) as string[];
        return order.indexOf(instance.requests[holder]?.id as string) < order.indexOf(r.id);
      });
    });
  const enumerate = (i: number) => {
    if (i === instance.requests.length) {
      if (isStable()) stable.push([...current]);
      return;
    }
    for (const c of [...(lists[i] as string[]), null]) {
      if (c !== null && current.slice(0, i).includes(c)) continue;
      current[i] = c;
      enumerate(i + 1);
    }
  };
  enumerate(0);
  if (stable.length === 0) return null;
  const best = instance.requests.map((_, i) => {
    const list = lists[i] as string[];
    const rankOf = (c: string | null) => (c === null ? list.length : list.indexOf(c));
    return stable.map((m) => m[i] ?? null).sort((a, b) => rankOf(a) - rankOf(b))[0] ?? null;
  });
  return Object.fromEntries(instance.requests.map((r, i) => [r.id, best[i] ?? null]));
}

describe("solvePlacement with identical times", () => {
  it("gives the child-optimal stable matching with unit capacities (checked by enumeration)", () => {
    let compared = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const instance = identicalTimesInstance(seed, () => 1);
      const result = solvePlacement(instance);
      const expected = childOptimalByEnumeration(instance);
      // With responsive preferences a stable matching always exists (Gale–Shapley).
      expect(expected).not.toBeNull();
      expect(result.assignments).toEqual(expected);
      expect(result.blockingPairs).toEqual([]);
      expect(result.stats.stable).toBe(true);
      compared++;
    }
    expect(compared).toBe(100);
  });

  it("is stable without any repair when several places share the same hours", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = seededRandom(seed * 7);
      const instance = identicalTimesInstance(seed, () => 1 + Math.floor(random() * 3));
      const result = solvePlacement(instance);
      expect(result.stats.blockingPairsAfterDeferredAcceptance).toBe(0);
      expect(referenceBlockingPairs(instance, result.assignments)).toEqual([]);
    }
  });
});

describe("solvePlacement with time slots", () => {
  const cases = Array.from({ length: 100 }, (_, i) => {
    const instance = randomTimeSlotInstance(1000 + i);
    return { instance, result: solvePlacement(instance) };
  });

  it("lists every request, placed or not", () => {
    for (const { instance, result } of cases) {
      expect(Object.keys(result.assignments)).toEqual(instance.requests.map((r) => r.id));
      expect(result.stats.placed + result.stats.unplaced).toBe(instance.requests.length);
    }
  });

  it("gives every caregiver a set of requests that fits her count and her free places at every minute", () => {
    for (const { instance, result } of cases) {
      for (const c of instance.caregivers) {
        const set = instance.requests.filter((r) => result.assignments[r.id] === c.id);
        expect(referenceFits(c, set)).toBe(true);
      }
    }
  });

  it("places requests only with caregivers they rank", () => {
    for (const { instance, result } of cases) {
      for (const r of instance.requests) {
        const assigned = result.assignments[r.id];
        if (assigned) expect(referenceRequestRanking(instance, r)).toContain(assigned);
      }
    }
  });

  it("reports exactly the blocking pairs of the definition", () => {
    for (const { instance, result } of cases) {
      expect(result.blockingPairs).toEqual(referenceBlockingPairs(instance, result.assignments));
      expect(result.stats.blockingPairs).toBe(result.blockingPairs.length);
    }
  });

  it("finds the same blocking pairs after deferred acceptance when it checks only irregular caregivers", () => {
    for (const { instance, result } of cases) {
      const full = solvePlacement(instance, { checkAllPairs: true });
      expect(full.stats.blockingPairsAfterDeferredAcceptance).toBe(
        result.stats.blockingPairsAfterDeferredAcceptance,
      );
      expect(full.assignments).toEqual(result.assignments);
    }
  });

  it("repairs the blocking pairs deferred acceptance leaves when hours do not nest", () => {
    // One place until noon and one after; a wants the whole day, b the afternoon, r the morning. The
    // caregiver ranks b > a > r. Deferred acceptance holds a and rejects r; then b arrives and pushes a
    // out, which frees the morning: r has justified envy unless it is let back in.
    const instance: PlacementInstance = {
      caregivers: [
        caregiver("c", {
          freePlaces: [
            { day: 1, from: "08:00", to: "12:00", places: 1 },
            { day: 1, from: "12:00", to: "16:00", places: 1 },
          ],
        }),
      ],
      requests: [
        request("a", { care: [{ day: 1, from: "08:00", to: "16:00" }], priorityPoints: 5 }),
        request("r", { care: [{ day: 1, from: "08:00", to: "12:00" }], priorityPoints: 1 }),
        request("b", { care: [{ day: 1, from: "12:00", to: "16:00" }], priorityPoints: 9 }),
      ],
    };
    const result = solvePlacement(instance);
    expect(result.stats.blockingPairsAfterDeferredAcceptance).toBe(1);
    expect(result.assignments).toEqual({ a: null, r: "c", b: "c" });
    expect(result.blockingPairs).toEqual([]);
  });

  it("lists the blocking pairs honestly when no stable outcome exists", () => {
    const at = (lat: number, lon: number) => ({ location: { lat, lon } });
    const day = (from: string, to: string) => [{ day: 1, from, to }];
    const instance: PlacementInstance = {
      caregivers: [
        caregiver("c0", {
          ...at(51.008, 8.002),
          maxChildren: 2,
          freePlaces: [{ day: 1, from: "08:00", to: "16:00", places: 1 }],
        }),
        caregiver("c1", {
          ...at(51.0082, 8.0058),
          freePlaces: [{ day: 1, from: "08:00", to: "16:00", places: 2 }],
          priorityOrder: ["r2"],
        }),
        caregiver("c2", {
          ...at(51.0006, 8.0036),
          maxChildren: 1,
          freePlaces: [
            { day: 1, from: "08:00", to: "15:00", places: 2 },
            { day: 1, from: "15:00", to: "16:00", places: 1 },
          ],
          priorityOrder: ["r3"],
        }),
      ],
      requests: [
        request("r0", {
          ...at(51.0011, 8.006),
          care: day("09:00", "10:00"),
          priorityPoints: 4,
          preferences: ["c2", "c0"],
        }),
        request("r1", { ...at(51.0094, 8.01), care: day("12:00", "16:00"), priorityPoints: 5 }),
        request("r2", { ...at(51.0021, 8.0016), care: day("09:00", "12:00"), priorityPoints: 4 }),
        request("r3", {
          ...at(51.0006, 8.0004),
          care: day("10:00", "12:00"),
          priorityPoints: 3,
          preferences: ["c0", "c2"],
        }),
      ],
    };
    expect(hasStableAssignment(instance)).toBe(false);
    const result = solvePlacement(instance);
    expect(result.stats.stable).toBe(false);
    expect(result.blockingPairs.length).toBeGreaterThan(0);
    expect(result.blockingPairs).toEqual(referenceBlockingPairs(instance, result.assignments));
  });

  it("ends without blocking pairs whenever a stable assignment exists (checked by enumeration)", () => {
    for (const { instance, result } of cases) {
      if (result.blockingPairs.length > 0) expect(hasStableAssignment(instance)).toBe(false);
    }
  });
});

/**
 * A busy office: more families than places, most caregivers with as many places all day as children by
 * count (count alone decides there), some with fewer places after noon, hours that differ.
 */
function busyInstance(seed: number): PlacementInstance {
  const random = seededRandom(seed);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;
  const caregivers = Array.from({ length: integer(4, 12) }, (_, c) => {
    const places = integer(1, 3);
    const lessAfterNoon = random() < 0.3;
    return caregiver(`c${c}`, {
      location: { lat: 51.75 + random() * 0.03, lon: 8.04 + random() * 0.03 },
      maxChildren: places + integer(0, 1),
      existingChildren: integer(0, 1),
      freePlaces: lessAfterNoon
        ? [
            { day: 1, from: "07:00", to: "12:00", places },
            { day: 1, from: "12:00", to: "17:00", places: Math.max(1, places - 1) },
          ]
        : [{ day: 1, from: "07:00", to: "17:00", places }],
    });
  });
  const requests = Array.from({ length: integer(10, 40) }, (_, r) => {
    const from = integer(7, 14);
    return request(`r${r}`, {
      location: { lat: 51.75 + random() * 0.03, lon: 8.04 + random() * 0.03 },
      care: [{ day: 1, from: hour(from), to: hour(integer(from + 1, 17)) }],
      priorityPoints: integer(0, 9),
      ...(random() < 0.3 ? { preferences: caregivers.map((c) => c.id).filter(() => random() < 0.5) } : {}),
    });
  });
  for (const c of caregivers) {
    if (random() < 0.3) c.priorityOrder = [`r${integer(0, requests.length - 1)}`];
  }
  return { caregivers, requests };
}

describe("solvePlacement where count alone decides", () => {
  it("gives the same round as checking the hours at every caregiver", () => {
    for (let seed = 1; seed <= 100; seed++) {
      for (const instance of [randomTimeSlotInstance(5000 + seed), busyInstance(seed)]) {
        const result = solvePlacement(instance);
        expect(solvePlacement(instance, { alwaysCheckHours: true })).toEqual(result);
        expect(result.blockingPairs).toEqual(referenceBlockingPairs(instance, result.assignments));
      }
    }
  });
});
