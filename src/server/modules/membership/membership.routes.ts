import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { okResponse, orgIdParams, orgParams } from "../../../contracts/common";
import {
  applicationBody,
  applicationConfirmedResponse,
  applicationConfirmParams,
  applicationEntry,
  applicationListQuery,
  applicationParams,
  approveApplicationBody,
  declineApplicationBody,
  endMembershipBody,
  membershipFormInfo,
  membershipSettingsBody,
  registerEntry,
  registerQuery,
} from "../../../contracts/membership";
import { acceptedResponse } from "../../../contracts/placement";
import { contextOf } from "../../platform/authorize";
import { guestLinkLimit, publicFormLimit } from "../../platform/public-form";
import { membershipPolicy as can } from "./membership.policy";
import * as service from "./membership.service";

/** Membership applications (public form, e-mail confirmation, the board's decision) and the register. */
export async function membershipRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["membership"];

  app.get(
    "/api/public/orgs/:orgSlug/membership-form",
    {
      schema: { tags, params: orgParams, response: { 200: membershipFormInfo } },
      config: { permission: can.readForm },
    },
    async (request) => service.getFormInfo(contextOf(request, app)),
  );

  app.post(
    "/api/public/orgs/:orgSlug/membership-applications",
    {
      schema: { tags, params: orgParams, body: applicationBody, response: { 202: acceptedResponse } },
      config: { permission: can.apply, ...publicFormLimit },
    },
    async (request, reply) => {
      await service.submitApplication(contextOf(request, app), request.body);
      return reply.status(202).send({ accepted: true as const });
    },
  );

  app.post(
    "/api/membership-confirmations/:token",
    {
      schema: { tags, params: applicationConfirmParams, response: { 200: applicationConfirmedResponse } },
      config: { permission: can.confirm, ...guestLinkLimit },
    },
    async (request) => service.confirmApplication(contextOf(request, app), request.params.token),
  );

  app.put(
    "/api/orgs/:orgSlug/membership/settings",
    {
      schema: {
        tags,
        params: orgParams,
        body: membershipSettingsBody,
        response: { 200: membershipFormInfo },
      },
      config: { permission: can.manage },
    },
    async (request) => service.updateSettings(contextOf(request, app), request.body),
  );

  app.get(
    "/api/orgs/:orgSlug/membership/applications",
    {
      schema: {
        tags,
        params: orgParams,
        querystring: applicationListQuery,
        response: { 200: z.array(applicationEntry) },
      },
      config: { permission: can.manage },
    },
    async (request) => service.listApplications(contextOf(request, app), request.query.status),
  );

  app.post(
    "/api/orgs/:orgSlug/membership/applications/:id/approve",
    {
      schema: {
        tags,
        params: applicationParams,
        body: approveApplicationBody,
        response: { 200: okResponse },
      },
      config: { permission: can.manage },
    },
    async (request) => {
      await service.approveApplication(contextOf(request, app), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    "/api/orgs/:orgSlug/membership/applications/:id/decline",
    {
      schema: {
        tags,
        params: applicationParams,
        body: declineApplicationBody,
        response: { 200: okResponse },
      },
      config: { permission: can.manage },
    },
    async (request) => {
      await service.declineApplication(contextOf(request, app), request.params.id, request.body);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/orgs/:orgSlug/membership/register",
    {
      schema: {
        tags,
        params: orgParams,
        querystring: registerQuery,
        response: { 200: z.array(registerEntry) },
      },
      config: { permission: can.manage },
    },
    async (request) => service.listRegister(contextOf(request, app), request.query),
  );

  app.get(
    "/api/orgs/:orgSlug/membership/register.csv",
    { schema: { tags, params: orgParams, querystring: registerQuery }, config: { permission: can.manage } },
    async (request, reply) => {
      const csv = await service.exportRegisterCsv(contextOf(request, app), request.query);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="mitglieder-${request.params.orgSlug}.csv"`)
        .send(csv);
    },
  );

  app.post(
    "/api/orgs/:orgSlug/membership/members/:id/end",
    {
      schema: { tags, params: orgIdParams, body: endMembershipBody, response: { 200: okResponse } },
      config: { permission: can.manage },
    },
    async (request) => {
      await service.endMembership(contextOf(request, app), request.params.id, request.body.reason);
      return { ok: true as const };
    },
  );
}
