/**
 * A uniform latitude/longitude grid over a fixed set of points, for "all points within r km" queries: a
 * request looks only at the caregivers in the cells its radius can reach instead of at all of them, which is
 * what keeps a country-wide round (45,000 caregivers, 170,000 requests) within seconds.
 */

import { EARTH_RADIUS_M, type GeoPoint } from "../geo/geo";

const EARTH_RADIUS_KM = EARTH_RADIUS_M / 1000;
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
/** A dense cell table larger than this would cost more memory than the points; cells grow instead. */
const MAX_CELLS = 4_000_000;
/** Slack in degrees on the query box, so that rounding never drops a point right on the radius. */
const BOX_SLACK_DEG = 1e-9;
/** Slack on a row's longitude reach: acos loses precision where the circle is narrow (about 1 m here). */
const ROW_SLACK_DEG = 1e-5;

export const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * The haversine distance of core/geo with the cosines of the latitudes passed in: the same operations in
 * the same order, so the result is bit for bit that of `haversineKm` (rankings by distance and the
 * explanations must agree), without allocating a point per pair.
 */
export function haversineKmWithCos(
  latA: number,
  lonA: number,
  cosLatA: number,
  latB: number,
  lonB: number,
  cosLatB: number,
): number {
  const dLat = toRadians(latB - latA);
  const dLon = toRadians(lonB - lonA);
  const h = Math.sin(dLat / 2) ** 2 + cosLatA * cosLatB * Math.sin(dLon / 2) ** 2;
  return (2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))) / 1000;
}

export class GridIndex {
  private readonly cellDeg: number;
  private readonly minLat: number;
  private readonly minLon: number;
  private readonly rows: number;
  private readonly cols: number;
  /** Cell `k` holds `order[cellStart[k]] … order[cellStart[k + 1] - 1]`, in input order. */
  private readonly cellStart: Int32Array;
  private readonly order: Int32Array;
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly cosLat: Float64Array;

