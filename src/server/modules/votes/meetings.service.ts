import type { MeetingView, VoteSettings } from "../../../contracts/votes";
import { todayIso } from "../../../core/shared/dates";
import { isMeetingDay } from "../../../core/votes/lifecycle";
import { writeAudit } from "../../platform/audit/audit";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import type { ServiceContext } from "../../platform/types";
import { findEventSummary } from "../events/events.queries";
import { findUserNames } from "../identity/identity.queries";
import { listActiveMemberIds } from "../organisations/organisations.queries";
import { actorOf, managesVotes, requireManager, voteOrgOf } from "./votes.context";
import * as repo from "./votes.repository";
import { listVotesIn } from "./votes.service";

async function requireMeeting(db: Executor, ctx: ServiceContext, eventId: string) {
  const org = voteOrgOf(ctx);
  const event = await findEventSummary(db, org.id, eventId);
  if (!event) throw notFound();
  return event;
}

/**
 * A meeting as the vote pages need it: who is present (names, for everyone there to see — presence at an
 * assembly is public within it), her own proxy, all proxies for staff, and the meeting's votes.
 */
async function presentMeeting(db: Executor, ctx: ServiceContext, eventId: string): Promise<MeetingView> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  const event = await requireMeeting(db, ctx, eventId);
  const canManage = managesVotes(ctx);
  const present = await repo.listPresent(db, eventId);
  const proxies = await repo.listProxies(db, eventId);
  const members = await listActiveMemberIds(db, org.id, null);
  const names = await findUserNames(db, [
    ...members,
    ...present,
    ...proxies.flatMap((p) => [p.fromUserId, p.holderUserId]),
  ]);
  const settings = await repo.findSettings(db, org.id);
  const mine = proxies.find((p) => p.fromUserId === actor.userId);
  const list = await listVotesIn(db, ctx);
  return {
    eventId: event.id,
    eventTitle: event.title,
    startsAt: event.startsAt.toISOString(),
    canManage,
    mePresent: present.includes(actor.userId),
    present: present.map((userId) => ({ userId, name: names.get(userId) ?? "" })),
    proxiesAllowed: settings.proxiesAllowed,
    maxProxiesPerHolder: settings.maxProxiesPerHolder,
    myProxy: mine
      ? { holderUserId: mine.holderUserId, holderName: names.get(mine.holderUserId) ?? "" }
      : null,
    proxies: canManage
      ? proxies.map((p) => ({
          fromUserId: p.fromUserId,
          fromName: names.get(p.fromUserId) ?? "",
          holderUserId: p.holderUserId,
          holderName: names.get(p.holderUserId) ?? "",
        }))
      : [],
    people: members
      .filter((id) => id !== actor.userId)
      .map((userId) => ({ userId, name: names.get(userId) ?? "" }))
      .sort((a, b) => a.name.localeCompare(b.name, "de")),
    votes: list.items.filter((v) => v.eventId === eventId),
  };
}

export async function getMeeting(ctx: ServiceContext, eventId: string): Promise<MeetingView> {
  return presentMeeting(ctx.platform.db, ctx, eventId);
}

/** She marks herself present, or staff mark another member (the chair at the door). */
export async function markPresent(
  ctx: ServiceContext,
  eventId: string,
  userId: string | null,
): Promise<MeetingView> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  const target = userId ?? actor.userId;
  if (target !== actor.userId) requireManager(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    const event = await requireMeeting(tx, ctx, eventId);
    // Someone at home cannot claim to be in the room days ahead; the chair can add anyone at any time.
    if (target === actor.userId && !managesVotes(ctx) && !isMeetingDay(event, todayIso(ctx.platform.now())))
      throw new AppError("voteNotMeetingDay", 409);
    const active = new Set(await listActiveMemberIds(tx, org.id, null));
    if (!active.has(target)) throw fieldError("userId", "voteNotAMember");
    const isNew = await repo.markPresent(tx, {
      organisationId: org.id,
      eventId,
      userId: target,
      markedBy: actor.userId,
      markedAt: ctx.platform.now(),
    });
    if (isNew) {
      await writeAudit(tx, {
        organisationId: org.id,
        actorUserId: actor.userId,
        action: "votes.presenceMarked",
        entityType: "voteMeeting",
        entityId: eventId,
        details: { userId: target, byChair: target !== actor.userId },
        ip: ctx.ip,
      });
    }
    return presentMeeting(tx, ctx, eventId);
  });
}

