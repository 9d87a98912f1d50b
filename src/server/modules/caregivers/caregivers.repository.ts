import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import { capacityProfiles, caregivers, careLicences, qualifications } from "./caregivers.tables";

export type CaregiverRow = typeof caregivers.$inferSelect;
export type CaregiverValues = Omit<
  typeof caregivers.$inferInsert,
  "organisationId" | "createdAt" | "updatedAt"
>;
export type LicenceRow = typeof careLicences.$inferSelect;
export type LicenceValues = Pick<
  typeof careLicences.$inferInsert,
  "number" | "issuer" | "validFrom" | "validTo" | "maxChildren" | "conditions"
>;
export type CapacityProfileRow = typeof capacityProfiles.$inferSelect;
export type QualificationRow = typeof qualifications.$inferSelect;
export type QualificationValues = Pick<
  typeof qualifications.$inferInsert,
  "kind" | "title" | "completedOn" | "hasRelevantEntry" | "note"
>;
export type CaregiverStatus = CaregiverRow["status"];

/** The licence fields deadlines and lists need; the latest licence per person is the current one. */
export interface LatestLicence {
  caregiverId: string;
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  maxChildren: number;
}

/** The latest completion of each qualification kind per person: all deadlines depend on. */
export interface LatestQualification {
  caregiverId: string;
  kind: QualificationRow["kind"];
  completedOn: string;
  hasRelevantEntry: boolean | null;
}

// PostgreSQL takes at most 65,535 parameters per statement; an import of thousands of rows goes in slices.
const INSERT_CHUNK = 500;

async function insertInChunks<T, R>(
  values: readonly T[],
  insert: (chunk: T[]) => Promise<R[]>,
): Promise<R[]> {
  const rows: R[] = [];
  for (let i = 0; i < values.length; i += INSERT_CHUNK)
    rows.push(...(await insert(values.slice(i, i + INSERT_CHUNK))));
  return rows;
}

export interface CaregiverFilter {
  q?: string | undefined;
  statuses?: readonly CaregiverStatus[] | undefined;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Every word of the query must appear in the first name, last name or town ("anna beckum" narrows down). */
function filterConditions(organisationId: string, filter: CaregiverFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [eq(caregivers.organisationId, organisationId)];
  if (filter.statuses && filter.statuses.length > 0)
    conditions.push(inArray(caregivers.status, [...filter.statuses]));
  const words = (filter.q ?? "")
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 5);
  for (const word of words) {
    const pattern = `%${escapeLike(word)}%`;
    conditions.push(
      or(
        ilike(caregivers.firstName, pattern),
        ilike(caregivers.lastName, pattern),
        ilike(caregivers.town, pattern),
      ),
    );
  }
  return and(...conditions);
}

const listColumns = {
  id: caregivers.id,
  firstName: caregivers.firstName,
  lastName: caregivers.lastName,
  town: caregivers.town,
  postalCode: caregivers.postalCode,
  employment: caregivers.employment,
  status: caregivers.status,
};

/** A person with what her list row and her deadlines are computed from. */
export interface DeadlineSubject {
  id: string;
  firstName: string;
  lastName: string;
  town: string;
  postalCode: string;
  employment: CaregiverRow["employment"];
  status: CaregiverStatus;
  licence: Pick<LatestLicence, "validFrom" | "validTo" | "maxChildren"> | null;
  qualifications: Omit<LatestQualification, "caregiverId">[];
}

