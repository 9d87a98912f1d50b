import { describe, expect, it } from "vitest";
import type { AttendanceSheet } from "../../../../contracts/training-records";
import {
  defaultSession,
  fieldErrorsByParticipant,
  isSessionRecorded,
  markRestPresent,
  savedMarks,
} from "./records-sheet";

const ADA = "00000000-0000-4000-8000-00000000000a";
const BEA = "00000000-0000-4000-8000-00000000000b";

function session(id: string, date: string, isFuture: boolean) {
  return { id, date, from: "09:00", to: "12:00", units: 4, place: "Raum 2", isFuture };
}

function sheet(
  sessions: AttendanceSheet["sessions"],
  records: { sessionId: string; participantId: string; status?: "present" | "excused" | "absent" }[] = [],
): AttendanceSheet {
  const summary = {
    plannedUnits: 12,
    attendedUnits: 0,
    excusedUnits: 0,
    missedUnits: 0,
    unrecordedSessionIds: [],
    upcomingSessionIds: [],
    lastAttendedOn: null,
    requiredUnits: 10,
  };
  return {
    course: {
      id: "00000000-0000-4000-8000-0000000000c1",
      title: "Eingewöhnung",
      category: "other",
      units: 12,
      minAttendancePercent: 80,
      startsOn: "2026-03-01",
      endsOn: "2026-03-10",
    },
    today: "2026-03-05",
    sessions,
    participants: [
      { participantId: ADA, name: "Ada", summary },
      { participantId: BEA, name: "Bea", summary },
    ],
    records: records.map((r) => ({
      sessionId: r.sessionId,
      participantId: r.participantId,
      status: r.status ?? "present",
      lateUnits: 0,
      earlyLeaveUnits: 0,
      attendedUnits: r.status === "present" || r.status === undefined ? 4 : 0,
      recordedAt: "2026-03-01T12:00:00Z",
    })),
  };
}

const past1 = session("s1", "2026-03-01", false);
const past2 = session("s2", "2026-03-03", false);
const today = session("s3", "2026-03-05", false);
const laterToday = session("s3", "2026-03-05", true);
const future = session("s4", "2026-03-10", true);

describe("the session the attendance page opens with", () => {
  it("is today's once it has begun, even when older ones are still open", () => {
    expect(defaultSession(sheet([past1, past2, today, future]))?.id).toBe("s3");
  });

  it("is otherwise the earliest past one not marked for everybody", () => {
    const data = sheet(
      [past1, past2, future],
      [
        { sessionId: "s1", participantId: ADA },
        { sessionId: "s1", participantId: BEA },
        { sessionId: "s2", participantId: ADA },
      ],
    );
    expect(isSessionRecorded(data, "s1")).toBe(true);
    expect(isSessionRecorded(data, "s2")).toBe(false);
    expect(defaultSession(data)?.id).toBe("s2");
  });

  it("is today's later session when every past one is marked, so the trainer sees when she can start", () => {
    const data = sheet(
      [past1, laterToday],
      [
        { sessionId: "s1", participantId: ADA },
        { sessionId: "s1", participantId: BEA },
      ],
    );
    expect(defaultSession(data)?.id).toBe("s3");
  });

  it("is the last past one when all are marked and nothing is today, and the first before the run begins", () => {
    const marked = sheet(
      [past1, past2, future],
      ["s1", "s2"].flatMap((sessionId) => [
        { sessionId, participantId: ADA },
        { sessionId, participantId: BEA },
      ]),
    );
    expect(defaultSession(marked)?.id).toBe("s2");
    expect(defaultSession(sheet([future, session("s5", "2026-03-12", true)]))?.id).toBe("s4");
    expect(defaultSession(sheet([]))).toBeUndefined();
  });
});

describe("marking a session", () => {
  it("reads the saved records of one session only", () => {
    const data = sheet(
      [past1, past2],
      [
        { sessionId: "s1", participantId: ADA, status: "excused" },
        { sessionId: "s2", participantId: BEA },
      ],
    );
    expect(savedMarks(data, "s1")).toEqual({
      [ADA]: { status: "excused", lateUnits: 0, earlyLeaveUnits: 0 },
    });
  });

  it("marks only those without a mark present, keeping an excused absence and a late arrival", () => {
    const marks = markRestPresent([ADA, BEA, "c"], {
      [ADA]: { status: "excused", lateUnits: 0, earlyLeaveUnits: 0 },
      [BEA]: { status: "present", lateUnits: 0.5, earlyLeaveUnits: 0 },
    });
    expect(marks).toEqual({
      [ADA]: { status: "excused", lateUnits: 0, earlyLeaveUnits: 0 },
      [BEA]: { status: "present", lateUnits: 0.5, earlyLeaveUnits: 0 },
      c: { status: "present", lateUnits: 0, earlyLeaveUnits: 0 },
    });
  });

  it("puts the API's field errors back at the participant by the index of the list sent", () => {
    const errors = fieldErrorsByParticipant(
      [
        { path: "records.1.lateUnits", message: "zu viel" },
        { path: "records.1.earlyLeaveUnits", message: "auch" },
        { path: "records.7.lateUnits", message: "niemand" },
        { path: "records", message: "allgemein" },
      ],
      [{ participantId: ADA }, { participantId: BEA }],
    );
    expect(errors).toEqual({ [BEA]: { lateUnits: "zu viel", earlyLeaveUnits: "auch" } });
  });
});
