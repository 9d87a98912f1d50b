import type { FastifyInstance } from "fastify";
import type { ScopeResolver, SessionResolver } from "../platform/auth";
import type { Platform } from "../platform/types";
import { announcementsRoutes } from "./announcements/announcements.routes";
import { caregiversRoutes } from "./caregivers/caregivers.routes";
import { mapRoutes } from "./caregivers/map.routes";
import { eventsRoutes } from "./events/events.routes";
import { exhibitionRoutes } from "./exhibition/exhibition.routes";
import { identityRoutes } from "./identity/identity.routes";
import { resolveSession } from "./identity/identity.service";
import { membershipRoutes } from "./membership/membership.routes";
import { messagesRoutes } from "./messages/messages.routes";
import { organisationsRoutes } from "./organisations/organisations.routes";
import { scopeResolver } from "./organisations/organisations.service";
import { placementRoutes } from "./placement/placement.routes";
import { placementReportsRoutes } from "./placement/reports.routes";
import { roundsRoutes } from "./placement/rounds.routes";
import { privacyRoutes } from "./privacy/privacy.routes";
import { exhibitionHtmlRoutes } from "./site/exhibition-html.routes";
import { sitePublicHtmlRoutes } from "./site/public-html.routes";
import { siteRoutes } from "./site/site.routes";
import { siteSitemapRoutes } from "./site/sitemap.routes";
import { substitutionRoutes } from "./substitution/substitution.routes";
import { surveysRoutes } from "./surveys/surveys.routes";
import { trainingAccountRoutes } from "./training/account.routes";
import { trainingAttendanceRoutes } from "./training/attendance.routes";
import { trainingBookingsRoutes } from "./training/bookings.routes";
import { trainingCertificatesRoutes } from "./training/certificates.routes";
import { trainingCoursesRoutes } from "./training/courses.routes";
import { trainingExternalRoutes } from "./training/external.routes";
import { trainingReportsRoutes } from "./training/reports.routes";
import { votesRoutes } from "./votes/votes.routes";

/** Every business module's routes; the order does not matter. */
export async function registerModules(app: FastifyInstance): Promise<void> {
  await app.register(identityRoutes);
  await app.register(organisationsRoutes);
  await app.register(membershipRoutes);
  await app.register(announcementsRoutes);
  await app.register(caregiversRoutes);
  await app.register(mapRoutes);
  await app.register(privacyRoutes);
  await app.register(messagesRoutes);
  await app.register(placementRoutes);
  await app.register(roundsRoutes);
  await app.register(placementReportsRoutes);
  await app.register(trainingAccountRoutes);
  await app.register(trainingAttendanceRoutes);
  await app.register(trainingCertificatesRoutes);
  await app.register(trainingExternalRoutes);
  await app.register(trainingReportsRoutes);
  await app.register(trainingCoursesRoutes);
  await app.register(trainingBookingsRoutes);
  await app.register(eventsRoutes);
  await app.register(siteRoutes);
  await app.register(sitePublicHtmlRoutes);
  await app.register(siteSitemapRoutes);
  await app.register(exhibitionRoutes);
  await app.register(exhibitionHtmlRoutes);
  await app.register(votesRoutes);
  await app.register(surveysRoutes);
  await app.register(substitutionRoutes);
}

export function resolvers(platform: Platform): { session: SessionResolver; scope: ScopeResolver } {
  return { session: (token) => resolveSession(platform, token), scope: scopeResolver(platform) };
}
