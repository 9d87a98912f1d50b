import { randomUUID } from "node:crypto";
import type { TFunction } from "i18next";
import type { z } from "zod";
import {
  type CaregiverDetail,
  type CaregiverInput,
  type CsvColumn,
  type capacityProfileInput,
  type caregiverListQuery,
  type caregiverListResponse,
  csvColumns,
  type deadlineBoardQuery,
  type deadlineBoardResponse,
  type ImportReportRow,
  type ImportRowError,
  type importBody,
  type importResponse,
  type LocationInput,
  type licenceInput,
  locationMaxDistanceKm,
  type MyProfileInput,
  photoMaxBytes,
  type qualificationInput,
} from "../../../contracts/caregivers";
import { caregivers as deCaregiverTexts } from "../../../contracts/i18n/de/caregivers";
import { caregivers as enCaregiverTexts } from "../../../contracts/i18n/en/caregivers";
import {
  type CapacitySlot,
  freeCapacityTimeline,
  type ProfileProblem,
  validateProfile,
} from "../../../core/caregivers/capacity";
import {
  computeDeadlines,
  type Deadline,
  type DeadlineState,
  type QualificationRecord,
  summariseDeadlines,
} from "../../../core/caregivers/deadlines";
import { type GeoPoint, haversineKm, roundCoordinate } from "../../../core/geo/geo";
import type { StateRules } from "../../../core/organisations/presets";
import { addYears, daysBetween, todayIso } from "../../../core/shared/dates";
import { type ModuleAuditAction, writeAudit } from "../../platform/audit/audit";
import type { OrganisationScope } from "../../platform/auth";
import { formatCsv, formatGermanDate, parseCsv } from "../../platform/csv";
import type { Executor } from "../../platform/db/client";
import { AppError, fieldError, notFound } from "../../platform/errors";
import {
  deleteFile,
  detectImageType,
  type ImageContentType,
  readFile,
  type StoredFile,
  storeFile,
} from "../../platform/files/files";
import { findPostalCode } from "../../platform/geo/postal-codes";
import { translator } from "../../platform/i18n";
import { hasPermission } from "../../platform/policy";
import type { Platform, ServiceContext } from "../../platform/types";
import { listContractTimesOfCaregiver } from "../placement/placement.queries";
import { caregiversPolicy } from "./caregivers.policy";
import { presentDetail, presentListItem, type Visibility } from "./caregivers.presenter";
import * as repo from "./caregivers.repository";
import {
  cellsByColumn,
  checkImportRow,
  type DuplicateProblem,
  findDuplicates,
  joinLanguages,
  mapHeader,
} from "./csv";

type LicenceInput = z.infer<typeof licenceInput>;
type CapacityProfileInput = z.infer<typeof capacityProfileInput>;
type QualificationInput = z.infer<typeof qualificationInput>;
type ListQuery = z.infer<typeof caregiverListQuery>;
type DeadlineBoardQuery = z.infer<typeof deadlineBoardQuery>;
type DeadlineBoard = z.infer<typeof deadlineBoardResponse>;
type ImportResponse = z.infer<typeof importResponse>;

/** A validation problem at a request field, translated from `validation.<key>` by the error handler. */
interface Problem {
  path: string;
  key: string;
}

function rejectIfAny(problems: readonly Problem[]): void {
  if (problems.length > 0) throw new AppError("validation", 400, undefined, [...problems]);
}

function scopeOf(ctx: ServiceContext): OrganisationScope {
  if (!ctx.organisation) throw notFound();
  return ctx.organisation;
}

function visibilityOf(ctx: ServiceContext): Visibility {
  return {
    canSeeCriminalRecordFlag: hasPermission(
      ctx.membership,
      caregiversPolicy.readCriminalRecordFlag,
      ctx.organisation?.kind,
    ),
  };
}

function todayOf(platform: Platform): string {
  return todayIso(platform.now());
}

async function audit(
  tx: Executor,
  ctx: ServiceContext,
  action: ModuleAuditAction<"caregivers">,
  caregiverId: string,
  details?: Record<string, unknown>,
): Promise<void> {
  await writeAudit(tx, {
    organisationId: scopeOf(ctx).id,
    actorUserId: ctx.actor?.userId ?? null,
    action: `caregivers.${action}`,
    entityType: "caregiver",
    entityId: caregiverId,
    ...(details ? { details } : {}),
    ip: ctx.ip,
  });
}

/** The centre of a known postal code; placement measures distances from it, so an unknown one is refused. */
function centreOf(postalCode: string, prefix: string, problems: Problem[]): GeoPoint | null {
  const entry = findPostalCode(postalCode);
  if (!entry) problems.push({ path: `${prefix}postalCode`, key: "postalCodeUnknown" });
  return entry ? { lat: entry.lat, lon: entry.lon } : null;
}

type LocationValues = Pick<repo.CaregiverValues, "lat" | "lon" | "locationPrecision">;

