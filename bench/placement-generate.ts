/**
 * Seeded generator of allocation-round instances that look like the real thing: caregivers and families
 * clustered in towns (a country is some 400 districts of a few towns each), free places mostly Monday to
 * Friday 7:00–16:00 with the usual variations (short Fridays, a place that is only free in the morning),
 * care wishes such as Mon–Fri 8–13 or three full days, a minority of families with their own preferences
 * and a few caregivers with a priority order of their own (siblings of children they already care for).
 */

import type {
  PlacementCaregiver,
  PlacementFreePlaces,
  PlacementInstance,
  PlacementRequest,
  PlacementTimeRange,
} from "../src/core/placement/instance";
import { seededRandom } from "../src/core/placement/test-support";

export interface GenerateOptions {
  seed: number;
  caregivers: number;
  requests: number;
  /** Districts; each has a main town and a few smaller ones. */
  regions: number;
  /** Centre of a single-region instance; regions spread over Germany otherwise. */
  center?: { lat: number; lon: number };
  /** Spread of the main town in km (a city is large, a district town small). */
  mainTownKm: number;
  /** Families' maximum distance in km: from `min` to `max`, uniformly. */
  maxDistanceKm: { min: number; max: number };
}

interface Town {
  lat: number;
  lon: number;
  spreadKm: number;
  weight: number;
  caregivers: number[];
}

const KM_PER_DEGREE_LAT = 111.2;
const WEEKDAYS = [1, 2, 3, 4, 5];

export function generateInstance(options: GenerateOptions): PlacementInstance {
  const random = seededRandom(options.seed);
  const between = (min: number, max: number) => min + random() * (max - min);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number) => random() < p;
  const gaussian = () => {
    // Box–Muller; 1 - random() keeps the logarithm finite.
    return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const towns: Town[] = [];
  for (let region = 0; region < options.regions; region++) {
    const center = options.center ?? { lat: between(47.5, 54.8), lon: between(6.2, 14.8) };
    towns.push({ ...center, spreadKm: options.mainTownKm, weight: 6, caregivers: [] });
    const smallTowns = options.regions === 1 && options.mainTownKm > 5 ? 0 : integer(2, 5);
    for (let t = 0; t < smallTowns; t++) {
      const distanceKm = between(6, 25);
      const angle = between(0, 2 * Math.PI);
      towns.push({
        lat: center.lat + (distanceKm * Math.sin(angle)) / KM_PER_DEGREE_LAT,
        lon:
          center.lon +
          (distanceKm * Math.cos(angle)) / (KM_PER_DEGREE_LAT * Math.cos((center.lat * Math.PI) / 180)),
        spreadKm: between(0.8, 2.5),
        weight: between(0.5, 2),
        caregivers: [],
      });
    }
  }
  const totalWeight = towns.reduce((sum, town) => sum + town.weight, 0);
  const pickTown = () => {
    let x = random() * totalWeight;
    for (const town of towns) {
      x -= town.weight;
      if (x <= 0) return town;
    }
    return towns[towns.length - 1] as Town;
  };
  const placeIn = (town: Town) => {
    const north = gaussian() * town.spreadKm;
    const east = gaussian() * town.spreadKm;
    return {
      lat: Math.round((town.lat + north / KM_PER_DEGREE_LAT) * 1e5) / 1e5,
      lon:
        Math.round((town.lon + east / (KM_PER_DEGREE_LAT * Math.cos((town.lat * Math.PI) / 180))) * 1e5) /
        1e5,
    };
  };

  const caregivers: PlacementCaregiver[] = [];
  for (let c = 0; c < options.caregivers; c++) {
    const town = pickTown();
    town.caregivers.push(c);
    const maxChildren = chance(0.85) ? 5 : chance(0.6) ? 8 : 4;
    const freeCount = chance(0.45) ? 1 : chance(0.6) ? 2 : 3;
    caregivers.push({
      id: `c${c + 1}`,
      location: placeIn(town),
      ageMonths: chance(0.7) ? { min: 0, max: 36 } : chance(0.6) ? { min: 12, max: 72 } : { min: 0, max: 48 },
      maxChildren,
      existingChildren: Math.max(0, maxChildren - freeCount - (chance(0.2) ? 1 : 0)),
      inclusion: chance(0.15),
      pets: chance(0.25),
      freePlaces: freePlacesFor(freeCount, random),
    });
  }

  const requests: PlacementRequest[] = [];
  const requestsByTown = new Map<Town, number[]>();
  for (let r = 0; r < options.requests; r++) {
    const town = pickTown();
    const location = placeIn(town);
    const townRequests = requestsByTown.get(town) ?? [];
    townRequests.push(r);
    requestsByTown.set(town, townRequests);
    const maxDistanceKm = Math.round(between(options.maxDistanceKm.min, options.maxDistanceKm.max) * 10) / 10;
    const request: PlacementRequest = {
      id: `r${r + 1}`,
      location,
      childAgeMonths: Math.round(Math.min(40, Math.max(4, 20 + gaussian() * 8))),
      care: carePattern(random),
      maxDistanceKm,
      needsInclusion: chance(0.03),
      noPets: chance(0.1),
      priorityPoints: integer(0, 30),
    };
    if (chance(0.3) && town.caregivers.length > 0) {
      // Families who visited some caregivers nearby rank those, roughly but not exactly by distance.
      const wanted = integer(1, 5);
      const candidates = Array.from({ length: Math.min(30, town.caregivers.length) }, () =>
        pick(town.caregivers),
      );
      const ranked = [...new Set(candidates)]
        .map((c) => {
          const other = (caregivers[c] as PlacementCaregiver).location;
          const km = Math.hypot(
            (other.lat - location.lat) * KM_PER_DEGREE_LAT,
            (other.lon - location.lon) * KM_PER_DEGREE_LAT * Math.cos((location.lat * Math.PI) / 180),
          );
          return { c, score: km * between(0.6, 1.4) };
        })
        .filter(({ score }) => score <= maxDistanceKm * 1.2)
        .sort((a, b) => a.score - b.score)
        .slice(0, wanted);
      if (ranked.length > 0) request.preferences = ranked.map(({ c }) => `c${c + 1}`);
    }
    requests.push(request);
  }

  // Some caregivers give priority to a sibling of a child they care for: a family of their own town.
  for (const town of towns) {
    const townRequests = requestsByTown.get(town) ?? [];
    if (townRequests.length === 0) continue;
    for (const c of town.caregivers) {
      if (!chance(0.08)) continue;
      const listed = new Set(Array.from({ length: integer(1, 2) }, () => pick(townRequests)));
      (caregivers[c] as PlacementCaregiver).priorityOrder = [...listed].map((r) => `r${r + 1}`);
    }
  }
  return { caregivers, requests };
}

