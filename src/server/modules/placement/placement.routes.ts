import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { orgParams } from "../../../contracts/common";
import {
  acceptedResponse,
  boardQuery,
  boardResponse,
  closeBody,
  confirmationInfo,
  confirmationParams,
  confirmedResponse,
  confirmedWithSessionResponse,
  confirmWithPasswordBody,
  criteriaCatalogue,
  criterionInput,
  criterionParams,
  myRequestDetail,
  myRequestSummary,
  needsSchema,
  publicRequestBody,
  publishedCriteria,
  requestChangeBody,
  requestParams,
  staffRequestDetail,
  withdrawBody,
} from "../../../contracts/placement";
import { contextOf } from "../../platform/authorize";
import { setSessionCookie } from "../identity/identity.routes";
import { placementPolicy as can } from "./placement.policy";
import * as service from "./placement.service";

/**
 * Per client address: enough for a family (or an office helping families at its counter) to correct and send
 * again, too few for a script; the hidden field and the e-mail confirmation catch the rest.
 */
const submitLimit = { rateLimit: { max: 10, timeWindow: "10 minutes" } };
const confirmLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

/** Requests for a day-care place: the public form, the e-mail confirmation, the parents' pages, the board. */
export async function placementRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["placement"];

  app.get(
    "/api/public/orgs/:orgSlug/placement-criteria",
    {
      schema: { tags, params: orgParams, response: { 200: publishedCriteria } },
      config: { permission: can.readPublishedCriteria },
    },
    async (request) => service.getPublishedCriteria(contextOf(request, app)),
  );

  app.post(
    "/api/public/orgs/:orgSlug/placement-requests",
    {
      schema: { tags, params: orgParams, body: publicRequestBody, response: { 202: acceptedResponse } },
      config: { permission: can.submitRequest, ...submitLimit },
    },
    async (request, reply) => {
      await service.submitRequest(contextOf(request, app), request.body);
      return reply.status(202).send({ accepted: true as const });
    },
  );

  app.get(
    "/api/placement-confirmations/:token",
    {
      schema: { tags, params: confirmationParams, response: { 200: confirmationInfo } },
      config: { permission: can.readConfirmation, ...confirmLimit },
    },
    async (request) => service.getConfirmation(app.platform, request.params.token),
  );

  app.post(
    "/api/placement-confirmations",
    {
      schema: { tags, body: confirmWithPasswordBody, response: { 200: confirmedWithSessionResponse } },
      config: { permission: can.confirmWithNewAccount, ...confirmLimit },
    },
    async (request, reply) => {
      const result = await service.confirmWithNewAccount(
        contextOf(request, app),
        request.body,
        request.headers["user-agent"] ?? null,
      );
      setSessionCookie(app, reply, result.token);
      return {
        organisationSlug: result.organisationSlug,
        requestId: result.requestId,
        csrfToken: result.csrfToken,
      };
    },
  );

  app.post(
    "/api/placement-confirmations/:token/attach",
    {
      schema: { tags, params: confirmationParams, response: { 200: confirmedResponse } },
      config: { permission: can.confirmIntoAccount, ...confirmLimit },
    },
    async (request) => service.confirmIntoAccount(contextOf(request, app), request.params.token),
  );

  app.get(
    "/api/orgs/:orgSlug/my-placement-requests",
    {
      schema: { tags, params: orgParams, response: { 200: z.array(myRequestSummary) } },
      config: { permission: can.readOwnRequests },
    },
    async (request) => service.listMyRequests(contextOf(request, app)),
  );

  app.get(
    "/api/orgs/:orgSlug/my-placement-requests/:id",
    {
      schema: { tags, params: requestParams, response: { 200: myRequestDetail } },
      config: { permission: can.readOwnRequests },
    },
    async (request) => service.getMyRequest(contextOf(request, app), request.params.id),
  );

  app.put(
    "/api/orgs/:orgSlug/my-placement-requests/:id",
    {
      schema: { tags, params: requestParams, body: requestChangeBody, response: { 200: myRequestDetail } },
      config: { permission: can.changeOwnRequest },
    },
    async (request) => service.changeMyRequest(contextOf(request, app), request.params.id, request.body),
  );

  app.post(
    "/api/orgs/:orgSlug/my-placement-requests/:id/withdraw",
    {
      schema: { tags, params: requestParams, body: withdrawBody, response: { 200: myRequestDetail } },
      config: { permission: can.changeOwnRequest },
    },
    async (request) => service.withdrawMyRequest(contextOf(request, app), request.params.id, request.body),
  );

  app.get(
    "/api/orgs/:orgSlug/placement-requests",
    {
      schema: { tags, params: orgParams, querystring: boardQuery, response: { 200: boardResponse } },
      config: { permission: can.readBoard },
    },
    async (request) => service.getBoard(contextOf(request, app), request.query),
  );

  app.get(
    "/api/orgs/:orgSlug/placement-requests/:id",
    {
      schema: { tags, params: requestParams, response: { 200: staffRequestDetail } },
      config: { permission: can.readBoard },
    },
    async (request) => service.getRequest(contextOf(request, app), request.params.id),
  );

  app.get(
    "/api/orgs/:orgSlug/placement-requests/:id/needs",
    {
      schema: { tags, params: requestParams, response: { 200: needsSchema } },
      config: { permission: can.readNeeds },
    },
    async (request, reply) => {
      // Health data: no cache may keep a copy that outlives the audited read.
      reply.header("cache-control", "no-store");
      return service.readRequestNeeds(contextOf(request, app), request.params.id);
    },
  );

  app.post(
    "/api/orgs/:orgSlug/placement-requests/:id/close",
    {
      schema: { tags, params: requestParams, body: closeBody, response: { 200: staffRequestDetail } },
      config: { permission: can.decideRequest },
    },
    async (request) => service.closeRequest(contextOf(request, app), request.params.id, request.body),
  );

  app.get(
    "/api/orgs/:orgSlug/placement-criteria",
    {
      schema: { tags, params: orgParams, response: { 200: criteriaCatalogue } },
      config: { permission: can.manageCriteria },
    },
    async (request) => service.getCatalogue(contextOf(request, app)),
  );

  app.post(
    "/api/orgs/:orgSlug/placement-criteria",
    {
      schema: { tags, params: orgParams, body: criterionInput, response: { 201: criteriaCatalogue } },
      config: { permission: can.manageCriteria },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addCriterion(contextOf(request, app), request.body)),
  );

  app.put(
    "/api/orgs/:orgSlug/placement-criteria/:id",
    {
      schema: { tags, params: criterionParams, body: criterionInput, response: { 200: criteriaCatalogue } },
      config: { permission: can.manageCriteria },
    },
    async (request) => service.updateCriterion(contextOf(request, app), request.params.id, request.body),
  );

  app.delete(
    "/api/orgs/:orgSlug/placement-criteria/:id",
    {
      schema: { tags, params: criterionParams, response: { 200: criteriaCatalogue } },
      config: { permission: can.manageCriteria },
    },
    async (request) => service.removeCriterion(contextOf(request, app), request.params.id),
  );
}
