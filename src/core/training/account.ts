/**
 * The training account of one day-care person: UE per calendar year and per licence period against the
 * organisation's obligation, carry-over, QHB progress, and the deadline updates her certificates cause in the
 * registry (core/caregivers/deadlines.ts).
 */

import {
  computeDeadlines,
  type Deadline,
  type DeadlineInput,
  type DeadlineKind,
  type QualificationKind,
  type QualificationRecord,
} from "../caregivers/deadlines";
import type { StateRules } from "../organisations/presets";
import { addDays, addMonths, compareDates, daysBetween } from "../shared/dates";
import type { AttendanceSummary, PracticeSummary } from "./attendance";
import {
  type AssessmentKind,
  audiencesOpenTo,
  type BookerKind,
  type Course,
  type CourseAudience,
  type CourseCategory,
  checkPrerequisites,
  DEFAULT_TRAINING_SETTINGS,
  type PlaceKind,
  QHB_PHASE1_PRACTICE,
  QHB_PHASE1_UNITS,
  QHB_PHASE2_UNITS,
  type TrainingSettings,
} from "./catalogue";
import type { CountedCertificate } from "./certificates";
import type { AssessmentResult } from "./completion";
import { ceilHalfUnits, floorHalfUnits } from "./units";

type AccountRules = Pick<
  StateRules,
  "trainingUnitsPerYear" | "trainingUnitsPerLicencePeriod" | "maxCarryOverUnits" | "licenceMaxYears"
>;

export interface LicencePeriod {
  validFrom: string;
  validTo: string;
}

export interface YearBalance {
  year: number;
  requiredUnits: number;
  carriedInUnits: number;
  earnedUnits: number;
  /** UE still missing for the year (for the current year: still to do, not yet overdue). */
  shortfallUnits: number;
  surplusUnits: number;
  carryOutUnits: number;
  /** False where the obligation is per licence period: the yearly figure is then a guide only. */
  isBinding: boolean;
}

export interface PeriodBalance extends LicencePeriod {
  requiredUnits: number;
  carriedInUnits: number;
  earnedUnits: number;
  shortfallUnits: number;
  surplusUnits: number;
  carryOutUnits: number;
}

export interface TrainingAccount {
  mode: "yearly" | "licencePeriod";
  years: YearBalance[];
  periods: PeriodBalance[];
  currentYear: YearBalance | null;
  currentPeriod: PeriodBalance | null;
  /** UE missing from years or periods that have ended: a breach of the obligation. */
  overdueUnits: number;
  /**
   * UE the current year or period should hold by `today`, pro rata and rounded down to a half unit (lenient:
   * trainings cluster in autumn); null when no obligation runs.
   */
  expectedByTodayUnits: number | null;
  /** Overdue UE, or fewer UE (carried plus earned) in the current year or period than expected by today. */
  isBehind: boolean;
}

/** Whole calendar months from `from` to `to` (exclusive end): 2022-08-01 → 2027-08-01 is 60. */
function wholeMonths(from: string, to: string): number {
  const [fy, fm, fd] = from.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = to.split("-").map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm);
  return td < fd ? months - 1 : months;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * Carry-over takes only the units earned in the year or period itself, up to the cap: carried units are used
 * first, so a unit is carried at most once and the UE of one busy year cannot cover the next decade.
 */
function carryOut(surplus: number, earned: number, cap: number | null): number {
  return Math.min(surplus, earned, cap ?? 0);
}

/**
 * The account on `today`. Only certificates that count towards the obligation are credited (countingCertificates
 * in certificates.ts: issued internal and accepted external ones), each in full on its completion date.
 *
 * - Yearly obligation (`trainingUnitsPerLicencePeriod` null): from the year the first licence starts, each
 *   calendar year requires `trainingUnitsPerYear`, the first one pro rata by its months from the licence's
 *   month on (a licence from September owes 4/12 of 15 = 5 UE that year). Surplus carries into the next year
 *   up to `maxCarryOverUnits` (none when null).
 * - Per licence period: each licence requires `trainingUnitsPerLicencePeriod`, pro rata for a licence shorter
 *   than `licenceMaxYears` (75 UE over 5 years, so 30 UE for a two-year licence). Surplus carries into the next
 *   licence up to `maxCarryOverUnits`. Years are listed against the yearly figure as a guide, not binding.
 */
