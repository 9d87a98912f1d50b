import { eq, inArray, sql } from "drizzle-orm";
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
  /** Answers go here instead of to the platform's sender address. */
  replyTo?: string | null;
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

  /**
   * Takes up to 20 pending mails in a short transaction and sends them outside it: SMTP can be slow, and on
   * PGlite an open transaction would hold up every other request. A claim that is never finished (crash)
   * expires after five minutes and the mail is sent again.
   */
  async function claimBatch() {
    const result = await options.db.execute(sql`
      update mail_outbox set status = 'sending', claimed_at = now()
      where id in (
        select id from mail_outbox
        where status = 'pending' or (status = 'sending' and claimed_at < now() - interval '5 minutes')
        order by created_at
        limit 20
        for update skip locked
      )
      returning id, "to", subject, text, html, reply_to`);
    return (
      result as unknown as {
        rows: {
          id: string;
          to: string;
          subject: string;
          text: string;
          html: string | null;
          reply_to: string | null;
        }[];
      }
    ).rows;
  }

  async function deliverBatch(): Promise<number> {
    let delivered = 0;
    for (;;) {
      if (!transport) {
        await options.db
          .update(mailOutbox)
          .set({ status: "stored" })
          .where(inArray(mailOutbox.status, ["pending", "sending"]));
        return delivered;
      }
      const batch = await claimBatch();
      for (const row of batch) {
        try {
          await transport.sendMail({
            from: options.from,
            to: row.to,
            subject: row.subject,
            text: row.text,
            ...(row.html ? { html: row.html } : {}),
            ...(row.reply_to ? { replyTo: row.reply_to } : {}),
          });
          await options.db
            .update(mailOutbox)
            .set({ status: "sent", sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1` })
            .where(eq(mailOutbox.id, row.id));
          delivered++;
        } catch (error) {
          const message = (error as Error).message;
          options.log.warn({ mailId: row.id, error: message }, "mail delivery failed");
          await options.db
            .update(mailOutbox)
            .set({
              attempts: sql`${mailOutbox.attempts} + 1`,
              lastError: message,
              status: sql`case when ${mailOutbox.attempts} + 1 >= ${MAX_ATTEMPTS} then 'failed' else 'pending' end`,
            })
            .where(eq(mailOutbox.id, row.id));
        }
      }
      if (batch.length < 20) return delivered;
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
        replyTo: mail.replyTo ?? null,
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
