import {
  MIN_REASON_LENGTH,
  type MyRoundResponse,
  type ParentRoundResponse,
  type ReviewBody,
} from "../../../contracts/placement-rounds";
import { haversineKm, roundKm } from "../../../core/geo/geo";
import type { PlacementRequest } from "../../../core/placement/instance";
import { criteriaOrder, movedCount } from "../../../core/placement/round-input";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import type { ServiceContext } from "../../platform/types";
import { findCaregiverIdOfUser } from "../caregivers/caregivers.queries";
import * as repo from "./placement.repository";
import { actorOf, officeOf, requireOwn } from "./placement.service";
import {
  audit,
  contextOfService,
  cutOffDtos,
  isRankingClosed,
  listedFor,
  loadRoundData,
  namesOf,
  requireRound,
  summaryOf,
} from "./rounds.context";
import * as rounds from "./rounds.repository";

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
