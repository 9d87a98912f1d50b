import fs from "node:fs";
import type { sql } from "drizzle-orm";
import { vi } from "vitest";
import { buildApp } from "../../src/server/app";
import { loadEnv } from "../../src/server/platform/env";
import { Client, DEFAULT_PASSWORD, type TestContext } from "./test-app";

/**
 * A second application on the test's database that logs everything at "trace", request lines included, into
 * `captured`: the test application logs nothing, and the secrecy proofs must read what a real server writes.
 */
export async function startLoggingApp(t: TestContext, captured: string[], smtpUrl: string) {
  const env = loadEnv({
    NODE_ENV: "test",
    LOG_LEVEL: "trace",
    PUBLIC_URL: "http://localhost:3000",
    SMTP_URL: smtpUrl,
  });
  const database = { db: t.app.platform.db, kind: t.kind, close: async () => {} };
  const keep = (chunk: unknown) =>
    captured.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
  // pino writes to file descriptor 1 with fs.writeSync (or through process.stdout); both are caught.
  const writeSync = fs.writeSync;
  const spies = [
    vi.spyOn(fs, "writeSync").mockImplementation(((fd: number, data: unknown, ...rest: unknown[]) => {
      if (fd === 1 || fd === 2) {
        keep(data);
        return typeof data === "string" ? Buffer.byteLength(data) : (data as Uint8Array).byteLength;
      }
      return (writeSync as (...args: unknown[]) => number)(fd, data, ...rest);
    }) as typeof fs.writeSync),
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: unknown) => {
      keep(chunk);
      return true;
    }),
  ];
  const app = await buildApp({ env, database, logger: true, now: () => t.clock.now });
  await app.ready();
  return {
    client: () => new Client(app),
    signIn: async (email: string) => {
      const client = new Client(app);
      const response = await client.post("/api/auth/login", { email, password: DEFAULT_PASSWORD });
      if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
      return client;
    },
    stop: async () => {
      await app.close();
      for (const spy of spies) spy.mockRestore();
    },
  };
}

/** The rows of a raw SQL statement on the test's database. */
export async function sqlRows<T>(t: TestContext, statement: ReturnType<typeof sql>): Promise<T[]> {
  const result = await t.app.platform.db.execute(statement);
  return (result as unknown as { rows: T[] }).rows;
}
