import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, inject } from "vitest";
import type { Role } from "../../src/contracts/roles";
import { findPreset } from "../../src/core/organisations/presets";
import { type App, buildApp } from "../../src/server/app";
import { insertUser, updateUser } from "../../src/server/modules/identity/identity.repository";
import { hashPassword } from "../../src/server/modules/identity/identity.service";
import {
  insertOrganisation,
  upsertMembership,
} from "../../src/server/modules/organisations/organisations.repository";
import { openDatabase } from "../../src/server/platform/db/client";
import { loadEnv } from "../../src/server/platform/env";
import { createDatabase, dropDatabase } from "./postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresTemplate: string;
    pgliteTemplate: string;
  }
}

export type DatabaseKind = "pglite" | "postgres";
export const databaseKinds: DatabaseKind[] = ["pglite", "postgres"];

/** A signed-in (or anonymous) API client with its own cookie and CSRF token, like one browser tab. */
export class Client {
  cookie: string | null = null;
  csrfToken: string | null = null;
  constructor(
    readonly app: App,
    readonly headers: Record<string, string> = {},
  ) {}

  async request(method: string, url: string, body?: unknown, extraHeaders: Record<string, string> = {}) {
    const headers: Record<string, string> = { ...this.headers, ...extraHeaders };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && !("x-csrf-token" in headers)) headers["x-csrf-token"] = this.csrfToken;
    const response: LightMyRequestResponse = await this.app.inject({
      method: method as "GET",
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });
    const setCookie = response.cookies.find((c) => c.name === "ktp_session");
    if (setCookie) this.cookie = setCookie.value ? `ktp_session=${setCookie.value}` : null;
    const isJson = String(response.headers["content-type"] ?? "").includes("application/json");
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary response bodies
    const json: any = isJson ? response.json() : undefined;
    if (json && typeof json === "object" && typeof json.csrfToken === "string")
      this.csrfToken = json.csrfToken;
    return {
      status: response.statusCode,
      body: json,
      text: response.body,
      // Binary answers (photos) would be mangled as text.
      raw: response.rawPayload,
      headers: response.headers,
    };
  }
  get(url: string) {
    return this.request("GET", url);
  }
  post(url: string, body?: unknown) {
    return this.request("POST", url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request("PUT", url, body ?? {});
  }
  patch(url: string, body?: unknown) {
    return this.request("PATCH", url, body ?? {});
  }
  delete(url: string) {
    return this.request("DELETE", url);
  }
}

export interface TestContext {
  kind: DatabaseKind;
  app: App;
  /** Moves the clock the application sees. */
  clock: { now: Date };
  anonymous(): Client;
  signIn(email: string, password?: string): Promise<Client>;
  createUser(input?: {
    email?: string;
    name?: string;
    password?: string;
    isPlatformAdmin?: boolean;
  }): Promise<{
    id: string;
    email: string;
    password: string;
  }>;
  createOrganisation(input?: {
    kind?: "coordinationOffice" | "association" | "youthOffice";
    slug?: string;
    name?: string;
  }): Promise<{ id: string; slug: string; name: string }>;
  /** A new user with these roles in the organisation, already signed in. */
  member(
    org: { id: string },
    roles: Role[],
    name?: string,
  ): Promise<Client & { userId: string; email: string }>;
}

export const DEFAULT_PASSWORD = "richtig-gutes-passwort";
let cachedHash: Promise<string> | null = null;
let pgliteTemplate: Promise<Blob> | undefined;

/**
 * Runs the same API tests once on PGlite and once on PostgreSQL; each run gets an empty, migrated database
 * and its own application.
 */
export function describeApi(
  name: string,
  body: (t: TestContext) => void,
  options: { smtpUrl?: () => string } = {},
) {
  for (const kind of databaseKinds) {
    describe(`${name} [${kind}]`, () => {
      const clock = { now: new Date("2026-03-02T09:00:00Z") };
      const ctx = { kind, clock } as TestContext;
      let close: () => Promise<void> = async () => {};
      beforeAll(async () => {
        let database: Awaited<ReturnType<typeof openDatabase>>;
        let cleanup: () => Promise<void>;
        if (kind === "postgres") {
          const adminUrl = inject("postgresUrl");
          const dbName = `t_${randomUUID().replaceAll("-", "")}`;
          const url = await createDatabase(adminUrl, dbName, inject("postgresTemplate"));
          database = await openDatabase({ kind: "postgres", url, poolSize: 5 });
          cleanup = async () => {
            await database.close();
            await dropDatabase(adminUrl, dbName);
          };
        } else {
          pgliteTemplate ??= readFile(inject("pgliteTemplate")).then((bytes) => new Blob([bytes]));
          database = await openDatabase({ kind: "pglite", dataDir: null, template: await pgliteTemplate });
          cleanup = () => database.close();
        }
        const env = loadEnv({
          NODE_ENV: "test",
          LOG_LEVEL: "silent",
          PUBLIC_URL: "http://localhost:3000",
          ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl() } : {}),
        });
        const app = await buildApp({ env, database, logger: false, now: () => clock.now });
        await app.ready();
        ctx.app = app;
        close = async () => {
          await app.close();
          await cleanup();
        };
      }, 60_000);
      afterAll(() => close(), 30_000);

      ctx.anonymous = () => new Client(ctx.app);
      ctx.createUser = async (input = {}) => {
        const password = input.password ?? DEFAULT_PASSWORD;
        cachedHash ??= hashPassword(DEFAULT_PASSWORD);
        const passwordHash = input.password ? await hashPassword(password) : await cachedHash;
        const email = input.email ?? `${randomUUID().slice(0, 8)}@example.org`;
        const user = await insertUser(ctx.app.platform.db, {
          email,
          name: input.name ?? "Test Person",
          passwordHash,
        });
        if (input.isPlatformAdmin) await updateUser(ctx.app.platform.db, user.id, { isPlatformAdmin: true });
        return { id: user.id, email, password };
      };
      ctx.signIn = async (email, password = DEFAULT_PASSWORD) => {
        const client = new Client(ctx.app);
        const response = await client.post("/api/auth/login", { email, password });
        if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${response.text}`);
        return client;
      };
      ctx.createOrganisation = async (input = {}) => {
        const slug = input.slug ?? `org-${randomUUID().slice(0, 8)}`;
        const kind = input.kind ?? "coordinationOffice";
        const preset = findPreset(kind === "association" ? "SH" : "NRW");
        if (!preset) throw new Error("preset missing");
        const row = await insertOrganisation(ctx.app.platform.db, {
          slug,
          kind,
          name: input.name ?? `Test ${slug}`,
          statePreset: preset,
          postalCode: "59269",
          town: "Beckum",
          email: `${slug}@fachberatung.example`,
        });
        return { id: row.id, slug: row.slug, name: row.name };
      };
      ctx.member = async (org, roles, name) => {
        const user = await ctx.createUser(name ? { name } : {});
        await upsertMembership(ctx.app.platform.db, org.id, user.id, roles);
        const client = await ctx.signIn(user.email);
        return Object.assign(client, { userId: user.id, email: user.email });
      };
      body(ctx);
    });
  }
}
