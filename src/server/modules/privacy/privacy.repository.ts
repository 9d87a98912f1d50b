import { and, count, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import type { AuditQuery } from "../../../contracts/privacy";
import { addDays } from "../../../core/shared/dates";
import { auditEvents } from "../../platform/audit/audit.tables";
import type { Executor } from "../../platform/db/client";
import { findUserNames } from "../identity/identity.queries";

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
  const [events, [total]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.at))
      .limit(query.limit)
      .offset(query.offset),
    db.select({ n: count() }).from(auditEvents).where(where),
  ]);
  // The actors' names in one more query for the whole page. An entry without an actor (a job) or whose
  // account is gone keeps its place, with no name.
  const actorIds = events.flatMap((event) => (event.actorUserId ? [event.actorUserId] : []));
  const names = await findUserNames(db, actorIds);
  const items = events.map((event) => ({
    event,
    actorName: event.actorUserId ? (names.get(event.actorUserId) ?? null) : null,
  }));
  return { items, total: total?.n ?? 0 };
}
