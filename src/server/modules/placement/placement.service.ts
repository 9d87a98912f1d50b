import type { Locale } from "../../../contracts/i18n";
import {
  activeStatuses,
  type BoardQuery,
  type BoardResponse,
  type CloseBody,
  type ConfirmationInfo,
  type CriteriaCatalogue,
  type CriterionInput,
  changeableStatuses,
  type MyRequestDetail,
  type MyRequestSummary,
  type Needs,
  needsSchema,
  type PlacementStatus,
  type PublicRequestBody,
  type PublishedCriteria,
  placementStatuses,
  type RequestChangeBody,
  type StaffRequestDetail,
  type WithdrawBody,
} from "../../../contracts/placement";
import { computePriority, keepAskedFacts } from "../../../core/placement/criteria";
import {
  AGE_GROUPS,
  type CareTimeProblemCode,
  describeCareTimes,
  type RequestDateProblemCode,
  sortCareTimes,
  validateCareTimes,
  validateRequestDates,
} from "../../../core/placement/requests";
import { todayIso } from "../../../core/shared/dates";
import { type AuditAction, type ModuleAuditAction, writeAudit } from "../../platform/audit/audit";
import type { Actor, OrganisationScope } from "../../platform/auth";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { findPostalCode } from "../../platform/geo/postal-codes";
import { guestLinkError } from "../../platform/guest-link";
import { translator } from "../../platform/i18n";
import { composeMail } from "../../platform/mail/mailer";
import { isRobot } from "../../platform/public-form";
import type { Platform, ServiceContext } from "../../platform/types";
import * as identity from "../identity/identity.service";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import { admitMember } from "../organisations/organisations.service";
import {
  presentBoardItem,
  presentCatalogue,
  presentMyDetail,
  presentMySummary,
  presentPublished,
  presentStaffDetail,
} from "./placement.presenter";
import * as repo from "./placement.repository";

/** Statuses whose points follow the catalogue: everything not yet decided. */
const POINTED_STATUSES: readonly PlacementStatus[] = ["unconfirmed", ...activeStatuses];

interface Problem {
  path: string;
  key: string;
}

function rejectIfAny(problems: readonly Problem[]): void {
  if (problems.length > 0) throw new AppError("validation", 400, undefined, [...problems]);
}

/** Placement exists in coordination offices; elsewhere its routes answer as if they did not exist. */
export function officeOf(ctx: ServiceContext): OrganisationScope {
  const org = ctx.organisation;
  if (org?.kind !== "coordinationOffice") throw notFound();
  return org;
}

export function actorOf(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError("unauthenticated", 401);
  return ctx.actor;
}

export function todayOf(platform: Platform): string {
  return todayIso(platform.now());
}

const CARE_TIME_KEYS: Record<CareTimeProblemCode, string> = {
  empty: "careTimesEmpty",
  invalid: "time",
  notBeforeEnd: "timeRange",
  outsideDayCare: "careTimeOutsideDayCare",
  overlap: "slotOverlap",
};

const DATE_KEYS: Record<RequestDateProblemCode, string> = {
  startInPast: "startInPast",
  startTooFar: "startTooFar",
  childNotBornAtStart: "childNotBornAtStart",
  childTooOld: "childTooOld",
};

function isEmptyNeeds(needs: Needs): boolean {
  return !needs.hasInclusionNeed && !needs.allergies && !needs.diet && !needs.notes;
}

export function readNeeds(platform: Platform, stored: string | null): Needs | null {
  if (!stored) return null;
  return needsSchema.parse(JSON.parse(platform.cipher.decrypt(stored)));
}

