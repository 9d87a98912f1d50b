/**
 * The placement reports for the youth office's planning of day-care places (§ 24 and § 80 SGB VIII): the
 * demand still open, how long placing a child takes, and the places free on a date. Pure aggregation over
 * what the server reads; no I/O.
 *
 * The figures leave the office (planning committees, the youth welfare committee), so nothing here carries a
 * name, a request id, a birth date or a street: requests are reduced to start month, age group and area
 * (postal code and town), caregivers to their area. Cells with one or two requests are shown as they are.
 * The readers are the office's own staff and the youth office, which funds every one of these placements and
 * already knows each case; hiding small cells would only make rows and totals disagree for the people who
 * plan with them. Whoever publishes a table further is the one to merge small areas, and the page says so.
 */

import {
  type CapacityProfile,
  type ContractTimes,
  freeCapacityTimeline,
  profileInEffect,
  type Weekday,
} from "../caregivers/capacity";
import { daysBetween } from "../shared/dates";
import {
  AGE_GROUPS,
  type AgeGroup,
  ageGroupOf,
  ageInMonths,
  type CareTime,
  weeklyCareMinutes,
} from "./requests";

/** Counts per age group, every group present (zero included), so table columns always line up. */
export type AgeGroupCounts = Record<AgeGroup, number>;

function emptyAgeCounts(): AgeGroupCounts {
  return Object.fromEntries(AGE_GROUPS.map((group) => [group, 0])) as AgeGroupCounts;
}

/** The area a request or a caregiver belongs to: postal code and town as given. */
export interface Area {
  postalCode: string;
  town: string;
}

/**
 * Whether an area matches a filter: digits are the beginning of a postal code ("592" → 59269 Beckum), any
 * other text is part of the town's name. An empty filter matches everything.
 */
export function matchesAreaFilter(area: Area, filter: string | undefined): boolean {
  const text = filter?.trim() ?? "";
  if (!text) return true;
  if (/^\d+$/.test(text)) return area.postalCode.startsWith(text);
  return area.town.toLocaleLowerCase("de").includes(text.toLocaleLowerCase("de"));
}

function compareAreas(a: Area, b: Area): number {
  return a.postalCode.localeCompare(b.postalCode) || a.town.localeCompare(b.town, "de");
}

const areaKey = (area: Area) => `${area.postalCode}\u0000${area.town}`;

// ---------------------------------------------------------------------------------------------------------
// Open demand

/** What the demand report needs of a request still looking for a place. */
export interface DemandRequest extends Area {
  childBirthDate: string;
  wantedStart: string;
  careTimes: readonly CareTime[];
}

/** Requests and their weekly care minutes, split by age group at the wanted start. */
export interface DemandFigures {
  requests: number;
  weeklyMinutes: number;
  byAgeGroup: AgeGroupCounts;
}

export interface DemandCell extends Area {
  month: string;
  ageGroup: AgeGroup;
  requests: number;
  weeklyMinutes: number;
}

export interface DemandReport {
  total: DemandFigures & {
    /** Share of requests for a child under one at the start (0–1); null without requests. */
    underOneShare: number | null;
  };
  byAgeGroup: { ageGroup: AgeGroup; requests: number; weeklyMinutes: number }[];
  byStartMonth: (DemandFigures & { month: string })[];
  byArea: (DemandFigures & Area)[];
  /** Every combination of start month, area and age group that has requests: the table a spreadsheet pivots. */
  cells: DemandCell[];
}

export interface DemandFilter {
  /** First start month counted ("2027-01"), inclusive. */
  fromMonth?: string;
  /** Last start month counted, inclusive. */
  toMonth?: string;
  area?: string;
  ageGroup?: AgeGroup;
}

function emptyFigures(): DemandFigures {
  return { requests: 0, weeklyMinutes: 0, byAgeGroup: emptyAgeCounts() };
}

function addTo(figures: DemandFigures, ageGroup: AgeGroup, minutes: number): void {
  figures.requests += 1;
  figures.weeklyMinutes += minutes;
  figures.byAgeGroup[ageGroup] += 1;
}

/**
 * Open demand: the requests given (the caller passes those still waiting, see `activeStatuses`) counted by
 * start month, area and the child's age group at the wanted start, with the weekly care hours they ask for.
 * The age is taken at the wanted start because that decides the entitlement (§ 24 (1) and (2) SGB VIII).
 */
