import type { Locale } from "../../../contracts/i18n";
import type { TrainingReportDto, TrainingReportQuery } from "../../../contracts/training-reports";
import { type ReportRun, trainingReport } from "../../../core/training/reports";
import { formatCsv, formatGermanDate } from "../../platform/csv";
import { translator } from "../../platform/i18n";
import {
  PAGE_PLACEHOLDER,
  PAGES_PLACEHOLDER,
  renderTableReport,
  type TableSection,
} from "../../platform/pdf";
import type { ServiceContext } from "../../platform/types";
import * as reportsRepo from "./reports.repository";
import { todayOf, trainingOrgOf } from "./training.context";

/** The figures of the runs starting in the chosen years (default: this year). */
export async function getReport(ctx: ServiceContext, query: TrainingReportQuery): Promise<TrainingReportDto> {
  const org = trainingOrgOf(ctx);
  const today = todayOf(ctx);
  const thisYear = Number(today.slice(0, 4));
  const from = query.from ?? query.to ?? thisYear;
  const to = query.to ?? Math.max(from, query.from === undefined ? thisYear : from);
  const db = ctx.platform.db;
  const rows = await reportsRepo.listReportRuns(db, org.id, {
    fromDay: `${from}-01-01`,
    toDay: `${to}-12-31`,
    category: query.category,
  });
  const facts = await reportsRepo.loadReportFacts(
    db,
    org.id,
    rows.map((row) => row.id),
  );
  const runs: ReportRun[] = rows.map((row) => ({
    id: row.id,
    title: row.title,
    category: row.category,
    units: row.units,
    minAttendancePercent: row.minAttendancePercent,
    assessments: row.assessments,
    practiceHours: { kita: row.practiceKitaHours, dayCare: row.practiceDayCareHours },
    capacity: row.capacity,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    isCancelled: row.status === "cancelled",
    sessions: facts.sessions.filter((session) => session.courseId === row.id),
  }));
  const report = trainingReport({
    runs,
    bookings: facts.bookings,
    attendance: facts.attendance,
    assessments: facts.assessments,
    practice: facts.practice.map(({ runId, participantId, ...entry }) => ({
      ...entry,
      runId,
      participantId,
    })),
    certificates: facts.certificates.flatMap((c) =>
      c.runId ? [{ runId: c.runId, participantId: c.participantId }] : [],
    ),
    today,
  });
  return { today, from, to, ...report };
}

// ---------------------------------------------------------------------------------------------------------
// Exports: the same three tables as the page, as CSV (one file per table) and as one PDF.

export type ReportTable = "runs" | "years" | "cohorts";

interface Table {
  header: string[];
  rows: string[][];
  numeric: boolean[];
}

