import type { AbsenceDto, AbsenceInput, AbsenceList, AbsenceReported } from "../../../contracts/substitution";
import { minutesToHhmm } from "../../../core/caregivers/capacity";
import { daysBetween } from "../../../core/shared/dates";
import {
  absentDuring,
  affectedChildDays,
  type ChildDay,
  clockToMinute,
  proposeCover,
  rangesToTimes,
} from "../../../core/substitution";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import type { ServiceContext } from "../../platform/types";
import { findSubstitutionContacts, lockPlacementCaregiver } from "../caregivers/caregivers.queries";
import { lockCoverPlaces } from "./cover-lock";
import { partnerCheckOf } from "./partner-check.service";
import {
  actorOf,
  coverChildren,
  coverInput,
  loadWorld,
  nameOf,
  officeOf,
  registryPersonOf,
  todayOf,
  type World,
} from "./substitution.context";
import { mailCancelled, mailCoverLost, mailIllness } from "./substitution.mails";
import * as repo from "./substitution.repository";
import type { LostCover } from "./substitution.tables";

/** A closing block is long, but an absence of more than a year is a mistake or a leave, not substitution. */
const MAX_ABSENCE_DAYS = 366;

const minuteOf = (clock: string | null) => (clock === null ? null : clockToMinute(clock));

/** Whether two absences of one person share a moment: a shared day, and on it overlapping part-day windows. */
function overlaps(
  a: Pick<repo.AbsenceRow, "dayFrom" | "dayTo">,
  b: Pick<repo.AbsenceRow, "dayFrom" | "dayTo">,
) {
  if (a.dayFrom === null || a.dayTo === null || b.dayFrom === null || b.dayTo === null) return true;
  return a.dayFrom < b.dayTo && b.dayFrom < a.dayTo;
}

/**
 * Proposes cover for child-days (new ones, or open ones again) and writes the proposals: the rules see
 * every cover that holds a place except those being proposed now. Returns the rows in the given order.
 */
export async function proposeAndStore(
  tx: Executor,
  world: World,
  items: readonly {
    absence: repo.AbsenceRow;
    day: ChildDay;
    existing?: repo.CoverRow;
    /** More fields for an existing row (a confirmed cover that lost its place loses its confirmation). */
    reset?: repo.CoverUpdate;
  }[],
): Promise<repo.CoverRow[]> {
  if (items.length === 0) return [];
  const now = world.now;
  const holding = await repo.listHoldingCovers(
    tx,
    world.org.id,
    world.today,
    items.flatMap((i) => (i.existing ? [i.existing.id] : [])),
  );
  const children = items.flatMap((i) => coverChildren(world, i.absence.caregiverId, [i.day]));
  const proposals = new Map(
    proposeCover(coverInput(world, children, holding)).map((p) => [`${p.contractId}|${p.day}`, p]),
  );
  const inserts: repo.CoverValues[] = [];
  const rows: repo.CoverRow[] = [];
  for (const item of items) {
    const p = proposals.get(`${item.day.contractId}|${item.day.day}`);
    const values = {
      status: p?.kind ? ("proposed" as const) : ("uncovered" as const),
      coverKind: p?.kind ?? null,
      coverCaregiverId: p?.personId ?? null,
      kitaId: p?.kitaId ?? null,
      isKnown: p?.isKnown ?? false,
      distanceKm: p?.distanceKm ?? null,
      extraDistanceKm: p?.extraDistanceKm ?? null,
      problem: p ? p.problem : { ...NO_CANDIDATE, day: item.day.day },
      updatedAt: now,
    };
    if (item.existing) rows.push(await repo.updateCover(tx, item.existing.id, { ...values, ...item.reset }));
    else
      inserts.push({
        organisationId: world.org.id,
        absenceId: item.absence.id,
        contractId: item.day.contractId,
        day: item.day.day,
        ranges: item.day.ranges,
        ...values,
      });
  }
  return [...rows, ...(await repo.insertCovers(tx, inserts))];
}

const NO_CANDIDATE = {
  code: "noCandidate" as const,
  personId: null,
  kitaId: null,
  day: null,
  from: null,
  to: null,
  present: null,
  limit: null,
};

/**
 * Covers that lost their place (the covering person is absent herself, or the Kita was archived) are
 * proposed again by the rules, which no longer offer her or it. A confirmed one loses its confirmation and
 * the parents' answer, and is flagged so that the board asks the coordinator to confirm it again; its
 * parents and the former covering person are told at once. `world` must already see the absence or the
 * archived Kita. Returns the rows as they are now.
 */
