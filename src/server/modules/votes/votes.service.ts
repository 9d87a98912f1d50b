import { randomInt } from "node:crypto";
import type { Locale } from "../../../contracts/i18n";
import type {
  VoteDetail,
  VoteInput,
  VoteList,
  VoteOption,
  VoteResults,
  VoteStatus,
} from "../../../contracts/votes";
import { acceptsBallots, mayEdit, mayStand, resultsVisible } from "../../../core/votes/lifecycle";
import {
  type Aggregate,
  addAggregates,
  drawLot,
  type MotionSpec,
  tallyElection,
  tallyMotion,
  tiedCandidates,
} from "../../../core/votes/tally";
import { writeAudit } from "../../platform/audit/audit";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import type { Platform, ServiceContext } from "../../platform/types";
import { findEventSummary, findEventTitles } from "../events/events.queries";
import { findUserNames } from "../identity/identity.queries";
import { listActiveMemberIds } from "../organisations/organisations.queries";
import {
  actorOf,
  type ElectorateMemo,
  electorateOf,
  entitledCount,
  localDateTime,
  managesVotes,
  meetingEntitled,
  recipientsOf,
  requireManager,
  type VoteOrganisation,
  voteLink,
  voteOrgOf,
} from "./votes.context";
import type { OptionRow, VoteRow } from "./votes.repository";
import * as repo from "./votes.repository";
import type { StoredResult } from "./votes.tables";

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

async function presentDetail(db: Executor, ctx: ServiceContext, vote: VoteRow): Promise<VoteDetail> {
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

// ---------------------------------------------------------------------------------------------------------
// Elections: nomination

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

// ---------------------------------------------------------------------------------------------------------
// Opening and closing

/**
 * Mails everyone entitled to vote, each in her language, through the outbox in the caller's transaction;
 * `params` adds the mail's own fields to name, organisation and title.
 */
async function mailElectorate(
  tx: Executor,
  platform: Platform,
  org: VoteOrganisation,
  vote: VoteRow,
  key: "voteOpened" | "electionNomination" | "electionResult",
  params: (t: ReturnType<typeof translator>, locale: Locale) => Record<string, string | number>,
): Promise<void> {
  const electorate = await electorateOf(tx, vote, platform.now());
  for (const person of await recipientsOf(tx, [...electorate.keys()])) {
    const t = translator(person.locale);
    const mail = composeMail(
      person.locale,
      key,
      { name: person.name, organisation: org.name, title: vote.title, ...params(t, person.locale) },
      voteLink(platform, org, vote.id),
    );
    await platform.mailer.queue(tx, { to: person.email, organisationId: org.id, ...mail });
  }
}

/**
 * Opens voting now: counters at zero for every option (created in the options' order, before any ballot),
 * and a mail to everyone entitled, in her language. Used by staff and by the job at `opensAt`. A vote at a
 * meeting mails no one: only those present may vote, and they see it open on their phones in the room,
 * while a mail would call members at home to a vote they cannot take part in.
 */
export async function openNow(
  tx: Executor,
  platform: Platform,
  org: VoteOrganisation,
  vote: VoteRow,
  actor: { userId: string | null; ip: string | null },
): Promise<VoteRow> {
  const options = await repo.listOptions(tx, vote.id);
  if (vote.kind === "election" && options.length === 0) throw fieldError("options", "voteNoCandidates");
  await repo.createCounters(
    tx,
    vote.id,
    options.map((o) => o.id),
  );
  const now = platform.now();
  const row = await repo.updateVote(tx, vote.id, { status: "open", openedAt: now, updatedAt: now });
  await writeAudit(tx, {
    organisationId: org.id,
    actorUserId: actor.userId,
    action: "votes.opened",
    entityType: "vote",
    entityId: row.id,
    details: { title: row.title, secrecy: row.secrecy },
    ip: actor.ip,
  });
  if (row.eventId) return row;
  await mailElectorate(tx, platform, org, row, "voteOpened", (t, locale) => ({
    closes: row.closesAt ? t("mail.voteCloses", localDateTime(row.closesAt, locale)) : "",
    secrecy: t(row.secrecy === "secret" ? "mail.voteSecretNote" : "mail.voteNamedNote"),
  }));
  return row;
}

export async function openVote(ctx: ServiceContext, id: string): Promise<VoteDetail> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  requireManager(ctx);
  const { platform } = ctx;
  const detail = await platform.db.transaction(async (tx) => {
    const vote = await repo.findVote(tx, org.id, id, "update");
    if (!vote) throw notFound();
    if (!mayEdit(vote.status)) throw new AppError("voteNotEditable", 409);
    const now = platform.now();
    if (vote.closesAt && vote.closesAt <= now) throw fieldError("closesAt", "voteCloseInPast");
    if (vote.opensAt && vote.opensAt > now) {
      if (
        vote.kind === "election" &&
        (await repo.listOptions(tx, vote.id)).length === 0 &&
        !vote.nominationClosesAt
      )
        throw fieldError("options", "voteNoCandidates");
      const row = await repo.updateVote(tx, vote.id, { status: "scheduled", updatedAt: now });
      await writeAudit(tx, {
        organisationId: org.id,
        actorUserId: actor.userId,
        action: "votes.scheduled",
        entityType: "vote",
        entityId: row.id,
        details: { opensAt: vote.opensAt.toISOString() },
        ip: ctx.ip,
      });
      return presentDetail(tx, ctx, row);
    }
    const row = await openNow(tx, platform, org, vote, { userId: actor.userId, ip: ctx.ip });
    return presentDetail(tx, ctx, row);
  });
  platform.mailer.kick();
  return detail;
}

