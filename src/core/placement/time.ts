/**
 * Weekly times for placement as minutes of the week (Monday 00:00 = 0, Sunday 24:00 = 10,080), so that a
 * range is a half-open integer interval and a set of ranges a sorted list of them. Nothing here works
 * minute by minute.
 */

import { hhmmToMinutes, MINUTES_PER_DAY, MINUTES_PER_WEEK, minutesToHhmm } from "../caregivers/capacity";
import type { PlacementFreePlaces, PlacementTimeRange } from "./instance";

export { MINUTES_PER_DAY, MINUTES_PER_WEEK };

/** Minutes of the day for "HH:MM"; throws for anything else (inputs are validated before they get here). */
export function parseClock(text: string): number {
  const minutes = hhmmToMinutes(text);
  if (minutes === null) throw new RangeError(`Not a time of day: ${JSON.stringify(text)}`);
  return minutes;
}

/** Start and end of a range in minutes of the week; throws for a day outside 1–7 or `from` not before `to`. */
export function weekRange(range: PlacementTimeRange): [number, number] {
  if (!Number.isInteger(range.day) || range.day < 1 || range.day > 7) {
    throw new RangeError(`Not a day of the week (1–7): ${range.day}`);
  }
  const from = parseClock(range.from);
  const to = parseClock(range.to);
  if (from >= to) throw new RangeError(`Range does not end after it starts: ${range.from}–${range.to}`);
  const offset = (range.day - 1) * MINUTES_PER_DAY;
  return [offset + from, offset + to];
}

/**
 * The minutes covered by `ranges` as a flat sorted list `[start0, end0, start1, end1, …]` of disjoint,
 * non-touching intervals: a child whose care lists 8–12 and 11–14 needs each minute once.
 */
export function careMinutes(ranges: readonly PlacementTimeRange[]): number[] {
  const intervals = ranges.map(weekRange).sort((a, b) => a[0] - b[0]);
  const flat: number[] = [];
  for (const [start, end] of intervals) {
    const last = flat.length - 1;
    if (last > 0 && start <= (flat[last] as number)) {
      flat[last] = Math.max(flat[last] as number, end);
    } else {
      flat.push(start, end);
    }
  }
  return flat;
}

/**
 * Free places as a flat sorted list `[start0, end0, places0, …]` of disjoint pieces with at least one place,
 * equal neighbours merged. Where ranges overlap (validation rejects that) the larger number counts rather
 * than the sum, so that a data error can never invent capacity (as in core/caregivers).
 */
export function freePieces(freePlaces: readonly PlacementFreePlaces[]): number[] {
  const ranges = freePlaces.map((free) => ({ range: weekRange(free), places: free.places }));
  const cuts = [...new Set(ranges.flatMap(({ range }) => range))].sort((a, b) => a - b);
  const flat: number[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i] as number;
    const end = cuts[i + 1] as number;
    let places = 0;
    for (const { range, places: p } of ranges) {
      if (range[0] <= start && end <= range[1]) places = Math.max(places, p);
    }
    if (places < 1) continue;
    const last = flat.length - 1;
    if (last > 0 && flat[last - 1] === start && flat[last] === places) {
      flat[last - 1] = end;
    } else {
      flat.push(start, end, places);
    }
  }
  return flat;
}

/** Splits minutes of the week [start, end) at midnight into the external form, one range per day. */
export function toDayRanges(start: number, end: number): PlacementTimeRange[] {
  const ranges: PlacementTimeRange[] = [];
  for (let from = start; from < end; ) {
    const dayIndex = Math.floor(from / MINUTES_PER_DAY);
    const dayEnd = (dayIndex + 1) * MINUTES_PER_DAY;
    const to = Math.min(end, dayEnd);
    const offset = dayIndex * MINUTES_PER_DAY;
    ranges.push({ day: dayIndex + 1, from: minutesToHhmm(from - offset), to: minutesToHhmm(to - offset) });
    from = to;
  }
  return ranges;
}
