import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { orgParams } from "../../../contracts/common";
import {
  acceptedResponse,
  answerOfferBody,
  boardQuery,
  boardResponse,
  closeBody,
  confirmationInfo,
  confirmationParams,
  confirmedResponse,
  confirmedWithSessionResponse,
  confirmWithPasswordBody,
  contractChangeBody,
  contractCreateBody,
  contractDto,
  contractsQuery,
  criteriaCatalogue,
  criterionInput,
  criterionParams,
  myRequestDetail,
  myRequestSummary,
  myWeekResponse,
  needsSchema,
  offerBody,
  parentSuggestionsResponse,
  publicRequestBody,
  publishedCriteria,
  rankingBody,
  requestChangeBody,
  requestParams,
  sendSuggestionsBody,
  staffRequestDetail,
  suggestionParams,
  suggestionsResponse,
  visitBody,
  withdrawBody,
} from "../../../contracts/placement";
import { contextOf } from "../../platform/authorize";
import type { StoredFile } from "../../platform/files/files";
import { guestLinkLimit, publicFormLimit } from "../../platform/public-form";
import { setSessionCookie } from "../../platform/session-cookie";
import * as contracts from "./contracts.service";
import * as matching from "./matching.service";
import { placementPolicy as can } from "./placement.policy";
import * as service from "./placement.service";

/**
 * Sends a caregiver's photo to the family she was suggested to: private caching only, the checked type, and
 * revalidation by ETag (as the caregivers module sends it to the office).
 */
function sendPhoto(request: FastifyRequest, reply: FastifyReply, file: StoredFile) {
  const etag = `"${file.sha256}"`;
  reply
    .header("cache-control", "private, max-age=300")
    .header("x-content-type-options", "nosniff")
    .header("etag", etag);
  if (request.headers["if-none-match"] === etag) return reply.status(304).send();
  return reply.header("content-type", file.contentType).send(file.data);
}

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
      config: { permission: can.submitRequest, ...publicFormLimit },
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
      config: { permission: can.readConfirmation, ...guestLinkLimit },
    },
    async (request) => service.getConfirmation(app.platform, request.params.token),
  );

  app.post(
    "/api/placement-confirmations",
    {
      schema: { tags, body: confirmWithPasswordBody, response: { 200: confirmedWithSessionResponse } },
      config: { permission: can.confirmWithNewAccount, ...guestLinkLimit },
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
      config: { permission: can.confirmIntoAccount, ...guestLinkLimit },
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

  app.get(
    "/api/orgs/:orgSlug/placement-requests/:id/suggestions",
    {
      schema: { tags, params: requestParams, response: { 200: suggestionsResponse } },
      config: { permission: can.suggest },
    },
    async (request, reply) => {
      // Judged with the needs: no cache may keep what they revealed.
      reply.header("cache-control", "no-store");
      return matching.getSuggestions(contextOf(request, app), request.params.id);
    },
  );

  app.post(
    "/api/orgs/:orgSlug/placement-requests/:id/suggestions",
    {
      schema: {
        tags,
        params: requestParams,
        body: sendSuggestionsBody,
        response: { 200: suggestionsResponse },
      },
      config: { permission: can.suggest },
    },
    async (request) => matching.sendSuggestions(contextOf(request, app), request.params.id, request.body),
  );

  app.post(
    "/api/orgs/:orgSlug/placement-requests/:id/offers",
    {
      schema: { tags, params: requestParams, body: offerBody, response: { 201: suggestionsResponse } },
      config: { permission: can.offer },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await matching.makeOffer(contextOf(request, app), request.params.id, request.body)),
  );

  app.get(
    "/api/orgs/:orgSlug/my-placement-requests/:id/suggestions",
    {
      schema: { tags, params: requestParams, response: { 200: parentSuggestionsResponse } },
      config: { permission: can.readOwnRequests },
    },
    async (request) => matching.getMySuggestions(contextOf(request, app), request.params.id),
  );

  app.get(
    "/api/orgs/:orgSlug/my-placement-requests/:id/suggestions/:caregiverId/photo",
    { schema: { tags, params: suggestionParams }, config: { permission: can.readOwnRequests } },
    async (request, reply) =>
      sendPhoto(
        request,
        reply,
        await matching.getSuggestedPhoto(
          contextOf(request, app),
          request.params.id,
          request.params.caregiverId,
        ),
      ),
  );

  app.put(
    "/api/orgs/:orgSlug/my-placement-requests/:id/suggestions/:caregiverId/visit",
    {
      schema: {
        tags,
        params: suggestionParams,
        body: visitBody,
        response: { 200: parentSuggestionsResponse },
      },
      config: { permission: can.changeOwnRequest },
    },
    async (request) =>
      matching.noteVisit(
        contextOf(request, app),
        request.params.id,
        request.params.caregiverId,
        request.body,
      ),
  );

  app.put(
    "/api/orgs/:orgSlug/my-placement-requests/:id/ranking",
    {
      schema: {
        tags,
        params: requestParams,
        body: rankingBody,
        response: { 200: parentSuggestionsResponse },
      },
      config: { permission: can.changeOwnRequest },
    },
    async (request) => matching.rankMySuggestions(contextOf(request, app), request.params.id, request.body),
  );

  app.post(
    "/api/orgs/:orgSlug/my-placement-requests/:id/offer-answer",
    {
      schema: {
        tags,
        params: requestParams,
        body: answerOfferBody,
        response: { 200: parentSuggestionsResponse },
      },
      config: { permission: can.changeOwnRequest },
    },
    async (request) => matching.answerOffer(contextOf(request, app), request.params.id, request.body),
  );

  app.get(
    "/api/orgs/:orgSlug/care-contracts",
    {
      schema: {
        tags,
        params: orgParams,
        querystring: contractsQuery,
        response: { 200: z.array(contractDto) },
      },
      config: { permission: can.manageContracts },
    },
    async (request) => contracts.listContracts(contextOf(request, app), request.query),
  );

  app.post(
    "/api/orgs/:orgSlug/care-contracts",
    {
      schema: { tags, params: orgParams, body: contractCreateBody, response: { 201: contractDto } },
      config: { permission: can.manageContracts },
    },
    async (request, reply) =>
      reply.status(201).send(await contracts.createContract(contextOf(request, app), request.body)),
  );

  app.put(
    "/api/orgs/:orgSlug/care-contracts/:id",
    {
      schema: { tags, params: requestParams, body: contractChangeBody, response: { 200: contractDto } },
      config: { permission: can.manageContracts },
    },
    async (request) => contracts.changeContract(contextOf(request, app), request.params.id, request.body),
  );

  app.get(
    "/api/orgs/:orgSlug/my-week",
    {
      schema: { tags, params: orgParams, response: { 200: myWeekResponse } },
      config: { permission: can.readOwnWeek },
    },
    async (request) => contracts.getMyWeek(contextOf(request, app)),
  );
}
