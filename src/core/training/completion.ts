/**
 * Whether a participant has completed a course run and, if not, exactly what is missing — as codes with the
 * figures, so the trainer's list can say "noch 4,5 UE, Kolloquium fehlt, 12 h Praxis in der Kita" and the
 * account can total it.
 */

import { compareDates } from "../shared/dates";
import type { AttendanceSummary, PracticeSummary } from "./attendance";
import type { AssessmentKind, Course, PlaceKind } from "./catalogue";
import { ceilHalfUnits } from "./units";

export interface AssessmentResult {
  kind: AssessmentKind;
  passed: boolean;
  on: string;
}

export type MissingRequirement =
  /** Sessions still ahead: the run is not over. */
  | { code: "sessionsUpcoming"; sessions: number }
  /** Past sessions without an attendance record: the trainer has not marked them yet. */
  | { code: "attendanceNotRecorded"; sessions: number }
  | { code: "attendanceBelowMinimum"; requiredUnits: number; attendedUnits: number; missingUnits: number }
  | { code: "assessmentMissing"; assessment: AssessmentKind }
  | { code: "assessmentFailed"; assessment: AssessmentKind; attempts: number }
  | {
      code: "practiceHoursMissing";
      placeKind: PlaceKind;
      requiredHours: number;
      confirmedHours: number;
      /** Hours entered but not yet confirmed by the place: they would close (part of) the gap. */
      unconfirmedHours: number;
      missingHours: number;
    };

export interface CompletionResult {
  isComplete: boolean;
  missing: MissingRequirement[];
  requiredUnits: number;
  attendedUnits: number;
  /**
   * The completion date the certificate carries: the later of the last attended session and the last passed
   * assessment the course requires. Null while not complete.
   */
  completedOn: string | null;
}

/**
 * The UE a participant must attend: the course's minimum share, rounded up to the next half unit because it
 * is a minimum (90 % of 160 UE = 144 UE; 90 % of 9 UE = 8.1, so 8.5 UE).
 */
export function requiredAttendanceUnits(units: number, minAttendancePercent: number): number {
  return ceilHalfUnits(units, minAttendancePercent, 100);
}

/**
 * Evaluates the completion rules of one run for one participant: the minimum share of UE attended (measured
 * against the sessions' UE, which validateCourse keeps equal to the course's), every required assessment
 * passed at least once, the practice hours per place confirmed. Unrecorded and upcoming sessions block
 * completion, even when the minimum is already reached, because the certificate is issued on the complete
 * list.
 */
export function evaluateCompletion(
  course: Pick<Course, "units" | "minAttendancePercent" | "assessments" | "practiceHours">,
  input: {
    attendance: AttendanceSummary;
    practice: PracticeSummary;
    assessments: readonly AssessmentResult[];
  },
): CompletionResult {
  const { attendance, practice, assessments } = input;
  const missing: MissingRequirement[] = [];
  if (attendance.upcomingSessionIds.length > 0)
    missing.push({ code: "sessionsUpcoming", sessions: attendance.upcomingSessionIds.length });
  if (attendance.unrecordedSessionIds.length > 0)
    missing.push({ code: "attendanceNotRecorded", sessions: attendance.unrecordedSessionIds.length });

  const requiredUnits = requiredAttendanceUnits(course.units, course.minAttendancePercent);
  if (attendance.attendedUnits < requiredUnits)
    missing.push({
      code: "attendanceBelowMinimum",
      requiredUnits,
      attendedUnits: attendance.attendedUnits,
      missingUnits: requiredUnits - attendance.attendedUnits,
    });

  let lastDate = attendance.lastAttendedOn;
  for (const kind of new Set(course.assessments)) {
    const attempts = assessments.filter((result) => result.kind === kind);
    const passed = attempts.filter((result) => result.passed).sort((a, b) => compareDates(a.on, b.on))[0];
    if (passed) {
      if (lastDate === null || compareDates(passed.on, lastDate) > 0) lastDate = passed.on;
    } else if (attempts.length === 0) missing.push({ code: "assessmentMissing", assessment: kind });
    else missing.push({ code: "assessmentFailed", assessment: kind, attempts: attempts.length });
  }

  for (const placeKind of ["kita", "dayCare"] as const) {
    const requiredHours = course.practiceHours[placeKind];
    const { confirmedHours, unconfirmedHours } = practice[placeKind];
    if (confirmedHours < requiredHours)
      missing.push({
        code: "practiceHoursMissing",
        placeKind,
        requiredHours,
        confirmedHours,
        unconfirmedHours,
        missingHours: requiredHours - confirmedHours,
      });
  }

  const isComplete = missing.length === 0;
  return {
    isComplete,
    missing,
    requiredUnits,
    attendedUnits: attendance.attendedUnits,
    completedOn: isComplete ? lastDate : null,
  };
}
