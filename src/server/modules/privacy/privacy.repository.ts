import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { AuditQuery } from "../../../contracts/privacy";
import { addDays } from "../../../core/shared/dates";
import { auditEvents } from "../../platform/audit/audit.tables";
import type { Executor } from "../../platform/db/client";
import { users } from "../identity/identity.tables";

function conditions(organisationId: string, query: AuditQuery): SQL[] {
  const where: SQL[] = [eq(auditEvents.organisationId, organisationId)];
  if (query.action) where.push(eq(auditEvents.action, query.action));
  if (query.entityType) where.push(eq(auditEvents.entityType, query.entityType));
  if (query.actorUserId) where.push(eq(auditEvents.actorUserId, query.actorUserId));
  // Dates are calendar days in Berlin; a day's entries run until the next midnight.
  if (query.from) where.push(gte(auditEvents.at, new Date(`${query.from}T00:00:00+01:00`)));
  if (query.to) where.push(lt(auditEvents.at, new Date(`${addDays(query.to, 1)}T00:00:00+01:00`)));
  return where;
}

export async function listAudit(db: Executor, organisationId: string, query: AuditQuery) {
  const where = and(...conditions(organisationId, query));
  const [items, [total]] = await Promise.all([
    db
      .select({ event: auditEvents, actorName: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorUserId))
      .where(where)
      .orderBy(desc(auditEvents.at))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
