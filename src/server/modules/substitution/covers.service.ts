import type {
  BoardResponse,
  CandidatesResponse,
  CoverChangeInput,
  CoverDto,
  FamilyCover,
  MyCoversResponse,
  ParentAnswerInput,
} from "../../../contracts/substitution";
import { ageInMonths } from "../../../core/placement/requests";
import { addDays, daysBetween } from "../../../core/shared/dates";
import {
  type CandidateEvaluation,
  evaluateCandidate,
  listCandidates,
  rangesToTimes,
} from "../../../core/substitution";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, notFound } from "../../platform/errors";
import type { ServiceContext } from "../../platform/types";
import type { SubstitutionContract } from "../placement/placement.queries";
import { proposeAndStore } from "./absences.service";
import { discloseCareNotes } from "./care-notes.service";
import { lockCoverPlaces } from "./cover-lock";
import {
  actorOf,
  coverChildren,
  coverInput,
  dayRangeOf,
  loadWorld,
  MAX_RANGE_DAYS,
  nameOf,
  officeOf,
  placeOf,
  presentCover,
  problemOf,
  registryPersonOf,
  todayOf,
  type World,
  withContracts,
} from "./substitution.context";
import { mailCancelled, mailConfirmed } from "./substitution.mails";
import * as repo from "./substitution.repository";

const MAX_BOARD_DAYS = MAX_RANGE_DAYS;
const STATUS_ORDER = { uncovered: 0, proposed: 1, confirmed: 2, cancelled: 3 } as const;

/** The board's days: a week from today unless asked otherwise. */
function rangeOf(ctx: ServiceContext, query: { from?: string | undefined; to?: string | undefined }) {
  return dayRangeOf(query, { from: todayOf(ctx.platform), days: 7 });
}

/** The days from–to with their child-days, open ones first (uncovered, then proposed), then by child. */
async function boardOf(
  db: Executor,
  ctx: ServiceContext,
  org: OrganisationScope,
  range: { from: string; to: string },
  caregiverIds?: readonly string[],
): Promise<BoardResponse> {
  const absences = await repo.listAbsences(db, org.id, { ...range, caregiverIds });
  const byId = new Map(absences.map((a) => [a.id, a]));
  const covers = (
    await repo.listCovers(db, org.id, {
      ...range,
      absenceIds: absences.map((a) => a.id),
      statuses: ["uncovered", "proposed", "confirmed"],
    })
  ).filter((c) => byId.get(c.absenceId)?.status === "active");
  const world = await loadWorld(db, org, ctx.platform.now());
  await withContracts(
    db,
    world,
    covers.map((c) => c.contractId),
  );
  const dtos = covers.map((c) => presentCover(world, c, byId.get(c.absenceId) as repo.AbsenceRow));
  const days: BoardResponse["days"] = [];
  for (let day = range.from; day <= range.to; day = addDays(day, 1)) {
    const of = dtos
      .filter((c) => c.day === day)
      .sort(
        (a, b) =>
          STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
          a.absentCaregiverName.localeCompare(b.absentCaregiverName, "de") ||
          a.childFirstName.localeCompare(b.childFirstName, "de") ||
          a.id.localeCompare(b.id),
      );
    days.push({
      day,
      covers: of,
      confirmed: of.filter((c) => c.status === "confirmed").length,
      proposed: of.filter((c) => c.status === "proposed").length,
      uncovered: of.filter((c) => c.status === "uncovered").length,
    });
  }
  return { ...range, days, today: todayOf(ctx.platform) };
}

