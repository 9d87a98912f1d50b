/**
 * The 47 day-care persons of the Beckum coordination office with licences, weekly capacity and
 * qualifications. Every date is counted from the seed day, so whenever the demo starts some deadlines are
 * overdue, some due soon and most fine, and the deadline board has something to show.
 */

import { sql } from "drizzle-orm";
import type { CapacitySlot, Weekday } from "../../src/core/caregivers/capacity";
import type { QualificationKind } from "../../src/core/caregivers/deadlines";
import { offsetPoint, roundCoordinate } from "../../src/core/geo/geo";
import type { StateRules } from "../../src/core/organisations/presets";
import { addDays, addMonths, addYears, daysBetween, minDate } from "../../src/core/shared/dates";
import {
  capacityProfiles,
  caregivers,
  careLicences,
  qualifications,
} from "../../src/server/modules/caregivers/caregivers.tables";
import { users } from "../../src/server/modules/identity/identity.tables";
import type { Executor } from "../../src/server/platform/db/client";
import { demoCaregiver, mailName, type OfficePerson, officePeople } from "./names";
import { type OfficeTown, officeTowns, resolvePlace } from "./places";
import { SeededRandom } from "./random";

export const DEMO_CAREGIVER_EMAIL = "tagesmutter@demo.ktp-netz.de";
export const CARE_GROUP_NAME = "Zwergenburg";

type CaregiverRow = typeof caregivers.$inferInsert & { id: string };
type LicenceRow = typeof careLicences.$inferInsert;
type ProfileRow = typeof capacityProfiles.$inferInsert;
type QualificationRow = typeof qualifications.$inferInsert;

export interface OfficeSeed {
  caregivers: CaregiverRow[];
  licences: LicenceRow[];
  profiles: ProfileRow[];
  qualifications: QualificationRow[];
}

type DeadlineRules = Pick<
  StateRules,
  "firstAidRefreshMonths" | "infectionProtectionRefreshMonths" | "criminalRecordRefreshMonths"
>;

/** How the current licence stands on the seed day. */
type LicenceScenario =
  | { kind: "ends"; inDays: number }
  | { kind: "newcomer"; startedDaysAgo: number }
  | { kind: "running" };

/** How a refresher (first aid, infection protection, criminal record) stands on the seed day. */
type RefreshScenario = "overdue" | "dueSoon" | "ok";

// Two licences ran out (renewal applied for, the board shows them red), five end within the 90-day lead.
const ENDED_OR_ENDING_IN_DAYS = [-47, -9, 12, 27, 45, 71, 86];
// Started within the last two years and still doing QHB part 2; the 690-day one is due for it soon.
const NEWCOMER_STARTED_DAYS_AGO = [35, 120, 210, 340, 450, 560, 690];
const DEMO_LICENCE_ENDS_IN_DAYS = 60;

const hm = (hours: number, minutes = 0) => hours * 60 + minutes;
const MON_TO_FRI: readonly Weekday[] = [0, 1, 2, 3, 4];

function slots(days: readonly Weekday[], start: number, end: number, places: number): CapacitySlot[] {
  return days.map((weekday) => ({ weekday, start, end, places }));
}

/** Typical weekly offers; places never exceed the licence, afternoons often have fewer. */
const capacityTemplates = {
  morning: (max: number) => slots(MON_TO_FRI, hm(7, 30), hm(14), max),
  fullDay: (max: number) => [...slots([0, 1, 2, 3], hm(7), hm(16), max), ...slots([4], hm(7), hm(13), max)],
  morningAndAfternoon: (max: number) =>
    [
      ...slots(MON_TO_FRI, hm(7, 30), hm(13), max),
      ...slots(MON_TO_FRI, hm(13), hm(16, 30), Math.min(3, max)),
    ].sort((a, b) => a.weekday - b.weekday || a.start - b.start),
  afternoon: (max: number) => slots(MON_TO_FRI, hm(11, 30), hm(18), Math.min(4, max)),
  shortWeek: (max: number) => [
    ...slots([0, 1, 2], hm(8), hm(15), max),
    ...slots([3], hm(8), hm(12, 30), Math.min(4, max)),
  ],
  earlyShift: (max: number) => slots(MON_TO_FRI, hm(6), hm(13, 30), max),
  eightToFour: (max: number) => slots(MON_TO_FRI, hm(8), hm(16), max),
} satisfies Record<string, (max: number) => CapacitySlot[]>;

type CapacityTemplate = keyof typeof capacityTemplates;

