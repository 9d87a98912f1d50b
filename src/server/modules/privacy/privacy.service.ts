import type { AuditQuery } from "../../../contracts/privacy";
import { formatCsv } from "../../platform/csv";
import { AppError } from "../../platform/errors";
import { i18n, translator } from "../../platform/i18n";
import type { ServiceContext } from "../../platform/types";
import * as repo from "./privacy.repository";

function organisationOf(ctx: ServiceContext) {
  if (!ctx.organisation) throw new AppError("notFound", 404);
  return ctx.organisation;
}

/** The organisation's audit trail, newest first, filtered. */
export async function listAudit(ctx: ServiceContext, query: AuditQuery) {
  const { items, total } = await repo.listAudit(ctx.platform.db, organisationOf(ctx).id, query);
  return {
    total,
    items: items.map(({ event, actorName }) => ({
      id: event.id,
      at: event.at.toISOString(),
      actorUserId: event.actorUserId,
      actorName,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      details: event.details,
      ip: event.ip,
    })),
  };
}

/**
 * The filtered audit trail as CSV (semicolons and a BOM, as German spreadsheet programs expect), in the
 * caller's language. The action code stays beside its label: the code is what a data-protection officer
 * searches for, the label what she reads.
 */
export async function exportAuditCsv(ctx: ServiceContext, query: AuditQuery): Promise<string> {
  const t = translator(ctx.locale);
  const label = (prefix: string, code: string) => {
    const key = `${prefix}.${code.replaceAll(".", "_")}`;
    return i18n.exists(key, { lng: ctx.locale }) ? t(key) : "";
  };
  const header = [
    "time",
    "person",
    "personId",
    "action",
    "actionLabel",
    "entityType",
    "record",
    "details",
    "ip",
  ].map((key) => t(`privacy.auditCsv.${key}`));
  const rows: string[][] = [];
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page = await listAudit(ctx, { ...query, limit: pageSize, offset });
    for (const item of page.items) {
      rows.push([
        item.at,
        item.actorName ?? "",
        item.actorUserId ?? "",
        item.action,
        label("privacy.actions", item.action),
        label("privacy.entityTypes", item.entityType) || item.entityType,
        item.entityId ?? "",
        JSON.stringify(item.details),
        item.ip ?? "",
      ]);
    }
    if (page.items.length < pageSize) break;
  }
  return formatCsv(header, rows);
}