/** The stored form of what parents may change, checked against the rules and the published catalogue. */
function changeableValues(
  input: RequestChangeBody,
  context: {
    platform: Platform;
    criteria: readonly repo.CriterionRow[];
    childBirthDate: string;
    /** The start as stored: a parent who keeps it may keep a start that has passed while she waited. */
    storedStart: string | null;
    /** When the consent was given before, if it was; kept while it stands. */
    consentAt: Date | null;
  },
  problems: Problem[],
) {
  const { platform, criteria } = context;
  for (const problem of validateCareTimes(input.careTimes)) {
    const path =
      problem.index === null ? "careTimes" : `careTimes.${problem.index}.${problem.field ?? "from"}`;
    problems.push({ path, key: CARE_TIME_KEYS[problem.code] });
  }
  const dates = validateRequestDates({
    childBirthDate: context.childBirthDate,
    wantedStart: input.wantedStart,
    today: todayOf(platform),
    isStartFixed: context.storedStart === input.wantedStart,
  });
  for (const problem of dates) problems.push({ path: problem.field, key: DATE_KEYS[problem.code] });
  const place = findPostalCode(input.postalCode);
  if (!place) problems.push({ path: "postalCode", key: "postalCodeUnknown" });
  const facts = keepAskedFacts(criteria, input.facts);
  const needs = input.hasNeedsConsent && input.needs && !isEmptyNeeds(input.needs) ? input.needs : null;
  return {
    wantedStart: input.wantedStart,
    careTimes: sortCareTimes(input.careTimes),
    street: input.street,
    postalCode: input.postalCode,
    town: input.town,
    lat: place?.lat ?? 0,
    lon: place?.lon ?? 0,
    maxDistanceKm: input.maxDistanceKm,
    languages: [...new Set(input.languages)],
    noPets: input.noPets,
    wishes: input.wishes,
    facts,
    priorityPoints: computePriority(criteria, facts).points,
    // Without consent, or with nothing to keep, nothing is stored; withdrawing the consent erases the needs.
    needsEncrypted: needs ? platform.cipher.encrypt(JSON.stringify(needs)) : null,
    needsConsentAt: needs ? (context.consentAt ?? platform.now()) : null,
  } satisfies Partial<repo.RequestValues>;
}

async function catalogueVersion(db: Executor, organisationId: string): Promise<number> {
  return (await repo.findCatalogue(db, organisationId))?.version ?? 0;
}

export function formatDate(iso: string, locale: Locale): string {
  const [year, month, day] = iso.split("-");
  return locale === "de" ? `${day}.${month}.${year}` : `${day}/${month}/${year}`;
}

interface MailOrganisation {
  id: string;
  slug: string;
  name: string;
}

export type RequestMail =
  | StatusMail
  | "placementRoundOpened"
  | "placementRoundUnplaced"
  | "placementOfferLapsed"
  | "placementRoundReminder";

type StatusMail =
  | "placementConfirmed"
  | "placementWithdrawn"
  | "placementClosed"
  | "placementSuggested"
  | "placementOffered"
  | "placementPlaced";

/** A mail about a request to its parent, in the language she used, with a link to her page of it. */
export async function queueRequestMail(
  tx: Executor,
  platform: Platform,
  org: MailOrganisation,
  row: repo.RequestRow,
  key: RequestMail,
  extra: Record<string, string | number> = {},
): Promise<void> {
  const locale = row.locale;
  const t = translator(locale);
  const dayNames = t("common.weekdaysShort", { returnObjects: true }) as unknown as string[];
  const mail = composeMail(
    locale,
    key,
    {
      name: row.parentName,
      child: row.childFirstName,
      organisation: org.name,
      start: formatDate(row.wantedStart, locale),
      times: describeCareTimes(row.careTimes, dayNames),
      points: row.priorityPoints,
      ...extra,
    },
    `${platform.env.PUBLIC_URL}/app/${org.slug}/anfragen/${row.id}`,
  );
  await platform.mailer.queue(tx, { to: row.email, organisationId: org.id, ...mail });
}

/**
 * A mail to the office's inbox about a request (an offer declined or lapsed), in German, the office's working
 * language, with a link to the request on the board. Without an inbox nothing is sent: the board shows it.
 */
export async function queueOfficeMail(
  tx: Executor,
  platform: Platform,
  organisationId: string,
  row: repo.RequestRow,
  key: "placementOfficeOfferDeclined" | "placementOfficeOfferLapsed",
  params: Record<string, string | number>,
): Promise<void> {
  const [org] = await findOrganisationSummaries(tx, [organisationId]);
  if (!org?.email) return;
  const mail = composeMail(
    "de",
    key,
    { name: org.name, child: row.childFirstName, ...params },
    `${platform.env.PUBLIC_URL}/app/${org.slug}/vermittlung/${row.id}`,
  );
  await platform.mailer.queue(tx, { to: org.email, organisationId: org.id, ...mail });
}

