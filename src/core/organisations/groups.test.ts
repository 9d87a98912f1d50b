import { describe, expect, it } from "vitest";
import { isInGroup } from "./groups";

describe("member groups", () => {
  it("counts employed substitutes among the day-care persons", () => {
    expect(isInGroup("caregivers", ["substitute"])).toBe(true);
    expect(isInGroup("caregivers", ["caregiver", "member"])).toBe(true);
    expect(isInGroup("caregivers", ["parent"])).toBe(false);
  });

  it("takes every member with any role into 'members', and nobody without one", () => {
    expect(isInGroup("members", ["youthOffice"])).toBe(true);
    expect(isInGroup("members", [])).toBe(false);
  });

  it("keeps the board and the parents to their roles", () => {
    expect(isInGroup("board", ["board", "member"])).toBe(true);
    expect(isInGroup("board", ["coordinator"])).toBe(false);
    expect(isInGroup("parents", ["parent"])).toBe(true);
    expect(isInGroup("parents", ["caregiver"])).toBe(false);
  });
});
