/**
 * Great-circle geometry on a spherical earth: accurate to well under 1 % at the distances placement and the
 * members' map deal with, and free of any dependency.
 */

/** A position in decimal degrees (WGS 84). */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** Mean earth radius (IUGG) in metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

/** Great-circle distance between two points in kilometres (haversine formula). */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  // min() guards asin against rounding just above 1 for antipodal points.
  return (2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))) / 1000;
}

/** A distance as people read it: to 0.1 km. */
export const roundKm = (km: number) => Math.round(km * 10) / 10;

/**
 * The point `distanceM` metres from `point` along initial bearing `bearingDeg` (0 = north, 90 = east);
 * longitude is normalised to [-180, 180).
 */
export function offsetPoint(point: GeoPoint, distanceM: number, bearingDeg: number): GeoPoint {
  const angular = distanceM / EARTH_RADIUS_M;
  const bearing = toRadians(bearingDeg);
  const lat1 = toRadians(point.lat);
  const lon1 = toRadians(point.lon);
  const lat2 = Math.asin(
    Math.sin(lat1) * Math.cos(angular) + Math.cos(lat1) * Math.sin(angular) * Math.cos(bearing),
  );
  const lon2 =
    lon1 +
    Math.atan2(
      Math.sin(bearing) * Math.sin(angular) * Math.cos(lat1),
      Math.cos(angular) - Math.sin(lat1) * Math.sin(lat2),
    );
  const lon = ((((toDegrees(lon2) + 180) % 360) + 360) % 360) - 180;
  return { lat: toDegrees(lat2), lon };
}

/**
 * Moves a member's address to a point between `minM` and `maxM` metres away, so the public map never shows
 * where a family day-care home is. `u1` and `u2` in [0, 1) come from the caller (the server derives them from
 * a keyed hash of the member), which keeps the fuzzed point stable: re-drawing it on every request would let
 * anyone average the true address out. The radius uses the square root so points spread evenly over the
 * annulus's area rather than crowding its inner edge.
 */
export function fuzzPoint(point: GeoPoint, u1: number, u2: number, minM = 300, maxM = 900): GeoPoint {
  for (const u of [u1, u2]) {
    if (!(u >= 0 && u < 1)) throw new RangeError(`Fuzz parameter must be in [0, 1): ${u}`);
  }
  if (!(minM >= 0 && maxM >= minM)) throw new RangeError(`Invalid fuzz annulus: ${minM}–${maxM} m`);
  const distance = Math.sqrt(minM * minM + u1 * (maxM * maxM - minM * minM));
  return offsetPoint(point, distance, u2 * 360);
}

/**
 * `x` rounded to `decimals` places, half away from zero. Rounds via the decimal exponent rather than
 * multiplying, because 1.005 * 100 is 100.49999… in binary floating point.
 */
export function roundCoordinate(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const magnitude = Math.round(shiftDecimal(Math.abs(x), decimals));
  const rounded = shiftDecimal(magnitude, -decimals);
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

function shiftDecimal(value: number, places: number): number {
  // String(1e-7) is "1e-7", so the existing exponent is added to rather than appended to.
  const [mantissa, exponent = "0"] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent) + places}`);
}
