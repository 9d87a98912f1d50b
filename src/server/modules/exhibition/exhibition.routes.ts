import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { okResponse, orgParams } from "../../../contracts/common";
import {
  consentInput,
  consentWithdrawInput,
  exhibitionConsentParams,
  exhibitionDetail,
  exhibitionImageContentTypes,
  exhibitionImageMaxBytes,
  exhibitionInput,
  exhibitionParams,
  exhibitionPhoto,
  exhibitionPhotoParams,
  exhibitionSummary,
  imageSizeQuery,
  photoPublishInput,
  photoUpdateInput,
  photoUploadQuery,
  publicExhibition,
  publicExhibitionList,
  publicExhibitionParams,
  publicExhibitionPhotoParams,
} from "../../../contracts/exhibition";
import { contextOf } from "../../platform/authorize";
import type { StoredFile } from "../../platform/files/files";
import { exhibitionPolicy as can } from "./exhibition.policy";
import * as service from "./exhibition.service";

/**
 * Sends an image that must disappear the moment a consent is withdrawn: no shared cache may keep it, and
 * the browser asks again at every view (a cheap 304 with the ETag while the photo may still be shown, a 404
 * once it may not).
 */
function sendImage(request: FastifyRequest, reply: FastifyReply, file: StoredFile) {
  const etag = `"${file.sha256}"`;
  reply
    .header("cache-control", "private, no-cache")
    .header("x-content-type-options", "nosniff")
    .header("etag", etag);
  if (request.headers["if-none-match"] === etag) return reply.status(304).send();
  return reply.header("content-type", file.contentType).send(file.data);
}

/** Photo exhibitions: the staff's pages with consents, and the public gallery. */
export async function exhibitionRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["exhibition"];
  // Photos arrive as the raw body; the parser and the size limit belong to this plugin's upload route.
  app.addContentTypeParser([...exhibitionImageContentTypes], { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );
  const manage = { permission: can.manage };

  const list = "/api/orgs/:orgSlug/exhibitions";
  app.get(
    list,
    { schema: { tags, params: orgParams, response: { 200: exhibitionSummary.array() } }, config: manage },
    async (request) => service.listExhibitions(contextOf(request, app)),
  );
  app.post(
    list,
    {
      schema: { tags, params: orgParams, body: exhibitionInput, response: { 201: exhibitionDetail } },
      config: manage,
    },
    async (request, reply) =>
      reply.status(201).send(await service.createExhibition(contextOf(request, app), request.body)),
  );
  app.get(
    `${list}/:id`,
    { schema: { tags, params: exhibitionParams, response: { 200: exhibitionDetail } }, config: manage },
    async (request) => service.getExhibition(contextOf(request, app), request.params.id),
  );
  app.put(
    `${list}/:id`,
    {
      schema: { tags, params: exhibitionParams, body: exhibitionInput, response: { 200: exhibitionDetail } },
      config: manage,
    },
    async (request) => service.updateExhibition(contextOf(request, app), request.params.id, request.body),
  );
  app.delete(
    `${list}/:id`,
    { schema: { tags, params: exhibitionParams, response: { 200: okResponse } }, config: manage },
    async (request) => {
      await service.deleteExhibition(contextOf(request, app), request.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    `${list}/:id/photos`,
    {
      bodyLimit: exhibitionImageMaxBytes,
      schema: {
        tags,
        params: exhibitionParams,
        querystring: photoUploadQuery,
        response: { 201: exhibitionPhoto },
      },
      config: manage,
    },
    async (request, reply) =>
      reply.status(201).send(
        await service.uploadPhoto(contextOf(request, app), request.params.id, request.query, {
          contentType: request.headers["content-type"],
          body: request.body,
        }),
      ),
  );

  const photo = "/api/orgs/:orgSlug/exhibition-photos/:photoId";
  app.put(
    photo,
    {
      schema: {
        tags,
        params: exhibitionPhotoParams,
        body: photoUpdateInput,
        response: { 200: exhibitionPhoto },
      },
      config: manage,
    },
    async (request) => service.updatePhoto(contextOf(request, app), request.params.photoId, request.body),
  );
  app.put(
    `${photo}/published`,
    {
      schema: {
        tags,
        params: exhibitionPhotoParams,
        body: photoPublishInput,
        response: { 200: exhibitionPhoto },
      },
      config: manage,
    },
    async (request) =>
      service.setPhotoPublished(contextOf(request, app), request.params.photoId, request.body.isPublished),
  );
  app.delete(
    photo,
    { schema: { tags, params: exhibitionPhotoParams, response: { 200: okResponse } }, config: manage },
    async (request) => {
      await service.deletePhoto(contextOf(request, app), request.params.photoId);
      return { ok: true as const };
    },
  );
  app.get(
    `${photo}/image`,
    { schema: { tags, params: exhibitionPhotoParams, querystring: imageSizeQuery }, config: manage },
    async (request, reply) =>
      sendImage(
        request,
        reply,
        await service.staffImage(contextOf(request, app), request.params.photoId, request.query.size),
      ),
  );
  app.post(
    `${photo}/consents`,
    {
      schema: { tags, params: exhibitionPhotoParams, body: consentInput, response: { 201: exhibitionPhoto } },
      config: manage,
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.recordConsent(contextOf(request, app), request.params.photoId, request.body)),
  );
  app.post(
    `${photo}/consents/:consentId/withdraw`,
    {
      schema: {
        tags,
        params: exhibitionConsentParams,
        body: consentWithdrawInput,
        response: { 200: exhibitionPhoto },
      },
      config: manage,
    },
    async (request) =>
      service.withdrawConsent(
        contextOf(request, app),
        request.params.photoId,
        request.params.consentId,
        request.body.reason,
      ),
  );

  const publicBase = "/api/public/orgs/:orgSlug/exhibitions";
  const readPublic = { permission: can.readPublic };
  app.get(
    publicBase,
    { schema: { tags, params: orgParams, response: { 200: publicExhibitionList } }, config: readPublic },
    async (request, reply) => {
      reply.header("cache-control", "no-cache");
      return service.publicExhibitions(contextOf(request, app));
    },
  );
  app.get(
    `${publicBase}/:exhibitionSlug`,
    {
      schema: { tags, params: publicExhibitionParams, response: { 200: publicExhibition } },
      config: readPublic,
    },
    async (request, reply) => {
      reply.header("cache-control", "no-cache");
      return service.publicExhibition(contextOf(request, app), request.params.exhibitionSlug);
    },
  );
  app.get(
    `${publicBase}/:exhibitionSlug/photos/:photoId/image`,
    {
      schema: { tags, params: publicExhibitionPhotoParams, querystring: imageSizeQuery },
      config: readPublic,
    },
    async (request, reply) =>
      sendImage(
        request,
        reply,
        await service.publicImage(
          contextOf(request, app),
          request.params.exhibitionSlug,
          request.params.photoId,
          request.query.size,
        ),
      ),
  );
}
