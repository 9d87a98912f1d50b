import type { VoteDetail, VoteInput, VoteList, VoteOption, VoteStatus } from "../../../contracts/votes";
import { acceptsBallots, mayEdit, mayStand } from "../../../core/votes/lifecycle";
import type { MotionSpec } from "../../../core/votes/tally";
import { writeAudit } from "../../platform/audit/audit";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import type { ServiceContext } from "../../platform/types";
import { findEventSummary, findEventTitles } from "../events/events.queries";
import { findUserNames } from "../identity/identity.queries";
import { listActiveMemberIds } from "../organisations/organisations.queries";
import {
  actorOf,
  type ElectorateMemo,
  electorateOf,
  managesVotes,
  meetingEntitled,
  requireManager,
  voteOrgOf,
} from "./votes.context";
import type { OptionRow, VoteRow } from "./votes.repository";
import * as repo from "./votes.repository";

// ---------------------------------------------------------------------------------------------------------
// Presenting

export function specOf(vote: VoteRow, options: readonly OptionRow[]): MotionSpec {
  return {
    optionKind: vote.optionKind,
    options: options.map((o) => ({ id: o.id, role: o.role })),
    maxChoices: vote.kind === "election" ? vote.seats : vote.maxChoices,
    allowAbstain: vote.allowAbstain,
    majority: vote.majority,
    quorumPercent: vote.quorumPercent,
  };
}

