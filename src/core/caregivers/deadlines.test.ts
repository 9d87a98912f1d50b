import { describe, expect, it } from "vitest";
import { findPreset } from "../organisations/presets";
import {
  computeDeadlines,
  type Deadline,
  type DeadlineInput,
  deadlineState,
  isOverdueOrMissing,
  reminderStagesDue,
  summariseDeadlines,
} from "./deadlines";

const nrw = findPreset("NRW");
if (!nrw) throw new Error("NRW preset missing");
const rules = nrw.rules;

const byKind = (deadlines: Deadline[]) => Object.fromEntries(deadlines.map((d) => [d.kind, d]));

describe("deadlineState", () => {
  it("is due soon from the lead time up to and including the due date, overdue the day after", () => {
    expect(deadlineState("2025-03-31", "2024-12-30", 90)).toBe("ok");
    expect(deadlineState("2025-03-31", "2024-12-31", 90)).toBe("dueSoon");
    expect(deadlineState("2025-03-31", "2025-03-31", 90)).toBe("dueSoon");
    expect(deadlineState("2025-03-31", "2025-04-01", 90)).toBe("overdue");
    expect(deadlineState(null, "2025-04-01", 90)).toBe("missing");
  });
});

describe("computeDeadlines", () => {
  const complete: DeadlineInput = {
    licence: { validFrom: "2022-08-01", validTo: "2027-07-31" },
    qualifications: [
      { kind: "qhbPhase1", completedOn: "2022-06-15" },
      { kind: "qhbPhase2", completedOn: "2024-05-20" },
      { kind: "firstAid", completedOn: "2022-03-10" },
      { kind: "firstAid", completedOn: "2024-03-09" },
      { kind: "infectionProtection", completedOn: "2023-11-30" },
      { kind: "criminalRecordCheck", completedOn: "2022-05-02", hasRelevantEntry: false },
      { kind: "other", completedOn: "2023-01-01" },
    ],
  };

  it("lists every deadline in a fixed order and leaves out a finished QHB phase 2", () => {
    expect(computeDeadlines(complete, rules, "2024-09-01")).toEqual([
      { kind: "licenceExpiry", dueOn: "2027-07-31", state: "ok", basedOn: "2022-08-01" },
      { kind: "firstAid", dueOn: "2026-03-09", state: "ok", basedOn: "2024-03-09" },
      { kind: "infectionProtection", dueOn: "2025-11-30", state: "ok", basedOn: "2023-11-30" },
      { kind: "criminalRecordCheck", dueOn: "2027-05-02", state: "ok", basedOn: "2022-05-02" },
    ]);
  });

  it("counts the latest completion whatever the order of the records", () => {
    const input: DeadlineInput = {
      ...complete,
      qualifications: [
        { kind: "firstAid", completedOn: "2024-03-09" },
        { kind: "firstAid", completedOn: "2020-01-01" },
      ],
    };
    expect(byKind(computeDeadlines(input, rules, "2024-09-01")).firstAid?.dueOn).toBe("2026-03-09");
  });

  it("marks deadlines due soon and overdue", () => {
    const deadlines = byKind(computeDeadlines(complete, rules, "2025-09-15"));
    expect(deadlines.infectionProtection?.state).toBe("dueSoon");
    expect(deadlines.firstAid?.state).toBe("ok");

    const later = byKind(computeDeadlines(complete, rules, "2025-12-01"));
    expect(later.infectionProtection?.state).toBe("overdue");
  });

  it("clamps a refresh due date at the end of February", () => {
    const input: DeadlineInput = {
      licence: null,
      qualifications: [{ kind: "firstAid", completedOn: "2024-02-29" }],
    };
    expect(byKind(computeDeadlines(input, rules, "2024-03-01")).firstAid?.dueOn).toBe("2026-02-28");
  });

  it("marks records that do not exist as missing, not as overdue", () => {
    const deadlines = computeDeadlines({ licence: null, qualifications: [] }, rules, "2024-09-01");
    expect(deadlines).toEqual([
      { kind: "licenceExpiry", dueOn: null, state: "missing", basedOn: null },
      { kind: "firstAid", dueOn: null, state: "missing", basedOn: null },
      { kind: "infectionProtection", dueOn: null, state: "missing", basedOn: null },
      { kind: "criminalRecordCheck", dueOn: null, state: "missing", basedOn: null },
    ]);
  });

  it("sets the QHB phase 2 deadline from the licence start until phase 2 is recorded", () => {
    const input: DeadlineInput = {
      licence: { validFrom: "2023-08-31", validTo: "2028-08-30" },
      qualifications: [{ kind: "qhbPhase1", completedOn: "2023-06-30" }],
    };
    expect(byKind(computeDeadlines(input, rules, "2025-06-01")).qhbPhase2?.state).toBe("ok");
    expect(byKind(computeDeadlines(input, rules, "2025-06-02")).qhbPhase2).toEqual({
      kind: "qhbPhase2",
      dueOn: "2025-08-31",
      state: "dueSoon",
      basedOn: "2023-08-31",
    });
    expect(byKind(computeDeadlines(input, rules, "2025-09-01")).qhbPhase2?.state).toBe("overdue");

    const done: DeadlineInput = {
      ...input,
      qualifications: [...input.qualifications, { kind: "qhbPhase2", completedOn: "2025-07-01" }],
    };
    expect(byKind(computeDeadlines(done, rules, "2025-09-01")).qhbPhase2).toBeUndefined();
  });

  it("flags a relevant entry of the latest criminal-record check only", () => {
    const flagged: DeadlineInput = {
      licence: null,
      qualifications: [
        { kind: "criminalRecordCheck", completedOn: "2019-01-10", hasRelevantEntry: false },
        { kind: "criminalRecordCheck", completedOn: "2024-01-10", hasRelevantEntry: true },
      ],
    };
    expect(byKind(computeDeadlines(flagged, rules, "2024-06-01")).criminalRecordCheck).toEqual({
      kind: "criminalRecordCheck",
      dueOn: "2029-01-10",
      state: "ok",
      basedOn: "2024-01-10",
      hasRelevantEntry: true,
    });

    const cleared: DeadlineInput = {
      licence: null,
      qualifications: [
        { kind: "criminalRecordCheck", completedOn: "2019-01-10", hasRelevantEntry: true },
        { kind: "criminalRecordCheck", completedOn: "2024-01-10", hasRelevantEntry: false },
      ],
    };
    expect(byKind(computeDeadlines(cleared, rules, "2024-06-01")).criminalRecordCheck).not.toHaveProperty(
      "hasRelevantEntry",
    );
  });

  it("follows the organisation's intervals and lead time", () => {
    const strict = { ...rules, firstAidRefreshMonths: 12, reminderLeadDays: 30 };
    const input: DeadlineInput = {
      licence: null,
      qualifications: [{ kind: "firstAid", completedOn: "2024-01-15" }],
    };
    const firstAid = (today: string) => byKind(computeDeadlines(input, strict, today)).firstAid;
    expect(firstAid("2024-12-15")).toMatchObject({ dueOn: "2025-01-15", state: "ok" });
    expect(firstAid("2024-12-16")).toMatchObject({ state: "dueSoon" });
  });
});

