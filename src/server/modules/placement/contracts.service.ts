import {
  type ContractChangeBody,
  type ContractCreateBody,
  type ContractDto,
  type ContractsQuery,
  type MyWeekResponse,
  SETTLING_IN_DAYS,
} from "../../../contracts/placement";
import { canTakeChild, freeCapacityTimeline } from "../../../core/caregivers/capacity";
import {
  type CareTime,
  type CareTimeProblemCode,
  sortCareTimes,
  toTimeRange,
  validateCareTimes,
} from "../../../core/placement/requests";
import { addDays } from "../../../core/shared/dates";
import { writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import type { ServiceContext } from "../../platform/types";
import {
  findCaregiverIdOfUser,
  findPlacementCaregivers,
  lockPlacementCaregiver,
  type PlacementCaregiverFacts,
} from "../caregivers/caregivers.queries";
import { capacityMisses, contractTimesOf, findPlaceProblems, queueCaregiverNotice } from "./matching.service";
import { caregiverNameOf, presentContract } from "./placement.presenter";
import * as repo from "./placement.repository";
import { actorOf, officeOf, todayOf } from "./placement.service";

/** Today's week and the next changes of it: enough to plan, few enough to read on a phone. */
const MAX_WEEKS_SHOWN = 6;

const CARE_TIME_KEYS: Record<CareTimeProblemCode, string> = {
  empty: "careTimesEmpty",
  invalid: "time",
  notBeforeEnd: "timeRange",
  outsideDayCare: "careTimeOutsideDayCare",
  overlap: "slotOverlap",
};

type FieldProblem = { path: string; key: string };

/** The rules of a request's care times, each problem at its field, as the request form reports them. */
function careTimeProblems(careTimes: readonly CareTime[] | undefined): FieldProblem[] {
  if (!careTimes) return [];
  return validateCareTimes(careTimes).map((problem) => ({
    path: problem.index === null ? "careTimes" : `careTimes.${problem.index}.${problem.field ?? "from"}`,
    key: CARE_TIME_KEYS[problem.code],
  }));
}

/** Every problem at once, so that a form can mark all its fields in one go. */
function assertNoProblems(problems: readonly FieldProblem[]) {
  if (problems.length > 0) throw new AppError("validation", 400, undefined, [...problems]);
}

async function presentContracts(
  db: Executor,
  org: OrganisationScope,
  rows: readonly repo.ContractRow[],
  people?: readonly PlacementCaregiverFacts[],
): Promise<ContractDto[]> {
  const named =
    people ?? (await findPlacementCaregivers(db, org.id, [...new Set(rows.map((r) => r.caregiverId))]));
  const byId = new Map(named.map((p) => [p.id, p]));
  return rows.map((row) => presentContract(row, byId.get(row.caregiverId)));
}

/**
 * The organisation's care contracts, filtered and sorted by start. The caregivers' names live in their own
 * module, so the search on names runs here, on the rows the other filters left.
 */
export async function listContracts(ctx: ServiceContext, query: ContractsQuery): Promise<ContractDto[]> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  if (query.startFrom && query.startTo && query.startTo < query.startFrom)
    throw fieldError("startTo", "dateOrder");
  const rows = await repo.findContracts(db, org.id, {
    caregiverId: query.caregiverId,
    requestId: query.requestId,
    // One request's contracts are its history: ended ones included unless asked otherwise.
    status: query.status ?? (query.requestId ? "all" : "active"),
    today: todayOf(ctx.platform),
    startFrom: query.startFrom,
    startTo: query.startTo,
  });
  const people = await findPlacementCaregivers(db, org.id, [...new Set(rows.map((r) => r.caregiverId))]);
  const needle = query.q?.toLocaleLowerCase("de");
  if (!needle) return presentContracts(db, org, rows, people);
  const byId = new Map(people.map((p) => [p.id, p]));
  const matching = rows.filter((row) => {
    const person = byId.get(row.caregiverId);
    return (
      row.childFirstName.toLocaleLowerCase("de").includes(needle) ||
      (person !== undefined && caregiverNameOf(person).toLocaleLowerCase("de").includes(needle))
    );
  });
  return presentContracts(db, org, matching, people);
}

/**
 * The office records a contract that did not come through an offer: a child in care before the office used
 * the platform, or placed by phone. Her capacity is checked under her lock as an acceptance checks it, but
 * from today when the contract began earlier: the past cannot be changed, and the office's records of it
 * (her profiles, her licences then) are often incomplete.
 */
