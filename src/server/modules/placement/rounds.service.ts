import { createHash } from "node:crypto";
import { OFFER_DAYS, SETTLING_IN_DAYS } from "../../../contracts/placement";
import {
  type CutOffDto,
  type FollowUpBody,
  MIN_REASON_LENGTH,
  type MyRoundResponse,
  type ParentRoundResponse,
  type PublishBody,
  type ResultsQuery,
  type ReviewBody,
  type RoundChangeBody,
  type RoundDetail,
  type RoundExplanation,
  type RoundInput,
  type RoundResultItem,
  type RoundResults,
  type RoundSummary,
  type RunDto,
  type RunStats,
  type RunStatusDto,
  type SuggestAllBody,
  type SuggestAllResponse,
} from "../../../contracts/placement-rounds";
import { haversineKm, roundKm } from "../../../core/geo/geo";
import { type CutOff, explainFit, explainRound } from "../../../core/placement";
import type {
  PlacementCaregiver,
  PlacementInstance,
  PlacementRequest,
} from "../../../core/placement/instance";
import { compileInstance } from "../../../core/placement/model";
import { ageGroupOf, ageInMonths, describeCareTimes } from "../../../core/placement/requests";
import {
  caregiversByDistance,
  criteriaOrder,
  familyPreferences,
  movedCount,
  roundCaregiverOf,
} from "../../../core/placement/round-input";
import { solveModel, toResult } from "../../../core/placement/solve";
import { addDays, maxDate } from "../../../core/shared/dates";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import type { Platform, ServiceContext } from "../../platform/types";
import {
  findCaregiverIdOfUser,
  findPlacementCaregivers,
  type PlacementCaregiverFacts,
} from "../caregivers/caregivers.queries";
import { findUserLocales } from "../identity/identity.queries";
import { candidateOf, endOfDay, judgeForRequest, rulesOf } from "./matching.service";
import { caregiverNameOf } from "./placement.presenter";
import * as repo from "./placement.repository";
import {
  actorOf,
  changeStatus,
  formatDate,
  officeOf,
  queueRequestMail,
  readNeeds,
  requireOwn,
  todayOf,
} from "./placement.service";
import * as rounds from "./rounds.repository";

/** A run that has not finished after this long died with its server; another may start. */
const STALE_RUN_MS = 10 * 60_000;
/** Explanations are computed in slices, so that progress moves and other requests are served in between. */
const EXPLAIN_SLICE = 500;
/** The caregivers ranked above a result that are explained: the family's first choices, or the nearest. */
const MAX_CUT_OFFS = 10;

function isRankingClosed(row: rounds.RoundRow, now: Date): boolean {
  return row.rankingClosedAt !== null || now >= endOfDay(row.deadline);
}

