import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi, type TestContext } from "../../../../test/support/test-app";
import { addDays } from "../../../core/shared/dates";
import { auditEvents } from "../../platform/audit/audit.tables";
import { runJobOnce } from "../../platform/jobs/scheduler";
import { deadlineReminderJob } from "./caregivers.jobs";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

function person(overrides: Record<string, unknown> = {}) {
  return {
    firstName: "Anna",
    lastName: "Albers",
    email: null,
    phone: "02521 12345",
    street: "Lindenweg 3",
    postalCode: "59269",
    town: "Beckum",
    employment: "selfEmployed",
    languages: ["Deutsch", "Türkisch"],
    hasPets: false,
    petsNote: "",
    meals: "Frisch gekocht",
    pedagogy: "Situationsansatz",
    hasInclusionExperience: false,
    ageMinMonths: 6,
    ageMaxMonths: 36,
    careGroupName: null,
    hasPhotoConsent: false,
    status: "active",
    ...overrides,
  };
}

const licence = (overrides: Record<string, unknown> = {}) => ({
  number: "PE-2025-017",
  issuer: "Jugendamt Beckum",
  validFrom: "2025-01-01",
  validTo: "2029-12-31",
  conditions: "",
  ...overrides,
});

// Monday to Friday 07:30–13:00, four places; Monday afternoon two places.
const capacity = {
  effectiveFrom: "2026-01-01",
  slots: [
    ...[0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: 450, end: 780, places: 4 })),
    { weekday: 0, start: 780, end: 960, places: 2 },
  ],
};

async function auditActions(t: TestContext, entityId: string): Promise<string[]> {
  const rows = await t.app.platform.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId));
  return rows.map((r) => r.action);
}

