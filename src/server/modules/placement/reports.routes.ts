import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { orgParams } from "../../../contracts/common";
import {
  demandQuery,
  demandReport,
  freeCapacityQuery,
  freeCapacityReport,
  placementTimesQuery,
  placementTimesReport,
} from "../../../contracts/placement-reports";
import { contextOf } from "../../platform/authorize";
import { placementReportsPolicy as can } from "./reports.policy";
import type { CsvFile } from "./reports.service";
import * as service from "./reports.service";

/** A report as a download; never cached, since the figures change with every request and contract. */
function sendCsv(reply: FastifyReply, file: CsvFile) {
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .header("cache-control", "no-store")
    .send(file.content);
}

/** The planning reports of a coordination office, each as JSON for the page and as CSV for spreadsheets. */
export async function placementReportsRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["placement reports"];
  const path = "/api/orgs/:orgSlug/placement-reports";
  const config = { permission: can.read };

  app.get(
    `${path}/demand`,
    {
      schema: { tags, params: orgParams, querystring: demandQuery, response: { 200: demandReport } },
      config,
    },
    async (request) => service.getDemand(contextOf(request, app), request.query),
  );
  app.get(
    `${path}/demand.csv`,
    { schema: { tags, params: orgParams, querystring: demandQuery }, config },
    async (request, reply) =>
      sendCsv(reply, await service.exportDemandCsv(contextOf(request, app), request.query)),
  );

  app.get(
    `${path}/placement-times`,
    {
      schema: {
        tags,
        params: orgParams,
        querystring: placementTimesQuery,
        response: { 200: placementTimesReport },
      },
      config,
    },
    async (request) => service.getPlacementTimes(contextOf(request, app), request.query),
  );
  app.get(
    `${path}/placement-times.csv`,
    { schema: { tags, params: orgParams, querystring: placementTimesQuery }, config },
    async (request, reply) =>
      sendCsv(reply, await service.exportPlacementTimesCsv(contextOf(request, app), request.query)),
  );

  app.get(
    `${path}/free-capacity`,
    {
      schema: {
        tags,
        params: orgParams,
        querystring: freeCapacityQuery,
        response: { 200: freeCapacityReport },
      },
      config,
    },
    async (request) => service.getFreeCapacity(contextOf(request, app), request.query),
  );
  app.get(
    `${path}/free-capacity.csv`,
    { schema: { tags, params: orgParams, querystring: freeCapacityQuery }, config },
    async (request, reply) =>
      sendCsv(reply, await service.exportFreeCapacityCsv(contextOf(request, app), request.query)),
  );
}
