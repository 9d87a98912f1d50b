/**
 * Reference implementations for the tests: the definitions of the instance format, written as plainly as
 * possible (minute by minute, every pair), to check the fast code against. Not used by the round itself.
 */

import { hhmmToMinutes, MINUTES_PER_DAY, MINUTES_PER_WEEK } from "../caregivers/capacity";
import { haversineKm } from "../geo/geo";
import type { PlacementCaregiver, PlacementInstance, PlacementRequest, PlacementTimeRange } from "./instance";

/** A seeded PRNG (mulberry32), so that a failing random case can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function minutesOf(range: PlacementTimeRange): [number, number] {
  const offset = (range.day - 1) * MINUTES_PER_DAY;
  return [offset + (hhmmToMinutes(range.from) ?? 0), offset + (hhmmToMinutes(range.to) ?? 0)];
}

const freeCache = new WeakMap<PlacementCaregiver, Int16Array>();
const careCache = new WeakMap<PlacementRequest, Uint8Array>();

/** Free places per minute of the week (overlaps: the larger number). */
export function freeByMinute(caregiver: PlacementCaregiver): Int16Array {
  const cached = freeCache.get(caregiver);
  if (cached) return cached;
  const free = new Int16Array(MINUTES_PER_WEEK);
  for (const range of caregiver.freePlaces) {
    const [from, to] = minutesOf(range);
    for (let m = from; m < to; m++) free[m] = Math.max(free[m] as number, range.places);
  }
  freeCache.set(caregiver, free);
  return free;
}

export function careByMinute(request: PlacementRequest): Uint8Array {
  const cached = careCache.get(request);
  if (cached) return cached;
  const needed = new Uint8Array(MINUTES_PER_WEEK);
  for (const range of request.care) {
    const [from, to] = minutesOf(range);
    needed.fill(1, from, to);
  }
  careCache.set(request, needed);
  return needed;
}

export function referenceAcceptable(caregiver: PlacementCaregiver, request: PlacementRequest): boolean {
  if (haversineKm(request.location, caregiver.location) > request.maxDistanceKm) return false;
  if (request.childAgeMonths < caregiver.ageMonths.min || request.childAgeMonths > caregiver.ageMonths.max) {
    return false;
  }
  if (request.needsInclusion && !caregiver.inclusion) return false;
  if (request.noPets && caregiver.pets) return false;
  const free = freeByMinute(caregiver);
  for (const range of request.care) {
    const [from, to] = minutesOf(range);
    for (let m = from; m < to; m++) if ((free[m] as number) < 1) return false;
  }
  return true;
}

/** The request's ranking of caregiver ids, best first. */
export function referenceRequestRanking(instance: PlacementInstance, request: PlacementRequest): string[] {
  const byId = new Map(instance.caregivers.map((c) => [c.id, c]));
  if (request.preferences && request.preferences.length > 0) {
    return request.preferences.filter((id) => {
      const caregiver = byId.get(id);
      return caregiver !== undefined && referenceAcceptable(caregiver, request);
    });
  }
  return instance.caregivers
    .map((caregiver, index) => ({ caregiver, index, km: haversineKm(request.location, caregiver.location) }))
    .filter(({ caregiver }) => referenceAcceptable(caregiver, request))
    .sort((a, b) => a.km - b.km || a.index - b.index)
    .map(({ caregiver }) => caregiver.id);
}

/** The caregiver's ranking of all request ids, best first. */
export function referenceCaregiverRanking(
  instance: PlacementInstance,
  caregiver: PlacementCaregiver,
): string[] {
  const byPoints = instance.requests
    .map((request, index) => ({ request, index }))
    .sort((a, b) => b.request.priorityPoints - a.request.priorityPoints || a.index - b.index)
    .map(({ request }) => request.id);
  if (!caregiver.priorityOrder) return byPoints;
  const listed = new Set(caregiver.priorityOrder);
  return [...caregiver.priorityOrder, ...byPoints.filter((id) => !listed.has(id))];
}

const load = new Int16Array(MINUTES_PER_WEEK);

/** Whether a set of requests fits a caregiver: count, and free places at every minute. */
export function referenceFits(caregiver: PlacementCaregiver, requests: PlacementRequest[]): boolean {
  if (requests.length > caregiver.maxChildren - caregiver.existingChildren) return false;
  const free = freeByMinute(caregiver);
  let fits = true;
  for (const request of requests) {
    for (const range of request.care) {
      const [from, to] = minutesOf(range);
      for (let m = from; m < to; m++) {
        load[m] = (load[m] as number) + 1;
        if ((load[m] as number) > (free[m] as number)) fits = false;
      }
    }
  }
  // Overlapping ranges of one request count once: undo per range and recount only where it matters.
  load.fill(0);
  if (fits) return true;
  for (let m = 0; m < MINUTES_PER_WEEK; m++) {
    let present = 0;
    for (const request of requests) if (careByMinute(request)[m]) present++;
    if (present > (free[m] as number)) return false;
  }
  return true;
}

