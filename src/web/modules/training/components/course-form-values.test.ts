import { describe, expect, it } from "vitest";
import { courseInput, type StaffCourseDetail } from "../../../../contracts/training";
import { NRW_RULES } from "../../../../core/training/test-support";
import {
  blankSessionRow,
  copiedSessionRow,
  courseValues,
  fittingUnits,
  newCourseValues,
  sessionRows,
  sessionUnitsSum,
  toCourseBody,
} from "./course-form-values";

const session = {
  id: "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b",
  date: "2027-01-16",
  from: "09:00",
  to: "16:00",
  units: 8,
  place: "Wilhelmstraße 41, Beckum",
  onlineUrl: null,
  isOnline: false,
  revision: 0,
};

describe("the course form's values", () => {
  it("starts a new run from the category's defaults, with room for the office's own figures", () => {
    const values = newCourseValues(NRW_RULES);
    expect(values.category).toBe("other");
    // "Other" trainings have no standard length: the office enters it.
    expect(values.units).toBe("");
    expect(values.validityMonths).toBe("");
    expect(values.sessions).toEqual([]);
  });

  it("sends euros as whole cents, an empty validity as 'never expires' and an empty link as none", () => {
    const values = {
      ...newCourseValues(NRW_RULES),
      title: "Datenschutz",
      units: 8,
      fee: 19.99,
      sessions: [{ ...sessionRows([session])[0], id: undefined, onlineUrl: " " } as never],
    };
    const body = toCourseBody(values);
    expect(body.feeCents).toBe(1999);
    expect(body.validityMonths).toBeNull();
    expect(body.sessions?.[0]).toEqual({
      date: "2027-01-16",
      from: "09:00",
      to: "16:00",
      units: 8,
      place: "Wilhelmstraße 41, Beckum",
      onlineUrl: null,
    });
    // The run lasts from its first to its last session: no dates of its own are sent.
    expect(body.startsOn).toBeUndefined();
    expect(courseInput.safeParse(body).success).toBe(true);
  });

  it("asks for the run's dates only while it has no sessions", () => {
    const values = { ...newCourseValues(NRW_RULES), title: "Stammtisch", units: 2 };
    expect(courseInput.safeParse(toCourseBody(values)).success).toBe(false);
    const dated = toCourseBody({ ...values, startsOn: "2027-02-01", endsOn: "2027-02-01" });
    expect(dated.startsOn).toBe("2027-02-01");
    expect(courseInput.safeParse(dated).success).toBe(true);
  });

  it("keeps a stored run's sessions by their ids and its series when saved again", () => {
    const course = {
      category: "qhbPhase1",
      seriesId: "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d",
      title: "QHB Teil 1",
      description: "",
      materials: "",
      audience: "members",
      units: 8,
      practiceHours: { kita: 40, dayCare: 40 },
      validityMonths: null,
      minAttendancePercent: 90,
      assessments: ["phaseAssessment"],
      countsTowardsObligation: false,
      isRefresher: false,
      capacity: 12,
      feeCents: 4500,
      cancellationDays: 14,
      trainers: [],
      externalTrainers: "",
      startsOn: "2027-01-16",
      endsOn: "2027-01-16",
      sessions: [session],
    } as unknown as StaffCourseDetail;
    const body = toCourseBody(courseValues(course), course.seriesId);
    expect(body.seriesId).toBe(course.seriesId);
    expect(body.feeCents).toBe(4500);
    expect(body.sessions?.[0]?.id).toBe(session.id);
    expect(courseInput.safeParse(body).success).toBe(true);
  });

  it("copies a session to the same weekday a week later, as a new one", () => {
    const [row] = sessionRows([session]);
    if (!row) throw new Error("no row");
    const copy = copiedSessionRow(row);
    expect(copy).toMatchObject({ date: "2027-01-23", from: "09:00", to: "16:00", units: 8, id: undefined });
    expect(copy.key).not.toBe(row.key);
    expect(blankSessionRow(row)).toMatchObject({ date: "", units: "", place: row.place });
    expect(sessionUnitsSum([row, copy, blankSessionRow(row)])).toBe(16);
  });

  it("says how many UE fit a session's time, 45 minutes each", () => {
    expect(fittingUnits({ from: "09:00", to: "16:00" })).toBe(9);
    expect(fittingUnits({ from: "18:00", to: "19:30" })).toBe(2);
    expect(fittingUnits({ from: "10:00", to: "09:00" })).toBeNull();
    expect(fittingUnits({ from: "", to: "" })).toBeNull();
  });
});
