/**
 * HTTP benchmark of the read paths people hit most (see bench/README.md): the public organisation page API
 * and the signed-in day-care person list, on PGlite and on PostgreSQL, against a bare Fastify route as the
 * ceiling of this machine. Writes bench/RESULTS.md. Run with `npm run bench`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import Fastify from "fastify";
import { type App, buildApp } from "../src/server/app";
import { type DatabaseHandle, openDatabase } from "../src/server/platform/db/client";
import { migrateDatabase } from "../src/server/platform/db/migrate";
import { loadEnv } from "../src/server/platform/env";
import { createDatabase, startPostgresCluster } from "../test/support/postgres-cluster";
import type { LoadJob, LoadResult } from "./load";
import { renderTable, writeResultsSection } from "./results";
import { SEED, type SeedResult, seedOffice } from "./seed";
import { describeStatement, startTrace } from "./trace";

const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const MEASURE_SECONDS = 10;
const PROFILE_REQUESTS = 200;
const LIST_LIMIT = 50;
/** The aim: the list keeps up with a good share of what the machine can serve at all, and stays snappy. */
const AIM = { kind: "postgres" as const, minShareOfBare: 30, maxP99Ms: 50 };

const benchDir = fileURLToPath(new URL(".", import.meta.url));
const repoRoot = fileURLToPath(new URL("..", import.meta.url));

type DatabaseKind = "pglite" | "postgres";
type TargetId = "bare" | "public" | "list";

interface Target {
  id: TargetId;
  label: string;
  path: string;
  headers: Record<string, string>;
}

interface Measurement {
  target: Target;
  result: LoadResult;
  /**
   * CPU time of this process (server side) per request during the measured run: unlike requests/s it
   * barely depends on what else runs on the machine, and 1000 / it is what one core could serve.
   */
  cpuMsPerRequest: number;
  /** The machine's 1-minute load average right after the run: shows when something else competed. */
  loadAfter: number;
}

interface ProfileRow {
  target: Target;
  queriesPerRequest: number;
  meanRequestMs: number;
  statements: { label: string; perRequest: number; meanMs: number }[];
}

interface DatabaseReport {
  kind: DatabaseKind;
  label: string;
  serverVersion: string;
  seed: SeedResult;
  rssAfterSeedMb: number;
  rssAfterRunsMb: number;
  heapAfterRunsMb: number;
  measurements: Measurement[];
  profile: ProfileRow[];
  /** Wrong answers found before the load; any makes the run invalid. */
  problems: string[];
}

/** Things to undo, last in first out; run on success, on failure and on Ctrl-C alike. */
class Resources {
  private readonly undo: { name: string; fn: () => Promise<void> | void }[] = [];

  defer(name: string, fn: () => Promise<void> | void): void {
    this.undo.push({ name, fn });
  }

  async release(): Promise<void> {
    for (let item = this.undo.pop(); item; item = this.undo.pop()) {
      try {
        await item.fn();
      } catch (error) {
        // Keep going: a failed close must not leave the cluster or temp dirs behind.
        console.error(`cleanup "${item.name}" failed:`, error);
      }
    }
  }
}

const runResources = new Resources();
const children = new Set<ChildProcess>();

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 1024);
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** Runs one warm-up plus measured autocannon pass in a child process (see load.ts for why). */
function runLoad(job: LoadJob): Promise<{ result: LoadResult; cpuMicros: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(benchDir, "load.ts"), JSON.stringify(job)],
      {
        cwd: repoRoot,
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    children.add(child);
    let stdout = "";
    let cpuAtStart: NodeJS.CpuUsage | null = null;
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      stdout += chunk;
      if (!cpuAtStart && stdout.includes("measuring\n")) cpuAtStart = process.cpuUsage();
    });
    // A hung load generator must not hold the run (and the cluster) forever.
    const timer = setTimeout(() => child.kill("SIGKILL"), (job.warmupSeconds + job.seconds + 30) * 1000);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      children.delete(child);
      const cpu = process.cpuUsage(cpuAtStart ?? undefined);
      const line = stdout.trim().split("\n").pop();
      if (code !== 0 || !line || !cpuAtStart) {
        reject(new Error(`load generator failed (code ${code}, signal ${signal})`));
        return;
      }
      resolve({ result: JSON.parse(line) as LoadResult, cpuMicros: cpu.user + cpu.system });
    });
  });
}