function summaryOf(row: rounds.RoundRow, now: Date): RoundSummary {
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

function isRunDead(run: rounds.RunRow, now: Date): boolean {
  return run.status === "running" && now.getTime() - run.startedAt.getTime() > STALE_RUN_MS;
}

function runDtoOf(run: rounds.RunRow, now: Date, isStale: boolean): RunDto {
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
interface RoundData {
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
async function loadRoundData(
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

function contextOfService(ctx: ServiceContext) {
  return { platform: ctx.platform, actorUserId: ctx.actor?.userId ?? null, ip: ctx.ip };
}

async function requireRound(
  db: Executor,
  org: OrganisationScope,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<rounds.RoundRow> {
  const row = await rounds.findRound(db, org.id, id, options);
  if (!row) throw notFound();
  return row;
}

function assertOpen(row: rounds.RoundRow): void {
  if (row.status !== "open") throw new AppError("roundNotOpen", 409);
}

/** The dates must leave time to rank and lie in order: ranking ends before the places begin. */
function checkDates(values: Pick<RoundInput, "startDate" | "latestWantedStart" | "deadline">, today: string) {
  if (values.startDate < today) throw fieldError("startDate", "startInPast");
  if (values.deadline < today) throw fieldError("deadline", "startInPast");
  if (values.deadline >= values.startDate) throw fieldError("deadline", "deadlineAfterStart");
  if (values.latestWantedStart < values.startDate) throw fieldError("latestWantedStart", "dateOrder");
}

async function audit(
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

export async function listRounds(ctx: ServiceContext): Promise<RoundSummary[]> {
  const org = officeOf(ctx);
  const now = ctx.platform.now();
  return (await rounds.listRounds(ctx.platform.db, org.id)).map((row) => summaryOf(row, now));
}

export async function getRound(ctx: ServiceContext, id: string): Promise<RoundDetail> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const row = await requireRound(tx, org, id);
    return detailOf(tx, ctx, org, row);
  });
}

/** The latest run's progress alone: cheap enough to ask for several times a second while it works. */
export async function getRunStatus(ctx: ServiceContext, id: string): Promise<RunStatusDto | null> {
  const org = officeOf(ctx);
  const row = await requireRound(ctx.platform.db, org, id);
  const run = await rounds.findLatestRun(ctx.platform.db, org.id, row.id);
  if (!run) return null;
  const { status, phase, progress } = runDtoOf(run, ctx.platform.now(), false);
  return { id: run.id, status, phase, progress };
}

async function detailOf(
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
function listedFor(data: RoundData, caregiverId: string, request: PlacementRequest): boolean {
  const caregiver = data.caregiverById.get(caregiverId);
  if (!caregiver) return false;
  // Distance first: cheap, and it rules out most of a city.
  if (haversineKm(request.location, caregiver.location) > request.maxDistanceKm) return false;
  return explainFit(caregiver, { ...request, needsInclusion: false }).acceptable;
}

/** Mails the round's families and the caregivers who have children to review. */
async function announceRound(
  tx: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  row: rounds.RoundRow,
): Promise<void> {
  const { platform } = ctx;
  const data = await loadRoundData(tx, contextOfService(ctx), org, row, { withNeeds: false });
  for (const request of data.requests) {
    await queueRequestMail(tx, platform, org, request, "placementRoundOpened", {
      round: row.title,
      deadline: formatDate(row.deadline, request.locale),
      startDate: formatDate(row.startDate, request.locale),
    });
  }
  const locales = await findUserLocales(
    tx,
    [...data.people.values()].flatMap((p) => (p.userId ? [p.userId] : [])),
  );
  for (const caregiver of data.instance.caregivers) {
    const person = data.people.get(caregiver.id);
    if (!person?.email || !person.userId) continue;
    const count = data.instance.requests.filter((r) => listedFor(data, caregiver.id, r)).length;
    if (count === 0) continue;
    // Her account's language; she reviews her list on her page, so only those with an account are asked.
    const locale = locales.get(person.userId) ?? "de";
    const mail = composeMail(
      locale,
      "placementRoundReview",
      {
        name: person.firstName,
        organisation: org.name,
        round: row.title,
        deadline: formatDate(row.deadline, locale),
        startDate: formatDate(row.startDate, locale),
        count,
      },
      `${platform.env.PUBLIC_URL}/app/${org.slug}/meine-runde`,
    );
    await platform.mailer.queue(tx, { to: person.email, organisationId: org.id, ...mail });
  }
}

export async function openRound(ctx: ServiceContext, input: RoundInput): Promise<RoundDetail> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  checkDates(input, todayOf(platform));
  const detail = await platform.db.transaction(async (tx) => {
    const now = platform.now();
    const row = await rounds.insertRound(tx, org.id, {
      ...input,
      status: "open",
      createdAt: now,
      updatedAt: now,
      createdByUserId: actorOf(ctx).userId,
    });
    if (!row) throw new AppError("roundOpenExists", 409);
    await audit(tx, ctx, org, "placement.roundOpened", row.id, { ...input });
    await announceRound(tx, ctx, org, row);
    return detailOf(tx, ctx, org, row);
  });
  platform.mailer.kick();
  return detail;
}

export async function changeRound(
  ctx: ServiceContext,
  id: string,
  input: RoundChangeBody,
): Promise<RoundDetail> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const row = await requireRound(tx, org, id, { forUpdate: true });
    assertOpen(row);
    if (isRankingClosed(row, platform.now())) throw new AppError("rankingClosed", 409);
    const next = { ...row, ...input };
    checkDates(next, todayOf(platform));
    const updated = await rounds.updateRound(tx, org.id, id, { ...input, updatedAt: platform.now() });
    await audit(tx, ctx, org, "placement.roundChanged", id, { ...input });
    return detailOf(tx, ctx, org, updated);
  });
}

