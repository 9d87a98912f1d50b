/**
 * Requests for a day-care place at the Beckum office, so that the placement board and the allocation round
 * have something to work on: about 120 families wanting to start between January and September of next
 * year, most of them in August (when places turn over), with children of 8 to 30 months at the start and the
 * usual weeks (Mo–Fr 8–13, three days 8–16 …), living in and around Beckum. The office's criteria catalogue
 * comes with it. All names are invented; any likeness to real persons is coincidental.
 */

import type { Needs } from "../../src/contracts/placement";
import type { Role } from "../../src/contracts/roles";
import {
  type CapacityProfile,
  type ContractTimes,
  canTakeChild,
  profileInEffect,
  type TimeRange,
} from "../../src/core/caregivers/capacity";
import { offsetPoint, roundCoordinate } from "../../src/core/geo/geo";
import { computePriority, criterionKey } from "../../src/core/placement/criteria";
import { type CareTime, fromTimeRange, sortCareTimes } from "../../src/core/placement/requests";
import { addDays, addMonths } from "../../src/core/shared/dates";
import { findPlacementCaregivers } from "../../src/server/modules/caregivers/caregivers.queries";
import { users } from "../../src/server/modules/identity/identity.tables";
import { memberships } from "../../src/server/modules/organisations/organisations.tables";
import {
  careContracts,
  placementCatalogues,
  placementCriteria,
  placementRequestEvents,
  placementRequests,
} from "../../src/server/modules/placement/placement.tables";
import { hashToken } from "../../src/server/platform/crypto";
import type { Executor } from "../../src/server/platform/db/client";
import { mailName } from "./names";
import { type OfficeTownKey, officeTowns, resolvePlace } from "./places";
import { SeededRandom } from "./random";

export const REQUEST_COUNT = 120;
export const PARENT_MAIL_DOMAIN = "eltern.example";

type UserRow = typeof users.$inferInsert & { id: string };
type MembershipRow = typeof memberships.$inferInsert;
type CriterionRow = Omit<typeof placementCriteria.$inferInsert, "position"> & {
  id: string;
  isPublished: boolean;
};
type CatalogueRow = typeof placementCatalogues.$inferInsert;
/** A request as built; the needs are encrypted only when inserted, so that building stays deterministic. */
type RequestRow = Omit<typeof placementRequests.$inferInsert, "needsEncrypted"> & {
  id: string;
  needs: Needs | null;
};
type EventRow = Omit<typeof placementRequestEvents.$inferInsert, "position">;

export interface PlacementSeed {
  users: UserRow[];
  memberships: MembershipRow[];
  criteria: CriterionRow[];
  catalogue: CatalogueRow;
  requests: RequestRow[];
  events: EventRow[];
}

/** The Beckum catalogue: the usual criteria, a question of the office's own and one still in draft. */
const CATALOGUE: readonly {
  fact: CriterionRow["fact"];
  label: string;
  points: number;
  isPublished: boolean;
}[] = [
  { fact: "childWelfareNeed", label: "", points: 100, isPublished: true },
  { fact: "singleParent", label: "", points: 30, isPublished: true },
  { fact: "parentsWorking", label: "", points: 25, isPublished: true },
  { fact: "parentsStudying", label: "", points: 20, isPublished: true },
  { fact: "parentSeekingWork", label: "", points: 20, isPublished: true },
  { fact: "siblingInCare", label: "", points: 15, isPublished: true },
  { fact: "custom", label: "Wir wohnen in der Stadt Beckum (mit Neubeckum).", points: 10, isPublished: true },
  { fact: "custom", label: "Ein Elternteil arbeitet im Schichtdienst.", points: 10, isPublished: false },
];

/** How likely a family answers "yes", per catalogue entry (by index); the draft cannot be answered. */
const YES_CHANCE = [0.03, 0.15, 0.7, 0.08, 0.08, 0.12, 0, 0];
const RESIDENT_INDEX = 6;

/** Starts from January to September of next year; August, when many places turn over, has the most. */
const START_MONTH_WEIGHTS: readonly (readonly [number, number])[] = [
  [1, 7],
  [2, 6],
  [3, 7],
  [4, 9],
  [5, 7],
  [6, 8],
  [7, 11],
  [8, 48],
  [9, 17],
];

const days = (list: readonly number[], from: string, to: string): CareTime[] =>
  list.map((day) => ({ day, from, to }));
