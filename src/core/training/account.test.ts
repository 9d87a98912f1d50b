import { describe, expect, it } from "vitest";
import { nextMatchingRun, qhbProgress, registryUpdates, trainingAccount } from "./account";
import type { AttendanceSummary, PracticeSummary } from "./attendance";
import { audiencesOpenTo } from "./catalogue";
import type { CountedCertificate } from "./certificates";
import { NRW_RULES, SH_RULES } from "./test-support";

let nextId = 1;
function credit(
  completedOn: string,
  units: number,
  overrides: Partial<CountedCertificate> = {},
): CountedCertificate {
  return {
    id: `c${nextId++}`,
    source: "internal",
    category: "other",
    completedOn,
    validUntil: null,
    units,
    countsTowardsObligation: true,
    ...overrides,
  };
}

describe("trainingAccount per licence period (NRW: 75 UE per licence, at most 60 carried over)", () => {
  const licence = { validFrom: "2022-08-01", validTo: "2027-07-31" };

  it("totals the period, lists the years against 15 UE as a guide, and is on track pro rata", () => {
    const account = trainingAccount(
      {
        licences: [licence],
        certificates: [
          credit("2022-10-01", 8),
          credit("2023-05-05", 15),
          credit("2024-03-01", 20),
          credit("2025-02-01", 10),
          credit("2025-03-01", 9, { category: "firstAidChildren", countsTowardsObligation: false }),
        ],
      },
      NRW_RULES,
      "2025-09-01",
    );
    expect(account.mode).toBe("licencePeriod");
    expect(account.currentPeriod).toMatchObject({ requiredUnits: 75, earnedUnits: 53, shortfallUnits: 22 });
    // 1128 of 1826 days have passed: 75 × 1128 / 1826 = 46.3, rounded down to a half unit.
    expect(account.expectedByTodayUnits).toBe(46);
    expect(account.isBehind).toBe(false);
    expect(account.overdueUnits).toBe(0);
    expect(account.years.map((y) => [y.year, y.requiredUnits, y.earnedUnits, y.isBinding])).toEqual([
      [2022, 6.5, 8, false],
      [2023, 15, 15, false],
      [2024, 15, 20, false],
      [2025, 15, 10, false],
    ]);
  });

  it("is behind when fewer UE than expected by today are held", () => {
    const account = trainingAccount(
      { licences: [licence], certificates: [credit("2023-05-05", 15)] },
      NRW_RULES,
      "2025-09-01",
    );
    expect(account.isBehind).toBe(true);
    expect(account.overdueUnits).toBe(0);
  });

  it("carries at most 60 UE into the next licence and reports an ended period's shortfall as overdue", () => {
    const account = trainingAccount(
      {
        licences: [
          { validFrom: "2022-08-01", validTo: "2027-07-31" },
          { validFrom: "2017-08-01", validTo: "2022-07-31" },
        ],
        certificates: [credit("2018-01-10", 100), credit("2021-06-01", 40), credit("2023-01-01", 10)],
      },
      NRW_RULES,
      "2023-02-01",
    );
    expect(
      account.periods.map((p) => [
        p.validFrom,
        p.earnedUnits,
        p.surplusUnits,
        p.carryOutUnits,
        p.carriedInUnits,
      ]),
    ).toEqual([
      ["2017-08-01", 140, 65, 60, 0],
      ["2022-08-01", 10, 0, 0, 60],
    ]);
    expect(account.currentPeriod?.shortfallUnits).toBe(5);
    expect(account.isBehind).toBe(false);

    const short = trainingAccount(
      {
        licences: [{ validFrom: "2017-08-01", validTo: "2022-07-31" }],
        certificates: [credit("2018-01-10", 50)],
      },
      NRW_RULES,
      "2023-02-01",
    );
    expect(short.overdueUnits).toBe(25);
    expect(short.isBehind).toBe(true);
    expect(short.currentPeriod).toBeNull();
  });

  it("carries only units earned in the period itself, so a unit is carried once", () => {
    const rules = { ...NRW_RULES, maxCarryOverUnits: 100 };
    const account = trainingAccount(
      {
        licences: [
          { validFrom: "2012-08-01", validTo: "2017-07-31" },
          { validFrom: "2017-08-01", validTo: "2022-07-31" },
          { validFrom: "2022-08-01", validTo: "2027-07-31" },
        ],
        certificates: [credit("2013-01-10", 175), credit("2018-01-10", 0.5)],
      },
      rules,
      "2023-02-01",
    );
    expect(account.periods.map((p) => p.carryOutUnits)).toEqual([100, 0.5, 0]);
  });

  it("asks a shorter licence for its share: 2 years owe 30 UE", () => {
    const account = trainingAccount(
      { licences: [{ validFrom: "2024-02-29", validTo: "2026-02-28" }], certificates: [] },
      NRW_RULES,
      "2024-03-01",
    );
    expect(account.currentPeriod?.requiredUnits).toBe(30);
  });
});