function numberText(value: number | null, locale: Locale, digits = 1): string {
  if (value === null) return "";
  return new Intl.NumberFormat(locale === "de" ? "de-DE" : "en-GB", {
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(value);
}

const percent = (value: number | null, locale: Locale) =>
  value === null ? "" : `${numberText(value * 100, locale, 0)} %`;

function tables(report: TrainingReportDto, locale: Locale): Record<ReportTable, Table> {
  const t = translator(locale);
  const h = (key: string) => t(`trainingReports.columns.${key}`);
  const category = (code: string) => t(`training.categories.${code}`);
  const n = (value: number | null) => numberText(value, locale);
  const date = (iso: string) => (locale === "de" ? formatGermanDate(iso) : iso);
  return {
    years: {
      header: [
        h("year"),
        h("category"),
        h("runs"),
        h("cancelledRuns"),
        h("participants"),
        h("cancellations"),
        h("unitsTaught"),
        h("unitsAttended"),
        h("completed"),
        h("completionRate"),
        h("waitingNow"),
      ],
      numeric: [false, false, true, true, true, true, true, true, true, true, true],
      rows: report.years.map((row) => [
        String(row.year),
        category(row.category),
        n(row.runs),
        n(row.cancelledRuns),
        n(row.participants),
        n(row.cancellations),
        n(row.unitsTaught),
        n(row.unitsAttended),
        `${row.completed} / ${row.finishedParticipants}`,
        percent(row.completionRate, locale),
        n(row.waitingNow),
      ]),
    },
    runs: {
      header: [
        h("run"),
        h("category"),
        h("dates"),
        h("status"),
        h("capacity"),
        h("participants"),
        h("waiting"),
        h("cancellations"),
        h("sessions"),
        h("unitsTaught"),
        h("attendanceRate"),
        h("completed"),
        h("completionRate"),
      ],
      numeric: [false, false, false, false, true, true, true, true, true, true, true, true, true],
      rows: report.runs.map((row) => [
        row.title,
        category(row.category),
        `${date(row.startsOn)} – ${date(row.endsOn)}`,
        t(`trainingReports.status.${row.isCancelled ? "cancelled" : row.isFinished ? "finished" : "open"}`),
        n(row.capacity),
        n(row.participants),
        n(row.waiting),
        n(row.cancellations),
        `${row.sessionsHeld} / ${row.sessionsPlanned}`,
        n(row.unitsTaught),
        percent(row.attendanceRate, locale),
        n(row.completed),
        percent(row.completionRate, locale),
      ]),
    },
    cohorts: {
      header: [
        h("run"),
        h("category"),
        h("dates"),
        h("participants"),
        h("unitsTaughtOfPlanned"),
        h("medianUnitsAttended"),
        h("onTrack"),
        h("practiceHours"),
        h("assessmentsPassed"),
        h("completed"),
      ],
      numeric: [false, false, false, true, true, true, true, true, true, true],
      rows: report.cohorts.map((row) => [
        row.title,
        category(row.category),
        `${date(row.startsOn)} – ${date(row.endsOn)}`,
        n(row.participants),
        `${n(row.unitsTaughtSoFar)} / ${n(row.unitsPlanned)}`,
        n(row.medianUnitsAttended),
        n(row.onTrack),
        `${n(row.practiceHoursConfirmed)} / ${n(row.practiceHoursRequired)}`,
        n(row.assessmentsPassed),
        n(row.completed),
      ]),
    },
  };
}

export interface ReportFile {
  filename: string;
  contentType: string;
  content: string | Uint8Array;
}

function fileStem(ctx: ServiceContext, report: TrainingReportDto): string {
  const t = translator(ctx.locale);
  const years = report.from === report.to ? `${report.from}` : `${report.from}-${report.to}`;
  return `${t("trainingReports.filename")}-${trainingOrgOf(ctx).slug}-${years}`;
}

export async function exportCsv(
  ctx: ServiceContext,
  query: TrainingReportQuery,
  table: ReportTable,
): Promise<ReportFile> {
  const report = await getReport(ctx, query);
  const { header, rows } = tables(report, ctx.locale)[table];
  const t = translator(ctx.locale);
  return {
    filename: `${fileStem(ctx, report)}-${t(`trainingReports.csvNames.${table}`)}.csv`,
    contentType: "text/csv; charset=utf-8",
    content: formatCsv(header, rows),
  };
}

export async function exportPdf(ctx: ServiceContext, query: TrainingReportQuery): Promise<ReportFile> {
  const report = await getReport(ctx, query);
  const org = trainingOrgOf(ctx);
  const t = translator(ctx.locale);
  const all = tables(report, ctx.locale);
  const years = report.from === report.to ? `${report.from}` : `${report.from}–${report.to}`;
  const sections: TableSection[] = (["years", "runs", "cohorts"] as const).map((key) => ({
    heading: t(`trainingReports.tables.${key}Heading`),
    emptyText: t("trainingReports.empty"),
    ...all[key],
  }));
  const today = ctx.locale === "de" ? formatGermanDate(report.today) : report.today;
  const content = await renderTableReport({
    title: t("trainingReports.pdfTitle", { years }),
    subtitle: t("trainingReports.pdfSubtitle", { organisation: org.name, date: today }),
    author: org.name,
    language: ctx.locale,
    footer: t("trainingReports.pdfFooter", {
      organisation: org.name,
      page: PAGE_PLACEHOLDER,
      pages: PAGES_PLACEHOLDER,
    }),
    sections,
  });
  return { filename: `${fileStem(ctx, report)}.pdf`, contentType: "application/pdf", content };
}
