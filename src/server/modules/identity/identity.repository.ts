import { and, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import { loginThrottles, oneTimeTokens, recoveryCodes, sessions, users } from "./identity.tables";

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Executor, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  return row ?? null;
}

export async function findUserById(db: Executor, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function insertUser(
  db: Executor,
  values: {
    email: string;
    name: string;
    passwordHash: string | null;
    locale?: "de" | "en";
    phone?: string | null;
  },
): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function updateUser(db: Executor, id: string, values: Partial<typeof users.$inferInsert>) {
  await db
    .update(users)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(users.id, id));
}

function prepareSessionQuery(db: Executor) {
  return db
    .select({
      session: {
        csrfToken: sessions.csrfToken,
        isMfaPending: sessions.isMfaPending,
        lastSeenAt: sessions.lastSeenAt,
      },
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        isPlatformAdmin: users.isPlatformAdmin,
        totpEnabledAt: users.totpEnabledAt,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sql.placeholder("id")), gt(sessions.expiresAt, sql.placeholder("now"))))
    .prepare("session_with_user");
}
const sessionQueries = new WeakMap<Executor, ReturnType<typeof prepareSessionQuery>>();

/**
 * The live session and the few user fields every request needs (never the password hash or TOTP secret).
 * Runs on every signed-in request, so the statement is prepared once per database.
 */
export async function findSessionWithUser(db: Executor, sessionId: string, now: Date) {
  let query = sessionQueries.get(db);
  if (!query) {
    query = prepareSessionQuery(db);
    sessionQueries.set(db, query);
  }
  const [row] = await query.execute({ id: sessionId, now });
  return row ?? null;
}

export async function insertSession(db: Executor, values: typeof sessions.$inferInsert) {
  await db.insert(sessions).values(values);
}

export async function updateSession(db: Executor, id: string, values: Partial<typeof sessions.$inferInsert>) {
  await db.update(sessions).set(values).where(eq(sessions.id, id));
}

export async function deleteSession(db: Executor, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteUserSessions(db: Executor, userId: string, exceptSessionId?: string) {
  await db
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId))
        : eq(sessions.userId, userId),
    );
}

/** The length of the id prefix the session list shows; the full hash never leaves the server. */
export const SESSION_PUBLIC_ID_LENGTH = 12;

/**
 * Ends one of the user's own sessions, named by the short id the session list shows; returns the full id,
 * or null when the user has no such session (someone else's session is never touched).
 */
export async function deleteOwnSession(db: Executor, userId: string, publicId: string, now: Date) {
  const [row] = await db
    .delete(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        sql`left(${sessions.id}, ${sql.raw(String(SESSION_PUBLIC_ID_LENGTH))}) = ${publicId}`,
        gt(sessions.expiresAt, now),
      ),
    )
    .returning({ id: sessions.id, userAgent: sessions.userAgent });
  return row ?? null;
}

export async function listUserSessions(db: Executor, userId: string, now: Date) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(sql`${sessions.lastSeenAt} desc`);
}

export async function findThrottle(db: Executor, key: string) {
  const [row] = await db.select().from(loginThrottles).where(eq(loginThrottles.key, key));
  return row ?? null;
}

/** Counts one failure atomically (concurrent attempts must not lose counts) and returns the new count. */
export async function incrementThrottle(db: Executor, key: string, now: Date): Promise<number> {
  const [row] = await db
    .insert(loginThrottles)
    .values({ key, failures: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: loginThrottles.key,
      set: { failures: sql`${loginThrottles.failures} + 1`, updatedAt: now },
    })
    .returning({ failures: loginThrottles.failures });
  return row?.failures ?? 1;
}

export async function setThrottleLock(db: Executor, key: string, lockedUntil: Date) {
  await db.update(loginThrottles).set({ lockedUntil }).where(eq(loginThrottles.key, key));
}

export async function clearThrottle(db: Executor, key: string) {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
}

export async function insertToken(db: Executor, values: typeof oneTimeTokens.$inferInsert) {
  await db.insert(oneTimeTokens).values(values);
}

/**
 * Marks a token used and returns it, in one statement: of two concurrent uses exactly one wins.
 */
export async function consumeToken(
  db: Executor,
  id: string,
  purpose: "passwordReset" | "invitation",
  now: Date,
) {
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(oneTimeTokens.id, id),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        isNull(oneTimeTokens.revokedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findValidToken(
  db: Executor,
  id: string,
  purpose: "passwordReset" | "invitation",
  now: Date,
) {
  const [row] = await db
    .select()
    .from(oneTimeTokens)
    .where(
      and(
        eq(oneTimeTokens.id, id),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        isNull(oneTimeTokens.revokedAt),
        gt(oneTimeTokens.expiresAt, now),
      ),
    );
  return row ?? null;
}

/** A token whatever its state, to tell a person why a link no longer works. */
export async function findToken(db: Executor, id: string, purpose: "passwordReset" | "invitation") {
  const [row] = await db
    .select()
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.id, id), eq(oneTimeTokens.purpose, purpose)));
  return row ?? null;
}

export async function replaceRecoveryCodes(db: Executor, userId: string, codeHashes: string[]) {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length > 0) {
    await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
  }
}

export async function consumeRecoveryCode(
  db: Executor,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}
