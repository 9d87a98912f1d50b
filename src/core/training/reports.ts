/**
 * Figures on the organisation's training offer, for its own planning and for the reports the federal QHB
 * programme and the youth office ask for: participation per run and year, completion rate, UE taught and
 * attended, the waiting lists, and how each QHB cohort is progressing.
 *
 * Counting rules, so that two readers of a report get the same numbers:
 * - participants are the confirmed bookings of a run (a cancelled or moved-out booking is not one; a
 *   cancellation is counted separately);
 * - a run is finished once its last day is before today; the completion rate counts only finished runs,
 *   because an open run would lower it with people who simply have not finished yet;
 * - UE taught are the UE of the sessions held (up to and including today) of runs not cancelled; UE
 *   attended are what the attendance records give, summed over participants.
 */

import { compareDates } from "../shared/dates";
import {
  type AttendanceRecord,
  type PracticeEntry,
  summariseAttendance,
  summarisePractice,
} from "./attendance";
import type { BookingStatus } from "./booking";
import type { Course, CourseCategory } from "./catalogue";
import { type AssessmentResult, evaluateCompletion, requiredAttendanceUnits } from "./completion";

export interface ReportRun
  extends Pick<
    Course,
    | "id"
    | "category"
    | "units"
    | "minAttendancePercent"
    | "assessments"
    | "practiceHours"
    | "capacity"
    | "startsOn"
    | "endsOn"
    | "sessions"
  > {
  title: string;
  isCancelled: boolean;
}

export interface ReportInput {
  runs: readonly ReportRun[];
  bookings: readonly { runId: string; participantId: string; status: BookingStatus }[];
  attendance: readonly AttendanceRecord[];
  assessments: readonly (AssessmentResult & { runId: string; participantId: string })[];
  practice: readonly (PracticeEntry & { runId: string; participantId: string })[];
  /** Issued (not superseded or revoked) certificates of the organisation's runs. */
  certificates: readonly { runId: string; participantId: string }[];
  today: string;
}

export interface RunReportRow {
  runId: string;
  title: string;
  category: CourseCategory;
  year: number;
  startsOn: string;
  endsOn: string;
  isCancelled: boolean;
  isFinished: boolean;
  capacity: number;
  participants: number;
  waiting: number;
  cancellations: number;
  sessionsHeld: number;
  sessionsPlanned: number;
  unitsTaught: number;
  unitsAttended: number;
  completed: number;
  certified: number;
  /** Completed ÷ participants of a finished run; null while it runs or without participants. */
  completionRate: number | null;
  /** UE attended ÷ (participants × UE taught); null before the first session or without participants. */
  attendanceRate: number | null;
}

export interface YearReportRow {
  year: number;
  category: CourseCategory;
  runs: number;
  cancelledRuns: number;
  participants: number;
  cancellations: number;
  unitsTaught: number;
  unitsAttended: number;
  /** Over finished runs only. */
  finishedParticipants: number;
  completed: number;
  completionRate: number | null;
  /** People on the waiting lists of runs that have not started yet. */
  waitingNow: number;
}

export interface CohortReportRow {
  runId: string;
  title: string;
  category: "qhbPhase1" | "qhbPhase2";
  startsOn: string;
  endsOn: string;
  participants: number;
  unitsPlanned: number;
  unitsTaughtSoFar: number;
  /** Median of the participants' attended UE; null without participants. */
  medianUnitsAttended: number | null;
  /**
   * Participants who attended at least the course's minimum share of the UE taught so far: they can still
   * finish without extra sessions.
   */
  onTrack: number;
  practiceHoursRequired: number;
  /** Confirmed practice hours summed over participants, each capped at what her run requires. */
  practiceHoursConfirmed: number;
  assessmentsPassed: number;
  completed: number;
}

