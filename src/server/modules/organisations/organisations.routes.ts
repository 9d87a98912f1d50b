import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { okResponse, orgIdParams, orgParams } from "../../../contracts/common";
import {
  acceptInvitationBody,
  acceptInvitationResponse,
  invitationInfoResponse,
} from "../../../contracts/identity";
import {
  createInvitationBody,
  createOrganisationBody,
  invitationEntry,
  invitationParams,
  memberEntry,
  myMembership,
  organisationSettings,
  publicOrganisation,
  updateMembershipBody,
  updateMyMembershipBody,
  updateOrganisationBody,
} from "../../../contracts/organisations";
import { contextOf } from "../../platform/authorize";
import { setSessionCookie } from "../../platform/session-cookie";
import { organisationsPolicy as can } from "./organisations.policy";
import * as service from "./organisations.service";

export async function organisationsRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["organisations"];
  const tokenParams = z.object({ token: z.string().min(10).max(200) });

  app.get(
    "/api/public/orgs/:orgSlug",
    {
      schema: { tags, params: orgParams, response: { 200: publicOrganisation } },
      config: { permission: can.readPublicProfile },
    },
    async (request) => service.getPublicProfile(contextOf(request, app)),
  );

  app.get(
    "/api/me/memberships",
    {
      schema: { tags, response: { 200: z.array(myMembership) } },
      config: { permission: can.listMyMemberships },
    },
    async (request) => service.listMyMemberships(contextOf(request, app)),
  );

  app.post(
    "/api/admin/orgs",
    {
      schema: { tags, body: createOrganisationBody, response: { 201: z.object({ slug: z.string() }) } },
      config: { permission: can.createOrganisation },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createOrganisation(contextOf(request, app), request.body)),
  );

  app.get(
    "/api/orgs/:orgSlug",
    {
      schema: { tags, params: orgParams, response: { 200: organisationSettings } },
      config: { permission: can.readSettings },
    },
    async (request) => service.getSettings(contextOf(request, app)),
  );

  app.put(
    "/api/orgs/:orgSlug",
    {
      schema: {
        tags,
        params: orgParams,
        body: updateOrganisationBody,
        response: { 200: organisationSettings },
      },
      config: { permission: can.updateSettings },
    },
    async (request) => service.updateSettings(contextOf(request, app), request.body),
  );

  app.get(
    "/api/orgs/:orgSlug/members",
    {
      schema: { tags, params: orgParams, response: { 200: z.array(memberEntry) } },
      config: { permission: can.readDirectory },
    },
    async (request) => service.listDirectory(contextOf(request, app)),
  );

  app.put(
    "/api/orgs/:orgSlug/members/:id",
    {
      schema: { tags, params: orgIdParams, body: updateMembershipBody, response: { 200: okResponse } },
      config: { permission: can.manageMemberships },
    },
    async (request) => {
      await service.updateMembership(contextOf(request, app), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.delete(
    "/api/orgs/:orgSlug/members/:id",
    {
      schema: { tags, params: orgIdParams, response: { 200: okResponse } },
      config: { permission: can.manageMemberships },
    },
    async (request) => {
      await service.removeMember(contextOf(request, app), request.params.id);
      return { ok: true as const };
    },
  );

  app.delete(
    "/api/orgs/:orgSlug/me",
    {
      schema: { tags, params: orgParams, response: { 200: okResponse } },
      config: { permission: can.leaveOrganisation },
    },
    async (request) => {
      await service.leaveOrganisation(contextOf(request, app));
      return { ok: true as const };
    },
  );

  app.put(
    "/api/orgs/:orgSlug/me",
    {
      schema: { tags, params: orgParams, body: updateMyMembershipBody, response: { 200: okResponse } },
      config: { permission: can.updateOwnMembership },
    },
    async (request) => {
      await service.updateOwnMembership(contextOf(request, app), request.body);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/orgs/:orgSlug/invitations",
    {
      schema: { tags, params: orgParams, response: { 200: z.array(invitationEntry) } },
      config: { permission: can.invite },
    },
    async (request) => service.listInvitations(contextOf(request, app)),
  );

  app.post(
    "/api/orgs/:orgSlug/invitations",
    {
      schema: { tags, params: orgParams, body: createInvitationBody, response: { 201: okResponse } },
      config: { permission: can.invite },
    },
    async (request, reply) => {
      await service.createInvitation(contextOf(request, app), request.body);
      return reply.status(201).send({ ok: true as const });
    },
  );

  app.delete(
    "/api/orgs/:orgSlug/invitations/:id",
    {
      schema: { tags, params: invitationParams, response: { 200: okResponse } },
      config: { permission: can.invite },
    },
    async (request) => {
      await service.withdrawInvitation(contextOf(request, app), request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/orgs/:orgSlug/invitations/:id/resend",
    {
      schema: { tags, params: invitationParams, response: { 200: okResponse } },
      config: { permission: can.invite },
    },
    async (request) => {
      await service.resendInvitation(contextOf(request, app), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/invitations/:token",
    {
      schema: { tags, params: tokenParams, response: { 200: invitationInfoResponse } },
      config: { permission: can.readInvitation },
    },
    async (request) => service.getInvitation(app.platform, request.params.token),
  );

  app.post(
    "/api/invitations/accept",
    {
      schema: { tags, body: acceptInvitationBody, response: { 200: acceptInvitationResponse } },
      config: { permission: can.acceptInvitation, rateLimit: { max: 30, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const result = await service.acceptInvitation(
        contextOf(request, app),
        request.body,
        request.headers["user-agent"] ?? null,
      );
      setSessionCookie(app, reply, result.token);
      return { organisationSlug: result.organisationSlug, csrfToken: result.csrfToken };
    },
  );

  app.post(
    "/api/invitations/:token/join",
    {
      schema: { tags, params: tokenParams, response: { 200: z.object({ organisationSlug: z.string() }) } },
      config: { permission: can.acceptInvitationSignedIn },
    },
    async (request) => service.acceptInvitationSignedIn(contextOf(request, app), request.params.token),
  );
}
