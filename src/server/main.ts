import { join, resolve } from "node:path";
import { seedDemoIfEmpty } from "../../scripts/seed/demo";
import { buildApp } from "./app";
import { jobs } from "./modules/jobs";
import { openDatabase } from "./platform/db/client";
import { DataDirLockedError, lockDataDir } from "./platform/db/lock";
import { migrateDatabase } from "./platform/db/migrate";
import { loadEnv } from "./platform/env";
import { startJobs } from "./platform/jobs/scheduler";

async function main() {
  const env = loadEnv();
  let releaseLock: (() => void) | null = null;
  if (!env.DATABASE_URL) {
    try {
      releaseLock = lockDataDir(env.DATA_DIR);
    } catch (error) {
      if (error instanceof DataDirLockedError) {
        console.error(`\n${error.message}\n`);
        process.exit(1);
      }
      throw error;
    }
  }
  const database = env.DATABASE_URL
    ? await openDatabase({ kind: "postgres", url: env.DATABASE_URL })
    : await openDatabase({ kind: "pglite", dataDir: join(resolve(env.DATA_DIR), "pglite") });
  await migrateDatabase(database, env.DATABASE_URL);

  const app = await buildApp({ env, database });
  const demo =
    env.SEED_DEMO === "auto" && env.NODE_ENV !== "production" ? await seedDemoIfEmpty(app.platform) : null;
  const stopJobs = startJobs(app.platform, jobs, app.log);

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, "shutting down");
    stopJobs();
    await app.close();
    await database.close();
    releaseLock?.();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  await app.listen({ port: env.PORT, host: env.HOST });
  const where = env.DATABASE_URL ? "PostgreSQL" : `PGlite in ${resolve(env.DATA_DIR)}`;
  console.log(`\nKTP-Netz läuft auf ${env.PUBLIC_URL} (Datenbank: ${where})`);
  if (demo) {
    console.log("\nDemo-Zugänge (Passwort für alle: %s):", demo.password);
    for (const login of demo.logins) console.log(`  ${login.role.padEnd(34)} ${login.email}`);
    console.log("");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
