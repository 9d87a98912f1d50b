import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { okResponse, orgParams } from "../../../contracts/common";
import {
  answerForm,
  createSurveyBody,
  myInvitation,
  openSurveyBody,
  remindedResponse,
  submitAnswersBody,
  submitByTokenBody,
  surveyDetail,
  surveyParams,
  surveyResults,
  surveySummary,
  tokenBody,
  updateSurveyBody,
} from "../../../contracts/surveys";
import { contextOf } from "../../platform/authorize";
import { guestLinkLimit } from "../../platform/public-form";
import { surveysPolicy as can } from "./surveys.policy";
import * as service from "./surveys.service";

/** Anonymous satisfaction surveys: building, inviting, answering (signed in or by link) and results. */
export async function surveysRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["surveys"];
  const surveys = "/api/orgs/:orgSlug/surveys";
  const invitations = "/api/orgs/:orgSlug/survey-invitations";

  app.get(
    surveys,
    {
      schema: { tags, params: orgParams, response: { 200: z.array(surveySummary) } },
      config: { permission: can.manage },
    },
    async (request) => service.listSurveys(contextOf(request, app)),
  );
  app.post(
    surveys,
    {
      schema: { tags, params: orgParams, body: createSurveyBody, response: { 201: surveyDetail } },
      config: { permission: can.manage },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createSurvey(contextOf(request, app), request.body)),
  );
  app.get(
    `${surveys}/:id`,
    {
      schema: { tags, params: surveyParams, response: { 200: surveyDetail } },
      config: { permission: can.manage },
    },
    async (request) => service.getSurvey(contextOf(request, app), request.params.id),
  );
  app.put(
    `${surveys}/:id`,
    {
      schema: { tags, params: surveyParams, body: updateSurveyBody, response: { 200: surveyDetail } },
      config: { permission: can.manage },
    },
    async (request) => service.updateSurvey(contextOf(request, app), request.params.id, request.body),
  );
  app.delete(
    `${surveys}/:id`,
    {
      schema: { tags, params: surveyParams, response: { 200: okResponse } },
      config: { permission: can.manage },
    },
    async (request) => {
      await service.deleteSurvey(contextOf(request, app), request.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    `${surveys}/:id/open`,
    {
      schema: { tags, params: surveyParams, body: openSurveyBody, response: { 200: surveySummary } },
      config: { permission: can.manage },
    },
    async (request) => service.openSurvey(contextOf(request, app), request.params.id, request.body.closesOn),
  );
  app.post(
    `${surveys}/:id/close`,
    {
      schema: { tags, params: surveyParams, response: { 200: surveySummary } },
      config: { permission: can.manage },
    },
    async (request) => service.closeSurvey(contextOf(request, app), request.params.id),
  );
  app.post(
    `${surveys}/:id/remind`,
    {
      schema: { tags, params: surveyParams, response: { 200: remindedResponse } },
      config: { permission: can.manage },
    },
    async (request) => service.remindSurvey(contextOf(request, app), request.params.id),
  );
  app.post(
    `${surveys}/:id/rerun`,
    {
      schema: { tags, params: surveyParams, response: { 201: surveyDetail } },
      config: { permission: can.manage },
    },
    async (request, reply) =>
      reply.status(201).send(await service.rerunSurvey(contextOf(request, app), request.params.id)),
  );
  app.get(
    `${surveys}/:id/results`,
    {
      schema: { tags, params: surveyParams, response: { 200: surveyResults } },
      config: { permission: can.manage },
    },
    async (request) => service.getResults(contextOf(request, app), request.params.id),
  );
  app.get(
    `${surveys}/:id/results.csv`,
    { schema: { tags, params: surveyParams }, config: { permission: can.manage } },
    async (request, reply) => {
      const file = await service.exportResultsCsv(contextOf(request, app), request.params.id);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );

  app.get(
    invitations,
    {
      schema: { tags, params: orgParams, response: { 200: z.array(myInvitation) } },
      config: { permission: can.answer },
    },
    async (request) => service.listMyInvitations(contextOf(request, app)),
  );
  app.get(
    `${invitations}/:id`,
    {
      schema: { tags, params: surveyParams, response: { 200: answerForm } },
      config: { permission: can.answer },
    },
    async (request) => service.myForm(contextOf(request, app), request.params.id),
  );
  app.post(
    `${invitations}/:id/answers`,
    {
      schema: { tags, params: surveyParams, body: submitAnswersBody, response: { 200: okResponse } },
      config: { permission: can.answer },
    },
    async (request) => {
      await service.submitMine(contextOf(request, app), request.params.id, request.body.answers);
      return { ok: true as const };
    },
  );

  // The link's token is posted in the body, never put in a URL (see linkOf in the service).
  app.post(
    "/api/survey-links/form",
    {
      schema: { tags, body: tokenBody, response: { 200: answerForm } },
      config: { permission: can.answerByLink, ...guestLinkLimit },
    },
    async (request) => service.formByToken(app.platform, request.body.token),
  );
  app.post(
    "/api/survey-links/answers",
    {
      schema: { tags, body: submitByTokenBody, response: { 200: okResponse } },
      config: { permission: can.answerByLink, ...guestLinkLimit },
    },
    async (request) => {
      await service.submitByToken(app.platform, request.body.token, request.body.answers);
      return { ok: true as const };
    },
  );
}
