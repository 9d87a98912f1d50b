import type {
  BoardItem,
  ContractDto,
  CriteriaCatalogue,
  CriterionDto,
  MyRequestDetail,
  MyRequestSummary,
  Needs,
  OfferDto,
  PublishedCriteria,
  StaffRequestDetail,
} from "../../../contracts/placement";
import { activeStatuses } from "../../../contracts/placement";
import { computePriority, criterionKey } from "../../../core/placement/criteria";
import { ageGroupOf, ageInMonths, weeklyCareMinutes } from "../../../core/placement/requests";
import { daysBetween, todayIso } from "../../../core/shared/dates";
import type {
  BoardRow,
  CatalogueRow,
  ContractRow,
  CriterionRow,
  EventRow,
  OfferRow,
  RequestRow,
} from "./placement.repository";

export function presentCriterion(row: CriterionRow): CriterionDto {
  return {
    id: row.id,
    fact: row.fact,
    key: criterionKey(row),
    label: row.label,
    points: row.points,
    isPublished: row.isPublished,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentCatalogue(
  catalogue: CatalogueRow | null,
  rows: readonly CriterionRow[],
): CriteriaCatalogue {
  return {
    version: catalogue?.version ?? 0,
    updatedAt: catalogue?.updatedAt.toISOString() ?? null,
    criteria: rows.map(presentCriterion),
  };
}

export function presentPublished(
  catalogue: CatalogueRow | null,
  rows: readonly CriterionRow[],
): PublishedCriteria {
  return {
    updatedAt: catalogue?.updatedAt.toISOString() ?? null,
    criteria: rows
      .filter((row) => row.isPublished)
      .map((row) => ({
        id: row.id,
        fact: row.fact,
        key: criterionKey(row),
        label: row.label,
        points: row.points,
      })),
  };
}

/**
 * Days a request has been waiting since its e-mail was confirmed; only while it is still looking for a place,
 * since a decided request no longer waits.
 */
function waitingDays(row: Pick<RequestRow, "status" | "confirmedAt">, today: string): number | null {
  if (!row.confirmedAt || !activeStatuses.includes(row.status)) return null;
  return Math.max(0, daysBetween(todayIso(row.confirmedAt), today));
}

type CoreRow = Pick<
  RequestRow,
  | "id"
  | "status"
  | "childFirstName"
  | "childBirthDate"
  | "wantedStart"
  | "careTimes"
  | "priorityPoints"
  | "createdAt"
  | "confirmedAt"
>;

function presentCore(row: CoreRow, today: string) {
  return {
    id: row.id,
    status: row.status,
    childFirstName: row.childFirstName,
    childBirthDate: row.childBirthDate,
    wantedStart: row.wantedStart,
    careTimes: row.careTimes,
    ageMonthsAtStart: ageInMonths(row.childBirthDate, row.wantedStart),
    priorityPoints: row.priorityPoints,
    createdAt: row.createdAt.toISOString(),
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    waitingDays: waitingDays(row, today),
  };
}

/** The criteria that gave the request its points, with their questions as published. */
function presentAwarded(criteria: readonly CriterionRow[], facts: readonly string[]) {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  return computePriority(criteria, facts).awarded.flatMap(({ criterionId, points }) => {
    const criterion = byId.get(criterionId);
    return criterion ? [{ criterionId, fact: criterion.fact, label: criterion.label, points }] : [];
  });
}

/** The office's notes are internal; parents see their own notes and the office's reasons. */
function presentHistory(events: readonly EventRow[], viewer: "parent" | "staff") {
  return events.map((event) => ({
    at: event.at.toISOString(),
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    actor: event.actorKind,
    reason: event.reason,
    note: viewer === "staff" || event.actorKind === "parent" ? event.note : "",
  }));
}

export interface RequestRelated {
  criteria: readonly CriterionRow[];
  events: readonly EventRow[];
  today: string;
}

function presentDetails(row: RequestRow, related: RequestRelated, viewer: "parent" | "staff") {
  return {
    ...presentCore(row, related.today),
    street: row.street,
    postalCode: row.postalCode,
    town: row.town,
    maxDistanceKm: row.maxDistanceKm,
    languages: row.languages,
    noPets: row.noPets,
    wishes: row.wishes,
    facts: row.facts,
    needsConsentAt: row.needsConsentAt?.toISOString() ?? null,
    awarded: presentAwarded(related.criteria, row.facts),
    criteriaVersion: row.criteriaVersion,
    history: presentHistory(related.events, viewer),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentMySummary(row: RequestRow, today: string): MyRequestSummary {
  return { ...presentCore(row, today), town: row.town };
}

export function presentMyDetail(
  row: RequestRow,
  related: RequestRelated,
  needs: Needs | null,
): MyRequestDetail {
  return { ...presentDetails(row, related, "parent"), needs };
}

export function presentStaffDetail(row: RequestRow, related: RequestRelated): StaffRequestDetail {
  const months = ageInMonths(row.childBirthDate, row.wantedStart);
  return {
    ...presentDetails(row, related, "staff"),
    parentName: row.parentName,
    email: row.email,
    phone: row.phone,
    hasAccount: row.parentUserId !== null,
    hasNeeds: row.needsEncrypted !== null,
    ageGroup: ageGroupOf(months),
    isUnderOne: months < 12,
  };
}

export function presentBoardItem(row: BoardRow, today: string): BoardItem {
  const core = presentCore(row, today);
  return {
    ...core,
    ageGroup: ageGroupOf(core.ageMonthsAtStart),
    isUnderOne: core.ageMonthsAtStart < 12,
    weeklyMinutes: weeklyCareMinutes(row.careTimes),
    postalCode: row.postalCode,
    town: row.town,
    hasNeeds: row.hasNeeds,
  };
}

interface NamedCaregiver {
  firstName: string;
  lastName: string;
}

/** A caregiver's name as the office and families read it; empty when she is not known (any more). */
export const caregiverNameOf = (person: NamedCaregiver | undefined) =>
  person ? `${person.firstName} ${person.lastName}` : "";

export function presentOffer(row: OfferRow, caregiver: NamedCaregiver | undefined): OfferDto {
  return {
    id: row.id,
    caregiverId: row.caregiverId,
    caregiverName: caregiverNameOf(caregiver),
    status: row.status,
    start: row.start,
    end: row.end,
    careTimes: row.careTimes,
    settlingInEnd: row.settlingInEnd,
    respondBy: row.respondBy.toISOString(),
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

export function presentContract(row: ContractRow, caregiver: NamedCaregiver | undefined): ContractDto {
  return {
    id: row.id,
    caregiverId: row.caregiverId,
    caregiverName: caregiverNameOf(caregiver),
    requestId: row.requestId,
    childFirstName: row.childFirstName,
    childBirthDate: row.childBirthDate,
    start: row.start,
    end: row.end,
    careTimes: row.careTimes,
    settlingInEnd: row.settlingInEnd,
    status: row.status,
  };
}
