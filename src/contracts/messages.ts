import { z } from "zod";

export const outboxEntry = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  status: z.enum(["pending", "sending", "sent", "stored", "failed"]),
  lastError: z.string().nullable(),
});
export const outboxResponse = z.array(outboxEntry);
