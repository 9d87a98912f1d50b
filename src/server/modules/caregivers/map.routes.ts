import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  mapEntryInput,
  mapTilesResponse,
  myMapEntry,
  publicMapResponse,
} from "../../../contracts/caregivers";
import { okResponse, orgParams } from "../../../contracts/common";
import { contextOf } from "../../platform/authorize";
import { caregiversPolicy as can } from "./caregivers.policy";
import * as service from "./map.service";

/** The association's opt-in members' map (the member's own entry and the public map) and the tile source. */
export async function mapRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["map"];

  app.get(
    "/api/orgs/:orgSlug/map/me",
    {
      schema: { tags, params: orgParams, response: { 200: myMapEntry } },
      config: { permission: can.manageOwnMapEntry },
    },
    async (request) => service.getMyMapEntry(contextOf(request, app)),
  );

  app.put(
    "/api/orgs/:orgSlug/map/me",
    {
      schema: { tags, params: orgParams, body: mapEntryInput, response: { 200: myMapEntry } },
      config: { permission: can.manageOwnMapEntry },
    },
    async (request) => service.saveMyMapEntry(contextOf(request, app), request.body),
  );

  app.delete(
    "/api/orgs/:orgSlug/map/me",
    {
      schema: { tags, params: orgParams, response: { 200: okResponse } },
      config: { permission: can.manageOwnMapEntry },
    },
    async (request) => {
      await service.deleteMyMapEntry(contextOf(request, app));
      return { ok: true as const };
    },
  );

  app.get(
    "/api/public/orgs/:orgSlug/map",
    {
      schema: { tags, params: orgParams, response: { 200: publicMapResponse } },
      config: { permission: can.readPublicMap },
    },
    async (request) => service.getPublicMap(contextOf(request, app)),
  );

  app.get(
    "/api/map-tiles",
    {
      schema: { tags, response: { 200: mapTilesResponse } },
      config: { permission: can.readMapTiles },
    },
    async () => service.getMapTiles(app.platform),
  );
}
