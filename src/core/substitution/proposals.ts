/**
 * Cover proposals for the child-days of absences (issue 7): for every child and day a person or Kita in the
 * order of preference — a substitute the child knows, a tandem partner, another substitute or day-care person
 * with room, a cooperating Kita — never above anyone's licence at any minute.
 *
 * Everything is per day: a person's day is her licence limit that day, her working hours (the capacity
 * profile's slots of that weekday) and the children present (her own contracts', covers held already and
 * those given in this run) as minute ranges. The licence check sweeps the breakpoints of those ranges.
 *
 * Preference works in passes: every child (or group of siblings) first tries the candidates of rank 1, then
 * all try rank 2, and so on, so that a child who knows a substitute gets her before she is handed out as
 * "another substitute with room" to a child who does not know her. Within a rank: known persons first (for
 * rank 3 then the substitutes assigned to the absent caregiver), then nearest to the family, ties by id.
 * Siblings (same family key, same day) go through the passes together and are only split when no place takes
 * all of them.
 */

import type { CoverKind } from "../../contracts/substitution";
import { normaliseTimes, profileInEffect } from "../caregivers/capacity";
import { type GeoPoint, haversineKm, roundKm } from "../geo/geo";
import { GridIndex } from "../placement/spatial";
import { weekdayIndex } from "../shared/dates";
import { absentDuring, careRangesOn, mergeRanges, weeklyCareRanges } from "./absences";
import type {
  CandidateEvaluation,
  CandidateRef,
  CoverArrangement,
  CoverCheckProblem,
  CoverChild,
  CoverInput,
  CoverPerson,
  CoverProposal,
  MinuteRange,
} from "./types";

/** The outcome of checking a planned period (e.g. a tandem's summer closing) against the partners. */
export interface PeriodCheck {
  childDays: number;
  covered: number;
  allCovered: boolean;
  proposals: CoverProposal[];
  /** The earliest uncovered child-day's problem (by day and time), null when all are covered. */
  firstProblem: CoverCheckProblem | null;
}

const ALL_KINDS: readonly CoverKind[] = ["knownSubstitute", "tandem", "substitute", "caregiver", "kita"];
/** Rings of the search for "another person with room": most children find one close by. */
const RING_KM = [1, 2, 5];
const EMPTY_ARRANGEMENT: CoverArrangement = {
  caregiverId: "",
  tandemPartnerIds: [],
  substituteIds: [],
  kitaId: null,
};

/** Events per day in the licence sweep stay far below this. */
const EVENT_SCALE = 65_536;

/** The standing of a person named for none of the children: "another substitute or caregiver with room". */
const OTHER_SUBSTITUTE: Standing = { kind: "substitute", tier: 3, sub: 2, isKnown: false, exempt: false };
const OTHER_CAREGIVER: Standing = { kind: "caregiver", tier: 3, sub: 2, isKnown: false, exempt: false };

const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A person's or Kita's day: limit, when she works (or the Kita is open), and the children present. */
interface DayState {
  limit: number;
  open: MinuteRange[];
  present: MinuteRange[];
}

/** How a candidate stands to one child. */
interface Standing {
  kind: CoverKind;
  /** 1 known substitute, 2 tandem partner, 3 other person, 4 Kita. */
  tier: number;
  /** Order within the tier: lower first. */
  sub: number;
  isKnown: boolean;
  /** Asked regardless of distance (known, tandem partner, arranged substitute or Kita). */
  exempt: boolean;
}

/** A person (index ≥ 0 into people) or a Kita (index ≥ 0 into kitas). */
interface Target {
  person: number;
  kita: number;
}

interface RankedTarget extends Target {
  tier: number;
  sub: number;
  distance: number;
  id: string;
}

function compareRanked(a: RankedTarget, b: RankedTarget): number {
  return a.tier - b.tier || a.sub - b.sub || a.distance - b.distance || compareIds(a.id, b.id);
}

