import { describe, expect, it } from "vitest";
import type { PlacementCaregiver, PlacementInstance, PlacementRequest } from "./instance";
import { caregiverRank, compileInstance, type PlacementModel } from "./model";
import { solvePlacement } from "./solve";
import { referenceCaregiverRanking, referenceRequestRanking, seededRandom } from "./test-support";
import { careMinutes, freePieces, toDayRanges } from "./time";

function caregiver(id: string, overrides: Partial<PlacementCaregiver> = {}): PlacementCaregiver {
  return {
    id,
    location: { lat: 51.75, lon: 8.04 },
    ageMonths: { min: 0, max: 36 },
    maxChildren: 5,
    existingChildren: 0,
    inclusion: false,
    pets: false,
    freePlaces: [1, 2, 3, 4, 5].map((day) => ({ day, from: "07:00", to: "16:00", places: 2 })),
    ...overrides,
  };
}

function request(id: string, overrides: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    id,
    location: { lat: 51.75, lon: 8.04 },
    childAgeMonths: 14,
    care: [{ day: 1, from: "08:00", to: "13:00" }],
    maxDistanceKm: 5,
    needsInclusion: false,
    noPets: false,
    priorityPoints: 0,
    ...overrides,
  };
}

function rankingOf(model: PlacementModel, r: number): string[] {
  const ids = model.instance.caregivers.map((c) => c.id);
  return Array.from(model.list.subarray(model.listStart[r], model.listStart[r + 1])).map(
    (c) => ids[c] as string,
  );
}

function caregiverOrder(model: PlacementModel, c: number): string[] {
  return model.instance.requests
    .map((request, r) => ({ id: request.id, rank: caregiverRank(model, c, r) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ id }) => id);
}

describe("times", () => {
  it("merges a request's overlapping and touching ranges into minutes of the week", () => {
    expect(
      careMinutes([
        { day: 2, from: "11:00", to: "14:00" },
        { day: 1, from: "08:00", to: "12:00" },
        { day: 2, from: "08:00", to: "11:00" },
      ]),
    ).toEqual([480, 720, 1440 + 480, 1440 + 840]);
  });

  it("takes the larger number where free ranges overlap and drops ranges without places", () => {
    expect(
      freePieces([
        { day: 1, from: "08:00", to: "12:00", places: 2 },
        { day: 1, from: "10:00", to: "14:00", places: 3 },
        { day: 1, from: "15:00", to: "16:00", places: 0 },
      ]),
    ).toEqual([480, 600, 2, 600, 840, 3]);
  });

  it("splits minutes of the week at midnight into day ranges", () => {
    expect(toDayRanges(1440 + 1200, 2 * 1440 + 120)).toEqual([
      { day: 2, from: "20:00", to: "24:00" },
      { day: 3, from: "00:00", to: "02:00" },
    ]);
  });
});

describe("acceptability", () => {
  const base = { caregivers: [caregiver("c")], requests: [request("r")] };
  const acceptable = (c: Partial<PlacementCaregiver>, r: Partial<PlacementRequest>) => {
    const model = compileInstance({ caregivers: [caregiver("c", c)], requests: [request("r", r)] });
    return model.list.length === 1;
  };

  it("takes a caregiver within the distance, of the right age, with inclusion and pets that fit", () => {
    expect(compileInstance(base).list.length).toBe(1);
    expect(acceptable({ location: { lat: 51.8, lon: 8.04 } }, { maxDistanceKm: 5 })).toBe(false);
    expect(acceptable({ location: { lat: 51.79, lon: 8.04 } }, { maxDistanceKm: 5 })).toBe(true);
    expect(acceptable({ ageMonths: { min: 0, max: 12 } }, { childAgeMonths: 12 })).toBe(true);
    expect(acceptable({ ageMonths: { min: 0, max: 12 } }, { childAgeMonths: 13 })).toBe(false);
    expect(acceptable({ ageMonths: { min: 14, max: 36 } }, { childAgeMonths: 13 })).toBe(false);
    expect(acceptable({ inclusion: false }, { needsInclusion: true })).toBe(false);
    expect(acceptable({ inclusion: true }, { needsInclusion: true })).toBe(true);
    expect(acceptable({ pets: true }, { noPets: true })).toBe(false);
    expect(acceptable({ pets: true }, { noPets: false })).toBe(true);
  });

  it("needs a free place at every requested minute, across touching free ranges", () => {
    const split = [
      { day: 1, from: "07:00", to: "10:00", places: 1 },
      { day: 1, from: "10:00", to: "16:00", places: 2 },
    ];
    expect(acceptable({ freePlaces: split }, { care: [{ day: 1, from: "08:00", to: "15:00" }] })).toBe(true);
    const gap = [
      { day: 1, from: "07:00", to: "10:00", places: 1 },
      { day: 1, from: "10:01", to: "16:00", places: 2 },
    ];
    expect(acceptable({ freePlaces: gap }, { care: [{ day: 1, from: "08:00", to: "15:00" }] })).toBe(false);
    expect(acceptable({}, { care: [{ day: 6, from: "08:00", to: "09:00" }] })).toBe(false);
    // `to` is exclusive: care until 16:00 fits a place free until 16:00.
    expect(acceptable({}, { care: [{ day: 1, from: "15:00", to: "16:00" }] })).toBe(true);
  });
});