export async function moveLostCovers(
  tx: Executor,
  ctx: ServiceContext,
  world: World,
  covers: readonly repo.CoverRow[],
  reason: LostCover["reason"],
): Promise<repo.CoverRow[]> {
  const absences = new Map(world.absences.map((a) => [a.id, a]));
  const items = covers.flatMap((c) => {
    const absence = absences.get(c.absenceId);
    if (!absence) return [];
    const reset: repo.CoverUpdate | undefined =
      c.status === "confirmed"
        ? {
            confirmedAt: null,
            confirmedByUserId: null,
            notifiedAt: null,
            parentAnswer: null,
            parentAnsweredAt: null,
            lostCover: { reason, caregiverId: c.coverCaregiverId, kitaId: c.kitaId },
          }
        : undefined;
    return [{ absence, day: { contractId: c.contractId, day: c.day, ranges: c.ranges }, existing: c, reset }];
  });
  const rows = await proposeAndStore(tx, world, items);
  const lost = items.flatMap((i) => (i.reset ? [i.existing] : []));
  await mailCoverLost(tx, ctx, world, lost, reason);
  for (const [i, row] of rows.entries()) {
    const before = items[i]?.existing;
    if (!before) continue;
    await writeAudit(tx, {
      organisationId: world.org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "substitution.coversMoved",
      entityType: "substitutionCover",
      entityId: row.id,
      details: {
        day: row.day,
        reason,
        wasConfirmed: before.status === "confirmed",
        from: { caregiverId: before.coverCaregiverId, kitaId: before.kitaId },
        to: { caregiverId: row.coverCaregiverId, kitaId: row.kitaId, status: row.status },
      },
      ip: ctx.ip,
    });
  }
  return rows;
}

/**
 * Her covers of other children (proposed or confirmed) at the times of her new absence move: the absence
 * was just stored, so the rules no longer offer her then.
 */
async function moveCoversOf(
  tx: Executor,
  ctx: ServiceContext,
  world: World,
  absence: repo.AbsenceRow,
): Promise<void> {
  const held = (
    await repo.listCovers(tx, world.org.id, {
      from: absence.startsOn > world.today ? absence.startsOn : world.today,
      to: absence.endsOn,
      coverCaregiverId: absence.caregiverId,
      statuses: ["proposed", "confirmed"],
    })
  ).filter((c) => c.absenceId !== absence.id && absentDuring(absence, c.day, c.ranges));
  if (held.length > 0) await moveLostCovers(tx, ctx, world, held, "coverAbsent");
}

function checkDates(ctx: ServiceContext, input: AbsenceInput): void {
  if (input.endsOn < todayOf(ctx.platform)) throw fieldError("endsOn", "substitutionAbsencePast");
  if (daysBetween(input.startsOn, input.endsOn) >= MAX_ABSENCE_DAYS)
    throw fieldError("endsOn", "substitutionAbsenceTooLong");
}

async function report(
  ctx: ServiceContext,
  org: OrganisationScope,
  caregiverId: string,
  input: AbsenceInput,
): Promise<AbsenceReported> {
  const { platform } = ctx;
  const today = todayOf(platform);
  checkDates(ctx, input);
  const result = await platform.db.transaction(async (tx) => {
    // First the office's cover places (see lockCoverPlaces: always taken before any row lock), then hers.
    await lockCoverPlaces(tx, org.id);
    // Her lock, as placement takes it: two reports of hers (two phones) cannot both pass the overlap check.
    if (!(await lockPlacementCaregiver(tx, org.id, caregiverId))) throw notFound();
    const window = { dayFrom: minuteOf(input.dayFrom), dayTo: minuteOf(input.dayTo) };
    const others = await repo.listActiveAbsencesBetween(
      tx,
      org.id,
      caregiverId,
      input.startsOn,
      input.endsOn,
    );
    if (others.some((other) => overlaps(other, window)))
      throw new AppError("substitutionAbsenceOverlap", 409, {
        absenceIds: others.filter((o) => overlaps(o, window)).map((o) => o.id),
      });
    const now = platform.now();
    const absence = await repo.insertAbsence(tx, {
      organisationId: org.id,
      caregiverId,
      kind: input.kind,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      ...window,
      note: input.note,
      reportedByUserId: actorOf(ctx).userId,
      createdAt: now,
      updatedAt: now,
    });
    const world = await loadWorld(tx, org, platform.now());
    const contracts = [...world.contracts.values()].filter((c) => c.caregiverId === caregiverId);
    const days = affectedChildDays(absence, contracts, { from: today });
    const covers = await proposeAndStore(
      tx,
      world,
      days.map((day) => ({ absence, day })),
    );
    await moveCoversOf(tx, ctx, world, absence);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: "substitution.absenceReported",
      entityType: "substitutionAbsence",
      entityId: absence.id,
      details: {
        caregiverId,
        kind: input.kind,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        childDays: covers.length,
      },
      ip: ctx.ip,
    });
    if (absence.kind === "illness") await mailIllness(tx, ctx, world, absence, covers);
    const person = world.contacts.get(caregiverId);
    const partnerCheck = await partnerCheckOf(tx, world, absence);
    return {
      partnerCheck,
      absence: presentAbsence(absence, person ? nameOf(person) : "", covers),
      affected: days.map((d) => ({
        contractId: d.contractId,
        childFirstName: world.contracts.get(d.contractId)?.childFirstName ?? "",
        day: d.day,
        times: rangesToTimes(d.ranges),
      })),
    };
  });
  platform.mailer.kick();
  return result;
}

