import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import { substitutionCareNotes } from "./substitution.tables";

export type CareNotesRow = typeof substitutionCareNotes.$inferSelect;
export type CareNotesValues = Omit<
  typeof substitutionCareNotes.$inferInsert,
  "organisationId" | "contractId"
>;

export async function findCareNotes(
  db: Executor,
  organisationId: string,
  contractId: string,
): Promise<CareNotesRow | null> {
  const [row] = await db
    .select()
    .from(substitutionCareNotes)
    .where(
      and(
        eq(substitutionCareNotes.organisationId, organisationId),
        eq(substitutionCareNotes.contractId, contractId),
      ),
    );
  return row ?? null;
}

/** The care notes of these contracts, by contract id (contracts without notes are absent). */
export async function listCareNotes(
  db: Executor,
  organisationId: string,
  contractIds: readonly string[],
): Promise<Map<string, CareNotesRow>> {
  if (contractIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(substitutionCareNotes)
    .where(
      and(
        eq(substitutionCareNotes.organisationId, organisationId),
        inArray(substitutionCareNotes.contractId, [...new Set(contractIds)]),
      ),
    );
  return new Map(rows.map((row) => [row.contractId, row]));
}

export async function upsertCareNotes(
  db: Executor,
  organisationId: string,
  contractId: string,
  values: CareNotesValues,
): Promise<CareNotesRow> {
  const [row] = await db
    .insert(substitutionCareNotes)
    .values({ organisationId, contractId, ...values })
    .onConflictDoUpdate({ target: substitutionCareNotes.contractId, set: values })
    .returning();
  return row as CareNotesRow;
}

/** Deletes the notes; true when there were any. */
export async function deleteCareNotes(
  db: Executor,
  organisationId: string,
  contractId: string,
): Promise<boolean> {
  const rows = await db
    .delete(substitutionCareNotes)
    .where(
      and(
        eq(substitutionCareNotes.organisationId, organisationId),
        eq(substitutionCareNotes.contractId, contractId),
      ),
    )
    .returning({ contractId: substitutionCareNotes.contractId });
  return rows.length > 0;
}

/** Which contracts of which organisations have notes: the erasure job checks them against the contracts. */
export async function listCareNotesKeys(
  db: Executor,
): Promise<{ contractId: string; organisationId: string }[]> {
  return db
    .select({
      contractId: substitutionCareNotes.contractId,
      organisationId: substitutionCareNotes.organisationId,
    })
    .from(substitutionCareNotes);
}

export async function deleteCareNotesOf(
  db: Executor,
  organisationId: string,
  contractIds: readonly string[],
): Promise<number> {
  if (contractIds.length === 0) return 0;
  const rows = await db
    .delete(substitutionCareNotes)
    .where(
      and(
        eq(substitutionCareNotes.organisationId, organisationId),
        inArray(substitutionCareNotes.contractId, [...contractIds]),
      ),
    )
    .returning({ contractId: substitutionCareNotes.contractId });
  return rows.length;
}