export function getBoard(
  ctx: ServiceContext,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<BoardResponse> {
  const org = officeOf(ctx);
  return boardOf(ctx.platform.db, ctx, org, rangeOf(ctx, query));
}

/** A cover and its absence, locked; a cover of another organisation is not found. */
async function lockCover(tx: Executor, org: OrganisationScope, id: string) {
  const cover = await repo.findCover(tx, org.id, id, true);
  if (!cover) throw notFound();
  const absence = await repo.findAbsence(tx, org.id, cover.absenceId);
  if (!absence) throw notFound();
  return { cover, absence };
}

/** The past and withdrawn absences are history: nothing there changes any more. */
function assertOpen(cover: repo.CoverRow, absence: repo.AbsenceRow, today: string) {
  if (cover.day < today || absence.status === "cancelled" || cover.status === "cancelled")
    throw new AppError("substitutionCoverClosed", 409);
}

/**
 * Confirms proposals and mails the parents and the covering persons in the same transaction. A cover
 * without a proposal (uncovered) cannot be confirmed: the office picks a candidate first.
 */
async function confirmCovers(
  ctx: ServiceContext,
  org: OrganisationScope,
  ids: readonly string[],
  allowed?: (absence: repo.AbsenceRow) => boolean,
): Promise<{ world: World; rows: repo.CoverRow[]; absences: Map<string, repo.AbsenceRow> }> {
  const { platform } = ctx;
  const today = todayOf(platform);
  const result = await platform.db.transaction(async (tx) => {
    await lockCoverPlaces(tx, org.id);
    const found: { cover: repo.CoverRow; absence: repo.AbsenceRow }[] = [];
    for (const id of [...new Set(ids)].sort()) found.push(await lockCover(tx, org, id));
    if (allowed && found.some((f) => !allowed(f.absence))) throw notFound();
    const world = await loadWorld(tx, org, platform.now());
    await withContracts(
      tx,
      world,
      found.map((f) => f.cover.contractId),
    );
    const holding = await repo.listHoldingCovers(tx, org.id, today);
    for (const { cover, absence } of found) {
      assertOpen(cover, absence, today);
      if (cover.status === "uncovered" || !cover.coverKind)
        throw new AppError("substitutionCoverNotPossible", 409, {
          coverId: cover.id,
          problem: problemOf(world, cover.problem),
        });
      if (cover.status === "confirmed") continue;
      // Checked again: a contract placed with her since the proposal may have taken the place.
      const children = coverChildren(world, absence.caregiverId, [
        { contractId: cover.contractId, day: cover.day, ranges: cover.ranges },
      ]);
      const evaluation = evaluateCandidate(
        coverInput(
          world,
          children,
          holding.filter((h) => h.id !== cover.id),
        ),
        { contractId: cover.contractId, day: cover.day },
        cover.coverCaregiverId ? { personId: cover.coverCaregiverId } : { kitaId: cover.kitaId as string },
      );
      if (evaluation.problem)
        throw new AppError("substitutionCoverNotPossible", 409, {
          coverId: cover.id,
          problem: problemOf(world, evaluation.problem),
        });
    }
    const now = platform.now();
    const fresh = found.filter((f) => f.cover.status !== "confirmed");
    const rows: repo.CoverRow[] = [];
    for (const { cover } of fresh)
      rows.push(
        await repo.updateCover(tx, cover.id, {
          status: "confirmed",
          confirmedAt: now,
          confirmedByUserId: actorOf(ctx).userId,
          notifiedAt: now,
          lostCover: null,
          updatedAt: now,
        }),
      );
    const absences = new Map(found.map((f) => [f.absence.id, f.absence]));
    await mailConfirmed(tx, ctx, world, rows, absences);
    for (const row of rows)
      await writeAudit(tx, {
        organisationId: org.id,
        actorUserId: actorOf(ctx).userId,
        action: "substitution.coverConfirmed",
        entityType: "substitutionCover",
        entityId: row.id,
        details: {
          day: row.day,
          kind: row.coverKind,
          coverCaregiverId: row.coverCaregiverId,
          kitaId: row.kitaId,
        },
        ip: ctx.ip,
      });
    const all = await repo.findCovers(tx, org.id, ids);
    return { world, rows: all, absences };
  });
  platform.mailer.kick();
  return result;
}

export async function confirmCover(ctx: ServiceContext, id: string): Promise<CoverDto> {
  const org = officeOf(ctx);
  const { world, rows, absences } = await confirmCovers(ctx, org, [id]);
  const row = rows[0] as repo.CoverRow;
  return presentCover(world, row, absences.get(row.absenceId) as repo.AbsenceRow);
}

/** Confirms many proposals at once (a day's); answers with the board of the days they fall on. */
export async function confirmMany(ctx: ServiceContext, ids: readonly string[]): Promise<BoardResponse> {
  const org = officeOf(ctx);
  const { rows } = await confirmCovers(ctx, org, ids);
  const days = rows.map((r) => r.day).sort();
  const from = days[0] as string;
  const last = days[days.length - 1] as string;
  const to = daysBetween(from, last) >= MAX_BOARD_DAYS ? addDays(from, MAX_BOARD_DAYS - 1) : last;
  return boardOf(ctx.platform.db, ctx, org, { from, to });
}

/** The rules' input for one cover's child-day, with every other cover that holds a place. */
async function oneCoverInput(tx: Executor, world: World, cover: repo.CoverRow, absence: repo.AbsenceRow) {
  const holding = await repo.listHoldingCovers(tx, world.org.id, world.today, [cover.id]);
  const children = coverChildren(world, absence.caregiverId, [
    { contractId: cover.contractId, day: cover.day, ranges: cover.ranges },
  ]);
  if (children.length === 0) throw new AppError("substitutionCoverClosed", 409);
  return coverInput(world, children, holding);
}

function candidatePlace(world: World, c: CandidateEvaluation) {
  return placeOf(world, {
    coverKind: c.kind,
    coverCaregiverId: c.personId,
    kitaId: c.kitaId,
    isKnown: c.isKnown,
    distanceKm: c.distanceKm,
    extraDistanceKm: c.extraDistanceKm,
  });
}

/** Every person and Kita that could take this child that day, possible ones first, each with its reason. */
export async function getCandidates(ctx: ServiceContext, id: string): Promise<CandidatesResponse> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const cover = await repo.findCover(db, org.id, id);
  if (!cover) throw notFound();
  const absence = await repo.findAbsence(db, org.id, cover.absenceId);
  if (!absence) throw notFound();
  assertOpen(cover, absence, todayOf(ctx.platform));
  const world = await loadWorld(db, org, ctx.platform.now());
  const input = await oneCoverInput(db, world, cover, absence);
  const items = listCandidates(input, { contractId: cover.contractId, day: cover.day }).flatMap((c) => {
    const place = candidatePlace(world, c);
    return place ? [{ place, problem: problemOf(world, c.problem) }] : [];
  });
  return { items };
}