/** The ceiling: what Fastify on this machine serves when a route does no work at all. */
async function startBareServer(): Promise<string> {
  const bare = Fastify({ logger: false });
  const body = { status: "ok", service: "ktp-netz", version: 1 };
  bare.get("/bare", async () => body);
  runResources.defer("bare server", () => bare.close());
  return bare.listen({ host: "127.0.0.1", port: 0 });
}

async function openBenchDatabase(kind: DatabaseKind, resources: Resources): Promise<DatabaseHandle> {
  if (kind === "pglite") {
    const dir = mkdtempSync(join(os.tmpdir(), "ktp-bench-"));
    resources.defer("pglite dir", () => rmSync(dir, { recursive: true, force: true }));
    const database = await openDatabase({ kind: "pglite", dataDir: join(dir, "pglite") });
    resources.defer("pglite", () => database.close());
    await migrateDatabase(database);
    return database;
  }
  const cluster = await startPostgresCluster();
  resources.defer("postgres cluster", () => cluster.stop());
  const url = await createDatabase(cluster.url, "ktp_bench");
  // The pool size main.ts uses (the default), so the numbers are what a deployment gets.
  const database = await openDatabase({ kind: "postgres", url });
  resources.defer("postgres pool", () => database.close());
  await migrateDatabase(database, url);
  return database;
}

async function serverVersion(database: DatabaseHandle): Promise<string> {
  const result = (await database.db.execute(sql`show server_version`)) as unknown as {
    rows: { server_version?: string }[];
  };
  return result.rows[0]?.server_version ?? "?";
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: SEED.email, password: SEED.password }),
  });
  const body = (await response.json()) as { status?: string };
  if (response.status !== 200 || body.status !== "signedIn") {
    throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(body)}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0] ?? "")
    .find((c) => c.startsWith("ktp_session="));
  if (!cookie) throw new Error("sign-in set no ktp_session cookie");
  return cookie;
}

/**
 * One request per target before the load: a benchmark of 404s or empty pages would measure nothing, so
 * those stop the run. Wrong content is returned as problems instead: the run goes on, so that the numbers
 * are there to compare once the route is fixed, but it is marked invalid and fails at the end.
 */
async function checkTargets(baseUrl: string, bareUrl: string, targets: Target[]): Promise<string[]> {
  const problems: string[] = [];
  for (const target of targets) {
    const url = target.id === "bare" ? `${bareUrl}${target.path}` : `${baseUrl}${target.path}`;
    const response = await fetch(url, { headers: target.headers });
    const text = await response.text();
    if (response.status !== 200) {
      const hint =
        target.id === "list" && response.status === 404
          ? " (is the caregivers route registered in src/server/modules/index.ts?)"
          : "";
      throw new Error(`${target.label}: HTTP ${response.status}${hint}: ${text.slice(0, 300)}`);
    }
    if (target.id === "list") {
      const body = JSON.parse(text) as { items?: { licenceValidTo: string | null }[]; total?: number };
      if (body.items?.length !== LIST_LIMIT || body.total !== SEED.caregivers) {
        throw new Error(
          `${target.label}: expected ${LIST_LIMIT} items of ${SEED.caregivers}, got ` +
            `${body.items?.length} of ${body.total}`,
        );
      }
      // Every seeded person has a licence; a page without them is a broken query, and a broken query can
      // be fast or slow for the wrong reasons.
      const withoutLicence = body.items.filter((item) => item.licenceValidTo === null).length;
      if (withoutLicence > 0) {
        problems.push(
          `${target.label}: ${withoutLicence} of ${LIST_LIMIT} rows came without their licence, although ` +
            "every seeded person has one",
        );
      }
    }
  }
  return problems;
}

