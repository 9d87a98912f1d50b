import { and, asc, eq, gte, inArray, isNull, lte, notInArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import {
  substitutionAbsences,
  substitutionArrangements,
  substitutionCovers,
  substitutionKitas,
  substitutionPlayGroupChildren,
  substitutionPlayGroups,
  substitutionSettings,
  substitutionSubstitutes,
} from "./substitution.tables";

export type SettingsRow = typeof substitutionSettings.$inferSelect;
export type SubstituteRow = typeof substitutionSubstitutes.$inferSelect;
export type KitaRow = typeof substitutionKitas.$inferSelect;
export type KitaValues = Omit<typeof substitutionKitas.$inferInsert, "id" | "organisationId" | "createdAt">;
export type ArrangementRow = typeof substitutionArrangements.$inferSelect;
export type PlayGroupRow = typeof substitutionPlayGroups.$inferSelect;
export type AbsenceRow = typeof substitutionAbsences.$inferSelect;
export type AbsenceValues = typeof substitutionAbsences.$inferInsert;
export type CoverRow = typeof substitutionCovers.$inferSelect;
export type CoverValues = typeof substitutionCovers.$inferInsert;
export type CoverUpdate = Partial<
  Omit<CoverValues, "id" | "organisationId" | "absenceId" | "contractId" | "day">
>;

/** Without a row the defaults of the table apply. */
export const DEFAULT_SETTINGS = { familiarityVisits: 3, tandemsMayConfirm: false, maxDistanceKm: 15 };

// Settings ----------------------------------------------------------------------------------------------

export async function findSettings(db: Executor, organisationId: string) {
  const [row] = await db
    .select()
    .from(substitutionSettings)
    .where(eq(substitutionSettings.organisationId, organisationId));
  return row
    ? {
        familiarityVisits: row.familiarityVisits,
        tandemsMayConfirm: row.tandemsMayConfirm,
        maxDistanceKm: row.maxDistanceKm,
      }
    : { ...DEFAULT_SETTINGS };
}

export async function upsertSettings(
  tx: Executor,
  organisationId: string,
  values: typeof DEFAULT_SETTINGS,
  now: Date,
): Promise<void> {
  await tx
    .insert(substitutionSettings)
    .values({ organisationId, ...values, updatedAt: now })
    .onConflictDoUpdate({ target: substitutionSettings.organisationId, set: { ...values, updatedAt: now } });
}

// Employed substitutes ----------------------------------------------------------------------------------

export function listSubstitutes(db: Executor, organisationId: string): Promise<SubstituteRow[]> {
  return db
    .select()
    .from(substitutionSubstitutes)
    .where(eq(substitutionSubstitutes.organisationId, organisationId))
    .orderBy(asc(substitutionSubstitutes.createdAt), asc(substitutionSubstitutes.id));
}

export async function findSubstitute(db: Executor, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(substitutionSubstitutes)
    .where(
      and(eq(substitutionSubstitutes.organisationId, organisationId), eq(substitutionSubstitutes.id, id)),
    );
  return row ?? null;
}

export async function insertSubstitute(
  tx: Executor,
  values: typeof substitutionSubstitutes.$inferInsert,
): Promise<SubstituteRow> {
  const [row] = await tx.insert(substitutionSubstitutes).values(values).returning();
  return row as SubstituteRow;
}

export async function updateSubstitute(
  tx: Executor,
  id: string,
  values: { hoursPerMonth: number; note: string },
): Promise<SubstituteRow> {
  const [row] = await tx
    .update(substitutionSubstitutes)
    .set(values)
    .where(eq(substitutionSubstitutes.id, id))
    .returning();
  return row as SubstituteRow;
}

export async function deleteSubstitute(tx: Executor, id: string): Promise<void> {
  await tx.delete(substitutionSubstitutes).where(eq(substitutionSubstitutes.id, id));
}

// Kitas -------------------------------------------------------------------------------------------------

/** The Kitas in use; `withArchived` adds the archived ones, whose names past covers still show. */
export function listKitas(
  db: Executor,
  organisationId: string,
  options: { withArchived?: boolean } = {},
): Promise<KitaRow[]> {
  return db
    .select()
    .from(substitutionKitas)
    .where(
      and(
        eq(substitutionKitas.organisationId, organisationId),
        options.withArchived ? undefined : isNull(substitutionKitas.archivedAt),
      ),
    )
    .orderBy(asc(substitutionKitas.name), asc(substitutionKitas.id));
}

/** A Kita in use; an archived one is not found (it can be neither changed nor deleted again). */
export async function findKita(
  db: Executor,
  organisationId: string,
  id: string,
  forUpdate = false,
): Promise<KitaRow | null> {
  const query = db
    .select()
    .from(substitutionKitas)
    .where(
      and(
        eq(substitutionKitas.organisationId, organisationId),
        eq(substitutionKitas.id, id),
        isNull(substitutionKitas.archivedAt),
      ),
    );
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function archiveKita(tx: Executor, id: string, now: Date): Promise<void> {
  await tx
    .update(substitutionKitas)
    .set({ archivedAt: now, updatedAt: now })
    .where(eq(substitutionKitas.id, id));
}

/** Arrangements naming an archived Kita fall back to their other parts (or none). */
export async function clearArrangementKita(tx: Executor, organisationId: string, kitaId: string, now: Date) {
  await tx
    .update(substitutionArrangements)
    .set({ kitaId: null, updatedAt: now })
    .where(
      and(
        eq(substitutionArrangements.organisationId, organisationId),
        eq(substitutionArrangements.kitaId, kitaId),
      ),
    );
}

/** Names of Kitas by id, archived ones too: history (calendar, reports) keeps the place it had. */
export async function listKitaNames(
  db: Executor,
  organisationId: string,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: substitutionKitas.id, name: substitutionKitas.name })
    .from(substitutionKitas)
    .where(
      and(eq(substitutionKitas.organisationId, organisationId), inArray(substitutionKitas.id, [...ids])),
    );
}

