/**
 * Attendance per session in teaching units, as a trainer marks it on the phone, and practice hours with the
 * place and its confirmation. Absence is recorded, not inferred: a session without a record is "not recorded"
 * yet, which completion.ts reports separately from a real absence.
 */

import { compareDates, daysBetween, isValidIsoDate } from "../shared/dates";
import type { CourseSession, PlaceKind } from "./catalogue";
import { isHalfUnitMultiple } from "./units";

/** "excused" counts no UE like "absent", but the certificate and the trainer's list show the difference. */
export type AttendanceStatus = "present" | "excused" | "absent";

export interface AttendanceRecord {
  sessionId: string;
  participantId: string;
  status: AttendanceStatus;
  /** UE missed by arriving late (half units; unitsLostForMinutes converts minutes). Only when present. */
  lateUnits?: number;
  /** UE missed by leaving early. Only when present. */
  earlyLeaveUnits?: number;
}

export type AttendanceProblemCode =
  | "lostUnitsInvalid"
  | "lostUnitsExceedSession"
  | "lostUnitsWithoutPresence";

export interface AttendanceProblem {
  code: AttendanceProblemCode;
  field: "lateUnits" | "earlyLeaveUnits";
  /** For "lostUnitsExceedSession": the session's UE. */
  sessionUnits?: number;
}

/**
 * Checks one record: lost UE are half-unit multiples, together no more than the session's UE, and only given
 * for a participant who was there.
 */
export function validateAttendance(
  session: Pick<CourseSession, "units">,
  record: AttendanceRecord,
): AttendanceProblem[] {
  const problems: AttendanceProblem[] = [];
  const late = record.lateUnits ?? 0;
  const early = record.earlyLeaveUnits ?? 0;
  for (const [field, value] of [
    ["lateUnits", late],
    ["earlyLeaveUnits", early],
  ] as const) {
    if (!isHalfUnitMultiple(value)) problems.push({ code: "lostUnitsInvalid", field });
    else if (value > 0 && record.status !== "present")
      problems.push({ code: "lostUnitsWithoutPresence", field });
  }
  if (problems.length === 0 && late + early > session.units)
    problems.push({ code: "lostUnitsExceedSession", field: "earlyLeaveUnits", sessionUnits: session.units });
  return problems;
}

/** UE attended in one session: its UE minus late and early-leave UE when present, otherwise 0. */
export function attendedUnits(
  session: Pick<CourseSession, "units">,
  record: AttendanceRecord | undefined,
): number {
  if (record?.status !== "present") return 0;
  return Math.max(0, session.units - (record.lateUnits ?? 0) - (record.earlyLeaveUnits ?? 0));
}

/** One participant's attendance in one run. */
export interface AttendanceSummary {
  plannedUnits: number;
  attendedUnits: number;
  /** UE of sessions with an excused absence. */
  excusedUnits: number;
  /** UE missed without excuse: absences plus late and early-leave UE. */
  missedUnits: number;
  /** Past sessions (up to and including `today`) without a record yet. */
  unrecordedSessionIds: string[];
  /** Sessions after `today`. */
  upcomingSessionIds: string[];
  /** The last session date with a present record; null when never present. */
  lastAttendedOn: string | null;
}

/**
 * Sums one participant's records over the run's sessions. Records of other participants or of sessions not
 * in the list are ignored, so the server may pass the run's whole attendance list.
 */
export function summariseAttendance(
  sessions: readonly CourseSession[],
  records: readonly AttendanceRecord[],
  participantId: string,
  today: string,
): AttendanceSummary {
  const bySession = new Map(
    records
      .filter((record) => record.participantId === participantId)
      .map((record) => [record.sessionId, record]),
  );
  const summary: AttendanceSummary = {
    plannedUnits: 0,
    attendedUnits: 0,
    excusedUnits: 0,
    missedUnits: 0,
    unrecordedSessionIds: [],
    upcomingSessionIds: [],
    lastAttendedOn: null,
  };
  for (const session of sessions) {
    summary.plannedUnits += session.units;
    const record = bySession.get(session.id);
    if (!record) {
      if (compareDates(session.date, today) > 0) summary.upcomingSessionIds.push(session.id);
      else summary.unrecordedSessionIds.push(session.id);
      continue;
    }
    const attended = attendedUnits(session, record);
    summary.attendedUnits += attended;
    if (record.status === "excused") summary.excusedUnits += session.units;
    else summary.missedUnits += session.units - attended;
    if (
      record.status === "present" &&
      (summary.lastAttendedOn === null || compareDates(session.date, summary.lastAttendedOn) > 0)
    )
      summary.lastAttendedOn = session.date;
  }
  return summary;
}

/** Practice in a Kita or with a day-care person (QHB phase 1), in clock hours. */
export interface PracticeEntry {
  id: string;
  placeKind: PlaceKind;
  /** Name of the Kita or day-care person, for the certificate and the coordinator. */
  placeName: string;
  from: string;
  to: string;
  hours: number;
  /** The day the place confirmed the hours; unconfirmed hours are shown but do not count. */
  confirmedOn: string | null;
}

/** Nobody works more than 10 hours a day (§ 3 ArbZG); more is a typing error. */
export const MAX_PRACTICE_HOURS_PER_DAY = 10;

export type PracticeProblemCode =
  | "hoursInvalid"
  | "datesInvalid"
  | "inFuture"
  | "hoursExceedDays"
  | "confirmedBeforeEnd";

export interface PracticeProblem {
  code: PracticeProblemCode;
  field: "hours" | "from" | "to" | "confirmedOn";
  /** For "hoursExceedDays": the most hours the period allows. */
  maxHours?: number;
}

/**
 * Checks a practice entry: quarter hours above zero, a period that has ended by `today`, at most 10 hours
 * per calendar day of the period, and a confirmation not before the period's end.
 */
export function validatePracticeEntry(entry: Omit<PracticeEntry, "id">, today: string): PracticeProblem[] {
  const problems: PracticeProblem[] = [];
  if (!(entry.hours > 0) || !Number.isInteger(entry.hours * 4))
    problems.push({ code: "hoursInvalid", field: "hours" });
  if (!isValidIsoDate(entry.from) || !isValidIsoDate(entry.to) || compareDates(entry.from, entry.to) > 0) {
    problems.push({ code: "datesInvalid", field: "to" });
    return problems;
  }
  if (compareDates(entry.to, today) > 0) problems.push({ code: "inFuture", field: "to" });
  const maxHours = (daysBetween(entry.from, entry.to) + 1) * MAX_PRACTICE_HOURS_PER_DAY;
  if (entry.hours > maxHours) problems.push({ code: "hoursExceedDays", field: "hours", maxHours });
  if (
    entry.confirmedOn !== null &&
    (!isValidIsoDate(entry.confirmedOn) || compareDates(entry.confirmedOn, entry.to) < 0)
  )
    problems.push({ code: "confirmedBeforeEnd", field: "confirmedOn" });
  return problems;
}

export type PracticeSummary = Record<PlaceKind, { confirmedHours: number; unconfirmedHours: number }>;

/** Confirmed and unconfirmed hours per kind of place. */
export function summarisePractice(entries: readonly PracticeEntry[]): PracticeSummary {
  const summary: PracticeSummary = {
    kita: { confirmedHours: 0, unconfirmedHours: 0 },
    dayCare: { confirmedHours: 0, unconfirmedHours: 0 },
  };
  for (const entry of entries) {
    const bucket = summary[entry.placeKind];
    if (entry.confirmedOn === null) bucket.unconfirmedHours += entry.hours;
    else bucket.confirmedHours += entry.hours;
  }
  return summary;
}