  /** `cellKm`: edge of a cell north–south; about the typical query radius works well. */
  constructor(points: readonly GeoPoint[], cellKm: number) {
    const count = points.length;
    this.lat = new Float64Array(count);
    this.lon = new Float64Array(count);
    this.cosLat = new Float64Array(count);
    let minLat = 90;
    let maxLat = -90;
    let minLon = 180;
    let maxLon = -180;
    points.forEach((point, i) => {
      this.lat[i] = point.lat;
      this.lon[i] = point.lon;
      this.cosLat[i] = Math.cos(toRadians(point.lat));
      minLat = Math.min(minLat, point.lat);
      maxLat = Math.max(maxLat, point.lat);
      minLon = Math.min(minLon, point.lon);
      maxLon = Math.max(maxLon, point.lon);
    });
    if (count === 0) {
      minLat = maxLat = minLon = maxLon = 0;
    }
    let cellDeg = Math.max(cellKm, 0.01) / KM_PER_DEGREE;
    const cellsFor = (deg: number) =>
      (Math.floor((maxLat - minLat) / deg) + 1) * (Math.floor((maxLon - minLon) / deg) + 1);
    while (cellsFor(cellDeg) > MAX_CELLS) cellDeg *= 2;
    this.cellDeg = cellDeg;
    this.minLat = minLat;
    this.minLon = minLon;
    this.rows = Math.floor((maxLat - minLat) / cellDeg) + 1;
    this.cols = Math.floor((maxLon - minLon) / cellDeg) + 1;

    const cellOf = new Int32Array(count);
    const cellStart = new Int32Array(this.rows * this.cols + 1);
    for (let i = 0; i < count; i++) {
      const cell = this.rowOf(this.lat[i] as number) * this.cols + this.colOf(this.lon[i] as number);
      cellOf[i] = cell;
      cellStart[cell + 1] = (cellStart[cell + 1] as number) + 1;
    }
    for (let k = 0; k < this.rows * this.cols; k++) {
      cellStart[k + 1] = (cellStart[k + 1] as number) + (cellStart[k] as number);
    }
    const fill = cellStart.slice(0, -1);
    const order = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const cell = cellOf[i] as number;
      order[fill[cell] as number] = i;
      fill[cell] = (fill[cell] as number) + 1;
    }
    this.cellStart = cellStart;
    this.order = order;
  }

  private rowOf(lat: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((lat - this.minLat) / this.cellDeg)));
  }

  private colOf(lon: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((lon - this.minLon) / this.cellDeg)));
  }

  private buffer = new Int32Array(1024);

  /** Appends the points of cells `colLo … colHi` of `row` (contiguous in `order`) to the buffer. */
  private appendRow(row: number, colLo: number, colHi: number, found: number): number {
    const first = this.cellStart[row * this.cols + colLo] as number;
    const end = this.cellStart[row * this.cols + colHi + 1] as number;
    if (found + end - first > this.buffer.length) {
      const grown = new Int32Array(Math.max(this.buffer.length * 2, found + end - first));
      grown.set(this.buffer.subarray(0, found));
      this.buffer = grown;
    }
    this.buffer.set(this.order.subarray(first, end), found);
    return found + end - first;
  }

  /**
   * The points in the cells that the circle of `radiusKm` around `center` touches, a superset of those
   * within it, as a view valid until the next call. Exact for a sphere, row by row: on a latitude φ the
   * circle of angular radius δ around (φ0, λ0) reaches cos Δλ = (cos δ − sin φ sin φ0) / (cos φ cos φ0), widest
   * at sin φ* = sin φ0 / cos δ; a row takes the widest point of its latitude band. That trims the corners a
   * single box would add (a third more points to test).
   */
  boxCandidates(center: GeoPoint, radiusKm: number): Int32Array {
    let found = 0;
    if (this.order.length === 0 || !(radiusKm >= 0)) return this.buffer.subarray(0, 0);
    const angular = radiusKm / EARTH_RADIUS_KM;
    const dLat = (angular * 180) / Math.PI + BOX_SLACK_DEG;
    const latLo = center.lat - dLat;
    const latHi = center.lat + dLat;
    const maxLat = this.minLat + this.rows * this.cellDeg;
    const maxLon = this.minLon + this.cols * this.cellDeg;
    if (latHi < this.minLat || latLo > maxLat) return this.buffer.subarray(0, 0);
    const phi0 = toRadians(center.lat);
    const sinPhi0 = Math.sin(phi0);
    const cosPhi0 = Math.cos(phi0);
    const cosDelta = Math.cos(angular);
    const reachesPole = latLo <= -90 || latHi >= 90 || angular >= Math.PI / 2 || Math.sin(angular) >= cosPhi0;
    const widestLat = reachesPole ? 0 : (Math.asin(Math.min(1, sinPhi0 / cosDelta)) * 180) / Math.PI;
    const halfWidthAt = (lat: number) => {
      const phi = toRadians(lat);
      const cosine = (cosDelta - Math.sin(phi) * sinPhi0) / (Math.cos(phi) * cosPhi0);
      return cosine <= -1 ? 180 : cosine >= 1 ? 0 : (Math.acos(cosine) * 180) / Math.PI;
    };
    const rowLo = this.rowOf(latLo);
    const rowHi = this.rowOf(latHi);
    for (let row = rowLo; row <= rowHi; row++) {
      let dLon = 180;
      if (!reachesPole) {
        const bandLo = Math.max(latLo, this.minLat + row * this.cellDeg);
        const bandHi = Math.min(latHi, this.minLat + (row + 1) * this.cellDeg);
        const nearest = Math.min(bandHi, Math.max(bandLo, widestLat));
        dLon = Math.min(180, halfWidthAt(nearest) + ROW_SLACK_DEG);
      }
      const lo = center.lon - dLon;
      const hi = center.lon + dLon;
      // Across the date line a row's stretch is two stretches.
      const intervals: [number, number][] =
        dLon >= 180
          ? [[-180, 180]]
          : lo < -180
            ? [
                [lo + 360, 180],
                [-180, hi],
              ]
            : hi > 180
              ? [
                  [lo, 180],
                  [-180, hi - 360],
                ]
              : [[lo, hi]];
      for (const [from, to] of intervals) {
        if (to < this.minLon || from > maxLon) continue;
        found = this.appendRow(row, this.colOf(from), this.colOf(to), found);
      }
    }
    return this.buffer.subarray(0, found);
  }

  /** Distance from `center` (with `cosLat` = cos of its latitude) to point `index`, as haversineKm gives it. */
  distanceKm(center: GeoPoint, cosLat: number, index: number): number {
    return haversineKmWithCos(
      center.lat,
      center.lon,
      cosLat,
      this.lat[index] as number,
      this.lon[index] as number,
      this.cosLat[index] as number,
    );
  }

  /** Calls `visit(index, km)` for every point within `radiusKm` (great-circle) of `center`, in no particular order. */
  forEachWithin(center: GeoPoint, radiusKm: number, visit: (index: number, km: number) => void): void {
    const cosLat = Math.cos(toRadians(center.lat));
    for (const index of this.boxCandidates(center, radiusKm)) {
      const km = this.distanceKm(center, cosLat, index);
      if (km <= radiusKm) visit(index, km);
    }
  }
}
