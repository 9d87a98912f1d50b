import { describe, expect, it } from "vitest";
import {
  COURSE_CATEGORIES,
  type CompletedQualification,
  categoryDefaults,
  checkPrerequisites,
  copyCourseRun,
  validateCourse,
} from "./catalogue";
import { firstAidCourse, NRW_RULES, weeklySessions } from "./test-support";

describe("categoryDefaults", () => {
  it("gives the QHB phases their units, practice, assessments and prerequisite", () => {
    const phase1 = categoryDefaults("qhbPhase1", NRW_RULES);
    expect(phase1).toMatchObject({
      units: 160,
      practiceHours: { kita: 40, dayCare: 40 },
      assessments: ["phaseAssessment"],
      prerequisites: [],
      validityMonths: null,
      countsTowardsObligation: false,
    });
    const phase2 = categoryDefaults("qhbPhase2", NRW_RULES);
    expect(phase2).toMatchObject({
      units: 140,
      practiceHours: { kita: 0, dayCare: 0 },
      assessments: ["phaseAssessment", "colloquium"],
      prerequisites: ["qhbPhase1"],
    });
    expect((phase1.units ?? 0) + (phase2.units ?? 0)).toBe(300);
  });

  it("takes the validity of first aid and infection protection from the organisation's rules", () => {
    expect(categoryDefaults("firstAidChildren", NRW_RULES)).toMatchObject({
      units: 9,
      validityMonths: 24,
      minAttendancePercent: 100,
    });
    const custom = { ...NRW_RULES, firstAidRefreshMonths: 36, infectionProtectionRefreshMonths: 12 };
    expect(categoryDefaults("firstAidChildren", custom).validityMonths).toBe(36);
    expect(categoryDefaults("infectionProtection", custom).validityMonths).toBe(12);
  });

  it("leaves the units open where the domain names no figure, and counts those trainings", () => {
    for (const category of ["dataProtection", "bgw", "parentCommunication", "other"] as const) {
      expect(categoryDefaults(category, NRW_RULES)).toMatchObject({
        units: null,
        countsTowardsObligation: true,
      });
    }
    expect(categoryDefaults("additionalQualification", NRW_RULES).units).toBe(100);
    expect(COURSE_CATEGORIES).toHaveLength(9);
  });
});

