import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { orgParams } from "../../../contracts/common";
import {
  acceptBody,
  externalCertificate,
  externalFileContentTypes,
  externalFileMaxBytes,
  externalParams,
  externalUploadBody,
  rejectBody,
  reviewListResponse,
  reviewQuery,
} from "../../../contracts/training-account";
import { contextOf } from "../../platform/authorize";
import type { StoredFile } from "../../platform/files/files";
import * as service from "./external.service";
import { trainingPolicy as can } from "./training.policy";

/**
 * Sends an uploaded certificate: never cached by shared proxies, the checked type only (nosniff), and shown
 * inline so a phone opens it in its viewer; a PDF is sandboxed so that scripts in it do not run on our origin.
 */
function sendFile(reply: FastifyReply, file: StoredFile) {
  const extension = file.contentType === "application/pdf" ? "pdf" : file.contentType.split("/")[1];
  return reply
    .header("cache-control", "private, no-store")
    .header("x-content-type-options", "nosniff")
    .header("content-security-policy", "sandbox")
    .header("content-disposition", `inline; filename="bescheinigung.${extension}"`)
    .header("content-type", file.contentType)
    .send(file.data);
}

function uploadOf(request: FastifyRequest) {
  return { contentType: request.headers["content-type"], body: request.body };
}

/** Certificates from other providers: her upload, the office's review. */
export async function trainingExternalRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["training"];
  // The file arrives as the raw body. Registered in this plugin only, with the size limit on the file route.
  app.addContentTypeParser([...externalFileContentTypes], { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );

  app.post(
    "/api/orgs/:orgSlug/training/my-external-certificates",
    {
      schema: { tags, params: orgParams, body: externalUploadBody, response: { 201: externalCertificate } },
      config: { permission: can.uploadExternal },
    },
    async (request, reply) =>
      reply.status(201).send(await service.uploadExternal(contextOf(request, app), request.body)),
  );

  app.put(
    "/api/orgs/:orgSlug/training/my-external-certificates/:id/file",
    {
      bodyLimit: externalFileMaxBytes,
      schema: { tags, params: externalParams, response: { 200: externalCertificate } },
      config: { permission: can.uploadExternal },
    },
    async (request) => service.attachFile(contextOf(request, app), request.params.id, uploadOf(request)),
  );

  app.get(
    "/api/orgs/:orgSlug/training/my-external-certificates/:id/file",
    { schema: { tags, params: externalParams }, config: { permission: can.readOwnTraining } },
    async (request, reply) =>
      sendFile(reply, await service.getOwnFile(contextOf(request, app), request.params.id)),
  );

  app.get(
    "/api/orgs/:orgSlug/training/external-certificates",
    {
      schema: { tags, params: orgParams, querystring: reviewQuery, response: { 200: reviewListResponse } },
      config: { permission: can.reviewExternal },
    },
    async (request) => service.listForReview(contextOf(request, app), request.query.status),
  );

  app.get(
    "/api/orgs/:orgSlug/training/external-certificates/:id/file",
    { schema: { tags, params: externalParams }, config: { permission: can.reviewExternal } },
    async (request, reply) =>
      sendFile(reply, await service.getFile(contextOf(request, app), request.params.id)),
  );

  app.post(
    "/api/orgs/:orgSlug/training/external-certificates/:id/accept",
    {
      schema: { tags, params: externalParams, body: acceptBody, response: { 200: externalCertificate } },
      config: { permission: can.reviewExternal },
    },
    async (request) => service.acceptExternal(contextOf(request, app), request.params.id, request.body),
  );

  app.post(
    "/api/orgs/:orgSlug/training/external-certificates/:id/reject",
    {
      schema: { tags, params: externalParams, body: rejectBody, response: { 200: externalCertificate } },
      config: { permission: can.reviewExternal },
    },
    async (request) => service.rejectExternal(contextOf(request, app), request.params.id, request.body),
  );
}
