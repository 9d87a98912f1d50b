import { todayIso } from "../../../core/shared/dates";
import { writeAudit } from "../../platform/audit/audit";
import { formatCsv } from "../../platform/csv";
import { AppError, notFound } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import {
  PAGE_PLACEHOLDER,
  PAGES_PLACEHOLDER,
  renderTableReport,
  type TableSection,
} from "../../platform/pdf";
import type { ServiceContext } from "../../platform/types";
import { findEventTitles } from "../events/events.queries";
import { findUserNames } from "../identity/identity.queries";
import { resultsOf } from "./results.service";
import { actorOf, localDateTime, requireManager, voteOrgOf } from "./votes.context";
import * as repo from "./votes.repository";

/** The file name part of a title: letters, digits and dashes. */
function stem(title: string): string {
  return (
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .slice(0, 40) || "vote"
  );
}

/**
 * A named vote as CSV: who voted how, who cast it (a proxy), the weight and the time. Secret votes have no
 * such rows, and answer 404 here so that nobody even asks. Audited: it names people and their choices.
 */
export async function exportNamedBallots(ctx: ServiceContext, id: string) {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  requireManager(ctx);
  const { db } = ctx.platform;
  const vote = await repo.findVote(db, org.id, id);
  if (vote?.secrecy !== "named") throw notFound();
  const t = translator(ctx.locale);
  const options = await repo.listOptions(db, vote.id);
  const labels = new Map(options.map((o) => [o.id, o.label]));
  const ballots = await repo.listNamedBallots(db, vote.id);
  const names = await findUserNames(
    db,
    ballots.flatMap((b) => [b.userId, b.castByUserId]),
  );
  const rows = ballots.map((b) => {
    const at = localDateTime(b.castAt, ctx.locale);
    return [
      names.get(b.userId) ?? "",
      b.castByUserId === b.userId ? "" : (names.get(b.castByUserId) ?? ""),
      b.abstain ? t("votes.abstain") : b.optionIds.map((o) => labels.get(o) ?? "").join(", "),
      String(b.weight),
      `${at.date} ${at.time}`,
    ];
  });
  await writeAudit(db, {
    organisationId: org.id,
    actorUserId: actor.userId,
    action: "votes.ballotsExported",
    entityType: "vote",
    entityId: vote.id,
    details: { count: rows.length },
    ip: ctx.ip,
  });
  const header = ["name", "castBy", "choice", "weight", "castAt"].map((k) => t(`votes.csv.${k}`));
  return {
    filename: `${t("votes.csv.fileName")}-${stem(vote.title)}.csv`,
    content: formatCsv(header, rows),
  };
}

