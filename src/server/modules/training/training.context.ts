import type { Locale } from "../../../contracts/i18n";
import { todayIso } from "../../../core/shared/dates";
import type { Actor, OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, notFound } from "../../platform/errors";
import { hasPermission } from "../../platform/policy";
import type { Platform, ServiceContext } from "../../platform/types";
import { findUserLocales } from "../identity/identity.queries";
import type { ParticipantRow } from "./bookings.repository";
import { type CourseRow, findCourse } from "./courses.repository";
import { trainingPolicy } from "./training.policy";

/**
 * What every training service reads from the request: the organisation, the caller and today's date.
 * One place, so every route of the module answers a missing scope, a youth office or a missing sign-in alike.
 */

/** Offices and associations train; a youth office's training routes answer as if they did not exist. */
export function trainingOrgOf(ctx: ServiceContext): OrganisationScope {
  const org = ctx.organisation;
  if (org?.kind !== "coordinationOffice" && org?.kind !== "association") throw notFound();
  return org;
}

export function actorOf(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError("unauthenticated", 401);
  return ctx.actor;
}

/** Today in Germany by the platform's clock; jobs pass the platform, requests their context. */
export function todayOf(source: Pick<ServiceContext, "platform"> | Platform): string {
  const platform = "platform" in source ? source.platform : source;
  return todayIso(platform.now());
}

/** Staff of the organisation (admin, coordinator, board): they see and mark every run and every booking. */
export function isStaff(ctx: ServiceContext): boolean {
  return hasPermission(ctx.membership, trainingPolicy.manageCourses, ctx.organisation?.kind);
}

/** The run of the caller's organisation; another organisation's run answers as if it did not exist. */
export async function requireRun(
  db: Executor,
  ctx: ServiceContext,
  courseId: string,
  options: { lock?: boolean } = {},
): Promise<CourseRow> {
  const course = await findCourse(db, trainingOrgOf(ctx).id, courseId, options);
  if (!course) throw notFound();
  return course;
}

/**
 * The language each participant is written to: a member's account setting (she may change it any time), a
 * guest's from the page she booked on.
 */
export async function mailLocales(
  db: Executor,
  people: Iterable<Pick<ParticipantRow, "userId" | "locale">>,
): Promise<(person: Pick<ParticipantRow, "userId" | "locale">) => Locale> {
  const list = [...people];
  const accounts = await findUserLocales(
    db,
    list.flatMap((person) => (person.userId ? [person.userId] : [])),
  );
  return (person) => (person.userId ? (accounts.get(person.userId) ?? "de") : person.locale);
}
