/**
 * The allocation-round instance file as the command line reads it. Shape and format in zod, then the
 * checks that need the whole file (unique ids, known references, non-overlapping free ranges). Messages are
 * English for people at a terminal, each issue with the path of the field it concerns.
 */

import { z } from "zod";
import { hhmmToMinutes } from "../core/caregivers/capacity";
import type { PlacementInstance } from "../core/placement/instance";

const clock = z.string().refine((text) => hhmmToMinutes(text) !== null, "expected HH:MM");
const count = z.number().int().min(0);
const location = z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) });

const timeRangeShape = { day: z.number().int().min(1).max(7), from: clock, to: clock };

function toAfterFrom(range: { from: string; to: string }, context: z.RefinementCtx): void {
  const from = hhmmToMinutes(range.from);
  const to = hhmmToMinutes(range.to);
  if (from !== null && to !== null && from >= to) {
    context.addIssue({ code: "custom", path: ["to"], message: "must be after from" });
  }
}

const timeRange = z.strictObject(timeRangeShape).superRefine(toAfterFrom);
const freePlaces = z.strictObject({ ...timeRangeShape, places: count }).superRefine(toAfterFrom);
const ids = z.array(z.string().min(1));

const caregiver = z
  .strictObject({
    id: z.string().min(1),
    location,
    ageMonths: z.strictObject({ min: z.number().min(0), max: z.number().min(0) }),
    maxChildren: count,
    existingChildren: count,
    inclusion: z.boolean(),
    pets: z.boolean(),
    freePlaces: z.array(freePlaces),
    priorityOrder: ids.optional(),
  })
  .superRefine((value, context) => {
    if (value.ageMonths.min > value.ageMonths.max) {
      context.addIssue({ code: "custom", path: ["ageMonths", "max"], message: "must not be below min" });
    }
  });

const request = z.strictObject({
  id: z.string().min(1),
  location,
  childAgeMonths: z.number().min(0),
  care: z.array(timeRange).min(1),
  maxDistanceKm: z.number().positive(),
  needsInclusion: z.boolean(),
  noPets: z.boolean(),
  priorityPoints: z.number(),
  preferences: ids.optional(),
});

type Issue = { path: (string | number)[]; message: string };

function checkUnique(
  values: readonly string[],
  path: (index: number) => (string | number)[],
  issues: Issue[],
) {
  const seen = new Map<string, number>();
  values.forEach((value, index) => {
    const first = seen.get(value);
    if (first === undefined) seen.set(value, index);
    else issues.push({ path: path(index), message: `duplicate "${value}" (also at index ${first})` });
  });
}

function checkKnown(
  values: readonly string[],
  known: ReadonlySet<string>,
  what: string,
  path: (index: number) => (string | number)[],
  issues: Issue[],
) {
  values.forEach((value, index) => {
    if (!known.has(value)) issues.push({ path: path(index), message: `unknown ${what} "${value}"` });
  });
}

/** Minute ranges of the week, for the overlap check. */
function weekRange(range: { day: number; from: string; to: string }): [number, number] {
  const offset = (range.day - 1) * 1440;
  return [offset + (hhmmToMinutes(range.from) ?? 0), offset + (hhmmToMinutes(range.to) ?? 0)];
}

/** The checks across the file; the shape is already valid here. */
function crossIssues(instance: PlacementInstance): Issue[] {
  const issues: Issue[] = [];
  const caregiverIds = instance.caregivers.map((c) => c.id);
  const requestIds = instance.requests.map((r) => r.id);
  checkUnique(caregiverIds, (i) => ["caregivers", i, "id"], issues);
  checkUnique(requestIds, (i) => ["requests", i, "id"], issues);
  const knownCaregivers = new Set(caregiverIds);
  const knownRequests = new Set(requestIds);
  instance.caregivers.forEach((caregiver, c) => {
    if (caregiver.priorityOrder) {
      const at = (i: number) => ["caregivers", c, "priorityOrder", i];
      checkKnown(caregiver.priorityOrder, knownRequests, "request", at, issues);
      checkUnique(caregiver.priorityOrder, at, issues);
    }
    // Overlapping free ranges would leave it open whether places add up; a clear error beats a guess.
    const ranges = caregiver.freePlaces.map((free, index) => ({ index, range: weekRange(free) }));
    ranges.sort((a, b) => a.range[0] - b.range[0]);
    for (let i = 1; i < ranges.length; i++) {
      const previous = ranges[i - 1] as (typeof ranges)[number];
      const current = ranges[i] as (typeof ranges)[number];
      if (current.range[0] < previous.range[1]) {
        issues.push({
          path: ["caregivers", c, "freePlaces", current.index],
          message: `overlaps freePlaces[${previous.index}]`,
        });
      }
    }
  });
  instance.requests.forEach((request, r) => {
    if (!request.preferences) return;
    const at = (i: number) => ["requests", r, "preferences", i];
    checkKnown(request.preferences, knownCaregivers, "caregiver", at, issues);
    checkUnique(request.preferences, at, issues);
  });
  return issues;
}

/** `requests[3].care[0].from` for ["requests", 3, "care", 0, "from"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += text === "" ? String(key) : `.${String(key)}`;
  }
  return text === "" ? "(instance)" : text;
}

const instanceSchema = z.strictObject({ caregivers: z.array(caregiver), requests: z.array(request) });

export type InstanceParse = { ok: true; instance: PlacementInstance } | { ok: false; problems: string[] };

/** Validates parsed JSON as an instance; problems read "path: message", in file order. */
export function parsePlacementInstance(input: unknown): InstanceParse {
  const parsed = instanceSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
    };
  }
  const instance = parsed.data as PlacementInstance;
  const issues = crossIssues(instance);
  if (issues.length > 0) {
    return { ok: false, problems: issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`) };
  }
  return { ok: true, instance };
}
