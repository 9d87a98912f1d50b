/**
 * Benchmark of the cover proposals (src/core/substitution, issue 7): a city-wide morning on which 10 % of
 * 2,000 day-care persons are ill at once. The city is generated from a seed (reproducible): caregivers
 * spread over a large town with licences, capacity profiles and about four children each, tandem pairs,
 * employed substitutes known to some of the children, and a few cooperating Kitas. Times `proposeCover`
 * (the first run in a fresh process apart, then the median of the runs after it), checks every proposal
 * minute by minute against the licences — a fast but wrong answer fails the run — and writes its section
 * of bench/RESULTS.md.
 *
 *   npm run bench:substitution                 # 2,000 caregivers, 10 runs, writes RESULTS.md
 *   npm run bench:substitution -- --runs=20 --no-write
 */

import os from "node:os";
import { join } from "node:path";
import { offsetPoint } from "../src/core/geo/geo";
import { seededRandom } from "../src/core/placement/test-support";
import { weekdayIndex } from "../src/core/shared/dates";
import {
  type AbsenceWindow,
  affectedChildDays,
  type CareContract,
  type CoverArrangement,
  type CoverChild,
  type CoverInput,
  type CoverKita,
  type CoverPerson,
  type CoverProposal,
  careRangesOn,
  proposeCover,
} from "../src/core/substitution";
import { renderTable, writeResultsSection } from "./results";

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value] = arg.replace(/^--/, "").split("=");
    return [key as string, value ?? "true"];
  }),
);
const CAREGIVERS = Number(args.get("caregivers") ?? 2000);
const RUNS = Number(args.get("runs") ?? 10);
const WRITE = !args.has("no-write");
const SEED = 7;
const ILL_SHARE = 0.1;
const DAY = "2026-11-30";
const CITY = { lat: 51.96, lon: 7.63 };
const CITY_KM = 8;
const AIM_MS = 1000;

