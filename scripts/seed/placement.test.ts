import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { computePriority } from "../../src/core/placement/criteria";
import { ageInMonths, validateCareTimes } from "../../src/core/placement/requests";
import { addDays, todayIso } from "../../src/core/shared/dates";
import { placementRequests } from "../../src/server/modules/placement/placement.tables";
import { findPostalCode } from "../../src/server/platform/geo/postal-codes";
import { describeApi } from "../../test/support/test-app";
import { DEMO_PASSWORD, seedDemoIfEmpty } from "./demo";
import { buildPlacementRequests, REQUEST_COUNT } from "./placement";

const build = (today: string) =>
  buildPlacementRequests({
    organisationId: "office",
    now: new Date(`${today}T10:00:00Z`),
    today,
    passwordHash: "x",
    demoParent: { id: "emre", name: "Emre Ersoy", email: "eltern@demo.ktp-netz.de" },
  });

describe("placement demo data", () => {
  it("is the same on every start of the same day, and the same families on another day", () => {
    expect(build("2026-03-02")).toEqual(build("2026-03-02"));
    const shape = (today: string) =>
      build(today).requests.map(({ id, childFirstName, street, town, careTimes, facts, status }) => ({
        id,
        childFirstName,
        street,
        town,
        careTimes,
        facts,
        status,
      }));
    for (const days of [1, 200, 366]) expect(shape(addDays("2026-03-02", days))).toEqual(shape("2026-03-02"));
  });

  it("spreads starts over January to September of next year with the peak in August", () => {
    const { requests } = build("2026-03-02");
    expect(requests).toHaveLength(REQUEST_COUNT);
    const byMonth = new Map<string, number>();
    for (const r of requests.filter((r) => r.parentUserId !== "emre"))
      byMonth.set(r.wantedStart.slice(0, 7), (byMonth.get(r.wantedStart.slice(0, 7)) ?? 0) + 1);
    expect([...byMonth.keys()].every((m) => m >= "2027-01" && m <= "2027-09")).toBe(true);
    expect(byMonth.size).toBe(9);
    const peak = [...byMonth.entries()].sort((a, b) => b[1] - a[1])[0];
    expect(peak?.[0]).toBe("2027-08");
    expect(peak?.[1]).toBeGreaterThanOrEqual(35);
  });

  it("gives the demo parent a request in Beckum that can be placed at once, from the first of a month ahead", () => {
    for (const [today, start] of [
      ["2026-03-02", "2026-04-01"],
      ["2026-03-20", "2026-05-01"],
      ["2026-11-29", "2027-01-01"],
    ]) {
      const demo = build(today as string).requests.find((r) => r.parentUserId === "emre");
      expect(demo).toMatchObject({
        childFirstName: "Deniz",
        wantedStart: start,
        town: "Beckum",
        maxDistanceKm: 5,
      });
    }
  });

  it("has children of 8 to 30 months at the start, valid weeks, known towns and points by the catalogue", () => {
    const seed = build("2026-03-02");
    for (const r of seed.requests) {
      const months = ageInMonths(r.childBirthDate, r.wantedStart);
      expect(months).toBeGreaterThanOrEqual(8);
      expect(months).toBeLessThanOrEqual(30);
      expect(validateCareTimes(r.careTimes)).toEqual([]);
      expect(findPostalCode(r.postalCode), r.postalCode).not.toBeNull();
      expect(r.priorityPoints).toBe(computePriority(seed.criteria, r.facts ?? []).points);
      expect(r.parentUserId === null).toBe(r.status === "unconfirmed");
    }
    const towns = new Set(seed.requests.map((r) => r.postalCode));
    expect(towns.size).toBeGreaterThanOrEqual(7);
    const weeks = new Set(seed.requests.map((r) => JSON.stringify(r.careTimes)));
    expect(weeks.size).toBeGreaterThanOrEqual(6);
    const withNeeds = seed.requests.filter((r) => r.needs !== null);
    expect(withNeeds.length).toBeGreaterThanOrEqual(8);
    expect(withNeeds.every((r) => r.needsConsentAt !== null)).toBe(true);
    expect(new Set(seed.users.map((u) => u.email)).size).toBe(seed.users.length);
    expect(seed.requests.filter((r) => r.status === "open").length).toBeGreaterThanOrEqual(100);
  });
});

