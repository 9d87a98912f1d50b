import { type Algorithm, hash, verify } from "@node-rs/argon2";
import { Secret, TOTP } from "otpauth";
import type { Locale } from "../../../contracts/i18n";
import type { SessionList } from "../../../contracts/identity";
import { writeAudit } from "../../platform/audit/audit";
import { type Actor, SESSION_DAYS } from "../../platform/auth";
import { hashToken, randomToken } from "../../platform/crypto";
import type { Executor } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { composeMail } from "../../platform/mail/mailer";
import type { Platform, ServiceContext } from "../../platform/types";
import * as repo from "./identity.repository";

const PASSWORD_RESET_MINUTES = 60;
// A shared office or school network sends many people's sign-ins from one address: allow it more.
const FREE_FAILURES = { account: 4, client: 30 } as const;
const BASE_LOCK_SECONDS = 30;
const MAX_LOCK_SECONDS = 15 * 60;
// The library exports the algorithm as a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 };
// Verified when the e-mail is unknown, so that the answer takes as long as for a known one.
let dummyHash: Promise<string> | null = null;

/** Hashes a password with Argon2id (OWASP's minimum parameters). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

async function checkPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword("not-a-real-password");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
}

function totpFor(secret: string, email: string): TOTP {
  return new TOTP({
    issuer: "KTP-Netz",
    label: email,
    secret: Secret.fromBase32(secret),
    digits: 6,
    period: 30,
  });
}

/** Looks up the session behind a cookie value; extends it while it is used. */
export async function resolveSession(platform: Platform, token: string) {
  const id = hashToken(token);
  const now = platform.now();
  const row = await repo.findSessionWithUser(platform.db, id, now);
  if (!row) return null;
  // Writing on every request would make every read a write; a few minutes' precision is enough.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 5 * 60_000) {
    await repo.updateSession(platform.db, id, {
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    });
  }
  const actor: Actor = {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    isPlatformAdmin: row.user.isPlatformAdmin,
    hasMfa: row.user.totpEnabledAt !== null,
    sessionId: id,
    csrfToken: row.session.csrfToken,
  };
  return { actor, isMfaPending: row.session.isMfaPending };
}

/** Starts a session for a user and returns the cookie value and its CSRF token. */
export async function startSession(
  db: Executor,
  platform: Platform,
  userId: string,
  meta: { ip: string; userAgent: string | null; isMfaPending: boolean },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const now = platform.now();
  await repo.insertSession(db, {
    id: hashToken(token),
    userId,
    csrfToken,
    isMfaPending: meta.isMfaPending,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

async function assertNotThrottled(db: Executor, keys: string[], now: Date) {
  for (const key of keys) {
    const row = await repo.findThrottle(db, key);
    if (row?.lockedUntil && row.lockedUntil > now) {
      const seconds = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
      throw new AppError("rateLimited", 429, { seconds });
    }
  }
}

async function recordFailure(db: Executor, keys: string[], now: Date) {
  for (const key of keys) {
    const failures = await repo.incrementThrottle(db, key, now);
    const free = key.startsWith("ip:") ? FREE_FAILURES.client : FREE_FAILURES.account;
    if (failures > free) {
      // Each further failure doubles the wait: 30 s, 1 min, 2 min … up to 15 min.
      const seconds = Math.min(BASE_LOCK_SECONDS * 2 ** (failures - free - 1), MAX_LOCK_SECONDS);
      await repo.setThrottleLock(db, key, new Date(now.getTime() + seconds * 1000));
    }
  }
}

/**
 * Checks e-mail and password with growing back-off per address and per client. A user with two-factor
 * sign-in gets a session that only allows finishing the sign-in.
 */
export async function signIn(
  ctx: ServiceContext,
  input: { email: string; password: string },
  userAgent: string | null,
): Promise<{ token: string; csrfToken: string; status: "signedIn" | "mfaRequired" }> {
  const { db, now: clock } = ctx.platform;
  const now = clock();
  const keys = [`email:${input.email.toLowerCase()}`, `ip:${ctx.ip}`];
  await assertNotThrottled(db, keys, now);
  const user = await repo.findUserByEmail(db, input.email);
  const isValid = await checkPassword(user?.passwordHash ?? null, input.password);
  if (!user || !isValid) {
    await recordFailure(db, keys, now);
    throw new AppError("invalidCredentials", 401);
  }
  return db.transaction(async (tx) => {
    await repo.clearThrottle(tx, keys[0] as string);
    const isMfaPending = user.totpEnabledAt !== null;
    const session = await startSession(tx, ctx.platform, user.id, { ip: ctx.ip, userAgent, isMfaPending });
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      action: "identity.signIn",
      entityType: "user",
      entityId: user.id,
      ip: ctx.ip,
    });
    return { ...session, status: isMfaPending ? "mfaRequired" : "signedIn" };
  });
}

/** Finishes a two-factor sign-in with a TOTP code or a single-use recovery code. */
export async function completeMfa(ctx: ServiceContext, code: string): Promise<void> {
  const actor = requireActor(ctx);
  const { db, now: clock } = ctx.platform;
  const now = clock();
  const keys = [`mfa:${actor.userId}`];
  await assertNotThrottled(db, keys, now);
  const user = await repo.findUserById(db, actor.userId);
  if (!user?.totpSecret) throw new AppError("mfaInvalid", 400);
  const normalised = code.replaceAll(/\s|-/g, "");
  let isValid = false;
  if (/^\d{6}$/.test(normalised)) {
    const secret = ctx.platform.cipher.decrypt(user.totpSecret);
    isValid =
      totpFor(secret, user.email).validate({ token: normalised, window: 1, timestamp: now.getTime() }) !==
      null;
  } else {
    isValid = await repo.consumeRecoveryCode(db, user.id, hashToken(normalised.toLowerCase()), now);
  }
  if (!isValid) {
    await recordFailure(db, keys, now);
    throw new AppError("mfaInvalid", 400);
  }
  await db.transaction(async (tx) => {
    await repo.clearThrottle(tx, keys[0] as string);
    await repo.updateSession(tx, actor.sessionId, { isMfaPending: false });
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: user.id,
      action: "identity.mfaCompleted",
      entityType: "user",
      entityId: user.id,
      ip: ctx.ip,
    });
  });
}

