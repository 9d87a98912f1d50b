import { describe, expect, it } from "vitest";
import { EARTH_RADIUS_M, type GeoPoint, haversineKm } from "../geo/geo";
import { GridIndex, haversineKmWithCos, toRadians } from "./spatial";
import { seededRandom } from "./test-support";

function within(
  points: GeoPoint[],
  center: GeoPoint,
  radiusKm: number,
  cellKm: number | GridIndex,
): number[] {
  const found: number[] = [];
  const grid = cellKm instanceof GridIndex ? cellKm : new GridIndex(points, cellKm);
  grid.forEachWithin(center, radiusKm, (index, km) => {
    expect(km).toBe(haversineKm(center, points[index] as GeoPoint));
    found.push(index);
  });
  return found.sort((a, b) => a - b);
}

function bruteForce(points: GeoPoint[], center: GeoPoint, radiusKm: number): number[] {
  return points.flatMap((point, index) => (haversineKm(center, point) <= radiusKm ? [index] : []));
}

describe("GridIndex", () => {
  it("finds exactly the points within the radius, whatever the cell size", () => {
    const random = seededRandom(3);
    const points = Array.from({ length: 400 }, () => ({
      lat: 50 + random() * 2,
      lon: 7 + random() * 3,
    }));
    for (const cellKm of [0.5, 3, 40]) {
      const grid = new GridIndex(points, cellKm);
      for (let q = 0; q < 30; q++) {
        const center = { lat: 50 + random() * 2, lon: 7 + random() * 3 };
        const radius = random() * 30;
        expect(within(points, center, radius, grid)).toEqual(bruteForce(points, center, radius));
      }
    }
  });

  it("finds exactly the points within the radius when the circle spans many rows, centred on row edges", () => {
    const random = seededRandom(9);
    const points = Array.from({ length: 600 }, () => ({
      lat: 47.5 + random() * 0.4,
      lon: 9 + random() * 0.6,
    }));
    const cellKm = 0.3;
    const grid = new GridIndex(points, cellKm);
    // The grid's rows start at the southernmost point and are cellKm / (km per degree) high.
    const minLat = Math.min(...points.map((p) => p.lat));
    const cellDeg = cellKm / ((Math.PI * (EARTH_RADIUS_M / 1000)) / 180);
    for (let q = 0; q < 60; q++) {
      const row = Math.floor(random() * 140);
      const center = { lat: minLat + row * cellDeg, lon: 9 + random() * 0.6 };
      const radius = q % 10 === 0 ? 0 : random() * 15;
      expect(within(points, center, radius, grid)).toEqual(bruteForce(points, center, radius));
      const target = points[q] as GeoPoint;
      const onRadius = haversineKm(center, target);
      expect(within(points, center, onRadius, grid)).toContain(q);
    }
  });

  it("includes a point exactly on the radius", () => {
    const points = [{ lat: 51.8, lon: 8.05 }];
    const center = { lat: 51.75, lon: 8.04 };
    expect(within(points, center, haversineKm(center, points[0] as GeoPoint), 1)).toEqual([0]);
  });

  it("looks across the date line and near the poles", () => {
    const points = [
      { lat: 0, lon: 179.9 },
      { lat: 0, lon: -179.9 },
      { lat: 89.95, lon: 10 },
      { lat: 89.95, lon: -170 },
    ];
    expect(within(points, { lat: 0, lon: 179.95 }, 20, 5)).toEqual([0, 1]);
    expect(within(points, { lat: 0, lon: -179.95 }, 20, 5)).toEqual([0, 1]);
    expect(within(points, { lat: 89.95, lon: 100 }, 20, 5)).toEqual([2, 3]);
  });

  it("answers nothing for an empty set or a negative radius", () => {
    expect(within([], { lat: 0, lon: 0 }, 10, 1)).toEqual([]);
    expect(within([{ lat: 0, lon: 0 }], { lat: 0, lon: 0 }, -1, 1)).toEqual([]);
  });
});

describe("haversineKmWithCos", () => {
  it("gives bit for bit the distance of core/geo", () => {
    const random = seededRandom(11);
    for (let i = 0; i < 1000; i++) {
      const a = { lat: random() * 180 - 90, lon: random() * 360 - 180 };
      const b = { lat: a.lat + random() - 0.5, lon: a.lon + random() - 0.5 };
      const fast = haversineKmWithCos(
        a.lat,
        a.lon,
        Math.cos(toRadians(a.lat)),
        b.lat,
        b.lon,
        Math.cos(toRadians(b.lat)),
      );
      expect(fast).toBe(haversineKm(a, b));
    }
  });
});