function presentOption(o: OptionRow): VoteOption {
  return {
    id: o.id,
    label: o.label,
    role: o.role,
    candidateUserId: o.candidateUserId,
    introduction: o.introduction,
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** Her standing in a vote: may she vote now, has she, whom she represents. */
export interface Standing {
  canVote: boolean;
  hasVoted: boolean;
  cannotVoteReason: "notOpen" | "notEntitled" | "notPresent" | "alreadyVoted" | null;
  weight: number;
  proxiesHeld: { userId: string; name: string; hasVoted: boolean }[];
}

/** Works out whether `userId` may cast her own ballot, and the proxies she holds at the meeting. */
export async function standingOf(
  db: Executor,
  vote: VoteRow,
  userId: string,
  now: Date,
  memo?: ElectorateMemo,
): Promise<Standing> {
  const electorate = await electorateOf(db, vote, now, memo);
  const isOpen = acceptsBallots(vote, now);
  let present = true;
  let heldFor: string[] = [];
  if (vote.eventId) {
    const meeting = await meetingEntitled(db, vote.eventId, electorate);
    present = meeting.present.has(userId);
    heldFor = [...meeting.heldBy]
      .filter(([from, holder]) => holder === userId && electorate.has(from))
      .map(([f]) => f);
  }
  const voted = await repo.participatedUserIds(db, [vote.id], [userId, ...heldFor]);
  const hasVoted = voted.has(`${vote.id}:${userId}`);
  const weight = electorate.get(userId) ?? 0;
  let reason: Standing["cannotVoteReason"] = null;
  if (hasVoted) reason = "alreadyVoted";
  else if (!electorate.has(userId)) reason = "notEntitled";
  else if (!isOpen) reason = "notOpen";
  else if (!present) reason = "notPresent";
  const names = await findUserNames(db, heldFor);
  return {
    canVote: reason === null,
    hasVoted,
    cannotVoteReason: reason,
    weight: weight || 1,
    proxiesHeld: heldFor.map((id) => ({
      userId: id,
      name: names.get(id) ?? "",
      hasVoted: voted.has(`${vote.id}:${id}`),
    })),
  };
}

export async function presentDetail(db: Executor, ctx: ServiceContext, vote: VoteRow): Promise<VoteDetail> {
  const actor = actorOf(ctx);
  const now = ctx.platform.now();
  const options = await repo.listOptions(db, vote.id);
  const standing = await standingOf(db, vote, actor.userId, now);
  const eventTitle = vote.eventId
    ? ((await findEventTitles(db, [vote.eventId])).get(vote.eventId) ?? null)
    : null;
  const electorate = vote.kind === "election" ? await electorateOf(db, vote, now) : null;
  const own = options.find((o) => o.candidateUserId === actor.userId);
  return {
    id: vote.id,
    kind: vote.kind,
    title: vote.title,
    text: vote.text,
    status: vote.status,
    optionKind: vote.optionKind,
    options: options.map(presentOption),
    maxChoices: vote.kind === "election" ? vote.seats : vote.maxChoices,
    allowAbstain: vote.allowAbstain,
    electorate: { kind: vote.electorate, userIds: managesVotes(ctx) ? vote.electorateUserIds : [] },
    majority: vote.majority,
    quorumPercent: vote.quorumPercent,
    resultVisibility: vote.resultVisibility,
    secrecy: vote.secrecy,
    eventId: vote.eventId,
    eventTitle,
    opensAt: iso(vote.opensAt),
    closesAt: iso(vote.closesAt),
    openedAt: iso(vote.openedAt),
    closedAt: iso(vote.closedAt),
    seats: vote.seats,
    weighting: vote.weighting,
    nominationClosesAt: iso(vote.nominationClosesAt),
    canManage: managesVotes(ctx),
    me: {
      ...standing,
      canStand: !!electorate && electorate.has(actor.userId) && mayStand(vote, now),
      candidacyOptionId: own?.id ?? null,
    },
  };
}

/**
 * A vote of the caller's organisation she may see: staff see all, members those they may vote in or have
 * voted in (her entitlement may have ended since, e.g. with her child's care contract).
 */
export async function requireVisibleVote(
  db: Executor,
  ctx: ServiceContext,
  id: string,
  lock: "update" | "share" | null = null,
): Promise<VoteRow> {
  const org = voteOrgOf(ctx);
  const vote = await repo.findVote(db, org.id, id, lock);
  if (!vote) throw notFound();
  if (managesVotes(ctx)) return vote;
  if (vote.status === "draft") throw notFound();
  const userId = actorOf(ctx).userId;
  const electorate = await electorateOf(db, vote, ctx.platform.now());
  if (electorate.has(userId)) return vote;
  const voted = await repo.participatedUserIds(db, [vote.id], [userId]);
  if (!voted.has(`${vote.id}:${userId}`)) throw notFound();
  return vote;
}

// ---------------------------------------------------------------------------------------------------------
// Reading

export function listVotes(ctx: ServiceContext, status?: VoteStatus): Promise<VoteList> {
  return listVotesIn(ctx.platform.db, ctx, status);
}

/** The votes she may see, with her standing in each; inside a transaction pass it as `db`. */
export async function listVotesIn(db: Executor, ctx: ServiceContext, status?: VoteStatus): Promise<VoteList> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  const now = ctx.platform.now();
  const canManage = managesVotes(ctx);
  const rows = (await repo.listVotes(db, org.id)).filter((v) => !status || v.status === status);
  const titles = await findEventTitles(
    db,
    rows.map((v) => v.eventId).filter((id): id is string => !!id),
  );
  const items = [];
  const memo: ElectorateMemo = new Map();
  for (const vote of rows) {
    if (!canManage && vote.status === "draft") continue;
    const standing = await standingOf(db, vote, actor.userId, now, memo);
    if (!canManage && standing.cannotVoteReason === "notEntitled") continue;
    items.push({
      id: vote.id,
      kind: vote.kind,
      title: vote.title,
      status: vote.status,
      secrecy: vote.secrecy,
      eventId: vote.eventId,
      eventTitle: vote.eventId ? (titles.get(vote.eventId) ?? null) : null,
      opensAt: iso(vote.opensAt),
      closesAt: iso(vote.closesAt),
      openedAt: iso(vote.openedAt),
      closedAt: iso(vote.closedAt),
      canVote: standing.canVote,
      hasVoted: standing.hasVoted,
    });
  }
  return { items, canManage };
}

export async function getVote(ctx: ServiceContext, id: string): Promise<VoteDetail> {
  const { db } = ctx.platform;
  return presentDetail(db, ctx, await requireVisibleVote(db, ctx, id));
}

// ---------------------------------------------------------------------------------------------------------
// Writing drafts

async function checkInput(db: Executor, ctx: ServiceContext, input: VoteInput): Promise<void> {
  const org = voteOrgOf(ctx);
  const now = ctx.platform.now();
  if (input.kind === "election" && org.kind !== "coordinationOffice")
    throw new AppError("voteElectionsOnlyInOffices", 400);
  if (input.kind === "motion" && input.optionKind !== "yesNo") {
    if (input.options.length < 2) throw fieldError("options", "voteOptionsCount");
    const labels = input.options.map((o) => o.toLowerCase());
    if (new Set(labels).size !== labels.length) throw fieldError("options", "voteOptionsDuplicate");
    if (input.optionKind === "severalOf" && input.maxChoices > input.options.length)
      throw fieldError("maxChoices", "voteMaxChoices");
  }
  if (input.kind === "motion" && input.electorate.kind === "list") {
    if (input.electorate.userIds.length === 0) throw fieldError("electorate.userIds", "voteListEmpty");
    const active = new Set(await listActiveMemberIds(db, org.id, null));
    if (input.electorate.userIds.some((id) => !active.has(id)))
      throw fieldError("electorate.userIds", "voteNotAMember");
  }
  if (input.eventId && !(await findEventSummary(db, org.id, input.eventId)))
    throw fieldError("eventId", "voteEventUnknown");
  const opens = input.opensAt ? new Date(input.opensAt) : null;
  const closes = input.closesAt ? new Date(input.closesAt) : null;
  if (closes && closes <= now) throw fieldError("closesAt", "voteCloseInPast");
  if (opens && closes && closes <= opens) throw fieldError("closesAt", "voteCloseBeforeOpen");
  const nomination = input.nominationClosesAt ? new Date(input.nominationClosesAt) : null;
  if (input.kind === "election" && nomination && opens && opens < nomination)
    throw fieldError("opensAt", "voteCloseBeforeOpen");
}

function rowValues(input: VoteInput) {
  const isElection = input.kind === "election";
  return {
    title: input.title,
    text: input.text,
    optionKind: isElection ? ("severalOf" as const) : input.optionKind,
    maxChoices: isElection ? input.seats : input.optionKind === "severalOf" ? input.maxChoices : 1,
    allowAbstain: input.optionKind === "yesNo" || isElection ? true : input.allowAbstain,
    electorate: isElection ? ("parentsWithContract" as const) : input.electorate.kind,
    electorateUserIds:
      !isElection && input.electorate.kind === "list" ? [...new Set(input.electorate.userIds)] : [],
    majority: isElection ? ("simple" as const) : input.majority,
    quorumPercent: isElection ? 0 : input.quorumPercent,
    resultVisibility: input.resultVisibility,
    secrecy: isElection ? ("secret" as const) : input.secrecy,
    eventId: input.eventId,
    opensAt: input.opensAt ? new Date(input.opensAt) : null,
    closesAt: input.closesAt ? new Date(input.closesAt) : null,
    seats: isElection ? input.seats : 1,
    weighting: isElection ? input.weighting : ("perParent" as const),
    nominationClosesAt: isElection && input.nominationClosesAt ? new Date(input.nominationClosesAt) : null,
  };
}

function motionOptions(ctx: ServiceContext, input: VoteInput) {
  if (input.kind === "election") return [];
  if (input.optionKind === "yesNo") {
    const t = translator(ctx.locale);
    return [
      { label: t("votes.optionYes"), role: "yes" as const },
      { label: t("votes.optionNo"), role: "no" as const },
    ];
  }
  return input.options.map((label) => ({ label, role: null }));
}

export async function createVote(ctx: ServiceContext, input: VoteInput): Promise<VoteDetail> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  requireManager(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    await checkInput(tx, ctx, input);
    const now = ctx.platform.now();
    const row = await repo.insertVote(tx, {
      organisationId: org.id,
      kind: input.kind,
      ...rowValues(input),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await repo.replaceMotionOptions(tx, org.id, row.id, motionOptions(ctx, input));
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "votes.created",
      entityType: "vote",
      entityId: row.id,
      details: { kind: row.kind, secrecy: row.secrecy, title: row.title },
      ip: ctx.ip,
    });
    return presentDetail(tx, ctx, row);
  });
}