export function requireActor(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new AppError("unauthenticated", 401);
  return ctx.actor;
}

export async function signOut(ctx: ServiceContext, everywhere: boolean): Promise<void> {
  const actor = requireActor(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    if (everywhere) await repo.deleteUserSessions(tx, actor.userId);
    else await repo.deleteSession(tx, actor.sessionId);
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: actor.userId,
      action: everywhere ? "identity.signOutEverywhere" : "identity.signOut",
      entityType: "user",
      entityId: actor.userId,
      ip: ctx.ip,
    });
  });
}

/**
 * Mails a single-use reset link valid for one hour. Answers the same whether or not the address is known,
 * so that nobody can probe which addresses have accounts.
 */
export async function requestPasswordReset(ctx: ServiceContext, email: string): Promise<void> {
  const { db, env, mailer, now: clock } = ctx.platform;
  const user = await repo.findUserByEmail(db, email);
  if (!user) return;
  const token = randomToken();
  const now = clock();
  await db.transaction(async (tx) => {
    await repo.insertToken(tx, {
      id: hashToken(token),
      purpose: "passwordReset",
      userId: user.id,
      email: user.email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_MINUTES * 60_000),
    });
    const link = `${env.PUBLIC_URL}/passwort-neu/${token}`;
    const mail = composeMail(user.locale as Locale, "passwordReset", { name: user.name, minutes: 60 }, link);
    await mailer.queue(tx, { to: user.email, ...mail });
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: null,
      action: "identity.passwordResetRequested",
      entityType: "user",
      entityId: user.id,
      ip: ctx.ip,
    });
  });
  mailer.kick();
}

/** Sets a new password from a reset link; every existing session of the account ends. */
export async function resetPassword(ctx: ServiceContext, token: string, password: string): Promise<void> {
  const { db, now } = ctx.platform;
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const row = await repo.consumeToken(tx, hashToken(token), "passwordReset", now());
    if (!row?.userId) throw new AppError("tokenInvalid", 400);
    await repo.updateUser(tx, row.userId, { passwordHash });
    await repo.deleteUserSessions(tx, row.userId);
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: row.userId,
      action: "identity.passwordReset",
      entityType: "user",
      entityId: row.userId,
      ip: ctx.ip,
    });
  });
}

export async function changePassword(ctx: ServiceContext, currentPassword: string, newPassword: string) {
  const actor = requireActor(ctx);
  const { db } = ctx.platform;
  const user = await repo.findUserById(db, actor.userId);
  if (!user || !(await checkPassword(user.passwordHash, currentPassword))) {
    throw new AppError("invalidCredentials", 400);
  }
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.userId, { passwordHash });
    // Other devices may be in someone else's hands: the password change signs them out.
    await repo.deleteUserSessions(tx, actor.userId, actor.sessionId);
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: actor.userId,
      action: "identity.passwordChanged",
      entityType: "user",
      entityId: actor.userId,
      ip: ctx.ip,
    });
  });
}

