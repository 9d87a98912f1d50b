import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type Aggregate,
  addAggregates,
  ballotAggregate,
  ballotProblem,
  drawLot,
  type MotionSpec,
  paperProblem,
  quorumReached,
  tallyElection,
  tallyMotion,
  tiedCandidates,
} from "./tally";

const yesNo: MotionSpec = {
  optionKind: "yesNo",
  options: [
    { id: "y", role: "yes" },
    { id: "n", role: "no" },
  ],
  maxChoices: 1,
  allowAbstain: true,
  majority: "simple",
  quorumPercent: 0,
};
const agg = (ballots: number, abstentions: number, counts: Record<string, number>): Aggregate => ({
  ballots,
  abstentions,
  counts,
});
const accepted = (outcome: ReturnType<typeof tallyMotion>) =>
  outcome.options.filter((o) => o.accepted).map((o) => o.id);

describe("yes/no motions", () => {
  it("simple majority: more yes than no, abstentions do not count", () => {
    // 4 yes, 3 no, 5 abstain: 12 ballots, passes although yes is not half of the ballots.
    const r = tallyMotion(yesNo, agg(12, 5, { y: 4, n: 3 }), 20);
    expect(r).toMatchObject({ passed: true, quorumReached: true });
    expect(r.options).toEqual([
      { id: "y", votes: 4, accepted: true },
      { id: "n", votes: 3, accepted: false },
    ]);
  });
  it("a tie fails", () => {
    expect(tallyMotion(yesNo, agg(6, 0, { y: 3, n: 3 }), 6).passed).toBe(false);
  });
  it("only abstentions fail", () => {
    expect(tallyMotion(yesNo, agg(4, 4, {}), 6).passed).toBe(false);
  });
  it("two thirds: exactly 2/3 passes, one short fails", () => {
    const spec = { ...yesNo, majority: "twoThirds" as const };
    expect(tallyMotion(spec, agg(9, 0, { y: 6, n: 3 }), 9).passed).toBe(true); // 6/9 = 2/3
    expect(tallyMotion(spec, agg(9, 0, { y: 5, n: 4 }), 9).passed).toBe(false);
    expect(tallyMotion(spec, agg(20, 1, { y: 12, n: 7 }), 30).passed).toBe(false); // 12/19 < 2/3
    expect(tallyMotion(spec, agg(3, 0, { y: 2, n: 1 }), 3).passed).toBe(true);
    // 200 of 300: a float 2/3 comparison would misjudge this edge; whole numbers do not.
    expect(tallyMotion(spec, agg(300, 0, { y: 200, n: 100 }), 300).passed).toBe(true);
    expect(tallyMotion(spec, agg(301, 0, { y: 200, n: 101 }), 301).passed).toBe(false);
    // abstentions are left out: 2 yes, 1 no, 10 abstain passes
    expect(tallyMotion(spec, agg(13, 10, { y: 2, n: 1 }), 13).passed).toBe(true);
  });
  it("absolute majority of all entitled: more than half of everyone, not of the voters", () => {
    const spec = { ...yesNo, majority: "absoluteOfEntitled" as const };
    expect(tallyMotion(spec, agg(11, 0, { y: 10, n: 1 }), 20).passed).toBe(false); // 10 of 20 is not more than half
    expect(tallyMotion(spec, agg(11, 0, { y: 11, n: 0 }), 20).passed).toBe(true);
    expect(tallyMotion(spec, agg(21, 0, { y: 11, n: 10 }), 21).passed).toBe(true); // 11 of 21
  });
  it("quorum missed: nothing passes, however clear the vote", () => {
    const spec = { ...yesNo, quorumPercent: 50 };
    const r = tallyMotion(spec, agg(9, 0, { y: 9, n: 0 }), 20);
    expect(r).toMatchObject({ quorumReached: false, passed: false });
    expect(accepted(r)).toEqual([]);
  });
  it("quorum counts abstentions as taking part and is reached exactly at the share", () => {
    expect(quorumReached(10, 20, 50)).toBe(true);
    expect(quorumReached(9, 20, 50)).toBe(false);
    expect(quorumReached(1, 3, 34)).toBe(false); // 33.3 % < 34 %
    expect(quorumReached(0, 0, 0)).toBe(true);
    const r = tallyMotion({ ...yesNo, quorumPercent: 50 }, agg(10, 8, { y: 2, n: 0 }), 20);
    expect(r).toMatchObject({ quorumReached: true, passed: true });
  });
});

