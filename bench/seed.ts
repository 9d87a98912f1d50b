/**
 * Seeds one coordination office as large as a big district's: 2,000 day-care persons, each with a licence,
 * two qualifications and a capacity profile, plus one coordinator who signs in. Rows go in with Drizzle batch
 * inserts straight into the tables, because going through the API would take minutes of Argon2 and audit
 * writes and measure nothing we care about here.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { CapacitySlot } from "../src/core/caregivers/capacity";
import { findPreset } from "../src/core/organisations/presets";
import {
  capacityProfiles,
  caregivers,
  careLicences,
  qualifications,
} from "../src/server/modules/caregivers/caregivers.tables";
import { hashPassword } from "../src/server/modules/identity/identity.service";
import { users } from "../src/server/modules/identity/identity.tables";
import { memberships, organisations } from "../src/server/modules/organisations/organisations.tables";
import type { Database } from "../src/server/platform/db/client";

export interface SeedResult {
  slug: string;
  email: string;
  password: string;
  caregiverCount: number;
  rows: number;
  seconds: number;
}

export const SEED = {
  slug: "kreis-beckum-ktp",
  email: "koordination@bench.example.org",
  password: "bench-passwort-nicht-geheim",
  caregivers: 2_000,
} as const;

// PostgreSQL allows 65,535 parameters per statement; 500 caregivers × ~25 columns stays well below.
const CHUNK = 500;

/** Small deterministic PRNG (mulberry32): every run seeds the same people, so runs compare. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// biome-ignore format: word lists read better packed than one per line
const FIRST_NAMES = [
  "Anna", "Birgit", "Claudia", "Daniela", "Elif", "Franziska", "Gabriele", "Hannelore", "Ilka", "Jasmin",
  "Katharina", "Larissa", "Marlene", "Nadine", "Olga", "Petra", "Rebecca", "Sabine", "Tanja", "Ursula",
  "Vanessa", "Wiebke", "Yvonne", "Zeynep", "Michael", "Thomas", "Jan-Hendrik", "Anne-Kathrin",
];

// biome-ignore format: word lists read better packed than one per line
const LAST_NAMES = [
  "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
  "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
  "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann",
  "Yılmaz", "Kaya", "Nowak", "Kowalski", "Brinkmann-Overhage", "Westermann", "Hölscher", "Tiemann",
];

const TOWNS = [
  { postalCode: "59269", town: "Beckum", lat: 51.755, lon: 8.041 },
  { postalCode: "59302", town: "Oelde", lat: 51.825, lon: 8.146 },
  { postalCode: "59320", town: "Ennigerloh", lat: 51.838, lon: 8.031 },
  { postalCode: "59329", town: "Wadersloh", lat: 51.734, lon: 8.249 },
  { postalCode: "59227", town: "Ahlen", lat: 51.763, lon: 7.892 },
  { postalCode: "48231", town: "Warendorf", lat: 51.953, lon: 7.994 },
];

// biome-ignore format: word lists read better packed than one per line
const STREETS = [
  "Hauptstraße", "Kirchplatz", "Lindenweg", "Am Mühlenbach", "Oelder Straße", "Schützenstraße",
  "Vellerner Straße", "Elisabethstraße", "Zur Windmühle", "Dr.-Rau-Allee",
];

const GROUP_NAMES = ["Die kleinen Strolche", "Zwergenstube", "Kleine Füße", "Sonnenkinder", "Rappelkiste"];

// The profile texts the office shows in placement talks; a few hundred characters is what people write.
const PEDAGOGY = [
  "Ich arbeite nach dem situationsorientierten Ansatz und richte den Tag nach den Bedürfnissen der Kinder.",
  "Feste Rituale wie Morgenkreis, gemeinsames Frühstück und Mittagsschlaf geben Sicherheit.",
  "Wir sind bei jedem Wetter draußen: im Garten, auf dem Spielplatz und im nahen Wald.",
  "Sprachförderung geschieht im Alltag durch Lieder, Fingerspiele und Bilderbücher.",
  "Die Eingewöhnung erfolgt nach dem Berliner Modell und dauert in der Regel zwei bis drei Wochen.",
  "Ein enger Austausch mit den Eltern ist mir wichtig; ein Tagebuch hält fest, was wir erlebt haben.",
];

const MEALS =
  "Frisch gekochtes Mittagessen mit regionalem Gemüse, wenig Zucker; vegetarisch oder ohne Schweinefleisch " +
  "auf Wunsch, Allergien werden berücksichtigt.";

const LICENCE_CONDITIONS =
  "Betreuung nur in den angemieteten Räumen; höchstens drei Kinder unter einem Jahr gleichzeitig.";

function asciiName(text: string): string {
  return text
    .toLowerCase()
    .replaceAll("ä", "ae")
    .replaceAll("ö", "oe")
    .replaceAll("ü", "ue")
    .replaceAll("ß", "ss")
    .replaceAll("ı", "i")
    .replaceAll(/[^a-z-]/g, "");
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function pick<T>(random: () => number, list: readonly T[]): T {
  const item = list[Math.floor(random() * list.length)];
  if (item === undefined) throw new Error("empty list");
  return item;
}

async function insertChunked<T>(values: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < values.length; i += CHUNK) await insert(values.slice(i, i + CHUNK));
}

/** Inserts the office, its coordinator and the registry; returns how to sign in. */
export async function seedOffice(db: Database, today: Date): Promise<SeedResult> {
  const started = performance.now();
  const random = prng(20_260_302);
  const preset = findPreset("NRW");
  if (!preset) throw new Error("NRW preset missing");
  // Hashed the way sign-up does it, so that sign-in takes the real path (Argon2id verify).
  const passwordHash = await hashPassword(SEED.password);

  const organisationId = randomUUID();
  const userId = randomUUID();
  const people: (typeof caregivers.$inferInsert)[] = [];
  const licences: (typeof careLicences.$inferInsert)[] = [];
  const quals: (typeof qualifications.$inferInsert)[] = [];
  const profiles: (typeof capacityProfiles.$inferInsert)[] = [];

  for (let i = 0; i < SEED.caregivers; i++) {
    const id = randomUUID();
    const firstName = pick(random, FIRST_NAMES);
    const lastName = pick(random, LAST_NAMES);
    const place = pick(random, TOWNS);
    const roll = random();
    const hasPets = random() < 0.3;
    people.push({
      id,
      organisationId,
      firstName,
      lastName,
      email: `${asciiName(firstName)}.${asciiName(lastName)}.${i}@beispiel-mail.de`,
      phone: `0${2520 + Math.floor(random() * 9)} ${100_000 + Math.floor(random() * 899_999)}`,
      street: `${pick(random, STREETS)} ${1 + Math.floor(random() * 120)}`,
      postalCode: place.postalCode,
      town: place.town,
      lat: place.lat + (random() - 0.5) * 0.04,
      lon: place.lon + (random() - 0.5) * 0.06,
      locationPrecision: "postalCode",
      employment: roll < 0.85 ? "selfEmployed" : "employed",
      languages:
        random() < 0.25 ? ["Deutsch", pick(random, ["Englisch", "Türkisch", "Polnisch"])] : ["Deutsch"],
      hasPets,
      petsNote: hasPets ? "Eine ruhige Katze, die keinen Zutritt zu den Spiel- und Schlafräumen hat." : "",
      meals: MEALS,
      pedagogy: PEDAGOGY.filter(() => random() < 0.7).join(" "),
      hasInclusionExperience: random() < 0.2,
      ageMinMonths: pick(random, [0, 4, 12]),
      ageMaxMonths: pick(random, [36, 48, 72]),
      careGroupName: random() < 0.4 ? pick(random, GROUP_NAMES) : null,
      hasPhotoConsent: random() < 0.6,
      status: roll < 0.9 ? "active" : roll < 0.97 ? "paused" : "left",
    });

    // Licences run five years; spreading the start over six years gives expired, due-soon and fine ones.
    const validFrom = addDays(today, -Math.floor(random() * 6 * 365));
    licences.push({
      organisationId,
      caregiverId: id,
      number: `PE-${validFrom.getUTCFullYear()}-${String(i + 1).padStart(4, "0")}`,
      issuer:
        place.town === "Warendorf" ? "Kreis Warendorf – Jugendamt" : `Jugendamt der Stadt ${place.town}`,
      validFrom: isoDate(validFrom),
      validTo: isoDate(addDays(validFrom, 5 * 365)),
      maxChildren: random() < 0.8 ? 5 : 4,
      conditions: random() < 0.2 ? LICENCE_CONDITIONS : "",
    });

    quals.push({
      organisationId,
      caregiverId: id,
      kind: "firstAid",
      title: "Erste Hilfe am Kind (9 Unterrichtseinheiten)",
      completedOn: isoDate(addDays(today, -Math.floor(random() * 3 * 365))),
      note: "",
    });
    const second = pick(random, ["qhbPhase1", "infectionProtection", "criminalRecordCheck"] as const);
    quals.push({
      organisationId,
      caregiverId: id,
      kind: second,
      title: second === "qhbPhase1" ? "QHB Grundqualifizierung (160 UE), Familienbildungsstätte" : "",
      completedOn: isoDate(addDays(today, -Math.floor(random() * 6 * 365))),
      hasRelevantEntry: second === "criminalRecordCheck" ? false : null,
      note: random() < 0.1 ? "Nachweis liegt in Papierform in der Akte." : "",
    });

    const slots: CapacitySlot[] = [0, 1, 2, 3, 4].map((weekday) => ({
      weekday: weekday as CapacitySlot["weekday"],
      start: 7 * 60 + 30,
      end: weekday === 4 ? 13 * 60 : 16 * 60,
      places: 5,
    }));
    profiles.push({ organisationId, caregiverId: id, effectiveFrom: isoDate(validFrom), slots });
  }

  await db.transaction(async (tx) => {
    await tx.insert(organisations).values({
      id: organisationId,
      slug: SEED.slug,
      kind: "coordinationOffice",
      name: "Fachberatung Kindertagespflege Kreis Beckum",
      description:
        "Wir beraten Eltern bei der Suche nach einer Tagespflegeperson, begleiten Tagespflegepersonen " +
        "fachlich und vermitteln Betreuungsplätze für Kinder unter drei Jahren.",
      street: "Weststraße 46",
      postalCode: "59269",
      town: "Beckum",
      email: "kindertagespflege@bench.example.org",
      phone: "02521 29-0",
      website: "https://bench.example.org",
      statePreset: preset,
    });
    await tx.insert(users).values({ id: userId, email: SEED.email, name: "Kora Koordination", passwordHash });
    await tx.insert(memberships).values({ organisationId, userId, roles: ["coordinator"] });
    await insertChunked(people, (chunk) => tx.insert(caregivers).values(chunk));
    await insertChunked(licences, (chunk) => tx.insert(careLicences).values(chunk));
    await insertChunked(quals, (chunk) => tx.insert(qualifications).values(chunk));
    await insertChunked(profiles, (chunk) => tx.insert(capacityProfiles).values(chunk));
  });
  // A live database has statistics from autovacuum; a freshly filled one does not, and bad plans from
  // missing statistics would be a benchmark artefact.
  await db.execute(sql`analyze`);

  return {
    slug: SEED.slug,
    email: SEED.email,
    password: SEED.password,
    caregiverCount: people.length,
    rows: 3 + people.length + licences.length + quals.length + profiles.length,
    seconds: (performance.now() - started) / 1000,
  };
}
