import sanitizeHtml from "sanitize-html";
import { siteHtmlPolicy } from "../../../core/site/html-policy";

/**
 * The one way rich text gets into the database: whatever the editor (or anyone calling the API) sent is
 * reduced to the allow-list of core/site/html-policy.ts. Scripts, event handlers, styles and links with
 * other schemes than http(s), mailto and tel are removed; the public pages and the server's HTML answer
 * show only what passed here.
 */
export function sanitizeSiteHtml(html: string): string {
  const renamed = Object.fromEntries(
    Object.entries(siteHtmlPolicy.renamedTags).map(([from, to]) => [
      from,
      sanitizeHtml.simpleTransform(to, {}),
    ]),
  );
  const cleaned = sanitizeHtml(html, {
    allowedTags: [...siteHtmlPolicy.allowedTags],
    allowedAttributes: siteHtmlPolicy.allowedAttributes,
    allowedSchemes: [...siteHtmlPolicy.allowedSchemes],
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    transformTags: {
      ...renamed,
      // The editor's own rel and target are replaced: a link never gets the opener, and opens where the
      // visitor chooses.
      a: (_tagName, attribs) => ({
        tagName: "a",
        attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: siteHtmlPolicy.linkRel },
      }),
    },
  });
  // An editor's empty document is "<p></p>"; store it as nothing.
  return cleaned.replace(/^(\s*<p>\s*<\/p>\s*)+$/g, "").trim();
}

/** Text for an HTML text node or attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
