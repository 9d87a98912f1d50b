/**
 * Rules of a family's placement request (Bedarfsanmeldung) that need no storage: the weekly care times, the
 * child's age at the wanted start and the compact description of the times on the placement board.
 *
 * Care times are kept as the allocation round exchanges them (instance.ts): day 1 = Monday … 7 = Sunday, "HH:MM"
 * from–to with `to` exclusive. The capacity model of core/caregivers counts weekday 0 = Monday with minutes of the
 * day; {@link toTimeRange} and {@link fromTimeRange} are the one place that converts between the two.
 */

import {
  hhmmToMinutes,
  minutesToHhmm,
  type TimeRange,
  type Weekday,
  weeklyMinutes,
} from "../caregivers/capacity";
import { addYears, compareDates } from "../shared/dates";
import type { PlacementTimeRange } from "./instance";

/**
 * One weekly care range as parents give it: `day` 1 (Monday) … 7 (Sunday), `from`/`to` "HH:MM" — the same
 * shape the allocation round reads, so a request goes into a round unchanged.
 */
export type CareTime = PlacementTimeRange;

/** Day care runs in the daytime; a range outside 06:00–20:00 is a typing error or not day care. */
export const DAY_CARE_OPENS = 6 * 60;
export const DAY_CARE_CLOSES = 20 * 60;

/** Day care also takes school children (§ 24 (4) SGB VIII), but not beyond 14 years at the start. */
export const MAX_AGE_YEARS_AT_START = 14;

/** A start further ahead is a typing error: nobody can plan care three years in advance. */
export const MAX_START_YEARS_AHEAD = 3;

/** The converter to core/caregivers' range; null when the day or a time cannot be read. */
export function toTimeRange(time: CareTime): TimeRange | null {
  const start = hhmmToMinutes(time.from);
  const end = hhmmToMinutes(time.to);
  if (!Number.isInteger(time.day) || time.day < 1 || time.day > 7 || start === null || end === null)
    return null;
  return { weekday: (time.day - 1) as Weekday, start, end };
}

/** The converter back from core/caregivers' range. */
export function fromTimeRange(range: TimeRange): CareTime {
  return { day: range.weekday + 1, from: minutesToHhmm(range.start), to: minutesToHhmm(range.end) };
}

/** Stable codes that the server and the form translate; they are part of the API, so never rename one. */
export type CareTimeProblemCode = "empty" | "invalid" | "notBeforeEnd" | "outsideDayCare" | "overlap";

/** A problem of the care times: the range's index and field, or none for the list as a whole ("empty"). */
export interface CareTimeProblem {
  code: CareTimeProblemCode;
  index: number | null;
  field: "from" | "to" | null;
  /** For "overlap": the range this one collides with. */
  otherIndex?: number;
}

/**
 * Checks the weekly care times: at least one range, each readable, starting before it ends, within day-care
 * hours, and no two ranges of one day overlapping (touching, 8–12 and 12–14, is fine).
 */
export function validateCareTimes(times: readonly CareTime[]): CareTimeProblem[] {
  if (times.length === 0) return [{ code: "empty", index: null, field: null }];
  const problems: CareTimeProblem[] = [];
  const wellFormed: { index: number; range: TimeRange }[] = [];
  times.forEach((time, index) => {
    const range = toTimeRange(time);
    if (!range) {
      problems.push({ code: "invalid", index, field: hhmmToMinutes(time.from) === null ? "from" : "to" });
      return;
    }
    if (range.start >= range.end) {
      problems.push({ code: "notBeforeEnd", index, field: "to" });
      return;
    }
    if (range.start < DAY_CARE_OPENS || range.end > DAY_CARE_CLOSES) {
      problems.push({ code: "outsideDayCare", index, field: range.start < DAY_CARE_OPENS ? "from" : "to" });
    }
    wellFormed.push({ index, range });
  });
  // Sorted by day and start, a range overlaps an earlier one exactly when it starts before the furthest end
  // reached on the same day.
  wellFormed.sort((a, b) => a.range.weekday - b.range.weekday || a.range.start - b.range.start);
  let reach: { index: number; weekday: number; end: number } | null = null;
  for (const { index, range } of wellFormed) {
    if (reach && reach.weekday === range.weekday && range.start < reach.end) {
      problems.push({ code: "overlap", index, field: "from", otherIndex: reach.index });
    }
    if (!reach || reach.weekday !== range.weekday || range.end > reach.end) {
      reach = { index, weekday: range.weekday, end: range.end };
    }
  }
  return problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
}

/** Care minutes per week; unreadable ranges count nothing. */
export function weeklyCareMinutes(times: readonly CareTime[]): number {
  return weeklyMinutes(times.flatMap((time) => toTimeRange(time) ?? []));
}

