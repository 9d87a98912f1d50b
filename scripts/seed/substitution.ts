/**
 * Substitution (Vertretung) at the Beckum office: three employed substitutes (Vera Vogt has the demo login
 * vertretung@demo.ktp-netz.de), arrangements for the models the office is trying — Anna Albers and others
 * with an employed substitute whose play group their children attend, two tandem pairs, a cooperating Kita,
 * the rest none — and a year of past absences with their covers, so that the model report has figures.
 * The covers are worked out with core/substitution exactly as the platform proposes them (never above a
 * licence), from a seeded stream: the same day gives the same rows. All names are invented.
 */

import { and, eq, sql } from "drizzle-orm";
import type { CapacitySlot, Weekday } from "../../src/core/caregivers/capacity";
import { offsetPoint, roundCoordinate } from "../../src/core/geo/geo";
import { ageInMonths } from "../../src/core/placement/requests";
import { addDays, addYears, daysBetween, weekdayIndex } from "../../src/core/shared/dates";
import {
  type AbsenceWindow,
  affectedChildDays,
  type CareContract,
  type CoverArrangement,
  type CoverChild,
  type CoverKita,
  type CoverPerson,
  type ExistingCover,
  knownPersons,
  type PlayGroupAttendance,
  proposeCover,
} from "../../src/core/substitution";
import {
  capacityProfiles,
  caregivers,
  careLicences,
  qualifications,
} from "../../src/server/modules/caregivers/caregivers.tables";
import { users } from "../../src/server/modules/identity/identity.tables";
import { careContracts, placementRequests } from "../../src/server/modules/placement/placement.tables";
import {
  substitutionAbsences,
  substitutionArrangements,
  substitutionCareNotes,
  substitutionCovers,
  substitutionKitas,
  substitutionPlayGroupChildren,
  substitutionPlayGroups,
  substitutionSubstitutes,
} from "../../src/server/modules/substitution/substitution.tables";
import type { Executor } from "../../src/server/platform/db/client";
import { DEMO_CAREGIVER_EMAIL } from "./caregivers";
import { officeTowns, resolvePlace } from "./places";
import { SeededRandom } from "./random";

export const SUBSTITUTE_EMAIL = "vertretung@demo.ktp-netz.de";
const COORDINATOR_EMAIL = "fachberatung@demo.ktp-netz.de";
/** Play-group contacts after which a child knows the host (the default of the settings). */
const FAMILIARITY_VISITS = 3;
const MAX_DISTANCE_KM = 15;

const hm = (hours: number, minutes = 0) => hours * 60 + minutes;
const weekdaySlots = (start: number, end: number, places: number): CapacitySlot[] =>
  ([0, 1, 2, 3, 4] as Weekday[]).map((weekday) => ({ weekday, start, end, places }));

/** The employed substitutes: registry people of their own, with rooms, licence and working hours. */
const SUBSTITUTES = [
  {
    firstName: "Vera",
    lastName: "Vogt",
    town: "beckum",
    street: "Sternstraße 18",
    hoursPerMonth: 120,
    slots: weekdaySlots(hm(7), hm(16, 30), 5),
    note: "Eigene Räume mit Spielgruppe mittwochs.",
  },
  {
    firstName: "Hatice",
    lastName: "Korkmaz",
    town: "neubeckum",
    street: "Bahnhofstraße 9",
    hoursPerMonth: 80,
    slots: weekdaySlots(hm(7, 30), hm(15), 5),
    note: "Spielgruppe dienstags im Familienzentrum.",
  },
  {
    firstName: "Sandra",
    lastName: "Pöppelmann",
    town: "ennigerloh",
    street: "Lindenstraße 3",
    hoursPerMonth: 60,
    slots: weekdaySlots(hm(7, 30), hm(14), 4),
    note: "Vormittags.",
  },
] as const;
export const SUBSTITUTE_COUNT = SUBSTITUTES.length;

const KITA = {
  name: "Kita Sonnenblume",
  contact: "Leitung: Frau Wienker, 02521 000950, kita-sonnenblume@beckum.example",
  street: "Vorhelmer Straße 20",
  town: "beckum",
  places: 3,
  ageMinMonths: 12,
  ageMaxMonths: 72,
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, from: "07:00", to: day === 5 ? "14:00" : "16:30" })),
} as const;

interface Registry {
  id: string;
  userId: string | null;
  town: string;
  status: string;
  careGroupName: string | null;
  person: CoverPerson;
}