describe("validateCourse", () => {
  it("accepts a well-formed one-day course", () => {
    expect(validateCourse(firstAidCourse())).toEqual([]);
  });

  it("accepts half units and sessions that touch", () => {
    const course = firstAidCourse({
      units: 2.5,
      sessions: [
        { id: "a", date: "2025-03-15", from: "09:00", to: "10:30", units: 2 },
        { id: "b", date: "2025-03-15", from: "10:30", to: "11:00", units: 0.5 },
      ],
    });
    expect(validateCourse(course)).toEqual([]);
  });

  it("rejects quarter units, zero capacity, a zero validity and an impossible percentage", () => {
    const codes = validateCourse(
      firstAidCourse({ units: 9.25, capacity: 0, validityMonths: 0, minAttendancePercent: 101 }),
    ).map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "unitsInvalid",
        "capacityInvalid",
        "validityInvalid",
        "attendancePercentInvalid",
      ]),
    );
  });

  it("rejects a fractional capacity and negative practice hours", () => {
    const codes = validateCourse(
      firstAidCourse({ capacity: 2.5, practiceHours: { kita: -1, dayCare: 0 } }),
    ).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(["capacityInvalid", "practiceHoursInvalid"]));
  });

  it("reports a session outside the run, overlapping sessions and the units' sum with figures", () => {
    const course = firstAidCourse({
      sessions: [
        { id: "a", date: "2025-03-15", from: "08:30", to: "12:00", units: 4 },
        { id: "b", date: "2025-03-15", from: "11:00", to: "14:00", units: 4 },
        { id: "c", date: "2025-03-16", from: "09:00", to: "10:30", units: 2 },
      ],
    });
    expect(validateCourse(course)).toEqual([
      { code: "sessionUnitsSum", field: "sessions", expected: 9, actual: 10 },
      { code: "sessionOverlap", field: "sessions", index: 1, otherIndex: 0 },
      { code: "sessionOutsideRun", field: "sessions", index: 2 },
    ]);
  });

  it("finds an overlap with an earlier long session, not only with the one just before", () => {
    const course = firstAidCourse({
      units: 9,
      sessions: [
        { id: "long", date: "2025-03-15", from: "08:00", to: "16:00", units: 5 },
        { id: "a", date: "2025-03-15", from: "09:00", to: "10:00", units: 1 },
        { id: "b", date: "2025-03-15", from: "14:00", to: "16:30", units: 3 },
      ],
    });
    const overlaps = validateCourse(course).filter((p) => p.code === "sessionOverlap");
    expect(overlaps).toEqual([
      { code: "sessionOverlap", field: "sessions", index: 1, otherIndex: 0 },
      { code: "sessionOverlap", field: "sessions", index: 2, otherIndex: 0 },
    ]);
  });

  it("refuses more units than the session's time holds (45 minutes each)", () => {
    const course = firstAidCourse({
      units: 3,
      sessions: [{ id: "a", date: "2025-03-15", from: "09:00", to: "11:00", units: 3 }],
    });
    expect(validateCourse(course)).toEqual([
      { code: "sessionUnitsExceedTime", field: "sessions", index: 0, expected: 2.5, actual: 3 },
    ]);
  });

  it("reports unreadable times, an end before the start and a run ending before it starts", () => {
    const course = firstAidCourse({
      startsOn: "2025-03-16",
      endsOn: "2025-03-15",
      sessions: [
        { id: "a", date: "2025-03-15", from: "12:00", to: "09:00", units: 4 },
        { id: "b", date: "2025-02-30", from: "09:00", to: "12:00", units: 4 },
      ],
    });
    const codes = validateCourse(course).map((p) => [p.code, p.index]);
    expect(codes).toContainEqual(["runDatesInvalid", undefined]);
    expect(codes).toContainEqual(["sessionTimesInvalid", 0]);
    expect(codes).toContainEqual(["sessionTimesInvalid", 1]);
  });

  it("lets a draft without sessions be saved but names what blocks publishing", () => {
    expect(validateCourse(firstAidCourse({ sessions: [] }))).toEqual([
      { code: "noSessions", field: "sessions" },
    ]);
  });

  it("accepts a QHB phase 1 of 40 evenings with 4 UE each", () => {
    const sessions = weeklySessions("2025-01-07", 40);
    const course = firstAidCourse({
      category: "qhbPhase1",
      units: 160,
      startsOn: "2025-01-07",
      endsOn: sessions.at(-1)?.date ?? "",
      sessions,
    });
    expect(validateCourse(course)).toEqual([]);
  });
});

