import { describe, expect, it } from "vitest";
import { checkPeriod, evaluateCandidate, firstExceedance, listCandidates, proposeCover } from "./proposals";
import {
  at,
  child,
  contract,
  coverInput,
  kita,
  ownChildren,
  person,
  range,
  weekdaySlots,
} from "./test-support";

const MONDAY = "2026-11-30";

describe("firstExceedance", () => {
  it("allows exactly the limit and reports the first minute above it", () => {
    const five = Array.from({ length: 4 }, () => range("08:00-12:00"));
    expect(firstExceedance(five, [range("08:00-12:00")], 5)).toBeNull();
    const full = Array.from({ length: 5 }, () => range("08:00-12:00"));
    expect(firstExceedance(full, [range("11:59-13:00")], 5)).toEqual({ from: 719, to: 720, present: 6 });
    // Touching is not overlapping: a child arriving when the others leave fits.
    expect(firstExceedance(full, [range("12:00-13:00")], 5)).toBeNull();
  });

  it("does not blame the added child for an overbooking outside her times", () => {
    const six = Array.from({ length: 6 }, () => range("08:00-10:00"));
    expect(firstExceedance(six, [range("10:00-12:00")], 5)).toBeNull();
    expect(firstExceedance(six, [range("09:00-12:00")], 5)).toEqual({ from: 540, to: 600, present: 7 });
  });

  it("reports the largest number present over one continuous stretch", () => {
    const existing = [range("08:00-12:00"), range("09:00-10:00")];
    expect(firstExceedance(existing, [range("08:00-11:00")], 1)).toEqual({ from: 480, to: 660, present: 3 });
  });
});

