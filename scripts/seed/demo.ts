import { count } from "drizzle-orm";
import type { Role } from "../../src/contracts/roles";
import { findPreset } from "../../src/core/organisations/presets";
import { todayIso } from "../../src/core/shared/dates";
import { insertUser, updateUser } from "../../src/server/modules/identity/identity.repository";
import { hashPassword } from "../../src/server/modules/identity/identity.service";
import {
  insertOrganisation,
  upsertMembership,
} from "../../src/server/modules/organisations/organisations.repository";
import { organisations } from "../../src/server/modules/organisations/organisations.tables";
import type { Executor } from "../../src/server/platform/db/client";
import type { Platform } from "../../src/server/platform/types";
import { seedAssociationMembers } from "./association";
import { seedOfficeCaregivers } from "./caregivers";
import { seedEvents } from "./events";
import { seedMembership } from "./membership";
import { seedPlacementRequests } from "./placement";
import { seedSite } from "./site";
import { seedCareNotes, seedSubstitution } from "./substitution";
import { seedSurveys } from "./surveys";
import { seedTraining } from "./training";

export const DEMO_PASSWORD = "demo-passwort-2026";

export interface DemoLogin {
  role: string;
  email: string;
}

/**
 * Creates the demo on an empty database: a coordination office modelled on the Beckum text and an
 * association modelled on the Segeberg text. All names are invented.
 */
export async function seedDemoIfEmpty(
  platform: Platform,
): Promise<{ password: string; logins: DemoLogin[] } | null> {
  const [row] = await platform.db.select({ n: count() }).from(organisations);
  if ((row?.n ?? 0) > 0) return null;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const logins: DemoLogin[] = [];
  await platform.db.transaction(async (tx) => {
    const nrw = findPreset("NRW");
    const sh = findPreset("SH");
    if (!nrw || !sh) throw new Error("state presets missing");
    const office = await insertOrganisation(tx, {
      slug: "beckum",
      kind: "coordinationOffice",
      name: "Koordinierungsstelle Kindertagespflege Beckum (Demo)",
      description:
        "Beratung, Vermittlung und Begleitung von Eltern und Kindertagespflegepersonen, Qualifizierung nach dem QHB, Vertretungsmodelle und Vernetzung. Eine Demo-Organisation mit erfundenen Daten.",
      street: "Wilhelmstraße 41",
      postalCode: "59269",
      town: "Beckum",
      email: "kindertagespflege@beckum.example",
      phone: "02521 000000",
      statePreset: nrw,
    });
    const association = await insertOrganisation(tx, {
      slug: "verein-segeberg",
      kind: "association",
      name: "Kindertagespflege Kreis Segeberg e.V. (Demo)",
      description:
        "Der Verein ist das Sprachrohr der Kindertagespflegepersonen im Kreis Segeberg: Stammtische mit öffentlichen Terminen, Fortbildungen, Öffentlichkeitsarbeit. Auf der Karte tragen sich Mitglieder freiwillig ein – freie Plätze vermitteln wir nicht. Eine Demo-Organisation mit erfundenen Daten.",
      postalCode: "23795",
      town: "Bad Segeberg",
      email: "vorstand@verein-segeberg.example",
      statePreset: sh,
    });
    const youthOffice = await insertOrganisation(tx, {
      slug: "jugendamt-beckum",
      kind: "youthOffice",
      name: "Jugendamt Stadt Beckum (Demo)",
      description: "Fachdienst Kinder-, Jugend- und Familienförderung. Demo-Organisation.",
      street: "Weststraße 46",
      postalCode: "59269",
      town: "Beckum",
      statePreset: nrw,
    });

    const person = async (email: string, name: string, memberships: [string, Role[]][], label: string) => {
      const user = await insertUser(tx, { email, name, passwordHash });
      for (const [organisationId, roles] of memberships)
        await upsertMembership(tx, organisationId, user.id, roles);
      logins.push({ role: label, email });
      return user;
    };
    const admin = await person(
      "admin@demo.ktp-netz.de",
      "Petra Plattform",
      [[office.id, ["admin"]]],
      "Plattform-Admin / Admin Beckum",
    );
    await updateUser(tx, admin.id, { isPlatformAdmin: true });
    await person(
      "fachberatung@demo.ktp-netz.de",
      "Birgit Brandt",
      [[office.id, ["coordinator"]]],
      "Fachberatung Beckum",
    );
    await person(
      "tagesmutter@demo.ktp-netz.de",
      "Anna Albers",
      [
        [office.id, ["caregiver"]],
        [association.id, ["member"]],
      ],
      "Tagesmutter (Beckum + Verein)",
    );
    await person(
      "vertretung@demo.ktp-netz.de",
      "Vera Vogt",
      [[office.id, ["substitute"]]],
      "Vertretungskraft Beckum",
    );
    const parent = await person(
      "eltern@demo.ktp-netz.de",
      "Emre Ersoy",
      [[office.id, ["parent"]]],
      "Elternteil Beckum",
    );
    await person(
      "jugendamt@demo.ktp-netz.de",
      "Jonas Jansen",
      [
        [youthOffice.id, ["youthOffice", "admin"]],
        [office.id, ["youthOffice"]],
      ],
      "Jugendamt",
    );
    await person(
      "vorstand@demo.ktp-netz.de",
      "Sabine Sommer",
      [[association.id, ["board", "admin", "member"]]],
      "Vorstand Verein Segeberg",
    );
    await person(
      "mitglied@demo.ktp-netz.de",
      "Maren Möller",
      [[association.id, ["member", "caregiver"]]],
      "Mitglied Verein Segeberg",
    );
    await seedExtensions(tx, platform, {
      office: office.id,
      association: association.id,
      passwordHash,
      demoParent: { id: parent.id, name: parent.name, email: parent.email },
    });
  });
  return { password: DEMO_PASSWORD, logins };
}

/**
 * Further demo data of the modules: the office's day-care persons and requests for places, the association's
 * members and map.
 */
async function seedExtensions(
  tx: Executor,
  platform: Platform,
  ids: {
    office: string;
    association: string;
    passwordHash: string;
    demoParent: { id: string; name: string; email: string };
  },
): Promise<void> {
  // Deadlines are counted from the German calendar day, so the seed has to count from it too.
  const today = todayIso(platform.now());
  const nrw = findPreset("NRW");
  if (!nrw) throw new Error("state presets missing");
  await seedOfficeCaregivers(tx, { organisationId: ids.office, today, rules: nrw.rules });
  await seedPlacementRequests(tx, {
    organisationId: ids.office,
    now: platform.now(),
    today,
    passwordHash: ids.passwordHash,
    demoParent: ids.demoParent,
    encrypt: (plain) => platform.cipher.encrypt(plain),
  });
  await seedAssociationMembers(tx, {
    organisationId: ids.association,
    today,
    passwordHash: ids.passwordHash,
    secretKey: platform.env.SECRET_KEY,
  });
  await seedTraining(tx, { officeId: ids.office, associationId: ids.association, now: platform.now() });
  await seedEvents(tx, { officeId: ids.office, associationId: ids.association, now: platform.now() });
  await seedMembership(tx, { associationId: ids.association, now: platform.now(), today });
  await seedSite(tx, { officeId: ids.office, associationId: ids.association, now: platform.now() });
  await seedSurveys(tx, { officeId: ids.office, today, now: platform.now() });
  await seedSubstitution(tx, { officeId: ids.office, today });
  await seedCareNotes(tx, {
    officeId: ids.office,
    now: platform.now(),
    encrypt: (plain) => platform.cipher.encrypt(plain),
  });
}