const MON_FRI = [1, 2, 3, 4, 5];

/** The weeks families ask for, with how common they are. */
const WEEKS: readonly (readonly [CareTime[], number])[] = [
  [days(MON_FRI, "08:00", "13:00"), 34],
  [days(MON_FRI, "08:00", "16:00"), 14],
  [days([1, 2, 3], "08:00", "16:00"), 14],
  [days([1, 2, 3, 4], "07:30", "14:00"), 10],
  [days([2, 3, 4], "08:00", "13:00"), 8],
  [days(MON_FRI, "07:00", "15:00"), 10],
  [[...days(MON_FRI, "08:00", "12:30"), ...days([1, 3], "14:00", "16:30")], 5],
  [[...days([1, 2, 3, 4], "08:00", "16:00"), ...days([5], "08:00", "13:00")], 5],
];

const TOWN_WEIGHTS: readonly (readonly [OfficeTownKey, number])[] = [
  ["beckum", 34],
  ["neubeckum", 15],
  ["ennigerloh", 12],
  ["oelde", 12],
  ["ahlenNord", 8],
  ["ahlenSued", 6],
  ["wadersloh", 6],
  ["sendenhorst", 3],
  ["drensteinfurt", 3],
  ["lippetal", 1],
];

const CHILD_NAMES = (
  "Mia Emil Lina Noah Ella Paul Mila Ben Lea Finn Emma Leon Ida Jonas Clara Elias Frieda Luis Marie " +
  "Anton Greta Theo Hanna Henry Lotta Matteo Zeynep Yusuf Elif Emir Amira Omar Lara Mats Maja Jakob " +
  "Nele Karl Sophie Oskar Aylin Deniz Zofia Mikolaj Mira Ilyas Leni Milan Juna Ole Romy Levi Alina " +
  "Tim Sara Adam Polina Artem Nora Jannik"
).split(" ");
const PARENT_FIRST_NAMES = (
  "Julia Katharina Sarah Lisa Anna Laura Christina Melanie Jennifer Vanessa Ayşe Fatma Merve Leyla " +
  "Agnieszka Olga Natalia Rania Dilara Svenja Michael Daniel Thomas Markus Sebastian Tobias Mehmet " +
  "Ahmet Piotr Dmitri Jan Kevin"
).split(" ");
const LAST_NAMES = (
  "Schulte Brinkmann Hüls Lütke Wiewel Rottmann Kötter Bröker Sudhoff Niehues Pöhler Wessel Kemper " +
  "Große-Wortmann Feldkamp Nienaber Strotmann Hagemann Elsbernd Meier Schmitz Becker Wagner " +
  "Hoffmann Yılmaz Kaya Demir Şahin Çelik Öztürk Nowak Kowalski Wójcik Schneider Ivanov Petrov " +
  "Haddad Khalil Al-Hassan Berisha"
).split(" ");
const SECOND_LANGUAGES = [
  "Türkisch",
  "Arabisch",
  "Polnisch",
  "Russisch",
  "Englisch",
  "Kurdisch",
  "Ukrainisch",
];
const WISHES = [
  "Gern auf dem Weg zur Arbeit nach Ahlen.",
  "Am liebsten eine Großtagespflege.",
  "Viel draußen, gern mit Garten.",
  "Geschwisterkind ist nachmittags mit dabei – passt das?",
  "Gern in Bahnhofsnähe.",
  "Wir wünschen uns frisch gekochtes Essen.",
];
const NEEDS: readonly Needs[] = [
  { hasInclusionNeed: false, allergies: "Kuhmilcheiweißallergie", diet: "milchfrei", notes: "" },
  { hasInclusionNeed: false, allergies: "Erdnussallergie, Notfallset vorhanden", diet: "", notes: "" },
  { hasInclusionNeed: false, allergies: "", diet: "vegetarisch", notes: "" },
  {
    hasInclusionNeed: false,
    allergies: "",
    diet: "halal",
    notes: "Kein Schweinefleisch, auch nicht in Gelatine.",
  },
  {
    hasInclusionNeed: false,
    allergies: "Neurodermitis",
    diet: "",
    notes: "Eigene Pflegecreme wird mitgegeben.",
  },
  {
    hasInclusionNeed: true,
    allergies: "",
    diet: "",
    notes: "Entwicklungsverzögerung, Frühförderung läuft; Eingliederungshilfe ist beantragt.",
  },
];

