/**
 * The weekly capacity of a day-care person. A licence limits children *present at the same time*, not
 * contracts, so capacity is a step function over the minutes of a week: how many places she offers and how
 * many contracted children are there. Everything here works on the breakpoints of that step function (a sweep
 * over sorted range starts and ends), never minute by minute, so a placement run over 2,000 caregivers stays
 * cheap.
 */

import { addDays, addYears } from "../shared/dates";

/** Day of the week, Monday = 0 … Sunday = 6. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** A weekly recurring time range; `start` and `end` are minutes of the day (0–1440), `start < end`. */
export interface TimeRange {
  weekday: Weekday;
  start: number;
  end: number;
}

/** A time range in which the caregiver can have `places` children present at once. */
export interface CapacitySlot extends TimeRange {
  places: number;
}

/** The caregiver's weekly offer from `effectiveFrom` (ISO date) until the next profile takes over. */
export interface CapacityProfile {
  effectiveFrom: string;
  slots: CapacitySlot[];
}

/** A care contract's weekly times; `start` and `end` are ISO dates, both inclusive, `end` null = open-ended. */
export interface ContractTimes {
  start: string;
  end: string | null;
  times: TimeRange[];
}

/** Stable codes the server translates; they are part of the API, so never rename one. */
export type ProfileProblemCode =
  | "outOfRange"
  | "startNotBeforeEnd"
  | "overlap"
  | "placesBelowOne"
  | "placesNotWhole"
  | "placesAboveLicence";

/** One problem of a profile; `otherSlotIndex` names the slot an overlapping one collides with. */
export interface ProfileProblem {
  code: ProfileProblemCode;
  slotIndex: number;
  otherSlotIndex?: number;
}

/** A stretch of one weekday in which places, children present and free places stay the same. */
export interface TimelineSegment {
  weekday: Weekday;
  start: number;
  end: number;
  places: number;
  present: number;
  /** `places - present`; negative when the caregiver is overbooked. */
  free: number;
}

/** Requested time in which the caregiver has no free place, from date `from` on. */
export interface CapacityConflict {
  from: string;
  weekday: Weekday;
  start: number;
  end: number;
  present: number;
  places: number;
}

/** Outcome of {@link canTakeChild}. */
export interface CanTakeChildResult {
  ok: boolean;
  conflicts: CapacityConflict[];
  /** First checked date on which the caregiver already has `maxContracts` active contracts, else null. */
  contractLimitReachedOn: string | null;
}

/** Optional limits for {@link canTakeChild}. */
export interface CanTakeChildOptions {
  /**
   * Children per week across all contracts (NRW `maxContractsPerWeek`, SH `maxChildrenPerWeek`); null or
   * absent skips the check.
   */
  maxContracts?: number | null;
  /** Last day (inclusive) the requested care is needed; null or absent means open-ended. */
  until?: string | null;
  /** How far ahead to look, in years; defaults to 2. */
  horizonYears?: number;
}

/** Minute of the week for a weekday and a minute of that day. */
export function minuteOfWeek(weekday: Weekday, minuteOfDay: number): number {
  return weekday * MINUTES_PER_DAY + minuteOfDay;
}

function isWeekday(value: number): value is Weekday {
  return Number.isInteger(value) && value >= 0 && value <= 6;
}

function isMinuteOfDay(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MINUTES_PER_DAY;
}

/**
 * Checks a capacity profile's slots before it is saved: every slot within one day with `start < end`,
 * whole places from 1 to the licence's maximum, and no two slots of a weekday overlapping (touching ends
 * are fine). Returns an empty list for a valid profile.
 */