/** Sequential requests with the drivers traced: how many statements a request costs and how long each takes. */
async function profileTarget(baseUrl: string, target: Target): Promise<ProfileRow> {
  const trace = startTrace();
  const started = performance.now();
  try {
    for (let i = 0; i < PROFILE_REQUESTS; i++) {
      const response = await fetch(`${baseUrl}${target.path}`, { headers: target.headers });
      await response.arrayBuffer();
      if (response.status !== 200)
        throw new Error(`${target.label}: HTTP ${response.status} while profiling`);
    }
  } finally {
    trace.stop();
  }
  const elapsed = performance.now() - started;
  const statements = [...trace.statements.values()]
    .sort((a, b) => b.totalMs - a.totalMs)
    .map((s) => ({
      label: describeStatement(s.sql),
      perRequest: s.count / PROFILE_REQUESTS,
      meanMs: s.totalMs / s.count,
    }));
  return {
    target,
    queriesPerRequest: trace.queries / PROFILE_REQUESTS,
    meanRequestMs: elapsed / PROFILE_REQUESTS,
    statements,
  };
}

async function benchDatabase(kind: DatabaseKind, bareUrl: string): Promise<DatabaseReport> {
  const resources = new Resources();
  runResources.defer(`${kind} resources`, () => resources.release());
  const label = kind === "pglite" ? "PGlite (embedded, temp data dir)" : "PostgreSQL (throwaway cluster)";
  try {
    log(`${kind}: opening and migrating`);
    const database = await openBenchDatabase(kind, resources);
    const env = loadEnv({
      // Production mode as deployed, but with fixed keys so that the run needs no secrets.
      NODE_ENV: "production",
      LOG_LEVEL: "silent",
      HOST: "127.0.0.1",
      PUBLIC_URL: "http://127.0.0.1",
      SECRET_KEY: "bench-secret-key-fixed-not-for-production-0001",
      ENCRYPTION_KEY: "5e".repeat(32),
      SEED_DEMO: "never",
    });
    const app: App = await buildApp({ env, database, logger: false });
    resources.defer(`${kind} app`, () => app.close());
    const baseUrl = await app.listen({ host: "127.0.0.1", port: 0 });

    log(`${kind}: seeding ${SEED.caregivers} caregivers`);
    const seed = await seedOffice(database.db, new Date());
    const rssAfterSeedMb = mb(process.memoryUsage().rss);
    log(`${kind}: seeded ${seed.rows} rows in ${seed.seconds.toFixed(1)} s; RSS ${rssAfterSeedMb} MB`);

    const cookie = await signIn(baseUrl);
    const targets: Target[] = [
      { id: "bare", label: "bare Fastify route (ceiling)", path: "/bare", headers: {} },
      {
        id: "public",
        label: "GET /api/public/orgs/:slug",
        path: `/api/public/orgs/${seed.slug}`,
        headers: {},
      },
      {
        id: "list",
        label: `GET /api/orgs/:slug/caregivers?limit=${LIST_LIMIT}`,
        path: `/api/orgs/${seed.slug}/caregivers?limit=${LIST_LIMIT}`,
        headers: { cookie },
      },
    ];
    const problems = await checkTargets(baseUrl, bareUrl, targets);
    for (const problem of problems) log(`${kind}: INVALID: ${problem}`);

    const measurements: Measurement[] = [];
    for (const target of targets) {
      log(
        `${kind}: ${target.label}: ${WARMUP_SECONDS} s warm-up + ${MEASURE_SECONDS} s, ${CONNECTIONS} conn.`,
      );
      const { result, cpuMicros } = await runLoad({
        url: target.id === "bare" ? `${bareUrl}${target.path}` : `${baseUrl}${target.path}`,
        headers: target.headers,
        connections: CONNECTIONS,
        warmupSeconds: WARMUP_SECONDS,
        seconds: MEASURE_SECONDS,
      });
      const cpuMsPerRequest = cpuMicros / 1000 / Math.max(result.requestsTotal, 1);
      log(
        `${kind}: ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.latencyP50} ms, ` +
          `p99 ${result.latencyP99} ms, server CPU ${cpuMsPerRequest.toFixed(2)} ms/request, ` +
          `errors ${result.errors}, non-2xx ${result.non2xx}`,
      );
      if (result.errors > 0 || result.timeouts > 0 || result.non2xx > 0) {
        throw new Error(
          `${kind} ${target.label}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} ` +
            `non-2xx (status codes ${JSON.stringify(result.statusCodes)}) — a benchmark must run clean`,
        );
      }
      measurements.push({ target, result, cpuMsPerRequest, loadAfter: os.loadavg()[0] ?? 0 });
      // Autocannon drops its sockets at the end, but up to one request per connection is still being
      // worked on; let those finish so they do not slow down the next route or show up in the profile.
      await sleep(Math.min(10_000, 200 + (2_000 * CONNECTIONS) / Math.max(result.requestsPerSecond, 1)));
    }
    const memory = process.memoryUsage();

    log(`${kind}: profiling ${PROFILE_REQUESTS} sequential requests per route`);
    const profile: ProfileRow[] = [];
    for (const target of targets) {
      if (target.id !== "bare") profile.push(await profileTarget(baseUrl, target));
    }

    return {
      kind,
      label,
      serverVersion: await serverVersion(database),
      seed,
      rssAfterSeedMb,
      rssAfterRunsMb: mb(memory.rss),
      heapAfterRunsMb: mb(memory.heapUsed),
      measurements,
      profile,
      problems,
    };
  } finally {
    // Close this database before the next one starts: two at once would share the two cores.
    await resources.release();
  }
}