describe("one of several", () => {
  const spec: MotionSpec = {
    optionKind: "oneOf",
    options: [
      { id: "a", role: null },
      { id: "b", role: null },
      { id: "c", role: null },
    ],
    maxChoices: 1,
    allowAbstain: true,
    majority: "simple",
    quorumPercent: 0,
  };
  it("the leader needs more than all others together", () => {
    expect(accepted(tallyMotion(spec, agg(10, 1, { a: 5, b: 3, c: 1 }), 10))).toEqual(["a"]);
    expect(accepted(tallyMotion(spec, agg(10, 0, { a: 5, b: 3, c: 2 }), 10))).toEqual([]);
  });
  it("a tie at the top adopts nothing", () => {
    expect(tallyMotion(spec, agg(8, 0, { a: 4, b: 4 }), 8).passed).toBe(false);
  });
  it("two thirds of the votes that chose", () => {
    const r = tallyMotion({ ...spec, majority: "twoThirds" }, agg(9, 3, { a: 4, b: 1, c: 1 }), 9);
    expect(accepted(r)).toEqual(["a"]);
    const r2 = tallyMotion({ ...spec, majority: "twoThirds" }, agg(7, 0, { a: 4, b: 2, c: 1 }), 7);
    expect(r2.passed).toBe(false);
  });
});

describe("several of several with a limit", () => {
  const spec: MotionSpec = {
    optionKind: "severalOf",
    options: [
      { id: "a", role: null },
      { id: "b", role: null },
      { id: "c", role: null },
      { id: "d", role: null },
    ],
    maxChoices: 2,
    allowAbstain: true,
    majority: "simple",
    quorumPercent: 0,
  };
  it("each option on more than half of the ballots that marked something", () => {
    // 10 ballots, 2 empty: 8 marking; a on 6, b on 4 (exactly half: no), c on 5, d on 1.
    const r = tallyMotion(spec, agg(10, 2, { a: 6, b: 4, c: 5, d: 1 }), 12);
    expect(accepted(r)).toEqual(["a", "c"]);
    expect(r.passed).toBe(true);
  });
  it("ballots over the limit or empty without abstaining are refused", () => {
    expect(ballotProblem(spec, { optionIds: ["a", "b"], abstain: false })).toBeNull();
    expect(ballotProblem(spec, { optionIds: ["a", "b", "c"], abstain: false })).toBe("voteChoiceCount");
    expect(ballotProblem(spec, { optionIds: [], abstain: false })).toBe("voteChoiceEmpty");
    expect(ballotProblem(spec, { optionIds: [], abstain: true })).toBeNull();
    expect(ballotProblem(spec, { optionIds: ["a"], abstain: true })).toBe("voteChoiceInvalid");
    expect(ballotProblem(spec, { optionIds: ["a", "a"], abstain: false })).toBe("voteChoiceInvalid");
    expect(ballotProblem(spec, { optionIds: ["x"], abstain: false })).toBe("voteChoiceInvalid");
    expect(ballotProblem({ ...spec, allowAbstain: false }, { optionIds: [], abstain: true })).toBe(
      "voteChoiceInvalid",
    );
  });
  it("yes/no ballots mark one option or abstain", () => {
    expect(ballotProblem(yesNo, { optionIds: ["y", "n"], abstain: false })).toBe("voteChoiceCount");
    expect(ballotProblem({ ...yesNo, allowAbstain: false }, { optionIds: [], abstain: true })).toBeNull();
  });
});

