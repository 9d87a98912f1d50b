import type { BallotInput, PaperBallotInput, VoteResults } from "../../../contracts/votes";
import { acceptsBallots } from "../../../core/votes/lifecycle";
import { ballotAggregate, ballotProblem, paperProblem } from "../../../core/votes/tally";
import { writeAudit } from "../../platform/audit/audit";
import { AppError, fieldError, notFound } from "../../platform/errors";
import type { ServiceContext } from "../../platform/types";
import { resultsOf } from "./results.service";
import { actorOf, electorateOf, meetingEntitled, requireManager, voteOrgOf } from "./votes.context";
import * as repo from "./votes.repository";
import { requireVisibleVote, specOf } from "./votes.service";

/**
 * Casts a ballot — her own, or for the member whose proxy she holds at this meeting.
 *
 * A secret ballot leaves exactly two traces, which nothing joins (ADR 0014): a row in the roll (vote, person,
 * who cast it; no time, no id) and `+weight` on the counters. No audit entry, no log line, no mail. A named
 * ballot also keeps who chose what.
 */
export async function castBallot(ctx: ServiceContext, id: string, input: BallotInput): Promise<{ ok: true }> {
  voteOrgOf(ctx);
  const actor = actorOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    // Shared: ballots run side by side; closing takes the row for update and waits for them.
    const vote = await requireVisibleVote(tx, ctx, id, "share").catch(async (error) => {
      // A proxy holder may not be in the electorate herself; she still sees the vote she casts for another.
      if (!(error instanceof AppError) || error.status !== 404 || !input.onBehalfOf) throw error;
      const row = await repo.findVote(tx, voteOrgOf(ctx).id, id, "share");
      if (!row || row.status === "draft") throw error;
      return row;
    });
    const now = platform.now();
    if (!acceptsBallots(vote, now)) throw new AppError("voteNotOpen", 409);
    const electorate = await electorateOf(tx, vote, now);
    const voter = input.onBehalfOf ?? actor.userId;
    if (input.onBehalfOf) {
      if (!vote.eventId || input.onBehalfOf === actor.userId) throw new AppError("voteProxyInvalid", 400);
      const settings = await repo.findSettings(tx, vote.organisationId);
      if (!settings.proxiesAllowed) throw new AppError("voteProxiesNotAllowed", 409);
    }
    const weight = electorate.get(voter);
    if (weight === undefined) throw new AppError("voteNotEntitled", 403);
    if (vote.eventId) {
      const meeting = await meetingEntitled(tx, vote.eventId, electorate);
      if (!meeting.present.has(actor.userId)) throw new AppError("voteNotPresent", 403);
      if (input.onBehalfOf && meeting.heldBy.get(voter) !== actor.userId)
        throw new AppError("voteProxyInvalid", 400);
    }
    const options = await repo.listOptions(tx, vote.id);
    const problem = ballotProblem(specOf(vote, options), input);
    if (problem) throw fieldError("optionIds", problem);
    if (!(await repo.insertParticipation(tx, vote.id, voter, actor.userId)))
      throw new AppError("voteAlreadyCast", 409);
    const added = ballotAggregate(input, weight);
    await repo.addToCounters(tx, vote.id, input.optionIds, weight, added.abstentions > 0);
    if (vote.secrecy === "named") {
      await repo.insertNamedBallot(tx, {
        voteId: vote.id,
        userId: voter,
        castByUserId: actor.userId,
        optionIds: [...input.optionIds],
        abstain: added.abstentions > 0,
        weight,
        castAt: now,
      });
    }
    return { ok: true as const };
  });
}

/**
 * Paper ballots counted by hand, added as one aggregate with the names of those who counted. Audited with
 * the numbers, because unlike an online ballot it is one person's statement about many votes.
 */
export async function addPaperBallots(
  ctx: ServiceContext,
  id: string,
  input: PaperBallotInput,
): Promise<VoteResults> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  requireManager(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const vote = await repo.findVote(tx, org.id, id, "update");
    if (!vote) throw notFound();
    if (vote.status !== "open") throw new AppError("voteNotOpen", 409);
    const options = await repo.listOptions(tx, vote.id);
    const counts: Record<string, number> = {};
    for (const c of input.counts) {
      if (c.optionId in counts) throw fieldError("counts", "voteChoiceInvalid");
      if (c.votes > 0) counts[c.optionId] = c.votes;
      else counts[c.optionId] = 0;
    }
    const problem = paperProblem(specOf(vote, options), {
      ballots: input.ballots,
      abstentions: input.abstentions,
      counts,
    });
    if (problem) throw fieldError("counts", problem);
    const now = platform.now();
    await repo.insertPaperCount(tx, {
      organisationId: org.id,
      voteId: vote.id,
      ballots: input.ballots,
      abstentions: input.abstentions,
      counts: Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)),
      counters: input.counters,
      enteredBy: actor.userId,
      enteredAt: now,
    });
    const labels = new Map(options.map((o) => [o.id, o.label]));
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "votes.paperCounted",
      entityType: "vote",
      entityId: vote.id,
      details: {
        ballots: input.ballots,
        abstentions: input.abstentions,
        counts: Object.fromEntries(Object.entries(counts).map(([optionId, n]) => [labels.get(optionId), n])),
        counters: input.counters,
      },
      ip: ctx.ip,
    });
    return resultsOf(tx, ctx, vote);
  });
}