const MS_PER_DAY = 86_400_000;

/**
 * The demo parent's request is made to be placeable at once, so that suggestions, offer and contract can be
 * shown with it: in Beckum, mornings, starting on the first of a month two to six weeks ahead (while the
 * licences of the demo caregivers still run). Its draws are still taken, so every other family stays the same.
 */
const DEMO_WEEK = days([1, 2, 3], "08:00", "12:00");
const DEMO_DISTANCE_KM = 5;

function demoStart(today: string): string {
  const first = `${addMonths(today, 1).slice(0, 7)}-01`;
  return first >= addDays(today, 14) ? first : addMonths(first, 1);
}

/** A moment `daysAgo` days before `now`, during office hours, from the seeded stream. */
function momentBefore(now: Date, daysAgo: number, rng: SeededRandom): Date {
  return new Date(now.getTime() - daysAgo * MS_PER_DAY - rng.int(0, 10 * 60) * 60_000);
}

/** The office's requests and their families as rows, without touching the database; the same day, the same rows. */
export function buildPlacementRequests(input: {
  organisationId: string;
  now: Date;
  today: string;
  passwordHash: string;
  /** The demo parent (eltern@demo.ktp-netz.de), who gets a request of his own. */
  demoParent: { id: string; name: string; email: string };
}): PlacementSeed {
  const { organisationId, now, today, passwordHash, demoParent } = input;
  // Separate streams, and no draw depends on the date: the same families on whatever day the demo starts.
  const rng = new SeededRandom("beckum:placement");
  const ids = new SeededRandom("beckum:placement-ids");
  const year = Number(today.slice(0, 4)) + 1;

  const criteria: CriterionRow[] = CATALOGUE.map((c, i) => ({
    ...c,
    id: ids.uuid(),
    organisationId,
    createdAt: momentBefore(now, 120 - i, rng),
    updatedAt: momentBefore(now, 90, rng),
  }));
  const catalogue: CatalogueRow = {
    organisationId,
    version: CATALOGUE.length,
    updatedAt: momentBefore(now, 90, rng),
  };
  const seed: PlacementSeed = { users: [], memberships: [], criteria, catalogue, requests: [], events: [] };
  const emails = new Set<string>();

  for (let i = 0; i < REQUEST_COUNT; i++) {
    const isDemo = i === 0;
    const status = isDemo
      ? "open"
      : i <= 4
        ? "unconfirmed"
        : i <= 8
          ? "withdrawn"
          : i <= 10
            ? "closed"
            : "open";
    const month = rng.weighted(START_MONTH_WEIGHTS);
    const drawnStart = `${year}-${String(month).padStart(2, "0")}-${rng.chance(0.8) ? "01" : "15"}`;
    const wantedStart = isDemo ? demoStart(today) : drawnStart;
    const ageAtStart = rng.int(8, 30);
    const childBirthDate = addDays(addMonths(wantedStart, -ageAtStart), -rng.int(0, 25));
    const townKey = rng.weighted(TOWN_WEIGHTS);
    const town = officeTowns[isDemo ? "beckum" : townKey];
    const place = resolvePlace(town);
    const street = `${rng.pick(town.streets)} ${rng.int(1, 80)}`;
    const drawnWeek = sortCareTimes(rng.weighted(WEEKS));
    const careTimes = isDemo ? DEMO_WEEK : drawnWeek;
    const childFirstName = isDemo ? "Deniz" : rng.pick(CHILD_NAMES);
    const parentFirst = rng.pick(PARENT_FIRST_NAMES);
    const lastName = isDemo ? "Ersoy" : rng.pick(LAST_NAMES);
    const languages = [
      "Deutsch",
      ...(rng.chance(0.25) || isDemo ? [isDemo ? "Türkisch" : rng.pick(SECOND_LANGUAGES)] : []),
    ];
    const needs = isDemo ? (NEEDS[0] as Needs) : rng.chance(0.12) ? rng.pick(NEEDS) : null;
    const wishes = rng.chance(0.2) ? rng.pick(WISHES) : "";
    const noPets = rng.chance(0.1);
    const drawnDistanceKm = rng.weighted([
      [3, 20],
      [5, 45],
      [8, 20],
      [10, 10],
      [15, 5],
    ] as const);
    const maxDistanceKm = isDemo ? DEMO_DISTANCE_KM : drawnDistanceKm;
    const answers = CATALOGUE.map((_, index) =>
      index === RESIDENT_INDEX ? place.postalCode === "59269" : rng.chance(YES_CHANCE[index] ?? 0),
    );
    const facts = isDemo
      ? ["parentsWorking", "siblingInCare", criterionKey(criteria[RESIDENT_INDEX] as CriterionRow)]
      : criteria.filter((_, index) => answers[index]).map(criterionKey);
    // Most families asked months ago; the unconfirmed ones only in the last days (their link still works).
    const waited = status === "unconfirmed" ? rng.int(0, 5) : rng.int(3, 300);
    const requestId = ids.uuid();
    const userId = ids.uuid();
    const tokenSeed = ids.uuid();

    let parent: { id: string; name: string; email: string } | null = null;
    if (isDemo) parent = demoParent;
    else if (status !== "unconfirmed") {
      let email = `${mailName(parentFirst)}.${mailName(lastName)}@${PARENT_MAIL_DOMAIN}`;
      for (let n = 2; emails.has(email); n++)
        email = `${mailName(parentFirst)}.${mailName(lastName)}${n}@${PARENT_MAIL_DOMAIN}`;
      emails.add(email);
      parent = { id: userId, name: `${parentFirst} ${lastName}`, email };
      seed.users.push({
        id: userId,
        email,
        name: parent.name,
        passwordHash,
        createdAt: momentBefore(now, waited, rng),
      });
      seed.memberships.push({ organisationId, userId, roles: ["parent"] satisfies Role[] });
    }
    const createdAt = momentBefore(now, waited, rng);
    const confirmedAt =
      status === "unconfirmed" ? null : new Date(createdAt.getTime() + rng.int(5, 600) * 60_000);
    const decidedAt =
      status === "withdrawn" || status === "closed"
        ? new Date(
            Math.min(now.getTime() - 60_000, (confirmedAt as Date).getTime() + rng.int(2, 60) * MS_PER_DAY),
          )
        : null;
    seed.requests.push({
      id: requestId,
      organisationId,
      parentUserId: parent?.id ?? null,
      status,
      childFirstName,
      childBirthDate,
      wantedStart,
      careTimes,
      street,
      postalCode: place.postalCode,
      town: place.town,
      lat: place.lat,
      lon: place.lon,
      maxDistanceKm,
      // Leaving the search erases the needs (as the service does).
      needs: decidedAt ? null : needs,
      needsConsentAt: needs && !decidedAt ? createdAt : null,
      languages,
      noPets,
      wishes,
      facts,
      priorityPoints: computePriority(criteria, facts).points,
      criteriaVersion: catalogue.version,
      parentName: parent?.name ?? `${parentFirst} ${lastName}`,
      email: parent?.email ?? `${mailName(parentFirst)}.${mailName(lastName)}.neu@${PARENT_MAIL_DOMAIN}`,
      phone: rng.chance(0.7) ? `${town.areaCode} ${rng.int(10000, 999999)}` : "",
      locale: "de",
      confirmationTokenHash: status === "unconfirmed" ? hashToken(tokenSeed) : null,
      confirmationExpiresAt: status === "unconfirmed" ? new Date(createdAt.getTime() + 7 * MS_PER_DAY) : null,
      createdAt,
      confirmedAt,
      updatedAt: decidedAt ?? confirmedAt ?? createdAt,
    });
    const event = (
      at: Date,
      from: EventRow["fromStatus"],
      to: EventRow["toStatus"],
      rest: Partial<EventRow>,
    ) =>
      seed.events.push({
        organisationId,
        requestId,
        at,
        fromStatus: from,
        toStatus: to,
        actorKind: "parent",
        actorUserId: parent?.id ?? null,
        ...rest,
      });
    event(createdAt, null, "unconfirmed", { reason: "submitted", actorUserId: null });
    if (confirmedAt) event(confirmedAt, "unconfirmed", "open", { reason: "confirmed" });
    if (decidedAt && status === "withdrawn") {
      event(decidedAt, "open", "withdrawn", {
        reason: rng.pick(["placedElsewhere", "noLongerNeeded"] as const),
      });
    }
    if (decidedAt && status === "closed") {
      event(decidedAt, "open", "closed", { reason: "unreachable", actorKind: "staff", actorUserId: null });
    }
  }
  return seed;
}

