import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { validateProfile } from "../../src/core/caregivers/capacity";
import { computeDeadlines, type QualificationKind } from "../../src/core/caregivers/deadlines";
import { haversineKm } from "../../src/core/geo/geo";
import { findPreset } from "../../src/core/organisations/presets";
import { addDays, daysBetween, todayIso, weekdayIndex } from "../../src/core/shared/dates";
import { knownPersons, modelReport, substitutionModel } from "../../src/core/substitution";
import {
  capacityProfiles,
  caregivers,
  careLicences,
  mapEntries,
  qualifications,
} from "../../src/server/modules/caregivers/caregivers.tables";
import { users } from "../../src/server/modules/identity/identity.tables";
import { memberships, organisations } from "../../src/server/modules/organisations/organisations.tables";
import { careContracts, placementRequests } from "../../src/server/modules/placement/placement.tables";
import {
  substitutionAbsences,
  substitutionArrangements,
  substitutionCovers,
  substitutionKitas,
  substitutionPlayGroupChildren,
  substitutionPlayGroups,
  substitutionSubstitutes,
} from "../../src/server/modules/substitution/substitution.tables";
import { findPostalCode } from "../../src/server/platform/geo/postal-codes";
import { describeApi } from "../../test/support/test-app";
import { buildAssociationMembers, memberMapPoint } from "./association";
import { buildOfficeCaregivers, CARE_GROUP_NAME, DEMO_CAREGIVER_EMAIL } from "./caregivers";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "./demo";
import { SUBSTITUTE_COUNT, SUBSTITUTE_EMAIL } from "./substitution";

const hhmm = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));

const nrwRules = () => {
  const preset = findPreset("NRW");
  if (!preset) throw new Error("NRW preset missing");
  return preset.rules;
};

