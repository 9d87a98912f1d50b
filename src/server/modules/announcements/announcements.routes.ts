import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  announcementCreated,
  announcementEntry,
  announcementParams,
  createAnnouncementBody,
  mailSettingBody,
  myMailSetting,
  unreadResponse,
} from "../../../contracts/announcements";
import { okResponse, orgParams } from "../../../contracts/common";
import { contextOf } from "../../platform/authorize";
import { announcementsPolicy as can } from "./announcements.policy";
import * as service from "./announcements.service";

/** Announcements to groups of an organisation's people, their read state and the mail choice. */
export async function announcementsRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["announcements"];

  app.get(
    "/api/orgs/:orgSlug/announcements",
    {
      schema: { tags, params: orgParams, response: { 200: z.array(announcementEntry) } },
      config: { permission: can.read },
    },
    async (request) => service.listAnnouncements(contextOf(request, app)),
  );

  app.get(
    "/api/orgs/:orgSlug/announcements/unread",
    {
      schema: { tags, params: orgParams, response: { 200: unreadResponse } },
      config: { permission: can.read },
    },
    async (request) => service.countUnread(contextOf(request, app)),
  );

  app.post(
    "/api/orgs/:orgSlug/announcements",
    {
      schema: {
        tags,
        params: orgParams,
        body: createAnnouncementBody,
        response: { 201: announcementCreated },
      },
      config: { permission: can.write },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createAnnouncement(contextOf(request, app), request.body)),
  );

  app.post(
    "/api/orgs/:orgSlug/announcements/:id/read",
    {
      schema: { tags, params: announcementParams, response: { 200: okResponse } },
      config: { permission: can.read },
    },
    async (request) => {
      await service.markRead(contextOf(request, app), request.params.id);
      return { ok: true as const };
    },
  );

  app.put(
    "/api/orgs/:orgSlug/announcements/mail-setting",
    {
      schema: { tags, params: orgParams, body: mailSettingBody, response: { 200: okResponse } },
      config: { permission: can.updateMailSetting },
    },
    async (request) => {
      await service.updateMailSetting(contextOf(request, app), request.body.isNonEssentialMailOff);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/me/announcement-mail-settings",
    {
      schema: { tags, response: { 200: z.array(myMailSetting) } },
      config: { permission: can.readMyMailSettings },
    },
    async (request) => service.listMyMailSettings(contextOf(request, app)),
  );
}
