import { describe, expect, it } from "vitest";
import { coverHours, unionMinutes } from "./hours";

describe("coverHours", () => {
  it("sums child minutes and the union of presence per day, per person and month", () => {
    const rows = [
      { personId: "s", day: "2026-03-02", ranges: [[480, 720]] as [number, number][] },
      { personId: "s", day: "2026-03-02", ranges: [[600, 840]] as [number, number][] },
      {
        personId: "s",
        day: "2026-03-03",
        ranges: [
          [480, 540],
          [600, 660],
        ] as [number, number][],
      },
      { personId: "s", day: "2026-04-01", ranges: [[480, 720]] as [number, number][] },
      { personId: "a", day: "2026-03-10", ranges: [[480, 540]] as [number, number][] },
      { personId: null, day: "2026-03-10", ranges: [[480, 540]] as [number, number][] },
    ];
    expect(coverHours(rows, "2026-03")).toEqual([
      { personId: "a", childMinutes: 60, presenceMinutes: 60 },
      // 240 + 240 + 120 child minutes; presence 08:00–14:00 (360) and 2 × 60.
      { personId: "s", childMinutes: 600, presenceMinutes: 480 },
    ]);
    expect(coverHours(rows, "2026-05")).toEqual([]);
  });

  it("unites touching, nested and separate ranges", () => {
    expect(unionMinutes([])).toBe(0);
    expect(
      unionMinutes([
        [600, 700],
        [480, 600],
        [500, 550],
        [800, 810],
      ]),
    ).toBe(230);
  });
});
