import { describe, expect, it } from "vitest";
import { type Criterion, computePriority, criterionKey, keepAskedFacts } from "./criteria";

const catalogue: Criterion[] = [
  { id: "c1", fact: "childWelfareNeed", points: 100, isPublished: true },
  { id: "c2", fact: "singleParent", points: 30, isPublished: true },
  { id: "c3", fact: "parentsWorking", points: 20, isPublished: true },
  { id: "c4", fact: "custom", points: 10, isPublished: true },
  { id: "c5", fact: "custom", points: 15, isPublished: false },
];

describe("priority points", () => {
  it("names custom criteria by their id and fixed ones by their fact", () => {
    expect(criterionKey({ id: "c4", fact: "custom" })).toBe("custom:c4");
    expect(criterionKey({ id: "c2", fact: "singleParent" })).toBe("singleParent");
  });

  it("adds the points of the published criteria answered yes, in the catalogue's order", () => {
    expect(computePriority(catalogue, ["custom:c4", "singleParent", "parentsWorking"])).toEqual({
      points: 60,
      awarded: [
        { criterionId: "c2", points: 30 },
        { criterionId: "c3", points: 20 },
        { criterionId: "c4", points: 10 },
      ],
    });
  });

  it("gives nothing for unpublished criteria, unknown answers or no answers", () => {
    expect(computePriority(catalogue, ["custom:c5", "siblingInCare", "custom:other"])).toEqual({
      points: 0,
      awarded: [],
    });
    expect(computePriority(catalogue, []).points).toBe(0);
    expect(computePriority([], ["singleParent"]).points).toBe(0);
  });

  it("counts an answer given twice once", () => {
    expect(computePriority(catalogue, ["singleParent", "singleParent"]).points).toBe(30);
  });

  it("keeps only answers to questions the published catalogue asks", () => {
    expect(
      keepAskedFacts(catalogue, ["custom:c5", "parentsWorking", "childWelfareNeed", "x", "parentsWorking"]),
    ).toEqual(["childWelfareNeed", "parentsWorking"]);
  });
});
