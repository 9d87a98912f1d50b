/** Builders for the substitution tests and the benchmark: a person, a child-day and an input with defaults. */

import type { CapacitySlot, Weekday } from "../caregivers/capacity";
import { type GeoPoint, offsetPoint } from "../geo/geo";
import { clockToMinute } from "./absences";
import type { CareContract, CoverChild, CoverInput, CoverKita, CoverPerson, MinuteRange } from "./types";

export const ORIGIN: GeoPoint = { lat: 51.755, lon: 8.04 };

/** A point `km` east of ORIGIN (or at `bearing`). */
export function at(km: number, bearing = 90): GeoPoint {
  return km === 0 ? ORIGIN : offsetPoint(ORIGIN, km * 1000, bearing);
}

/** "08:00-12:00" → [480, 720]. */
export function range(text: string): MinuteRange {
  const [from, to] = text.split("-") as [string, string];
  return [clockToMinute(from), clockToMinute(to)];
}

/** Monday to Friday slots of `from`–`to` with `places`. */
export function weekdaySlots(from = "07:00", to = "17:00", places = 5): CapacitySlot[] {
  const [start, end] = range(`${from}-${to}`);
  return ([0, 1, 2, 3, 4] as Weekday[]).map((weekday) => ({ weekday, start, end, places }));
}

/** A contract Monday to Friday at `times` ("08:00-12:00"), from 2020 open-ended unless given. */
export function contract(
  id: string,
  times = "08:00-16:00",
  options: { start?: string; end?: string | null; days?: number[] } = {},
): CareContract {
  const [from, to] = times.split("-") as [string, string];
  return {
    id,
    start: options.start ?? "2020-01-01",
    end: options.end ?? null,
    careTimes: (options.days ?? [1, 2, 3, 4, 5]).map((day) => ({ day, from, to })),
  };
}

export function person(id: string, overrides: Partial<CoverPerson> = {}): CoverPerson {
  return {
    id,
    isSubstitute: false,
    location: ORIGIN,
    ageMinMonths: 0,
    ageMaxMonths: 72,
    licences: [{ validFrom: "2020-01-01", validTo: "2030-12-31", maxChildren: 5 }],
    profiles: [{ effectiveFrom: "2020-01-01", slots: weekdaySlots() }],
    contracts: [],
    absences: [],
    ...overrides,
  };
}

/** `count` own children of a person at `times`. */
export function ownChildren(prefix: string, count: number, times = "08:00-16:00"): CareContract[] {
  return Array.from({ length: count }, (_, i) => contract(`${prefix}-own${i}`, times));
}

export function child(contractId: string, overrides: Partial<CoverChild> = {}): CoverChild {
  return {
    contractId,
    day: "2026-11-30",
    ranges: [range("08:00-12:00")],
    absentCaregiverId: "absent",
    ageMonths: 24,
    familyKey: null,
    home: ORIGIN,
    knows: [],
    ...overrides,
  };
}

export function kita(id: string, overrides: Partial<CoverKita> = {}): CoverKita {
  return {
    id,
    location: ORIGIN,
    places: 2,
    ageMinMonths: 12,
    ageMaxMonths: 72,
    hours: [1, 2, 3, 4, 5].map((day) => ({ day, from: "07:00", to: "16:00" })),
    ...overrides,
  };
}

/** An input with the absent caregiver "absent" (ill all week, at ORIGIN) unless `people` has one of its own. */
export function coverInput(overrides: Partial<CoverInput> = {}): CoverInput {
  const absent = person("absent", {
    absences: [{ startsOn: "2026-11-30", endsOn: "2026-12-04", dayFrom: null, dayTo: null }],
  });
  const people = overrides.people ?? [];
  return {
    children: [],
    kitas: [],
    arrangements: [],
    existingCovers: [],
    maxDistanceKm: 15,
    ...overrides,
    people: people.some((p) => p.id === "absent") ? people : [absent, ...people],
  };
}