/** Inserts the catalogue, the families and their requests, one statement per table. */
export async function seedPlacementRequests(
  tx: Executor,
  input: Parameters<typeof buildPlacementRequests>[0] & { encrypt: (plain: string) => string },
): Promise<void> {
  const seed = buildPlacementRequests(input);
  await tx.insert(users).values(seed.users);
  await tx.insert(memberships).values(seed.memberships);
  await tx.insert(placementCriteria).values(seed.criteria);
  await tx.insert(placementCatalogues).values(seed.catalogue);
  await tx.insert(placementRequests).values(
    seed.requests.map(({ needs, ...request }) => ({
      ...request,
      needsEncrypted: needs ? input.encrypt(JSON.stringify(needs)) : null,
    })),
  );
  await tx.insert(placementRequestEvents).values(seed.events);
  const caregivers = await findPlacementCaregivers(tx, input.organisationId);
  const contracts = buildCareContracts({
    organisationId: input.organisationId,
    today: input.today,
    now: input.now,
    caregivers,
  });
  const demoCaregiver = caregivers.find((caregiver) => caregiver.userId !== null);
  const families = buildDemoFamilies({
    organisationId: input.organisationId,
    now: input.now,
    passwordHash: input.passwordHash,
    contracts: contracts.filter((contract) => contract.caregiverId === demoCaregiver?.id),
  });
  if (families.users.length > 0) {
    await tx.insert(users).values(families.users);
    await tx.insert(memberships).values(families.memberships);
    await tx.insert(placementRequests).values(families.requests);
    await tx.insert(placementRequestEvents).values(families.events);
  }
  if (contracts.length > 0) await tx.insert(careContracts).values(contracts);
}

