import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { okResponse } from "../../../contracts/common";
import {
  ballotAccepted,
  ballotInput,
  candidacyInput,
  meetingView,
  paperBallotInput,
  presenceInput,
  projectorView,
  proxyInput,
  voteCandidateParams,
  voteDetail,
  voteInput,
  voteList,
  voteListQuery,
  voteMeetingParams,
  voteMeetingPersonParams,
  voteOrgParams,
  voteParams,
  votePeople,
  voteResults,
  voteSettings,
  voteSettingsInput,
} from "../../../contracts/votes";
import { contextOf } from "../../platform/authorize";
import * as ballots from "./ballots.service";
import * as lifecycle from "./lifecycle.service";
import * as meetings from "./meetings.service";
import * as nomination from "./nomination.service";
import * as record from "./record.service";
import * as results from "./results.service";
import { votesPolicy as can } from "./votes.policy";
import * as service from "./votes.service";

/** Motions and the parent-council election (ADR 0014); the API list is in contracts/votes.ts. */
export async function votesRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["votes"];
  const votes = "/api/orgs/:orgSlug/votes";
  const meetingsPath = "/api/orgs/:orgSlug/vote-meetings/:eventId";

  // Votes ------------------------------------------------------------------------------------------------
  app.get(
    votes,
    {
      schema: { tags, params: voteOrgParams, querystring: voteListQuery, response: { 200: voteList } },
      config: { permission: can.read },
    },
    async (request) => service.listVotes(contextOf(request, app), request.query.status),
  );
  app.post(
    votes,
    {
      schema: { tags, params: voteOrgParams, body: voteInput, response: { 201: voteDetail } },
      config: { permission: can.manage },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createVote(contextOf(request, app), request.body)),
  );
  app.get(
    `${votes}/:id`,
    { schema: { tags, params: voteParams, response: { 200: voteDetail } }, config: { permission: can.read } },
    async (request) => service.getVote(contextOf(request, app), request.params.id),
  );
  app.put(
    `${votes}/:id`,
    {
      schema: { tags, params: voteParams, body: voteInput, response: { 200: voteDetail } },
      config: { permission: can.manage },
    },
    async (request) => service.updateVote(contextOf(request, app), request.params.id, request.body),
  );
  app.delete(
    `${votes}/:id`,
    {
      schema: { tags, params: voteParams, response: { 200: okResponse } },
      config: { permission: can.manage },
    },
    async (request) => service.deleteVote(contextOf(request, app), request.params.id),
  );
  app.post(
    `${votes}/:id/open-nomination`,
    {
      schema: { tags, params: voteParams, response: { 200: voteDetail } },
      config: { permission: can.manage },
    },
    async (request) => nomination.openNomination(contextOf(request, app), request.params.id),
  );
  app.post(
    `${votes}/:id/open`,
    {
      schema: { tags, params: voteParams, response: { 200: voteDetail } },
      config: { permission: can.manage },
    },
    async (request) => lifecycle.openVote(contextOf(request, app), request.params.id),
  );
  app.post(
    `${votes}/:id/close`,
    {
      schema: { tags, params: voteParams, response: { 200: voteDetail } },
      config: { permission: can.manage },
    },
    async (request) => lifecycle.closeVote(contextOf(request, app), request.params.id),
  );
  app.post(
    `${votes}/:id/paper-ballots`,
    {
      schema: { tags, params: voteParams, body: paperBallotInput, response: { 201: voteResults } },
      config: { permission: can.manage },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await ballots.addPaperBallots(contextOf(request, app), request.params.id, request.body)),
  );
  app.delete(
    `${votes}/:id/candidates/:optionId`,
    {
      schema: { tags, params: voteCandidateParams, response: { 200: voteDetail } },
      config: { permission: can.manage },
    },
    async (request) =>
      nomination.removeCandidate(contextOf(request, app), request.params.id, request.params.optionId),
  );
  app.get(
    `${votes}/:id/ballots.csv`,
    { schema: { tags, params: voteParams }, config: { permission: can.manage } },
    async (request, reply) => {
      const file = await record.exportNamedBallots(contextOf(request, app), request.params.id);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );
  app.get(
    `${votes}/:id/record.pdf`,
    { schema: { tags, params: voteParams }, config: { permission: can.manage } },
    async (request, reply) => {
      const file = await record.recordPdf(contextOf(request, app), request.params.id);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );
  app.get(
    `${votes}/:id/projector`,
    {
      schema: { tags, params: voteParams, response: { 200: projectorView } },
      config: { permission: can.manage },
    },
    async (request) => results.getProjector(contextOf(request, app), request.params.id),
  );
  app.get(
    "/api/orgs/:orgSlug/vote-people",
    {
      schema: { tags, params: voteOrgParams, response: { 200: votePeople } },
      config: { permission: can.manage },
    },
    async (request) => results.listPeople(contextOf(request, app)),
  );

  // Members ------------------------------------------------------------------------------------------------
  app.post(
    `${votes}/:id/ballots`,
    {
      schema: { tags, params: voteParams, body: ballotInput, response: { 201: ballotAccepted } },
      config: { permission: can.read },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await ballots.castBallot(contextOf(request, app), request.params.id, request.body)),
  );
  app.get(
    `${votes}/:id/results`,
    {
      schema: { tags, params: voteParams, response: { 200: voteResults } },
      config: { permission: can.read },
    },
    async (request) => results.getResults(contextOf(request, app), request.params.id),
  );
  app.post(
    `${votes}/:id/candidacy`,
    {
      schema: { tags, params: voteParams, body: candidacyInput, response: { 201: voteDetail } },
      config: { permission: can.read },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await nomination.stand(contextOf(request, app), request.params.id, request.body.introduction)),
  );
  app.delete(
    `${votes}/:id/candidacy`,
    { schema: { tags, params: voteParams, response: { 200: voteDetail } }, config: { permission: can.read } },
    async (request) => nomination.withdrawCandidacy(contextOf(request, app), request.params.id),
  );

  // Settings -----------------------------------------------------------------------------------------------
  app.get(
    "/api/orgs/:orgSlug/vote-settings",
    {
      schema: { tags, params: voteOrgParams, response: { 200: voteSettings } },
      config: { permission: can.read },
    },
    async (request) => meetings.getSettings(contextOf(request, app)),
  );
  app.put(
    "/api/orgs/:orgSlug/vote-settings",
    {
      schema: { tags, params: voteOrgParams, body: voteSettingsInput, response: { 200: voteSettings } },
      config: { permission: can.manage },
    },
    async (request) => meetings.updateSettings(contextOf(request, app), request.body),
  );

  // Meetings -----------------------------------------------------------------------------------------------
  app.get(
    meetingsPath,
    {
      schema: { tags, params: voteMeetingParams, response: { 200: meetingView } },
      config: { permission: can.read },
    },
    async (request) => meetings.getMeeting(contextOf(request, app), request.params.eventId),
  );
  app.post(
    `${meetingsPath}/presence`,
    {
      schema: { tags, params: voteMeetingParams, body: presenceInput, response: { 200: meetingView } },
      config: { permission: can.read },
    },
    async (request) =>
      meetings.markPresent(contextOf(request, app), request.params.eventId, request.body.userId),
  );
  app.delete(
    `${meetingsPath}/presence/:userId`,
    {
      schema: { tags, params: voteMeetingPersonParams, response: { 200: meetingView } },
      config: { permission: can.read },
    },
    async (request) =>
      meetings.removePresence(contextOf(request, app), request.params.eventId, request.params.userId),
  );
  app.post(
    `${meetingsPath}/proxy`,
    {
      schema: { tags, params: voteMeetingParams, body: proxyInput, response: { 200: meetingView } },
      config: { permission: can.read },
    },
    async (request) =>
      meetings.grantProxy(contextOf(request, app), request.params.eventId, request.body.holderUserId),
  );
  app.delete(
    `${meetingsPath}/proxy`,
    {
      schema: { tags, params: voteMeetingParams, response: { 200: meetingView } },
      config: { permission: can.read },
    },
    async (request) => meetings.withdrawProxy(contextOf(request, app), request.params.eventId),
  );
}
