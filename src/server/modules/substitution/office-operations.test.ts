import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { monToFri } from "../../../../test/support/placement";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { insertChild, substitutionFixtures, TODAY } from "../../../../test/support/substitution";
import { describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";
import { substitutionAbsences, substitutionCovers } from "./substitution.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

/**
 * What the office does besides confirming: cancel anyone's absence, move the covers of someone who becomes
 * absent herself, archive a Kita, and the month's hours as CSV. A file of its own: its sign-ins would
 * exceed the sign-in limit of one app within a minute together with the other substitution scenarios.
 */
describeApi(
  "substitution: office operations",
  (t) => {
    const { office, addCaregiver, scene } = substitutionFixtures(t, () => smtp);
    /** The actions the audit log holds for the organisation, with their details. */
    async function auditOf(organisationId: string) {
      return t.app.platform.db
        .select({ action: auditEvents.action, details: auditEvents.details })
        .from(auditEvents)
        .where(eq(auditEvents.organisationId, organisationId));
    }

    it("moves the covers of someone who becomes absent herself: confirmed ones are proposed again and flagged", async () => {
      const s = await scene();
      const anna = await s.coordinator.post(`${s.sub}/absences`, {
        kind: "illness",
        startsOn: TODAY,
        endsOn: TODAY,
        caregiverId: s.anna,
      });
      expect(anna.status, JSON.stringify(anna.body)).toBe(201);
      const board = await s.coordinator.get(`${s.sub}/board?from=${TODAY}&to=${TODAY}`);
      const covers = board.body.days[0].covers as {
        id: string;
        contractId: string;
        place: { caregiverId: string };
      }[];
      const milaCover = covers.find((c) => c.contractId === s.mila);
      const benCover = covers.find((c) => c.contractId === s.ben);
      expect(milaCover?.place.caregiverId).toBe(s.sara);
      expect(benCover?.place.caregiverId).toBe(s.tina);
      const confirmed = await s.coordinator.post(`${s.sub}/covers/confirm`, {
        coverIds: [milaCover?.id, benCover?.id],
      });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      expect(confirmed.body.days[0].confirmed).toBe(2);

      // Sara's training in the afternoon does not touch Mila's morning with her.
      const afternoon = await s.coordinator.post(`${s.sub}/absences`, {
        kind: "training",
        startsOn: TODAY,
        endsOn: TODAY,
        dayFrom: "14:00",
        dayTo: "16:00",
        caregiverId: s.sara,
      });
      expect(afternoon.status, JSON.stringify(afternoon.body)).toBe(201);
      const [milaAfter] = await t.app.platform.db
        .select()
        .from(substitutionCovers)
        .where(eq(substitutionCovers.id, milaCover?.id as string));
      expect(milaAfter).toMatchObject({ status: "confirmed", coverCaregiverId: s.sara, lostCover: null });

      // Tina falls ill: Ben's confirmed cover with her moves, loses its confirmation and is flagged.
      const tina = await s.coordinator.post(`${s.sub}/absences`, {
        kind: "illness",
        startsOn: TODAY,
        endsOn: TODAY,
        caregiverId: s.tina,
      });
      expect(tina.status, JSON.stringify(tina.body)).toBe(201);
      const after = await s.coordinator.get(`${s.sub}/board?from=${TODAY}&to=${TODAY}`);
      const ben = after.body.days[0].covers.find((c: { id: string }) => c.id === benCover?.id);
      expect(ben.status).toBe("proposed");
      expect(ben.place.caregiverId).not.toBe(s.tina);
      expect(ben.lostCover).toEqual({ reason: "coverAbsent", name: "Tina Tamm" });
      expect(ben.confirmedAt).toBeNull();
      const mila = after.body.days[0].covers.find((c: { id: string }) => c.id === milaCover?.id);
      expect(mila).toMatchObject({ status: "confirmed", lostCover: null });
      // The parents and Tina learn at once that the cover falls through.
      const parentMail = await smtp.waitForMail(
        (m) => m.to.includes(`ben.${t.kind}.${s.org.slug}@example.org`) && m.subject.includes("fällt aus"),
      );
      expect(parentMail.text).toContain("Tina Tamm ist selbst abwesend");
      await smtp.waitForMail(
        (m) => m.to.includes(`tina.${t.kind}.${s.org.slug}@example.org`) && m.subject.includes("fällt aus"),
      );
      // Confirmed again, the flag is gone.
      const again = await s.coordinator.post(`${s.sub}/covers/${benCover?.id}/confirm`);
      expect(again.status, JSON.stringify(again.body)).toBe(200);
      expect(again.body).toMatchObject({ status: "confirmed", lostCover: null });
      const moved = (await auditOf(s.org.id)).filter((a) => a.action === "substitution.coversMoved");
      expect(moved).toHaveLength(1);
      expect(moved[0]?.details).toMatchObject({ reason: "coverAbsent", wasConfirmed: true });
    });

    it("lets the office cancel anyone's absence, with the same effects as her own cancel", async () => {
      const s = await scene();
      const reported = await s.annaAccount.post(`${s.sub}/my/absences`, {
        kind: "illness",
        startsOn: TODAY,
        endsOn: "2026-03-03",
      });
      expect(reported.status, JSON.stringify(reported.body)).toBe(201);
      const id = reported.body.absence.id as string;
      const [benToday] = await t.app.platform.db
        .select()
        .from(substitutionCovers)
        .where(and(eq(substitutionCovers.contractId, s.ben), eq(substitutionCovers.day, TODAY)));
      expect((await s.coordinator.post(`${s.sub}/covers/${benToday?.id}/confirm`)).status).toBe(200);

      // Wrong role, other organisation: nothing changes.
      expect((await s.annaAccount.delete(`${s.sub}/absences/${id}`)).status).toBe(403);
      expect((await s.milaParent.delete(`${s.sub}/absences/${id}`)).status).toBe(403);
      const other = await office();
      expect((await other.coordinator.delete(`${other.base}/substitution/absences/${id}`)).status).toBe(404);
      expect((await other.coordinator.delete(`${s.sub}/absences/${id}`)).status).toBe(404);
      const [still] = await t.app.platform.db
        .select()
        .from(substitutionAbsences)
        .where(eq(substitutionAbsences.id, id));
      expect(still?.status).toBe("active");

      const cancelled = await s.coordinator.delete(`${s.sub}/absences/${id}`);
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
      await smtp.waitForMail(
        (m) => m.to.includes(`ben.${t.kind}.${s.org.slug}@example.org`) && m.subject.includes("entfällt"),
      );
      await smtp.waitForMail(
        (m) => m.to.includes(`tina.${t.kind}.${s.org.slug}@example.org`) && m.subject.includes("entfällt"),
      );
      const rows = await t.app.platform.db
        .select()
        .from(substitutionCovers)
        .where(eq(substitutionCovers.absenceId, id));
      expect(rows).toHaveLength(4);
      expect(rows.every((r) => r.status === "cancelled")).toBe(true);
      const board = await s.coordinator.get(`${s.sub}/board?from=${TODAY}&to=2026-03-03`);
      expect(board.body.days.flatMap((d: { covers: unknown[] }) => d.covers)).toEqual([]);
      const list = await s.coordinator.get(`${s.sub}/absences?caregiverId=${s.anna}`);
      expect(list.body.items[0]).toMatchObject({ id, status: "cancelled" });
      // Once withdrawn it cannot be withdrawn again.
      const twice = await s.coordinator.delete(`${s.sub}/absences/${id}`);
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe("substitutionCoverClosed");
      const entry = (await auditOf(s.org.id)).find((a) => a.action === "substitution.absenceCancelled");
      expect(entry?.details).toMatchObject({
        caregiverId: s.anna,
        byOffice: true,
        covers: 4,
        confirmedCancelled: 1,
      });
    });

    it("archives a deleted Kita: past covers keep its name, covers from today on are proposed again", async () => {
      const { org, coordinator, base } = await office();
      const sub = `${base}/substitution`;
      const anna = await addCaregiver(coordinator, base, "Albers");
      const parent = await t.member(org, ["parent"]);
      const mila = await insertChild(t, org.id, anna, {
        name: "Mila",
        parentUserId: parent.userId,
        email: `kita.mila.${t.kind}.${org.slug}@example.org`,
      });
      const kita = await coordinator.post(`${sub}/kitas`, {
        name: "Kita Sonnenschein",
        street: "Am Markt 1",
        postalCode: "59269",
        town: "Beckum",
        places: 2,
        ageMinMonths: 0,
        ageMaxMonths: 72,
        hours: monToFri("07:00", "16:00"),
      });
      expect(kita.status, JSON.stringify(kita.body)).toBe(201);
      await coordinator.put(`${sub}/arrangements/${anna}`, {
        tandemPartnerIds: [],
        substituteIds: [],
        kitaId: kita.body.id,
      });
      const reported = await coordinator.post(`${sub}/absences`, {
        kind: "closing",
        startsOn: TODAY,
        endsOn: "2026-03-04",
        caregiverId: anna,
      });
      expect(reported.status, JSON.stringify(reported.body)).toBe(201);
      const rows = await t.app.platform.db
        .select()
        .from(substitutionCovers)
        .where(eq(substitutionCovers.contractId, mila));
      expect(rows.map((r) => r.kitaId)).toEqual([kita.body.id, kita.body.id, kita.body.id]);
      const ids = rows.sort((a, b) => a.day.localeCompare(b.day)).map((r) => r.id);
      // Monday and Tuesday confirmed; Wednesday stays a proposal.
      const confirmed = await coordinator.post(`${sub}/covers/confirm`, { coverIds: ids.slice(0, 2) });
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);

      const other = await office();
      expect((await other.coordinator.delete(`${sub}/kitas/${kita.body.id}`)).status).toBe(404);

      // On Tuesday the Kita stops: Monday is history, Tuesday and Wednesday move.
      t.clock.now = new Date("2026-03-03T09:00:00Z");
      try {
        const deleted = await coordinator.delete(`${sub}/kitas/${kita.body.id}`);
        expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
        expect(deleted.body).toEqual({ ok: true, moved: 2 });
        expect((await coordinator.get(`${sub}/kitas`)).body.items).toEqual([]);
        const arrangements = await coordinator.get(`${sub}/arrangements`);
        const annas = arrangements.body.items.find((a: { caregiverId: string }) => a.caregiverId === anna);
        expect(annas).toMatchObject({ model: "none", kita: null });
        const board = await coordinator.get(`${sub}/board?from=${TODAY}&to=2026-03-04`);
        const [monday, tuesday, wednesday] = board.body.days.map((d: { covers: unknown[] }) => d.covers[0]);
        expect(monday).toMatchObject({
          status: "confirmed",
          place: { kind: "kita", name: "Kita Sonnenschein" },
          lostCover: null,
        });
        // Nobody else can take Mila: open, flagged where it had been confirmed.
        expect(tuesday).toMatchObject({
          status: "uncovered",
          place: null,
          lostCover: { reason: "kitaArchived", name: "Kita Sonnenschein" },
          confirmedAt: null,
        });
        expect(wednesday).toMatchObject({ status: "uncovered", place: null, lostCover: null });
        const mail = await smtp.waitForMail(
          (m) =>
            m.to.includes(`kita.mila.${t.kind}.${org.slug}@example.org`) && m.subject.includes("fällt aus"),
        );
        expect(mail.text).toContain("03.03.2026");
        expect(mail.text).toContain("Die Kita nimmt keine Vertretungskinder mehr auf.");
        // The archived Kita can be neither changed, nor chosen, nor deleted again.
        expect((await coordinator.delete(`${sub}/kitas/${kita.body.id}`)).status).toBe(404);
        const choose = await coordinator.put(`${sub}/covers/${ids[2]}`, {
          caregiverId: null,
          kitaId: kita.body.id,
        });
        expect(choose.status).toBe(404);
        const candidates = await coordinator.get(`${sub}/covers/${ids[2]}/candidates`);
        expect(
          candidates.body.items.some(
            (c: { place: { kitaId: string | null } }) => c.place.kitaId === kita.body.id,
          ),
        ).toBe(false);
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }
      const entry = (await auditOf(org.id)).find((a) => a.action === "substitution.kitaDeleted");
      expect(entry?.details).toMatchObject({ archived: true, moved: 2 });
    });

    it("gives the month's cover hours as CSV, for the office only", async () => {
      const s = await scene();
      const reported = await s.coordinator.post(`${s.sub}/absences`, {
        kind: "illness",
        startsOn: TODAY,
        endsOn: TODAY,
        caregiverId: s.anna,
      });
      expect(reported.status, JSON.stringify(reported.body)).toBe(201);
      const [milaCover] = await t.app.platform.db
        .select()
        .from(substitutionCovers)
        .where(eq(substitutionCovers.contractId, s.mila));
      expect((await s.coordinator.post(`${s.sub}/covers/${milaCover?.id}/confirm`)).status).toBe(200);

      const csv = await s.coordinator.request("GET", `${s.sub}/hours.csv?month=2026-03`, undefined, {
        "accept-language": "de",
      });
      expect(csv.status).toBe(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      expect(csv.headers["content-disposition"]).toContain("vertretungsstunden-2026-03.csv");
      const lines = csv.text
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      expect(lines[0]).toBe(
        "Name;Festangestellte Vertretung;Vertragsstunden je Monat;Stunden im Einsatz;Kinderstunden",
      );
      // Sara covered Mila 08:00–13:00: five hours on duty, five child hours; employed for 40 a month.
      expect(lines).toContain("Sara Sommer;ja;40;5,00;5,00");
      expect(lines).toHaveLength(2);
      const english = await s.coordinator.request("GET", `${s.sub}/hours.csv?month=2026-03`, undefined, {
        "accept-language": "en",
      });
      expect(english.text).toContain("Sara Sommer;yes;40;5.00;5.00");
      // Another month: Sara is listed as employed substitute with no hours.
      const april = await s.coordinator.get(`${s.sub}/hours.csv?month=2026-04`);
      expect(april.text).toContain("Sara Sommer;ja;40;0,00;0,00");

      expect((await s.coordinator.get(`${s.sub}/hours.csv?month=2026-13`)).status).toBe(400);
      expect((await s.annaAccount.get(`${s.sub}/hours.csv?month=2026-03`)).status).toBe(403);
      const other = await office();
      expect((await other.coordinator.get(`${s.sub}/hours.csv?month=2026-03`)).status).toBe(404);
    });
  },
  { smtpUrl: () => smtp.url },
);
