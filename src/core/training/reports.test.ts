import { describe, expect, it } from "vitest";
import type { AttendanceRecord } from "./attendance";
import { type ReportInput, type ReportRun, trainingReport } from "./reports";
import { firstAidCourse, weeklySessions } from "./test-support";

const today = "2025-06-01";

function firstAidRun(overrides: Partial<ReportRun> = {}): ReportRun {
  return { ...firstAidCourse(), title: "Erste Hilfe am Kind", isCancelled: false, ...overrides };
}

/** QHB phase 1 cut down to 5 evenings of 4 UE (20 UE), 2 of them held by `today`, with 10 + 10 practice hours. */
function qhbRun(): ReportRun {
  return {
    id: "qhb-1",
    category: "qhbPhase1",
    title: "QHB Grundqualifizierung 2025",
    units: 20,
    minAttendancePercent: 90,
    assessments: ["phaseAssessment"],
    practiceHours: { kita: 10, dayCare: 10 },
    capacity: 15,
    startsOn: "2025-05-20",
    endsOn: "2025-06-17",
    sessions: weeklySessions("2025-05-20", 5),
    isCancelled: false,
  };
}

const present = (sessionId: string, participantId: string, lateUnits = 0): AttendanceRecord => ({
  sessionId,
  participantId,
  status: "present",
  lateUnits,
});

function input(overrides: Partial<ReportInput>): ReportInput {
  return {
    runs: [],
    bookings: [],
    attendance: [],
    assessments: [],
    practice: [],
    certificates: [],
    today,
    ...overrides,
  };
}

describe("trainingReport: a finished first-aid run", () => {
  // Three confirmed, one cancelled, one still waiting. Anna attended all 9 UE, Ben left 1 UE early in the
  // afternoon (8 UE < 9 required at 100 %), Cem was excused in the morning (5 UE).
  const report = trainingReport(
    input({
      runs: [firstAidRun()],
      bookings: [
        { runId: "fa-1", participantId: "anna", status: "confirmed" },
        { runId: "fa-1", participantId: "ben", status: "confirmed" },
        { runId: "fa-1", participantId: "cem", status: "confirmed" },
        { runId: "fa-1", participantId: "dora", status: "cancelled" },
        { runId: "fa-1", participantId: "emil", status: "waiting" },
      ],
      attendance: [
        present("s1", "anna"),
        present("s2", "anna"),
        present("s1", "ben"),
        { sessionId: "s2", participantId: "ben", status: "present", earlyLeaveUnits: 1 },
        { sessionId: "s1", participantId: "cem", status: "excused" },
        present("s2", "cem"),
      ],
      certificates: [{ runId: "fa-1", participantId: "anna" }],
    }),
  );

  it("counts participants, cancellations and the waiting list separately", () => {
    expect(report.runs[0]).toMatchObject({
      participants: 3,
      cancellations: 1,
      waiting: 1,
      isFinished: true,
      sessionsHeld: 2,
      unitsTaught: 9,
    });
  });

  it("sums attended UE and derives the rates from them", () => {
    const row = report.runs[0];
    expect(row?.unitsAttended).toBe(9 + 8 + 5);
    expect(row?.completed).toBe(1);
    expect(row?.certified).toBe(1);
    expect(row?.completionRate).toBeCloseTo(1 / 3);
    expect(row?.attendanceRate).toBeCloseTo(22 / 27);
  });

  it("adds the run to its year and category", () => {
    expect(report.years).toEqual([
      {
        year: 2025,
        category: "firstAidChildren",
        runs: 1,
        cancelledRuns: 0,
        participants: 3,
        cancellations: 1,
        unitsTaught: 9,
        unitsAttended: 22,
        finishedParticipants: 3,
        completed: 1,
        completionRate: 1 / 3,
        waitingNow: 0,
      },
    ]);
  });
});

