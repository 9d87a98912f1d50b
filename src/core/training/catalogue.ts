/**
 * The course catalogue: categories with the defaults the domain gives (QHB phases, first aid, infection
 * protection), the prerequisites of a booking, the checks of a course run before it is published, and the
 * copy of a recurring course to its next run.
 *
 * A "course" here is one run: its dates, sessions and capacity. Runs of the same offer share a `seriesId`;
 * a participant can be moved only between runs of one series (booking.ts).
 */

import { hhmmToMinutes } from "../caregivers/capacity";
import type { StateRules } from "../organisations/presets";
import { addDays, compareDates, daysBetween, isValidIsoDate, weekdayIndex } from "../shared/dates";
import { isHalfUnitMultiple, unitsFittingMinutes } from "./units";

/** Stable codes stored with every course; they are part of the API, so never rename one. */
export const COURSE_CATEGORIES = [
  "qhbPhase1",
  "qhbPhase2",
  "additionalQualification",
  "firstAidChildren",
  "infectionProtection",
  "dataProtection",
  "bgw",
  "parentCommunication",
  "other",
] as const;
export type CourseCategory = (typeof COURSE_CATEGORIES)[number];

/** Who a run is for: anyone (guests book without an account), the organisation's members, or its day-care persons. */
export type CourseAudience = "public" | "members" | "caregivers";

/** How someone books: a guest without an account, a member, or a member with a day-care role (or substitute). */
export type BookerKind = "guest" | "member" | "caregiver";

const AUDIENCES_OPEN_TO: Record<BookerKind, readonly CourseAudience[]> = {
  guest: ["public"],
  member: ["public", "members"],
  caregiver: ["public", "members", "caregivers"],
};

/** The audiences whose runs this kind of booker may see and book. */
export function audiencesOpenTo(booker: BookerKind): readonly CourseAudience[] {
  return AUDIENCES_OPEN_TO[booker];
}

/** An assessment a course ends with: the QHB ends each phase with one and phase 2 also with a colloquium. */
export type AssessmentKind = "phaseAssessment" | "colloquium";

/** Where practice hours are done: in a Kita or with a day-care person. */
export type PlaceKind = "kita" | "dayCare";

/** Practice hours (clock hours, not UE) per kind of place. */
export type PracticeHours = Record<PlaceKind, number>;

/** The defaults a new course of a category starts from; the organisation may change each of them per course. */
export interface CategoryDefaults {
  /** Teaching units; null where the domain names no figure and the organisation must enter one. */
  units: number | null;
  practiceHours: PracticeHours;
  /** Months the certificate is valid; null when it never expires (QHB, most further trainings). */
  validityMonths: number | null;
  /** Categories that must be completed before a booking. */
  prerequisites: readonly CourseCategory[];
  assessments: readonly AssessmentKind[];
  /** Least share of the course's UE attended, in whole percent (integers keep the arithmetic exact). */
  minAttendancePercent: number;
  /** Whether the UE count towards the yearly further-training obligation (account.ts). */
  countsTowardsObligation: boolean;
}

type CatalogueRules = Pick<StateRules, "firstAidRefreshMonths" | "infectionProtectionRefreshMonths">;

const NO_PRACTICE: PracticeHours = { kita: 0, dayCare: 0 };

/** QHB phase 1: 160 UE before starting, with 80 hours of practice (DOMAIN.md). */
export const QHB_PHASE1_UNITS = 160;
/** QHB phase 2: 140 UE alongside the work. */
export const QHB_PHASE2_UNITS = 140;
export const QHB_PHASE1_PRACTICE: PracticeHours = { kita: 40, dayCare: 40 };
/** Additional qualifications such as inclusion are "about 100 UE". */
export const ADDITIONAL_QUALIFICATION_UNITS = 100;
/** The first-aid course for children (DGUV Information 204-008 style): 9 UE. */
export const FIRST_AID_CHILDREN_UNITS = 9;
/**
 * The infection-protection instruction (§§ 33, 35 IfSG) is commonly a 90-minute session; the law fixes no
 * length, so this is only the starting value of a new course.
 */
export const INFECTION_PROTECTION_UNITS = 2;

