import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { orgParams } from "../../../contracts/common";
import { trainingReportQuery, trainingReportResponse } from "../../../contracts/training-reports";
import { contextOf } from "../../platform/authorize";
import * as service from "./reports.service";
import { trainingPolicy as can } from "./training.policy";

/** A report as a download; never cached, since the figures change with every booking and attendance list. */
function sendFile(reply: FastifyReply, file: service.ReportFile) {
  return reply
    .header("content-type", file.contentType)
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .header("cache-control", "no-store")
    .send(file.content);
}

/** Reports on the training offer: JSON for the page, CSV per table for spreadsheets, one PDF with all. */
export async function trainingReportsRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["training reports"];
  const path = "/api/orgs/:orgSlug/training/reports";
  const config = { permission: can.readReports };
  const schema = { tags, params: orgParams, querystring: trainingReportQuery };

  app.get(
    path,
    { schema: { ...schema, response: { 200: trainingReportResponse } }, config },
    async (request) => service.getReport(contextOf(request, app), request.query),
  );
  for (const table of ["years", "runs", "cohorts"] as const) {
    app.get(`${path}/${table}.csv`, { schema, config }, async (request, reply) =>
      sendFile(reply, await service.exportCsv(contextOf(request, app), request.query, table)),
    );
  }
  app.get(`${path}.pdf`, { schema, config }, async (request, reply) =>
    sendFile(reply, await service.exportPdf(contextOf(request, app), request.query)),
  );
}
