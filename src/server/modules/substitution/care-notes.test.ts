import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { placementFixtures } from "../../../../test/support/placement";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { insertChild } from "../../../../test/support/substitution";
import { describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";
import { caregivers } from "../caregivers/caregivers.tables";
import { careContracts } from "../placement/placement.tables";
import { eraseEndedCareNotes } from "./care-notes.service";
import { substitutionCareNotes } from "./substitution.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

// The test clock's today is Monday 2026-03-02.
const TODAY = "2026-03-02";
const TOMORROW = "2026-03-03";

/** A child's lines in the covering person's mail ("- Mila (18 Monate), …" up to the next child). */
function blockOf(text: string, child: string): string {
  return text.split("\n- ").find((block) => block.replace(/^- /, "").startsWith(`${child} (`)) ?? "";
}

const MILA_NOTES = {
  allergies: "Erdnüsse (Notfallset im Rucksack)",
  diet: "kein Schweinefleisch",
  notes: "Schläft mittags mit Kuscheltuch",
  consent: true,
};

describeApi(
  "substitution: care notes on the contract",
  (t) => {
    const { office, addCaregiver } = placementFixtures(t, () => smtp);

    /**
     * Anna (absent) with Mila (family with account) and Ole (recorded by the office, no family); Sara an
     * employed substitute assigned to Anna; Milas parent and another parent with a child of her own.
     */
    async function scene() {
      const { org, coordinator, base } = await office();
      const sub = `${base}/substitution`;
      const anna = await addCaregiver(coordinator, base, "Albers");
      const sara = await addCaregiver(coordinator, base, "Sommer", {
        person: { firstName: "Sara", email: `sara.${t.kind}.${org.slug}@example.org` },
      });
      const annaAccount = await t.member(org, ["caregiver"]);
      await t.app.platform.db
        .update(caregivers)
        .set({ userId: annaAccount.userId })
        .where(eq(caregivers.id, anna));
      const milaParent = await t.member(org, ["parent"]);
      const otherParent = await t.member(org, ["parent"]);
      const mila = await insertChild(t, org.id, anna, {
        name: "Mila",
        parentUserId: milaParent.userId,
        email: `mila.${t.kind}.${org.slug}@example.org`,
      });
      const ole = await insertChild(t, org.id, anna, { name: "Ole", parentUserId: null });
      const paul = await insertChild(t, org.id, sara, { name: "Paul", parentUserId: otherParent.userId });
      const substitute = await coordinator.post(`${sub}/substitutes`, {
        caregiverId: sara,
        hoursPerMonth: 40,
      });
      expect(substitute.status, JSON.stringify(substitute.body)).toBe(201);
      const arrangement = await coordinator.put(`${sub}/arrangements/${anna}`, {
        tandemPartnerIds: [],
        substituteIds: [sara],
        kitaId: null,
      });
      expect(arrangement.status, JSON.stringify(arrangement.body)).toBe(200);
      return { org, coordinator, sub, anna, sara, annaAccount, milaParent, otherParent, mila, ole, paul };
    }

    const notesRow = async (contractId: string) =>
      (
        await t.app.platform.db
          .select()
          .from(substitutionCareNotes)
          .where(eq(substitutionCareNotes.contractId, contractId))
      )[0];

    const auditOf = async (organisationId: string, contractId: string) =>
      t.app.platform.db
        .select({ action: auditEvents.action, details: auditEvents.details })
        .from(auditEvents)
        .where(and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.entityId, contractId)));

    it("lets parents keep, read and withdraw their own child's notes, only with consent", async () => {
      const s = await scene();
      const own = `${s.sub}/family/contracts/${s.mila}/care-notes`;

      // Her children: Mila, without notes yet.
      const list = await s.milaParent.get(`${s.sub}/family/care-notes`);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([
        {
          contractId: s.mila,
          childFirstName: "Mila",
          caregiverName: "Anna Albers",
          hasParentAccount: true,
          careNotes: null,
        },
      ]);

      // Without consent nothing is stored; the answer says why, in her language.
      const withoutConsent = await s.milaParent.put(own, { ...MILA_NOTES, consent: false });
      expect(withoutConsent.status).toBe(400);
      expect(withoutConsent.body.error.fields).toEqual([
        {
          path: "consent",
          message:
            "Ohne Einwilligung speichern wir keine Hinweise. Bitte das Häkchen setzen oder die Hinweise löschen.",
        },
      ]);
      const missingConsent = await s.milaParent.put(own, { allergies: "Erdnüsse" });
      expect(missingConsent.status).toBe(400);
      const empty = await s.milaParent.put(own, { allergies: " ", diet: "", notes: "", consent: true });
      expect(empty.status).toBe(400);
      expect(empty.body.error.fields[0].path).toBe("allergies");
      expect(await notesRow(s.mila)).toBeUndefined();

      const saved = await s.milaParent.put(own, MILA_NOTES);
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body.careNotes).toMatchObject({
        allergies: MILA_NOTES.allergies,
        diet: MILA_NOTES.diet,
        notes: MILA_NOTES.notes,
        consentBy: "parent",
        consentAt: t.clock.now.toISOString(),
      });
      // Encrypted at rest: the database holds no readable allergy.
      const row = await notesRow(s.mila);
      expect(row?.notesEncrypted).not.toContain("Erdnüsse");
      expect(row?.consentBy).toBe("parent");

      const read = await s.milaParent.get(own);
      expect(read.status).toBe(200);
      expect(read.body.careNotes.allergies).toBe(MILA_NOTES.allergies);

      // Another parent: Mila's notes do not exist for her, and she cannot write or delete them.
      for (const attempt of [
        await s.otherParent.get(own),
        await s.otherParent.put(own, MILA_NOTES),
        await s.otherParent.delete(own),
      ])
        expect(attempt.status).toBe(404);
      const others = await s.otherParent.get(`${s.sub}/family/care-notes`);
      expect(others.body.items.map((i: { childFirstName: string }) => i.childFirstName)).toEqual(["Paul"]);
      // Ole has no family account: no parent reaches his contract.
      expect((await s.milaParent.get(`${s.sub}/family/contracts/${s.ole}/care-notes`)).status).toBe(404);

      // Withdrawing deletes the notes.
      const withdrawn = await s.milaParent.delete(own);
      expect(withdrawn.status).toBe(200);
      expect(await notesRow(s.mila)).toBeUndefined();
      expect((await s.milaParent.get(own)).body.careNotes).toBeNull();
      // Again: nothing left, nothing changes.
      expect((await s.milaParent.delete(own)).status).toBe(200);

      const audit = await auditOf(s.org.id, s.mila);
      expect(audit.map((a) => a.action).sort()).toEqual([
        "substitution.careNotesSaved",
        "substitution.careNotesWithdrawn",
      ]);
      // The log names the filled fields, never their content.
      expect(JSON.stringify(audit)).not.toContain("Erdnüsse");
      expect(audit.find((a) => a.action === "substitution.careNotesSaved")?.details).toMatchObject({
        consentBy: "parent",
        filled: ["allergies", "diet", "notes"],
      });
    });

    it("lets the office keep notes with the parents' written consent; every office read is audited", async () => {
      const s = await scene();
      const url = `${s.sub}/contracts/${s.ole}/care-notes`;
      const without = await s.coordinator.put(url, { allergies: "Laktose", consent: false });
      expect(without.status).toBe(400);
      expect(without.body.error.code).toBe("validation");
      expect(await notesRow(s.ole)).toBeUndefined();

      const saved = await s.coordinator.put(url, {
        allergies: "Laktose",
        diet: "",
        notes: "",
        consent: true,
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      expect(saved.body).toMatchObject({
        childFirstName: "Ole",
        hasParentAccount: false,
        careNotes: { allergies: "Laktose", consentBy: "office" },
      });
      const read = await s.coordinator.get(url);
      expect(read.status).toBe(200);
      expect(read.body.careNotes.allergies).toBe("Laktose");
      const audit = await auditOf(s.org.id, s.ole);
      expect(audit.map((a) => a.action).sort()).toEqual([
        "substitution.careNotesRead",
        "substitution.careNotesSaved",
      ]);
      expect(audit.find((a) => a.action === "substitution.careNotesRead")?.details).toMatchObject({
        purpose: "office",
      });

      // Other roles and organisations: 403 for the wrong role, 404 elsewhere or for an unknown contract.
      expect((await s.annaAccount.get(url)).status).toBe(403);
      expect((await s.milaParent.put(url, { allergies: "x", consent: true })).status).toBe(403);
      const other = await office();
      expect(
        (await other.coordinator.get(`${other.base}/substitution/contracts/${s.ole}/care-notes`)).status,
      ).toBe(404);
      expect(
        (
          await other.coordinator.put(`${other.base}/substitution/contracts/${s.ole}/care-notes`, {
            allergies: "x",
            consent: true,
          })
        ).status,
      ).toBe(404);
      expect((await s.coordinator.get(`${s.sub}/contracts/${s.anna}/care-notes`)).status).toBe(404);
      const association = await t.createOrganisation({ kind: "association" });
      const board = await t.member(association, ["admin"]);
      expect(
        (await board.get(`/api/orgs/${association.slug}/substitution/contracts/${s.ole}/care-notes`)).status,
      ).toBe(404);

      const deleted = await s.coordinator.delete(url);
      expect(deleted.status).toBe(200);
      expect(await notesRow(s.ole)).toBeUndefined();
    });

    it("gives the covering person the notes only with consent, by mail and on her page; withdrawal stops them", async () => {
      const s = await scene();
      expect(
        (await s.milaParent.put(`${s.sub}/family/contracts/${s.mila}/care-notes`, MILA_NOTES)).status,
      ).toBe(200);
      const reported = await s.annaAccount.post(`${s.sub}/my/absences`, {
        kind: "illness",
        startsOn: TODAY,
        endsOn: TOMORROW,
      });
      expect(reported.status, JSON.stringify(reported.body)).toBe(201);
      const board = await s.coordinator.get(`${s.sub}/board?from=${TODAY}&to=${TOMORROW}`);
      const coversOn = (day: string) =>
        board.body.days.find((d: { day: string }) => d.day === day).covers as {
          id: string;
          contractId: string;
          place: { caregiverId: string } | null;
        }[];
      for (const day of [TODAY, TOMORROW])
        for (const cover of coversOn(day)) expect(cover.place?.caregiverId).toBe(s.sara);

      // Today's covers confirmed: Sara's mail names Mila's allergy, diet and note; Ole has none.
      const saraEmail = `sara.${t.kind}.${s.org.slug}@example.org`;
      const today = await s.coordinator.post(`${s.sub}/covers/confirm`, {
        coverIds: coversOn(TODAY).map((c) => c.id),
      });
      expect(today.status, JSON.stringify(today.body)).toBe(200);
      const first = await smtp.waitForMail((m) => m.to.includes(saraEmail) && m.text.includes("02.03.2026"));
      const milaLine = blockOf(first.text, "Mila");
      expect(milaLine).toContain("Allergien: Erdnüsse (Notfallset im Rucksack)");
      expect(milaLine).toContain("Ernährung: kein Schweinefleisch");
      expect(milaLine).toContain("Gut zu wissen: Schläft mittags mit Kuscheltuch");
      const oleLine = blockOf(first.text, "Ole");
      expect(oleLine).toContain("Allergien und Ernährung: bitte bei den Eltern erfragen");

      // Her page shows them too, for the children she covers from today on.
      const saraAccount = await t.member(s.org, ["substitute"]);
      await t.app.platform.db
        .update(caregivers)
        .set({ userId: saraAccount.userId })
        .where(eq(caregivers.id, s.sara));
      const mine = await saraAccount.get(`${s.sub}/my/covers`);
      expect(mine.status).toBe(200);
      const byChild = (items: { childFirstName: string }[], name: string) =>
        items.find((i) => i.childFirstName === name);
      expect(byChild(mine.body.items, "Mila")).toMatchObject({
        allergies: MILA_NOTES.allergies,
        diet: MILA_NOTES.diet,
        notes: MILA_NOTES.notes,
      });
      expect(byChild(mine.body.items, "Ole")).toMatchObject({ allergies: null, diet: null, notes: null });
      const disclosures = (await auditOf(s.org.id, s.mila)).filter(
        (a) => a.action === "substitution.careNotesRead",
      );
      expect(disclosures.map((a) => (a.details as { purpose: string }).purpose).sort()).toEqual([
        "coverMail",
        "myCovers",
      ]);
      for (const a of disclosures)
        expect(a.details).toMatchObject({ coverCaregiverId: s.sara, sensitive: true });

      // The parents withdraw: tomorrow's mail and her page no longer carry the notes.
      expect((await s.milaParent.delete(`${s.sub}/family/contracts/${s.mila}/care-notes`)).status).toBe(200);
      const tomorrow = await s.coordinator.post(`${s.sub}/covers/confirm`, {
        coverIds: coversOn(TOMORROW).map((c) => c.id),
      });
      expect(tomorrow.status, JSON.stringify(tomorrow.body)).toBe(200);
      // Her account's address now, since her registry entry is linked to it.
      const second = await smtp.waitForMail(
        (m) => m.to.includes(saraAccount.email) && m.text.includes("03.03.2026"),
      );
      expect(second.text).not.toContain("Erdnüsse");
      expect(second.text).not.toContain("Kuscheltuch");
      expect(blockOf(second.text, "Mila")).toContain("bitte bei den Eltern erfragen");
      const after = await saraAccount.get(`${s.sub}/my/covers`);
      for (const item of after.body.items)
        expect(item).toMatchObject({ allergies: null, diet: null, notes: null });
      expect(JSON.stringify(after.body)).not.toContain("Erdnüsse");
    });

    it("erases the notes once the contract has ended, keeping only the count in the log", async () => {
      const s = await scene();
      for (const contractId of [s.mila, s.ole])
        expect(
          (await s.coordinator.put(`${s.sub}/contracts/${contractId}/care-notes`, MILA_NOTES)).status,
        ).toBe(200);
      // Ole's care ended yesterday; Mila's runs on.
      await t.app.platform.db
        .update(careContracts)
        .set({ end: "2026-03-01" })
        .where(eq(careContracts.id, s.ole));
      expect(await eraseEndedCareNotes(t.app.platform)).toBeGreaterThanOrEqual(1);
      expect(await notesRow(s.ole)).toBeUndefined();
      expect(await notesRow(s.mila)).toBeDefined();
      const [entry] = await t.app.platform.db
        .select({ details: auditEvents.details })
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.organisationId, s.org.id),
            eq(auditEvents.action, "substitution.careNotesErased"),
          ),
        );
      expect(entry?.details).toEqual({ erased: 1 });
      // The ended contract's notes can no longer be reached.
      expect((await s.coordinator.get(`${s.sub}/contracts/${s.ole}/care-notes`)).status).toBe(404);
    });
  },
  { smtpUrl: () => smtp.url },
);
