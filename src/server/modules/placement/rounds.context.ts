/**
 * What the round services share: reading a round and its data, its summary, run and result shapes, the
 * checks every change makes, and the audit entry.
 */
import { createHash } from "node:crypto";
import type {
  CutOffDto,
  RoundDetail,
  RoundInput,
  RoundResultItem,
  RoundSummary,
  RunDto,
} from "../../../contracts/placement-rounds";
import { haversineKm } from "../../../core/geo/geo";
import { type CutOff, explainFit } from "../../../core/placement";
import type {
  PlacementCaregiver,
  PlacementInstance,
  PlacementRequest,
} from "../../../core/placement/instance";
import { ageGroupOf, ageInMonths } from "../../../core/placement/requests";
import {
  caregiversByDistance,
  criteriaOrder,
  familyPreferences,
  movedCount,
  roundCaregiverOf,
} from "../../../core/placement/round-input";
import { maxDate } from "../../../core/shared/dates";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import type { Platform, ServiceContext } from "../../platform/types";
import { findPlacementCaregivers, type PlacementCaregiverFacts } from "../caregivers/caregivers.queries";
import { candidateOf, endOfDay, rulesOf } from "./matching.service";
import { caregiverNameOf } from "./placement.presenter";
import * as repo from "./placement.repository";
import { readNeeds } from "./placement.service";
import * as rounds from "./rounds.repository";

/** A run that has not finished after this long died with its server; another may start. */
export const STALE_RUN_MS = 10 * 60_000;
/** Explanations are computed in slices, so that progress moves and other requests are served in between. */
export const EXPLAIN_SLICE = 500;
/** The caregivers ranked above a result that are explained: the family's first choices, or the nearest. */
export const MAX_CUT_OFFS = 10;

export function isRankingClosed(row: rounds.RoundRow, now: Date): boolean {
  return row.rankingClosedAt !== null || now >= endOfDay(row.deadline);
}

export function summaryOf(row: rounds.RoundRow, now: Date): RoundSummary {
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    startDate: row.startDate,
    latestWantedStart: row.latestWantedStart,
    deadline: row.deadline,
    isRankingClosed: isRankingClosed(row, now),
    previousRoundId: row.previousRoundId,
    createdAt: row.createdAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    respondBy: row.respondBy,
  };
}

export function isRunDead(run: rounds.RunRow, now: Date): boolean {
  return run.status === "running" && now.getTime() - run.startedAt.getTime() > STALE_RUN_MS;
}

export function runDtoOf(run: rounds.RunRow, now: Date, isStale: boolean): RunDto {
  const dead = isRunDead(run, now);
  return {
    id: run.id,
    status: dead ? "failed" : run.status,
    phase: run.phase,
    progress: run.progress,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    stats: run.stats ?? null,
    isStale,
  };
}

/** Everything a round is computed from, read in one transaction, in a stable order. */
export interface RoundData {
  instance: PlacementInstance;
  /** The requests of the instance, in its order. */
  requests: repo.RequestRow[];
  /** Requests taking part that no caregiver can be offered to (every one within reach was refused). */
  refusedAll: repo.RequestRow[];
  people: Map<string, PlacementCaregiverFacts>;
  caregiverById: Map<string, PlacementCaregiver>;
  ranks: Map<string, string[]>;
  ageAtStart: Map<string, number>;
  orders: rounds.OrderRow[];
  /** Changes whenever anything the result depends on changes; computed without decrypting the needs. */
  fingerprint: string;
}

/**
 * Reads a round's instance. The needs are decrypted only when `withNeeds` (a run, a publication), and each
 * read is audited; otherwise every request counts as needing no inclusion, which no caller uses to decide.
 */
