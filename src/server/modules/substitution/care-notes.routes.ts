import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { okResponse, orgParams, uuidSchema } from "../../../contracts/common";
import { careNotesInput, careNotesList, careNotesState } from "../../../contracts/substitution";
import { contextOf } from "../../platform/authorize";
import * as careNotes from "./care-notes.service";
import { substitutionPolicy as can } from "./substitution.policy";

const contractParams = orgParams.extend({ contractId: uuidSchema });

/**
 * Care notes on the contract (see contracts/substitution.ts): the parents keep their own children's, the
 * office those of families without an account.
 */
export async function careNotesRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ["substitution"];
  const root = "/api/orgs/:orgSlug/substitution";
  const ctx = (request: Parameters<typeof contextOf>[0]) => contextOf(request, app);

  // Parents ------------------------------------------------------------------------------------------
  app.get(
    `${root}/family/care-notes`,
    {
      schema: { tags, params: orgParams, response: { 200: careNotesList } },
      config: { permission: can.family },
    },
    async (request) => careNotes.listFamilyCareNotes(ctx(request)),
  );
  for (const [prefix, as, permission] of [
    ["family/contracts", "parent", can.family],
    ["contracts", "office", can.manage],
  ] as const) {
    const path = `${root}/${prefix}/:contractId/care-notes`;
    app.get(
      path,
      { schema: { tags, params: contractParams, response: { 200: careNotesState } }, config: { permission } },
      async (request) => careNotes.getCareNotes(ctx(request), request.params.contractId, as),
    );
    app.put(
      path,
      {
        schema: { tags, params: contractParams, body: careNotesInput, response: { 200: careNotesState } },
        config: { permission },
      },
      async (request) => careNotes.saveCareNotes(ctx(request), request.params.contractId, request.body, as),
    );
    app.delete(
      path,
      { schema: { tags, params: contractParams, response: { 200: okResponse } }, config: { permission } },
      async (request) => careNotes.withdrawCareNotes(ctx(request), request.params.contractId, as),
    );
  }
}