export function summariseDemand(requests: readonly DemandRequest[], filter: DemandFilter = {}): DemandReport {
  const total = emptyFigures();
  const months = new Map<string, DemandFigures & { month: string }>();
  const areas = new Map<string, DemandFigures & Area>();
  const cells = new Map<string, DemandCell>();

  for (const request of requests) {
    const month = request.wantedStart.slice(0, 7);
    if (filter.fromMonth && month < filter.fromMonth) continue;
    if (filter.toMonth && month > filter.toMonth) continue;
    if (!matchesAreaFilter(request, filter.area)) continue;
    const ageGroup = ageGroupOf(ageInMonths(request.childBirthDate, request.wantedStart));
    if (filter.ageGroup && ageGroup !== filter.ageGroup) continue;
    const minutes = weeklyCareMinutes(request.careTimes);
    const area = { postalCode: request.postalCode, town: request.town };

    addTo(total, ageGroup, minutes);
    const byMonth = months.get(month) ?? { month, ...emptyFigures() };
    addTo(byMonth, ageGroup, minutes);
    months.set(month, byMonth);
    const byArea = areas.get(areaKey(area)) ?? { ...area, ...emptyFigures() };
    addTo(byArea, ageGroup, minutes);
    areas.set(areaKey(area), byArea);
    const cellKey = `${month}\u0000${areaKey(area)}\u0000${ageGroup}`;
    const cell = cells.get(cellKey) ?? { month, ...area, ageGroup, requests: 0, weeklyMinutes: 0 };
    cell.requests += 1;
    cell.weeklyMinutes += minutes;
    cells.set(cellKey, cell);
  }

  return {
    total: {
      ...total,
      underOneShare: total.requests === 0 ? null : total.byAgeGroup.under1 / total.requests,
    },
    byAgeGroup: AGE_GROUPS.map((ageGroup) => ({
      ageGroup,
      requests: total.byAgeGroup[ageGroup],
      weeklyMinutes: [...cells.values()]
        .filter((cell) => cell.ageGroup === ageGroup)
        .reduce((sum, cell) => sum + cell.weeklyMinutes, 0),
    })),
    byStartMonth: [...months.values()].sort((a, b) => a.month.localeCompare(b.month)),
    // Largest demand first: the areas to plan for come on top.
    byArea: [...areas.values()].sort((a, b) => b.requests - a.requests || compareAreas(a, b)),
    cells: [...cells.values()].sort(
      (a, b) =>
        a.month.localeCompare(b.month) ||
        compareAreas(a, b) ||
        AGE_GROUPS.indexOf(a.ageGroup) - AGE_GROUPS.indexOf(b.ageGroup),
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Placement times

/** Median, 90th percentile and mean of a list of day counts; all null for an empty list. */
export interface DayStats {
  median: number | null;
  p90: number | null;
  mean: number | null;
}

/**
 * The median (the mean of the two middle values for an even count), the 90th percentile by the nearest-rank
 * method (the smallest value at least 90 % of the cases do not exceed — always a duration that really
 * occurred, which reads better in small offices than an interpolated one) and the mean to one decimal.
 */
export function dayStats(values: readonly number[]): DayStats {
  if (values.length === 0) return { median: null, p90: null, mean: null };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  const median =
    n % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1] as number;
  const mean = Math.round((sorted.reduce((sum, v) => sum + v, 0) / n) * 10) / 10;
  return { median, p90, mean };
}

/** A placed request: when the family's request was confirmed and when and from when its contract was made. */
export interface PlacedRequest extends Area {
  /** Calendar day (in the office's time zone) the parents confirmed the request: the wait begins. */
  confirmedOn: string;
  /** Calendar day the care contract was recorded. */
  contractMadeOn: string;
  /** First day of care under the contract. */
  contractStart: string;
  childBirthDate: string;
  wantedStart: string;
}

/** A request still waiting, confirmed on a day. */
export interface WaitingRequest extends Area {
  confirmedOn: string;
  childBirthDate: string;
  wantedStart: string;
}

export interface PlacementTimeFigures {
  placements: number;
  /** Days from the confirmation to the contract being made. */
  toContract: DayStats;
  /** Days from the confirmation to the first day of care. */
  toStart: DayStats;
}

export interface WaitingFigures {
  waiting: number;
  medianDays: number | null;
  longestDays: number | null;
}

export interface PlacementTimesReport {
  total: PlacementTimeFigures;
  /** By the month the contract was made, oldest first. */
  byContractMonth: (PlacementTimeFigures & { month: string })[];
  byAgeGroup: (PlacementTimeFigures & { ageGroup: AgeGroup })[];
  waiting: WaitingFigures & { byAgeGroup: (WaitingFigures & { ageGroup: AgeGroup })[] };
}

export interface PlacementTimesFilter {
  /** First month a contract was made in ("2026-01"), inclusive. */
  fromMonth?: string;
  toMonth?: string;
  area?: string;
  ageGroup?: AgeGroup;
}

function figuresOf(placed: readonly PlacedRequest[]): PlacementTimeFigures {
  return {
    placements: placed.length,
    toContract: dayStats(placed.map((p) => daysBetween(p.confirmedOn, p.contractMadeOn))),
    toStart: dayStats(placed.map((p) => daysBetween(p.confirmedOn, p.contractStart))),
  };
}

function waitingOf(waiting: readonly WaitingRequest[], today: string): WaitingFigures {
  const days = waiting.map((w) => Math.max(0, daysBetween(w.confirmedOn, today)));
  return {
    waiting: days.length,
    medianDays: dayStats(days).median,
    longestDays: days.length === 0 ? null : Math.max(...days),
  };
}

/**
 * How long placing a child takes, from the day the parents confirmed their request: to the day the contract
 * was made and to the first day of care, overall, by the month the contract was made and by the child's age
 * group at the wanted start (the same grouping as the demand, so a child counts in the same column in both
 * reports). Requests still waiting are measured up to `today`. The month filter applies to the contracts;
 * area and age group filter both.
 */
export function summarisePlacementTimes(
  placed: readonly PlacedRequest[],
  waiting: readonly WaitingRequest[],
  today: string,
  filter: PlacementTimesFilter = {},
): PlacementTimesReport {
  const ageOf = (r: { childBirthDate: string; wantedStart: string }) =>
    ageGroupOf(ageInMonths(r.childBirthDate, r.wantedStart));
  const keep = (r: Area & { childBirthDate: string; wantedStart: string }) =>
    matchesAreaFilter(r, filter.area) && (!filter.ageGroup || ageOf(r) === filter.ageGroup);
  const counted = placed.filter((p) => {
    const month = p.contractMadeOn.slice(0, 7);
    if (filter.fromMonth && month < filter.fromMonth) return false;
    if (filter.toMonth && month > filter.toMonth) return false;
    return keep(p);
  });
  const stillWaiting = waiting.filter(keep);

  const months = [...new Set(counted.map((p) => p.contractMadeOn.slice(0, 7)))].sort();
  return {
    total: figuresOf(counted),
    byContractMonth: months.map((month) => ({
      month,
      ...figuresOf(counted.filter((p) => p.contractMadeOn.startsWith(month))),
    })),
    byAgeGroup: AGE_GROUPS.map((ageGroup) => ({
      ageGroup,
      ...figuresOf(counted.filter((p) => ageOf(p) === ageGroup)),
    })),
    waiting: {
      ...waitingOf(stillWaiting, today),
      byAgeGroup: AGE_GROUPS.map((ageGroup) => ({
        ageGroup,
        ...waitingOf(
          stillWaiting.filter((w) => ageOf(w) === ageGroup),
          today,
        ),
      })),
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Free capacity

/** A caregiver as the capacity report sees her: her area, capacity profiles and care contracts. */
export interface CapacityCaregiver extends Area {
  profiles: readonly CapacityProfile[];
  contracts: readonly ContractTimes[];
}

/** One weekday of an area (or of all areas): what the caregivers open that day have free. */
export interface FreeDay {
  weekday: Weekday;
  /** Caregivers offering places that day. */
  open: number;
  /**
   * Places free all day: per caregiver the fewest free places during her opening hours that day, summed. A
   * child needing her whole day fits only into these.
   */
  freeAllDay: number;
  /** Places free at some time of the day: per caregiver the most free places at any time, summed. */
  freeAtMost: number;
  /** Free places times the hours they are free, summed (e.g. 2 places free 8–13 = 10 place-hours). */
  freePlaceHours: number;
}

export interface FreeCapacityArea extends Area {
  caregivers: number;
  withoutProfile: number;
  days: FreeDay[];
}

export interface FreeCapacityReport {
  date: string;
  caregivers: number;
  /** Caregivers without a capacity profile in effect on the date: their places are unknown, not zero. */
  withoutProfile: number;
  /** Monday to Friday, and Saturday or Sunday only when someone offers care then. */
  weekdays: Weekday[];
  areas: FreeCapacityArea[];
  total: FreeDay[];
}

interface CaregiverDay {
  freeAllDay: number;
  freeAtMost: number;
  freePlaceMinutes: number;
}

/**
 * One caregiver's free places per weekday on `date`, from core/caregivers' timeline. Opening hours are the
 * stretches with places offered. An overbooked stretch counts as 0 free, not as minus one: a shortage at one
 * caregiver does not take a place away from another in the same area.
 */
function caregiverDays(caregiver: CapacityCaregiver, date: string): Map<Weekday, CaregiverDay> {
  const days = new Map<Weekday, CaregiverDay>();
  for (const segment of freeCapacityTimeline(caregiver.profiles, caregiver.contracts, date)) {
    if (segment.places <= 0) continue;
    const free = Math.max(0, segment.free);
    const day = days.get(segment.weekday);
    const minutes = free * (segment.end - segment.start);
    if (day) {
      day.freeAllDay = Math.min(day.freeAllDay, free);
      day.freeAtMost = Math.max(day.freeAtMost, free);
      day.freePlaceMinutes += minutes;
    } else {
      days.set(segment.weekday, { freeAllDay: free, freeAtMost: free, freePlaceMinutes: minutes });
    }
  }
  return days;
}

const WORKDAYS: Weekday[] = [0, 1, 2, 3, 4];

function emptyDays(weekdays: readonly Weekday[]) {
  return new Map(
    weekdays.map((weekday) => [
      weekday,
      { weekday, open: 0, freeAllDay: 0, freeAtMost: 0, freePlaceMinutes: 0 },
    ]),
  );
}

function finishDays(days: ReturnType<typeof emptyDays>): FreeDay[] {
  return [...days.values()].map(({ freePlaceMinutes, ...day }) => ({
    ...day,
    freePlaceHours: Math.round((freePlaceMinutes / 60) * 10) / 10,
  }));
}

/**
 * Free capacity on `date` by area and weekday: for every caregiver the capacity profile in effect that day
 * minus the contracts running that day, summed over the caregivers of each area.
 */
export function summariseFreeCapacity(
  caregivers: readonly CapacityCaregiver[],
  date: string,
  filter: { area?: string } = {},
): FreeCapacityReport {
  const counted = caregivers.filter((c) => matchesAreaFilter(c, filter.area));
  const perCaregiver = counted.map((caregiver) => ({ caregiver, days: caregiverDays(caregiver, date) }));
  const hasWeekend = (weekday: Weekday) => perCaregiver.some(({ days }) => days.has(weekday));
  const weekdays = [...WORKDAYS, ...([5, 6] as Weekday[]).filter(hasWeekend)];

  const total = emptyDays(weekdays);
  const areas = new Map<
    string,
    { area: Area; caregivers: number; withoutProfile: number; days: ReturnType<typeof emptyDays> }
  >();
  let withoutProfile = 0;
  for (const { caregiver, days } of perCaregiver) {
    const key = areaKey(caregiver);
    const area = areas.get(key) ?? {
      area: { postalCode: caregiver.postalCode, town: caregiver.town },
      caregivers: 0,
      withoutProfile: 0,
      days: emptyDays(weekdays),
    };
    area.caregivers += 1;
    if (!profileInEffect(caregiver.profiles, date)) {
      area.withoutProfile += 1;
      withoutProfile += 1;
    }
    for (const [weekday, day] of days) {
      for (const target of [area.days.get(weekday), total.get(weekday)]) {
        if (!target) continue;
        target.open += 1;
        target.freeAllDay += day.freeAllDay;
        target.freeAtMost += day.freeAtMost;
        target.freePlaceMinutes += day.freePlaceMinutes;
      }
    }
    areas.set(key, area);
  }

  return {
    date,
    caregivers: counted.length,
    withoutProfile,
    weekdays,
    areas: [...areas.values()]
      .sort((a, b) => compareAreas(a.area, b.area))
      .map(({ area, caregivers: count, withoutProfile: missing, days }) => ({
        ...area,
        caregivers: count,
        withoutProfile: missing,
        days: finishDays(days),
      })),
    total: finishDays(total),
  };
}