/** The ranges sorted by day and start, so that equal weeks are stored and compared alike. */
export function sortCareTimes(times: readonly CareTime[]): CareTime[] {
  return [...times].sort((a, b) => a.day - b.day || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
}

/** Whole months of age on `date` (negative before the birth): a child born 15 March is 1 month old on 15 April. */
export function ageInMonths(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const months = (y - by) * 12 + (m - bm);
  if (months > 0 && d < bd) return months - 1;
  if (months < 0 && d > bd) return months + 1;
  return months;
}

/** The board's age groups at the wanted start; under one year the entitlement depends on the parents. */
export const AGE_GROUPS = ["under1", "1to2", "2to3", "3plus"] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export function ageGroupOf(months: number): AgeGroup {
  if (months < 12) return "under1";
  if (months < 24) return "1to2";
  if (months < 36) return "2to3";
  return "3plus";
}

export type RequestDateProblemCode = "startInPast" | "startTooFar" | "childNotBornAtStart" | "childTooOld";

export interface RequestDateProblem {
  code: RequestDateProblemCode;
  field: "wantedStart" | "childBirthDate";
}

/**
 * Checks the child's birth date and the wanted start against today. A birth date still ahead is fine (parents
 * often ask during pregnancy) as long as the child is born by the start. `isStartFixed` skips the checks of the
 * start itself when a parent changes other parts of a request whose start has passed while it waited.
 */
export function validateRequestDates(input: {
  childBirthDate: string;
  wantedStart: string;
  today: string;
  isStartFixed?: boolean;
}): RequestDateProblem[] {
  const { childBirthDate, wantedStart, today } = input;
  const problems: RequestDateProblem[] = [];
  if (!input.isStartFixed) {
    if (compareDates(wantedStart, today) < 0) problems.push({ code: "startInPast", field: "wantedStart" });
    if (compareDates(wantedStart, addYears(today, MAX_START_YEARS_AHEAD)) > 0)
      problems.push({ code: "startTooFar", field: "wantedStart" });
  }
  const months = ageInMonths(childBirthDate, wantedStart);
  if (compareDates(childBirthDate, wantedStart) > 0) {
    problems.push({ code: "childNotBornAtStart", field: "childBirthDate" });
  } else if (months >= (MAX_AGE_YEARS_AT_START + 1) * 12) {
    problems.push({ code: "childTooOld", field: "childBirthDate" });
  }
  return problems;
}

/** A group of days with the same ranges, e.g. Monday to Friday 08:00–13:00. */
export interface CareTimeGroup {
  days: number[];
  ranges: { from: string; to: string }[];
}

/** Days with identical ranges grouped together, in the order of their first day. */
export function groupCareTimes(times: readonly CareTime[]): CareTimeGroup[] {
  const byDay = new Map<number, { from: string; to: string }[]>();
  for (const time of sortCareTimes(times)) {
    const ranges = byDay.get(time.day) ?? [];
    ranges.push({ from: time.from, to: time.to });
    byDay.set(time.day, ranges);
  }
  const groups = new Map<string, CareTimeGroup>();
  for (const [day, ranges] of [...byDay.entries()].sort((a, b) => a[0] - b[0])) {
    const key = ranges.map((r) => `${r.from}-${r.to}`).join(",");
    const group = groups.get(key);
    if (group) group.days.push(day);
    else groups.set(key, { days: [day], ranges });
  }
  return [...groups.values()];
}

/** "08:00" → "8:00", as times are read aloud and printed in German timetables. */
function shortClock(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, "$1");
}

/** Consecutive days as runs: [1,2,3,5] → "Mo–Mi, Fr"; two neighbours stay a list ("Mo, Di"). */
function describeDays(days: readonly number[], dayNames: readonly string[]): string {
  const name = (day: number) => dayNames[day - 1] ?? String(day);
  const parts: string[] = [];
  for (let i = 0; i < days.length; ) {
    let j = i;
    while (j + 1 < days.length && (days[j + 1] as number) === (days[j] as number) + 1) j++;
    const first = days[i] as number;
    const last = days[j] as number;
    if (j - i >= 2) parts.push(`${name(first)}–${name(last)}`);
    else for (let k = i; k <= j; k++) parts.push(name(days[k] as number));
    i = j + 1;
  }
  return parts.join(", ");
}

/**
 * The week in one short line for lists and mails: "Mo–Fr 8:00–13:00" or "Mo–Mi 8:00–16:00; Do 8:00–13:00".
 * `dayNames` are the abbreviations from Monday to Sunday in the reader's language.
 */
export function describeCareTimes(times: readonly CareTime[], dayNames: readonly string[]): string {
  return groupCareTimes(times)
    .map(
      (group) =>
        `${describeDays(group.days, dayNames)} ${group.ranges.map((r) => `${shortClock(r.from)}–${shortClock(r.to)}`).join(", ")}`,
    )
    .join("; ");
}

/** The form's quick choices; most families ask for one of these. */
export const CARE_TIME_PRESETS = [
  { id: "monFri8to13", days: [1, 2, 3, 4, 5], from: "08:00", to: "13:00" },
  { id: "monFri8to16", days: [1, 2, 3, 4, 5], from: "08:00", to: "16:00" },
  { id: "monWed8to13", days: [1, 2, 3], from: "08:00", to: "13:00" },
] as const;
export type CareTimePresetId = (typeof CARE_TIME_PRESETS)[number]["id"];

export function presetCareTimes(id: CareTimePresetId): CareTime[] {
  const preset = CARE_TIME_PRESETS.find((p) => p.id === id);
  return preset ? preset.days.map((day) => ({ day, from: preset.from, to: preset.to })) : [];
}