/** Online counters plus every paper count. */
async function totalOf(db: Executor, voteId: string): Promise<Aggregate> {
  const online = await repo.readCounters(db, voteId);
  const paper = await repo.listPaperCounts(db, voteId);
  return addAggregates(
    online,
    ...paper.map((p) => ({ ballots: p.ballots, abstentions: p.abstentions, counts: p.counts })),
  );
}

/** The numbers as they stand: online counters plus paper counts, the entitled now, the people who voted. */
async function currentCount(db: Executor, vote: VoteRow, now: Date) {
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
function resultOf(
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
export async function closeNow(
  tx: Executor,
  platform: Platform,
  org: VoteOrganisation,
  vote: VoteRow,
  actor: { userId: string | null; ip: string | null },
): Promise<VoteRow> {
  const now = platform.now();
  const options = await repo.listOptions(tx, vote.id);
  const { total, entitled, participants } = await currentCount(tx, vote, now);
  const ids = options.map((o) => o.id);
  const tied = vote.kind === "election" ? tiedCandidates(ids, total.counts) : [];
  const lot =
    tied.length > 0
      ? { drawnAt: now.toISOString(), tiedOptionIds: tied, order: drawLot(tied, randomInt) }
      : null;
  const result = resultOf(vote, options, { total, entitled, participants }, lot);
  if (lot) {
    const labels = new Map(options.map((o) => [o.id, o.label]));
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "votes.lotDrawn",
      entityType: "vote",
      entityId: vote.id,
      details: {
        tied: lot.tiedOptionIds.map((id) => labels.get(id)),
        order: lot.order.map((id) => labels.get(id)),
      },
      ip: actor.ip,
    });
  }
  const row = await repo.updateVote(tx, vote.id, { status: "closed", closedAt: now, result, updatedAt: now });
  await writeAudit(tx, {
    organisationId: org.id,
    actorUserId: actor.userId,
    action: "votes.closed",
    entityType: "vote",
    entityId: vote.id,
    details: {
      title: vote.title,
      entitled,
      ballots: total.ballots,
      abstentions: total.abstentions,
      quorumReached: result.quorumReached,
      passed: result.passed,
    },
    ip: actor.ip,
  });
  if (vote.kind === "election") await announceElection(tx, platform, org, row, options, result);
  return row;
}

async function announceElection(
  tx: Executor,
  platform: Platform,
  org: VoteOrganisation,
  vote: VoteRow,
  options: readonly OptionRow[],
  result: StoredResult,
): Promise<void> {
  const labels = new Map(options.map((o) => [o.id, o.label]));
  await mailElectorate(tx, platform, org, vote, "electionResult", (t) => {
    const names = (ids: string[]) =>
      ids.length === 0 ? t("mail.electionNobody") : ids.map((id) => labels.get(id) ?? "").join(", ");
    return {
      elected: names(result.elected),
      substitutes: names(result.substitutes),
      ballots: result.ballots,
      entitled: result.entitled,
      lot: result.lot ? t("mail.electionLot") : "",
    };
  });
}

export async function closeVote(ctx: ServiceContext, id: string): Promise<VoteDetail> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  requireManager(ctx);
  const { platform } = ctx;
  const detail = await platform.db.transaction(async (tx) => {
    const vote = await repo.findVote(tx, org.id, id, "update");
    if (!vote) throw notFound();
    if (vote.status !== "open") throw new AppError("voteNotOpen", 409);
    const row = await closeNow(tx, platform, org, vote, { userId: actor.userId, ip: ctx.ip });
    return presentDetail(tx, ctx, row);
  });
  platform.mailer.kick();
  return detail;
}

// ---------------------------------------------------------------------------------------------------------
// Results

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
