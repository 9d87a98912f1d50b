import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { plainTextOf } from "../../../core/site/html-policy";
import { translator } from "../../platform/i18n";
import type { ServiceContext } from "../../platform/types";
import { getPublicProfile, scopeResolver } from "../organisations/organisations.service";
import { type PublicHtml, renderPublicHtml } from "./public-html";
import { escapeHtml } from "./site.html";
import { sitePolicy as can } from "./site.policy";
import { presentPublicPostSummary, publicImagePath } from "./site.presenter";
import * as service from "./site.service";

type Params = { slug: string; pageSlug?: string; postSlug?: string };

const dateFormat = new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeZone: "Europe/Berlin" });

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join("");
}

/**
 * Public organisation addresses answered with index.html that carries the page's title, description and
 * text (public-html.ts). Other paths under /o/:slug (the calendar, the catalogue, forms of other modules)
 * get the organisation's title and description; unknown organisations, pages and posts answer 404.
 */
export async function sitePublicHtmlRoutes(app: FastifyInstance) {
  const resolveScope = scopeResolver(app.platform);
  const t = translator("de");

  async function contextFor(request: FastifyRequest<{ Params: Params }>): Promise<ServiceContext | null> {
    const scope = await resolveScope(request.params.slug, null);
    if (!scope) return null;
    return {
      platform: app.platform,
      actor: null,
      organisation: scope.organisation,
      membership: null,
      locale: "de",
      ip: request.ip,
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

  /** The organisation's frame and profile, shared by every answer below. */
  async function frame(ctx: ServiceContext) {
    const [site, profile] = await Promise.all([service.publicSite(ctx), getPublicProfile(ctx)]);
    const org = ctx.organisation;
    if (!org) throw new Error("organisation scope missing");
    return { site, profile, frame: { name: org.name, slug: org.slug, menu: site.menu } };
  }

  const options = { config: { permission: can.readPublic } };
  const base = (slug: string) => `/o/${encodeURIComponent(slug)}`;

  app.get<{ Params: Params }>("/o/:slug", options, async (request, reply) => {
    const ctx = await contextFor(request);
    if (!ctx?.organisation) return notFoundPage(reply, request.url);
    const { site, profile, frame: siteFrame } = await frame(ctx);
    const news = site.latestPosts
      .map(
        (post) =>
          `<li><a href="${escapeHtml(`${base(profile.slug)}/neuigkeiten/${encodeURIComponent(post.slug)}`)}">${escapeHtml(post.title)}</a> (${escapeHtml(dateFormat.format(new Date(post.publishedAt)))})</li>`,
      )
      .join("");
    return send(reply, 200, {
      title: profile.name,
      description: profile.description || profile.name,
      path: base(profile.slug),
      site: siteFrame,
      heading: profile.name,
      bodyHtml:
        paragraphs(profile.description) +
        (news ? `<h2>${escapeHtml(t("site.news.title"))}</h2><ul>${news}</ul>` : ""),
    });
  });

  app.get<{ Params: Params }>("/o/:slug/seite/:pageSlug", options, async (request, reply) => {
    const ctx = await contextFor(request);
    if (!ctx?.organisation) return notFoundPage(reply, request.url);
    const page = await service.findPublishedPage(
      app.platform.db,
      ctx.organisation.id,
      request.params.pageSlug ?? "",
    );
    if (!page) return notFoundPage(reply, request.url);
    const path = `${base(ctx.organisation.slug)}/seite/${encodeURIComponent(page.slug)}`;
    // An old address of a renamed page: the permanent redirect tells search engines the new one.
    if (page.slug !== request.params.pageSlug) return reply.redirect(path, 301);
    const { frame: siteFrame } = await frame(ctx);
    return send(reply, 200, {
      title: `${page.title} – ${ctx.organisation.name}`,
      description: page.description || plainTextOf(page.bodyHtml),
      path,
      type: "article",
      site: siteFrame,
      heading: page.title,
      bodyHtml: page.bodyHtml,
    });
  });

  app.get<{ Params: Params }>("/o/:slug/neuigkeiten", options, async (request, reply) => {
    const ctx = await contextFor(request);
    if (!ctx?.organisation) return notFoundPage(reply, request.url);
    const org = ctx.organisation;
    const [{ frame: siteFrame }, list] = await Promise.all([frame(ctx), service.publicPosts(ctx, 1)]);
    const items = list.items
      .map(
        (post) =>
          `<article><h2><a href="${escapeHtml(`${base(org.slug)}/neuigkeiten/${encodeURIComponent(post.slug)}`)}">${escapeHtml(post.title)}</a></h2><p>${escapeHtml(dateFormat.format(new Date(post.publishedAt)))}</p>${post.teaser ? `<p>${escapeHtml(post.teaser)}</p>` : ""}</article>`,
      )
      .join("");
    return send(reply, 200, {
      title: `${t("site.news.title")} – ${org.name}`,
      description: t("site.news.description", { organisation: org.name }),
      path: `${base(org.slug)}/neuigkeiten`,
      site: siteFrame,
      heading: t("site.news.title"),
      bodyHtml: items || `<p>${escapeHtml(t("site.news.empty"))}</p>`,
    });
  });

  app.get<{ Params: Params }>("/o/:slug/neuigkeiten/:postSlug", options, async (request, reply) => {
    const ctx = await contextFor(request);
    if (!ctx?.organisation) return notFoundPage(reply, request.url);
    const org = ctx.organisation;
    const post = await service.findPublishedPost(app.platform.db, org.id, request.params.postSlug ?? "");
    if (!post) return notFoundPage(reply, request.url);
    const path = `${base(org.slug)}/neuigkeiten/${encodeURIComponent(post.slug)}`;
    if (post.slug !== request.params.postSlug) return reply.redirect(path, 301);
    const { frame: siteFrame } = await frame(ctx);
    const summary = presentPublicPostSummary(org.slug, post);
    return send(reply, 200, {
      title: `${post.title} – ${org.name}`,
      description: post.teaser || plainTextOf(post.bodyHtml),
      path,
      type: "article",
      imagePath: publicImagePath(org.slug, post),
      site: siteFrame,
      heading: post.title,
      bodyHtml: `<p>${escapeHtml(dateFormat.format(new Date(summary.publishedAt)))}</p>${post.teaser ? `<p>${escapeHtml(post.teaser)}</p>` : ""}${post.bodyHtml}`,
    });
  });

  /** The calendar, the catalogue, the contact page, the forms: the organisation's title and profile. */
  app.get<{ Params: Params & { "*": string } }>("/o/:slug/*", options, async (request, reply) => {
    const ctx = await contextFor(request);
    if (!ctx?.organisation) return notFoundPage(reply, request.url);
    const { profile, frame: siteFrame } = await frame(ctx);
    const rest = request.params["*"].split("/").filter(Boolean).map(encodeURIComponent);
    const path = [base(profile.slug), ...rest].join("/");
    return send(reply, 200, {
      title: profile.name,
      description: profile.description || profile.name,
      path,
      site: siteFrame,
      heading: profile.name,
      bodyHtml: paragraphs(profile.description),
    });
  });
}