/** The Monday on or after `date`. */
function mondayFrom(date: string): string {
  return addDays(date, (7 - weekdayIndex(date)) % 7);
}

export async function seedSubstitution(
  tx: Executor,
  input: { officeId: string; today: string },
): Promise<void> {
  const { officeId, today } = input;
  const rng = new SeededRandom("beckum:substitution");
  const ids = new SeededRandom("beckum:substitution-ids");

  const accounts = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(
      sql`lower(${users.email}) in (${SUBSTITUTE_EMAIL}, ${COORDINATOR_EMAIL}, ${DEMO_CAREGIVER_EMAIL})`,
    );
  const accountOf = (email: string) => accounts.find((a) => a.email.toLowerCase() === email)?.id ?? null;
  const coordinatorId = accountOf(COORDINATOR_EMAIL);
  const annaUserId = accountOf(DEMO_CAREGIVER_EMAIL);

  // The employed substitutes as registry people.
  const substituteIds: string[] = [];
  for (const [index, sub] of SUBSTITUTES.entries()) {
    const town = officeTowns[sub.town];
    const place = resolvePlace(town);
    const point = offsetPoint(place, 300 + 250 * index, 70 + 100 * index);
    const caregiverId = ids.uuid();
    substituteIds.push(caregiverId);
    const validFrom = addDays(today, -400 - 200 * index);
    await tx.insert(caregivers).values({
      id: caregiverId,
      organisationId: officeId,
      userId: index === 0 ? accountOf(SUBSTITUTE_EMAIL) : null,
      firstName: sub.firstName,
      lastName: sub.lastName,
      email: index === 0 ? SUBSTITUTE_EMAIL : null,
      phone: `${town.areaCode} 000${300 + index}`,
      street: sub.street,
      postalCode: place.postalCode,
      town: place.town,
      lat: roundCoordinate(point.lat, 5),
      lon: roundCoordinate(point.lon, 5),
      locationPrecision: "postalCode",
      employment: "employed",
      languages: index === 1 ? ["Deutsch", "Türkisch"] : ["Deutsch"],
      ageMinMonths: 0,
      ageMaxMonths: 72,
      pedagogy:
        "Ich bin bei der Koordinierungsstelle als Vertretung angestellt; die Kinder kennen mich aus der Spielgruppe.",
      status: "active",
    });
    await tx.insert(careLicences).values({
      organisationId: officeId,
      caregiverId,
      number: `${town.licensing.prefix}-${validFrom.slice(0, 4)}-${String(201 + index)}`,
      issuer: town.licensing.issuer,
      validFrom,
      validTo: addDays(addYears(validFrom, 5), -1),
      maxChildren: index === 2 ? 4 : 5,
    });
    await tx.insert(capacityProfiles).values({
      organisationId: officeId,
      caregiverId,
      effectiveFrom: validFrom,
      slots: [...sub.slots],
    });
    const careerStart = addDays(validFrom, -500);
    await tx.insert(qualifications).values(
      (
        [
          ["qhbPhase1", addDays(careerStart, -90), "QHB Teil 1 – tätigkeitsvorbereitend (160 UE)"],
          ["qhbPhase2", addDays(careerStart, 400), "QHB Teil 2 – tätigkeitsbegleitend (140 UE)"],
          ["firstAid", addDays(today, -200 - 40 * index), "Erste Hilfe am Kind (9 UE)"],
          ["infectionProtection", addDays(today, -300), "Belehrung nach §§ 33, 35 IfSG"],
          ["criminalRecordCheck", addDays(validFrom, -40), "Erweitertes Führungszeugnis eingesehen"],
        ] as const
      ).map(([kind, completedOn, title]) => ({
        organisationId: officeId,
        caregiverId,
        kind,
        completedOn,
        title,
        ...(kind === "criminalRecordCheck" ? { hasRelevantEntry: false } : {}),
      })),
    );
    await tx.insert(substitutionSubstitutes).values({
      organisationId: officeId,
      caregiverId,
      hoursPerMonth: sub.hoursPerMonth,
      note: sub.note,
      createdAt: new Date(Date.parse(`${addDays(today, -370)}T09:00:00Z`)),
    });
  }

  const kitaPlace = resolvePlace(officeTowns[KITA.town]);
  const kitaPoint = offsetPoint(kitaPlace, 700, 300);
  const kitaId = ids.uuid();
  await tx.insert(substitutionKitas).values({
    id: kitaId,
    organisationId: officeId,
    name: KITA.name,
    contact: KITA.contact,
    street: KITA.street,
    postalCode: kitaPlace.postalCode,
    town: kitaPlace.town,
    lat: roundCoordinate(kitaPoint.lat, 5),
    lon: roundCoordinate(kitaPoint.lon, 5),
    places: KITA.places,
    ageMinMonths: KITA.ageMinMonths,
    ageMaxMonths: KITA.ageMaxMonths,
    hours: [...KITA.hours],
  });

  // The registry as the proposals see it.
  const registry = await loadRegistry(tx, officeId, new Set(substituteIds));
  const byId = new Map(registry.map((entry) => [entry.id, entry]));
  const anna = registry.find((entry) => entry.userId !== null && entry.userId === annaUserId);
  const regular = registry
    .filter((entry) => !substituteIds.includes(entry.id) && entry !== anna)
    .filter((entry) => entry.status === "active" && entry.careGroupName === null)
    .sort((a, b) => (a.id < b.id ? -1 : 1));

  // Arrangements: two tandem pairs of neighbours in Beckum and Ahlen, five more with an employed substitute
  // (Anna with Vera), three with the Kita; the others have none yet.
  const arrangements: CoverArrangement[] = [];
  const taken = new Set<string>();
  const pairIn = (townPrefix: string) => {
    const inTown = regular.filter((entry) => entry.town.startsWith(townPrefix) && !taken.has(entry.id));
    const [a, b] = inTown;
    if (!a || !b) return;
    taken.add(a.id);
    taken.add(b.id);
    arrangements.push({ caregiverId: a.id, tandemPartnerIds: [b.id], substituteIds: [], kitaId: null });
    arrangements.push({ caregiverId: b.id, tandemPartnerIds: [a.id], substituteIds: [], kitaId: null });
  };
  pairIn("Beckum");
  pairIn("Ahlen");
  if (anna) {
    taken.add(anna.id);
    arrangements.push({
      caregiverId: anna.id,
      tandemPartnerIds: [],
      substituteIds: [substituteIds[0] as string],
      kitaId: null,
    });
  }
  const rest = rng.shuffle(regular.filter((entry) => !taken.has(entry.id)));
  rest.slice(0, 4).forEach((entry, i) => {
    arrangements.push({
      caregiverId: entry.id,
      tandemPartnerIds: [],
      substituteIds: [substituteIds[1 + (i % 2)] as string],
      kitaId: null,
    });
  });
  rest.slice(4, 7).forEach((entry) => {
    arrangements.push({ caregiverId: entry.id, tandemPartnerIds: [], substituteIds: [], kitaId });
  });
  await tx.insert(substitutionArrangements).values(
    arrangements.map((arrangement) => ({
      organisationId: officeId,
      caregiverId: arrangement.caregiverId,
      tandemPartnerIds: [...arrangement.tandemPartnerIds],
      substituteIds: [...arrangement.substituteIds],
      kitaId: arrangement.kitaId,
      note: arrangement.tandemPartnerIds.length > 0 ? "Tandem seit dem letzten Sommer." : "",
    })),
  );

  // Play groups: each substitute every other week over the last year, with the children of the caregivers
  // she is assigned to (most of them, most of the time).
  const playGroups: (PlayGroupAttendance & { id: string })[] = [];
  const firstWeek = mondayFrom(addDays(today, -364));
  for (const [index, substituteId] of substituteIds.entries()) {
    const served = arrangements.filter((a) => a.substituteIds.includes(substituteId));
    const contracts = served.flatMap((a) => byId.get(a.caregiverId)?.person.contracts ?? []);
    for (let week = index % 2; ; week += 2) {
      const on = addDays(firstWeek, week * 7 + 1 + index);
      if (on >= today) break;
      const present = contracts.filter(
        (contract) =>
          contract.start <= on && (contract.end === null || on <= contract.end) && rng.chance(0.75),
      );
      if (present.length === 0) continue;
      playGroups.push({
        id: ids.uuid(),
        hostCaregiverId: substituteId,
        on,
        contractIds: present.map((c) => c.id),
      });
    }
  }
  if (playGroups.length > 0) {
    await tx.insert(substitutionPlayGroups).values(
      playGroups.map((group) => ({
        id: group.id,
        organisationId: officeId,
        hostCaregiverId: group.hostCaregiverId,
        on: group.on,
        note: "Spielgruppe",
      })),
    );
    await tx
      .insert(substitutionPlayGroupChildren)
      .values(
        playGroups.flatMap((group) =>
          group.contractIds.map((contractId) => ({ playGroupId: group.id, contractId })),
        ),
      );
  }

  // A year of absences, all in the past.
  const absences = planAbsences(rng, registry, arrangements, substituteIds, today);
  for (const absence of absences) {
    const person = byId.get(absence.caregiverId)?.person;
    if (person) (person.absences as AbsenceWindow[]).push(absence);
  }

  const families = await loadFamilies(tx, officeId);
  // Nobody on leave covers; an absent person stays in the list for the distances to her.
  const people = registry.filter((entry) => entry.status === "active").map((entry) => entry.person);
  const knownOn = new Map<string, Map<string, string[]>>();
  const knowsOn = (day: string) => {
    let known = knownOn.get(day);
    if (!known) {
      known = knownPersons(playGroups, FAMILIARITY_VISITS, day);
      knownOn.set(day, known);
    }
    return known;
  };
  const kitas: CoverKita[] = [
    {
      id: kitaId,
      location: kitaPoint,
      places: KITA.places,
      ageMinMonths: KITA.ageMinMonths,
      ageMaxMonths: KITA.ageMaxMonths,
      hours: KITA.hours,
    },
  ];
  const held: ExistingCover[] = [];
  const absenceRows: (typeof substitutionAbsences.$inferInsert)[] = [];
  const coverRows: (typeof substitutionCovers.$inferInsert)[] = [];
  for (const absence of absences) {
    const absent = byId.get(absence.caregiverId) as Registry;
    const absenceId = ids.uuid();
    const reportedAt =
      absence.kind === "illness"
        ? new Date(Date.parse(`${absence.startsOn}T05:${String(rng.int(10, 50)).padStart(2, "0")}:00Z`))
        : new Date(Date.parse(`${addDays(absence.startsOn, -rng.int(14, 60))}T10:00:00Z`));
    absenceRows.push({
      id: absenceId,
      organisationId: officeId,
      caregiverId: absent.id,
      kind: absence.kind,
      startsOn: absence.startsOn,
      endsOn: absence.endsOn,
      dayFrom: absence.dayFrom,
      dayTo: absence.dayTo,
      note: absence.kind === "training" ? "Fortbildung" : "",
      status: "active",
      reportedByUserId: absent.userId ?? coordinatorId,
      createdAt: reportedAt,
      updatedAt: reportedAt,
    });
    const childDays = affectedChildDays(absence, absent.person.contracts);
    if (childDays.length === 0) continue;
    const children: CoverChild[] = childDays.map((childDay) => {
      const family = families.get(childDay.contractId);
      return {
        ...childDay,
        absentCaregiverId: absent.id,
        ageMonths: ageInMonths(family?.birthDate ?? childDay.day, childDay.day),
        familyKey: family?.familyKey ?? null,
        home: family?.home ?? null,
        knows: knowsOn(childDay.day).get(childDay.contractId) ?? [],
      };
    });
    const from = absence.startsOn;
    const proposals = proposeCover({
      children,
      people,
      kitas,
      arrangements,
      existingCovers: held.filter((cover) => cover.day >= from && cover.day <= absence.endsOn),
      maxDistanceKm: MAX_DISTANCE_KM,
    });
    proposals.forEach((proposal, index) => {
      const child = children[index] as CoverChild;
      const covered = proposal.kind !== null;
      if (covered)
        held.push({
          personId: proposal.personId,
          kitaId: proposal.kitaId,
          day: child.day,
          ranges: child.ranges,
        });
      const confirmedAt = covered
        ? new Date(
            Math.max(
              reportedAt.getTime() + 20 * 60_000,
              Date.parse(`${child.day}T05:00:00Z`) - rng.int(0, 3) * 86_400_000,
            ),
          )
        : null;
      const hasFamily = families.get(child.contractId)?.hasAccount ?? false;
      const answer =
        covered && hasFamily
          ? rng.weighted([
              ["confirmed", 70],
              ["keptHome", 15],
              [null, 15],
            ] as const)
          : null;
      coverRows.push({
        organisationId: officeId,
        absenceId,
        contractId: child.contractId,
        day: child.day,
        ranges: child.ranges,
        status: covered ? "confirmed" : "uncovered",
        coverKind: proposal.kind,
        coverCaregiverId: proposal.personId,
        kitaId: proposal.kitaId,
        isKnown: proposal.isKnown,
        distanceKm: proposal.distanceKm,
        extraDistanceKm: proposal.extraDistanceKm,
        problem: proposal.problem,
        parentAnswer: answer,
        parentAnsweredAt: answer && confirmedAt ? new Date(confirmedAt.getTime() + 45 * 60_000) : null,
        confirmedAt,
        confirmedByUserId: covered ? coordinatorId : null,
        notifiedAt: confirmedAt,
        createdAt: reportedAt,
        updatedAt: confirmedAt ?? reportedAt,
      });
    });
  }
  if (absenceRows.length > 0) await tx.insert(substitutionAbsences).values(absenceRows);
  for (let i = 0; i < coverRows.length; i += 500) {
    await tx.insert(substitutionCovers).values(coverRows.slice(i, i + 500));
  }
}

