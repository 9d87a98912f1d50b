import { describe, expect, it } from "vitest";
import { mergeRanges } from "./absences";
import { type CalendarCoverRow, calendarDays, isoWeekNumber } from "./calendar";

const anna = { id: "a1", caregiverId: "anna", startsOn: "2026-03-02", endsOn: "2026-03-04" };
// A part-day training of Anna's on the same Wednesday, and Tina's holiday from Wednesday on.
const annaTraining = { id: "a2", caregiverId: "anna", startsOn: "2026-03-04", endsOn: "2026-03-04" };
const tina = { id: "t1", caregiverId: "tina", startsOn: "2026-03-04", endsOn: "2026-03-10" };

function cover(
  partial: Partial<CalendarCoverRow> & Pick<CalendarCoverRow, "day" | "status">,
): CalendarCoverRow {
  return {
    absenceId: "a1",
    coverCaregiverId: null,
    kitaId: null,
    ranges: [[480, 780]],
    childFirstName: "Kind",
    ...partial,
  };
}

describe("calendarDays", () => {
  it("counts each absence's child-days per day by state, leaves cancelled ones out, and lists every day", () => {
    const covers = [
      cover({ day: "2026-03-02", status: "confirmed", coverCaregiverId: "sara", childFirstName: "Mila" }),
      cover({ day: "2026-03-02", status: "proposed", coverCaregiverId: "tina", childFirstName: "Ben" }),
      cover({ day: "2026-03-02", status: "uncovered", childFirstName: "Ida" }),
      cover({ day: "2026-03-02", status: "cancelled", coverCaregiverId: "sara", childFirstName: "Lea" }),
      cover({ day: "2026-03-03", status: "confirmed", kitaId: "kita", childFirstName: "Mila" }),
    ];
    const days = calendarDays({ from: "2026-03-01", to: "2026-03-05" }, [anna], covers, covers);
    expect(days.map((d) => d.day)).toEqual([
      "2026-03-01",
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
    ]);
    // Sunday before and Thursday after: nobody absent.
    expect(days[0]).toMatchObject({ absences: [], holders: [], absentPeople: 0, childDays: 0 });
    expect(days[4]).toMatchObject({ absences: [], absentPeople: 0 });
    expect(days[1]).toMatchObject({
      absences: [{ absenceId: "a1", childDays: 3, confirmed: 1, proposed: 1, uncovered: 1 }],
      absentPeople: 1,
      childDays: 3,
      confirmed: 1,
      proposed: 1,
      uncovered: 1,
    });
    // Holders: Sara (confirmed) and Tina (a proposal holds a place too); the cancelled cover holds nothing.
    expect(days[1]?.holders).toEqual([
      {
        caregiverId: "sara",
        kitaId: null,
        confirmed: 1,
        proposed: 0,
        ranges: [[480, 780]],
        childFirstNames: ["Mila"],
      },
      {
        caregiverId: "tina",
        kitaId: null,
        confirmed: 0,
        proposed: 1,
        ranges: [[480, 780]],
        childFirstNames: ["Ben"],
      },
    ]);
    expect(days[2]?.holders).toEqual([
      expect.objectContaining({ caregiverId: null, kitaId: "kita", confirmed: 1 }),
    ]);
    // Wednesday: she is absent, none of her children is cared for that day: the absence shows with zeros.
    expect(days[3]).toMatchObject({
      absences: [{ absenceId: "a1", childDays: 0, confirmed: 0, proposed: 0, uncovered: 0 }],
      absentPeople: 1,
    });
  });

  it("counts a person with two absences on one day once, and several persons apart", () => {
    const days = calendarDays({ from: "2026-03-04", to: "2026-03-04" }, [anna, annaTraining, tina], [], []);
    expect(days[0]?.absences.map((a) => a.absenceId)).toEqual(["a1", "a2", "t1"]);
    expect(days[0]?.absentPeople).toBe(2);
  });

  it("sums a holder's children and joins their times; counts only the covers of the given absences", () => {
    const held = [
      cover({ day: "2026-03-02", status: "confirmed", coverCaregiverId: "sara", ranges: [[480, 720]] }),
      cover({ day: "2026-03-02", status: "confirmed", coverCaregiverId: "sara", ranges: [[600, 840]] }),
      cover({
        day: "2026-03-02",
        status: "confirmed",
        coverCaregiverId: "sara",
        absenceId: "t1",
        ranges: [[900, 960]],
      }),
    ];
    const days = calendarDays({ from: "2026-03-02", to: "2026-03-02" }, [anna], [], held);
    expect(days[0]?.holders).toEqual([
      expect.objectContaining({
        caregiverId: "sara",
        confirmed: 3,
        ranges: [
          [480, 840],
          [900, 960],
        ],
      }),
    ]);
    // The absence is there, but no covers of hers were given to count.
    expect(days[0]?.absences).toEqual([
      { absenceId: "a1", childDays: 0, confirmed: 0, proposed: 0, uncovered: 0 },
    ]);
  });
});

describe("mergeRanges", () => {
  it("joins overlapping and touching ranges and keeps gaps", () => {
    expect(
      mergeRanges([
        [600, 700],
        [480, 600],
        [800, 810],
        [500, 550],
      ]),
    ).toEqual([
      [480, 700],
      [800, 810],
    ]);
    expect(mergeRanges([])).toEqual([]);
  });
});

describe("isoWeekNumber", () => {
  it("counts weeks from the one with the year's first Thursday", () => {
    expect(isoWeekNumber("2026-03-02")).toBe(10);
    expect(isoWeekNumber("2026-03-08")).toBe(10);
    // 1 January 2027 is a Friday: it still belongs to week 53 of 2026.
    expect(isoWeekNumber("2027-01-01")).toBe(53);
    expect(isoWeekNumber("2027-01-04")).toBe(1);
    // 29 December 2025 is a Monday in week 1 of 2026.
    expect(isoWeekNumber("2025-12-29")).toBe(1);
  });
});
