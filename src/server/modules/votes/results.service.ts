import type { VoteResults } from "../../../contracts/votes";
import { resultsVisible } from "../../../core/votes/lifecycle";
import {
  type Aggregate,
  addAggregates,
  tallyElection,
  tallyMotion,
  tiedCandidates,
} from "../../../core/votes/tally";
import type { Executor } from "../../platform/db/client";
import type { ServiceContext } from "../../platform/types";
import { findEventTitles } from "../events/events.queries";
import { findUserNames } from "../identity/identity.queries";
import { listActiveMemberIds } from "../organisations/organisations.queries";
import { entitledCount, managesVotes, requireManager, voteOrgOf } from "./votes.context";
import type { OptionRow, VoteRow } from "./votes.repository";
import * as repo from "./votes.repository";
import { requireVisibleVote, specOf } from "./votes.service";
import type { StoredResult } from "./votes.tables";

/**
 * The numbers of a vote and what they mean: online counters plus paper counts, the rule applied, the quorum,
 * the elected; also the projector view and the people to choose from.
 */

async function totalOf(db: Executor, voteId: string): Promise<Aggregate> {
  const online = await repo.readCounters(db, voteId);
  const paper = await repo.listPaperCounts(db, voteId);
  return addAggregates(
    online,
    ...paper.map((p) => ({ ballots: p.ballots, abstentions: p.abstentions, counts: p.counts })),
  );
}

/** The numbers as they stand: online counters plus paper counts, the entitled now, the people who voted. */
export async function currentCount(db: Executor, vote: VoteRow, now: Date) {
  return {
    total: await totalOf(db, vote.id),
    entitled: await entitledCount(db, vote, now),
    participants: await repo.countParticipants(db, vote.id),
  };
}

/**
 * The result of a motion or an election from its numbers. An election's tied candidates are ordered by the
 * lot; before closing (live results) there is none yet and they keep the order in which they stood.
 */
export function resultOf(
  vote: VoteRow,
  options: readonly OptionRow[],
  count: { total: Aggregate; entitled: number; participants: number },
  lot: StoredResult["lot"],
): StoredResult {
  const { total, entitled, participants } = count;
  const numbers = {
    entitled,
    ballots: total.ballots,
    abstentions: total.abstentions,
    participants,
    counts: total.counts,
  };
  if (vote.kind === "election") {
    const ids = options.map((o) => o.id);
    const outcome = tallyElection(
      ids,
      total.counts,
      vote.seats,
      lot?.order ?? tiedCandidates(ids, total.counts),
    );
    return {
      ...numbers,
      quorumReached: true,
      passed: null,
      accepted: outcome.elected,
      elected: outcome.elected,
      substitutes: outcome.substitutes,
      lot,
    };
  }
  const outcome = tallyMotion(specOf(vote, options), total, entitled);
  return {
    ...numbers,
    quorumReached: outcome.quorumReached,
    passed: outcome.passed,
    accepted: outcome.options.filter((o) => o.accepted).map((o) => o.id),
    elected: [],
    substitutes: [],
    lot: null,
  };
}

/**
 * Closes voting and fixes the result. A tie that decides a seat or a substitute's place is settled by a lot
 * the platform draws here (crypto random), records in the result and audits. An election's result goes to
 * the electorate by mail. Used by staff and by the job at `closesAt`.
 */

/** The numbers of a vote, or only its state while they are hidden (staff still see how many took part). */
export async function resultsOf(db: Executor, ctx: ServiceContext, vote: VoteRow): Promise<VoteResults> {
  const options = await repo.listOptions(db, vote.id);
  const visible = resultsVisible(vote);
  const hidden: VoteResults = {
    id: vote.id,
    status: vote.status,
    visible: false,
    final: vote.status === "closed",
    majority: vote.majority,
    quorumPercent: vote.quorumPercent,
    entitled: null,
    ballots: null,
    abstentions: null,
    participants: null,
    paper: null,
    options: options.map((o) => ({ id: o.id, label: o.label, votes: 0, accepted: false })),
    quorumReached: null,
    passed: null,
    election: null,
  };
  if (!visible) {
    if (!managesVotes(ctx) || vote.status !== "open") return hidden;
    return {
      ...hidden,
      participants: await repo.countParticipants(db, vote.id),
      entitled: await entitledCount(db, vote, ctx.platform.now()),
    };
  }
  const paperRows = await repo.listPaperCounts(db, vote.id);
  const paper = paperRows.map((p) => ({
    ballots: p.ballots,
    abstentions: p.abstentions,
    counters: p.counters,
  }));
  const stored =
    vote.status === "closed" && vote.result
      ? vote.result
      : resultOf(vote, options, await currentCount(db, vote, ctx.platform.now()), null);
  const accepted = new Set(vote.kind === "election" ? stored.elected : stored.accepted);
  return {
    id: vote.id,
    status: vote.status,
    visible: true,
    final: vote.status === "closed",
    majority: vote.majority,
    quorumPercent: vote.quorumPercent,
    entitled: stored.entitled,
    ballots: stored.ballots,
    abstentions: stored.abstentions,
    participants: stored.participants,
    paper,
    options: options.map((o) => ({
      id: o.id,
      label: o.label,
      votes: stored.counts[o.id] ?? 0,
      accepted: accepted.has(o.id),
    })),
    quorumReached: stored.quorumReached,
    passed: vote.kind === "election" ? null : stored.passed,
    election:
      vote.kind === "election"
        ? { elected: stored.elected, substitutes: stored.substitutes, lot: stored.lot }
        : null,
  };
}

export async function getResults(ctx: ServiceContext, id: string): Promise<VoteResults> {
  const { db } = ctx.platform;
  const vote = await requireVisibleVote(db, ctx, id);
  return resultsOf(db, ctx, vote);
}

export async function getProjector(ctx: ServiceContext, id: string) {
  requireManager(ctx);
  const { db } = ctx.platform;
  const vote = await requireVisibleVote(db, ctx, id);
  const results = await resultsOf(db, ctx, vote);
  let present: number | null = null;
  let eventTitle: string | null = null;
  if (vote.eventId) {
    present = (await repo.listPresent(db, vote.eventId)).length;
    eventTitle = (await findEventTitles(db, [vote.eventId])).get(vote.eventId) ?? null;
  }
  return { title: vote.title, status: vote.status, eventTitle, present, results };
}

/** Members to choose for a list electorate or to mark present. */
export async function listPeople(ctx: ServiceContext) {
  const org = voteOrgOf(ctx);
  requireManager(ctx);
  const { db } = ctx.platform;
  const ids = await listActiveMemberIds(db, org.id, null);
  const names = await findUserNames(db, ids);
  const roles = await rolesOf(db, org.id);
  return {
    items: ids
      .map((userId) => ({ userId, name: names.get(userId) ?? "", roles: roles.get(userId) ?? [] }))
      .sort((a, b) => a.name.localeCompare(b.name, "de")),
  };
}

async function rolesOf(db: Executor, organisationId: string): Promise<Map<string, string[]>> {
  const byRole = new Map<string, string[]>();
  for (const role of ["admin", "coordinator", "board", "caregiver", "parent", "member"] as const) {
    for (const id of await listActiveMemberIds(db, organisationId, [role])) {
      byRole.set(id, [...(byRole.get(id) ?? []), role]);
    }
  }
  return byRole;
}