export function validateProfile(
  slots: readonly CapacitySlot[],
  licenceMaxChildren: number,
): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const wellFormed: number[] = [];

  slots.forEach((slot, slotIndex) => {
    let rangeOk = true;
    if (!isWeekday(slot.weekday) || !isMinuteOfDay(slot.start) || !isMinuteOfDay(slot.end)) {
      problems.push({ code: "outOfRange", slotIndex });
      rangeOk = false;
    } else if (slot.start >= slot.end) {
      problems.push({ code: "startNotBeforeEnd", slotIndex });
      rangeOk = false;
    }
    if (!Number.isInteger(slot.places)) {
      problems.push({ code: "placesNotWhole", slotIndex });
    } else if (slot.places < 1) {
      problems.push({ code: "placesBelowOne", slotIndex });
    } else if (slot.places > licenceMaxChildren) {
      problems.push({ code: "placesAboveLicence", slotIndex });
    }
    if (rangeOk) wellFormed.push(slotIndex);
  });

  // Sorted by start, a slot overlaps an earlier one exactly when it starts before the furthest end seen so far.
  const byStart = wellFormed
    .map((slotIndex) => ({ slotIndex, slot: slots[slotIndex] as CapacitySlot }))
    .sort((a, b) => minuteOfWeek(a.slot.weekday, a.slot.start) - minuteOfWeek(b.slot.weekday, b.slot.start));
  let reach: { slotIndex: number; end: number } | null = null;
  for (const { slotIndex, slot } of byStart) {
    const start = minuteOfWeek(slot.weekday, slot.start);
    const end = minuteOfWeek(slot.weekday, slot.end);
    if (reach && start < reach.end) {
      problems.push({ code: "overlap", slotIndex, otherSlotIndex: reach.slotIndex });
    }
    if (!reach || end > reach.end) reach = { slotIndex, end };
  }

  return problems.sort((a, b) => a.slotIndex - b.slotIndex);
}

/**
 * The profile that governs `date`: the one with the latest `effectiveFrom` on or before it, or null when none
 * has started yet. Of two profiles with the same date the later one in the list wins, so an append-only
 * history lets a correction replace an entry.
 */
export function profileInEffect(profiles: readonly CapacityProfile[], date: string): CapacityProfile | null {
  let current: CapacityProfile | null = null;
  for (const profile of profiles) {
    if (profile.effectiveFrom <= date && (!current || profile.effectiveFrom >= current.effectiveFrom)) {
      current = profile;
    }
  }
  return current;
}

/** Whether a contract runs on `date` (start and end inclusive). */
export function isContractActiveOn(contract: ContractTimes, date: string): boolean {
  return contract.start <= date && (contract.end === null || date <= contract.end);
}

function coversMinute(range: TimeRange, minute: number): boolean {
  return (
    minuteOfWeek(range.weekday, range.start) <= minute && minute < minuteOfWeek(range.weekday, range.end)
  );
}

/**
 * Places offered at a minute of the week (0 outside every slot or without a profile). Should slots overlap,
 * which {@link validateProfile} rejects, the larger value counts rather than the sum, so a data error can
 * never invent capacity.
 */
export function placesAt(profile: CapacityProfile | null, minute: number): number {
  let places = 0;
  for (const slot of profile?.slots ?? []) {
    if (coversMinute(slot, minute)) places = Math.max(places, slot.places);
  }
  return places;
}

/** Children with a contract active on `date` whose times include the given minute of the week. */
export function childrenPresentAt(contracts: readonly ContractTimes[], date: string, minute: number): number {
  return contracts.filter(
    (contract) =>
      isContractActiveOn(contract, date) && contract.times.some((range) => coversMinute(range, minute)),
  ).length;
}

/** Free places at a minute of the week on `date`; negative when more children are booked than places offered. */
export function freePlacesAt(
  profiles: readonly CapacityProfile[],
  contracts: readonly ContractTimes[],
  date: string,
  minute: number,
): number {
  return placesAt(profileInEffect(profiles, date), minute) - childrenPresentAt(contracts, date, minute);
}

/**
 * Sorts ranges and merges overlapping or touching ones per weekday, dropping empty ones, so a child whose
 * contract lists 8–12 and 11–14 is counted once between 11 and 12.
 */
export function normaliseTimes(times: readonly TimeRange[]): TimeRange[] {
  const sorted = times
    .filter((range) => range.start < range.end)
    .map((range) => ({ weekday: range.weekday, start: range.start, end: range.end }))
    .sort((a, b) => a.weekday - b.weekday || a.start - b.start);
  const merged: TimeRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && last.weekday === range.weekday && range.start <= last.end) {
      last.end = Math.max(last.end, range.end);
    } else {
      merged.push(range);
    }
  }
  return merged;
}

