import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { z } from "zod";
import type { ErrorBody, ErrorCode } from "../../contracts/errors";
import type { Locale } from "../../contracts/i18n";
import { translator } from "./i18n";

/** The one error type of the application: a code the client understands and the HTTP status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    readonly details?: Record<string, unknown>,
    readonly fields?: { path: string; key: string }[],
  ) {
    super(code);
  }
}

export const notFound = () => new AppError("notFound", 404);
export const forbidden = () => new AppError("forbidden", 403);
export const conflict = (details?: Record<string, unknown>) => new AppError("conflict", 409, details);
/** A validation problem found by a service (not by the schema), reported at a field. */
export const fieldError = (path: string, key: string) =>
  new AppError("validation", 400, undefined, [{ path, key }]);

const zodLocales = { de: z.locales.de().localeError, en: z.locales.en().localeError };

/**
 * Schemas name their own messages as "v.<key>" (translated from validation.<key>); everything else gets
 * zod's own message in the caller's language.
 */
function translateIssue(
  locale: Locale,
  issue: { keyword: string; message?: string; params: Record<string, unknown> },
): string {
  const t = translator(locale);
  if (issue.message?.startsWith("v.")) return t(`validation.${issue.message.slice(2)}`);
  const localized = zodLocales[locale]({ code: issue.keyword, ...issue.params } as never);
  if (typeof localized === "string") return localized;
  if (localized && typeof localized === "object" && "message" in localized) return String(localized.message);
  return issue.message ?? t("errors.validation");
}

/** The JSON answer for an unknown API path, in the caller's language. */
export function notFoundBody(locale: Locale): ErrorBody {
  return { error: { code: "notFound", message: translator(locale)("errors.notFound") } };
}

/** Turns every thrown error into the `ErrorBody` shape, in the caller's language, without leaking 5xx details. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const locale = request.locale;
    const t = translator(locale);
    const send = (status: number, body: ErrorBody) => reply.status(status).send(body);

    if (error instanceof AppError) {
      return send(error.status, {
        error: {
          code: error.code,
          message: t(`errors.${error.code}`, error.details ?? {}),
          ...(error.fields
            ? { fields: error.fields.map((f) => ({ path: f.path, message: t(`validation.${f.key}`) })) }
            : {}),
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      return send(400, {
        error: {
          code: "validation",
          message: t("errors.validation"),
          fields: error.validation.map((issue) => ({
            path: issue.instancePath.replace(/^\//, "").replaceAll("/", "."),
            message: translateIssue(locale, issue as never),
          })),
        },
      });
    }
    if (!(error instanceof Error) || isResponseSerializationError(error as never)) {
      request.log.error({ err: error }, "response does not match its schema");
      return send(500, { error: { code: "internal", message: t("errors.internal") } });
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 429) {
      const seconds = Number(reply.getHeader("retry-after") ?? 60);
      return send(429, { error: { code: "rateLimited", message: t("errors.rateLimited", { seconds }) } });
    }
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type, body too large).
      return send(status, { error: { code: "validation", message: t("errors.validation") } });
    }
    request.log.error({ err: error }, "unhandled error");
    return send(500, { error: { code: "internal", message: t("errors.internal") } });
  });
}
