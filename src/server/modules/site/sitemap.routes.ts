import type { FastifyInstance, FastifyReply } from "fastify";
import { siteMenuPath } from "../../../core/site/menu";
import { listOrganisationSlugs } from "../organisations/organisations.queries";
import { publicAnswers } from "./public-answers";
import { escapeHtml } from "./site.html";
import { sitePolicy as can } from "./site.policy";
import { listPublishedAddresses } from "./site.repository";

interface SitemapUrl {
  path: string;
  lastModified?: Date;
}

function sendXml(reply: FastifyReply, xml: string) {
  return reply
    .header("content-type", "application/xml; charset=utf-8")
    .header("cache-control", "public, max-age=3600")
    .send(xml);
}

function urlset(publicUrl: string, urls: readonly SitemapUrl[]): string {
  const entries = urls.map(
    (url) =>
      `<url><loc>${escapeHtml(publicUrl + url.path)}</loc>${
        url.lastModified ? `<lastmod>${url.lastModified.toISOString().slice(0, 10)}</lastmod>` : ""
      }</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join("")}</urlset>\n`;
}

/**
 * What search engines are told: robots.txt keeps them out of the signed-in app and the API; the sitemap
 * index names one sitemap per organisation, which lists its menu, every published page and every news post
 * with the day it last changed. Drafts never appear, since only published rows are read.
 */
export async function siteSitemapRoutes(app: FastifyInstance) {
  const answers = publicAnswers(app);
  const options = { config: { permission: can.readPublic } };
  const publicUrl = app.platform.env.PUBLIC_URL;

  app.get("/robots.txt", options, async (_request, reply) =>
    reply
      .header("content-type", "text/plain; charset=utf-8")
      .send(`User-agent: *\nDisallow: /app/\nDisallow: /api/\nSitemap: ${publicUrl}/sitemap.xml\n`),
  );

  app.get("/sitemap.xml", options, async (_request, reply) => {
    const organisations = await listOrganisationSlugs(app.platform.db);
    const entries = organisations.map(
      ({ slug }) =>
        `<sitemap><loc>${escapeHtml(`${publicUrl}/o/${encodeURIComponent(slug)}/sitemap.xml`)}</loc></sitemap>`,
    );
    return sendXml(
      reply,
      `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${entries.join("")}</sitemapindex>\n`,
    );
  });

  app.get<{ Params: { slug: string } }>("/o/:slug/sitemap.xml", options, async (request, reply) => {
    const ctx = await answers.contextFor(request.params.slug, request.ip);
    const org = ctx?.organisation;
    if (!ctx || !org) return reply.status(404).send();
    const [{ site }, published] = await Promise.all([
      answers.siteOf(ctx),
      listPublishedAddresses(app.platform.db, org.id),
    ]);
    const base = `/o/${encodeURIComponent(org.slug)}`;
    const pages = published.pages.map((p) => ({
      path: `${base}/seite/${encodeURIComponent(p.slug)}`,
      lastModified: p.updatedAt,
    }));
    const posts = published.posts.map((p) => ({
      path: `${base}/neuigkeiten/${encodeURIComponent(p.slug)}`,
      lastModified: p.updatedAt,
    }));
    const listed = new Set(pages.map((p) => p.path));
    const menu = site.menu
      .map((entry) => ({ path: siteMenuPath(org.slug, entry) }))
      .filter((entry) => !listed.has(entry.path));
    return sendXml(reply, urlset(publicUrl, [...menu, ...pages, ...posts]));
  });
}
