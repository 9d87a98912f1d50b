import { describe, expect, it } from "vitest";
import { managesEvent, readsMinutes, seesEvent } from "./audience";
import { checkAnswers, type Question } from "./questions";
import { reminderDue } from "./reminders";

describe("audience and minutes", () => {
  const anonymous = { roles: null, isOrganiser: false };
  const parent = { roles: ["parent" as const], isOrganiser: false };
  const caregiver = { roles: ["caregiver" as const], isOrganiser: false };
  const board = { roles: ["board" as const], isOrganiser: false };
  const organiser = { roles: ["member" as const], isOrganiser: true };

  it("shows an event to its audience, staff and organisers", () => {
    expect(seesEvent("public", anonymous)).toBe(true);
    expect(seesEvent("members", anonymous)).toBe(false);
    expect(seesEvent("members", parent)).toBe(true);
    expect(seesEvent("parents", caregiver)).toBe(false);
    expect(seesEvent("parents", parent)).toBe(true);
    expect(seesEvent("caregivers", board)).toBe(true);
    expect(seesEvent("caregivers", organiser)).toBe(true);
    expect(managesEvent(organiser)).toBe(true);
    expect(managesEvent(caregiver)).toBe(false);
  });

  it("shows the minutes to whom the board chose", () => {
    expect(readsMinutes("organisers", "members", caregiver)).toBe(false);
    expect(readsMinutes("organisers", "members", organiser)).toBe(true);
    expect(readsMinutes("members", "public", anonymous)).toBe(false);
    expect(readsMinutes("members", "parents", caregiver)).toBe(true);
    expect(readsMinutes("audience", "parents", caregiver)).toBe(false);
    expect(readsMinutes("audience", "parents", parent)).toBe(true);
    expect(readsMinutes("audience", "public", anonymous)).toBe(true);
  });
});

describe("answers", () => {
  const questions: Question[] = [
    { id: "q1", kind: "yesNo", label: "Ich bringe etwas zum Essen mit", options: [], required: true },
    { id: "q2", kind: "choice", label: "Workshop", options: ["A", "B"], required: false },
    { id: "q3", kind: "text", label: "Allergien", options: [], required: false },
  ];

  it("keeps valid answers and drops unknown questions", () => {
    expect(checkAnswers(questions, { q1: false, q2: "B", q3: "  Nüsse ", other: "x" })).toEqual({
      ok: true,
      answers: { q1: false, q2: "B", q3: "Nüsse" },
    });
  });

  it("reports missing, wrong and unknown choices", () => {
    expect(checkAnswers(questions, { q2: "C", q3: true })).toEqual({
      ok: false,
      problems: [
        { questionId: "q1", code: "required" },
        { questionId: "q2", code: "invalidChoice" },
        { questionId: "q3", code: "wrongType" },
      ],
    });
  });
});

describe("reminders", () => {
  const base = {
    date: "2026-12-08",
    startsAt: "2026-12-08T18:30:00.000Z",
    eventStatus: "scheduled" as const,
    registrationStatus: "confirmed" as const,
    remindedAt: null,
  };
  it("reminds once from the day before until the start", () => {
    expect(reminderDue(base, "2026-12-06", "2026-12-06T10:00:00.000Z")).toBe(false);
    expect(reminderDue(base, "2026-12-07", "2026-12-07T10:00:00.000Z")).toBe(true);
    expect(reminderDue(base, "2026-12-08", "2026-12-08T10:00:00.000Z")).toBe(true);
    expect(reminderDue(base, "2026-12-08", "2026-12-08T18:30:00.000Z")).toBe(false);
    expect(
      reminderDue(
        { ...base, remindedAt: "2026-12-07T10:00:00.000Z" },
        "2026-12-07",
        "2026-12-07T11:00:00.000Z",
      ),
    ).toBe(false);
    expect(
      reminderDue({ ...base, registrationStatus: "waiting" }, "2026-12-07", "2026-12-07T10:00:00.000Z"),
    ).toBe(false);
    expect(reminderDue({ ...base, eventStatus: "cancelled" }, "2026-12-07", "2026-12-07T10:00:00.000Z")).toBe(
      false,
    );
  });
});
