import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { orgParams } from "../../../contracts/common";
import {
  cancelCourseBody,
  copyCourseBody,
  copyCourseResponse,
  courseInput,
  courseListQuery,
  courseParams,
  memberCatalogue,
  memberCatalogueItem,
  memberCatalogueQuery,
  publicCatalogue,
  publicCourse,
  sessionParams,
  staffCourseDetail,
  staffCourseList,
  trainingPeople,
} from "../../../contracts/training";
import { contextOf } from "../../platform/authorize";
import { CALENDAR_CONTENT_TYPE } from "../../platform/ical";
import * as service from "./courses.service";
import { trainingPolicy as can } from "./training.policy";

function sendCalendar(reply: FastifyReply, file: service.CalendarFile, cache: "private" | "public") {
  return reply
    .header("content-type", CALENDAR_CONTENT_TYPE)
    .header("content-disposition", `attachment; filename="${file.fileName}"`)
    .header("cache-control", cache === "private" ? "private, no-store" : "public, max-age=300")
    .send(file.body);
}

/** Course runs for staff, the members' and the public catalogue, and the runs' calendar files. */
export async function trainingCoursesRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["training"];
  const courses = "/api/orgs/:orgSlug/training-courses";

  app.get(
    courses,
    {
      schema: { tags, params: orgParams, querystring: courseListQuery, response: { 200: staffCourseList } },
      config: { permission: can.manageCourses },
    },
    async (request) => service.listCourses(contextOf(request, app), request.query),
  );

  app.post(
    courses,
    {
      schema: { tags, params: orgParams, body: courseInput, response: { 201: staffCourseDetail } },
      config: { permission: can.manageCourses },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createCourse(contextOf(request, app), request.body)),
  );

  app.get(
    `${courses}/:id`,
    {
      schema: { tags, params: courseParams, response: { 200: staffCourseDetail } },
      config: { permission: can.manageCourses },
    },
    async (request) => service.getCourse(contextOf(request, app), request.params.id),
  );

  app.put(
    `${courses}/:id`,
    {
      schema: { tags, params: courseParams, body: courseInput, response: { 200: staffCourseDetail } },
      config: { permission: can.manageCourses },
    },
    async (request) => service.updateCourse(contextOf(request, app), request.params.id, request.body),
  );

  app.post(
    `${courses}/:id/publish`,
    {
      schema: { tags, params: courseParams, response: { 200: staffCourseDetail } },
      config: { permission: can.manageCourses },
    },
    async (request) => service.publishCourse(contextOf(request, app), request.params.id),
  );

  app.post(
    `${courses}/:id/cancel`,
    {
      schema: { tags, params: courseParams, body: cancelCourseBody, response: { 200: staffCourseDetail } },
      config: { permission: can.manageCourses },
    },
    async (request) => service.cancelCourse(contextOf(request, app), request.params.id, request.body),
  );

  app.post(
    `${courses}/:id/copy`,
    {
      schema: { tags, params: courseParams, body: copyCourseBody, response: { 201: copyCourseResponse } },
      config: { permission: can.manageCourses },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.copyCourse(contextOf(request, app), request.params.id, request.body)),
  );

  app.get(
    "/api/orgs/:orgSlug/training-people",
    {
      schema: { tags, params: orgParams, response: { 200: trainingPeople } },
      config: { permission: can.manageCourses },
    },
    async (request) => service.listPeople(contextOf(request, app)),
  );

  app.get(
    `${courses}/:id/calendar.ics`,
    { schema: { tags, params: courseParams }, config: { permission: can.readCatalogue } },
    async (request, reply) =>
      sendCalendar(
        reply,
        await service.courseCalendar(contextOf(request, app), request.params.id),
        "private",
      ),
  );

  app.get(
    `${courses}/:id/sessions/:sessionId/calendar.ics`,
    { schema: { tags, params: sessionParams }, config: { permission: can.readCatalogue } },
    async (request, reply) =>
      sendCalendar(
        reply,
        await service.courseCalendar(contextOf(request, app), request.params.id, request.params.sessionId),
        "private",
      ),
  );

  app.get(
    "/api/orgs/:orgSlug/training-catalogue",
    {
      schema: {
        tags,
        params: orgParams,
        querystring: memberCatalogueQuery,
        response: { 200: memberCatalogue },
      },
      config: { permission: can.readCatalogue },
    },
    async (request) => service.memberCatalogue(contextOf(request, app), request.query),
  );

  app.get(
    "/api/orgs/:orgSlug/training-catalogue/:id",
    {
      schema: { tags, params: courseParams, response: { 200: memberCatalogueItem } },
      config: { permission: can.readCatalogue },
    },
    async (request) => service.memberCatalogueItem(contextOf(request, app), request.params.id),
  );

  const publicCourses = "/api/public/orgs/:orgSlug/courses";

  app.get(
    publicCourses,
    {
      schema: {
        tags,
        params: orgParams,
        querystring: memberCatalogueQuery,
        response: { 200: publicCatalogue },
      },
      config: { permission: can.readPublicCatalogue },
    },
    async (request) => service.publicCatalogue(contextOf(request, app), request.query),
  );

  app.get(
    `${publicCourses}/:id`,
    {
      schema: { tags, params: courseParams, response: { 200: publicCourse } },
      config: { permission: can.readPublicCatalogue },
    },
    async (request) => service.publicCourse(contextOf(request, app), request.params.id),
  );

  app.get(
    `${publicCourses}/:id/calendar.ics`,
    { schema: { tags, params: courseParams }, config: { permission: can.readPublicCatalogue } },
    async (request, reply) =>
      sendCalendar(
        reply,
        await service.publicCourseCalendar(contextOf(request, app), request.params.id),
        "public",
      ),
  );

  app.get(
    `${publicCourses}/:id/sessions/:sessionId/calendar.ics`,
    { schema: { tags, params: sessionParams }, config: { permission: can.readPublicCatalogue } },
    async (request, reply) =>
      sendCalendar(
        reply,
        await service.publicCourseCalendar(
          contextOf(request, app),
          request.params.id,
          request.params.sessionId,
        ),
        "public",
      ),
  );
}