export async function createContract(ctx: ServiceContext, input: ContractCreateBody): Promise<ContractDto> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  const today = todayOf(platform);
  const settlingInEnd = input.settlingInEnd ?? addDays(input.start, SETTLING_IN_DAYS);
  const problems = careTimeProblems(input.careTimes);
  if (input.childBirthDate > input.start)
    problems.push({ path: "childBirthDate", key: "childNotBornAtStart" });
  if (input.end !== null && input.end < input.start) problems.push({ path: "end", key: "dateOrder" });
  if (settlingInEnd < input.start) problems.push({ path: "settlingInEnd", key: "dateOrder" });
  assertNoProblems(problems);
  const careTimes = sortCareTimes(input.careTimes);
  const { row, person } = await platform.db.transaction(async (tx) => {
    // Another organisation's caregiver is not found here: as if she did not exist.
    if (!(await lockPlacementCaregiver(tx, org.id, input.caregiverId))) throw notFound();
    const from = input.start > today ? input.start : today;
    const { person, problems } = await findPlaceProblems(
      tx,
      org,
      input.caregiverId,
      { start: input.start, end: input.end, careTimes },
      from,
    );
    if (problems.length > 0) throw new AppError("placeUnavailable", 409, { reasons: problems });
    const now = platform.now();
    const created = await repo.insertContract(tx, org.id, {
      caregiverId: input.caregiverId,
      requestId: null,
      childFirstName: input.childFirstName,
      childBirthDate: input.childBirthDate,
      start: input.start,
      end: input.end,
      careTimes,
      settlingInEnd,
      // As changeContract stores it: a contract with an end is "ended", whenever that end comes.
      status: input.end === null ? "active" : "ended",
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: "placement.contractCreated",
      entityType: "careContract",
      entityId: created.id,
      details: { direct: true, caregiverId: input.caregiverId, start: input.start },
      ip: ctx.ip,
    });
    await queueCaregiverNotice(tx, ctx, person, created, "recorded");
    return { row: created, person };
  });
  platform.mailer.kick();
  const [dto] = await presentContracts(platform.db, org, [row], [person]);
  return dto as ContractDto;
}

/**
 * The office changes a contract's times or ends it on a date. New times must fit her capacity as the other
 * contracts leave it, from today or the start, whichever is later.
 */
export async function changeContract(
  ctx: ServiceContext,
  id: string,
  input: ContractChangeBody,
): Promise<ContractDto> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  assertNoProblems(careTimeProblems(input.careTimes));
  const row = await platform.db.transaction(async (tx) => {
    const found = await repo.findContract(tx, org.id, id);
    if (!found) throw notFound();
    // Her lock first, as an acceptance takes it; then the contract as it stands under that lock.
    await lockPlacementCaregiver(tx, org.id, found.caregiverId);
    const before = await repo.findContract(tx, org.id, id, { forUpdate: true });
    if (!before) throw notFound();
    const end = input.end === undefined ? before.end : input.end;
    if (end !== null && end < before.start) throw fieldError("end", "dateOrder");
    const careTimes = input.careTimes ? sortCareTimes(input.careTimes) : before.careTimes;
    if (input.careTimes) {
      const today = todayOf(platform);
      const from = before.start > today ? before.start : today;
      const [person] = await findPlacementCaregivers(tx, org.id, [before.caregiverId]);
      const others = (await repo.listContracts(tx, org.id, [before.caregiverId])).filter((c) => c.id !== id);
      const capacity = canTakeChild(
        person?.profiles ?? [],
        others.map(contractTimesOf),
        from,
        careTimes.flatMap((t) => toTimeRange(t) ?? []),
        { until: end },
      );
      if (!capacity.ok)
        throw new AppError("placeUnavailable", 409, { reasons: capacityMisses(capacity, null) });
    }
    const isEnded = end !== null;
    const updated = await repo.updateContract(tx, org.id, id, {
      careTimes,
      end,
      status: isEnded ? "ended" : "active",
      updatedAt: platform.now(),
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: isEnded && before.end !== end ? "placement.contractEnded" : "placement.contractChanged",
      entityType: "careContract",
      entityId: id,
      details: { end, timesChanged: Boolean(input.careTimes) },
      ip: ctx.ip,
    });
    return updated as repo.ContractRow;
  });
  const [dto] = await presentContracts(platform.db, org, [row]);
  return dto as ContractDto;
}

/** A caregiver's own contracts and her week today: places, children present and free places per weekday. */
export async function getMyWeek(ctx: ServiceContext): Promise<MyWeekResponse> {
  const org = officeOf(ctx);
  const db = ctx.platform.db;
  const caregiverId = await findCaregiverIdOfUser(db, org.id, actorOf(ctx).userId);
  if (!caregiverId) throw notFound();
  const [[person], rows] = await Promise.all([
    findPlacementCaregivers(db, org.id, [caregiverId]),
    repo.listContracts(db, org.id, [caregiverId]),
  ]);
  const date = todayOf(ctx.platform);
  const profiles = person?.profiles ?? [];
  const contracts = rows.map(contractTimesOf);
  const horizon = addDays(date, 366);
  const changes = new Set<string>([date]);
  for (const profile of profiles) changes.add(profile.effectiveFrom);
  for (const contract of contracts) {
    changes.add(contract.start);
    if (contract.end !== null) changes.add(addDays(contract.end, 1));
  }
  const dates = [...changes]
    .filter((d) => date <= d && d < horizon)
    .sort()
    .slice(0, MAX_WEEKS_SHOWN);
  return {
    date,
    contracts: await presentContracts(db, org, rows, person ? [person] : []),
    weeks: dates.map((from) => ({ from, segments: freeCapacityTimeline(profiles, contracts, from) })),
  };
}
