import { describe, expect, it } from "vitest";
import type { CapacityProfile, CapacitySlot, ContractTimes, Weekday } from "../caregivers/capacity";
import {
  type CapacityCaregiver,
  type DemandRequest,
  dayStats,
  matchesAreaFilter,
  type PlacedRequest,
  summariseDemand,
  summariseFreeCapacity,
  summarisePlacementTimes,
  type WaitingRequest,
} from "./reports";
import type { CareTime } from "./requests";

const days = (list: number[], from: string, to: string): CareTime[] => list.map((day) => ({ day, from, to }));
const beckum = { postalCode: "59269", town: "Beckum" };
const neubeckum = { postalCode: "59269", town: "Neubeckum" };
const oelde = { postalCode: "59302", town: "Oelde" };

function request(overrides: Partial<DemandRequest>): DemandRequest {
  return {
    ...beckum,
    childBirthDate: "2026-01-15",
    wantedStart: "2027-08-01",
    careTimes: days([1, 2, 3, 4, 5], "08:00", "13:00"),
    ...overrides,
  };
}

describe("matchesAreaFilter", () => {
  it("reads digits as the beginning of a postal code and text as part of the town", () => {
    expect(matchesAreaFilter(beckum, "592")).toBe(true);
    expect(matchesAreaFilter(oelde, "592")).toBe(false);
    expect(matchesAreaFilter(neubeckum, "neubeck")).toBe(true);
    expect(matchesAreaFilter(beckum, "neubeck")).toBe(false);
    expect(matchesAreaFilter(beckum, "  ")).toBe(true);
    expect(matchesAreaFilter(beckum, undefined)).toBe(true);
  });
});

describe("summariseDemand", () => {
  // Ages at the start: 18 months (1to2), 7 months (under1), 30 months (2to3), 11 months (under1, the day
  // before the first birthday), 12 months on the birthday itself (1to2).
  const requests: DemandRequest[] = [
    request({ childBirthDate: "2026-02-01" }),
    request({ childBirthDate: "2027-01-01", careTimes: days([1, 2, 3], "08:00", "16:00") }),
    request({ ...oelde, childBirthDate: "2025-02-01", wantedStart: "2027-08-15" }),
    request({ ...oelde, childBirthDate: "2026-09-02", wantedStart: "2027-09-01" }),
    request({ ...neubeckum, childBirthDate: "2026-09-01", wantedStart: "2027-09-01" }),
  ];

  it("counts requests and care hours by start month, area and age group at the wanted start", () => {
    const report = summariseDemand(requests);
    // 25 h, 24 h, 25 h, 25 h, 25 h
    expect(report.total).toEqual({
      requests: 5,
      weeklyMinutes: 124 * 60,
      byAgeGroup: { under1: 2, "1to2": 2, "2to3": 1, "3plus": 0 },
      underOneShare: 0.4,
    });
    expect(report.byAgeGroup).toEqual([
      { ageGroup: "under1", requests: 2, weeklyMinutes: 49 * 60 },
      { ageGroup: "1to2", requests: 2, weeklyMinutes: 50 * 60 },
      { ageGroup: "2to3", requests: 1, weeklyMinutes: 25 * 60 },
      { ageGroup: "3plus", requests: 0, weeklyMinutes: 0 },
    ]);
    expect(report.byStartMonth).toEqual([
      {
        month: "2027-08",
        requests: 3,
        weeklyMinutes: 74 * 60,
        byAgeGroup: { under1: 1, "1to2": 1, "2to3": 1, "3plus": 0 },
      },
      {
        month: "2027-09",
        requests: 2,
        weeklyMinutes: 50 * 60,
        byAgeGroup: { under1: 1, "1to2": 1, "2to3": 0, "3plus": 0 },
      },
    ]);
    // Beckum and Oelde have two each (Beckum first by postal code), Neubeckum one.
    expect(report.byArea.map((a) => [a.town, a.requests, a.weeklyMinutes / 60])).toEqual([
      ["Beckum", 2, 49],
      ["Oelde", 2, 50],
      ["Neubeckum", 1, 25],
    ]);
    expect(report.cells).toEqual([
      { month: "2027-08", ...beckum, ageGroup: "under1", requests: 1, weeklyMinutes: 24 * 60 },
      { month: "2027-08", ...beckum, ageGroup: "1to2", requests: 1, weeklyMinutes: 25 * 60 },
      { month: "2027-08", ...oelde, ageGroup: "2to3", requests: 1, weeklyMinutes: 25 * 60 },
      { month: "2027-09", ...neubeckum, ageGroup: "1to2", requests: 1, weeklyMinutes: 25 * 60 },
      { month: "2027-09", ...oelde, ageGroup: "under1", requests: 1, weeklyMinutes: 25 * 60 },
    ]);
  });

  it("adds up requests of the same cell and leaves no trace of the single request", () => {
    const report = summariseDemand([request({}), request({ careTimes: days([1], "08:00", "12:30") })]);
    expect(report.cells).toEqual([
      { month: "2027-08", ...beckum, ageGroup: "1to2", requests: 2, weeklyMinutes: 25 * 60 + 270 },
    ]);
    expect(JSON.stringify(report)).not.toContain("2026-01-15");
  });

  it("filters by start months, area and age group", () => {
    expect(summariseDemand(requests, { fromMonth: "2027-09" }).total.requests).toBe(2);
    expect(summariseDemand(requests, { toMonth: "2027-08" }).total.requests).toBe(3);
    expect(
      summariseDemand(requests, { fromMonth: "2027-08", toMonth: "2027-08", area: "593" }).total,
    ).toEqual(
      expect.objectContaining({ requests: 1, byAgeGroup: { under1: 0, "1to2": 0, "2to3": 1, "3plus": 0 } }),
    );
    expect(summariseDemand(requests, { ageGroup: "under1" }).byArea.map((a) => a.town)).toEqual([
      "Beckum",
      "Oelde",
    ]);
  });

  it("has no share without requests", () => {
    const report = summariseDemand([]);
    expect(report.total.underOneShare).toBeNull();
    expect(report.byStartMonth).toEqual([]);
    expect(report.byAgeGroup.every((g) => g.requests === 0)).toBe(true);
  });
});

