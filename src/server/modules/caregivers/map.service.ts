import type { z } from "zod";
import type {
  mapEntryInput,
  mapTilesResponse,
  myMapEntry,
  publicMapResponse,
} from "../../../contracts/caregivers";
import { fuzzPoint, roundCoordinate } from "../../../core/geo/geo";
import { writeAudit } from "../../platform/audit/audit";
import type { Actor, OrganisationScope } from "../../platform/auth";
import { keyedUnitValues } from "../../platform/crypto";
import { AppError, fieldError, notFound } from "../../platform/errors";
import { GEO_ATTRIBUTION, geocodeAddress } from "../../platform/geo/postal-codes";
import type { Platform, ServiceContext } from "../../platform/types";
import * as repo from "./map.repository";

type MapEntryInput = z.infer<typeof mapEntryInput>;
type MyMapEntry = z.infer<typeof myMapEntry>;

// About a metre: finer digits would only pretend a precision the fuzzed point does not have.
const COORDINATE_DECIMALS = 5;

function scopeOf(ctx: ServiceContext): { org: OrganisationScope; actor: Actor } {
  if (!ctx.organisation) throw notFound();
  if (!ctx.actor) throw new AppError("unauthenticated", 401);
  return { org: ctx.organisation, actor: ctx.actor };
}

function present(row: repo.MapEntryRow): NonNullable<MyMapEntry> {
  return {
    displayName: row.displayName,
    postalCode: row.postalCode,
    town: row.town,
    contactUrl: row.contactUrl,
    lat: row.lat,
    lon: row.lon,
  };
}

/** The member's own map entry, or null when she has not opted in. */
export async function getMyMapEntry(ctx: ServiceContext): Promise<MyMapEntry> {
  const { org, actor } = scopeOf(ctx);
  const row = await repo.findMapEntry(ctx.platform.db, org.id, actor.userId);
  return row ? present(row) : null;
}

/**
 * Opts in or updates the entry. The point is the postal code's centre moved 300–900 m in a direction and
 * distance derived from a secret and the member: the same every time (so repeated saves cannot be averaged
 * back to the centre), different per member, and never her address, which is neither asked for nor stored.
 */
export async function saveMyMapEntry(
  ctx: ServiceContext,
  input: MapEntryInput,
): Promise<NonNullable<MyMapEntry>> {
  const { org, actor } = scopeOf(ctx);
  const centre = geocodeAddress({ postalCode: input.postalCode, town: null });
  if (!centre) throw fieldError("postalCode", "postalCodeUnknown");
  const [u1 = 0, u2 = 0] = keyedUnitValues(ctx.platform.env.SECRET_KEY, `map:${org.id}:${actor.userId}`, 2);
  const point = fuzzPoint(centre, u1, u2);
  const row = await ctx.platform.db.transaction(async (tx) => {
    const saved = await repo.upsertMapEntry(
      tx,
      org.id,
      actor.userId,
      {
        displayName: input.displayName,
        postalCode: input.postalCode,
        town: input.town,
        contactUrl: input.contactUrl || null,
        lat: roundCoordinate(point.lat, COORDINATE_DECIMALS),
        lon: roundCoordinate(point.lon, COORDINATE_DECIMALS),
      },
      ctx.platform.now(),
    );
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "caregivers.mapEntrySaved",
      entityType: "mapEntry",
      entityId: saved.id,
      ip: ctx.ip,
    });
    return saved;
  });
  return present(row);
}

/** Opts out: the entry is deleted at once, not hidden. */
export async function deleteMyMapEntry(ctx: ServiceContext): Promise<void> {
  const { org, actor } = scopeOf(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    const id = await repo.deleteMapEntry(tx, org.id, actor.userId);
    if (!id) return;
    await writeAudit(tx, {
      organisationId: org.id,
      actorUserId: actor.userId,
      action: "caregivers.mapEntryDeleted",
      entityType: "mapEntry",
      entityId: id,
      ip: ctx.ip,
    });
  });
}

/**
 * The association's public map: pseudonyms at fuzzed points, with the tile and data attributions the
 * licences require. Other kinds of organisation have no map; free places are never shown.
 */
export async function getPublicMap(ctx: ServiceContext): Promise<z.infer<typeof publicMapResponse>> {
  const org = ctx.organisation;
  if (org?.kind !== "association") throw notFound();
  return {
    entries: await repo.listPublicMapEntries(ctx.platform.db, org.id),
    ...getMapTiles(ctx.platform),
  };
}

/** The configured tile server with its attribution, and the postal-code data's attribution. */
export function getMapTiles(platform: Platform): z.infer<typeof mapTilesResponse> {
  return {
    tileUrl: platform.env.MAP_TILE_URL,
    tileAttribution: platform.env.MAP_TILE_ATTRIBUTION,
    dataAttribution: GEO_ATTRIBUTION,
  };
}