export async function loadRoundData(
  tx: Executor,
  ctx: { platform: Platform; actorUserId: string | null; ip: string },
  org: OrganisationScope,
  round: rounds.RoundRow,
  options: { withNeeds: boolean; purpose?: string },
): Promise<RoundData> {
  const { platform } = ctx;
  // One after the other: a transaction is one connection.
  const requestRows = await rounds.listRoundRequests(tx, org.id, round.latestWantedStart);
  const people = await findPlacementCaregivers(tx, org.id);
  const contracts = await repo.listContracts(tx, org.id);
  const ranks = await rounds.listParentRanks(tx, org.id);
  const refused = await rounds.listRefusedCaregivers(tx, org.id);
  const orders = await rounds.listOrders(tx, org.id, round.id);

  const rules = rulesOf(org);
  const caregivers: PlacementCaregiver[] = [];
  for (const person of people) {
    const caregiver = roundCaregiverOf(candidateOf(person, contracts), round.startDate, rules);
    if (caregiver && caregiver.freePlaces.length > 0) caregivers.push(caregiver);
  }
  const inRound = new Set(requestRows.map((r) => r.id));
  const orderOf = new Map(orders.map((o) => [o.caregiverId, o.requestIds.filter((id) => inRound.has(id))]));
  for (const caregiver of caregivers) {
    const order = orderOf.get(caregiver.id);
    if (order && order.length > 0) caregiver.priorityOrder = order;
  }

  const requests: repo.RequestRow[] = [];
  const refusedAll: repo.RequestRow[] = [];
  const instanceRequests: PlacementRequest[] = [];
  const ageAtStart = new Map<string, number>();
  const hashed: unknown[] = [];
  for (const row of requestRows) {
    const start = maxDate(round.startDate, row.wantedStart);
    const childAgeMonths = ageInMonths(row.childBirthDate, start);
    ageAtStart.set(row.id, childAgeMonths);
    const location = { lat: row.lat, lon: row.lon };
    const preferences = familyPreferences(ranks.get(row.id) ?? [], refused.get(row.id) ?? new Set(), () =>
      caregiversByDistance(caregivers, location, row.maxDistanceKm).map((c) => c.id),
    );
    if (preferences && preferences.length === 0) {
      refusedAll.push(row);
      hashed.push(["refused", row.id]);
      continue;
    }
    let needsInclusion = false;
    if (options.withNeeds && row.needsEncrypted) {
      needsInclusion = readNeeds(platform, row.needsEncrypted)?.hasInclusionNeed ?? false;
      await writeAudit(tx, {
        organisationId: org.id,
        actorUserId: ctx.actorUserId,
        action: "placement.needsRead",
        entityType: "placementRequest",
        entityId: row.id,
        details: { sensitive: true, purpose: options.purpose ?? "allocationRound", roundId: round.id },
        ip: ctx.ip,
      });
    }
    const request: PlacementRequest = {
      id: row.id,
      location,
      childAgeMonths,
      care: row.careTimes,
      maxDistanceKm: row.maxDistanceKm,
      needsInclusion,
      noPets: row.noPets,
      priorityPoints: row.priorityPoints,
      ...(preferences ? { preferences } : {}),
    };
    requests.push(row);
    instanceRequests.push(request);
    // The ciphertext stands for the needs: it changes whenever they do, and needs no decryption.
    hashed.push([{ ...request, needsInclusion: undefined }, row.needsEncrypted]);
  }
  const fingerprint = createHash("sha256")
    .update(JSON.stringify({ caregivers, hashed, startDate: round.startDate }))
    .digest("base64url");
  return {
    instance: { caregivers, requests: instanceRequests },
    requests,
    refusedAll,
    people: new Map(people.map((p) => [p.id, p])),
    caregiverById: new Map(caregivers.map((c) => [c.id, c])),
    ranks,
    ageAtStart,
    orders,
    fingerprint,
  };
}

export function contextOfService(ctx: ServiceContext) {
  return { platform: ctx.platform, actorUserId: ctx.actor?.userId ?? null, ip: ctx.ip };
}

