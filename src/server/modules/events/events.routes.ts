import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  attendanceInput,
  cancelEventBody,
  eventInput,
  eventListQuery,
  eventOrgParams,
  eventParams,
  eventPeople,
  eventTokenParams,
  guestRegisterBody,
  guestRegistrationAccepted,
  guestRegistrationConfirmed,
  guestRegistrationView,
  memberEventDetail,
  memberEventList,
  minutesInput,
  myRegistration,
  myRegistrations,
  publicEvent,
  publicEventList,
  publicEventListQuery,
  registerBody,
  registrationList,
  registrationParams,
  seriesInput,
  skipDateBody,
  staffCancelRegistrationBody,
  staffEventDetail,
  staffEventList,
  staffRegisterBody,
  staffRegistration,
  staffSeriesDetail,
} from "../../../contracts/events";
import { contextOf } from "../../platform/authorize";
import { CALENDAR_CONTENT_TYPE, calendarFileName } from "../../platform/ical";
import { guestLinkLimit, publicFormLimit } from "../../platform/public-form";
import * as calendar from "./events.calendar";
import { eventsPolicy as can } from "./events.policy";
import * as service from "./events.service";
import * as registrations from "./registrations.service";
import { exportRegistrationsCsv } from "./registrations-export";

/** Calendar apps poll every few minutes to hours. */
const feedLimit = { rateLimit: { max: 60, timeWindow: "1 minute" } };

