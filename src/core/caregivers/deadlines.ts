/**
 * Recurring deadlines of a day-care person: licence expiry, refresher courses, the criminal-record check and
 * the QHB phase 2. A due date is the last day the record is still valid: on it the deadline is "due soon",
 * the day after it is "overdue".
 */

import type { StateRules } from "../organisations/presets";
import { addMonths, daysBetween } from "../shared/dates";

export type QualificationKind =
  | "qhbPhase1"
  | "qhbPhase2"
  | "firstAid"
  | "infectionProtection"
  | "criminalRecordCheck"
  | "other";

/** A completed course or inspection; for the criminal-record check only *that* and when it was inspected. */
export interface QualificationRecord {
  kind: QualificationKind;
  completedOn: string;
  hasRelevantEntry?: boolean;
}

/** What the deadlines of one caregiver are computed from. */
export interface DeadlineInput {
  licence: { validFrom: string; validTo: string } | null;
  qualifications: readonly QualificationRecord[];
}

export type DeadlineKind =
  | "licenceExpiry"
  | "firstAid"
  | "infectionProtection"
  | "criminalRecordCheck"
  | "qhbPhase2";

/** "missing" means nothing is recorded: as urgent as overdue, but the UI says "not recorded". */
export type DeadlineState = "ok" | "dueSoon" | "overdue" | "missing";

/** One deadline; `basedOn` is the date of the record the due date was derived from. */
export interface Deadline {
  kind: DeadlineKind;
  dueOn: string | null;
  state: DeadlineState;
  basedOn: string | null;
  /** Only on `criminalRecordCheck`: the latest inspection found a relevant entry, which needs a coordinator. */
  hasRelevantEntry?: boolean;
}

/** A reminder stage: days before the due date, or "overdue" once it has passed. */
export type ReminderStage = number | "overdue";

type DeadlineRules = Pick<
  StateRules,
  | "firstAidRefreshMonths"
  | "infectionProtectionRefreshMonths"
  | "criminalRecordRefreshMonths"
  | "qhbPhase2WithinMonths"
  | "reminderLeadDays"
>;

const STATE_SEVERITY: Record<DeadlineState, number> = { ok: 0, dueSoon: 1, missing: 2, overdue: 3 };

/** The state of a deadline due on `dueOn` as seen on `today`. */
export function deadlineState(dueOn: string | null, today: string, reminderLeadDays: number): DeadlineState {
  if (dueOn === null) return "missing";
  const daysUntil = daysBetween(today, dueOn);
  if (daysUntil < 0) return "overdue";
  return daysUntil <= reminderLeadDays ? "dueSoon" : "ok";
}

function latestCompletion(
  qualifications: readonly QualificationRecord[],
  kind: QualificationKind,
): QualificationRecord | null {
  let latest: QualificationRecord | null = null;
  for (const record of qualifications) {
    if (record.kind === kind && (!latest || record.completedOn > latest.completedOn)) latest = record;
  }
  return latest;
}

/**
 * All deadlines of one caregiver on `today`, in a fixed order (licence, QHB phase 2, first aid, infection
 * protection, criminal record). Only the latest completion of each kind counts. The QHB phase 2 deadline is
 * left out once phase 2 is recorded, and also while there is no licence to count from (the licence itself is
 * then "missing").
 */
export function computeDeadlines(input: DeadlineInput, rules: DeadlineRules, today: string): Deadline[] {
  const lead = rules.reminderLeadDays;
  const deadlines: Deadline[] = [];
  const { licence, qualifications } = input;

  deadlines.push({
    kind: "licenceExpiry",
    dueOn: licence?.validTo ?? null,
    state: deadlineState(licence?.validTo ?? null, today, lead),
    basedOn: licence?.validFrom ?? null,
  });

  if (licence && !latestCompletion(qualifications, "qhbPhase2")) {
    const dueOn = addMonths(licence.validFrom, rules.qhbPhase2WithinMonths);
    deadlines.push({
      kind: "qhbPhase2",
      dueOn,
      state: deadlineState(dueOn, today, lead),
      basedOn: licence.validFrom,
    });
  }

  const refreshers = [
    ["firstAid", rules.firstAidRefreshMonths],
    ["infectionProtection", rules.infectionProtectionRefreshMonths],
    ["criminalRecordCheck", rules.criminalRecordRefreshMonths],
  ] as const;
  for (const [kind, months] of refreshers) {
    const latest = latestCompletion(qualifications, kind);
    const dueOn = latest ? addMonths(latest.completedOn, months) : null;
    const deadline: Deadline = {
      kind,
      dueOn,
      state: deadlineState(dueOn, today, lead),
      basedOn: latest?.completedOn ?? null,
    };
    if (kind === "criminalRecordCheck" && latest?.hasRelevantEntry) deadline.hasRelevantEntry = true;
    deadlines.push(deadline);
  }

  return deadlines;
}

/** The worst state among `deadlines` (overdue > missing > dueSoon > ok); "ok" for none. */
export function summariseDeadlines(deadlines: readonly Pick<Deadline, "state">[]): DeadlineState {
  let worst: DeadlineState = "ok";
  for (const { state } of deadlines) {
    if (STATE_SEVERITY[state] > STATE_SEVERITY[worst]) worst = state;
  }
  return worst;
}

/** Whether a state belongs in the "needs action now" filter: overdue, or nothing recorded at all. */
export function isOverdueOrMissing(state: DeadlineState): boolean {
  return state === "overdue" || state === "missing";
}

/**
 * The reminder stage that applies on `today` for a deadline due on `dueOn`: the smallest stage (days before)
 * not further away than the due date, "overdue" once it has passed, null when no stage has been reached yet
 * or nothing is due. A daily job sends a stage when it differs from the last one sent for that due date, so
 * each stage goes out once and a missed run is caught up the next day instead of skipped.
 */
export function reminderStagesDue(
  dueOn: string | null,
  today: string,
  stages: readonly number[] = [90, 30, 7],
): ReminderStage | null {
  if (dueOn === null) return null;
  const daysUntil = daysBetween(today, dueOn);
  if (daysUntil < 0) return "overdue";
  let stage: number | null = null;
  for (const candidate of stages) {
    if (daysUntil <= candidate && (stage === null || candidate < stage)) stage = candidate;
  }
  return stage;
}
