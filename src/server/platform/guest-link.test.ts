import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { describeApi, type TestContext } from "../../../test/support/test-app";
import { applicationLinks } from "../modules/membership/membership.repository";
import { membershipApplications } from "../modules/membership/membership.tables";
import { hashToken } from "./crypto";
import { AppError } from "./errors";
import { guestLinkError, MAX_OPEN_LINKS_PER_ADDRESS } from "./guest-link";
import { isRobot } from "./public-form";

// Membership's links: a real module table whose "used" column has another name (confirmed_at), which the
// mechanism must take as a parameter rather than assume a table of its own.
const links = applicationLinks;
const DAY = 24 * 60;

const issuedAt = new Date("2026-04-01T10:00:00Z");
const later = (minutes: number) => new Date(issuedAt.getTime() + minutes * 60_000);

async function stored(t: TestContext, email = "gast@example.org") {
  const org = await t.createOrganisation({ kind: "association" });
  const link = links.issue(issuedAt);
  await t.app.platform.db.insert(membershipApplications).values({
    organisationId: org.id,
    name: "Gerda Gast",
    email,
    isActiveCaregiver: false,
    contactPreference: "email",
    locale: "de",
    consentedAt: issuedAt,
    confirmationTokenHash: link.tokenHash,
    confirmationExpiresAt: link.expiresAt,
  });
  return { org, link };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe("guest link tokens", () => {
  it("are random, URL-safe, stored only as their hash, and expire by the module's rule", () => {
    const first = links.issue(issuedAt);
    const second = links.issue(issuedAt);
    expect(first.token).toMatch(/^[\w-]{43}$/);
    expect(first.token).not.toBe(second.token);
    expect(first.tokenHash).toBe(hashToken(first.token));
    expect(first.tokenHash).not.toContain(first.token);
    expect(first.expiresAt.toISOString()).toBe("2026-04-08T10:00:00.000Z");
  });

  it("map each outcome to one error code; used and expired ones name the organisation", () => {
    expect(guestLinkError({ kind: "used", organisationSlug: "verein" })).toMatchObject({
      code: "guestLinkUsed",
      status: 409,
      details: { organisationSlug: "verein" },
    });
    expect(guestLinkError({ kind: "expired", organisationSlug: "verein" })).toMatchObject({
      code: "guestLinkExpired",
      status: 410,
      details: { organisationSlug: "verein" },
    });
    expect(guestLinkError({ kind: "unknown" })).toMatchObject({ code: "tokenInvalid", status: 404 });
  });
});

describe("public form honeypot", () => {
  it("takes a filled hidden field (not blanks, not a missing one) for a robot", () => {
    expect(isRobot({ website: "https://spam.example" })).toBe(true);
    expect(isRobot({ website: "  " })).toBe(false);
    expect(isRobot({ website: "" })).toBe(false);
    expect(isRobot({})).toBe(false);
  });
});

describeApi("guest links", (t) => {
  it("resolve a fresh link as valid, an unknown one as unknown, and do not use it up", async () => {
    const { link } = await stored(t);
    const db = t.app.platform.db;
    const valid = await links.resolve(db, link.token, later(10));
    expect(valid.kind).toBe("valid");
    if (valid.kind === "valid") expect(valid.row.name).toBe("Gerda Gast");
    expect((await links.resolve(db, link.token, later(11))).kind).toBe("valid");
    expect(await links.resolve(db, "unbekannt", later(10))).toEqual({ kind: "unknown" });
  });

  it("consume once with the module's own changes; a second use is 'used' and names the organisation", async () => {
    const { org, link } = await stored(t);
    const db = t.app.platform.db;
    const row = await links.consume(db, link.token, later(5), { status: "pending" });
    expect(row).toMatchObject({ status: "pending", confirmedAt: later(5) });
    const again = await rejection(links.consume(db, link.token, later(6), { status: "pending" }));
    expect(again).toMatchObject({
      code: "guestLinkUsed",
      status: 409,
      details: { organisationSlug: org.slug },
    });
    expect(await links.resolve(db, link.token, later(6))).toEqual({
      kind: "used",
      organisationSlug: org.slug,
    });
  });

  it("refuse an expired link (from the expiry on) without changing the row, and an unknown one", async () => {
    const { org, link } = await stored(t);
    const db = t.app.platform.db;
    const expired = await rejection(links.consume(db, link.token, later(7 * DAY), { status: "pending" }));
    expect(expired).toMatchObject({
      code: "guestLinkExpired",
      status: 410,
      details: { organisationSlug: org.slug },
    });
    const [row] = await db
      .select()
      .from(membershipApplications)
      .where(eq(membershipApplications.organisationId, org.id));
    expect(row).toMatchObject({ status: "unconfirmed", confirmedAt: null });
    const unknown = await rejection(links.consume(db, "unbekannt", later(5)));
    expect(unknown).toMatchObject({ code: "tokenInvalid", status: 404 });
  });

  it("let exactly one of two simultaneous uses win", async () => {
    const { org, link } = await stored(t);
    const db = t.app.platform.db;
    // Each use holds its transaction open a moment, so on PostgreSQL the second update waits for the first
    // one's row lock and then re-checks used_at.
    const use = () =>
      db.transaction(async (tx) => {
        const row = await links.consume(tx, link.token, later(5), { status: "pending" });
        await new Promise((resolve) => setTimeout(resolve, 50));
        return row;
      });
    const results = await Promise.allSettled([use(), use()]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toMatchObject({ code: "guestLinkUsed", details: { organisationSlug: org.slug } });
  });

  it("cap the open links of one address in a scope; used and expired ones do not count", async () => {
    const { org, link } = await stored(t, "Viel@Example.org");
    const db = t.app.platform.db;
    const scope = eq(membershipApplications.organisationId, org.id);
    for (let i = 1; i < MAX_OPEN_LINKS_PER_ADDRESS; i++) {
      await db.insert(membershipApplications).values({
        organisationId: org.id,
        name: "Gerda Gast",
        email: "viel@example.org",
        isActiveCaregiver: false,
        contactPreference: "email",
        locale: "de",
        consentedAt: issuedAt,
        ...(({ tokenHash, expiresAt }) => ({
          confirmationTokenHash: tokenHash,
          confirmationExpiresAt: expiresAt,
        }))(links.issue(issuedAt)),
      });
    }
    expect(await links.hasRoomFor(db, scope, "VIEL@example.org", later(5))).toBe(false);
    expect(await links.hasRoomFor(db, scope, "andere@example.org", later(5))).toBe(true);
    await links.consume(db, link.token, later(5));
    expect(await links.hasRoomFor(db, scope, "viel@example.org", later(5))).toBe(true);
    expect(await links.hasRoomFor(db, scope, "viel@example.org", later(7 * DAY))).toBe(true);
  });
});
