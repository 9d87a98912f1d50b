import type {
  AttendanceEntryInput,
  AttendanceSessionDto,
  AttendanceSheet,
} from "../../../../contracts/training-records";

/** What the trainer has marked for one participant in the session on screen (saved or not yet). */
export type AttendanceMark = Omit<AttendanceEntryInput, "participantId">;
/** Marks of one session by participant id. */
export type Marks = Record<string, AttendanceMark>;

/** Whether every confirmed participant has a record for the session. */
export function isSessionRecorded(sheet: AttendanceSheet, sessionId: string): boolean {
  const recorded = new Set(
    sheet.records.filter((r) => r.sessionId === sessionId).map((r) => r.participantId),
  );
  return sheet.participants.every((p) => recorded.has(p.participantId));
}

/**
 * The session to show first: today's once it has begun (the trainer opens the page in the room), otherwise the
 * earliest past one still to be marked, otherwise today's later one, otherwise the last one that has begun,
 * otherwise the first.
 */
export function defaultSession(sheet: AttendanceSheet): AttendanceSessionDto | undefined {
  const started = sheet.sessions.filter((s) => !s.isFuture);
  return (
    started.find((s) => s.date === sheet.today) ??
    started.find((s) => !isSessionRecorded(sheet, s.id)) ??
    sheet.sessions.find((s) => s.date === sheet.today) ??
    started.at(-1) ??
    sheet.sessions[0]
  );
}

/** The saved records of a session as marks. */
export function savedMarks(sheet: AttendanceSheet, sessionId: string): Marks {
  const marks: Marks = {};
  for (const record of sheet.records) {
    if (record.sessionId !== sessionId) continue;
    marks[record.participantId] = {
      status: record.status,
      lateUnits: record.lateUnits,
      earlyLeaveUnits: record.earlyLeaveUnits,
    };
  }
  return marks;
}

/**
 * "All present" in one tap: everyone not marked yet becomes present without lost units; what the trainer has
 * already marked (an excused absence, a late arrival) stays.
 */
export function markRestPresent(participantIds: readonly string[], marks: Marks): Marks {
  const next: Marks = { ...marks };
  for (const id of participantIds) next[id] ??= { status: "present", lateUnits: 0, earlyLeaveUnits: 0 };
  return next;
}

/**
 * Field errors of the API ("records.3.lateUnits") back at the participant they belong to: the index is the
 * position in the list that was sent.
 */
export function fieldErrorsByParticipant(
  fields: readonly { path: string; message: string }[],
  sent: readonly { participantId: string }[],
): Record<string, Record<string, string>> {
  const errors: Record<string, Record<string, string>> = {};
  for (const field of fields) {
    const match = /^records\.(\d+)\.(\w+)$/.exec(field.path);
    const participantId = match ? sent[Number(match[1])]?.participantId : undefined;
    if (!match || !participantId) continue;
    errors[participantId] = { ...errors[participantId], [match[2] as string]: field.message };
  }
  return errors;
}