function generateCity(seed: number): CoverInput {
  const random = seededRandom(seed);
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const gaussianKm = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const around = (center: { lat: number; lon: number }, km: number) =>
    offsetPoint(center, Math.abs(gaussianKm()) * km * 1000, random() * 360);
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const weekdays = [1, 2, 3, 4, 5];
  const patterns = ["08:00-13:00", "07:30-15:00", "08:00-16:00", "07:00-12:30", "12:00-17:00", "08:30-14:00"];

  const people: CoverPerson[] = [];
  const homes = new Map<string, { lat: number; lon: number }>();
  const ages = new Map<string, number>();
  const families = new Map<string, string | null>();
  for (let c = 0; c < CAREGIVERS; c++) {
    const id = `c${String(c).padStart(5, "0")}`;
    const location = around(CITY, CITY_KM);
    const isSubstitute = c % 50 === 0;
    const opens = pick([420, 450, 480]);
    const closes = pick([960, 990, 1020]);
    const maxChildren = chance(0.1) ? 4 : 5;
    const children = isSubstitute ? 0 : integer(3, maxChildren);
    const contracts: CareContract[] = [];
    let familyKey: string | null = null;
    for (let k = 0; k < children; k++) {
      const contractId = `${id}-k${k}`;
      const [from, to] = pick(patterns).split("-") as [string, string];
      const days = chance(0.7) ? weekdays : weekdays.filter(() => chance(0.7));
      contracts.push({
        id: contractId,
        start: "2025-08-01",
        end: chance(0.05) ? "2026-11-27" : null,
        careTimes: (days.length > 0 ? days : [1]).map((day) => ({ day, from, to })),
      });
      homes.set(contractId, offsetPoint(location, random() * 3000, random() * 360));
      ages.set(contractId, integer(8, 40));
      // About one child in twelve has a brother or sister with the same caregiver.
      if (k > 0 && familyKey && chance(0.08)) families.set(contractId, familyKey);
      else {
        familyKey = `f-${contractId}`;
        families.set(contractId, familyKey);
      }
    }
    people.push({
      id,
      isSubstitute,
      location,
      ageMinMonths: 0,
      ageMaxMonths: pick([36, 48, 72]),
      licences: [
        { validFrom: "2022-01-01", validTo: chance(0.01) ? "2026-11-01" : "2028-12-31", maxChildren },
      ],
      profiles: [
        {
          effectiveFrom: "2025-01-01",
          slots: [0, 1, 2, 3, 4].map((weekday) => ({
            weekday: weekday as 0 | 1 | 2 | 3 | 4,
            start: opens,
            end: weekday === 4 ? Math.min(closes, 900) : closes,
            places: maxChildren,
          })),
        },
      ],
      contracts,
      absences: [],
    });
  }

  // Tandems: a third of the caregivers in pairs of neighbours (by index, which is as random as location).
  const arrangements: CoverArrangement[] = [];
  const substitutes = people.filter((p) => p.isSubstitute).map((p) => p.id);
  const kitas: CoverKita[] = Array.from({ length: 12 }, (_, k) => ({
    id: `kita${String(k).padStart(2, "0")}`,
    location: around(CITY, CITY_KM),
    places: integer(2, 6),
    ageMinMonths: 12,
    ageMaxMonths: 72,
    hours: weekdays.map((day) => ({ day, from: "07:00", to: hhmm(integer(15, 17) * 60) })),
  }));
  for (let c = 0; c + 1 < people.length; c += 2) {
    const a = people[c] as CoverPerson;
    const b = people[c + 1] as CoverPerson;
    if (a.isSubstitute || b.isSubstitute) continue;
    const roll = random();
    if (roll < 0.33) {
      arrangements.push({ caregiverId: a.id, tandemPartnerIds: [b.id], substituteIds: [], kitaId: null });
      arrangements.push({ caregiverId: b.id, tandemPartnerIds: [a.id], substituteIds: [], kitaId: null });
    } else if (roll < 0.6) {
      for (const one of [a, b]) {
        arrangements.push({
          caregiverId: one.id,
          tandemPartnerIds: [],
          substituteIds: [pick(substitutes)],
          kitaId: null,
        });
      }
    } else if (roll < 0.7) {
      for (const one of [a, b]) {
        arrangements.push({
          caregiverId: one.id,
          tandemPartnerIds: [],
          substituteIds: [],
          kitaId: pick(kitas).id,
        });
      }
    }
  }
  const arrangementOf = new Map(arrangements.map((a) => [a.caregiverId, a]));

  // The ill: 10 %, all day, from this morning to Wednesday.
  const candidates = people.filter((p) => !p.isSubstitute);
  const ill = new Set<string>();
  while (ill.size < Math.round(CAREGIVERS * ILL_SHARE)) ill.add(pick(candidates).id);
  const children: CoverChild[] = [];
  for (const person of people) {
    if (!ill.has(person.id)) continue;
    const absence = { startsOn: DAY, endsOn: "2026-12-02", dayFrom: null, dayTo: null };
    (person.absences as AbsenceWindow[]).push(absence);
    const assigned = arrangementOf.get(person.id)?.substituteIds ?? [];
    for (const childDay of affectedChildDays(absence, person.contracts, { to: DAY })) {
      children.push({
        ...childDay,
        absentCaregiverId: person.id,
        ageMonths: ages.get(childDay.contractId) ?? 24,
        familyKey: families.get(childDay.contractId) ?? null,
        home: homes.get(childDay.contractId) ?? null,
        knows: assigned.filter(() => chance(0.6)),
      });
    }
  }
  return { children, people, kitas, arrangements, existingCovers: [], maxDistanceKm: 15 };
}

/**
 * An independent check of the answer, minute by minute (slow, but a different method than the sweep):
 * no person and no Kita ever has more children at once than her licence or its places, every cover lies in
 * working or opening hours, and no absent person covers.
 */
