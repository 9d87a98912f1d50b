import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { insertChild, substitutionFixtures } from "../../../../test/support/substitution";
import { describeApi } from "../../../../test/support/test-app";
import { substitutionCovers } from "./substitution.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

// The test clock's today is Monday 2026-03-02: the default week runs to Sunday 2026-03-08.
const MONDAY = "2026-03-02";
const TUESDAY = "2026-03-03";
const SUNDAY = "2026-03-08";

type Day = {
  day: string;
  absences: {
    absenceId: string;
    childDays: number;
    confirmed: number;
    proposed: number;
    uncovered: number;
  }[];
  holders: {
    caregiverId: string | null;
    name: string;
    children: number;
    confirmed: number;
    proposed: number;
    times: { from: string; to: string }[];
    childFirstNames: string[];
  }[];
  absentPeople: number;
  childDays: number;
  confirmed: number;
  proposed: number;
  uncovered: number;
};

describeApi(
  "substitution: the calendar of absences and cover",
  (t) => {
    const { office, addCaregiver, linkedAccount } = substitutionFixtures(t, () => smtp);

    /**
     * Anna ill Monday and Tuesday with Mila (knows Sara), Ben and Ida (Mondays only, five years old: nobody
     * takes her age); Sara an employed substitute. Mila's Monday is confirmed with Sara, Ben's is proposed
     * with her, Ida stays uncovered; on Tuesday Ben's child-day is cancelled (he stays at home). Tina, with
     * no children, is on holiday Wednesday to Friday.
     */
    async function scene() {
      const { org, coordinator, base } = await office();
      const sub = `${base}/substitution`;
      const anna = await addCaregiver(coordinator, base, "Albers");
      const sara = await addCaregiver(coordinator, base, "Sommer", { person: { firstName: "Sara" } });
      const tina = await addCaregiver(coordinator, base, "Tamm", { person: { firstName: "Tina" } });
      const mila = await insertChild(t, org.id, anna, { parentUserId: null, name: "Mila" });
      const ben = await insertChild(t, org.id, anna, { parentUserId: null, name: "Ben" });
      const ida = await insertChild(t, org.id, anna, {
        parentUserId: null,
        name: "Ida",
        birthDate: "2021-01-01",
        times: [{ day: 1, from: "08:00", to: "12:00" }],
      });
      expect(
        (await coordinator.post(`${sub}/substitutes`, { caregiverId: sara, hoursPerMonth: 40 })).status,
      ).toBe(201);
      expect(
        (
          await coordinator.put(`${sub}/arrangements/${anna}`, {
            tandemPartnerIds: [],
            substituteIds: [sara],
            kitaId: null,
          })
        ).status,
      ).toBe(200);
      for (const on of ["2026-02-02", "2026-02-09", "2026-02-16"])
        expect(
          (await coordinator.post(`${sub}/play-groups`, { hostCaregiverId: sara, on, contractIds: [mila] }))
            .status,
        ).toBe(201);
      const ill = await coordinator.post(`${sub}/absences`, {
        kind: "illness",
        startsOn: MONDAY,
        endsOn: TUESDAY,
        caregiverId: anna,
      });
      expect(ill.status, JSON.stringify(ill.body)).toBe(201);
      const holiday = await coordinator.post(`${sub}/absences`, {
        kind: "holiday",
        startsOn: "2026-03-04",
        endsOn: "2026-03-06",
        caregiverId: tina,
      });
      expect(holiday.status, JSON.stringify(holiday.body)).toBe(201);

      const covers = await t.app.platform.db
        .select()
        .from(substitutionCovers)
        .where(eq(substitutionCovers.organisationId, org.id));
      const coverOf = (contractId: string, day: string) => {
        const found = covers.find((c) => c.contractId === contractId && c.day === day);
        if (!found) throw new Error(`no cover for ${contractId} on ${day}`);
        return found;
      };
      // The proposals the fixture rests on.
      expect(coverOf(mila, MONDAY)).toMatchObject({ status: "proposed", coverCaregiverId: sara });
      expect(coverOf(ben, MONDAY)).toMatchObject({ status: "proposed", coverCaregiverId: sara });
      expect(coverOf(ida, MONDAY)).toMatchObject({ status: "uncovered" });
      expect(covers).toHaveLength(5);
      const confirmed = await coordinator.post(`${sub}/covers/${coverOf(mila, MONDAY).id}/confirm`);
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      await t.app.platform.db
        .update(substitutionCovers)
        .set({ status: "cancelled" })
        .where(and(eq(substitutionCovers.contractId, ben), eq(substitutionCovers.day, TUESDAY)));
      return {
        org,
        coordinator,
        sub,
        anna,
        sara,
        tina,
        annaAbsence: ill.body.absence.id as string,
        tinaAbsence: holiday.body.absence.id as string,
      };
    }

    it("counts each day's child-days by state and who holds them, default the current week", async () => {
      const s = await scene();
      const calendar = await s.coordinator.get(`${s.sub}/calendar`);
      expect(calendar.status, JSON.stringify(calendar.body)).toBe(200);
      expect(calendar.body).toMatchObject({ from: MONDAY, to: SUNDAY, today: MONDAY });
      expect(calendar.body.absences).toEqual([
        {
          id: s.annaAbsence,
          caregiverId: s.anna,
          caregiverName: "Anna Albers",
          kind: "illness",
          startsOn: MONDAY,
          endsOn: TUESDAY,
          dayFrom: null,
          dayTo: null,
        },
        expect.objectContaining({ id: s.tinaAbsence, caregiverName: "Tina Tamm", kind: "holiday" }),
      ]);
      const days = calendar.body.days as Day[];
      expect(days.map((d) => d.day)).toEqual([
        MONDAY,
        TUESDAY,
        "2026-03-04",
        "2026-03-05",
        "2026-03-06",
        "2026-03-07",
        SUNDAY,
      ]);
      const [monday, tuesday, wednesday, , , saturday] = days;
      expect(monday).toMatchObject({
        absences: [{ absenceId: s.annaAbsence, childDays: 3, confirmed: 1, proposed: 1, uncovered: 1 }],
        absentPeople: 1,
        childDays: 3,
        confirmed: 1,
        proposed: 1,
        uncovered: 1,
      });
      // Sara holds Mila (confirmed) and Ben (proposed) on Monday, 08:00–13:00.
      expect(monday?.holders).toEqual([
        {
          caregiverId: s.sara,
          kitaId: null,
          name: "Sara Sommer",
          children: 2,
          confirmed: 1,
          proposed: 1,
          times: [{ from: "08:00", to: "13:00" }],
          childFirstNames: ["Ben", "Mila"],
        },
      ]);
      // Tuesday: Ben's cancelled child-day counts nowhere; Mila is proposed with Sara.
      expect(tuesday).toMatchObject({
        absences: [{ absenceId: s.annaAbsence, childDays: 1, confirmed: 0, proposed: 1, uncovered: 0 }],
        childDays: 1,
        proposed: 1,
        holders: [expect.objectContaining({ name: "Sara Sommer", children: 1, childFirstNames: ["Mila"] })],
      });
      // Tina is away without children: she is absent, no child-day.
      expect(wednesday).toMatchObject({
        absences: [{ absenceId: s.tinaAbsence, childDays: 0, confirmed: 0, proposed: 0, uncovered: 0 }],
        absentPeople: 1,
        childDays: 0,
        holders: [],
      });
      expect(saturday).toMatchObject({ absences: [], absentPeople: 0, childDays: 0 });

      // A month grid: the range asked; the default week moves with the clock (Wednesday → the same Monday).
      const month = await s.coordinator.get(`${s.sub}/calendar?from=2026-02-23&to=2026-04-05`);
      expect(month.status).toBe(200);
      expect(month.body.days).toHaveLength(42);
      expect(month.body.days.find((d: Day) => d.day === MONDAY)).toEqual(monday);
      t.clock.now = new Date("2026-03-04T09:00:00Z");
      try {
        const midweek = await s.coordinator.get(`${s.sub}/calendar`);
        expect(midweek.body).toMatchObject({ from: MONDAY, to: SUNDAY, today: "2026-03-04" });
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }

      // A withdrawn absence leaves the calendar.
      const tinaAccount = await linkedAccount(s.org, s.tina, "caregiver");
      expect((await tinaAccount.delete(`${s.sub}/my/absences/${s.tinaAbsence}`)).status).toBe(200);
      const after = await s.coordinator.get(`${s.sub}/calendar`);
      expect(after.body.absences.map((a: { id: string }) => a.id)).toEqual([s.annaAbsence]);
      expect(after.body.days[2]).toMatchObject({ absences: [], absentPeople: 0 });
    });

    it("shows a day-care person her absences and a substitute the children she covers, nothing else", async () => {
      const s = await scene();
      const sara = await linkedAccount(s.org, s.sara, "substitute");
      const hers = await sara.get(`${s.sub}/my/calendar?from=${MONDAY}&to=${SUNDAY}`);
      expect(hers.status, JSON.stringify(hers.body)).toBe(200);
      expect(hers.body.absences).toEqual([]);
      const saraDays = hers.body.days as Day[];
      // Only the confirmed cover is hers; Ben's proposal may still change.
      expect(saraDays[0]).toMatchObject({ absences: [], absentPeople: 0, childDays: 0 });
      expect(saraDays[0]?.holders).toEqual([
        expect.objectContaining({
          caregiverId: s.sara,
          children: 1,
          confirmed: 1,
          proposed: 0,
          childFirstNames: ["Mila"],
        }),
      ]);
      expect(saraDays[1]?.holders).toEqual([]);
      expect(saraDays.slice(2).every((d) => d.absences.length === 0 && d.holders.length === 0)).toBe(true);

      const anna = await linkedAccount(s.org, s.anna, "caregiver");
      const annas = await anna.get(`${s.sub}/my/calendar`);
      expect(annas.status).toBe(200);
      expect(annas.body.absences.map((a: { id: string }) => a.id)).toEqual([s.annaAbsence]);
      const annaDays = annas.body.days as Day[];
      expect(annaDays[0]).toMatchObject({
        absences: [{ absenceId: s.annaAbsence, childDays: 3, confirmed: 1, proposed: 1, uncovered: 1 }],
        holders: [],
      });
      // Tina's holiday is not Anna's business.
      expect(annaDays[2]).toMatchObject({ absences: [], absentPeople: 0 });
    });

    it("refuses bad ranges (translated), other organisations, associations and wrong roles", async () => {
      const s = await scene();
      // 62 days is the longest range (a month grid needs at most 42).
      const longest = await s.coordinator.get(`${s.sub}/calendar?from=2026-03-01&to=2026-05-01`);
      expect(longest.status).toBe(200);
      expect(longest.body.days).toHaveLength(62);
      const tooLong = await s.coordinator.request(
        "GET",
        `${s.sub}/calendar?from=2026-03-01&to=2026-05-02`,
        undefined,
        { "accept-language": "de" },
      );
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.fields[0]).toMatchObject({
        path: "to",
        message: "Bitte höchstens 62 Tage auf einmal anzeigen.",
      });
      expect((await s.coordinator.get(`${s.sub}/calendar?from=2026-03-08&to=2026-03-02`)).status).toBe(400);
      expect((await s.coordinator.get(`${s.sub}/calendar?from=2026-02-30`)).status).toBe(400);
      const sara = await linkedAccount(s.org, s.sara, "substitute");
      expect((await sara.get(`${s.sub}/my/calendar?from=2026-01-01&to=2026-03-31`)).status).toBe(400);

      // Wrong roles: a parent, a day-care person on the office's calendar, a caregiver without registry entry.
      const parent = await t.member(s.org, ["parent"]);
      expect((await parent.get(`${s.sub}/calendar`)).status).toBe(403);
      expect((await parent.get(`${s.sub}/my/calendar`)).status).toBe(403);
      expect((await sara.get(`${s.sub}/calendar`)).status).toBe(403);
      const unlinked = await t.member(s.org, ["caregiver"]);
      const refused = await unlinked.get(`${s.sub}/my/calendar`);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("substitutionNotRegistryPerson");

      // Another office's coordinator and an association find nothing.
      const other = await office();
      expect((await other.coordinator.get(`${s.sub}/calendar`)).status).toBe(404);
      const foreign = await other.coordinator.get(`${other.base}/substitution/calendar`);
      expect(foreign.status).toBe(200);
      expect(foreign.body.absences).toEqual([]);
      const association = await t.createOrganisation({ kind: "association" });
      const board = await t.member(association, ["board", "admin"]);
      expect((await board.get(`/api/orgs/${association.slug}/substitution/calendar`)).status).toBe(404);
    });
  },
  { smtpUrl: () => smtp.url },
);
