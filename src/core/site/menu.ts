/**
 * The menu of an organisation's public website: the same entries on every public page, in a fixed order
 * around the pages the organisation wrote, so a visitor finds dates, news and contact in the same place on
 * every site of the platform.
 */

export type SiteMenuEntry =
  | { kind: "home" }
  | { kind: "page"; slug: string; title: string }
  | { kind: "dates" }
  | { kind: "news" }
  | { kind: "exhibition" }
  | { kind: "courses" }
  | { kind: "map" }
  | { kind: "contact" };

export interface SiteMenuInput {
  organisationKind: "coordinationOffice" | "association" | "youthOffice";
  /** Published pages shown in the menu, with their position (lower first). */
  pages: readonly { slug: string; title: string; menuPosition: number }[];
  hasMap: boolean;
  /** A photo exhibition is on show. */
  hasExhibition: boolean;
}

/** Start, the written pages by position (then title), dates, news, exhibition, courses, map, contact. */
export function siteMenu(input: SiteMenuInput): SiteMenuEntry[] {
  const runsEvents = input.organisationKind !== "youthOffice";
  const pages = [...input.pages]
    .sort((a, b) => a.menuPosition - b.menuPosition || a.title.localeCompare(b.title, "de"))
    .map((page): SiteMenuEntry => ({ kind: "page", slug: page.slug, title: page.title }));
  return [
    { kind: "home" },
    ...pages,
    ...(runsEvents ? [{ kind: "dates" } as const] : []),
    { kind: "news" },
    ...(input.hasExhibition ? [{ kind: "exhibition" } as const] : []),
    ...(runsEvents ? [{ kind: "courses" } as const] : []),
    ...(input.hasMap ? [{ kind: "map" } as const] : []),
    { kind: "contact" },
  ];
}

/** The path of a menu entry under /o/:slug; the web app and the server's HTML answer link the same way. */
export function siteMenuPath(orgSlug: string, entry: SiteMenuEntry): string {
  const base = `/o/${encodeURIComponent(orgSlug)}`;
  switch (entry.kind) {
    case "home":
      return base;
    case "page":
      return `${base}/seite/${encodeURIComponent(entry.slug)}`;
    case "dates":
      return `${base}/termine`;
    case "news":
      return `${base}/neuigkeiten`;
    case "exhibition":
      return `${base}/ausstellung`;
    case "courses":
      return `${base}/fortbildungen`;
    case "map":
      return `${base}/karte`;
    case "contact":
      return `${base}/kontakt`;
  }
}
