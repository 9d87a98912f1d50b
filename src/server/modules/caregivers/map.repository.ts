import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import { isActiveMember } from "../organisations/organisations.queries";
import { mapEntries } from "./caregivers.tables";

export type MapEntryRow = typeof mapEntries.$inferSelect;
export type MapEntryValues = Pick<
  MapEntryRow,
  "displayName" | "postalCode" | "town" | "contactUrl" | "lat" | "lon"
>;

export async function findMapEntry(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<MapEntryRow | null> {
  const [row] = await db
    .select()
    .from(mapEntries)
    .where(and(eq(mapEntries.organisationId, organisationId), eq(mapEntries.userId, userId)));
  return row ?? null;
}

/** One entry per member and organisation (unique index); a second save replaces the first. */
export async function upsertMapEntry(
  db: Executor,
  organisationId: string,
  userId: string,
  values: MapEntryValues,
  now: Date,
): Promise<MapEntryRow> {
  const [row] = await db
    .insert(mapEntries)
    .values({ ...values, organisationId, userId, updatedAt: now })
    .onConflictDoUpdate({
      target: [mapEntries.organisationId, mapEntries.userId],
      set: { ...values, updatedAt: now },
    })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  return row;
}

export async function deleteMapEntry(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<string | null> {
  const [row] = await db
    .delete(mapEntries)
    .where(and(eq(mapEntries.organisationId, organisationId), eq(mapEntries.userId, userId)))
    .returning({ id: mapEntries.id });
  return row?.id ?? null;
}

/**
 * The public map's entries. Only current members count: someone who left the association disappears from
 * the map at once, even before anyone tidies up her entry.
 */
export async function listPublicMapEntries(db: Executor, organisationId: string) {
  return db
    .select({
      id: mapEntries.id,
      displayName: mapEntries.displayName,
      town: mapEntries.town,
      contactUrl: mapEntries.contactUrl,
      lat: mapEntries.lat,
      lon: mapEntries.lon,
    })
    .from(mapEntries)
    .where(
      and(
        eq(mapEntries.organisationId, organisationId),
        isActiveMember(mapEntries.organisationId, mapEntries.userId),
      ),
    )
    .orderBy(asc(mapEntries.displayName), asc(mapEntries.id));
}