export interface StatusChange {
  to: PlacementStatus;
  actor: { kind: "parent" | "staff" | "system"; userId: string | null };
  reason: repo.EventValues["reason"];
  note?: string;
  /** Further columns changed with the status. */
  values?: Partial<repo.RequestValues>;
  /** What the audit entry should say beyond the change itself. */
  auditDetails?: Record<string, unknown>;
  /** What the mail to the parents says beyond the request itself. */
  mailParams?: Record<string, string | number>;
  /** A step back (an offer declined) needs no mail: the parents took it themselves and see it on their page. */
  isMailSkipped?: boolean;
}

/** One audit action per way into a status; suggestions, offers and placements are named for part B already. */
const STATUS_ACTIONS: Record<PlacementStatus, AuditAction> = {
  unconfirmed: "placement.requestSubmitted",
  open: "placement.requestConfirmed",
  suggested: "placement.requestSuggested",
  offered: "placement.requestOffered",
  placed: "placement.requestPlaced",
  withdrawn: "placement.requestWithdrawn",
  closed: "placement.requestClosed",
};

const STATUS_MAILS: Partial<Record<PlacementStatus, StatusMail>> = {
  open: "placementConfirmed",
  withdrawn: "placementWithdrawn",
  closed: "placementClosed",
  suggested: "placementSuggested",
  offered: "placementOffered",
  placed: "placementPlaced",
};

/**
 * Moves a request to another status with everything that belongs to it, in the caller's transaction: the
 * history entry, the audit entry and the mail to the parents. Leaving the search (placed, withdrawn, closed)
 * ends the purpose the needs were given for, so they are erased then.
 */
export async function changeStatus(
  tx: Executor,
  ctx: ServiceContext,
  org: MailOrganisation,
  row: repo.RequestRow,
  change: StatusChange,
): Promise<repo.RequestRow> {
  const now = ctx.platform.now();
  // A place found ends the purpose as much as a withdrawal: the family tells the caregiver what she needs.
  const endsSearch = change.to === "withdrawn" || change.to === "closed" || change.to === "placed";
  const updated = await repo.updateRequest(tx, org.id, row.id, {
    ...change.values,
    status: change.to,
    updatedAt: now,
    ...(endsSearch ? { needsEncrypted: null, needsConsentAt: null } : {}),
  });
  if (!updated) throw notFound();
  await repo.insertEvent(tx, org.id, {
    requestId: row.id,
    at: now,
    fromStatus: row.status,
    toStatus: change.to,
    actorUserId: change.actor.userId,
    actorKind: change.actor.kind,
    reason: change.reason,
    note: change.note ?? "",
  });
  await writeAudit(tx, {
    organisationId: org.id,
    actorUserId: change.actor.userId,
    action: STATUS_ACTIONS[change.to],
    entityType: "placementRequest",
    entityId: row.id,
    details: {
      from: row.status,
      to: change.to,
      reason: change.reason,
      ...(endsSearch && row.needsEncrypted ? { needsErased: true } : {}),
      ...change.auditDetails,
    },
    ip: ctx.ip,
  });
  const key = change.isMailSkipped ? undefined : STATUS_MAILS[change.to];
  if (key) {
    const reason = change.reason ? translator(updated.locale)(`placement.reasons.${change.reason}`) : "";
    await queueRequestMail(tx, ctx.platform, org, updated, key, { reason, ...change.mailParams });
  }
  return updated;
}

/** The published criteria, for the public form and anyone who wants to know how places are allocated. */
export async function getPublishedCriteria(ctx: ServiceContext): Promise<PublishedCriteria> {
  const org = officeOf(ctx);
  const [catalogue, rows] = await Promise.all([
    repo.findCatalogue(ctx.platform.db, org.id),
    repo.listCriteria(ctx.platform.db, org.id),
  ]);
  return presentPublished(catalogue, rows);
}