/** The families of the demo caregiver's children: parents with an account, so that cover mails reach them. */
const DEMO_FAMILIES = [
  { firstName: "Katrin", lastName: "Hölscher", street: "Elisabethstraße 12", bearing: 40, km: 0.9 },
  { firstName: "Tarek", lastName: "Mansour", street: "Sternstraße 5", bearing: 200, km: 1.6 },
] as const;

/**
 * Gives each of the demo caregiver's contracts (at most two) a family: a parent account with the demo
 * password and a request that was placed with her, as the placement module leaves it once an offer is
 * accepted (status placed, needs erased). Sets `requestId` on those contracts. Its own seeded stream, so
 * nothing else in the demo changes.
 */
export function buildDemoFamilies(input: {
  organisationId: string;
  now: Date;
  passwordHash: string;
  contracts: ContractRow[];
}): Pick<PlacementSeed, "users" | "memberships" | "requests" | "events"> {
  const ids = new SeededRandom("beckum:demo-families");
  const town = officeTowns.beckum;
  const place = resolvePlace(town);
  const seed: Pick<PlacementSeed, "users" | "memberships" | "requests" | "events"> = {
    users: [],
    memberships: [],
    requests: [],
    events: [],
  };
  input.contracts.slice(0, DEMO_FAMILIES.length).forEach((contract, index) => {
    const family = DEMO_FAMILIES[index] as (typeof DEMO_FAMILIES)[number];
    const userId = ids.uuid();
    const requestId = ids.uuid();
    const name = `${family.firstName} ${family.lastName}`;
    const email = `${mailName(family.firstName)}.${mailName(family.lastName)}@${PARENT_MAIL_DOMAIN}`;
    const start = contract.start;
    const askedAt = new Date(Date.parse(`${addMonths(start, -4)}T09:00:00Z`));
    const offeredAt = new Date(Date.parse(`${addMonths(start, -2)}T10:00:00Z`));
    const acceptedAt = new Date(offeredAt.getTime() + 2 * MS_PER_DAY);
    const home = offsetPoint(place, family.km * 1000, family.bearing);
    seed.users.push({ id: userId, email, name, passwordHash: input.passwordHash, createdAt: askedAt });
    seed.memberships.push({
      organisationId: input.organisationId,
      userId,
      roles: ["parent"] satisfies Role[],
    });
    seed.requests.push({
      id: requestId,
      organisationId: input.organisationId,
      parentUserId: userId,
      status: "placed",
      childFirstName: contract.childFirstName,
      childBirthDate: contract.childBirthDate,
      wantedStart: start,
      careTimes: contract.careTimes,
      street: family.street,
      postalCode: place.postalCode,
      town: place.town,
      lat: roundCoordinate(home.lat, 5),
      lon: roundCoordinate(home.lon, 5),
      maxDistanceKm: 5,
      needs: null,
      needsConsentAt: null,
      languages: index === 1 ? ["Deutsch", "Arabisch"] : ["Deutsch"],
      noPets: false,
      wishes: "",
      facts: [],
      priorityPoints: 0,
      criteriaVersion: CATALOGUE.length,
      parentName: name,
      email,
      phone: `${town.areaCode} ${410200 + index}`,
      locale: "de",
      confirmationTokenHash: null,
      confirmationExpiresAt: null,
      createdAt: askedAt,
      confirmedAt: askedAt,
      updatedAt: acceptedAt,
    });
    const event = (
      at: Date,
      from: EventRow["fromStatus"],
      to: EventRow["toStatus"],
      rest: Partial<EventRow>,
    ) =>
      seed.events.push({
        organisationId: input.organisationId,
        requestId,
        at,
        fromStatus: from,
        toStatus: to,
        actorKind: "parent",
        actorUserId: userId,
        ...rest,
      });
    event(askedAt, null, "unconfirmed", { reason: "submitted", actorUserId: null });
    event(askedAt, "unconfirmed", "open", { reason: "confirmed" });
    event(offeredAt, "open", "offered", { reason: "offerMade", actorKind: "staff", actorUserId: null });
    event(acceptedAt, "offered", "placed", { reason: "offerAccepted" });
    contract.requestId = requestId;
  });
  return seed;
}

