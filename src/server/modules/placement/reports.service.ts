import type { Locale } from "../../../contracts/i18n";
import type {
  DayStatsDto,
  DemandQuery,
  DemandReportDto,
  FreeCapacityQuery,
  FreeCapacityReportDto,
  FreeDayDto,
  PlacementTimesQuery,
  PlacementTimesReportDto,
} from "../../../contracts/placement-reports";
import type { ContractTimes } from "../../../core/caregivers/capacity";
import {
  type CapacityCaregiver,
  type PlacedRequest,
  summariseDemand,
  summariseFreeCapacity,
  summarisePlacementTimes,
  type WaitingRequest,
} from "../../../core/placement/reports";
import { todayIso } from "../../../core/shared/dates";
import { formatCsv, formatGermanDate } from "../../platform/csv";
import { translator } from "../../platform/i18n";
import type { ServiceContext } from "../../platform/types";
import { findPlacementCaregivers } from "../caregivers/caregivers.queries";
import { contractTimesOf } from "./matching.service";
import { officeOf, todayOf } from "./placement.service";
import * as reportsRepo from "./reports.repository";

/** The calendar day of an instant at the office (Germany), as waiting times are counted in days there. */
const dayOf = (instant: Date) => todayIso(instant);

const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * Open demand for the planning: the requests still waiting, by wanted start month, area and the child's age
 * group at the start, with the weekly care hours asked for.
 */
export async function getDemand(ctx: ServiceContext, query: DemandQuery): Promise<DemandReportDto> {
  const org = officeOf(ctx);
  const rows = await reportsRepo.listWaitingRequests(ctx.platform.db, org.id);
  const report = summariseDemand(rows, {
    fromMonth: query.from,
    toMonth: query.to,
    area: query.area,
    ageGroup: query.ageGroup,
  });
  return {
    today: todayOf(ctx.platform),
    total: {
      requests: report.total.requests,
      weeklyHours: hoursOf(report.total.weeklyMinutes),
      byAgeGroup: report.total.byAgeGroup,
      underOneShare: report.total.underOneShare,
    },
    byAgeGroup: report.byAgeGroup.map(({ weeklyMinutes, ...group }) => ({
      ...group,
      weeklyHours: hoursOf(weeklyMinutes),
    })),
    byStartMonth: report.byStartMonth.map(({ weeklyMinutes, ...month }) => ({
      ...month,
      weeklyHours: hoursOf(weeklyMinutes),
    })),
    byArea: report.byArea.map(({ weeklyMinutes, ...area }) => ({
      ...area,
      weeklyHours: hoursOf(weeklyMinutes),
    })),
    cells: report.cells.map(({ weeklyMinutes, ...cell }) => ({
      ...cell,
      weeklyHours: hoursOf(weeklyMinutes),
    })),
  };
}

/**
 * How long placing takes: from the parents' confirmation to the contract and to the first day of care, and
 * how long the requests still open have waited so far.
 */
export async function getPlacementTimes(
  ctx: ServiceContext,
  query: PlacementTimesQuery,
): Promise<PlacementTimesReportDto> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const [contracts, open] = await Promise.all([
    reportsRepo.listPlacedRequests(db, org.id),
    reportsRepo.listWaitingRequests(db, org.id),
  ]);
  const seen = new Set<string>();
  const placed: PlacedRequest[] = [];
  for (const row of contracts) {
    if (!row.requestId || !row.confirmedAt || seen.has(row.requestId)) continue;
    seen.add(row.requestId);
    placed.push({
      confirmedOn: dayOf(row.confirmedAt),
      contractMadeOn: dayOf(row.contractCreatedAt),
      contractStart: row.contractStart,
      childBirthDate: row.childBirthDate,
      wantedStart: row.wantedStart,
      postalCode: row.postalCode,
      town: row.town,
    });
  }
  const waiting: WaitingRequest[] = open.flatMap((row) =>
    row.confirmedAt ? [{ ...row, confirmedOn: dayOf(row.confirmedAt) }] : [],
  );
  const today = todayOf(ctx.platform);
  return {
    today,
    ...summarisePlacementTimes(placed, waiting, today, {
      fromMonth: query.from,
      toMonth: query.to,
      area: query.area,
      ageGroup: query.ageGroup,
    }),
  };
}

/**
 * Free places on a date (default today) by area and weekday: each active caregiver's capacity profile in
 * effect that day minus the contracts running that day.
 */
export async function getFreeCapacity(
  ctx: ServiceContext,
  query: FreeCapacityQuery,
): Promise<FreeCapacityReportDto> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const [people, contracts] = await Promise.all([
    findPlacementCaregivers(db, org.id),
    reportsRepo.listContractTimes(db, org.id),
  ]);
  const contractsOf = new Map<string, ContractTimes[]>();
  for (const row of contracts) {
    const list = contractsOf.get(row.caregiverId) ?? [];
    list.push(contractTimesOf(row));
    contractsOf.set(row.caregiverId, list);
  }
  const caregivers: CapacityCaregiver[] = people.map((person) => ({
    postalCode: person.postalCode,
    town: person.town,
    profiles: person.profiles,
    contracts: contractsOf.get(person.id) ?? [],
  }));
  return summariseFreeCapacity(caregivers, query.date ?? todayOf(ctx.platform), { area: query.area });
}