export function trainingAccount(
  input: { licences: readonly LicencePeriod[]; certificates: readonly CountedCertificate[] },
  rules: AccountRules,
  today: string,
): TrainingAccount {
  const credits = input.certificates.filter((c) => c.countsTowardsObligation);
  const licences = [...input.licences].sort((a, b) => compareDates(a.validFrom, b.validFrom));
  const earnedBetween = (from: string, to: string) =>
    credits
      .filter((c) => compareDates(c.completedOn, from) >= 0 && compareDates(c.completedOn, to) <= 0)
      .reduce((sum, c) => sum + c.units, 0);
  const mode = rules.trainingUnitsPerLicencePeriod === null ? "yearly" : "licencePeriod";
  const thisYear = yearOf(today);

  const firstLicence = licences[0];
  const firstYear = Math.min(
    firstLicence ? yearOf(firstLicence.validFrom) : thisYear,
    ...credits.map((c) => yearOf(c.completedOn)),
  );
  const years: YearBalance[] = [];
  let carried = 0;
  for (let year = firstYear; year <= thisYear; year++) {
    const earned = earnedBetween(`${year}-01-01`, `${year}-12-31`);
    let required = 0;
    if (firstLicence && year >= yearOf(firstLicence.validFrom)) {
      const fromMonth =
        year === yearOf(firstLicence.validFrom) ? Number(firstLicence.validFrom.slice(5, 7)) : 1;
      required = ceilHalfUnits(rules.trainingUnitsPerYear, 13 - fromMonth, 12);
    }
    const isBinding = mode === "yearly" && required > 0;
    const carriedIn = mode === "yearly" ? carried : 0;
    const balance = earned + carriedIn - required;
    const surplus = Math.max(0, balance);
    // Only a year that owed something passes a surplus on: UE from before the licence are not banked.
    const out = isBinding ? carryOut(surplus, earned, rules.maxCarryOverUnits) : 0;
    years.push({
      year,
      requiredUnits: required,
      carriedInUnits: carriedIn,
      earnedUnits: earned,
      shortfallUnits: Math.max(0, -balance),
      surplusUnits: surplus,
      carryOutUnits: out,
      isBinding,
    });
    carried = out;
  }

  const periods: PeriodBalance[] = [];
  if (mode === "licencePeriod") {
    const perPeriod = rules.trainingUnitsPerLicencePeriod ?? 0;
    const fullMonths = rules.licenceMaxYears * 12;
    let carriedIn = 0;
    for (const licence of licences) {
      const months = Math.min(
        fullMonths,
        Math.max(1, wholeMonths(licence.validFrom, addDays(licence.validTo, 1))),
      );
      const required = ceilHalfUnits(perPeriod, months, fullMonths);
      const earned = earnedBetween(licence.validFrom, licence.validTo);
      const balance = earned + carriedIn - required;
      const surplus = Math.max(0, balance);
      const out = carryOut(surplus, earned, rules.maxCarryOverUnits);
      periods.push({
        ...licence,
        requiredUnits: required,
        carriedInUnits: carriedIn,
        earnedUnits: earned,
        shortfallUnits: Math.max(0, -balance),
        surplusUnits: surplus,
        carryOutUnits: out,
      });
      carriedIn = out;
    }
  }

  const currentYear = years.find((y) => y.year === thisYear) ?? null;
  const currentPeriod =
    periods.find((p) => compareDates(p.validFrom, today) <= 0 && compareDates(today, p.validTo) <= 0) ?? null;
  let overdueUnits = 0;
  let expectedByTodayUnits: number | null = null;
  let heldUnits = 0;
  if (mode === "yearly") {
    for (const y of years) if (y.year < thisYear && y.isBinding) overdueUnits += y.shortfallUnits;
    if (currentYear?.isBinding) {
      const from =
        firstLicence && yearOf(firstLicence.validFrom) === thisYear
          ? firstLicence.validFrom
          : `${thisYear}-01-01`;
      const span = daysBetween(from, `${thisYear}-12-31`) + 1;
      const elapsed = Math.min(span, Math.max(0, daysBetween(from, today) + 1));
      expectedByTodayUnits = floorHalfUnits(currentYear.requiredUnits, elapsed, span);
      heldUnits = currentYear.earnedUnits + currentYear.carriedInUnits;
    }
  } else {
    for (const p of periods) if (compareDates(p.validTo, today) < 0) overdueUnits += p.shortfallUnits;
    if (currentPeriod) {
      const span = daysBetween(currentPeriod.validFrom, currentPeriod.validTo) + 1;
      const elapsed = daysBetween(currentPeriod.validFrom, today) + 1;
      expectedByTodayUnits = floorHalfUnits(currentPeriod.requiredUnits, elapsed, span);
      heldUnits = currentPeriod.earnedUnits + currentPeriod.carriedInUnits;
    }
  }
  return {
    mode,
    years,
    periods,
    currentYear,
    currentPeriod,
    overdueUnits,
    expectedByTodayUnits,
    isBehind: overdueUnits > 0 || (expectedByTodayUnits !== null && heldUnits < expectedByTodayUnits),
  };
}