function normaliseStreet(street: string | null | undefined): string {
  return (street ?? "").trim().replace(/\s+/g, " ").toLocaleLowerCase("de");
}

/**
 * The care address's point after the profile was saved. An exact point set by hand stays while street and
 * postal code stay the same; a new address starts again from its postal code's centre, since the old exact
 * point would place her where she no longer cares for children.
 */
function locationAfterEdit(
  before: Pick<repo.CaregiverRow, "street" | "postalCode" | "lat" | "lon" | "locationPrecision"> | null,
  after: { street?: string | null; postalCode: string },
  centre: GeoPoint | null,
): LocationValues {
  const isSameAddress =
    before !== null &&
    before.postalCode === after.postalCode &&
    normaliseStreet(before.street) === normaliseStreet(after.street);
  if (isSameAddress && before.locationPrecision === "manual" && before.lat !== null && before.lon !== null)
    return { lat: before.lat, lon: before.lon, locationPrecision: "manual" };
  if (!centre) return { lat: null, lon: null, locationPrecision: null };
  return { lat: centre.lat, lon: centre.lon, locationPrecision: "postalCode" };
}

type ProfileValues = Omit<repo.CaregiverValues, keyof LocationValues>;

function profileValues(input: MyProfileInput): ProfileValues {
  return {
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email,
    phone: input.phone || null,
    street: input.street || null,
    postalCode: input.postalCode,
    town: input.town,
    employment: input.employment,
    languages: [...new Set(input.languages)],
    hasPets: input.hasPets,
    petsNote: input.petsNote,
    meals: input.meals,
    pedagogy: input.pedagogy,
    hasInclusionExperience: input.hasInclusionExperience,
    ageMinMonths: input.ageMinMonths,
    ageMaxMonths: input.ageMaxMonths,
    careGroupName: input.careGroupName || null,
    hasPhotoConsent: input.hasPhotoConsent,
  };
}

/**
 * A licence as stored: the limit defaults to the organisation's children-at-once rule and may not exceed
 * it, and the licence may not run longer than the rules allow (§ 43 SGB VIII: 5 years).
 */
function licenceValues(input: LicenceInput, rules: StateRules, prefix: string, problems: Problem[]) {
  const maxChildren = input.maxChildren ?? rules.maxChildrenAtOnce;
  if (maxChildren > rules.maxChildrenAtOnce)
    problems.push({ path: `${prefix}maxChildren`, key: "licenceMaxChildren" });
  if (input.validTo > addYears(input.validFrom, rules.licenceMaxYears)) {
    problems.push({ path: `${prefix}validTo`, key: "licenceTooLong" });
  }
  return {
    number: input.number,
    issuer: input.issuer,
    validFrom: input.validFrom,
    validTo: input.validTo,
    maxChildren,
    conditions: input.conditions,
  } satisfies repo.LicenceValues;
}

const PROFILE_PROBLEM: Record<ProfileProblem["code"], { field: keyof CapacitySlot; key: string }> = {
  outOfRange: { field: "start", key: "slotOutOfRange" },
  startNotBeforeEnd: { field: "end", key: "timeRange" },
  overlap: { field: "start", key: "slotOverlap" },
  placesBelowOne: { field: "places", key: "placesInvalid" },
  placesNotWhole: { field: "places", key: "placesInvalid" },
  placesAboveLicence: { field: "places", key: "placesAboveLicence" },
};

/** The request schema limits weekdays to 0–6, which the core's Weekday type spells as a union. */
function slotsOf(input: CapacityProfileInput): CapacitySlot[] {
  return input.slots as CapacitySlot[];
}

function capacityProblems(slots: readonly CapacitySlot[], maxChildren: number, prefix: string): Problem[] {
  return validateProfile(slots, maxChildren).map((problem) => {
    const { field, key } = PROFILE_PROBLEM[problem.code];
    return { path: `${prefix}slots.${problem.slotIndex}.${field}`, key };
  });
}

/** The licence limit for a profile starting on `date`: the licence valid then, else the latest, else the rule. */
function maxChildrenOn(
  licences: readonly Pick<repo.LicenceRow, "validFrom" | "validTo" | "maxChildren">[],
  date: string,
  rules: StateRules,
): number {
  const valid = licences.find((l) => l.validFrom <= date && date <= l.validTo);
  return (valid ?? licences[0])?.maxChildren ?? rules.maxChildrenAtOnce;
}

function qualificationRecords(
  rows: readonly Pick<repo.QualificationRow, "kind" | "completedOn" | "hasRelevantEntry">[],
): QualificationRecord[] {
  return rows.map((q) => ({
    kind: q.kind,
    completedOn: q.completedOn,
    hasRelevantEntry: q.hasRelevantEntry ?? false,
  }));
}

