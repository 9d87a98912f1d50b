import { describe, expect, it } from "vitest";
import { haversineKm } from "../geo/geo";
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

/** Every lister entry points back at its caregiver's place in the request's list. */
function expectListersInvertLists(model: PlacementModel): void {
  let entries = 0;
  for (let c = 0; c < model.caregiverCount; c++) {
    for (let k = model.listerStart[c] as number; k < (model.listerStart[c + 1] as number); k++) {
      const r = model.listers[k] as number;
      expect(model.list[(model.listStart[r] as number) + (model.listerPosition[k] as number)]).toBe(c);
      entries++;
    }
  }
  expect(entries).toBe(model.list.length);
}

describe("compileInstance at scale", () => {
  const day = (d: number, from: string, to: string) => ({ day: d, from, to });
  /** Care patterns, some written differently but covering the same minutes (they share a pattern). */
  const carePatterns = [
    [1, 2, 3, 4, 5].map((d) => day(d, "08:00", "13:00")),
    [5, 4, 3, 2, 1].map((d) => day(d, "08:00", "13:00")),
    [1, 2, 3, 4, 5].flatMap((d) => [day(d, "08:00", "11:00"), day(d, "10:00", "13:00")]),
    [1, 2, 3, 4, 5].map((d) => day(d, "08:00", "16:00")),
    [1, 3, 5].map((d) => day(d, "07:30", "12:30")),
    [2, 4].map((d) => day(d, "12:00", "16:00")),
    [day(1, "09:00", "10:00"), day(6, "09:00", "10:00")],
  ];
  const freeStyles = [
    [1, 2, 3, 4, 5].map((d) => ({ ...day(d, "07:00", "16:00"), places: 2 })),
    [1, 2, 3, 4, 5].flatMap((d) => [
      { ...day(d, "07:00", "12:30"), places: 2 },
      { ...day(d, "12:30", "16:00"), places: 1 },
    ]),
    [1, 2, 3, 4, 5].map((d) => ({ ...day(d, "07:30", "14:00"), places: 1 })),
    [1, 2, 3, 4, 5].flatMap((d) => [
      { ...day(d, "07:00", "10:00"), places: 1 },
      { ...day(d, "10:30", "16:00"), places: 3 },
    ]),
    [1, 2, 3, 4, 5, 6].map((d) => ({ ...day(d, "06:00", "18:00"), places: d === 6 ? 0 : 1 })),
  ];

  it("agrees with the reference acceptability and rankings: many patterns, long lists, ties", () => {
    const random = seededRandom(23);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    // Blocks of flats: many caregivers at one spot are all equally far from any request.
    const spots = [
      { lat: 51.75, lon: 8.04 },
      { lat: 51.76, lon: 8.05 },
    ];
    for (let round = 0; round < 4; round++) {
      const caregivers = Array.from({ length: 120 }, (_, c) =>
        caregiver(`c${c}`, {
          location: c % 3 === 0 ? pick(spots) : { lat: 51.73 + random() * 0.05, lon: 8.02 + random() * 0.05 },
          ageMonths: random() < 0.8 ? { min: 0, max: 36 } : { min: 24, max: 72 },
          pets: random() < 0.2,
          inclusion: random() < 0.5,
          freePlaces: pick(freeStyles),
        }),
      );
      const requests = Array.from({ length: 40 }, (_, r) =>
        request(`r${r}`, {
          location: { lat: 51.73 + random() * 0.05, lon: 8.02 + random() * 0.05 },
          care: pick(carePatterns),
          maxDistanceKm: 1 + random() * 6,
          childAgeMonths: Math.floor(random() * 40),
          noPets: random() < 0.2,
          needsInclusion: random() < 0.1,
          ...(random() < 0.2
            ? { preferences: caregivers.filter(() => random() < 0.1).map((c) => c.id) }
            : {}),
        }),
      );
      const instance = { caregivers, requests };
      const model = compileInstance(instance);
      let longest = 0;
      requests.forEach((r, i) => {
        const ranking = referenceRequestRanking(instance, r);
        expect(rankingOf(model, i)).toEqual(ranking);
        longest = Math.max(longest, ranking.length);
      });
      expect(longest).toBeGreaterThan(48);
      expectListersInvertLists(model);
    }
  });

  it("gives ranges written differently but covering the same minutes one care pattern", () => {
    const model = compileInstance({
      caregivers: [caregiver("c")],
      requests: carePatterns.map((care, r) =>
        request(`r${r}`, { care: care.map((range) => ({ ...range })) }),
      ),
    });
    const patterns = Array.from(model.carePattern);
    expect(patterns[0]).toBe(patterns[1]);
    expect(patterns[0]).toBe(patterns[2]);
    expect(new Set(patterns).size).toBe(carePatterns.length - 2);
  });

  it("ranks requests by points the same way for whole, fractional, negative and widely spread points", () => {
    const pointSets = [
      [3, 0, 30, 3, 7, 0, 12],
      [2.5, 0.25, 2.5, 7, -1.5],
      [-3, -10, 4, -3, 0],
      [0, 2 ** 25, 5, 2 ** 25, -(2 ** 22)],
    ];
    for (const points of pointSets) {
      const instance = {
        caregivers: [caregiver("plain"), caregiver("own", { priorityOrder: ["r2"] })],
        requests: points.map((priorityPoints, r) => request(`r${r}`, { priorityPoints })),
      };
      const model = compileInstance(instance);
      instance.caregivers.forEach((c, i) => {
        expect(caregiverOrder(model, i)).toEqual(referenceCaregiverRanking(instance, c));
      });
    }
  });

  it("builds lists with more pairs than a buffer chunk holds", () => {
    const random = seededRandom(5);
    const at = () => ({ location: { lat: 51.74 + random() * 0.02, lon: 8.03 + random() * 0.02 } });
    const instance = {
      caregivers: Array.from({ length: 130 }, (_, c) => caregiver(`c${c}`, at())),
      requests: Array.from({ length: 130 }, (_, r) => request(`r${r}`, { ...at(), maxDistanceKm: 20 })),
    };
    const model = compileInstance(instance);
    expect(model.list.length).toBe(130 * 130);
    instance.requests.forEach((r, i) => {
      expect(rankingOf(model, i)).toEqual(referenceRequestRanking(instance, r));
    });
    expectListersInvertLists(model);
  });
});

