import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";

/** The one database type the repositories see, whichever driver is behind it. */
export type Database = PgDatabase<PgQueryResultHKT>;
/** A transaction is a database too; repositories accept either. */
export type Executor = Database;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | {
      kind: "pglite";
      dataDir: string | null;
      /** A dumped data directory (PGlite's dumpDataDir) to start from instead of an empty cluster. */
      template?: Blob;
    };

/**
 * Opens PostgreSQL when a URL is given, otherwise the embedded PGlite (in memory when dataDir is null).
 * PGlite has one connection, so every transaction there is serialised; code must still be correct on a
 * PostgreSQL pool, where transactions really run side by side.
 */
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // A broken idle connection must not crash the process; the pool replaces it.
    pool.on("error", () => {});
    const db = drizzlePg(pool) as unknown as Database;
    return { db, kind: "postgres", close: () => pool.end() };
  }
  let client: PGlite;
  if (target.dataDir) {
    const dir = resolve(target.dataDir);
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir);
  } else {
    client = await PGlite.create(target.template ? { loadDataDir: target.template } : {});
  }
  const db = drizzlePglite(client) as unknown as Database;
  return { db, kind: "pglite", close: () => client.close() };
}
