import { and, eq, getTableColumns, gt, isNull, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { hashToken, randomToken } from "./crypto";
import type { Executor } from "./db/client";
import { AppError } from "./errors";

/**
 * Single-use links mailed to people without an account (guest bookings, guest registrations, membership
 * applications, placement requests; ADR 0013). Each module keeps its own table, because the link is one
 * column set of a row that means something different in each; this file owns what is the same: the token,
 * its hash, the expiry, the outcome of presenting it and the one-time use.
 */

/** Where a module keeps its links: its table and the columns that play each part. */
export interface GuestLinkSpec<T extends PgTable> {
  table: T;
  /** SHA-256 of the token; the token itself is only in the mail. */
  tokenHash: PgColumn;
  expiresAt: PgColumn;
  /** Null until the link is used; set by the one conditional update that uses it. */
  usedAt: PgColumn;
  organisationId: PgColumn;
  /** The address the link was mailed to (for the cap of open links per address). */
  email: PgColumn;
  /** When a link issued now stops working. */
  expiry: (issuedAt: Date) => Date;
  /** The organisation's address part, so that a page about a used or expired link can lead back. */
  organisationSlug: (db: Executor, organisationId: string) => Promise<string | null>;
}

/** Open links one address may have in one scope; more requests are dropped without a word (no mail bombing). */
export const MAX_OPEN_LINKS_PER_ADDRESS = 3;

export interface IssuedGuestLink {
  /** Goes into the mail only. */
  token: string;
  tokenHash: string;
  expiresAt: Date;
}

export type GuestLinkOutcome<Row> =
  | { kind: "valid"; row: Row }
  | { kind: "used" | "expired"; organisationSlug: string }
  | { kind: "unknown" };

type RowOf<T extends PgTable> = T["$inferSelect"];

export interface GuestLinks<T extends PgTable> {
  issue(now: Date): IssuedGuestLink;
  /** What a presented token stands for, without using it (a page that asks before it confirms). */
  resolve(db: Executor, token: string, now: Date): Promise<GuestLinkOutcome<RowOf<T>>>;
  /**
   * Uses the link once: one UPDATE … WHERE used_at IS NULL AND expires_at > now, so of two clicks at the same
   * moment exactly one gets the row (the other waits for the row lock and then finds it used). `set` adds
   * the module's own changes to the same statement. A link that cannot be used throws its outcome's error.
   */
  consume(db: Executor, token: string, now: Date, set?: Partial<T["$inferInsert"]>): Promise<RowOf<T>>;
  /** Whether the address may get one more link in `scope` (e.g. the same course). */
  hasRoomFor(db: Executor, scope: SQL | undefined, email: string, now: Date): Promise<boolean>;
}

/** The error for a link that cannot be used; used and expired ones name the organisation. */
export function guestLinkError(outcome: Exclude<GuestLinkOutcome<unknown>, { kind: "valid" }>): AppError {
  switch (outcome.kind) {
    case "used":
      return new AppError("guestLinkUsed", 409, { organisationSlug: outcome.organisationSlug });
    case "expired":
      return new AppError("guestLinkExpired", 410, { organisationSlug: outcome.organisationSlug });
    case "unknown":
      return new AppError("tokenInvalid", 404);
  }
}

/** Drizzle sets values by property name; the spec names columns, so look the name up once. */
function propertyOf(table: PgTable, column: PgColumn): string {
  const entry = Object.entries(getTableColumns(table)).find(([, c]) => c === column);
  if (!entry) throw new Error(`column ${column.name} is not in the guest link table`);
  return entry[0];
}

export function guestLinks<T extends PgTable>(spec: GuestLinkSpec<T>): GuestLinks<T> {
  const usedAtProperty = propertyOf(spec.table, spec.usedAt);

  async function resolve(executor: Executor, token: string, now: Date): Promise<GuestLinkOutcome<RowOf<T>>> {
    const rows = (await executor
      .select()
      .from(spec.table as never)
      .where(eq(spec.tokenHash, hashToken(token)))) as Record<string, unknown>[];
    const row = rows[0];
    if (!row) return { kind: "unknown" };
    const organisationId = row[propertyOf(spec.table, spec.organisationId)] as string;
    const usedAt = row[usedAtProperty] as Date | null;
    const expiresAt = row[propertyOf(spec.table, spec.expiresAt)] as Date | null;
    const isExpired = !expiresAt || expiresAt.getTime() <= now.getTime();
    if (!usedAt && !isExpired) return { kind: "valid", row: row as RowOf<T> };
    const organisationSlug = await spec.organisationSlug(executor, organisationId);
    if (!organisationSlug) return { kind: "unknown" };
    return { kind: usedAt ? "used" : "expired", organisationSlug };
  }

  return {
    issue(now) {
      const token = randomToken();
      return { token, tokenHash: hashToken(token), expiresAt: spec.expiry(now) };
    },
    resolve,
    async consume(executor, token, now, set = {}) {
      const rows = (await executor
        .update(spec.table)
        .set({ ...set, [usedAtProperty]: now } as never)
        .where(and(eq(spec.tokenHash, hashToken(token)), isNull(spec.usedAt), gt(spec.expiresAt, now)))
        .returning()) as RowOf<T>[];
      const [row] = rows;
      if (row) return row;
      const outcome = await resolve(executor, token, now);
      // Valid here would mean the update missed a usable row; treat it as unknown rather than use it twice.
      throw guestLinkError(outcome.kind === "valid" ? { kind: "unknown" } : outcome);
    },
    async hasRoomFor(executor, scope, email, now) {
      const rows: { n: number }[] = await executor
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(spec.table as never)
        .where(
          and(
            scope,
            sql`lower(${spec.email}) = lower(${email})`,
            isNull(spec.usedAt),
            gt(spec.expiresAt, now),
          ),
        );
      return (rows[0]?.n ?? 0) < MAX_OPEN_LINKS_PER_ADDRESS;
    },
  };
}
