#!/usr/bin/env node
// Checks (and as root installs) the Debian packages that the PostgreSQL and browser tests need.
// Usage: node scripts/system-deps.mjs [--only=postgres|--only=chromium]
import { spawnSync } from "node:child_process";
import { accessSync, constants, readdirSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { pathToFileURL } from "node:url";

const POSTGRES_ROOT = "/usr/lib/postgresql";
const DEFAULT_CHROMIUM = "/usr/bin/chromium";
const COMPONENTS = ["postgres", "chromium"];
const PACKAGES = { postgres: ["postgresql"], chromium: ["chromium", "fonts-dejavu-core"] };

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Returns the bin dir of the newest installed PostgreSQL that has initdb and pg_ctl, or null. */
export function findPostgresBinDir() {
  let versions;
  try {
    versions = readdirSync(POSTGRES_ROOT);
  } catch {
    return null;
  }
  // Debian may keep several majors side by side (during upgrades); the newest one is what tests should use.
  const sorted = versions.filter((v) => /^\d+(\.\d+)?$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const version of sorted) {
    const dir = join(POSTGRES_ROOT, version, "bin");
    if (isExecutable(join(dir, "initdb")) && isExecutable(join(dir, "pg_ctl"))) return dir;
  }
  return null;
}

/** Returns the Chromium executable (CHROMIUM_PATH or /usr/bin/chromium) if it exists, or null. */
export function findChromium() {
  const path = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return isExecutable(path) ? path : null;
}

function isPresent(component) {
  return component === "postgres" ? findPostgresBinDir() !== null : findChromium() !== null;
}

function parseOnly(argv) {
  const arg = argv.find((a) => a.startsWith("--only="));
  if (!arg) return COMPONENTS;
  const value = arg.slice("--only=".length);
  if (!COMPONENTS.includes(value)) {
    console.error(`Unknown --only value "${value}"; expected one of: ${COMPONENTS.join(", ")}`);
    process.exit(2);
  }
  return [value];
}

function run(command, args) {
  console.log(`$ ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    console.error(`${command} failed with exit code ${result.status ?? result.signal}`);
    process.exit(1);
  }
}

function main() {
  const wanted = parseOnly(process.argv.slice(2));
  const missing = wanted.filter((c) => !isPresent(c));
  if (missing.length === 0) {
    for (const c of wanted) {
      console.log(`ok: ${c} (${c === "postgres" ? findPostgresBinDir() : findChromium()})`);
    }
    return;
  }

  console.log(`missing: ${missing.join(", ")}`);
  // getuid does not exist on Windows; there we can only tell the user what is missing.
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    console.error(
      "KTP-Netz tests need PostgreSQL server binaries and Chromium. " +
        "Install them with: sudo apt-get install postgresql chromium",
    );
    process.exit(1);
  }

  const packages = missing.flatMap((c) => PACKAGES[c]);
  run("apt-get", ["update"]);
  run("apt-get", ["install", "-y", "--no-install-recommends", ...packages]);

  const stillMissing = wanted.filter((c) => !isPresent(c));
  if (stillMissing.length > 0) {
    const hint =
      stillMissing.includes("chromium") && process.env.CHROMIUM_PATH ? " (CHROMIUM_PATH is set)" : "";
    console.error(`still missing after apt-get install: ${stillMissing.join(", ")}${hint}`);
    process.exit(1);
  }
  console.log("system dependencies installed");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main();
}
