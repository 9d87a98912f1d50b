import { describe, expect, it } from "vitest";
import { fuzzPoint, type GeoPoint, haversineKm, offsetPoint, roundCoordinate } from "./geo";

const KIEL: GeoPoint = { lat: 54.3233, lon: 10.1228 };
const DUESSELDORF: GeoPoint = { lat: 51.2277, lon: 6.7735 };

describe("haversineKm", () => {
  it("is zero for the same point and symmetric", () => {
    expect(haversineKm(KIEL, KIEL)).toBe(0);
    expect(haversineKm(KIEL, DUESSELDORF)).toBeCloseTo(haversineKm(DUESSELDORF, KIEL), 10);
  });

  it("matches known distances", () => {
    // Kiel–Düsseldorf is about 410 km as the crow flies.
    expect(haversineKm(KIEL, DUESSELDORF)).toBeGreaterThan(405);
    expect(haversineKm(KIEL, DUESSELDORF)).toBeLessThan(415);
    // One degree of latitude is about 111.2 km.
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 1, lon: 0 })).toBeCloseTo(111.195, 2);
  });

  it("handles the date line and antipodes", () => {
    expect(haversineKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 })).toBeCloseTo(111.195, 2);
    expect(haversineKm({ lat: 0, lon: 0 }, { lat: 0, lon: 180 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});

describe("offsetPoint", () => {
  it("moves the requested distance in the requested direction", () => {
    const north = offsetPoint(KIEL, 1000, 0);
    expect(north.lat).toBeGreaterThan(KIEL.lat);
    expect(north.lon).toBeCloseTo(KIEL.lon, 10);
    const east = offsetPoint(KIEL, 1000, 90);
    expect(east.lon).toBeGreaterThan(KIEL.lon);
    expect(east.lat).toBeCloseTo(KIEL.lat, 4);
    for (const bearing of [0, 45, 90, 180, 270, 333]) {
      expect(haversineKm(KIEL, offsetPoint(KIEL, 750, bearing)) * 1000).toBeCloseTo(750, 6);
    }
  });

  it("wraps longitude across the date line", () => {
    const moved = offsetPoint({ lat: 0, lon: 179.999 }, 1000, 90);
    expect(moved.lon).toBeLessThan(-179);
    expect(moved.lon).toBeGreaterThanOrEqual(-180);
  });
});

describe("fuzzPoint", () => {
  it("always lands within the annulus", () => {
    for (let i = 0; i < 50; i++) {
      for (let j = 0; j < 20; j++) {
        const metres = haversineKm(DUESSELDORF, fuzzPoint(DUESSELDORF, i / 50, j / 20)) * 1000;
        expect(metres).toBeGreaterThanOrEqual(300 - 1e-6);
        expect(metres).toBeLessThanOrEqual(900 + 1e-6);
      }
    }
    const edge = haversineKm(DUESSELDORF, fuzzPoint(DUESSELDORF, 0.999999999, 0.5)) * 1000;
    expect(edge).toBeLessThanOrEqual(900);
  });

  it("is deterministic for the same inputs", () => {
    expect(fuzzPoint(KIEL, 0.42, 0.17)).toEqual(fuzzPoint(KIEL, 0.42, 0.17));
    expect(fuzzPoint(KIEL, 0.42, 0.17)).not.toEqual(fuzzPoint(KIEL, 0.42, 0.18));
  });

  it("spreads points evenly over the area, not the radius", () => {
    // Half the annulus's area lies within sqrt((300² + 900²) / 2) ≈ 670.8 m.
    const median = haversineKm(KIEL, fuzzPoint(KIEL, 0.5, 0)) * 1000;
    expect(median).toBeCloseTo(Math.sqrt((300 ** 2 + 900 ** 2) / 2), 3);
    expect(haversineKm(KIEL, fuzzPoint(KIEL, 0, 0.3)) * 1000).toBeCloseTo(300, 6);
  });

  it("uses u2 as the bearing", () => {
    const north = fuzzPoint(KIEL, 0, 0);
    expect(north.lat).toBeGreaterThan(KIEL.lat);
    const south = fuzzPoint(KIEL, 0, 0.5);
    expect(south.lat).toBeLessThan(KIEL.lat);
  });

  it("honours a custom annulus", () => {
    const metres = haversineKm(KIEL, fuzzPoint(KIEL, 0.7, 0.1, 1000, 2000)) * 1000;
    expect(metres).toBeGreaterThanOrEqual(1000);
    expect(metres).toBeLessThanOrEqual(2000);
  });

  it("rejects parameters outside [0, 1) and an inverted annulus", () => {
    expect(() => fuzzPoint(KIEL, 1, 0.5)).toThrow(RangeError);
    expect(() => fuzzPoint(KIEL, -0.1, 0.5)).toThrow(RangeError);
    expect(() => fuzzPoint(KIEL, 0.5, Number.NaN)).toThrow(RangeError);
    expect(() => fuzzPoint(KIEL, 0.5, 0.5, 900, 300)).toThrow(RangeError);
  });
});

describe("roundCoordinate", () => {
  it("rounds half away from zero without binary floating-point surprises", () => {
    expect(roundCoordinate(1.005, 2)).toBe(1.01);
    expect(roundCoordinate(-1.005, 2)).toBe(-1.01);
    expect(roundCoordinate(51.227749, 4)).toBe(51.2277);
    expect(roundCoordinate(51.22775, 4)).toBe(51.2278);
    expect(roundCoordinate(6.7735, 0)).toBe(7);
  });

  it("handles tiny values and never returns negative zero", () => {
    expect(roundCoordinate(1e-7, 3)).toBe(0);
    expect(Object.is(roundCoordinate(-1e-7, 3), 0)).toBe(true);
    expect(roundCoordinate(1.5e-7, 7)).toBe(2e-7);
  });
});