describe("proposeCover", () => {
  it("takes a caregiver whose licence is reached exactly at the limit", () => {
    const input = coverInput({
      children: [child("k1")],
      people: [person("p1", { location: at(1), contracts: ownChildren("p1", 4) })],
    });
    const [proposal] = proposeCover(input);
    expect(proposal).toMatchObject({ kind: "caregiver", personId: "p1", problem: null, distanceKm: 1 });
  });

  it("refuses one minute above the licence and reports that day and minute", () => {
    const input = coverInput({
      children: [child("k1", { ranges: [range("11:59-13:00")] })],
      people: [person("p1", { location: at(1), contracts: ownChildren("p1", 5, "08:00-12:00") })],
    });
    const [proposal] = proposeCover(input);
    expect(proposal?.kind).toBeNull();
    expect(proposal?.problem).toEqual({
      code: "capacity",
      personId: "p1",
      kitaId: null,
      day: MONDAY,
      from: 719,
      to: 720,
      present: 6,
      limit: 5,
    });
  });

  it("prefers a substitute the child knows over a nearer tandem partner", () => {
    const input = coverInput({
      children: [child("k1", { knows: ["sub"] })],
      people: [
        person("sub", { isSubstitute: true, location: at(8) }),
        person("tandem", { location: at(0.5) }),
      ],
      arrangements: [
        { caregiverId: "absent", tandemPartnerIds: ["tandem"], substituteIds: [], kitaId: null },
      ],
    });
    expect(proposeCover(input)[0]).toMatchObject({ kind: "knownSubstitute", personId: "sub", isKnown: true });
  });

  it("prefers the tandem partner over a nearer caregiver with room, and asks her at any distance", () => {
    const input = coverInput({
      children: [child("k1")],
      people: [person("tandem", { location: at(30) }), person("near", { location: at(0.3) })],
      arrangements: [
        { caregiverId: "absent", tandemPartnerIds: ["tandem"], substituteIds: [], kitaId: null },
      ],
    });
    expect(proposeCover(input)[0]).toMatchObject({ kind: "tandem", personId: "tandem", distanceKm: 30 });
  });

  it("falls back to the nearest other person, employed substitutes marked as such, ties by id", () => {
    const input = coverInput({
      children: [child("k1"), child("k2", { day: "2026-12-01" })],
      people: [
        person("b", { location: at(2), isSubstitute: true }),
        person("a", { location: at(2), isSubstitute: true }),
        person("c", { location: at(3) }),
      ],
    });
    const proposals = proposeCover(input);
    expect(proposals.map((p) => [p.kind, p.personId])).toEqual([
      ["substitute", "a"],
      ["substitute", "a"],
    ]);
  });

  it("prefers the substitutes assigned to the absent caregiver among other persons", () => {
    const input = coverInput({
      children: [child("k1")],
      people: [
        person("near", { location: at(1) }),
        person("assigned", { location: at(20), isSubstitute: true }),
      ],
      arrangements: [
        { caregiverId: "absent", tandemPartnerIds: [], substituteIds: ["assigned"], kitaId: null },
      ],
    });
    expect(proposeCover(input)[0]).toMatchObject({ kind: "substitute", personId: "assigned" });
  });

  it("counts covers given earlier in the same run against the licence", () => {
    const input = coverInput({
      children: [child("k1"), child("k2")],
      people: [
        person("near", { location: at(1), contracts: ownChildren("near", 4) }),
        person("far", { location: at(4) }),
      ],
    });
    expect(proposeCover(input).map((p) => p.personId)).toEqual(["near", "far"]);
  });

  it("counts existing covers of other absences", () => {
    const input = coverInput({
      children: [child("k1")],
      people: [
        person("near", { location: at(1), contracts: ownChildren("near", 4) }),
        person("far", { location: at(4) }),
      ],
      existingCovers: [{ personId: "near", kitaId: null, day: MONDAY, ranges: [range("11:00-12:30")] }],
    });
    expect(proposeCover(input)[0]?.personId).toBe("far");
  });

  it("keeps siblings together where one place takes both", () => {
    const input = coverInput({
      children: [child("k1", { familyKey: "fam" }), child("k2", { familyKey: "fam" })],
      people: [
        person("near", { location: at(1), contracts: ownChildren("near", 4) }),
        person("far", { location: at(5), contracts: ownChildren("far", 3) }),
      ],
    });
    expect(proposeCover(input).map((p) => p.personId)).toEqual(["far", "far"]);
  });

  it("splits siblings when nobody can take both", () => {
    const input = coverInput({
      children: [child("k1", { familyKey: "fam" }), child("k2", { familyKey: "fam" })],
      people: [
        person("near", { location: at(1), contracts: ownChildren("near", 4) }),
        person("far", { location: at(5), contracts: ownChildren("far", 4) }),
      ],
    });
    expect(proposeCover(input).map((p) => p.personId)).toEqual(["near", "far"]);
  });

  it("does not treat children of different days or families as siblings", () => {
    const input = coverInput({
      children: [child("k1", { familyKey: "a" }), child("k2", { familyKey: "b" })],
      people: [
        person("near", { location: at(1), contracts: ownChildren("near", 4) }),
        person("far", { location: at(5), contracts: ownChildren("far", 3) }),
      ],
    });
    expect(proposeCover(input).map((p) => p.personId)).toEqual(["near", "far"]);
  });

  it("respects the age range of persons and Kitas", () => {
    const input = coverInput({
      children: [child("baby", { ageMonths: 8 })],
      people: [person("older", { location: at(1), ageMinMonths: 12 }), person("any", { location: at(6) })],
      kitas: [kita("kita", { location: at(0.1) })],
    });
    expect(proposeCover(input)[0]?.personId).toBe("any");
    const onlyOlder = coverInput({
      children: [child("baby", { ageMonths: 8 })],
      people: [person("older", { location: at(1), ageMinMonths: 12 })],
      kitas: [kita("kita", { location: at(0.1) })],
    });
    expect(proposeCover(onlyOlder)[0]?.problem?.code).toBe("noCandidate");
    expect(
      evaluateCandidate(onlyOlder, { contractId: "baby", day: MONDAY }, { personId: "older" }).problem,
    ).toMatchObject({
      code: "ageRange",
      personId: "older",
    });
  });

  it("only asks persons at times they work", () => {
    const input = coverInput({
      children: [child("k1", { ranges: [range("13:00-17:00")] })],
      people: [
        person("morning", {
          location: at(1),
          profiles: [{ effectiveFrom: "2020-01-01", slots: weekdaySlots("07:00", "14:00") }],
        }),
        person("day", { location: at(2) }),
      ],
    });
    expect(proposeCover(input)[0]?.personId).toBe("day");
    expect(
      evaluateCandidate(input, { contractId: "k1", day: MONDAY }, { personId: "morning" }).problem,
    ).toMatchObject({
      code: "notWorking",
      from: 840,
      to: 1020,
    });
  });

  it("never asks a candidate who is herself absent, part days only in their window", () => {
    const ill = person("ill", {
      location: at(0.5),
      absences: [{ startsOn: MONDAY, endsOn: MONDAY, dayFrom: 480, dayTo: 600 }],
    });
    const input = coverInput({
      children: [
        child("morning", { ranges: [range("09:00-11:00")] }),
        child("afternoon", { ranges: [range("13:00-15:00")] }),
      ],
      people: [ill, person("other", { location: at(3) })],
    });
    expect(proposeCover(input).map((p) => p.personId)).toEqual(["other", "ill"]);
    expect(
      evaluateCandidate(input, { contractId: "morning", day: MONDAY }, { personId: "ill" }).problem,
    ).toMatchObject({ code: "absent", personId: "ill", day: MONDAY });
    expect(
      evaluateCandidate(input, { contractId: "morning", day: MONDAY }, { personId: "absent" }).problem?.code,
    ).toBe("absent");
  });

  it("never asks someone without a valid licence that day", () => {
    const input = coverInput({
      children: [child("k1")],
      people: [
        person("expired", {
          location: at(1),
          licences: [{ validFrom: "2020-01-01", validTo: "2026-11-29", maxChildren: 5 }],
        }),
      ],
    });
    expect(proposeCover(input)[0]?.problem).toMatchObject({
      code: "capacity",
      personId: "expired",
      limit: 0,
    });
  });

  it("keeps other persons and Kitas within the distance limit, but not known persons", () => {
    const input = coverInput({
      children: [child("k1"), child("k2", { knows: ["known"] })],
      people: [
        person("far", { location: at(20) }),
        person("known", { location: at(40), contracts: ownChildren("known", 4) }),
      ],
      kitas: [kita("farKita", { location: at(16) })],
    });
    const [first, second] = proposeCover(input);
    expect(first?.problem?.code).toBe("noCandidate");
    expect(second).toMatchObject({ kind: "caregiver", personId: "known", isKnown: true });
    expect(
      evaluateCandidate(input, { contractId: "k1", day: MONDAY }, { kitaId: "farKita" }).problem?.code,
    ).toBe("tooFar");
  });

  it("uses a cooperating Kita last, within opening hours and places, the arranged one first", () => {
    const input = coverInput({
      children: [
        child("k1", { ranges: [range("08:00-15:00")] }),
        child("k2"),
        child("k3", { ranges: [range("08:00-17:00")] }),
      ],
      kitas: [kita("near", { location: at(1), places: 1 }), kita("arranged", { location: at(9), places: 1 })],
      arrangements: [{ caregiverId: "absent", tandemPartnerIds: [], substituteIds: [], kitaId: "arranged" }],
    });
    const proposals = proposeCover(input);
    expect(proposals.map((p) => [p.kind, p.kitaId])).toEqual([
      ["kita", "arranged"],
      ["kita", "near"],
      [null, null],
    ]);
    expect(
      evaluateCandidate(input, { contractId: "k3", day: MONDAY }, { kitaId: "near" }).problem,
    ).toMatchObject({
      code: "notWorking",
      kitaId: "near",
      from: 960,
      to: 1020,
    });
  });

  it("counts existing covers at a Kita against its places", () => {
    const input = coverInput({
      children: [child("k1")],
      kitas: [kita("kita", { places: 1 })],
      existingCovers: [{ personId: null, kitaId: "kita", day: MONDAY, ranges: [range("07:30-08:30")] }],
    });
    expect(proposeCover(input)[0]?.problem).toMatchObject({
      code: "capacity",
      kitaId: "kita",
      from: 480,
      to: 510,
      present: 2,
      limit: 1,
    });
  });

  it("measures from the family, or from the absent caregiver without a family, with the extra distance", () => {
    const input = coverInput({
      children: [child("k1", { home: at(2, 0) }), child("k2", { home: null })],
      people: [
        person("absent", {
          location: at(0),
          absences: [{ startsOn: MONDAY, endsOn: MONDAY, dayFrom: null, dayTo: null }],
        }),
        person("cover", { location: at(3, 0) }),
      ],
    });
    const [withFamily, withoutFamily] = proposeCover(input);
    expect(withFamily).toMatchObject({ personId: "cover", distanceKm: 1, extraDistanceKm: -1 });
    expect(withoutFamily).toMatchObject({ personId: "cover", distanceKm: 3, extraDistanceKm: 3 });
  });

  it("gives the best-ranked candidate's capacity problem when every candidate is full", () => {
    const input = coverInput({
      children: [child("k1", { ranges: [range("09:00-11:00")] })],
      people: [
        person("tandem", { location: at(4), contracts: ownChildren("tandem", 5, "10:30-16:00") }),
        person("near", { location: at(1), contracts: ownChildren("near", 5) }),
      ],
      arrangements: [
        { caregiverId: "absent", tandemPartnerIds: ["tandem"], substituteIds: [], kitaId: null },
      ],
    });
    expect(proposeCover(input)[0]?.problem).toMatchObject({
      code: "capacity",
      personId: "tandem",
      from: 630,
      to: 660,
      present: 6,
    });
  });

  it("is deterministic whatever the order of the input", () => {
    const people = Array.from({ length: 12 }, (_, i) =>
      person(`p${String(i).padStart(2, "0")}`, {
        location: at(1 + (i % 3)),
        contracts: ownChildren(`p${i}`, 4),
      }),
    );
    const children = Array.from({ length: 10 }, (_, i) =>
      child(`k${i}`, { familyKey: i < 4 ? "fam" : null }),
    );
    const a = proposeCover(coverInput({ children, people }));
    const b = proposeCover(coverInput({ children: [...children].reverse(), people: [...people].reverse() }));
    expect([...b].reverse()).toEqual(a);
  });
});

