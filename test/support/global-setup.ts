import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/server/platform/db/client";
import { migrateDatabase } from "../../src/server/platform/db/migrate";
import { createDatabase, startPostgresCluster } from "./postgres-cluster";

/**
 * One throwaway PostgreSQL cluster for the whole run, with a migrated template database that each test
 * file copies (CREATE DATABASE … TEMPLATE is far faster than migrating again).
 */
export default async function setup(project: TestProject) {
  const cluster = await startPostgresCluster();
  const template = "ktp_template";
  const url = await createDatabase(cluster.url, template);
  const handle = await openDatabase({ kind: "postgres", url, poolSize: 1 });
  await migrateDatabase(handle, url);
  await handle.close();
  project.provide("postgresUrl", cluster.url);
  project.provide("postgresTemplate", template);
  return async () => {
    await cluster.stop();
  };
}
