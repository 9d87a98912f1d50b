import { describe, expect, it } from "vitest";
import type { VoteDetail } from "../../../../contracts/votes";
import { checkVoteValues, newVoteValues, toLocalInput, voteValues } from "./vote-form-values";

const USER = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

describe("the vote form's values", () => {
  it("sends a yes/no motion without options of its own, as a secret vote with its quorum as a number", () => {
    const values = { ...newVoteValues("motion"), title: "Beitrag 2027", quorumPercent: "25" };
    const checked = checkVoteValues(values);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.body).toMatchObject({
      kind: "motion",
      optionKind: "yesNo",
      options: [],
      secrecy: "secret",
      quorumPercent: 25,
      electorate: { kind: "allMembers", userIds: [] },
      eventId: null,
      opensAt: null,
    });
  });

  it("drops empty option rows and asks for two options and a limit within them", () => {
    const base = {
      ...newVoteValues("motion"),
      title: "Ort des Sommerfests",
      optionKind: "severalOf" as const,
    };
    const tooFew = checkVoteValues({ ...base, options: ["Kurpark", " "], maxChoices: "1" });
    expect(tooFew).toEqual({ ok: false, errors: { options: "v.voteOptionsCount" } });
    const overLimit = checkVoteValues({ ...base, options: ["Kurpark", "Seeufer"], maxChoices: "3" });
    expect(overLimit).toEqual({ ok: false, errors: { maxChoices: "v.voteMaxChoices" } });
    const fine = checkVoteValues({ ...base, options: ["Kurpark", "Seeufer", ""], maxChoices: "2" });
    expect(fine.ok && fine.body.options).toEqual(["Kurpark", "Seeufer"]);
  });

  it("names the field of typed text that is no number, and a list electorate without anyone", () => {
    const checked = checkVoteValues({
      ...newVoteValues("motion"),
      title: "Vorstandsbeschluss",
      quorumPercent: "ein Drittel",
    });
    expect(checked.ok).toBe(false);
    expect(!checked.ok && Object.keys(checked.errors)).toEqual(["quorumPercent"]);
    const list = checkVoteValues({
      ...newVoteValues("motion"),
      title: "Nur Vorstand",
      electorateKind: "list",
    });
    expect(list).toEqual({ ok: false, errors: { userIds: "v.voteListEmpty" } });
  });

  it("makes an election one of the parents with contracts, marking as many as there are seats", () => {
    const checked = checkVoteValues({ ...newVoteValues("election"), title: "Elternbeirat", seats: "3" });
    expect(checked.ok && checked.body).toMatchObject({
      kind: "election",
      optionKind: "severalOf",
      seats: 3,
      electorate: { kind: "parentsWithContract" },
      options: [],
    });
  });

  it("turns the typed times into instants and rejects an end before the start", () => {
    const opensAt = "2027-03-01T19:00";
    const checked = checkVoteValues({
      ...newVoteValues("motion"),
      title: "Satzungsänderung",
      opensAt,
      closesAt: "2027-03-01T18:00",
    });
    expect(checked).toEqual({ ok: false, errors: { closesAt: "v.voteCloseBeforeOpen" } });
    const fine = checkVoteValues({
      ...newVoteValues("motion"),
      title: "Satzungsänderung",
      opensAt,
      closesAt: "2027-03-01T21:00",
    });
    expect(fine.ok && fine.body.opensAt).toBe(new Date(opensAt).toISOString());
    expect(fine.ok && toLocalInput(fine.body.opensAt)).toBe(opensAt);
  });

  it("fills the form from a saved draft with its own options and members", () => {
    const vote = {
      kind: "motion",
      title: "Ort",
      text: "",
      optionKind: "oneOf",
      options: [
        { id: USER, label: "Kurpark", role: null, candidateUserId: null, introduction: "" },
        { id: USER, label: "Seeufer", role: null, candidateUserId: null, introduction: "" },
      ],
      maxChoices: 1,
      allowAbstain: false,
      electorate: { kind: "list", userIds: [USER] },
      majority: "twoThirds",
      quorumPercent: 10,
      resultVisibility: "live",
      secrecy: "named",
      eventId: null,
      opensAt: null,
      closesAt: null,
      seats: 1,
      weighting: "perParent",
      nominationClosesAt: null,
    } as unknown as VoteDetail;
    const values = voteValues(vote);
    expect(values).toMatchObject({
      options: ["Kurpark", "Seeufer"],
      electorateKind: "list",
      userIds: [USER],
      quorumPercent: "10",
      secrecy: "named",
      allowAbstain: false,
    });
    const checked = checkVoteValues(values);
    expect(checked.ok && checked.body.electorate).toEqual({ kind: "list", userIds: [USER] });
  });
});
