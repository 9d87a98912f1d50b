import { describe, expect, it } from "vitest";
import { contactCounts, knownPersons } from "./familiarity";

const groups = [
  { hostCaregiverId: "sub", on: "2026-01-05", contractIds: ["c1", "c2"] },
  { hostCaregiverId: "sub", on: "2026-01-12", contractIds: ["c1", "c2"] },
  // The same day entered twice is one contact.
  { hostCaregiverId: "sub", on: "2026-01-12", contractIds: ["c1"] },
  { hostCaregiverId: "sub", on: "2026-01-19", contractIds: ["c1"] },
  { hostCaregiverId: "tandem", on: "2026-01-20", contractIds: ["c2"] },
  { hostCaregiverId: "sub", on: "2026-02-02", contractIds: ["c2"] },
];

describe("familiarity", () => {
  it("counts distinct play-group days per child and host", () => {
    const counts = contactCounts(groups);
    expect(counts.get("c1")).toEqual(new Map([["sub", 3]]));
    expect(counts.get("c2")).toEqual(
      new Map([
        ["sub", 3],
        ["tandem", 1],
      ]),
    );
  });

  it("knows a person from the threshold on, counting only days up to a date", () => {
    expect(knownPersons(groups, 3)).toEqual(
      new Map([
        ["c1", ["sub"]],
        ["c2", ["sub"]],
      ]),
    );
    expect(knownPersons(groups, 3, "2026-01-31")).toEqual(new Map([["c1", ["sub"]]]));
    expect(knownPersons(groups, 1).get("c2")).toEqual(["sub", "tandem"]);
    expect(knownPersons(groups, 4).size).toBe(0);
  });
});