export async function closeRanking(ctx: ServiceContext, id: string): Promise<RoundDetail> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const row = await requireRound(tx, org, id, { forUpdate: true });
    assertOpen(row);
    if (isRankingClosed(row, platform.now())) return detailOf(tx, ctx, org, row);
    const updated = await rounds.updateRound(tx, org.id, id, {
      rankingClosedAt: platform.now(),
      updatedAt: platform.now(),
    });
    await audit(tx, ctx, org, "placement.roundRankingClosed", id);
    return detailOf(tx, ctx, org, updated);
  });
}

export async function cancelRound(ctx: ServiceContext, id: string): Promise<RoundDetail> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const row = await requireRound(tx, org, id, { forUpdate: true });
    assertOpen(row);
    const updated = await rounds.updateRound(tx, org.id, id, {
      status: "cancelled",
      updatedAt: platform.now(),
    });
    await audit(tx, ctx, org, "placement.roundCancelled", id);
    return detailOf(tx, ctx, org, updated);
  });
}

/**
 * Starts a run and returns at once; the run works in the background and writes its phase and progress,
 * which the office polls. Only one run of a round at a time (the round's row lock orders two clicks).
 */
export async function startRun(ctx: ServiceContext, id: string): Promise<RunDto> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const now = platform.now();
  const run = await platform.db.transaction(async (tx) => {
    const row = await requireRound(tx, org, id, { forUpdate: true });
    assertOpen(row);
    const latest = await rounds.findLatestRun(tx, org.id, id);
    if (latest?.status === "running" && !isRunDead(latest, now)) throw new AppError("runRunning", 409);
    if (latest && isRunDead(latest, now)) {
      await rounds.updateRun(tx, latest.id, { status: "failed", error: "abandoned", finishedAt: now });
    }
    const inserted = await rounds.insertRun(tx, {
      roundId: id,
      organisationId: org.id,
      status: "running",
      phase: "loading",
      progress: 0,
      startedAt: now,
      startedByUserId: actorOf(ctx).userId,
    });
    await audit(tx, ctx, org, "placement.roundRun", id, { runId: inserted.id });
    return { round: row, run: inserted };
  });
  platform.background.run("allocationRound", () =>
    executeRun(contextOfService(ctx), org, run.round, run.run.id),
  );
  return runDtoOf(run.run, now, false);
}

function statsOf(
  data: RoundData,
  assignments: Readonly<Record<string, string | null>>,
  cutOffs: Map<string, CutOff[]>,
  blockingPairs: number,
  durationMs: number,
): RunStats {
  const placed = data.requests.filter((r) => assignments[r.id]).length;
  return {
    requests: data.requests.length + data.refusedAll.length,
    caregivers: data.instance.caregivers.length,
    placed,
    unplaced: data.requests.length + data.refusedAll.length - placed,
    firstChoice: data.requests.filter((r) => assignments[r.id] && (cutOffs.get(r.id)?.length ?? 0) === 0)
      .length,
    blockingPairs,
    durationMs: Math.round(durationMs),
  };
}

/** How many of the nearest caregivers explain why nobody could take a child. */
const NEAREST_EXPLAINED = 5;

/**
 * A child without a ranking whom no caregiver could take has no cut-offs: nobody was ranked. The family and
 * the office still need to know why, so the nearest caregivers within twice the distance the family can
 * travel are listed with what does not fit ("7.2 km, more than 5 km", "Wed 14:00–16:00 no free place").
 */
function explainNobodyFits(
  instance: PlacementInstance,
  assignments: Readonly<Record<string, string | null>>,
  cutOffs: Map<string, CutOff[]>,
): void {
  for (const request of instance.requests) {
    if (assignments[request.id] || (cutOffs.get(request.id)?.length ?? 0) > 0) continue;
    const nearest = caregiversByDistance(
      instance.caregivers,
      request.location,
      request.maxDistanceKm * 2,
    ).slice(0, NEAREST_EXPLAINED);
    cutOffs.set(
      request.id,
      nearest.map((caregiver) => ({
        caregiverId: caregiver.id,
        outcome: "notAcceptable" as const,
        reasons: explainFit(caregiver, request).reasons,
      })),
    );
  }
}