interface SweepEvent {
  at: number;
  /** Places of a slot that starts (positive) or ends (negative) here. */
  slotPlaces: number;
  presentDelta: number;
}

function sweepWeek(
  profile: CapacityProfile | null,
  activeContractTimes: readonly (readonly TimeRange[])[],
): TimelineSegment[] {
  const events: SweepEvent[] = [];
  for (const slot of profile?.slots ?? []) {
    if (slot.start >= slot.end || slot.places <= 0) continue;
    events.push({ at: minuteOfWeek(slot.weekday, slot.start), slotPlaces: slot.places, presentDelta: 0 });
    events.push({ at: minuteOfWeek(slot.weekday, slot.end), slotPlaces: -slot.places, presentDelta: 0 });
  }
  for (const times of activeContractTimes) {
    for (const range of times) {
      events.push({ at: minuteOfWeek(range.weekday, range.start), slotPlaces: 0, presentDelta: 1 });
      events.push({ at: minuteOfWeek(range.weekday, range.end), slotPlaces: 0, presentDelta: -1 });
    }
  }
  events.sort((a, b) => a.at - b.at);

  // Open slots as a multiset of place counts: the maximum is what counts (see placesAt).
  const openSlots = new Map<number, number>();
  let present = 0;
  const segments: TimelineSegment[] = [];
  let index = 0;
  while (index < events.length) {
    const at = (events[index] as SweepEvent).at;
    for (; index < events.length && (events[index] as SweepEvent).at === at; index++) {
      const event = events[index] as SweepEvent;
      present += event.presentDelta;
      if (event.slotPlaces !== 0) {
        const places = Math.abs(event.slotPlaces);
        const count = (openSlots.get(places) ?? 0) + Math.sign(event.slotPlaces);
        if (count === 0) openSlots.delete(places);
        else openSlots.set(places, count);
      }
    }
    const next = events[index]?.at;
    const places = openSlots.size === 0 ? 0 : Math.max(...openSlots.keys());
    if (next === undefined || (places === 0 && present === 0)) continue;
    appendSegment(segments, at, next, places, present);
  }
  return segments;
}

function appendSegment(
  segments: TimelineSegment[],
  from: number,
  to: number,
  places: number,
  present: number,
): void {
  // Every range ends by midnight, so a day boundary is always a breakpoint and a stretch never spans two days.
  const weekday = Math.floor(from / MINUTES_PER_DAY) as Weekday;
  const start = from - weekday * MINUTES_PER_DAY;
  const end = to - weekday * MINUTES_PER_DAY;
  const last = segments.at(-1);
  if (
    last &&
    last.weekday === weekday &&
    last.end === start &&
    last.places === places &&
    last.present === present
  ) {
    last.end = end;
    return;
  }
  segments.push({ weekday, start, end, places, present, free: places - present });
}

/**
 * The week as the rules of `date` shape it (the profile in effect and the contracts active that day): segments
 * in weekday and time order wherever places or children present change, equal neighbours merged. Times with
 * neither places nor children are left out. This is what a week plan draws and what placement checks.
 */
export function freeCapacityTimeline(
  profiles: readonly CapacityProfile[],
  contracts: readonly ContractTimes[],
  date: string,
): TimelineSegment[] {
  const active = contracts.filter((contract) => isContractActiveOn(contract, date));
  return sweepWeek(
    profileInEffect(profiles, date),
    active.map((contract) => normaliseTimes(contract.times)),
  );
}

function conflictsWithin(
  segments: readonly TimelineSegment[],
  requested: readonly TimeRange[],
  from: string,
) {
  const conflicts: CapacityConflict[] = [];
  const add = (weekday: Weekday, start: number, end: number, places: number, present: number) => {
    if (present < places) return;
    const last = conflicts.at(-1);
    if (
      last &&
      last.weekday === weekday &&
      last.end === start &&
      last.places === places &&
      last.present === present
    ) {
      last.end = end;
    } else {
      conflicts.push({ from, weekday, start, end, present, places });
    }
  };
  for (const range of requested) {
    let cursor = range.start;
    for (const segment of segments) {
      if (segment.weekday !== range.weekday || segment.end <= range.start || segment.start >= range.end)
        continue;
      // Time outside every segment has no places at all: she does not offer care then.
      if (segment.start > cursor) add(range.weekday, cursor, segment.start, 0, 0);
      const start = Math.max(cursor, segment.start);
      const end = Math.min(range.end, segment.end);
      add(range.weekday, start, end, segment.places, segment.present);
      cursor = end;
    }
    if (cursor < range.end) add(range.weekday, cursor, range.end, 0, 0);
  }
  return conflicts;
}