describe("trainingAccount per calendar year (SH: 15 UE a year, no carry-over)", () => {
  it("asks the first year pro rata from the licence's month and reports past shortfalls", () => {
    const account = trainingAccount(
      {
        licences: [{ validFrom: "2023-09-01", validTo: "2028-08-31" }],
        certificates: [credit("2023-11-20", 6), credit("2024-04-01", 10), credit("2025-03-08", 8)],
      },
      SH_RULES,
      "2025-07-02",
    );
    expect(account.mode).toBe("yearly");
    expect(account.periods).toEqual([]);
    expect(account.years).toEqual([
      {
        year: 2023,
        requiredUnits: 5,
        carriedInUnits: 0,
        earnedUnits: 6,
        shortfallUnits: 0,
        surplusUnits: 1,
        carryOutUnits: 0,
        isBinding: true,
      },
      {
        year: 2024,
        requiredUnits: 15,
        carriedInUnits: 0,
        earnedUnits: 10,
        shortfallUnits: 5,
        surplusUnits: 0,
        carryOutUnits: 0,
        isBinding: true,
      },
      {
        year: 2025,
        requiredUnits: 15,
        carriedInUnits: 0,
        earnedUnits: 8,
        shortfallUnits: 7,
        surplusUnits: 0,
        carryOutUnits: 0,
        isBinding: true,
      },
    ]);
    expect(account.overdueUnits).toBe(5);
    // 183 of 365 days: 15 × 183 / 365 = 7.52, so 7.5 expected and 8 held.
    expect(account.expectedByTodayUnits).toBe(7.5);
    expect(account.isBehind).toBe(true);
  });

  it("carries a capped surplus into the next year where the organisation allows it", () => {
    const rules = { ...SH_RULES, maxCarryOverUnits: 10 };
    const account = trainingAccount(
      {
        licences: [{ validFrom: "2024-01-01", validTo: "2028-12-31" }],
        certificates: [credit("2024-06-01", 30), credit("2025-02-01", 4)],
      },
      rules,
      "2025-03-01",
    );
    expect(account.years.map((y) => [y.year, y.carriedInUnits, y.shortfallUnits, y.carryOutUnits])).toEqual([
      [2024, 0, 0, 10],
      [2025, 10, 1, 0],
    ]);
    // 60 of 365 days in 2025: 15 × 60 / 365 = 2.47 → 2 expected; 14 held.
    expect(account.expectedByTodayUnits).toBe(2);
    expect(account.isBehind).toBe(false);
  });

  it("does not bank UE earned before the licence", () => {
    const rules = { ...SH_RULES, maxCarryOverUnits: 10 };
    const account = trainingAccount(
      {
        licences: [{ validFrom: "2025-01-01", validTo: "2029-12-31" }],
        certificates: [credit("2024-06-01", 30)],
      },
      rules,
      "2025-03-01",
    );
    expect(account.years.map((y) => [y.year, y.requiredUnits, y.carryOutUnits, y.carriedInUnits])).toEqual([
      [2024, 0, 0, 0],
      [2025, 15, 0, 0],
    ]);
  });

  it("owes nothing without a licence but still shows the UE earned", () => {
    const account = trainingAccount(
      { licences: [], certificates: [credit("2025-05-01", 8)] },
      SH_RULES,
      "2025-06-01",
    );
    expect(account.years).toMatchObject([{ year: 2025, requiredUnits: 0, earnedUnits: 8, isBinding: false }]);
    expect(account.isBehind).toBe(false);
    expect(account.expectedByTodayUnits).toBeNull();
  });

  it("counts a leap year's 366 days", () => {
    const account = trainingAccount(
      {
        licences: [{ validFrom: "2024-01-01", validTo: "2028-12-31" }],
        certificates: [credit("2024-01-10", 2)],
      },
      SH_RULES,
      "2024-02-29",
    );
    // 60 of 366 days: 15 × 60 / 366 = 2.46 → 2.
    expect(account.expectedByTodayUnits).toBe(2);
    expect(account.isBehind).toBe(false);
  });
});

