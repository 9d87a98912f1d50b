import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { type Client, describeApi } from "../../../../test/support/test-app";
import type { CareTime } from "../../../core/placement/requests";
import { careContracts, placementRequests } from "./placement.tables";

const days = (list: number[], from: string, to: string): CareTime[] => list.map((day) => ({ day, from, to }));
const MON_FRI = [1, 2, 3, 4, 5];
const BECKUM = { postalCode: "59269", town: "Beckum" };
const OELDE = { postalCode: "59302", town: "Oelde" };

type RequestInsert = typeof placementRequests.$inferInsert;

/** A request as stored; the names and contacts are there so the test can show they never reach a report. */
function requestRow(organisationId: string, overrides: Partial<RequestInsert>): RequestInsert {
  return {
    id: randomUUID(),
    organisationId,
    status: "open",
    childFirstName: "Geheimname",
    childBirthDate: "2025-01-15",
    wantedStart: "2026-08-01",
    careTimes: days(MON_FRI, "08:00", "13:00"),
    street: "Geheimweg 7",
    ...BECKUM,
    lat: 51.75,
    lon: 8.04,
    maxDistanceKm: 5,
    parentName: "Erika Verborgen",
    email: "erika.verborgen@eltern.example",
    createdAt: new Date("2025-11-01T09:00:00Z"),
    confirmedAt: new Date("2025-11-01T10:00:00Z"),
    ...overrides,
  };
}

function person(lastName: string, area: { postalCode: string; town: string }, status = "active") {
  return {
    firstName: "Anna",
    lastName,
    email: null,
    phone: "",
    street: "Lindenweg 3",
    ...area,
    employment: "selfEmployed",
    languages: ["Deutsch"],
    hasPets: false,
    petsNote: "",
    meals: "",
    pedagogy: "",
    hasInclusionExperience: false,
    ageMinMonths: 6,
    ageMaxMonths: 36,
    careGroupName: null,
    hasPhotoConsent: false,
    status,
  };
}

const licence = {
  number: "PE-1",
  issuer: "Jugendamt Beckum",
  validFrom: "2025-01-01",
  validTo: "2029-12-31",
  conditions: "",
};

/** Weekdays (0 = Monday) from `start` to `end` (minutes of the day) with `places` places. */
const slots = (weekdays: number[], start: number, end: number, places: number) =>
  weekdays.map((weekday) => ({ weekday, start, end, places }));

function csvLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
}

