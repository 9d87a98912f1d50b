import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { orgParams } from "../../../contracts/common";
import { auditListResponse, auditQuery } from "../../../contracts/privacy";
import { contextOf } from "../../platform/authorize";
import { privacyPolicy as can } from "./privacy.policy";
import * as service from "./privacy.service";

export async function privacyRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["privacy"];

  app.get(
    "/api/orgs/:orgSlug/audit",
    {
      schema: { tags, params: orgParams, querystring: auditQuery, response: { 200: auditListResponse } },
      config: { permission: can.readAudit },
    },
    async (request) => service.listAudit(contextOf(request, app), request.query),
  );

  app.get(
    "/api/orgs/:orgSlug/audit/export.csv",
    { schema: { tags, params: orgParams, querystring: auditQuery }, config: { permission: can.readAudit } },
    async (request, reply) => {
      const csv = await service.exportAuditCsv(contextOf(request, app), request.query);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="protokoll-${request.params.orgSlug}.csv"`)
        .send(csv);
    },
  );
}