function deadlinesOf(
  licence: { validFrom: string; validTo: string } | null | undefined,
  qualifications: readonly Pick<repo.QualificationRow, "kind" | "completedOn" | "hasRelevantEntry">[],
  rules: StateRules,
  today: string,
): Deadline[] {
  return computeDeadlines(
    {
      licence: licence ? { validFrom: licence.validFrom, validTo: licence.validTo } : null,
      qualifications: qualificationRecords(qualifications),
    },
    rules,
    today,
  );
}

async function loadDetail(ctx: ServiceContext, row: repo.CaregiverRow): Promise<CaregiverDetail> {
  const { platform } = ctx;
  const org = scopeOf(ctx);
  const [rules, licences, profiles, qualifications, contracts] = await Promise.all([
    org.rules,
    repo.listLicences(platform.db, org.id, row.id),
    repo.listCapacityProfiles(platform.db, org.id, row.id),
    repo.listQualifications(platform.db, org.id, row.id),
    listContractTimesOfCaregiver(platform.db, org.id, row.id),
  ]);
  const today = todayOf(platform);
  const deadlines = deadlinesOf(licences[0], qualifications, rules, today);
  const week = freeCapacityTimeline(
    profiles.map((p) => ({ effectiveFrom: p.effectiveFrom, slots: p.slots })),
    contracts,
    today,
  );
  const centre = findPostalCode(row.postalCode);
  return presentDetail(
    row,
    {
      licences,
      profiles,
      qualifications,
      deadlines,
      week,
      postalCodeCentre: centre ? { lat: centre.lat, lon: centre.lon } : null,
      today,
    },
    visibilityOf(ctx),
  );
}

async function requireCaregiver(
  db: Executor,
  org: OrganisationScope,
  id: string,
): Promise<repo.CaregiverRow> {
  const row = await repo.findCaregiver(db, org.id, id);
  if (!row) throw notFound();
  return row;
}

/**
 * A person, locked until the transaction ends: a change of her address and a change of her exact point
 * running side by side must not leave the point of one address at the other.
 */
async function lockCaregiver(tx: Executor, org: OrganisationScope, id: string): Promise<repo.CaregiverRow> {
  const row = await repo.findCaregiver(tx, org.id, id, { forUpdate: true });
  if (!row) throw notFound();
  return row;
}

/** Re-reads a person after a change, for the response. */
async function detailAfterChange(ctx: ServiceContext, id: string): Promise<CaregiverDetail> {
  return loadDetail(ctx, await requireCaregiver(ctx.platform.db, scopeOf(ctx), id));
}

/**
 * One page of the registry with each person's current licence and worst deadline state: three queries
 * whatever the page size (rules, the page with licences and qualifications, the total), run side by side.
 */
export async function listCaregivers(
  ctx: ServiceContext,
  query: ListQuery,
): Promise<z.infer<typeof caregiverListResponse>> {
  const { platform } = ctx;
  const org = scopeOf(ctx);
  const [rules, page] = await Promise.all([
    org.rules,
    repo.listRegistryPage(
      platform.db,
      org.id,
      { q: query.q, statuses: query.status ? [query.status] : undefined },
      { limit: query.limit, offset: query.offset },
    ),
  ]);
  const today = todayOf(platform);
  const items = page.rows.map((row) => {
    const deadlines = deadlinesOf(row.licence, row.qualifications, rules, today);
    return presentListItem(row, row.licence, summariseDeadlines(deadlines));
  });
  return { items, total: page.total };
}

/** One person with licences, capacity profiles, qualifications, deadlines and this week's places. */
export async function getCaregiver(ctx: ServiceContext, id: string): Promise<CaregiverDetail> {
  return detailAfterChange(ctx, id);
}

/**
 * Registers a person, optionally with her licence and first capacity profile, in one transaction. The
 * profile's places are checked against the licence given (or the organisation's limit without one).
 */
export async function createCaregiver(
  ctx: ServiceContext,
  input: { caregiver: CaregiverInput; licence: LicenceInput | null; capacity: CapacityProfileInput | null },
): Promise<CaregiverDetail> {
  const org = scopeOf(ctx);
  const rules = org.rules;
  const problems: Problem[] = [];
  const base = profileValues(input.caregiver);
  const centre = centreOf(base.postalCode, "caregiver.", problems);
  const values = { ...base, ...locationAfterEdit(null, base, centre), status: input.caregiver.status };
  const licence = input.licence ? licenceValues(input.licence, rules, "licence.", problems) : null;
  if (input.capacity) {
    const limit = licence?.maxChildren ?? rules.maxChildrenAtOnce;
    problems.push(...capacityProblems(slotsOf(input.capacity), limit, "capacity."));
  }
  rejectIfAny(problems);
  const id = await ctx.platform.db.transaction(async (tx) => {
    const [row] = await repo.insertCaregivers(tx, org.id, [values]);
    if (!row) throw new Error("insert returned no row");
    if (licence) await repo.insertLicences(tx, org.id, [{ ...licence, caregiverId: row.id }]);
    if (input.capacity) {
      const { effectiveFrom } = input.capacity;
      await repo.upsertCapacityProfile(tx, org.id, row.id, { effectiveFrom, slots: slotsOf(input.capacity) });
    }
    await audit(tx, ctx, "created", row.id, {
      hasLicence: licence !== null,
      hasCapacity: input.capacity !== null,
    });
    return row.id;
  });
  return detailAfterChange(ctx, id);
}