/**
 * Whether one more child with `requestedTimes` fits from `fromDate` on. Profiles and contracts change on
 * dates, so the week is checked as it stands on `fromDate` and on every later date within the horizon
 * (default 2 years) on which a profile takes effect or a contract starts or ends; a profile that cuts places
 * next spring conflicts today. Each distinct shortage is reported once, with the first date it applies.
 */
export function canTakeChild(
  profiles: readonly CapacityProfile[],
  contracts: readonly ContractTimes[],
  fromDate: string,
  requestedTimes: readonly TimeRange[],
  options: CanTakeChildOptions = {},
): CanTakeChildResult {
  const horizonEnd = addYears(fromDate, options.horizonYears ?? 2);
  const until = options.until ?? null;
  const isChecked = (date: string) =>
    fromDate <= date && date < horizonEnd && (until === null || date <= until);

  const checkpoints = new Set<string>([fromDate]);
  for (const profile of profiles) checkpoints.add(profile.effectiveFrom);
  for (const contract of contracts) {
    checkpoints.add(contract.start);
    if (contract.end !== null) checkpoints.add(addDays(contract.end, 1));
  }

  const requested = normaliseTimes(requestedTimes);
  const normalised = contracts.map((contract) => ({ contract, times: normaliseTimes(contract.times) }));
  const seen = new Set<string>();
  const conflicts: CapacityConflict[] = [];
  let contractLimitReachedOn: string | null = null;
  const maxContracts = options.maxContracts ?? null;

  for (const date of [...checkpoints].filter(isChecked).sort()) {
    const active = normalised.filter(({ contract }) => isContractActiveOn(contract, date));
    if (maxContracts !== null && contractLimitReachedOn === null && active.length >= maxContracts) {
      contractLimitReachedOn = date;
    }
    const segments = sweepWeek(
      profileInEffect(profiles, date),
      active.map(({ times }) => times),
    );
    for (const conflict of conflictsWithin(segments, requested, date)) {
      const key = `${conflict.weekday}:${conflict.start}:${conflict.end}:${conflict.present}:${conflict.places}`;
      if (seen.has(key)) continue;
      seen.add(key);
      conflicts.push(conflict);
    }
  }

  return { ok: conflicts.length === 0 && contractLimitReachedOn === null, conflicts, contractLimitReachedOn };
}

/** Minutes per week covered by `times`, overlaps counted once. */
export function weeklyMinutes(times: readonly TimeRange[]): number {
  return normaliseTimes(times).reduce((total, range) => total + range.end - range.start, 0);
}

/** Hours per week covered by `times` (e.g. 37.5), overlaps counted once: the Betreuungsumfang. */
export function weeklyHours(times: readonly TimeRange[]): number {
  return weeklyMinutes(times) / 60;
}

/** "08:30" for 510; 1440 gives "24:00" so a range can end at midnight. Throws for anything outside 0–1440. */
export function minutesToHhmm(minutes: number): string {
  if (!isMinuteOfDay(minutes)) throw new RangeError(`Not a minute of the day: ${minutes}`);
  const hours = Math.floor(minutes / 60);
  return `${String(hours).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** 510 for "08:30" (also "8:30"); "24:00" gives 1440. Returns null for anything else, so forms can flag it. */
export function hhmmToMinutes(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/** "08:00–12:30" for a range's minutes of the day (weekday names are left to the UI's language). */
export function formatTimeRange(range: Pick<TimeRange, "start" | "end">): string {
  return `${minutesToHhmm(range.start)}–${minutesToHhmm(range.end)}`;
}
