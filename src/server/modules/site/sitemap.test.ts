import { expect, it } from "vitest";
import { describeApi } from "../../../../test/support/test-app";

const page = (title: string, status: "published" | "draft", showInMenu = true) => ({
  title,
  description: "",
  bodyHtml: `<p>${title}</p>`,
  status,
  showInMenu,
  menuPosition: 1,
});

describeApi("site: robots.txt and sitemaps for search engines", (t) => {
  it("lists an organisation's menu, published pages and news, never drafts", async () => {
    const org = await t.createOrganisation({ kind: "association" });
    const other = await t.createOrganisation();
    const board = await t.member(org, ["board", "member"]);
    const api = `/api/orgs/${org.slug}/site`;
    await board.post(`${api}/pages`, page("Über uns", "published"));
    await board.post(`${api}/pages`, page("Ohne Menü", "published", false));
    await board.post(`${api}/pages`, page("Noch geheim", "draft"));
    const created = await board.post(`${api}/posts`, {
      title: "Sommerfest",
      teaser: "",
      bodyHtml: "<p>Fest</p>",
      imageAlt: "",
      status: "published",
    });
    await board.post(`${api}/posts`, {
      title: "Entwurf",
      teaser: "",
      bodyHtml: "<p>x</p>",
      imageAlt: "",
      status: "draft",
    });

    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const visitor = t.anonymous();
    const sitemap = await visitor.get(`/o/${org.slug}/sitemap.xml`);
    expect(sitemap.status).toBe(200);
    expect(sitemap.headers["content-type"]).toContain("application/xml");
    const locs = [...sitemap.text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    const base = `http://localhost:3000/o/${org.slug}`;
    expect(locs).toEqual([
      base,
      `${base}/termine`,
      `${base}/neuigkeiten`,
      `${base}/fortbildungen`,
      `${base}/karte`,
      `${base}/kontakt`,
      `${base}/seite/ohne-menue`,
      `${base}/seite/ueber-uns`,
      `${base}/neuigkeiten/sommerfest`,
    ]);
    expect(sitemap.text).toMatch(
      /<url><loc>[^<]+\/seite\/ueber-uns<\/loc><lastmod>\d{4}-\d{2}-\d{2}<\/lastmod><\/url>/,
    );
    expect(sitemap.text).not.toContain("noch-geheim");
    expect(sitemap.text).not.toContain("entwurf");

    const index = await visitor.get("/sitemap.xml");
    expect(index.status).toBe(200);
    expect(index.text).toContain(`<loc>http://localhost:3000/o/${org.slug}/sitemap.xml</loc>`);
    expect(index.text).toContain(`<loc>http://localhost:3000/o/${other.slug}/sitemap.xml</loc>`);

    const robots = await visitor.get("/robots.txt");
    expect(robots.status).toBe(200);
    expect(robots.text).toContain("Disallow: /app/\nDisallow: /api/\n");
    expect(robots.text).toContain("Sitemap: http://localhost:3000/sitemap.xml");

    expect((await visitor.get("/o/gibt-es-nicht/sitemap.xml")).status).toBe(404);
  });
});
