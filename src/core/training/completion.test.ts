import { describe, expect, it } from "vitest";
import { type AttendanceSummary, type PracticeSummary, summariseAttendance } from "./attendance";
import { type AssessmentResult, evaluateCompletion, requiredAttendanceUnits } from "./completion";
import { firstAidCourse, weeklySessions } from "./test-support";

const NO_PRACTICE: PracticeSummary = {
  kita: { confirmedHours: 0, unconfirmedHours: 0 },
  dayCare: { confirmedHours: 0, unconfirmedHours: 0 },
};

function attendance(overrides: Partial<AttendanceSummary>): AttendanceSummary {
  return {
    plannedUnits: 160,
    attendedUnits: 160,
    excusedUnits: 0,
    missedUnits: 0,
    unrecordedSessionIds: [],
    upcomingSessionIds: [],
    lastAttendedOn: "2025-06-24",
    ...overrides,
  };
}

const qhbPhase1 = {
  units: 160,
  minAttendancePercent: 90,
  assessments: ["phaseAssessment"] as const,
  practiceHours: { kita: 40, dayCare: 40 },
};
const fullPractice: PracticeSummary = {
  kita: { confirmedHours: 40, unconfirmedHours: 0 },
  dayCare: { confirmedHours: 42, unconfirmedHours: 0 },
};
const passed: AssessmentResult = { kind: "phaseAssessment", passed: true, on: "2025-07-01" };

describe("requiredAttendanceUnits", () => {
  it("rounds the minimum share up to half units", () => {
    expect(requiredAttendanceUnits(160, 90)).toBe(144);
    expect(requiredAttendanceUnits(140, 90)).toBe(126);
    expect(requiredAttendanceUnits(9, 90)).toBe(8.5);
    expect(requiredAttendanceUnits(9, 100)).toBe(9);
    expect(requiredAttendanceUnits(2.5, 80)).toBe(2);
  });
});

describe("evaluateCompletion", () => {
  it("completes QHB phase 1 with 90 % attendance, the assessment and 40 + 40 practice hours", () => {
    const result = evaluateCompletion(qhbPhase1, {
      attendance: attendance({ attendedUnits: 144 }),
      practice: fullPractice,
      assessments: [passed],
    });
    expect(result).toEqual({
      isComplete: true,
      missing: [],
      requiredUnits: 144,
      attendedUnits: 144,
      completedOn: "2025-07-01",
    });
  });

  it("says exactly what is missing, with figures", () => {
    const result = evaluateCompletion(qhbPhase1, {
      attendance: attendance({ attendedUnits: 139.5 }),
      practice: {
        kita: { confirmedHours: 28, unconfirmedHours: 8 },
        dayCare: { confirmedHours: 40, unconfirmedHours: 0 },
      },
      assessments: [],
    });
    expect(result.isComplete).toBe(false);
    expect(result.completedOn).toBeNull();
    expect(result.missing).toEqual([
      { code: "attendanceBelowMinimum", requiredUnits: 144, attendedUnits: 139.5, missingUnits: 4.5 },
      { code: "assessmentMissing", assessment: "phaseAssessment" },
      {
        code: "practiceHoursMissing",
        placeKind: "kita",
        requiredHours: 40,
        confirmedHours: 28,
        unconfirmedHours: 8,
        missingHours: 12,
      },
    ]);
  });

  it("needs the colloquium as well as the assessment after phase 2; a failed attempt is named", () => {
    const phase2 = {
      ...qhbPhase1,
      units: 140,
      assessments: ["phaseAssessment", "colloquium"] as const,
      practiceHours: { kita: 0, dayCare: 0 },
    };
    const result = evaluateCompletion(phase2, {
      attendance: attendance({ plannedUnits: 140, attendedUnits: 140 }),
      practice: NO_PRACTICE,
      assessments: [passed, { kind: "colloquium", passed: false, on: "2025-07-10" }],
    });
    expect(result.missing).toEqual([{ code: "assessmentFailed", assessment: "colloquium", attempts: 1 }]);
    const retaken = evaluateCompletion(phase2, {
      attendance: attendance({ plannedUnits: 140, attendedUnits: 140 }),
      practice: NO_PRACTICE,
      assessments: [
        passed,
        { kind: "colloquium", passed: false, on: "2025-07-10" },
        { kind: "colloquium", passed: true, on: "2025-09-02" },
      ],
    });
    expect(retaken).toMatchObject({ isComplete: true, completedOn: "2025-09-02" });
  });

  it("does not complete while sessions are ahead or unrecorded, even with enough units", () => {
    const result = evaluateCompletion(qhbPhase1, {
      attendance: attendance({
        attendedUnits: 150,
        upcomingSessionIds: ["a", "b"],
        unrecordedSessionIds: ["c"],
      }),
      practice: fullPractice,
      assessments: [passed],
    });
    expect(result.missing).toEqual([
      { code: "sessionsUpcoming", sessions: 2 },
      { code: "attendanceNotRecorded", sessions: 1 },
    ]);
  });

  it("completes a first-aid day only with every unit: half a unit late is too much", () => {
    const course = firstAidCourse();
    const full = summariseAttendance(
      course.sessions,
      [
        { sessionId: "s1", participantId: "anna", status: "present" },
        { sessionId: "s2", participantId: "anna", status: "present" },
      ],
      "anna",
      "2025-03-15",
    );
    expect(
      evaluateCompletion(course, { attendance: full, practice: NO_PRACTICE, assessments: [] }),
    ).toMatchObject({
      isComplete: true,
      completedOn: "2025-03-15",
    });
    const partial = summariseAttendance(
      course.sessions,
      [
        { sessionId: "s1", participantId: "anna", status: "present", lateUnits: 0.5 },
        { sessionId: "s2", participantId: "anna", status: "present" },
      ],
      "anna",
      "2025-03-15",
    );
    expect(
      evaluateCompletion(course, { attendance: partial, practice: NO_PRACTICE, assessments: [] }).missing,
    ).toEqual([{ code: "attendanceBelowMinimum", requiredUnits: 9, attendedUnits: 8.5, missingUnits: 0.5 }]);
  });

  it("dates completion by the last attended session when no assessment is required", () => {
    const sessions = weeklySessions("2025-01-07", 3, 4);
    const summary = summariseAttendance(
      sessions,
      [
        { sessionId: "w1", participantId: "anna", status: "present" },
        { sessionId: "w2", participantId: "anna", status: "present" },
        { sessionId: "w3", participantId: "anna", status: "excused" },
      ],
      "anna",
      "2025-02-01",
    );
    const course = {
      units: 12,
      minAttendancePercent: 60,
      assessments: [],
      practiceHours: { kita: 0, dayCare: 0 },
    };
    expect(
      evaluateCompletion(course, { attendance: summary, practice: NO_PRACTICE, assessments: [] }),
    ).toMatchObject({ isComplete: true, requiredUnits: 7.5, attendedUnits: 8, completedOn: "2025-01-14" });
  });
});