function range(day: number, from: string, to: string): PlacementTimeRange {
  return { day, from, to };
}

function freePlacesFor(freeCount: number, random: () => number): PlacementFreePlaces[] {
  const style = random();
  const shortFriday = random() < 0.3;
  const free: PlacementFreePlaces[] = [];
  for (const day of WEEKDAYS) {
    const end = day === 5 && shortFriday ? "14:00" : "16:00";
    if (style < 0.65) {
      free.push({ ...range(day, "07:00", end), places: freeCount });
    } else if (style < 0.8) {
      free.push({ ...range(day, "07:30", "14:00"), places: freeCount });
    } else {
      // A part-time child in the afternoons: one place fewer after noon (or only the mornings free).
      free.push({ ...range(day, "07:00", "12:30"), places: freeCount });
      if (freeCount > 1) free.push({ ...range(day, "12:30", end), places: freeCount - 1 });
    }
  }
  return free;
}

function carePattern(random: () => number): PlacementTimeRange[] {
  const x = random();
  const days = (list: number[], from: string, to: string) => list.map((day) => range(day, from, to));
  if (x < 0.38) return days(WEEKDAYS, "08:00", "13:00");
  if (x < 0.56) return days(WEEKDAYS, "08:00", "16:00");
  if (x < 0.7) {
    const three = [...WEEKDAYS].sort(() => random() - 0.5).slice(0, 3);
    return days(
      three.sort((a, b) => a - b),
      "08:00",
      "16:00",
    );
  }
  if (x < 0.8) return days(WEEKDAYS, "07:30", "12:30");
  if (x < 0.9) return days([1, 2, 3, 4], "08:00", "14:00");
  if (x < 0.95) return days(WEEKDAYS, "13:00", "16:00");
  return days([2, 4], "08:00", "16:00");
}

/** The three sizes of bench/RESULTS.md. */
export const SIZES = {
  demo: {
    label: "demo office",
    options: {
      seed: 47,
      caregivers: 47,
      requests: 120,
      regions: 1,
      center: { lat: 51.75, lon: 8.04 },
      mainTownKm: 3,
      maxDistanceKm: { min: 4, max: 12 },
    },
  },
  city: {
    label: "large city",
    options: {
      seed: 2000,
      caregivers: 2_000,
      requests: 8_000,
      regions: 1,
      center: { lat: 51.96, lon: 7.63 },
      mainTownKm: 7,
      maxDistanceKm: { min: 2, max: 6 },
    },
  },
  country: {
    label: "whole country",
    options: {
      seed: 45_000,
      caregivers: 45_000,
      requests: 170_000,
      regions: 400,
      mainTownKm: 3,
      maxDistanceKm: { min: 3, max: 12 },
    },
  },
} satisfies Record<string, { label: string; options: GenerateOptions }>;

export type SizeName = keyof typeof SIZES;
