import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  capacityProfileInput,
  capacityProfileParams,
  caregiverDetail,
  caregiverInput,
  caregiverListQuery,
  caregiverListResponse,
  caregiverParams,
  createCaregiverBody,
  deadlineBoardQuery,
  deadlineBoardResponse,
  importBody,
  importResponse,
  licenceInput,
  licenceParams,
  locationInput,
  myProfileInput,
  photoContentTypes,
  photoMaxBytes,
  qualificationInput,
  qualificationParams,
} from "../../../contracts/caregivers";
import { orgParams } from "../../../contracts/common";
import { contextOf } from "../../platform/authorize";
import type { StoredFile } from "../../platform/files/files";
import { caregiversPolicy as can } from "./caregivers.policy";
import * as service from "./caregivers.service";

/**
 * Sends a stored photo. Private caching keeps it off shared proxies; the ETag lets the browser revalidate
 * without downloading the bytes again; nosniff makes the browser trust only the checked content type.
 */
function sendPhoto(request: FastifyRequest, reply: FastifyReply, file: StoredFile) {
  const etag = `"${file.sha256}"`;
  reply
    .header("cache-control", "private, max-age=300")
    .header("x-content-type-options", "nosniff")
    .header("etag", etag);
  if (request.headers["if-none-match"] === etag) return reply.status(304).send();
  return reply.header("content-type", file.contentType).send(file.data);
}

/** The raw body of a photo upload and its declared type, for the service to check against the bytes. */
function uploadOf(request: FastifyRequest) {
  return { contentType: request.headers["content-type"], body: request.body };
}

