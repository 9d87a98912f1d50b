import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { type Role, roles } from "../src/contracts/roles";
import { findPermission, type PermissionRule } from "../src/server/platform/policy";
import { type Client, describeApi } from "./support/test-app";

type OrgKind = "coordinationOffice" | "association" | "youthOffice";

/** Row counts of every table: a refused request must leave all of them as they were. */
async function snapshot(db: { execute: (q: ReturnType<typeof sql>) => Promise<unknown> }) {
  const tables = (await db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  )) as { rows: { table_name: string }[] };
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    if (table_name === "sessions" || table_name === "login_throttles") continue;
    const result = (await db.execute(sql.raw(`select count(*)::int as n from "${table_name}"`))) as {
      rows: { n: number }[];
    };
    counts[table_name] = result.rows[0]?.n ?? 0;
  }
  return counts;
}

function fill(url: string, slug: string) {
  return url.replace(":orgSlug", slug).replaceAll(/:[A-Za-z]+/g, () => randomUUID());
}

describeApi("authorization of every route", (t) => {
  const orgs = {} as Record<OrgKind, { id: string; slug: string }>;
  const outsiders = {} as Record<OrgKind, Client>;
  const byRole = {} as Record<OrgKind, Record<Role, Client>>;

  beforeAll(async () => {
    for (const kind of ["coordinationOffice", "association", "youthOffice"] as const) {
      orgs[kind] = await t.createOrganisation({ kind });
      // The outsider has every role, but in another organisation of the same kind.
      const elsewhere = await t.createOrganisation({ kind });
      outsiders[kind] = await t.member(elsewhere, [...roles]);
      byRole[kind] = {} as Record<Role, Client>;
      for (const role of roles) byRole[kind][role] = await t.member(orgs[kind], [role]);
    }
  });

  it("gives every API route a known permission", () => {
    expect(t.app.routeCatalogue.length).toBeGreaterThan(20);
    for (const route of t.app.routeCatalogue) {
      expect(findPermission(route.permission), `${route.method} ${route.url}`).toBeDefined();
    }
  });

  // One walk per caller group keeps each test well inside its time on the single-connection PGlite; the
  // row counts are taken before the first walk and compared after the last.
  let before: Record<string, number> = {};
  const call = async (client: Client, method: string, url: string) => {
    const body = method === "GET" || method === "DELETE" ? undefined : {};
    return client.request(method, url, body);
  };
  const rulesOf = () =>
    t.app.routeCatalogue.map((route) => ({
      label: `${route.method} ${route.url}`,
      route,
      rule: findPermission(route.permission) as PermissionRule,
    }));

  it("refuses anonymous callers, and organisation admins on platform routes", async () => {
    before = await snapshot(t.app.platform.db as never);
    const problems: string[] = [];
    for (const { label, route, rule } of rulesOf()) {
      if (rule.access === "public") continue;
      const anonymous = await call(t.anonymous(), route.method, fill(route.url, "x"));
      if (anonymous.status !== 401 && anonymous.status !== 403)
        problems.push(`${label}: anonymous got ${anonymous.status}`);
      if (rule.access === "platformAdmin") {
        const admin = byRole.coordinationOffice.admin;
        const response = await call(admin, route.method, fill(route.url, orgs.coordinationOffice.slug));
        if (response.status !== 404) problems.push(`${label}: organisation admin got ${response.status}`);
      }
    }
    expect(problems).toEqual([]);
  }, 120_000);

  for (const kind of ["coordinationOffice", "association", "youthOffice"] as const) {
    it(`refuses outsiders and insufficient roles in a ${kind}`, async () => {
      const problems: string[] = [];
      for (const { label, route, rule } of rulesOf()) {
        if (rule.access !== "organisation") continue;
        const url = fill(route.url, orgs[kind].slug);
        const outsider = await call(outsiders[kind], route.method, url);
        if (outsider.status !== 404) problems.push(`${label} (${kind}): outsider got ${outsider.status}`);
        const isKindAllowed = !rule.kinds || rule.kinds.includes(kind);
        for (const role of roles) {
          if (isKindAllowed && rule.roles.includes(role)) continue;
          const response = await call(byRole[kind][role], route.method, url);
          const expected = isKindAllowed ? 403 : 404;
          if (response.status !== expected)
            problems.push(`${label} (${kind}) as ${role}: ${response.status}, expected ${expected}`);
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }

  it("changed no table while refusing", async () => {
    expect(await snapshot(t.app.platform.db as never)).toEqual(before);
  });
});
