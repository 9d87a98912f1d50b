import { describe, expect, it } from "vitest";
import { acceptsBallots, isMeetingDay, mayEdit, mayStand, resultsVisible } from "./lifecycle";

const now = new Date("2026-03-02T10:00:00Z");
const later = new Date("2026-03-02T11:00:00Z");
const earlier = new Date("2026-03-02T09:00:00Z");

describe("vote lifecycle", () => {
  it("edits only before voting starts", () => {
    expect(["draft", "nomination", "scheduled"].every((s) => mayEdit(s as never))).toBe(true);
    expect(mayEdit("open")).toBe(false);
    expect(mayEdit("closed")).toBe(false);
  });
  it("candidates stand during nomination, until its end", () => {
    const election = { kind: "election" as const, status: "nomination" as const, nominationClosesAt: later };
    expect(mayStand(election, now)).toBe(true);
    expect(mayStand({ ...election, nominationClosesAt: earlier }, now)).toBe(false);
    expect(mayStand({ ...election, nominationClosesAt: null, status: "scheduled" }, now)).toBe(true);
    expect(mayStand({ ...election, status: "open" }, now)).toBe(false);
    expect(mayStand({ ...election, status: "draft" }, now)).toBe(false);
    expect(mayStand({ ...election, kind: "motion" }, now)).toBe(false);
  });
  it("shows results after closing, or live while open", () => {
    expect(resultsVisible({ status: "open", resultVisibility: "afterClose" })).toBe(false);
    expect(resultsVisible({ status: "open", resultVisibility: "live" })).toBe(true);
    expect(resultsVisible({ status: "scheduled", resultVisibility: "live" })).toBe(false);
    expect(resultsVisible({ status: "closed", resultVisibility: "afterClose" })).toBe(true);
  });
  it("takes ballots only while open and before the closing time", () => {
    expect(acceptsBallots({ status: "open", closesAt: later }, now)).toBe(true);
    expect(acceptsBallots({ status: "open", closesAt: now }, now)).toBe(false);
    expect(acceptsBallots({ status: "open", closesAt: null }, now)).toBe(true);
    expect(acceptsBallots({ status: "closed", closesAt: null }, now)).toBe(false);
  });
  it("lets members mark themselves present on the meeting's days only", () => {
    const meeting = { date: "2026-03-02", endDate: "2026-03-03" };
    expect(isMeetingDay(meeting, "2026-03-01")).toBe(false);
    expect(isMeetingDay(meeting, "2026-03-02")).toBe(true);
    expect(isMeetingDay(meeting, "2026-03-03")).toBe(true);
    expect(isMeetingDay(meeting, "2026-03-04")).toBe(false);
  });
});
