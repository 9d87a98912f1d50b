/**
 * The compiled form of an instance that the round works on: indices instead of ids, times as minutes of the
 * week, every request's ranking of its acceptable caregivers as one flat array (a country has millions of
 * acceptable pairs, so nothing per pair is an object), and each caregiver's ranking of requests as a number
 * to compare.
 */

import { haversineKm } from "../geo/geo";
import type { PlacementCaregiver, PlacementInstance, PlacementRequest } from "./instance";
import { GridIndex, toRadians } from "./spatial";
import { careMinutes, freePieces } from "./time";

export interface PlacementModel {
  readonly instance: PlacementInstance;
  readonly requestCount: number;
  readonly caregiverCount: number;
  readonly requestIndex: ReadonlyMap<string, number>;
  readonly caregiverIndex: ReadonlyMap<string, number>;
  /**
   * Care patterns: most families ask for one of a few weekly patterns, so each distinct one is stored once
   * and caches (coverage, a caregiver's segments) are kept per pattern. Pattern p covers
   * `patternMinutes[patternStart[p]] …` up to `patternStart[p + 1]`, flat [start, end, …] pairs.
   */
  readonly patternStart: Int32Array;
  readonly patternMinutes: Int32Array;
  /** Each request's care pattern. */
  readonly carePattern: Int32Array;
  /** Caregiver c's free pieces: `free[freeStart[c]] …`, flat [start, end, places, …] triples. */
  readonly freeStart: Int32Array;
  readonly free: Int32Array;
  /** Children a caregiver may still take by count: maxChildren − existingChildren, at least 0. */
  readonly countLimit: Int32Array;
  /** Request r ranks `list[listStart[r]] …` up to `listStart[r + 1]`, best first: its acceptable caregivers. */
  readonly listStart: Int32Array;
  readonly list: Int32Array;
  /** Per caregiver, the requests that rank her (`listers`) and where she stands in their lists (`listerPosition`). */
  readonly listerStart: Int32Array;
  readonly listers: Int32Array;
  readonly listerPosition: Int32Array;
  /** Position of a request when ranked by priority points (higher first), ties by input order. */
  readonly pointsRank: Int32Array;
  /** Per caregiver with a priorityOrder: request index → position in it. */
  readonly priorityOrder: (Map<number, number> | undefined)[];
}

/** Why a caregiver is not acceptable to a request, as bits, for explanations; 0 when acceptable. */
export const UNFIT = { distance: 1, age: 2, inclusion: 4, pets: 8 } as const;

/** Whether every minute of `care` lies in a free piece (both sorted; pieces disjoint, possibly touching). */
export function coversCare(
  free: ArrayLike<number>,
  freeFrom: number,
  freeTo: number,
  care: ArrayLike<number>,
  careFrom: number,
  careTo: number,
): boolean {
  let piece = freeFrom;
  for (let k = careFrom; k < careTo; k += 2) {
    const start = care[k] as number;
    const end = care[k + 1] as number;
    // Pieces and care are both sorted, so one forward walk suffices; adjacent pieces with different
    // places touch, so a care range may span several.
    while (piece < freeTo && (free[piece + 1] as number) <= start) piece += 3;
    let reached = start;
    let p = piece;
    while (p < freeTo && (free[p] as number) <= reached && reached < end) {
      reached = Math.max(reached, free[p + 1] as number);
      p += 3;
    }
    if (reached < end) return false;
  }
  return true;
}

/**
 * The non-time conditions of acceptability (distance, age, inclusion, pets) as UNFIT bits, for the
 * explanations; the round's inner loop (Acceptability below) tests the same conditions on flat arrays.
 */
export function personalMismatch(
  caregiver: PlacementCaregiver,
  request: PlacementRequest,
  distanceKm: number,
): number {
  let bits = 0;
  if (!(distanceKm <= request.maxDistanceKm)) bits |= UNFIT.distance;
  if (request.childAgeMonths < caregiver.ageMonths.min || request.childAgeMonths > caregiver.ageMonths.max) {
    bits |= UNFIT.age;
  }
  if (request.needsInclusion && !caregiver.inclusion) bits |= UNFIT.inclusion;
  if (request.noPets && caregiver.pets) bits |= UNFIT.pets;
  return bits;
}

