/**
 * Confirmed cover time per person and month, for employed substitutes' employment record and the
 * remuneration that follows: child minutes (two children for an hour = 120) and presence minutes (the clock
 * time she covers anyone: the union of her covers' ranges per day).
 */

import { mergeRanges } from "./absences";
import type { MinuteRange } from "./types";

export interface CoverHoursRow {
  /** The covering person; rows of Kitas (null) are left out. */
  personId: string | null;
  day: string;
  ranges: readonly MinuteRange[];
}

export interface CoverHours {
  personId: string;
  childMinutes: number;
  presenceMinutes: number;
}

/** Length of the union of `ranges`. */
export function unionMinutes(ranges: readonly MinuteRange[]): number {
  return mergeRanges(ranges).reduce((total, [from, to]) => total + to - from, 0);
}

/** The rows of `month` ("YYYY-MM") summed per person, sorted by person id. Pass confirmed covers only. */
export function coverHours(rows: readonly CoverHoursRow[], month: string): CoverHours[] {
  const perPerson = new Map<string, { child: number; days: Map<string, MinuteRange[]> }>();
  for (const row of rows) {
    if (row.personId === null || !row.day.startsWith(`${month}-`)) continue;
    let entry = perPerson.get(row.personId);
    if (!entry) {
      entry = { child: 0, days: new Map() };
      perPerson.set(row.personId, entry);
    }
    // A child's own ranges may overlap in bad data; she is still cared for once per minute.
    entry.child += unionMinutes(row.ranges);
    const day = entry.days.get(row.day) ?? [];
    day.push(...row.ranges);
    entry.days.set(row.day, day);
  }
  return [...perPerson]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([personId, entry]) => ({
      personId,
      childMinutes: entry.child,
      presenceMinutes: [...entry.days.values()].reduce((total, ranges) => total + unionMinutes(ranges), 0),
    }));
}