async function executeRun(
  ctx: { platform: Platform; actorUserId: string | null; ip: string },
  org: OrganisationScope,
  round: rounds.RoundRow,
  runId: string,
): Promise<void> {
  const { platform } = ctx;
  const db = platform.db;
  const began = performance.now();
  try {
    const data = await db.transaction((tx) =>
      loadRoundData(tx, ctx, org, round, { withNeeds: true, purpose: "allocationRound" }),
    );
    await rounds.updateRun(db, runId, { phase: "solving", progress: 0.2 });
    const model = compileInstance(data.instance);
    const result = toResult(model, solveModel(model));
    await rounds.updateRun(db, runId, { phase: "explaining", progress: 0.4 });
    const cutOffs = new Map<string, CutOff[]>();
    const cutOffTotals = new Map<string, number>();
    const ids = data.requests.map((r) => r.id);
    for (let start = 0; start < ids.length; start += EXPLAIN_SLICE) {
      const slice = ids.slice(start, start + EXPLAIN_SLICE);
      const explanations = explainRound(data.instance, result.assignments, {
        requestIds: slice,
        maxCutOffs: MAX_CUT_OFFS,
        model,
      });
      for (const explanation of explanations) {
        cutOffs.set(explanation.requestId, explanation.cutOffs);
        cutOffTotals.set(explanation.requestId, explanation.cutOffTotal);
      }
      const done = Math.min(ids.length, start + EXPLAIN_SLICE) / Math.max(1, ids.length);
      await rounds.updateRun(db, runId, { progress: 0.4 + 0.45 * done });
      // Lets the server answer other requests between slices of a large round.
      await new Promise((resolve) => setImmediate(resolve));
    }
    explainNobodyFits(data.instance, result.assignments, cutOffs);
    await rounds.updateRun(db, runId, { phase: "saving", progress: 0.9 });
    const caregiversById = new Map(data.instance.caregivers.map((c) => [c.id, c]));
    const rows: rounds.ResultRow[] = [
      ...data.instance.requests.map((request) => {
        const caregiverId = result.assignments[request.id] ?? null;
        const caregiver = caregiverId ? caregiversById.get(caregiverId) : undefined;
        const above = cutOffs.get(request.id) ?? [];
        const total = cutOffTotals.get(request.id) ?? above.length;
        return {
          runId,
          requestId: request.id,
          organisationId: org.id,
          caregiverId,
          choice: caregiverId ? total + 1 : null,
          distanceKm: caregiver ? roundKm(haversineKm(request.location, caregiver.location)) : null,
          rankedCount: data.ranks.get(request.id)?.length ?? 0,
          ageMonthsAtStart: data.ageAtStart.get(request.id) ?? request.childAgeMonths,
          cutOffs: above,
          cutOffTotal: total,
        };
      }),
      ...data.refusedAll.map((row) => ({
        runId,
        requestId: row.id,
        organisationId: org.id,
        caregiverId: null,
        choice: null,
        distanceKm: null,
        rankedCount: data.ranks.get(row.id)?.length ?? 0,
        ageMonthsAtStart: data.ageAtStart.get(row.id) ?? 0,
        cutOffs: [],
        cutOffTotal: 0,
      })),
    ];
    const stats = statsOf(
      data,
      result.assignments,
      cutOffs,
      result.blockingPairs.length,
      performance.now() - began,
    );
    await db.transaction(async (tx) => {
      await rounds.insertResults(tx, rows);
      await rounds.updateRun(tx, runId, {
        status: "done",
        phase: "finished",
        progress: 1,
        finishedAt: platform.now(),
        fingerprint: data.fingerprint,
        stats,
        blockingPairs: result.blockingPairs,
      });
      await rounds.deleteRunsBefore(tx, org.id, round.id, runId);
    });
  } catch (error) {
    await rounds.updateRun(db, runId, {
      status: "failed",
      finishedAt: platform.now(),
      error: error instanceof Error ? error.message : String(error),
    });
    throw error;
  }
}

async function requireDoneRun(db: Executor, org: OrganisationScope, roundId: string): Promise<rounds.RunRow> {
  const run = await rounds.findLatestRun(db, org.id, roundId, { doneOnly: true });
  if (!run) throw new AppError("noRun", 409);
  return run;
}

