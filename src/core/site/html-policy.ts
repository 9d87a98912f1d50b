/**
 * What the rich text of pages and news may contain. The server cleans every stored text with this
 * allow-list (sanitize-html), whatever the editor in the browser sent: anything not named here — scripts,
 * event handlers, styles, iframes, images, forms — is dropped.
 */
export const siteHtmlPolicy = {
  allowedTags: [
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "hr",
    "code",
    "pre",
  ],
  allowedAttributes: { a: ["href", "rel"] } as Record<string, string[]>,
  /** Links open web pages, write a mail or call; `javascript:` and `data:` never survive. */
  allowedSchemes: ["http", "https", "mailto", "tel"],
  /** The page title is the only first-level heading; a heading 1 written in the text becomes a 2. */
  renamedTags: { h1: "h2", b: "strong", i: "em", strike: "s" } as Record<string, string>,
  /** Every link leaves the page without handing it the opener (and so the site) or the address it came from. */
  linkRel: "noopener noreferrer",
  /** A stored text of this many characters of HTML is enough for a long page; more is refused. */
  maxHtmlLength: 100_000,
} as const;

/** The text of sanitised HTML without tags, with blanks collapsed: for meta descriptions and teasers. */
export function plainTextOf(html: string): string {
  return html
    .replace(/<\/(p|h[1-6]|li|blockquote|pre)>|<br\s*\/?>/gi, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/\s+/g, " ")
    .trim();
}

/** A meta description of at most `max` characters, cut at a word with an ellipsis. */
export function shortDescription(text: string, max = 160): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const atWord = cut.lastIndexOf(" ") > max / 2 ? cut.slice(0, cut.lastIndexOf(" ")) : cut;
  return `${atWord.trimEnd()} …`;
}
