import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { shortDescription } from "../../../core/site/html-policy";
import { type SiteMenuEntry, siteMenuPath } from "../../../core/site/menu";
import { translator } from "../../platform/i18n";
import { escapeHtml } from "./site.html";

/**
 * The HTML answer for public organisation addresses. The single-page app alone shows a crawler or a link
 * preview nothing, so the server puts the page's own title, description, canonical address and Open Graph
 * tags into index.html, and the page's text (the same sanitised HTML the app shows) into the root element;
 * React replaces it when the app starts.
 */

const indexPath = fileURLToPath(new URL("../../../../dist/web/index.html", import.meta.url));

/** Used when the web app is not built (API tests, a server without the web part): the same frame, no app. */
const fallbackTemplate = `<!doctype html>
<html lang="de">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="description" content="" />
    <title>KTP-Netz</title>
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

let cachedTemplate: string | null = null;

function template(): string {
  if (cachedTemplate !== null) return cachedTemplate;
  let text: string;
  try {
    text = readFileSync(indexPath, "utf8");
  } catch {
    // Not cached: a build that appears later (development) is picked up by the next request.
    return fallbackTemplate;
  }
  cachedTemplate = text;
  return text;
}

export interface PublicHtml {
  /** Without the platform's name; "Seite – Organisation" is built by the caller. */
  title: string;
  description: string;
  /** The path of the page (/o/…); canonical and og:url are the platform's address plus this. */
  path: string;
  imagePath?: string | null;
  type?: "website" | "article";
  /** The organisation's frame: name and menu, shown above the text. */
  site?: { name: string; slug: string; menu: SiteMenuEntry[] } | null;
  heading: string;
  /** Already sanitised or escaped HTML. */
  bodyHtml: string;
}

function menuLabel(entry: SiteMenuEntry): string {
  if (entry.kind === "page") return entry.title;
  return translator("de")(`site.menu.${entry.kind}`);
}

/** index.html with the page's meta tags and text. */
export function renderPublicHtml(page: PublicHtml, publicUrl: string): string {
  const url = `${publicUrl}${page.path}`;
  const description = shortDescription(page.description);
  const head = [
    `<link rel="canonical" href="${escapeHtml(url)}" />`,
    `<meta property="og:type" content="${page.type ?? "website"}" />`,
    `<meta property="og:site_name" content="KTP-Netz" />`,
    `<meta property="og:locale" content="de_DE" />`,
    `<meta property="og:title" content="${escapeHtml(page.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(description)}" />`,
    `<meta property="og:url" content="${escapeHtml(url)}" />`,
    ...(page.imagePath
      ? [
          `<meta property="og:image" content="${escapeHtml(`${publicUrl}${page.imagePath}`)}" />`,
          `<meta name="twitter:card" content="summary_large_image" />`,
        ]
      : [`<meta name="twitter:card" content="summary" />`]),
  ].join("\n    ");
  const nav = page.site
    ? `<header><p><a href="${escapeHtml(siteMenuPath(page.site.slug, { kind: "home" }))}">${escapeHtml(page.site.name)}</a></p><nav aria-label="${escapeHtml(translator("de")("site.menu.label"))}"><ul>${page.site.menu
        .map(
          (entry) =>
            `<li><a href="${escapeHtml(siteMenuPath(page.site?.slug ?? "", entry))}">${escapeHtml(menuLabel(entry))}</a></li>`,
        )
        .join("")}</ul></nav></header>`
    : "";
  const body = `${nav}<main><h1>${escapeHtml(page.heading)}</h1>${page.bodyHtml}</main>`;

  return template()
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      () => `<meta name="description" content="${escapeHtml(description)}" />`,
    )
    .replace("</head>", () => `  ${head}\n  </head>`)
    .replace('<div id="root"></div>', () => `<div id="root">${body}</div>`);
}
