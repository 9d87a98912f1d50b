/**
 * The calendar of absences and cover: per day of a range, each absence's child-days by state and the people
 * and Kitas holding covers, with how many children and the clock time they span. One pass over the rows, so
 * that a week and a month grid come from the same answer.
 */

import { addDays, daysBetween, startOfWeek } from "../shared/dates";
import { mergeRanges } from "./absences";
import type { MinuteRange } from "./types";

export type CalendarCoverStatus = "proposed" | "confirmed" | "uncovered" | "cancelled";

export interface CalendarAbsenceRow {
  id: string;
  caregiverId: string;
  startsOn: string;
  endsOn: string;
}

export interface CalendarCoverRow {
  absenceId: string;
  day: string;
  status: CalendarCoverStatus;
  coverCaregiverId: string | null;
  kitaId: string | null;
  ranges: readonly MinuteRange[];
  childFirstName: string;
}

export interface CalendarAbsenceCounts {
  absenceId: string;
  childDays: number;
  confirmed: number;
  proposed: number;
  uncovered: number;
}

export interface CalendarHolderFacts {
  caregiverId: string | null;
  kitaId: string | null;
  confirmed: number;
  proposed: number;
  /** The union of her covered children's times that day. */
  ranges: MinuteRange[];
  childFirstNames: string[];
}

export interface CalendarDayFacts {
  day: string;
  absences: CalendarAbsenceCounts[];
  holders: CalendarHolderFacts[];
  absentPeople: number;
  childDays: number;
  confirmed: number;
  proposed: number;
  uncovered: number;
}

/** The ISO 8601 week number (KW) of `date`: the week belongs to the year of its Thursday. */
export function isoWeekNumber(date: string): number {
  const thursday = addDays(startOfWeek(date), 3);
  return Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
}

/**
 * Every day from `from` to `to` (inclusive). `absenceCovers` are counted for the absences they belong to
 * (the absence must be in `absences`); `heldCovers` make the holders of each day (proposals and confirmed
 * covers with a person or Kita). Cancelled child-days count nowhere: the child is back with her own
 * day-care person or the absence was withdrawn. Absences keep the given order; holders come in order of
 * first appearance, the caller sorts them by name.
 */
export function calendarDays(
  range: { from: string; to: string },
  absences: readonly CalendarAbsenceRow[],
  absenceCovers: readonly CalendarCoverRow[],
  heldCovers: readonly CalendarCoverRow[],
): CalendarDayFacts[] {
  const counts = new Map<string, CalendarAbsenceCounts>();
  for (const cover of absenceCovers) {
    if (cover.status === "cancelled") continue;
    const key = `${cover.day}|${cover.absenceId}`;
    let entry = counts.get(key);
    if (!entry) {
      entry = { absenceId: cover.absenceId, childDays: 0, confirmed: 0, proposed: 0, uncovered: 0 };
      counts.set(key, entry);
    }
    entry.childDays += 1;
    entry[cover.status] += 1;
  }

  const holders = new Map<string, Map<string, CalendarHolderFacts>>();
  for (const cover of heldCovers) {
    if (cover.status !== "confirmed" && cover.status !== "proposed") continue;
    const holderKey = cover.coverCaregiverId ?? cover.kitaId;
    if (!holderKey) continue;
    let ofDay = holders.get(cover.day);
    if (!ofDay) {
      ofDay = new Map();
      holders.set(cover.day, ofDay);
    }
    let holder = ofDay.get(holderKey);
    if (!holder) {
      holder = {
        caregiverId: cover.coverCaregiverId,
        kitaId: cover.coverCaregiverId ? null : cover.kitaId,
        confirmed: 0,
        proposed: 0,
        ranges: [],
        childFirstNames: [],
      };
      ofDay.set(holderKey, holder);
    }
    holder[cover.status] += 1;
    holder.ranges = mergeRanges([...holder.ranges, ...cover.ranges]);
    holder.childFirstNames.push(cover.childFirstName);
  }

  const days: CalendarDayFacts[] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const touching = absences.filter((a) => a.startsOn <= day && day <= a.endsOn);
    const ofDay = touching.map(
      (a) =>
        counts.get(`${day}|${a.id}`) ?? {
          absenceId: a.id,
          childDays: 0,
          confirmed: 0,
          proposed: 0,
          uncovered: 0,
        },
    );
    const sum = (field: "childDays" | "confirmed" | "proposed" | "uncovered") =>
      ofDay.reduce((total, a) => total + a[field], 0);
    days.push({
      day,
      absences: ofDay,
      holders: [...(holders.get(day)?.values() ?? [])],
      absentPeople: new Set(touching.map((a) => a.caregiverId)).size,
      childDays: sum("childDays"),
      confirmed: sum("confirmed"),
      proposed: sum("proposed"),
      uncovered: sum("uncovered"),
    });
  }
  return days;
}