/** Growable Int32 buffer: the acceptable pairs of a country do not fit comfortably in a plain array. */
class IntBuffer {
  data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * The acceptability test of compileInstance, on flat arrays and in a class of its own so that the inner loop
 * over a request's nearby caregivers (millions of candidates in a country) stays monomorphic and cheap.
 * Same conditions as {@link personalMismatch} and {@link coversCare}, which the explanations use.
 */
class Acceptability {
  private readonly ageMin: Float64Array;
  private readonly ageMax: Float64Array;
  private readonly hasInclusion: Uint8Array;
  private readonly hasPets: Uint8Array;
  private readonly patternCount: number;
  /** Per (free pattern, care pattern): 0 unknown, 1 covered, -1 not; a map when a table would be huge. */
  private readonly coverageTable: Int8Array | null;
  private readonly coverageMap = new Map<number, number>();

  constructor(
    caregivers: readonly PlacementCaregiver[],
    private readonly freeStart: Int32Array,
    private readonly free: Int32Array,
    private readonly freePattern: Int32Array,
    private readonly patternStart: Int32Array,
    private readonly patternMinutes: Int32Array,
  ) {
    const count = caregivers.length;
    this.ageMin = new Float64Array(count);
    this.ageMax = new Float64Array(count);
    this.hasInclusion = new Uint8Array(count);
    this.hasPets = new Uint8Array(count);
    let freePatterns = 0;
    caregivers.forEach((caregiver, c) => {
      this.ageMin[c] = caregiver.ageMonths.min;
      this.ageMax[c] = caregiver.ageMonths.max;
      this.hasInclusion[c] = caregiver.inclusion ? 1 : 0;
      this.hasPets[c] = caregiver.pets ? 1 : 0;
      freePatterns = Math.max(freePatterns, (freePattern[c] as number) + 1);
    });
    this.patternCount = patternStart.length - 1;
    const pairs = freePatterns * this.patternCount;
    this.coverageTable = pairs <= 1 << 24 ? new Int8Array(pairs) : null;
  }

  private covers(c: number, p: number): boolean {
    const key = (this.freePattern[c] as number) * this.patternCount + p;
    let covered = this.coverageTable ? (this.coverageTable[key] as number) : (this.coverageMap.get(key) ?? 0);
    if (covered === 0) {
      const fits = coversCare(
        this.free,
        this.freeStart[c] as number,
        this.freeStart[c + 1] as number,
        this.patternMinutes,
        this.patternStart[p] as number,
        this.patternStart[p + 1] as number,
      );
      covered = fits ? 1 : -1;
      if (this.coverageTable) this.coverageTable[key] = covered;
      else this.coverageMap.set(key, covered);
    }
    return covered === 1;
  }

  /** Everything but distance. */
  admits(c: number, request: PlacementRequest, pattern: number): boolean {
    return (
      request.childAgeMonths >= (this.ageMin[c] as number) &&
      request.childAgeMonths <= (this.ageMax[c] as number) &&
      (!request.needsInclusion || this.hasInclusion[c] === 1) &&
      (!request.noPets || this.hasPets[c] === 0) &&
      this.covers(c, pattern)
    );
  }

