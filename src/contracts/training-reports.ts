import { z } from "zod";
import { COURSE_CATEGORIES } from "../core/training/catalogue";
import { isoDateSchema } from "./common";

/**
 * Reports on the training offer: participation per run and year, completion, UE, waiting lists and QHB cohort
 * progress. Figures per run and category only; no participant appears by name.
 */

const year = z.coerce.number({ error: "v.year" }).int("v.year").min(2000, "v.year").max(2100, "v.year");

/** Runs starting in the years `from` to `to` (inclusive; default: this year), optionally one category. */
export const trainingReportQuery = z
  .object({
    from: year.optional(),
    to: year.optional(),
    category: z.enum(COURSE_CATEGORIES).optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    message: "v.dateOrder",
    path: ["to"],
  });
export type TrainingReportQuery = z.infer<typeof trainingReportQuery>;

const rate = z.number().nullable();
const category = z.enum(COURSE_CATEGORIES);

export const runReportRow = z.object({
  runId: z.string().uuid(),
  title: z.string(),
  category,
  year: z.number().int(),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  isCancelled: z.boolean(),
  isFinished: z.boolean(),
  capacity: z.number().int(),
  participants: z.number().int(),
  waiting: z.number().int(),
  cancellations: z.number().int(),
  sessionsHeld: z.number().int(),
  sessionsPlanned: z.number().int(),
  unitsTaught: z.number(),
  unitsAttended: z.number(),
  completed: z.number().int(),
  certified: z.number().int(),
  completionRate: rate,
  attendanceRate: rate,
});

export const yearReportRow = z.object({
  year: z.number().int(),
  category,
  runs: z.number().int(),
  cancelledRuns: z.number().int(),
  participants: z.number().int(),
  cancellations: z.number().int(),
  unitsTaught: z.number(),
  unitsAttended: z.number(),
  finishedParticipants: z.number().int(),
  completed: z.number().int(),
  completionRate: rate,
  waitingNow: z.number().int(),
});

export const cohortReportRow = z.object({
  runId: z.string().uuid(),
  title: z.string(),
  category: z.enum(["qhbPhase1", "qhbPhase2"]),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  participants: z.number().int(),
  unitsPlanned: z.number(),
  unitsTaughtSoFar: z.number(),
  medianUnitsAttended: z.number().nullable(),
  onTrack: z.number().int(),
  practiceHoursRequired: z.number(),
  practiceHoursConfirmed: z.number(),
  assessmentsPassed: z.number().int(),
  completed: z.number().int(),
});

export const trainingReportResponse = z.object({
  today: isoDateSchema,
  from: z.number().int(),
  to: z.number().int(),
  runs: z.array(runReportRow),
  years: z.array(yearReportRow),
  cohorts: z.array(cohortReportRow),
});
export type TrainingReportDto = z.infer<typeof trainingReportResponse>;
export type RunReportRowDto = z.infer<typeof runReportRow>;
export type YearReportRowDto = z.infer<typeof yearReportRow>;
export type CohortReportRowDto = z.infer<typeof cohortReportRow>;
