import type { Locale } from "../../contracts/i18n";
import type { Actor, MembershipScope, OrganisationScope } from "./auth";
import type { Background } from "./background";
import type { FieldCipher } from "./crypto";
import type { Database } from "./db/client";
import type { Env } from "./env";
import type { Mailer } from "./mail/mailer";

/** What every module gets from the platform. */
export interface Platform {
  env: Env;
  db: Database;
  dbKind: "pglite" | "postgres";
  mailer: Mailer;
  /** Work started by a request that runs on after the response (see background.ts). */
  background: Background;
  cipher: FieldCipher;
  /** The clock; tests move it to check deadlines and expiry. */
  now: () => Date;
}

declare module "fastify" {
  interface FastifyInstance {
    platform: Platform;
  }
  interface FastifyRequest {
    locale: Locale;
    actor: Actor | null;
    isMfaPending: boolean;
    organisation: OrganisationScope | null;
    membership: MembershipScope | null;
  }
  interface FastifyContextConfig {
    /** The permission this route needs; a route without one is refused at start-up. */
    permission?: string;
  }
}

/** The per-request view a service works with. */
export interface ServiceContext {
  platform: Platform;
  actor: Actor | null;
  organisation: OrganisationScope | null;
  membership: MembershipScope | null;
  locale: Locale;
  ip: string;
}
