/**
 * An upper bound on how many requests any feasible assignment could place: the LP relaxation of
 * "maximise placed requests" (x per acceptable pair in [0, 1]; each request at most once; each caregiver at
 * most her count; at every minute at most her free places), written in CPLEX LP format and solved with
 * HiGHS. Rows that can never bind are left out, which keeps a city's LP small enough for the WASM solver.
 */

import type { PlacementModel } from "../src/core/placement/model";

export interface LpBound {
  /** Floor of the LP optimum: no assignment places more. */
  bound: number;
  objective: number;
  status: string;
  variables: number;
  rows: number;
  buildMs: number;
  solveMs: number;
}

/** Terms per line, so that no line of the LP file gets very long. */
const TERMS_PER_LINE = 16;

function sumLine(variables: readonly number[]): string {
  let text = "";
  for (let i = 0; i < variables.length; i++) {
    text += `${i === 0 ? "" : " + "}x${variables[i]}`;
    if (i % TERMS_PER_LINE === TERMS_PER_LINE - 1) text += "\n   ";
  }
  return text;
}

/**
 * The LP as text, with its size. Variable xk is the k-th pair of the model's flat ranking list. With
 * `integer`, the variables are binary: the exact maximum (only small instances solve in reasonable time).
 */
export function buildUpperBoundLp(
  model: PlacementModel,
  integer = false,
): { text: string; variables: number; rows: number } {
  const parts: string[] = ["Maximize", ` placed: ${sumLine(Array.from(model.list.keys()))}`, "Subject To"];
  let rows = 0;
  const singletons: number[] = [];
  for (let r = 0; r < model.requestCount; r++) {
    const start = model.listStart[r] as number;
    const end = model.listStart[r + 1] as number;
    if (end - start === 1) singletons.push(start);
    if (end - start < 2) continue;
    parts.push(` r${r}: ${sumLine(Array.from({ length: end - start }, (_, i) => start + i))} <= 1`);
    rows++;
  }
  for (let c = 0; c < model.caregiverCount; c++) {
    const pairs: number[] = [];
    const patterns: number[] = [];
    for (let k = model.listerStart[c] as number; k < (model.listerStart[c + 1] as number); k++) {
      const r = model.listers[k] as number;
      pairs.push((model.listStart[r] as number) + (model.listerPosition[k] as number));
      patterns.push(model.carePattern[r] as number);
    }
    const limit = model.countLimit[c] as number;
    if (pairs.length > limit) {
      parts.push(` n${c}: ${sumLine(pairs)} <= ${limit}`);
      rows++;
    }
    // One row per stretch of the week in which the same care patterns are present; the tightest free
    // count for each such set. A row with no more candidates than places, or no tighter than the count
    // row, can never bind.
    const cuts = new Set<number>();
    for (let k = model.freeStart[c] as number; k < (model.freeStart[c + 1] as number); k += 3) {
      cuts.add(model.free[k] as number);
      cuts.add(model.free[k + 1] as number);
    }
    const distinctPatterns = [...new Set(patterns)];
    for (const p of distinctPatterns) {
      for (let k = model.patternStart[p] as number; k < (model.patternStart[p + 1] as number); k++) {
        cuts.add(model.patternMinutes[k] as number);
      }
    }
    const sorted = [...cuts].sort((a, b) => a - b);
    const tightest = new Map<string, { places: number; present: number[] }>();
    for (let i = 0; i + 1 < sorted.length; i++) {
      const minute = sorted[i] as number;
      let places = 0;
      for (let k = model.freeStart[c] as number; k < (model.freeStart[c + 1] as number); k += 3) {
        if ((model.free[k] as number) <= minute && minute < (model.free[k + 1] as number)) {
          places = model.free[k + 2] as number;
        }
      }
      const present = distinctPatterns.filter((p) => {
        for (let k = model.patternStart[p] as number; k < (model.patternStart[p + 1] as number); k += 2) {
          if (
            (model.patternMinutes[k] as number) <= minute &&
            minute < (model.patternMinutes[k + 1] as number)
          ) {
            return true;
          }
        }
        return false;
      });
      if (present.length === 0 || places >= limit) continue;
      const key = present.join(",");
      const known = tightest.get(key);
      if (!known || places < known.places) tightest.set(key, { places, present });
    }
    let stretch = 0;
    for (const { places, present } of tightest.values()) {
      const wanted = new Set(present);
      const covered = pairs.filter((_, i) => wanted.has(patterns[i] as number));
      if (covered.length <= places) continue;
      parts.push(` t${c}_${stretch++}: ${sumLine(covered)} <= ${places}`);
      rows++;
    }
  }
  if (singletons.length > 0) {
    parts.push("Bounds");
    for (const k of singletons) parts.push(` x${k} <= 1`);
  }
  if (integer) parts.push("Binary", ` ${sumLine(Array.from(model.list.keys())).replaceAll(" + ", " ")}`);
  parts.push("End", "");
  return { text: parts.join("\n"), variables: model.list.length, rows };
}

interface HighsSolution {
  Status: string;
  ObjectiveValue: number;
}

interface Highs {
  solve(problem: string, options?: Record<string, unknown>): HighsSolution;
}

async function loadHighs(): Promise<Highs> {
  const module = (await import("highs")) as unknown as { default?: () => Promise<Highs> };
  // The package's ESM build exports the loader as default; older bundles export it as the module itself.
  const load = (module.default ?? module) as () => Promise<Highs>;
  return load();
}

/**
 * Builds and solves the LP relaxation with HiGHS (WASM, single-threaded); with `integer`, the exact maximum
 * instead.
 */
export async function solveUpperBound(model: PlacementModel, integer = false): Promise<LpBound> {
  const highs = await loadHighs();
  const buildStart = performance.now();
  const lp = buildUpperBoundLp(model, integer);
  const buildMs = performance.now() - buildStart;
  const solveStart = performance.now();
  const solution = highs.solve(lp.text, { output_flag: false, time_limit: 900 });
  const solveMs = performance.now() - solveStart;
  return {
    bound: Math.floor(solution.ObjectiveValue + 1e-6),
    objective: solution.ObjectiveValue,
    status: solution.Status,
    variables: lp.variables,
    rows: lp.rows,
    buildMs,
    solveMs,
  };
}