/** The registry of day-care persons, her own view, the deadline board and the CSV exchange. */
export async function caregiversRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["caregivers"];
  const detail = { 200: caregiverDetail };
  // Photos arrive as the raw body. Registered in this plugin only, and the size limit is set on the photo
  // routes, so no other route accepts images or large bodies because of it.
  app.addContentTypeParser([...photoContentTypes], { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );
  const photoUpload = { bodyLimit: photoMaxBytes };

  app.get(
    "/api/orgs/:orgSlug/caregivers",
    {
      schema: {
        tags,
        params: orgParams,
        querystring: caregiverListQuery,
        response: { 200: caregiverListResponse },
      },
      config: { permission: can.readRegistry },
    },
    async (request) => service.listCaregivers(contextOf(request, app), request.query),
  );

  app.post(
    "/api/orgs/:orgSlug/caregivers",
    {
      schema: { tags, params: orgParams, body: createCaregiverBody, response: { 201: caregiverDetail } },
      config: { permission: can.manageRegistry },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCaregiver(contextOf(request, app), request.body)),
  );

  app.get(
    "/api/orgs/:orgSlug/caregivers/export.csv",
    { schema: { tags, params: orgParams }, config: { permission: can.exportRegistry } },
    async (request, reply) => {
      const file = await service.exportCsv(contextOf(request, app));
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .header("cache-control", "no-store")
        .send(file.content);
    },
  );

  app.post(
    "/api/orgs/:orgSlug/caregivers/import",
    {
      schema: { tags, params: orgParams, body: importBody, response: { 200: importResponse } },
      config: { permission: can.importRegistry },
    },
    async (request) => service.importCsv(contextOf(request, app), request.body),
  );

  app.get(
    "/api/orgs/:orgSlug/caregivers/:id",
    { schema: { tags, params: caregiverParams, response: detail }, config: { permission: can.readRegistry } },
    async (request) => service.getCaregiver(contextOf(request, app), request.params.id),
  );

  app.put(
    "/api/orgs/:orgSlug/caregivers/:id",
    {
      schema: { tags, params: caregiverParams, body: caregiverInput, response: detail },
      config: { permission: can.manageRegistry },
    },
    async (request) => service.updateCaregiver(contextOf(request, app), request.params.id, request.body),
  );

  app.put(
    "/api/orgs/:orgSlug/caregivers/:id/location",
    {
      schema: { tags, params: caregiverParams, body: locationInput, response: detail },
      config: { permission: can.manageRegistry },
    },
    async (request) => service.setLocation(contextOf(request, app), request.params.id, request.body),
  );

  app.post(
    "/api/orgs/:orgSlug/caregivers/:id/licences",
    {
      schema: { tags, params: caregiverParams, body: licenceInput, response: { 201: caregiverDetail } },
      config: { permission: can.manageRegistry },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addLicence(contextOf(request, app), request.params.id, request.body)),
  );

  app.put(
    "/api/orgs/:orgSlug/caregivers/:id/licences/:licenceId",
    {
      schema: { tags, params: licenceParams, body: licenceInput, response: detail },
      config: { permission: can.manageRegistry },
    },
    async (request) =>
      service.updateLicence(
        contextOf(request, app),
        request.params.id,
        request.params.licenceId,
        request.body,
      ),
  );

  app.delete(
    "/api/orgs/:orgSlug/caregivers/:id/licences/:licenceId",
    { schema: { tags, params: licenceParams, response: detail }, config: { permission: can.manageRegistry } },
    async (request) =>
      service.deleteLicence(contextOf(request, app), request.params.id, request.params.licenceId),
  );

  app.put(
    "/api/orgs/:orgSlug/caregivers/:id/capacity-profiles",
    {
      schema: { tags, params: caregiverParams, body: capacityProfileInput, response: detail },
      config: { permission: can.manageRegistry },
    },
    async (request) => service.saveCapacityProfile(contextOf(request, app), request.params.id, request.body),
  );

  app.delete(
    "/api/orgs/:orgSlug/caregivers/:id/capacity-profiles/:profileId",
    {
      schema: { tags, params: capacityProfileParams, response: detail },
      config: { permission: can.manageRegistry },
    },
    async (request) =>
      service.deleteCapacityProfile(contextOf(request, app), request.params.id, request.params.profileId),
  );

  app.post(
    "/api/orgs/:orgSlug/caregivers/:id/qualifications",
    {
      schema: { tags, params: caregiverParams, body: qualificationInput, response: { 201: caregiverDetail } },
      config: { permission: can.manageRegistry },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.addQualification(contextOf(request, app), request.params.id, request.body)),
  );

  app.delete(
    "/api/orgs/:orgSlug/caregivers/:id/qualifications/:qualificationId",
    {
      schema: { tags, params: qualificationParams, response: detail },
      config: { permission: can.manageRegistry },
    },
    async (request) =>
      service.deleteQualification(contextOf(request, app), request.params.id, request.params.qualificationId),
  );

  app.get(
    "/api/orgs/:orgSlug/caregivers/:id/photo",
    { schema: { tags, params: caregiverParams }, config: { permission: can.readPhoto } },
    async (request, reply) =>
      sendPhoto(request, reply, await service.getPhoto(contextOf(request, app), request.params.id)),
  );

  app.put(
    "/api/orgs/:orgSlug/caregivers/:id/photo",
    {
      ...photoUpload,
      schema: { tags, params: caregiverParams, response: detail },
      config: { permission: can.managePhoto },
    },
    async (request) => service.savePhoto(contextOf(request, app), request.params.id, uploadOf(request)),
  );

  app.delete(
    "/api/orgs/:orgSlug/caregivers/:id/photo",
    { schema: { tags, params: caregiverParams, response: detail }, config: { permission: can.managePhoto } },
    async (request) => service.deletePhoto(contextOf(request, app), request.params.id),
  );

  app.get(
    "/api/orgs/:orgSlug/my-profile",
    { schema: { tags, params: orgParams, response: detail }, config: { permission: can.readOwnProfile } },
    async (request) => service.getMyProfile(contextOf(request, app)),
  );

  app.put(
    "/api/orgs/:orgSlug/my-profile",
    {
      schema: { tags, params: orgParams, body: myProfileInput, response: detail },
      config: { permission: can.updateOwnProfile },
    },
    async (request) => service.updateMyProfile(contextOf(request, app), request.body),
  );

  app.put(
    "/api/orgs/:orgSlug/my-profile/location",
    {
      schema: { tags, params: orgParams, body: locationInput, response: detail },
      config: { permission: can.updateOwnProfile },
    },
    async (request) => service.setMyLocation(contextOf(request, app), request.body),
  );

  app.get(
    "/api/orgs/:orgSlug/my-profile/photo",
    { schema: { tags, params: orgParams }, config: { permission: can.readOwnProfile } },
    async (request, reply) => sendPhoto(request, reply, await service.getMyPhoto(contextOf(request, app))),
  );

  app.put(
    "/api/orgs/:orgSlug/my-profile/photo",
    {
      ...photoUpload,
      schema: { tags, params: orgParams, response: detail },
      config: { permission: can.updateOwnProfile },
    },
    async (request) => service.saveMyPhoto(contextOf(request, app), uploadOf(request)),
  );

  app.delete(
    "/api/orgs/:orgSlug/my-profile/photo",
    { schema: { tags, params: orgParams, response: detail }, config: { permission: can.updateOwnProfile } },
    async (request) => service.deleteMyPhoto(contextOf(request, app)),
  );

  app.get(
    "/api/orgs/:orgSlug/deadlines",
    {
      schema: {
        tags,
        params: orgParams,
        querystring: deadlineBoardQuery,
        response: { 200: deadlineBoardResponse },
      },
      config: { permission: can.readDeadlines },
    },
    async (request) => service.getDeadlineBoard(contextOf(request, app), request.query),
  );
}
