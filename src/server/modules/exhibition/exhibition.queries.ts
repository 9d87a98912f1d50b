/**
 * What other modules may read of the exhibitions: whether the site menu offers one. Only published
 * exhibitions with a published photo count; the consents are checked when the page itself is read, and the
 * hourly job switches off photos whose consent ended, so the menu is at most an hour behind.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import { exhibitionPhotos, exhibitions } from "./exhibition.tables";

export async function hasExhibitionOnShow(db: Executor, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(exhibitions)
    .innerJoin(exhibitionPhotos, eq(exhibitionPhotos.exhibitionId, exhibitions.id))
    .where(
      and(
        eq(exhibitions.organisationId, organisationId),
        eq(exhibitions.isPublished, true),
        eq(exhibitionPhotos.isPublished, true),
      ),
    )
    .limit(1);
  return row !== undefined;
}