/**
 * Takes a request from the public form: stores it unconfirmed with its points and mails the confirmation link
 * in the same transaction. The answer is the same whatever happens to the request (a machine filled in the
 * hidden field, the address has too many unconfirmed requests), so the form reveals nothing about anyone.
 */
export async function submitRequest(ctx: ServiceContext, parsed: PublicRequestBody): Promise<void> {
  const org = officeOf(ctx);
  const { platform } = ctx;
  if (isRobot(parsed)) return;
  const criteria = await repo.listCriteria(platform.db, org.id);
  const problems: Problem[] = [];
  const values = changeableValues(
    parsed,
    { platform, criteria, childBirthDate: parsed.childBirthDate, storedStart: null, consentAt: null },
    problems,
  );
  rejectIfAny(problems);
  const now = platform.now();
  const link = repo.confirmationLinks.issue(now);
  const isQueued = await platform.db.transaction(async (tx) => {
    if (!(await repo.hasRoomForRequest(tx, org.id, parsed.email, now))) return false;
    const row = await repo.insertRequest(tx, org.id, {
      ...values,
      status: "unconfirmed",
      childFirstName: parsed.childFirstName,
      childBirthDate: parsed.childBirthDate,
      criteriaVersion: await catalogueVersion(tx, org.id),
      parentName: parsed.parentName,
      email: parsed.email,
      phone: parsed.phone,
      locale: ctx.locale,
      confirmationTokenHash: link.tokenHash,
      confirmationExpiresAt: link.expiresAt,
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertEvent(tx, org.id, {
      requestId: row.id,
      at: now,
      fromStatus: null,
      toStatus: "unconfirmed",
      actorKind: "parent",
      reason: "submitted",
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: STATUS_ACTIONS.unconfirmed,
      entityType: "placementRequest",
      entityId: row.id,
      details: { hasNeeds: values.needsEncrypted !== null, priorityPoints: values.priorityPoints },
      ip: ctx.ip,
    });
    const t = translator(ctx.locale);
    const mail = composeMail(
      ctx.locale,
      "placementConfirm",
      {
        name: parsed.parentName,
        child: parsed.childFirstName,
        organisation: org.name,
        start: formatDate(parsed.wantedStart, ctx.locale),
        times: describeCareTimes(
          values.careTimes,
          t("common.weekdaysShort", { returnObjects: true }) as never,
        ),
        days: repo.CONFIRMATION_DAYS,
      },
      `${platform.env.PUBLIC_URL}/anfrage/bestaetigen/${link.token}`,
    );
    await platform.mailer.queue(tx, { to: parsed.email, organisationId: org.id, ...mail });
    return true;
  });
  if (isQueued) platform.mailer.kick();
}

async function organisationById(db: Executor, id: string): Promise<MailOrganisation> {
  const [org] = await findOrganisationSummaries(db, [id]);
  if (!org) throw new AppError("tokenInvalid", 404);
  return org;
}

/** What the confirmation page shows: whose request, and whether the address already has an account. */
export async function getConfirmation(platform: Platform, token: string): Promise<ConfirmationInfo> {
  const outcome = await repo.confirmationLinks.resolve(platform.db, token, platform.now());
  if (outcome.kind !== "valid") throw guestLinkError(outcome);
  const { row } = outcome;
  const org = await organisationById(platform.db, row.organisationId);
  const user = await identity.findUserByEmail(platform.db, row.email);
  return {
    organisationName: org.name,
    organisationSlug: org.slug,
    childFirstName: row.childFirstName,
    email: row.email,
    hasAccount: Boolean(user?.passwordHash),
  };
}

/**
 * Opens a request whose link was just used: the parent's account becomes a parent of the organisation, the
 * request hers and open, waiting from now on.
 */
async function openConfirmed(
  tx: Executor,
  ctx: ServiceContext,
  row: repo.RequestRow,
  userId: string,
  accountCreated: boolean,
) {
  const org = await organisationById(tx, row.organisationId);
  const { roles } = await admitMember(tx, org.id, userId, ["parent"]);
  const now = ctx.platform.now();
  await changeStatus(tx, ctx, org, row, {
    to: "open",
    actor: { kind: "parent", userId },
    reason: "confirmed",
    values: { parentUserId: userId, confirmedAt: now },
    auditDetails: { accountCreated, membershipRoles: roles },
  });
  return { organisationSlug: org.slug, requestId: row.id };
}

/**
 * Confirms a request for an address without an account: the link proves the parent reads that mailbox, so
 * she may choose the password of a new account there. An address that already has a password must sign in
 * instead (below): the link alone never takes over an existing account.
 */
export async function confirmWithNewAccount(
  ctx: ServiceContext,
  input: { token: string; password: string },
  userAgent: string | null,
) {
  const { platform } = ctx;
  const passwordHash = await identity.hashPassword(input.password);
  const result = await platform.db.transaction(async (tx) => {
    const row = await repo.confirmationLinks.consume(tx, input.token, platform.now());
    const existing = await identity.findUserByEmail(tx, row.email);
    if (existing?.passwordHash) throw new AppError("emailTaken", 409);
    let userId: string;
    if (existing) {
      await identity.updateUser(tx, existing.id, { name: row.parentName, passwordHash, locale: row.locale });
      userId = existing.id;
    } else {
      const user = await identity.insertUser(tx, {
        email: row.email,
        name: row.parentName,
        passwordHash,
        locale: row.locale,
        ...(row.phone ? { phone: row.phone } : {}),
      });
      userId = user.id;
    }
    const opened = await openConfirmed(tx, ctx, row, userId, !existing);
    const session = await identity.startSession(tx, platform, userId, {
      ip: ctx.ip,
      userAgent,
      isMfaPending: false,
    });
    return { ...opened, ...session };
  });
  platform.mailer.kick();
  return result;
}

/**
 * Confirms a request into the signed-in account. Both halves are needed: the link shows control of the
 * mailbox, the sign-in shows the account is hers; and the account must be the one of the address the request
 * was made with, so nobody can pull someone else's request into their own account with a forwarded link.
 */
export async function confirmIntoAccount(ctx: ServiceContext, token: string) {
  const actor = actorOf(ctx);
  const { platform } = ctx;
  const result = await platform.db.transaction(async (tx) => {
    const row = await repo.confirmationLinks.consume(tx, token, platform.now());
    if (row.email.toLowerCase() !== actor.email.toLowerCase()) throw new AppError("emailMismatch", 409);
    return openConfirmed(tx, ctx, row, actor.userId, false);
  });
  platform.mailer.kick();
  return result;
}

async function relatedOf(db: Executor, platform: Platform, row: repo.RequestRow) {
  const [criteria, events] = await Promise.all([
    repo.listCriteria(db, row.organisationId),
    repo.listEvents(db, row.organisationId, row.id),
  ]);
  return { criteria, events, today: todayOf(platform) };
}

export async function requireOwn(
  db: Executor,
  ctx: ServiceContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<repo.RequestRow> {
  const row = await repo.findOwnRequest(db, officeOf(ctx).id, actorOf(ctx).userId, id, options);
  if (!row) throw notFound();
  return row;
}

/** The parent's own requests at the organisation, oldest first. */
export async function listMyRequests(ctx: ServiceContext): Promise<MyRequestSummary[]> {
  const rows = await repo.listOwnRequests(ctx.platform.db, officeOf(ctx).id, actorOf(ctx).userId);
  const today = todayOf(ctx.platform);
  return rows.map((row) => presentMySummary(row, today));
}

/** One of the parent's own requests with her needs: she gave them, so reading them is no disclosure. */
export async function getMyRequest(ctx: ServiceContext, id: string): Promise<MyRequestDetail> {
  const { platform } = ctx;
  const row = await requireOwn(platform.db, ctx, id);
  return presentMyDetail(
    row,
    await relatedOf(platform.db, platform, row),
    readNeeds(platform, row.needsEncrypted),
  );
}

/** Names of what a change touched (never the values: the audit log is read more widely than the needs). */
function changedFields(
  platform: Platform,
  before: repo.RequestRow,
  after: ReturnType<typeof changeableValues>,
) {
  const fields: string[] = (Object.keys(after) as (keyof typeof after)[]).filter(
    (key) =>
      !["needsEncrypted", "needsConsentAt", "lat", "lon", "priorityPoints"].includes(key) &&
      JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  const needsBefore = readNeeds(platform, before.needsEncrypted);
  const needsAfter = readNeeds(platform, after.needsEncrypted);
  if (JSON.stringify(needsBefore) !== JSON.stringify(needsAfter)) fields.push("needs");
  return fields;
}

/**
 * The parent changes her request while it is still looking for a place. The points follow the answers at
 * once; the child's name and birth date stay as confirmed (the office corrects those).
 */
export async function changeMyRequest(
  ctx: ServiceContext,
  id: string,
  input: RequestChangeBody,
): Promise<MyRequestDetail> {
  const { platform } = ctx;
  const org = officeOf(ctx);
  await platform.db.transaction(async (tx) => {
    const before = await requireOwn(tx, ctx, id, { lock: true });
    if (!changeableStatuses.includes(before.status)) throw new AppError("requestClosed", 409);
    const problems: Problem[] = [];
    const values = changeableValues(
      input,
      {
        platform,
        criteria: await repo.listCriteria(tx, org.id),
        childBirthDate: before.childBirthDate,
        storedStart: before.wantedStart,
        consentAt: before.needsConsentAt,
      },
      problems,
    );
    rejectIfAny(problems);
    const fields = changedFields(platform, before, values);
    await repo.updateRequest(tx, org.id, id, {
      ...values,
      criteriaVersion: await catalogueVersion(tx, org.id),
      locale: ctx.locale,
      updatedAt: platform.now(),
    });
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actorOf(ctx).userId,
      action: "placement.requestChanged",
      entityType: "placementRequest",
      entityId: id,
      details: { fields, priorityPoints: { from: before.priorityPoints, to: values.priorityPoints } },
      ip: ctx.ip,
    });
  });
  return getMyRequest(ctx, id);
}

/** The parent withdraws her request; the mail confirms it, so a withdrawal she did not make does not go unseen. */
export async function withdrawMyRequest(
  ctx: ServiceContext,
  id: string,
  input: WithdrawBody,
): Promise<MyRequestDetail> {
  const { platform } = ctx;
  const org = officeOf(ctx);
  await platform.db.transaction(async (tx) => {
    const row = await requireOwn(tx, ctx, id, { lock: true });
    if (!activeStatuses.includes(row.status)) throw new AppError("requestClosed", 409);
    await changeStatus(tx, ctx, org, row, {
      to: "withdrawn",
      actor: { kind: "parent", userId: actorOf(ctx).userId },
      reason: input.reason,
      note: input.note,
    });
  });
  platform.mailer.kick();
  return getMyRequest(ctx, id);
}

/**
 * An area is one of the board's counts ("59269 Beckum-Neubeckum": that postal code and town exactly), the
 * beginning of a postal code ("592") or part of a town's name ("ahlen").
 */
function matchesArea(item: { postalCode: string; town: string }, area: string | undefined): boolean {
  if (!area) return true;
  const exact = /^(\d{5}) (.+)$/.exec(area);
  if (exact) return item.postalCode === exact[1] && item.town === exact[2];
  if (/^\d+$/.test(area)) return item.postalCode.startsWith(area);
  return item.town.toLocaleLowerCase("de").includes(area.toLocaleLowerCase("de"));
}

function countBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

// Longest waiting first among equals: confirmed earlier, then submitted earlier.
const byWaiting = (a: BoardResponse["items"][number], b: BoardResponse["items"][number]) =>
  (a.confirmedAt ?? "9999").localeCompare(b.confirmedAt ?? "9999") || a.createdAt.localeCompare(b.createdAt);

const SORTS: Record<
  BoardQuery["sort"],
  (a: BoardResponse["items"][number], b: BoardResponse["items"][number]) => number
> = {
  priority: (a, b) => b.priorityPoints - a.priorityPoints || byWaiting(a, b),
  waiting: byWaiting,
  start: (a, b) =>
    a.wantedStart.localeCompare(b.wantedStart) || b.priorityPoints - a.priorityPoints || byWaiting(a, b),
};

/**
 * The placement board: requests in the chosen status with age at the start, times, area, waiting time and
 * points, filtered by start month, area and age group, and the counts per month, area and age group. Each
 * count applies every filter but its own, so it tells what choosing it would show.
 */
export async function getBoard(ctx: ServiceContext, query: BoardQuery): Promise<BoardResponse> {
  const { platform } = ctx;
  const org = officeOf(ctx);
  const statuses =
    query.status === "all"
      ? null
      : query.status === "active"
        ? activeStatuses
        : [query.status as PlacementStatus];
  const [rows, statusCounts] = await Promise.all([
    repo.listBoardRows(platform.db, org.id, statuses),
    repo.countByStatus(platform.db, org.id),
  ]);
  const today = todayOf(platform);
  const all = rows.map((row) => presentBoardItem(row, today));
  const inMonth = (item: (typeof all)[number]) =>
    !query.startMonth || item.wantedStart.startsWith(query.startMonth);
  const inArea = (item: (typeof all)[number]) => matchesArea(item, query.area);
  const inAgeGroup = (item: (typeof all)[number]) => !query.ageGroup || item.ageGroup === query.ageGroup;

  const months = countBy(
    all.filter((i) => inArea(i) && inAgeGroup(i)),
    (i) => i.wantedStart.slice(0, 7),
  );
  const areas = countBy(
    all.filter((i) => inMonth(i) && inAgeGroup(i)),
    (i) => `${i.postalCode} ${i.town}`,
  );
  const ages = countBy(
    all.filter((i) => inMonth(i) && inArea(i)),
    (i) => i.ageGroup,
  );
  const statusCount = new Map(statusCounts.map((s) => [s.status, s.count]));
  const matching = all.filter((i) => inMonth(i) && inArea(i) && inAgeGroup(i)).sort(SORTS[query.sort]);
  return {
    items: matching.slice(query.offset, query.offset + query.limit),
    total: matching.length,
    counts: {
      byStartMonth: [...months.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, count]) => ({ month, count })),
      byArea: [...areas.entries()]
        .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, "de"))
        .map(([key, count]) => ({ postalCode: key.slice(0, 5), town: key.slice(6), count })),
      byAgeGroup: AGE_GROUPS.map((ageGroup) => ({ ageGroup, count: ages.get(ageGroup) ?? 0 })),
      byStatus: placementStatuses.map((status) => ({ status, count: statusCount.get(status) ?? 0 })),
    },
  };
}