export interface TrainingReport {
  runs: RunReportRow[];
  years: YearReportRow[];
  cohorts: CohortReportRow[];
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

interface RunFigures {
  row: RunReportRow;
  participantIds: string[];
  attendedByParticipant: number[];
  passedAssessments: number;
  practiceConfirmed: number;
}

function runFigures(run: ReportRun, input: ReportInput, indexes: Indexes): RunFigures {
  const bookings = indexes.bookings.get(run.id) ?? [];
  const participantIds = bookings.filter((b) => b.status === "confirmed").map((b) => b.participantId);
  const isFinished = compareDates(run.endsOn, input.today) < 0;
  const held = run.isCancelled ? [] : run.sessions.filter((s) => compareDates(s.date, input.today) <= 0);
  const unitsTaught = held.reduce((sum, s) => sum + s.units, 0);
  const records = indexes.attendance.get(run.id) ?? [];
  const assessments = indexes.assessments.get(run.id) ?? [];
  const practice = indexes.practice.get(run.id) ?? [];
  const certified = new Set((indexes.certificates.get(run.id) ?? []).map((c) => c.participantId));

  let completed = 0;
  let passedAssessments = 0;
  let practiceConfirmed = 0;
  const attendedByParticipant: number[] = [];
  for (const participantId of participantIds) {
    const attendance = summariseAttendance(run.sessions, records, participantId, input.today);
    const practiceSummary = summarisePractice(practice.filter((p) => p.participantId === participantId));
    const own = assessments.filter((a) => a.participantId === participantId);
    attendedByParticipant.push(attendance.attendedUnits);
    const result = evaluateCompletion(run, { attendance, practice: practiceSummary, assessments: own });
    // An issued certificate is completion on record, even if attendance was corrected since.
    if (result.isComplete || certified.has(participantId)) completed += 1;
    passedAssessments += new Set(own.filter((a) => a.passed).map((a) => a.kind)).size;
    practiceConfirmed +=
      Math.min(practiceSummary.kita.confirmedHours, run.practiceHours.kita) +
      Math.min(practiceSummary.dayCare.confirmedHours, run.practiceHours.dayCare);
  }
  const unitsAttended = attendedByParticipant.reduce((sum, units) => sum + units, 0);
  const participants = participantIds.length;
  return {
    participantIds,
    attendedByParticipant,
    passedAssessments,
    practiceConfirmed,
    row: {
      runId: run.id,
      title: run.title,
      category: run.category,
      year: Number(run.startsOn.slice(0, 4)),
      startsOn: run.startsOn,
      endsOn: run.endsOn,
      isCancelled: run.isCancelled,
      isFinished,
      capacity: run.capacity,
      participants,
      waiting: bookings.filter((b) => b.status === "waiting").length,
      cancellations: bookings.filter((b) => b.status === "cancelled").length,
      sessionsHeld: held.length,
      sessionsPlanned: run.sessions.length,
      unitsTaught,
      unitsAttended,
      completed,
      certified: participantIds.filter((id) => certified.has(id)).length,
      completionRate: isFinished && !run.isCancelled ? ratio(completed, participants) : null,
      attendanceRate: ratio(unitsAttended, participants * unitsTaught),
    },
  };
}

interface Indexes {
  bookings: Map<string, ReportInput["bookings"][number][]>;
  attendance: Map<string, AttendanceRecord[]>;
  assessments: Map<string, ReportInput["assessments"][number][]>;
  practice: Map<string, ReportInput["practice"][number][]>;
  certificates: Map<string, ReportInput["certificates"][number][]>;
}

/** The whole report; runs sorted by start, years newest first, then by category. */
export function trainingReport(input: ReportInput): TrainingReport {
  const sessionRun = new Map<string, string>();
  for (const run of input.runs) for (const session of run.sessions) sessionRun.set(session.id, run.id);
  const indexes: Indexes = {
    bookings: groupBy(input.bookings, (b) => b.runId),
    attendance: groupBy(
      input.attendance.filter((r) => sessionRun.has(r.sessionId)),
      (r) => sessionRun.get(r.sessionId) as string,
    ),
    assessments: groupBy(input.assessments, (a) => a.runId),
    practice: groupBy(input.practice, (p) => p.runId),
    certificates: groupBy(input.certificates, (c) => c.runId),
  };

  const figures = [...input.runs]
    .sort((a, b) => compareDates(a.startsOn, b.startsOn) || a.title.localeCompare(b.title))
    .map((run) => ({ run, ...runFigures(run, input, indexes) }));

  const years = [...groupBy(figures, (f) => `${f.row.year}|${f.row.category}`).values()].map((group) => {
    const first = group[0] as (typeof group)[number];
    const counted = group.filter((f) => !f.row.isCancelled);
    const finished = counted.filter((f) => f.row.isFinished);
    const finishedParticipants = finished.reduce((sum, f) => sum + f.row.participants, 0);
    const completed = finished.reduce((sum, f) => sum + f.row.completed, 0);
    return {
      year: first.row.year,
      category: first.row.category,
      runs: counted.length,
      cancelledRuns: group.length - counted.length,
      participants: counted.reduce((sum, f) => sum + f.row.participants, 0),
      cancellations: group.reduce((sum, f) => sum + f.row.cancellations, 0),
      unitsTaught: counted.reduce((sum, f) => sum + f.row.unitsTaught, 0),
      unitsAttended: counted.reduce((sum, f) => sum + f.row.unitsAttended, 0),
      finishedParticipants,
      completed,
      completionRate: ratio(completed, finishedParticipants),
      waitingNow: counted
        .filter((f) => compareDates(f.row.startsOn, input.today) > 0)
        .reduce((sum, f) => sum + f.row.waiting, 0),
    } satisfies YearReportRow;
  });
  years.sort((a, b) => b.year - a.year || a.category.localeCompare(b.category));

  const cohorts: CohortReportRow[] = figures
    .filter(
      (f): f is typeof f & { run: ReportRun & { category: "qhbPhase1" | "qhbPhase2" } } =>
        (f.run.category === "qhbPhase1" || f.run.category === "qhbPhase2") && !f.run.isCancelled,
    )
    .map((f) => {
      const requiredSoFar = requiredAttendanceUnits(f.row.unitsTaught, f.run.minAttendancePercent);
      return {
        runId: f.run.id,
        title: f.run.title,
        category: f.run.category,
        startsOn: f.run.startsOn,
        endsOn: f.run.endsOn,
        participants: f.row.participants,
        unitsPlanned: f.run.units,
        unitsTaughtSoFar: f.row.unitsTaught,
        medianUnitsAttended: median(f.attendedByParticipant),
        onTrack: f.attendedByParticipant.filter((units) => units >= requiredSoFar).length,
        practiceHoursRequired: (f.run.practiceHours.kita + f.run.practiceHours.dayCare) * f.row.participants,
        practiceHoursConfirmed: f.practiceConfirmed,
        assessmentsPassed: f.passedAssessments,
        completed: f.row.completed,
      };
    });

  return { runs: figures.map((f) => f.row), years, cohorts };
}