/**
 * The defaults of `category`. Validity of first aid and infection protection comes from the organisation's
 * rules, so that a certificate expires on the very day the registry's deadline (core/caregivers/deadlines.ts)
 * falls due. Basic qualification (QHB), first aid and the infection-protection instruction are duties of their
 * own and do not count towards the further-training obligation, as youth offices commonly rule.
 */
export function categoryDefaults(category: CourseCategory, rules: CatalogueRules): CategoryDefaults {
  const base: CategoryDefaults = {
    units: null,
    practiceHours: NO_PRACTICE,
    validityMonths: null,
    prerequisites: [],
    assessments: [],
    minAttendancePercent: 90,
    countsTowardsObligation: true,
  };
  switch (category) {
    case "qhbPhase1":
      return {
        ...base,
        units: QHB_PHASE1_UNITS,
        practiceHours: QHB_PHASE1_PRACTICE,
        assessments: ["phaseAssessment"],
        countsTowardsObligation: false,
      };
    case "qhbPhase2":
      return {
        ...base,
        units: QHB_PHASE2_UNITS,
        prerequisites: ["qhbPhase1"],
        assessments: ["phaseAssessment", "colloquium"],
        countsTowardsObligation: false,
      };
    case "additionalQualification":
      return { ...base, units: ADDITIONAL_QUALIFICATION_UNITS };
    case "firstAidChildren":
      // First-aid certificates require the whole course to be attended.
      return {
        ...base,
        units: FIRST_AID_CHILDREN_UNITS,
        validityMonths: rules.firstAidRefreshMonths,
        minAttendancePercent: 100,
        countsTowardsObligation: false,
      };
    case "infectionProtection":
      return {
        ...base,
        units: INFECTION_PROTECTION_UNITS,
        validityMonths: rules.infectionProtectionRefreshMonths,
        minAttendancePercent: 100,
        countsTowardsObligation: false,
      };
    default:
      return base;
  }
}

/** One dated session of a run: `from`/`to` are "HH:MM" local time with `to` exclusive. */
export interface CourseSession {
  id: string;
  date: string;
  from: string;
  to: string;
  units: number;
}

/** One run of a course with everything the rules of this folder read. */
export interface Course {
  id: string;
  /** Shared by all runs of one offer (e.g. "QHB phase 1, spring and autumn"). */
  seriesId: string;
  category: CourseCategory;
  units: number;
  practiceHours: PracticeHours;
  validityMonths: number | null;
  minAttendancePercent: number;
  assessments: readonly AssessmentKind[];
  countsTowardsObligation: boolean;
  /**
   * A refresher renews a certificate that is still valid (first aid, infection protection); after a lapse
   * the organisation may require the full course instead (see {@link checkPrerequisites}).
   */
  isRefresher: boolean;
  capacity: number;
  startsOn: string;
  endsOn: string;
  /** Participants may cancel themselves until this many days before `startsOn`; staff may always. */
  cancellationDays: number;
  sessions: readonly CourseSession[];
}

/** Stable codes that the server and the form translate. */
export type CourseProblemCode =
  | "unitsInvalid"
  | "capacityInvalid"
  | "validityInvalid"
  | "attendancePercentInvalid"
  | "practiceHoursInvalid"
  | "cancellationDaysInvalid"
  | "runDatesInvalid"
  | "noSessions"
  | "sessionTimesInvalid"
  | "sessionUnitsInvalid"
  | "sessionUnitsExceedTime"
  | "sessionOutsideRun"
  | "sessionOverlap"
  | "sessionUnitsSum";

/**
 * A problem of a course run. `index` names a session; `otherIndex` the session it overlaps;
 * `expected`/`actual` carry the figures (for "sessionUnitsExceedTime" the most UE that fit the session's time,
 * for "sessionUnitsSum" the course's UE and the sessions' sum).
 */
export interface CourseProblem {
  code: CourseProblemCode;
  field: string;
  index?: number;
  otherIndex?: number;
  expected?: number;
  actual?: number;
}

