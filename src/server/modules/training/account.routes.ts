import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { orgParams } from "../../../contracts/common";
import {
  accountListQuery,
  accountListResponse,
  accountParams,
  invitableRunsQuery,
  invitableRunsResponse,
  invitationBody,
  invitationResponse,
  trainingAccountDto,
} from "../../../contracts/training-account";
import { contextOf } from "../../platform/authorize";
import * as service from "./account.service";
import { trainingPolicy as can } from "./training.policy";

/** Training accounts: her own, any day-care person's for the office, who is behind, inviting a group. */
export async function trainingAccountRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["training"];

  app.get(
    "/api/orgs/:orgSlug/training/my-account",
    {
      schema: { tags, params: orgParams, response: { 200: trainingAccountDto } },
      config: { permission: can.readOwnTraining },
    },
    async (request) => service.getMyAccount(contextOf(request, app)),
  );

  app.get(
    "/api/orgs/:orgSlug/training/accounts",
    {
      schema: {
        tags,
        params: orgParams,
        querystring: accountListQuery,
        response: { 200: accountListResponse },
      },
      config: { permission: can.readAccounts },
    },
    async (request) => service.listAccounts(contextOf(request, app), request.query),
  );

  app.get(
    "/api/orgs/:orgSlug/training/accounts/:kind/:id",
    {
      schema: { tags, params: accountParams, response: { 200: trainingAccountDto } },
      config: { permission: can.readAccounts },
    },
    async (request) =>
      service.getAccount(contextOf(request, app), { kind: request.params.kind, id: request.params.id }),
  );

  app.get(
    "/api/orgs/:orgSlug/training/invitable-runs",
    {
      schema: {
        tags,
        params: orgParams,
        querystring: invitableRunsQuery,
        response: { 200: invitableRunsResponse },
      },
      config: { permission: can.manageBookings },
    },
    async (request) => service.listInvitableRuns(contextOf(request, app), request.query.category),
  );

  app.post(
    "/api/orgs/:orgSlug/training/invitations",
    {
      schema: { tags, params: orgParams, body: invitationBody, response: { 200: invitationResponse } },
      config: { permission: can.manageBookings },
    },
    async (request) => service.inviteToRun(contextOf(request, app), request.body),
  );
}
