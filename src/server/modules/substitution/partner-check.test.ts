import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { capacity, licence, monToFri, placementFixtures } from "../../../../test/support/placement";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi, type TestContext } from "../../../../test/support/test-app";
import { caregivers } from "../caregivers/caregivers.tables";
import { careContracts } from "../placement/placement.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

// The test clock's today is Monday 2026-03-02. Summer: weeks 1–3 from Monday 6 July, weeks 4–6 from 27 July.
const WEEKS_1_TO_3 = { startsOn: "2026-07-06", endsOn: "2026-07-24" };
const WEEKS_4_TO_6 = { startsOn: "2026-07-27", endsOn: "2026-08-14" };

/** A contract recorded by the office (no family), Monday to Friday unless other times are given. */
async function insertContract(
  t: TestContext,
  organisationId: string,
  caregiverId: string,
  name: string,
  careTimes = monToFri("08:00", "13:00"),
): Promise<string> {
  const [row] = await t.app.platform.db
    .insert(careContracts)
    .values({
      organisationId,
      caregiverId,
      requestId: null,
      childFirstName: name,
      childBirthDate: "2024-09-01",
      start: "2025-09-01",
      end: null,
      careTimes,
      settlingInEnd: "2025-09-14",
    })
    .returning({ id: careContracts.id });
  return row?.id as string;
}