/** All blocking pairs of an assignment, straight from the definition. */
export function referenceBlockingPairs(
  instance: PlacementInstance,
  assignments: Record<string, string | null>,
): [string, string][] {
  const pairs: [string, string][] = [];
  for (const request of instance.requests) {
    const ranking = referenceRequestRanking(instance, request);
    const current = assignments[request.id] ?? null;
    const limit = current === null ? ranking.length : ranking.indexOf(current);
    for (const caregiverId of ranking.slice(0, limit)) {
      const caregiver = instance.caregivers.find((c) => c.id === caregiverId) as PlacementCaregiver;
      const order = referenceCaregiverRanking(instance, caregiver);
      const above = instance.requests.filter(
        (other) =>
          assignments[other.id] === caregiverId && order.indexOf(other.id) < order.indexOf(request.id),
      );
      if (referenceFits(caregiver, [...above, request])) pairs.push([request.id, caregiverId]);
    }
  }
  return pairs;
}

const hour = (h: number) => `${String(h).padStart(2, "0")}:00`;

/** A caregiver near Lippstadt with one place on Monday 7–16; tests override what matters to them. */
export function testCaregiver(id: string, overrides: Partial<PlacementCaregiver> = {}): PlacementCaregiver {
  return {
    id,
    location: { lat: 51.75, lon: 8.04 },
    ageMonths: { min: 0, max: 36 },
    maxChildren: 5,
    existingChildren: 0,
    inclusion: false,
    pets: false,
    freePlaces: [{ day: 1, from: "07:00", to: "16:00", places: 1 }],
    ...overrides,
  };
}

/** A request nearby for Monday 8–13; tests override what matters to them. */
export function testRequest(id: string, overrides: Partial<PlacementRequest> = {}): PlacementRequest {
  return {
    id,
    location: { lat: 51.751, lon: 8.041 },
    childAgeMonths: 14,
    care: [{ day: 1, from: "08:00", to: "13:00" }],
    maxDistanceKm: 10,
    needsInclusion: false,
    noPets: false,
    priorityPoints: 0,
    ...overrides,
  };
}

/** Random small instances with time slots: overlapping hours, places that change at noon, count limits. */
export function randomTimeSlotInstance(seed: number): PlacementInstance {
  const random = seededRandom(seed);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const caregivers = Array.from({ length: integer(1, 4) }, (_, c) => {
    const noon = integer(10, 14);
    return testCaregiver(`c${c}`, {
      location: { lat: 51.75 + random() * 0.03, lon: 8.04 + random() * 0.03 },
      maxChildren: integer(1, 4),
      existingChildren: integer(0, 1),
      freePlaces: [
        { day: 1, from: "08:00", to: hour(noon), places: integer(1, 2) },
        { day: 1, from: hour(noon), to: "16:00", places: integer(1, 2) },
        ...(random() < 0.3 ? [{ day: 2, from: "08:00", to: "12:00", places: 1 }] : []),
      ],
    });
  });
  const requests = Array.from({ length: integer(2, 7) }, (_, r) => {
    const from = integer(8, 15);
    const care = [{ day: 1, from: hour(from), to: hour(integer(from + 1, 16)) }];
    if (random() < 0.2) care.push({ day: 2, from: "09:00", to: "11:00" });
    return testRequest(`r${r}`, {
      location: { lat: 51.75 + random() * 0.03, lon: 8.04 + random() * 0.03 },
      care,
      maxDistanceKm: random() < 0.2 ? 1.5 : 10,
      priorityPoints: integer(0, 5),
      ...(random() < 0.5 ? { preferences: caregivers.map((c) => c.id).filter(() => random() < 0.7) } : {}),
    });
  });
  for (const c of caregivers) {
    if (random() < 0.3) c.priorityOrder = [`r${integer(0, requests.length - 1)}`];
  }
  return { caregivers, requests };
}

/** Whether any assignment (every request to a caregiver it ranks or to none) fits and has no blocking pair. */
export function hasStableAssignment(instance: PlacementInstance): boolean {
  const lists = instance.requests.map((r) => [...referenceRequestRanking(instance, r), null]);
  const current: (string | null)[] = [];
  const search = (i: number): boolean => {
    if (i === instance.requests.length) {
      const assignments = Object.fromEntries(instance.requests.map((r, k) => [r.id, current[k] ?? null]));
      return referenceBlockingPairs(instance, assignments).length === 0;
    }
    for (const c of lists[i] as (string | null)[]) {
      current[i] = c;
      if (c !== null) {
        const caregiver = instance.caregivers.find((x) => x.id === c) as PlacementCaregiver;
        const set = instance.requests.filter((_, k) => k <= i && current[k] === c);
        if (!referenceFits(caregiver, set)) continue;
      }
      if (search(i + 1)) return true;
    }
    return false;
  };
  return search(0);
}
