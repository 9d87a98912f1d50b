import { describe, expect, it } from "vitest";
import { haversineKm } from "../geo/geo";
import { compareSuggestions, explainFit, explainRound, rankSuggestions } from "./explain";
import type { PlacementCaregiver, PlacementInstance, PlacementRequest } from "./instance";
import { solvePlacement } from "./solve";

function caregiver(id: string, overrides: Partial<PlacementCaregiver> = {}): PlacementCaregiver {
  return {
    id,
    location: { lat: 51.75, lon: 8.04 },
    ageMonths: { min: 0, max: 36 },
    maxChildren: 5,
    existingChildren: 2,
    inclusion: false,
    pets: false,
    freePlaces: [1, 2, 3, 4, 5].map((day) => ({ day, from: "07:00", to: "16:00", places: 1 })),
    ...overrides,
  };
}

function request(id: string, overrides: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    id,
    location: { lat: 51.75, lon: 8.04 },
    childAgeMonths: 14,
    care: [1, 2, 3, 4, 5].map((day) => ({ day, from: "08:00", to: "13:00" })),
    maxDistanceKm: 5,
    needsInclusion: false,
    noPets: false,
    priorityPoints: 0,
    ...overrides,
  };
}

describe("explainFit", () => {
  it("finds nothing wrong with a caregiver who fits", () => {
    const fit = explainFit(caregiver("c"), request("r"));
    expect(fit).toMatchObject({
      requestId: "r",
      caregiverId: "c",
      acceptable: true,
      fits: true,
      reasons: [],
    });
    expect(fit.score).toEqual({ distanceKm: 0, hoursCoverage: 1, hoursTightness: 25 / 45 });
  });

  it("gives every reason with its parameters, as codes", () => {
    const far = { lat: 51.815, lon: 8.04 };
    const fit = explainFit(
      caregiver("c", {
        location: far,
        ageMonths: { min: 24, max: 72 },
        pets: true,
        maxChildren: 5,
        existingChildren: 5,
      }),
      request("r", { needsInclusion: true, noPets: true }),
    );
    const km = Math.round(haversineKm(request("r").location, far) * 10) / 10;
    expect(km).toBe(7.2);
    expect(fit.reasons).toEqual([
      { code: "distance", km: 7.2, maxKm: 5 },
      { code: "age", childAgeMonths: 14, min: 24, max: 72 },
      { code: "inclusion" },
      { code: "pets" },
      { code: "fullCount", maxChildren: 5, existingChildren: 5 },
    ]);
    expect(fit.acceptable).toBe(false);
    expect(fit.fits).toBe(false);
  });

  it("names the requested times without a free place as merged ranges per day", () => {
    const fit = explainFit(
      caregiver("c", {
        freePlaces: [
          { day: 3, from: "07:00", to: "12:00", places: 2 },
          { day: 3, from: "12:00", to: "14:00", places: 1 },
          { day: 3, from: "15:00", to: "15:30", places: 0 },
          { day: 4, from: "07:00", to: "16:00", places: 1 },
        ],
      }),
      request("r", {
        care: [
          { day: 3, from: "08:00", to: "16:00" },
          { day: 4, from: "08:00", to: "16:00" },
          { day: 5, from: "20:00", to: "24:00" },
          { day: 6, from: "00:00", to: "06:00" },
        ],
      }),
    );
    expect(fit.reasons).toEqual([
      { code: "noFreePlace", day: 3, from: "14:00", to: "16:00", free: 0 },
      { code: "noFreePlace", day: 5, from: "20:00", to: "24:00", free: 0 },
      { code: "noFreePlace", day: 6, from: "00:00", to: "06:00", free: 0 },
    ]);
    expect(fit.acceptable).toBe(false);
    expect(fit.score.hoursCoverage).toBeCloseTo((6 * 60 + 8 * 60) / (8 * 60 + 8 * 60 + 4 * 60 + 6 * 60), 10);
  });

  it("ranks suggestions by fit, then distance, then how well the hours match", () => {
    const r = request("r");
    const exact = caregiver("exact", {
      freePlaces: [1, 2, 3, 4, 5].map((day) => ({ day, from: "08:00", to: "13:00", places: 1 })),
    });
    const wide = caregiver("wide");
    const near = caregiver("near-but-full", { existingChildren: 5 });
    const further = caregiver("further", { location: { lat: 51.76, lon: 8.04 } });
    const partial = caregiver("partial", {
      freePlaces: [1, 2, 3].map((day) => ({ day, from: "07:00", to: "16:00", places: 1 })),
    });
    const ranked = rankSuggestions(r, [near, wide, further, partial, exact]);
    expect(ranked.map((fit) => fit.caregiverId)).toEqual([
      "exact",
      "wide",
      "further",
      "near-but-full",
      "partial",
    ]);
    expect(compareSuggestions(explainFit(wide, r), explainFit(wide, r))).toBe(0);
  });
});