async function namesOf(
  db: Executor,
  org: OrganisationScope,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const people = await findPlacementCaregivers(db, org.id, [...new Set(ids)]);
  return new Map(people.map((p) => [p.id, caregiverNameOf(p)]));
}

function itemOf(row: rounds.ResultWithRequest, names: Map<string, string>): RoundResultItem {
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

function cutOffDtos(cutOffs: readonly CutOff[], names: Map<string, string>): CutOffDto[] {
  return cutOffs.map((cut) => ({ ...cut, caregiverName: names.get(cut.caregiverId) ?? "—" }) as CutOffDto);
}

export async function getResults(
  ctx: ServiceContext,
  id: string,
  query: ResultsQuery,
): Promise<RoundResults> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  return db.transaction(async (tx) => {
    const round = await requireRound(tx, org, id);
    const run = await requireDoneRun(tx, org, id);
    const { rows, total } = await rounds.listResults(tx, org.id, run.id, query);
    const names = await namesOf(
      tx,
      org,
      rows.flatMap((r) => (r.caregiverId ? [r.caregiverId] : [])),
    );
    let isStale = false;
    if (round.status === "open") {
      const data = await loadRoundData(tx, contextOfService(ctx), org, round, { withNeeds: false });
      isStale = data.fingerprint !== run.fingerprint;
    }
    return {
      run: runDtoOf(run, ctx.platform.now(), isStale),
      items: rows.map((row) => itemOf(row, names)),
      total,
      blockingPairs: (run.blockingPairs ?? []).map(([requestId, caregiverId]) => ({
        requestId,
        caregiverId,
      })),
    };
  });
}

export async function getExplanation(
  ctx: ServiceContext,
  id: string,
  requestId: string,
): Promise<RoundExplanation> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  return db.transaction(async (tx) => {
    await requireRound(tx, org, id);
    const run = await requireDoneRun(tx, org, id);
    const { rows } = await rounds.listResults(tx, org.id, run.id, { filter: "all", requestId });
    const row = rows[0];
    if (!row) throw notFound();
    const names = await namesOf(tx, org, [
      ...(row.caregiverId ? [row.caregiverId] : []),
      ...row.cutOffs.map((c) => c.caregiverId),
    ]);
    return { item: itemOf(row, names), cutOffs: cutOffDtos(row.cutOffs, names) };
  });
}

/**
 * Publishes the latest run: every placed family gets an offer (by mail and on its page), every unplaced one
 * a mail that the request stays open, every caregiver the children allocated to her. The data must still be
 * what the run solved; otherwise the office runs again first.
 */
