import { describe, expect, it } from "vitest";
import { checkContactTiming, contactRules } from "./contact";
import { plainTextOf, shortDescription } from "./html-policy";
import { siteMenu, siteMenuPath } from "./menu";
import { slugify, uniqueSlug } from "./slugs";
import { sitePageTemplates } from "./templates";

describe("slugs", () => {
  it("writes German letters out and joins words with hyphens", () => {
    expect(slugify("Profil Kindertagespflege")).toBe("profil-kindertagespflege");
    expect(slugify("Kindertagespflege oder Krippe?")).toBe("kindertagespflege-oder-krippe");
    expect(slugify("Tagesmütter & Großeltern: Straße")).toBe("tagesmuetter-grosseltern-strasse");
    expect(slugify("Café über Çelik")).toBe("cafe-ueber-celik");
  });

  it("falls back to a word for titles without letters and cuts long ones at a word boundary", () => {
    expect(slugify("???")).toBe("seite");
    const long = slugify("Kindertagespflege ".repeat(10));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith("-")).toBe(false);
  });

  it("counts up until a slug is free", () => {
    expect(uniqueSlug("profil", new Set())).toBe("profil");
    expect(uniqueSlug("profil", new Set(["profil", "profil-2"]))).toBe("profil-3");
  });
});

describe("site menu", () => {
  const pages = [
    { slug: "b", title: "Beta", menuPosition: 2 },
    { slug: "a", title: "Alpha", menuPosition: 2 },
    { slug: "z", title: "Zuerst", menuPosition: 1 },
  ];

  it("puts the written pages by position (then title) between start and the fixed entries", () => {
    const menu = siteMenu({ organisationKind: "association", pages, hasMap: true, hasExhibition: true });
    expect(menu.map((e) => (e.kind === "page" ? e.slug : e.kind))).toEqual([
      "home",
      "z",
      "a",
      "b",
      "dates",
      "news",
      "exhibition",
      "courses",
      "map",
      "contact",
    ]);
  });

  it("leaves out dates and courses for youth offices, and the map and exhibition where there is none", () => {
    const menu = siteMenu({
      organisationKind: "youthOffice",
      pages: [],
      hasMap: false,
      hasExhibition: false,
    });
    expect(menu.map((e) => e.kind)).toEqual(["home", "news", "contact"]);
  });

  it("links every entry under /o/:slug", () => {
    expect(siteMenuPath("verein", { kind: "page", slug: "profil", title: "Profil" })).toBe(
      "/o/verein/seite/profil",
    );
    expect(siteMenuPath("verein", { kind: "news" })).toBe("/o/verein/neuigkeiten");
    expect(siteMenuPath("verein", { kind: "home" })).toBe("/o/verein");
    expect(siteMenuPath("verein", { kind: "exhibition" })).toBe("/o/verein/ausstellung");
  });
});

describe("plain text and descriptions", () => {
  it("takes the text of HTML with blanks between blocks", () => {
    expect(plainTextOf("<h2>Titel</h2><p>Ein &amp; zwei</p><ul><li><p>drei</p></li></ul>")).toBe(
      "Titel Ein & zwei drei",
    );
  });

  it("cuts descriptions at a word with an ellipsis", () => {
    const text = "Wort ".repeat(60);
    const short = shortDescription(text);
    expect(short.length).toBeLessThanOrEqual(160);
    expect(short.endsWith(" …")).toBe(true);
    expect(shortDescription("kurz")).toBe("kurz");
  });
});

describe("contact form timing", () => {
  it("refuses forms sent too quickly or too late", () => {
    const issued = Date.UTC(2026, 2, 2, 9);
    expect(checkContactTiming(issued, issued + 1000)).toBe("tooFast");
    expect(checkContactTiming(issued, issued - 5000)).toBe("tooFast");
    expect(checkContactTiming(issued, issued + contactRules.minFillSeconds * 1000)).toBe("ok");
    expect(checkContactTiming(issued, issued + (contactRules.maxFormAgeSeconds + 1) * 1000)).toBe("expired");
  });
});

describe("page templates", () => {
  it("offers the three starting pages with a German text", () => {
    expect(sitePageTemplates.map((t) => t.title)).toEqual([
      "Profil Kindertagespflege",
      "Kindertagespflege oder Krippe?",
      "Tagesmutter/Tagesvater werden",
    ]);
    for (const template of sitePageTemplates) expect(plainTextOf(template.html).length).toBeGreaterThan(200);
  });
});