describe("listCandidates", () => {
  it("lists every candidate best first, each with its problem", () => {
    const input = coverInput({
      children: [child("k1", { knows: ["sub"] })],
      people: [
        person("sub", { isSubstitute: true, location: at(10), contracts: ownChildren("sub", 5) }),
        person("tandem", { location: at(2) }),
        person("near", { location: at(1), ageMinMonths: 36 }),
        person("tooFar", { location: at(30) }),
      ],
      kitas: [kita("kita", { location: at(3) })],
      arrangements: [
        { caregiverId: "absent", tandemPartnerIds: ["tandem"], substituteIds: [], kitaId: null },
      ],
    });
    const list = listCandidates(input, { contractId: "k1", day: MONDAY });
    expect(list.map((c) => [c.kind, c.personId ?? c.kitaId, c.problem?.code ?? null])).toEqual([
      ["knownSubstitute", "sub", "capacity"],
      ["tandem", "tandem", null],
      ["caregiver", "near", "ageRange"],
      ["kita", "kita", null],
    ]);
  });
});

describe("checkPeriod", () => {
  it("shows a tandem's offset closings covered by the partner, or the day and time the licence is exceeded", () => {
    const days = ["2026-07-06", "2026-07-07"];
    const anna = person("anna", {
      location: at(0),
      contracts: [contract("a1", "08:00-14:00"), contract("a2", "08:00-14:00")],
      absences: [{ startsOn: "2026-07-06", endsOn: "2026-07-24", dayFrom: null, dayTo: null }],
    });
    const berta = person("berta", { location: at(2), contracts: ownChildren("berta", 3, "07:30-13:00") });
    const children = days.flatMap((day) =>
      ["a1", "a2"].map((id) => child(id, { day, absentCaregiverId: "anna", ranges: [range("08:00-14:00")] })),
    );
    const arrangements = [
      { caregiverId: "anna", tandemPartnerIds: ["berta"], substituteIds: [], kitaId: null },
    ];
    const ok = checkPeriod({ ...coverInput({ people: [anna, berta] }), children, arrangements });
    expect(ok).toMatchObject({ childDays: 4, covered: 4, allCovered: true, firstProblem: null });

    // Berta takes a fourth child of her own on Tuesday from 12:00: one of Anna's two no longer fits there.
    const fuller = person("berta", {
      location: at(2),
      contracts: [
        ...ownChildren("berta", 3, "07:30-13:00"),
        contract("late", "12:00-16:00", { start: "2026-07-07" }),
      ],
    });
    const check = checkPeriod({ ...coverInput({ people: [anna, fuller] }), children, arrangements });
    expect(check.allCovered).toBe(false);
    expect(check.covered).toBe(3);
    expect(check.firstProblem).toMatchObject({
      code: "capacity",
      personId: "berta",
      day: "2026-07-07",
      from: 720,
      to: 780,
      present: 6,
      limit: 5,
    });
    expect(check.proposals.every((p) => p.kind === null || p.kind === "tandem")).toBe(true);
  });

  it("says when there is no tandem partner at all", () => {
    const check = checkPeriod(
      coverInput({ children: [child("k1")], people: [person("near", { location: at(1) })] }),
    );
    expect(check).toMatchObject({ childDays: 1, covered: 0, allCovered: false });
    expect(check.firstProblem?.code).toBe("noCandidate");
  });
});
