import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { outboxResponse } from "../../../contracts/messages";
import { contextOf } from "../../platform/authorize";
import { messagesPolicy as can } from "./messages.policy";
import * as service from "./messages.service";

export async function messagesRoutes(base: FastifyInstance) {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/admin/outbox",
    {
      schema: { tags: ["messages"], response: { 200: outboxResponse } },
      config: { permission: can.readOutbox },
    },
    async (request) => service.listOutbox(contextOf(request, app)),
  );
}
