import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { isoDateSchema, okResponse, orgIdParams, orgParams, uuidSchema } from "../../../contracts/common";
import {
  absenceInput,
  absenceList,
  absenceReported,
  arrangementDto,
  arrangementInput,
  arrangementList,
  boardQuery,
  boardResponse,
  calendarQuery,
  calendarResponse,
  candidatesResponse,
  confirmManyInput,
  coverChangeInput,
  coverDto,
  familyCover,
  familyCoversResponse,
  hoursQuery,
  hoursResponse,
  kitaArchived,
  kitaDto,
  kitaInput,
  kitaList,
  modelReport,
  myCoversResponse,
  parentAnswerInput,
  partnerCheckResponse,
  playGroupDto,
  playGroupInput,
  playGroupList,
  reportQuery,
  settingsDto,
  settingsInput,
  substituteDto,
  substituteInput,
  substituteList,
} from "../../../contracts/substitution";
import { contextOf } from "../../platform/authorize";
import * as absences from "./absences.service";
import * as calendar from "./calendar.service";
import { careNotesRoutes } from "./care-notes.routes";
import * as covers from "./covers.service";
import * as partnerChecks from "./partner-check.service";
import * as report from "./report.service";
import * as setup from "./setup.service";
import { substitutionPolicy as can } from "./substitution.policy";

const absencesQuery = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  caregiverId: uuidSchema.optional(),
});
const caregiverParams = orgParams.extend({ caregiverId: uuidSchema });