type PlannedAbsence = AbsenceWindow & {
  caregiverId: string;
  kind: "illness" | "holiday" | "training" | "closing";
};

/**
 * The year's absences: every active day-care person is ill a few times (one to five days), goes on holiday
 * once (tandems instead close for three weeks in summer, offset so that each covers the other) and has a
 * training morning; never two absences of one person at once, and all before today.
 */
function planAbsences(
  rng: SeededRandom,
  registry: readonly Registry[],
  arrangements: readonly CoverArrangement[],
  substituteIds: readonly string[],
  today: string,
): PlannedAbsence[] {
  const planned: PlannedAbsence[] = [];
  const yearStart = addDays(today, -365);
  const lastDay = addDays(today, -1);
  const busy = new Map<string, [string, string][]>();
  const free = (caregiverId: string, from: string, to: string) =>
    from >= yearStart &&
    to <= lastDay &&
    !(busy.get(caregiverId) ?? []).some(([a, b]) => a <= to && from <= b);
  const add = (absence: PlannedAbsence) => {
    const list = busy.get(absence.caregiverId) ?? [];
    // A day's gap on either side: back-to-back absences would read as one.
    list.push([addDays(absence.startsOn, -1), addDays(absence.endsOn, 1)]);
    busy.set(absence.caregiverId, list);
    planned.push(absence);
  };

  // Summer closings of the tandems: the last summer that is over, three weeks each, one after the other.
  let summerYear = Number(today.slice(0, 4));
  if (`${summerYear}-08-31` >= today) summerYear -= 1;
  const summer = mondayFrom(`${summerYear}-07-13`);
  const tandemsDone = new Set<string>();
  for (const arrangement of arrangements) {
    const partner = arrangement.tandemPartnerIds[0];
    if (!partner || tandemsDone.has(arrangement.caregiverId)) continue;
    tandemsDone.add(arrangement.caregiverId);
    tandemsDone.add(partner);
    for (const [caregiverId, offset] of [
      [arrangement.caregiverId, 0],
      [partner, 21],
    ] as const) {
      const startsOn = addDays(summer, offset);
      const endsOn = addDays(startsOn, 18);
      if (free(caregiverId, startsOn, endsOn)) {
        add({ caregiverId, kind: "closing", startsOn, endsOn, dayFrom: null, dayTo: null });
      }
    }
  }

  const span = daysBetween(yearStart, lastDay);
  for (const entry of registry) {
    if (entry.status !== "active" || substituteIds.includes(entry.id) || entry.person.contracts.length === 0)
      continue;
    const drawn: PlannedAbsence[] = [];
    for (let i = rng.int(1, 3); i > 0; i--) {
      const startsOn = addDays(yearStart, rng.int(0, span));
      drawn.push({
        caregiverId: entry.id,
        kind: "illness",
        startsOn,
        endsOn: addDays(startsOn, rng.int(0, 4)),
        dayFrom: null,
        dayTo: null,
      });
    }
    if (!tandemsDone.has(entry.id)) {
      const startsOn = mondayFrom(addDays(yearStart, rng.int(0, span - 14)));
      drawn.push({
        caregiverId: entry.id,
        kind: "holiday",
        startsOn,
        endsOn: addDays(startsOn, rng.pick([4, 11])),
        dayFrom: null,
        dayTo: null,
      });
    }
    const trainingDay = mondayFrom(addDays(yearStart, rng.int(0, span - 7)));
    drawn.push({
      caregiverId: entry.id,
      kind: "training",
      startsOn: trainingDay,
      endsOn: trainingDay,
      dayFrom: hm(9),
      dayTo: hm(13),
    });
    for (const absence of drawn) if (free(entry.id, absence.startsOn, absence.endsOn)) add(absence);
  }
  return planned.sort((a, b) =>
    a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : a.caregiverId < b.caregiverId ? -1 : 1,
  );
}