describeApi("placement reports", (t) => {
  /**
   * An office with requests, caregivers and contracts whose figures are worked out by hand in the tests
   * below; the clock stands at Monday, 2 March 2026.
   */
  async function office() {
    const org = await t.createOrganisation();
    const coordinator = await t.member(org, ["coordinator"]);
    const base = `/api/orgs/${org.slug}`;
    const reports = `${base}/placement-reports`;
    const db = t.app.platform.db;

    const addCaregiver = async (
      lastName: string,
      area: { postalCode: string; town: string },
      capacity: { effectiveFrom: string; slots: ReturnType<typeof slots> } | null,
      status = "active",
    ): Promise<string> => {
      const created = await coordinator.post(`${base}/caregivers`, {
        caregiver: person(lastName, area, status),
        licence,
        capacity,
      });
      expect(created.status).toBe(201);
      return created.body.id;
    };
    // Anna (Beckum): 4 places Mo–Fr 7–16. Berta (Oelde): 2 places Mo–We 8–13, from August also Sa 9–12.
    // Carla (Beckum) has no care times on record; Dora (Beckum) has paused and is not counted.
    const anna = await addCaregiver("Albers", BECKUM, {
      effectiveFrom: "2026-01-01",
      slots: slots([0, 1, 2, 3, 4], 420, 960, 4),
    });
    const berta = await addCaregiver("Brandt", OELDE, {
      effectiveFrom: "2026-01-01",
      slots: slots([0, 1, 2], 480, 780, 2),
    });
    const august = await coordinator.put(`${base}/caregivers/${berta}/capacity-profiles`, {
      effectiveFrom: "2026-08-01",
      slots: [...slots([0, 1, 2], 480, 780, 2), ...slots([5], 540, 720, 2)],
    });
    expect(august.status).toBe(200);
    await addCaregiver("Claßen", BECKUM, null);
    await addCaregiver(
      "Dierkes",
      BECKUM,
      { effectiveFrom: "2026-01-01", slots: slots([0], 480, 780, 5) },
      "paused",
    );

    // Waiting: A under one at the start (10 months), Mo–Fr 8–13, waiting 10 days; B 18 months, Mo–We 8–16,
    // 60 days; C in Oelde, 27 months, starting in September, 90 days.
    const waiting = [
      requestRow(org.id, {
        childBirthDate: "2025-10-01",
        confirmedAt: new Date("2026-02-20T08:00:00Z"),
      }),
      requestRow(org.id, {
        status: "suggested",
        careTimes: days([1, 2, 3], "08:00", "16:00"),
        confirmedAt: new Date("2026-01-01T08:00:00Z"),
      }),
      requestRow(org.id, {
        status: "offered",
        ...OELDE,
        childBirthDate: "2024-06-01",
        wantedStart: "2026-09-01",
        confirmedAt: new Date("2025-12-02T08:00:00Z"),
      }),
    ];
    // Placed: D confirmed 10 January, contract made 9 February (30 days), care from 1 April (81 days);
    // G confirmed 1 December, contract made 20 February (81 days), care from 1 March (90 days).
    const placedD = requestRow(org.id, {
      status: "placed",
      childBirthDate: "2025-01-01",
      wantedStart: "2026-04-01",
      confirmedAt: new Date("2026-01-10T10:00:00Z"),
    });
    const placedG = requestRow(org.id, {
      status: "placed",
      ...OELDE,
      childBirthDate: "2025-06-01",
      wantedStart: "2026-03-01",
      confirmedAt: new Date("2025-12-01T10:00:00Z"),
    });
    // Not demand: not yet confirmed, withdrawn, closed.
    const others = [
      requestRow(org.id, { status: "unconfirmed", confirmedAt: null }),
      requestRow(org.id, { status: "withdrawn" }),
      requestRow(org.id, { status: "closed" }),
    ];
    await db.insert(placementRequests).values([...waiting, placedD, placedG, ...others]);

    const contract = (values: Partial<typeof careContracts.$inferInsert>) => ({
      organisationId: org.id,
      caregiverId: anna,
      childFirstName: "Geheimname",
      childBirthDate: "2025-01-01",
      start: "2026-04-01",
      careTimes: days(MON_FRI, "08:00", "13:00"),
      settlingInEnd: "2026-04-28",
      ...values,
    });
    await db.insert(careContracts).values([
      contract({ requestId: placedD.id, createdAt: new Date("2026-02-09T10:00:00Z") }),
      contract({
        requestId: placedG.id,
        start: "2026-03-01",
        end: "2026-07-31",
        status: "active",
        careTimes: days([1, 2, 3], "08:00", "16:00"),
        createdAt: new Date("2026-02-20T10:00:00Z"),
      }),
      // A second contract for G's child (Mondays with Berta) is no second placement.
      contract({
        caregiverId: berta,
        requestId: placedG.id,
        start: "2026-03-01",
        careTimes: days([1], "08:00", "13:00"),
        createdAt: new Date("2026-02-25T10:00:00Z"),
      }),
    ]);
    return { org, coordinator, base, reports };
  }

  /** Another office's request and contract, which must never show up. */
  async function otherOffice() {
    const org = await t.createOrganisation();
    await t.app.platform.db.insert(placementRequests).values(requestRow(org.id, {}));
    return org;
  }

  it("counts the open demand by start month, area and age group, with care hours and the under-one share", async () => {
    const { coordinator, reports } = await office();
    await otherOffice();
    const response = await coordinator.get(`${reports}/demand`);
    expect(response.status).toBe(200);
    const report = response.body;
    expect(report.today).toBe("2026-03-02");
    // 25 + 24 + 25 hours; one of three under one.
    expect(report.total).toEqual({
      requests: 3,
      weeklyHours: 74,
      byAgeGroup: { under1: 1, "1to2": 1, "2to3": 1, "3plus": 0 },
      underOneShare: 1 / 3,
    });
    expect(report.byStartMonth).toEqual([
      {
        month: "2026-08",
        requests: 2,
        weeklyHours: 49,
        byAgeGroup: { under1: 1, "1to2": 1, "2to3": 0, "3plus": 0 },
      },
      {
        month: "2026-09",
        requests: 1,
        weeklyHours: 25,
        byAgeGroup: { under1: 0, "1to2": 0, "2to3": 1, "3plus": 0 },
      },
    ]);
    expect(report.byArea.map((a: { town: string; requests: number }) => [a.town, a.requests])).toEqual([
      ["Beckum", 2],
      ["Oelde", 1],
    ]);
    expect(report.cells).toHaveLength(3);
    // Nothing that names or identifies a family.
    const text = JSON.stringify(report);
    for (const secret of ["Geheimname", "Geheimweg", "Verborgen", "2025-10-01", "eltern.example"]) {
      expect(text).not.toContain(secret);
    }

    const september = await coordinator.get(`${reports}/demand?from=2026-09&to=2026-12`);
    expect(september.body.total.requests).toBe(1);
    const oelde = await coordinator.get(`${reports}/demand?area=593`);
    expect(oelde.body.byArea).toEqual([
      expect.objectContaining({ postalCode: "59302", town: "Oelde", requests: 1, weeklyHours: 25 }),
    ]);
    const babies = await coordinator.get(`${reports}/demand?ageGroup=under1`);
    expect(babies.body.total).toEqual(
      expect.objectContaining({ requests: 1, weeklyHours: 25, underOneShare: 1 }),
    );
  });

  it("measures placement times from the confirmation to the first contract and to its start", async () => {
    const { coordinator, reports } = await office();
    const response = await coordinator.get(`${reports}/placement-times`);
    expect(response.status).toBe(200);
    const report = response.body;
    expect(report.total).toEqual({
      placements: 2,
      toContract: { median: 55.5, p90: 81, mean: 55.5 },
      toStart: { median: 85.5, p90: 90, mean: 85.5 },
    });
    expect(report.byContractMonth).toEqual([{ month: "2026-02", ...report.total }]);
    // D was 15 months old at the wanted start, G 9 months.
    expect(
      report.byAgeGroup.map((g: { ageGroup: string; placements: number; toContract: { median: number } }) => [
        g.ageGroup,
        g.placements,
        g.toContract.median,
      ]),
    ).toEqual([
      ["under1", 1, 81],
      ["1to2", 1, 30],
      ["2to3", 0, null],
      ["3plus", 0, null],
    ]);
    // Still waiting: 10, 60 and 90 days.
    expect(report.waiting).toEqual(expect.objectContaining({ waiting: 3, medianDays: 60, longestDays: 90 }));

    const march = await coordinator.get(`${reports}/placement-times?from=2026-03`);
    expect(march.body.total.placements).toBe(0);
    expect(march.body.total.toContract).toEqual({ median: null, p90: null, mean: null });
    const beckum = await coordinator.get(`${reports}/placement-times?area=Beckum`);
    expect(beckum.body.total.placements).toBe(1);
    expect(beckum.body.waiting).toEqual(
      expect.objectContaining({ waiting: 2, medianDays: 35, longestDays: 60 }),
    );
  });

  it("reports free places by area and weekday on the chosen date", async () => {
    const { coordinator, reports } = await office();
    const today = await coordinator.get(`${reports}/free-capacity`);
    expect(today.status).toBe(200);
    expect(today.body).toEqual(
      expect.objectContaining({
        date: "2026-03-02",
        caregivers: 3,
        withoutProfile: 1,
        weekdays: [0, 1, 2, 3, 4],
      }),
    );
    const [beckum, oelde] = today.body.areas;
    expect(beckum).toEqual(expect.objectContaining({ ...BECKUM, caregivers: 2, withoutProfile: 1 }));
    // Anna on 2 March: G Mo–We 8–16 → Monday 4 free 7–8 and 3 free 8–16 (4 + 24 = 28 place-hours);
    // Thursday and Friday 4 free 7–16 (36). D starts only in April.
    expect(beckum.days).toEqual([
      { weekday: 0, open: 1, freeAllDay: 3, freeAtMost: 4, freePlaceHours: 28 },
      { weekday: 1, open: 1, freeAllDay: 3, freeAtMost: 4, freePlaceHours: 28 },
      { weekday: 2, open: 1, freeAllDay: 3, freeAtMost: 4, freePlaceHours: 28 },
      { weekday: 3, open: 1, freeAllDay: 4, freeAtMost: 4, freePlaceHours: 36 },
      { weekday: 4, open: 1, freeAllDay: 4, freeAtMost: 4, freePlaceHours: 36 },
    ]);
    // Berta: G's Monday contract leaves one of two places; Tuesday and Wednesday both are free.
    expect(oelde.days.slice(0, 3)).toEqual([
      { weekday: 0, open: 1, freeAllDay: 1, freeAtMost: 1, freePlaceHours: 5 },
      { weekday: 1, open: 1, freeAllDay: 2, freeAtMost: 2, freePlaceHours: 10 },
      { weekday: 2, open: 1, freeAllDay: 2, freeAtMost: 2, freePlaceHours: 10 },
    ]);
    expect(today.body.total[0]).toEqual({
      weekday: 0,
      open: 2,
      freeAllDay: 4,
      freeAtMost: 5,
      freePlaceHours: 33,
    });

    // On 1 August G's contract with Anna has ended and D's runs; Berta's August profile adds Saturday.
    const august = await coordinator.get(`${reports}/free-capacity?date=2026-08-01`);
    expect(august.body.weekdays).toEqual([0, 1, 2, 3, 4, 5]);
    // Anna: 4 free 7–8 and 13–16, 3 free 8–13 → 4 + 15 + 12 = 31 place-hours.
    expect(august.body.areas[0].days[0]).toEqual({
      weekday: 0,
      open: 1,
      freeAllDay: 3,
      freeAtMost: 4,
      freePlaceHours: 31,
    });
    expect(august.body.total[5]).toEqual({
      weekday: 5,
      open: 1,
      freeAllDay: 2,
      freeAtMost: 2,
      freePlaceHours: 6,
    });

    const oeldeOnly = await coordinator.get(`${reports}/free-capacity?area=59302&date=2026-08-01`);
    expect(oeldeOnly.body).toEqual(expect.objectContaining({ caregivers: 1, withoutProfile: 0 }));
    expect(oeldeOnly.body.areas.map((a: { town: string }) => a.town)).toEqual(["Oelde"]);
  });

  it("answers bad filters with a translated 400", async () => {
    const { coordinator, reports } = await office();
    const month = await coordinator.get(`${reports}/demand?from=2026-13`);
    expect(month.status).toBe(400);
    expect(month.body.error.fields).toEqual([
      { path: "from", message: "Bitte einen Monat wie 2027-08 angeben." },
    ]);
    const order = await coordinator.request(
      "GET",
      `${reports}/placement-times?from=2026-05&to=2026-04`,
      undefined,
      {
        "accept-language": "en",
      },
    );
    expect(order.status).toBe(400);
    expect(order.body.error.fields).toEqual([{ path: "to", message: "The end must be after the start." }]);
    const date = await coordinator.get(`${reports}/free-capacity.csv?date=2026-02-30`);
    expect(date.status).toBe(400);
    expect(date.body.error.fields[0]).toEqual({
      path: "date",
      message: "Bitte ein gültiges Datum eingeben.",
    });
    const age = await coordinator.get(`${reports}/demand?ageGroup=teen`);
    expect(age.status).toBe(400);
    expect(age.body.error.fields[0].path).toBe("ageGroup");
  });

  it("writes each report as CSV the way German Excel opens it", async () => {
    const { org, coordinator, reports } = await office();
    const demand = await coordinator.get(`${reports}/demand.csv`);
    expect(demand.status).toBe(200);
    expect(demand.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(demand.headers["content-disposition"]).toBe(
      `attachment; filename="offener-bedarf-${org.slug}-2026-03-02.csv"`,
    );
    expect(demand.text.startsWith("\uFEFF")).toBe(true);
    expect(csvLines(demand.text)).toEqual([
      "Beginn (Monat);PLZ;Ort;Altersgruppe;Anfragen;Betreuungsstunden pro Woche",
      "2026-08;59269;Beckum;unter 1 Jahr;1;25",
      "2026-08;59269;Beckum;1 bis 2 Jahre;1;24",
      "2026-09;59302;Oelde;2 bis 3 Jahre;1;25",
    ]);

    const times = csvLines((await coordinator.get(`${reports}/placement-times.csv`)).text);
    expect(times[0]?.split(";")).toHaveLength(12);
    expect(times[1]).toBe("Gesamt;;2;55,5;81;55,5;85,5;90;85,5;3;60;90");
    expect(times[2]).toBe("Monat des Vertrags;2026-02;2;55,5;81;55,5;85,5;90;85,5;;;");
    expect(times[3]).toBe("Altersgruppe;unter 1 Jahr;1;81;81;81;90;90;90;1;10;10");

    const capacity = await coordinator.get(`${reports}/free-capacity.csv?date=2026-08-01&area=Oelde`);
    expect(capacity.headers["content-disposition"]).toContain(`freie-plaetze-${org.slug}-2026-08-01.csv`);
    const lines = csvLines(capacity.text);
    expect(lines[0]).toBe(
      "Stichtag;PLZ;Ort;Wochentag;Kindertagespflegepersonen;davon ohne Betreuungszeiten;geöffnet;Freie Plätze ganztags;Freie Plätze höchstens;Freie Platzstunden",
    );
    expect(lines).toContain("01.08.2026;59302;Oelde;Samstag;1;0;1;2;2;6");
    expect(lines).toContain("01.08.2026;;Gesamt;Montag;1;0;1;1;1;5");

    const english = await coordinator.request("GET", `${reports}/demand.csv?ageGroup=1to2`, undefined, {
      "accept-language": "en",
    });
    expect(csvLines(english.text)).toEqual([
      "Start (month);Postal code;Town;Age group;Requests;Care hours per week",
      "2026-08;59269;Beckum;1 to 2 years;1;24",
    ]);
  });

  it("is read by the office's staff and the youth office only, and only in their own organisation", async () => {
    const { org, reports } = await office();
    const allowed: Client[] = [await t.member(org, ["admin"]), await t.member(org, ["youthOffice"])];
    for (const client of allowed) {
      expect((await client.get(`${reports}/demand`)).status).toBe(200);
      expect((await client.get(`${reports}/free-capacity.csv`)).status).toBe(200);
    }
    for (const role of ["parent", "caregiver", "board", "member"] as const) {
      const client = await t.member(org, [role]);
      for (const path of ["demand", "placement-times.csv", "free-capacity"]) {
        expect((await client.get(`${reports}/${path}`)).status, `${role} ${path}`).toBe(403);
      }
    }
    const elsewhere = await otherOffice();
    const otherCoordinator = await t.member(elsewhere, ["coordinator"]);
    expect((await otherCoordinator.get(`${reports}/demand`)).status).toBe(404);
    expect((await t.anonymous().get(`${reports}/demand.csv`)).status).toBe(401);
    // Refused before the filters are even read.
    const parent = await t.member(org, ["parent"]);
    expect((await parent.get(`${reports}/demand?from=nonsense`)).status).toBe(403);
  });
});
