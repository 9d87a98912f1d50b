import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { okResponse, orgParams } from "../../../contracts/common";
import {
  contactInput,
  contactResponse,
  contactToken,
  pagedQuery,
  publicPage,
  publicPageParams,
  publicPost,
  publicPostList,
  publicPostParams,
  publicSite,
  siteImageContentTypes,
  siteImageMaxBytes,
  sitePageDetail,
  sitePageInput,
  sitePageParams,
  sitePageSummary,
  sitePostDetail,
  sitePostInput,
  sitePostList,
} from "../../../contracts/site";
import { contextOf } from "../../platform/authorize";
import type { StoredFile } from "../../platform/files/files";
import { sitePolicy as can } from "./site.policy";
import * as service from "./site.service";

/** Sends an image with the checked type only (nosniff) and an ETag; public images may be cached by anyone. */
function sendImage(
  request: FastifyRequest,
  reply: FastifyReply,
  file: StoredFile,
  cache: "public" | "private",
) {
  const etag = `"${file.sha256}"`;
  reply
    .header("cache-control", cache === "public" ? "public, max-age=86400" : "private, max-age=60")
    .header("x-content-type-options", "nosniff")
    .header("etag", etag);
  if (request.headers["if-none-match"] === etag) return reply.status(304).send();
  return reply.header("content-type", file.contentType).send(file.data);
}

/** Pages and news for the writers, and the public website's data. */
export async function siteRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["site"];
  // Images arrive as the raw body; the parser and the size limit belong to this plugin's image route only.
  app.addContentTypeParser([...siteImageContentTypes], { parseAs: "buffer" }, (_request, body, done) =>
    done(null, body),
  );

  const pages = "/api/orgs/:orgSlug/site/pages";
  app.get(
    pages,
    {
      schema: { tags, params: orgParams, response: { 200: sitePageSummary.array() } },
      config: { permission: can.managePages },
    },
    async (request) => service.listPages(contextOf(request, app)),
  );
  app.post(
    pages,
    {
      schema: { tags, params: orgParams, body: sitePageInput, response: { 201: sitePageDetail } },
      config: { permission: can.managePages },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPage(contextOf(request, app), request.body)),
  );
  app.get(
    `${pages}/:id`,
    {
      schema: { tags, params: sitePageParams, response: { 200: sitePageDetail } },
      config: { permission: can.managePages },
    },
    async (request) => service.getPage(contextOf(request, app), request.params.id),
  );
  app.put(
    `${pages}/:id`,
    {
      schema: { tags, params: sitePageParams, body: sitePageInput, response: { 200: sitePageDetail } },
      config: { permission: can.managePages },
    },
    async (request) => service.updatePage(contextOf(request, app), request.params.id, request.body),
  );
  app.delete(
    `${pages}/:id`,
    {
      schema: { tags, params: sitePageParams, response: { 200: okResponse } },
      config: { permission: can.managePages },
    },
    async (request) => {
      await service.deletePage(contextOf(request, app), request.params.id);
      return { ok: true as const };
    },
  );

  const posts = "/api/orgs/:orgSlug/site/posts";
  app.get(
    posts,
    {
      schema: { tags, params: orgParams, querystring: pagedQuery, response: { 200: sitePostList } },
      config: { permission: can.managePosts },
    },
    async (request) => service.listPosts(contextOf(request, app), request.query.page),
  );
  app.post(
    posts,
    {
      schema: { tags, params: orgParams, body: sitePostInput, response: { 201: sitePostDetail } },
      config: { permission: can.managePosts },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createPost(contextOf(request, app), request.body)),
  );
  app.get(
    `${posts}/:id`,
    {
      schema: { tags, params: sitePageParams, response: { 200: sitePostDetail } },
      config: { permission: can.managePosts },
    },
    async (request) => service.getPost(contextOf(request, app), request.params.id),
  );
  app.put(
    `${posts}/:id`,
    {
      schema: { tags, params: sitePageParams, body: sitePostInput, response: { 200: sitePostDetail } },
      config: { permission: can.managePosts },
    },
    async (request) => service.updatePost(contextOf(request, app), request.params.id, request.body),
  );
  app.delete(
    `${posts}/:id`,
    {
      schema: { tags, params: sitePageParams, response: { 200: okResponse } },
      config: { permission: can.managePosts },
    },
    async (request) => {
      await service.deletePost(contextOf(request, app), request.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    `${posts}/:id/image`,
    { schema: { tags, params: sitePageParams }, config: { permission: can.managePosts } },
    async (request, reply) =>
      sendImage(
        request,
        reply,
        await service.getPostImage(contextOf(request, app), request.params.id),
        "private",
      ),
  );
  app.put(
    `${posts}/:id/image`,
    {
      bodyLimit: siteImageMaxBytes,
      schema: { tags, params: sitePageParams, response: { 200: sitePostDetail } },
      config: { permission: can.managePosts },
    },
    async (request) =>
      service.savePostImage(contextOf(request, app), request.params.id, {
        contentType: request.headers["content-type"],
        body: request.body,
      }),
  );
  app.delete(
    `${posts}/:id/image`,
    {
      schema: { tags, params: sitePageParams, response: { 200: sitePostDetail } },
      config: { permission: can.managePosts },
    },
    async (request) => service.deletePostImage(contextOf(request, app), request.params.id),
  );

  const site = "/api/public/orgs/:orgSlug/site";
  app.get(
    site,
    {
      schema: { tags, params: orgParams, response: { 200: publicSite } },
      config: { permission: can.readPublic },
    },
    async (request) => service.publicSite(contextOf(request, app)),
  );
  app.get(
    `${site}/pages/:pageSlug`,
    {
      schema: { tags, params: publicPageParams, response: { 200: publicPage } },
      config: { permission: can.readPublic },
    },
    async (request) => service.publicPage(contextOf(request, app), request.params.pageSlug),
  );
  app.get(
    `${site}/posts`,
    {
      schema: { tags, params: orgParams, querystring: pagedQuery, response: { 200: publicPostList } },
      config: { permission: can.readPublic },
    },
    async (request) => service.publicPosts(contextOf(request, app), request.query.page),
  );
  app.get(
    `${site}/posts/:postSlug`,
    {
      schema: { tags, params: publicPostParams, response: { 200: publicPost } },
      config: { permission: can.readPublic },
    },
    async (request) => service.publicPost(contextOf(request, app), request.params.postSlug),
  );
  app.get(
    `${site}/posts/:postSlug/image`,
    { schema: { tags, params: publicPostParams }, config: { permission: can.readPublic } },
    async (request, reply) =>
      sendImage(
        request,
        reply,
        await service.publicPostImage(contextOf(request, app), request.params.postSlug),
        "public",
      ),
  );
  app.get(
    `${site}/contact-token`,
    {
      schema: { tags, params: orgParams, response: { 200: contactToken } },
      config: { permission: can.sendContact },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return service.contactToken(contextOf(request, app));
    },
  );
  app.post(
    `${site}/contact`,
    {
      schema: { tags, params: orgParams, body: contactInput, response: { 200: contactResponse } },
      config: { permission: can.sendContact },
    },
    async (request) => service.sendContact(contextOf(request, app), request.body),
  );
}
