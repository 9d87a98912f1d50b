import type { AuditQuery } from "../../../contracts/privacy";
import { AppError } from "../../platform/errors";
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

function csvCell(value: string): string {
  // Cells starting with = + - @ would run as formulas in spreadsheet programs.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The filtered audit trail as CSV (semicolons and a BOM, as German spreadsheet programs expect). */
export async function exportAuditCsv(ctx: ServiceContext, query: AuditQuery): Promise<string> {
  const header = ["Zeitpunkt", "Person", "Personen-ID", "Aktion", "Art", "Datensatz", "Details", "IP"];
  const lines = [header.join(";")];
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page = await listAudit(ctx, { ...query, limit: pageSize, offset });
    for (const item of page.items) {
      lines.push(
        [
          item.at,
          item.actorName ?? "",
          item.actorUserId ?? "",
          item.action,
          item.entityType,
          item.entityId ?? "",
          JSON.stringify(item.details),
          item.ip ?? "",
        ]
          .map(csvCell)
          .join(";"),
      );
    }
    if (page.items.length < pageSize) break;
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