function changedFields(before: repo.CaregiverRow, after: repo.CaregiverValues): string[] {
  return (Object.keys(after) as (keyof repo.CaregiverValues)[]).filter(
    (key) => JSON.stringify(before[key as keyof repo.CaregiverRow]) !== JSON.stringify(after[key]),
  );
}

/** Replaces a person's profile fields; the audit names the fields that changed, not their values. */
export async function updateCaregiver(
  ctx: ServiceContext,
  id: string,
  input: CaregiverInput,
): Promise<CaregiverDetail> {
  const org = scopeOf(ctx);
  const problems: Problem[] = [];
  const base = { ...profileValues(input), status: input.status };
  const centre = centreOf(base.postalCode, "", problems);
  rejectIfAny(problems);
  await ctx.platform.db.transaction(async (tx) => {
    const before = await lockCaregiver(tx, org, id);
    const values = { ...base, ...locationAfterEdit(before, base, centre) };
    await repo.updateCaregiver(tx, org.id, id, values, ctx.platform.now());
    await audit(tx, ctx, "updated", id, { fields: changedFields(before, values) });
    if (!values.hasPhotoConsent) await removePhoto(tx, ctx, id, "consentWithdrawn");
  });
  return detailAfterChange(ctx, id);
}

/** Adds a licence (e.g. the renewal); the one ending last counts as current. */
export async function addLicence(
  ctx: ServiceContext,
  id: string,
  input: LicenceInput,
): Promise<CaregiverDetail> {
  const org = scopeOf(ctx);
  const rules = org.rules;
  const problems: Problem[] = [];
  const values = licenceValues(input, rules, "", problems);
  rejectIfAny(problems);
  await ctx.platform.db.transaction(async (tx) => {
    await requireCaregiver(tx, org, id);
    const [licence] = await repo.insertLicences(tx, org.id, [{ ...values, caregiverId: id }]);
    await audit(tx, ctx, "licenceAdded", id, { licenceId: licence?.id, validTo: values.validTo });
  });
  return detailAfterChange(ctx, id);
}

export async function updateLicence(
  ctx: ServiceContext,
  id: string,
  licenceId: string,
  input: LicenceInput,
): Promise<CaregiverDetail> {
  const org = scopeOf(ctx);
  const rules = org.rules;
  const problems: Problem[] = [];
  const values = licenceValues(input, rules, "", problems);
  rejectIfAny(problems);
  await ctx.platform.db.transaction(async (tx) => {
    await requireCaregiver(tx, org, id);
    if (!(await repo.updateLicence(tx, org.id, id, licenceId, values))) throw notFound();
    await audit(tx, ctx, "licenceUpdated", id, { licenceId, validTo: values.validTo });
  });
  return detailAfterChange(ctx, id);
}

export async function deleteLicence(
  ctx: ServiceContext,
  id: string,
  licenceId: string,
): Promise<CaregiverDetail> {
  const org = scopeOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    await requireCaregiver(tx, org, id);
    if (!(await repo.deleteLicence(tx, org.id, id, licenceId))) throw notFound();
    await audit(tx, ctx, "licenceDeleted", id, { licenceId });
  });
  return detailAfterChange(ctx, id);
}

/**
 * Saves the weekly places from a date on; a profile with the same start date is replaced. Places may not
 * exceed the licence in force on that date.
 */
export async function saveCapacityProfile(
  ctx: ServiceContext,
  id: string,
  input: CapacityProfileInput,
): Promise<CaregiverDetail> {
  const org = scopeOf(ctx);
  const rules = org.rules;
  await ctx.platform.db.transaction(async (tx) => {
    await requireCaregiver(tx, org, id);
    const licences = await repo.listLicences(tx, org.id, id);
    const slots = slotsOf(input);
    rejectIfAny(capacityProblems(slots, maxChildrenOn(licences, input.effectiveFrom, rules), ""));
    const profile = await repo.upsertCapacityProfile(tx, org.id, id, {
      effectiveFrom: input.effectiveFrom,
      slots,
    });
    await audit(tx, ctx, "capacitySaved", id, { profileId: profile.id, effectiveFrom: input.effectiveFrom });
  });
  return detailAfterChange(ctx, id);
}

export async function deleteCapacityProfile(
  ctx: ServiceContext,
  id: string,
  profileId: string,
): Promise<CaregiverDetail> {
  const org = scopeOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    await requireCaregiver(tx, org, id);
    const deleted = await repo.deleteCapacityProfile(tx, org.id, id, profileId);
    if (!deleted) throw notFound();
    await audit(tx, ctx, "capacityDeleted", id, { profileId, effectiveFrom: deleted.effectiveFrom });
  });
  return detailAfterChange(ctx, id);
}