/** The first part of `ranges` not inside `open` (both sorted; `open` merged), or null when all are inside. */
function firstOutside(ranges: readonly MinuteRange[], open: readonly MinuteRange[]): MinuteRange | null {
  for (const [from, to] of ranges) {
    let cursor = from;
    for (const [a, b] of open) {
      if (b <= cursor) continue;
      if (a > cursor) break;
      cursor = b;
      if (cursor >= to) break;
    }
    if (cursor < to) {
      const next = open.find(([a]) => a > cursor);
      return [cursor, next ? Math.min(to, next[0]) : to];
    }
  }
  return null;
}

/**
 * The first stretch in which more than `limit` children are present while one of the `added` ones is there,
 * with the most present in it; null when the added children fit. Existing children above the limit on their
 * own (a data error elsewhere) are not blamed on the added ones.
 */
export function firstExceedance(
  existing: readonly MinuteRange[],
  added: readonly MinuteRange[],
  limit: number,
): { from: number; to: number; present: number } | null {
  const count = (existing.length + added.length) * 2;
  // Each event packed into one number (time · 2^16 + event index), so that a plain numeric sort of a typed
  // array orders them by time without a comparator; a day has a few dozen events at most.
  const events = new Float64Array(count);
  for (let i = 0; i < existing.length; i++) {
    const range = existing[i] as MinuteRange;
    events[2 * i] = range[0] * EVENT_SCALE + 2 * i;
    events[2 * i + 1] = range[1] * EVENT_SCALE + 2 * i + 1;
  }
  const firstAdded = existing.length * 2;
  for (let i = 0; i < added.length; i++) {
    const range = added[i] as MinuteRange;
    events[firstAdded + 2 * i] = range[0] * EVENT_SCALE + firstAdded + 2 * i;
    events[firstAdded + 2 * i + 1] = range[1] * EVENT_SCALE + firstAdded + 2 * i + 1;
  }
  events.sort();
  let total = 0;
  let mine = 0;
  let run: { from: number; to: number; present: number } | null = null;
  let index = 0;
  while (index < count) {
    const time = Math.floor((events[index] as number) / EVENT_SCALE);
    for (; index < count && Math.floor((events[index] as number) / EVENT_SCALE) === time; index++) {
      const event = (events[index] as number) % EVENT_SCALE;
      const delta = event % 2 === 0 ? 1 : -1;
      total += delta;
      if (event >= firstAdded) mine += delta;
    }
    if (index >= count) break;
    const next = Math.floor((events[index] as number) / EVENT_SCALE);
    if (total > limit && mine > 0) {
      if (run && run.to === time) {
        run.to = next;
        run.present = Math.max(run.present, total);
      } else if (!run) {
        run = { from: time, to: next, present: total };
      }
    } else if (run) {
      return run;
    }
  }
  return run;
}

function problem(
  code: CoverCheckProblem["code"],
  fields: Partial<CoverCheckProblem> = {},
): CoverCheckProblem {
  return {
    code,
    personId: null,
    kitaId: null,
    day: null,
    from: null,
    to: null,
    present: null,
    limit: null,
    ...fields,
  };
}

/** The compiled input: indices, the grid, and the days of people and Kitas as they fill up. */
class CoverModel {
  readonly personIndex = new Map<string, number>();
  readonly kitaIndex = new Map<string, number>();
  readonly arrangements = new Map<string, CoverArrangement>();
  private readonly grid: GridIndex;
  /** Grid point k is person gridPerson[k]. */
  private readonly gridPerson: number[] = [];
  private readonly days = new Map<string, DayState>();
  private readonly weeklyOwn = new Map<number, MinuteRange[][][]>();
  private readonly existing = new Map<string, MinuteRange[][]>();
  readonly knows: Set<string>[];

  constructor(readonly input: CoverInput) {
    input.people.forEach((person, index) => {
      this.personIndex.set(person.id, index);
    });
    input.kitas.forEach((kita, index) => {
      this.kitaIndex.set(kita.id, index);
    });
    for (const arrangement of input.arrangements) this.arrangements.set(arrangement.caregiverId, arrangement);
    const points: GeoPoint[] = [];
    input.people.forEach((person, index) => {
      if (!person.location) return;
      points.push(person.location);
      this.gridPerson.push(index);
    });
    this.grid = new GridIndex(points, 2);
    for (const cover of input.existingCovers) {
      const key =
        cover.personId !== null
          ? this.dayKey(this.personIndex.get(cover.personId) ?? -1, -1, cover.day)
          : this.dayKey(-1, this.kitaIndex.get(cover.kitaId ?? "") ?? -1, cover.day);
      let list = this.existing.get(key);
      if (!list) {
        list = [];
        this.existing.set(key, list);
      }
      list.push(cover.ranges.map((range) => [range[0], range[1]] as MinuteRange));
    }
    this.knows = input.children.map((child) => new Set(child.knows));
  }

