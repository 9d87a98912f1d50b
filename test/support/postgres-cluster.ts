import { execFile, execFileSync } from "node:child_process";
import { appendFileSync, chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { findPostgresBinDir } from "../../scripts/system-deps.mjs";

const execFileAsync = promisify(execFile);

export interface PostgresCluster {
  /** Superuser URL of the cluster's default database, e.g. postgres://postgres@127.0.0.1:54321/postgres */
  url: string;
  stop(): Promise<void>;
}

// Trade durability for speed: a test cluster is thrown away anyway.
const SERVER_SETTINGS: Record<string, string> = {
  listen_addresses: "'127.0.0.1'",
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
  max_connections: "200",
  shared_buffers: "128MB",
};

interface RunAs {
  /** Wraps a PostgreSQL binary call so that it runs as a user initdb accepts. */
  command(bin: string, args: string[]): [string, string[]];
}

function runAsForCurrentUser(): RunAs {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) return { command: (bin, args) => [bin, args] };
  // initdb and postgres refuse to run as root.
  return { command: (bin, args) => ["runuser", ["-u", "postgres", "--", bin, ...args]] };
}

function postgresUserIds(): { uid: number; gid: number } {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      "Running as root, but there is no 'postgres' user to run initdb as. " +
        "Install the postgresql package (node scripts/system-deps.mjs --only=postgres) or run as non-root.",
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error("could not determine a free port"))));
    });
  });
}

function errorOutput(error: unknown): string {
  const e = error as { stderr?: string; stdout?: string; message?: string };
  return [e.message, e.stdout, e.stderr].filter(Boolean).join("\n");
}

function readLog(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Starts a throwaway PostgreSQL cluster in a fresh temp dir; `stop()` kills it and removes the dir. */
export async function startPostgresCluster(): Promise<PostgresCluster> {
  const binDir: string | null = findPostgresBinDir();
  if (!binDir) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/<version>/bin. " +
        "Run: node scripts/system-deps.mjs --only=postgres",
    );
  }
  const initdb = join(binDir, "initdb");
  const pgCtl = join(binDir, "pg_ctl");
  const runAs = runAsForCurrentUser();

  const baseDir = mkdtempSync(join(tmpdir(), "ktp-pg-"));
  const dataDir = join(baseDir, "data");
  const logFile = join(baseDir, "postgres.log");
  let stopped = false;

  const stopSync = (): void => {
    if (stopped) return;
    stopped = true;
    try {
      const [cmd, args] = runAs.command(pgCtl, ["-D", dataDir, "-m", "immediate", "stop"]);
      execFileSync(cmd, args, { stdio: "ignore" });
    } catch {
      // Not running (start failed or already gone): nothing to stop.
    }
    rmSync(baseDir, { recursive: true, force: true });
  };
  // A crashed or aborted test run must not leave a postmaster (and its shared memory) behind.
  process.on("exit", stopSync);

  const run = async (bin: string, args: string[]): Promise<void> => {
    const [cmd, fullArgs] = runAs.command(bin, args);
    await execFileAsync(cmd, fullArgs, { encoding: "utf8", env: { ...process.env, LC_ALL: "C" } });
  };

  try {
    if (process.getuid?.() === 0) {
      const { uid, gid } = postgresUserIds();
      chownSync(baseDir, uid, gid);
    }

    const initArgs = ["-D", dataDir, "-A", "trust", "-U", "postgres", "--encoding=UTF8", "--no-sync"];
    try {
      await run(initdb, [...initArgs, "--locale=C.UTF-8"]);
    } catch (error) {
      if (!/locale/i.test(errorOutput(error))) throw error;
      // Systems without the C.UTF-8 locale: plain C still gives UTF8 encoding with byte-order collation.
      rmSync(dataDir, { recursive: true, force: true });
      await run(initdb, [...initArgs, "--locale=C"]);
    }

    const settings = { ...SERVER_SETTINGS, unix_socket_directories: `'${baseDir.replaceAll("'", "''")}'` };
    appendFileSync(
      join(dataDir, "postgresql.conf"),
      `\n# test settings\n${Object.entries(settings)
        .map(([key, value]) => `${key} = ${value}`)
        .join("\n")}\n`,
    );

    // The free port can be taken between probing and binding; retry with another one.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await run(pgCtl, ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", `-p ${port}`, "start"]);
        break;
      } catch (error) {
        const log = readLog(logFile);
        if (attempt < 3 && /could not (bind|create listen)|address already in use/i.test(log)) continue;
        throw new Error(`pg_ctl start failed: ${errorOutput(error)}\n--- postgres.log ---\n${log}`);
      }
    }

    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        if (stopped) return;
        process.off("exit", stopSync);
        stopped = true;
        try {
          await run(pgCtl, ["-D", dataDir, "-m", "immediate", "stop"]);
        } finally {
          rmSync(baseDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    process.off("exit", stopSync);
    stopSync();
    throw error;
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

async function withClient<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates a database (optionally copied from `template`) and returns its URL. */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const templateClause = template ? ` TEMPLATE ${quoteIdentifier(template)}` : "";
  await withClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE ${quoteIdentifier(name)}${templateClause}`),
  );
  return withDatabase(adminUrl, name);
}

/** Drops a database if it exists, disconnecting any sessions still on it (left-over pools in tests). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}
