import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, LogController } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import { pickLocale } from "../contracts/i18n";
import { registerModules, resolvers } from "./modules";
import { registerAuthorization } from "./platform/authorize";
import { createBackground } from "./platform/background";
import { createFieldCipher } from "./platform/crypto";
import type { DatabaseHandle } from "./platform/db/client";
import type { Env } from "./platform/env";
import { notFoundBody, registerErrorHandler } from "./platform/errors";
import { createMailer } from "./platform/mail/mailer";
import { retainPdfPool } from "./platform/pdf-pool";
import type { Platform } from "./platform/types";

export interface AppOptions {
  env: Env;
  database: DatabaseHandle;
  logger?: boolean;
  now?: () => Date;
}

export type App = FastifyInstance;

const webRoot = fileURLToPath(new URL("../../dist/web", import.meta.url));

/** Builds the whole application on an open, migrated database; tests build one per database. */
export async function buildApp(options: AppOptions): Promise<App> {
  const { env, database } = options;
  const app = Fastify({
    logger: options.logger === false ? false : { level: env.LOG_LEVEL },
    trustProxy: env.TRUST_PROXY,
    // One line per request drowns everything else at "info"; "debug" brings it back.
    logController: new LogController({ disableRequestLogging: !["debug", "trace"].includes(env.LOG_LEVEL) }),
    bodyLimit: 5 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const platform: Platform = {
    env,
    db: database.db,
    dbKind: database.kind,
    cipher: createFieldCipher(env.ENCRYPTION_KEY),
    mailer: createMailer({ db: database.db, smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, log: app.log }),
    background: createBackground(app.log),
    now: options.now ?? (() => new Date()),
  };
  app.decorate("platform", platform);
  const releasePdfPool = retainPdfPool({ threads: env.PDF_WORKERS, timeoutMs: env.PDF_TIMEOUT_MS });
  app.addHook("onClose", async () => {
    await platform.background.drain();
    await platform.mailer.close();
    await releasePdfPool();
  });

  // Cookies first: the language hook below and the session hook read them.
  await app.register(fastifyCookie);
  app.decorateRequest("locale", "de");
  app.addHook("onRequest", async (request) => {
    const query = request.query as Record<string, unknown> | undefined;
    const explicit = typeof query?.lang === "string" ? query.lang : request.cookies?.ktp_lang;
    request.locale = pickLocale(explicit ?? request.headers["accept-language"]);
  });

  const tileOrigin = safeOrigin(env.MAP_TILE_URL);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:", "blob:", ...(tileOrigin ? [tileOrigin] : [])],
        "style-src": ["'self'", "'unsafe-inline'"],
        "script-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "upgrade-insecure-requests": env.PUBLIC_URL.startsWith("https:") ? [] : null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: env.PUBLIC_URL.startsWith("https:"),
  });
  await app.register(fastifyRateLimit, { global: false });
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "KTP-Netz API",
        version: "1",
        description: "Kindertagespflege: Koordination, Vereine, Jugendämter",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: "ktp_session" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });

  registerAuthorization(app, resolvers(platform));
  await registerModules(app);

  const hasWeb = existsSync(join(webRoot, "index.html"));
  if (hasWeb) await app.register(fastifyStatic, { root: webRoot, wildcard: false, maxAge: "1h" });
  app.setNotFoundHandler((request, reply) => {
    if (!hasWeb || request.url.startsWith("/api/") || request.method !== "GET") {
      return reply.status(404).send(notFoundBody(request.locale));
    }
    // Client-side routes: the single-page app decides what to show.
    return reply.header("cache-control", "no-cache").sendFile("index.html", { maxAge: 0 });
  });
  return app;
}

function safeOrigin(url: string): string | null {
  try {
    return new URL(url.replaceAll(/[{}]/g, "")).origin.replace("https://s.", "https://*.");
  } catch {
    return null;
  }
}
