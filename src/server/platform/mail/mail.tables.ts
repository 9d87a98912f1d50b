import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every mail goes through this outbox, written in the transaction that caused it: nothing is sent for a
 * change that rolled back, and without SMTP the platform admin can read the mails here.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    organisationId: uuid("organisation_id"),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    /** Where answers go when that is not the sender (the public contact form: the visitor). */
    replyTo: text("reply_to"),
    status: text("status", { enum: ["pending", "sending", "sent", "stored", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** When a server took the mail for sending; a claim older than five minutes is abandoned and retried. */
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("mail_outbox_status_idx").on(t.status, t.createdAt)],
);
