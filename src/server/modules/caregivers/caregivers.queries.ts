import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { CapacitySlot } from "../../../core/caregivers/capacity";
import type { DeadlineInput, QualificationKind } from "../../../core/caregivers/deadlines";
import type { Executor } from "../../platform/db/client";
import { readFile, type StoredFile } from "../../platform/files/files";
import { capacityProfiles, caregivers, careLicences, qualifications } from "./caregivers.tables";

/** What placement needs to judge whether a caregiver can take a child, and to show her to parents. */
export interface PlacementCaregiverFacts {
  id: string;
  userId: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  town: string;
  postalCode: string;
  lat: number | null;
  lon: number | null;
  languages: string[];
  hasPets: boolean;
  petsNote: string;
  meals: string;
  pedagogy: string;
  hasInclusionExperience: boolean;
  ageMinMonths: number;
  ageMaxMonths: number;
  /** Only while she consents; the file itself is read with {@link readConsentedPhoto}. */
  hasPhoto: boolean;
  licences: { validFrom: string; validTo: string; maxChildren: number }[];
  profiles: { effectiveFrom: string; slots: CapacitySlot[] }[];
}

/**
 * Caregivers of the organisation with licences (latest first) and capacity profiles: all active ones, or
 * those named in `ids` whatever their status (a caregiver already suggested stays readable when she pauses).
 */
export async function findPlacementCaregivers(
  db: Executor,
  organisationId: string,
  ids?: readonly string[],
): Promise<PlacementCaregiverFacts[]> {
  if (ids && ids.length === 0) return [];
  const people = await db
    .select()
    .from(caregivers)
    .where(
      and(
        eq(caregivers.organisationId, organisationId),
        ids ? inArray(caregivers.id, [...ids]) : eq(caregivers.status, "active"),
      ),
    )
    .orderBy(asc(caregivers.lastName), asc(caregivers.firstName), asc(caregivers.id));
  if (people.length === 0) return [];
  const personIds = people.map((p) => p.id);
  // One after the other: callers pass their transaction, one connection that runs one statement at a time.
  const licences = await db
    .select()
    .from(careLicences)
    .where(and(eq(careLicences.organisationId, organisationId), inArray(careLicences.caregiverId, personIds)))
    .orderBy(desc(careLicences.validTo));
  const profiles = await db
    .select()
    .from(capacityProfiles)
    .where(
      and(
        eq(capacityProfiles.organisationId, organisationId),
        inArray(capacityProfiles.caregiverId, personIds),
      ),
    )
    .orderBy(asc(capacityProfiles.effectiveFrom));
  return people.map((p) => ({
    id: p.id,
    userId: p.userId,
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    town: p.town,
    postalCode: p.postalCode,
    lat: p.lat,
    lon: p.lon,
    languages: p.languages,
    hasPets: p.hasPets,
    petsNote: p.petsNote,
    meals: p.meals,
    pedagogy: p.pedagogy,
    hasInclusionExperience: p.hasInclusionExperience,
    ageMinMonths: p.ageMinMonths,
    ageMaxMonths: p.ageMaxMonths,
    hasPhoto: p.hasPhotoConsent && p.photoFileId !== null,
    licences: licences
      .filter((l) => l.caregiverId === p.id)
      .map((l) => ({ validFrom: l.validFrom, validTo: l.validTo, maxChildren: l.maxChildren })),
    profiles: profiles
      .filter((c) => c.caregiverId === p.id)
      .map((c) => ({ effectiveFrom: c.effectiveFrom, slots: c.slots })),
  }));
}

/**
 * Locks a caregiver's row until the transaction ends. Every placement of a child with her takes this lock
 * before it re-checks her capacity, so two acceptances for her last place run one after the other on
 * PostgreSQL too, and the second one sees the first one's contract.
 */
export async function lockPlacementCaregiver(
  tx: Executor,
  organisationId: string,
  id: string,
): Promise<boolean> {
  const rows = await tx
    .select({ id: caregivers.id })
    .from(caregivers)
    .where(and(eq(caregivers.organisationId, organisationId), eq(caregivers.id, id)))
    .for("update");
  return rows.length > 0;
}

/** The caregiver of a signed-in account in the organisation, if she is one. */
export async function findCaregiverIdOfUser(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ id: caregivers.id })
    .from(caregivers)
    .where(and(eq(caregivers.organisationId, organisationId), eq(caregivers.userId, userId)));
  return row?.id ?? null;
}