  private dayKey(person: number, kita: number, day: string): string {
    return person >= 0 ? `p${person}|${day}` : `k${kita}|${day}`;
  }

  arrangementOf(caregiverId: string): CoverArrangement {
    return this.arrangements.get(caregiverId) ?? EMPTY_ARRANGEMENT;
  }

  /** Where distances of the child are measured from: the family, else the absent caregiver. */
  origin(child: CoverChild): GeoPoint | null {
    if (child.home) return child.home;
    return this.locationOfPerson(this.personIndex.get(child.absentCaregiverId) ?? -1);
  }

  private locationOfPerson(person: number): GeoPoint | null {
    return person >= 0 ? ((this.input.people[person] as CoverPerson).location ?? null) : null;
  }

  locationOf(target: Target): GeoPoint | null {
    if (target.person >= 0) return this.locationOfPerson(target.person);
    return this.input.kitas[target.kita]?.location ?? null;
  }

  idOf(target: Target): string {
    return target.person >= 0
      ? (this.input.people[target.person] as CoverPerson).id
      : (this.input.kitas[target.kita]?.id ?? "");
  }

  distanceKm(child: CoverChild, target: Target): number | null {
    const from = this.origin(child);
    const to = this.locationOf(target);
    return from && to ? haversineKm(from, to) : null;
  }

  /** How `target` stands to the child; null when she is the absent caregiver herself. */
  standing(childIndex: number, target: Target): Standing | null {
    const child = this.input.children[childIndex] as CoverChild;
    const arrangement = this.arrangementOf(child.absentCaregiverId);
    if (target.kita >= 0) {
      const arranged = arrangement.kitaId === this.idOf(target);
      return { kind: "kita", tier: 4, sub: arranged ? 0 : 1, isKnown: false, exempt: arranged };
    }
    const person = this.input.people[target.person] as CoverPerson;
    if (person.id === child.absentCaregiverId) return null;
    const known = (this.knows[childIndex] as Set<string>).has(person.id);
    if (known && person.isSubstitute) {
      return { kind: "knownSubstitute", tier: 1, sub: 0, isKnown: true, exempt: true };
    }
    if (arrangement.tandemPartnerIds.includes(person.id)) {
      return { kind: "tandem", tier: 2, sub: known ? 0 : 1, isKnown: known, exempt: true };
    }
    const assigned = arrangement.substituteIds.includes(person.id);
    return {
      kind: person.isSubstitute ? "substitute" : "caregiver",
      tier: 3,
      sub: known ? 0 : assigned ? 1 : 2,
      isKnown: known,
      exempt: known || assigned,
    };
  }

  /** The person's or Kita's day as it stands now (created on first use, then kept up to date). */
  dayState(target: Target, day: string): DayState {
    const key = this.dayKey(target.person, target.kita, day);
    let state = this.days.get(key);
    if (state) return state;
    const weekday = weekdayIndex(day);
    const present: MinuteRange[] = [];
    for (const cover of this.existing.get(key) ?? []) present.push(...cover);
    if (target.person >= 0) {
      const person = this.input.people[target.person] as CoverPerson;
      let limit = 0;
      for (const licence of person.licences) {
        if (licence.validFrom <= day && day <= licence.validTo) limit = Math.max(limit, licence.maxChildren);
      }
      const profile = profileInEffect(person.profiles, day);
      const open = normaliseTimes((profile?.slots ?? []).filter((slot) => slot.weekday === weekday)).map(
        (range) => [range.start, range.end] as MinuteRange,
      );
      const own = this.ownOn(target.person, weekday);
      person.contracts.forEach((contract, index) => {
        if (contract.start > day || (contract.end !== null && contract.end < day)) return;
        present.push(...(own[index] as MinuteRange[]));
      });
      state = { limit, open, present };
    } else {
      const kita = this.input.kitas[target.kita];
      state = {
        limit: kita?.places ?? 0,
        open: mergeRanges(kita ? careRangesOn(kita.hours, weekday) : []),
        present,
      };
    }
    this.days.set(key, state);
    return state;
  }