describe("distances in the rankings", () => {
  /** The largest number below a positive `x`. */
  const justBelow = (x: number) => {
    const bits = new BigInt64Array(new Float64Array([x]).buffer);
    bits[0] = (bits[0] as bigint) - 1n;
    return new Float64Array(bits.buffer)[0] as number;
  };

  it("takes a caregiver exactly at the maximum distance and none a rounding step beyond", () => {
    const random = seededRandom(31);
    for (let i = 0; i < 200; i++) {
      const here = { lat: -60 + random() * 120, lon: -180 + random() * 360 };
      const there = { lat: here.lat + (random() - 0.5) * 0.1, lon: here.lon + (random() - 0.5) * 0.1 };
      const km = haversineKm(here, there);
      const acceptableWithin = (maxDistanceKm: number) =>
        compileInstance({
          caregivers: [caregiver("c", { location: there })],
          requests: [request("r", { location: here, maxDistanceKm })],
        }).list.length === 1;
      expect(acceptableWithin(km)).toBe(true);
      if (km > 0) expect(acceptableWithin(justBelow(km))).toBe(false);
    }
  });

  it("ranks equally distant caregivers by input order, mirrored and at one address", () => {
    const random = seededRandom(37);
    for (let round = 0; round < 10; round++) {
      const center = { lat: -70 + random() * 140, lon: -179 + random() * 358 };
      // Mirrored east and west of the request: the same haversine distance, chords that may round apart.
      const offsets = Array.from({ length: 30 }, () => ({
        lat: (random() - 0.5) * 0.04,
        lon: random() * 0.04,
      }));
      const locations = offsets.flatMap((offset) => [
        { lat: center.lat + offset.lat, lon: center.lon + offset.lon },
        { lat: center.lat + offset.lat, lon: center.lon - offset.lon },
      ]);
      for (let k = 0; k < 20; k++) locations.push({ ...(locations[3] as { lat: number; lon: number }) });
      const caregivers = locations.reverse().map((location, c) => caregiver(`c${c}`, { location }));
      const instance = { caregivers, requests: [request("r", { location: center, maxDistanceKm: 50 })] };
      const model = compileInstance(instance);
      expect(rankingOf(model, 0)).toEqual(
        referenceRequestRanking(instance, instance.requests[0] as PlacementRequest),
      );
      expect(model.list.length).toBe(80);
    }
  });

  it("ranks by haversine distance when a request reaches round the globe", () => {
    const random = seededRandom(41);
    const center = { lat: 10, lon: 20 };
    const antipode = { lat: -10, lon: -160 };
    const caregivers = [
      ...Array.from({ length: 60 }, () => ({ lat: -80 + random() * 160, lon: -180 + random() * 360 })),
      ...Array.from({ length: 10 }, () => ({
        lat: antipode.lat + (random() - 0.5) * 1e-6,
        lon: antipode.lon + (random() - 0.5) * 1e-6,
      })),
    ].map((location, c) => caregiver(`c${c}`, { location }));
    const instance = { caregivers, requests: [request("r", { location: center, maxDistanceKm: 25_000 })] };
    const model = compileInstance(instance);
    expect(rankingOf(model, 0)).toEqual(
      referenceRequestRanking(instance, instance.requests[0] as PlacementRequest),
    );
    expect(model.list.length).toBe(70);
  });
});
