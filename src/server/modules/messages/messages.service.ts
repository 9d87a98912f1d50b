import type { ServiceContext } from "../../platform/types";
import * as repo from "./messages.repository";

/** The latest 200 mails of the whole platform; without SMTP this is where mails end up. */
export async function listOutbox(ctx: ServiceContext) {
  const rows = await repo.listRecentMails(ctx.platform.db, 200);
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    to: row.to,
    subject: row.subject,
    text: row.text,
    status: row.status,
    lastError: row.lastError,
  }));
}