describeApi(
  "caregivers",
  (t) => {
    async function office() {
      const org = await t.createOrganisation();
      const coordinator = await t.member(org, ["coordinator"]);
      return { org, coordinator, base: `/api/orgs/${org.slug}` };
    }

    it("registers a day-care person with licence and first capacity profile in one step", async () => {
      const { base, coordinator } = await office();
      const created = await coordinator.post(`${base}/caregivers`, {
        caregiver: person(),
        licence: licence(),
        capacity,
      });
      expect(created.status).toBe(201);
      const detail = created.body;
      expect(detail).toMatchObject({
        firstName: "Anna",
        town: "Beckum",
        locationPrecision: "postalCode",
        hasAccount: false,
      });
      expect(detail.lat).toBeCloseTo(51.75, 0);
      // The organisation's rule (5 children at once) fills in the licence limit left out.
      expect(detail.licences).toMatchObject([{ number: "PE-2025-017", maxChildren: 5 }]);
      expect(detail.capacityProfiles).toHaveLength(1);
      expect(detail.capacityProfiles[0].slots).toHaveLength(6);
      expect(detail.week).toContainEqual({
        weekday: 0,
        start: 450,
        end: 780,
        places: 4,
        present: 0,
        free: 4,
      });
      expect(detail.deadlines.map((d: { kind: string }) => d.kind)).toEqual([
        "licenceExpiry",
        "qhbPhase2",
        "firstAid",
        "infectionProtection",
        "criminalRecordCheck",
      ]);
      expect(detail.deadlines[0]).toMatchObject({ dueOn: "2029-12-31", state: "ok" });
      // The page counts days left from the server's calendar day, not from the phone's clock.
      expect(detail.today).toBe("2026-03-02");

      const read = await coordinator.get(`${base}/caregivers/${detail.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(detail);

      const list = await coordinator.get(`${base}/caregivers?q=albers`);
      expect(list.body.total).toBe(1);
      expect(list.body.items[0]).toMatchObject({
        id: detail.id,
        licenceValidTo: "2029-12-31",
        maxChildren: 5,
        worstDeadlineState: "missing",
      });
      expect(await auditActions(t, detail.id)).toContain("caregivers.created");
    });

    it("reports validation problems at their fields, in German", async () => {
      const { base, coordinator } = await office();
      const bad = await coordinator.post(`${base}/caregivers`, {
        caregiver: person({ postalCode: "123", firstName: " " }),
        licence: licence({ validFrom: "2026-05-01", validTo: "2026-01-01" }),
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe("Bitte prüfen Sie die markierten Angaben.");
      const fields = Object.fromEntries(
        bad.body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
      );
      expect(fields).toMatchObject({
        "caregiver.postalCode": "Bitte eine fünfstellige Postleitzahl eingeben.",
        "caregiver.firstName": "Bitte ausfüllen.",
        "licence.validTo": "Das Ende muss nach dem Beginn liegen.",
      });

      // Problems only the service can see: an unknown postal code and places beyond the licence.
      const overbooked = await coordinator.post(`${base}/caregivers`, {
        caregiver: person({ postalCode: "00000" }),
        licence: licence({ maxChildren: 4 }),
        capacity: {
          effectiveFrom: "2026-01-01",
          slots: [
            { weekday: 0, start: 480, end: 720, places: 5 },
            { weekday: 0, start: 700, end: 800, places: 2 },
          ],
        },
      });
      expect(overbooked.status).toBe(400);
      expect(overbooked.body.error.fields).toEqual(
        expect.arrayContaining([
          { path: "caregiver.postalCode", message: "Diese Postleitzahl kennen wir nicht." },
          {
            path: "capacity.slots.0.places",
            message: "Mehr Plätze, als die Pflegeerlaubnis gleichzeitig erlaubt.",
          },
          {
            path: "capacity.slots.1.start",
            message: "Dieser Zeitraum überschneidet sich mit einem anderen am selben Tag.",
          },
        ]),
      );
      expect((await coordinator.get(`${base}/caregivers`)).body.total).toBe(0);

      const tooLong = await coordinator.post(`${base}/caregivers`, {
        caregiver: person(),
        licence: licence({ validFrom: "2025-01-01", validTo: "2031-01-01" }),
      });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.fields[0].path).toBe("licence.validTo");
    });

    it("edits licences, profiles and qualifications", async () => {
      const { base, coordinator } = await office();
      const created = await coordinator.post(`${base}/caregivers`, { caregiver: person() });
      const id = created.body.id;
      await coordinator.put(`${base}/caregivers/${id}/location`, { point: { lat: 51.7601, lon: 8.0402 } });

      const added = await coordinator.post(`${base}/caregivers/${id}/licences`, licence({ maxChildren: 3 }));
      expect(added.status).toBe(201);
      const licenceId = added.body.licences[0].id;
      const tooMany = await coordinator.put(`${base}/caregivers/${id}/capacity-profiles`, {
        effectiveFrom: "2026-02-01",
        slots: [{ weekday: 1, start: 480, end: 720, places: 4 }],
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.error.fields).toEqual([
        { path: "slots.0.places", message: "Mehr Plätze, als die Pflegeerlaubnis gleichzeitig erlaubt." },
      ]);
      const saved = await coordinator.put(`${base}/caregivers/${id}/capacity-profiles`, {
        effectiveFrom: "2026-02-01",
        slots: [{ weekday: 1, start: 480, end: 720, places: 3 }],
      });
      expect(saved.status).toBe(200);
      const replaced = await coordinator.put(`${base}/caregivers/${id}/capacity-profiles`, {
        effectiveFrom: "2026-02-01",
        slots: [{ weekday: 1, start: 480, end: 700, places: 2 }],
      });
      expect(replaced.body.capacityProfiles).toEqual([
        {
          id: saved.body.capacityProfiles[0].id,
          effectiveFrom: "2026-02-01",
          slots: [{ weekday: 1, start: 480, end: 700, places: 2 }],
        },
      ]);

      const updated = await coordinator.put(
        `${base}/caregivers/${id}/licences/${licenceId}`,
        licence({ maxChildren: 5, validTo: "2028-06-30" }),
      );
      expect(updated.body.licences[0]).toMatchObject({ maxChildren: 5, validTo: "2028-06-30" });

      const noFlag = await coordinator.post(`${base}/caregivers/${id}/qualifications`, {
        kind: "criminalRecordCheck",
        completedOn: "2025-03-01",
      });
      expect(noFlag.status).toBe(400);
      expect(noFlag.body.error.fields[0].path).toBe("hasRelevantEntry");
      const check = await coordinator.post(`${base}/caregivers/${id}/qualifications`, {
        kind: "criminalRecordCheck",
        completedOn: "2025-03-01",
        hasRelevantEntry: false,
      });
      expect(check.status).toBe(201);
      const firstAid = await coordinator.post(`${base}/caregivers/${id}/qualifications`, {
        kind: "firstAid",
        completedOn: "2025-06-01",
        hasRelevantEntry: true,
      });
      const aid = firstAid.body.qualifications.find((q: { kind: string }) => q.kind === "firstAid");
      // Only the criminal-record check carries the flag.
      expect(aid.hasRelevantEntry).toBeNull();
      expect(firstAid.body.deadlines.find((d: { kind: string }) => d.kind === "firstAid")).toMatchObject({
        dueOn: "2027-06-01",
        state: "ok",
      });

      const removed = await coordinator.delete(`${base}/caregivers/${id}/qualifications/${aid.id}`);
      expect(removed.body.qualifications).toHaveLength(1);
      const profileGone = await coordinator.delete(
        `${base}/caregivers/${id}/capacity-profiles/${saved.body.capacityProfiles[0].id}`,
      );
      expect(profileGone.body.capacityProfiles).toEqual([]);
      const licenceGone = await coordinator.delete(`${base}/caregivers/${id}/licences/${licenceId}`);
      expect(licenceGone.body.licences).toEqual([]);
      expect((await coordinator.delete(`${base}/caregivers/${id}/licences/${licenceId}`)).status).toBe(404);

      const changed = await coordinator.put(
        `${base}/caregivers/${id}`,
        person({ status: "paused", town: "Beckum-Neubeckum", street: "Neuer Weg 1" }),
      );
      expect(changed.body).toMatchObject({ status: "paused", locationPrecision: "postalCode" });

      expect(await auditActions(t, id)).toEqual(
        expect.arrayContaining([
          "caregivers.created",
          "caregivers.licenceAdded",
          "caregivers.capacitySaved",
          "caregivers.licenceUpdated",
          "caregivers.qualificationAdded",
          "caregivers.qualificationDeleted",
          "caregivers.capacityDeleted",
          "caregivers.licenceDeleted",
          "caregivers.updated",
        ]),
      );
      const [update] = await t.app.platform.db
        .select({ details: auditEvents.details })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "caregivers.updated")));
      expect(update?.details).toEqual({
        fields: expect.arrayContaining(["street", "town", "status", "lat", "lon", "locationPrecision"]),
      });
    });

    it("shows a licence running out within 90 days as due soon on the deadline board", async () => {
      const { base, coordinator } = await office();
      // Today is 2 March 2026 in the test clock.
      const soon = await coordinator.post(`${base}/caregivers`, {
        caregiver: person({ firstName: "Berta", lastName: "Bald" }),
        licence: licence({ validFrom: "2021-05-01", validTo: "2026-05-01" }),
      });
      const late = await coordinator.post(`${base}/caregivers`, {
        caregiver: person({ firstName: "Carla", lastName: "Clausen" }),
        licence: licence(),
      });
      await coordinator.post(`${base}/caregivers/${late.body.id}/qualifications`, {
        kind: "firstAid",
        completedOn: "2023-11-15",
      });
      await coordinator.post(`${base}/caregivers`, {
        caregiver: person({ firstName: "Dora", lastName: "Dahl", status: "left" }),
      });

      const dueSoon = await coordinator.get(`${base}/deadlines?state=dueSoon&kind=licenceExpiry`);
      expect(dueSoon.status).toBe(200);
      expect(dueSoon.body.items).toEqual([
        {
          caregiverId: soon.body.id,
          name: "Berta Bald",
          town: "Beckum",
          kind: "licenceExpiry",
          dueOn: "2026-05-01",
          state: "dueSoon",
          daysLeft: 60,
        },
      ]);
      expect(dueSoon.body.counts).toEqual({ ok: 1, dueSoon: 1, overdue: 0, missing: 0 });

      const attention = await coordinator.get(`${base}/deadlines?state=attention`);
      const states = attention.body.items.map((i: { state: string }) => i.state);
      // Berta's QHB phase 2 fell due two years after her licence began; it has waited longest.
      expect(attention.body.items.slice(0, 2)).toMatchObject([
        { name: "Berta Bald", kind: "qhbPhase2", dueOn: "2023-05-01", state: "overdue" },
        { name: "Carla Clausen", kind: "firstAid", dueOn: "2025-11-15", state: "overdue", daysLeft: -107 },
      ]);
      expect(states).not.toContain("ok");
      // Left people have no deadlines any more.
      expect(attention.body.items.some((i: { name: string }) => i.name === "Dora Dahl")).toBe(false);
      const order = states.map((s: string) => ["overdue", "missing", "dueSoon"].indexOf(s));
      expect(order).toEqual([...order].sort((a: number, b: number) => a - b));

      const searched = await coordinator.get(`${base}/deadlines?q=clausen&state=overdue`);
      expect(searched.body.items).toHaveLength(1);

      const list = await coordinator.get(`${base}/caregivers?status=active`);
      expect(
        list.body.items.map((i: { lastName: string; worstDeadlineState: string }) => [
          i.lastName,
          i.worstDeadlineState,
        ]),
      ).toEqual([
        ["Bald", "overdue"],
        ["Clausen", "overdue"],
      ]);
    });

    it("answers 404 for another organisation's day-care person and leaves her unchanged", async () => {
      const a = await office();
      const b = await office();
      const created = await b.coordinator.post(`${b.base}/caregivers`, {
        caregiver: person(),
        licence: licence(),
      });
      const id = created.body.id;
      const licenceId = created.body.licences[0].id;

      expect((await a.coordinator.get(`${a.base}/caregivers/${id}`)).status).toBe(404);
      expect(
        (await a.coordinator.put(`${a.base}/caregivers/${id}`, person({ lastName: "Geändert" }))).status,
      ).toBe(404);
      expect((await a.coordinator.delete(`${a.base}/caregivers/${id}/licences/${licenceId}`)).status).toBe(
        404,
      );
      expect(
        (
          await a.coordinator.put(
            `${a.base}/caregivers/${id}/licences/${licenceId}`,
            licence({ number: "X" }),
          )
        ).status,
      ).toBe(404);
      expect(
        (
          await a.coordinator.post(`${a.base}/caregivers/${id}/qualifications`, {
            kind: "firstAid",
            completedOn: "2025-01-01",
          })
        ).status,
      ).toBe(404);
      // Even with the right person in the URL, another organisation's licence id does not resolve.
      const own = await a.coordinator.post(`${a.base}/caregivers`, { caregiver: person() });
      expect(
        (await a.coordinator.delete(`${a.base}/caregivers/${own.body.id}/licences/${licenceId}`)).status,
      ).toBe(404);
      // Not a member of B at all: B's registry does not exist for A's coordinator.
      expect((await a.coordinator.get(`${b.base}/caregivers/${id}`)).status).toBe(404);

      expect((await b.coordinator.get(`${b.base}/caregivers/${id}`)).body).toEqual(created.body);
    });

    it("refuses the registry to parents and members", async () => {
      const { org, base } = await office();
      const parent = await t.member(org, ["parent"]);
      const member = await t.member(org, ["member", "substitute"]);
      expect((await parent.get(`${base}/caregivers`)).status).toBe(403);
      expect((await member.get(`${base}/caregivers`)).status).toBe(403);
      expect((await member.get(`${base}/deadlines`)).status).toBe(403);
      expect((await t.anonymous().get(`${base}/caregivers`)).status).toBe(401);
    });

    it("lets the youth office read but not change anything", async () => {
      const { org, base, coordinator } = await office();
      const youthOffice = await t.member(org, ["youthOffice"]);
      const created = await coordinator.post(`${base}/caregivers`, {
        caregiver: person(),
        licence: licence(),
      });
      const id = created.body.id;
      await coordinator.post(`${base}/caregivers/${id}/qualifications`, {
        kind: "criminalRecordCheck",
        completedOn: "2024-01-10",
        hasRelevantEntry: true,
      });

      const list = await youthOffice.get(`${base}/caregivers`);
      expect(list.status).toBe(200);
      const detail = await youthOffice.get(`${base}/caregivers/${id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.qualifications[0].hasRelevantEntry).toBe(true);
      expect(
        detail.body.deadlines.find((d: { kind: string }) => d.kind === "criminalRecordCheck")
          .hasRelevantEntry,
      ).toBe(true);
      expect((await youthOffice.get(`${base}/deadlines`)).status).toBe(200);

      expect((await youthOffice.post(`${base}/caregivers`, { caregiver: person() })).status).toBe(403);
      expect((await youthOffice.put(`${base}/caregivers/${id}`, person())).status).toBe(403);
      expect((await youthOffice.post(`${base}/caregivers/${id}/licences`, licence())).status).toBe(403);
      expect(
        (await youthOffice.delete(`${base}/caregivers/${id}/licences/${created.body.licences[0].id}`)).status,
      ).toBe(403);
      expect(
        (await youthOffice.post(`${base}/caregivers/import`, { csv: "Vorname\nX", commit: true })).status,
      ).toBe(403);
      expect((await youthOffice.get(`${base}/caregivers/export.csv`)).status).toBe(403);
    });

    it("shows a day-care person her own record only, without the criminal-record flag", async () => {
      const { org, base, coordinator } = await office();
      const caregiver = await t.member(org, ["caregiver"], "Emma Ernst");
      const own = await coordinator.post(`${base}/caregivers`, {
        caregiver: person({ firstName: "Emma", lastName: "Ernst", email: caregiver.email.toUpperCase() }),
        licence: licence(),
      });
      const other = await coordinator.post(`${base}/caregivers`, {
        caregiver: person({ firstName: "Frieda" }),
      });
      await coordinator.post(`${base}/caregivers/${own.body.id}/qualifications`, {
        kind: "criminalRecordCheck",
        completedOn: "2024-01-10",
        hasRelevantEntry: true,
      });

      const mine = await caregiver.get(`${base}/my-profile`);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ id: own.body.id, firstName: "Emma", hasAccount: true });
      expect(mine.body.qualifications[0].hasRelevantEntry).toBeNull();
      expect(
        mine.body.deadlines.find((d: { kind: string }) => d.kind === "criminalRecordCheck"),
      ).not.toHaveProperty("hasRelevantEntry");
      expect(await auditActions(t, own.body.id)).toContain("caregivers.accountLinked");

      const changed = await caregiver.put(`${base}/my-profile`, {
        ...person({ firstName: "Emma", lastName: "Ernst", email: caregiver.email, phone: "0170 999" }),
        status: "left",
      });
      expect(changed.status).toBe(200);
      // The status is the office's to set; the field is not part of her form and is ignored.
      expect(changed.body).toMatchObject({ phone: "0170 999", status: "active" });
      expect(changed.body.licences).toHaveLength(1);
      expect(await auditActions(t, own.body.id)).toContain("caregivers.ownProfileUpdated");

      expect((await caregiver.get(`${base}/caregivers/${other.body.id}`)).status).toBe(403);
      expect((await caregiver.get(`${base}/caregivers`)).status).toBe(403);

      const stranger = await t.member(org, ["caregiver"]);
      expect((await stranger.get(`${base}/my-profile`)).status).toBe(404);
      expect((await coordinator.get(`${base}/my-profile`)).status).toBe(403);
    });

    it("exports the registry as German CSV and imports it into another organisation", async () => {
      const a = await office();
      const first = await a.coordinator.post(`${a.base}/caregivers`, {
        caregiver: person({
          firstName: "Jürgen",
          lastName: "Öztürk-Weiß",
          email: "juergen@example.org",
          phone: "+49 2521 777",
          employment: "employed",
          languages: ["Deutsch", "Türkisch"],
        }),
        licence: licence({ maxChildren: 4, conditions: "nur Erdgeschoss" }),
      });
      await a.coordinator.post(`${a.base}/caregivers/${first.body.id}/qualifications`, {
        kind: "firstAid",
        completedOn: "2025-02-03",
      });
      await a.coordinator.post(`${a.base}/caregivers/${first.body.id}/qualifications`, {
        kind: "qhbPhase1",
        completedOn: "2020-09-30",
      });
      await a.coordinator.post(`${a.base}/caregivers`, {
        caregiver: person({
          firstName: "Sönke",
          lastName: "Ahrens",
          postalCode: "23795",
          town: "Bad Segeberg",
          street: null,
          phone: null,
          languages: [],
        }),
      });

      const exported = await a.coordinator.get(`${a.base}/caregivers/export.csv`);
      expect(exported.status).toBe(200);
      expect(exported.headers["content-type"]).toBe("text/csv; charset=utf-8");
      expect(exported.headers["content-disposition"]).toMatch(
        /attachment; filename="kindertagespflegepersonen-.*\.csv"/,
      );
      expect(
        exported.text.startsWith("\uFEFFVorname;Nachname;E-Mail;Telefon;Straße;PLZ;Ort;Beschäftigung"),
      ).toBe(true);
      expect(exported.text).toContain("Jürgen;Öztürk-Weiß;juergen@example.org;'+49 2521 777;");
      expect(exported.text).toContain(
        "angestellt;Deutsch, Türkisch;PE-2025-017;Jugendamt Beckum;01.01.2025;31.12.2029;4;03.02.2025;;;30.09.2020;",
      );

      const b = await office();
      const preview = await b.coordinator.post(`${b.base}/caregivers/import`, {
        csv: exported.text,
        commit: false,
      });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ validCount: 2, errorCount: 0, imported: 0 });
      expect((await b.coordinator.get(`${b.base}/caregivers`)).body.total).toBe(0);

      const imported = await b.coordinator.post(`${b.base}/caregivers/import`, {
        csv: exported.text,
        commit: true,
      });
      expect(imported.status).toBe(200);
      expect(imported.body.imported).toBe(2);

      const listA = (await a.coordinator.get(`${a.base}/caregivers`)).body.items;
      const listB = (await b.coordinator.get(`${b.base}/caregivers`)).body.items;
      const strip = (items: Record<string, unknown>[]) => items.map(({ id: _id, ...rest }) => rest);
      expect(strip(listB)).toEqual(strip(listA));

      const jurgen = listB.find((i: { firstName: string }) => i.firstName === "Jürgen");
      const detail = (await b.coordinator.get(`${b.base}/caregivers/${jurgen.id}`)).body;
      expect(detail).toMatchObject({
        email: "juergen@example.org",
        phone: "+49 2521 777",
        employment: "employed",
        languages: ["Deutsch", "Türkisch"],
        licences: [{ number: "PE-2025-017", validFrom: "2025-01-01", validTo: "2029-12-31", maxChildren: 4 }],
      });
      expect(
        detail.qualifications.map((q: { kind: string; completedOn: string }) => [q.kind, q.completedOn]),
      ).toEqual([
        ["firstAid", "2025-02-03"],
        ["qhbPhase1", "2020-09-30"],
      ]);
      const reexported = await b.coordinator.get(`${b.base}/caregivers/export.csv`);
      expect(reexported.text.split("\r\n").slice(1)).toEqual(exported.text.split("\r\n").slice(1));

      const [entry] = await t.app.platform.db
        .select({ details: auditEvents.details })
        .from(auditEvents)
        .where(and(eq(auditEvents.organisationId, b.org.id), eq(auditEvents.action, "caregivers.imported")));
      expect(entry?.details).toMatchObject({ count: 2 });
    });

    it("imports all rows or none", async () => {
      const { org, base, coordinator } = await office();
      const csv = [
        "firstName,lastName,postalCode,town,employment,licenceNumber,licenceIssuer,licenceValidFrom,licenceValidTo,firstAidOn",
        "Gina,Gerber,59269,Beckum,selbstständig,A-1,Jugendamt,2024-01-01,2028-12-31,2025-05-05",
        "Hanna,Hansen,99999,Nirgendwo,freiberuflich,B-2,Jugendamt,31.12.2028,01.01.2024,32.13.2025",
        "Ida,Imhof,59269,Beckum,angestellt,,,,,",
      ].join("\n");
      const refused = await coordinator.post(`${base}/caregivers/import`, { csv, commit: true });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("importInvalid");
      expect(refused.body.error.message).toBe("Die Datei enthält Fehler. Es wurde nichts gespeichert.");
      const report = refused.body.error.details;
      expect(report).toMatchObject({ validCount: 2, errorCount: 1, imported: 0 });
      expect(report.rows[0]).toEqual({ line: 2, name: "Gina Gerber", errors: [] });
      expect(report.rows[1]).toMatchObject({ line: 3, name: "Hanna Hansen" });
      expect(report.rows[1].errors).toEqual(
        expect.arrayContaining([
          { column: "postalCode", message: "Diese Postleitzahl kennen wir nicht." },
          { column: "employment", message: "Bitte „selbstständig“ oder „angestellt“ angeben." },
          { column: "licenceValidTo", message: "Das Ende muss nach dem Beginn liegen." },
          { column: "firstAidOn", message: "Bitte ein gültiges Datum eingeben." },
        ]),
      );
      expect((await coordinator.get(`${base}/caregivers`)).body.total).toBe(0);
      const audits = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.organisationId, org.id), eq(auditEvents.action, "caregivers.imported")));
      expect(audits).toHaveLength(0);

      const english = await coordinator.request(
        "POST",
        `${base}/caregivers/import`,
        { csv, commit: false },
        { "accept-language": "en" },
      );
      expect(english.body.rows[1].errors).toContainEqual({
        column: "postalCode",
        message: "We do not know this postal code.",
      });

      const fixed = csv
        .replace("99999,Nirgendwo,freiberuflich", "59269,Beckum,employed")
        .replace("31.12.2028,01.01.2024,32.13.2025", "01.01.2024,31.12.2028,13.12.2025");
      const done = await coordinator.post(`${base}/caregivers/import`, { csv: fixed, commit: true });
      expect(done.status).toBe(200);
      expect(done.body.imported).toBe(3);
      expect((await coordinator.get(`${base}/caregivers`)).body.total).toBe(3);
    });

    it("refuses an import that repeats people of the registry or of the file itself", async () => {
      const { base, coordinator } = await office();
      const anna = await coordinator.post(`${base}/caregivers`, {
        caregiver: person({ email: "anna.albers@example.org" }),
      });
      const berta = await coordinator.post(`${base}/caregivers`, {
        caregiver: person({ firstName: "Berta", lastName: "Bald", status: "left" }),
      });
      const csv = [
        "Vorname;Nachname;E-Mail;PLZ;Ort",
        "Zoe;Zander;Anna.Albers@example.org ;59269;Beckum",
        " berta ;BALD;;59269;Beckum",
        "Carla;Clausen;carla@example.org;59269;Beckum",
        "Dora;Dahl;;59269;Beckum",
        "Carla;Clausen;;59269;Beckum",
      ].join("\r\n");
      const preview = await coordinator.post(`${base}/caregivers/import`, { csv, commit: false });
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({ validCount: 2, errorCount: 3 });
      const errorsOf = (line: number) =>
        preview.body.rows.find((r: { line: number }) => r.line === line).errors;
      expect(errorsOf(2)).toEqual([
        {
          column: "email",
          message: "Schon im Register: Anna Albers",
          duplicateOf: { caregiverId: anna.body.id, name: "Anna Albers" },
        },
      ]);
      // Someone who left is still in the registry: she comes back by changing her status, not as a copy.
      expect(errorsOf(3)).toEqual([
        {
          column: "lastName",
          message: "Schon im Register: Berta Bald",
          duplicateOf: { caregiverId: berta.body.id, name: "Berta Bald" },
        },
      ]);
      expect(errorsOf(4)).toEqual([]);
      expect(errorsOf(6)).toEqual([
        { column: "lastName", message: "Dieselbe Person wie in Zeile 4", sameAsLine: 4 },
      ]);

      const refused = await coordinator.post(`${base}/caregivers/import`, { csv, commit: true });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("importInvalid");
      expect((await coordinator.get(`${base}/caregivers`)).body.total).toBe(2);

      const english = await coordinator.request(
        "POST",
        `${base}/caregivers/import`,
        { csv, commit: false },
        { "accept-language": "en" },
      );
      expect(english.body.rows[0].errors[0].message).toBe("Already in the registry: Anna Albers");
      expect(english.body.rows[4].errors[0].message).toBe("Same person as in row 4");

      // Another organisation's registry does not count.
      const other = await office();
      const elsewhere = await other.coordinator.post(`${other.base}/caregivers/import`, {
        csv,
        commit: false,
      });
      expect(elsewhere.body).toMatchObject({ validCount: 4, errorCount: 1 });

      const fixed = csv
        .split("\r\n")
        .filter((_line, index) => ![1, 2, 5].includes(index))
        .join("\r\n");
      const done = await coordinator.post(`${base}/caregivers/import`, { csv: fixed, commit: true });
      expect(done.status).toBe(200);
      expect(done.body.imported).toBe(2);
      const again = await coordinator.post(`${base}/caregivers/import`, { csv: fixed, commit: false });
      expect(again.body).toMatchObject({ validCount: 0, errorCount: 2 });
    });

    it("mails each reminder stage once and the next stage when it is due", async () => {
      const { base, coordinator } = await office();
      const email = `erinnerung-${t.kind}@example.org`;
      const start = t.clock.now;
      const today = "2026-03-02";
      try {
        await coordinator.post(`${base}/caregivers`, {
          caregiver: person({ firstName: "Rita", lastName: "Reminder", email }),
          licence: licence({ validFrom: "2021-06-01", validTo: addDays(today, 80) }),
        });
        const mailsTo = async () => {
          await t.app.platform.mailer.flush();
          return smtp.messages.filter((m) => m.to.includes(email));
        };
        // Licence due in 80 days: stage 90; QHB phase 2 (24 months after the licence) long overdue.
        expect(await runJobOnce(t.app.platform, deadlineReminderJob)).toBe(true);
        expect(await runJobOnce(t.app.platform, deadlineReminderJob)).toBe(true);
        const first = await mailsTo();
        expect(first.map((m) => m.subject).sort()).toEqual([
          "Frist: Pflegeerlaubnis am 21.05.2026",
          "Überfällig: QHB Phase 2 (seit 01.06.2023)",
        ]);
        const reminder = first.find((m) => m.subject.startsWith("Frist"));
        expect(reminder?.text).toContain("Hallo Rita Reminder,");
        expect(reminder?.text).toContain(`http://localhost:3000/app/${base.split("/").at(-1)}/mein-profil`);

        t.clock.now = new Date("2026-04-25T08:00:00Z");
        await runJobOnce(t.app.platform, deadlineReminderJob);
        await runJobOnce(t.app.platform, deadlineReminderJob);
        const second = await mailsTo();
        expect(second).toHaveLength(3);
        expect(second.filter((m) => m.subject === "Frist: Pflegeerlaubnis am 21.05.2026")).toHaveLength(2);
      } finally {
        t.clock.now = start;
      }
    });
  },
  { smtpUrl: () => smtp.url },
);
