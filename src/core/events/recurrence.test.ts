import { describe, expect, it } from "vitest";
import { zonedInstant, zonedWallTime } from "../shared/zoned-time";
import {
  expandRecurrence,
  isSeriesDate,
  nthWeekdayOfMonth,
  type Recurrence,
  recurrenceProblems,
} from "./recurrence";

const TUESDAY = 1;
const THURSDAY = 3;

const everySecondTuesday: Recurrence = {
  frequency: "weekly",
  interval: 2,
  weekday: TUESDAY,
  nth: null,
  startDate: "2026-09-01",
  until: null,
  count: null,
};

describe("weekly series", () => {
  it("repeats every second Tuesday from the first Tuesday on or after the start", () => {
    const dates = expandRecurrence(
      { ...everySecondTuesday, startDate: "2026-08-30" },
      {
        from: "2026-08-01",
        to: "2026-10-31",
      },
    );
    expect(dates).toEqual(["2026-09-01", "2026-09-15", "2026-09-29", "2026-10-13", "2026-10-27"]);
  });

  it("skips exceptions and stops at the window, the until date (inclusive) or the count", () => {
    expect(
      expandRecurrence(everySecondTuesday, {
        from: "2026-09-10",
        to: "2026-12-31",
        exceptions: ["2026-09-29"],
      }).slice(0, 3),
    ).toEqual(["2026-09-15", "2026-10-13", "2026-10-27"]);
    expect(
      expandRecurrence(
        { ...everySecondTuesday, until: "2026-09-29" },
        { from: "2026-01-01", to: "2027-12-31" },
      ),
    ).toEqual(["2026-09-01", "2026-09-15", "2026-09-29"]);
    // COUNT counts excluded dates too (RFC 5545), and the window's start does not restart the count.
    expect(
      expandRecurrence(
        { ...everySecondTuesday, count: 3 },
        { from: "2026-09-10", to: "2027-12-31", exceptions: ["2026-09-15"] },
      ),
    ).toEqual(["2026-09-29"]);
  });

  it("keeps 19:30 local across the October and March switches", () => {
    const dates = expandRecurrence(
      { ...everySecondTuesday, interval: 1, startDate: "2026-10-20" },
      { from: "2026-10-01", to: "2027-04-06" },
    );
    expect(dates).toContain("2026-10-27");
    expect(dates).toContain("2027-03-30");
    const instants = dates.map((date) => zonedInstant(date, "19:30"));
    expect(instants[0]?.toISOString()).toBe("2026-10-20T17:30:00.000Z");
    expect(zonedInstant("2026-10-27", "19:30").toISOString()).toBe("2026-10-27T18:30:00.000Z");
    expect(zonedInstant("2027-03-30", "19:30").toISOString()).toBe("2027-03-30T17:30:00.000Z");
    for (const [index, instant] of instants.entries()) {
      expect(zonedWallTime(instant)).toEqual({ date: dates[index], time: "19:30" });
    }
  });
});

describe("monthly by nth weekday", () => {
  it("finds the nth and the last weekday of a month", () => {
    expect(nthWeekdayOfMonth("2026-12-01", TUESDAY, 2)).toBe("2026-12-08");
    expect(nthWeekdayOfMonth("2026-12-01", THURSDAY, -1)).toBe("2026-12-31");
    expect(nthWeekdayOfMonth("2027-02-01", 0, -1)).toBe("2027-02-22");
    expect(nthWeekdayOfMonth("2026-03-01", 0, 4)).toBe("2026-03-23");
  });

  it("repeats on the 2nd Tuesday and on the last Thursday, every month or every other", () => {
    const second: Recurrence = { ...everySecondTuesday, frequency: "monthlyNth", interval: 1, nth: 2 };
    expect(expandRecurrence(second, { from: "2026-09-01", to: "2026-12-31" })).toEqual([
      "2026-09-08",
      "2026-10-13",
      "2026-11-10",
      "2026-12-08",
    ]);
    const last: Recurrence = { ...second, weekday: THURSDAY, nth: -1, interval: 2, startDate: "2026-09-25" };
    expect(expandRecurrence(last, { from: "2026-01-01", to: "2027-03-31" })).toEqual([
      "2026-11-26",
      "2027-01-28",
      "2027-03-25",
    ]);
  });

  it("leaves out a start date's month when its nth weekday is before the start", () => {
    const rule: Recurrence = {
      ...everySecondTuesday,
      frequency: "monthlyNth",
      interval: 1,
      nth: 2,
      startDate: "2026-09-09",
    };
    expect(expandRecurrence(rule, { from: "2026-01-01", to: "2026-10-31" })).toEqual(["2026-10-13"]);
  });
});

describe("checks", () => {
  it("tells whether a date belongs to the series", () => {
    expect(isSeriesDate(everySecondTuesday, "2026-09-15")).toBe(true);
    expect(isSeriesDate(everySecondTuesday, "2026-09-08")).toBe(false);
  });

  it("reports a series without dates", () => {
    expect(
      recurrenceProblems({ ...everySecondTuesday, until: "2026-09-01", startDate: "2026-09-02" }),
    ).toEqual(["noDates"]);
    expect(recurrenceProblems(everySecondTuesday)).toEqual([]);
  });
});

describe("zoned time", () => {
  it("handles the skipped and the doubled hour", () => {
    // 02:30 does not exist on 2027-03-28: clocks show 03:30.
    expect(zonedWallTime(zonedInstant("2027-03-28", "02:30")).time).toBe("03:30");
    // 02:30 exists twice on 2026-10-25: the first one (still summer time) is taken.
    expect(zonedInstant("2026-10-25", "02:30").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(zonedInstant("2026-12-31", "24:00").toISOString()).toBe("2026-12-31T23:00:00.000Z");
  });
});
