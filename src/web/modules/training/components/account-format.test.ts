import { describe, expect, it } from "vitest";
import { lapseOf, splitYears, type YearBalance } from "./account-format";

function year(value: number, earnedUnits: number, carriedInUnits = 0): YearBalance {
  return {
    year: value,
    requiredUnits: 15,
    carriedInUnits,
    earnedUnits,
    shortfallUnits: 0,
    surplusUnits: 0,
    carryOutUnits: 0,
    isBinding: true,
  };
}

describe("splitYears", () => {
  it("keeps this year and the one before open and sums what the older ones earned, carried units once", () => {
    const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026].map((y) => year(y, y - 2015, 3));
    const split = splitYears(years, "2026-01-02");
    expect(split.recent.map((y) => y.year)).toEqual([2026, 2025]);
    expect(split.older.map((y) => y.year)).toEqual([2024, 2023, 2022, 2021, 2020, 2019]);
    expect(split.olderEarnedUnits).toBe(9 + 8 + 7 + 6 + 5 + 4);
  });

  it("counts the year from the server's date, not the device's", () => {
    const split = splitYears([year(2024, 1), year(2025, 2), year(2026, 3)], "2025-12-31");
    expect(split.recent.map((y) => y.year)).toEqual([2026, 2025, 2024]);
    expect(split.older).toEqual([]);
  });
});

describe("lapseOf", () => {
  it("counts whole days to the last valid day from the given date", () => {
    expect(lapseOf("2026-12-01", "2026-11-29")).toEqual({ kind: "daysLeft", days: 2 });
    expect(lapseOf("2027-03-01", "2026-11-29")).toEqual({ kind: "daysLeft", days: 92 });
    expect(lapseOf("2026-11-29", "2026-11-29")).toEqual({ kind: "lapsesToday" });
    expect(lapseOf("2026-11-24", "2026-11-29")).toEqual({ kind: "daysExpired", days: 5 });
  });
});