/** The office's day-care persons with licences, profiles and active contracts, as the proposals take them. */
async function loadRegistry(
  tx: Executor,
  officeId: string,
  substituteIds: ReadonlySet<string>,
): Promise<Registry[]> {
  const rows = await tx.select().from(caregivers).where(eq(caregivers.organisationId, officeId));
  const licences = await tx.select().from(careLicences).where(eq(careLicences.organisationId, officeId));
  const profiles = await tx
    .select()
    .from(capacityProfiles)
    .where(eq(capacityProfiles.organisationId, officeId));
  const contracts = await tx
    .select()
    .from(careContracts)
    .where(and(eq(careContracts.organisationId, officeId), eq(careContracts.status, "active")));
  return rows
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((row) => ({
      id: row.id,
      userId: row.userId,
      town: row.town,
      status: row.status,
      careGroupName: row.careGroupName,
      person: {
        id: row.id,
        isSubstitute: substituteIds.has(row.id),
        location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
        ageMinMonths: row.ageMinMonths,
        ageMaxMonths: row.ageMaxMonths,
        licences: licences
          .filter((licence) => licence.caregiverId === row.id)
          .map(({ validFrom, validTo, maxChildren }) => ({ validFrom, validTo, maxChildren })),
        profiles: profiles
          .filter((profile) => profile.caregiverId === row.id)
          .map(({ effectiveFrom, slots }) => ({ effectiveFrom, slots })),
        contracts: contracts
          .filter((contract) => contract.caregiverId === row.id)
          .sort((a, b) => (a.id < b.id ? -1 : 1))
          .map(
            (contract): CareContract => ({
              id: contract.id,
              start: contract.start,
              end: contract.end,
              careTimes: contract.careTimes,
            }),
          ),
        absences: [] as AbsenceWindow[],
      },
    }));
}