describe("dayStats", () => {
  it("takes the middle value, the nearest-rank 90th percentile and the mean to one decimal", () => {
    expect(dayStats([30, 10, 20])).toEqual({ median: 20, p90: 30, mean: 20 });
    // Ten values: the 90th percentile is the 9th smallest.
    expect(dayStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 100])).toEqual({ median: 5.5, p90: 9, mean: 14.5 });
    expect(dayStats([10, 11])).toEqual({ median: 10.5, p90: 11, mean: 10.5 });
    expect(dayStats([1, 1, 2])).toEqual({ median: 1, p90: 2, mean: 1.3 });
    expect(dayStats([])).toEqual({ median: null, p90: null, mean: null });
  });
});

describe("summarisePlacementTimes", () => {
  const placed = (overrides: Partial<PlacedRequest>): PlacedRequest => ({
    ...beckum,
    confirmedOn: "2026-01-01",
    contractMadeOn: "2026-02-01",
    contractStart: "2026-04-01",
    childBirthDate: "2025-01-01",
    wantedStart: "2026-04-01",
    ...overrides,
  });
  // 31, 59 and 10 days to the contract; 90, 90 and 30 days to the start.
  const contracts = [
    placed({}),
    placed({ contractMadeOn: "2026-03-01", contractStart: "2026-04-01" }),
    placed({
      ...oelde,
      confirmedOn: "2026-02-20",
      contractMadeOn: "2026-03-02",
      contractStart: "2026-03-22",
      childBirthDate: "2025-09-01",
      wantedStart: "2026-03-15",
    }),
  ];
  const waiting: WaitingRequest[] = [
    { ...beckum, confirmedOn: "2026-02-20", childBirthDate: "2025-06-01", wantedStart: "2026-08-01" },
    { ...oelde, confirmedOn: "2025-12-02", childBirthDate: "2025-06-01", wantedStart: "2026-08-01" },
    { ...oelde, confirmedOn: "2026-03-01", childBirthDate: "2025-10-01", wantedStart: "2026-08-01" },
  ];

  it("measures from the confirmation to the contract and to its start, by contract month and age group", () => {
    const report = summarisePlacementTimes(contracts, waiting, "2026-03-02");
    expect(report.total).toEqual({
      placements: 3,
      toContract: { median: 31, p90: 59, mean: 33.3 },
      toStart: { median: 90, p90: 90, mean: 70 },
    });
    expect(report.byContractMonth).toEqual([
      {
        month: "2026-02",
        placements: 1,
        toContract: { median: 31, p90: 31, mean: 31 },
        toStart: { median: 90, p90: 90, mean: 90 },
      },
      {
        month: "2026-03",
        placements: 2,
        toContract: { median: 34.5, p90: 59, mean: 34.5 },
        toStart: { median: 60, p90: 90, mean: 60 },
      },
    ]);
    // 15 months at the wanted start for the first two, 6 months for the one from Oelde.
    expect(report.byAgeGroup.map((g) => [g.ageGroup, g.placements, g.toContract.median])).toEqual([
      ["under1", 1, 10],
      ["1to2", 2, 45],
      ["2to3", 0, null],
      ["3plus", 0, null],
    ]);
  });

  it("measures the requests still waiting up to today", () => {
    const report = summarisePlacementTimes(contracts, waiting, "2026-03-02");
    // 10, 90 and 1 days so far.
    expect(report.waiting).toEqual(expect.objectContaining({ waiting: 3, medianDays: 10, longestDays: 90 }));
    expect(report.waiting.byAgeGroup.map((g) => [g.ageGroup, g.waiting, g.longestDays])).toEqual([
      ["under1", 1, 1],
      ["1to2", 2, 90],
      ["2to3", 0, null],
      ["3plus", 0, null],
    ]);
  });

  it("filters contracts by the month they were made, and both lists by area and age group", () => {
    const march = summarisePlacementTimes(contracts, waiting, "2026-03-02", { fromMonth: "2026-03" });
    expect(march.total.placements).toBe(2);
    expect(march.waiting.waiting).toBe(3);
    const oeldeOnly = summarisePlacementTimes(contracts, waiting, "2026-03-02", { area: "Oelde" });
    expect(oeldeOnly.total.placements).toBe(1);
    expect(oeldeOnly.waiting).toEqual(
      expect.objectContaining({ waiting: 2, medianDays: 45.5, longestDays: 90 }),
    );
    const toddlers = summarisePlacementTimes(contracts, waiting, "2026-03-02", {
      ageGroup: "1to2",
      toMonth: "2026-02",
    });
    expect(toddlers.total.placements).toBe(1);
    expect(toddlers.waiting.waiting).toBe(2);
  });
});

