import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { okResponse, orgIdParams, orgParams } from "../../../contracts/common";
import {
  bookingParams,
  calendarFeedCreated,
  calendarFeedParams,
  calendarFeedStatus,
  courseParams,
  guestBookingAccepted,
  guestBookingBody,
  guestConfirmResponse,
  guestTokenParams,
  moveBookingBody,
  myBooking,
  myBookings,
  staffBookBody,
  staffBooking,
  staffBookingList,
  staffCancelBody,
} from "../../../contracts/training";
import { contextOf } from "../../platform/authorize";
import { CALENDAR_CONTENT_TYPE } from "../../platform/ical";
import { guestLinkLimit, publicFormLimit } from "../../platform/public-form";
import * as service from "./bookings.service";
import { trainingPolicy as can } from "./training.policy";

/** Calendar apps poll every few minutes to hours; a guessing script gets nowhere with 256-bit tokens anyway. */
const feedLimit = { rateLimit: { max: 60, timeWindow: "1 minute" } };

/** Bookings by members, staff and guests, and the personal calendar feed. */
export async function trainingBookingsRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["training"];
  const courses = "/api/orgs/:orgSlug/training-courses";

  app.get(
    `${courses}/:id/bookings`,
    {
      schema: { tags, params: courseParams, response: { 200: staffBookingList } },
      config: { permission: can.manageBookings },
    },
    async (request) => service.listCourseBookings(contextOf(request, app), request.params.id),
  );

  app.post(
    `${courses}/:id/bookings`,
    {
      schema: { tags, params: courseParams, body: staffBookBody, response: { 201: staffBooking } },
      config: { permission: can.manageBookings },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.bookForMember(contextOf(request, app), request.params.id, request.body)),
  );

  app.post(
    `${courses}/:id/bookings/:bookingId/cancel`,
    {
      schema: { tags, params: bookingParams, body: staffCancelBody, response: { 200: staffBooking } },
      config: { permission: can.manageBookings },
    },
    async (request) =>
      service.cancelByStaff(
        contextOf(request, app),
        request.params.id,
        request.params.bookingId,
        request.body,
      ),
  );

  app.post(
    `${courses}/:id/bookings/:bookingId/move`,
    {
      schema: { tags, params: bookingParams, body: moveBookingBody, response: { 200: staffBooking } },
      config: { permission: can.manageBookings },
    },
    async (request) =>
      service.moveToRun(contextOf(request, app), request.params.id, request.params.bookingId, request.body),
  );

  app.post(
    `${courses}/:id/promote`,
    {
      schema: { tags, params: courseParams, response: { 200: staffBooking } },
      config: { permission: can.manageBookings },
    },
    async (request) => service.promoteFirstWaiting(contextOf(request, app), request.params.id),
  );

  app.post(
    "/api/orgs/:orgSlug/training-catalogue/:id/book",
    {
      schema: { tags, params: courseParams, response: { 201: myBooking } },
      config: { permission: can.bookOwn },
    },
    async (request, reply) =>
      reply.status(201).send(await service.bookOwn(contextOf(request, app), request.params.id)),
  );

  app.get(
    "/api/orgs/:orgSlug/my-training-bookings",
    {
      schema: { tags, params: orgParams, response: { 200: myBookings } },
      config: { permission: can.readOwnTraining },
    },
    async (request) => service.listMine(contextOf(request, app)),
  );

  app.post(
    "/api/orgs/:orgSlug/my-training-bookings/:id/cancel",
    {
      schema: { tags, params: orgIdParams, response: { 200: myBooking } },
      config: { permission: can.bookOwn },
    },
    async (request) => service.cancelOwn(contextOf(request, app), request.params.id),
  );

  app.post(
    "/api/public/orgs/:orgSlug/courses/:id/guest-bookings",
    {
      schema: {
        tags,
        params: courseParams,
        body: guestBookingBody,
        response: { 202: guestBookingAccepted },
      },
      config: { permission: can.bookAsGuest, ...publicFormLimit },
    },
    async (request, reply) => {
      await service.requestGuestBooking(contextOf(request, app), request.params.id, request.body);
      return reply.status(202).send({ accepted: true as const });
    },
  );

  app.post(
    "/api/public/training-guest-confirmations/:token",
    {
      schema: { tags, params: guestTokenParams, response: { 200: guestConfirmResponse } },
      config: { permission: can.confirmGuest, ...guestLinkLimit },
    },
    async (request) => service.confirmGuest(contextOf(request, app), request.params.token),
  );

  const feed = "/api/training-calendar-feed";

  app.get(
    feed,
    {
      schema: { tags, response: { 200: calendarFeedStatus } },
      config: { permission: can.manageCalendarFeed },
    },
    async (request) => service.feedStatus(contextOf(request, app)),
  );

  app.post(
    feed,
    {
      schema: { tags, response: { 200: calendarFeedCreated } },
      config: { permission: can.manageCalendarFeed },
    },
    async (request) => service.createFeed(contextOf(request, app)),
  );

  app.delete(
    feed,
    { schema: { tags, response: { 200: okResponse } }, config: { permission: can.manageCalendarFeed } },
    async (request) => {
      await service.revokeFeed(contextOf(request, app));
      return { ok: true as const };
    },
  );

  app.get(
    "/api/public/calendar/:token.ics",
    {
      schema: { tags, params: calendarFeedParams },
      config: { permission: can.readCalendarFeed, ...feedLimit },
    },
    async (request, reply) => {
      const body = await service.feedCalendar(contextOf(request, app), request.params.token);
      return reply
        .header("content-type", CALENDAR_CONTENT_TYPE)
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );
}
