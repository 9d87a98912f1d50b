import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { okResponse } from "../../../contracts/common";
import {
  changePasswordBody,
  endSessionResponse,
  loginBody,
  loginResponse,
  mfaBody,
  mfaDisableBody,
  mfaEnableBody,
  mfaSetupResponse,
  passwordResetConfirmBody,
  passwordResetRequestBody,
  recoveryCodesResponse,
  sessionListResponse,
  sessionParams,
  sessionResponse,
  updateProfileBody,
} from "../../../contracts/identity";
import { contextOf } from "../../platform/authorize";
import { clearSessionCookie, setSessionCookie } from "../../platform/session-cookie";
import { identityPolicy as can } from "./identity.policy";
import { findUserById } from "./identity.repository";
import * as service from "./identity.service";

export async function identityRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["identity"];
  const loginLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

  app.post(
    "/api/auth/login",
    {
      schema: { tags, body: loginBody, response: { 200: loginResponse } },
      config: { permission: can.signIn, ...loginLimit },
    },
    async (request, reply) => {
      const result = await service.signIn(
        contextOf(request, app),
        request.body,
        request.headers["user-agent"] ?? null,
      );
      setSessionCookie(app, reply, result.token);
      return { status: result.status, csrfToken: result.csrfToken };
    },
  );

  app.post(
    "/api/auth/mfa",
    {
      schema: { tags, body: mfaBody, response: { 200: okResponse } },
      config: { permission: can.completeMfa, ...loginLimit },
    },
    async (request) => {
      await service.completeMfa(contextOf(request, app), request.body.code);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/auth/session",
    { schema: { tags, response: { 200: sessionResponse } }, config: { permission: can.readSession } },
    async (request) => {
      const actor = request.actor;
      if (!actor) return { user: null, isMfaPending: false, csrfToken: null };
      const user = await findUserById(app.platform.db, actor.userId);
      if (!user) return { user: null, isMfaPending: false, csrfToken: null };
      return {
        user: {
          id: user.id,
          email: user.email,
          name: user.name,
          phone: user.phone,
          locale: user.locale,
          isPlatformAdmin: user.isPlatformAdmin,
          hasMfa: user.totpEnabledAt !== null,
        },
        isMfaPending: request.isMfaPending,
        csrfToken: actor.csrfToken,
      };
    },
  );

  app.post(
    "/api/auth/logout",
    { schema: { tags, response: { 200: okResponse } }, config: { permission: can.signOut } },
    async (request, reply) => {
      await service.signOut(contextOf(request, app), false);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/logout-everywhere",
    { schema: { tags, response: { 200: okResponse } }, config: { permission: can.signOut } },
    async (request, reply) => {
      await service.signOut(contextOf(request, app), true);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/password-reset",
    {
      schema: { tags, body: passwordResetRequestBody, response: { 200: okResponse } },
      config: { permission: can.requestPasswordReset, ...loginLimit },
    },
    async (request) => {
      await service.requestPasswordReset(contextOf(request, app), request.body.email);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/auth/password-reset/confirm",
    {
      schema: { tags, body: passwordResetConfirmBody, response: { 200: okResponse } },
      config: { permission: can.resetPassword, ...loginLimit },
    },
    async (request) => {
      await service.resetPassword(contextOf(request, app), request.body.token, request.body.password);
      return { ok: true as const };
    },
  );

  app.patch(
    "/api/account/profile",
    {
      schema: { tags, body: updateProfileBody, response: { 200: okResponse } },
      config: { permission: can.manageOwnAccount },
    },
    async (request) => {
      await service.updateProfile(contextOf(request, app), request.body);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/account/password",
    {
      schema: { tags, body: changePasswordBody, response: { 200: okResponse } },
      config: { permission: can.manageOwnAccount },
    },
    async (request) => {
      await service.changePassword(
        contextOf(request, app),
        request.body.currentPassword,
        request.body.newPassword,
      );
      return { ok: true as const };
    },
  );

  app.get(
    "/api/account/sessions",
    {
      schema: { tags, response: { 200: sessionListResponse } },
      config: { permission: can.manageOwnAccount },
    },
    async (request) => service.listSessions(contextOf(request, app)),
  );

  app.delete(
    "/api/account/sessions/:id",
    {
      schema: { tags, params: sessionParams, response: { 200: endSessionResponse } },
      config: { permission: can.manageOwnAccount },
    },
    async (request, reply) => {
      const { isCurrent } = await service.endSession(contextOf(request, app), request.params.id);
      if (isCurrent) clearSessionCookie(reply);
      return { isSignedOut: isCurrent };
    },
  );

  app.post(
    "/api/account/mfa/setup",
    { schema: { tags, response: { 200: mfaSetupResponse } }, config: { permission: can.manageOwnAccount } },
    async (request) => service.beginMfaSetup(contextOf(request, app)),
  );

  app.post(
    "/api/account/mfa/enable",
    {
      schema: { tags, body: mfaEnableBody, response: { 200: recoveryCodesResponse } },
      config: { permission: can.manageOwnAccount },
    },
    async (request) => ({
      recoveryCodes: await service.enableMfa(contextOf(request, app), request.body.code),
    }),
  );

  app.post(
    "/api/account/mfa/disable",
    {
      schema: { tags, body: mfaDisableBody, response: { 200: okResponse } },
      config: { permission: can.manageOwnAccount },
    },
    async (request) => {
      await service.disableMfa(contextOf(request, app), request.body.password);
      return { ok: true as const };
    },
  );
}