  /**
   * Writes the acceptable caregivers among `box` with their distances into `out`/`outKm`; returns how many.
   * The cheap tests go first, the distance only for those that pass.
   */
  filterWithin(
    grid: GridIndex,
    box: Int32Array,
    request: PlacementRequest,
    pattern: number,
    out: Int32Array,
    outKm: Float64Array,
  ): number {
    const age = request.childAgeMonths;
    const needsInclusion = request.needsInclusion;
    const noPets = request.noPets;
    const maxKm = request.maxDistanceKm;
    const center = request.location;
    const cosLat = Math.cos(toRadians(center.lat));
    let found = 0;
    for (let i = 0; i < box.length; i++) {
      const c = box[i] as number;
      if (age < (this.ageMin[c] as number) || age > (this.ageMax[c] as number)) continue;
      if (needsInclusion && this.hasInclusion[c] === 0) continue;
      if (noPets && this.hasPets[c] === 1) continue;
      if (!this.covers(c, pattern)) continue;
      const km = grid.distanceKm(center, cosLat, c);
      if (km > maxKm) continue;
      out[found] = c;
      outKm[found] = km;
      found++;
    }
    return found;
  }
}

/**
 * Sorts the first `count` entries of the parallel arrays by distance, ties by caregiver index (input order).
 * An insertion-sorted quicksort written out on typed arrays: Array.prototype.sort with a comparator costs
 * several times more, and this runs for each of up to 170,000 requests.
 */
function sortByDistance(keys: Float64Array, values: Int32Array, count: number): void {
  const stack: number[] = [0, count - 1];
  while (stack.length > 0) {
    const hi = stack.pop() as number;
    const lo = stack.pop() as number;
    if (hi - lo < 24) {
      for (let i = lo + 1; i <= hi; i++) {
        const key = keys[i] as number;
        const value = values[i] as number;
        let j = i - 1;
        while (j >= lo && ((keys[j] as number) > key || (keys[j] === key && (values[j] as number) > value))) {
          keys[j + 1] = keys[j] as number;
          values[j + 1] = values[j] as number;
          j--;
        }
        keys[j + 1] = key;
        values[j + 1] = value;
      }
      continue;
    }
    const mid = (lo + hi) >>> 1;
    const pivotKey = keys[mid] as number;
    const pivotValue = values[mid] as number;
    let i = lo;
    let j = hi;
    // Hoare partition around the middle element.
    while (i <= j) {
      while ((keys[i] as number) < pivotKey || (keys[i] === pivotKey && (values[i] as number) < pivotValue))
        i++;
      while ((keys[j] as number) > pivotKey || (keys[j] === pivotKey && (values[j] as number) > pivotValue))
        j--;
      if (i <= j) {
        const key = keys[i] as number;
        keys[i] = keys[j] as number;
        keys[j] = key;
        const value = values[i] as number;
        values[i] = values[j] as number;
        values[j] = value;
        i++;
        j--;
      }
    }
    if (lo < j) stack.push(lo, j);
    if (i < hi) stack.push(i, hi);
  }
}

function median(values: number[]): number {
  if (values.length === 0) return 1;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * Compiles a valid instance. Throws a RangeError for what validation should have caught (unknown ids,
 * malformed times), naming the offending field.
 */
export function compileInstance(instance: PlacementInstance): PlacementModel {
  const { caregivers, requests } = instance;
  const caregiverIndex = new Map<string, number>();
  caregivers.forEach((caregiver, c) => {
    if (caregiverIndex.has(caregiver.id))
      throw new RangeError(`caregivers[${c}].id: duplicate "${caregiver.id}"`);
    caregiverIndex.set(caregiver.id, c);
  });
  const requestIndex = new Map<string, number>();
  requests.forEach((request, r) => {
    if (requestIndex.has(request.id)) throw new RangeError(`requests[${r}].id: duplicate "${request.id}"`);
    requestIndex.set(request.id, r);
  });

  const patternIds = new Map<string, number>();
  const patternStartBuffer = new IntBuffer();
  patternStartBuffer.push(0);
  const patternBuffer = new IntBuffer();
  const carePattern = new Int32Array(requests.length);
  // Keyed by the ranges as written first, so that the thousands of "Mon–Fri 8–13" are parsed once.
  const writtenPatterns = new Map<string, number>();
  requests.forEach((request, r) => {
    let written = "";
    for (const range of request.care) written += `${range.day} ${range.from} ${range.to};`;
    let id = writtenPatterns.get(written);
    if (id === undefined) {
      const minutes = careMinutes(request.care);
      const key = minutes.join(",");
      id = patternIds.get(key);
      if (id === undefined) {
        id = patternIds.size;
        patternIds.set(key, id);
        for (const minute of minutes) patternBuffer.push(minute);
        patternStartBuffer.push(patternBuffer.length);
      }
      writtenPatterns.set(written, id);
    }
    carePattern[r] = id;
  });
  const patternStart = patternStartBuffer.toArray();
  const patternMinutes = patternBuffer.toArray();

  // Free ranges repeat as well (a few weekly styles); the coverage test is cached per pair of patterns.
  const freeStart = new Int32Array(caregivers.length + 1);
  const freeBuffer = new IntBuffer();
  const countLimit = new Int32Array(caregivers.length);
  const freePattern = new Int32Array(caregivers.length);
  const freePatternIds = new Map<string, number>();
  const writtenFree = new Map<string, { pieces: number[]; id: number }>();
  caregivers.forEach((caregiver, c) => {
    let written = "";
    for (const range of caregiver.freePlaces)
      written += `${range.day} ${range.from} ${range.to} ${range.places};`;
    let parsed = writtenFree.get(written);
    if (!parsed) {
      const pieces = freePieces(caregiver.freePlaces);
      // Coverage depends on where places are, not on how many.
      const key = pieces.filter((_, i) => i % 3 !== 2).join(",");
      let id = freePatternIds.get(key);
      if (id === undefined) {
        id = freePatternIds.size;
        freePatternIds.set(key, id);
      }
      parsed = { pieces, id };
      writtenFree.set(written, parsed);
    }
    for (const value of parsed.pieces) freeBuffer.push(value);
    freeStart[c + 1] = freeBuffer.length;
    countLimit[c] = Math.max(0, caregiver.maxChildren - caregiver.existingChildren);
    freePattern[c] = parsed.id;
  });
  const free = freeBuffer.toArray();
  const acceptability = new Acceptability(
    caregivers,
    freeStart,
    free,
    freePattern,
    patternStart,
    patternMinutes,
  );

  const pointsOrder = requests.map((_, r) => r);
  pointsOrder.sort(
    (a, b) =>
      (requests[b] as PlacementRequest).priorityPoints - (requests[a] as PlacementRequest).priorityPoints ||
      a - b,
  );
  const pointsRank = new Int32Array(requests.length);
  pointsOrder.forEach((r, position) => {
    pointsRank[r] = position;
  });

  const priorityOrder = caregivers.map((caregiver, c) => {
    if (!caregiver.priorityOrder) return undefined;
    const positions = new Map<number, number>();
    caregiver.priorityOrder.forEach((id, position) => {
      const r = requestIndex.get(id);
      if (r === undefined) {
        throw new RangeError(`caregivers[${c}].priorityOrder[${position}]: unknown request "${id}"`);
      }
      // Numbered densely, so that unlisted requests rank right after the last listed one.
      if (!positions.has(r)) positions.set(r, positions.size);
    });
    return positions;
  });

  const grid = new GridIndex(
    caregivers.map((caregiver) => caregiver.location),
    // Cells of a quarter of the typical radius: the cells a query touches then cover little more than its
    // circle, and there are still few of them.
    Math.max(0.25, median(requests.map((request) => request.maxDistanceKm)) / 4),
  );
  const listStart = new Int32Array(requests.length + 1);
  const listBuffer = new IntBuffer();
  let candidates = new Int32Array(256);
  let distances = new Float64Array(256);
  for (let r = 0; r < requests.length; r++) {
    const request = requests[r] as PlacementRequest;
    const pattern = carePattern[r] as number;
    if (request.preferences && request.preferences.length > 0) {
      const seen = new Set<number>();
      request.preferences.forEach((id, position) => {
        const c = caregiverIndex.get(id);
        if (c === undefined) {
          throw new RangeError(`requests[${r}].preferences[${position}]: unknown caregiver "${id}"`);
        }
        if (seen.has(c)) return;
        seen.add(c);
        const km = haversineKm(request.location, (caregivers[c] as PlacementCaregiver).location);
        if (km <= request.maxDistanceKm && acceptability.admits(c, request, pattern)) listBuffer.push(c);
      });
    } else {
      const box = grid.boxCandidates(request.location, request.maxDistanceKm);
      if (box.length > candidates.length) {
        candidates = new Int32Array(box.length);
        distances = new Float64Array(box.length);
      }
      const found = acceptability.filterWithin(grid, box, request, pattern, candidates, distances);
      sortByDistance(distances, candidates, found);
      for (let i = 0; i < found; i++) listBuffer.push(candidates[i] as number);
    }
    listStart[r + 1] = listBuffer.length;
  }
  const list = listBuffer.toArray();

  const listerStart = new Int32Array(caregivers.length + 1);
  for (const c of list) listerStart[c + 1] = (listerStart[c + 1] as number) + 1;
  for (let c = 0; c < caregivers.length; c++) {
    listerStart[c + 1] = (listerStart[c + 1] as number) + (listerStart[c] as number);
  }
  const fill = listerStart.slice(0, -1);
  const listers = new Int32Array(list.length);
  const listerPosition = new Int32Array(list.length);
  for (let r = 0; r < requests.length; r++) {
    for (let k = listStart[r] as number; k < (listStart[r + 1] as number); k++) {
      const c = list[k] as number;
      const slot = fill[c] as number;
      listers[slot] = r;
      listerPosition[slot] = k - (listStart[r] as number);
      fill[c] = slot + 1;
    }
  }

  return {
    instance,
    requestCount: requests.length,
    caregiverCount: caregivers.length,
    requestIndex,
    caregiverIndex,
    patternStart,
    patternMinutes,
    carePattern,
    freeStart,
    free,
    countLimit,
    listStart,
    list,
    listerStart,
    listers,
    listerPosition,
    pointsRank,
    priorityOrder,
  };
}

/** The caregiver's rank of a request: lower is better; listed requests first, then by priority points. */
export function caregiverRank(model: PlacementModel, c: number, r: number): number {
  const listed = model.priorityOrder[c];
  if (!listed) return model.pointsRank[r] as number;
  const position = listed.get(r);
  return position ?? listed.size + (model.pointsRank[r] as number);
}
