import { randomInt } from "node:crypto";
import type { Locale } from "../../../contracts/i18n";
import type { VoteDetail } from "../../../contracts/votes";
import { mayEdit } from "../../../core/votes/lifecycle";
import { drawLot, tiedCandidates } from "../../../core/votes/tally";
import { writeAudit } from "../../platform/audit/audit";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import type { Platform, ServiceContext } from "../../platform/types";
import { findMailRecipients } from "../identity/identity.queries";
import { currentCount, resultOf } from "./results.service";
import {
  actorOf,
  electorateOf,
  localDateTime,
  requireManager,
  type VoteOrganisation,
  voteLink,
  voteOrgOf,
} from "./votes.context";
import type { OptionRow, VoteRow } from "./votes.repository";
import * as repo from "./votes.repository";
import { presentDetail } from "./votes.service";
import type { StoredResult } from "./votes.tables";

/**
 * A vote's life after its draft: opening (now, or by the job at its time) with the mail to the electorate,
 * and closing, which fixes the result, draws the lot for a tie at the last seat and announces an election.
 */

/**
 * Mails everyone entitled to vote, each in her language, through the outbox in the caller's transaction;
 * `params` adds the mail's own fields to name, organisation and title.
 */
export async function mailElectorate(
  tx: Executor,
  platform: Platform,
  org: VoteOrganisation,
  vote: VoteRow,
  key: "voteOpened" | "electionNomination" | "electionResult",
  params: (t: ReturnType<typeof translator>, locale: Locale) => Record<string, string | number>,
): Promise<void> {
  const electorate = await electorateOf(tx, vote, platform.now());
  for (const person of await findMailRecipients(tx, [...electorate.keys()])) {
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
