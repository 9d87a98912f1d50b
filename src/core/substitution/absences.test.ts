import { describe, expect, it } from "vitest";
import {
  absenceDates,
  absentDuring,
  affectedChildDays,
  clipRanges,
  clockToMinute,
  rangesToTimes,
} from "./absences";
import { contract } from "./test-support";

// 2026-11-30 is a Monday.
const week = { startsOn: "2026-11-30", endsOn: "2026-12-06", dayFrom: null, dayTo: null };

describe("affectedChildDays", () => {
  it("lists each contract on each day it has care, by day and contract", () => {
    const days = affectedChildDays(week, [
      contract("b", "08:00-12:00", { days: [1, 3] }),
      contract("a", "07:30-16:00"),
    ]);
    expect(days.map((d) => `${d.day} ${d.contractId}`)).toEqual([
      "2026-11-30 a",
      "2026-11-30 b",
      "2026-12-01 a",
      "2026-12-02 a",
      "2026-12-02 b",
      "2026-12-03 a",
      "2026-12-04 a",
    ]);
    expect(days[0]?.ranges).toEqual([[450, 960]]);
  });

  it("merges overlapping times of a day and keeps separate ranges apart", () => {
    const split = {
      id: "c",
      start: "2020-01-01",
      end: null,
      careTimes: [
        { day: 1, from: "08:00", to: "11:00" },
        { day: 1, from: "10:00", to: "12:00" },
        { day: 1, from: "14:00", to: "16:00" },
      ],
    };
    expect(affectedChildDays({ ...week, endsOn: "2026-11-30" }, [split])[0]?.ranges).toEqual([
      [480, 720],
      [840, 960],
    ]);
  });

  it("clips the times to a part-day window and drops days with nothing left", () => {
    const training = { startsOn: "2026-11-30", endsOn: "2026-12-01", dayFrom: 540, dayTo: 780 };
    const days = affectedChildDays(training, [
      contract("morning", "08:00-12:00"),
      contract("afternoon", "14:00-17:00"),
    ]);
    expect(days).toEqual([
      { contractId: "morning", day: "2026-11-30", ranges: [[540, 720]] },
      { contractId: "morning", day: "2026-12-01", ranges: [[540, 720]] },
    ]);
  });

  it("respects the contract's start and end: a contract ending mid-absence stops there", () => {
    const days = affectedChildDays(week, [
      contract("ending", "08:00-12:00", { end: "2026-12-01" }),
      contract("starting", "08:00-12:00", { start: "2026-12-03" }),
    ]);
    expect(days.map((d) => `${d.day} ${d.contractId}`)).toEqual([
      "2026-11-30 ending",
      "2026-12-01 ending",
      "2026-12-03 starting",
      "2026-12-04 starting",
    ]);
  });

  it("limits the days to a window", () => {
    const days = affectedChildDays(week, [contract("a")], { from: "2026-12-02", to: "2026-12-03" });
    expect(days.map((d) => d.day)).toEqual(["2026-12-02", "2026-12-03"]);
    expect(affectedChildDays(week, [contract("a")], { from: "2026-12-08" })).toEqual([]);
  });

  it("covers weekend care only where the contract has it", () => {
    const days = affectedChildDays(week, [contract("sat", "09:00-13:00", { days: [6] })]);
    expect(days.map((d) => d.day)).toEqual(["2026-12-05"]);
  });
});

describe("helpers", () => {
  it("converts between clock and minutes", () => {
    expect(clockToMinute("07:30")).toBe(450);
    expect(clockToMinute("24:00")).toBe(1440);
    expect(() => clockToMinute("7.30")).toThrow(RangeError);
    expect(rangesToTimes([[450, 720]])).toEqual([{ from: "07:30", to: "12:00" }]);
  });

  it("lists the dates of an absence, both ends inclusive, over a month end", () => {
    expect(absenceDates({ startsOn: "2026-11-29", endsOn: "2026-12-02" })).toEqual([
      "2026-11-29",
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
    ]);
  });

  it("clips ranges and tells whether a part-day absence touches them", () => {
    expect(
      clipRanges(
        [
          [480, 600],
          [700, 900],
        ],
        550,
        750,
      ),
    ).toEqual([
      [550, 600],
      [700, 750],
    ]);
    const partDay = { startsOn: "2026-11-30", endsOn: "2026-11-30", dayFrom: 540, dayTo: 600 };
    expect(absentDuring(partDay, "2026-11-30", [[600, 700]])).toBe(false);
    expect(absentDuring(partDay, "2026-11-30", [[599, 700]])).toBe(true);
    expect(absentDuring(partDay, "2026-12-01", [[480, 700]])).toBe(false);
    expect(absentDuring({ ...partDay, dayFrom: null, dayTo: null }, "2026-11-30", [[0, 1]])).toBe(true);
  });
});