export async function updateProfile(
  ctx: ServiceContext,
  input: { name: string; phone: string | null; locale: "de" | "en" },
): Promise<void> {
  const actor = requireActor(ctx);
  await ctx.platform.db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.userId, input);
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: actor.userId,
      action: "identity.profileUpdated",
      entityType: "user",
      entityId: actor.userId,
      details: { fields: Object.keys(input) },
      ip: ctx.ip,
    });
  });
}

/** Creates a new TOTP secret (not yet active) and returns it for the authenticator app. */
export async function beginMfaSetup(ctx: ServiceContext): Promise<{ secret: string; otpauthUrl: string }> {
  const actor = requireActor(ctx);
  const secret = new Secret({ size: 20 }).base32;
  await repo.updateUser(ctx.platform.db, actor.userId, {
    totpSecret: ctx.platform.cipher.encrypt(secret),
    totpEnabledAt: null,
  });
  return { secret, otpauthUrl: totpFor(secret, actor.email).toString() };
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const raw = randomToken(8)
      .toLowerCase()
      .replaceAll(/[^a-z0-9]/g, "")
      .padEnd(10, "x")
      .slice(0, 10);
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
}

/** Activates two-factor sign-in once the first code is right; returns ten single-use recovery codes. */
export async function enableMfa(ctx: ServiceContext, code: string): Promise<string[]> {
  const actor = requireActor(ctx);
  const { db, now } = ctx.platform;
  const user = await repo.findUserById(db, actor.userId);
  if (!user?.totpSecret) throw new AppError("mfaInvalid", 400);
  const secret = ctx.platform.cipher.decrypt(user.totpSecret);
  if (totpFor(secret, user.email).validate({ token: code, window: 1, timestamp: now().getTime() }) === null) {
    throw new AppError("mfaInvalid", 400);
  }
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.userId, { totpEnabledAt: now() });
    await repo.replaceRecoveryCodes(
      tx,
      actor.userId,
      codes.map((c) => hashToken(c.replace("-", ""))),
    );
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: actor.userId,
      action: "identity.mfaEnabled",
      entityType: "user",
      entityId: actor.userId,
      ip: ctx.ip,
    });
  });
  return codes;
}

export async function disableMfa(ctx: ServiceContext, password: string): Promise<void> {
  const actor = requireActor(ctx);
  const { db } = ctx.platform;
  const user = await repo.findUserById(db, actor.userId);
  if (!user || !(await checkPassword(user.passwordHash, password)))
    throw new AppError("invalidCredentials", 400);
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.userId, { totpEnabledAt: null, totpSecret: null });
    await repo.replaceRecoveryCodes(tx, actor.userId, []);
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: actor.userId,
      action: "identity.mfaDisabled",
      entityType: "user",
      entityId: actor.userId,
      ip: ctx.ip,
    });
  });
}

/** The person's live sessions, newest use first, each named by a short id (never the stored hash). */
export async function listSessions(ctx: ServiceContext): Promise<SessionList> {
  const actor = requireActor(ctx);
  const rows = await repo.listUserSessions(ctx.platform.db, actor.userId, ctx.platform.now());
  return rows.map((row) => ({
    id: row.id.slice(0, repo.SESSION_PUBLIC_ID_LENGTH),
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    userAgent: row.userAgent,
    ip: row.ip,
    isCurrent: row.id === actor.sessionId,
  }));
}

/**
 * Ends one of the person's own sessions (a phone left behind, a shared computer). Another person's session
 * answers 404 like a missing one. Ending the current session is signing out; the caller clears the cookie.
 */
export async function endSession(ctx: ServiceContext, publicId: string): Promise<{ isCurrent: boolean }> {
  const actor = requireActor(ctx);
  const { db, now } = ctx.platform;
  return db.transaction(async (tx) => {
    const ended = await repo.deleteOwnSession(tx, actor.userId, publicId, now());
    if (!ended) throw new AppError("notFound", 404);
    const isCurrent = ended.id === actor.sessionId;
    await writeAudit(tx, {
      organisationId: null,
      actorUserId: actor.userId,
      action: isCurrent ? "identity.signOut" : "identity.sessionEnded",
      entityType: "user",
      entityId: actor.userId,
      details: { session: publicId, userAgent: ended.userAgent },
      ip: ctx.ip,
    });
    return { isCurrent };
  });
}

export {
  consumeToken,
  findToken,
  findUserByEmail,
  findUserById,
  findValidToken,
  insertToken,
  insertUser,
  updateUser,
} from "./identity.repository";
