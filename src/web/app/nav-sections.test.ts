import { describe, expect, it } from "vitest";
import type { NavItem } from "./module-types";
import { FLAT_NAV_LIMIT, navSections } from "./nav-sections";

const item = (path: string, group?: NavItem["group"]): NavItem => ({
  path,
  labelKey: path,
  roles: ["admin"],
  ...(group ? { group } : {}),
});

describe("navSections", () => {
  it("keeps a short navigation as one plain list, whatever the groups", () => {
    const items = [item(""), item("a", "training"), item("b", "training"), item("c", "placement")];
    expect(navSections(items)).toEqual([{ group: null, items }]);
  });

  it("puts loose entries first, then each section in the order of its first entry", () => {
    const items = [
      item(""),
      item("anfragen", "placement"),
      item("mitteilungen"),
      item("vermittlung", "placement"),
      item("fortbildungen", "training"),
      item("konten", "training"),
      item("termine", "community"),
      item("website", "community"),
      item("mitglieder", "organisation"),
      item("einstellungen", "organisation"),
    ];
    expect(items.length).toBeGreaterThan(FLAT_NAV_LIMIT);
    const sections = navSections(items);
    expect(sections.map((s) => s.group)).toEqual([
      null,
      "placement",
      "training",
      "community",
      "organisation",
    ]);
    expect(sections[0]?.items.map((i) => i.path)).toEqual(["", "mitteilungen"]);
    expect(sections[1]?.items.map((i) => i.path)).toEqual(["anfragen", "vermittlung"]);
  });

  it("lists a section's only entry among the loose ones instead of under a heading", () => {
    const items = [
      item(""),
      item("karte", "community"),
      ...["a", "b", "c", "d", "e", "f", "g", "h"].map((p) => item(p, "training")),
    ];
    const sections = navSections(items);
    expect(sections.map((s) => s.group)).toEqual([null, "training"]);
    expect(sections[0]?.items.map((i) => i.path)).toEqual(["", "karte"]);
    // Every entry is shown exactly once.
    expect(sections.flatMap((s) => s.items)).toHaveLength(items.length);
  });
});
