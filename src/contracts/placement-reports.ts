import { z } from "zod";
import { isoDateSchema } from "./common";
import { ageGroups } from "./placement";

/**
 * The placement reports for the youth office's planning (§ 24, § 80 SGB VIII). Aggregates only: no names,
 * no request ids, no birth dates, no streets — areas are postal code and town.
 */

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "v.month");
/** The beginning of a postal code ("592") or part of a town's name ("Neubeck"). */
const area = z.string().trim().max(60, "v.tooLong").optional();
const monthRange = {
  from: month.optional(),
  to: month.optional(),
  area,
  ageGroup: z.enum(ageGroups).optional(),
};
const fromNotAfterTo = (q: { from?: string | undefined; to?: string | undefined }) =>
  !q.from || !q.to || q.from <= q.to;
const orderIssue = { message: "v.dateOrder", path: ["to"] };

/** Open demand: wanted start from `from` to `to` (months, inclusive). */
export const demandQuery = z.object(monthRange).refine(fromNotAfterTo, orderIssue);
export type DemandQuery = z.infer<typeof demandQuery>;

/** Placement times: contracts made from `from` to `to` (months, inclusive). */
export const placementTimesQuery = z.object(monthRange).refine(fromNotAfterTo, orderIssue);
export type PlacementTimesQuery = z.infer<typeof placementTimesQuery>;

/** Free capacity on `date` (default: today). */
export const freeCapacityQuery = z.object({ date: isoDateSchema.optional(), area });
export type FreeCapacityQuery = z.infer<typeof freeCapacityQuery>;

const ageGroupCounts = z.object({
  under1: z.number().int(),
  "1to2": z.number().int(),
  "2to3": z.number().int(),
  "3plus": z.number().int(),
});

const demandFigures = {
  requests: z.number().int(),
  /** Weekly care hours asked for, summed (one decimal). */
  weeklyHours: z.number(),
  byAgeGroup: ageGroupCounts,
};

export const demandReport = z.object({
  /** The day the report was made; ages are taken at each request's wanted start. */
  today: z.string(),
  total: z.object({ ...demandFigures, underOneShare: z.number().nullable() }),
  byAgeGroup: z.array(
    z.object({ ageGroup: z.enum(ageGroups), requests: z.number().int(), weeklyHours: z.number() }),
  ),
  byStartMonth: z.array(z.object({ month: z.string(), ...demandFigures })),
  byArea: z.array(z.object({ postalCode: z.string(), town: z.string(), ...demandFigures })),
  cells: z.array(
    z.object({
      month: z.string(),
      postalCode: z.string(),
      town: z.string(),
      ageGroup: z.enum(ageGroups),
      requests: z.number().int(),
      weeklyHours: z.number(),
    }),
  ),
});
export type DemandReportDto = z.infer<typeof demandReport>;

const dayStats = z.object({
  median: z.number().nullable(),
  p90: z.number().nullable(),
  mean: z.number().nullable(),
});
export type DayStatsDto = z.infer<typeof dayStats>;

const timeFigures = {
  placements: z.number().int(),
  /** Days from the parents' confirmation to the contract being made. */
  toContract: dayStats,
  /** Days from the parents' confirmation to the first day of care. */
  toStart: dayStats,
};
const waitingFigures = {
  waiting: z.number().int(),
  medianDays: z.number().nullable(),
  longestDays: z.number().int().nullable(),
};

export const placementTimesReport = z.object({
  today: z.string(),
  total: z.object(timeFigures),
  byContractMonth: z.array(z.object({ month: z.string(), ...timeFigures })),
  byAgeGroup: z.array(z.object({ ageGroup: z.enum(ageGroups), ...timeFigures })),
  waiting: z.object({
    ...waitingFigures,
    byAgeGroup: z.array(z.object({ ageGroup: z.enum(ageGroups), ...waitingFigures })),
  }),
});
export type PlacementTimesReportDto = z.infer<typeof placementTimesReport>;

const freeDay = z.object({
  /** 0 = Monday … 6 = Sunday, as core/caregivers counts. */
  weekday: z.number().int().min(0).max(6),
  open: z.number().int(),
  freeAllDay: z.number().int(),
  freeAtMost: z.number().int(),
  freePlaceHours: z.number(),
});
export type FreeDayDto = z.infer<typeof freeDay>;

export const freeCapacityReport = z.object({
  date: z.string(),
  caregivers: z.number().int(),
  withoutProfile: z.number().int(),
  weekdays: z.array(z.number().int().min(0).max(6)),
  areas: z.array(
    z.object({
      postalCode: z.string(),
      town: z.string(),
      caregivers: z.number().int(),
      withoutProfile: z.number().int(),
      days: z.array(freeDay),
    }),
  ),
  total: z.array(freeDay),
});
export type FreeCapacityReportDto = z.infer<typeof freeCapacityReport>;
