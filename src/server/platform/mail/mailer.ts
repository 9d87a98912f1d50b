import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import nodemailer, { type Transporter } from "nodemailer";
import type { Locale } from "../../../contracts/i18n";
import type { Database, Executor } from "../db/client";
import { translator } from "../i18n";
import { mailOutbox } from "./mail.tables";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  organisationId?: string | null;
}

export interface Mailer {
  /** Puts a mail into the outbox inside the caller's transaction. */
  queue(tx: Executor, mail: OutgoingMail): Promise<void>;
  /** Sends what is pending; safe to call from several servers at once. */
  flush(): Promise<number>;
  /** Schedules a flush soon, without waiting (after a transaction has committed). */
  kick(): void;
  close(): void;
}

const MAX_ATTEMPTS = 5;

export function createMailer(options: {
  db: Database;
  smtpUrl?: string | undefined;
  from: string;
  log: FastifyBaseLogger;
}): Mailer {
  const transport: Transporter | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  let running: Promise<number> | null = null;
  let again = false;

  async function deliverBatch(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const batch = await options.db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(mailOutbox)
          .where(and(eq(mailOutbox.status, "pending")))
          .orderBy(asc(mailOutbox.createdAt))
          .limit(20)
          .for("update", { skipLocked: true });
        if (!transport) {
          if (rows.length > 0) {
            await tx
              .update(mailOutbox)
              .set({ status: "stored" })
              .where(
                inArray(
                  mailOutbox.id,
                  rows.map((r) => r.id),
                ),
              );
          }
          return [];
        }
        const sent: { id: string; error: string | null }[] = [];
        for (const row of rows) {
          try {
            await transport.sendMail({
              from: options.from,
              to: row.to,
              subject: row.subject,
              text: row.text,
              ...(row.html ? { html: row.html } : {}),
            });
            sent.push({ id: row.id, error: null });
          } catch (error) {
            sent.push({ id: row.id, error: (error as Error).message });
          }
        }
        for (const result of sent) {
          if (result.error === null) {
            await tx
              .update(mailOutbox)
              .set({ status: "sent", sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1` })
              .where(eq(mailOutbox.id, result.id));
          } else {
            options.log.warn({ mailId: result.id, error: result.error }, "mail delivery failed");
            await tx
              .update(mailOutbox)
              .set({
                attempts: sql`${mailOutbox.attempts} + 1`,
                lastError: result.error,
                status: sql`case when ${mailOutbox.attempts} + 1 >= ${MAX_ATTEMPTS} then 'failed' else 'pending' end`,
              })
              .where(eq(mailOutbox.id, result.id));
          }
        }
        return sent;
      });
      delivered += batch.filter((b) => b.error === null).length;
      if (batch.length < 20 || batch.every((b) => b.error !== null)) return delivered;
    }
  }

  async function flush(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let total = 0;
      do {
        again = false;
        total += await deliverBatch();
      } while (again);
      return total;
    })();
    try {
      return await running;
    } finally {
      running = null;
    }
  }

  return {
    async queue(tx, mail) {
      await tx.insert(mailOutbox).values({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? null,
        organisationId: mail.organisationId ?? null,
      });
    },
    flush,
    kick() {
      setImmediate(() => {
        flush().catch((error) => options.log.error({ err: error }, "mail flush failed"));
      });
    },
    close() {
      transport?.close();
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Builds a plain mail from translated texts: `mail.<key>.subject`, `.greeting`, `.body` and `.action`,
 * with the link on a line of its own so that every mail client makes it clickable.
 */
export function composeMail(
  locale: Locale,
  key: string,
  params: Record<string, string | number>,
  link?: string,
): { subject: string; text: string; html: string } {
  const t = translator(locale);
  const subject = t(`mail.${key}.subject`, params);
  const paragraphs = [t("mail.greeting", params), ...t(`mail.${key}.body`, params).split("\n\n")];
  const action = link ? t(`mail.${key}.action`, params) : null;
  const footer = t("mail.footer");
  const text = [...paragraphs, ...(link ? [`${action}:\n${link}`] : []), `--\n${footer}`].join("\n\n");
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link)}">${escapeHtml(action ?? link)}</a></p>`] : []),
    `<p style="color:#666">${escapeHtml(footer)}</p>`,
  ].join("\n");
  return { subject, text, html };
}
