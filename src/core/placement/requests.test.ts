import { describe, expect, it } from "vitest";
import { validateProfile } from "../caregivers/capacity";
import {
  ageGroupOf,
  ageInMonths,
  type CareTime,
  describeCareTimes,
  fromTimeRange,
  groupCareTimes,
  presetCareTimes,
  sortCareTimes,
  toTimeRange,
  validateCareTimes,
  validateRequestDates,
  weeklyCareMinutes,
} from "./requests";

const DAYS = ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"];
const range = (day: number, from: string, to: string): CareTime => ({ day, from, to });

describe("care times", () => {
  it("converts to the capacity model (Monday = 0, minutes) and back without loss", () => {
    expect(toTimeRange(range(1, "08:00", "13:30"))).toEqual({ weekday: 0, start: 480, end: 810 });
    expect(toTimeRange(range(7, "06:00", "20:00"))).toEqual({ weekday: 6, start: 360, end: 1200 });
    for (const time of [range(1, "07:45", "12:05"), range(5, "00:00", "24:00")]) {
      const converted = toTimeRange(time);
      expect(converted).not.toBeNull();
      if (converted) expect(fromTimeRange(converted)).toEqual(time);
    }
    expect(toTimeRange(range(0, "08:00", "09:00"))).toBeNull();
    expect(toTimeRange(range(8, "08:00", "09:00"))).toBeNull();
    expect(toTimeRange(range(1, "8 Uhr", "09:00"))).toBeNull();
  });

  it("lets the capacity rules read a converted week", () => {
    const week = presetCareTimes("monFri8to13").flatMap((t) => {
      const converted = toTimeRange(t);
      return converted ? [{ ...converted, places: 1 }] : [];
    });
    expect(week).toHaveLength(5);
    expect(validateProfile(week, 5)).toEqual([]);
  });

  it("accepts a usual week, minute-exact and with ranges that touch", () => {
    expect(validateCareTimes(presetCareTimes("monFri8to16"))).toEqual([]);
    expect(validateCareTimes([range(1, "07:35", "12:10"), range(1, "12:10", "16:55")])).toEqual([]);
    expect(validateCareTimes([range(1, "06:00", "20:00")])).toEqual([]);
  });

  it("wants at least one range", () => {
    expect(validateCareTimes([])).toEqual([{ code: "empty", index: null, field: null }]);
  });

  it("finds unreadable times, ends before starts and times outside day care", () => {
    expect(
      validateCareTimes([
        range(1, "8:00", "13:00"),
        range(2, "25:00", "26:00"),
        range(3, "13:00", "08:00"),
        range(4, "05:30", "12:00"),
        range(5, "14:00", "21:00"),
      ]),
    ).toEqual([
      { code: "invalid", index: 1, field: "from" },
      { code: "notBeforeEnd", index: 2, field: "to" },
      { code: "outsideDayCare", index: 3, field: "from" },
      { code: "outsideDayCare", index: 4, field: "to" },
    ]);
  });

  it("finds overlaps on the same day only, naming the range collided with", () => {
    const problems = validateCareTimes([
      range(1, "08:00", "12:00"),
      range(2, "08:00", "12:00"),
      range(1, "11:59", "14:00"),
      range(1, "09:00", "10:00"),
    ]);
    expect(problems).toEqual([
      { code: "overlap", index: 2, field: "from", otherIndex: 0 },
      { code: "overlap", index: 3, field: "from", otherIndex: 0 },
    ]);
  });

  it("counts weekly minutes", () => {
    expect(weeklyCareMinutes(presetCareTimes("monFri8to13"))).toBe(5 * 300);
    expect(weeklyCareMinutes([range(1, "08:00", "09:30"), range(9, "08:00", "09:00")])).toBe(90);
  });

  it("sorts by day and start", () => {
    expect(
      sortCareTimes([range(3, "08:00", "12:00"), range(1, "13:00", "15:00"), range(1, "08:00", "12:00")]),
    ).toEqual([range(1, "08:00", "12:00"), range(1, "13:00", "15:00"), range(3, "08:00", "12:00")]);
  });

  it("describes the week compactly", () => {
    expect(describeCareTimes(presetCareTimes("monFri8to13"), DAYS)).toBe("Mo–Fr 8:00–13:00");
    expect(describeCareTimes(presetCareTimes("monWed8to13"), DAYS)).toBe("Mo–Mi 8:00–13:00");
    expect(
      describeCareTimes(
        [
          range(4, "08:00", "13:00"),
          ...[1, 2, 3].map((d) => range(d, "08:00", "16:00")),
          range(5, "08:00", "16:00"),
        ],
        DAYS,
      ),
    ).toBe("Mo–Mi, Fr 8:00–16:00; Do 8:00–13:00");
    expect(describeCareTimes([range(2, "07:30", "12:00"), range(4, "07:30", "12:00")], DAYS)).toBe(
      "Di, Do 7:30–12:00",
    );
    expect(
      describeCareTimes(
        [range(1, "14:00", "16:00"), range(1, "08:00", "12:00"), range(2, "08:00", "12:00")],
        DAYS,
      ),
    ).toBe("Mo 8:00–12:00, 14:00–16:00; Di 8:00–12:00");
    expect(groupCareTimes([])).toEqual([]);
  });
});

