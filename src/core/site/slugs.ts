/**
 * URL slugs of an organisation's pages and news posts. A slug is made once from the title and then stays:
 * links in newspapers, flyers and search engines must keep working when the title is polished later.
 */

const MAX_SLUG_LENGTH = 80;

/** German letters written out the way people type them in addresses ("Tagesmütter" → "tagesmuetter"). */
const transliterations: Record<string, string> = { ä: "ae", ö: "oe", ü: "ue", ß: "ss" };

export const siteSlugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The slug a title suggests: lower case, ASCII letters and digits, words joined by "-". */
export function slugify(title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[äöüß]/g, (c) => transliterations[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/g, "");
  return cut || "seite";
}

/**
 * The first of `base`, `base-2`, `base-3` … that no other page (or old address of one) of the organisation
 * uses. `taken` holds the slugs already in use.
 */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/g, "")}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
