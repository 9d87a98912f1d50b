import type { FastifyInstance, FastifyReply } from "fastify";
import { translator } from "../../platform/i18n";
import type { ServiceContext } from "../../platform/types";
import { scopeResolver } from "../organisations/organisations.service";
import { type PublicHtml, renderPublicHtml } from "./public-html";
import { escapeHtml } from "./site.html";
import { publicSite } from "./site.service";

/**
 * What every server-rendered public page of an organisation needs (the site's own pages and news, the
 * exhibition, the sitemap): the visitor's context in the organisation, the HTML answer, the 404 page and
 * the site's frame (name and menu). Public answers are German: search engines get one language per URL.
 */
export function publicAnswers(app: FastifyInstance) {
  const resolveScope = scopeResolver(app.platform);
  const t = translator("de");

  async function contextFor(slug: string, ip: string): Promise<ServiceContext | null> {
    const scope = await resolveScope(slug, null);
    if (!scope) return null;
    return {
      platform: app.platform,
      actor: null,
      organisation: scope.organisation,
      membership: null,
      locale: "de",
      ip,
    };
  }

  function send(reply: FastifyReply, status: number, page: PublicHtml) {
    return reply
      .status(status)
      .header("content-type", "text/html; charset=utf-8")
      .header("cache-control", "no-cache")
      .send(renderPublicHtml(page, app.platform.env.PUBLIC_URL));
  }

  function notFoundPage(reply: FastifyReply, path: string) {
    return send(reply, 404, {
      title: `${t("common.notFoundTitle")} – KTP-Netz`,
      description: t("common.notFoundText"),
      path,
      heading: t("common.notFoundTitle"),
      bodyHtml: `<p>${escapeHtml(t("common.notFoundText"))}</p>`,
    });
  }

  /** The organisation's public site with the frame every page shows (name, address, menu). */
  async function siteOf(ctx: ServiceContext) {
    const org = ctx.organisation;
    if (!org) throw new Error("organisation scope missing");
    const site = await publicSite(ctx);
    return { site, frame: { name: org.name, slug: org.slug, menu: site.menu } };
  }

  return { t, contextFor, send, notFoundPage, siteOf };
}