export async function publishRound(
  ctx: ServiceContext,
  id: string,
  input: PublishBody,
): Promise<RoundDetail> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const today = todayOf(platform);
  const respondBy = input.respondBy ?? addDays(today, OFFER_DAYS);
  if (respondBy < today) throw fieldError("respondBy", "startInPast");
  const detail = await platform.db.transaction(async (tx) => {
    const now = platform.now();
    const round = await requireRound(tx, org, id, { forUpdate: true });
    assertOpen(round);
    if (!isRankingClosed(round, now)) throw new AppError("rankingOpen", 409);
    const latest = await rounds.findLatestRun(tx, org.id, id);
    if (latest?.status === "running" && !isRunDead(latest, now)) throw new AppError("runRunning", 409);
    const run = await requireDoneRun(tx, org, id);
    const data = await loadRoundData(tx, contextOfService(ctx), org, round, { withNeeds: false });
    if (data.fingerprint !== run.fingerprint) throw new AppError("roundStale", 409);

    const { rows } = await rounds.listResults(tx, org.id, run.id, { filter: "all" });
    const byCaregiver = new Map<string, repo.RequestRow[]>();
    let offers = 0;
    for (const result of rows) {
      const request = await repo.lockRequest(tx, org.id, result.requestId);
      if (!request) continue;
      if (!result.caregiverId) {
        await queueRequestMail(tx, platform, org, request, "placementRoundUnplaced", { round: round.title });
        continue;
      }
      const person = data.people.get(result.caregiverId);
      const start = maxDate(round.startDate, request.wantedStart);
      const offer = await repo.insertOffer(tx, org.id, {
        requestId: request.id,
        caregiverId: result.caregiverId,
        start,
        end: null,
        careTimes: request.careTimes,
        settlingInEnd: addDays(start, SETTLING_IN_DAYS),
        respondBy: endOfDay(respondBy),
        createdByUserId: actorOf(ctx).userId,
        createdAt: now,
        roundId: round.id,
      });
      offers++;
      await changeStatus(tx, ctx, org, request, {
        to: "offered",
        actor: { kind: "staff", userId: actorOf(ctx).userId },
        reason: "offerMade",
        auditDetails: { offerId: offer.id, caregiverId: result.caregiverId, roundId: round.id },
        mailParams: {
          caregiver: caregiverNameOf(person),
          offerStart: formatDate(start, request.locale),
          respondBy: formatDate(respondBy, request.locale),
        },
      });
      const list = byCaregiver.get(result.caregiverId);
      if (list) list.push(request);
      else byCaregiver.set(result.caregiverId, [request]);
    }
    const locales = await findUserLocales(
      tx,
      [...byCaregiver.keys()].flatMap((id) => {
        const userId = data.people.get(id)?.userId;
        return userId ? [userId] : [];
      }),
    );
    for (const [caregiverId, children] of byCaregiver) {
      const person = data.people.get(caregiverId);
      if (!person?.email) continue;
      // Her account's language where she has one; otherwise German, the office's working language.
      const locale = (person.userId && locales.get(person.userId)) || "de";
      const t = translator(locale);
      const dayNames = t("placement.weekdaysShort", { returnObjects: true }) as unknown as string[];
      const mail = composeMail(
        locale,
        "placementRoundCaregiver",
        {
          name: person.firstName,
          organisation: org.name,
          round: round.title,
          count: children.length,
          children: children
            .map((c) => `${c.childFirstName} (${describeCareTimes(c.careTimes, dayNames)})`)
            .join("; "),
        },
        `${platform.env.PUBLIC_URL}/app/${org.slug}/meine-woche`,
      );
      await platform.mailer.queue(tx, { to: person.email, organisationId: org.id, ...mail });
    }
    const updated = await rounds.updateRound(tx, org.id, id, {
      status: "published",
      publishedAt: now,
      publishedByUserId: actorOf(ctx).userId,
      respondBy,
      updatedAt: now,
    });
    await audit(tx, ctx, org, "placement.roundPublished", id, {
      runId: run.id,
      offers,
      unplaced: rows.length - offers,
      respondBy,
    });
    return detailOf(tx, ctx, org, updated);
  });
  platform.mailer.kick();
  return detail;
}

/**
 * Sends every family of the open round that has no suggestions yet the caregivers who fit best (as the
 * coordinator's suggestion list ranks them), so that each family has someone to rank before the deadline.
 * Families who already have suggestions keep theirs: the office chose those by hand.
 */
export async function suggestToAll(
  ctx: ServiceContext,
  id: string,
  input: SuggestAllBody,
): Promise<SuggestAllResponse> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const outcome = await platform.db.transaction(async (tx) => {
    const round = await requireRound(tx, org, id, { forUpdate: true });
    assertOpen(round);
    if (isRankingClosed(round, platform.now())) throw new AppError("rankingClosed", 409);
    const requests = await rounds.listRoundRequests(tx, org.id, round.latestWantedStart);
    const counted = await rounds.countSuggestionsByRequest(tx, org.id);
    // Read once for all families: suggestions do not change anyone's capacity.
    const loaded = {
      people: await findPlacementCaregivers(tx, org.id),
      contracts: await repo.listContracts(tx, org.id),
    };
    let families = 0;
    let suggestions = 0;
    let withoutFit = 0;
    for (const listed of requests) {
      if ((counted.get(listed.id) ?? 0) > 0) continue;
      const row = await repo.lockRequest(tx, org.id, listed.id);
      if (!row || (row.status !== "open" && row.status !== "suggested")) continue;
      const { judged } = await judgeForRequest(tx, ctx, org, row, loaded);
      const best = judged.filter((s) => s.fits).slice(0, input.perFamily);
      if (best.length === 0) {
        withoutFit++;
        continue;
      }
      const now = platform.now();
      const added = await repo.insertSuggestions(
        tx,
        org.id,
        best.map((s) => ({
          requestId: row.id,
          caregiverId: s.caregiverId,
          sentAt: now,
          sentByUserId: actorOf(ctx).userId,
          distanceKm: s.score.distanceKm,
        })),
      );
      await changeStatus(tx, ctx, org, row, {
        to: "suggested",
        actor: { kind: "staff", userId: actorOf(ctx).userId },
        reason: "suggestionsSent",
        auditDetails: { caregiverIds: added.map((s) => s.caregiverId), roundId: round.id },
        mailParams: { count: added.length },
      });
      families++;
      suggestions += added.length;
    }
    await audit(tx, ctx, org, "placement.roundSuggested", id, { families, suggestions, withoutFit });
    return { families, suggestions, withoutFit };
  });
  platform.mailer.kick();
  return outcome;
}