/** The record for the minutes: settings, numbers, rule applied, outcome, paper counts and any lot. */
export async function recordPdf(ctx: ServiceContext, id: string) {
  const org = voteOrgOf(ctx);
  const actor = actorOf(ctx);
  requireManager(ctx);
  const { db } = ctx.platform;
  const vote = await repo.findVote(db, org.id, id);
  if (!vote) throw notFound();
  if (vote.status !== "closed") throw new AppError("voteNotOpen", 409);
  const t = translator(ctx.locale);
  const results = await resultsOf(db, ctx, vote);
  const labels = new Map(results.options.map((o) => [o.id, o.label]));
  const when = (at: Date | null) => {
    if (!at) return t("votes.record.none");
    const local = localDateTime(at, ctx.locale);
    return `${local.date} ${local.time}`;
  };
  const eventTitle = vote.eventId ? (await findEventTitles(db, [vote.eventId])).get(vote.eventId) : null;
  const overview: string[][] = [
    [t("votes.record.organisation"), org.name],
    [t("votes.record.kind"), t(`votes.kinds.${vote.kind}`)],
    [t("votes.record.secrecy"), t(`votes.secrecies.${vote.secrecy}`)],
    ...(vote.kind === "motion"
      ? [
          [t("votes.record.rule"), t(`votes.rules.${vote.majority}`)],
          [
            t("votes.record.quorum"),
            vote.quorumPercent === 0
              ? t("votes.record.quorumNone")
              : t("votes.record.quorumShare", { percent: vote.quorumPercent }),
          ],
        ]
      : [
          [t("votes.record.seats"), String(vote.seats)],
          [
            t("votes.record.rule"),
            t(vote.weighting === "perChild" ? "votes.record.weightPerChild" : "votes.record.weightPerParent"),
          ],
        ]),
    ...(eventTitle ? [[t("votes.record.meeting"), eventTitle]] : []),
    [t("votes.record.opened"), when(vote.openedAt)],
    [t("votes.record.closed"), when(vote.closedAt)],
    [t("votes.record.entitled"), String(results.entitled ?? 0)],
    [t("votes.record.ballots"), String(results.ballots ?? 0)],
    [t("votes.record.abstentions"), String(results.abstentions ?? 0)],
    [t("votes.record.participants"), String(results.participants ?? 0)],
  ];
  if (vote.kind === "motion") {
    overview.push([
      t("votes.record.results"),
      results.quorumReached === false
        ? t("votes.record.quorumMissed")
        : t(results.passed ? "votes.record.passed" : "votes.record.rejected"),
    ]);
  } else if (results.election) {
    const names = (ids: string[]) => ids.map((o) => labels.get(o) ?? "").join(", ") || t("votes.record.none");
    overview.push([t("votes.record.elected"), names(results.election.elected)]);
    overview.push([t("votes.record.substitutes"), names(results.election.substitutes)]);
    const lot = results.election.lot;
    if (lot) {
      overview.push([
        t("votes.record.results"),
        t("votes.record.lot", {
          date: when(new Date(lot.drawnAt)),
          order: lot.order.map((o) => labels.get(o) ?? "").join(" › "),
        }),
      ]);
    }
  }
  const sections: TableSection[] = [
    {
      heading: t("votes.record.overview"),
      header: [t("votes.record.field"), t("votes.record.value")],
      rows: overview,
      numeric: [false, false],
      emptyText: t("votes.record.none"),
    },
    {
      heading: t("votes.record.results"),
      header: [t("votes.record.option"), t("votes.record.votes"), ""],
      rows: results.options.map((o) => [
        o.label,
        String(o.votes),
        o.accepted ? t(vote.kind === "election" ? "votes.record.elected" : "votes.record.accepted") : "",
      ]),
      numeric: [false, true, false],
      emptyText: t("votes.record.none"),
    },
    {
      heading: t("votes.record.paperHeading"),
      header: [t("votes.record.paper")],
      rows: (results.paper ?? []).map((p) => [
        t("votes.record.paperLine", {
          ballots: p.ballots,
          abstentions: p.abstentions,
          counters: p.counters.join(", "),
        }),
      ]),
      numeric: [false],
      emptyText: t("votes.record.none"),
    },
  ];
  const today = localDateTime(ctx.platform.now(), ctx.locale).date;
  const content = await renderTableReport({
    title: t("votes.record.title", { title: vote.title }),
    subtitle: t("votes.record.generated", { date: today }),
    author: org.name,
    language: ctx.locale,
    footer: t("votes.record.footer", {
      organisation: org.name,
      page: PAGE_PLACEHOLDER,
      pages: PAGES_PLACEHOLDER,
    }),
    sections,
  });
  await writeAudit(db, {
    organisationId: org.id,
    actorUserId: actor.userId,
    action: "votes.recordDownloaded",
    entityType: "vote",
    entityId: vote.id,
    ip: ctx.ip,
  });
  return {
    filename: `${t("votes.record.fileName")}-${stem(vote.title)}-${todayIso(vote.closedAt ?? ctx.platform.now())}.pdf`,
    content: Buffer.from(content),
  };
}
