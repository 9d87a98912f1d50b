import { describe, expect, it } from "vitest";
import {
  type ConsentRecord,
  consentProblem,
  consentProblems,
  isPublishableOnline,
  personKey,
} from "./consent";

function consent(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    personName: "Mia K.",
    givenOn: "2026-03-01",
    scopes: ["online", "print"],
    validUntil: null,
    withdrawnAt: null,
    ...overrides,
  };
}

describe("a single consent", () => {
  it("holds from the day it was given through its last day", () => {
    const c = consent({ givenOn: "2026-03-01", validUntil: "2026-12-31" });
    expect(consentProblem(c, "online", "2026-02-28")).toBe("notYetValid");
    expect(consentProblem(c, "online", "2026-03-01")).toBeNull();
    expect(consentProblem(c, "online", "2026-12-31")).toBeNull();
    expect(consentProblem(c, "online", "2027-01-01")).toBe("expired");
  });

  it("holds without end when no last day is given", () => {
    expect(consentProblem(consent(), "online", "2040-01-01")).toBeNull();
  });

  it("stops at once when withdrawn, whatever the dates", () => {
    expect(consentProblem(consent({ withdrawnAt: "2026-03-02" }), "online", "2026-03-01")).toBe("withdrawn");
  });

  it("covers only the uses agreed to", () => {
    const printOnly = consent({ scopes: ["print"] });
    expect(consentProblem(printOnly, "online", "2026-03-02")).toBe("scopeMissing");
    expect(consentProblem(printOnly, "print", "2026-03-02")).toBeNull();
    expect(consentProblem(printOnly, "press", "2026-03-02")).toBe("scopeMissing");
  });
});

describe("a photo", () => {
  const today = "2026-03-02";

  it("without anyone recorded may not be shown, unless it explicitly shows no identifiable people", () => {
    expect(consentProblems({ noIdentifiablePeople: false, consents: [] }, "online", today)).toEqual([
      { kind: "noConsent", personName: null },
    ]);
    expect(isPublishableOnline({ noIdentifiablePeople: true, consents: [] }, today)).toBe(true);
  });

  it("needs every person shown to agree: one missing scope blocks it and is named", () => {
    const photo = {
      noIdentifiablePeople: false,
      consents: [consent(), consent({ personName: "Jonas B.", scopes: ["print"] })],
    };
    expect(consentProblems(photo, "online", today)).toEqual([
      { kind: "scopeMissing", personName: "Jonas B." },
    ]);
    expect(isPublishableOnline(photo, today)).toBe(false);
  });

  it("is shown when all people agreed, and not once one of them withdraws", () => {
    const both = [consent(), consent({ personName: "Jonas B." })];
    expect(isPublishableOnline({ noIdentifiablePeople: false, consents: both }, today)).toBe(true);
    const withdrawn = [both[0] as ConsentRecord, consent({ personName: "Jonas B.", withdrawnAt: today })];
    expect(consentProblems({ noIdentifiablePeople: false, consents: withdrawn }, "online", today)).toEqual([
      { kind: "withdrawn", personName: "Jonas B." },
    ]);
  });

  it("ignores the 'no identifiable people' choice once people are recorded", () => {
    const photo = { noIdentifiablePeople: true, consents: [consent({ withdrawnAt: today })] };
    expect(isPublishableOnline(photo, today)).toBe(false);
  });

  it("lets a person's latest declaration decide, matching names regardless of case and spacing", () => {
    const expired = consent({ personName: "Mia K.", givenOn: "2025-01-01", validUntil: "2025-12-31" });
    const renewed = consent({ personName: " mia  k. ", givenOn: "2026-02-01" });
    expect(isPublishableOnline({ noIdentifiablePeople: false, consents: [expired] }, today)).toBe(false);
    expect(isPublishableOnline({ noIdentifiablePeople: false, consents: [expired, renewed] }, today)).toBe(
      true,
    );
    const renewedThenWithdrawn = { ...renewed, withdrawnAt: today };
    expect(
      consentProblems(
        { noIdentifiablePeople: false, consents: [expired, renewedThenWithdrawn] },
        "online",
        today,
      ),
    ).toEqual([{ kind: "withdrawn", personName: "mia  k." }]);
    expect(personKey(" Mia\tK. ")).toBe("mia k.");
  });
});