/**
 * Checks a course run before it is published. Decisions:
 * - UE are positive multiples of half a unit (a 90-minute instruction is 2 UE, a 30-minute one 0.5 UE);
 * - capacity is a whole number of at least 1; validity, when set, whole months of at least 1;
 * - every session lies on a day of the run, starts before it ends, and carries no more UE than its time holds
 *   (45 minutes each; breaks make it fewer, never more);
 * - sessions of one day do not overlap (touching, 9–12 and 12–15, is fine): a participant cannot be in two;
 * - the sessions' UE add up to the course's UE exactly, because attendance is measured against the sessions
 *   and the certificate states the course's UE — a difference would certify units nobody taught.
 * A run without sessions is reported ("noSessions") so a draft can be saved but not published.
 */
export function validateCourse(course: Omit<Course, "id" | "seriesId">): CourseProblem[] {
  const problems: CourseProblem[] = [];
  if (!(course.units > 0) || !isHalfUnitMultiple(course.units))
    problems.push({ code: "unitsInvalid", field: "units" });
  if (!Number.isInteger(course.capacity) || course.capacity < 1)
    problems.push({ code: "capacityInvalid", field: "capacity" });
  if (
    course.validityMonths !== null &&
    (!Number.isInteger(course.validityMonths) || course.validityMonths < 1)
  )
    problems.push({ code: "validityInvalid", field: "validityMonths" });
  if (
    !Number.isInteger(course.minAttendancePercent) ||
    course.minAttendancePercent < 1 ||
    course.minAttendancePercent > 100
  )
    problems.push({ code: "attendancePercentInvalid", field: "minAttendancePercent" });
  for (const kind of ["kita", "dayCare"] as const) {
    const hours = course.practiceHours[kind];
    if (!Number.isFinite(hours) || hours < 0) problems.push({ code: "practiceHoursInvalid", field: kind });
  }
  if (!Number.isInteger(course.cancellationDays) || course.cancellationDays < 0)
    problems.push({ code: "cancellationDaysInvalid", field: "cancellationDays" });
  const runValid =
    isValidIsoDate(course.startsOn) &&
    isValidIsoDate(course.endsOn) &&
    compareDates(course.startsOn, course.endsOn) <= 0;
  if (!runValid) problems.push({ code: "runDatesInvalid", field: "endsOn" });
  if (course.sessions.length === 0) {
    problems.push({ code: "noSessions", field: "sessions" });
    return problems;
  }

  const timed: { index: number; date: string; start: number; end: number }[] = [];
  let sessionUnits = 0;
  course.sessions.forEach((session, index) => {
    const start = hhmmToMinutes(session.from);
    const end = hhmmToMinutes(session.to);
    if (!isValidIsoDate(session.date) || start === null || end === null || start >= end) {
      problems.push({ code: "sessionTimesInvalid", field: "sessions", index });
      return;
    }
    if (
      runValid &&
      (compareDates(session.date, course.startsOn) < 0 || compareDates(session.date, course.endsOn) > 0)
    )
      problems.push({ code: "sessionOutsideRun", field: "sessions", index });
    if (!(session.units > 0) || !isHalfUnitMultiple(session.units)) {
      problems.push({ code: "sessionUnitsInvalid", field: "sessions", index });
    } else {
      sessionUnits += session.units;
      const fitting = unitsFittingMinutes(end - start);
      if (session.units > fitting)
        problems.push({
          code: "sessionUnitsExceedTime",
          field: "sessions",
          index,
          expected: fitting,
          actual: session.units,
        });
    }
    timed.push({ index, date: session.date, start, end });
  });

  // Sorted by day and start, a session overlaps an earlier one exactly when it starts before the furthest end
  // reached that day.
  timed.sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start);
  let reach: { index: number; date: string; end: number } | null = null;
  for (const session of timed) {
    if (reach && reach.date === session.date && session.start < reach.end)
      problems.push({
        code: "sessionOverlap",
        field: "sessions",
        index: session.index,
        otherIndex: reach.index,
      });
    if (!reach || reach.date !== session.date || session.end > reach.end)
      reach = { index: session.index, date: session.date, end: session.end };
  }

  if (problems.every((problem) => problem.code !== "sessionUnitsInvalid") && sessionUnits !== course.units)
    problems.push({
      code: "sessionUnitsSum",
      field: "sessions",
      expected: course.units,
      actual: sessionUnits,
    });
  return problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
}

/** The sessions of a copied run: the server gives them new ids. */
export type SessionDraft = Omit<CourseSession, "id">;