type ContractRow = typeof careContracts.$inferInsert;

/** Care lengths a family books per day, in minutes. */
const DAY_LENGTHS = [240, 270, 300, 360, 420] as const;

/**
 * Children already in care: most caregivers have one to five contracts that started in the last two years,
 * each on some of her days within her places, so that her week shows children present, some times are full
 * ("Mi 14:00–16:00 schon 5 Kinder") and suggestions have something to weigh. A contract is only added where
 * it fits, so nobody is overbooked. The demo caregiver (the one with an account) keeps places free, so that
 * the demo parent's request can be placed with her.
 */
export function buildCareContracts(input: {
  organisationId: string;
  today: string;
  now: Date;
  caregivers: readonly { id: string; userId: string | null; profiles: CapacityProfile[] }[];
}): ContractRow[] {
  const rng = new SeededRandom("beckum:contracts");
  const ids = new SeededRandom("beckum:contract-ids");
  const rows: ContractRow[] = [];
  for (const caregiver of input.caregivers) {
    const wanted = caregiver.userId ? 2 : rng.int(0, 5);
    const profile = profileInEffect(caregiver.profiles, input.today);
    const days = [...new Set((profile?.slots ?? []).map((slot) => slot.weekday))];
    const placed: ContractTimes[] = [];
    for (let attempt = 0; attempt < wanted * 2 && placed.length < wanted && days.length > 0; attempt++) {
      const chosen = rng.sample(days, rng.int(Math.min(2, days.length), days.length)).sort((a, b) => a - b);
      const length = rng.pick(DAY_LENGTHS);
      const times = chosen.flatMap((weekday): TimeRange[] => {
        const slot = profile?.slots.find((candidate) => candidate.weekday === weekday);
        if (!slot) return [];
        const from = slot.start + 30 * rng.int(0, 2);
        return from < slot.end ? [{ weekday, start: from, end: Math.min(slot.end, from + length) }] : [];
      });
      const start = `${addMonths(input.today, -rng.int(1, 24)).slice(0, 7)}-01`;
      if (times.length === 0) continue;
      if (!canTakeChild(caregiver.profiles, placed, input.today, times, { horizonYears: 1 }).ok) continue;
      placed.push({ start, end: null, times });
      const ageAtStart = rng.int(8, 24);
      rows.push({
        id: ids.uuid(),
        organisationId: input.organisationId,
        caregiverId: caregiver.id,
        requestId: null,
        childFirstName: rng.pick(CHILD_NAMES),
        childBirthDate: addDays(addMonths(start, -ageAtStart), -rng.int(0, 25)),
        start,
        end: null,
        careTimes: sortCareTimes(times.map(fromTimeRange)),
        settlingInEnd: addDays(start, 28),
        status: "active",
        createdAt: input.now,
        updatedAt: input.now,
      });
    }
  }
  return rows;
}