// Drivers hand json back parsed; a string would only come from a driver configured otherwise.
function fromJson<T>(value: unknown, fallback: T): T {
  if (value === null || value === undefined) return fallback;
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

/**
 * One page of people with their latest licence and the latest completion of each qualification kind, in
 * one query: the page is cut first, then each person's licence and qualifications are looked up by index.
 * Separate queries with a list of ids, or one per person, cost several times as much, above all on PGlite.
 */
async function selectSubjectsPage(
  db: Executor,
  organisationId: string,
  filter: CaregiverFilter,
  page: { limit: number; offset: number },
): Promise<(DeadlineSubject & { total: number })[]> {
  const subjects = db
    // The window count is taken before LIMIT: the total comes with the page, without a second query.
    .select({ ...listColumns, total: sql<number>`count(*) over ()`.as("total") })
    .from(caregivers)
    .where(filterConditions(organisationId, filter))
    .orderBy(asc(caregivers.lastName), asc(caregivers.firstName), asc(caregivers.id))
    .limit(page.limit)
    .offset(page.offset)
    .as("subjects");
  const rows = await db
    .select({
      id: subjects.id,
      firstName: subjects.firstName,
      lastName: subjects.lastName,
      town: subjects.town,
      postalCode: subjects.postalCode,
      employment: subjects.employment,
      status: subjects.status,
      total: subjects.total,
      // Written out with explicit aliases: inside a select over a subquery, drizzle renders column references
      // without their table, and "id" would then bind to the inner table.
      licence: sql<unknown>`(
        select json_build_object('validFrom', l.valid_from, 'validTo', l.valid_to, 'maxChildren', l.max_children)
        from care_licences l
        where l.organisation_id = ${organisationId} and l.caregiver_id = ${sql.identifier("subjects")}.id
        order by l.valid_to desc, l.valid_from desc
        limit 1)`,
      qualifications: sql<unknown>`(
        select json_agg(json_build_object(
          'kind', latest.kind, 'completedOn', latest.completed_on, 'hasRelevantEntry', latest.has_relevant_entry))
        from (
          select distinct on (q.kind) q.kind, q.completed_on, q.has_relevant_entry
          from qualifications q
          where q.organisation_id = ${organisationId} and q.caregiver_id = ${sql.identifier("subjects")}.id
          order by q.kind, q.completed_on desc) latest)`,
    })
    .from(subjects)
    .orderBy(asc(subjects.lastName), asc(subjects.firstName), asc(subjects.id));
  return rows.map((row) => ({
    ...row,
    total: Number(row.total),
    licence: fromJson<DeadlineSubject["licence"]>(row.licence, null),
    qualifications: fromJson<DeadlineSubject["qualifications"]>(row.qualifications, []),
  }));
}

interface SubjectRecord extends Record<string, unknown> {
  id: string;
  first_name: string;
  last_name: string;
  town: string;
  postal_code: string;
  employment: DeadlineSubject["employment"];
  status: CaregiverStatus;
  licence: unknown;
  qualifications: unknown;
}

/**
 * Everyone matching the filter with the same data as {@link selectSubjectsPage}, but set-based: for the
 * whole organisation, one pass over the latest licences and qualifications joined by hash is about twice as
 * fast as thousands of index lookups.
 */
async function selectAllSubjects(
  db: Executor,
  organisationId: string,
  filter: CaregiverFilter,
): Promise<DeadlineSubject[]> {
  const result = await db.execute<SubjectRecord>(sql`
    select caregivers.id, caregivers.first_name, caregivers.last_name, caregivers.town, caregivers.postal_code,
      caregivers.employment, caregivers.status, latest_licence.licence, latest_qualifications.qualifications
    from caregivers
    left join (
      select distinct on (caregiver_id) caregiver_id,
        json_build_object('validFrom', valid_from, 'validTo', valid_to, 'maxChildren', max_children) as licence
      from care_licences
      where organisation_id = ${organisationId}
      order by caregiver_id, valid_to desc, valid_from desc
    ) latest_licence on latest_licence.caregiver_id = caregivers.id
    left join (
      select caregiver_id, json_agg(json_build_object(
        'kind', kind, 'completedOn', completed_on, 'hasRelevantEntry', has_relevant_entry)) as qualifications
      from (
        select distinct on (caregiver_id, kind) caregiver_id, kind, completed_on, has_relevant_entry
        from qualifications
        where organisation_id = ${organisationId}
        order by caregiver_id, kind, completed_on desc
      ) latest
      group by caregiver_id
    ) latest_qualifications on latest_qualifications.caregiver_id = caregivers.id
    where ${filterConditions(organisationId, filter)}
    order by caregivers.last_name, caregivers.first_name, caregivers.id`);
  // Both drivers answer with { rows }; drizzle's type for execute differs per driver.
  const { rows } = result as unknown as { rows: SubjectRecord[] };
  return rows.map((row) => ({
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    town: row.town,
    postalCode: row.postal_code,
    employment: row.employment,
    status: row.status,
    licence: fromJson<DeadlineSubject["licence"]>(row.licence, null),
    qualifications: fromJson<DeadlineSubject["qualifications"]>(row.qualifications, []),
  }));
}

/**
 * One page of the registry in name order with what each row's deadlines need, and the total: two
 * independent queries, whatever the page size.
 */
export async function listRegistryPage(
  db: Executor,
  organisationId: string,
  filter: CaregiverFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: DeadlineSubject[]; total: number }> {
  const rows = await selectSubjectsPage(db, organisationId, filter, page);
  if (rows.length > 0 || page.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
  // Paged past the end: the page is empty, so the window count is missing; count on its own.
  const [counted] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(caregivers)
    .where(filterConditions(organisationId, filter));
  return { rows, total: counted?.n ?? 0 };
}

/** Everyone matching the filter, in name order, with what their deadlines are computed from. */
export async function listDeadlineSubjects(
  db: Executor,
  organisationId: string,
  filter: CaregiverFilter,
): Promise<DeadlineSubject[]> {
  return selectAllSubjects(db, organisationId, filter);
}

/** The whole registry of an organisation (for the CSV export). */
export async function listAllCaregivers(db: Executor, organisationId: string): Promise<CaregiverRow[]> {
  return db
    .select()
    .from(caregivers)
    .where(eq(caregivers.organisationId, organisationId))
    .orderBy(asc(caregivers.lastName), asc(caregivers.firstName), asc(caregivers.id));
}

/** The latest licence of everyone in the organisation (for the export and the reminders). */
export async function listLatestLicences(db: Executor, organisationId: string): Promise<LatestLicence[]> {
  return db
    .selectDistinctOn([careLicences.caregiverId], {
      caregiverId: careLicences.caregiverId,
      number: careLicences.number,
      issuer: careLicences.issuer,
      validFrom: careLicences.validFrom,
      validTo: careLicences.validTo,
      maxChildren: careLicences.maxChildren,
    })
    .from(careLicences)
    .where(eq(careLicences.organisationId, organisationId))
    .orderBy(careLicences.caregiverId, desc(careLicences.validTo), desc(careLicences.validFrom));
}

/** The latest completion of every qualification kind of everyone in the organisation. */
export async function listLatestQualifications(
  db: Executor,
  organisationId: string,
): Promise<LatestQualification[]> {
  return db
    .selectDistinctOn([qualifications.caregiverId, qualifications.kind], {
      caregiverId: qualifications.caregiverId,
      kind: qualifications.kind,
      completedOn: qualifications.completedOn,
      hasRelevantEntry: qualifications.hasRelevantEntry,
    })
    .from(qualifications)
    .where(eq(qualifications.organisationId, organisationId))
    .orderBy(qualifications.caregiverId, qualifications.kind, desc(qualifications.completedOn));
}

/** A person of the organisation; with `forUpdate`, locked until the transaction ends. */
export async function findCaregiver(
  db: Executor,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaregiverRow | null> {
  const query = db
    .select()
    .from(caregivers)
    .where(and(eq(caregivers.organisationId, organisationId), eq(caregivers.id, id)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** What the import compares a file against to find people already in the registry, whatever their status. */
export async function listDuplicateCandidates(
  db: Executor,
  organisationId: string,
): Promise<Pick<CaregiverRow, "id" | "firstName" | "lastName" | "postalCode" | "email">[]> {
  return db
    .select({
      id: caregivers.id,
      firstName: caregivers.firstName,
      lastName: caregivers.lastName,
      postalCode: caregivers.postalCode,
      email: caregivers.email,
    })
    .from(caregivers)
    .where(eq(caregivers.organisationId, organisationId))
    .orderBy(asc(caregivers.lastName), asc(caregivers.firstName), asc(caregivers.id));
}

/**
 * The consent and photo of a person, locked until the transaction ends: an upload and a withdrawal of the
 * consent running side by side must not leave a photo without consent behind.
 */
export async function lockCaregiverPhoto(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<Pick<CaregiverRow, "id" | "hasPhotoConsent" | "photoFileId"> | null> {
  const [row] = await db
    .select({
      id: caregivers.id,
      hasPhotoConsent: caregivers.hasPhotoConsent,
      photoFileId: caregivers.photoFileId,
    })
    .from(caregivers)
    .where(and(eq(caregivers.organisationId, organisationId), eq(caregivers.id, id)))
    .for("update");
  return row ?? null;
}

export async function findCaregiverOfUser(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<CaregiverRow | null> {
  const [row] = await db
    .select()
    .from(caregivers)
    .where(and(eq(caregivers.organisationId, organisationId), eq(caregivers.userId, userId)))
    .orderBy(asc(caregivers.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * Links the oldest unlinked record with this e-mail to the account. The `user_id is null` condition in the
 * update itself makes two simultaneous first visits link one record, not overwrite each other.
 */
export async function linkCaregiverByEmail(
  db: Executor,
  organisationId: string,
  userId: string,
  email: string,
): Promise<CaregiverRow | null> {
  const candidate = db
    .select({ id: caregivers.id })
    .from(caregivers)
    .where(
      and(
        eq(caregivers.organisationId, organisationId),
        isNull(caregivers.userId),
        isNotNull(caregivers.email),
        eq(sql`lower(${caregivers.email})`, email.toLowerCase()),
      ),
    )
    .orderBy(asc(caregivers.createdAt))
    .limit(1);
  const [row] = await db
    .update(caregivers)
    .set({ userId })
    .where(
      and(
        eq(caregivers.organisationId, organisationId),
        isNull(caregivers.userId),
        inArray(caregivers.id, candidate),
      ),
    )
    .returning();
  return row ?? null;
}

export async function insertCaregivers(
  db: Executor,
  organisationId: string,
  values: readonly CaregiverValues[],
): Promise<CaregiverRow[]> {
  return insertInChunks(values, (chunk) =>
    db
      .insert(caregivers)
      .values(chunk.map((v) => ({ ...v, organisationId })))
      .returning(),
  );
}

/** Updates a person of the organisation; false when there is none with this id. */
export async function updateCaregiver(
  db: Executor,
  organisationId: string,
  id: string,
  values: Partial<CaregiverValues>,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(caregivers)
    .set({ ...values, updatedAt: now })
    .where(and(eq(caregivers.organisationId, organisationId), eq(caregivers.id, id)))
    .returning({ id: caregivers.id });
  return rows.length > 0;
}

export async function listLicences(
  db: Executor,
  organisationId: string,
  caregiverId: string,
): Promise<LicenceRow[]> {
  return db
    .select()
    .from(careLicences)
    .where(and(eq(careLicences.organisationId, organisationId), eq(careLicences.caregiverId, caregiverId)))
    .orderBy(desc(careLicences.validTo), desc(careLicences.validFrom));
}

export async function insertLicences(
  db: Executor,
  organisationId: string,
  values: readonly (LicenceValues & { caregiverId: string })[],
): Promise<LicenceRow[]> {
  return insertInChunks(values, (chunk) =>
    db
      .insert(careLicences)
      .values(chunk.map((v) => ({ ...v, organisationId })))
      .returning(),
  );
}

export async function updateLicence(
  db: Executor,
  organisationId: string,
  caregiverId: string,
  id: string,
  values: LicenceValues,
): Promise<boolean> {
  const rows = await db
    .update(careLicences)
    .set(values)
    .where(
      and(
        eq(careLicences.organisationId, organisationId),
        eq(careLicences.caregiverId, caregiverId),
        eq(careLicences.id, id),
      ),
    )
    .returning({ id: careLicences.id });
  return rows.length > 0;
}

export async function deleteLicence(db: Executor, organisationId: string, caregiverId: string, id: string) {
  const rows = await db
    .delete(careLicences)
    .where(
      and(
        eq(careLicences.organisationId, organisationId),
        eq(careLicences.caregiverId, caregiverId),
        eq(careLicences.id, id),
      ),
    )
    .returning({ id: careLicences.id });
  return rows.length > 0;
}

export async function listCapacityProfiles(
  db: Executor,
  organisationId: string,
  caregiverId: string,
): Promise<CapacityProfileRow[]> {
  return db
    .select()
    .from(capacityProfiles)
    .where(
      and(eq(capacityProfiles.organisationId, organisationId), eq(capacityProfiles.caregiverId, caregiverId)),
    )
    .orderBy(asc(capacityProfiles.effectiveFrom));
}

/** Adds a profile or, when one starts on the same date, replaces its slots (the unique index decides). */
export async function upsertCapacityProfile(
  db: Executor,
  organisationId: string,
  caregiverId: string,
  values: Pick<CapacityProfileRow, "effectiveFrom" | "slots">,
): Promise<CapacityProfileRow> {
  const [row] = await db
    .insert(capacityProfiles)
    .values({ ...values, organisationId, caregiverId })
    .onConflictDoUpdate({
      target: [capacityProfiles.caregiverId, capacityProfiles.effectiveFrom],
      set: { slots: values.slots },
      // The conflict target is unique per caregiver only; never touch a row of another organisation.
      setWhere: eq(capacityProfiles.organisationId, organisationId),
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return row;
}

export async function deleteCapacityProfile(
  db: Executor,
  organisationId: string,
  caregiverId: string,
  id: string,
) {
  const rows = await db
    .delete(capacityProfiles)
    .where(
      and(
        eq(capacityProfiles.organisationId, organisationId),
        eq(capacityProfiles.caregiverId, caregiverId),
        eq(capacityProfiles.id, id),
      ),
    )
    .returning({ id: capacityProfiles.id, effectiveFrom: capacityProfiles.effectiveFrom });
  return rows[0] ?? null;
}

export async function listQualifications(
  db: Executor,
  organisationId: string,
  caregiverId: string,
): Promise<QualificationRow[]> {
  return db
    .select()
    .from(qualifications)
    .where(
      and(eq(qualifications.organisationId, organisationId), eq(qualifications.caregiverId, caregiverId)),
    )
    .orderBy(desc(qualifications.completedOn), asc(qualifications.kind));
}

export async function insertQualifications(
  db: Executor,
  organisationId: string,
  values: readonly (QualificationValues & { caregiverId: string })[],
): Promise<QualificationRow[]> {
  return insertInChunks(values, (chunk) =>
    db
      .insert(qualifications)
      .values(chunk.map((v) => ({ ...v, organisationId })))
      .returning(),
  );
}

export async function deleteQualification(
  db: Executor,
  organisationId: string,
  caregiverId: string,
  id: string,
) {
  const rows = await db
    .delete(qualifications)
    .where(
      and(
        eq(qualifications.organisationId, organisationId),
        eq(qualifications.caregiverId, caregiverId),
        eq(qualifications.id, id),
      ),
    )
    .returning({ id: qualifications.id, kind: qualifications.kind });
  return rows[0] ?? null;
}

/** Active people with an e-mail address in every organisation, in organisation order (for the reminders). */
export async function listReminderTargets(db: Executor) {
  return db
    .select({
      id: caregivers.id,
      organisationId: caregivers.organisationId,
      userId: caregivers.userId,
      firstName: caregivers.firstName,
      lastName: caregivers.lastName,
      email: caregivers.email,
    })
    .from(caregivers)
    .where(and(eq(caregivers.status, "active"), isNotNull(caregivers.email)))
    .orderBy(asc(caregivers.organisationId), asc(caregivers.id));
}