/** What the account reads of one QHB phase: attendance of every run she attended (after a move: two). */
export interface QhbPhaseInput {
  attendance: readonly AttendanceSummary[];
  practice: PracticeSummary;
  assessments: readonly AssessmentResult[];
}

export interface QhbPhaseProgress {
  requiredUnits: number;
  attendedUnits: number;
  practice: Record<PlaceKind, { requiredHours: number; confirmedHours: number }>;
  assessments: { kind: AssessmentKind; passed: boolean }[];
  /** From the phase's certificate; null while there is none. */
  completedOn: string | null;
}

export interface QhbProgress {
  phase1: QhbPhaseProgress;
  phase2: QhbPhaseProgress;
  attendedUnits: number;
  requiredUnits: number;
  isComplete: boolean;
  /** When phase 2 must be done (licence start + qhbPhase2WithinMonths, as the registry counts); null without a licence or once done. */
  phase2DueOn: string | null;
}

/**
 * QHB progress across both phases: UE attended (all runs of a phase, as the federal programme counts the
 * person, not the run), confirmed practice hours, assessments passed, and the completion from the certificates.
 */
export function qhbProgress(
  input: {
    phase1: QhbPhaseInput;
    phase2: QhbPhaseInput;
    certificates: readonly CountedCertificate[];
    licenceValidFrom: string | null;
  },
  rules: Pick<StateRules, "qhbPhase2WithinMonths">,
): QhbProgress {
  const phase = (
    category: CourseCategory,
    data: QhbPhaseInput,
    requiredUnits: number,
    practice: Record<PlaceKind, number>,
    kinds: readonly AssessmentKind[],
  ): QhbPhaseProgress => {
    const completed = input.certificates
      .filter((c) => c.category === category)
      .sort((a, b) => compareDates(a.completedOn, b.completedOn))[0];
    return {
      requiredUnits,
      attendedUnits: data.attendance.reduce((sum, a) => sum + a.attendedUnits, 0),
      practice: {
        kita: { requiredHours: practice.kita, confirmedHours: data.practice.kita.confirmedHours },
        dayCare: { requiredHours: practice.dayCare, confirmedHours: data.practice.dayCare.confirmedHours },
      },
      assessments: kinds.map((kind) => ({
        kind,
        passed: data.assessments.some((result) => result.kind === kind && result.passed),
      })),
      completedOn: completed?.completedOn ?? null,
    };
  };
  const phase1 = phase("qhbPhase1", input.phase1, QHB_PHASE1_UNITS, QHB_PHASE1_PRACTICE, ["phaseAssessment"]);
  const phase2 = phase("qhbPhase2", input.phase2, QHB_PHASE2_UNITS, { kita: 0, dayCare: 0 }, [
    "phaseAssessment",
    "colloquium",
  ]);
  const isComplete = phase1.completedOn !== null && phase2.completedOn !== null;
  return {
    phase1,
    phase2,
    attendedUnits: phase1.attendedUnits + phase2.attendedUnits,
    requiredUnits: QHB_PHASE1_UNITS + QHB_PHASE2_UNITS,
    isComplete,
    phase2DueOn:
      input.licenceValidFrom && phase2.completedOn === null
        ? addMonths(input.licenceValidFrom, rules.qhbPhase2WithinMonths)
        : null,
  };
}