export async function updateVote(ctx: ServiceContext, id: string, input: VoteInput): Promise<VoteDetail> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  requireManager(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const vote = await repo.findVote(tx, org.id, id, "update");
    if (!vote) throw notFound();
    if (!mayEdit(vote.status)) throw new AppError("voteNotEditable", 409);
    if (input.kind !== vote.kind) throw fieldError("kind", "voteChoiceInvalid");
    await checkInput(tx, ctx, input);
    const row = await repo.updateVote(tx, vote.id, { ...rowValues(input), updatedAt: ctx.platform.now() });
    if (vote.kind === "motion")
      await repo.replaceMotionOptions(tx, org.id, row.id, motionOptions(ctx, input));
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "votes.updated",
      entityType: "vote",
      entityId: row.id,
      details: { title: row.title, secrecy: row.secrecy },
      ip: ctx.ip,
    });
    return presentDetail(tx, ctx, row);
  });
}

export async function deleteVote(ctx: ServiceContext, id: string): Promise<{ ok: true }> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  requireManager(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const vote = await repo.findVote(tx, org.id, id, "update");
    if (!vote) throw notFound();
    if (vote.status !== "draft") throw new AppError("voteNotEditable", 409);
    await repo.deleteVote(tx, vote.id);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "votes.deleted",
      entityType: "vote",
      entityId: vote.id,
      details: { title: vote.title },
      ip: ctx.ip,
    });
    return { ok: true as const };
  });
}