/**
 * Records a completed qualification or check. For the criminal-record check only whether a relevant entry
 * exists is stored (and must be stated); other kinds never carry that flag.
 */
export async function addQualification(
  ctx: ServiceContext,
  id: string,
  input: QualificationInput,
): Promise<CaregiverDetail> {
  const org = scopeOf(ctx);
  const isCheck = input.kind === "criminalRecordCheck";
  if (isCheck && input.hasRelevantEntry === null) {
    rejectIfAny([{ path: "hasRelevantEntry", key: "relevantEntryRequired" }]);
  }
  await ctx.platform.db.transaction(async (tx) => {
    await requireCaregiver(tx, org, id);
    const [row] = await repo.insertQualifications(tx, org.id, [
      {
        caregiverId: id,
        kind: input.kind,
        title: input.title,
        completedOn: input.completedOn,
        hasRelevantEntry: isCheck ? input.hasRelevantEntry : null,
        note: input.note,
      },
    ]);
    // The flag itself stays out of the audit log, which more roles may read than the registry.
    await audit(tx, ctx, "qualificationAdded", id, { qualificationId: row?.id, kind: input.kind });
  });
  return detailAfterChange(ctx, id);
}

export async function deleteQualification(
  ctx: ServiceContext,
  id: string,
  qualificationId: string,
): Promise<CaregiverDetail> {
  const org = scopeOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    await requireCaregiver(tx, org, id);
    const deleted = await repo.deleteQualification(tx, org.id, id, qualificationId);
    if (!deleted) throw notFound();
    await audit(tx, ctx, "qualificationDeleted", id, { qualificationId, kind: deleted.kind });
  });
  return detailAfterChange(ctx, id);
}

/**
 * The signed-in day-care person's own record: the one linked to her account, or else the unlinked one with
 * her e-mail address, which is linked now (the coordinator registered her before she had an account).
 */
async function ownRecord(tx: Executor, ctx: ServiceContext): Promise<repo.CaregiverRow> {
  const org = scopeOf(ctx);
  const actor = ctx.actor;
  if (!actor) throw new AppError("unauthenticated", 401);
  const linked = await repo.findCaregiverOfUser(tx, org.id, actor.userId);
  if (linked) return linked;
  const found = await repo.linkCaregiverByEmail(tx, org.id, actor.userId, actor.email);
  if (!found) throw notFound();
  await audit(tx, ctx, "accountLinked", found.id, { userId: actor.userId });
  return found;
}

/** The day-care person's own record with her deadlines. */
export async function getMyProfile(ctx: ServiceContext): Promise<CaregiverDetail> {
  const row = await ctx.platform.db.transaction((tx) => ownRecord(tx, ctx));
  return loadDetail(ctx, row);
}

/** The day-care person updates her own contact and profile fields; status and licences stay with the office. */
export async function updateMyProfile(ctx: ServiceContext, input: MyProfileInput): Promise<CaregiverDetail> {
  const problems: Problem[] = [];
  const base = profileValues(input);
  const centre = centreOf(base.postalCode, "", problems);
  rejectIfAny(problems);
  const id = await ctx.platform.db.transaction(async (tx) => {
    const before = await lockCaregiver(tx, scopeOf(ctx), (await ownRecord(tx, ctx)).id);
    const values = { ...base, ...locationAfterEdit(before, base, centre) };
    await repo.updateCaregiver(tx, scopeOf(ctx).id, before.id, values, ctx.platform.now());
    await audit(tx, ctx, "ownProfileUpdated", before.id, { fields: changedFields(before, values) });
    if (!values.hasPhotoConsent) await removePhoto(tx, ctx, before.id, "consentWithdrawn");
    return before.id;
  });
  return detailAfterChange(ctx, id);
}

// Six decimals are about 10 cm: finer than any map click, and no float noise in what is stored.
const COORDINATE_DECIMALS = 6;

/**
 * Sets the exact point of a person's care address, or with null puts it back on her postal code's centre.
 * An exact point must lie within `locationMaxDistanceKm` of that centre. The audit names the kind of point,
 * never the coordinates: more roles read the audit log than the registry.
 */
async function placeCaregiver(
  tx: Executor,
  ctx: ServiceContext,
  id: string,
  input: LocationInput,
): Promise<void> {
  const org = scopeOf(ctx);
  const row = await lockCaregiver(tx, org, id);
  const centre = findPostalCode(row.postalCode);
  if (!centre) throw fieldError("postalCode", "postalCodeUnknown");
  if (input.point && haversineKm(centre, input.point) > locationMaxDistanceKm)
    throw fieldError("point", "locationTooFar");
  const values: LocationValues = input.point
    ? {
        lat: roundCoordinate(input.point.lat, COORDINATE_DECIMALS),
        lon: roundCoordinate(input.point.lon, COORDINATE_DECIMALS),
        locationPrecision: "manual",
      }
    : { lat: centre.lat, lon: centre.lon, locationPrecision: "postalCode" };
  await repo.updateCaregiver(tx, org.id, id, values, ctx.platform.now());
  await audit(tx, ctx, input.point ? "locationSet" : "locationReset", id, {
    precision: values.locationPrecision,
  });
}

