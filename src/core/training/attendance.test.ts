import { describe, expect, it } from "vitest";
import {
  type AttendanceRecord,
  attendedUnits,
  type PracticeEntry,
  summariseAttendance,
  summarisePractice,
  validateAttendance,
  validatePracticeEntry,
} from "./attendance";
import { firstAidCourse, weeklySessions } from "./test-support";
import { unitsLostForMinutes } from "./units";

const present = (sessionId: string, extra: Partial<AttendanceRecord> = {}): AttendanceRecord => ({
  sessionId,
  participantId: "anna",
  status: "present",
  ...extra,
});

describe("attendedUnits", () => {
  it("subtracts late and early-leave units from the session's units", () => {
    expect(attendedUnits({ units: 4 }, present("s"))).toBe(4);
    expect(attendedUnits({ units: 4 }, present("s", { lateUnits: 0.5, earlyLeaveUnits: 1 }))).toBe(2.5);
    // 20 minutes late in a 4-UE evening: half a unit lost.
    expect(attendedUnits({ units: 4 }, present("s", { lateUnits: unitsLostForMinutes(20) }))).toBe(3.5);
  });

  it("counts nothing for an excused or unexcused absence and for no record", () => {
    expect(attendedUnits({ units: 4 }, { sessionId: "s", participantId: "a", status: "excused" })).toBe(0);
    expect(attendedUnits({ units: 4 }, { sessionId: "s", participantId: "a", status: "absent" })).toBe(0);
    expect(attendedUnits({ units: 4 }, undefined)).toBe(0);
  });

  it("never goes below zero", () => {
    expect(attendedUnits({ units: 1 }, present("s", { lateUnits: 1, earlyLeaveUnits: 1 }))).toBe(0);
  });
});

describe("validateAttendance", () => {
  it("accepts half units and refuses quarter units", () => {
    expect(validateAttendance({ units: 4 }, present("s", { lateUnits: 1.5 }))).toEqual([]);
    expect(validateAttendance({ units: 4 }, present("s", { lateUnits: 0.25 }))).toEqual([
      { code: "lostUnitsInvalid", field: "lateUnits" },
    ]);
  });

  it("refuses more lost units than the session has, and lost units of someone absent", () => {
    expect(validateAttendance({ units: 4 }, present("s", { lateUnits: 3, earlyLeaveUnits: 1.5 }))).toEqual([
      { code: "lostUnitsExceedSession", field: "earlyLeaveUnits", sessionUnits: 4 },
    ]);
    expect(
      validateAttendance(
        { units: 4 },
        { sessionId: "s", participantId: "a", status: "excused", lateUnits: 1 },
      ),
    ).toEqual([{ code: "lostUnitsWithoutPresence", field: "lateUnits" }]);
  });
});

describe("summariseAttendance", () => {
  const sessions = weeklySessions("2025-01-07", 4); // 4 × 4 UE on 7, 14, 21, 28 January
  const records: AttendanceRecord[] = [
    present("w1"),
    present("w2", { earlyLeaveUnits: 1.5 }),
    { sessionId: "w3", participantId: "anna", status: "excused" },
    present("w1", { participantId: "ben" }),
    present("unknown"),
  ];

  it("sums attended, excused and missed units and lists unrecorded and upcoming sessions", () => {
    expect(summariseAttendance(sessions, records, "anna", "2025-01-28")).toEqual({
      plannedUnits: 16,
      attendedUnits: 6.5,
      excusedUnits: 4,
      missedUnits: 1.5,
      unrecordedSessionIds: ["w4"],
      upcomingSessionIds: [],
      lastAttendedOn: "2025-01-14",
    });
    const earlier = summariseAttendance(sessions, records, "anna", "2025-01-27");
    expect(earlier.unrecordedSessionIds).toEqual([]);
    expect(earlier.upcomingSessionIds).toEqual(["w4"]);
  });

  it("counts an unexcused absence as missed", () => {
    const summary = summariseAttendance(
      firstAidCourse().sessions,
      [present("s1"), { sessionId: "s2", participantId: "anna", status: "absent" }],
      "anna",
      "2025-03-15",
    );
    expect(summary).toMatchObject({ attendedUnits: 4, missedUnits: 5, excusedUnits: 0 });
  });
});

describe("practice hours", () => {
  const entry: Omit<PracticeEntry, "id"> = {
    placeKind: "kita",
    placeName: "Kita Sonnenschein",
    from: "2025-02-03",
    to: "2025-02-07",
    hours: 40,
    confirmedOn: "2025-02-07",
  };

  it("accepts a confirmed week of 40 hours and quarter hours", () => {
    expect(validatePracticeEntry(entry, "2025-02-10")).toEqual([]);
    expect(validatePracticeEntry({ ...entry, hours: 7.75 }, "2025-02-10")).toEqual([]);
  });

  it("refuses more than 10 hours a day, odd fractions, future periods and early confirmations", () => {
    expect(validatePracticeEntry({ ...entry, hours: 51 }, "2025-02-10")).toEqual([
      { code: "hoursExceedDays", field: "hours", maxHours: 50 },
    ]);
    expect(validatePracticeEntry({ ...entry, hours: 7.1 }, "2025-02-10")).toEqual([
      { code: "hoursInvalid", field: "hours" },
    ]);
    expect(validatePracticeEntry(entry, "2025-02-06").map((p) => p.code)).toEqual(["inFuture"]);
    expect(validatePracticeEntry({ ...entry, confirmedOn: "2025-02-06" }, "2025-02-10")).toEqual([
      { code: "confirmedBeforeEnd", field: "confirmedOn" },
    ]);
    expect(validatePracticeEntry({ ...entry, to: "2025-02-01" }, "2025-02-10")).toEqual([
      { code: "datesInvalid", field: "to" },
    ]);
  });

  it("sums confirmed and unconfirmed hours per kind of place", () => {
    const entries: PracticeEntry[] = [
      { ...entry, id: "1" },
      { ...entry, id: "2", placeKind: "dayCare", hours: 24, confirmedOn: null },
      { ...entry, id: "3", placeKind: "dayCare", hours: 16 },
    ];
    expect(summarisePractice(entries)).toEqual({
      kita: { confirmedHours: 40, unconfirmedHours: 0 },
      dayCare: { confirmedHours: 16, unconfirmedHours: 24 },
    });
  });
});