  /** Her contracts' care on a weekday, per contract (whether each runs that day is checked by date). */
  private ownOn(person: number, weekday: number): MinuteRange[][] {
    let weekly = this.weeklyOwn.get(person);
    if (!weekly) {
      weekly = (this.input.people[person] as CoverPerson).contracts.map((contract) =>
        weeklyCareRanges(contract.careTimes),
      );
      this.weeklyOwn.set(person, weekly);
    }
    return weekly.map((week) => week[weekday] ?? []);
  }

  /**
   * Everything except the licence for one child: absent, working hours, age, distance. Null when the
   * target may take the child as far as these go.
   */
  personalProblem(childIndex: number, target: Target, standing: Standing): CoverCheckProblem | null {
    const child = this.input.children[childIndex] as CoverChild;
    const ids = () =>
      target.person >= 0
        ? { personId: this.idOf(target), day: child.day }
        : { kitaId: this.idOf(target), day: child.day };
    let ageMin: number;
    let ageMax: number;
    if (target.person >= 0) {
      const person = this.input.people[target.person] as CoverPerson;
      for (const absence of person.absences) {
        if (absentDuring(absence, child.day, child.ranges)) return problem("absent", ids());
      }
      ageMin = person.ageMinMonths;
      ageMax = person.ageMaxMonths;
    } else {
      const kita = this.input.kitas[target.kita];
      ageMin = kita?.ageMinMonths ?? 0;
      ageMax = kita?.ageMaxMonths ?? -1;
    }
    if (child.ageMonths < ageMin || child.ageMonths > ageMax) return problem("ageRange", ids());
    if (!standing.exempt) {
      const km = this.distanceKm(child, target);
      if (km === null || km > this.input.maxDistanceKm) return problem("tooFar", ids());
    }
    const outside = firstOutside(child.ranges, this.dayState(target, child.day).open);
    if (outside) return problem("notWorking", { ...ids(), from: outside[0], to: outside[1] });
    return null;
  }

  /** The licence (or Kita places) check for the children `members` joining at once. */
  capacityProblem(members: readonly number[], target: Target): CoverCheckProblem | null {
    const day = (this.input.children[members[0] as number] as CoverChild).day;
    const state = this.dayState(target, day);
    const added: MinuteRange[] = [];
    for (const member of members) added.push(...(this.input.children[member] as CoverChild).ranges);
    const over = firstExceedance(state.present, added, state.limit);
    if (!over) return null;
    return problem("capacity", {
      ...(target.person >= 0 ? { personId: this.idOf(target) } : { kitaId: this.idOf(target) }),
      day,
      from: over.from,
      to: over.to,
      present: over.present,
      limit: state.limit,
    });
  }

  /** The whole check of one target for one child, as the coordinator's list shows it. */
  evaluate(childIndex: number, target: Target, standing: Standing): CandidateEvaluation {
    const child = this.input.children[childIndex] as CoverChild;
    const found =
      this.personalProblem(childIndex, target, standing) ?? this.capacityProblem([childIndex], target);
    const km = this.distanceKm(child, target);
    return {
      kind: standing.kind,
      personId: target.person >= 0 ? this.idOf(target) : null,
      kitaId: target.kita >= 0 ? this.idOf(target) : null,
      isKnown: standing.isKnown,
      distanceKm: km === null ? null : roundKm(km),
      extraDistanceKm: this.extraKm(child, km),
      problem: found,
    };
  }

  extraKm(child: CoverChild, km: number | null): number | null {
    if (km === null) return null;
    const absent = this.locationOfPerson(this.personIndex.get(child.absentCaregiverId) ?? -1);
    const origin = this.origin(child);
    if (!absent || !origin) return null;
    return roundKm(km - haversineKm(origin, absent));
  }