describe("trainingReport: runs still open and cancelled", () => {
  it("gives no completion rate while a run is open and waits are counted only before the start", () => {
    const upcoming = firstAidRun({
      id: "fa-2",
      startsOn: "2025-09-13",
      endsOn: "2025-09-13",
      sessions: [{ id: "u1", date: "2025-09-13", from: "08:30", to: "16:45", units: 9 }],
    });
    const report = trainingReport(
      input({
        runs: [upcoming],
        bookings: [
          { runId: "fa-2", participantId: "a", status: "confirmed" },
          { runId: "fa-2", participantId: "b", status: "waiting" },
          { runId: "fa-2", participantId: "c", status: "waiting" },
        ],
      }),
    );
    expect(report.runs[0]).toMatchObject({
      isFinished: false,
      completionRate: null,
      attendanceRate: null,
      unitsTaught: 0,
    });
    expect(report.years[0]).toMatchObject({ waitingNow: 2, completionRate: null, finishedParticipants: 0 });
  });

  it("leaves a cancelled run out of the year's runs, UE and participants but counts it as cancelled", () => {
    const report = trainingReport(
      input({
        runs: [
          firstAidRun(),
          firstAidRun({
            id: "fa-x",
            isCancelled: true,
            sessions: [{ id: "x1", date: "2025-03-15", from: "08:30", to: "16:45", units: 9 }],
          }),
        ],
        bookings: [
          { runId: "fa-1", participantId: "a", status: "confirmed" },
          { runId: "fa-x", participantId: "b", status: "cancelled" },
        ],
        attendance: [present("s1", "a"), present("s2", "a")],
      }),
    );
    expect(report.years[0]).toMatchObject({
      runs: 1,
      cancelledRuns: 1,
      participants: 1,
      cancellations: 1,
      unitsTaught: 9,
      completed: 1,
      completionRate: 1,
    });
    expect(report.runs.find((r) => r.runId === "fa-x")).toMatchObject({
      unitsTaught: 0,
      completionRate: null,
    });
  });
});

describe("trainingReport: QHB cohort progress", () => {
  // Two of five evenings held (8 UE). 90 % of 8 = 7.2, rounded up to 7.5 UE needed to be on track.
  const report = trainingReport(
    input({
      runs: [qhbRun()],
      bookings: ["p1", "p2", "p3"].map((participantId) => ({
        runId: "qhb-1",
        participantId,
        status: "confirmed" as const,
      })),
      attendance: [
        present("w1", "p1"),
        present("w2", "p1"),
        present("w1", "p2"),
        present("w2", "p2", 0.5),
        present("w1", "p3"),
        { sessionId: "w2", participantId: "p3", status: "absent" },
      ],
      assessments: [
        { runId: "qhb-1", participantId: "p1", kind: "phaseAssessment", passed: false, on: "2025-05-27" },
        { runId: "qhb-1", participantId: "p1", kind: "phaseAssessment", passed: true, on: "2025-05-30" },
      ],
      practice: [
        {
          runId: "qhb-1",
          participantId: "p1",
          id: "e1",
          placeKind: "kita",
          placeName: "Kita Sonnenschein",
          from: "2025-05-05",
          to: "2025-05-09",
          hours: 12,
          confirmedOn: "2025-05-12",
        },
        {
          runId: "qhb-1",
          participantId: "p2",
          id: "e2",
          placeKind: "dayCare",
          placeName: "Tagespflege Lütt",
          from: "2025-05-05",
          to: "2025-05-06",
          hours: 6,
          confirmedOn: null,
        },
      ],
    }),
  );

  it("reports the median, who is on track, practice hours and assessments", () => {
    expect(report.cohorts).toEqual([
      {
        runId: "qhb-1",
        title: "QHB Grundqualifizierung 2025",
        category: "qhbPhase1",
        startsOn: "2025-05-20",
        endsOn: "2025-06-17",
        participants: 3,
        unitsPlanned: 20,
        unitsTaughtSoFar: 8,
        medianUnitsAttended: 7.5,
        onTrack: 2,
        practiceHoursRequired: 60,
        // p1's 12 Kita hours count as the 10 her run requires; p2's hours are not confirmed yet.
        practiceHoursConfirmed: 10,
        assessmentsPassed: 1,
        completed: 0,
      },
    ]);
  });

  it("lists only QHB runs as cohorts", () => {
    const mixed = trainingReport(input({ runs: [qhbRun(), firstAidRun()] }));
    expect(mixed.cohorts.map((c) => c.runId)).toEqual(["qhb-1"]);
    expect(mixed.runs.map((r) => r.runId)).toEqual(["fa-1", "qhb-1"]);
  });
});