describe("qhbProgress", () => {
  const summary = (attendedUnits: number): AttendanceSummary => ({
    plannedUnits: 160,
    attendedUnits,
    excusedUnits: 0,
    missedUnits: 0,
    unrecordedSessionIds: [],
    upcomingSessionIds: [],
    lastAttendedOn: null,
  });
  const practice: PracticeSummary = {
    kita: { confirmedHours: 40, unconfirmedHours: 0 },
    dayCare: { confirmedHours: 12, unconfirmedHours: 8 },
  };
  const none: PracticeSummary = {
    kita: { confirmedHours: 0, unconfirmedHours: 0 },
    dayCare: { confirmedHours: 0, unconfirmedHours: 0 },
  };

  it("adds the runs of a phase, shows practice and assessments, and the phase 2 due date", () => {
    const progress = qhbProgress(
      {
        phase1: {
          attendance: [summary(60), summary(92.5)],
          practice,
          assessments: [{ kind: "phaseAssessment", passed: true, on: "2024-06-01" }],
        },
        phase2: { attendance: [summary(20)], practice: none, assessments: [] },
        certificates: [credit("2024-06-30", 160, { category: "qhbPhase1", countsTowardsObligation: false })],
        licenceValidFrom: "2024-08-01",
      },
      NRW_RULES,
    );
    expect(progress.phase1).toEqual({
      requiredUnits: 160,
      attendedUnits: 152.5,
      practice: {
        kita: { requiredHours: 40, confirmedHours: 40 },
        dayCare: { requiredHours: 40, confirmedHours: 12 },
      },
      assessments: [{ kind: "phaseAssessment", passed: true }],
      completedOn: "2024-06-30",
    });
    expect(progress.phase2.assessments).toEqual([
      { kind: "phaseAssessment", passed: false },
      { kind: "colloquium", passed: false },
    ]);
    expect(progress).toMatchObject({
      attendedUnits: 172.5,
      requiredUnits: 300,
      isComplete: false,
      phase2DueOn: "2026-08-01",
    });
  });
});

describe("registryUpdates", () => {
  const current = {
    licence: { validFrom: "2024-08-01", validTo: "2029-07-31" },
    qualifications: [{ kind: "firstAid" as const, completedOn: "2023-03-01" }],
  };

  it("adds first aid, infection protection and QHB completions, and names the deadlines that change", () => {
    const update = registryUpdates(
      current,
      [
        credit("2023-03-01", 9, { category: "firstAidChildren" }),
        credit("2025-02-10", 9, { category: "firstAidChildren" }),
        credit("2025-01-15", 140, { category: "qhbPhase2" }),
        credit("2025-01-20", 8, { category: "bgw" }),
      ],
      NRW_RULES,
      "2025-02-20",
    );
    expect(update.recordsToAdd).toEqual([
      { kind: "firstAid", completedOn: "2025-02-10" },
      { kind: "qhbPhase2", completedOn: "2025-01-15" },
    ]);
    expect(update.deadlines.find((d) => d.kind === "firstAid")).toMatchObject({
      dueOn: "2027-02-10",
      state: "ok",
    });
    expect(update.deadlines.some((d) => d.kind === "qhbPhase2")).toBe(false);
    expect(update.changedKinds.sort()).toEqual(["firstAid", "qhbPhase2"]);
  });

  it("changes nothing when every certificate is already recorded", () => {
    const update = registryUpdates(
      current,
      [credit("2023-03-01", 9, { category: "firstAidChildren" })],
      NRW_RULES,
      "2025-02-20",
    );
    expect(update).toMatchObject({ recordsToAdd: [], changedKinds: [] });
  });
});