/**
 * The office puts the child with another person or Kita. The rules check the choice against every other
 * cover that holds a place; an impossible one is refused with its reason and nothing changes. A confirmed
 * cover stays confirmed and is mailed again; otherwise the choice becomes the proposal.
 */
export async function changeCover(
  ctx: ServiceContext,
  id: string,
  input: CoverChangeInput,
): Promise<CoverDto> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const today = todayOf(platform);
  const dto = await platform.db.transaction(async (tx) => {
    await lockCoverPlaces(tx, org.id);
    const { cover, absence } = await lockCover(tx, org, id);
    assertOpen(cover, absence, today);
    const world = await loadWorld(tx, org, platform.now());
    if (input.caregiverId && !world.contacts.has(input.caregiverId)) throw notFound();
    if (input.kitaId && !world.kitas.some((k) => k.id === input.kitaId && k.archivedAt === null))
      throw notFound();
    const evaluation = evaluateCandidate(
      await oneCoverInput(tx, world, cover, absence),
      { contractId: cover.contractId, day: cover.day },
      input.caregiverId ? { personId: input.caregiverId } : { kitaId: input.kitaId as string },
    );
    if (evaluation.problem)
      throw new AppError("substitutionCoverNotPossible", 409, {
        problem: problemOf(world, evaluation.problem),
      });
    const now = platform.now();
    const wasConfirmed = cover.status === "confirmed";
    const row = await repo.updateCover(tx, id, {
      status: wasConfirmed ? "confirmed" : "proposed",
      coverKind: evaluation.kind,
      coverCaregiverId: evaluation.personId,
      kitaId: evaluation.kitaId,
      isKnown: evaluation.isKnown,
      distanceKm: evaluation.distanceKm,
      extraDistanceKm: evaluation.extraDistanceKm,
      problem: null,
      // A new place is a new arrangement for the parents: their earlier answer was about the old one.
      parentAnswer: null,
      parentAnsweredAt: null,
      ...(wasConfirmed ? { confirmedAt: now, confirmedByUserId: actorOf(ctx).userId, notifiedAt: now } : {}),
      updatedAt: now,
    });
    if (wasConfirmed) {
      await mailConfirmed(tx, ctx, world, [row], new Map([[absence.id, absence]]));
      if (cover.coverCaregiverId && cover.coverCaregiverId !== row.coverCaregiverId)
        await mailCancelled(tx, ctx, world, [cover], absence, "coverPerson");
    }
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: "substitution.coverChanged",
      entityType: "substitutionCover",
      entityId: id,
      details: {
        day: cover.day,
        from: { caregiverId: cover.coverCaregiverId, kitaId: cover.kitaId },
        to: { caregiverId: row.coverCaregiverId, kitaId: row.kitaId },
        confirmed: wasConfirmed,
      },
      ip: ctx.ip,
    });
    return presentCover(world, row, absence);
  });
  platform.mailer.kick();
  return dto;
}

