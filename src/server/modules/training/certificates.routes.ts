import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { orgParams } from "../../../contracts/common";
import {
  certificateDto,
  certificateParams,
  certificatesQuery,
  certificatesResponse,
  issueCertificatesBody,
  issueCertificatesResponse,
  myCertificatesResponse,
  publicCertificate,
  reissueBody,
  revokeBody,
  runParams,
  verifyParams,
} from "../../../contracts/training-records";
import { contextOf } from "../../platform/authorize";
import * as service from "./certificates.service";
import { trainingPolicy as can } from "./training.policy";

/**
 * Per client address: plenty for an employer checking a pile of certificates by hand, too few to walk the
 * code space (55 bits) — and a mistyped code is refused before the database is asked.
 */
const verifyLimit = { rateLimit: { max: 30, timeWindow: "1 minute" } };

/**
 * The file name carries her name as printed ("Şükran"): RFC 6266 `filename*` for today's browsers and an ASCII
 * stand-in for older ones.
 */
function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize("NFKD")
    .replace(/[^\w .-]/g, "")
    .trim()
    .replace(/\s+/g, "-");
  // RFC 5987 leaves ' ( ) * out of the unescaped characters, encodeURIComponent does not.
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function sendPdf(reply: FastifyReply, file: service.PdfFile) {
  return reply
    .header("content-type", "application/pdf")
    .header("content-disposition", contentDisposition(file.filename))
    .header("cache-control", "private, no-store")
    .header("x-content-type-options", "nosniff")
    .send(Buffer.from(file.bytes));
}

/** Certificates: issue, re-issue, revoke and download (staff), her own (participant), the public check. */
export async function trainingCertificatesRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["training"];
  const path = "/api/orgs/:orgSlug/training";

  app.post(
    `${path}/courses/:courseId/certificates`,
    {
      schema: {
        tags,
        params: runParams,
        body: issueCertificatesBody,
        response: { 200: issueCertificatesResponse },
      },
      config: { permission: can.issueCertificates },
    },
    async (request) =>
      service.issueCertificates(contextOf(request, app), request.params.courseId, request.body),
  );

  app.get(
    `${path}/certificates`,
    {
      schema: {
        tags,
        params: orgParams,
        querystring: certificatesQuery,
        response: { 200: certificatesResponse },
      },
      config: { permission: can.issueCertificates },
    },
    async (request) => service.listCertificates(contextOf(request, app), request.query),
  );

  app.get(
    `${path}/certificates/:certificateId/pdf`,
    {
      schema: { tags, params: certificateParams },
      config: { permission: can.issueCertificates },
    },
    async (request, reply) =>
      sendPdf(reply, await service.certificatePdf(contextOf(request, app), request.params.certificateId)),
  );

  app.post(
    `${path}/certificates/:certificateId/reissue`,
    {
      schema: { tags, params: certificateParams, body: reissueBody, response: { 201: certificateDto } },
      config: { permission: can.issueCertificates },
    },
    async (request, reply) => {
      const created = await service.reissue(
        contextOf(request, app),
        request.params.certificateId,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );

  app.post(
    `${path}/certificates/:certificateId/revoke`,
    {
      schema: { tags, params: certificateParams, body: revokeBody, response: { 200: certificateDto } },
      config: { permission: can.issueCertificates },
    },
    async (request) =>
      service.revokeCertificate(contextOf(request, app), request.params.certificateId, request.body),
  );

  app.get(
    `${path}/my-certificates`,
    {
      schema: { tags, params: orgParams, response: { 200: myCertificatesResponse } },
      config: { permission: can.readOwnTraining },
    },
    async (request) => service.listMyCertificates(contextOf(request, app)),
  );

  app.get(
    `${path}/my-certificates/:certificateId/pdf`,
    {
      schema: { tags, params: certificateParams },
      config: { permission: can.readOwnTraining },
    },
    async (request, reply) =>
      sendPdf(reply, await service.myCertificatePdf(contextOf(request, app), request.params.certificateId)),
  );

  app.get(
    "/api/public/certificates/:code",
    {
      schema: { tags, params: verifyParams, response: { 200: publicCertificate } },
      config: { permission: can.verifyCertificate, ...verifyLimit },
    },
    async (request) => service.verifyCertificate(contextOf(request, app), request.params.code),
  );
}