describe("summariseDeadlines", () => {
  it("returns the worst state: overdue, then missing, then due soon", () => {
    expect(summariseDeadlines([])).toBe("ok");
    expect(summariseDeadlines([{ state: "ok" }, { state: "dueSoon" }])).toBe("dueSoon");
    expect(summariseDeadlines([{ state: "dueSoon" }, { state: "missing" }, { state: "ok" }])).toBe("missing");
    expect(summariseDeadlines([{ state: "missing" }, { state: "overdue" }, { state: "dueSoon" }])).toBe(
      "overdue",
    );
  });

  it("puts missing records into the overdue filter", () => {
    expect(isOverdueOrMissing("missing")).toBe(true);
    expect(isOverdueOrMissing("overdue")).toBe(true);
    expect(isOverdueOrMissing("dueSoon")).toBe(false);
    expect(isOverdueOrMissing("ok")).toBe(false);
  });
});

describe("reminderStagesDue", () => {
  const due = "2025-06-30";

  it("is null before the first stage", () => {
    expect(reminderStagesDue(due, "2025-03-01")).toBeNull();
    expect(reminderStagesDue(due, "2025-03-31")).toBeNull();
    expect(reminderStagesDue(due, "2025-04-01")).toBe(90);
  });

  it("moves through the stages as the due date approaches", () => {
    expect(reminderStagesDue(due, "2025-05-30")).toBe(90);
    expect(reminderStagesDue(due, "2025-05-31")).toBe(30);
    expect(reminderStagesDue(due, "2025-06-22")).toBe(30);
    expect(reminderStagesDue(due, "2025-06-23")).toBe(7);
    expect(reminderStagesDue(due, "2025-06-30")).toBe(7);
  });

  it("switches to the overdue stage the day after the due date", () => {
    expect(reminderStagesDue(due, "2025-07-01")).toBe("overdue");
    expect(reminderStagesDue(due, "2026-01-01")).toBe("overdue");
  });

  it("still returns a stage a missed daily run did not send", () => {
    // A job that did not run on 2025-05-31 sends stage 30 on the next day instead of skipping it.
    expect(reminderStagesDue(due, "2025-06-01")).toBe(30);
  });

  it("accepts custom stages in any order and nothing to remind of", () => {
    expect(reminderStagesDue(due, "2025-06-16", [1, 60, 14])).toBe(14);
    expect(reminderStagesDue(due, "2025-06-28", [1, 60, 14])).toBe(14);
    expect(reminderStagesDue(due, "2025-06-29", [1, 60, 14])).toBe(1);
    expect(reminderStagesDue(due, "2025-06-29", [])).toBeNull();
    expect(reminderStagesDue(null, "2025-06-29")).toBeNull();
  });

  it("sends every stage exactly once over a daily run", () => {
    const sent: (number | "overdue")[] = [];
    let last: number | "overdue" | null = null;
    for (
      let day = new Date("2025-01-01");
      day <= new Date("2025-08-01");
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      const stage = reminderStagesDue(due, day.toISOString().slice(0, 10));
      if (stage !== null && stage !== last) sent.push(stage);
      last = stage;
    }
    expect(sent).toEqual([90, 30, 7, "overdue"]);
  });
});