  /** Persons and Kitas named for the child: known persons, tandem partners, assigned substitutes, Kitas. */
  namedTargets(childIndex: number): Target[] {
    const child = this.input.children[childIndex] as CoverChild;
    const arrangement = this.arrangementOf(child.absentCaregiverId);
    const persons = new Set<number>();
    for (const id of [...child.knows, ...arrangement.tandemPartnerIds, ...arrangement.substituteIds]) {
      const index = this.personIndex.get(id);
      if (index !== undefined) persons.add(index);
    }
    const targets: Target[] = [...persons].map((person) => ({ person, kita: -1 }));
    this.input.kitas.forEach((_, kita) => {
      targets.push({ person: -1, kita });
    });
    return targets;
  }

  /** Persons whose distance from `origin` lies in (`fromKm`, `toKm`], as grid query results. */
  personsInRing(origin: GeoPoint, fromKm: number, toKm: number): { person: number; kita: -1; km: number }[] {
    const found: { person: number; kita: -1; km: number }[] = [];
    this.grid.forEachWithin(origin, toKm, (index, km) => {
      if (km > fromKm) found.push({ person: this.gridPerson[index] as number, kita: -1, km });
    });
    return found;
  }

  /** The rings to search for other persons: a few small ones first, then up to the limit. */
  rings(): [number, number][] {
    const max = this.input.maxDistanceKm;
    const edges = [...RING_KM.filter((km) => km < max), max];
    return edges.map((edge, i) => [i === 0 ? -1 : (edges[i - 1] as number), edge]);
  }
}

/** A child or a group of siblings going through the passes together. */
type Unit = number[];

interface Assignment {
  target: Target;
  standing: Standing;
}

/**
 * The candidates of a unit for one tier, best first. For tier 3 the persons not named for any member come
 * ring by ring from the grid (yielded lazily, so a child who finds a place nearby never looks further).
 */
function* unitCandidates(
  model: CoverModel,
  unit: Unit,
  tier: number,
  kinds: ReadonlySet<CoverKind>,
): Generator<{ target: Target; standings: Standing[] }> {
  const first = model.input.children[unit[0] as number] as CoverChild;
  const rank = (target: Target): { standings: Standing[]; ranked: RankedTarget } | null => {
    const standings: Standing[] = [];
    let tier = 5;
    let sub = 3;
    for (const member of unit) {
      const standing = model.standing(member, target);
      if (!standing || !kinds.has(standing.kind)) return null;
      standings.push(standing);
      tier = Math.min(tier, standing.tier);
      sub = Math.min(sub, standing.sub);
    }
    const km = model.distanceKm(first, target);
    const ranked: RankedTarget = {
      person: target.person,
      kita: target.kita,
      tier,
      sub,
      distance: km ?? Number.POSITIVE_INFINITY,
      id: model.idOf(target),
    };
    return { standings, ranked };
  };
  const named = new Set<number>();
  const explicit: { standings: Standing[]; ranked: RankedTarget }[] = [];
  for (const member of unit) {
    for (const target of model.namedTargets(member)) {
      if (target.person >= 0) {
        if (named.has(target.person)) continue;
        named.add(target.person);
      } else if (member !== unit[0]) {
        continue;
      }
      const ranked = rank(target);
      if (ranked && ranked.ranked.tier === tier) explicit.push(ranked);
    }
  }
  explicit.sort((a, b) => compareRanked(a.ranked, b.ranked));
  for (const { ranked, standings } of explicit) yield { target: ranked, standings };
  if (tier !== 3) return;
  const origin = model.origin(first);
  if (!origin) return;
  // Persons named for no member all stand alike: tier 3 below the named ones, by distance alone.
  const absentIds = new Set(
    unit.map((member) => (model.input.children[member] as CoverChild).absentCaregiverId),
  );
  for (const [fromKm, toKm] of model.rings()) {
    const ring = model.personsInRing(origin, fromKm, toKm).filter(({ person }) => !named.has(person));
    ring.sort((a, b) => a.km - b.km || compareIds(model.idOf(a), model.idOf(b)));
    for (const { person } of ring) {
      const candidate = model.input.people[person] as CoverPerson;
      const standing = candidate.isSubstitute ? OTHER_SUBSTITUTE : OTHER_CAREGIVER;
      if (!kinds.has(standing.kind) || absentIds.has(candidate.id)) continue;
      yield { target: { person, kita: -1 }, standings: unit.map(() => standing) };
    }
  }
}