/** Meetings and events: planning, series, registrations, attendance, minutes, calendars (ADR 0011). */
export async function eventsRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["events"];
  const events = "/api/orgs/:orgSlug/events";
  const series = "/api/orgs/:orgSlug/event-series";

  // Staff ------------------------------------------------------------------------------------------------
  app.get(
    events,
    {
      schema: {
        tags,
        params: eventOrgParams,
        querystring: eventListQuery,
        response: { 200: staffEventList },
      },
      config: { permission: can.manage },
    },
    async (request) => service.listForStaff(contextOf(request, app), request.query),
  );
  app.post(
    events,
    {
      schema: { tags, params: eventOrgParams, body: eventInput, response: { 201: staffEventDetail } },
      config: { permission: can.manage },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createEvent(contextOf(request, app), request.body)),
  );
  app.get(
    `${events}/:id`,
    {
      schema: { tags, params: eventParams, response: { 200: staffEventDetail } },
      config: { permission: can.manage },
    },
    async (request) => service.getEvent(contextOf(request, app), request.params.id),
  );
  app.put(
    `${events}/:id`,
    {
      schema: { tags, params: eventParams, body: eventInput, response: { 200: staffEventDetail } },
      config: { permission: can.manage },
    },
    async (request) => service.updateEvent(contextOf(request, app), request.params.id, request.body),
  );
  app.post(
    `${events}/:id/cancel`,
    {
      schema: { tags, params: eventParams, body: cancelEventBody, response: { 200: staffEventDetail } },
      config: { permission: can.manage },
    },
    async (request) => service.cancelEvent(contextOf(request, app), request.params.id, request.body),
  );
  app.put(
    `${events}/:id/minutes`,
    {
      schema: { tags, params: eventParams, body: minutesInput, response: { 200: staffEventDetail } },
      config: { permission: can.manage },
    },
    async (request) => service.saveMinutes(contextOf(request, app), request.params.id, request.body),
  );
  app.post(
    series,
    {
      schema: { tags, params: eventOrgParams, body: seriesInput, response: { 201: staffSeriesDetail } },
      config: { permission: can.manage },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createSeries(contextOf(request, app), request.body)),
  );
  app.get(
    `${series}/:id`,
    {
      schema: { tags, params: eventParams, response: { 200: staffSeriesDetail } },
      config: { permission: can.manage },
    },
    async (request) => service.getSeries(contextOf(request, app), request.params.id),
  );
  app.put(
    `${series}/:id`,
    {
      schema: { tags, params: eventParams, body: seriesInput, response: { 200: staffSeriesDetail } },
      config: { permission: can.manage },
    },
    async (request) => service.updateSeries(contextOf(request, app), request.params.id, request.body),
  );
  app.post(
    `${series}/:id/skip`,
    {
      schema: { tags, params: eventParams, body: skipDateBody, response: { 200: staffSeriesDetail } },
      config: { permission: can.manage },
    },
    async (request) => service.skipDate(contextOf(request, app), request.params.id, request.body),
  );
  app.post(
    `${series}/:id/cancel`,
    {
      schema: { tags, params: eventParams, body: cancelEventBody, response: { 200: staffSeriesDetail } },
      config: { permission: can.manage },
    },
    async (request) => service.cancelSeries(contextOf(request, app), request.params.id, request.body),
  );
  app.get(
    "/api/orgs/:orgSlug/event-people",
    {
      schema: { tags, params: eventOrgParams, response: { 200: eventPeople } },
      config: { permission: can.manage },
    },
    async (request) => service.listPeople(contextOf(request, app)),
  );

  // Staff and organisers -----------------------------------------------------------------------------------
  app.get(
    `${events}/:id/registrations`,
    {
      schema: { tags, params: eventParams, response: { 200: registrationList } },
      config: { permission: can.read },
    },
    async (request) => registrations.listForEvent(contextOf(request, app), request.params.id),
  );
  app.post(
    `${events}/:id/registrations`,
    {
      schema: { tags, params: eventParams, body: staffRegisterBody, response: { 201: staffRegistration } },
      config: { permission: can.read },
    },
    async (request, reply) => {
      const created = await registrations.registerByStaff(
        contextOf(request, app),
        request.params.id,
        request.body,
      );
      return reply.status(201).send(created);
    },
  );
  app.get(
    `${events}/:id/registrations.csv`,
    { schema: { tags, params: eventParams }, config: { permission: can.read } },
    async (request, reply) => {
      const file = await exportRegistrationsCsv(contextOf(request, app), request.params.id);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${file.filename}"`)
        .send(file.content);
    },
  );
  app.post(
    `${events}/:id/registrations/:registrationId/cancel`,
    {
      schema: {
        tags,
        params: registrationParams,
        body: staffCancelRegistrationBody,
        response: { 200: staffRegistration },
      },
      config: { permission: can.read },
    },
    async (request) =>
      registrations.cancelByStaff(
        contextOf(request, app),
        request.params.id,
        request.params.registrationId,
        request.body,
      ),
  );
  app.put(
    `${events}/:id/registrations/:registrationId/attendance`,
    {
      schema: {
        tags,
        params: registrationParams,
        body: attendanceInput,
        response: { 200: staffRegistration },
      },
      config: { permission: can.read },
    },
    async (request) =>
      registrations.recordAttendance(
        contextOf(request, app),
        request.params.id,
        request.params.registrationId,
        request.body,
      ),
  );
  app.get(
    `${events}/:id/calendar.ics`,
    { schema: { tags, params: eventParams }, config: { permission: can.read } },
    async (request, reply) => {
      const file = await calendar.memberEventCalendar(contextOf(request, app), request.params.id);
      return reply
        .header("content-type", CALENDAR_CONTENT_TYPE)
        .header("content-disposition", `attachment; filename="${calendarFileName(file.title)}"`)
        .send(file.body);
    },
  );

  // Members ------------------------------------------------------------------------------------------------
  app.get(
    "/api/orgs/:orgSlug/member-events",
    {
      schema: {
        tags,
        params: eventOrgParams,
        querystring: eventListQuery,
        response: { 200: memberEventList },
      },
      config: { permission: can.read },
    },
    async (request) => service.listForMember(contextOf(request, app), request.query),
  );
  app.get(
    "/api/orgs/:orgSlug/member-events/:id",
    {
      schema: { tags, params: eventParams, response: { 200: memberEventDetail } },
      config: { permission: can.read },
    },
    async (request) => service.getForMember(contextOf(request, app), request.params.id),
  );
  app.post(
    "/api/orgs/:orgSlug/member-events/:id/register",
    {
      schema: { tags, params: eventParams, body: registerBody, response: { 201: myRegistration } },
      config: { permission: can.register },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await registrations.registerOwn(contextOf(request, app), request.params.id, request.body)),
  );
  app.post(
    "/api/orgs/:orgSlug/member-events/:id/cancel-registration",
    {
      schema: { tags, params: eventParams, response: { 200: myRegistration } },
      config: { permission: can.register },
    },
    async (request) => registrations.cancelOwn(contextOf(request, app), request.params.id),
  );
  app.get(
    "/api/orgs/:orgSlug/my-event-registrations",
    {
      schema: { tags, params: eventOrgParams, response: { 200: myRegistrations } },
      config: { permission: can.read },
    },
    async (request) => registrations.listMine(contextOf(request, app)),
  );

  // Public -------------------------------------------------------------------------------------------------
  const publicEvents = "/api/public/orgs/:orgSlug/events";
  app.get(
    publicEvents,
    {
      schema: {
        tags,
        params: eventOrgParams,
        querystring: publicEventListQuery,
        response: { 200: publicEventList },
      },
      config: { permission: can.readPublic },
    },
    async (request) => service.listPublic(contextOf(request, app), request.query),
  );
  app.get(
    "/api/public/orgs/:orgSlug/events.ics",
    { schema: { tags, params: eventOrgParams }, config: { permission: can.readPublic, ...feedLimit } },
    async (request, reply) => {
      const body = await calendar.organisationFeed(contextOf(request, app));
      return reply
        .header("content-type", CALENDAR_CONTENT_TYPE)
        .header("cache-control", "public, max-age=300")
        .send(body);
    },
  );
  app.get(
    `${publicEvents}/:id`,
    {
      schema: { tags, params: eventParams, response: { 200: publicEvent } },
      config: { permission: can.readPublic },
    },
    async (request) => service.getPublic(contextOf(request, app), request.params.id),
  );
  app.get(
    `${publicEvents}/:id/calendar.ics`,
    { schema: { tags, params: eventParams }, config: { permission: can.readPublic } },
    async (request, reply) => {
      const file = await calendar.publicEventCalendar(contextOf(request, app), request.params.id);
      return reply
        .header("content-type", CALENDAR_CONTENT_TYPE)
        .header("content-disposition", `attachment; filename="${calendarFileName(file.title)}"`)
        .send(file.body);
    },
  );
  app.post(
    `${publicEvents}/:id/guest-registrations`,
    {
      schema: {
        tags,
        params: eventParams,
        body: guestRegisterBody,
        response: { 202: guestRegistrationAccepted },
      },
      config: { permission: can.registerAsGuest, ...publicFormLimit },
    },
    async (request, reply) => {
      await registrations.requestGuestRegistration(contextOf(request, app), request.params.id, request.body);
      return reply.status(202).send({ accepted: true as const });
    },
  );
  app.post(
    "/api/public/event-guest-confirmations/:token",
    {
      schema: { tags, params: eventTokenParams, response: { 200: guestRegistrationConfirmed } },
      config: { permission: can.guestLink, ...guestLinkLimit },
    },
    async (request) => registrations.confirmGuest(contextOf(request, app), request.params.token),
  );
  app.get(
    "/api/public/event-registrations/:token",
    {
      schema: { tags, params: eventTokenParams, response: { 200: guestRegistrationView } },
      config: { permission: can.guestLink, ...guestLinkLimit },
    },
    async (request) => registrations.viewGuestRegistration(contextOf(request, app), request.params.token),
  );
  app.post(
    "/api/public/event-registrations/:token/cancel",
    {
      schema: { tags, params: eventTokenParams, response: { 200: guestRegistrationView } },
      config: { permission: can.guestLink, ...guestLinkLimit },
    },
    async (request) => registrations.cancelGuestRegistration(contextOf(request, app), request.params.token),
  );
}