/** The registry kinds certificates feed; other categories have no deadline there. */
export const REGISTRY_KIND_OF_CATEGORY: Partial<Record<CourseCategory, QualificationKind>> = {
  qhbPhase1: "qhbPhase1",
  qhbPhase2: "qhbPhase2",
  firstAidChildren: "firstAid",
  infectionProtection: "infectionProtection",
};

export interface RegistryUpdate {
  /** Records the server inserts into the registry (one per certificate not yet recorded there). */
  recordsToAdd: QualificationRecord[];
  /** The deadlines after the update, as the board shows them. */
  deadlines: Deadline[];
  /** Deadlines whose due date or state the update changes: the board to refresh, reminders to reset. */
  changedKinds: DeadlineKind[];
}

/**
 * The registry records the counting certificates imply, and the deadlines that result. A record already in
 * the registry (same kind and completion date — entered by hand before this module existed) is not added
 * twice. The registry keeps only completions; validity is the registry's refresh interval, which equals the
 * certificate's validity because the catalogue takes it from the same rules.
 */
export function registryUpdates(
  current: DeadlineInput,
  certificates: readonly CountedCertificate[],
  rules: Parameters<typeof computeDeadlines>[1],
  today: string,
): RegistryUpdate {
  const known = new Set(current.qualifications.map((q) => `${q.kind}|${q.completedOn}`));
  const recordsToAdd: QualificationRecord[] = [];
  for (const certificate of certificates) {
    const kind = REGISTRY_KIND_OF_CATEGORY[certificate.category];
    const key = `${kind}|${certificate.completedOn}`;
    if (!kind || known.has(key)) continue;
    known.add(key);
    recordsToAdd.push({ kind, completedOn: certificate.completedOn });
  }
  const before = computeDeadlines(current, rules, today);
  const deadlines = computeDeadlines(
    { ...current, qualifications: [...current.qualifications, ...recordsToAdd] },
    rules,
    today,
  );
  const changedKinds = deadlines
    .filter((after) => {
      const previous = before.find((d) => d.kind === after.kind);
      return !previous || previous.dueOn !== after.dueOn || previous.state !== after.state;
    })
    .map((d) => d.kind);
  // A finished QHB phase 2 removes its deadline altogether.
  for (const previous of before) {
    if (!deadlines.some((d) => d.kind === previous.kind)) changedKinds.push(previous.kind);
  }
  return { recordsToAdd, deadlines, changedKinds };
}

/**
 * The run a reminder links to: the earliest of the category starting after `today` that the person may book
 * (its audience admits her, prerequisites, and a refresher only while her certificate is still valid on its
 * first day), preferring one with a free place; a full one still has its waiting list. Null when none is
 * planned.
 */
export function nextMatchingRun<R extends Pick<Course, "id" | "category" | "isRefresher" | "startsOn">>(
  category: CourseCategory,
  runs: readonly (R & { freePlaces: number; audience: CourseAudience })[],
  history: readonly CountedCertificate[],
  today: string,
  rules: Pick<StateRules, "firstAidRefreshMonths" | "infectionProtectionRefreshMonths">,
  booker: BookerKind = "caregiver",
  settings: TrainingSettings = DEFAULT_TRAINING_SETTINGS,
): R | null {
  const audiences = audiencesOpenTo(booker);
  const bookable = runs
    .filter(
      (run) =>
        run.category === category &&
        audiences.includes(run.audience) &&
        compareDates(run.startsOn, today) > 0 &&
        checkPrerequisites(run, history, rules, settings).length === 0,
    )
    .sort(
      (a, b) => Number(b.freePlaces > 0) - Number(a.freePlaces > 0) || compareDates(a.startsOn, b.startsOn),
    );
  return bookable[0] ?? null;
}
