import { desc } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import { mailOutbox } from "../../platform/mail/mail.tables";

export async function listRecentMails(db: Executor, limit: number) {
  return db.select().from(mailOutbox).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}