describe("explainRound", () => {
  const day = (from: string, to: string) => [{ day: 1, from, to }];
  const instance: PlacementInstance = {
    caregivers: [
      caregiver("times", {
        freePlaces: [
          { day: 1, from: "07:00", to: "10:00", places: 2 },
          { day: 1, from: "10:00", to: "16:00", places: 1 },
        ],
      }),
      caregiver("count", {
        maxChildren: 3,
        existingChildren: 2,
        freePlaces: [{ day: 1, from: "07:00", to: "16:00", places: 2 }],
      }),
      caregiver("dogs", { pets: true }),
      caregiver("spare", { location: { lat: 51.76, lon: 8.04 }, existingChildren: 0 }),
      caregiver("nobody", { existingChildren: 5 }),
    ],
    requests: [
      request("first", { care: day("08:00", "13:00"), priorityPoints: 9, preferences: ["times"] }),
      request("counted", { care: day("08:00", "09:00"), priorityPoints: 8, preferences: ["count"] }),
      request("last", {
        care: day("08:00", "13:00"),
        noPets: true,
        priorityPoints: 1,
        preferences: ["dogs", "nobody", "times", "count", "spare"],
      }),
    ],
  };

  it("says for each caregiver ranked higher why the request did not get her", () => {
    const result = solvePlacement(instance);
    expect(result.assignments).toEqual({ first: "times", counted: "count", last: "spare" });
    const explanations = explainRound(instance, result.assignments);
    expect(explanations).toEqual([
      {
        requestId: "last",
        assignedTo: "spare",
        cutOffs: [
          { caregiverId: "dogs", outcome: "notAcceptable", reasons: [{ code: "pets" }] },
          {
            caregiverId: "nobody",
            outcome: "noRoom",
            basis: "priorityPoints",
            reasons: [{ code: "fullCount", maxChildren: 5, existingChildren: 5 }],
          },
          {
            caregiverId: "times",
            outcome: "noRoom",
            basis: "priorityPoints",
            reasons: [
              { code: "timesTaken", day: 1, from: "10:00", to: "13:00", free: 1, takenByHigherRanked: 1 },
            ],
          },
          {
            caregiverId: "count",
            outcome: "noRoom",
            basis: "priorityPoints",
            reasons: [{ code: "countTaken", places: 1, takenByHigherRanked: 1 }],
          },
        ],
        cutOffTotal: 4,
      },
    ]);
  });

  it("explains the first caregivers ranked higher when asked for fewer, and counts them all", () => {
    const result = solvePlacement(instance);
    const [last] = explainRound(instance, result.assignments, { maxCutOffs: 2 });
    expect(last?.cutOffs.map((cut) => cut.caregiverId)).toEqual(["dogs", "nobody"]);
    expect(last?.cutOffTotal).toBe(4);
  });

  it("explains only the requests asked for, and owns up to a pair that would fit", () => {
    // Pretend "last" had been left out although "times" had room for it before "first" came.
    const explanations = explainRound(
      instance,
      { first: null, counted: "count", last: null },
      {
        requestIds: ["last"],
      },
    );
    expect(explanations).toHaveLength(1);
    const times = explanations[0]?.cutOffs.find((cut) => cut.caregiverId === "times");
    expect(times).toEqual({ caregiverId: "times", outcome: "blockingPair" });
  });
});
