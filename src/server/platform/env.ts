import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default("./data"),
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default("KTP-Netz <noreply@ktp-netz.local>"),
  /** Signs session-independent values (map fuzz, tokens); at least 32 characters in production. */
  SECRET_KEY: z.string().min(16).optional(),
  /** Encrypts sensitive fields at rest (AES-256-GCM); 32 bytes as 64 hex characters or base64. */
  ENCRYPTION_KEY: z.string().optional(),
  SEED_DEMO: z.enum(["auto", "never"]).default("auto"),
  MAP_TILE_URL: z.string().default("https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
  MAP_TILE_ATTRIBUTION: z.string().default("© OpenStreetMap-Mitwirkende"),
  /**
   * Whether to believe X-Forwarded-For/-Proto: "false" when clients connect directly (otherwise anyone could
   * pick their own address and slip past the sign-in back-off); "true" or the proxies' addresses
   * ("loopback", "10.0.0.0/8") behind a proxy.
   */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((value) => (value === "true" ? true : value === "false" ? false : value)),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Worker threads that make PDFs (platform/pdf-pool.ts); default one per core beyond the first, 1–2. */
  PDF_WORKERS: z.coerce.number().int().min(1).max(16).optional(),
  /** A PDF not finished after this many milliseconds fails with a 500. */
  PDF_TIMEOUT_MS: z.coerce.number().int().min(1000).optional(),
});

export type Env = z.infer<typeof envSchema> & {
  SECRET_KEY: string;
  ENCRYPTION_KEY: string;
  PUBLIC_URL: string;
};

/**
 * Reads the configuration from the environment. Development and tests get fixed throw-away keys so that
 * `npm start` works without set-up; production refuses to start without real ones.
 */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid configuration: ${fields}`);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && (!env.SECRET_KEY || !env.ENCRYPTION_KEY)) {
    throw new Error("SECRET_KEY and ENCRYPTION_KEY must be set in production (see README).");
  }
  return {
    ...env,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    SECRET_KEY: env.SECRET_KEY ?? "development-secret-key-not-for-production",
    ENCRYPTION_KEY: env.ENCRYPTION_KEY ?? "0".repeat(64),
  };
}