const TEMPLATE_WEIGHTS: readonly (readonly [CapacityTemplate, number])[] = [
  ["morning", 30],
  ["fullDay", 20],
  ["morningAndAfternoon", 15],
  ["afternoon", 8],
  ["shortWeek", 10],
  ["earlyShift", 8],
  ["eightToFour", 9],
];

// Nine children at once in NRW, shared by three: three places each for the whole opening time.
const CARE_GROUP_SLOTS = slots(MON_TO_FRI, hm(7), hm(16, 30), 3);
const CARE_GROUP_STREET = "Kirchplatz 4";

const AGE_WEIGHTS: readonly (readonly [readonly [number, number], number])[] = [
  [[0, 36], 12],
  [[4, 36], 2],
  [[6, 36], 3],
  [[12, 36], 3],
];

const PEDAGOGY = [
  "Wir sind jeden Tag draußen – im Garten, auf dem Spielplatz oder bei Spaziergängen durch die Felder.",
  "Ich arbeite angelehnt an Emmi Pikler: Die Kinder bekommen Zeit, sich in ihrem eigenen Tempo zu entwickeln.",
  "Die Eingewöhnung gestalte ich nach dem Berliner Modell, behutsam und in enger Absprache mit den Eltern.",
  "Feste Rituale geben Sicherheit: Morgenkreis, gemeinsames Frühstück und eine ruhige Mittagsruhe.",
  "Musik, Fingerspiele und Bilderbücher begleiten uns durch den Tag.",
  "Mir ist eine familiäre Atmosphäre in einer kleinen, verlässlichen Gruppe wichtig.",
  "Mit Montessori-Material entdecken die Kinder Farben, Formen und Mengen selbst.",
  "Wir backen, matschen, malen und bauen – Kinder lernen mit allen Sinnen.",
  "Ein Portfolio für jedes Kind hält die kleinen und großen Fortschritte fest.",
  "Einmal in der Woche besuchen wir die Bücherei oder den Wochenmarkt.",
  "Im Hochbeet ziehen wir Kräuter und Gemüse und probieren, was wir geerntet haben.",
  "Bewegung ist mir wichtig: Wir turnen, tanzen und toben, auch bei Regen.",
  "Schon die Kleinsten dürfen mitentscheiden, was wir spielen und wohin der Ausflug geht.",
  "Ich begleite den Alltag mit viel Sprache, Liedern und Reimen.",
];

const MEALS = [
  "Ich koche täglich frisch, gern mit Gemüse aus dem eigenen Garten.",
  "Das Frühstück bringen die Eltern mit, das Mittagessen koche ich frisch.",
  "Vollwertig und überwiegend vegetarisch; Allergien und Unverträglichkeiten berücksichtige ich.",
  "Mittagessen vom regionalen Bio-Caterer, am Nachmittag Obst und Rohkost.",
  "Frisch gekocht und schweinefleischfrei.",
  "Zuckerfreie Zwischenmahlzeiten, zu trinken gibt es Wasser und ungesüßten Tee.",
  "Saisonal und regional – die Kinder helfen beim Schnippeln und Tischdecken.",
];

const PETS = [
  "Eine Katze, die nicht in die Spielräume darf.",
  "Ein kinderlieber Labrador.",
  "Zwei Kaninchen im Garten.",
  "Ein Aquarium im Flur.",
  "Hühner im Garten – die Eier sammeln wir gemeinsam.",
  "Ein Wellensittich-Pärchen.",
];

const MAIL_DOMAINS = ["mail.example", "post.example", "web.example"];

/** QHB exists since 2015; people who started earlier did the DJI curriculum, which counts as part 1. */
const QHB_INTRODUCED = "2016-01-01";

function firstOfMonth(date: string): string {
  return `${date.slice(0, 8)}01`;
}

/** The last day of a licence that starts on `validFrom` and runs the maximum five years. */
function licenceEnd(validFrom: string): string {
  return addDays(addYears(validFrom, 5), -1);
}

/** The first day of a five-year licence that ends on `validTo`. */
function licenceStart(validTo: string): string {
  return addDays(addYears(validTo, -5), 1);
}

/** A list of `count` scenarios, `special` first and `fallback` for the rest, in seeded random order. */
function scenarioList<T>(rng: SeededRandom, count: number, special: readonly T[], fallback: T): T[] {
  const list = [...special, ...Array.from({ length: count - special.length }, () => fallback)];
  return rng.shuffle(list);
}

interface PersonPlan {
  person: OfficePerson;
  licence: LicenceScenario;
  firstAid: RefreshScenario;
  infectionProtection: RefreshScenario;
  criminalRecordCheck: RefreshScenario;
  isDemoUser: boolean;
}