/** The office sets or resets the exact point of a person's care address. */
export async function setLocation(
  ctx: ServiceContext,
  id: string,
  input: LocationInput,
): Promise<CaregiverDetail> {
  await ctx.platform.db.transaction((tx) => placeCaregiver(tx, ctx, id, input));
  return detailAfterChange(ctx, id);
}

/** The day-care person sets or resets the exact point of her own care address. */
export async function setMyLocation(ctx: ServiceContext, input: LocationInput): Promise<CaregiverDetail> {
  const id = await ctx.platform.db.transaction(async (tx) => {
    const own = await ownRecord(tx, ctx);
    await placeCaregiver(tx, ctx, own.id, input);
    return own.id;
  });
  return detailAfterChange(ctx, id);
}

/** A photo as it arrives: the declared content type and the raw body (a Buffer for the image types). */
export interface PhotoUpload {
  contentType: string | undefined;
  body: unknown;
}

/**
 * The upload's bytes and their real type. The declared type must match the bytes' signature, so that what
 * is later served as an image is one; the size is checked again here although the route limits the body.
 */
function checkPhoto(upload: PhotoUpload): { contentType: ImageContentType; data: Buffer } {
  if (!Buffer.isBuffer(upload.body) || upload.body.byteLength === 0) throw fieldError("photo", "photoType");
  if (upload.body.byteLength > photoMaxBytes) throw fieldError("photo", "photoTooLarge");
  const declared = upload.contentType?.split(";")[0]?.trim().toLowerCase();
  const detected = detectImageType(upload.body);
  if (!detected || detected !== declared) throw fieldError("photo", "photoType");
  return { contentType: detected, data: upload.body };
}

/** Stores a new photo for a person who consented and deletes the one it replaces. */
async function replacePhoto(
  tx: Executor,
  ctx: ServiceContext,
  caregiverId: string,
  photo: { contentType: ImageContentType; data: Buffer },
): Promise<void> {
  const org = scopeOf(ctx);
  const row = await repo.lockCaregiverPhoto(tx, org.id, caregiverId);
  if (!row) throw notFound();
  if (!row.hasPhotoConsent) throw fieldError("hasPhotoConsent", "photoConsentRequired");
  const stored = await storeFile(tx, {
    organisationId: org.id,
    contentType: photo.contentType,
    data: photo.data,
    createdByUserId: ctx.actor?.userId ?? null,
  });
  await repo.updateCaregiver(tx, org.id, caregiverId, { photoFileId: stored.id }, ctx.platform.now());
  if (row.photoFileId) await deleteFile(tx, org.id, row.photoFileId);
  await audit(tx, ctx, "photoSaved", caregiverId, {
    fileId: stored.id,
    contentType: photo.contentType,
    byteSize: stored.byteSize,
    sha256: stored.sha256,
    replacedFileId: row.photoFileId,
  });
}

/**
 * Deletes a person's photo, if she has one, and audits why. Runs after a change of the consent in the same
 * transaction, so the lock taken here sees a photo stored by an upload that finished in the meantime.
 */
async function removePhoto(
  tx: Executor,
  ctx: ServiceContext,
  caregiverId: string,
  reason: "removed" | "consentWithdrawn",
): Promise<void> {
  const org = scopeOf(ctx);
  const row = await repo.lockCaregiverPhoto(tx, org.id, caregiverId);
  if (!row) throw notFound();
  if (!row.photoFileId) return;
  await repo.updateCaregiver(tx, org.id, caregiverId, { photoFileId: null }, ctx.platform.now());
  await deleteFile(tx, org.id, row.photoFileId);
  await audit(tx, ctx, "photoDeleted", caregiverId, { fileId: row.photoFileId, reason });
}

/** The stored photo of a person; a missing photo or consent is "not found". */
async function photoOf(ctx: ServiceContext, row: repo.CaregiverRow): Promise<StoredFile> {
  if (!row.photoFileId || !row.hasPhotoConsent) throw notFound();
  const file = await readFile(ctx.platform.db, scopeOf(ctx).id, row.photoFileId);
  if (!file) throw notFound();
  return file;
}

/** A person's photo with its content type. */
export async function getPhoto(ctx: ServiceContext, id: string): Promise<StoredFile> {
  return photoOf(ctx, await requireCaregiver(ctx.platform.db, scopeOf(ctx), id));
}

/**
 * Stores or replaces a person's photo. Only JPEG, PNG and WebP up to 2 MB, and only with her consent to
 * photos; otherwise nothing is stored.
 */
