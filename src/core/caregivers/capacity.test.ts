import { describe, expect, it } from "vitest";
import {
  type CapacityProfile,
  type CapacitySlot,
  type ContractTimes,
  canTakeChild,
  childrenPresentAt,
  formatTimeRange,
  freeCapacityTimeline,
  freePlacesAt,
  hhmmToMinutes,
  MINUTES_PER_WEEK,
  minuteOfWeek,
  minutesToHhmm,
  normaliseTimes,
  placesAt,
  profileInEffect,
  type TimeRange,
  validateProfile,
  type Weekday,
  weeklyHours,
  weeklyMinutes,
} from "./capacity";

const MON = 0;
const WED = 2;
const FRI = 4;
const WEEKDAYS: Weekday[] = [0, 1, 2, 3, 4];

const hm = (text: string): number => {
  const minutes = hhmmToMinutes(text);
  if (minutes === null) throw new Error(`bad time ${text}`);
  return minutes;
};

const range = (weekday: Weekday, start: string, end: string): TimeRange => ({
  weekday,
  start: hm(start),
  end: hm(end),
});

const slot = (weekday: Weekday, start: string, end: string, places: number): CapacitySlot => ({
  ...range(weekday, start, end),
  places,
});

const everyWeekday = (start: string, end: string): TimeRange[] =>
  WEEKDAYS.map((day) => range(day, start, end));

const profile = (effectiveFrom: string, slots: CapacitySlot[]): CapacityProfile => ({ effectiveFrom, slots });

const weekdayProfile = (effectiveFrom: string, places: number, start = "07:30", end = "16:00") =>
  profile(
    effectiveFrom,
    WEEKDAYS.map((day) => slot(day, start, end, places)),
  );

const contract = (start: string, end: string | null, times: TimeRange[]): ContractTimes => ({
  start,
  end,
  times,
});

describe("time helpers", () => {
  it("converts between minutes and HH:MM", () => {
    expect(minutesToHhmm(510)).toBe("08:30");
    expect(minutesToHhmm(0)).toBe("00:00");
    expect(minutesToHhmm(1440)).toBe("24:00");
    expect(hhmmToMinutes("08:30")).toBe(510);
    expect(hhmmToMinutes("8:30")).toBe(510);
    expect(hhmmToMinutes("24:00")).toBe(1440);
    expect(formatTimeRange({ start: 450, end: 960 })).toBe("07:30–16:00");
  });

  it("rejects impossible times", () => {
    expect(hhmmToMinutes("24:30")).toBeNull();
    expect(hhmmToMinutes("12:60")).toBeNull();
    expect(hhmmToMinutes("25:00")).toBeNull();
    expect(hhmmToMinutes("0830")).toBeNull();
    expect(hhmmToMinutes("")).toBeNull();
    expect(() => minutesToHhmm(1441)).toThrow(RangeError);
    expect(() => minutesToHhmm(-1)).toThrow(RangeError);
    expect(() => minutesToHhmm(12.5)).toThrow(RangeError);
  });

  it("numbers minutes of the week from Monday midnight", () => {
    expect(minuteOfWeek(MON, 0)).toBe(0);
    expect(minuteOfWeek(WED, hm("14:00"))).toBe(2 * 1440 + 840);
    expect(minuteOfWeek(6, 1440)).toBe(MINUTES_PER_WEEK);
  });
});

describe("weeklyHours", () => {
  it("sums the care times of a week", () => {
    expect(weeklyHours(everyWeekday("08:00", "12:30"))).toBe(22.5);
    expect(weeklyMinutes([range(MON, "08:00", "08:45")])).toBe(45);
    expect(weeklyHours([])).toBe(0);
  });

  it("counts overlapping ranges once", () => {
    expect(weeklyHours([range(MON, "08:00", "12:00"), range(MON, "11:00", "14:00")])).toBe(6);
    expect(weeklyHours([range(MON, "08:00", "12:00"), range(MON, "09:00", "10:00")])).toBe(4);
  });
});

