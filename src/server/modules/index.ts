import type { FastifyInstance } from "fastify";
import type { ScopeResolver, SessionResolver } from "../platform/auth";
import type { Platform } from "../platform/types";
import { identityRoutes } from "./identity/identity.routes";
import { resolveSession } from "./identity/identity.service";
import { organisationsRoutes } from "./organisations/organisations.routes";
import { scopeResolver } from "./organisations/organisations.service";

/** Every business module's routes; the order does not matter. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await app.register(identityRoutes);
  await app.register(organisationsRoutes);
}

export function resolvers(platform: Platform): { session: SessionResolver; scope: ScopeResolver } {
  return { session: (token) => resolveSession(platform, token), scope: scopeResolver(platform) };
}
