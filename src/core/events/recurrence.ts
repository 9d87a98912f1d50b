/**
 * The dates of a series ("every second Tuesday", "the last Thursday of the month"), as ISO calendar dates.
 * Expansion works on dates only; the server turns each date and the series' wall times into instants in
 * Europe/Berlin (core/shared/zoned-time), so a 19:30 meeting stays 19:30 across the switch to and from summer
 * time — the reason this is own code and not the `rrule` library, which expands instants and leaves the zone
 * to the caller (ADR 0011).
 *
 * The rules follow RFC 5545 where they overlap: UNTIL is inclusive, COUNT counts every generated date from the
 * start including those later excluded as exceptions (EXDATE), and a month without a fifth weekday has none.
 */
import { addDays, addMonths, compareDates, weekdayIndex } from "../shared/dates";

export type Frequency = "weekly" | "monthlyNth";

export interface Recurrence {
  frequency: Frequency;
  /** Every `interval` weeks or months (1 = every). */
  interval: number;
  /** Monday = 0 … Sunday = 6. */
  weekday: number;
  /** monthlyNth: 1–4 (first to fourth) or -1 (last); ignored for weekly. */
  nth: number | null;
  /** The series starts on the first matching date on or after this day. */
  startDate: string;
  /** Inclusive last day, or null. */
  until: string | null;
  /** Number of dates from the start, or null. */
  count: number | null;
}

export interface ExpandOptions {
  /** Only dates on or after this day … */
  from: string;
  /** … and on or before this one (the materialisation horizon). */
  to: string;
  /** Dates that do not take place. */
  exceptions?: readonly string[];
}

/** Never more dates than this from one call: a weekly series over 12 months has 53. */
const MAX_GENERATED = 2000;

/** The `nth` (1–4, -1 = last) `weekday` of the month of `monthStart` (a first of the month), or null. */
export function nthWeekdayOfMonth(monthStart: string, weekday: number, nth: number): string | null {
  if (nth === -1) {
    const last = addDays(addMonths(monthStart, 1), -1);
    return addDays(last, -((weekdayIndex(last) - weekday + 7) % 7));
  }
  const first = addDays(monthStart, (weekday - weekdayIndex(monthStart) + 7) % 7);
  const date = addDays(first, (nth - 1) * 7);
  return date.slice(0, 7) === monthStart.slice(0, 7) ? date : null;
}

/** Every date the rule generates from its start, in order, until `limit` (inclusive) or its own end. */
function* generate(rule: Recurrence, limit: string): Generator<string> {
  const end = rule.until !== null && compareDates(rule.until, limit) < 0 ? rule.until : limit;
  let produced = 0;
  const interval = Math.max(1, Math.trunc(rule.interval));
  if (rule.frequency === "weekly") {
    let date = addDays(rule.startDate, (rule.weekday - weekdayIndex(rule.startDate) + 7) % 7);
    while (compareDates(date, end) <= 0 && produced < MAX_GENERATED) {
      if (rule.count !== null && produced >= rule.count) return;
      yield date;
      produced += 1;
      date = addDays(date, 7 * interval);
    }
    return;
  }
  const nth = rule.nth ?? 1;
  let month = `${rule.startDate.slice(0, 7)}-01`;
  let steps = 0;
  while (compareDates(month, end) <= 0 && produced < MAX_GENERATED && steps < MAX_GENERATED) {
    steps += 1;
    const date = nthWeekdayOfMonth(month, rule.weekday, nth);
    if (date !== null && compareDates(date, rule.startDate) >= 0 && compareDates(date, end) <= 0) {
      if (rule.count !== null && produced >= rule.count) return;
      yield date;
      produced += 1;
    }
    month = addMonths(month, interval);
  }
}

/** The series' dates within the window, without the exceptions. */
export function expandRecurrence(rule: Recurrence, options: ExpandOptions): string[] {
  const skip = new Set(options.exceptions ?? []);
  const dates: string[] = [];
  for (const date of generate(rule, options.to)) {
    if (compareDates(date, options.from) < 0 || skip.has(date)) continue;
    dates.push(date);
  }
  return dates;
}

/** Whether the rule generates `date` (exceptions aside): a date to skip must be one of the series. */
export function isSeriesDate(rule: Recurrence, date: string): boolean {
  for (const candidate of generate(rule, date)) if (candidate === date) return true;
  return false;
}

/** How far ahead the dates of a series exist as events: a year, extended every night by a job. */
export const HORIZON_MONTHS = 12;

export function horizonOf(today: string): string {
  return addMonths(today, HORIZON_MONTHS);
}

/** The problems of a rule the schema cannot see: the weekday the rule never meets, an empty series. */
export function recurrenceProblems(rule: Recurrence): ("noDates" | "nthMissing")[] {
  if (rule.frequency === "monthlyNth" && rule.nth === null) return ["nthMissing"];
  const firstYear = addMonths(rule.startDate, 24);
  const first = generate(rule, firstYear).next();
  return first.done ? ["noDates"] : [];
}