describeApi(
  "substitution: tandem partner check for planned absences",
  (t) => {
    const { office, addCaregiver } = placementFixtures(t, () => smtp);
    const withFive = { ...licence, maxChildren: 5 };

    /** Anna (2 children) and Tina (3 children) in a tandem, both licensed for 5 children at once. */
    async function pair() {
      const { org, coordinator, base } = await office();
      const sub = `${base}/substitution`;
      const anna = await addCaregiver(coordinator, base, "Albers", {
        licence: withFive,
        capacity: capacity(5),
      });
      const tina = await addCaregiver(coordinator, base, "Tamm", {
        person: { firstName: "Tina" },
        licence: withFive,
        capacity: capacity(5),
      });
      for (const name of ["Mila", "Ben"]) await insertContract(t, org.id, anna, name);
      for (const name of ["Ida", "Jonas", "Lea"]) await insertContract(t, org.id, tina, name);
      const arrangement = await coordinator.put(`${sub}/arrangements/${anna}`, {
        tandemPartnerIds: [tina],
        substituteIds: [],
        kitaId: null,
      });
      expect(arrangement.status, JSON.stringify(arrangement.body)).toBe(200);
      const annaAccount = await t.member(org, ["caregiver"]);
      await t.app.platform.db
        .update(caregivers)
        .set({ userId: annaAccount.userId })
        .where(eq(caregivers.id, anna));
      return { org, coordinator, base, sub, anna, tina, annaAccount };
    }

    it("offset summer closings: every child-day is covered by the partner", async () => {
      const s = await pair();
      const tinas = await s.coordinator.post(`${s.sub}/absences`, {
        kind: "closing",
        caregiverId: s.tina,
        ...WEEKS_4_TO_6,
      });
      expect(tinas.status, JSON.stringify(tinas.body)).toBe(201);
      // Tina's 3 children on 15 weekdays, all with Anna (2 + 3 = 5 at once).
      expect(tinas.body.partnerCheck).toEqual({
        partnerNames: ["Anna Albers"],
        childDays: 45,
        coveredByPartner: 45,
        allCovered: true,
        problems: [],
      });

      const annas = await s.annaAccount.post(`${s.sub}/my/absences`, { kind: "closing", ...WEEKS_1_TO_3 });
      expect(annas.status, JSON.stringify(annas.body)).toBe(201);
      expect(annas.body.partnerCheck).toMatchObject({
        partnerNames: ["Tina Tamm"],
        childDays: 30,
        coveredByPartner: 30,
        allCovered: true,
        problems: [],
      });

      // The same answer again, for her and for the office.
      const again = await s.annaAccount.get(`${s.sub}/my/absences/${annas.body.absence.id}/partner-check`);
      expect(again.status).toBe(200);
      expect(again.body.partnerCheck).toEqual(annas.body.partnerCheck);
      const office = await s.coordinator.get(`${s.sub}/absences/${annas.body.absence.id}/partner-check`);
      expect(office.status).toBe(200);
      expect(office.body.partnerCheck.allCovered).toBe(true);

      // Illness is not planned: no partner check.
      const ill = await s.annaAccount.post(`${s.sub}/my/absences`, {
        kind: "illness",
        startsOn: "2026-03-02",
        endsOn: "2026-03-02",
      });
      expect(ill.status, JSON.stringify(ill.body)).toBe(201);
      expect(ill.body.partnerCheck ?? null).toBeNull();
    });

    it("names the day and time where the partner would exceed her licence, and the partner's own closing", async () => {
      const s = await pair();
      // A sixth child at Tina's on Tuesdays only, 08:00–12:30: with Anna's two she would have 6 at once.
      await insertContract(t, s.org.id, s.tina, "Noah", [{ day: 2, from: "08:00", to: "12:30" }]);
      // Tina's closing overlaps Anna's last day (Friday 24 July).
      const tinas = await s.coordinator.post(`${s.sub}/absences`, {
        kind: "closing",
        caregiverId: s.tina,
        startsOn: "2026-07-24",
        endsOn: "2026-08-14",
      });
      expect(tinas.status, JSON.stringify(tinas.body)).toBe(201);
      const annas = await s.annaAccount.post(`${s.sub}/my/absences`, { kind: "holiday", ...WEEKS_1_TO_3 });
      expect(annas.status, JSON.stringify(annas.body)).toBe(201);
      const check = annas.body.partnerCheck;
      expect(check.allCovered).toBe(false);
      expect(check.childDays).toBe(30);
      // Three Tuesdays one child each, and Friday 24 July both children.
      expect(check.coveredByPartner).toBe(30 - 3 - 2);
      const capacityProblems = check.problems.filter((p: { code: string }) => p.code === "capacity");
      expect(capacityProblems.map((p: { day: string }) => p.day)).toEqual([
        "2026-07-07",
        "2026-07-14",
        "2026-07-21",
      ]);
      expect(capacityProblems[0]).toMatchObject({
        personName: "Tina Tamm",
        from: "08:00",
        to: "12:30",
        present: 6,
        limit: 5,
      });
      const closingDay = check.problems.filter((p: { day: string }) => p.day === "2026-07-24");
      expect(closingDay).toHaveLength(2);
      // The partner's own reason, not only "nobody": she is closed herself that day.
      expect(closingDay.map((p: { code: string; personName: string }) => [p.code, p.personName])).toEqual([
        ["absent", "Tina Tamm"],
        ["absent", "Tina Tamm"],
      ]);
    });

    it("answers 404 for others' absences and other organisations, 403 without a registry entry or role", async () => {
      const s = await pair();
      const annas = await s.coordinator.post(`${s.sub}/absences`, {
        kind: "closing",
        caregiverId: s.anna,
        ...WEEKS_1_TO_3,
      });
      expect(annas.status).toBe(201);
      const id = annas.body.absence.id;
      // Tina's account may not read Anna's absence through her own route.
      const tinaAccount = await t.member(s.org, ["caregiver"]);
      await t.app.platform.db
        .update(caregivers)
        .set({ userId: tinaAccount.userId })
        .where(eq(caregivers.id, s.tina));
      expect((await tinaAccount.get(`${s.sub}/my/absences/${id}/partner-check`)).status).toBe(404);
      // A caregiver account without a registry entry, and a parent.
      const unlinked = await t.member(s.org, ["caregiver"]);
      expect((await unlinked.get(`${s.sub}/my/absences/${id}/partner-check`)).status).toBe(403);
      const parent = await t.member(s.org, ["parent"]);
      expect((await parent.get(`${s.sub}/absences/${id}/partner-check`)).status).toBe(403);
      expect((await s.annaAccount.get(`${s.sub}/absences/${id}/partner-check`)).status).toBe(403);
      const other = await office();
      expect(
        (await other.coordinator.get(`${other.base}/substitution/absences/${id}/partner-check`)).status,
      ).toBe(404);
      expect(
        (await s.coordinator.get(`${s.sub}/absences/00000000-0000-4000-8000-000000000000/partner-check`))
          .status,
      ).toBe(404);
    });
  },
  { smtpUrl: () => smtp.url },
);