describe("age and dates", () => {
  it("counts whole months of age", () => {
    expect(ageInMonths("2025-03-15", "2025-04-14")).toBe(0);
    expect(ageInMonths("2025-03-15", "2025-04-15")).toBe(1);
    expect(ageInMonths("2025-01-31", "2026-08-01")).toBe(18);
    expect(ageInMonths("2024-02-29", "2027-02-28")).toBe(35);
    expect(ageInMonths("2027-05-10", "2027-03-20")).toBe(-1);
  });

  it("groups ages at the start", () => {
    expect([0, 11, 12, 23, 24, 35, 36, 100].map(ageGroupOf)).toEqual([
      "under1",
      "under1",
      "1to2",
      "1to2",
      "2to3",
      "2to3",
      "3plus",
      "3plus",
    ]);
  });

  it("accepts a start from today and a child born by then, even if not born yet", () => {
    const today = "2026-03-02";
    expect(validateRequestDates({ childBirthDate: "2025-06-01", wantedStart: today, today })).toEqual([]);
    expect(validateRequestDates({ childBirthDate: "2026-05-20", wantedStart: "2027-08-01", today })).toEqual(
      [],
    );
  });

  it("rejects a start in the past or years ahead, an unborn child and a child over 14", () => {
    const today = "2026-03-02";
    expect(validateRequestDates({ childBirthDate: "2025-01-01", wantedStart: "2026-03-01", today })).toEqual([
      { code: "startInPast", field: "wantedStart" },
    ]);
    expect(validateRequestDates({ childBirthDate: "2025-01-01", wantedStart: "2029-03-03", today })).toEqual([
      { code: "startTooFar", field: "wantedStart" },
    ]);
    expect(validateRequestDates({ childBirthDate: "2026-09-02", wantedStart: "2026-09-01", today })).toEqual([
      { code: "childNotBornAtStart", field: "childBirthDate" },
    ]);
    // 14 years and 11 months is still 14; the day of the 15th birthday is not.
    expect(validateRequestDates({ childBirthDate: "2011-09-02", wantedStart: "2026-09-01", today })).toEqual(
      [],
    );
    expect(validateRequestDates({ childBirthDate: "2011-09-01", wantedStart: "2026-09-01", today })).toEqual([
      { code: "childTooOld", field: "childBirthDate" },
    ]);
  });

  it("does not hold a passed start against a request that waited, when the start is not being changed", () => {
    expect(
      validateRequestDates({
        childBirthDate: "2025-01-01",
        wantedStart: "2026-01-01",
        today: "2026-03-02",
        isStartFixed: true,
      }),
    ).toEqual([]);
  });
});
