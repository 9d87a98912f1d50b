import { rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import type { TestProject } from "vitest/node";
import { type Database, openDatabase } from "../../src/server/platform/db/client";
import { migrateDatabase } from "../../src/server/platform/db/migrate";
import { createDatabase, startPostgresCluster } from "./postgres-cluster";

/**
 * One throwaway PostgreSQL cluster for the whole run, with a migrated template database that each test
 * file copies (CREATE DATABASE … TEMPLATE is far faster than migrating again). PGlite gets the same: a
 * migrated data directory dumped once, which each suite loads instead of running initdb (about 3 s) and the
 * migrations again.
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  const template = "ktp_template";
  const url = await createDatabase(cluster.url, template);
  const handle = await openDatabase({ kind: "postgres", url, poolSize: 1 });
  await migrateDatabase(handle, url);
  await handle.close();
  const pglite = await PGlite.create();
  await migrateDatabase({
    db: drizzle(pglite) as unknown as Database,
    kind: "pglite",
    close: async () => {},
  });
  const pgliteTemplate = join(tmpdir(), `ktp-pglite-template-${process.pid}.tar`);
  writeFileSync(pgliteTemplate, new Uint8Array(await (await pglite.dumpDataDir("none")).arrayBuffer()));
  await pglite.close();
  project.provide("pgliteTemplate", pgliteTemplate);
  project.provide("postgresUrl", cluster.url);
  project.provide("postgresTemplate", template);
  return async () => {
    rmSync(pgliteTemplate, { force: true });
    await cluster.stop();
  };
}
