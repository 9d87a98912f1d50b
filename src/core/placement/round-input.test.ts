import { describe, expect, it } from "vitest";
import type { CapacityProfile, ContractTimes } from "../caregivers/capacity";
import {
  caregiversByDistance,
  criteriaOrder,
  familyPreferences,
  movedCount,
  NO_COUNT_LIMIT,
  roundCaregiverOf,
} from "./round-input";
import type { SuggestionCandidate } from "./suggestions";

const weekdays = [0, 1, 2, 3, 4] as const;
const profile = (effectiveFrom: string, places: number, start = 7 * 60, end = 16 * 60): CapacityProfile => ({
  effectiveFrom,
  slots: weekdays.map((weekday) => ({ weekday, start, end, places })),
});
const contract = (start: string, end: string | null, from = 8 * 60, to = 13 * 60): ContractTimes => ({
  start,
  end,
  times: weekdays.map((weekday) => ({ weekday, start: from, end: to })),
});

function candidate(overrides: Partial<SuggestionCandidate> = {}): SuggestionCandidate {
  return {
    id: "c1",
    location: { lat: 51.75, lon: 8.04 },
    ageMonths: { min: 0, max: 36 },
    hasInclusionExperience: true,
    hasPets: false,
    languages: [],
    licences: [{ validFrom: "2025-01-01", validTo: "2029-12-31", maxChildren: 5 }],
    profiles: [profile("2026-01-01", 3)],
    contracts: [],
    ...overrides,
  };
}

const rules = { maxContractsPerWeek: 8 };

describe("roundCaregiverOf", () => {
  it("turns her profile into free places per weekday from the start date", () => {
    const caregiver = roundCaregiverOf(candidate(), "2026-08-01", rules);
    expect(caregiver).toMatchObject({ id: "c1", maxChildren: 8, existingChildren: 0, inclusion: true });
    expect(caregiver?.freePlaces).toEqual(
      [1, 2, 3, 4, 5].map((day) => ({ day, from: "07:00", to: "16:00", places: 3 })),
    );
  });

  it("keeps the fewest free places of any later week: a contract from October counts in August", () => {
    const caregiver = roundCaregiverOf(
      candidate({ contracts: [contract("2026-10-01", null)] }),
      "2026-08-01",
      rules,
    );
    expect(caregiver?.existingChildren).toBe(1);
    expect(caregiver?.freePlaces.filter((range) => range.day === 1)).toEqual([
      { day: 1, from: "07:00", to: "08:00", places: 3 },
      { day: 1, from: "08:00", to: "13:00", places: 2 },
      { day: 1, from: "13:00", to: "16:00", places: 3 },
    ]);
  });

  it("ignores what ends before the start and counts a profile cutting places later", () => {
    const caregiver = roundCaregiverOf(
      candidate({
        contracts: [contract("2026-01-01", "2026-07-31")],
        profiles: [profile("2026-01-01", 3), profile("2027-03-01", 2, 8 * 60, 12 * 60)],
      }),
      "2026-08-01",
      rules,
    );
    expect(caregiver?.existingChildren).toBe(0);
    expect(caregiver?.freePlaces.filter((range) => range.day === 3)).toEqual([
      { day: 3, from: "08:00", to: "12:00", places: 2 },
    ]);
  });

  it("leaves out a caregiver without a point or without a licence on the start date", () => {
    expect(roundCaregiverOf(candidate({ location: null }), "2026-08-01", rules)).toBeNull();
    expect(
      roundCaregiverOf(
        candidate({ licences: [{ validFrom: "2021-01-01", validTo: "2026-07-31", maxChildren: 5 }] }),
        "2026-08-01",
        rules,
      ),
    ).toBeNull();
  });

  it("has no count limit where the state counts no contracts", () => {
    const caregiver = roundCaregiverOf(candidate(), "2026-08-01", { maxContractsPerWeek: null });
    expect(caregiver?.maxChildren).toBe(NO_COUNT_LIMIT);
  });
});

describe("criteriaOrder and movedCount", () => {
  const requests = [
    { id: "a", priorityPoints: 5 },
    { id: "b", priorityPoints: 12 },
    { id: "c", priorityPoints: 5 },
  ];
  it("orders by points, equal points in the order given (who came first)", () => {
    expect(criteriaOrder(requests)).toEqual(["b", "a", "c"]);
  });
  it("counts the children standing elsewhere than the criteria put them", () => {
    expect(movedCount(["b", "a", "c"], ["b", "a", "c"])).toBe(0);
    expect(movedCount(["a", "b", "c"], ["b", "a", "c"])).toBe(2);
  });
});

describe("familyPreferences", () => {
  const nearest = () => ["x", "y", "z"];
  it("keeps the family's ranking without the caregivers whose offer they refused", () => {
    expect(familyPreferences(["y", "x"], new Set(["x"]), nearest)).toEqual(["y"]);
  });
  it("has no list without a ranking, so that the nearest that fit count", () => {
    expect(familyPreferences([], new Set(), nearest)).toBeUndefined();
  });
  it("lists everyone within reach but the refused caregiver when the family never ranked", () => {
    expect(familyPreferences([], new Set(["y"]), nearest)).toEqual(["x", "z"]);
  });
  it("leaves nobody when the family refused everyone it ranked", () => {
    expect(familyPreferences(["x"], new Set(["x"]), nearest)).toEqual([]);
  });
});

describe("caregiversByDistance", () => {
  it("lists those within reach, nearest first, equal distances in input order", () => {
    const at = (id: string, lat: number) => {
      const caregiver = roundCaregiverOf(
        candidate({ id, location: { lat, lon: 8.04 } }),
        "2026-08-01",
        rules,
      );
      if (!caregiver) throw new Error("no caregiver");
      return caregiver;
    };
    // 0.01° of latitude is about 1.1 km.
    const list = [at("far", 51.8), at("twin-a", 51.76), at("near", 51.751), at("twin-b", 51.76)];
    const ids = caregiversByDistance(list, { lat: 51.75, lon: 8.04 }, 2).map((c) => c.id);
    expect(ids).toEqual(["near", "twin-a", "twin-b"]);
  });
});