export async function requireRequest(
  db: Executor,
  ctx: ServiceContext,
  id: string,
): Promise<repo.RequestRow> {
  const row = await repo.findRequest(db, officeOf(ctx).id, id);
  if (!row) throw notFound();
  return row;
}

/** One request as the office sees it; the needs are left out and read separately (that read is audited). */
export async function getRequest(ctx: ServiceContext, id: string): Promise<StaffRequestDetail> {
  const { platform } = ctx;
  const row = await requireRequest(platform.db, ctx, id);
  return presentStaffDetail(row, await relatedOf(platform.db, platform, row));
}

/**
 * The needs of a request, decrypted. Health data: every read is recorded in the audit log, who and when,
 * so that the family can later learn who saw them (Art. 15 DSGVO).
 */
export async function readRequestNeeds(ctx: ServiceContext, id: string): Promise<Needs> {
  const { platform } = ctx;
  const org = officeOf(ctx);
  return platform.db.transaction(async (tx) => {
    const row = await requireRequest(tx, ctx, id);
    const needs = readNeeds(platform, row.needsEncrypted);
    if (!needs) throw notFound();
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "placement.needsRead",
      entityType: "placementRequest",
      entityId: id,
      details: { sensitive: true },
      ip: ctx.ip,
    });
    return needs;
  });
}

