import type { VoteDetail } from "../../../contracts/votes";
import { mayEdit, mayStand } from "../../../core/votes/lifecycle";
import { writeAudit } from "../../platform/audit/audit";
import { AppError, notFound } from "../../platform/errors";
import type { ServiceContext } from "../../platform/types";
import { mailElectorate } from "./lifecycle.service";
import { actorOf, electorateOf, localDateTime, requireManager, voteOrgOf } from "./votes.context";
import * as repo from "./votes.repository";
import { presentDetail, requireVisibleVote } from "./votes.service";

/** Elections before voting: the nomination period, parents standing and withdrawing, the office removing a candidacy. */

export async function openNomination(ctx: ServiceContext, id: string): Promise<VoteDetail> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  requireManager(ctx);
  const { platform } = ctx;
  const detail = await platform.db.transaction(async (tx) => {
    const vote = await repo.findVote(tx, org.id, id, "update");
    if (!vote) throw notFound();
    if (vote.kind !== "election" || vote.status !== "draft") throw new AppError("voteNotEditable", 409);
    const row = await repo.updateVote(tx, vote.id, { status: "nomination", updatedAt: platform.now() });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "votes.nominationOpened",
      entityType: "vote",
      entityId: row.id,
      details: { title: row.title, seats: row.seats },
      ip: ctx.ip,
    });
    await mailElectorate(tx, platform, org, row, "electionNomination", (t, locale) => ({
      seats: row.seats,
      closes: row.nominationClosesAt
        ? t("mail.electionNominationCloses", localDateTime(row.nominationClosesAt, locale))
        : "",
    }));
    return presentDetail(tx, ctx, row);
  });
  platform.mailer.kick();
  return detail;
}

export async function stand(ctx: ServiceContext, id: string, introduction: string): Promise<VoteDetail> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const vote = await requireVisibleVote(tx, ctx, id, "update");
    if (vote.kind !== "election") throw notFound();
    if (!mayStand(vote, platform.now())) throw new AppError("voteNominationClosed", 409);
    const electorate = await electorateOf(tx, vote, platform.now());
    if (!electorate.has(actor.userId)) throw new AppError("voteNotEntitled", 403);
    await repo.upsertCandidate(tx, org.id, vote.id, {
      userId: actor.userId,
      label: actor.name,
      introduction,
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "votes.candidacySubmitted",
      entityType: "vote",
      entityId: vote.id,
      ip: ctx.ip,
    });
    return presentDetail(tx, ctx, vote);
  });
}

export async function withdrawCandidacy(ctx: ServiceContext, id: string): Promise<VoteDetail> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const vote = await requireVisibleVote(tx, ctx, id, "update");
    if (vote.kind !== "election") throw notFound();
    if (!mayEdit(vote.status)) throw new AppError("voteNominationClosed", 409);
    const own = (await repo.listOptions(tx, vote.id)).find((o) => o.candidateUserId === actor.userId);
    if (!own) throw notFound();
    await repo.deleteOption(tx, vote.id, own.id);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "votes.candidacyWithdrawn",
      entityType: "vote",
      entityId: vote.id,
      ip: ctx.ip,
    });
    return presentDetail(tx, ctx, vote);
  });
}

export async function removeCandidate(
  ctx: ServiceContext,
  id: string,
  optionId: string,
): Promise<VoteDetail> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  requireManager(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const vote = await repo.findVote(tx, org.id, id, "update");
    if (vote?.kind !== "election") throw notFound();
    if (!mayEdit(vote.status)) throw new AppError("voteNotEditable", 409);
    const option = (await repo.listOptions(tx, vote.id)).find((o) => o.id === optionId);
    if (!option) throw notFound();
    await repo.deleteOption(tx, vote.id, option.id);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "votes.candidacyRemoved",
      entityType: "vote",
      entityId: vote.id,
      details: { candidate: option.label },
      ip: ctx.ip,
    });
    return presentDetail(tx, ctx, vote);
  });
}