/** Proposes the open child-days of an absence again (after arrangements or capacity changed). */
export async function repropose(ctx: ServiceContext, absenceId: string): Promise<BoardResponse> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const today = todayOf(platform);
  const range = await platform.db.transaction(async (tx) => {
    await lockCoverPlaces(tx, org.id);
    const absence = await repo.findAbsence(tx, org.id, absenceId, true);
    if (!absence) throw notFound();
    if (absence.status === "cancelled" || absence.endsOn < today)
      throw new AppError("substitutionCoverClosed", 409);
    const open = await repo.listCovers(tx, org.id, {
      absenceIds: [absenceId],
      from: today,
      statuses: ["proposed", "uncovered"],
    });
    const world = await loadWorld(tx, org, platform.now());
    const rows = await proposeAndStore(
      tx,
      world,
      open.map((c) => ({
        absence,
        day: { contractId: c.contractId, day: c.day, ranges: c.ranges },
        existing: c,
      })),
    );
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: "substitution.coversReproposed",
      entityType: "substitutionAbsence",
      entityId: absenceId,
      details: { covers: rows.length, uncovered: rows.filter((r) => r.status === "uncovered").length },
      ip: ctx.ip,
    });
    const from = absence.startsOn > today ? absence.startsOn : today;
    const to =
      daysBetween(from, absence.endsOn) >= MAX_BOARD_DAYS
        ? addDays(from, MAX_BOARD_DAYS - 1)
        : absence.endsOn;
    return { from, to };
  });
  return boardOf(platform.db, ctx, org, range);
}

// Tandems ---------------------------------------------------------------------------------------------

/** Her tandem: herself and her partners, where the office lets tandems confirm; otherwise 403. */
async function tandemOf(ctx: ServiceContext, db: Executor): Promise<string[]> {
  const org = officeOf(ctx);
  const me = await registryPersonOf(ctx, db);
  const settings = await repo.findSettings(db, org.id);
  if (!settings.tandemsMayConfirm) throw new AppError("substitutionTandemNotAllowed", 403);
  const arrangement = (await repo.listArrangements(db, org.id)).find((a) => a.caregiverId === me);
  return [me, ...(arrangement?.tandemPartnerIds ?? [])];
}

export async function getTandemBoard(
  ctx: ServiceContext,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<BoardResponse> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const tandem = await tandemOf(ctx, db);
  return boardOf(db, ctx, org, rangeOf(ctx, query), tandem);
}

export async function confirmAsTandem(ctx: ServiceContext, id: string): Promise<CoverDto> {
  const org = officeOf(ctx);
  const tandem = new Set(await tandemOf(ctx, ctx.platform.db));
  const { world, rows, absences } = await confirmCovers(ctx, org, [id], (a) => tandem.has(a.caregiverId));
  const row = rows[0] as repo.CoverRow;
  return presentCover(world, row, absences.get(row.absenceId) as repo.AbsenceRow);
}

// The covering person --------------------------------------------------------------------------------

/**
 * The children she covers, confirmed, with what she needs: the care notes only where the parents consented
 * and only for covers from today on (she learns them while she covers, not afterwards). Each disclosure is
 * audited.
 */