/** Gives each unit the first candidate that takes all its members, tier by tier; returns the units left. */
function assignUnits(
  model: CoverModel,
  units: readonly Unit[],
  kinds: ReadonlySet<CoverKind>,
  assignments: (Assignment | null)[],
): Unit[] {
  const open = new Set(units);
  for (let tier = 1; tier <= 4; tier++) {
    for (const unit of units) {
      if (!open.has(unit)) continue;
      for (const { target, standings } of unitCandidates(model, unit, tier, kinds)) {
        if (unit.some((member, i) => model.personalProblem(member, target, standings[i] as Standing)))
          continue;
        if (model.capacityProblem(unit, target)) continue;
        const day = (model.input.children[unit[0] as number] as CoverChild).day;
        const state = model.dayState(target, day);
        unit.forEach((member, i) => {
          state.present.push(...(model.input.children[member] as CoverChild).ranges);
          assignments[member] = { target, standing: standings[i] as Standing };
        });
        open.delete(unit);
        break;
      }
    }
  }
  return units.filter((unit) => open.has(unit));
}

/** Why the child stays uncovered: the best-ranked candidate that fails only on the licence, else none. */
function uncoveredProblem(
  model: CoverModel,
  childIndex: number,
  kinds: ReadonlySet<CoverKind>,
): CoverCheckProblem {
  const child = model.input.children[childIndex] as CoverChild;
  for (let tier = 1; tier <= 4; tier++) {
    for (const { target, standings } of unitCandidates(model, [childIndex], tier, kinds)) {
      if (model.personalProblem(childIndex, target, standings[0] as Standing)) continue;
      const capacity = model.capacityProblem([childIndex], target);
      if (capacity) return capacity;
    }
  }
  return problem("noCandidate", { day: child.day });
}

function compareChildren(a: CoverChild, b: CoverChild): number {
  return compareIds(a.day, b.day) || compareIds(a.contractId, b.contractId);
}

/**
 * One proposal per child-day of `input.children`, in the same order. `kinds` limits the covers considered
 * (default: all), e.g. to tandem partners for a planned closing.
 */
export function proposeCover(input: CoverInput, kinds: readonly CoverKind[] = ALL_KINDS): CoverProposal[] {
  const model = new CoverModel(input);
  const allowed = new Set(kinds);
  const order = input.children.map((_, index) => index);
  order.sort((a, b) => compareChildren(input.children[a] as CoverChild, input.children[b] as CoverChild));

  // Siblings: same family key on the same day.
  const units: Unit[] = [];
  const families = new Map<string, Unit>();
  for (const index of order) {
    const child = input.children[index] as CoverChild;
    if (child.familyKey === null) {
      units.push([index]);
      continue;
    }
    const key = `${child.day}|${child.familyKey}`;
    const family = families.get(key);
    if (family) family.push(index);
    else {
      const unit = [index];
      families.set(key, unit);
      units.push(unit);
    }
  }

  const assignments: (Assignment | null)[] = input.children.map(() => null);
  const left = assignUnits(model, units, allowed, assignments);
  const split = left.filter((unit) => unit.length > 1).flatMap((unit) => unit.map((member) => [member]));
  if (split.length > 0) assignUnits(model, split, allowed, assignments);

  return input.children.map((child, index) => {
    const assignment = assignments[index];
    if (!assignment) {
      return {
        contractId: child.contractId,
        day: child.day,
        kind: null,
        personId: null,
        kitaId: null,
        isKnown: false,
        distanceKm: null,
        extraDistanceKm: null,
        problem: uncoveredProblem(model, index, allowed),
      };
    }
    const { target, standing } = assignment;
    const km = model.distanceKm(child, target);
    return {
      contractId: child.contractId,
      day: child.day,
      kind: standing.kind,
      personId: target.person >= 0 ? model.idOf(target) : null,
      kitaId: target.kita >= 0 ? model.idOf(target) : null,
      isKnown: standing.isKnown,
      distanceKm: km === null ? null : roundKm(km),
      extraDistanceKm: model.extraKm(child, km),
      problem: null,
    };
  });
}

