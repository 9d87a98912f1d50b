import { sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";

/** The first key of the advisory lock, so that it shares no number with locks of other modules. */
const COVER_PLACES_LOCK = 0x5654_0001;

/**
 * Serialises, per office, the transactions that hand out places at a covering person or Kita: reporting an
 * absence (its proposals), changing, confirming and proposing again. Each of them reads the places others
 * hold and then takes one; two at once on PostgreSQL would each miss the other's and could together put
 * six children with a day-care person licensed for five. Held until the transaction ends; taken as the
 * transaction's first statement, before any row lock, so that no two of them wait for each other.
 */
export async function lockCoverPlaces(tx: Executor, organisationId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${COVER_PLACES_LOCK}, hashtext(${organisationId}))`);
}
