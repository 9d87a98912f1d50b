import {
  type CoverKind,
  coverKinds,
  type HoursResponse,
  type ModelReport,
} from "../../../contracts/substitution";
import { addDays, addMonths, daysBetween } from "../../../core/shared/dates";
import { coverHours, modelReport, substitutionModel } from "../../../core/substitution";
import { writeAudit } from "../../platform/audit/audit";
import { formatCsv, formatGermanDate } from "../../platform/csv";
import { fieldError } from "../../platform/errors";
import { translator } from "../../platform/i18n";
import { PAGE_PLACEHOLDER, PAGES_PLACEHOLDER, renderTableReport } from "../../platform/pdf";
import type { ServiceContext } from "../../platform/types";
import { findSubstitutionContacts } from "../caregivers/caregivers.queries";
import { actorOf, nameOf, officeOf, todayOf } from "./substitution.context";
import * as repo from "./substitution.repository";

/** A report spans at most some years: enough for comparing models, small enough to compute on request. */
const MAX_REPORT_DAYS = 3 * 366;

/**
 * Cover time of everyone who covered in the month, and every employed substitute (also with none):
 * the employment record of substitutes and the basis for paying day-care persons who covered.
 */
export async function getHours(ctx: ServiceContext, month: string): Promise<HoursResponse> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const from = `${month}-01`;
  const to = addDays(addMonths(from, 1), -1);
  const covers = await repo.listCovers(db, org.id, { from, to, statuses: ["confirmed"] });
  const absences = new Map(
    (await repo.listAbsences(db, org.id, { from, to })).map((a) => [a.id, a] as const),
  );
  const live = covers.filter((c) => absences.get(c.absenceId)?.status === "active");
  const hours = new Map(
    coverHours(
      live.map((c) => ({ personId: c.coverCaregiverId, day: c.day, ranges: c.ranges })),
      month,
    ).map((h) => [h.personId, h]),
  );
  const substitutes = new Map((await repo.listSubstitutes(db, org.id)).map((s) => [s.caregiverId, s]));
  const ids = [...new Set([...hours.keys(), ...substitutes.keys()])];
  const contacts = await findSubstitutionContacts(db, org.id, ids);
  return {
    month,
    items: contacts.map((person) => {
      const employed = substitutes.get(person.id);
      const h = hours.get(person.id);
      return {
        caregiverId: person.id,
        name: nameOf(person),
        isEmployedSubstitute: Boolean(employed),
        hoursPerMonth: employed?.hoursPerMonth ?? null,
        childMinutes: h?.childMinutes ?? 0,
        presenceMinutes: h?.presenceMinutes ?? 0,
      };
    }),
  };
}

/** The comparison of the models over a period: each caregiver counts under her current model. */
export async function getReport(
  ctx: ServiceContext,
  query: { from: string; to: string },
): Promise<ModelReport> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  if (query.to < query.from) throw fieldError("to", "dateOrder");
  if (daysBetween(query.from, query.to) > MAX_REPORT_DAYS)
    throw fieldError("to", "substitutionAbsenceTooLong");
  const contacts = await findSubstitutionContacts(db, org.id);
  const arrangements = new Map((await repo.listArrangements(db, org.id)).map((a) => [a.caregiverId, a]));
  const absences = await repo.listAbsences(db, org.id, { from: query.from, to: query.to });
  const covers = await repo.listCovers(db, org.id, {
    from: query.from,
    to: query.to,
    absenceIds: absences.map((a) => a.id),
  });
  const rows = modelReport({
    from: query.from,
    to: query.to,
    caregivers: contacts.map((c) => {
      const a = arrangements.get(c.id);
      return {
        id: c.id,
        model: substitutionModel({
          tandemPartnerIds: a?.tandemPartnerIds ?? [],
          substituteIds: a?.substituteIds ?? [],
          kitaId: a?.kitaId ?? null,
        }),
      };
    }),
    absences: absences.map((a) => ({
      id: a.id,
      caregiverId: a.caregiverId,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      status: a.status,
    })),
    covers: covers.map((c) => ({
      absenceId: c.absenceId,
      day: c.day,
      status: c.status,
      kind: c.coverKind,
      isKnown: c.isKnown,
      extraDistanceKm: c.extraDistanceKm,
      parentAnswer: c.parentAnswer,
    })),
  });
  return { from: query.from, to: query.to, rows };
}

/** Figures as the reader's spreadsheet expects them (decimal comma in German); nothing for none. */
const numberIn =
  (locale: ServiceContext["locale"]) =>
  (n: number | null, digits = 0): string =>
    n === null
      ? ""
      : n.toLocaleString(locale === "de" ? "de-DE" : "en-GB", {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          useGrouping: false,
        });