export interface CopiedRun {
  startsOn: string;
  endsOn: string;
  sessions: SessionDraft[];
  /** Days every date moved by; always a multiple of 7. */
  shiftDays: number;
  /** Indexes of sessions that land on one of the given closed days (holidays, the trainer's leave). */
  sessionsOnClosedDays: number[];
}

/**
 * Copies a run to the next one: the first session moves to the first date on or after `firstSessionFrom`
 * with the same weekday, and every other date moves by the same number of whole weeks, so a Tuesday-and-
 * Saturday course stays one. Times, UE and order stay as they were; bookings, attendance and results are not
 * copied. Sessions that land on `closedDays` are reported, not moved: only the organiser knows the
 * replacement date.
 */
export function copyCourseRun(
  course: Pick<Course, "startsOn" | "endsOn" | "sessions">,
  firstSessionFrom: string,
  closedDays: readonly string[] = [],
): CopiedRun {
  const anchor = course.sessions.reduce(
    (earliest, session) => (compareDates(session.date, earliest) < 0 ? session.date : earliest),
    course.sessions[0]?.date ?? course.startsOn,
  );
  const weekdayGap = (weekdayIndex(anchor) - weekdayIndex(firstSessionFrom) + 7) % 7;
  const shiftDays = daysBetween(anchor, addDays(firstSessionFrom, weekdayGap));
  const closed = new Set(closedDays);
  const sessions = course.sessions.map(({ date, from, to, units }) => ({
    date: addDays(date, shiftDays),
    from,
    to,
    units,
  }));
  return {
    startsOn: addDays(course.startsOn, shiftDays),
    endsOn: addDays(course.endsOn, shiftDays),
    sessions,
    shiftDays,
    sessionsOnClosedDays: sessions.flatMap((session, index) => (closed.has(session.date) ? [index] : [])),
  };
}

/** A completed qualification of the participant, internal or accepted external (certificates.ts). */
export interface CompletedQualification {
  category: CourseCategory;
  completedOn: string;
  /** Last day the certificate is valid; null when it never expires. */
  validUntil: string | null;
}

/** The training rules of the organisation's settings (`StateRules.refresherNeedsValidCertificate`). */
export interface TrainingSettings {
  /**
   * Whether a refresher needs a certificate still valid on the refresher's first day. True in NRW: "a lapse
   * means the full course again" (DOMAIN.md). Off, any earlier certificate of the category will do.
   */
  refresherNeedsValidCertificate: boolean;
}

/** The stricter rule is the safer default: a wrongly refused refresher costs a phone call, not a lapse. */
export const DEFAULT_TRAINING_SETTINGS: TrainingSettings = Object.freeze({
  refresherNeedsValidCertificate: true,
});

export type PrerequisiteProblem =
  | { code: "prerequisiteMissing"; category: CourseCategory }
  /** A refresher without a certificate to refresh: `validUntil` of the latest, null when there is none. */
  | { code: "fullCourseRequired"; category: CourseCategory; validUntil: string | null };

/**
 * What keeps the participant from taking `course`: a prerequisite category never completed (QHB phase 2
 * needs phase 1), or, for a refresher, no certificate of the category that is still valid on the course's
 * first day (or none at all, when the organisation does not require validity).
 */
export function checkPrerequisites(
  course: Pick<Course, "category" | "isRefresher" | "startsOn">,
  history: readonly CompletedQualification[],
  rules: CatalogueRules,
  settings: TrainingSettings = DEFAULT_TRAINING_SETTINGS,
): PrerequisiteProblem[] {
  const problems: PrerequisiteProblem[] = [];
  for (const category of categoryDefaults(course.category, rules).prerequisites) {
    if (!history.some((record) => record.category === category))
      problems.push({ code: "prerequisiteMissing", category });
  }
  if (course.isRefresher) {
    const latest = history
      .filter((record) => record.category === course.category)
      .sort((a, b) => compareDates(b.completedOn, a.completedOn))[0];
    const lapsed =
      latest?.validUntil != null &&
      settings.refresherNeedsValidCertificate &&
      compareDates(latest.validUntil, course.startsOn) < 0;
    if (!latest || lapsed)
      problems.push({
        code: "fullCourseRequired",
        category: course.category,
        validUntil: latest?.validUntil ?? null,
      });
  }
  return problems;
}