export async function savePhoto(
  ctx: ServiceContext,
  id: string,
  upload: PhotoUpload,
): Promise<CaregiverDetail> {
  const photo = checkPhoto(upload);
  await ctx.platform.db.transaction((tx) => replacePhoto(tx, ctx, id, photo));
  return detailAfterChange(ctx, id);
}

/** Deletes a person's photo; without one there is nothing to do. */
export async function deletePhoto(ctx: ServiceContext, id: string): Promise<CaregiverDetail> {
  await ctx.platform.db.transaction((tx) => removePhoto(tx, ctx, id, "removed"));
  return detailAfterChange(ctx, id);
}

/** The day-care person's own photo. */
export async function getMyPhoto(ctx: ServiceContext): Promise<StoredFile> {
  return photoOf(ctx, await ctx.platform.db.transaction((tx) => ownRecord(tx, ctx)));
}

/** The day-care person stores or replaces her own photo, under the same rules as the office. */
export async function saveMyPhoto(ctx: ServiceContext, upload: PhotoUpload): Promise<CaregiverDetail> {
  const photo = checkPhoto(upload);
  const id = await ctx.platform.db.transaction(async (tx) => {
    const own = await ownRecord(tx, ctx);
    await replacePhoto(tx, ctx, own.id, photo);
    return own.id;
  });
  return detailAfterChange(ctx, id);
}

/** The day-care person deletes her own photo. */
export async function deleteMyPhoto(ctx: ServiceContext): Promise<CaregiverDetail> {
  const id = await ctx.platform.db.transaction(async (tx) => {
    const own = await ownRecord(tx, ctx);
    await removePhoto(tx, ctx, own.id, "removed");
    return own.id;
  });
  return detailAfterChange(ctx, id);
}

// Most urgent first; "missing" is as pressing as overdue but has no date to sort by.
const URGENCY: Record<DeadlineState, number> = { overdue: 0, missing: 1, dueSoon: 2, ok: 3 };
const ATTENTION: readonly DeadlineState[] = ["overdue", "missing", "dueSoon"];

/**
 * Every deadline of the people still working (active or paused), filtered by kind, state and name or town,
 * most urgent first, with the number per state (before the state filter, so the UI can show them as tabs).
 */
export async function getDeadlineBoard(
  ctx: ServiceContext,
  query: DeadlineBoardQuery,
): Promise<DeadlineBoard> {
  const { platform } = ctx;
  const org = scopeOf(ctx);
  const [rules, people] = await Promise.all([
    org.rules,
    repo.listDeadlineSubjects(platform.db, org.id, { q: query.q, statuses: ["active", "paused"] }),
  ]);
  const today = todayOf(platform);
  const counts = { ok: 0, dueSoon: 0, overdue: 0, missing: 0 };
  const items: DeadlineBoard["items"] = [];
  const wanted = query.state === "attention" ? ATTENTION : query.state ? [query.state] : null;
  for (const person of people) {
    for (const deadline of deadlinesOf(person.licence, person.qualifications, rules, today)) {
      if (query.kind && deadline.kind !== query.kind) continue;
      counts[deadline.state]++;
      if (wanted && !wanted.includes(deadline.state)) continue;
      items.push({
        caregiverId: person.id,
        name: `${person.firstName} ${person.lastName}`,
        town: person.town,
        kind: deadline.kind,
        dueOn: deadline.dueOn,
        state: deadline.state,
        daysLeft: deadline.dueOn ? daysBetween(today, deadline.dueOn) : null,
      });
    }
  }
  // People arrive in name order and the sort is stable, so equal deadlines stay alphabetical.
  items.sort(
    (a, b) =>
      URGENCY[a.state] - URGENCY[b.state] || (a.dueOn ?? "9999-12-31").localeCompare(b.dueOn ?? "9999-12-31"),
  );
  return { items, counts };
}

const QUALIFICATION_COLUMN: Partial<Record<CsvColumn, repo.QualificationRow["kind"]>> = {
  firstAidOn: "firstAid",
  infectionProtectionOn: "infectionProtection",
  criminalRecordCheckOn: "criminalRecordCheck",
  qhbPhase1On: "qhbPhase1",
  qhbPhase2On: "qhbPhase2",
};

/**
 * The registry as a CSV file for German Excel: German headers, the current licence and the latest date of
 * each qualification per person. The criminal-record flag is never exported. The export is audited, since
 * it copies everyone's personal data out of the platform.
 */