/** Substitution (issue 7); the route list and its meaning are in contracts/substitution.ts. */
export async function substitutionRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["substitution"];
  const root = "/api/orgs/:orgSlug/substitution";
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, app);

  // The office's board ---------------------------------------------------------------------------------
  app.get(
    `${root}/board`,
    {
      schema: { tags, params: orgParams, querystring: boardQuery, response: { 200: boardResponse } },
      config: { permission: can.manage },
    },
    async (request) => covers.getBoard(ctx(request), request.query),
  );
  app.post(
    `${root}/covers/confirm`,
    {
      schema: { tags, params: orgParams, body: confirmManyInput, response: { 200: boardResponse } },
      config: { permission: can.manage },
    },
    async (request) => covers.confirmMany(ctx(request), request.body.coverIds),
  );
  app.post(
    `${root}/covers/:id/confirm`,
    {
      schema: { tags, params: orgIdParams, response: { 200: coverDto } },
      config: { permission: can.manage },
    },
    async (request) => covers.confirmCover(ctx(request), request.params.id),
  );
  app.get(
    `${root}/covers/:id/candidates`,
    {
      schema: { tags, params: orgIdParams, response: { 200: candidatesResponse } },
      config: { permission: can.manage },
    },
    async (request) => covers.getCandidates(ctx(request), request.params.id),
  );
  app.put(
    `${root}/covers/:id`,
    {
      schema: { tags, params: orgIdParams, body: coverChangeInput, response: { 200: coverDto } },
      config: { permission: can.manage },
    },
    async (request) => covers.changeCover(ctx(request), request.params.id, request.body),
  );
  app.post(
    `${root}/absences/:id/repropose`,
    {
      schema: { tags, params: orgIdParams, response: { 200: boardResponse } },
      config: { permission: can.manage },
    },
    async (request) => covers.repropose(ctx(request), request.params.id),
  );
  app.get(
    `${root}/absences/:id/partner-check`,
    {
      schema: { tags, params: orgIdParams, response: { 200: partnerCheckResponse } },
      config: { permission: can.manage },
    },
    async (request) => partnerChecks.officePartnerCheck(ctx(request), request.params.id),
  );
  app.get(
    `${root}/absences`,
    {
      schema: { tags, params: orgParams, querystring: absencesQuery, response: { 200: absenceList } },
      config: { permission: can.manage },
    },
    async (request) => absences.listAbsences(ctx(request), request.query),
  );
  app.post(
    `${root}/absences`,
    {
      schema: { tags, params: orgParams, body: absenceInput, response: { 201: absenceReported } },
      config: { permission: can.manage },
    },
    async (request, reply) =>
      reply.status(201).send(await absences.reportForOffice(ctx(request), request.body)),
  );

  app.get(
    `${root}/calendar`,
    {
      schema: { tags, params: orgParams, querystring: calendarQuery, response: { 200: calendarResponse } },
      config: { permission: can.manage },
    },
    async (request) => calendar.getCalendar(ctx(request), request.query),
  );

  app.delete(
    `${root}/absences/:id`,
    {
      schema: { tags, params: orgIdParams, response: { 200: okResponse } },
      config: { permission: can.manage },
    },
    async (request) => absences.cancelAbsenceForOffice(ctx(request), request.params.id),
  );

  // Arrangements and setup ---------------------------------------------------------------------------
  app.get(
    `${root}/arrangements`,
    {
      schema: { tags, params: orgParams, response: { 200: arrangementList } },
      config: { permission: can.manage },
    },
    async (request) => setup.listArrangements(ctx(request)),
  );
  app.put(
    `${root}/arrangements/:caregiverId`,
    {
      schema: { tags, params: caregiverParams, body: arrangementInput, response: { 200: arrangementDto } },
      config: { permission: can.manage },
    },
    async (request) => setup.setArrangement(ctx(request), request.params.caregiverId, request.body),
  );
  app.get(
    `${root}/substitutes`,
    {
      schema: { tags, params: orgParams, response: { 200: substituteList } },
      config: { permission: can.manage },
    },
    async (request) => setup.listSubstitutes(ctx(request)),
  );
  app.post(
    `${root}/substitutes`,
    {
      schema: { tags, params: orgParams, body: substituteInput, response: { 201: substituteDto } },
      config: { permission: can.manage },
    },
    async (request, reply) =>
      reply.status(201).send(await setup.createSubstitute(ctx(request), request.body)),
  );
  app.put(
    `${root}/substitutes/:id`,
    {
      schema: { tags, params: orgIdParams, body: substituteInput, response: { 200: substituteDto } },
      config: { permission: can.manage },
    },
    async (request) => setup.updateSubstitute(ctx(request), request.params.id, request.body),
  );
  app.delete(
    `${root}/substitutes/:id`,
    {
      schema: { tags, params: orgIdParams, response: { 200: okResponse } },
      config: { permission: can.manage },
    },
    async (request) => setup.deleteSubstitute(ctx(request), request.params.id),
  );
  app.get(
    `${root}/kitas`,
    { schema: { tags, params: orgParams, response: { 200: kitaList } }, config: { permission: can.manage } },
    async (request) => setup.listKitas(ctx(request)),
  );
  app.post(
    `${root}/kitas`,
    {
      schema: { tags, params: orgParams, body: kitaInput, response: { 201: kitaDto } },
      config: { permission: can.manage },
    },
    async (request, reply) => reply.status(201).send(await setup.createKita(ctx(request), request.body)),
  );
  app.put(
    `${root}/kitas/:id`,
    {
      schema: { tags, params: orgIdParams, body: kitaInput, response: { 200: kitaDto } },
      config: { permission: can.manage },
    },
    async (request) => setup.updateKita(ctx(request), request.params.id, request.body),
  );
  app.delete(
    `${root}/kitas/:id`,
    {
      schema: { tags, params: orgIdParams, response: { 200: kitaArchived } },
      config: { permission: can.manage },
    },
    async (request) => setup.deleteKita(ctx(request), request.params.id),
  );
  app.get(
    `${root}/play-groups`,
    {
      schema: { tags, params: orgParams, response: { 200: playGroupList } },
      config: { permission: can.manage },
    },
    async (request) => setup.listPlayGroups(ctx(request)),
  );
  app.post(
    `${root}/play-groups`,
    {
      schema: { tags, params: orgParams, body: playGroupInput, response: { 201: playGroupDto } },
      config: { permission: can.manage },
    },
    async (request, reply) => reply.status(201).send(await setup.createPlayGroup(ctx(request), request.body)),
  );
  app.put(
    `${root}/play-groups/:id`,
    {
      schema: { tags, params: orgIdParams, body: playGroupInput, response: { 200: playGroupDto } },
      config: { permission: can.manage },
    },
    async (request) => setup.updatePlayGroup(ctx(request), request.params.id, request.body),
  );
  app.delete(
    `${root}/play-groups/:id`,
    {
      schema: { tags, params: orgIdParams, response: { 200: okResponse } },
      config: { permission: can.manage },
    },
    async (request) => setup.deletePlayGroup(ctx(request), request.params.id),
  );
  app.get(
    `${root}/settings`,
    {
      schema: { tags, params: orgParams, response: { 200: settingsDto } },
      config: { permission: can.manage },
    },
    async (request) => setup.getSettings(ctx(request)),
  );
  app.put(
    `${root}/settings`,
    {
      schema: { tags, params: orgParams, body: settingsInput, response: { 200: settingsDto } },
      config: { permission: can.manage },
    },
    async (request) => setup.updateSettings(ctx(request), request.body),
  );

  // Hours and the model report -----------------------------------------------------------------------
  app.get(
    `${root}/hours`,
    {
      schema: { tags, params: orgParams, querystring: hoursQuery, response: { 200: hoursResponse } },
      config: { permission: can.manage },
    },
    async (request) => report.getHours(ctx(request), request.query.month),
  );
  app.get(
    `${root}/hours.csv`,
    { schema: { tags, params: orgParams, querystring: hoursQuery }, config: { permission: can.manage } },
    async (request, reply) => {
      const file = await report.hoursCsv(ctx(request), request.query.month);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );
  app.get(
    `${root}/report`,
    {
      schema: { tags, params: orgParams, querystring: reportQuery, response: { 200: modelReport } },
      config: { permission: can.manage },
    },
    async (request) => report.getReport(ctx(request), request.query),
  );
  app.get(
    `${root}/report.csv`,
    { schema: { tags, params: orgParams, querystring: reportQuery }, config: { permission: can.manage } },
    async (request, reply) => {
      const file = await report.reportCsv(ctx(request), request.query);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );
  app.get(
    `${root}/report.pdf`,
    { schema: { tags, params: orgParams, querystring: reportQuery }, config: { permission: can.manage } },
    async (request, reply) => {
      const file = await report.reportPdf(ctx(request), request.query);
      return reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );

  // Day-care persons and substitutes -----------------------------------------------------------------
  app.post(
    `${root}/my/absences`,
    {
      schema: { tags, params: orgParams, body: absenceInput, response: { 201: absenceReported } },
      config: { permission: can.own },
    },
    async (request, reply) => reply.status(201).send(await absences.reportOwn(ctx(request), request.body)),
  );
  app.get(
    `${root}/my/absences/:id/partner-check`,
    {
      schema: { tags, params: orgIdParams, response: { 200: partnerCheckResponse } },
      config: { permission: can.own },
    },
    async (request) => partnerChecks.ownPartnerCheck(ctx(request), request.params.id),
  );
  app.get(
    `${root}/my/absences`,
    { schema: { tags, params: orgParams, response: { 200: absenceList } }, config: { permission: can.own } },
    async (request) => absences.listOwnAbsences(ctx(request)),
  );
  app.delete(
    `${root}/my/absences/:id`,
    { schema: { tags, params: orgIdParams, response: { 200: okResponse } }, config: { permission: can.own } },
    async (request) => absences.cancelOwnAbsence(ctx(request), request.params.id),
  );
  app.get(
    `${root}/my/covers`,
    {
      schema: { tags, params: orgParams, querystring: boardQuery, response: { 200: myCoversResponse } },
      config: { permission: can.own },
    },
    async (request) => covers.getMyCovers(ctx(request), request.query),
  );
  app.get(
    `${root}/my/calendar`,
    {
      schema: { tags, params: orgParams, querystring: calendarQuery, response: { 200: calendarResponse } },
      config: { permission: can.own },
    },
    async (request) => calendar.getMyCalendar(ctx(request), request.query),
  );
  app.get(
    `${root}/my/tandem`,
    {
      schema: { tags, params: orgParams, querystring: boardQuery, response: { 200: boardResponse } },
      config: { permission: can.own },
    },
    async (request) => covers.getTandemBoard(ctx(request), request.query),
  );
  app.post(
    `${root}/my/tandem/covers/:id/confirm`,
    { schema: { tags, params: orgIdParams, response: { 200: coverDto } }, config: { permission: can.own } },
    async (request) => covers.confirmAsTandem(ctx(request), request.params.id),
  );

  // Parents --------------------------------------------------------------------------------------------
  app.get(
    `${root}/family`,
    {
      schema: { tags, params: orgParams, response: { 200: familyCoversResponse } },
      config: { permission: can.family },
    },
    async (request) => covers.getFamilyCovers(ctx(request)),
  );
  app.post(
    `${root}/family/covers/:id/answer`,
    {
      schema: { tags, params: orgIdParams, body: parentAnswerInput, response: { 200: familyCover } },
      config: { permission: can.family },
    },
    async (request) => covers.answerCover(ctx(request), request.params.id, request.body),
  );

  // Care notes on the contract (parents and office) ---------------------------------------------------
  await careNotesRoutes(base);
}