/**
 * Hands out the deadline scenarios. The special licence cases go to people outside the Großtagespflege (see
 * below); Anna Albers gets hers fixed so the walkthrough can rely on it.
 */
function planPeople(rng: SeededRandom): PersonPlan[] {
  const soloIndexes = officePeople.flatMap((person, index) => (person.careGroup ? [] : [index]));
  const special = rng.shuffle(soloIndexes);
  const licenceScenarios: LicenceScenario[] = [
    ...ENDED_OR_ENDING_IN_DAYS.map((inDays) => ({ kind: "ends", inDays }) as const),
    ...NEWCOMER_STARTED_DAYS_AGO.map((startedDaysAgo) => ({ kind: "newcomer", startedDaysAgo }) as const),
  ];
  const licenceFor = new Map(licenceScenarios.map((scenario, i) => [special[i] as number, scenario]));
  const count = officePeople.length;
  const firstAid = scenarioList<RefreshScenario>(
    rng,
    count,
    ["overdue", "overdue", "overdue", "overdue", ...Array(6).fill("dueSoon")],
    "ok",
  );
  const infection = scenarioList<RefreshScenario>(
    rng,
    count,
    [...Array(3).fill("overdue"), ...Array(5).fill("dueSoon")],
    "ok",
  );
  const criminal = scenarioList<RefreshScenario>(rng, count, ["overdue", "dueSoon", "dueSoon"], "ok");

  const plans: PersonPlan[] = [
    {
      person: demoCaregiver,
      licence: { kind: "ends", inDays: DEMO_LICENCE_ENDS_IN_DAYS },
      firstAid: "ok",
      infectionProtection: "ok",
      criminalRecordCheck: "ok",
      isDemoUser: true,
    },
  ];
  officePeople.forEach((person, index) => {
    plans.push({
      person,
      licence: licenceFor.get(index) ?? { kind: "running" },
      firstAid: firstAid[index] ?? "ok",
      infectionProtection: infection[index] ?? "ok",
      criminalRecordCheck: criminal[index] ?? "ok",
      isDemoUser: false,
    });
  });
  return plans;
}

/**
 * The office's day-care persons as rows for the four tables, without touching the database: the same
 * `today` gives the same rows (ids included), which the test relies on.
 */