function verify(input: CoverInput, proposals: readonly CoverProposal[]): string[] {
  const problems: string[] = [];
  const weekday = weekdayIndex(DAY);
  const load = new Map<string, Int16Array>();
  const minutes = (key: string) => {
    let array = load.get(key);
    if (!array) {
      array = new Int16Array(1440);
      load.set(key, array);
    }
    return array;
  };
  for (const person of input.people) {
    const array = minutes(`p:${person.id}`);
    for (const contract of person.contracts) {
      if (contract.start > DAY || (contract.end !== null && contract.end < DAY)) continue;
      for (const [from, to] of careRangesOn(contract.careTimes, weekday)) {
        for (let m = from; m < to; m++) array[m] = (array[m] as number) + 1;
      }
    }
  }
  const peopleById = new Map(input.people.map((p) => [p.id, p]));
  input.children.forEach((child, index) => {
    const proposal = proposals[index] as CoverProposal;
    if (proposal.kind === null) return;
    const key = proposal.personId !== null ? `p:${proposal.personId}` : `k:${proposal.kitaId}`;
    const array = minutes(key);
    for (const [from, to] of child.ranges)
      for (let m = from; m < to; m++) array[m] = (array[m] as number) + 1;
    if (proposal.personId !== null) {
      const person = peopleById.get(proposal.personId) as CoverPerson;
      if (person.absences.length > 0) problems.push(`${person.id} is absent but covers ${child.contractId}`);
      const slots = person.profiles[0]?.slots.filter((s) => s.weekday === weekday) ?? [];
      for (const [from, to] of child.ranges) {
        if (!slots.some((s) => s.start <= from && to <= s.end)) {
          problems.push(`${person.id} does not work when ${child.contractId} needs care`);
        }
      }
    }
  });
  for (const [key, array] of load) {
    const id = key.slice(2);
    let limit: number;
    if (key.startsWith("p:")) {
      const person = peopleById.get(id) as CoverPerson;
      limit = Math.max(
        0,
        ...person.licences.filter((l) => l.validFrom <= DAY && DAY <= l.validTo).map((l) => l.maxChildren),
      );
      const covered = proposals.some((p) => p.personId === id);
      if (!covered) continue;
    } else {
      limit = input.kitas.find((k) => k.id === id)?.places ?? 0;
    }
    const most = Math.max(...array);
    if (most > limit) problems.push(`${key}: ${most} children at once, limit ${limit}`);
  }
  return problems;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const loadBefore = os.loadavg()[0] ?? 0;
const generateStart = performance.now();
const input = generateCity(SEED);
const generateMs = performance.now() - generateStart;

const times: number[] = [];
const cpu: number[] = [];
let proposals: CoverProposal[] = [];
for (let run = 0; run <= RUNS; run++) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  proposals = proposeCover(input);
  times.push(performance.now() - start);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
}
const firstMs = times[0] as number;
const medianMs = median(times.slice(1));
const medianCpuMs = median(cpu.slice(1));
const problems = verify(input, proposals);

const byKind = new Map<string, number>();
for (const proposal of proposals) {
  const key = proposal.kind ?? `uncovered (${proposal.problem?.code})`;
  byKind.set(key, (byKind.get(key) ?? 0) + 1);
}
const ill = input.people.filter((p) => p.absences.length > 0).length;
const covered = proposals.filter((p) => p.kind !== null).length;
const met = problems.length === 0 && medianMs < AIM_MS;

const summary = [
  `caregivers ${CAREGIVERS}, ill ${ill}, child-days ${proposals.length}, covered ${covered}`,
  `proposeCover: first run ${firstMs.toFixed(1)} ms, median of ${RUNS} ${medianMs.toFixed(1)} ms (CPU ${medianCpuMs.toFixed(1)} ms)`,
  `load average before: ${loadBefore.toFixed(2)}; check: ${problems.length === 0 ? "ok" : `${problems.length} problems`}`,
];
console.log(summary.join("\n"));
for (const problem of problems.slice(0, 10)) console.error(`  ${problem}`);

if (WRITE) {
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  const body = [
    "Generated by `npm run bench:substitution` (bench/substitution.ts); do not edit by hand — rerun instead.",
    "",
    `- Date: ${when} UTC`,
    `- Machine: ${os.cpus()[0]?.model.trim() ?? "unknown CPU"}, ${os.cpus().length} cores; Node ${process.version}`,
    `- 1-minute load average before the run: ${loadBefore.toFixed(2)} (the machine is shared; other work skews the figures)`,
    `- City (seed ${SEED}): ${CAREGIVERS.toLocaleString("en")} day-care persons within about ${CITY_KM} km (2 % employed substitutes, a third in tandems), ${input.kitas.length} Kitas; ${ill} ill on the morning of ${DAY}; ${proposals.length} child-days to cover. Generation took ${generateMs.toFixed(0)} ms (not timed).`,
    "- Each answer is checked minute by minute against licences, working hours and absences (a different method than the sweep); a wrong answer fails the run.",
    "",
    "## Aim",
    "",
    `A city-wide morning (10 % of 2,000 ill) proposed in under a second (median). **${met ? "Met" : "Not met"}**: median ${medianMs.toFixed(1)} ms.`,
    "",
    ...renderTable(
      ["Size", "child-days", "first run ms", "median ms", "CPU ms (median)", "runs"],
      ["left", "right", "right", "right", "right", "right"],
      [
        [
          `${CAREGIVERS.toLocaleString("en")} caregivers, ${ill} ill`,
          String(proposals.length),
          firstMs.toFixed(1),
          medianMs.toFixed(1),
          medianCpuMs.toFixed(1),
          String(RUNS),
        ],
      ],
    ),
    "",
    ...renderTable(
      ["Outcome", "child-days"],
      ["left", "right"],
      [...byKind].sort(([a], [b]) => (a < b ? -1 : 1)).map(([kind, count]) => [kind, String(count)]),
    ),
  ].join("\n");
  writeResultsSection(join(import.meta.dirname, "RESULTS.md"), "substitution", body);
}
if (problems.length > 0) process.exit(1);
