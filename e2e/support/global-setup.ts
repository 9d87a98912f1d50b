import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { TestProject } from "vitest/node";
import { seedDemoIfEmpty } from "../../scripts/seed/demo";
import { buildApp } from "../../src/server/app";
import type { Database } from "../../src/server/platform/db/client";
import { migrateDatabase } from "../../src/server/platform/db/migrate";
import { loadEnv } from "../../src/server/platform/env";

declare module "vitest" {
  export interface ProvidedContext {
    journeyTemplate: string;
  }
}

/**
 * Migrates and seeds one embedded database with the demo data and dumps its data directory; every journey
 * file starts from a copy instead of running initdb, the migrations and the seed again (several seconds
 * each, and there are many journey files).
 */
export default async function setup(project: TestProject) {
  const pglite = await PGlite.create();
  const database = {
    db: drizzle(pglite) as unknown as Database,
    kind: "pglite" as const,
    close: async () => {},
  };
  await migrateDatabase(database);
  const env = loadEnv({ NODE_ENV: "test", LOG_LEVEL: "warn", PUBLIC_URL: "http://127.0.0.1:1" });
  const app = await buildApp({ env, database, logger: false });
  await app.ready();
  await seedDemoIfEmpty(app.platform);
  await app.close();
  const template = join(tmpdir(), `ktp-journey-template-${process.pid}.tar`);
  writeFileSync(template, new Uint8Array(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  await pglite.close();
  project.provide("journeyTemplate", template);
  return () => rmSync(template, { force: true });
}