/** A new round with the same dates, for the families still waiting and the places declined or lapsed. */
export async function openFollowUp(
  ctx: ServiceContext,
  id: string,
  input: FollowUpBody,
): Promise<RoundDetail> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const previous = await requireRound(platform.db, org, id);
  if (previous.status !== "published") throw new AppError("roundNotOpen", 409);
  const today = todayOf(platform);
  // Places that start before the follow-up ends would be offered late: the follow-up starts after it.
  const startDate = maxDate(previous.startDate, addDays(input.deadline, 1));
  const latestWantedStart = maxDate(previous.latestWantedStart, startDate);
  checkDates({ startDate, latestWantedStart, deadline: input.deadline }, today);
  const detail = await platform.db.transaction(async (tx) => {
    const now = platform.now();
    const row = await rounds.insertRound(tx, org.id, {
      title: input.title,
      startDate,
      latestWantedStart,
      deadline: input.deadline,
      status: "open",
      previousRoundId: previous.id,
      createdAt: now,
      updatedAt: now,
      createdByUserId: actorOf(ctx).userId,
    });
    if (!row) throw new AppError("roundOpenExists", 409);
    await audit(tx, ctx, org, "placement.roundOpened", row.id, { previousRoundId: previous.id, ...input });
    await announceRound(tx, ctx, org, row);
    return detailOf(tx, ctx, org, row);
  });
  platform.mailer.kick();
  return detail;
}

/** The caregiver's list of children in the open round, in her order. */
async function myRoundOf(
  tx: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  caregiverId: string,
): Promise<{ response: MyRoundResponse; round: rounds.RoundRow | null; expected: string[] }> {
  const now = ctx.platform.now();
  const round = await rounds.findOpenRound(tx, org.id);
  const empty = { items: [], isDeviating: false, reason: "", savedAt: null };
  if (!round) return { response: { round: null, ...empty }, round: null, expected: [] };
  const data = await loadRoundData(tx, contextOfService(ctx), org, round, { withNeeds: false });
  const caregiver = data.caregiverById.get(caregiverId);
  const listed = caregiver ? data.instance.requests.filter((r) => listedFor(data, caregiverId, r)) : [];
  const expected = criteriaOrder(listed);
  const saved = data.orders.find((o) => o.caregiverId === caregiverId) ?? null;
  const savedIds = new Set(saved?.requestIds ?? []);
  const order = saved
    ? [
        ...saved.requestIds.filter((id) => expected.includes(id)),
        ...expected.filter((id) => !savedIds.has(id)),
      ]
    : expected;
  const byId = new Map(listed.map((r) => [r.id, r]));
  const rowsById = new Map(data.requests.map((r) => [r.id, r]));
  const items = order.map((requestId) => {
    const request = byId.get(requestId) as PlacementRequest;
    const row = rowsById.get(requestId) as repo.RequestRow;
    return {
      requestId,
      childFirstName: row.childFirstName,
      ageMonthsAtStart: request.childAgeMonths,
      careTimes: row.careTimes,
      town: row.town,
      distanceKm: caregiver ? roundKm(haversineKm(request.location, caregiver.location)) : 0,
      priorityPoints: row.priorityPoints,
      criteriaPosition: expected.indexOf(requestId) + 1,
      isNewSinceSaved: saved !== null && !savedIds.has(requestId),
    };
  });
  return {
    response: {
      round: summaryOf(round, now),
      items,
      isDeviating: saved !== null,
      reason: saved?.reason ?? "",
      savedAt: saved?.savedAt.toISOString() ?? null,
    },
    round,
    expected,
  };
}

