import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { type Client, describeApi } from "../../../../test/support/test-app";
import {
  addParticipant,
  book,
  createRun,
  recordAssessment,
  recordAttendance,
  recordPractice,
} from "../../../../test/support/training";
import { accountFixtures } from "../../../../test/support/training-account";
import { auditEvents } from "../../platform/audit/audit.tables";
import { runJobOnce } from "../../platform/jobs/scheduler";
import { deadlineReminderJob } from "../caregivers/caregivers.jobs";
import { caregivers } from "../caregivers/caregivers.tables";
import { users } from "../identity/identity.tables";
import { certificateReminderJob } from "./training.jobs";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

describeApi(
  "training: accounts",
  (t) => {
    const { office, registryPerson, certificate, acceptedExternal } = accountFixtures(t);

    it("computes an NRW account per licence period (75 UE, carry-over up to 60) with QHB progress", async () => {
      const setup = await office();
      const anna = await registryPerson(setup, {
        lastName: "Albers",
        licences: [
          ["2022-08-01", "2027-07-31"],
          ["2017-08-01", "2022-07-31"],
        ],
      });
      const org = setup.org.id;
      const pid = anna.participantId as string;
      await certificate(org, pid, { units: 100, completedOn: "2018-01-10" });
      await certificate(org, pid, { units: 8, completedOn: "2022-10-01" });
      await certificate(org, pid, { units: 15, completedOn: "2023-05-05" });
      await certificate(org, pid, { units: 20, completedOn: "2024-03-01" });
      await certificate(org, pid, { units: 10, completedOn: "2025-02-01" });
      // Superseded copies never count.
      await certificate(org, pid, { units: 10, completedOn: "2025-02-01", status: "superseded" });
      await certificate(org, pid, {
        category: "firstAidChildren",
        units: 9,
        completedOn: "2025-03-01",
        validUntil: "2027-03-01",
        counts: false,
      });
      await acceptedExternal(org, pid, { units: 6, completedOn: "2026-01-15" });
      await acceptedExternal(org, pid, {
        category: "bgw",
        units: 4,
        completedOn: "2024-04-15",
        validUntil: "2026-04-15",
      });

      // QHB phase 1: two sessions of 8 UE, present at one; 40 h Kita confirmed, 10 h day care not yet.
      const qhb = await createRun(t, org, {
        category: "qhbPhase1",
        sessions: [
          { date: "2026-01-12", units: 8 },
          { date: "2026-01-19", units: 8 },
        ],
      });
      await book(t, org, qhb.id, pid);
      await recordAttendance(t, org, [qhb.sessions[0]?.id as string], pid);
      await recordAttendance(t, org, [qhb.sessions[1]?.id as string], pid, "absent");
      await recordPractice(t, org, qhb.id, pid, {
        placeKind: "kita",
        from: "2026-01-05",
        to: "2026-01-16",
        hours: 40,
        confirmedOn: "2026-01-20",
      });
      await recordPractice(t, org, qhb.id, pid, {
        placeKind: "dayCare",
        from: "2026-02-02",
        to: "2026-02-03",
        hours: 10,
      });
      await recordAssessment(t, org, qhb.id, pid, {
        kind: "phaseAssessment",
        passed: false,
        on: "2026-01-19",
      });
      await recordAssessment(t, org, qhb.id, pid, {
        kind: "phaseAssessment",
        passed: true,
        on: "2026-01-26",
      });

      const own = await (anna.client as Client).get(`${setup.base}/training/my-account`);
      expect(own.status, JSON.stringify(own.body)).toBe(200);
      const staff = await setup.coordinator.get(
        `${setup.base}/training/accounts/caregiver/${anna.caregiverId}`,
      );
      expect(staff.status).toBe(200);
      expect(staff.body).toEqual(own.body);
      const account = own.body;
      expect(account.person).toEqual({
        ref: { kind: "caregiver", id: anna.caregiverId },
        name: "Anna Albers",
        isInRegistry: true,
      });
      expect(account.obligation).toEqual({
        mode: "licencePeriod",
        unitsPerYear: 15,
        unitsPerLicencePeriod: 75,
        maxCarryOverUnits: 60,
      });
      // 2017–2022: 100 UE earned against 75 → 25 surplus, all of it carried (cap 60).
      // 2022–2027: 8 + 15 + 20 + 10 + 4 (BGW) + 6 = 63 earned (first aid does not count), 25 carried in.
      expect(account.account.periods).toEqual([
        {
          validFrom: "2017-08-01",
          validTo: "2022-07-31",
          requiredUnits: 75,
          carriedInUnits: 0,
          earnedUnits: 100,
          shortfallUnits: 0,
          surplusUnits: 25,
          carryOutUnits: 25,
        },
        {
          validFrom: "2022-08-01",
          validTo: "2027-07-31",
          requiredUnits: 75,
          carriedInUnits: 25,
          earnedUnits: 63,
          shortfallUnits: 0,
          surplusUnits: 13,
          carryOutUnits: 13,
        },
      ]);
      expect(account.account.currentPeriod.validFrom).toBe("2022-08-01");
      // 1310 of 1826 days of the licence have passed: 75 × 1310 / 1826 = 53.8 → 53.5 expected.
      expect(account.account.expectedByTodayUnits).toBe(53.5);
      expect(account.account.overdueUnits).toBe(0);
      expect(account.account.isBehind).toBe(false);
      // Years are a guide only; 2026 holds the 6 UE of January.
      expect(account.account.currentYear).toMatchObject({
        year: 2026,
        requiredUnits: 15,
        earnedUnits: 6,
        isBinding: false,
      });
      expect(account.account.years.find((y: { year: number }) => y.year === 2025)).toMatchObject({
        earnedUnits: 10,
      });

      expect(account.qhb.phase1).toEqual({
        requiredUnits: 160,
        attendedUnits: 8,
        practice: {
          kita: { requiredHours: 40, confirmedHours: 40 },
          dayCare: { requiredHours: 40, confirmedHours: 0 },
        },
        assessments: [{ kind: "phaseAssessment", passed: true }],
        completedOn: null,
      });
      // Phase 2 is due 24 months after the latest licence started, as the registry counts.
      expect(account.qhb).toMatchObject({
        attendedUnits: 8,
        requiredUnits: 300,
        isComplete: false,
        phase2DueOn: "2024-08-01",
      });

      const states = Object.fromEntries(
        account.certificates
          .filter((c: { isLatest: boolean }) => c.isLatest)
          .map((c: { category: string; state: string }) => [c.category, c.state]),
      );
      // First aid valid until 2027-03-01 (364 days), BGW until 2026-04-15 (44 days, within the 90-day lead).
      expect(states).toMatchObject({ firstAidChildren: "valid", bgw: "expiresSoon", other: "valid" });
      expect(account.certificates).toHaveLength(8);
      expect(account.certificates.filter((c: { source: string }) => c.source === "external")).toHaveLength(2);
    });

    it("computes a Schleswig-Holstein account per calendar year (15 UE, pro rata from the licence)", async () => {
      const setup = await office("association");
      const berta = await registryPerson(setup, {
        firstName: "Berta",
        lastName: "Brandt",
        licences: [["2023-09-01", "2028-08-31"]],
      });
      const org = setup.org.id;
      const pid = berta.participantId as string;
      await certificate(org, pid, { units: 6, completedOn: "2023-11-20" });
      await certificate(org, pid, { units: 10, completedOn: "2024-04-01" });
      await acceptedExternal(org, pid, { units: 8, completedOn: "2025-03-08" });
      await certificate(org, pid, { units: 3, completedOn: "2026-02-10" });

      const response = await (berta.client as Client).get(`${setup.base}/training/my-account`);
      expect(response.status).toBe(200);
      const { account, obligation } = response.body;
      expect(obligation).toMatchObject({
        mode: "yearly",
        unitsPerLicencePeriod: null,
        maxCarryOverUnits: null,
      });
      expect(account.periods).toEqual([]);
      // 2023 owes 4/12 of 15 = 5 UE (licence from September); surplus is not carried in SH.
      expect(
        account.years.map((y: Record<string, number>) => [
          y.year,
          y.requiredUnits,
          y.earnedUnits,
          y.shortfallUnits,
          y.carriedInUnits,
        ]),
      ).toEqual([
        [2023, 5, 6, 0, 0],
        [2024, 15, 10, 5, 0],
        [2025, 15, 8, 7, 0],
        [2026, 15, 3, 12, 0],
      ]);
      // The ended years 2024 and 2025 miss 5 + 7 = 12 UE.
      expect(account.overdueUnits).toBe(12);
      // 61 of 365 days of 2026: 15 × 61 / 365 = 2.5 expected, 3 held — behind only because of the overdue UE.
      expect(account.expectedByTodayUnits).toBe(2.5);
      expect(account.isBehind).toBe(true);

      // A member who is not in the registry has an account without an obligation.
      const member = await t.member(setup.org, ["member"], "Mara Mitglied");
      const noLicence = await member.get(`${setup.base}/training/my-account`);
      expect(noLicence.status).toBe(200);
      expect(noLicence.body.person).toEqual({ ref: null, name: "Mara Mitglied", isInRegistry: false });
      expect(noLicence.body.account).toMatchObject({
        currentPeriod: null,
        overdueUnits: 0,
        isBehind: false,
        expectedByTodayUnits: null,
      });
    });

    it("shows each person only her own account; staff read all, the youth office only reads", async () => {
      const setup = await office();
      const anna = await registryPerson(setup, {
        lastName: "Albers",
        licences: [["2024-01-01", "2028-12-31"]],
      });
      const berta = await registryPerson(setup, {
        firstName: "Berta",
        lastName: "Brandt",
        licences: [["2024-01-01", "2028-12-31"]],
      });
      await certificate(setup.org.id, berta.participantId as string, { units: 7, completedOn: "2025-05-05" });
      const annaClient = anna.client as Client;

      const own = await annaClient.get(`${setup.base}/training/my-account`);
      expect(own.body.person.name).toBe("Anna Albers");
      expect(own.body.account.periods[0].earnedUnits).toBe(0);
      // Another caregiver's account and the list are staff routes.
      expect(
        (await annaClient.get(`${setup.base}/training/accounts/caregiver/${berta.caregiverId}`)).status,
      ).toBe(403);
      expect(
        (await annaClient.get(`${setup.base}/training/accounts/participant/${berta.participantId}`)).status,
      ).toBe(403);
      expect((await annaClient.get(`${setup.base}/training/accounts`)).status).toBe(403);

      // Outsiders learn nothing, whatever their role elsewhere.
      const other = await office();
      expect((await other.coordinator.get(`${setup.base}/training/accounts`)).status).toBe(404);
      expect((await other.coordinator.get(`${setup.base}/training/my-account`)).status).toBe(404);
      expect((await t.anonymous().get(`${setup.base}/training/my-account`)).status).toBe(401);
      // Staff of another organisation cannot reach this one's people through their own organisation.
      expect(
        (await other.coordinator.get(`${other.base}/training/accounts/caregiver/${berta.caregiverId}`))
          .status,
      ).toBe(404);
      expect(
        (await other.coordinator.get(`${other.base}/training/accounts/participant/${berta.participantId}`))
          .status,
      ).toBe(404);

      const youthOffice = await t.member(setup.org, ["youthOffice"]);
      const read = await youthOffice.get(`${setup.base}/training/accounts/caregiver/${berta.caregiverId}`);
      expect(read.status).toBe(200);
      expect(read.body.account.periods[0].earnedUnits).toBe(7);
      // A participant record of someone in the registry leads to the same account.
      const viaParticipant = await youthOffice.get(
        `${setup.base}/training/accounts/participant/${berta.participantId}`,
      );
      expect(viaParticipant.body).toEqual(read.body);
      expect((await youthOffice.get(`${setup.base}/training/accounts`)).status).toBe(200);
      const run = await createRun(t, setup.org.id, { sessions: [{ date: "2026-04-18", units: 9 }] });
      const invite = await youthOffice.post(`${setup.base}/training/invitations`, {
        runId: run.id,
        people: [{ kind: "caregiver", id: berta.caregiverId }],
      });
      expect(invite.status).toBe(403);
      expect((await youthOffice.get(`${setup.base}/training/invitable-runs`)).status).toBe(403);
    });

    it("lists who is behind with filters by certificate, overdue UE and shortfall", async () => {
      const setup = await office();
      const org = setup.org.id;
      // Anna: first aid valid, 50 UE: on track (1098 of 1827 days: 75 × 1098 / 1827 = 45 expected).
      const anna = await registryPerson(setup, {
        lastName: "Albers",
        licences: [["2023-03-01", "2028-02-29"]],
      });
      await certificate(org, anna.participantId as string, { units: 50, completedOn: "2025-06-01" });
      await certificate(org, anna.participantId as string, {
        category: "firstAidChildren",
        units: 9,
        completedOn: "2025-01-10",
        validUntil: "2027-01-10",
        counts: false,
      });
      // Berta: ended licence with 10 of 75 UE (65 overdue), first aid expired.
      const berta = await registryPerson(setup, {
        firstName: "Berta",
        lastName: "Brandt",
        licences: [
          ["2021-01-01", "2025-12-31"],
          ["2026-01-01", "2030-12-31"],
        ],
      });
      await certificate(org, berta.participantId as string, { units: 10, completedOn: "2022-05-01" });
      await certificate(org, berta.participantId as string, {
        category: "firstAidChildren",
        units: 9,
        completedOn: "2023-05-01",
        validUntil: "2025-05-01",
        counts: false,
      });
      // Cem: in the registry without account or e-mail; first aid entered by hand, due in 30 days.
      const cem = await registryPerson(setup, {
        firstName: "Cem",
        lastName: "Celik",
        licences: [["2025-01-01", "2029-12-31"]],
        withAccount: false,
        withEmail: false,
      });
      const added = await setup.coordinator.post(
        `${setup.base}/caregivers/${cem.caregiverId}/qualifications`,
        {
          kind: "firstAid",
          title: "Erste Hilfe DRK",
          completedOn: "2024-04-01",
          hasRelevantEntry: null,
          note: "",
        },
      );
      expect(added.status, JSON.stringify(added.body)).toBeLessThan(300);
      // Dora: a member with a day-care role who is not in the registry; a parent is nobody's training account.
      const dora = await t.member(setup.org, ["caregiver"], "Dora Dinkel");
      const doraParticipant = await addParticipant(t, org, {
        name: "Dora Dinkel",
        email: dora.email,
        userId: dora.userId,
      });
      const parent = await t.member(setup.org, ["parent"], "Paul Parent");
      await addParticipant(t, org, { name: "Paul Parent", email: parent.email, userId: parent.userId });

      const names = async (query = "") => {
        const response = await setup.coordinator.get(`${setup.base}/training/accounts${query}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body.items.map((i: { name: string }) => i.name);
      };
      expect(await names()).toEqual(["Anna Albers", "Berta Brandt", "Cem Celik", "Dora Dinkel"]);
      expect(await names("?category=firstAidChildren&certificate=missing")).toEqual(["Dora Dinkel"]);
      expect(await names("?category=firstAidChildren&certificate=expired")).toEqual(["Berta Brandt"]);
      expect(await names("?category=firstAidChildren&certificate=expiring")).toEqual(["Cem Celik"]);
      expect(await names("?category=firstAidChildren&certificate=notValid")).toEqual([
        "Berta Brandt",
        "Dora Dinkel",
      ]);
      expect(await names("?overdue=true")).toEqual(["Berta Brandt"]);
      expect(await names("?shortfall=true")).toEqual(["Anna Albers", "Berta Brandt", "Cem Celik"]);
      expect(await names("?behind=true")).toEqual(["Berta Brandt", "Cem Celik"]);
      expect(await names("?q=cel")).toEqual(["Cem Celik"]);
      expect(
        (await setup.coordinator.get(`${setup.base}/training/accounts?certificate=sometimes`)).status,
      ).toBe(400);

      const list = await setup.coordinator.get(`${setup.base}/training/accounts?q=berta`);
      expect(list.body.items[0]).toMatchObject({
        ref: { kind: "caregiver", id: berta.caregiverId },
        hasEmail: true,
        isInRegistry: true,
        mode: "licencePeriod",
        heldUnits: 0,
        requiredUnits: 75,
        shortfallUnits: 75,
        overdueUnits: 65,
        isBehind: true,
        certificates: [
          { category: "firstAidChildren", state: "expired", validUntil: "2025-05-01" },
          { category: "other", state: "valid", validUntil: null },
        ],
      });
      // Paused (parental leave): listed with her figures, but none of the "behind" filters chases her.
      await t.app.platform.db
        .update(caregivers)
        .set({ status: "paused" })
        .where(eq(caregivers.id, berta.caregiverId));
      expect(await names("?overdue=true")).toEqual([]);
      expect(await names("?shortfall=true")).toEqual(["Anna Albers", "Cem Celik"]);
      expect(await names("?behind=true")).toEqual(["Cem Celik"]);
      const paused = await setup.coordinator.get(`${setup.base}/training/accounts?q=berta`);
      expect(paused.body.items[0]).toMatchObject({ isPaused: true, isBehind: true, overdueUnits: 65 });
      expect(list.body.items[0].isPaused).toBe(false);

      const doraRow = (await setup.coordinator.get(`${setup.base}/training/accounts?q=dora`)).body.items[0];
      expect(doraRow).toMatchObject({
        ref: { kind: "participant", id: doraParticipant.id },
        isInRegistry: false,
        heldUnits: null,
        requiredUnits: null,
      });
    });

    it("invites a group to a run by mail with a direct link and audits it", async () => {
      const setup = await office();
      const org = setup.org.id;
      const anna = await registryPerson(setup, {
        lastName: "Albers",
        licences: [["2024-01-01", "2028-12-31"]],
      });
      const cem = await registryPerson(setup, {
        firstName: "Cem",
        lastName: "Celik",
        licences: [["2025-01-01", "2029-12-31"]],
        withAccount: false,
        withEmail: false,
      });
      const run = await createRun(t, org, {
        title: "Erste Hilfe am Kind (Samstag)",
        sessions: [{ date: "2026-04-18", units: 9 }],
        capacity: 10,
      });
      const draft = await createRun(t, org, {
        status: "draft",
        sessions: [{ date: "2026-05-18", units: 9 }],
      });
      const past = await createRun(t, org, { sessions: [{ date: "2026-02-18", units: 9 }] });

      const runs = await setup.coordinator.get(
        `${setup.base}/training/invitable-runs?category=firstAidChildren`,
      );
      expect(runs.status).toBe(200);
      expect(runs.body.map((r: { id: string }) => r.id)).toEqual([run.id]);
      expect(runs.body[0]).toMatchObject({ freePlaces: 10, capacity: 10, startsOn: "2026-04-18" });

      for (const runId of [draft.id, past.id]) {
        const refused = await setup.coordinator.post(`${setup.base}/training/invitations`, {
          runId,
          people: [{ kind: "caregiver", id: anna.caregiverId }],
        });
        expect(refused.status).toBe(400);
        expect(refused.body.error.fields[0].path).toBe("runId");
      }
      const empty = await setup.coordinator.post(`${setup.base}/training/invitations`, {
        runId: run.id,
        people: [],
      });
      expect(empty.status).toBe(400);
      // Someone of another organisation is not found, and nothing is sent.
      const other = await office();
      const foreign = await registryPerson(other, {
        lastName: "Fremd",
        licences: [["2024-01-01", "2028-12-31"]],
      });
      const mixed = await setup.coordinator.post(`${setup.base}/training/invitations`, {
        runId: run.id,
        people: [
          { kind: "caregiver", id: anna.caregiverId },
          { kind: "caregiver", id: foreign.caregiverId },
        ],
      });
      expect(mixed.status).toBe(404);
      await t.app.platform.mailer.flush();
      expect(smtp.messages.filter((m) => m.to.includes(anna.email as string))).toHaveLength(0);

      const sent = await setup.coordinator.post(`${setup.base}/training/invitations`, {
        runId: run.id,
        people: [
          { kind: "caregiver", id: anna.caregiverId },
          { kind: "participant", id: anna.participantId },
          { kind: "caregiver", id: cem.caregiverId },
        ],
        note: "Bitte denken Sie an bequeme Kleidung.",
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(200);
      // Her registry and participant records are one person: one mail.
      expect(sent.body).toEqual({
        sent: 1,
        withoutEmail: [{ ref: { kind: "caregiver", id: cem.caregiverId }, name: "Cem Celik" }],
        notAdmitted: [],
      });
      const mail = await smtp.waitForMail((m) => m.to.includes(anna.email as string));
      expect(mail.subject).toBe("Einladung: Erste Hilfe am Kind (Samstag) am 18.04.2026");
      expect(mail.text).toContain(`http://localhost:3000/app/${setup.org.slug}/fortbildungen/${run.id}`);
      expect(mail.text).toContain("Bitte denken Sie an bequeme Kleidung.");
      const [entry] = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.organisationId, org), eq(auditEvents.action, "training.accountsInvited")));
      expect(entry).toMatchObject({ entityType: "trainingCourse", entityId: run.id });
      expect(entry?.details).toMatchObject({ sent: 1, withoutEmail: 1, notAdmitted: 0, hasNote: true });

      // Without an account she can book only public runs, as a guest: a members' run is reported back, a
      // public one links the public catalogue. Anna reads English: her invitation is in English.
      const berta = await registryPerson(setup, {
        firstName: "Berta",
        lastName: "Brandt",
        licences: [["2025-01-01", "2029-12-31"]],
        withAccount: false,
      });
      const bertaEmail = berta.email as string;
      const refused = await setup.coordinator.post(`${setup.base}/training/invitations`, {
        runId: run.id,
        people: [{ kind: "caregiver", id: berta.caregiverId }],
      });
      expect(refused.body).toEqual({
        sent: 0,
        withoutEmail: [],
        notAdmitted: [{ ref: { kind: "caregiver", id: berta.caregiverId }, name: "Berta Brandt" }],
      });
      const publicRun = await createRun(t, org, {
        title: "Erste Hilfe am Kind (offen)",
        sessions: [{ date: "2026-04-25", units: 9 }],
        audience: "public",
      });
      const annaUser = await t.app.platform.db
        .update(users)
        .set({ locale: "en" })
        .where(eq(users.email, anna.email as string))
        .returning({ id: users.id });
      expect(annaUser).toHaveLength(1);
      const open = await setup.coordinator.post(`${setup.base}/training/invitations`, {
        runId: publicRun.id,
        people: [
          { kind: "caregiver", id: berta.caregiverId },
          { kind: "caregiver", id: anna.caregiverId },
        ],
      });
      expect(open.body).toMatchObject({ sent: 2, notAdmitted: [] });
      const guestMail = await smtp.waitForMail(
        (m) => m.to.includes(bertaEmail) && m.subject.includes("(offen)"),
      );
      expect(guestMail.text).toContain(`http://localhost:3000/o/${setup.org.slug}/fortbildungen`);
      expect(guestMail.text).not.toContain("/app/");
      const englishMail = await smtp.waitForMail(
        (m) => m.to.includes(anna.email as string) && m.subject.includes("(offen)"),
      );
      expect(englishMail.subject).toMatch(/^Invitation/);
      expect(englishMail.text).toContain(`/app/${setup.org.slug}/fortbildungen/${publicRun.id}`);
    });

    it("reminds once per stage before a certificate lapses, linking the next matching run, without double mails", async () => {
      const setup = await office();
      const org = setup.org.id;
      // A full course without a free place and a refresher with places: the refresher is linked while valid.
      const fullCourse = await createRun(t, org, {
        title: "Erste Hilfe am Kind (Grundkurs)",
        sessions: [{ date: "2026-03-14", units: 9 }],
        capacity: 1,
      });
      const taken = await addParticipant(t, org, { name: "Schon Gebucht" });
      await book(t, org, fullCourse.id, taken.id);
      const refresher = await createRun(t, org, {
        title: "Erste Hilfe am Kind (Auffrischung)",
        sessions: [{ date: "2026-03-21", units: 9 }],
        isRefresher: true,
      });

      // Clara is in the registry: first aid entered there and certified here, due 2026-04-10 (39 days: stage 90).
      const clara = await registryPerson(setup, {
        firstName: "Clara",
        lastName: "Claus",
        licences: [["2024-01-01", "2028-12-31"]],
      });
      const recorded = await setup.coordinator.post(
        `${setup.base}/caregivers/${clara.caregiverId}/qualifications`,
        {
          kind: "firstAid",
          title: "Erste Hilfe",
          completedOn: "2024-04-10",
          hasRelevantEntry: null,
          note: "",
        },
      );
      expect(recorded.status).toBeLessThan(300);
      await certificate(org, clara.participantId as string, {
        category: "firstAidChildren",
        units: 9,
        completedOn: "2024-04-10",
        validUntil: "2026-04-10",
        counts: false,
      });
      // Her BGW certificate is not tracked by the registry: the training reminder covers it (3 days: stage 7).
      await acceptedExternal(org, clara.participantId as string, {
        category: "bgw",
        units: 4,
        completedOn: "2023-03-05",
        validUntil: "2026-03-05",
      });
      // Dora is not in the registry: her first aid (23 days: stage 30) is reminded by the training job; her
      // older, lapsed certificate is replaced by it and not reminded of.
      const dora = await t.member(setup.org, ["caregiver"], "Dora Dinkel");
      const doraParticipant = await addParticipant(t, org, {
        name: "Dora Dinkel",
        email: dora.email,
        userId: dora.userId,
      });
      await certificate(org, doraParticipant.id, {
        category: "firstAidChildren",
        units: 9,
        completedOn: "2022-03-25",
        validUntil: "2024-03-25",
        counts: false,
      });
      await certificate(org, doraParticipant.id, {
        category: "firstAidChildren",
        units: 9,
        completedOn: "2024-03-25",
        validUntil: "2026-03-25",
        counts: false,
      });

      const mailsTo = async (email: string) => {
        await t.app.platform.mailer.flush();
        return smtp.messages.filter((m) => m.to.includes(email));
      };
      expect(await runJobOnce(t.app.platform, deadlineReminderJob)).toBe(true);
      expect(await runJobOnce(t.app.platform, certificateReminderJob)).toBe(true);

      const claraMails = await mailsTo(clara.email as string);
      const firstAid = claraMails.filter((m) => m.subject.includes("Erste Hilfe"));
      expect(firstAid.map((m) => m.subject)).toEqual(["Frist: Erste Hilfe am Kind am 10.04.2026"]);
      expect(firstAid[0]?.text).toContain(
        `http://localhost:3000/app/${setup.org.slug}/fortbildungen/${refresher.id}`,
      );
      expect(firstAid[0]?.text).toContain("Erste Hilfe am Kind (Auffrischung)");
      const bgw = claraMails.filter((m) => m.subject.includes("gültig bis 05.03.2026"));
      expect(bgw).toHaveLength(1);
      expect(bgw[0]?.text).toContain("Zurzeit ist kein passender Kurs geplant");
      expect(bgw[0]?.text).toContain(`http://localhost:3000/app/${setup.org.slug}/fortbildungskonto`);

      const doraMails = await mailsTo(dora.email);
      expect(doraMails.map((m) => m.subject)).toEqual([
        "Ihre Bescheinigung läuft ab: Fortbildung 2024-03-25 (gültig bis 25.03.2026)",
      ]);
      expect(doraMails[0]?.text).toContain(`/app/${setup.org.slug}/fortbildungen/${refresher.id}`);

      // A second run of both jobs sends nothing more.
      const before = smtp.messages.length;
      await runJobOnce(t.app.platform, deadlineReminderJob);
      await runJobOnce(t.app.platform, certificateReminderJob);
      await t.app.platform.mailer.flush();
      expect(smtp.messages.length).toBe(before);

      // After the lapse the full course is linked (a refresher needs a valid certificate on its first day).
      const start = t.clock.now;
      try {
        t.clock.now = new Date("2026-03-26T08:00:00Z");
        const more = await createRun(t, org, {
          title: "Erste Hilfe am Kind (Grundkurs, Mai)",
          sessions: [{ date: "2026-05-09", units: 9 }],
        });
        await runJobOnce(t.app.platform, certificateReminderJob);
        const lapsed = (await mailsTo(dora.email)).filter((m) => m.subject.startsWith("Abgelaufen"));
        expect(lapsed).toHaveLength(1);
        expect(lapsed[0]?.text).toContain(`/fortbildungen/${more.id}`);
      } finally {
        t.clock.now = start;
      }
    });
  },
  { smtpUrl: () => smtp.url },
);