describeApi("placement demo seed", (t) => {
  beforeAll(async () => {
    const started = performance.now();
    await seedDemoIfEmpty(t.app.platform);
    console.info(`demo seed with placement on ${t.kind}: ${Math.round(performance.now() - started)} ms`);
  }, 60_000);

  it("gives the office's coordinator a board to work on and the demo parent his request", async () => {
    const coordinator = await t.signIn("fachberatung@demo.ktp-netz.de", DEMO_PASSWORD);
    const board = await coordinator.get("/api/orgs/beckum/placement-requests");
    expect(board.status).toBe(200);
    expect(board.body.total).toBeGreaterThanOrEqual(100);
    const months = board.body.counts.byStartMonth as { month: string; count: number }[];
    expect(months.sort((a, b) => b.count - a.count)[0]?.month.slice(5)).toBe("08");
    expect(board.body.counts.byArea[0]).toMatchObject({ postalCode: "59269" });

    const parent = await t.signIn("eltern@demo.ktp-netz.de", DEMO_PASSWORD);
    const mine = await parent.get("/api/orgs/beckum/my-placement-requests");
    expect(mine.body).toEqual([expect.objectContaining({ childFirstName: "Deniz", status: "open" })]);
    const detail = await parent.get(`/api/orgs/beckum/my-placement-requests/${mine.body[0].id}`);
    expect(detail.body.needs?.allergies).toContain("Kuhmilch");
    expect(detail.body.awarded.length).toBe(3);
    const [row] = await t.app.platform.db
      .select({ stored: placementRequests.needsEncrypted })
      .from(placementRequests)
      .where(eq(placementRequests.id, mine.body[0].id));
    expect(row?.stored).not.toContain("Kuhmilch");
    expect(todayIso(t.app.platform.now())).toBe("2026-03-02");
  });

  it("puts children in care with the caregivers, without overbooking anyone, and leaves the demo request placeable", async () => {
    const coordinator = await t.signIn("fachberatung@demo.ktp-netz.de", DEMO_PASSWORD);
    const contracts = await coordinator.get("/api/orgs/beckum/care-contracts");
    expect(contracts.status).toBe(200);
    expect(contracts.body.length).toBeGreaterThanOrEqual(60);
    const people = await coordinator.get("/api/orgs/beckum/caregivers?limit=100");
    for (const item of people.body.items as { id: string }[]) {
      const detail = await coordinator.get(`/api/orgs/beckum/caregivers/${item.id}`);
      expect(detail.body.week.every((segment: { free: number }) => segment.free >= 0)).toBe(true);
    }
    const board = await coordinator.get("/api/orgs/beckum/placement-requests?limit=500");
    const deniz = board.body.items.find(
      (item: { childFirstName: string; town: string }) =>
        item.town === "Beckum" && item.childFirstName === "Deniz",
    );
    const suggestions = await coordinator.get(`/api/orgs/beckum/placement-requests/${deniz.id}/suggestions`);
    const fits = suggestions.body.suggestions.filter((s: { fits: boolean }) => s.fits);
    expect(fits.length).toBeGreaterThanOrEqual(3);
    expect(fits.map((s: { lastName: string }) => s.lastName)).toContain("Albers");
    const full = suggestions.body.suggestions.flatMap(
      (s: { misses: { code: string; present?: number }[] }) => s.misses,
    );
    expect(
      full.some(
        (miss: { code: string; present?: number }) => miss.code === "full" && (miss.present ?? 0) > 0,
      ),
    ).toBe(true);
  });
});