function findChild(input: CoverInput, child: { contractId: string; day: string }): number {
  const index = input.children.findIndex((c) => c.contractId === child.contractId && c.day === child.day);
  if (index < 0) throw new RangeError(`Child-day not in the input: ${child.contractId} ${child.day}`);
  return index;
}

/**
 * Every person and Kita that could be asked for the child-day, best first, each with its problem (null:
 * possible): the named ones (known, tandem partners, assigned substitutes, every Kita) and the persons within
 * the distance limit. The child-day itself must be in `input.children`; other covers in `existingCovers`.
 */
export function listCandidates(
  input: CoverInput,
  child: { contractId: string; day: string },
): CandidateEvaluation[] {
  const model = new CoverModel(input);
  const index = findChild(input, child);
  const subject = input.children[index] as CoverChild;
  const targets = new Map<string, Target>();
  for (const target of model.namedTargets(index)) targets.set(model.idOf(target), target);
  const origin = model.origin(subject);
  if (origin) {
    for (const { person } of model.personsInRing(origin, -1, input.maxDistanceKm)) {
      const target = { person, kita: -1 };
      targets.set(model.idOf(target), target);
    }
  }
  const ranked: { evaluation: CandidateEvaluation; key: RankedTarget }[] = [];
  for (const target of targets.values()) {
    const standing = model.standing(index, target);
    if (!standing) continue;
    const evaluation = model.evaluate(index, target, standing);
    ranked.push({
      evaluation,
      key: {
        ...target,
        tier: standing.tier,
        sub: standing.sub,
        distance: model.distanceKm(subject, target) ?? Number.POSITIVE_INFINITY,
        id: model.idOf(target),
      },
    });
  }
  ranked.sort((a, b) => compareRanked(a.key, b.key));
  return ranked.map(({ evaluation }) => evaluation);
}

/**
 * One given person or Kita for the child-day (a coordinator's change): the same checks as the proposals.
 * The absent caregiver herself, or an id not in the input, gives `absent` or `noCandidate`.
 */
export function evaluateCandidate(
  input: CoverInput,
  child: { contractId: string; day: string },
  candidate: CandidateRef,
): CandidateEvaluation {
  const model = new CoverModel(input);
  const index = findChild(input, child);
  const subject = input.children[index] as CoverChild;
  const target: Target = {
    person: candidate.personId ? (model.personIndex.get(candidate.personId) ?? -2) : -1,
    kita: candidate.kitaId ? (model.kitaIndex.get(candidate.kitaId) ?? -2) : -1,
  };
  const unknown = target.person === -2 || target.kita === -2 || (target.person < 0 && target.kita < 0);
  const standing = unknown ? null : model.standing(index, target);
  if (!standing) {
    const isSelf = candidate.personId === subject.absentCaregiverId;
    return {
      kind: candidate.kitaId ? "kita" : "caregiver",
      personId: candidate.personId ?? null,
      kitaId: candidate.kitaId ?? null,
      isKnown: false,
      distanceKm: null,
      extraDistanceKm: null,
      problem: isSelf
        ? problem("absent", { personId: candidate.personId ?? null, day: subject.day })
        : problem("noCandidate", { day: subject.day }),
    };
  }
  return model.evaluate(index, target, standing);
}

/**
 * Whether every child-day of the input can be covered by the given kinds only (default: tandem partners),
 * covers adding up as they are given, e.g. for a tandem's planned summer closing.
 */
export function checkPeriod(input: CoverInput, kinds: readonly CoverKind[] = ["tandem"]): PeriodCheck {
  const proposals = proposeCover(input, kinds);
  const uncovered = proposals.filter((proposal) => proposal.kind === null);
  const first = [...uncovered].sort(
    (a, b) =>
      compareIds(a.day, b.day) ||
      (a.problem?.from ?? 0) - (b.problem?.from ?? 0) ||
      compareIds(a.contractId, b.contractId),
  )[0];
  return {
    childDays: proposals.length,
    covered: proposals.length - uncovered.length,
    allCovered: uncovered.length === 0,
    proposals,
    firstProblem: first?.problem ?? null,
  };
}