export async function requireRound(
  db: Executor,
  org: OrganisationScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<rounds.RoundRow> {
  const row = await rounds.findRound(db, org.id, id, options);
  if (!row) throw notFound();
  return row;
}

export function assertOpen(row: rounds.RoundRow): void {
  if (row.status !== "open") throw new AppError("roundNotOpen", 409);
}

/** The dates must leave time to rank and lie in order: ranking ends before the places begin. */
export function checkDates(
  values: Pick<RoundInput, "startDate" | "latestWantedStart" | "deadline">,
  today: string,
) {
  if (values.startDate < today) throw fieldError("startDate", "startInPast");
  if (values.deadline < today) throw fieldError("deadline", "startInPast");
  if (values.deadline >= values.startDate) throw fieldError("deadline", "deadlineAfterStart");
  if (values.latestWantedStart < values.startDate) throw fieldError("latestWantedStart", "dateOrder");
}

export async function audit(
  tx: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  action:
    | "placement.roundOpened"
    | "placement.roundChanged"
    | "placement.roundRankingClosed"
    | "placement.roundCancelled"
    | "placement.roundRun"
    | "placement.roundPublished"
    | "placement.roundOrderChanged"
    | "placement.roundSuggested",
  roundId: string,
  details: Record<string, unknown> = {},
) {
  await writeAudit(tx, {
    organisationId: org.id,
    actorUserId: ctx.actor?.userId ?? null,
    action,
    entityType: "allocationRound",
    entityId: roundId,
    details,
    ip: ctx.ip,
  });
}

export async function detailOf(
  tx: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  row: rounds.RoundRow,
): Promise<RoundDetail> {
  const now = ctx.platform.now();
  const data = await loadRoundData(tx, contextOfService(ctx), org, row, { withNeeds: false });
  const run = await rounds.findLatestRun(tx, org.id, row.id);
  const offers = await rounds.countOffersOfRound(tx, org.id, row.id);
  const followUp = await rounds.findFollowUp(tx, org.id, row.id);
  // A published round is a record: what happened since does not make it stale.
  const isStale = run?.status === "done" && row.status === "open" && run.fingerprint !== data.fingerprint;
  const all = [...data.requests, ...data.refusedAll];
  const expectedOf = (caregiverId: string) =>
    criteriaOrder(data.instance.requests.filter((r) => listedFor(data, caregiverId, r)));
  return {
    ...summaryOf(row, now),
    counts: {
      requests: row.status === "open" ? all.length : (run?.stats?.requests ?? 0),
      ranked: all.filter((r) => (data.ranks.get(r.id)?.length ?? 0) > 0).length,
      caregivers: data.instance.caregivers.length,
      offersOpen: offers.get("open") ?? 0,
      offersAccepted: offers.get("accepted") ?? 0,
      offersDeclined: (offers.get("declined") ?? 0) + (offers.get("expired") ?? 0),
    },
    reviews: data.orders.map((order) => {
      const person = data.people.get(order.caregiverId);
      return {
        caregiverId: order.caregiverId,
        caregiverName: caregiverNameOf(person) || "—",
        reason: order.reason,
        savedAt: order.savedAt.toISOString(),
        movedCount: movedCount(order.requestIds, expectedOf(order.caregiverId)),
      };
    }),
    latestRun: run ? runDtoOf(run, now, isStale) : null,
    followUpRoundId: followUp?.id ?? null,
  };
}

/**
 * Whether a request is listed to a caregiver for her review: everything that makes her acceptable except the
 * inclusion need, which stays with the office (the list is read without decrypting it).
 */
export function listedFor(data: RoundData, caregiverId: string, request: PlacementRequest): boolean {
  const caregiver = data.caregiverById.get(caregiverId);
  if (!caregiver) return false;
  // Distance first: cheap, and it rules out most of a city.
  if (haversineKm(request.location, caregiver.location) > request.maxDistanceKm) return false;
  return explainFit(caregiver, { ...request, needsInclusion: false }).acceptable;
}

export async function requireDoneRun(
  db: Executor,
  org: OrganisationScope,
  roundId: string,
): Promise<rounds.RunRow> {
  const run = await rounds.findLatestRun(db, org.id, roundId, { doneOnly: true });
  if (!run) throw new AppError("noRun", 409);
  return run;
}

export async function namesOf(
  db: Executor,
  org: OrganisationScope,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const people = await findPlacementCaregivers(db, org.id, [...new Set(ids)]);
  return new Map(people.map((p) => [p.id, caregiverNameOf(p)]));
}

export function itemOf(row: rounds.ResultWithRequest, names: Map<string, string>): RoundResultItem {
  const request = row.request;
  return {
    requestId: row.requestId,
    childFirstName: request.childFirstName,
    ageMonthsAtStart: row.ageMonthsAtStart,
    ageGroup: ageGroupOf(row.ageMonthsAtStart),
    careTimes: request.careTimes,
    postalCode: request.postalCode,
    town: request.town,
    priorityPoints: request.priorityPoints,
    rankedCount: row.rankedCount,
    caregiverId: row.caregiverId,
    caregiverName: row.caregiverId ? (names.get(row.caregiverId) ?? "—") : null,
    distanceKm: row.distanceKm,
    choice: row.choice,
    cutOffCount: row.cutOffTotal,
  };
}

export function cutOffDtos(cutOffs: readonly CutOff[], names: Map<string, string>): CutOffDto[] {
  return cutOffs.map((cut) => ({ ...cut, caregiverName: names.get(cut.caregiverId) ?? "—" }) as CutOffDto);
}
