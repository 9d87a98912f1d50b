import type { Locale } from "../../../contracts/i18n";
import type { MemberGroup } from "../../../core/organisations/groups";
import { todayIso } from "../../../core/shared/dates";
import type { Actor, OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, notFound } from "../../platform/errors";
import type { Platform, ServiceContext } from "../../platform/types";
import { listGroupMemberIds } from "../organisations/organisations.queries";
import { listContractParents } from "../placement/placement.queries";
import type { VoteRow } from "./votes.repository";
import * as repo from "./votes.repository";

/** What mails and the job need of an organisation. */
export interface VoteOrganisation {
  id: string;
  slug: string;
  name: string;
}

/** Offices and associations hold votes; elsewhere the routes answer as if they did not exist. */
export function voteOrgOf(ctx: Pick<ServiceContext, "organisation">): OrganisationScope {
  const org = ctx.organisation;
  if (org?.kind !== "coordinationOffice" && org?.kind !== "association") throw notFound();
  return org;
}

export function actorOf(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError("unauthenticated", 401);
  return ctx.actor;
}

/** The board and admins run votes in an association, coordinators and admins in an office. */
export function managesVotes(ctx: ServiceContext): boolean {
  const roles = ctx.membership?.roles ?? [];
  const org = ctx.organisation;
  if (!org) return false;
  if (roles.includes("admin")) return true;
  if (org.kind === "association") return roles.includes("board");
  if (org.kind === "coordinationOffice") return roles.includes("coordinator");
  return false;
}

export function requireManager(ctx: ServiceContext): void {
  if (!managesVotes(ctx)) throw new AppError("forbidden", 403);
}

/**
 * Everyone entitled to vote, with her weight: active members of the group; for parents, those with an active
 * care contract today (weight = children in care when the vote counts per child). A meeting vote narrows this
 * further to those present (see `meetingEntitled`).
 */
export async function electorateOf(
  db: Executor,
  vote: Pick<VoteRow, "organisationId" | "electorate" | "electorateUserIds" | "weighting" | "kind">,
  now: Date,
  memo?: ElectorateMemo,
): Promise<Map<string, number>> {
  const perChild = vote.kind === "election" && vote.weighting === "perChild";
  const key = vote.electorate === "list" ? null : `${vote.electorate}:${perChild}`;
  if (!memo || !key) return computeElectorate(db, vote, perChild, now, memo);
  let electorate = memo.get(key);
  if (!electorate) {
    electorate = computeElectorate(db, vote, perChild, now, memo);
    memo.set(key, electorate);
  }
  return electorate;
}

/**
 * Electorates already worked out while answering one request, by kind: a list of fifty votes, most of them
 * for all members, then asks the database once per kind rather than once per vote.
 */
export type ElectorateMemo = Map<string, Promise<Map<string, number>>>;

async function computeElectorate(
  db: Executor,
  vote: Pick<VoteRow, "organisationId" | "electorate" | "electorateUserIds">,
  perChild: boolean,
  now: Date,
  memo: ElectorateMemo | undefined,
): Promise<Map<string, number>> {
  const members = async (group: MemberGroup) =>
    new Map((await listGroupMemberIds(db, vote.organisationId, group)).map((id) => [id, 1] as const));
  switch (vote.electorate) {
    case "allMembers":
      return members("members");
    case "board":
      return members("board");
    case "caregivers":
      return members("caregivers");
    case "list": {
      const everyone = { ...vote, electorate: "allMembers", kind: "motion", weighting: "perParent" } as const;
      const all = await electorateOf(db, everyone, now, memo);
      return new Map(vote.electorateUserIds.filter((id) => all.has(id)).map((id) => [id, 1] as const));
    }
    case "parentsWithContract": {
      const parents = await listContractParents(db, vote.organisationId, todayIso(now));
      return new Map(parents.map((p) => [p.userId, perChild ? p.children : 1] as const));
    }
  }
}

/**
 * At a meeting, those of the electorate who can vote: present themselves, or represented by a present
 * holder of their proxy. Holder ids map to the members they represent.
 */
export async function meetingEntitled(
  db: Executor,
  eventId: string,
  electorate: Map<string, number>,
): Promise<{ entitled: Map<string, number>; present: Set<string>; heldBy: Map<string, string> }> {
  const present = new Set(await repo.listPresent(db, eventId));
  const proxies = await repo.listProxies(db, eventId);
  const heldBy = new Map(proxies.map((p) => [p.fromUserId, p.holderUserId]));
  const entitled = new Map<string, number>();
  for (const [userId, weight] of electorate) {
    const holder = heldBy.get(userId);
    if (present.has(userId) || (holder && present.has(holder))) entitled.set(userId, weight);
  }
  return { entitled, present, heldBy };
}

/** The weighted number of those entitled for quorum and absolute majority, as of now. */
export async function entitledCount(db: Executor, vote: VoteRow, now: Date): Promise<number> {
  const electorate = await electorateOf(db, vote, now);
  const entitled = vote.eventId ? (await meetingEntitled(db, vote.eventId, electorate)).entitled : electorate;
  let sum = 0;
  for (const weight of entitled.values()) sum += weight;
  return sum;
}

export function voteLink(platform: Platform, org: VoteOrganisation, voteId: string): string {
  return `${platform.env.PUBLIC_URL}/app/${org.slug}/abstimmungen/${voteId}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Day and time in Europe/Berlin: { date: "12.03.2026", time: "19:30" }. */
export function localDateTime(at: Date, locale: Locale): { date: string; time: string } {
  const key = `${locale}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale === "de" ? "de-DE" : "en-GB", {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: "Europe/Berlin",
    });
    formats.set(key, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const sep = locale === "de" ? "." : "/";
  return {
    date: `${part("day")}${sep}${part("month")}${sep}${part("year")}`,
    time: `${part("hour")}:${part("minute")}`,
  };
}