/** The office closes a request (found a place elsewhere, cannot be reached …); the parents learn why by mail. */
export async function closeRequest(
  ctx: ServiceContext,
  id: string,
  input: CloseBody,
): Promise<StaffRequestDetail> {
  const { platform } = ctx;
  const org = officeOf(ctx);
  await platform.db.transaction(async (tx) => {
    const row = await repo.lockRequest(tx, org.id, id);
    if (!row) throw notFound();
    if (!activeStatuses.includes(row.status)) throw new AppError("requestClosed", 409);
    await changeStatus(tx, ctx, org, row, {
      to: "closed",
      actor: { kind: "staff", userId: actorOf(ctx).userId },
      reason: input.reason,
      note: input.note,
    });
  });
  platform.mailer.kick();
  return getRequest(ctx, id);
}

/** The whole catalogue, unpublished criteria included. */
export async function getCatalogue(ctx: ServiceContext): Promise<CriteriaCatalogue> {
  const org = officeOf(ctx);
  const [catalogue, rows] = await Promise.all([
    repo.findCatalogue(ctx.platform.db, org.id),
    repo.listCriteria(ctx.platform.db, org.id),
  ]);
  return presentCatalogue(catalogue, rows);
}

/**
 * Applies a change of the catalogue in one transaction with what follows from it: the catalogue's new version,
 * every undecided request's points under the new catalogue, and the audit entry. Nobody ever sees points that
 * belong to an older catalogue than the one shown.
 */
