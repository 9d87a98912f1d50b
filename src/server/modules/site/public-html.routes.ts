import type { FastifyInstance, FastifyRequest } from "fastify";
import { plainTextOf } from "../../../core/site/html-policy";
import type { ServiceContext } from "../../platform/types";
import { getPublicProfile } from "../organisations/organisations.service";
import { publicAnswers } from "./public-answers";
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
  const answers = publicAnswers(app);
  const { t, send, notFoundPage } = answers;
  const contextFor = (request: FastifyRequest<{ Params: Params }>) =>
    answers.contextFor(request.params.slug, request.ip);

  /** The organisation's frame and profile, shared by every answer below. */
  async function frame(ctx: ServiceContext) {
    const [{ site, frame: siteFrame }, profile] = await Promise.all([
      answers.siteOf(ctx),
      getPublicProfile(ctx),
    ]);
    return { site, profile, frame: siteFrame };
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