describe("normaliseTimes", () => {
  it("sorts, merges overlapping and touching ranges per weekday and drops empty ones", () => {
    expect(
      normaliseTimes([
        range(WED, "13:00", "15:00"),
        range(MON, "11:00", "14:00"),
        range(MON, "08:00", "12:00"),
        range(WED, "08:00", "13:00"),
        range(FRI, "09:00", "09:00"),
        range(1, "08:00", "09:00"),
      ]),
    ).toEqual([range(MON, "08:00", "14:00"), range(1, "08:00", "09:00"), range(WED, "08:00", "15:00")]);
  });

  it("does not merge the end of one day into the next", () => {
    expect(normaliseTimes([range(MON, "20:00", "24:00"), range(1, "00:00", "06:00")])).toHaveLength(2);
  });
});

describe("validateProfile", () => {
  it("accepts a normal week with touching slots", () => {
    expect(
      validateProfile(
        [slot(MON, "07:30", "12:00", 5), slot(MON, "12:00", "16:00", 3), slot(WED, "07:30", "12:00", 5)],
        5,
      ),
    ).toEqual([]);
  });

  it("accepts the same hours on different weekdays and a slot ending at midnight", () => {
    expect(validateProfile([slot(MON, "20:00", "24:00", 1), slot(1, "00:00", "06:00", 1)], 5)).toEqual([]);
  });

  it("reports overlapping slots on the same weekday with the slot they collide with", () => {
    const problems = validateProfile(
      [slot(MON, "08:00", "12:00", 5), slot(WED, "08:00", "12:00", 5), slot(MON, "11:30", "14:00", 4)],
      5,
    );
    expect(problems).toEqual([{ code: "overlap", slotIndex: 2, otherSlotIndex: 0 }]);
  });

  it("finds an overlap with a long slot behind a short one", () => {
    const problems = validateProfile(
      [slot(MON, "08:00", "16:00", 2), slot(MON, "09:00", "10:00", 2), slot(MON, "12:00", "13:00", 2)],
      5,
    );
    expect(problems.map((problem) => [problem.slotIndex, problem.otherSlotIndex])).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it("reports a start not before the end", () => {
    expect(validateProfile([slot(MON, "12:00", "08:00", 3), slot(MON, "09:00", "09:00", 3)], 5)).toEqual([
      { code: "startNotBeforeEnd", slotIndex: 0 },
      { code: "startNotBeforeEnd", slotIndex: 1 },
    ]);
  });

  it("reports weekdays and minutes out of range", () => {
    const problems = validateProfile(
      [
        { weekday: 7 as Weekday, start: 480, end: 600, places: 2 },
        { weekday: MON, start: -30, end: 600, places: 2 },
        { weekday: MON, start: 1400, end: 1500, places: 2 },
        { weekday: MON, start: 480.5, end: 600, places: 2 },
      ],
      5,
    );
    expect(problems.map((problem) => problem.code)).toEqual([
      "outOfRange",
      "outOfRange",
      "outOfRange",
      "outOfRange",
    ]);
  });

  it("reports places below one, above the licence or not whole", () => {
    const problems = validateProfile(
      [slot(MON, "08:00", "09:00", 0), slot(1, "08:00", "09:00", 6), slot(WED, "08:00", "09:00", 2.5)],
      5,
    );
    expect(problems).toEqual([
      { code: "placesBelowOne", slotIndex: 0 },
      { code: "placesAboveLicence", slotIndex: 1 },
      { code: "placesNotWhole", slotIndex: 2 },
    ]);
  });

  it("respects a licence granting fewer than five children", () => {
    expect(validateProfile([slot(MON, "08:00", "12:00", 4)], 3)).toEqual([
      { code: "placesAboveLicence", slotIndex: 0 },
    ]);
  });
});

describe("profileInEffect", () => {
  const profiles = [
    weekdayProfile("2025-08-01", 3),
    weekdayProfile("2024-01-01", 5),
    weekdayProfile("2024-06-01", 4),
  ];

  it("picks the latest profile that has started, whatever the list order", () => {
    expect(profileInEffect(profiles, "2024-05-31")?.effectiveFrom).toBe("2024-01-01");
    expect(profileInEffect(profiles, "2024-06-01")?.effectiveFrom).toBe("2024-06-01");
    expect(profileInEffect(profiles, "2025-07-31")?.effectiveFrom).toBe("2024-06-01");
    expect(profileInEffect(profiles, "2030-01-01")?.effectiveFrom).toBe("2025-08-01");
  });

  it("is null before the first profile and for none", () => {
    expect(profileInEffect(profiles, "2023-12-31")).toBeNull();
    expect(profileInEffect([], "2024-01-01")).toBeNull();
  });

  it("lets the later entry win on the same date", () => {
    const correction = weekdayProfile("2024-01-01", 2);
    expect(profileInEffect([weekdayProfile("2024-01-01", 5), correction], "2024-02-01")).toBe(correction);
  });
});

describe("placesAt, childrenPresentAt, freePlacesAt", () => {
  const profiles = [profile("2024-01-01", [slot(MON, "08:00", "12:00", 5), slot(MON, "12:00", "16:00", 3)])];
  const contracts = [
    contract("2024-01-01", null, [range(MON, "08:00", "13:00")]),
    contract("2024-01-01", "2024-08-31", [range(MON, "10:00", "16:00")]),
    contract("2024-09-02", null, [range(MON, "08:00", "16:00")]),
  ];

  it("reads places at slot edges: start inclusive, end exclusive", () => {
    const current = profileInEffect(profiles, "2024-03-01");
    expect(placesAt(current, minuteOfWeek(MON, hm("07:59")))).toBe(0);
    expect(placesAt(current, minuteOfWeek(MON, hm("08:00")))).toBe(5);
    expect(placesAt(current, minuteOfWeek(MON, hm("11:59")))).toBe(5);
    expect(placesAt(current, minuteOfWeek(MON, hm("12:00")))).toBe(3);
    expect(placesAt(current, minuteOfWeek(MON, hm("16:00")))).toBe(0);
    expect(placesAt(current, minuteOfWeek(1, hm("09:00")))).toBe(0);
    expect(placesAt(null, 600)).toBe(0);
  });

  it("takes the larger value where invalid slots overlap instead of adding them up", () => {
    const overlapping = profile("2024-01-01", [
      slot(MON, "08:00", "12:00", 3),
      slot(MON, "10:00", "14:00", 4),
    ]);
    expect(placesAt(overlapping, minuteOfWeek(MON, hm("11:00")))).toBe(4);
  });

  it("counts only contracts running on the date, end date inclusive", () => {
    const at1030 = minuteOfWeek(MON, hm("10:30"));
    expect(childrenPresentAt(contracts, "2024-08-31", at1030)).toBe(2);
    expect(childrenPresentAt(contracts, "2024-09-01", at1030)).toBe(1);
    expect(childrenPresentAt(contracts, "2024-09-02", at1030)).toBe(2);
    expect(childrenPresentAt(contracts, "2023-12-31", at1030)).toBe(0);
  });

  it("counts a child once even if its contract lists overlapping times", () => {
    const doubled = [
      contract("2024-01-01", null, [range(MON, "08:00", "12:00"), range(MON, "11:00", "13:00")]),
    ];
    expect(childrenPresentAt(doubled, "2024-02-01", minuteOfWeek(MON, hm("11:30")))).toBe(1);
  });

  it("computes free places, negative when overbooked", () => {
    expect(freePlacesAt(profiles, contracts, "2024-03-04", minuteOfWeek(MON, hm("10:30")))).toBe(3);
    expect(freePlacesAt(profiles, contracts, "2024-03-04", minuteOfWeek(MON, hm("12:30")))).toBe(1);
    expect(freePlacesAt(profiles, contracts, "2024-03-04", minuteOfWeek(MON, hm("16:30")))).toBe(0);
    const tiny = [profile("2024-01-01", [slot(MON, "08:00", "12:00", 1)])];
    expect(freePlacesAt(tiny, contracts, "2024-03-04", minuteOfWeek(MON, hm("10:30")))).toBe(-1);
  });
});

describe("freeCapacityTimeline", () => {
  it("splits the week where places or children change and merges equal neighbours", () => {
    const profiles = [
      profile("2024-01-01", [
        slot(MON, "07:30", "12:00", 5),
        slot(MON, "12:00", "16:00", 5),
        slot(WED, "07:30", "14:00", 5),
        slot(WED, "14:00", "16:00", 2),
      ]),
    ];
    const contracts = [
      contract("2024-01-01", null, [range(MON, "08:00", "12:00"), range(WED, "08:00", "16:00")]),
      contract("2024-02-01", null, [range(WED, "14:00", "16:00")]),
    ];

    expect(freeCapacityTimeline(profiles, contracts, "2024-03-06")).toEqual([
      { weekday: MON, start: hm("07:30"), end: hm("08:00"), places: 5, present: 0, free: 5 },
      { weekday: MON, start: hm("08:00"), end: hm("12:00"), places: 5, present: 1, free: 4 },
      { weekday: MON, start: hm("12:00"), end: hm("16:00"), places: 5, present: 0, free: 5 },
      { weekday: WED, start: hm("07:30"), end: hm("08:00"), places: 5, present: 0, free: 5 },
      { weekday: WED, start: hm("08:00"), end: hm("14:00"), places: 5, present: 1, free: 4 },
      { weekday: WED, start: hm("14:00"), end: hm("16:00"), places: 2, present: 2, free: 0 },
    ]);
  });

  it("uses the rules of the given date: a contract not yet started is not counted", () => {
    const profiles = [weekdayProfile("2024-01-01", 5, "08:00", "12:00")];
    const contracts = [contract("2024-02-01", null, [range(MON, "08:00", "12:00")])];
    const monday = (date: string) =>
      freeCapacityTimeline(profiles, contracts, date).filter((s) => s.weekday === MON);
    expect(monday("2024-01-31")).toEqual([
      { weekday: MON, start: 480, end: 720, places: 5, present: 0, free: 5 },
    ]);
    expect(monday("2024-02-01")).toEqual([
      { weekday: MON, start: 480, end: 720, places: 5, present: 1, free: 4 },
    ]);
  });

  it("shows children booked outside offered times as overbooked", () => {
    const profiles = [profile("2024-01-01", [slot(FRI, "08:00", "12:00", 3)])];
    const contracts = [contract("2024-01-01", null, [range(FRI, "11:00", "13:00")])];
    expect(freeCapacityTimeline(profiles, contracts, "2024-05-03")).toEqual([
      { weekday: FRI, start: 480, end: 660, places: 3, present: 0, free: 3 },
      { weekday: FRI, start: 660, end: 720, places: 3, present: 1, free: 2 },
      { weekday: FRI, start: 720, end: 780, places: 0, present: 1, free: -1 },
    ]);
  });

  it("keeps a slot ending at midnight apart from the next day's slot", () => {
    const profiles = [profile("2024-01-01", [slot(MON, "18:00", "24:00", 2), slot(1, "00:00", "06:00", 2)])];
    expect(freeCapacityTimeline(profiles, [], "2024-01-01")).toEqual([
      { weekday: MON, start: 1080, end: 1440, places: 2, present: 0, free: 2 },
      { weekday: 1, start: 0, end: 360, places: 2, present: 0, free: 2 },
    ]);
  });

  it("is empty without a profile and without children", () => {
    expect(freeCapacityTimeline([], [], "2024-01-01")).toEqual([]);
  });

  it("agrees with the minute-by-minute definition on random weeks", () => {
    const random = mulberry32(20240801);
    const pick = (n: number) => Math.floor(random() * n);
    for (let round = 0; round < 20; round++) {
      const slots: CapacitySlot[] = [];
      for (let i = 0; i < 8; i++) {
        const start = pick(96) * 15;
        slots.push({
          weekday: pick(7) as Weekday,
          start,
          end: start + 15 * (1 + pick(40)),
          places: 1 + pick(5),
        });
      }
      const profiles = [
        profile(
          "2024-01-01",
          slots.map((s) => ({ ...s, end: Math.min(s.end, 1440) })),
        ),
      ];
      const contracts: ContractTimes[] = [];
      for (let i = 0; i < 10; i++) {
        const times: TimeRange[] = [];
        for (let j = 0; j < 4; j++) {
          const start = pick(90) * 15;
          times.push({
            weekday: pick(7) as Weekday,
            start,
            end: Math.min(1440, start + 15 * (1 + pick(30))),
          });
        }
        contracts.push(contract(pick(2) === 0 ? "2024-01-01" : "2025-01-01", null, times));
      }

      const segments = freeCapacityTimeline(profiles, contracts, "2024-06-01");
      const current = profileInEffect(profiles, "2024-06-01");
      const fromSegments = new Array<string>(MINUTES_PER_WEEK).fill("0/0");
      for (const s of segments) {
        for (let m = s.start; m < s.end; m++)
          fromSegments[minuteOfWeek(s.weekday, m)] = `${s.places}/${s.present}`;
      }
      const perMinute = Array.from(
        { length: MINUTES_PER_WEEK },
        (_, minute) => `${placesAt(current, minute)}/${childrenPresentAt(contracts, "2024-06-01", minute)}`,
      );
      expect(fromSegments).toEqual(perMinute);
      for (let i = 1; i < segments.length; i++) {
        const [a, b] = [segments[i - 1], segments[i]];
        const mergeable =
          a &&
          b &&
          a.weekday === b.weekday &&
          a.end === b.start &&
          a.places === b.places &&
          a.present === b.present;
        expect(mergeable).toBe(false);
      }
    }
  });
});

describe("canTakeChild", () => {
  it("accepts a child who fits into every requested minute", () => {
    const profiles = [weekdayProfile("2024-01-01", 5)];
    const contracts = [contract("2024-01-01", null, everyWeekday("08:00", "14:00"))];
    expect(canTakeChild(profiles, contracts, "2024-09-01", everyWeekday("08:00", "12:00"))).toEqual({
      ok: true,
      conflicts: [],
      contractLimitReachedOn: null,
    });
  });

  it("reports a Wednesday 14:00–16:00 shortage with children present and places", () => {
    const profiles = [
      profile("2024-01-01", [
        ...[MON, 1, 3, FRI].map((day) => slot(day as Weekday, "07:30", "16:00", 5)),
        slot(WED, "07:30", "14:00", 5),
        slot(WED, "14:00", "16:00", 2),
      ]),
    ];
    const contracts = [
      contract("2024-01-01", null, [range(WED, "08:00", "16:00")]),
      contract("2024-03-01", null, [range(WED, "13:00", "16:00")]),
    ];

    const result = canTakeChild(profiles, contracts, "2024-09-02", everyWeekday("08:00", "16:00"));

    expect(result.ok).toBe(false);
    expect(result.conflicts).toEqual([
      { from: "2024-09-02", weekday: WED, start: hm("14:00"), end: hm("16:00"), present: 2, places: 2 },
    ]);
  });

  it("ignores a contract that ended the day before", () => {
    const profiles = [weekdayProfile("2024-01-01", 1)];
    const contracts = [contract("2024-01-01", "2024-08-31", everyWeekday("08:00", "16:00"))];
    expect(canTakeChild(profiles, contracts, "2024-09-01", everyWeekday("08:00", "12:00")).ok).toBe(true);
    expect(
      canTakeChild(profiles, contracts, "2024-08-31", everyWeekday("08:00", "12:00")).conflicts,
    ).toHaveLength(5);
  });

  it("finds a conflict caused by a future profile that reduces places", () => {
    const profiles = [weekdayProfile("2024-01-01", 5), weekdayProfile("2025-08-01", 3)];
    const contracts = [1, 2, 3].map(() => contract("2024-01-01", null, [range(MON, "08:00", "12:00")]));

    const result = canTakeChild(profiles, contracts, "2024-09-01", [range(MON, "09:00", "11:00")]);

    expect(result.ok).toBe(false);
    expect(result.conflicts).toEqual([
      { from: "2025-08-01", weekday: MON, start: hm("09:00"), end: hm("11:00"), present: 3, places: 3 },
    ]);
  });

  it("does not look past the requested end date", () => {
    const profiles = [weekdayProfile("2024-01-01", 5), weekdayProfile("2025-08-01", 3)];
    const contracts = [1, 2, 3].map(() => contract("2024-01-01", null, [range(MON, "08:00", "12:00")]));
    const request = [range(MON, "09:00", "11:00")];
    expect(canTakeChild(profiles, contracts, "2024-09-01", request, { until: "2025-07-31" }).ok).toBe(true);
    expect(canTakeChild(profiles, contracts, "2024-09-01", request, { until: "2025-08-01" }).ok).toBe(false);
  });

  it("finds a conflict with a contract that starts later", () => {
    const profiles = [weekdayProfile("2024-01-01", 2)];
    const contracts = [
      contract("2024-01-01", null, [range(FRI, "08:00", "12:00")]),
      contract("2025-01-06", "2025-06-30", [range(FRI, "10:00", "14:00")]),
    ];

    const result = canTakeChild(profiles, contracts, "2024-09-01", [range(FRI, "08:00", "16:00")]);

    expect(result.conflicts).toEqual([
      { from: "2025-01-06", weekday: FRI, start: hm("10:00"), end: hm("12:00"), present: 2, places: 2 },
    ]);
  });

  it("ignores changes beyond the horizon of two years", () => {
    const profiles = [weekdayProfile("2024-01-01", 5), weekdayProfile("2026-09-01", 1)];
    const contracts = [contract("2024-01-01", null, everyWeekday("08:00", "12:00"))];
    const request = everyWeekday("08:00", "12:00");
    expect(canTakeChild(profiles, contracts, "2024-09-01", request).ok).toBe(true);
    expect(canTakeChild(profiles, contracts, "2024-09-01", request, { horizonYears: 3 }).ok).toBe(false);
  });

  it("treats requested time outside the offered slots as having no places", () => {
    const profiles = [weekdayProfile("2024-01-01", 5, "08:00", "15:00")];
    const result = canTakeChild(profiles, [], "2024-09-02", [
      range(MON, "07:00", "16:00"),
      range(6, "09:00", "12:00"),
    ]);
    expect(result.conflicts).toEqual([
      { from: "2024-09-02", weekday: MON, start: hm("07:00"), end: hm("08:00"), present: 0, places: 0 },
      { from: "2024-09-02", weekday: MON, start: hm("15:00"), end: hm("16:00"), present: 0, places: 0 },
      { from: "2024-09-02", weekday: 6, start: hm("09:00"), end: hm("12:00"), present: 0, places: 0 },
    ]);
  });

  it("conflicts everywhere before the first profile starts", () => {
    const profiles = [weekdayProfile("2024-10-01", 5)];
    const result = canTakeChild(profiles, [], "2024-09-02", [range(MON, "08:00", "12:00")]);
    expect(result.conflicts).toEqual([
      { from: "2024-09-02", weekday: MON, start: 480, end: 720, present: 0, places: 0 },
    ]);
  });

  it("reports a shortage that persists over several checked dates once", () => {
    const profiles = [weekdayProfile("2024-01-01", 1), weekdayProfile("2025-01-01", 1, "07:00", "17:00")];
    const contracts = [
      contract("2024-01-01", null, [range(MON, "08:00", "12:00")]),
      contract("2024-11-01", null, [range(FRI, "08:00", "09:00")]),
    ];
    const result = canTakeChild(profiles, contracts, "2024-09-02", [range(MON, "08:00", "12:00")]);
    expect(result.conflicts).toHaveLength(1);
    expect(result.conflicts[0]?.from).toBe("2024-09-02");
  });

  it("stops at the contract limit per week even when times would fit", () => {
    const profiles = [weekdayProfile("2024-01-01", 5)];
    const contracts = WEEKDAYS.flatMap((day) => [
      contract("2024-01-01", null, [range(day, "08:00", "12:00")]),
      contract("2024-01-01", day === FRI ? "2024-12-31" : null, [range(day, "12:00", "16:00")]),
    ]).slice(0, 9);
    expect(contracts).toHaveLength(9);

    const result = canTakeChild(profiles, contracts, "2024-09-02", [range(FRI, "08:00", "12:00")], {
      maxContracts: 8,
    });
    expect(result).toEqual({ ok: false, conflicts: [], contractLimitReachedOn: "2024-09-02" });
    expect(canTakeChild(profiles, contracts, "2024-09-02", [range(FRI, "08:00", "12:00")]).ok).toBe(true);
  });

  it("reports the date the contract limit is reached by a future contract", () => {
    const profiles = [weekdayProfile("2024-01-01", 5)];
    const contracts = [
      contract("2024-01-01", null, [range(MON, "08:00", "09:00")]),
      contract("2025-02-01", null, [range(1, "08:00", "09:00")]),
    ];
    const result = canTakeChild(profiles, contracts, "2024-09-02", [range(WED, "08:00", "09:00")], {
      maxContracts: 2,
    });
    expect(result.contractLimitReachedOn).toBe("2025-02-01");
    expect(result.ok).toBe(false);
  });

  it("reports exactly the requested minutes without a free place, checked minute by minute", () => {
    const random = mulberry32(7);
    const pick = (n: number) => Math.floor(random() * n);
    for (let round = 0; round < 10; round++) {
      const slots = WEEKDAYS.map((day) => slot(day, "07:00", "17:00", 1 + pick(5)));
      const profiles = [profile("2024-01-01", slots)];
      const contracts = Array.from({ length: 8 }, () => {
        const start = 420 + pick(30) * 15;
        return contract("2024-01-01", null, [
          { weekday: pick(5) as Weekday, start, end: Math.min(1440, start + 60 * (1 + pick(6))) },
        ]);
      });
      const requested = WEEKDAYS.map((day) => ({
        weekday: day,
        start: 360 + pick(8) * 30,
        end: 780 + pick(12) * 30,
      }));

      const result = canTakeChild(profiles, contracts, "2024-09-02", requested);

      const reported = new Set<number>();
      for (const conflict of result.conflicts) {
        for (let m = conflict.start; m < conflict.end; m++) reported.add(minuteOfWeek(conflict.weekday, m));
      }
      const expected = new Set<number>();
      for (const r of requested) {
        for (let m = r.start; m < r.end; m++) {
          const minute = minuteOfWeek(r.weekday, m);
          if (freePlacesAt(profiles, contracts, "2024-09-02", minute) < 1) expected.add(minute);
        }
      }
      expect([...reported].sort((a, b) => a - b)).toEqual([...expected].sort((a, b) => a - b));
      expect(result.ok).toBe(expected.size === 0);
    }
  });
});

/** Small seeded PRNG so the randomised comparisons are reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
