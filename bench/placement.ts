/**
 * Benchmark of the allocation round (src/core/placement) on generated instances of three sizes: the demo
 * office, a large city and the whole country. Each size runs in its own Node process limited to a 2 GB heap,
 * so that the peak memory is that size's alone and the bound is enforced, not just observed. For the two
 * smaller sizes the same process also solves the LP relaxation of "place as many as possible" with HiGHS,
 * an upper bound that no assignment, stable or not, can beat. A survey over many seeds then counts how
 * often deferred acceptance left blocking pairs and how often no stable outcome was reached. Writes the
 * placement section of bench/RESULTS.md. Run with `npm run bench:placement` (about 5 minutes).
 *
 * For a quick look while working on the round (nothing is written): `--sizes=city` (or `demo,city`, …)
 * picks sizes, `--runs=N` sets the timed runs per size, `--no-lp` skips the HiGHS bound (a city's LP takes
 * a minute and a half), e.g. `npm run bench:placement -- --sizes=city --runs=15 --no-lp`.
 */

import { spawn } from "node:child_process";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { explainRound } from "../src/core/placement/explain";
import type { PlacementStats } from "../src/core/placement/instance";
import { compileInstance, type PlacementModel } from "../src/core/placement/model";
import { solveModel, solvePlacement, toResult } from "../src/core/placement/solve";
import { hasStableAssignment, randomTimeSlotInstance } from "../src/core/placement/test-support";
import { generateInstance, SIZES, type SizeName } from "./placement-generate";
import { type LpBound, solveUpperBound } from "./placement-lp";
import { renderTable, writeResultsSection } from "./results";

const benchDir = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const HEAP_LIMIT_MB = 2048;
/** As src/server/modules/placement/rounds.service.ts explains a run's results. */
const EXPLAIN_SLICE = 500;
const MAX_CUT_OFFS = 10;
/** Timed runs per size: a few for the heavy ones; enough for a median on a shared, noisy machine. */
const RUNS: Record<SizeName, number> = { demo: 20, city: 11, country: 3 };
const AIM = { cityMs: 250, countryMs: 10_000, memoryMb: 2048, gapPercent: 5 };

interface Run {
  compileMs: number;
  solveMs: number;
  totalMs: number;
  cpuMs: number;
}

