import { type NavGroup, type NavItem, navGroups } from "./module-types";

/** A part of the side navigation: loose entries (group null) or the entries of one labelled section. */
export interface NavSection {
  group: NavGroup | null;
  items: NavItem[];
}

/** Up to this many entries the navigation stays one plain list: sections would only add reading. */
export const FLAT_NAV_LIMIT = 9;

/**
 * The navigation in sections: the loose entries first, then each section in the order of its first entry.
 * A section with a single entry is not worth a heading, so that entry joins the loose ones.
 */
export function navSections(items: readonly NavItem[]): NavSection[] {
  if (items.length <= FLAT_NAV_LIMIT) return [{ group: null, items: [...items] }];
  const byGroup = new Map<NavGroup, NavItem[]>();
  for (const item of items) {
    if (!item.group) continue;
    byGroup.set(item.group, [...(byGroup.get(item.group) ?? []), item]);
  }
  const grouped = new Set<NavGroup>(navGroups.filter((g) => (byGroup.get(g)?.length ?? 0) > 1));
  const loose = items.filter((item) => !item.group || !grouped.has(item.group));
  const sections: NavSection[] = [...grouped].map((group) => ({ group, items: byGroup.get(group) ?? [] }));
  sections.sort((a, b) => items.indexOf(a.items[0] as NavItem) - items.indexOf(b.items[0] as NavItem));
  return loose.length > 0 ? [{ group: null, items: loose }, ...sections] : sections;
}