export async function insertKita(tx: Executor, organisationId: string, values: KitaValues): Promise<KitaRow> {
  const [row] = await tx
    .insert(substitutionKitas)
    .values({ ...values, organisationId })
    .returning();
  return row as KitaRow;
}

export async function updateKita(tx: Executor, id: string, values: KitaValues): Promise<KitaRow> {
  const [row] = await tx
    .update(substitutionKitas)
    .set(values)
    .where(eq(substitutionKitas.id, id))
    .returning();
  return row as KitaRow;
}

// Arrangements ------------------------------------------------------------------------------------------

export function listArrangements(db: Executor, organisationId: string): Promise<ArrangementRow[]> {
  return db
    .select()
    .from(substitutionArrangements)
    .where(eq(substitutionArrangements.organisationId, organisationId));
}

export async function upsertArrangement(
  tx: Executor,
  organisationId: string,
  caregiverId: string,
  values: { tandemPartnerIds: string[]; substituteIds: string[]; kitaId: string | null; note: string },
  now: Date,
): Promise<void> {
  await tx
    .insert(substitutionArrangements)
    .values({ organisationId, caregiverId, ...values, updatedAt: now })
    .onConflictDoUpdate({
      target: [substitutionArrangements.organisationId, substitutionArrangements.caregiverId],
      set: { ...values, updatedAt: now },
    });
}

/** Sets only the tandem partners of a row, creating it with the defaults when she has none yet. */
export async function setTandemPartners(
  tx: Executor,
  organisationId: string,
  caregiverId: string,
  tandemPartnerIds: string[],
  now: Date,
): Promise<void> {
  await tx
    .insert(substitutionArrangements)
    .values({ organisationId, caregiverId, tandemPartnerIds, updatedAt: now })
    .onConflictDoUpdate({
      target: [substitutionArrangements.organisationId, substitutionArrangements.caregiverId],
      set: { tandemPartnerIds, updatedAt: now },
    });
}

// Play groups -------------------------------------------------------------------------------------------

export interface PlayGroupWithChildren extends PlayGroupRow {
  contractIds: string[];
}