/** A day-care person or substitute reports her own absence; the affected children come back at once. */
export async function reportOwn(ctx: ServiceContext, input: AbsenceInput): Promise<AbsenceReported> {
  const org = officeOf(ctx);
  const caregiverId = await registryPersonOf(ctx);
  return report(ctx, org, caregiverId, input);
}

/** The office enters an absence for someone (a phone call, a planned closing). */
export async function reportForOffice(ctx: ServiceContext, input: AbsenceInput): Promise<AbsenceReported> {
  const org = officeOf(ctx);
  if (!input.caregiverId) throw fieldError("caregiverId", "required");
  return report(ctx, org, input.caregiverId, input);
}

function presentAbsence(
  row: repo.AbsenceRow,
  caregiverName: string,
  covers: readonly repo.CoverRow[],
): AbsenceDto {
  const live = covers.filter((c) => c.status !== "cancelled");
  return {
    id: row.id,
    caregiverId: row.caregiverId,
    caregiverName,
    kind: row.kind,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    dayFrom: row.dayFrom === null ? null : minutesToHhmm(row.dayFrom),
    dayTo: row.dayTo === null ? null : minutesToHhmm(row.dayTo),
    note: row.note,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    childDays: live.length,
    confirmed: live.filter((c) => c.status === "confirmed").length,
    open: live.filter((c) => c.status === "proposed" || c.status === "uncovered").length,
  };
}

async function presentAbsences(db: Executor, org: OrganisationScope, rows: readonly repo.AbsenceRow[]) {
  const contacts = new Map(
    (await findSubstitutionContacts(db, org.id, [...new Set(rows.map((r) => r.caregiverId))])).map((c) => [
      c.id,
      c,
    ]),
  );
  const covers = await repo.listCovers(db, org.id, { absenceIds: rows.map((r) => r.id) });
  return rows.map((row) => {
    const person = contacts.get(row.caregiverId);
    return presentAbsence(
      row,
      person ? nameOf(person) : "",
      covers.filter((c) => c.absenceId === row.id),
    );
  });
}

export async function listAbsences(
  ctx: ServiceContext,
  query: { from?: string | undefined; to?: string | undefined; caregiverId?: string | undefined },
): Promise<AbsenceList> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  if (query.from && query.to && query.to < query.from) throw fieldError("to", "dateOrder");
  const rows = await repo.listAbsences(db, org.id, {
    from: query.from,
    to: query.to,
    caregiverIds: query.caregiverId ? [query.caregiverId] : undefined,
  });
  return { items: await presentAbsences(db, org, rows), today: todayOf(ctx.platform) };
}

/** Her own absences from a month ago on, so that a phone shows what is current. */
export async function listOwnAbsences(ctx: ServiceContext): Promise<AbsenceList> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const caregiverId = await registryPersonOf(ctx);
  const today = todayOf(ctx.platform);
  const rows = await repo.listAbsences(db, org.id, { caregiverIds: [caregiverId] });
  const recent = rows.filter((r) => daysBetween(r.endsOn, today) <= 31);
  return { items: await presentAbsences(db, org, recent), today };
}

/**
 * Withdraws an absence (she is back earlier, plans changed): its open covers end, and the parents and
 * covering persons of confirmed covers still to come are told at once. `isHers` limits it to her own.
 */
async function cancelAbsence(ctx: ServiceContext, id: string, isHers?: string): Promise<{ ok: true }> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const today = todayOf(platform);
  await platform.db.transaction(async (tx) => {
    const absence = await repo.findAbsence(tx, org.id, id, true);
    if (!absence || (isHers !== undefined && absence.caregiverId !== isHers)) throw notFound();
    if (absence.status === "cancelled" || absence.endsOn < today)
      throw new AppError("substitutionCoverClosed", 409);
    const now = platform.now();
    await repo.cancelAbsence(tx, id, now);
    const covers = await repo.listCovers(tx, org.id, {
      absenceIds: [id],
      from: today,
      statuses: ["proposed", "uncovered", "confirmed"],
    });
    for (const cover of covers) await repo.updateCover(tx, cover.id, { status: "cancelled", updatedAt: now });
    const confirmed = covers.filter((c) => c.status === "confirmed");
    if (confirmed.length > 0) {
      const world = await loadWorld(tx, org, platform.now());
      await mailCancelled(tx, ctx, world, confirmed, absence);
    }
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: "substitution.absenceCancelled",
      entityType: "substitutionAbsence",
      entityId: id,
      details: {
        caregiverId: absence.caregiverId,
        byOffice: isHers === undefined,
        covers: covers.length,
        confirmedCancelled: confirmed.length,
      },
      ip: ctx.ip,
    });
  });
  platform.mailer.kick();
  return { ok: true };
}

/** She withdraws her own absence; someone else's does not exist for her. */
export async function cancelOwnAbsence(ctx: ServiceContext, id: string): Promise<{ ok: true }> {
  officeOf(ctx);
  return cancelAbsence(ctx, id, await registryPersonOf(ctx));
}

/** The office withdraws anyone's absence (she phoned in that she is back), with the same effects. */
export function cancelAbsenceForOffice(ctx: ServiceContext, id: string): Promise<{ ok: true }> {
  return cancelAbsence(ctx, id);
}
