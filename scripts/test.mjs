#!/usr/bin/env node
// The one test command (`npm test`): system prerequisites, lint and format, types, unit and API tests on
// PGlite and PostgreSQL, a production build, and the browser journeys in Chromium. Stops at the first
// failing step and ends with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bin = (name) => join("node_modules", ".bin", name);
const reportDir = mkdtempSync(join(tmpdir(), "ktp-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed after ${seconds} s`);
    finish(1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

function countVitest(file) {
  if (!existsSync(file)) return;
  const report = JSON.parse(readFileSync(file, "utf8"));
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function finish(code) {
  countVitest(join(reportDir, "unit.json"));
  countVitest(join(reportDir, "e2e.json"));
  rmSync(reportDir, { recursive: true, force: true });
  console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
}

step("System prerequisites (PostgreSQL, Chromium)", process.execPath, ["scripts/system-deps.mjs"]);
step("Biome (lint and format)", bin("biome"), ["check", "."]);
step("TypeScript (strict)", bin("tsc"), ["--noEmit"]);
step("Unit and API tests (PGlite and PostgreSQL)", bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${join(reportDir, "unit.json")}`,
]);
step("Production build", bin("vite"), ["build", "--logLevel", "warn"]);
const hasJourneys = existsSync("e2e") && readdirSync("e2e").some((f) => f.endsWith(".e2e.ts"));
if (hasJourneys) {
  step("Journeys in Chromium", bin("vitest"), [
    "run",
    "-c",
    "vitest.e2e.config.ts",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${join(reportDir, "e2e.json")}`,
  ]);
}
finish(0);