export async function listPlayGroups(
  db: Executor,
  organisationId: string,
  id?: string,
): Promise<PlayGroupWithChildren[]> {
  const groups = await db
    .select()
    .from(substitutionPlayGroups)
    .where(
      and(
        eq(substitutionPlayGroups.organisationId, organisationId),
        id ? eq(substitutionPlayGroups.id, id) : undefined,
      ),
    )
    .orderBy(asc(substitutionPlayGroups.on), asc(substitutionPlayGroups.id));
  if (groups.length === 0) return [];
  const children = await db
    .select()
    .from(substitutionPlayGroupChildren)
    .where(
      inArray(
        substitutionPlayGroupChildren.playGroupId,
        groups.map((g) => g.id),
      ),
    );
  return groups.map((g) => ({
    ...g,
    contractIds: children.filter((c) => c.playGroupId === g.id).map((c) => c.contractId),
  }));
}

export async function insertPlayGroup(
  tx: Executor,
  values: typeof substitutionPlayGroups.$inferInsert,
): Promise<PlayGroupRow> {
  const [row] = await tx.insert(substitutionPlayGroups).values(values).returning();
  return row as PlayGroupRow;
}

export async function updatePlayGroup(
  tx: Executor,
  id: string,
  values: { hostCaregiverId: string; on: string; note: string },
): Promise<void> {
  await tx.update(substitutionPlayGroups).set(values).where(eq(substitutionPlayGroups.id, id));
}

export async function setPlayGroupChildren(tx: Executor, id: string, contractIds: string[]): Promise<void> {
  await tx.delete(substitutionPlayGroupChildren).where(eq(substitutionPlayGroupChildren.playGroupId, id));
  if (contractIds.length > 0)
    await tx
      .insert(substitutionPlayGroupChildren)
      .values(contractIds.map((contractId) => ({ playGroupId: id, contractId })));
}

export async function deletePlayGroup(tx: Executor, id: string): Promise<void> {
  await tx.delete(substitutionPlayGroups).where(eq(substitutionPlayGroups.id, id));
}

// Absences ----------------------------------------------------------------------------------------------

export async function listAbsences(
  db: Executor,
  organisationId: string,
  filter: {
    from?: string | undefined;
    to?: string | undefined;
    caregiverIds?: readonly string[] | undefined;
    activeOnly?: boolean;
  } = {},
): Promise<AbsenceRow[]> {
  if (filter.caregiverIds && filter.caregiverIds.length === 0) return [];
  return db
    .select()
    .from(substitutionAbsences)
    .where(
      and(
        eq(substitutionAbsences.organisationId, organisationId),
        filter.from ? gte(substitutionAbsences.endsOn, filter.from) : undefined,
        filter.to ? lte(substitutionAbsences.startsOn, filter.to) : undefined,
        filter.caregiverIds ? inArray(substitutionAbsences.caregiverId, [...filter.caregiverIds]) : undefined,
        filter.activeOnly ? eq(substitutionAbsences.status, "active") : undefined,
      ),
    )
    .orderBy(
      asc(substitutionAbsences.startsOn),
      asc(substitutionAbsences.createdAt),
      asc(substitutionAbsences.id),
    );
}