async function changeCatalogue(
  ctx: ServiceContext,
  change: (
    tx: Executor,
    org: OrganisationScope,
  ) => Promise<{ action: ModuleAuditAction<"placement">; criterionId: string; fact: string }>,
): Promise<CriteriaCatalogue> {
  const { platform } = ctx;
  const org = officeOf(ctx);
  await platform.db.transaction(async (tx) => {
    const done = await change(tx, org);
    const version = await repo.bumpCatalogue(tx, org.id, ctx.actor?.userId ?? null, platform.now());
    const criteria = await repo.listCriteria(tx, org.id);
    const requests = await repo.listRequestsForPoints(tx, org.id, POINTED_STATUSES);
    const points = requests.map((r) => ({ id: r.id, points: computePriority(criteria, r.facts).points }));
    await repo.setPriorityPoints(tx, org.id, points, version);
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: `placement.${done.action}`,
      entityType: "placementCriterion",
      entityId: done.criterionId,
      details: {
        fact: done.fact,
        version,
        recomputed: points.length,
        changedPoints: points.filter((p, i) => p.points !== requests[i]?.priorityPoints).length,
      },
      ip: ctx.ip,
    });
  });
  return getCatalogue(ctx);
}

async function assertFactFree(
  tx: Executor,
  org: OrganisationScope,
  input: CriterionInput,
  exceptId: string | null,
) {
  if (input.fact !== "custom" && (await repo.hasFactCriterion(tx, org.id, input.fact, exceptId))) {
    throw fieldError("fact", "criterionFactTaken");
  }
}

