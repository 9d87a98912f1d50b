/**
 * Calendar dates as ISO strings ("YYYY-MM-DD"). Contract, licence and deadline dates are days, not instants,
 * so all arithmetic runs in UTC where every day has exactly 24 hours and no time zone can shift a date.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parseParts(date: string): DateParts | null {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function requireParts(date: string): DateParts {
  const parts = parseParts(date);
  if (!parts) throw new RangeError(`Invalid ISO date: "${date}"`);
  return parts;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function toUtcMs({ year, month, day }: DateParts): number {
  // setUTCFullYear instead of Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function fromUtcMs(ms: number): string {
  const date = new Date(ms);
  return formatParts({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

function formatParts({ year, month, day }: DateParts): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Whether `value` is a real calendar date in "YYYY-MM-DD" form (rejects 2023-02-29, 2024-13-01, "2024-1-1"). */
export function isValidIsoDate(value: string): boolean {
  return parseParts(value) !== null;
}

/** The date `days` days after `date` (negative `days` go back). Throws a RangeError for an invalid date. */
export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(requireParts(date)) + Math.trunc(days) * MS_PER_DAY);
}

/**
 * The date `months` calendar months after `date`, clamped to the end of the target month
 * (2024-01-31 + 1 month = 2024-02-29), because a due date must never spill into the month after.
 */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = requireParts(date);
  const monthIndex = year * 12 + (month - 1) + Math.trunc(months);
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatParts({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** The date `years` years after `date`; 29 February becomes 28 February in a common year. */
export function addYears(date: string, years: number): string {
  return addMonths(date, Math.trunc(years) * 12);
}

/** Whole days from `a` to `b` (`b - a`): positive when `b` is later. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMs(requireParts(b)) - toUtcMs(requireParts(a))) / MS_PER_DAY);
}

/** -1, 0 or 1 as `a` is before, equal to or after `b`; usable as an `Array.prototype.sort` comparator. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const difference = toUtcMs(requireParts(a)) - toUtcMs(requireParts(b));
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}

/** The earlier of two dates. */
export function minDate(a: string, b: string): string {
  return compareDates(a, b) <= 0 ? a : b;
}

/** The later of two dates. */
export function maxDate(a: string, b: string): string {
  return compareDates(a, b) >= 0 ? a : b;
}

/** Day of the week of `date` counted from Monday = 0 to Sunday = 6, as German week plans are. */
export function weekdayIndex(date: string): number {
  return (new Date(toUtcMs(requireParts(date))).getUTCDay() + 6) % 7;
}

/** The Monday of the week that contains `date`. */
export function startOfWeek(date: string): string {
  return addDays(date, -weekdayIndex(date));
}

// Building a DateTimeFormat costs about 100 µs; "today" is asked on every list request.
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar date at instant `now` in `timeZone` (default Europe/Berlin), so "today" for a deadline is the
 * German day even on a server clock running in UTC.
 */
export function todayIso(now: Date, timeZone = "Europe/Berlin"): string {
  const parts = dayFormatter(timeZone).formatToParts(now);
  const find = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  return formatParts({ year: find("year"), month: find("month"), day: find("day") });
}