describe("summariseFreeCapacity", () => {
  const MON_FRI: Weekday[] = [0, 1, 2, 3, 4];
  const slots = (weekdays: Weekday[], start: number, end: number, places: number): CapacitySlot[] =>
    weekdays.map((weekday) => ({ weekday, start, end, places }));
  const profile = (effectiveFrom: string, list: CapacitySlot[]): CapacityProfile => ({
    effectiveFrom,
    slots: list,
  });
  const contract = (
    start: string,
    end: string | null,
    weekdays: Weekday[],
    from: number,
    to: number,
  ): ContractTimes => ({
    start,
    end,
    times: weekdays.map((weekday) => ({ weekday, start: from, end: to })),
  });

  // Anna: 4 places Mo–Fr 7–16 from January; one child Mo–Fr 8–13 (ends 31 July), one Mo–We 8–16.
  const anna: CapacityCaregiver = {
    ...beckum,
    profiles: [profile("2026-01-01", slots(MON_FRI, 420, 960, 4))],
    contracts: [
      contract("2026-01-01", "2026-07-31", MON_FRI, 480, 780),
      contract("2026-02-01", null, [0, 1, 2], 480, 960),
    ],
  };
  // Berta: 3 places Mo–Th 8–13, and from August 5 places also on Saturday 9–12; three children Mo 8–13.
  const berta: CapacityCaregiver = {
    ...beckum,
    profiles: [
      profile("2026-01-01", slots([0, 1, 2, 3], 480, 780, 3)),
      profile("2026-08-01", [...slots([0, 1, 2, 3], 480, 780, 3), ...slots([5], 540, 720, 5)]),
    ],
    contracts: [
      contract("2026-01-01", null, [0], 480, 780),
      contract("2026-01-01", null, [0], 480, 780),
      contract("2026-01-01", null, [0], 480, 780),
      contract("2026-03-01", null, [0], 480, 600),
    ],
  };
  // Carla in Oelde has no profile yet.
  const carla: CapacityCaregiver = {
    ...oelde,
    profiles: [profile("2026-09-01", slots(MON_FRI, 480, 780, 2))],
    contracts: [],
  };

  it("subtracts the contracts active on the date from the profile in effect, per area and weekday", () => {
    const report = summariseFreeCapacity([anna, berta, carla], "2026-06-01");
    expect(report.caregivers).toBe(3);
    expect(report.withoutProfile).toBe(1);
    expect(report.weekdays).toEqual([0, 1, 2, 3, 4]);
    const [beckumArea, oeldeArea] = report.areas;
    expect(beckumArea).toEqual(expect.objectContaining({ ...beckum, caregivers: 2, withoutProfile: 0 }));
    expect(oeldeArea).toEqual(expect.objectContaining({ ...oelde, caregivers: 1, withoutProfile: 1 }));
    // Monday. Anna: 7–8 4 free, 8–13 2 free, 13–16 3 free → all day 2, at most 4, 4 + 10 + 9 = 23 place-hours.
    // Berta: four children 8–10 on 3 places (overbooked, counts 0), then three until 13 → 0 free all day.
    // Thursday. Anna: 7–8 4, 8–13 3, 13–16 4 → 3, 4, 4 + 15 + 12 = 31. Berta: 3 free 8–13 → 3, 3, 15.
    // Friday: Anna only, as Thursday.
    expect(beckumArea?.days).toEqual([
      { weekday: 0, open: 2, freeAllDay: 2, freeAtMost: 4, freePlaceHours: 23 },
      { weekday: 1, open: 2, freeAllDay: 2 + 3, freeAtMost: 4 + 3, freePlaceHours: 23 + 15 },
      { weekday: 2, open: 2, freeAllDay: 2 + 3, freeAtMost: 4 + 3, freePlaceHours: 23 + 15 },
      { weekday: 3, open: 2, freeAllDay: 3 + 3, freeAtMost: 4 + 3, freePlaceHours: 31 + 15 },
      { weekday: 4, open: 1, freeAllDay: 3, freeAtMost: 4, freePlaceHours: 31 },
    ]);
    expect(oeldeArea?.days.every((d) => d.open === 0 && d.freePlaceHours === 0)).toBe(true);
    expect(report.total).toEqual(beckumArea?.days);
  });

  it("takes the week of the chosen date: a contract that ended and a profile that began", () => {
    const report = summariseFreeCapacity([anna, berta, carla], "2026-09-01");
    expect(report.withoutProfile).toBe(0);
    // Saturday appears because Berta opens then; Sunday does not.
    expect(report.weekdays).toEqual([0, 1, 2, 3, 4, 5]);
    const friday = report.total.find((d) => d.weekday === 4);
    // Anna without the child that left: 4 free 7–16 = 36 place-hours; Carla 2 free 8–13 = 10.
    expect(friday).toEqual({ weekday: 4, open: 2, freeAllDay: 6, freeAtMost: 6, freePlaceHours: 46 });
    expect(report.total.find((d) => d.weekday === 5)).toEqual({
      weekday: 5,
      open: 1,
      freeAllDay: 5,
      freeAtMost: 5,
      freePlaceHours: 15,
    });
  });

  it("filters by area and reports nothing for an empty office", () => {
    const oeldeOnly = summariseFreeCapacity([anna, berta, carla], "2026-09-01", { area: "59302" });
    expect(oeldeOnly.caregivers).toBe(1);
    expect(oeldeOnly.weekdays).toEqual([0, 1, 2, 3, 4]);
    const none = summariseFreeCapacity([], "2026-09-01");
    expect(none).toEqual(
      expect.objectContaining({ caregivers: 0, withoutProfile: 0, areas: [], weekdays: [0, 1, 2, 3, 4] }),
    );
    expect(none.total.every((d) => d.open === 0)).toBe(true);
  });
});
