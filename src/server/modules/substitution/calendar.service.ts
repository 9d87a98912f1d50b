import type { CalendarResponse } from "../../../contracts/substitution";
import { minutesToHhmm } from "../../../core/caregivers/capacity";
import { startOfWeek } from "../../../core/shared/dates";
import { calendarDays, rangesToTimes } from "../../../core/substitution";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import type { ServiceContext } from "../../platform/types";
import { findSubstitutionContacts } from "../caregivers/caregivers.queries";
import { listSubstitutionContracts } from "../placement/placement.queries";
import { dayRangeOf, nameOf, officeOf, registryPersonOf, todayOf } from "./substitution.context";
import * as repo from "./substitution.repository";

const LIVE_STATUSES = ["proposed", "confirmed", "uncovered"] as const;

type CalendarQuery = { from?: string | undefined; to?: string | undefined };

/** The asked range; without one the current ISO week (German weeks start on Monday). */
function calendarRange(ctx: ServiceContext, query: CalendarQuery) {
  return dayRangeOf(query, { from: startOfWeek(todayOf(ctx.platform)), days: 7 });
}

/**
 * The answer for the given absences and covers: names of absent and covering persons, Kitas and children
 * are read once for the whole range, never per day.
 */
async function present(
  db: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  range: { from: string; to: string },
  absences: readonly repo.AbsenceRow[],
  absenceCovers: readonly repo.CoverRow[],
  heldCovers: readonly repo.CoverRow[],
): Promise<CalendarResponse> {
  const personIds = new Set(absences.map((a) => a.caregiverId));
  for (const c of heldCovers) if (c.coverCaregiverId) personIds.add(c.coverCaregiverId);
  const people = new Map(
    (await findSubstitutionContacts(db, org.id, [...personIds])).map((p) => [p.id, nameOf(p)] as const),
  );
  const kitaIds = [
    ...new Set(heldCovers.flatMap((c) => (c.coverCaregiverId || !c.kitaId ? [] : [c.kitaId]))),
  ];
  const kitas = new Map((await repo.listKitaNames(db, org.id, kitaIds)).map((k) => [k.id, k.name] as const));
  const contractIds = [...new Set(heldCovers.map((c) => c.contractId))];
  const children = new Map(
    (await listSubstitutionContracts(db, org.id, { ids: contractIds })).map(
      (c) => [c.id, c.childFirstName] as const,
    ),
  );

  const nameOfPerson = (id: string) => people.get(id) ?? "";
  const sorted = [...absences].sort(
    (a, b) =>
      nameOfPerson(a.caregiverId).localeCompare(nameOfPerson(b.caregiverId), "de") ||
      a.startsOn.localeCompare(b.startsOn) ||
      a.id.localeCompare(b.id),
  );
  const toRow = (c: repo.CoverRow) => ({ ...c, childFirstName: children.get(c.contractId) ?? "" });
  const days = calendarDays(range, sorted, absenceCovers.map(toRow), heldCovers.map(toRow));
  return {
    ...range,
    today: todayOf(ctx.platform),
    absences: sorted.map((a) => ({
      id: a.id,
      caregiverId: a.caregiverId,
      caregiverName: nameOfPerson(a.caregiverId),
      kind: a.kind,
      startsOn: a.startsOn,
      endsOn: a.endsOn,
      dayFrom: a.dayFrom === null ? null : minutesToHhmm(a.dayFrom),
      dayTo: a.dayTo === null ? null : minutesToHhmm(a.dayTo),
    })),
    days: days.map((day) => ({
      ...day,
      holders: day.holders
        .map((h) => ({
          caregiverId: h.caregiverId,
          kitaId: h.kitaId,
          name: h.caregiverId ? nameOfPerson(h.caregiverId) : (kitas.get(h.kitaId ?? "") ?? ""),
          children: h.confirmed + h.proposed,
          confirmed: h.confirmed,
          proposed: h.proposed,
          times: rangesToTimes(h.ranges),
          childFirstNames: [...h.childFirstNames].sort((a, b) => a.localeCompare(b, "de")),
        }))
        .sort((a, b) => a.name.localeCompare(b.name, "de")),
    })),
  };
}

/** The office's calendar: every active absence with its child-days, and who holds which covers. */
export async function getCalendar(ctx: ServiceContext, query: CalendarQuery): Promise<CalendarResponse> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const range = calendarRange(ctx, query);
  const absences = await repo.listAbsences(db, org.id, { ...range, activeOnly: true });
  const covers = await repo.listCovers(db, org.id, {
    ...range,
    absenceIds: absences.map((a) => a.id),
    statuses: LIVE_STATUSES,
  });
  return present(db, ctx, org, range, absences, covers, covers);
}

/**
 * Her own calendar: her absences with how far her children are covered, and the children she covers.
 * Only confirmed covers count as hers: a proposal may still change, and she is told when it is confirmed.
 */
export async function getMyCalendar(ctx: ServiceContext, query: CalendarQuery): Promise<CalendarResponse> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const me = await registryPersonOf(ctx, db);
  const range = calendarRange(ctx, query);
  const active = await repo.listAbsences(db, org.id, { ...range, activeOnly: true });
  const activeIds = new Set(active.map((a) => a.id));
  const mine = active.filter((a) => a.caregiverId === me);
  const ownCovers = await repo.listCovers(db, org.id, {
    ...range,
    absenceIds: mine.map((a) => a.id),
    statuses: LIVE_STATUSES,
  });
  const held = (
    await repo.listCovers(db, org.id, { ...range, coverCaregiverId: me, statuses: ["confirmed"] })
  ).filter((c) => activeIds.has(c.absenceId));
  return present(db, ctx, org, range, mine, ownCovers, held);
}
