import { describe, expect, it } from "vitest";
import { offsetPoint } from "../geo/geo";
import {
  judgeCandidate,
  type SuggestionCandidate,
  type SuggestionRequest,
  suggestCaregivers,
} from "./suggestions";

const home = { lat: 51.755, lon: 8.04 };
const weekdays = [0, 1, 2, 3, 4] as const;

function request(overrides: Partial<SuggestionRequest> = {}): SuggestionRequest {
  return {
    id: "r",
    location: home,
    childBirthDate: "2025-02-10",
    wantedStart: "2026-08-01",
    careTimes: [1, 2, 3, 4, 5].map((day) => ({ day, from: "08:00", to: "13:00" })),
    maxDistanceKm: 5,
    needsInclusion: false,
    noPets: false,
    languages: ["Deutsch", "Türkisch"],
    ...overrides,
  };
}

/** Mon–Fri 07:00–16:00 with five places, licensed until 2029, 2 km from the family. */
function candidate(id: string, overrides: Partial<SuggestionCandidate> = {}): SuggestionCandidate {
  return {
    id,
    location: offsetPoint(home, 2000, 90),
    ageMonths: { min: 0, max: 36 },
    hasInclusionExperience: false,
    hasPets: false,
    languages: ["Deutsch"],
    licences: [{ validFrom: "2025-01-01", validTo: "2029-12-31", maxChildren: 5 }],
    profiles: [
      {
        effectiveFrom: "2025-01-01",
        slots: weekdays.map((weekday) => ({ weekday, start: 420, end: 960, places: 5 })),
      },
    ],
    contracts: [],
    ...overrides,
  };
}

const child = (start: string, weekday: (typeof weekdays)[number][], from = 480, to = 960) => ({
  start,
  end: null,
  times: weekday.map((w) => ({ weekday: w, start: from, end: to })),
});

const noLimit = { maxContractsPerWeek: null };

describe("judgeCandidate", () => {
  it("says why a caregiver fits: distance, age, licence, free places and shared languages", () => {
    const judged = judgeCandidate(request(), candidate("a"), noLimit);
    expect(judged.fits).toBe(true);
    expect(judged.misses).toEqual([]);
    expect(judged.matches).toEqual(
      expect.arrayContaining([
        { code: "distance", km: 2, maxKm: 5 },
        { code: "age", childAgeMonths: 17, min: 0, max: 36 },
        { code: "licence", validTo: "2029-12-31" },
        { code: "freePlaces", minFree: 5 },
        { code: "languages", languages: ["Deutsch"] },
      ]),
    );
  });

  it("names the time at which she already has all her children, counted from the start date", () => {
    // Five children on Wednesday afternoons from 1 September: the place is free in August but not after.
    const wednesdays = Array.from({ length: 5 }, () => child("2026-09-01", [2], 840, 960));
    const judged = judgeCandidate(
      request({ careTimes: [{ day: 3, from: "08:00", to: "16:00" }] }),
      candidate("a", { contracts: wednesdays }),
      noLimit,
    );
    expect(judged.fits).toBe(false);
    expect(judged.misses).toEqual([
      { code: "full", date: "2026-09-01", day: 3, from: "14:00", to: "16:00", present: 5, places: 5 },
    ]);
    expect(judged.missedCriteria).toBe(1);
  });

  it("ignores contracts that ended before the start", () => {
    const ended = Array.from({ length: 5 }, () => ({
      ...child("2025-01-01", [...weekdays]),
      end: "2026-07-31",
    }));
    expect(judgeCandidate(request(), candidate("a", { contracts: ended }), noLimit).fits).toBe(true);
  });

  it("counts the state's contracts-per-week limit even where children are not there at once", () => {
    const mornings = Array.from({ length: 8 }, (_, i) =>
      child("2026-01-01", [weekdays[i % 5] as 0], 420, 480),
    );
    const judged = judgeCandidate(request(), candidate("a", { contracts: mornings }), {
      maxContractsPerWeek: 8,
    });
    expect(judged.misses).toEqual([{ code: "contractLimit", date: "2026-08-01", max: 8 }]);
  });

  it("wants a licence valid at the start, the child's age, the distance, inclusion and no pets", () => {
    const judged = judgeCandidate(
      request({ needsInclusion: true, noPets: true }),
      candidate("a", {
        location: offsetPoint(home, 7200, 0),
        licences: [{ validFrom: "2021-08-01", validTo: "2026-07-31", maxChildren: 5 }],
        ageMonths: { min: 24, max: 72 },
        hasPets: true,
      }),
      noLimit,
    );
    expect(judged.misses).toEqual([
      { code: "noLicence", validTo: "2026-07-31" },
      { code: "distance", km: 7.2, maxKm: 5 },
      { code: "age", childAgeMonths: 17, min: 24, max: 72 },
      { code: "inclusion" },
      { code: "pets" },
    ]);
    expect(judged.missedCriteria).toBe(5);
  });

  it("cannot measure a distance without her point", () => {
    const judged = judgeCandidate(request(), candidate("a", { location: null }), noLimit);
    expect(judged.misses).toEqual([{ code: "noLocation" }]);
  });
});

describe("suggestCaregivers", () => {
  it("ranks those who fit by distance, then near misses by criteria missed, and leaves out the rest", () => {
    const ranked = suggestCaregivers(
      request({ noPets: true }),
      [
        candidate("far-fit", { location: offsetPoint(home, 4000, 180) }),
        candidate("miss-two", { hasPets: true, ageMonths: { min: 24, max: 36 } }),
        candidate("near-fit", { location: offsetPoint(home, 500, 180) }),
        candidate("miss-one", { location: offsetPoint(home, 6000, 180) }),
        candidate("miss-three", { hasPets: true, ageMonths: { min: 24, max: 36 }, location: null }),
      ],
      noLimit,
    );
    expect(ranked.map((s) => s.caregiverId)).toEqual(["near-fit", "far-fit", "miss-one", "miss-two"]);
  });
});