/** Her photo, only while she consents to it being shown; null otherwise. */
export async function readConsentedPhoto(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<StoredFile | null> {
  const [row] = await db
    .select({ fileId: caregivers.photoFileId, hasConsent: caregivers.hasPhotoConsent })
    .from(caregivers)
    .where(and(eq(caregivers.organisationId, organisationId), eq(caregivers.id, id)));
  if (!row?.fileId || !row.hasConsent) return null;
  return readFile(db, organisationId, row.fileId);
}

/** What the training account reads of a day-care person in the registry. */
export interface TrainingRegistryPerson {
  id: string;
  userId: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  status: "active" | "paused" | "left";
  /** Every care licence, earliest first: the account owes UE per licence period. */
  licences: { validFrom: string; validTo: string }[];
  /** Completions of first aid and the infection-protection instruction, also those entered by hand. */
  refreshers: { kind: "firstAid" | "infectionProtection"; completedOn: string; title: string }[];
}

/**
 * Day-care persons of the organisation for the training accounts: those named in `ids` or linked to
 * `userIds` whatever their status, or, without either, everyone who has not left.
 */
export async function findTrainingRegistryPeople(
  db: Executor,
  organisationId: string,
  filter: { ids?: readonly string[]; userIds?: readonly string[] } = {},
): Promise<TrainingRegistryPerson[]> {
  if ((filter.ids && filter.ids.length === 0) || (filter.userIds && filter.userIds.length === 0)) return [];
  const people = await db
    .select({
      id: caregivers.id,
      userId: caregivers.userId,
      firstName: caregivers.firstName,
      lastName: caregivers.lastName,
      email: caregivers.email,
      status: caregivers.status,
    })
    .from(caregivers)
    .where(
      and(
        eq(caregivers.organisationId, organisationId),
        filter.ids
          ? inArray(caregivers.id, [...filter.ids])
          : filter.userIds
            ? inArray(caregivers.userId, [...filter.userIds])
            : ne(caregivers.status, "left"),
      ),
    )
    .orderBy(asc(caregivers.lastName), asc(caregivers.firstName), asc(caregivers.id));
  if (people.length === 0) return [];
  const personIds = people.map((p) => p.id);
  const licences = await db
    .select({
      caregiverId: careLicences.caregiverId,
      validFrom: careLicences.validFrom,
      validTo: careLicences.validTo,
    })
    .from(careLicences)
    .where(and(eq(careLicences.organisationId, organisationId), inArray(careLicences.caregiverId, personIds)))
    .orderBy(asc(careLicences.validFrom));
  const refreshers = await db
    .select({
      caregiverId: qualifications.caregiverId,
      kind: qualifications.kind,
      completedOn: qualifications.completedOn,
      title: qualifications.title,
    })
    .from(qualifications)
    .where(
      and(
        eq(qualifications.organisationId, organisationId),
        inArray(qualifications.caregiverId, personIds),
        inArray(qualifications.kind, ["firstAid", "infectionProtection"]),
      ),
    )
    .orderBy(asc(qualifications.completedOn));
  return people.map((p) => ({
    ...p,
    licences: licences
      .filter((l) => l.caregiverId === p.id)
      .map((l) => ({ validFrom: l.validFrom, validTo: l.validTo })),
    refreshers: refreshers
      .filter((q) => q.caregiverId === p.id)
      .map((q) => ({
        kind: q.kind as "firstAid" | "infectionProtection",
        completedOn: q.completedOn,
        title: q.title,
      })),
  }));
}

/**
 * What one person's registry deadlines are computed from, as her detail page computes them: the licence that
 * runs longest and every recorded qualification.
 */
export async function findRegistryDeadlineInput(
  db: Executor,
  organisationId: string,
  caregiverId: string,
): Promise<DeadlineInput> {
  const [licence] = await db
    .select({ validFrom: careLicences.validFrom, validTo: careLicences.validTo })
    .from(careLicences)
    .where(and(eq(careLicences.organisationId, organisationId), eq(careLicences.caregiverId, caregiverId)))
    .orderBy(desc(careLicences.validTo), desc(careLicences.validFrom))
    .limit(1);
  const records = await db
    .select({
      kind: qualifications.kind,
      completedOn: qualifications.completedOn,
      hasRelevantEntry: qualifications.hasRelevantEntry,
    })
    .from(qualifications)
    .where(
      and(eq(qualifications.organisationId, organisationId), eq(qualifications.caregiverId, caregiverId)),
    );
  return {
    licence: licence ?? null,
    qualifications: records.map((q) => ({
      kind: q.kind,
      completedOn: q.completedOn,
      hasRelevantEntry: q.hasRelevantEntry ?? false,
    })),
  };
}

/**
 * Records qualifications a training certificate proves (first aid, infection protection, QHB phases), in the
 * caller's transaction. The deadline reminders key their stages by due date, so a new completion starts the
 * reminders of the new due date afresh without anything to reset here.
 */
export async function addQualificationsFromTraining(
  tx: Executor,
  organisationId: string,
  caregiverId: string,
  records: readonly {
    kind: Exclude<QualificationKind, "criminalRecordCheck">;
    completedOn: string;
    title: string;
    note: string;
  }[],
): Promise<string[]> {
  if (records.length === 0) return [];
  const rows = await tx
    .insert(qualifications)
    .values(records.map((r) => ({ ...r, organisationId, caregiverId, hasRelevantEntry: null })))
    .returning({ id: qualifications.id });
  return rows.map((r) => r.id);
}

/** Contact and address of registry people, as substitution shows a cover place to parents and the office. */
export interface SubstitutionPersonContact {
  id: string;
  userId: string | null;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  street: string | null;
  postalCode: string;
  town: string;
  status: "active" | "paused" | "left";
}

/** Everyone of the organisation's registry, or those named in `ids`, whatever their status. */
export async function findSubstitutionContacts(
  db: Executor,
  organisationId: string,
  ids?: readonly string[],
): Promise<SubstitutionPersonContact[]> {
  if (ids && ids.length === 0) return [];
  return db
    .select({
      id: caregivers.id,
      userId: caregivers.userId,
      firstName: caregivers.firstName,
      lastName: caregivers.lastName,
      email: caregivers.email,
      phone: caregivers.phone,
      street: caregivers.street,
      postalCode: caregivers.postalCode,
      town: caregivers.town,
      status: caregivers.status,
    })
    .from(caregivers)
    .where(
      and(eq(caregivers.organisationId, organisationId), ids ? inArray(caregivers.id, [...ids]) : undefined),
    )
    .orderBy(asc(caregivers.lastName), asc(caregivers.firstName), asc(caregivers.id));
}
