/**
 * What other modules may read and write of accounts and single-use links. They never import this module's
 * tables: the columns (password hash, TOTP secret …), token states and indexes stay this module's business.
 * The functions take an `Executor` so that callers run them inside their own transaction.
 */
import { and, desc, eq, gt, inArray, isNull, ne, or } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import { oneTimeTokens, users } from "./identity.tables";

/**
 * The people's names and contact data, as a relation for the caller's query: join it on `id`. A join keeps
 * a list that is ordered by name one statement, sorted by the database as before (not in JavaScript, whose
 * order of names differs from the database's collation). The database folds it into the join, so it costs
 * no more than joining the table itself; nothing else of the account can be reached through it.
 */
export function userContacts(db: Executor) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, phone: users.phone })
    .from(users)
    .as("user_contacts");
}

/** The names of the given accounts by id, in one query (unknown ids are left out). */
export async function findUserNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.name]));
}

/**
 * The language each account chose (German unless changed), for mails to people the caller knows by their
 * account, such as a caregiver whose record is linked to one.
 */
export async function findUserLocales(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, "de" | "en">> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.locale]));
}

/** Whom a mail goes to: the account's name and address, and the language she chose. */
export interface MailRecipient {
  id: string;
  name: string;
  email: string;
  locale: "de" | "en";
}

/** Names, addresses and languages of the given accounts in one query, for mails in each person's language. */
export async function findMailRecipients(db: Executor, ids: readonly string[]): Promise<MailRecipient[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
}

/** An invitation to an organisation: a single-use link whose payload names the roles it grants. */
export type InvitationRow = typeof oneTimeTokens.$inferSelect;

/**
 * The organisation's invitations, newest first. One that was resent is left out: its successor stands for
 * it in the list.
 */
export async function listInvitations(db: Executor, organisationId: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.organisationId, organisationId),
        eq(oneTimeTokens.purpose, "invitation"),
        or(isNull(oneTimeTokens.revokeReason), ne(oneTimeTokens.revokeReason, "replaced")),
      ),
    )
    .orderBy(desc(oneTimeTokens.createdAt))
    .limit(200);
}

export async function findInvitation(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<InvitationRow | null> {
  const [row] = await db
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.organisationId, organisationId),
        eq(oneTimeTokens.purpose, "invitation"),
        eq(oneTimeTokens.id, id),
      ),
    );
  return row ?? null;
}

/**
 * Takes an unused invitation back in one statement, so that of a withdrawal and a concurrent acceptance
 * exactly one wins. Withdrawing needs a link that still works; a resend may also replace an expired one.
 */
export async function revokeInvitation(
  db: Executor,
  organisationId: string,
  id: string,
  reason: "withdrawn" | "replaced",
  now: Date,
): Promise<InvitationRow | null> {
  const [row] = await db
    .update(oneTimeTokens)
    .set({ revokedAt: now, revokeReason: reason })
    .where(
      and(
        eq(oneTimeTokens.organisationId, organisationId),
        eq(oneTimeTokens.purpose, "invitation"),
        eq(oneTimeTokens.id, id),
        isNull(oneTimeTokens.usedAt),
        isNull(oneTimeTokens.revokedAt),
        ...(reason === "withdrawn" ? [gt(oneTimeTokens.expiresAt, now)] : []),
      ),
    )
    .returning();
  return row ?? null;
}