interface SizeReport {
  size: SizeName;
  label: string;
  caregivers: number;
  requests: number;
  generateMs: number;
  /** The first run in the fresh process, with the JIT cold, as the command line runs the round. */
  firstRun: Run;
  /** The runs after it. */
  runs: Run[];
  rssBeforeMb: number;
  peakRssMb: number;
  heapUsedMb: number;
  stats: PlacementStats;
  lp: LpBound | null;
  exact: LpBound | null;
  /**
   * Explaining every request's result as an allocation round's run does (in slices of 500), after the last
   * timed run; null for the country, which no single office runs.
   */
  explainMs: number | null;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function log(message: string): void {
  console.error(`[bench:placement ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface BenchOptions {
  /** Timed runs per size instead of RUNS. */
  runs: number | null;
  /** Whether to compute the LP upper bound (demo and city). */
  lp: boolean;
}

/** `--runs=N` and `--no-lp`, as given to the parent and passed on to each child. */
function benchOptions(argv: readonly string[]): BenchOptions {
  const runsArg = argv.find((arg) => arg.startsWith("--runs="));
  const runs = runsArg ? Number(runsArg.slice("--runs=".length)) : null;
  if (runs !== null && !(Number.isInteger(runs) && runs > 0)) throw new Error(`bad ${runsArg}`);
  return { runs, lp: !argv.includes("--no-lp") };
}

function optionArgs(options: BenchOptions): string[] {
  return [...(options.runs === null ? [] : [`--runs=${options.runs}`]), ...(options.lp ? [] : ["--no-lp"])];
}

/** Child: generate, time the round, take the peak memory, then (small sizes) the LP bound. */
async function measure(size: SizeName, benchOptions: BenchOptions): Promise<SizeReport> {
  const { label, options } = SIZES[size];
  const generateStart = performance.now();
  const instance = generateInstance(options);
  const generateMs = performance.now() - generateStart;
  collectGarbage();
  const rssBeforeMb = mb(process.memoryUsage().rss);

  // No forced collection between runs: with --expose-gc it discards the optimized code of the round (V8
  // deoptimizes it for "weak objects"), so every run would start half cold, which neither the command line
  // (one cold run, reported apart) nor a long-running server sees.
  const timeRun = (): { run: Run; model: PlacementModel; stats: PlacementStats } => {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const model = compileInstance(instance);
    const compiled = performance.now();
    const outcome = solveModel(model);
    const result = toResult(model, outcome);
    const end = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    const run = {
      compileMs: compiled - start,
      solveMs: end - compiled,
      totalMs: end - start,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
    return { run, model, stats: result.stats };
  };
  const first = timeRun();
  let { model, stats } = first;
  const runs: Run[] = [];
  for (let i = 0; i < (benchOptions.runs ?? RUNS[size]); i++) {
    const timed = timeRun();
    runs.push(timed.run);
    model = timed.model;
    stats = timed.stats;
  }
  let explainMs: number | null = null;
  if (size !== "country") {
    const assignments = toResult(model, solveModel(model)).assignments;
    const start = performance.now();
    const ids = instance.requests.map((request) => request.id);
    for (let at = 0; at < ids.length; at += EXPLAIN_SLICE) {
      const requestIds = ids.slice(at, at + EXPLAIN_SLICE);
      explainRound(instance, assignments, { requestIds, maxCutOffs: MAX_CUT_OFFS, model });
    }
    explainMs = performance.now() - start;
  }
  // The high-water mark of the whole process so far (generation and all runs), before HiGHS adds its own.
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const heapUsedMb = mb(process.memoryUsage().heapUsed);

  let lp: LpBound | null = null;
  let exact: LpBound | null = null;
  if (size !== "country" && benchOptions.lp) {
    log(`${size}: LP relaxation with HiGHS`);
    lp = await solveUpperBound(model);
    if (size === "demo") exact = await solveUpperBound(model, true);
  }
  return {
    size,
    label,
    caregivers: instance.caregivers.length,
    requests: instance.requests.length,
    generateMs,
    firstRun: first.run,
    runs,
    rssBeforeMb,
    peakRssMb,
    heapUsedMb,
    stats,
    lp,
    exact,
    explainMs,
  };
}

/** Parent: one child process per size, with the heap limit the aim names. */
function runChild(size: SizeName, options: BenchOptions): Promise<SizeReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        `--max-old-space-size=${HEAP_LIMIT_MB}`,
        "--expose-gc",
        "--import",
        "tsx",
        join(benchDir, "placement.ts"),
        `--size=${size}`,
        ...optionArgs(options),
      ],
      { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] },
    );
    let stdout = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      const line = stdout.trim().split("\n").pop();
      if (code !== 0 || !line) {
        reject(new Error(`${size}: child failed (code ${code}, signal ${signal})`));
        return;
      }
      resolve(JSON.parse(line) as SizeReport);
    });
  });
}

interface SurveyRow {
  label: string;
  instances: number;
  afterDeferredAcceptance: number;
  remaining: number;
  /** Of the remaining, how many were shown by enumeration to have no stable assignment at all. */
  provenImpossible: number | null;
}

/** How often blocking pairs appear and stay, over many seeds. */
function survey(): SurveyRow[] {
  const rows: SurveyRow[] = [];
  const count = (
    label: string,
    seeds: number[],
    make: (seed: number) => ReturnType<typeof generateInstance>,
  ) => {
    const row: SurveyRow = {
      label,
      instances: 0,
      afterDeferredAcceptance: 0,
      remaining: 0,
      provenImpossible: null,
    };
    for (const seed of seeds) {
      const result = solvePlacement(make(seed));
      row.instances++;
      if (result.stats.blockingPairsAfterDeferredAcceptance > 0) row.afterDeferredAcceptance++;
      if (result.stats.blockingPairs > 0) row.remaining++;
    }
    rows.push(row);
  };
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  log("survey: demo-office instances");
  count("demo office (47 / 120)", range(1, 300), (seed) => generateInstance({ ...SIZES.demo.options, seed }));
  log("survey: large-city instances");
  count("large city (2,000 / 8,000)", range(1, 5), (seed) =>
    generateInstance({ ...SIZES.city.options, seed }),
  );

  log("survey: small adversarial instances");
  const small: SurveyRow = {
    label: "small adversarial (1–4 / 2–7, hours that overlap without nesting)",
    instances: 0,
    afterDeferredAcceptance: 0,
    remaining: 0,
    provenImpossible: 0,
  };
  for (const seed of range(1, 3000)) {
    const instance = randomTimeSlotInstance(seed);
    const result = solvePlacement(instance);
    small.instances++;
    if (result.stats.blockingPairsAfterDeferredAcceptance > 0) small.afterDeferredAcceptance++;
    if (result.stats.blockingPairs > 0) {
      small.remaining++;
      if (!hasStableAssignment(instance)) small.provenImpossible = (small.provenImpossible ?? 0) + 1;
    }
  }
  rows.push(small);
  return rows;
}

const int = (n: number) => Math.round(n).toLocaleString("en");
const ms = (n: number) => (n < 100 ? n.toFixed(1) : int(n));
const percent = (n: number) => `${n.toFixed(1)} %`;

function gapOf(report: SizeReport): number | null {
  if (!report.lp || report.lp.bound === 0) return null;
  return ((report.lp.bound - report.stats.placed) / report.lp.bound) * 100;
}

function verdicts(reports: SizeReport[]): string[] {
  const find = (size: SizeName) => reports.find((r) => r.size === size);
  const lines: string[] = [];
  const city = find("city");
  if (city) {
    const m = median(city.runs.map((r) => r.totalMs));
    lines.push(
      `- Large city under ${AIM.cityMs} ms: **${m < AIM.cityMs ? "met" : "not met"}** in wall time (median ${ms(m)} ms, ` +
        `fastest ${ms(Math.min(...city.runs.map((r) => r.totalMs)))} ms, CPU ${ms(median(city.runs.map((r) => r.cpuMs)))} ms; ` +
        `first run with the JIT cold ${ms(city.firstRun.totalMs)} ms).`,
    );
  }
  const country = find("country");
  if (country) {
    const m = median(country.runs.map((r) => r.totalMs));
    lines.push(
      `- Whole country under ${AIM.countryMs / 1000} s within 2 GB: **${
        m < AIM.countryMs && country.peakRssMb < AIM.memoryMb ? "met" : "not met"
      }** in wall time (median ${(m / 1000).toFixed(1)} s, CPU ${(median(country.runs.map((r) => r.cpuMs)) / 1000).toFixed(1)} s, ` +
        `first run ${(country.firstRun.totalMs / 1000).toFixed(1)} s, peak RSS ${int(country.peakRssMb)} MB with a ${HEAP_LIMIT_MB} MB heap limit).`,
    );
  }
  const blocking = reports.reduce((sum, r) => sum + r.stats.blockingPairs, 0);
  lines.push(`- No blocking pairs: **${blocking === 0 ? "met" : "not met"}** (${blocking} in total).`);
  const gaps = reports.flatMap((r) => {
    const gap = gapOf(r);
    return gap === null ? [] : [`${r.label} ${percent(gap)}`];
  });
  const within = reports.every((r) => (gapOf(r) ?? 0) <= AIM.gapPercent);
  lines.push(
    `- Placed within ${AIM.gapPercent} % of the LP upper bound: **${within ? "met" : "not met"}** (${gaps.join(", ")}).`,
  );
  return lines;
}

function render(
  reports: SizeReport[],
  rows: SurveyRow[],
  startedAt: Date,
  seconds: number,
  load: number,
): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const lines = [
    "## Allocation round (`npm run bench:placement`)",
    "",
    `- Date: ${startedAt.toISOString().replace("T", " ").slice(0, 16)} UTC (run took ${Math.round(seconds)} s)`,
    `- Machine: ${cpu}, ${os.cpus().length} cores, ${mb(os.totalmem())} MB RAM; Node ${process.version}`,
    `- 1-minute load average before the run: ${load.toFixed(2)} (other work on the machine inflates wall times; ` +
      "CPU time is steadier)",
    `- Each size in its own process with \`--max-old-space-size=${HEAP_LIMIT_MB}\`; instances from ` +
      "bench/placement-generate.ts (seeded): caregivers and families clustered in towns, a country of 400 " +
      "districts, free places mostly Mon–Fri 7:00–16:00 with variations, care such as Mon–Fri 8–13 or three " +
      "full days, 30 % of families with preferences, 8 % of caregivers with a priority order",
    "- Solve step: `solvePlacement` without generation: acceptability and rankings (grid index), deferred " +
      "acceptance, blocking-pair detection, repair and the result object. The first run in the fresh process " +
      "(JIT still cold, as `npx ktp-netz placement solve` runs it) is shown apart; then the median of the " +
      "runs after it (as a long-running server would run rounds), and its part for acceptability and " +
      "rankings (compile). No forced garbage collection between runs: with `--expose-gc` it makes V8 " +
      "discard the round's optimized code, so every run would start half cold (earlier versions of this " +
      "section were measured that way)",
    "- Explain all: after the timed runs, `explainRound` for every request in slices of 500 with the compiled " +
      "model and at most 10 cut-offs each, as an allocation " +
      "round's run stores the cut-offs (the office's and the family's \"why\"); not for the country, which no " +
      "single office runs. Included in the peak memory",
    "- Peak memory: the child process's maximum RSS after generation and all runs (includes the generated " +
      "instance and Node itself), before HiGHS runs",
    "- Upper bound: LP relaxation of the maximum number of requests any feasible assignment places (count and " +
      "per-minute places, each request once), solved with HiGHS in the same process; gap = (bound − placed) / " +
      "bound. For the demo office also the exact maximum (the same model with binary variables).",
    "",
    "### Aim",
    "",
    ...verdicts(reports),
    "",
    "### Figures",
    "",
    ...renderTable(
      [
        "Size",
        "caregivers / requests",
        "acceptable pairs",
        "first run ms",
        "runs",
        "solve ms (median)",
        "of which compile",
        "CPU ms",
        "peak RSS MB",
        "placed",
        "upper bound",
        "gap",
        "blocking after DA → final",
        "repair rounds",
        "explain all ms",
      ],
      [
        "left",
        "right",
        "right",
        "right",
        "right",
        "right",
        "right",
        "right",
        "right",
        "right",
        "right",
        "right",
        "right",
        "right",
        "right",
      ],
      reports.map((r) => {
        const gap = gapOf(r);
        return [
          r.label,
          `${int(r.caregivers)} / ${int(r.requests)}`,
          int(r.stats.acceptablePairs),
          ms(r.firstRun.totalMs),
          String(r.runs.length),
          ms(median(r.runs.map((x) => x.totalMs))),
          ms(median(r.runs.map((x) => x.compileMs))),
          ms(median(r.runs.map((x) => x.cpuMs))),
          int(r.peakRssMb),
          int(r.stats.placed),
          r.lp ? `${int(r.lp.bound)}${r.exact ? ` (exact ${int(r.exact.bound)})` : ""}` : "–",
          gap === null ? "–" : percent(gap),
          `${r.stats.blockingPairsAfterDeferredAcceptance} → ${r.stats.blockingPairs}`,
          String(r.stats.repairRounds),
          r.explainMs === null ? "–" : ms(r.explainMs),
        ];
      }),
    ),
    "",
    ...reports.map(
      (r) =>
        `- ${r.label}: generation ${ms(r.generateMs)} ms (not timed); RSS ${int(r.rssBeforeMb)} MB after ` +
        `generation, JS heap ${int(r.heapUsedMb)} MB with model and result alive; ${int(r.stats.proposals)} ` +
        `proposals, ${int(r.stats.repairMoves)} repair moves; runs (total ms) ` +
        `${r.runs.map((x) => ms(x.totalMs)).join(", ")}` +
        (r.lp
          ? `; LP ${int(r.lp.variables)} variables, ${int(r.lp.rows)} rows, optimum ${r.lp.objective.toFixed(2)} ` +
            `(${r.lp.status}), built in ${ms(r.lp.buildMs)} ms and solved in ${ms(r.lp.solveMs)} ms`
          : "") +
        (r.exact
          ? `; exact maximum ${int(r.exact.bound)} (${r.exact.status}, ${ms(r.exact.solveMs)} ms)`
          : "") +
        ".",
    ),
    "",
    "A stable outcome is maximal: an unplaced request with room at any caregiver it ranks would be a blocking " +
      "pair. The gap to the bound is what honouring the caregivers' rankings costs when hours differ (a " +
      "higher-ranked child who needs the whole day keeps a place that two lower-ranked half-day children " +
      "could have shared), plus, for the LP, fractional slack (the demo's exact maximum shows how much).",
    "",
    "### How often a stable outcome was out of reach",
    "",
    "Time-slot capacities make a caregiver's choice non-substitutable, so deferred acceptance alone can leave " +
      "blocking pairs, and some instances have no stable assignment at all. The repair then moves envious " +
      "requests up (bounded to 100 rounds) and the round lists what remains. Over many seeds:",
    "",
    ...renderTable(
      [
        "Instances",
        "count",
        "blocking pairs after DA",
        "blocking pairs remaining",
        "of these, none stable exists",
      ],
      ["left", "right", "right", "right", "right"],
      rows.map((row) => [
        row.label,
        int(row.instances),
        int(row.afterDeferredAcceptance),
        int(row.remaining),
        row.provenImpossible === null ? "not checked" : int(row.provenImpossible),
      ]),
    ),
    "",
    "For the small instances the last column comes from enumerating every assignment: where blocking pairs " +
      "remained, no assignment without them existed. The large generated instances are too big to enumerate; " +
      "there the count of remaining blocking pairs is the honest figure. Instances without any stable " +
      "assignment do exist (src/core/placement/solve.test.ts has one, found by enumeration); for those the " +
      "round keeps the state with the fewest blocking pairs and lists them.",
    "",
    "### Reproduce",
    "",
    "```sh",
    "npm run bench:placement   # about 5 minutes; rewrites this section of bench/RESULTS.md",
    "```",
  ];
  return lines.join("\n");
}

async function main(): Promise<void> {
  const sizeArg = process.argv.find((arg) => arg.startsWith("--size="));
  if (sizeArg) {
    const size = sizeArg.slice("--size=".length) as SizeName;
    if (!(size in SIZES)) throw new Error(`unknown size ${size}`);
    const report = await measure(size, benchOptions(process.argv));
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return;
  }
  const startedAt = new Date();
  const load = os.loadavg()[0] ?? 0;
  const reports: SizeReport[] = [];
  // `--sizes=demo,city`, `--runs=N` and `--no-lp` for a quick look; only a full run writes RESULTS.md.
  const sizesArg = process.argv.find((arg) => arg.startsWith("--sizes="));
  const sizes = sizesArg
    ? (sizesArg.slice("--sizes=".length).split(",") as SizeName[])
    : (Object.keys(SIZES) as SizeName[]);
  for (const size of sizes) if (!(size in SIZES)) throw new Error(`unknown size ${size}`);
  const options = benchOptions(process.argv);
  const partial = sizesArg !== undefined || options.runs !== null || !options.lp;
  for (const size of sizes) {
    log(`${size}: generating and solving (${options.runs ?? RUNS[size]} runs)`);
    const report = await runChild(size, options);
    const total = report.runs.map((r) => r.totalMs);
    log(
      `${size}: first run ${ms(report.firstRun.totalMs)} ms; median ${ms(median(total))} ms ` +
        `(fastest ${ms(Math.min(...total))}, compile ` +
        `${ms(median(report.runs.map((r) => r.compileMs)))}), CPU ${ms(median(report.runs.map((r) => r.cpuMs)))} ms ` +
        `(least ${ms(Math.min(...report.runs.map((r) => r.cpuMs)))}), peak RSS ${report.peakRssMb} MB, ` +
        `placed ${report.stats.placed}${report.lp ? ` of at most ${report.lp.bound}` : ""}, ` +
        `blocking pairs ${report.stats.blockingPairs}`,
    );
    reports.push(report);
  }
  if (partial) {
    console.log(JSON.stringify(reports, null, 2));
    return;
  }
  const rows = survey();
  const seconds = (Date.now() - startedAt.getTime()) / 1000;
  writeResultsSection(
    join(benchDir, "RESULTS.md"),
    "placement",
    render(reports, rows, startedAt, seconds, load),
  );
  log(`wrote the placement section of bench/RESULTS.md in ${Math.round(seconds)} s`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
