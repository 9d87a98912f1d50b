import type { FastifyInstance, FastifyRequest } from "fastify";
import { staffRoles } from "../../contracts/roles";
import { CSRF_HEADER, type ScopeResolver, SESSION_COOKIE, type SessionResolver } from "./auth";
import { safeEqual } from "./crypto";
import { AppError } from "./errors";
import { findPermission } from "./policy";
import type { ServiceContext } from "./types";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** One registered API route and its permission; the authorization tests walk this list. */
export interface RouteEntry {
  method: string;
  url: string;
  permission: string;
}

declare module "fastify" {
  interface FastifyInstance {
    routeCatalogue: RouteEntry[];
  }
}

/**
 * The request path's security gate, the same for every route: who is calling (session cookie), whether a
 * state-changing request really comes from our page (CSRF), and whether the route's permission is met in
 * the organisation named by `:orgSlug`. Routes without a permission are refused when they are registered.
 */
export function registerAuthorization(
  app: FastifyInstance,
  resolvers: { session: SessionResolver; scope: ScopeResolver },
): void {
  app.decorateRequest("actor", null);
  app.decorateRequest("isMfaPending", false);
  app.decorateRequest("organisation", null);
  app.decorateRequest("membership", null);

  const catalogue: RouteEntry[] = [];
  app.decorate("routeCatalogue", catalogue);
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/") || route.url.startsWith("/api/docs")) return;
    const permission = route.config?.permission;
    if (!permission || !findPermission(permission)) {
      throw new Error(
        `Route ${route.method} ${route.url} declares no known permission (${permission ?? "none"})`,
      );
    }
    for (const method of [route.method].flat()) {
      if (method !== "HEAD") catalogue.push({ method, url: route.url, permission });
    }
  });

  app.addHook("onRequest", async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolvers.session(token);
    if (!resolved) return;
    request.actor = resolved.actor;
    request.isMfaPending = resolved.isMfaPending;
  });

  // Before validation: a caller who may not use a route learns nothing from its validation errors.
  app.addHook("preValidation", async (request: FastifyRequest) => {
    const permission = request.routeOptions.config?.permission;
    if (!permission) return;
    checkCsrf(request, app.platform.env.PUBLIC_URL);
    const rule = findPermission(permission);
    if (!rule) throw new AppError("internal", 500);
    if (rule.access === "public") {
      // Public routes may still name an organisation; resolve it so the handler has it.
      const slug = (request.params as Record<string, string> | undefined)?.orgSlug;
      if (slug) {
        const scope = await resolvers.scope(slug, request.actor?.userId ?? null);
        if (!scope) throw new AppError("notFound", 404);
        request.organisation = scope.organisation;
        request.membership = scope.membership;
      }
      return;
    }
    // A half-finished two-factor sign-in counts as signed in only for finishing it.
    if (!request.actor || (request.isMfaPending && permission !== "identity.completeMfa")) {
      throw new AppError("unauthenticated", 401);
    }
    if (rule.access === "authenticated") return;
    if (rule.access === "platformAdmin") {
      if (!request.actor.isPlatformAdmin) throw new AppError("notFound", 404);
      return;
    }
    const slug = (request.params as Record<string, string> | undefined)?.orgSlug;
    if (!slug)
      throw new Error(`Route ${request.routeOptions.url} needs :orgSlug for an organisation permission`);
    const scope = await resolvers.scope(slug, request.actor.userId);
    // Not a member: the organisation's internals do not exist for this caller.
    if (!scope?.membership) throw new AppError("notFound", 404);
    if (rule.kinds && !rule.kinds.includes(scope.organisation.kind)) throw new AppError("notFound", 404);
    if (!scope.membership.roles.some((role) => rule.roles.includes(role)))
      throw new AppError("forbidden", 403);
    if (
      scope.organisation.requireMfaForStaff &&
      !request.actor.hasMfa &&
      scope.membership.roles.some((role) => staffRoles.includes(role))
    ) {
      throw new AppError("mfaSetupRequired", 403);
    }
    request.organisation = scope.organisation;
    request.membership = scope.membership;
  });
}

function checkCsrf(request: FastifyRequest, publicUrl: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.actor) {
    const header = request.headers[CSRF_HEADER];
    if (typeof header !== "string" || !safeEqual(header, request.actor.csrfToken)) {
      throw new AppError("csrf", 403);
    }
    return;
  }
  // Without a session there is nothing to ride on, but a foreign page must still not sign people in.
  const origin = request.headers.origin;
  if (origin && origin !== new URL(publicUrl).origin && origin !== `${request.protocol}://${request.host}`) {
    throw new AppError("csrf", 403);
  }
}

/** The service view of a request. */
export function contextOf(request: FastifyRequest, app: FastifyInstance): ServiceContext {
  return {
    platform: app.platform,
    actor: request.actor,
    organisation: request.organisation,
    membership: request.membership,
    locale: request.locale,
    ip: request.ip,
  };
}
