/**
 * The compiled form of an instance that the round works on: indices instead of ids, times as minutes of the
 * week, every request's ranking of its acceptable caregivers as one flat array (a country has millions of
 * acceptable pairs, so nothing per pair is an object), and each caregiver's ranking of requests as a number
 * to compare.
 */

import { EARTH_RADIUS_M } from "../geo/geo";
import type { PlacementCaregiver, PlacementInstance, PlacementRequest, PlacementTimeRange } from "./instance";
import { GridIndex, haversineKmWithCos, toRadians } from "./spatial";
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

/** Growable Int32 buffer, for the small per-pattern and per-caregiver arrays. */
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
 * The acceptable pairs as they are found, in chunks that are copied once into an array of the right size.
 * Doubling a single buffer instead allocated three times the final size, and large allocations outside the
 * JS heap make V8 run full collections over the whole instance (a tenth of a country's round).
 */
class ChunkedInts {
  private readonly chunks: Int32Array[] = [];
  private chunk = new Int32Array(1 << 14);
  private used = 0;
  length = 0;

  /** Makes room for `more` values in the current chunk. */
  private reserve(more: number): void {
    if (this.used + more <= this.chunk.length) return;
    this.chunks.push(this.chunk.subarray(0, this.used));
    this.chunk = new Int32Array(Math.max(more, Math.min(1 << 20, this.chunk.length * 2)));
    this.used = 0;
  }

  push(value: number): void {
    this.reserve(1);
    this.chunk[this.used++] = value;
    this.length++;
  }

  append(values: Int32Array, count: number): void {
    this.reserve(count);
    this.chunk.set(values.subarray(0, count), this.used);
    this.used += count;
    this.length += count;
  }

  toArray(): Int32Array {
    const all = new Int32Array(this.length);
    let at = 0;
    for (const chunk of [...this.chunks, this.chunk.subarray(0, this.used)]) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return all;
  }
}

/** Bit of `Acceptability`'s caregiver flags: she does not take children who need inclusion. */
const NO_INCLUSION = 1;
/** Bit of `Acceptability`'s caregiver flags: there are pets in her home. */
const HAS_PETS = 2;

/** Numbers per slot in `Acceptability.slots`: ages, point on the unit sphere, and free pattern with flags. */
const SLOT_STRIDE = 6;
/**
 * Margin on the squared chord (see {@link Acceptability.filterWithin}) within which it does not decide
 * between two distances: relative 1e-9 and absolute 1e-18 (a chord of 6 mm), where the rounding of the
 * chord and of the haversine distance stay below 1e-14 of it.
 */
const chordMargin = (squared: number) => 1e-9 * squared + 1e-18;
/**
 * Up to this radius the squared chord stands in for the distance; beyond it (a request that reaches round
 * the globe) every candidate gets the haversine, since near the antipode it loses precision.
 */
const CHORD_MAX_KM = 5000;

/**
 * The acceptability test of compileInstance, on flat arrays and in a class of its own so that the inner loop
 * over a request's nearby caregivers (millions of candidates in a country) stays monomorphic and cheap.
 * Same conditions as {@link personalMismatch} and {@link coversCare}, which the explanations use. The
 * caregivers' attributes are kept twice: by caregiver index (for preference lists) and interleaved in the
 * grid's slot order, so that the scan over a request's cells reads one stretch of memory per row of cells
 * rather than seven arrays at scattered places (a country's caregivers do not fit in the cache).
 */
class Acceptability {
  /** By caregiver: latitude, longitude and its cosine, ages, flags. */
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly cosLat: Float64Array;
  private readonly ageMin: Float64Array;
  private readonly ageMax: Float64Array;
  private readonly flags: Uint8Array;
  /**
   * Per slot: ageMin, ageMax, x, y, z (the point on the unit sphere), free pattern · 4 + flags. Numbers
   * rather than a mix of typed arrays, so that one slot is 48 contiguous bytes.
   */
  private readonly slots: Float64Array;
  /** Scratch for settling near ties. */
  private tieKm = new Float64Array(64);
  private tieCaregivers = new Int32Array(64);
  private readonly stack: number[] = [];
  private readonly freePatternCount: number;
  /**
   * Per (care pattern, free pattern), one care pattern's row contiguous: 0 unknown, 1 covered, -1 not. So
   * the time test is made once per pattern pair rather than once per pair of request and caregiver (most
   * families ask for one of a few patterns, and free places come in a few weekly styles). A map when a
   * table would be huge.
   */
  private readonly coverageTable: Int8Array | null;
  private readonly coverageMap = new Map<number, number>();
  /** A caregiver with each free pattern, whose pieces stand for it. */
  private readonly patternCaregiver: Int32Array;

  constructor(
    caregivers: readonly PlacementCaregiver[],
    private readonly grid: GridIndex,
    private readonly freeStart: Int32Array,
    private readonly free: Int32Array,
    private readonly freePattern: Int32Array,
    freePatternCount: number,
    private readonly patternStart: Int32Array,
    private readonly patternMinutes: Int32Array,
  ) {
    const count = caregivers.length;
    this.lat = new Float64Array(count);
    this.lon = new Float64Array(count);
    this.cosLat = new Float64Array(count);
    this.ageMin = new Float64Array(count);
    this.ageMax = new Float64Array(count);
    this.flags = new Uint8Array(count);
    this.patternCaregiver = new Int32Array(freePatternCount);
    for (let c = count - 1; c >= 0; c--) {
      const caregiver = caregivers[c] as PlacementCaregiver;
      this.lat[c] = caregiver.location.lat;
      this.lon[c] = caregiver.location.lon;
      this.cosLat[c] = Math.cos(toRadians(caregiver.location.lat));
      this.ageMin[c] = caregiver.ageMonths.min;
      this.ageMax[c] = caregiver.ageMonths.max;
      this.flags[c] = (caregiver.inclusion ? 0 : NO_INCLUSION) | (caregiver.pets ? HAS_PETS : 0);
      this.patternCaregiver[freePattern[c] as number] = c;
    }
    this.slots = new Float64Array(count * SLOT_STRIDE);
    for (let slot = 0; slot < count; slot++) {
      const c = grid.order[slot] as number;
      const o = slot * SLOT_STRIDE;
      this.slots[o] = this.ageMin[c] as number;
      this.slots[o + 1] = this.ageMax[c] as number;
      const phi = toRadians(grid.slotLat[slot] as number);
      const lambda = toRadians(grid.slotLon[slot] as number);
      this.slots[o + 2] = Math.cos(phi) * Math.cos(lambda);
      this.slots[o + 3] = Math.cos(phi) * Math.sin(lambda);
      this.slots[o + 4] = Math.sin(phi);
      this.slots[o + 5] = (freePattern[c] as number) * 4 + (this.flags[c] as number);
    }
    this.freePatternCount = freePatternCount;
    const pairs = freePatternCount * (patternStart.length - 1);
    this.coverageTable = pairs <= 1 << 24 ? new Int8Array(pairs) : null;
  }

  /** Whether free pattern `f` has a place at every minute of care pattern `p`. */
  private covers(f: number, p: number): boolean {
    const key = p * this.freePatternCount + f;
    let covered = this.coverageTable ? (this.coverageTable[key] as number) : (this.coverageMap.get(key) ?? 0);
    if (covered === 0) {
      const c = this.patternCaregiver[f] as number;
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

  /** Whether caregiver `c` is acceptable to the request (of care pattern `pattern`), distance included. */
  accepts(c: number, request: PlacementRequest, pattern: number, cosLat: number): boolean {
    return (
      this.distanceKm(request, cosLat, c) <= request.maxDistanceKm &&
      request.childAgeMonths >= (this.ageMin[c] as number) &&
      request.childAgeMonths <= (this.ageMax[c] as number) &&
      ((this.flags[c] as number) & requestMask(request)) === 0 &&
      this.covers(this.freePattern[c] as number, pattern)
    );
  }

  /** The distance from the request (with `cosLat` = cos of its latitude) to caregiver `c`, as haversineKm gives it. */
  private distanceKm(request: PlacementRequest, cosLat: number, c: number): number {
    return haversineKmWithCos(
      request.location.lat,
      request.location.lon,
      cosLat,
      this.lat[c] as number,
      this.lon[c] as number,
      this.cosLat[c] as number,
    );
  }

  /**
   * Writes the acceptable caregivers in the grid's `stretches` of slots into `out`, with a key that orders
   * them by distance into `outKey`; returns how many. The cheap tests go first, the distance only for those
   * that pass.
   *
   * The key is the squared chord between the two points on the unit sphere: the distance is a monotone
   * function of it, and it costs a few multiplications where the haversine costs three trigonometric
   * calls (a fifth of a city's round went into them). It decides only with a margin ({@link chordMargin})
   * far beyond the rounding of either: near the radius the haversine decides, as in the definition, and
   * {@link settleNearTies} orders by haversine what the chord cannot tell apart. Beyond CHORD_MAX_KM the
   * key is the haversine distance itself (`exact`).
   */
  filterWithin(
    stretches: Int32Array,
    request: PlacementRequest,
    pattern: number,
    out: Int32Array,
    outKey: Float64Array,
    exact: boolean,
  ): number {
    const { slots, coverageTable } = this;
    const order = this.grid.order;
    const age = request.childAgeMonths;
    const mask = requestMask(request);
    const maxKm = request.maxDistanceKm;
    const phi = toRadians(request.location.lat);
    const lambda = toRadians(request.location.lon);
    const cosLat = Math.cos(phi);
    const x = cosLat * Math.cos(lambda);
    const y = cosLat * Math.sin(lambda);
    const z = Math.sin(phi);
    // The squared chord of maxKm; below `inside` a caregiver is surely within it, above `outside` surely not.
    const halfChord = Math.sin((maxKm * 500) / EARTH_RADIUS_M);
    const squared = 4 * halfChord * halfChord;
    const inside = exact ? -1 : squared - chordMargin(squared);
    const outside = exact ? Number.POSITIVE_INFINITY : squared + chordMargin(squared);
    const row = pattern * this.freePatternCount;
    let found = 0;
    for (let i = 0; i < stretches.length; i += 2) {
      const end = stretches[i + 1] as number;
      for (let slot = stretches[i] as number, o = slot * SLOT_STRIDE; slot < end; slot++, o += SLOT_STRIDE) {
        if (age < (slots[o] as number) || age > (slots[o + 1] as number)) continue;
        const packed = (slots[o + 5] as number) | 0;
        if ((packed & mask) !== 0) continue;
        const f = packed >> 2;
        const covered = coverageTable === null ? 0 : (coverageTable[row + f] as number);
        if (covered === 0 ? !this.covers(f, pattern) : covered < 0) continue;
        const dx = (slots[o + 2] as number) - x;
        const dy = (slots[o + 3] as number) - y;
        const dz = (slots[o + 4] as number) - z;
        let key = dx * dx + dy * dy + dz * dz;
        if (key > outside) continue;
        const c = order[slot] as number;
        if (!(key < inside)) {
          const km = this.distanceKm(request, cosLat, c);
          if (km > maxKm) continue;
          if (exact) key = km;
        }
        out[found] = c;
        outKey[found] = key;
        found++;
      }
    }
    return found;
  }

  /**
   * Puts entries sorted by squared chord into the order of the definition where the chord cannot tell them
   * apart: each run of entries whose keys lie within the margin of their neighbours is sorted by haversine
   * distance, ties by caregiver index. Caregivers at one address (equal distances) form such runs.
   */
  settleNearTies(request: PlacementRequest, keys: Float64Array, caregivers: Int32Array, count: number): void {
    const cosLat = Math.cos(toRadians(request.location.lat));
    let i = 0;
    while (i + 1 < count) {
      if ((keys[i + 1] as number) - (keys[i] as number) > 2 * chordMargin(keys[i + 1] as number)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (
        j + 1 < count &&
        (keys[j + 1] as number) - (keys[j] as number) <= 2 * chordMargin(keys[j + 1] as number)
      ) {
        j++;
      }
      const length = j - i + 1;
      if (this.tieKm.length < length) {
        this.tieKm = new Float64Array(length * 2);
        this.tieCaregivers = new Int32Array(length * 2);
      }
      for (let k = 0; k < length; k++) {
        const c = caregivers[i + k] as number;
        this.tieCaregivers[k] = c;
        this.tieKm[k] = this.distanceKm(request, cosLat, c);
      }
      quickSort(this.tieKm, this.tieCaregivers, 0, length, this.stack);
      caregivers.set(this.tieCaregivers.subarray(0, length), i);
      i = j + 1;
    }
  }
}

/** The caregiver flags that rule a caregiver out for this request. */
function requestMask(request: PlacementRequest): number {
  return (request.needsInclusion ? NO_INCLUSION : 0) | (request.noPets ? HAS_PETS : 0);
}

/** Insertion sort of entries `lo … hi - 1` by key, ties by caregiver index; for short or nearly sorted runs. */
function insertionSort(keys: Float64Array, caregivers: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i < hi; i++) {
    const key = keys[i] as number;
    const value = caregivers[i] as number;
    let j = i - 1;
    while (j >= lo && ((keys[j] as number) > key || (keys[j] === key && (caregivers[j] as number) > value))) {
      keys[j + 1] = keys[j] as number;
      caregivers[j + 1] = caregivers[j] as number;
      j--;
    }
    keys[j + 1] = key;
    caregivers[j + 1] = value;
  }
}

/** Quicksort of entries `lo … hi - 1` (Hoare partition around the middle), insertion sort for short runs. */
function quickSort(
  keys: Float64Array,
  caregivers: Int32Array,
  lo: number,
  hi: number,
  stack: number[],
): void {
  stack.length = 0;
  stack.push(lo, hi - 1);
  while (stack.length > 0) {
    const last = stack.pop() as number;
    const first = stack.pop() as number;
    if (last - first < 24) {
      insertionSort(keys, caregivers, first, last + 1);
      continue;
    }
    const mid = (first + last) >>> 1;
    const pivotKey = keys[mid] as number;
    const pivotValue = caregivers[mid] as number;
    let i = first;
    let j = last;
    while (i <= j) {
      while (
        (keys[i] as number) < pivotKey ||
        (keys[i] === pivotKey && (caregivers[i] as number) < pivotValue)
      )
        i++;
      while (
        (keys[j] as number) > pivotKey ||
        (keys[j] === pivotKey && (caregivers[j] as number) > pivotValue)
      )
        j--;
      if (i <= j) {
        const key = keys[i] as number;
        keys[i] = keys[j] as number;
        keys[j] = key;
        const value = caregivers[i] as number;
        caregivers[i] = caregivers[j] as number;
        caregivers[j] = value;
        i++;
        j--;
      }
    }
    if (first < j) stack.push(first, j);
    if (i < last) stack.push(i, last);
  }
}

/**
 * Sorts a request's acceptable caregivers by a distance key, ties by caregiver index (input order), into
 * reusable scratch arrays. Long lists are first spread over buckets of the squared distance (the area within
 * a distance grows with its square, so the buckets fill about evenly), which is linear and leaves them nearly
 * sorted; one insertion pass then orders the few entries that share a bucket (and would sort correctly
 * whatever the buckets). On a city's lists, a hundred caregivers each, that takes a quarter less time than
 * the comparison sort.
 */
class DistanceSorter {
  /** The sorted keys and caregivers. */
  keys = new Float64Array(256);
  caregivers = new Int32Array(256);
  private bucket = new Int32Array(256);
  private bucketStart = new Int32Array(257);
  private readonly stack: number[] = [];

  /**
   * Sorts the first `count` entries of `keys`/`caregivers` into this.keys/this.caregivers. The keys are at most
   * `maxKey` and either distances or (`squared`) squares of something monotone in the distance.
   */
  sort(keys: Float64Array, caregivers: Int32Array, count: number, maxKey: number, squared: boolean): void {
    if (this.keys.length < count) {
      const length = Math.max(count, this.keys.length * 2);
      this.keys = new Float64Array(length);
      this.caregivers = new Int32Array(length);
      this.bucket = new Int32Array(length);
      this.bucketStart = new Int32Array(length + 1);
    }
    const outKeys = this.keys;
    const outCaregivers = this.caregivers;
    if (count < 32 || !(maxKey > 0) || maxKey === Number.POSITIVE_INFINITY) {
      for (let i = 0; i < count; i++) {
        outKeys[i] = keys[i] as number;
        outCaregivers[i] = caregivers[i] as number;
      }
      quickSort(outKeys, outCaregivers, 0, count, this.stack);
      return;
    }
    const bucket = this.bucket;
    const start = this.bucketStart;
    const buckets = count;
    start.fill(0, 0, buckets + 1);
    // Monotone in the key (a nearer caregiver never lands in a later bucket), and below `buckets` for keys
    // up to maxKey; `| 0` rounds down like Math.floor here and sends anything odd (NaN) to bucket 0.
    const scale = (buckets * (1 - 1e-9)) / (squared ? maxKey : maxKey * maxKey);
    let spread = true;
    for (let i = 0; i < count; i++) {
      const d = keys[i] as number;
      let b = ((squared ? d : d * d) * scale) | 0;
      if (b >= buckets) b = buckets - 1;
      bucket[i] = b;
      const next = (start[b + 1] as number) + 1;
      start[b + 1] = next;
      if (next > 16) spread = false;
    }
    if (!spread) {
      // Many caregivers at about the same distance (a block of flats): insertion would be quadratic.
      for (let i = 0; i < count; i++) {
        outKeys[i] = keys[i] as number;
        outCaregivers[i] = caregivers[i] as number;
      }
      quickSort(outKeys, outCaregivers, 0, count, this.stack);
      return;
    }
    for (let b = 0; b < buckets; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
    for (let i = 0; i < count; i++) {
      const b = bucket[i] as number;
      const slot = start[b] as number;
      start[b] = slot + 1;
      outKeys[slot] = keys[i] as number;
      outCaregivers[slot] = caregivers[i] as number;
    }
    insertionSort(outKeys, outCaregivers, 0, count);
  }
}

function median(values: Float64Array): number {
  if (values.length === 0) return 1;
  return values.sort()[Math.floor(values.length / 2)] as number;
}

/** A cheap hash of a list of ranges as written, to find repeated ones without building a string per request. */
function hashRanges(ranges: readonly (PlacementTimeRange & { places?: number })[]): number {
  let hash = ranges.length;
  for (const range of ranges) {
    hash = Math.imul(hash ^ range.day, 0x01000193);
    for (let i = 0; i < range.from.length; i++) hash = Math.imul(hash ^ range.from.charCodeAt(i), 0x01000193);
    for (let i = 0; i < range.to.length; i++) hash = Math.imul(hash ^ range.to.charCodeAt(i), 0x01000193);
    if (range.places !== undefined) hash = Math.imul(hash ^ range.places, 0x01000193);
  }
  return hash;
}

function sameRanges(
  a: readonly (PlacementTimeRange & { places?: number })[],
  b: readonly (PlacementTimeRange & { places?: number })[],
): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as PlacementTimeRange & { places?: number };
    const y = b[i] as PlacementTimeRange & { places?: number };
    if (x.day !== y.day || x.from !== y.from || x.to !== y.to || x.places !== y.places) return false;
  }
  return true;
}

/**
 * Lists of ranges as written, each distinct one with a value computed once: thousands of families write
 * "Mon–Fri 8–13" and hundreds of caregivers the same free places. Keyed by a hash, compared in full.
 */
class WrittenRanges<T> {
  private readonly first = new Map<number, number>();
  private readonly ranges: (readonly PlacementTimeRange[])[] = [];
  private readonly values: T[] = [];
  private readonly next: number[] = [];

  get(ranges: readonly PlacementTimeRange[], compute: () => T): T {
    const hash = hashRanges(ranges);
    const head = this.first.get(hash);
    for (let e = head ?? -1; e >= 0; e = this.next[e] as number) {
      if (sameRanges(this.ranges[e] as readonly PlacementTimeRange[], ranges)) return this.values[e] as T;
    }
    const value = compute();
    this.first.set(hash, this.ranges.length);
    this.next.push(head ?? -1);
    this.ranges.push(ranges);
    this.values.push(value);
    return value;
  }
}

/**
 * Each request's position when ranked by priority points (higher first), ties by input order. Whole points
 * in a moderate range (the published criteria give such) are sorted as packed numbers with the engine's
 * numeric sort, several times faster than a comparator over 170,000 requests; anything else by comparator.
 */
function rankByPoints(requests: readonly PlacementRequest[]): Int32Array {
  const count = requests.length;
  const rank = new Int32Array(count);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let r = 0; r < count; r++) {
    const points = (requests[r] as PlacementRequest).priorityPoints;
    if (!Number.isInteger(points)) whole = false;
    min = Math.min(min, points);
    max = Math.max(max, points);
  }
  if (whole && max - min < 2 ** 20 && count < 2 ** 32) {
    // (max − points) · 2³² + r stays below 2⁵³, so it is exact, distinct and ordered as (points desc, r asc).
    const keys = new Float64Array(count);
    for (let r = 0; r < count; r++) {
      keys[r] = (max - (requests[r] as PlacementRequest).priorityPoints) * 2 ** 32 + r;
    }
    keys.sort();
    for (let position = 0; position < count; position++)
      rank[(keys[position] as number) % 2 ** 32] = position;
    return rank;
  }
  const order = Array.from({ length: count }, (_, r) => r);
  order.sort(
    (a, b) =>
      (requests[b] as PlacementRequest).priorityPoints - (requests[a] as PlacementRequest).priorityPoints ||
      a - b,
  );
  order.forEach((r, position) => {
    rank[r] = position;
  });
  return rank;
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
  // Written ranges first, so that the thousands of "Mon–Fri 8–13" are parsed once; then by minutes, so
  // that ranges written differently but covering the same minutes share a pattern.
  const writtenPatterns = new WrittenRanges<number>();
  for (let r = 0; r < requests.length; r++) {
    carePattern[r] = writtenPatterns.get((requests[r] as PlacementRequest).care, () => {
      const minutes = careMinutes((requests[r] as PlacementRequest).care);
      const key = minutes.join(",");
      let id = patternIds.get(key);
      if (id === undefined) {
        id = patternIds.size;
        patternIds.set(key, id);
        for (const minute of minutes) patternBuffer.push(minute);
        patternStartBuffer.push(patternBuffer.length);
      }
      return id;
    });
  }
  const patternStart = patternStartBuffer.toArray();
  const patternMinutes = patternBuffer.toArray();

  // Free ranges repeat as well (a few weekly styles); the coverage test is cached per pair of patterns.
  const freeStart = new Int32Array(caregivers.length + 1);
  const freeBuffer = new IntBuffer();
  const countLimit = new Int32Array(caregivers.length);
  const freePattern = new Int32Array(caregivers.length);
  const freePatternIds = new Map<string, number>();
  const writtenFree = new WrittenRanges<{ pieces: number[]; id: number }>();
  for (let c = 0; c < caregivers.length; c++) {
    const caregiver = caregivers[c] as PlacementCaregiver;
    const parsed = writtenFree.get(caregiver.freePlaces, () => {
      const pieces = freePieces(caregiver.freePlaces);
      // Coverage depends on where places are, not on how many.
      const key = pieces.filter((_, i) => i % 3 !== 2).join(",");
      let id = freePatternIds.get(key);
      if (id === undefined) {
        id = freePatternIds.size;
        freePatternIds.set(key, id);
      }
      return { pieces, id };
    });
    for (const value of parsed.pieces) freeBuffer.push(value);
    freeStart[c + 1] = freeBuffer.length;
    countLimit[c] = Math.max(0, caregiver.maxChildren - caregiver.existingChildren);
    freePattern[c] = parsed.id;
  }
  const free = freeBuffer.toArray();

  const pointsRank = rankByPoints(requests);

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

  const radii = new Float64Array(requests.length);
  for (let r = 0; r < requests.length; r++) radii[r] = (requests[r] as PlacementRequest).maxDistanceKm;
  const grid = new GridIndex(
    caregivers.map((caregiver) => caregiver.location),
    // Cells of a quarter of the typical radius: the cells a query touches then cover little more than its
    // circle, and there are still few of them.
    Math.max(0.25, median(radii) / 4),
  );
  const acceptability = new Acceptability(
    caregivers,
    grid,
    freeStart,
    free,
    freePattern,
    freePatternIds.size,
    patternStart,
    patternMinutes,
  );
  const listStart = new Int32Array(requests.length + 1);
  const listBuffer = new ChunkedInts();
  let candidates = new Int32Array(256);
  let keys = new Float64Array(256);
  const sorter = new DistanceSorter();
  /** r + 1 where request r already listed the caregiver: a preference named twice counts once. */
  const seen = new Int32Array(caregivers.length);
  for (let r = 0; r < requests.length; r++) {
    const request = requests[r] as PlacementRequest;
    const pattern = carePattern[r] as number;
    const preferences = request.preferences;
    if (preferences && preferences.length > 0) {
      const cosLat = Math.cos(toRadians(request.location.lat));
      for (let position = 0; position < preferences.length; position++) {
        const id = preferences[position] as string;
        const c = caregiverIndex.get(id);
        if (c === undefined) {
          throw new RangeError(`requests[${r}].preferences[${position}]: unknown caregiver "${id}"`);
        }
        if (seen[c] === r + 1) continue;
        seen[c] = r + 1;
        if (acceptability.accepts(c, request, pattern, cosLat)) listBuffer.push(c);
      }
    } else {
      const stretches = grid.stretches(request.location, request.maxDistanceKm);
      let size = 0;
      for (let i = 0; i < stretches.length; i += 2) {
        size += (stretches[i + 1] as number) - (stretches[i] as number);
      }
      if (size > candidates.length) {
        candidates = new Int32Array(Math.max(size, candidates.length * 2));
        keys = new Float64Array(candidates.length);
      }
      const exact = !(request.maxDistanceKm <= CHORD_MAX_KM);
      const found = acceptability.filterWithin(stretches, request, pattern, candidates, keys, exact);
      let maxKey = 0;
      for (let i = 0; i < found; i++) maxKey = Math.max(maxKey, keys[i] as number);
      sorter.sort(keys, candidates, found, maxKey, !exact);
      if (!exact) acceptability.settleNearTies(request, sorter.keys, sorter.caregivers, found);
      listBuffer.append(sorter.caregivers, found);
    }
    listStart[r + 1] = listBuffer.length;
  }
  const list = listBuffer.toArray();

  const listerStart = new Int32Array(caregivers.length + 1);
  for (let k = 0; k < list.length; k++) {
    const c = list[k] as number;
    listerStart[c + 1] = (listerStart[c + 1] as number) + 1;
  }
  for (let c = 0; c < caregivers.length; c++) {
    listerStart[c + 1] = (listerStart[c + 1] as number) + (listerStart[c] as number);
  }
  const fill = listerStart.slice(0, -1);
  const listers = new Int32Array(list.length);
  const listerPosition = new Int32Array(list.length);
  for (let r = 0; r < requests.length; r++) {
    const first = listStart[r] as number;
    const end = listStart[r + 1] as number;
    for (let k = first; k < end; k++) {
      const c = list[k] as number;
      const slot = fill[c] as number;
      listers[slot] = r;
      listerPosition[slot] = k - first;
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