export async function findAbsence(
  db: Executor,
  organisationId: string,
  id: string,
  forUpdate = false,
): Promise<AbsenceRow | null> {
  const query = db
    .select()
    .from(substitutionAbsences)
    .where(and(eq(substitutionAbsences.organisationId, organisationId), eq(substitutionAbsences.id, id)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function insertAbsence(tx: Executor, values: AbsenceValues): Promise<AbsenceRow> {
  const [row] = await tx.insert(substitutionAbsences).values(values).returning();
  return row as AbsenceRow;
}

export async function cancelAbsence(tx: Executor, id: string, now: Date): Promise<void> {
  await tx
    .update(substitutionAbsences)
    .set({ status: "cancelled", updatedAt: now })
    .where(eq(substitutionAbsences.id, id));
}

// Covers ------------------------------------------------------------------------------------------------

export async function insertCovers(tx: Executor, values: CoverValues[]): Promise<CoverRow[]> {
  if (values.length === 0) return [];
  const rows: CoverRow[] = [];
  // In chunks: a long closing block of a big group gives thousands of rows, and bind parameters are limited.
  for (let i = 0; i < values.length; i += 500) {
    rows.push(
      ...(await tx
        .insert(substitutionCovers)
        .values(values.slice(i, i + 500))
        .returning()),
    );
  }
  return rows;
}

export async function updateCover(tx: Executor, id: string, values: CoverUpdate): Promise<CoverRow> {
  const [row] = await tx
    .update(substitutionCovers)
    .set(values)
    .where(eq(substitutionCovers.id, id))
    .returning();
  return row as CoverRow;
}

export async function findCover(
  db: Executor,
  organisationId: string,
  id: string,
  forUpdate = false,
): Promise<CoverRow | null> {
  const query = db
    .select()
    .from(substitutionCovers)
    .where(and(eq(substitutionCovers.organisationId, organisationId), eq(substitutionCovers.id, id)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function findCovers(db: Executor, organisationId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(substitutionCovers)
    .where(
      and(eq(substitutionCovers.organisationId, organisationId), inArray(substitutionCovers.id, [...ids])),
    )
    .orderBy(asc(substitutionCovers.day), asc(substitutionCovers.id));
}

export async function listCovers(
  db: Executor,
  organisationId: string,
  filter: {
    from?: string;
    to?: string;
    absenceIds?: readonly string[];
    contractIds?: readonly string[];
    coverCaregiverId?: string;
    kitaId?: string;
    statuses?: readonly CoverRow["status"][];
    excludeIds?: readonly string[];
  },
): Promise<CoverRow[]> {
  if (filter.absenceIds?.length === 0 || filter.contractIds?.length === 0) return [];
  return db
    .select()
    .from(substitutionCovers)
    .where(
      and(
        eq(substitutionCovers.organisationId, organisationId),
        filter.from ? gte(substitutionCovers.day, filter.from) : undefined,
        filter.to ? lte(substitutionCovers.day, filter.to) : undefined,
        filter.absenceIds ? inArray(substitutionCovers.absenceId, [...filter.absenceIds]) : undefined,
        filter.contractIds ? inArray(substitutionCovers.contractId, [...filter.contractIds]) : undefined,
        filter.coverCaregiverId
          ? eq(substitutionCovers.coverCaregiverId, filter.coverCaregiverId)
          : undefined,
        filter.kitaId ? eq(substitutionCovers.kitaId, filter.kitaId) : undefined,
        filter.statuses ? inArray(substitutionCovers.status, [...filter.statuses]) : undefined,
        filter.excludeIds && filter.excludeIds.length > 0
          ? notInArray(substitutionCovers.id, [...filter.excludeIds])
          : undefined,
      ),
    )
    .orderBy(asc(substitutionCovers.day), asc(substitutionCovers.id));
}

/** Covers that hold a place from `from` on: confirmed ones and the proposals of open child-days. */
export function listHoldingCovers(
  db: Executor,
  organisationId: string,
  from: string,
  excludeIds: readonly string[] = [],
): Promise<CoverRow[]> {
  return listCovers(db, organisationId, { from, statuses: ["proposed", "confirmed"], excludeIds });
}

/** Active absences of a person that share a day with the given dates (for the overlap check). */
export function listActiveAbsencesBetween(
  db: Executor,
  organisationId: string,
  caregiverId: string,
  startsOn: string,
  endsOn: string,
): Promise<AbsenceRow[]> {
  return db
    .select()
    .from(substitutionAbsences)
    .where(
      and(
        eq(substitutionAbsences.organisationId, organisationId),
        eq(substitutionAbsences.caregiverId, caregiverId),
        eq(substitutionAbsences.status, "active"),
        lte(substitutionAbsences.startsOn, endsOn),
        gte(substitutionAbsences.endsOn, startsOn),
      ),
    );
}