// ---------------------------------------------------------------------------------------------------------
// CSV: the same figures as the page, as German Excel opens them (see caregivers/csv).

export interface CsvFile {
  filename: string;
  content: string;
}

/** A number as the reader's spreadsheet reads it: "12,5" in German, "12.5" in English; empty for none. */
function numberCell(value: number | null, locale: Locale): string {
  if (value === null) return "";
  return locale === "de" ? String(value).replace(".", ",") : String(value);
}

function filename(
  ctx: ServiceContext,
  key: "demand" | "placementTimes" | "freeCapacity",
  date: string,
): string {
  const t = translator(ctx.locale);
  return `${t(`placementReports.csv.filenames.${key}`)}-${officeOf(ctx).slug}-${date}.csv`;
}

/** The demand as one row per start month, area and age group: the shape a pivot table wants. */
export async function exportDemandCsv(ctx: ServiceContext, query: DemandQuery): Promise<CsvFile> {
  const report = await getDemand(ctx, query);
  const t = translator(ctx.locale);
  const h = (key: string) => t(`placementReports.csv.demand.${key}`);
  const header = [h("month"), h("postalCode"), h("town"), h("ageGroup"), h("requests"), h("weeklyHours")];
  const rows = report.cells.map((cell) => [
    cell.month,
    cell.postalCode,
    cell.town,
    t(`placement.ageGroups.${cell.ageGroup}`),
    String(cell.requests),
    numberCell(cell.weeklyHours, ctx.locale),
  ]);
  return { filename: filename(ctx, "demand", report.today), content: formatCsv(header, rows) };
}

/** Placement times: overall, per contract month and per age group, then the requests still waiting. */
export async function exportPlacementTimesCsv(
  ctx: ServiceContext,
  query: PlacementTimesQuery,
): Promise<CsvFile> {
  const report = await getPlacementTimes(ctx, query);
  const t = translator(ctx.locale);
  const h = (key: string) => t(`placementReports.csv.times.${key}`);
  const n = (value: number | null) => numberCell(value, ctx.locale);
  const stats = (s: DayStatsDto) => [n(s.median), n(s.p90), n(s.mean)];
  const header = [
    h("grouping"),
    h("group"),
    h("placements"),
    h("toContractMedian"),
    h("toContractP90"),
    h("toContractMean"),
    h("toStartMedian"),
    h("toStartP90"),
    h("toStartMean"),
    h("waiting"),
    h("waitingMedian"),
    h("waitingLongest"),
  ];
  const ageGroupOf = (group: string) => t(`placement.ageGroups.${group}`);
  const waitingOf = new Map(report.waiting.byAgeGroup.map((w) => [w.ageGroup, w]));
  const waitingCells = (w: { waiting: number; medianDays: number | null; longestDays: number | null }) => [
    String(w.waiting),
    n(w.medianDays),
    n(w.longestDays),
  ];
  const rows: string[][] = [
    [
      h("total"),
      "",
      String(report.total.placements),
      ...stats(report.total.toContract),
      ...stats(report.total.toStart),
      ...waitingCells(report.waiting),
    ],
    ...report.byContractMonth.map((m) => [
      h("byContractMonth"),
      m.month,
      String(m.placements),
      ...stats(m.toContract),
      ...stats(m.toStart),
      "",
      "",
      "",
    ]),
    ...report.byAgeGroup.map((g) => {
      const waiting = waitingOf.get(g.ageGroup);
      return [
        h("byAgeGroup"),
        ageGroupOf(g.ageGroup),
        String(g.placements),
        ...stats(g.toContract),
        ...stats(g.toStart),
        ...(waiting ? waitingCells(waiting) : ["", "", ""]),
      ];
    }),
  ];
  return { filename: filename(ctx, "placementTimes", report.today), content: formatCsv(header, rows) };
}

/** Free capacity: one row per area and weekday, then the totals. */
export async function exportFreeCapacityCsv(ctx: ServiceContext, query: FreeCapacityQuery): Promise<CsvFile> {
  const report = await getFreeCapacity(ctx, query);
  const t = translator(ctx.locale);
  const h = (key: string) => t(`placementReports.csv.capacity.${key}`);
  const weekdays = t("common.weekdays", { returnObjects: true }) as unknown as string[];
  const header = [
    h("date"),
    h("postalCode"),
    h("town"),
    h("weekday"),
    h("caregivers"),
    h("withoutProfile"),
    h("open"),
    h("freeAllDay"),
    h("freeAtMost"),
    h("freePlaceHours"),
  ];
  const dayCells = (day: FreeDayDto, counted: { caregivers: number; withoutProfile: number }) => [
    weekdays[day.weekday] ?? String(day.weekday),
    String(counted.caregivers),
    String(counted.withoutProfile),
    String(day.open),
    String(day.freeAllDay),
    String(day.freeAtMost),
    numberCell(day.freePlaceHours, ctx.locale),
  ];
  const date = ctx.locale === "de" ? formatGermanDate(report.date) : report.date;
  const rows = [
    ...report.areas.flatMap((area) =>
      area.days.map((day) => [date, area.postalCode, area.town, ...dayCells(day, area)]),
    ),
    ...report.total.map((day) => [date, "", h("total"), ...dayCells(day, report)]),
  ];
  return { filename: filename(ctx, "freeCapacity", report.date), content: formatCsv(header, rows) };
}