export async function getMyCovers(
  ctx: ServiceContext,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<MyCoversResponse> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const today = todayOf(platform);
  const range = rangeOf(ctx, {
    from: query.from,
    to: query.to ?? addDays(query.from ?? today, 13),
  });
  return platform.db.transaction(async (tx) => {
    const me = await registryPersonOf(ctx, tx);
    const covers = await repo.listCovers(tx, org.id, {
      ...range,
      coverCaregiverId: me,
      statuses: ["confirmed"],
    });
    const world = await loadWorld(tx, org, platform.now());
    await withContracts(
      tx,
      world,
      covers.map((c) => c.contractId),
    );
    const absences = new Map((await repo.listAbsences(tx, org.id, range)).map((a) => [a.id, a] as const));
    const shown = covers.filter((cover) => {
      const absence = absences.get(cover.absenceId);
      return world.contracts.has(cover.contractId) && absence?.status === "active";
    });
    const notes = await discloseCareNotes(
      tx,
      ctx,
      org,
      shown.filter((c) => c.day >= today).map((c) => c.contractId),
      { purpose: "myCovers", coverCaregiverId: me },
    );
    const items: MyCoversResponse["items"] = [];
    for (const cover of shown) {
      const contract = world.contracts.get(cover.contractId) as SubstitutionContract;
      const absence = absences.get(cover.absenceId) as repo.AbsenceRow;
      const absent = world.contacts.get(absence.caregiverId);
      const care = cover.day >= today ? notes.get(cover.contractId) : undefined;
      items.push({
        id: cover.id,
        day: cover.day,
        times: rangesToTimes(cover.ranges),
        childFirstName: contract.childFirstName,
        ageMonths: ageInMonths(contract.childBirthDate, cover.day),
        absentCaregiverName: absent ? nameOf(absent) : "",
        parentName: contract.family?.parentName ?? null,
        parentPhone: contract.family?.phone || null,
        allergies: care?.allergies || null,
        diet: care?.diet || null,
        notes: care?.notes || null,
        parentAnswer: cover.parentAnswer,
      });
    }
    return { items, today };
  });
}

// Parents ---------------------------------------------------------------------------------------------

async function familyCovers(db: Executor, ctx: ServiceContext, org: OrganisationScope, coverId?: string) {
  const today = todayOf(ctx.platform);
  const world = await loadWorld(db, org, ctx.platform.now());
  const mine = [...world.contracts.values()].filter((c) => c.family?.parentUserId === actorOf(ctx).userId);
  const covers = await repo.listCovers(db, org.id, {
    from: today,
    contractIds: mine.map((c) => c.id),
    statuses: ["confirmed"],
  });
  const absences = new Map(
    (await repo.listAbsences(db, org.id, { from: today })).map((a) => [a.id, a] as const),
  );
  const items: { row: repo.CoverRow; dto: FamilyCover }[] = [];
  for (const cover of covers) {
    if (coverId && cover.id !== coverId) continue;
    const contract = world.contracts.get(cover.contractId);
    const absence = absences.get(cover.absenceId);
    const place = placeOf(world, cover);
    if (!contract || !absence || absence.status !== "active" || !place) continue;
    const absent = world.contacts.get(absence.caregiverId);
    items.push({
      row: cover,
      dto: {
        id: cover.id,
        day: cover.day,
        times: rangesToTimes(cover.ranges),
        childFirstName: contract.childFirstName,
        absentCaregiverName: absent ? nameOf(absent) : "",
        place,
        parentAnswer: cover.parentAnswer,
      },
    });
  }
  return items;
}

/** Her children's confirmed covers from today on: who, where, when. */
export async function getFamilyCovers(ctx: ServiceContext): Promise<{ items: FamilyCover[]; today: string }> {
  const org = officeOf(ctx);
  return {
    items: (await familyCovers(ctx.platform.db, ctx, org)).map((i) => i.dto),
    today: todayOf(ctx.platform),
  };
}

/** The parents say whether they bring the child or keep it at home; the office sees it on the board. */
export async function answerCover(
  ctx: ServiceContext,
  id: string,
  input: ParentAnswerInput,
): Promise<FamilyCover> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  return platform.db.transaction(async (tx) => {
    const cover = await repo.findCover(tx, org.id, id, true);
    if (!cover) throw notFound();
    const [item] = await familyCovers(tx, ctx, org, id);
    // Not her child's cover (or not confirmed, or past): as if it did not exist for her.
    if (!item) throw notFound();
    const now = platform.now();
    await repo.updateCover(tx, id, { parentAnswer: input.answer, parentAnsweredAt: now, updatedAt: now });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: "substitution.parentAnswered",
      entityType: "substitutionCover",
      entityId: id,
      details: { answer: input.answer, day: cover.day },
      ip: ctx.ip,
    });
    return { ...item.dto, parentAnswer: input.answer };
  });
}
