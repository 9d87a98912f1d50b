import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { capacity, monToFri, placementFixtures } from "../../../../test/support/placement";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";
import { careContracts } from "./placement.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

/** A child already in care, as the office records it (the test clock's today is 2026-03-02). */
function contractBody(caregiverId: string, overrides: Record<string, unknown> = {}) {
  return {
    caregiverId,
    childFirstName: "Jonas",
    childBirthDate: "2024-10-15",
    start: "2026-04-01",
    end: null,
    careTimes: monToFri("08:00", "13:00"),
    ...overrides,
  };
}

describeApi(
  "placement: the office's care contracts",
  (t) => {
    const { office, addCaregiver } = placementFixtures(t, () => smtp);

    const countContracts = async (organisationId: string) =>
      (
        await t.app.platform.db
          .select({ id: careContracts.id })
          .from(careContracts)
          .where(eq(careContracts.organisationId, organisationId))
      ).length;

    it("lists the office's contracts by status, caregiver, name and start, sorted by start", async () => {
      const { org, coordinator, base } = await office();
      const anna = await addCaregiver(coordinator, base, "Albers");
      const berta = await addCaregiver(coordinator, base, "Brandt", { person: { firstName: "Berta" } });
      const record = async (caregiverId: string, overrides: Record<string, unknown>) => {
        const created = await coordinator.post(
          `${base}/care-contracts`,
          contractBody(caregiverId, { careTimes: monToFri("08:00", "10:00"), ...overrides }),
        );
        expect(created.status, JSON.stringify(created.body)).toBe(201);
        return created.body.id as string;
      };
      const lena = await record(anna, { childFirstName: "Lena", start: "2026-05-01" });
      const ole = await record(anna, { childFirstName: "Ole", start: "2025-09-01", end: "2026-02-28" });
      const mats = await record(berta, { childFirstName: "Mats", start: "2025-11-01" });
      // Ends today: still in care today, so still active.
      const ida = await record(berta, { childFirstName: "Ida", start: "2026-01-01", end: "2026-03-02" });

      const ids = async (query: string) => {
        const response = await coordinator.get(`${base}/care-contracts${query}`);
        expect(response.status, JSON.stringify(response.body)).toBe(200);
        return response.body.map((c: { id: string }) => c.id);
      };
      expect(await ids("")).toEqual([mats, ida, lena]);
      expect(await ids("?status=active")).toEqual([mats, ida, lena]);
      expect(await ids("?status=ended")).toEqual([ole]);
      expect(await ids("?status=all")).toEqual([ole, mats, ida, lena]);
      expect(await ids(`?status=all&caregiverId=${anna}`)).toEqual([ole, lena]);
      expect(await ids("?q=LEN")).toEqual([lena]);
      // The caregiver's name finds all her children; first and last name together too.
      expect(await ids("?q=brandt")).toEqual([mats, ida]);
      expect(await ids("?status=all&q=anna%20alb")).toEqual([ole, lena]);
      expect(await ids("?q=niemand")).toEqual([]);
      expect(await ids("?status=all&startFrom=2025-11-01&startTo=2026-01-31")).toEqual([mats, ida]);
      expect(await ids("?startFrom=2026-04-01")).toEqual([lena]);

      const all = await coordinator.get(`${base}/care-contracts?status=all&q=ole`);
      expect(all.body).toEqual([
        {
          id: ole,
          caregiverId: anna,
          caregiverName: "Anna Albers",
          requestId: null,
          childFirstName: "Ole",
          childBirthDate: "2024-10-15",
          start: "2025-09-01",
          end: "2026-02-28",
          careTimes: monToFri("08:00", "10:00"),
          settlingInEnd: "2025-09-29",
          status: "ended",
        },
      ]);

      const wrongOrder = await coordinator.get(
        `${base}/care-contracts?startFrom=2026-05-01&startTo=2026-04-01`,
      );
      expect(wrongOrder.status).toBe(400);
      expect(wrongOrder.body.error.fields).toEqual([
        { path: "startTo", message: "Das Ende muss nach dem Beginn liegen." },
      ]);
      expect((await coordinator.get(`${base}/care-contracts?status=gone`)).status).toBe(400);
      expect(await countContracts(org.id)).toBe(4);
    });

    it("records a contract directly: audited, mailed to her, and her free places shrink from its start", async () => {
      const { org, coordinator, base } = await office();
      const caregiverUser = await t.member(org, ["caregiver"]);
      const anna = await addCaregiver(coordinator, base, "Albers", {
        person: { email: caregiverUser.email },
        capacity: capacity(2),
      });

      const created = await coordinator.post(
        `${base}/care-contracts`,
        contractBody(anna, { settlingInEnd: "2026-04-15" }),
      );
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        caregiverId: anna,
        caregiverName: "Anna Albers",
        requestId: null,
        childFirstName: "Jonas",
        start: "2026-04-01",
        end: null,
        settlingInEnd: "2026-04-15",
        status: "active",
      });

      const [audit] = await t.app.platform.db
        .select({ action: auditEvents.action, details: auditEvents.details })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, created.body.id));
      expect(audit).toEqual({
        action: "placement.contractCreated",
        details: { direct: true, caregiverId: anna, start: "2026-04-01" },
      });
      const mail = await smtp.waitForMail(
        (m) =>
          m.to.includes(caregiverUser.email) && m.subject.startsWith("Betreuungsvertrag eingetragen: Jonas"),
      );
      expect(mail.text).toContain("01.04.2026");

      // Her week: both places free today, one from the contract's start on.
      await caregiverUser.get(`/api/orgs/${org.slug}/my-profile`);
      const week = await caregiverUser.get(`/api/orgs/${org.slug}/my-week`);
      expect(week.status).toBe(200);
      expect(week.body.contracts).toMatchObject([{ childFirstName: "Jonas" }]);
      expect(week.body.weeks[0].from).toBe("2026-03-02");
      expect(week.body.weeks[0].segments).toContainEqual({
        weekday: 0,
        start: 420,
        end: 960,
        places: 2,
        present: 0,
        free: 2,
      });
      const april = week.body.weeks.find((w: { from: string }) => w.from === "2026-04-01");
      expect(april.segments).toContainEqual({
        weekday: 0,
        start: 480,
        end: 780,
        places: 2,
        present: 1,
        free: 1,
      });

      // A child in care since before her first profile was recorded: checked from today, not from then.
      const since = await coordinator.post(
        `${base}/care-contracts`,
        contractBody(anna, { childFirstName: "Emil", start: "2025-06-01" }),
      );
      expect(since.status).toBe(201);
      expect(since.body.settlingInEnd).toBe("2025-06-29");
      // Now both places are taken from April: a third child no longer fits.
      const third = await coordinator.post(
        `${base}/care-contracts`,
        contractBody(anna, { childFirstName: "Paul" }),
      );
      expect(third.status).toBe(409);
    });

    it("refuses a contract where she has no place, says why, and writes nothing", async () => {
      const { org, coordinator, base } = await office();
      const anna = await addCaregiver(coordinator, base, "Albers", { capacity: capacity(1) });
      expect((await coordinator.post(`${base}/care-contracts`, contractBody(anna))).status).toBe(201);
      const auditsBefore = (await t.app.platform.db.select().from(auditEvents)).length;

      const full = await coordinator.post(
        `${base}/care-contracts`,
        contractBody(anna, {
          childFirstName: "Paul",
          start: "2026-06-01",
          careTimes: [{ day: 3, from: "12:00", to: "14:00" }],
        }),
      );
      expect(full.status).toBe(409);
      expect(full.body.error.code).toBe("placeUnavailable");
      expect(full.body.error.details.reasons).toEqual([
        { code: "full", date: "2026-06-01", day: 3, from: "12:00", to: "13:00", present: 1, places: 1 },
      ]);

      // Before she opens at 07:00 she has no place at all.
      const early = await coordinator.post(
        `${base}/care-contracts`,
        contractBody(anna, {
          childFirstName: "Paul",
          start: "2026-03-10",
          careTimes: monToFri("06:30", "07:30"),
        }),
      );
      expect(early.status).toBe(409);
      expect(early.body.error.details.reasons).toContainEqual(
        expect.objectContaining({ code: "full", date: "2026-03-10", from: "06:30", to: "07:00", places: 0 }),
      );

      // Her licence ends in 2029: a contract from 2030 has no licence to rest on.
      const unlicensed = await coordinator.post(
        `${base}/care-contracts`,
        contractBody(anna, {
          childFirstName: "Paul",
          start: "2030-01-07",
          careTimes: monToFri("14:00", "15:00"),
        }),
      );
      expect(unlicensed.status).toBe(409);
      expect(unlicensed.body.error.details.reasons).toEqual([{ code: "noLicence", validTo: "2029-12-31" }]);

      expect(await countContracts(org.id)).toBe(1);
      expect((await t.app.platform.db.select().from(auditEvents)).length).toBe(auditsBefore);
    });

    it("reports invalid input at its fields, translated, and writes nothing", async () => {
      const { org, coordinator, base } = await office();
      const anna = await addCaregiver(coordinator, base, "Albers");
      const url = `${base}/care-contracts`;

      const schema = await coordinator.post(
        url,
        contractBody(anna, { childFirstName: " ", start: "2026-13-01" }),
      );
      expect(schema.status).toBe(400);
      expect(schema.body.error.fields).toEqual(
        expect.arrayContaining([
          { path: "childFirstName", message: "Bitte ausfüllen." },
          { path: "start", message: "Bitte ein gültiges Datum eingeben." },
        ]),
      );

      const rules = await coordinator.post(
        url,
        contractBody(anna, {
          childBirthDate: "2026-05-01",
          end: "2026-03-31",
          settlingInEnd: "2026-03-15",
          careTimes: [
            { day: 1, from: "08:00", to: "13:00" },
            { day: 1, from: "12:00", to: "14:00" },
            { day: 2, from: "19:00", to: "21:00" },
          ],
        }),
      );
      expect(rules.status).toBe(400);
      expect(rules.body.error.fields).toEqual([
        {
          path: "careTimes.1.from",
          message: "Dieser Zeitraum überschneidet sich mit einem anderen am selben Tag.",
        },
        { path: "careTimes.2.to", message: "Kindertagespflege ist zwischen 06:00 und 20:00 Uhr möglich." },
        { path: "childBirthDate", message: "Das Kind muss zum gewünschten Beginn schon geboren sein." },
        { path: "end", message: "Das Ende muss nach dem Beginn liegen." },
        { path: "settlingInEnd", message: "Das Ende muss nach dem Beginn liegen." },
      ]);

      const english = await coordinator.post(`${url}?lang=en`, contractBody(anna, { careTimes: [] }));
      expect(english.status).toBe(400);
      expect(english.body.error.fields).toEqual([
        { path: "careTimes", message: expect.stringMatching(/care time/i) },
      ]);

      expect(await countContracts(org.id)).toBe(0);
    });

    it("keeps another organisation's caregivers and contracts out of reach, and parents and caregivers out", async () => {
      const { org, coordinator, base } = await office();
      const anna = await addCaregiver(coordinator, base, "Albers");
      const elsewhere = await office();
      const theirs = await addCaregiver(elsewhere.coordinator, elsewhere.base, "Fremd");
      const created = await coordinator.post(`${base}/care-contracts`, contractBody(anna));
      expect(created.status).toBe(201);

      const foreign = await coordinator.post(`${base}/care-contracts`, contractBody(theirs));
      expect(foreign.status).toBe(404);
      expect(await countContracts(org.id)).toBe(1);
      expect(await countContracts(elsewhere.org.id)).toBe(0);
      // Filtering by her id finds nothing here, and her office does not see ours.
      expect((await coordinator.get(`${base}/care-contracts?caregiverId=${theirs}`)).body).toEqual([]);
      expect((await elsewhere.coordinator.get(`${elsewhere.base}/care-contracts?status=all`)).body).toEqual(
        [],
      );
      expect(
        (
          await elsewhere.coordinator.put(`${elsewhere.base}/care-contracts/${created.body.id}`, {
            end: "2026-12-31",
          })
        ).status,
      ).toBe(404);

      const parent = await t.member(org, ["parent"]);
      const caregiver = await t.member(org, ["caregiver"]);
      for (const client of [parent, caregiver]) {
        expect((await client.get(`${base}/care-contracts`)).status).toBe(403);
        expect((await client.post(`${base}/care-contracts`, contractBody(anna))).status).toBe(403);
      }
      expect(await countContracts(org.id)).toBe(1);
      const stored = await t.app.platform.db
        .select({ id: careContracts.id })
        .from(careContracts)
        .where(and(eq(careContracts.organisationId, org.id), eq(careContracts.caregiverId, anna)));
      expect(stored.map((row) => row.id)).toEqual([created.body.id]);
    });
  },
  { smtpUrl: () => smtp.url },
);
