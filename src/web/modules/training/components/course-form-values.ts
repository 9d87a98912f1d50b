import type {
  CourseAudience,
  CourseInputRaw,
  SessionDto,
  StaffCourseDetail,
} from "../../../../contracts/training";
import { hhmmToMinutes } from "../../../../core/caregivers/capacity";
import type { StateRules } from "../../../../core/organisations/presets";
import { addDays, isValidIsoDate } from "../../../../core/shared/dates";
import {
  type AssessmentKind,
  type CourseCategory,
  categoryDefaults,
} from "../../../../core/training/catalogue";
import { unitsFittingMinutes } from "../../../../core/training/units";

/**
 * The values of the course form and their way to and from the API, apart from the form so that they can be
 * tested without a browser.
 */

/** A session as the form holds it, with a key that keeps React's rows stable while rows come and go. */
export interface SessionRow {
  key: string;
  /** The stored session's id: its attendance and calendar entry stay when the row is kept. */
  id?: string;
  date: string;
  from: string;
  to: string;
  units: number | "";
  place: string;
  onlineUrl: string;
}

let nextKey = 0;
const newKey = () => `session-${++nextKey}`;

export function sessionRows(sessions: readonly SessionDto[]): SessionRow[] {
  return sessions.map((s) => ({
    key: newKey(),
    id: s.id,
    date: s.date,
    from: s.from,
    to: s.to,
    units: s.units,
    place: s.place,
    onlineUrl: s.onlineUrl ?? "",
  }));
}

/** Courses mostly meet on the same weekday: a copied session lands one week later. */
const COPY_SHIFT_DAYS = 7;

export function sessionUnitsSum(rows: readonly SessionRow[]): number {
  return rows.reduce((sum, row) => sum + (typeof row.units === "number" ? row.units : 0), 0);
}

/** A new row: empty, but in the place of the row before (most courses stay in one room). */
export function blankSessionRow(previous: SessionRow | undefined): SessionRow {
  return {
    key: newKey(),
    date: "",
    from: "",
    to: "",
    units: "",
    place: previous?.place ?? "",
    onlineUrl: "",
  };
}

/** The same session a week later, as a new session (without the stored id). */
export function copiedSessionRow(row: SessionRow): SessionRow {
  const date = isValidIsoDate(row.date) ? addDays(row.date, COPY_SHIFT_DAYS) : "";
  return { ...row, key: newKey(), id: undefined, date };
}

/** The most UE the row's times hold (45 minutes each), or null while the times are incomplete. */
export function fittingUnits(row: Pick<SessionRow, "from" | "to">): number | null {
  const start = hhmmToMinutes(row.from);
  const end = hhmmToMinutes(row.to);
  if (start === null || end === null || start >= end) return null;
  return unitsFittingMinutes(end - start);
}

export interface CourseFormValues {
  category: CourseCategory;
  title: string;
  description: string;
  materials: string;
  audience: CourseAudience;
  units: number | "";
  practiceHours: { kita: number | ""; dayCare: number | "" };
  /** "" = the certificate never expires. */
  validityMonths: number | "";
  minAttendancePercent: number | "";
  assessments: AssessmentKind[];
  countsTowardsObligation: boolean;
  isRefresher: boolean;
  capacity: number | "";
  /** In euros as people type it; the API takes cents. */
  fee: number | "";
  cancellationDays: number | "";
  trainerUserIds: string[];
  externalTrainers: string;
  /** Only asked while there are no sessions: otherwise the run lasts from the first to the last session. */
  startsOn: string;
  endsOn: string;
  sessions: SessionRow[];
}

export type Rules = Pick<StateRules, "firstAidRefreshMonths" | "infectionProtectionRefreshMonths">;

/** The fields a category fills in; the organisation may change each of them for the run. */
export function defaultsOf(category: CourseCategory, rules: Rules) {
  const defaults = categoryDefaults(category, rules);
  return {
    units: defaults.units ?? ("" as const),
    practiceHours: { ...defaults.practiceHours },
    validityMonths: defaults.validityMonths ?? ("" as const),
    minAttendancePercent: defaults.minAttendancePercent,
    assessments: [...defaults.assessments],
    countsTowardsObligation: defaults.countsTowardsObligation,
  };
}

/** Most runs are announced to the members; a public run is the exception the office chooses. */
const NEW_COURSE_CATEGORY: CourseCategory = "other";
const NEW_COURSE_CAPACITY = 12;
const NEW_COURSE_CANCELLATION_DAYS = 14;

export function newCourseValues(rules: Rules): CourseFormValues {
  return {
    category: NEW_COURSE_CATEGORY,
    title: "",
    description: "",
    materials: "",
    audience: "members",
    ...defaultsOf(NEW_COURSE_CATEGORY, rules),
    isRefresher: false,
    capacity: NEW_COURSE_CAPACITY,
    fee: 0,
    cancellationDays: NEW_COURSE_CANCELLATION_DAYS,
    trainerUserIds: [],
    externalTrainers: "",
    startsOn: "",
    endsOn: "",
    sessions: [],
  };
}

export function courseValues(course: StaffCourseDetail): CourseFormValues {
  return {
    category: course.category,
    title: course.title,
    description: course.description,
    materials: course.materials,
    audience: course.audience,
    units: course.units,
    practiceHours: { ...course.practiceHours },
    validityMonths: course.validityMonths ?? "",
    minAttendancePercent: course.minAttendancePercent,
    assessments: [...course.assessments],
    countsTowardsObligation: course.countsTowardsObligation,
    isRefresher: course.isRefresher,
    capacity: course.capacity,
    fee: course.feeCents / 100,
    cancellationDays: course.cancellationDays,
    trainerUserIds: course.trainers.map((trainer) => trainer.userId),
    externalTrainers: course.externalTrainers,
    startsOn: course.startsOn,
    endsOn: course.endsOn,
    sessions: sessionRows(course.sessions),
  };
}

const numberOrUndefined = (value: number | "") => (value === "" ? undefined : value);

export function toCourseBody(values: CourseFormValues, seriesId?: string): CourseInputRaw {
  const hasSessions = values.sessions.length > 0;
  return {
    category: values.category,
    ...(seriesId ? { seriesId } : {}),
    title: values.title,
    description: values.description,
    materials: values.materials,
    audience: values.audience,
    units: numberOrUndefined(values.units),
    practiceHours: { kita: values.practiceHours.kita || 0, dayCare: values.practiceHours.dayCare || 0 },
    validityMonths: values.validityMonths === "" ? null : values.validityMonths,
    minAttendancePercent: numberOrUndefined(values.minAttendancePercent),
    assessments: values.assessments,
    countsTowardsObligation: values.countsTowardsObligation,
    isRefresher: values.isRefresher,
    capacity: values.capacity === "" ? Number.NaN : values.capacity,
    startsOn: hasSessions ? undefined : values.startsOn || undefined,
    endsOn: hasSessions ? undefined : values.endsOn || undefined,
    cancellationDays: values.cancellationDays === "" ? Number.NaN : values.cancellationDays,
    // Cents from euros typed with two decimals: rounding removes the binary remainder (19.99 * 100).
    feeCents: values.fee === "" ? 0 : Math.round(values.fee * 100),
    trainerUserIds: values.trainerUserIds,
    externalTrainers: values.externalTrainers,
    sessions: values.sessions.map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      date: row.date,
      from: row.from,
      to: row.to,
      units: row.units === "" ? Number.NaN : row.units,
      place: row.place,
      onlineUrl: row.onlineUrl.trim() || null,
    })),
  };
}
