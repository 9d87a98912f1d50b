import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { orgParams } from "../../../contracts/common";
import { requestParams } from "../../../contracts/placement";
import {
  followUpBody,
  myRoundResponse,
  parentRoundResponse,
  publishBody,
  resultsQuery,
  reviewBody,
  roundChangeBody,
  roundDetail,
  roundExplanation,
  roundInput,
  roundParams,
  roundResultParams,
  roundResults,
  roundSummary,
  runDto,
  runStatusDto,
  suggestAllBody,
  suggestAllResponse,
} from "../../../contracts/placement-rounds";
import { contextOf } from "../../platform/authorize";
import { placementPolicy as can } from "./placement.policy";
import * as service from "./rounds.service";

/** Allocation rounds: the office's pages, the caregiver's review of her order, the family's view. */
export async function roundsRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["placement"];
  const rounds = "/api/orgs/:orgSlug/placement-rounds";

  app.get(
    rounds,
    {
      schema: { tags, params: orgParams, response: { 200: z.array(roundSummary) } },
      config: { permission: can.readRounds },
    },
    async (request) => service.listRounds(contextOf(request, app)),
  );

  app.post(
    rounds,
    {
      schema: { tags, params: orgParams, body: roundInput, response: { 201: roundDetail } },
      config: { permission: can.manageRounds },
    },
    async (request, reply) =>
      reply.status(201).send(await service.openRound(contextOf(request, app), request.body)),
  );

  app.get(
    `${rounds}/:id`,
    {
      schema: { tags, params: roundParams, response: { 200: roundDetail } },
      config: { permission: can.readRounds },
    },
    async (request) => service.getRound(contextOf(request, app), request.params.id),
  );

  app.get(
    `${rounds}/:id/run`,
    {
      schema: { tags, params: roundParams, response: { 200: runStatusDto.nullable() } },
      config: { permission: can.readRounds },
    },
    async (request) => service.getRunStatus(contextOf(request, app), request.params.id),
  );

  app.patch(
    `${rounds}/:id`,
    {
      schema: { tags, params: roundParams, body: roundChangeBody, response: { 200: roundDetail } },
      config: { permission: can.manageRounds },
    },
    async (request) => service.changeRound(contextOf(request, app), request.params.id, request.body),
  );

  app.post(
    `${rounds}/:id/close-ranking`,
    {
      schema: { tags, params: roundParams, response: { 200: roundDetail } },
      config: { permission: can.manageRounds },
    },
    async (request) => service.closeRanking(contextOf(request, app), request.params.id),
  );

  app.post(
    `${rounds}/:id/cancel`,
    {
      schema: { tags, params: roundParams, response: { 200: roundDetail } },
      config: { permission: can.manageRounds },
    },
    async (request) => service.cancelRound(contextOf(request, app), request.params.id),
  );

  app.post(
    `${rounds}/:id/runs`,
    {
      schema: { tags, params: roundParams, response: { 202: runDto } },
      config: { permission: can.manageRounds },
    },
    async (request, reply) =>
      reply.status(202).send(await service.startRun(contextOf(request, app), request.params.id)),
  );

  app.get(
    `${rounds}/:id/results`,
    {
      schema: { tags, params: roundParams, querystring: resultsQuery, response: { 200: roundResults } },
      config: { permission: can.readRounds },
    },
    async (request) => service.getResults(contextOf(request, app), request.params.id, request.query),
  );

  app.get(
    `${rounds}/:id/results/:requestId`,
    {
      schema: { tags, params: roundResultParams, response: { 200: roundExplanation } },
      config: { permission: can.readRounds },
    },
    async (request) =>
      service.getExplanation(contextOf(request, app), request.params.id, request.params.requestId),
  );

  app.post(
    `${rounds}/:id/suggest-all`,
    {
      schema: { tags, params: roundParams, body: suggestAllBody, response: { 200: suggestAllResponse } },
      config: { permission: can.manageRounds },
    },
    async (request) => service.suggestToAll(contextOf(request, app), request.params.id, request.body),
  );

  app.post(
    `${rounds}/:id/publish`,
    {
      schema: { tags, params: roundParams, body: publishBody, response: { 200: roundDetail } },
      config: { permission: can.manageRounds },
    },
    async (request) => service.publishRound(contextOf(request, app), request.params.id, request.body),
  );

  app.post(
    `${rounds}/:id/follow-up`,
    {
      schema: { tags, params: roundParams, body: followUpBody, response: { 201: roundDetail } },
      config: { permission: can.manageRounds },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.openFollowUp(contextOf(request, app), request.params.id, request.body)),
  );

  app.get(
    "/api/orgs/:orgSlug/my-placement-round",
    {
      schema: { tags, params: orgParams, response: { 200: myRoundResponse } },
      config: { permission: can.reviewOwnRound },
    },
    async (request) => service.getMyRound(contextOf(request, app)),
  );

  app.put(
    "/api/orgs/:orgSlug/my-placement-round/order",
    {
      schema: { tags, params: orgParams, body: reviewBody, response: { 200: myRoundResponse } },
      config: { permission: can.reviewOwnRound },
    },
    async (request) => service.saveMyOrder(contextOf(request, app), request.body),
  );

  app.get(
    "/api/orgs/:orgSlug/my-placement-requests/:id/round",
    {
      schema: { tags, params: requestParams, response: { 200: parentRoundResponse } },
      config: { permission: can.readOwnRequests },
    },
    async (request) => service.getParentRound(contextOf(request, app), request.params.id),
  );
}