describe("nextMatchingRun", () => {
  const runs = [
    {
      id: "past",
      category: "firstAidChildren" as const,
      isRefresher: false,
      startsOn: "2025-01-10",
      freePlaces: 3,
      audience: "public" as const,
    },
    {
      id: "full",
      category: "firstAidChildren" as const,
      isRefresher: false,
      startsOn: "2025-03-01",
      freePlaces: 0,
      audience: "public" as const,
    },
    {
      id: "refresher",
      category: "firstAidChildren" as const,
      isRefresher: true,
      startsOn: "2025-03-08",
      freePlaces: 2,
      audience: "members" as const,
    },
    {
      id: "open",
      category: "firstAidChildren" as const,
      isRefresher: false,
      startsOn: "2025-04-05",
      freePlaces: 4,
      audience: "caregivers" as const,
    },
    {
      id: "other",
      category: "bgw" as const,
      isRefresher: false,
      startsOn: "2025-02-20",
      freePlaces: 4,
      audience: "public" as const,
    },
  ];
  const valid = credit("2023-03-10", 9, { category: "firstAidChildren", validUntil: "2025-03-10" });

  it("links the earliest bookable run with a free place, a refresher while the certificate still holds", () => {
    expect(nextMatchingRun("firstAidChildren", runs, [valid], "2025-02-01", NRW_RULES)?.id).toBe("refresher");
  });

  it("offers only full courses after a lapse, and a full run when nothing else is planned", () => {
    const lapsed = { ...valid, validUntil: "2025-03-05" };
    expect(nextMatchingRun("firstAidChildren", runs, [lapsed], "2025-02-01", NRW_RULES)?.id).toBe("open");
    expect(nextMatchingRun("firstAidChildren", runs.slice(0, 2), [lapsed], "2025-02-01", NRW_RULES)?.id).toBe(
      "full",
    );
    expect(nextMatchingRun("infectionProtection", runs, [], "2025-02-01", NRW_RULES)).toBeNull();
  });

  it("links only runs whose audience admits her: a guest public runs, a member no day-care-person runs", () => {
    const lapsed = { ...valid, validUntil: "2025-03-05" };
    // The caregivers' run with free places is hers; a guest gets the full public run and its waiting list.
    expect(
      nextMatchingRun("firstAidChildren", runs, [lapsed], "2025-02-01", NRW_RULES, "caregiver")?.id,
    ).toBe("open");
    expect(nextMatchingRun("firstAidChildren", runs, [lapsed], "2025-02-01", NRW_RULES, "guest")?.id).toBe(
      "full",
    );
    expect(nextMatchingRun("firstAidChildren", runs, [lapsed], "2025-02-01", NRW_RULES, "member")?.id).toBe(
      "full",
    );
    // While her certificate holds, a member may take the members' refresher; a guest may not.
    expect(nextMatchingRun("firstAidChildren", runs, [valid], "2025-02-01", NRW_RULES, "member")?.id).toBe(
      "refresher",
    );
    expect(nextMatchingRun("firstAidChildren", runs, [valid], "2025-02-01", NRW_RULES, "guest")?.id).toBe(
      "full",
    );
  });
});

describe("audiencesOpenTo", () => {
  it("opens public runs to everyone, members' runs to members, day-care-person runs to day-care persons", () => {
    expect(audiencesOpenTo("guest")).toEqual(["public"]);
    expect(audiencesOpenTo("member")).toEqual(["public", "members"]);
    expect(audiencesOpenTo("caregiver")).toEqual(["public", "members", "caregivers"]);
  });
});
