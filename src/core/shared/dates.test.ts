import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  isValidIsoDate,
  maxDate,
  minDate,
  startOfWeek,
  todayIso,
  weekdayIndex,
} from "./dates";

describe("isValidIsoDate", () => {
  it("accepts real calendar dates", () => {
    expect(isValidIsoDate("2024-02-29")).toBe(true);
    expect(isValidIsoDate("2000-02-29")).toBe(true);
    expect(isValidIsoDate("2024-12-31")).toBe(true);
  });

  it("rejects impossible dates and other shapes", () => {
    expect(isValidIsoDate("2023-02-29")).toBe(false);
    expect(isValidIsoDate("1900-02-29")).toBe(false);
    expect(isValidIsoDate("2024-04-31")).toBe(false);
    expect(isValidIsoDate("2024-13-01")).toBe(false);
    expect(isValidIsoDate("2024-00-10")).toBe(false);
    expect(isValidIsoDate("2024-1-1")).toBe(false);
    expect(isValidIsoDate("2024-01-01T00:00:00Z")).toBe(false);
    expect(isValidIsoDate("")).toBe(false);
  });
});

describe("addDays", () => {
  it("crosses month and year ends", () => {
    expect(addDays("2024-01-31", 1)).toBe("2024-02-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2023-03-01", -1)).toBe("2023-02-28");
  });

  it("is unaffected by daylight-saving changes", () => {
    expect(addDays("2024-03-30", 1)).toBe("2024-03-31");
    expect(addDays("2024-03-31", 1)).toBe("2024-04-01");
    expect(addDays("2024-10-27", 1)).toBe("2024-10-28");
  });

  it("throws for an invalid date", () => {
    expect(() => addDays("2024-02-30", 1)).toThrow(RangeError);
  });
});

describe("addMonths", () => {
  it("clamps to the end of a shorter month", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2024-03-31", 1)).toBe("2024-04-30");
    expect(addMonths("2024-05-31", -3)).toBe("2024-02-29");
  });

  it("crosses year boundaries both ways", () => {
    expect(addMonths("2024-11-15", 3)).toBe("2025-02-15");
    expect(addMonths("2024-02-15", -3)).toBe("2023-11-15");
    expect(addMonths("2023-03-15", 24)).toBe("2025-03-15");
  });
});

describe("addYears", () => {
  it("turns 29 February into 28 February in a common year", () => {
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2025-08-01", 5)).toBe("2030-08-01");
  });
});

describe("daysBetween", () => {
  it("counts b - a in whole days", () => {
    expect(daysBetween("2024-01-01", "2024-01-31")).toBe(30);
    expect(daysBetween("2024-01-31", "2024-01-01")).toBe(-30);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2023-02-28", "2023-03-01")).toBe(1);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2024-05-05", "2024-05-05")).toBe(0);
  });
});

describe("compareDates, minDate, maxDate", () => {
  it("orders dates and works as a sort comparator", () => {
    expect(compareDates("2024-01-01", "2024-01-02")).toBe(-1);
    expect(compareDates("2024-01-02", "2024-01-01")).toBe(1);
    expect(compareDates("2024-01-01", "2024-01-01")).toBe(0);
    expect(["2025-01-01", "2023-06-30", "2024-02-29"].sort(compareDates)).toEqual([
      "2023-06-30",
      "2024-02-29",
      "2025-01-01",
    ]);
    expect(minDate("2024-03-01", "2024-02-29")).toBe("2024-02-29");
    expect(maxDate("2024-03-01", "2024-02-29")).toBe("2024-03-01");
  });
});

describe("weekdayIndex and startOfWeek", () => {
  it("counts Monday as 0 and Sunday as 6", () => {
    expect(weekdayIndex("2024-07-01")).toBe(0);
    expect(weekdayIndex("2024-07-03")).toBe(2);
    expect(weekdayIndex("2024-07-07")).toBe(6);
  });

  it("finds the Monday of the week, across a month end", () => {
    expect(startOfWeek("2024-07-03")).toBe("2024-07-01");
    expect(startOfWeek("2024-03-03")).toBe("2024-02-26");
    expect(startOfWeek("2024-07-01")).toBe("2024-07-01");
  });
});

describe("todayIso", () => {
  it("gives the Berlin date for an instant late in the UTC evening", () => {
    // 23:30 UTC is already the next day in Berlin (UTC+1 in winter, UTC+2 in summer).
    expect(todayIso(new Date("2024-01-15T23:30:00Z"))).toBe("2024-01-16");
    expect(todayIso(new Date("2024-07-15T22:30:00Z"))).toBe("2024-07-16");
    expect(todayIso(new Date("2024-07-15T21:30:00Z"))).toBe("2024-07-15");
  });

  it("handles New Year's Eve and other time zones", () => {
    expect(todayIso(new Date("2024-12-31T23:00:00Z"))).toBe("2025-01-01");
    expect(todayIso(new Date("2024-12-31T23:00:00Z"), "UTC")).toBe("2024-12-31");
    expect(todayIso(new Date("2024-01-01T03:00:00Z"), "America/New_York")).toBe("2023-12-31");
  });
});