function reportTable(ctx: ServiceContext, report: ModelReport) {
  const t = translator(ctx.locale);
  const number = numberIn(ctx.locale);
  const kinds: readonly CoverKind[] = coverKinds;
  const header = [
    t("substitutionReport.columns.model"),
    t("substitutionReport.columns.caregivers"),
    t("substitutionReport.columns.absenceDays"),
    t("substitutionReport.columns.childDays"),
    t("substitutionReport.columns.covered"),
    t("substitutionReport.columns.coveredShare"),
    t("substitutionReport.columns.coveredByKnown"),
    ...kinds.map((k) => t(`substitutionReport.columns.${k}`)),
    t("substitutionReport.columns.averageExtraDistanceKm"),
    t("substitutionReport.columns.parentsConfirmed"),
    t("substitutionReport.columns.parentsKeptHome"),
    t("substitutionReport.columns.parentsNoAnswer"),
  ];
  const rows = report.rows.map((r) => [
    t(`substitutionReport.models.${r.model}`),
    number(r.caregivers),
    number(r.absenceDays),
    number(r.childDays),
    number(r.covered),
    number(r.coveredShare * 100, 1),
    number(r.coveredByKnown),
    ...kinds.map((k) => number(r.byKind[k] ?? 0)),
    number(r.averageExtraDistanceKm, 1),
    number(r.parentsConfirmed),
    number(r.parentsKeptHome),
    number(r.parentsNoAnswer),
  ]);
  return { header, rows };
}

async function auditDownload(
  ctx: ServiceContext,
  format: "csv" | "pdf",
  query: { from: string; to: string } | { month: string },
) {
  const org = officeOf(ctx);
  await writeAudit(ctx.platform.db, {
    organisationId: org.id,
    actorUserId: actorOf(ctx).userId,
    action: "substitution.reportDownloaded",
    entityType: "substitutionSettings",
    entityId: org.id,
    details: { format, ...query },
    ip: ctx.ip,
  });
}

export async function reportCsv(ctx: ServiceContext, query: { from: string; to: string }) {
  const report = await getReport(ctx, query);
  const t = translator(ctx.locale);
  const { header, rows } = reportTable(ctx, report);
  await auditDownload(ctx, "csv", query);
  return {
    filename: `${t("substitutionReport.fileName")}-${query.from}-${query.to}.csv`,
    content: formatCsv(header, rows),
  };
}

export async function reportPdf(ctx: ServiceContext, query: { from: string; to: string }) {
  const org = officeOf(ctx);
  const report = await getReport(ctx, query);
  const t = translator(ctx.locale);
  const { header, rows } = reportTable(ctx, report);
  const date = (iso: string) => (ctx.locale === "de" ? formatGermanDate(iso) : iso);
  const content = await renderTableReport({
    title: t("substitutionReport.title"),
    subtitle: `${t("substitutionReport.period", { from: date(query.from), to: date(query.to) })} · ${t(
      "substitutionReport.generated",
      { date: date(todayOf(ctx.platform)) },
    )}`,
    author: org.name,
    language: ctx.locale,
    footer: t("substitutionReport.footer", {
      organisation: org.name,
      page: PAGE_PLACEHOLDER,
      pages: PAGES_PLACEHOLDER,
    }),
    // Models side by side, one figure per line: sixteen columns do not fit a page.
    sections: [
      {
        heading: t("substitutionReport.title"),
        header: [header[0] as string, ...rows.map((r) => r[0] as string)],
        rows: header.slice(1).map((label, i) => [label, ...rows.map((r) => r[i + 1] as string)]),
        numeric: [false, ...rows.map(() => true)],
        emptyText: t("substitutionReport.none"),
      },
    ],
  });
  await auditDownload(ctx, "pdf", query);
  return {
    filename: `${t("substitutionReport.fileName")}-${query.from}-${query.to}.pdf`,
    content: Buffer.from(content),
  };
}

/**
 * The month's cover hours as CSV, one line per person as on the evaluation page: the employment record of
 * employed substitutes and the basis for paying those who covered. Hours with two decimals.
 */
export async function hoursCsv(ctx: ServiceContext, month: string) {
  const hours = await getHours(ctx, month);
  const t = translator(ctx.locale);
  const number = numberIn(ctx.locale);
  const header = [
    t("substitutionReport.hoursColumns.name"),
    t("substitutionReport.hoursColumns.isEmployedSubstitute"),
    t("substitutionReport.hoursColumns.hoursPerMonth"),
    t("substitutionReport.hoursColumns.presenceHours"),
    t("substitutionReport.hoursColumns.childHours"),
  ];
  const rows = hours.items.map((item) => [
    item.name,
    t(item.isEmployedSubstitute ? "substitutionReport.yes" : "substitutionReport.no"),
    number(item.hoursPerMonth),
    number(item.presenceMinutes / 60, 2),
    number(item.childMinutes / 60, 2),
  ]);
  await auditDownload(ctx, "csv", { month });
  return {
    filename: `${t("substitutionReport.hoursFileName")}-${month}.csv`,
    content: formatCsv(header, rows),
  };
}
