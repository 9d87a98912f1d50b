/**
 * Which children an absence leaves without care, and when: every day of the absence on which a contract is
 * active and has care times on that weekday, the times clipped to a part-day window.
 */

import { hhmmToMinutes, isContractActiveOn, minutesToHhmm, normaliseTimes } from "../caregivers/capacity";
import { toTimeRange } from "../placement/requests";
import { addDays, weekdayIndex } from "../shared/dates";
import type { AbsenceWindow, CareContract, ChildDay, MinuteRange } from "./types";

/** Minutes of the day for "HH:MM"; throws for anything else (inputs are validated by the contract first). */
export function clockToMinute(text: string): number {
  const minutes = hhmmToMinutes(text);
  if (minutes === null) throw new RangeError(`Not a time of day: ${JSON.stringify(text)}`);
  return minutes;
}

/** The contract's `times` form of minute ranges: [{from: "08:00", to: "12:30"}, …]. */
export function rangesToTimes(ranges: readonly MinuteRange[]): { from: string; to: string }[] {
  return ranges.map(([from, to]) => ({ from: minutesToHhmm(from), to: minutesToHhmm(to) }));
}

/** Every date of the absence, first to last. */
export function absenceDates(absence: Pick<AbsenceWindow, "startsOn" | "endsOn">): string[] {
  const dates: string[] = [];
  for (let day = absence.startsOn; day <= absence.endsOn; day = addDays(day, 1)) dates.push(day);
  return dates;
}

/** The weekly care times as merged minute ranges of the day, one list per weekday (0 = Monday). */
export function weeklyCareRanges(careTimes: CareContract["careTimes"]): MinuteRange[][] {
  const week: MinuteRange[][] = [[], [], [], [], [], [], []];
  for (const range of normaliseTimes(careTimes.flatMap((time) => toTimeRange(time) ?? []))) {
    week[range.weekday]?.push([range.start, range.end]);
  }
  return week;
}

/** The weekly care times of `weekday` (0 = Monday) as merged minute ranges of the day. */
export function careRangesOn(careTimes: CareContract["careTimes"], weekday: number): MinuteRange[] {
  return weeklyCareRanges(careTimes)[weekday] ?? [];
}

/** `ranges` cut to `[from, to)`; empty pieces dropped. */
export function clipRanges(ranges: readonly MinuteRange[], from: number, to: number): MinuteRange[] {
  const clipped: MinuteRange[] = [];
  for (const [start, end] of ranges) {
    const a = Math.max(start, from);
    const b = Math.min(end, to);
    if (a < b) clipped.push([a, b]);
  }
  return clipped;
}

/** Whether the absence keeps its person away at any minute of `ranges` on `day`. */
export function absentDuring(absence: AbsenceWindow, day: string, ranges: readonly MinuteRange[]): boolean {
  if (day < absence.startsOn || day > absence.endsOn) return false;
  if (absence.dayFrom === null || absence.dayTo === null) return true;
  return clipRanges(ranges, absence.dayFrom, absence.dayTo).length > 0;
}

/**
 * The child-days an absence affects, by day and then contract id. A contract counts on the days from its
 * start to its end (a contract ending mid-absence stops there); `window` limits the days further (for
 * example to today on, so that a report never proposes cover for the past).
 */
export function affectedChildDays(
  absence: AbsenceWindow,
  contracts: readonly CareContract[],
  window: { from?: string; to?: string } = {},
): ChildDay[] {
  const first = window.from && window.from > absence.startsOn ? window.from : absence.startsOn;
  const last = window.to && window.to < absence.endsOn ? window.to : absence.endsOn;
  const sorted = [...contracts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byWeekday = new Map<string, MinuteRange[][]>();
  const weekly = (contract: CareContract) => {
    let perDay = byWeekday.get(contract.id);
    if (!perDay) {
      perDay = weeklyCareRanges(contract.careTimes);
      byWeekday.set(contract.id, perDay);
    }
    return perDay;
  };
  const days: ChildDay[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const weekday = weekdayIndex(day);
    for (const contract of sorted) {
      if (!isContractActiveOn({ start: contract.start, end: contract.end, times: [] }, day)) continue;
      let ranges = weekly(contract)[weekday] ?? [];
      if (absence.dayFrom !== null && absence.dayTo !== null) {
        ranges = clipRanges(ranges, absence.dayFrom, absence.dayTo);
      }
      if (ranges.length > 0)
        days.push({ contractId: contract.id, day, ranges: ranges.map((r) => [r[0], r[1]]) });
    }
  }
  return days;
}

/**
 * Sorted, merged minute ranges of one day (touching ones joined): working and opening hours, the times a
 * person covers, the minutes of cover.
 */
export function mergeRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: MinuteRange[] = [];
  for (const [from, to] of sorted) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}
