import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { capacity, licence, monToFri } from "../../../../test/support/placement";
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

describeApi(
  "substitution: absences, proposals, confirmation, parents",
  (t) => {
    const { office, addCaregiver, linkedAccount, scene } = substitutionFixtures(t, () => smtp);

    it("proposes a known substitute, then the tandem partner; confirms, mails, parents answer, cancel", async () => {
      const s = await scene();
      // Tandems are symmetric: Tina's arrangement names Anna.
      const arrangements = await s.coordinator.get(`${s.sub}/arrangements`);
      const tinas = arrangements.body.items.find((a: { caregiverId: string }) => a.caregiverId === s.tina);
      expect(tinas.tandemPartners.map((p: { id: string }) => p.id)).toEqual([s.anna]);

      const reported = await s.annaAccount.post(`${s.sub}/my/absences`, {
        kind: "illness",
        startsOn: TODAY,
        endsOn: TODAY,
      });
      expect(reported.status, JSON.stringify(reported.body)).toBe(201);
      expect(reported.body.affected.map((a: { childFirstName: string }) => a.childFirstName).sort()).toEqual([
        "Ben",
        "Mila",
      ]);
      expect(reported.body.affected[0].times).toEqual([{ from: "08:00", to: "13:00" }]);
      expect(reported.body.absence).toMatchObject({ childDays: 2, open: 2, confirmed: 0, status: "active" });
      const illnessMail = await smtp.waitForMail(
        (m) => m.to.includes(s.coordinator.email) && m.subject.includes("Krankmeldung"),
      );
      expect(illnessMail.text).toContain("Anna Albers");

      const board = await s.coordinator.get(`${s.sub}/board?from=${TODAY}&to=${TODAY}`);
      expect(board.status).toBe(200);
      const day = board.body.days[0];
      expect(day).toMatchObject({ day: TODAY, proposed: 2, uncovered: 0, confirmed: 0 });
      const milaCover = day.covers.find((c: { contractId: string }) => c.contractId === s.mila);
      const benCover = day.covers.find((c: { contractId: string }) => c.contractId === s.ben);
      expect(milaCover.place).toMatchObject({ kind: "knownSubstitute", caregiverId: s.sara, isKnown: true });
      expect(benCover.place).toMatchObject({ kind: "tandem", caregiverId: s.tina, isKnown: false });
      expect(milaCover.canMailParents).toBe(true);

      // The office's candidates for Ben: Tina possible, Sara too, Anna herself never.
      const candidates = await s.coordinator.get(`${s.sub}/covers/${benCover.id}/candidates`);
      expect(candidates.status).toBe(200);
      const ids = candidates.body.items.map((c: { place: { caregiverId: string } }) => c.place.caregiverId);
      expect(ids).toContain(s.tina);
      expect(ids).not.toContain(s.anna);

      const confirmed = await s.coordinator.post(`${s.sub}/covers/${milaCover.id}/confirm`);
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      expect(confirmed.body.status).toBe("confirmed");
      const parentMail = await smtp.waitForMail((m) =>
        m.to.includes(`mila.${t.kind}.${s.org.slug}@example.org`),
      );
      expect(parentMail.text).toContain("Sara Sommer");
      expect(parentMail.text).toContain("Sonnenweg 7");
      expect(parentMail.text).toContain("59269 Beckum");
      expect(parentMail.text).toContain("08:00–13:00");
      expect(parentMail.text).toContain(`/app/${s.org.slug}/vertretung/meine`);
      const saraMail = await smtp.waitForMail((m) =>
        m.to.includes(`sara.${t.kind}.${s.org.slug}@example.org`),
      );
      expect(saraMail.text).toContain("Mila");
      expect(saraMail.text).toContain("Nüsse");

      const many = await s.coordinator.post(`${s.sub}/covers/confirm`, { coverIds: [benCover.id] });
      expect(many.status).toBe(200);
      expect(many.body.days[0].confirmed).toBe(2);
      const tinaMail = await smtp.waitForMail((m) =>
        m.to.includes(`tina.${t.kind}.${s.org.slug}@example.org`),
      );
      expect(tinaMail.text).toContain("Ben");
      expect(tinaMail.text).not.toContain("Nüsse");
      expect(tinaMail.text).toContain("bitte bei den Eltern erfragen");

      // Sara sees her cover child with the notes the parents consented to.
      const saraAccount = await linkedAccount(s.org, s.sara, "substitute");
      const mine = await saraAccount.get(`${s.sub}/my/covers`);
      expect(mine.status).toBe(200);
      expect(mine.body.items).toEqual([
        expect.objectContaining({
          childFirstName: "Mila",
          allergies: "Nüsse",
          diet: "vegetarisch",
          day: TODAY,
        }),
      ]);

      // Hours: Sara covered one child 08:00–13:00.
      const hours = await s.coordinator.get(`${s.sub}/hours?month=2026-03`);
      expect(hours.status).toBe(200);
      expect(hours.body.items.find((i: { caregiverId: string }) => i.caregiverId === s.sara)).toMatchObject({
        isEmployedSubstitute: true,
        hoursPerMonth: 40,
        childMinutes: 300,
        presenceMinutes: 300,
      });

      // Parents see who covers and answer.
      const family = await s.milaParent.get(`${s.sub}/family`);
      expect(family.status).toBe(200);
      expect(family.body.items).toHaveLength(1);
      expect(family.body.items[0].place).toMatchObject({ name: "Sara Sommer", street: "Sonnenweg 7" });
      const answered = await s.milaParent.post(`${s.sub}/family/covers/${milaCover.id}/answer`, {
        answer: "keptHome",
      });
      expect(answered.status).toBe(200);
      expect(answered.body.parentAnswer).toBe("keptHome");
      // Another family's cover does not exist for her.
      const foreign = await s.benParent.post(`${s.sub}/family/covers/${milaCover.id}/answer`, {
        answer: "confirmed",
      });
      expect(foreign.status).toBe(404);

      // The model report: Anna is in a tandem; two child-days, both covered, one by a known person.
      const report = await s.coordinator.get(`${s.sub}/report?from=2026-03-01&to=2026-03-31`);
      expect(report.status).toBe(200);
      const tandem = report.body.rows.find((r: { model: string }) => r.model === "tandem");
      expect(tandem).toMatchObject({
        caregivers: 2,
        absenceDays: 1,
        childDays: 2,
        covered: 2,
        coveredShare: 1,
        coveredByKnown: 1,
        parentsKeptHome: 1,
        parentsNoAnswer: 1,
      });
      expect(tandem.byKind).toMatchObject({ knownSubstitute: 1, tandem: 1 });
      const csv = await s.coordinator.get(`${s.sub}/report.csv?from=2026-03-01&to=2026-03-31`);
      expect(csv.status).toBe(200);
      expect(csv.text).toContain("Tandem;2;1;2;2;100,0;1;1;1");
      const pdf = await s.coordinator.get(`${s.sub}/report.pdf?from=2026-03-01&to=2026-03-31`);
      expect(pdf.status).toBe(200);
      expect(pdf.raw.subarray(0, 4).toString()).toBe("%PDF");

      // A second absence overlapping the first is refused.
      const overlap = await s.annaAccount.post(`${s.sub}/my/absences`, {
        kind: "training",
        startsOn: TODAY,
        endsOn: "2026-03-03",
      });
      expect(overlap.status).toBe(409);
      expect(overlap.body.error.code).toBe("substitutionAbsenceOverlap");

      // Anna is back: the covers end and the parents are told.
      const cancelled = await s.annaAccount.delete(`${s.sub}/my/absences/${reported.body.absence.id}`);
      expect(cancelled.status).toBe(200);
      await smtp.waitForMail(
        (m) => m.to.includes(`ben.${t.kind}.${s.org.slug}@example.org`) && m.subject.includes("entfällt"),
      );
      const after = await s.coordinator.get(`${s.sub}/board?from=${TODAY}&to=${TODAY}`);
      expect(after.body.days[0].covers).toEqual([]);
      const actions = (
        await t.app.platform.db
          .select({ action: auditEvents.action })
          .from(auditEvents)
          .where(eq(auditEvents.organisationId, s.org.id))
      ).map((a) => a.action);
      for (const action of [
        "substitution.absenceReported",
        "substitution.coverConfirmed",
        "substitution.parentAnswered",
        "substitution.careNotesRead",
        "substitution.absenceCancelled",
      ])
        expect(actions).toContain(action);
    });

    it("never exceeds a licence: the only candidate at 6 leaves the child uncovered with day and time", async () => {
      const { org, coordinator, base } = await office();
      const sub = `${base}/substitution`;
      const anna = await addCaregiver(coordinator, base, "Albers");
      const tina = await addCaregiver(coordinator, base, "Tamm", {
        licence: { ...licence, maxChildren: 5 },
        capacity: capacity(5),
      });
      await coordinator.put(`${sub}/arrangements/${anna}`, {
        tandemPartnerIds: [tina],
        substituteIds: [],
        kitaId: null,
      });
      // Tina has five children of her own 08:00–12:00; Mila would be the sixth from 08:00 to 12:00.
      for (const name of ["A", "B", "C", "D", "E"])
        await insertChild(t, org.id, tina, {
          name: `Kind ${name}`,
          parentUserId: null,
          times: monToFri("08:00", "12:00"),
        });
      const mila = await insertChild(t, org.id, anna, { name: "Mila", parentUserId: null });
      const reported = await coordinator.post(`${sub}/absences`, {
        kind: "illness",
        startsOn: TODAY,
        endsOn: TODAY,
        caregiverId: anna,
      });
      expect(reported.status, JSON.stringify(reported.body)).toBe(201);
      const board = await coordinator.get(`${sub}/board?from=${TODAY}&to=${TODAY}`);
      const [cover] = board.body.days[0].covers;
      expect(cover).toMatchObject({
        contractId: mila,
        status: "uncovered",
        place: null,
        canMailParents: false,
      });
      expect(cover.problem).toMatchObject({
        code: "capacity",
        personName: "Anna Tamm",
        day: TODAY,
        from: "08:00",
        to: "12:00",
        present: 6,
        limit: 5,
      });
      // Choosing her anyway is refused with the reason, and nothing changes.
      const changed = await coordinator.put(`${sub}/covers/${cover.id}`, { caregiverId: tina, kitaId: null });
      expect(changed.status).toBe(409);
      expect(changed.body.error.code).toBe("substitutionCoverNotPossible");
      expect(changed.body.error.details.problem).toMatchObject({ code: "capacity", present: 6, limit: 5 });
      const [row] = await t.app.platform.db
        .select()
        .from(substitutionCovers)
        .where(eq(substitutionCovers.id, cover.id));
      expect(row).toMatchObject({ status: "uncovered", coverCaregiverId: null });
      // An uncovered child-day cannot be confirmed.
      const confirm = await coordinator.post(`${sub}/covers/${cover.id}/confirm`);
      expect(confirm.status).toBe(409);

      // A cooperating Kita with one place: a candidate without problem, chosen by the office, proposed again.
      const kita = await coordinator.post(`${sub}/kitas`, {
        name: "Kita Sonnenschein",
        street: "Am Markt 1",
        postalCode: "59269",
        town: "Beckum",
        places: 1,
        ageMinMonths: 0,
        ageMaxMonths: 72,
        hours: monToFri("07:00", "16:00"),
      });
      expect(kita.status, JSON.stringify(kita.body)).toBe(201);
      const candidates = await coordinator.get(`${sub}/covers/${cover.id}/candidates`);
      expect(candidates.status).toBe(200);
      const byName = new Map(
        candidates.body.items.map((c: { place: { name: string }; problem: unknown }) => [
          c.place.name,
          c.problem,
        ]),
      );
      expect(byName.get("Kita Sonnenschein")).toBeNull();
      expect(byName.get("Anna Tamm")).toMatchObject({ code: "capacity" });
      const toKita = await coordinator.put(`${sub}/covers/${cover.id}`, {
        caregiverId: null,
        kitaId: kita.body.id,
      });
      expect(toKita.status, JSON.stringify(toKita.body)).toBe(200);
      expect(toKita.body).toMatchObject({
        status: "proposed",
        place: { kind: "kita", name: "Kita Sonnenschein" },
      });
      const again = await coordinator.post(`${sub}/absences/${reported.body.absence.id}/repropose`);
      expect(again.status).toBe(200);
      expect(again.body.days[0].covers[0]).toMatchObject({ status: "proposed", place: { kind: "kita" } });
      const confirmedKita = await coordinator.post(`${sub}/covers/${cover.id}/confirm`);
      expect(confirmedKita.status, JSON.stringify(confirmedKita.body)).toBe(200);
      // Confirmed covers of past days are history.
      t.clock.now = new Date("2026-03-03T09:00:00Z");
      try {
        const late = await coordinator.put(`${sub}/covers/${cover.id}`, { caregiverId: tina, kitaId: null });
        expect(late.status).toBe(409);
        expect(late.body.error.code).toBe("substitutionCoverClosed");
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }
    });

    it("refuses bad input (translated), other organisations, associations and wrong roles", async () => {
      const s = await scene();
      const before = await t.app.platform.db
        .select()
        .from(substitutionAbsences)
        .where(eq(substitutionAbsences.organisationId, s.org.id));
      const bad = await s.annaAccount.request(
        "POST",
        `${s.sub}/my/absences`,
        { kind: "illness", startsOn: "2026-03-05", endsOn: TODAY },
        { "accept-language": "de" },
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0]).toMatchObject({
        path: "endsOn",
        message: "Das Ende muss nach dem Beginn liegen.",
      });
      const past = await s.annaAccount.post(`${s.sub}/my/absences`, {
        kind: "holiday",
        startsOn: "2026-02-01",
        endsOn: "2026-02-10",
      });
      expect(past.status).toBe(400);
      const noPerson = await s.coordinator.post(`${s.sub}/absences`, {
        kind: "holiday",
        startsOn: TODAY,
        endsOn: TODAY,
      });
      expect(noPerson.status).toBe(400);
      const badKita = await s.coordinator.post(`${s.sub}/kitas`, {
        name: "Kita Sonnenschein",
        street: "Am Markt 1",
        postalCode: "00000",
        town: "Nirgendwo",
        places: 2,
        ageMinMonths: 12,
        ageMaxMonths: 72,
        hours: monToFri("07:00", "16:00"),
      });
      expect(badKita.status).toBe(400);
      const after = await t.app.platform.db
        .select()
        .from(substitutionAbsences)
        .where(eq(substitutionAbsences.organisationId, s.org.id));
      expect(after).toHaveLength(before.length);

      // A Kita with a known postal code gets its point.
      const kita = await s.coordinator.post(`${s.sub}/kitas`, {
        name: "Kita Sonnenschein",
        street: "Am Markt 1",
        postalCode: "59269",
        town: "Beckum",
        places: 2,
        ageMinMonths: 12,
        ageMaxMonths: 72,
        hours: monToFri("07:00", "16:00"),
      });
      expect(kita.status, JSON.stringify(kita.body)).toBe(201);

      // Wrong roles.
      expect(
        (await s.milaParent.post(`${s.sub}/my/absences`, { kind: "illness", startsOn: TODAY, endsOn: TODAY }))
          .status,
      ).toBe(403);
      expect((await s.annaAccount.get(`${s.sub}/board`)).status).toBe(403);
      const unlinked = await t.member(s.org, ["caregiver"]);
      const refused = await unlinked.post(`${s.sub}/my/absences`, {
        kind: "illness",
        startsOn: TODAY,
        endsOn: TODAY,
      });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("substitutionNotRegistryPerson");

      // Another organisation's coordinator, and an association, find nothing.
      const other = await office();
      expect((await other.coordinator.get(`${s.sub}/board`)).status).toBe(404);
      const foreignCaregiver = await s.coordinator.put(`${s.sub}/arrangements/${s.anna}`, {
        tandemPartnerIds: [],
        substituteIds: [],
        kitaId: null,
      });
      expect(foreignCaregiver.status).toBe(200);
      expect(
        (
          await other.coordinator.put(`${other.base}/substitution/arrangements/${s.anna}`, {
            tandemPartnerIds: [],
            substituteIds: [],
            kitaId: null,
          })
        ).status,
      ).toBe(404);
      const association = await t.createOrganisation({ kind: "association" });
      const board = await t.member(association, ["board", "admin"]);
      expect((await board.get(`/api/orgs/${association.slug}/substitution/settings`)).status).toBe(404);
    });

    it("keeps substitutes, Kitas, play groups, settings and absence lists", async () => {
      const s = await scene();
      const defaults = await s.coordinator.get(`${s.sub}/settings`);
      expect(defaults.body).toEqual({ familiarityVisits: 3, tandemsMayConfirm: false, maxDistanceKm: 15 });

      const substitutes = await s.coordinator.get(`${s.sub}/substitutes`);
      expect(substitutes.body.items).toEqual([
        expect.objectContaining({ caregiverId: s.sara, name: "Sara Sommer", hoursPerMonth: 40 }),
      ]);
      const id = substitutes.body.items[0].id;
      const twice = await s.coordinator.post(`${s.sub}/substitutes`, {
        caregiverId: s.sara,
        hoursPerMonth: 10,
      });
      expect(twice.status).toBe(400);
      const updated = await s.coordinator.put(`${s.sub}/substitutes/${id}`, {
        caregiverId: s.sara,
        hoursPerMonth: 60,
        note: "ab April",
      });
      expect(updated.body).toMatchObject({ hoursPerMonth: 60, note: "ab April" });
      expect((await s.coordinator.delete(`${s.sub}/substitutes/${id}`)).status).toBe(200);
      // Her arrangement no longer names the substitute who left.
      const arrangements = await s.coordinator.get(`${s.sub}/arrangements`);
      const annas = arrangements.body.items.find((a: { caregiverId: string }) => a.caregiverId === s.anna);
      expect(annas.substitutes).toEqual([]);
      expect(annas.model).toBe("tandem");

      const kitaBody = {
        name: "Kita Regenbogen",
        street: "Am Markt 1",
        postalCode: "59269",
        town: "Beckum",
        places: 2,
        ageMinMonths: 12,
        ageMaxMonths: 72,
        hours: monToFri("07:00", "16:00"),
      };
      const kita = await s.coordinator.post(`${s.sub}/kitas`, kitaBody);
      expect(kita.status).toBe(201);
      const changed = await s.coordinator.put(`${s.sub}/kitas/${kita.body.id}`, { ...kitaBody, places: 3 });
      expect(changed.body.places).toBe(3);
      const withKita = await s.coordinator.put(`${s.sub}/arrangements/${s.carl}`, {
        tandemPartnerIds: [],
        substituteIds: [],
        kitaId: kita.body.id,
      });
      expect(withKita.body).toMatchObject({ model: "kita", kita: { name: "Kita Regenbogen" } });
      expect((await s.coordinator.get(`${s.sub}/kitas`)).body.items).toHaveLength(1);
      expect((await s.coordinator.delete(`${s.sub}/kitas/${kita.body.id}`)).status).toBe(200);
      expect((await s.coordinator.get(`${s.sub}/kitas`)).body.items).toHaveLength(0);

      const groups = await s.coordinator.get(`${s.sub}/play-groups`);
      expect(groups.body.items).toHaveLength(3);
      expect(groups.body.items[0]).toMatchObject({
        hostName: "Sara Sommer",
        children: [{ contractId: s.mila, childFirstName: "Mila", caregiverName: "Anna Albers" }],
      });
      const group = groups.body.items[0].id;
      const moved = await s.coordinator.put(`${s.sub}/play-groups/${group}`, {
        hostCaregiverId: s.tina,
        on: "2026-02-23",
        contractIds: [s.mila, s.ben],
      });
      expect(moved.body.children).toHaveLength(2);
      const unknown = await s.coordinator.put(`${s.sub}/play-groups/${group}`, {
        hostCaregiverId: s.tina,
        on: "2026-02-23",
        contractIds: [s.org.id],
      });
      expect(unknown.status).toBe(400);
      expect((await s.coordinator.delete(`${s.sub}/play-groups/${group}`)).status).toBe(200);
      expect((await s.coordinator.get(`${s.sub}/play-groups`)).body.items).toHaveLength(2);

      const holiday = await s.coordinator.post(`${s.sub}/absences`, {
        kind: "closing",
        startsOn: "2026-03-09",
        endsOn: "2026-03-13",
        caregiverId: s.anna,
      });
      expect(holiday.status, JSON.stringify(holiday.body)).toBe(201);
      expect(holiday.body.affected).toHaveLength(10);
      const list = await s.coordinator.get(`${s.sub}/absences?caregiverId=${s.anna}`);
      expect(list.body).toMatchObject({ today: TODAY, items: [{ kind: "closing", childDays: 10 }] });
      const own = await s.annaAccount.get(`${s.sub}/my/absences`);
      expect(own.body.items).toHaveLength(1);
      expect((await s.coordinator.get(`${s.sub}/absences?from=2026-04-01`)).body.items).toHaveLength(0);
    });

    it("lets tandem partners confirm only where the office allows it", async () => {
      const s = await scene();
      const reported = await s.coordinator.post(`${s.sub}/absences`, {
        kind: "training",
        startsOn: TODAY,
        endsOn: TODAY,
        dayFrom: "09:00",
        dayTo: "12:00",
        caregiverId: s.anna,
      });
      expect(reported.status, JSON.stringify(reported.body)).toBe(201);
      expect(reported.body.affected[0].times).toEqual([{ from: "09:00", to: "12:00" }]);
      const tinaAccount = await linkedAccount(s.org, s.tina, "caregiver");
      const refused = await tinaAccount.get(`${s.sub}/my/tandem`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("substitutionTandemNotAllowed");
      const [cover] = await t.app.platform.db
        .select()
        .from(substitutionCovers)
        .where(
          and(eq(substitutionCovers.organisationId, s.org.id), eq(substitutionCovers.contractId, s.ben)),
        );
      expect((await tinaAccount.post(`${s.sub}/my/tandem/covers/${cover?.id}/confirm`)).status).toBe(403);

      const settings = await s.coordinator.put(`${s.sub}/settings`, {
        familiarityVisits: 3,
        tandemsMayConfirm: true,
        maxDistanceKm: 15,
      });
      expect(settings.status).toBe(200);
      const board = await tinaAccount.get(`${s.sub}/my/tandem?from=${TODAY}&to=${TODAY}`);
      expect(board.status).toBe(200);
      expect(board.body.days[0].covers).toHaveLength(2);
      const confirmed = await tinaAccount.post(`${s.sub}/my/tandem/covers/${cover?.id}/confirm`);
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      expect(confirmed.body.status).toBe("confirmed");
      // The office moves the confirmed cover to Carla: it stays confirmed, both sides are told.
      const moved = await s.coordinator.put(`${s.sub}/covers/${cover?.id}`, {
        caregiverId: s.carl,
        kitaId: null,
      });
      expect(moved.status, JSON.stringify(moved.body)).toBe(200);
      expect(moved.body).toMatchObject({
        status: "confirmed",
        place: { kind: "caregiver", name: "Carla Claßen" },
      });
      await smtp.waitForMail(
        (m) => m.to.includes(`ben.${t.kind}.${s.org.slug}@example.org`) && m.text.includes("Carla Claßen"),
      );
      await smtp.waitForMail((m) => m.to.includes(tinaAccount.email) && m.subject.includes("entfällt"));
      // Carla is not in Anna's tandem: Anna's covers do not exist for her.
      const carlaAccount = await linkedAccount(s.org, s.carl, "caregiver");
      const [milaCover] = await t.app.platform.db
        .select()
        .from(substitutionCovers)
        .where(eq(substitutionCovers.contractId, s.mila));
      expect((await carlaAccount.post(`${s.sub}/my/tandem/covers/${milaCover?.id}/confirm`)).status).toBe(
        404,
      );
    });
  },
  { smtpUrl: () => smtp.url },
);