export async function removePresence(
  ctx: ServiceContext,
  eventId: string,
  userId: string,
): Promise<MeetingView> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  if (userId !== actor.userId) requireManager(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    await requireMeeting(tx, ctx, eventId);
    if (await repo.removePresence(tx, eventId, userId)) {
      await writeAudit(tx, {
        organisationId: org.id,
        actorUserId: actor.userId,
        action: "votes.presenceRemoved",
        entityType: "voteMeeting",
        entityId: eventId,
        details: { userId },
        ip: ctx.ip,
      });
    }
    return presentMeeting(tx, ctx, eventId);
  });
}

/**
 * She delegates her vote for this meeting to another member. Only where the organisation allows proxies,
 * never in a chain (a holder cannot pass hers on, one who delegated cannot hold), and no holder above the
 * organisation's limit.
 */
export async function grantProxy(
  ctx: ServiceContext,
  eventId: string,
  holderUserId: string,
): Promise<MeetingView> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    await requireMeeting(tx, ctx, eventId);
    const settings = await repo.findSettings(tx, org.id);
    if (!settings.proxiesAllowed) throw new AppError("voteProxiesNotAllowed", 409);
    const active = new Set(await listActiveMemberIds(tx, org.id, null));
    if (holderUserId === actor.userId || !active.has(holderUserId))
      throw new AppError("voteProxyInvalid", 400);
    const proxies = await repo.listProxies(tx, eventId);
    if (proxies.some((p) => p.fromUserId === holderUserId || p.holderUserId === actor.userId))
      throw new AppError("voteProxyInvalid", 400);
    const held = proxies.filter((p) => p.holderUserId === holderUserId && p.fromUserId !== actor.userId);
    if (held.length >= settings.maxProxiesPerHolder)
      throw new AppError("voteProxyLimit", 409, { max: settings.maxProxiesPerHolder });
    await repo.upsertProxy(tx, {
      organisationId: org.id,
      eventId,
      fromUserId: actor.userId,
      holderUserId,
      createdAt: ctx.platform.now(),
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "votes.proxyGranted",
      entityType: "voteMeeting",
      entityId: eventId,
      details: { holderUserId },
      ip: ctx.ip,
    });
    return presentMeeting(tx, ctx, eventId);
  });
}

export async function withdrawProxy(ctx: ServiceContext, eventId: string): Promise<MeetingView> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  return ctx.platform.db.transaction(async (tx) => {
    await requireMeeting(tx, ctx, eventId);
    // A secret ballot cannot be taken out of the counters again; withdrawing the proxy behind it would leave
    // a counted ballot of someone no longer entitled.
    if (await repo.isProxyUsed(tx, eventId, actor.userId)) throw new AppError("voteProxyUsed", 409);
    if (await repo.deleteProxy(tx, eventId, actor.userId)) {
      await writeAudit(tx, {
        organisationId: org.id,
        actorUserId: actor.userId,
        action: "votes.proxyWithdrawn",
        entityType: "voteMeeting",
        entityId: eventId,
        ip: ctx.ip,
      });
    }
    return presentMeeting(tx, ctx, eventId);
  });
}

export async function getSettings(ctx: ServiceContext): Promise<VoteSettings> {
  const org = voteOrgOf(ctx);
  return { ...(await repo.findSettings(ctx.platform.db, org.id)), canManage: managesVotes(ctx) };
}

export async function updateSettings(
  ctx: ServiceContext,
  input: { proxiesAllowed: boolean; maxProxiesPerHolder: number },
): Promise<VoteSettings> {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  requireManager(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    await repo.saveSettings(tx, org.id, input, ctx.platform.now());
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "votes.settingsUpdated",
      entityType: "voteSettings",
      entityId: org.id,
      details: input,
      ip: ctx.ip,
    });
  });
  return getSettings(ctx);
}