export async function exportCsv(ctx: ServiceContext): Promise<{ filename: string; content: string }> {
  const { platform } = ctx;
  const org = scopeOf(ctx);
  const [rows, licences, qualifications] = await Promise.all([
    repo.listAllCaregivers(platform.db, org.id),
    repo.listLatestLicences(platform.db, org.id),
    repo.listLatestQualifications(platform.db, org.id),
  ]);
  const licenceOf = new Map(licences.map((l) => [l.caregiverId, l]));
  const completedOn = new Map(qualifications.map((q) => [`${q.caregiverId}:${q.kind}`, q.completedOn]));
  const t = translator("de");
  const header = csvColumns.map((column) => t(`caregivers.csvColumns.${column}`));
  const data = rows.map((row) => {
    const licence = licenceOf.get(row.id);
    const cell = (column: CsvColumn): string => {
      const kind = QUALIFICATION_COLUMN[column];
      if (kind) {
        const date = completedOn.get(`${row.id}:${kind}`);
        return date ? formatGermanDate(date) : "";
      }
      switch (column) {
        case "employment":
          return t(`caregivers.employment.${row.employment}`);
        case "languages":
          return joinLanguages(row.languages);
        case "licenceNumber":
          return licence?.number ?? "";
        case "licenceIssuer":
          return licence?.issuer ?? "";
        case "licenceValidFrom":
          return licence ? formatGermanDate(licence.validFrom) : "";
        case "licenceValidTo":
          return licence ? formatGermanDate(licence.validTo) : "";
        case "maxChildren":
          return licence ? String(licence.maxChildren) : "";
        default:
          return String(row[column as keyof repo.CaregiverRow] ?? "");
      }
    };
    return csvColumns.map(cell);
  });
  await writeAudit(platform.db, {
    organisationId: org.id,
    actorUserId: ctx.actor?.userId ?? null,
    action: "caregivers.exported",
    entityType: "caregiver",
    details: { count: rows.length },
    ip: ctx.ip,
  });
  return {
    filename: `kindertagespflegepersonen-${org.slug}-${todayOf(platform)}.csv`,
    content: formatCsv(header, data),
  };
}

function presentDuplicate(problem: DuplicateProblem, t: TFunction): ImportRowError {
  if (problem.existing) {
    const name = `${problem.existing.firstName} ${problem.existing.lastName}`;
    return {
      column: problem.column,
      message: t("caregivers.import.duplicateInRegistry", { name }),
      duplicateOf: { caregiverId: problem.existing.id, name },
    };
  }
  return {
    column: problem.column,
    message: t("caregivers.import.duplicateInFile", { line: problem.sameAsLine }),
    sameAsLine: problem.sameAsLine,
  };
}

/**
 * Checks a CSV file row by row and, when asked to and every row is valid, registers everyone in one
 * transaction (person, licence, qualifications). A file with any invalid row writes nothing: a partial
 * import would leave the office to find out which half got in. A row naming someone already in the
 * registry, or someone an earlier row names, is invalid too: importing her twice would split her licences,
 * deadlines and placements over two records.
 */
export async function importCsv(
  ctx: ServiceContext,
  input: z.infer<typeof importBody>,
): Promise<ImportResponse> {
  const org = scopeOf(ctx);
  const rules = org.rules;
  const t = translator(ctx.locale);
  const { header, records } = parseCsv(input.csv);
  const columns = mapHeader(header, [deCaregiverTexts.csvColumns, enCaregiverTexts.csvColumns]);
  const checked = records.map((record) => {
    const cells = cellsByColumn(columns, record.cells);
    return { line: record.line, cells, ...checkImportRow(cells, rules) };
  });
  const duplicates = findDuplicates(checked, await repo.listDuplicateCandidates(ctx.platform.db, org.id));
  const rows: ImportReportRow[] = checked.map((row) => ({
    line: row.line,
    name: `${row.cells.firstName ?? ""} ${row.cells.lastName ?? ""}`.trim(),
    errors: [
      ...row.errors.map((e) => ({ column: e.column, message: t(`validation.${e.key}`) })),
      ...(duplicates.get(row.line) ?? []).map((problem) => presentDuplicate(problem, t)),
    ],
  }));
  const errorCount = rows.filter((row) => row.errors.length > 0).length;
  const report = { rows, validCount: rows.length - errorCount, errorCount, imported: 0 };
  if (!input.commit) return report;
  if (errorCount > 0) throw new AppError("importInvalid", 400, report);

  const valid = checked.flatMap((row) => (row.record ? [{ ...row.record, id: randomUUID() }] : []));
  await ctx.platform.db.transaction(async (tx) => {
    await repo.insertCaregivers(
      tx,
      org.id,
      valid.map((r) => ({ ...r.caregiver, id: r.id })),
    );
    await repo.insertLicences(
      tx,
      org.id,
      valid.flatMap((r) => (r.licence ? [{ ...r.licence, caregiverId: r.id }] : [])),
    );
    await repo.insertQualifications(
      tx,
      org.id,
      valid.flatMap((r) =>
        r.qualifications.map((q) => ({
          ...q,
          caregiverId: r.id,
          title: "",
          hasRelevantEntry: null,
          note: "",
        })),
      ),
    );
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: ctx.actor?.userId ?? null,
      action: "caregivers.imported",
      entityType: "caregiver",
      details: { count: valid.length, caregiverIds: valid.map((r) => r.id) },
      ip: ctx.ip,
    });
  });
  return { ...report, imported: valid.length };
}
