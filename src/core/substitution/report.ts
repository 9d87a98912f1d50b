/**
 * The comparison of the substitution models for a period (model report): per model, how much absence there
 * was, how many child-days were covered and by whom, how far families had to go, and what parents answered.
 * A caregiver's model is derived from her arrangement; the report groups by the model she has now.
 */

import {
  type CoverKind,
  type CoverStatus,
  coverKinds,
  type ModelReport,
  type ParentAnswer,
  type SubstitutionModel,
  substitutionModels,
} from "../../contracts/substitution";
import { roundKm } from "../geo/geo";
import { weekdayIndex } from "../shared/dates";
import { absenceDates } from "./absences";

export type ModelReportRow = ModelReport["rows"][number];

export interface ReportAbsence {
  id: string;
  caregiverId: string;
  startsOn: string;
  endsOn: string;
  status: "active" | "cancelled";
}

export interface ReportCover {
  absenceId: string;
  day: string;
  status: CoverStatus;
  kind: CoverKind | null;
  /** Whether the child knew the covering person; when absent, a known substitute counts as known. */
  isKnown?: boolean;
  extraDistanceKm: number | null;
  parentAnswer: ParentAnswer | null;
}

export interface ReportInput {
  /** The period, both inclusive. */
  from: string;
  to: string;
  caregivers: readonly { id: string; model: SubstitutionModel }[];
  absences: readonly ReportAbsence[];
  covers: readonly ReportCover[];
}

/** The model of an arrangement: the first that applies of tandem, employed substitute, Kita. */
export function substitutionModel(arrangement: {
  tandemPartnerIds: readonly string[];
  substituteIds: readonly string[];
  kitaId: string | null;
}): SubstitutionModel {
  if (arrangement.tandemPartnerIds.length > 0) return "tandem";
  if (arrangement.substituteIds.length > 0) return "employedSubstitute";
  if (arrangement.kitaId !== null) return "kita";
  return "none";
}

/** A share to three decimals (0.857), 0 when nothing was to be covered. */
function share(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 1000;
}

/**
 * One row per model, in the order of `substitutionModels`. Absence days are the distinct days of each
 * caregiver's active absences within the period; a Saturday or Sunday only counts when a child was to be
 * cared for that day (most day-care persons do not work at weekends, and a three-week closing would otherwise
 * count its weekends). Child-days are the cover rows not cancelled; covered are the confirmed ones, and the
 * kinds, distances and parents' answers are counted over those.
 */
export function modelReport(input: ReportInput): ModelReportRow[] {
  const { from, to } = input;
  const modelOf = new Map(input.caregivers.map((caregiver) => [caregiver.id, caregiver.model]));
  const activeAbsences = new Map(
    input.absences.filter((absence) => absence.status === "active").map((absence) => [absence.id, absence]),
  );
  const rows = new Map(
    substitutionModels.map((model) => [
      model,
      {
        model,
        caregivers: 0,
        absenceDays: 0,
        childDays: 0,
        covered: 0,
        coveredShare: 0,
        coveredByKnown: 0,
        byKind: Object.fromEntries(coverKinds.map((kind) => [kind, 0])) as Record<CoverKind, number>,
        averageExtraDistanceKm: null as number | null,
        parentsConfirmed: 0,
        parentsKeptHome: 0,
        parentsNoAnswer: 0,
      } satisfies ModelReportRow,
    ]),
  );
  const rowOf = (caregiverId: string) => rows.get(modelOf.get(caregiverId) ?? "none") as ModelReportRow;
  for (const caregiver of input.caregivers) rowOf(caregiver.id).caregivers += 1;

  const extra = new Map<SubstitutionModel, { sum: number; count: number }>();
  const weekendWithChildren = new Set<string>();
  for (const cover of input.covers) {
    const absence = activeAbsences.get(cover.absenceId);
    if (!absence || cover.status === "cancelled" || cover.day < from || cover.day > to) continue;
    weekendWithChildren.add(`${absence.caregiverId}|${cover.day}`);
    const row = rowOf(absence.caregiverId);
    row.childDays += 1;
    if (cover.status !== "confirmed" || cover.kind === null) continue;
    row.covered += 1;
    row.byKind[cover.kind] += 1;
    if (cover.isKnown ?? cover.kind === "knownSubstitute") row.coveredByKnown += 1;
    if (cover.extraDistanceKm !== null) {
      const sum = extra.get(row.model) ?? { sum: 0, count: 0 };
      sum.sum += cover.extraDistanceKm;
      sum.count += 1;
      extra.set(row.model, sum);
    }
    if (cover.parentAnswer === "confirmed") row.parentsConfirmed += 1;
    else if (cover.parentAnswer === "keptHome") row.parentsKeptHome += 1;
    else row.parentsNoAnswer += 1;
  }

  const absenceDays = new Set<string>();
  for (const absence of activeAbsences.values()) {
    const first = absence.startsOn > from ? absence.startsOn : from;
    const last = absence.endsOn < to ? absence.endsOn : to;
    if (first > last) continue;
    for (const day of absenceDates({ startsOn: first, endsOn: last })) {
      const key = `${absence.caregiverId}|${day}`;
      if (weekdayIndex(day) >= 5 && !weekendWithChildren.has(key)) continue;
      absenceDays.add(key);
    }
  }
  for (const key of absenceDays) rowOf(key.slice(0, key.indexOf("|"))).absenceDays += 1;

  return substitutionModels.map((model) => {
    const row = rows.get(model) as ModelReportRow;
    const distance = extra.get(model);
    return {
      ...row,
      coveredShare: share(row.covered, row.childDays),
      averageExtraDistanceKm: distance ? roundKm(distance.sum / distance.count) : null,
    };
  });
}