describeApi("demo seed", (t) => {
  let officeId = "";
  let associationId = "";
  let today = "";

  beforeAll(async () => {
    const started = performance.now();
    expect(await seedDemoIfEmpty(t.app.platform)).not.toBeNull();
    console.info(`demo seed on ${t.kind}: ${Math.round(performance.now() - started)} ms`);
    const orgs = await t.app.platform.db.select().from(organisations);
    officeId = orgs.find((org) => org.slug === "beckum")?.id ?? "";
    associationId = orgs.find((org) => org.slug === "verein-segeberg")?.id ?? "";
    today = todayIso(t.app.platform.now());
  }, 60_000);

  it("does not seed a database twice", async () => {
    expect(await seedDemoIfEmpty(t.app.platform)).toBeNull();
    const [row] = await t.app.platform.db.select({ n: sql<number>`count(*)::int` }).from(caregivers);
    expect(row?.n).toBe(47 + SUBSTITUTE_COUNT);
  });

  it("gives the Beckum office 47 varied day-care persons in towns the postal-code table knows", async () => {
    const substitutes = new Set(
      (await t.app.platform.db.select().from(substitutionSubstitutes)).map((row) => row.caregiverId),
    );
    const rows = (
      await t.app.platform.db.select().from(caregivers).where(eq(caregivers.organisationId, officeId))
    ).filter((row) => !substitutes.has(row.id));
    expect(rows).toHaveLength(47);
    expect(new Set(rows.map((row) => row.town)).size).toBeGreaterThanOrEqual(6);
    expect(rows.filter((row) => row.employment === "employed")).toHaveLength(6);
    expect(rows.filter((row) => row.hasInclusionExperience).length).toBeGreaterThanOrEqual(4);
    expect(rows.filter((row) => row.ageMaxMonths === 72).length).toBeGreaterThanOrEqual(2);
    expect(rows.filter((row) => row.languages.length > 1).length).toBeGreaterThanOrEqual(15);
    for (const row of rows) {
      const centre = findPostalCode(row.postalCode);
      expect(centre, row.postalCode).not.toBeNull();
      if (!centre || row.lat === null || row.lon === null) continue;
      expect(haversineKm(centre, { lat: row.lat, lon: row.lon })).toBeLessThan(1.5);
    }
  });

  it("keeps every capacity profile within the licence, the Großtagespflege within 9 children", async () => {
    const db = t.app.platform.db;
    const licences = await db.select().from(careLicences).where(eq(careLicences.organisationId, officeId));
    const profiles = await db
      .select()
      .from(capacityProfiles)
      .where(eq(capacityProfiles.organisationId, officeId));
    for (const profile of profiles) {
      const latest = licences
        .filter((licence) => licence.caregiverId === profile.caregiverId)
        .sort((a, b) => b.validTo.localeCompare(a.validTo))[0];
      expect(validateProfile(profile.slots, latest?.maxChildren ?? 0)).toEqual([]);
    }
    expect(profiles.filter((profile) => profile.effectiveFrom > today).length).toBeGreaterThanOrEqual(1);

    const group = await db.select().from(caregivers).where(eq(caregivers.careGroupName, CARE_GROUP_NAME));
    expect(group).toHaveLength(3);
    const groupIds = new Set(group.map((row) => row.id));
    const groupSlots = profiles
      .filter((profile) => groupIds.has(profile.caregiverId))
      .flatMap((p) => p.slots);
    for (const slot of groupSlots) {
      const together = groupSlots
        .filter((other) => other.weekday === slot.weekday && other.start < slot.end && slot.start < other.end)
        .reduce((sum, other) => sum + other.places, 0);
      expect(together).toBeLessThanOrEqual(nrwRules().maxChildrenAtOnceCareGroup);
    }
  });

  it("has overdue and due-soon deadlines whatever day the demo starts", async () => {
    const db = t.app.platform.db;
    const rows = await db.select().from(caregivers).where(eq(caregivers.organisationId, officeId));
    const licences = await db.select().from(careLicences).where(eq(careLicences.organisationId, officeId));
    const records = await db.select().from(qualifications).where(eq(qualifications.organisationId, officeId));
    const states = rows.map((row) => {
      const licence = licences
        .filter((l) => l.caregiverId === row.id)
        .sort((a, b) => b.validTo.localeCompare(a.validTo))[0];
      const own = records
        .filter((record) => record.caregiverId === row.id)
        .map((record) => ({
          kind: record.kind as QualificationKind,
          completedOn: record.completedOn,
          hasRelevantEntry: record.hasRelevantEntry ?? false,
        }));
      expect(own.filter((record) => record.kind === "qhbPhase1")).toHaveLength(1);
      expect(own.some((record) => record.hasRelevantEntry)).toBe(false);
      const deadlines = computeDeadlines(
        { licence: licence ?? null, qualifications: own },
        nrwRules(),
        today,
      );
      return Object.fromEntries(deadlines.map((deadline) => [deadline.kind, deadline.state]));
    });
    const expiredOrFirstAidOverdue = states.filter(
      (state) => state.licenceExpiry === "overdue" || state.firstAid === "overdue",
    );
    expect(expiredOrFirstAidOverdue.length).toBeGreaterThanOrEqual(3);
    const expired = states.filter((state) => state.licenceExpiry === "overdue").length;
    expect(expired).toBeGreaterThanOrEqual(2);
    expect(expired).toBeLessThanOrEqual(3);
    expect(states.filter((state) => state.licenceExpiry === "dueSoon").length).toBeGreaterThanOrEqual(4);
    expect(states.filter((state) => state.firstAid === "dueSoon").length).toBeGreaterThanOrEqual(3);
    expect(states.filter((state) => state.infectionProtection === "overdue").length).toBeGreaterThanOrEqual(
      2,
    );
    const withPhase2 = records.filter((record) => record.kind === "qhbPhase2").length;
    expect(withPhase2).toBeGreaterThan(rows.length / 2);
  });

  it("links Anna Albers' row to her account, with a licence ending in about 60 days", async () => {
    const db = t.app.platform.db;
    const [anna] = await db.select().from(users).where(sql`lower(${users.email}) = ${DEMO_CAREGIVER_EMAIL}`);
    expect(anna?.name).toBe("Anna Albers");
    const linked = await db
      .select()
      .from(caregivers)
      .where(eq(caregivers.userId, anna?.id ?? ""));
    expect(linked).toHaveLength(1);
    expect(linked[0]).toMatchObject({ firstName: "Anna", lastName: "Albers", organisationId: officeId });
    const [licence] = await db
      .select()
      .from(careLicences)
      .where(eq(careLicences.caregiverId, linked[0]?.id ?? ""))
      .orderBy(sql`${careLicences.validTo} desc`);
    expect(daysBetween(today, licence?.validTo ?? today)).toBe(60);
  });

  it("gives the Segeberg association its members, half of them on the map at a fuzzed point", async () => {
    const db = t.app.platform.db;
    const members = await db.select().from(memberships).where(eq(memberships.organisationId, associationId));
    const active = members.filter((m) => m.status === "active" && m.roles.includes("member"));
    expect(active.length).toBeGreaterThanOrEqual(35);
    expect(members.filter((m) => m.roles.includes("board")).length).toBeGreaterThanOrEqual(2);

    const entries = await db.select().from(mapEntries).where(eq(mapEntries.organisationId, associationId));
    expect(entries.length).toBeGreaterThanOrEqual(15);
    const memberIds = new Set(active.map((m) => m.userId));
    for (const entry of entries) {
      expect(memberIds.has(entry.userId)).toBe(true);
      const centre = findPostalCode(entry.postalCode);
      expect(centre?.district, entry.postalCode).toBe("Kreis Segeberg");
      if (!centre) continue;
      const km = haversineKm(centre, entry);
      expect(km).toBeGreaterThanOrEqual(0.3 - 1e-9);
      expect(km).toBeLessThanOrEqual(0.9 + 1e-9);
      const expected = memberMapPoint(t.app.platform.env.SECRET_KEY, associationId, entry.userId, centre);
      expect({ lat: entry.lat, lon: entry.lon }).toEqual(expected);
    }

    const [maren] = await db.select().from(users).where(eq(users.email, "mitglied@demo.ktp-netz.de"));
    expect(entries.some((entry) => entry.userId === maren?.id)).toBe(false);
  });

  it("gives the office employed substitutes, arrangements of every model and a year of covers within the licences", async () => {
    const db = t.app.platform.db;
    const substitutes = await db.select().from(substitutionSubstitutes);
    expect(substitutes).toHaveLength(SUBSTITUTE_COUNT);
    const [vera] = await db.select().from(users).where(eq(users.email, SUBSTITUTE_EMAIL));
    const [veraRow] = await db
      .select()
      .from(caregivers)
      .where(eq(caregivers.userId, vera?.id ?? ""));
    expect(veraRow).toMatchObject({ firstName: "Vera", lastName: "Vogt", organisationId: officeId });
    expect(substitutes.some((row) => row.caregiverId === veraRow?.id)).toBe(true);

    // Anna's children have families with an account and a home, and know Vera from her play group.
    const [annaUser] = await db.select().from(users).where(eq(users.email, DEMO_CAREGIVER_EMAIL));
    const [anna] = await db
      .select()
      .from(caregivers)
      .where(eq(caregivers.userId, annaUser?.id ?? ""));
    const annasContracts = await db
      .select()
      .from(careContracts)
      .where(eq(careContracts.caregiverId, anna?.id ?? ""));
    expect(annasContracts).toHaveLength(2);
    for (const contract of annasContracts) {
      const [request] = await db
        .select()
        .from(placementRequests)
        .where(eq(placementRequests.id, contract.requestId ?? ""));
      expect(request).toMatchObject({ status: "placed", childFirstName: contract.childFirstName });
      expect(request?.parentUserId).not.toBeNull();
      expect(request?.lat).not.toBeNull();
      expect(request?.email).toMatch(/@eltern\.example$/);
    }
    const arrangements = await db.select().from(substitutionArrangements);
    expect(arrangements.find((a) => a.caregiverId === anna?.id)?.substituteIds).toEqual([veraRow?.id]);
    const groups = await db.select().from(substitutionPlayGroups);
    const attended = await db.select().from(substitutionPlayGroupChildren);
    const known = knownPersons(
      groups.map((group) => ({
        hostCaregiverId: group.hostCaregiverId,
        on: group.on,
        contractIds: attended.filter((a) => a.playGroupId === group.id).map((a) => a.contractId),
      })),
      3,
      today,
    );
    for (const contract of annasContracts) expect(known.get(contract.id)).toContain(veraRow?.id);

    const models = arrangements.map((a) => substitutionModel(a));
    expect(models.filter((m) => m === "tandem")).toHaveLength(4);
    for (const a of arrangements.filter((row) => row.tandemPartnerIds.length > 0)) {
      const partner = arrangements.find((row) => row.caregiverId === a.tandemPartnerIds[0]);
      expect(partner?.tandemPartnerIds).toEqual([a.caregiverId]);
    }
    expect(models).toContain("kita");
    expect(await db.select().from(substitutionKitas)).toHaveLength(1);

    // Every confirmed cover keeps the covering person within her licence at every minute of the day.
    const absences = await db.select().from(substitutionAbsences);
    expect(absences.every((a) => a.endsOn < today)).toBe(true);
    const covers = await db.select().from(substitutionCovers);
    const confirmed = covers.filter((c) => c.status === "confirmed");
    expect(confirmed.length).toBeGreaterThan(100);
    const licences = await db.select().from(careLicences);
    const contracts = await db.select().from(careContracts);
    const byPersonDay = new Map<string, [number, number][][]>();
    for (const cover of confirmed.filter((c) => c.coverCaregiverId !== null)) {
      const key = `${cover.coverCaregiverId}|${cover.day}`;
      byPersonDay.set(key, [...(byPersonDay.get(key) ?? []), cover.ranges]);
    }
    for (const [key, added] of byPersonDay) {
      const [personId, day] = key.split("|") as [string, string];
      const limit = Math.max(
        0,
        ...licences
          .filter((l) => l.caregiverId === personId && l.validFrom <= day && day <= l.validTo)
          .map((l) => l.maxChildren),
      );
      const minutes = new Array<number>(1440).fill(0);
      const weekday = weekdayIndex(day) + 1;
      for (const contract of contracts.filter(
        (c) => c.caregiverId === personId && c.start <= day && (c.end === null || day <= c.end),
      )) {
        for (const time of contract.careTimes.filter((time) => time.day === weekday)) {
          for (let m = hhmm(time.from); m < hhmm(time.to); m++) minutes[m] = (minutes[m] ?? 0) + 1;
        }
      }
      for (const ranges of added)
        for (const [from, to] of ranges) for (let m = from; m < to; m++) minutes[m] = (minutes[m] ?? 0) + 1;
      expect(Math.max(...minutes), key).toBeLessThanOrEqual(limit);
    }

    // The model report has figures for every model the office tries.
    const caregiverModels = new Map(arrangements.map((a) => [a.caregiverId, substitutionModel(a)]));
    const rows = modelReport({
      from: addDays(today, -365),
      to: today,
      caregivers: (await db.select().from(caregivers).where(eq(caregivers.organisationId, officeId))).map(
        (c) => ({
          id: c.id,
          model: caregiverModels.get(c.id) ?? "none",
        }),
      ),
      absences: absences.map((a) => ({ ...a })),
      covers: covers.map((c) => ({ ...c, kind: c.coverKind })),
    });
    for (const row of rows.filter((r) => r.model !== "kita")) {
      expect(row.absenceDays, row.model).toBeGreaterThan(0);
      expect(row.covered, row.model).toBeGreaterThan(0);
    }
    const tandem = rows.find((r) => r.model === "tandem");
    expect(tandem?.byKind.tandem).toBeGreaterThan(10);
    const employed = rows.find((r) => r.model === "employedSubstitute");
    expect(employed?.coveredByKnown).toBeGreaterThan(0);
    expect(rows.reduce((sum, r) => sum + r.parentsConfirmed, 0)).toBeGreaterThan(0);
  });

  it("lets a seeded member sign in with the demo password", async () => {
    const client = await t.signIn("frauke.petersen@mitglied.example", DEMO_PASSWORD);
    expect((await client.get("/api/auth/session")).status).toBe(200);
  });
});

describe("demo seed data", () => {
  const build = (today: string) =>
    buildOfficeCaregivers({ organisationId: "office", today, rules: nrwRules(), demoUserId: "anna" });

  it("is the same on every start of the same day", () => {
    expect(build("2026-03-02")).toEqual(build("2026-03-02"));
    const members = (today: string) =>
      buildAssociationMembers({
        organisationId: "verein",
        today,
        passwordHash: "x",
        secretKey: "s".repeat(32),
      });
    expect(members("2026-03-02")).toEqual(members("2026-03-02"));
  });

  it("keeps the same people, homes and weekly hours when the demo starts on another day", () => {
    const shape = (today: string) =>
      build(today).caregivers.map(({ id, firstName, lastName, street, town, languages, pedagogy }) => ({
        id,
        firstName,
        lastName,
        street,
        town,
        languages,
        pedagogy,
      }));
    for (const days of [1, 59, 366, 1461])
      expect(shape(addDays("2026-03-02", days))).toEqual(shape("2026-03-02"));
  });
});
