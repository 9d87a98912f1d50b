import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { orgParams } from "../../../contracts/common";
import {
  assessmentInput,
  attendanceRunsResponse,
  attendanceSheet,
  participantParams,
  participantResult,
  practiceConfirmBody,
  practiceEntryInput,
  practiceEntryParams,
  runParams,
  runResults,
  sessionAttendanceBody,
  sessionParams,
} from "../../../contracts/training-records";
import { contextOf } from "../../platform/authorize";
import * as service from "./attendance.service";
import { trainingPolicy as can } from "./training.policy";

/** Attendance per session (trainers of the run and staff), assessments and practice hours (staff). */
export async function trainingAttendanceRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["training"];
  const path = "/api/orgs/:orgSlug/training";

  app.get(
    `${path}/attendance`,
    {
      schema: { tags, params: orgParams, response: { 200: attendanceRunsResponse } },
      config: { permission: can.recordAttendance },
    },
    async (request) => service.listAttendanceRuns(contextOf(request, app)),
  );

  app.get(
    `${path}/courses/:courseId/attendance`,
    {
      schema: { tags, params: runParams, response: { 200: attendanceSheet } },
      config: { permission: can.recordAttendance },
    },
    async (request) => service.getAttendanceSheet(contextOf(request, app), request.params.courseId),
  );

  app.put(
    `${path}/courses/:courseId/sessions/:sessionId/attendance`,
    {
      schema: {
        tags,
        params: sessionParams,
        body: sessionAttendanceBody,
        response: { 200: attendanceSheet },
      },
      config: { permission: can.recordAttendance },
    },
    async (request) =>
      service.recordSessionAttendance(
        contextOf(request, app),
        request.params.courseId,
        request.params.sessionId,
        request.body,
      ),
  );

  app.get(
    `${path}/courses/:courseId/results`,
    {
      schema: { tags, params: runParams, response: { 200: runResults } },
      config: { permission: can.issueCertificates },
    },
    async (request) => service.getRunResults(contextOf(request, app), request.params.courseId),
  );

  app.post(
    `${path}/courses/:courseId/participants/:participantId/assessments`,
    {
      schema: {
        tags,
        params: participantParams,
        body: assessmentInput,
        response: { 201: participantResult },
      },
      config: { permission: can.issueCertificates },
    },
    async (request, reply) => {
      const { courseId, participantId } = request.params;
      const result = await service.addAssessment(
        contextOf(request, app),
        courseId,
        participantId,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    `${path}/courses/:courseId/participants/:participantId/practice`,
    {
      schema: {
        tags,
        params: participantParams,
        body: practiceEntryInput,
        response: { 201: participantResult },
      },
      config: { permission: can.issueCertificates },
    },
    async (request, reply) => {
      const { courseId, participantId } = request.params;
      const result = await service.addPractice(
        contextOf(request, app),
        courseId,
        participantId,
        request.body,
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    `${path}/courses/:courseId/practice/:entryId/confirm`,
    {
      schema: {
        tags,
        params: practiceEntryParams,
        body: practiceConfirmBody,
        response: { 200: participantResult },
      },
      config: { permission: can.issueCertificates },
    },
    async (request) =>
      service.confirmPractice(
        contextOf(request, app),
        request.params.courseId,
        request.params.entryId,
        request.body,
      ),
  );

  app.delete(
    `${path}/courses/:courseId/practice/:entryId`,
    {
      schema: { tags, params: practiceEntryParams, response: { 200: participantResult } },
      config: { permission: can.issueCertificates },
    },
    async (request) =>
      service.deletePractice(contextOf(request, app), request.params.courseId, request.params.entryId),
  );
}