/** Per contract: the child's birth date and, where the contract came from a request, the family's home. */
async function loadFamilies(
  tx: Executor,
  officeId: string,
): Promise<
  Map<
    string,
    {
      birthDate: string;
      familyKey: string | null;
      home: { lat: number; lon: number } | null;
      hasAccount: boolean;
    }
  >
> {
  const rows = await tx
    .select({
      contractId: careContracts.id,
      birthDate: careContracts.childBirthDate,
      parentUserId: placementRequests.parentUserId,
      email: placementRequests.email,
      lat: placementRequests.lat,
      lon: placementRequests.lon,
    })
    .from(careContracts)
    .leftJoin(placementRequests, eq(placementRequests.id, careContracts.requestId))
    .where(eq(careContracts.organisationId, officeId));
  return new Map(
    rows.map((row) => [
      row.contractId,
      {
        birthDate: row.birthDate,
        familyKey: row.parentUserId ?? row.email ?? null,
        home: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
        hasAccount: row.parentUserId !== null,
      },
    ]),
  );
}

/** The demo family whose child has care notes for a substitute (Anna Albers's first contract). */
export const CARE_NOTES_PARENT_EMAIL = "katrin.hoelscher@eltern.example";

/**
 * Care notes with the parents' consent for one child of Anna Albers, so that a substitute's mail and page
 * show what the notes look like. Encrypted as the platform stores them.
 */
export async function seedCareNotes(
  tx: Executor,
  input: { officeId: string; now: Date; encrypt: (plain: string) => string },
): Promise<void> {
  const [contract] = await tx
    .select({ id: careContracts.id, parentUserId: placementRequests.parentUserId })
    .from(careContracts)
    .innerJoin(placementRequests, eq(placementRequests.id, careContracts.requestId))
    .where(
      and(
        eq(careContracts.organisationId, input.officeId),
        eq(placementRequests.email, CARE_NOTES_PARENT_EMAIL),
      ),
    );
  if (!contract) return;
  const consentAt = new Date(input.now.getTime() - 30 * 24 * 3600_000);
  await tx.insert(substitutionCareNotes).values({
    contractId: contract.id,
    organisationId: input.officeId,
    notesEncrypted: input.encrypt(
      JSON.stringify({
        allergies: "Kuhmilch – bitte Hafermilch geben",
        diet: "vegetarisch",
        notes: "Schläft mittags mit ihrem Kuscheltuch.",
      }),
    ),
    consentAt,
    consentBy: "parent",
    updatedByUserId: contract.parentUserId,
    updatedAt: consentAt,
  });
}
