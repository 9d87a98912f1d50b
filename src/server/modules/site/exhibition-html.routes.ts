import type { FastifyInstance } from "fastify";
import type { ServiceContext } from "../../platform/types";
import * as exhibitions from "../exhibition/exhibition.service";
import { publicAnswers } from "./public-answers";
import { escapeHtml } from "./site.html";
import { sitePolicy as can } from "./site.policy";

type Params = { slug: string; exhibitionSlug?: string };

/**
 * The HTML answer for the public exhibition pages, part of the website like its other pages (the
 * exhibition module owns the photos and consents, the site module every public HTML answer): title, description and captions for search engines and
 * link previews (site/public-html.ts). Deliberately without og:image: a preview service would copy a photo
 * of a child into caches that a withdrawal of the consent can never reach.
 */
export async function exhibitionHtmlRoutes(app: FastifyInstance) {
  const { t, contextFor, send, notFoundPage, siteOf } = publicAnswers(app);
  const options = { config: { permission: can.readPublic } };
  const frameOf = async (ctx: ServiceContext) => (await siteOf(ctx)).frame;

  const base = (slug: string) => `/o/${encodeURIComponent(slug)}/ausstellung`;

  app.get<{ Params: Params }>("/o/:slug/ausstellung", options, async (request, reply) => {
    const ctx = await contextFor(request.params.slug, request.ip);
    if (!ctx?.organisation) return notFoundPage(reply, request.url);
    const [site, list] = await Promise.all([frameOf(ctx), exhibitions.publicExhibitions(ctx)]);
    const items = list.exhibitions
      .map(
        (e) =>
          `<li><a href="${escapeHtml(`${base(site.slug)}/${encodeURIComponent(e.slug)}`)}">${escapeHtml(e.title)}</a></li>`,
      )
      .join("");
    return send(reply, 200, {
      title: `${t("exhibition.public.listTitle")} – ${list.organisationName}`,
      description: t("exhibition.public.listDescription", { organisation: list.organisationName }),
      path: base(site.slug),
      site,
      heading: t("exhibition.public.listTitle"),
      bodyHtml: items ? `<ul>${items}</ul>` : `<p>${escapeHtml(t("exhibition.public.empty"))}</p>`,
    });
  });

  app.get<{ Params: Params }>("/o/:slug/ausstellung/:exhibitionSlug", options, async (request, reply) => {
    const ctx = await contextFor(request.params.slug, request.ip);
    if (!ctx?.organisation) return notFoundPage(reply, request.url);
    let exhibition: Awaited<ReturnType<typeof exhibitions.publicExhibition>>;
    try {
      exhibition = await exhibitions.publicExhibition(ctx, request.params.exhibitionSlug ?? "");
    } catch {
      return notFoundPage(reply, request.url);
    }
    const site = await frameOf(ctx);
    const captions = exhibition.photos
      .filter((p) => p.caption)
      .map((p) => `<li>${escapeHtml(p.caption)}</li>`)
      .join("");
    return send(reply, 200, {
      title: `${exhibition.title} – ${exhibition.organisationName}`,
      description: exhibition.description || exhibition.title,
      path: `${base(site.slug)}/${encodeURIComponent(exhibition.slug)}`,
      site,
      heading: exhibition.title,
      bodyHtml:
        (exhibition.description ? `<p>${escapeHtml(exhibition.description)}</p>` : "") +
        (captions ? `<ul>${captions}</ul>` : ""),
    });
  });
}