async function requireOwnCaregiverId(
  db: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
): Promise<string> {
  const caregiverId = await findCaregiverIdOfUser(db, org.id, actorOf(ctx).userId);
  if (!caregiverId) throw notFound();
  return caregiverId;
}

export async function getMyRound(ctx: ServiceContext): Promise<MyRoundResponse> {
  const org = officeOf(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const caregiverId = await requireOwnCaregiverId(tx, ctx, org);
    return (await myRoundOf(tx, ctx, org, caregiverId)).response;
  });
}

/**
 * Saves the caregiver's order. The criteria's order is no deviation and clears a saved one; any other order
 * is kept with her reason, and the office sees both.
 */
export async function saveMyOrder(ctx: ServiceContext, input: ReviewBody): Promise<MyRoundResponse> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const caregiverId = await requireOwnCaregiverId(tx, ctx, org);
    const current = await myRoundOf(tx, ctx, org, caregiverId);
    const round = current.round;
    if (!round) throw notFound();
    const locked = await requireRound(tx, org, round.id, { forUpdate: true });
    if (isRankingClosed(locked, platform.now())) throw new AppError("rankingClosed", 409);
    const listed = new Set(current.expected);
    const given = new Set(input.order);
    if (
      given.size !== input.order.length ||
      given.size !== listed.size ||
      input.order.some((id) => !listed.has(id))
    )
      throw new AppError("orderMismatch", 409);
    const moved = movedCount(input.order, current.expected);
    if (moved === 0) {
      await rounds.deleteOrder(tx, org.id, round.id, caregiverId);
    } else {
      if (input.reason.trim().length < MIN_REASON_LENGTH) throw fieldError("reason", "reasonRequired");
      await rounds.saveOrder(tx, {
        roundId: round.id,
        caregiverId,
        organisationId: org.id,
        requestIds: input.order,
        reason: input.reason.trim(),
        savedAt: platform.now(),
        savedByUserId: actorOf(ctx).userId,
      });
    }
    await audit(tx, ctx, org, "placement.roundOrderChanged", round.id, {
      caregiverId,
      moved,
      deviates: moved > 0,
    });
    return (await myRoundOf(tx, ctx, org, caregiverId)).response;
  });
}

/**
 * What the family sees of rounds: the open round its request takes part in, and the outcome of the latest
 * published one. Caregivers who were never suggested to the family are counted, not named.
 */
export async function getParentRound(ctx: ServiceContext, requestId: string): Promise<ParentRoundResponse> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const now = platform.now();
  return platform.db.transaction(async (tx) => {
    const request = await requireOwn(tx, ctx, requestId);
    const ranks = await rounds.listParentRanks(tx, org.id);
    const rankedCount = ranks.get(request.id)?.length ?? 0;
    const open = await rounds.findOpenRound(tx, org.id);
    const takesPart =
      open !== null &&
      (request.status === "open" || request.status === "suggested") &&
      request.wantedStart <= open.latestWantedStart;
    const published = await rounds.findPublishedResultOfRequest(tx, org.id, request.id);
    let outcome: ParentRoundResponse["outcome"] = null;
    if (published) {
      const suggested = new Set(
        (await repo.listSuggestions(tx, org.id, request.id)).map((s) => s.caregiverId),
      );
      const { result } = published;
      const named = result.cutOffs.filter((cut) => suggested.has(cut.caregiverId));
      const names = await namesOf(tx, org, [
        ...(result.caregiverId ? [result.caregiverId] : []),
        ...named.map((c) => c.caregiverId),
      ]);
      outcome = {
        isPlaced: result.caregiverId !== null,
        caregiverName: result.caregiverId ? (names.get(result.caregiverId) ?? null) : null,
        cutOffs: cutOffDtos(named, names),
        otherCutOffs: result.cutOffTotal - named.length,
      };
    }
    const round = takesPart ? open : (published?.round ?? null);
    return { round: round ? summaryOf(round, now) : null, rankedCount, outcome };
  });
}
