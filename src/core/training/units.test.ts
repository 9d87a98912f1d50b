import { describe, expect, it } from "vitest";
import {
  ceilHalfUnits,
  floorHalfUnits,
  isHalfUnitMultiple,
  unitsFittingMinutes,
  unitsLostForMinutes,
} from "./units";

describe("teaching units", () => {
  it("accepts whole and half units only", () => {
    expect(isHalfUnitMultiple(0)).toBe(true);
    expect(isHalfUnitMultiple(2.5)).toBe(true);
    expect(isHalfUnitMultiple(2.25)).toBe(false);
    expect(isHalfUnitMultiple(-1)).toBe(false);
    expect(isHalfUnitMultiple(Number.NaN)).toBe(false);
  });

  it("rounds a share up to the next half unit without floating-point drift", () => {
    expect(ceilHalfUnits(160, 90, 100)).toBe(144);
    expect(ceilHalfUnits(9, 90, 100)).toBe(8.5);
    // 50 * 0.55 is 27.500000000000004 in floating point; rounded up naively that would be 28.
    expect(ceilHalfUnits(50, 55, 100)).toBe(27.5);
    expect(ceilHalfUnits(100, 56, 100)).toBe(56);
    expect(ceilHalfUnits(15, 4, 12)).toBe(5);
    expect(ceilHalfUnits(15, 5, 12)).toBe(6.5);
    expect(floorHalfUnits(75, 1, 2)).toBe(37.5);
    expect(floorHalfUnits(15, 5, 12)).toBe(6);
  });

  it("turns minutes late into lost units, rounded up to half units", () => {
    expect(unitsLostForMinutes(0)).toBe(0);
    expect(unitsLostForMinutes(-5)).toBe(0);
    expect(unitsLostForMinutes(10)).toBe(0.5);
    expect(unitsLostForMinutes(22.5)).toBe(0.5);
    expect(unitsLostForMinutes(23)).toBe(1);
    expect(unitsLostForMinutes(45)).toBe(1);
    expect(unitsLostForMinutes(46)).toBe(1.5);
  });

  it("fits at most one unit per 45 minutes into a session", () => {
    expect(unitsFittingMinutes(90)).toBe(2);
    expect(unitsFittingMinutes(195)).toBe(4);
    expect(unitsFittingMinutes(30)).toBe(0.5);
  });
});
