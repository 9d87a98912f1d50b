/**
 * A placement round's life: opening, changing, closing the ranking, cancelling, a follow-up round. Running,
 * publishing and the reviews live beside it and are re-exported here, so the routes see one service.
 */
import type {
  FollowUpBody,
  RoundChangeBody,
  RoundDetail,
  RoundInput,
  RoundSummary,
  RunStatusDto,
} from "../../../contracts/placement-rounds";
import { addDays, maxDate } from "../../../core/shared/dates";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { composeMail } from "../../platform/mail/mailer";
import type { ServiceContext } from "../../platform/types";
import { findUserLocales } from "../identity/identity.queries";
import { actorOf, formatDate, officeOf, queueRequestMail, todayOf } from "./placement.service";
import {
  assertOpen,
  audit,
  checkDates,
  contextOfService,
  detailOf,
  isRankingClosed,
  listedFor,
  loadRoundData,
  requireRound,
  runDtoOf,
  summaryOf,
} from "./rounds.context";
import * as rounds from "./rounds.repository";

export { publishRound, suggestToAll } from "./rounds-publish.service";
export { getMyRound, getParentRound, saveMyOrder } from "./rounds-review.service";
export { getExplanation, getResults, startRun } from "./rounds-run.service";

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