export function buildOfficeCaregivers(input: {
  organisationId: string;
  today: string;
  rules: DeadlineRules;
  /** The account of Anna Albers, the demo caregiver. */
  demoUserId: string;
}): OfficeSeed {
  const { organisationId, today, rules } = input;
  // Separate streams, and every draw made whether it is used or not: which branch a date falls into can shift
  // with leap years as the seed day moves, and that must not reshuffle names, towns and profiles.
  const rng = new SeededRandom("beckum:caregivers");
  const ids = new SeededRandom("beckum:caregiver-ids");
  const numbers = new SeededRandom("beckum:licence-numbers");
  const plans = planPeople(rng);
  const seed: OfficeSeed = { caregivers: [], licences: [], profiles: [], qualifications: [] };
  const licenceSequence = new Map<string, number>();
  // The Großtagespflege shares rooms and a licence cycle: the youth office renews the three together.
  let careGroupPoint: { lat: number; lon: number } | null = null;
  let careGroupValidFrom: string | null = null;

  const nextLicenceNumber = (prefix: string, validFrom: string) => {
    const key = `${prefix}-${validFrom.slice(0, 4)}`;
    const next = (licenceSequence.get(key) ?? numbers.int(2, 30)) + numbers.int(1, 7);
    licenceSequence.set(key, next);
    return `${key}-${String(next).padStart(3, "0")}`;
  };

  // The one person on parental leave, picked among those with nothing special going on.
  const runningPlans = plans.filter((plan) => plan.licence.kind === "running" && !plan.person.careGroup);
  const [paused, ...others] = rng.shuffle(runningPlans);
  // One of the two changes adds afternoons, the other cuts back.
  const profileChanges = new Map<PersonPlan, { inMonths: number; template: CapacityTemplate }>();
  const [grows, shrinks] = others;
  if (grows) profileChanges.set(grows, { inMonths: 2, template: "morningAndAfternoon" });
  if (shrinks) profileChanges.set(shrinks, { inMonths: 4, template: "shortWeek" });

  plans.forEach((plan, index) => {
    const { person } = plan;
    const town: OfficeTown = officeTowns[person.town];
    const place = resolvePlace(town);
    const caregiverId = ids.uuid();

    // Licence: the current one from the scenario, earlier five-year periods before it for long-serving people.
    let validFrom: string;
    let previousLicences: number;
    if (plan.licence.kind === "ends") {
      validFrom = licenceStart(addDays(today, plan.licence.inDays));
      previousLicences = rng.int(1, 2);
    } else if (plan.licence.kind === "newcomer") {
      validFrom = addDays(today, -plan.licence.startedDaysAgo);
      previousLicences = 0;
    } else {
      validFrom = licenceStart(addDays(today, rng.int(100, 1780)));
      previousLicences = rng.int(0, 2);
    }
    if (person.careGroup) {
      careGroupValidFrom ??= validFrom;
      validFrom = careGroupValidFrom;
    }
    const careerStart = addYears(validFrom, -5 * previousLicences);
    const maxChildren = person.careGroup ? 5 : rng.chance(0.15) ? 4 : 5;
    const conditions = person.careGroup
      ? `Tätigkeit in der Großtagespflege ${CARE_GROUP_NAME}, ${CARE_GROUP_STREET}, ${place.town}; dort höchstens 9 Kinder gleichzeitig.`
      : maxChildren === 4
        ? "Höchstens 4 gleichzeitig anwesende Kinder wegen der Größe der Räume."
        : "";
    for (let period = previousLicences; period >= 0; period--) {
      const from = addYears(validFrom, -5 * period);
      seed.licences.push({
        organisationId,
        caregiverId,
        number: nextLicenceNumber(town.licensing.prefix, from),
        issuer: town.licensing.issuer,
        validFrom: from,
        validTo: licenceEnd(from),
        maxChildren,
        conditions,
      });
    }

    // Capacity from the start of the current licence; two people have already handed in a later change.
    const template = rng.weighted(TEMPLATE_WEIGHTS);
    seed.profiles.push({
      organisationId,
      caregiverId,
      effectiveFrom: validFrom,
      slots: person.careGroup ? CARE_GROUP_SLOTS : capacityTemplates[template](maxChildren),
    });
    const change = profileChanges.get(plan);
    if (change) {
      const target = change.template === template ? "morning" : change.template;
      seed.profiles.push({
        organisationId,
        caregiverId,
        effectiveFrom: firstOfMonth(addMonths(today, change.inMonths)),
        slots: capacityTemplates[target](maxChildren),
      });
    }

    // Qualifications: QHB before and alongside the first licence, refreshers as the scenario wants them.
    const qualification = (
      kind: QualificationKind,
      completedOn: string,
      title: string,
      extra: { hasRelevantEntry?: boolean } = {},
    ) => seed.qualifications.push({ organisationId, caregiverId, kind, completedOn, title, ...extra });
    const isOldHand = careerStart < QHB_INTRODUCED;
    qualification(
      "qhbPhase1",
      addDays(careerStart, -rng.int(30, 150)),
      isOldHand
        ? "Grundqualifizierung nach DJI-Curriculum (160 UE), als QHB Teil 1 anerkannt"
        : "QHB Teil 1 – tätigkeitsvorbereitend (160 UE)",
    );
    const daysInWork = daysBetween(careerStart, today);
    const phase2AfterDays = 300 + Math.floor(rng.next() * (Math.min(650, daysInWork - 20) - 300));
    const inclusionCourse = minDate(addDays(careerStart, rng.int(400, 1500)), addDays(today, -30));
    const earlierFirstAidShift = rng.int(0, 60);
    if (plan.licence.kind !== "newcomer" && daysInWork > 320) {
      const phase2 = addDays(careerStart, phase2AfterDays);
      qualification(
        "qhbPhase2",
        phase2,
        isOldHand ? "Anschlussqualifizierung QHB (140 UE)" : "QHB Teil 2 – tätigkeitsbegleitend (140 UE)",
      );
    }
    if (person.hasInclusionExperience && daysInWork > 430) {
      qualification(
        "other",
        inclusionCourse,
        "Zusatzqualifikation Inklusion in der Kindertagespflege (100 UE)",
      );
    }

    const refresher = (scenario: RefreshScenario, months: number, okWithinDays: number) => {
      const lapse = addMonths(today, -months);
      if (scenario === "overdue") return addDays(lapse, -rng.int(10, 200));
      if (scenario === "dueSoon") return addDays(lapse, rng.int(10, 80));
      return addDays(today, -rng.int(20, okWithinDays));
    };
    const firstAid = refresher(plan.firstAid, rules.firstAidRefreshMonths, 600);
    qualification("firstAid", firstAid, "Erste Hilfe am Kind (9 UE)");
    if (addMonths(firstAid, -rules.firstAidRefreshMonths) > careerStart) {
      qualification(
        "firstAid",
        addDays(addMonths(firstAid, -rules.firstAidRefreshMonths), -earlierFirstAidShift),
        "Erste Hilfe am Kind (9 UE)",
      );
    }
    qualification(
      "infectionProtection",
      refresher(plan.infectionProtection, rules.infectionProtectionRefreshMonths, 600),
      "Belehrung nach §§ 33, 35 IfSG",
    );
    // A newcomer's certificate was inspected for the licence application, shortly before it was granted.
    const criminalRecord =
      plan.licence.kind === "newcomer" && plan.criminalRecordCheck === "ok"
        ? addDays(validFrom, -rng.int(20, 90))
        : refresher(plan.criminalRecordCheck, rules.criminalRecordRefreshMonths, 1700);
    qualification("criminalRecordCheck", criminalRecord, "Erweitertes Führungszeugnis eingesehen", {
      hasRelevantEntry: false,
    });

    // The home, near the postal code's centre: a stand-in for a real address, pins kept apart on the map.
    let point = offsetPoint(place, rng.int(150, 1400), rng.next() * 360);
    if (person.careGroup) {
      careGroupPoint ??= point;
      point = careGroupPoint;
    }
    const languages = ["Deutsch", ...(person.languages ?? [])];
    const pedagogy = [
      ...(person.careGroup
        ? [
            `In der Großtagespflege ${CARE_GROUP_NAME} betreuen wir zu dritt bis zu neun Kinder in eigenen Räumen.`,
          ]
        : []),
      ...rng.sample(PEDAGOGY, 2),
      ...languages
        .slice(1)
        .filter((language) => language !== "Englisch")
        .slice(0, 1)
        .map(
          (language) =>
            `Bei mir hören die Kinder neben Deutsch auch ${language}; mehrsprachige Familien sind willkommen.`,
        ),
      ...(person.hasInclusionExperience
        ? [
            "Ich habe Erfahrung mit Kindern mit besonderem Förderbedarf und arbeite eng mit der Frühförderung zusammen.",
          ]
        : []),
      ...(person.isEmployed
        ? [
            "Ich bin angestellt; bei Urlaub und Krankheit übernimmt eine feste Vertretung, die die Kinder kennen.",
          ]
        : []),
    ].join(" ");
    const hasPets = rng.chance(0.35);
    const [ageMin, ageMax] = person.ages ?? rng.weighted(AGE_WEIGHTS);
    const hasEmail = plan.isDemoUser || rng.chance(0.9);

    seed.caregivers.push({
      id: caregiverId,
      organisationId,
      userId: plan.isDemoUser ? input.demoUserId : null,
      firstName: person.firstName,
      lastName: person.lastName,
      email: plan.isDemoUser
        ? DEMO_CAREGIVER_EMAIL
        : hasEmail
          ? `${mailName(person.firstName)}.${mailName(person.lastName)}@${rng.pick(MAIL_DOMAINS)}`
          : null,
      // Subscriber numbers never start with 0, so these cannot ring a real line.
      phone: `${town.areaCode} 000${String(101 + index)}`,
      street: person.careGroup ? CARE_GROUP_STREET : `${rng.pick(town.streets)} ${rng.int(1, 60)}`,
      postalCode: place.postalCode,
      town: place.town,
      lat: roundCoordinate(point.lat, 5),
      lon: roundCoordinate(point.lon, 5),
      // Derived from the postal code; the offset above only keeps the pins of one town apart.
      locationPrecision: "postalCode",
      employment: person.isEmployed ? "employed" : "selfEmployed",
      languages,
      hasPets,
      petsNote: hasPets ? rng.pick(PETS) : "",
      meals: rng.pick(MEALS),
      pedagogy,
      hasInclusionExperience: person.hasInclusionExperience ?? false,
      ageMinMonths: ageMin,
      ageMaxMonths: ageMax,
      careGroupName: person.careGroup ?? null,
      hasPhotoConsent: rng.chance(0.6),
      status: plan === paused ? "paused" : "active",
    });
  });
  return seed;
}

/** Inserts the office's day-care persons, one statement per table. */
export async function seedOfficeCaregivers(
  tx: Executor,
  input: { organisationId: string; today: string; rules: DeadlineRules },
): Promise<void> {
  const [demoUser] = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${DEMO_CAREGIVER_EMAIL}`);
  if (!demoUser)
    throw new Error(`Demo seed: the user ${DEMO_CAREGIVER_EMAIL} must exist before the caregivers`);
  const seed = buildOfficeCaregivers({ ...input, demoUserId: demoUser.id });
  await tx.insert(caregivers).values(seed.caregivers);
  await tx.insert(careLicences).values(seed.licences);
  await tx.insert(capacityProfiles).values(seed.profiles);
  await tx.insert(qualifications).values(seed.qualifications);
}