function find(report: DatabaseReport, id: TargetId): LoadResult {
  const found = report.measurements.find((m) => m.target.id === id);
  if (!found) throw new Error(`no measurement for ${id}`);
  return found.result;
}

function shareOfBare(report: DatabaseReport, id: TargetId): number {
  return (find(report, id).requestsPerSecond / find(report, "bare").requestsPerSecond) * 100;
}

function aimVerdict(reports: DatabaseReport[]): { met: boolean; text: string } {
  const report = reports.find((r) => r.kind === AIM.kind);
  if (!report) return { met: false, text: "not measured" };
  if (report.problems.length > 0)
    return { met: false, text: "**Not judged**: the list answered wrongly (below)." };
  const share = shareOfBare(report, "list");
  const p99 = find(report, "list").latencyP99;
  const met = share >= AIM.minShareOfBare && p99 < AIM.maxP99Ms;
  const parts = [
    `${share.toFixed(1)} % of bare (${share >= AIM.minShareOfBare ? "≥" : "<"} ${AIM.minShareOfBare} %)`,
    `p99 ${p99} ms (${p99 < AIM.maxP99Ms ? "<" : "≥"} ${AIM.maxP99Ms} ms)`,
  ];
  return { met, text: `${met ? "**Met**" : "**Not met**"}: ${parts.join(", ")}.` };
}

