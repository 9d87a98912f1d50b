import { z } from "zod";

export const auditQuery = z.object({
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(60).optional(),
  actorUserId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEntry = z.object({
  id: z.uuid(),
  at: z.string(),
  actorUserId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export const auditListResponse = z.object({ items: z.array(auditEntry), total: z.number().int() });