describe("rankings", () => {
  it("ranks by the family's preferences, leaving out caregivers that are not acceptable", () => {
    const model = compileInstance({
      caregivers: [caregiver("a"), caregiver("b", { pets: true }), caregiver("c"), caregiver("d")],
      requests: [request("r", { noPets: true, preferences: ["c", "b", "a"] })],
    });
    expect(rankingOf(model, 0)).toEqual(["c", "a"]);
  });

  it("ranks all acceptable caregivers by distance without preferences, ties in input order", () => {
    const model = compileInstance({
      caregivers: [
        caregiver("far", { location: { lat: 51.77, lon: 8.04 } }),
        caregiver("same-1", { location: { lat: 51.76, lon: 8.04 } }),
        caregiver("near", { location: { lat: 51.751, lon: 8.04 } }),
        caregiver("same-2", { location: { lat: 51.76, lon: 8.04 } }),
        caregiver("too-far", { location: { lat: 51.9, lon: 8.04 } }),
      ],
      requests: [request("r"), request("r-empty-list", { preferences: [] })],
    });
    expect(rankingOf(model, 0)).toEqual(["near", "same-1", "same-2", "far"]);
    expect(rankingOf(model, 1)).toEqual(["near", "same-1", "same-2", "far"]);
  });

  it("ranks requests by priority points, higher first, ties in input order", () => {
    const model = compileInstance({
      caregivers: [caregiver("c")],
      requests: [
        request("low", { priorityPoints: 1 }),
        request("high", { priorityPoints: 9 }),
        request("tie-1", { priorityPoints: 5 }),
        request("tie-2", { priorityPoints: 5 }),
      ],
    });
    expect(caregiverOrder(model, 0)).toEqual(["high", "tie-1", "tie-2", "low"]);
  });

  it("ranks the requests of a priorityOrder first, then the others by points and input order", () => {
    const model = compileInstance({
      caregivers: [caregiver("own", { priorityOrder: ["low", "tie-2"] }), caregiver("plain")],
      requests: [
        request("low", { priorityPoints: 1 }),
        request("high", { priorityPoints: 9 }),
        request("tie-1", { priorityPoints: 5 }),
        request("tie-2", { priorityPoints: 5 }),
        request("zero", { priorityPoints: 0 }),
      ],
    });
    expect(caregiverOrder(model, 0)).toEqual(["low", "tie-2", "high", "tie-1", "zero"]);
    expect(caregiverOrder(model, 1)).toEqual(["high", "tie-1", "tie-2", "low", "zero"]);
  });

  it("lets the rankings decide the round", () => {
    // One place, two families who both want it: the caregiver's own order beats priority points.
    const instance: PlacementInstance = {
      caregivers: [
        caregiver("c", { freePlaces: [{ day: 1, from: "07:00", to: "16:00", places: 1 }] }),
        caregiver("d", { location: { lat: 51.76, lon: 8.04 } }),
      ],
      requests: [request("many-points", { priorityPoints: 20 }), request("sibling", { priorityPoints: 2 })],
    };
    expect(solvePlacement(instance).assignments).toEqual({ "many-points": "c", sibling: "d" });
    (instance.caregivers[0] as PlacementCaregiver).priorityOrder = ["sibling"];
    expect(solvePlacement(instance).assignments).toEqual({ "many-points": "d", sibling: "c" });
  });

  it("agrees with the reference rankings on random instances", () => {
    const random = seededRandom(7);
    for (let round = 0; round < 20; round++) {
      const caregivers = Array.from({ length: 12 }, (_, c) =>
        caregiver(`c${c}`, {
          // Coarse positions, so that equal distances (ties) happen.
          location: {
            lat: 51.75 + Math.floor(random() * 4) * 0.01,
            lon: 8.04 + Math.floor(random() * 4) * 0.01,
          },
          pets: random() < 0.3,
          ageMonths: random() < 0.2 ? { min: 24, max: 72 } : { min: 0, max: 36 },
          ...(random() < 0.3 ? { priorityOrder: [`r${Math.floor(random() * 10)}`] } : {}),
        }),
      );
      const requests = Array.from({ length: 10 }, (_, r) =>
        request(`r${r}`, {
          location: { lat: 51.75 + random() * 0.03, lon: 8.04 + random() * 0.03 },
          maxDistanceKm: 1 + random() * 4,
          noPets: random() < 0.3,
          priorityPoints: Math.floor(random() * 4),
          ...(random() < 0.4
            ? { preferences: caregivers.filter(() => random() < 0.4).map((c) => c.id) }
            : {}),
        }),
      );
      const instance = { caregivers, requests };
      const model = compileInstance(instance);
      requests.forEach((r, i) => {
        expect(rankingOf(model, i)).toEqual(referenceRequestRanking(instance, r));
      });
      caregivers.forEach((c, i) => {
        expect(caregiverOrder(model, i)).toEqual(referenceCaregiverRanking(instance, c));
      });
    }
  });
});

describe("compileInstance", () => {
  it("refuses what validation should have caught, naming the field", () => {
    const caregivers = [caregiver("c")];
    expect(() => compileInstance({ caregivers, requests: [request("r", { preferences: ["x"] })] })).toThrow(
      'requests[0].preferences[0]: unknown caregiver "x"',
    );
    expect(() =>
      compileInstance({ caregivers: [caregiver("c", { priorityOrder: ["x"] })], requests: [request("r")] }),
    ).toThrow('caregivers[0].priorityOrder[0]: unknown request "x"');
    expect(() => compileInstance({ caregivers, requests: [request("r"), request("r")] })).toThrow(
      'requests[1].id: duplicate "r"',
    );
    expect(() =>
      compileInstance({
        caregivers,
        requests: [request("r", { care: [{ day: 1, from: "9", to: "10:00" }] })],
      }),
    ).toThrow("Not a time of day");
  });
});