function criterionValues(input: CriterionInput): repo.CriterionValues {
  return { fact: input.fact, label: input.label, points: input.points, isPublished: input.isPublished };
}

export async function addCriterion(ctx: ServiceContext, input: CriterionInput): Promise<CriteriaCatalogue> {
  return changeCatalogue(ctx, async (tx, org) => {
    await assertFactFree(tx, org, input, null);
    const now = ctx.platform.now();
    const row = await repo.insertCriterion(tx, org.id, {
      ...criterionValues(input),
      createdAt: now,
      updatedAt: now,
    });
    return { action: "criterionAdded", criterionId: row.id, fact: row.fact };
  });
}

export async function updateCriterion(
  ctx: ServiceContext,
  id: string,
  input: CriterionInput,
): Promise<CriteriaCatalogue> {
  return changeCatalogue(ctx, async (tx, org) => {
    await assertFactFree(tx, org, input, id);
    const row = await repo.updateCriterion(tx, org.id, id, {
      ...criterionValues(input),
      updatedAt: ctx.platform.now(),
    });
    if (!row) throw notFound();
    return { action: "criterionUpdated", criterionId: id, fact: row.fact };
  });
}

export async function removeCriterion(ctx: ServiceContext, id: string): Promise<CriteriaCatalogue> {
  return changeCatalogue(ctx, async (tx, org) => {
    const row = await repo.deleteCriterion(tx, org.id, id);
    if (!row) throw notFound();
    return { action: "criterionRemoved", criterionId: id, fact: row.fact };
  });
}
