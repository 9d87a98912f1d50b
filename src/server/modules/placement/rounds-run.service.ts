import type {
  ResultsQuery,
  RoundExplanation,
  RoundResults,
  RunDto,
  RunStats,
} from "../../../contracts/placement-rounds";
import { haversineKm, roundKm } from "../../../core/geo/geo";
import { type CutOff, explainFit, explainRound } from "../../../core/placement";
import type { PlacementInstance } from "../../../core/placement/instance";
import { compileInstance } from "../../../core/placement/model";
import { caregiversByDistance } from "../../../core/placement/round-input";
import { solveModel, toResult } from "../../../core/placement/solve";
import type { OrganisationScope } from "../../platform/auth";
import { AppError, notFound } from "../../platform/errors";
import type { Platform, ServiceContext } from "../../platform/types";
import { actorOf, officeOf } from "./placement.service";
import {
  assertOpen,
  audit,
  contextOfService,
  cutOffDtos,
  EXPLAIN_SLICE,
  isRunDead,
  itemOf,
  loadRoundData,
  MAX_CUT_OFFS,
  namesOf,
  type RoundData,
  requireDoneRun,
  requireRound,
  runDtoOf,
} from "./rounds.context";
import * as rounds from "./rounds.repository";

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