describe("aggregates", () => {
  it("online counters and paper counts add up", () => {
    const online = addAggregates(
      ballotAggregate({ optionIds: ["y"], abstain: false }, 1),
      ballotAggregate({ optionIds: [], abstain: true }, 1),
      ballotAggregate({ optionIds: ["n"], abstain: false }, 2),
    );
    expect(online).toEqual({ ballots: 4, abstentions: 1, counts: { y: 1, n: 2 } });
    const total = addAggregates(online, agg(5, 1, { y: 3, n: 1 }));
    expect(total).toEqual({ ballots: 9, abstentions: 2, counts: { y: 4, n: 3 } });
  });
  it("paper aggregates must be consistent", () => {
    expect(paperProblem(yesNo, agg(5, 1, { y: 3, n: 1 }))).toBeNull();
    expect(paperProblem(yesNo, agg(5, 1, { y: 3, n: 2 }))).toBe("votePaperSum");
    expect(paperProblem(yesNo, agg(1, 2, {}))).toBe("votePaperSum");
    expect(paperProblem(yesNo, agg(1, 0, { z: 1 }))).toBe("voteChoiceInvalid");
    const several: MotionSpec = { ...yesNo, optionKind: "severalOf", maxChoices: 2 };
    expect(paperProblem(several, agg(3, 0, { y: 3, n: 3 }))).toBeNull();
    expect(paperProblem(several, agg(3, 0, { y: 4 }))).toBe("votePaperSum");
  });
});

describe("elections", () => {
  const ids = ["anna", "ben", "cem", "dora"];
  it("most votes win the seats, the rest with votes are substitutes in order", () => {
    const r = tallyElection(ids, { anna: 7, ben: 3, cem: 5, dora: 0 }, 2);
    expect(r.elected).toEqual(["anna", "cem"]);
    expect(r.substitutes).toEqual(["ben"]);
  });
  it("a tie at the last seat is decided by the recorded lot", () => {
    const counts = { anna: 7, ben: 4, cem: 4, dora: 1 };
    expect(tiedCandidates(ids, counts)).toEqual(["ben", "cem"]);
    expect(() => tallyElection(ids, counts, 2)).toThrow(/tie without a lot/);
    const r = tallyElection(ids, counts, 2, ["cem", "ben"]);
    expect(r.elected).toEqual(["anna", "cem"]);
    expect(r.substitutes).toEqual(["ben", "dora"]);
    expect(tallyElection(ids, counts, 2, ["ben", "cem"]).elected).toEqual(["anna", "ben"]);
  });
  it("candidates without votes are neither elected nor substitutes, and need no lot", () => {
    const counts = { anna: 2 };
    expect(tiedCandidates(ids, counts)).toEqual([]);
    expect(tallyElection(ids, counts, 2)).toEqual({
      ranking: [{ id: "anna", votes: 2 }],
      elected: ["anna"],
      substitutes: [],
    });
  });
  it("weights per child add up like single votes", () => {
    // Parent 1 (2 children) marks anna+ben, parent 2 (1 child) marks ben, parent 3 (3 children) marks cem.
    const total = addAggregates(
      ballotAggregate({ optionIds: ["anna", "ben"], abstain: false }, 2),
      ballotAggregate({ optionIds: ["ben"], abstain: false }, 1),
      ballotAggregate({ optionIds: ["cem"], abstain: false }, 3),
    );
    expect(total).toEqual({ ballots: 6, abstentions: 0, counts: { anna: 2, ben: 3, cem: 3 } });
    const r = tallyElection(ids, total.counts, 1, ["cem", "ben"]);
    expect(r.elected).toEqual(["cem"]);
    expect(r.substitutes).toEqual(["ben", "anna"]);
  });
});

describe("the lot", () => {
  it("shuffles with the given random source", () => {
    // randomInt always 0: every element swaps with the first → a rotation.
    expect(drawLot(["a", "b", "c"], () => 0)).toEqual(["b", "c", "a"]);
    expect(drawLot(["a", "b", "c"], (n) => n - 1)).toEqual(["a", "b", "c"]);
    expect(drawLot([], () => 0)).toEqual([]);
  });
  it("every order comes up (uniform over many draws)", () => {
    const rnd = (n: number) => randomInt(n);
    const seen = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = drawLot(["a", "b", "c"], rnd).join("");
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(seen.size).toBe(6);
    for (const n of seen.values()) expect(n).toBeGreaterThan(800);
  });
});
