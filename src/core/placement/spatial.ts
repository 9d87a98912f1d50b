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
  /** Cell `k` holds the slots `cellStart[k]` … `cellStart[k + 1] - 1`. */
  private readonly cellStart: Int32Array;
  /**
   * Slot `s` holds point `order[s]`: cell by cell, row by row, each cell's points in input order. The
   * coordinates are stored in slot order, so that a query reads each row of its cells as one contiguous
   * stretch of memory instead of jumping around the input (a country's caregivers do not fit in the cache).
   */
  readonly order: Int32Array;
  readonly slotLat: Float64Array;
  readonly slotLon: Float64Array;
  readonly slotCos: Float64Array;
  /**
   * Sine and cosine of the latitude of each row edge (`minLat + j · cellDeg`): a query's rows mostly take
   * their widest point at an edge, and the trigonometry per row was a tenth of a country's compile.
   */
  private readonly edgeSin: Float64Array;
  private readonly edgeCos: Float64Array;

  /** `cellKm`: edge of a cell north–south; about the typical query radius works well. */
  constructor(points: ArrayLike<GeoPoint>, cellKm: number) {
    const count = points.length;
    let minLat = 90;
    let maxLat = -90;
    let minLon = 180;
    let maxLon = -180;
    for (let i = 0; i < count; i++) {
      const point = points[i] as GeoPoint;
      minLat = Math.min(minLat, point.lat);
      maxLat = Math.max(maxLat, point.lat);
      minLon = Math.min(minLon, point.lon);
      maxLon = Math.max(maxLon, point.lon);
    }
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
      const point = points[i] as GeoPoint;
      const cell = this.rowOf(point.lat) * this.cols + this.colOf(point.lon);
      cellOf[i] = cell;
      cellStart[cell + 1] = (cellStart[cell + 1] as number) + 1;
    }
    for (let k = 0; k < this.rows * this.cols; k++) {
      cellStart[k + 1] = (cellStart[k + 1] as number) + (cellStart[k] as number);
    }
    const fill = cellStart.slice(0, -1);
    this.order = new Int32Array(count);
    this.slotLat = new Float64Array(count);
    this.slotLon = new Float64Array(count);
    this.slotCos = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const cell = cellOf[i] as number;
      const slot = fill[cell] as number;
      fill[cell] = slot + 1;
      const point = points[i] as GeoPoint;
      this.order[slot] = i;
      this.slotLat[slot] = point.lat;
      this.slotLon[slot] = point.lon;
      this.slotCos[slot] = Math.cos(toRadians(point.lat));
    }
    this.cellStart = cellStart;
    this.edgeSin = new Float64Array(this.rows + 1);
    this.edgeCos = new Float64Array(this.rows + 1);
    for (let j = 0; j <= this.rows; j++) {
      const phi = toRadians(this.minLat + j * this.cellDeg);
      this.edgeSin[j] = Math.sin(phi);
      this.edgeCos[j] = Math.cos(phi);
    }
  }

  private rowOf(lat: number): number {
    return Math.min(this.rows - 1, Math.max(0, Math.floor((lat - this.minLat) / this.cellDeg)));
  }

  private colOf(lon: number): number {
    return Math.min(this.cols - 1, Math.max(0, Math.floor((lon - this.minLon) / this.cellDeg)));
  }

  private stretchBuffer = new Int32Array(64);

  /** Appends the slots of cells `colLo … colHi` of `row` (contiguous) as one stretch, unless empty. */
  private appendStretch(row: number, colLo: number, colHi: number, found: number): number {
    const first = this.cellStart[row * this.cols + colLo] as number;
    const end = this.cellStart[row * this.cols + colHi + 1] as number;
    if (first === end) return found;
    if (found + 2 > this.stretchBuffer.length) {
      const grown = new Int32Array(this.stretchBuffer.length * 2);
      grown.set(this.stretchBuffer);
      this.stretchBuffer = grown;
    }
    this.stretchBuffer[found] = first;
    this.stretchBuffer[found + 1] = end;
    return found + 2;
  }

  /**
   * The slots of the cells that the circle of `radiusKm` around `center` touches, a superset of the points
   * within it, as flat [from, to) pairs of slots in a view valid until the next call. Exact for a sphere,
   * row by row: on a latitude φ the circle of angular radius δ around (φ0, λ0) reaches
   * cos Δλ = (cos δ − sin φ sin φ0) / (cos φ cos φ0), widest at sin φ* = sin φ0 / cos δ; a row takes the
   * widest point of its latitude band. That trims the corners a single box would add (a third more points
   * to test).
   */
  stretches(center: GeoPoint, radiusKm: number): Int32Array {
    let found = 0;
    if (this.order.length === 0 || !(radiusKm >= 0)) return this.stretchBuffer.subarray(0, 0);
    const angular = radiusKm / EARTH_RADIUS_KM;
    const dLat = (angular * 180) / Math.PI + BOX_SLACK_DEG;
    const latLo = center.lat - dLat;
    const latHi = center.lat + dLat;
    const maxLat = this.minLat + this.rows * this.cellDeg;
    const maxLon = this.minLon + this.cols * this.cellDeg;
    if (latHi < this.minLat || latLo > maxLat) return this.stretchBuffer.subarray(0, 0);
    const phi0 = toRadians(center.lat);
    const sinPhi0 = Math.sin(phi0);
    const cosPhi0 = Math.cos(phi0);
    const cosDelta = Math.cos(angular);
    const reachesPole = latLo <= -90 || latHi >= 90 || angular >= Math.PI / 2 || Math.sin(angular) >= cosPhi0;
    const widestLat = reachesPole ? 0 : (Math.asin(Math.min(1, sinPhi0 / cosDelta)) * 180) / Math.PI;
    const rowLo = this.rowOf(latLo);
    const rowHi = this.rowOf(latHi);
    // The latitudes a row's widest point can be at besides its edges, with their sines and cosines.
    const sinLo = Math.sin(toRadians(latLo));
    const cosLo = Math.cos(toRadians(latLo));
    const sinHi = Math.sin(toRadians(latHi));
    const cosHi = Math.cos(toRadians(latHi));
    const sinWidest = Math.sin(toRadians(widestLat));
    const cosWidest = Math.cos(toRadians(widestLat));
    for (let row = rowLo; row <= rowHi; row++) {
      let dLon = 180;
      if (!reachesPole) {
        const edgeLo = this.minLat + row * this.cellDeg;
        const edgeHi = this.minLat + (row + 1) * this.cellDeg;
        const nearest = Math.min(Math.min(latHi, edgeHi), Math.max(Math.max(latLo, edgeLo), widestLat));
        // Equal latitudes have equal sines, so this is exactly sin and cos of `nearest`.
        let sinPhi = sinWidest;
        let cosPhi = cosWidest;
        if (nearest === edgeLo) {
          sinPhi = this.edgeSin[row] as number;
          cosPhi = this.edgeCos[row] as number;
        } else if (nearest === edgeHi) {
          sinPhi = this.edgeSin[row + 1] as number;
          cosPhi = this.edgeCos[row + 1] as number;
        } else if (nearest === latLo) {
          sinPhi = sinLo;
          cosPhi = cosLo;
        } else if (nearest === latHi) {
          sinPhi = sinHi;
          cosPhi = cosHi;
        }
        const cosine = (cosDelta - sinPhi * sinPhi0) / (cosPhi * cosPhi0);
        const halfWidth = cosine <= -1 ? 180 : cosine >= 1 ? 0 : (Math.acos(cosine) * 180) / Math.PI;
        dLon = Math.min(180, halfWidth + ROW_SLACK_DEG);
      }
      const lo = center.lon - dLon;
      const hi = center.lon + dLon;
      // Across the date line a row's stretch is two stretches.
      if (dLon >= 180) {
        found = this.appendColumns(row, -180, 180, maxLon, found);
      } else if (lo < -180) {
        found = this.appendColumns(row, lo + 360, 180, maxLon, found);
        found = this.appendColumns(row, -180, hi, maxLon, found);
      } else if (hi > 180) {
        found = this.appendColumns(row, lo, 180, maxLon, found);
        found = this.appendColumns(row, -180, hi - 360, maxLon, found);
      } else {
        found = this.appendColumns(row, lo, hi, maxLon, found);
      }
    }
    return this.stretchBuffer.subarray(0, found);
  }

  private appendColumns(row: number, from: number, to: number, maxLon: number, found: number): number {
    if (to < this.minLon || from > maxLon) return found;
    return this.appendStretch(row, this.colOf(from), this.colOf(to), found);
  }

  /** Distance from a centre (with `cosLat` = cos of its latitude) to the point in `slot`, as haversineKm gives it. */
  slotDistanceKm(lat: number, lon: number, cosLat: number, slot: number): number {
    return haversineKmWithCos(
      lat,
      lon,
      cosLat,
      this.slotLat[slot] as number,
      this.slotLon[slot] as number,
      this.slotCos[slot] as number,
    );
  }

  /** Calls `visit(index, km)` for every point within `radiusKm` (great-circle) of `center`, in no particular order. */
  forEachWithin(center: GeoPoint, radiusKm: number, visit: (index: number, km: number) => void): void {
    const cosLat = Math.cos(toRadians(center.lat));
    const stretches = this.stretches(center, radiusKm);
    for (let i = 0; i < stretches.length; i += 2) {
      for (let slot = stretches[i] as number; slot < (stretches[i + 1] as number); slot++) {
        const km = this.slotDistanceKm(center.lat, center.lon, cosLat, slot);
        if (km <= radiusKm) visit(this.order[slot] as number, km);
      }
    }
  }
}
