import { describe, expect, it } from "vitest";
import { modelReport, type ReportCover, substitutionModel } from "./report";

describe("substitutionModel", () => {
  it("takes the first that applies: tandem, employed substitute, Kita, none", () => {
    expect(substitutionModel({ tandemPartnerIds: ["b"], substituteIds: ["s"], kitaId: "k" })).toBe("tandem");
    expect(substitutionModel({ tandemPartnerIds: [], substituteIds: ["s"], kitaId: "k" })).toBe(
      "employedSubstitute",
    );
    expect(substitutionModel({ tandemPartnerIds: [], substituteIds: [], kitaId: "k" })).toBe("kita");
    expect(substitutionModel({ tandemPartnerIds: [], substituteIds: [], kitaId: null })).toBe("none");
  });
});

describe("modelReport", () => {
  const cover = (overrides: Partial<ReportCover>): ReportCover => ({
    absenceId: "a1",
    day: "2026-03-02",
    status: "confirmed",
    kind: "tandem",
    extraDistanceKm: 1,
    parentAnswer: null,
    ...overrides,
  });

  it("counts per model: absence days, child-days, shares, kinds, distance and answers", () => {
    const rows = modelReport({
      from: "2026-03-01",
      to: "2026-03-31",
      caregivers: [
        { id: "t1", model: "tandem" },
        { id: "t2", model: "tandem" },
        { id: "e1", model: "employedSubstitute" },
        { id: "n1", model: "none" },
      ],
      absences: [
        // Mon 2 – Sun 8 March: 5 weekdays; Saturday counts because a child was to be cared for.
        { id: "a1", caregiverId: "t1", startsOn: "2026-03-02", endsOn: "2026-03-08", status: "active" },
        // Starts in February: only the March days count (Mon 2 overlaps a1 of another caregiver).
        { id: "a2", caregiverId: "e1", startsOn: "2026-02-27", endsOn: "2026-03-02", status: "active" },
        { id: "a3", caregiverId: "t2", startsOn: "2026-03-10", endsOn: "2026-03-10", status: "cancelled" },
      ],
      covers: [
        cover({ parentAnswer: "confirmed" }),
        cover({ day: "2026-03-03", kind: "knownSubstitute", extraDistanceKm: 2, parentAnswer: "keptHome" }),
        cover({ day: "2026-03-04", kind: "kita", extraDistanceKm: null, isKnown: false }),
        cover({ day: "2026-03-05", status: "uncovered", kind: null }),
        cover({ day: "2026-03-06", status: "cancelled" }),
        cover({ day: "2026-03-07", kind: "tandem", isKnown: true, extraDistanceKm: 3.5 }),
        // Outside the period.
        cover({ day: "2026-02-27", absenceId: "a2" }),
        cover({ day: "2026-03-02", absenceId: "a2", kind: "substitute", extraDistanceKm: -0.4 }),
        cover({ day: "2026-03-10", absenceId: "a3" }),
      ],
    });
    expect(rows.map((r) => r.model)).toEqual(["tandem", "employedSubstitute", "kita", "none"]);
    const [tandem, employed, kita, none] = rows;
    expect(tandem).toEqual({
      model: "tandem",
      caregivers: 2,
      absenceDays: 6,
      childDays: 5,
      covered: 4,
      coveredShare: 0.8,
      coveredByKnown: 2,
      byKind: { knownSubstitute: 1, tandem: 2, substitute: 0, caregiver: 0, kita: 1 },
      averageExtraDistanceKm: 2.2,
      parentsConfirmed: 1,
      parentsKeptHome: 1,
      parentsNoAnswer: 2,
    });
    expect(employed).toMatchObject({
      caregivers: 1,
      absenceDays: 1,
      childDays: 1,
      covered: 1,
      coveredShare: 1,
      byKind: { substitute: 1 },
      averageExtraDistanceKm: -0.4,
    });
    expect(kita).toMatchObject({ caregivers: 0, absenceDays: 0, childDays: 0, coveredShare: 0 });
    expect(kita?.averageExtraDistanceKm).toBeNull();
    expect(none).toMatchObject({ caregivers: 1, absenceDays: 0 });
  });
});