describe("copyCourseRun", () => {
  it("moves every session by the same whole weeks and keeps weekdays, times and units", () => {
    // Tuesday 2025-01-07 and the Saturday after; the next run from 1 September 2025 (a Monday).
    const course = firstAidCourse({
      startsOn: "2025-01-07",
      endsOn: "2025-01-11",
      sessions: [
        { id: "a", date: "2025-01-07", from: "18:00", to: "21:00", units: 4 },
        { id: "b", date: "2025-01-11", from: "09:00", to: "13:00", units: 5 },
      ],
    });
    const copy = copyCourseRun(course, "2025-09-01");
    expect(copy.shiftDays % 7).toBe(0);
    expect(copy.sessions).toEqual([
      { date: "2025-09-02", from: "18:00", to: "21:00", units: 4 },
      { date: "2025-09-06", from: "09:00", to: "13:00", units: 5 },
    ]);
    expect(copy.startsOn).toBe("2025-09-02");
    expect(copy.endsOn).toBe("2025-09-06");
  });

  it("keeps the date when the wanted day already has the right weekday, across a leap day", () => {
    const course = firstAidCourse({
      startsOn: "2024-02-27",
      endsOn: "2024-03-05",
      sessions: [
        { id: "a", date: "2024-02-27", from: "18:00", to: "21:00", units: 4 },
        { id: "b", date: "2024-03-05", from: "18:00", to: "21:00", units: 4 },
      ],
    });
    // 2025-02-25 is a Tuesday like 2024-02-27; a year later there is no 29 February in between.
    const copy = copyCourseRun(course, "2025-02-25");
    expect(copy.sessions.map((s) => s.date)).toEqual(["2025-02-25", "2025-03-04"]);
  });

  it("anchors on the earliest session even when sessions are listed out of order", () => {
    const course = firstAidCourse({
      startsOn: "2025-01-07",
      endsOn: "2025-01-14",
      sessions: [
        { id: "b", date: "2025-01-14", from: "18:00", to: "21:00", units: 4 },
        { id: "a", date: "2025-01-07", from: "18:00", to: "21:00", units: 4 },
      ],
    });
    expect(copyCourseRun(course, "2025-01-20").sessions.map((s) => s.date)).toEqual([
      "2025-01-28",
      "2025-01-21",
    ]);
  });

  it("reports sessions that land on closed days", () => {
    const course = firstAidCourse({ startsOn: "2025-03-15", endsOn: "2025-03-15" });
    const copy = copyCourseRun(course, "2025-12-20", ["2025-12-20"]);
    expect(copy.sessions[0]?.date).toBe("2025-12-20");
    expect(copy.sessionsOnClosedDays).toEqual([0, 1]);
  });
});

describe("checkPrerequisites", () => {
  const phase1: CompletedQualification = {
    category: "qhbPhase1",
    completedOn: "2024-06-30",
    validUntil: null,
  };
  const phase2Run = { category: "qhbPhase2" as const, isRefresher: false, startsOn: "2024-09-01" };

  it("requires phase 1 for phase 2", () => {
    expect(checkPrerequisites(phase2Run, [], NRW_RULES)).toEqual([
      { code: "prerequisiteMissing", category: "qhbPhase1" },
    ]);
    expect(checkPrerequisites(phase2Run, [phase1], NRW_RULES)).toEqual([]);
  });

  it("lets a refresher renew a certificate valid on its first day, up to and including the last valid day", () => {
    const firstAid: CompletedQualification = {
      category: "firstAidChildren",
      completedOn: "2023-03-15",
      validUntil: "2025-03-15",
    };
    const refresher = { category: "firstAidChildren" as const, isRefresher: true, startsOn: "2025-03-15" };
    expect(checkPrerequisites(refresher, [firstAid], NRW_RULES)).toEqual([]);
    expect(checkPrerequisites({ ...refresher, startsOn: "2025-03-16" }, [firstAid], NRW_RULES)).toEqual([
      { code: "fullCourseRequired", category: "firstAidChildren", validUntil: "2025-03-15" },
    ]);
    // Where a lapse is allowed, any earlier certificate will do.
    expect(
      checkPrerequisites({ ...refresher, startsOn: "2025-03-16" }, [firstAid], NRW_RULES, {
        refresherNeedsValidCertificate: false,
      }),
    ).toEqual([]);
  });

  it("judges the refresher by the latest certificate, not an older one", () => {
    const history: CompletedQualification[] = [
      { category: "firstAidChildren", completedOn: "2024-05-01", validUntil: "2026-05-01" },
      { category: "firstAidChildren", completedOn: "2020-05-01", validUntil: "2022-05-01" },
    ];
    const refresher = { category: "firstAidChildren" as const, isRefresher: true, startsOn: "2026-04-01" };
    expect(checkPrerequisites(refresher, history, NRW_RULES)).toEqual([]);
  });

  it("sends someone who never took the course to the full course", () => {
    const refresher = { category: "firstAidChildren" as const, isRefresher: true, startsOn: "2026-04-01" };
    expect(checkPrerequisites(refresher, [], NRW_RULES)).toEqual([
      { code: "fullCourseRequired", category: "firstAidChildren", validUntil: null },
    ]);
  });
});