function renderResults(
  reports: DatabaseReport[],
  startedAt: Date,
  totalSeconds: number,
  loadAtStart: number,
): string {
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  const verdict = aimVerdict(reports);
  const lines: string[] = [
    "Generated by `npm run bench` (bench/run.ts); do not edit by hand — rerun instead.",
    "",
    `- Date: ${startedAt.toISOString().replace("T", " ").slice(0, 16)} UTC (run took ${Math.round(totalSeconds)} s)`,
    `- Machine: ${cpu}, ${os.cpus().length} cores, ${mb(os.totalmem())} MB RAM, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; load generator autocannon in a separate process on the same machine`,
    `- 1-minute load average before the run: ${loadAtStart.toFixed(2)} (other work on the machine skews results)`,
    `- Load: ${CONNECTIONS} connections, no pipelining, ${WARMUP_SECONDS} s warm-up (discarded) then ` +
      `${MEASURE_SECONDS} s per route, all on 127.0.0.1; "load after" is the 1-minute load average after each ` +
      "run (the bench itself accounts for about 2–3 of it on PostgreSQL)",
    "- CPU ms/req: CPU time of the server process per request while measuring (on PGlite this includes the " +
      "database, on PostgreSQL not); less sensitive to other load than req/s",
    `- Data: one coordination office with ${SEED.caregivers.toLocaleString("en")} day-care persons ` +
      "(each with a licence, 2 qualifications, a capacity profile), signed in as its coordinator",
    "",
    "## Aim",
    "",
    `List ≥ ${AIM.minShareOfBare} % of bare-route throughput on PostgreSQL with p99 < ${AIM.maxP99Ms} ms at ` +
      `${CONNECTIONS} connections.`,
    "",
    verdict.text,
    "",
  ];
  const problems = reports.flatMap((r) => r.problems.map((p) => `- ${r.kind}: ${p}`));
  if (problems.length > 0) {
    lines.push(
      "## ⚠ Invalid run",
      "",
      "The routes answered with wrong content, so the numbers below measure a broken query:",
      "",
      ...problems,
      "",
    );
  }
  for (const report of reports) {
    const measured = report.measurements.map(({ target, result, cpuMsPerRequest, loadAfter }) => [
      target.label,
      Math.round(result.requestsPerSecond).toLocaleString("en"),
      String(result.latencyP50),
      String(result.latencyP99),
      String(result.latencyMax),
      `${result.errors} / ${result.non2xx}`,
      `${shareOfBare(report, target.id).toFixed(1)} %`,
      cpuMsPerRequest.toFixed(2),
      loadAfter.toFixed(1),
    ]);
    const statements = report.profile.flatMap((row) => [
      [
        row.target.label,
        "all (whole request)",
        formatCount(row.queriesPerRequest),
        row.meanRequestMs.toFixed(2),
      ],
      ...row.statements.map((s) => [
        row.target.label,
        s.label,
        formatCount(s.perRequest),
        s.meanMs.toFixed(2),
      ]),
    ]);
    lines.push(
      `## ${report.label} — server ${report.serverVersion}`,
      "",
      ...renderTable(
        [
          "Route",
          "req/s (avg)",
          "p50 ms",
          "p99 ms",
          "max ms",
          "errors / non-2xx",
          "% of bare",
          "CPU ms/req",
          "load after",
        ],
        ["left", "right", "right", "right", "right", "right", "right", "right", "right"],
        measured,
      ),
      "",
      `Memory (bench process RSS, includes the bare server${report.kind === "pglite" ? " and PGlite's WASM heap" : ""}): ` +
        `${report.rssAfterSeedMb} MB after seeding, ${report.rssAfterRunsMb} MB after the runs ` +
        `(JS heap ${report.heapAfterRunsMb} MB). Seeding: ${report.seed.rows.toLocaleString("en")} rows in ` +
        `${report.seed.seconds.toFixed(1)} s.`,
      "",
      `Statements per request (${PROFILE_REQUESTS} sequential requests per route after the load runs). Mean ms: ` +
        'from sending a statement to its result; on the "all" row, the whole request.',
      "",
      ...renderTable(
        ["Route", "Statement", "per request", "mean ms"],
        ["left", "left", "right", "right"],
        statements,
      ),
      "",
    );
  }
  lines.push(
    "## Reproduce",
    "",
    "```sh",
    "node scripts/system-deps.mjs --only=postgres   # PostgreSQL server binaries for the throwaway cluster",
    "npm run bench                                  # about 2 minutes; rewrites this section of bench/RESULTS.md",
    "```",
    "",
    "Close other CPU-heavy programs first: server, database and load generator share the same cores, so the",
    "numbers compare routes with each other and with the bare route, not with other machines. The bare route",
    "is bounded by autocannon itself (the server needs only about 0.02 ms CPU per request there), so it is the",
    "ceiling of this set-up, not of Fastify.",
    "",
  );
  return lines.join("\n");
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0] ?? 0;
  // Server, database and load generator share this machine's cores: anything else running skews the numbers.
  if (loadAtStart > os.cpus().length * 0.5) {
    log(
      `warning: 1-minute load average is ${loadAtStart.toFixed(2)} on ${os.cpus().length} cores before start`,
    );
  }
  const bareUrl = await startBareServer();
  const reports: DatabaseReport[] = [];
  for (const kind of ["pglite", "postgres"] as const) reports.push(await benchDatabase(kind, bareUrl));
  const totalSeconds = (Date.now() - startedAt.getTime()) / 1000;
  const results = renderResults(reports, startedAt, totalSeconds, loadAtStart);
  // Only this benchmark's section: the placement benchmark keeps its own.
  writeResultsSection(join(benchDir, "RESULTS.md"), "web", results);
  log(`wrote the web section of bench/RESULTS.md in ${Math.round(totalSeconds)} s total`);
  log(`aim: ${aimVerdict(reports).text.replaceAll("**", "")}`);
  if (reports.some((r) => r.problems.length > 0)) throw new Error("invalid run: see the problems above");
}

async function shutdown(code: number): Promise<never> {
  for (const child of children) child.kill("SIGKILL");
  await runResources.release();
  process.exit(code);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void shutdown(130);
  });
}

main().then(
  () => shutdown(0),
  (error: unknown) => {
    console.error(error);
    return shutdown(1);
  },
);
