import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import { expectReadableFontSubsets, openPdf } from "../../../test/support/pdf";
import { tableReportPdf, wrapText } from "./pdf";

const report = (rows: string[][]) =>
  tableReportPdf({
    title: "Bericht für Şükran Łukasz Müßig",
    subtitle: "Untertitel",
    author: "Verein",
    language: "de-DE",
    footer: "Seite {page} von {pages}",
    sections: [
      {
        heading: "Kurse",
        header: ["Kurs mit langem Namen", "Teilnehmende"],
        numeric: [false, true],
        emptyText: "Keine Kurse.",
        rows,
      },
      { heading: "Leer", header: ["A"], numeric: [false], emptyText: "Nichts in diesem Zeitraum.", rows: [] },
    ],
  });

describe("tableReportPdf", () => {
  it("prints names outside Latin-1 with readable font subsets", async () => {
    const bytes = await report([["Erste Hilfe am Kind", "12"]]);
    await expectReadableFontSubsets(bytes);
    const { text } = await extractText(await openPdf(bytes), { mergePages: true });
    expect(text).toContain("Bericht für Şükran Łukasz Müßig");
    expect(text).toContain("Nichts in diesem Zeitraum.");
  });

  it("breaks long tables onto new pages and numbers every page", async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Kurs ${i + 1}`, String(i)]);
    const document = await openPdf(await report(rows));
    expect(document.numPages).toBeGreaterThan(2);
    const { text } = await extractText(document);
    const pages = document.numPages;
    for (const [index, pageText] of text.entries())
      expect(pageText).toContain(`Seite ${index + 1} von ${pages}`);
    // The header repeats on every page that continues the table.
    expect(text.filter((pageText) => pageText.includes("Teilnehmende")).length).toBe(pages);
    expect(text.join(" ")).toContain("Kurs 120");
  });
});

describe("wrapText", () => {
  it("keeps words whole and cuts only a word wider than the line", async () => {
    const { createPdf } = await import("./pdf");
    const { fonts } = await createPdf({ title: "t", author: "a", language: "de" });
    const width = fonts.regular.widthOfTextAtSize("Erste Hilfe", 10);
    expect(wrapText("Erste Hilfe am Kind", fonts.regular, 10, width)).toEqual(["Erste Hilfe", "am Kind"]);
    const [cut] = wrapText("Kindertagespflegeperson", fonts.regular, 10, width);
    expect(cut?.endsWith("…")).toBe(true);
    expect(fonts.regular.widthOfTextAtSize(cut ?? "", 10)).toBeLessThanOrEqual(width);
  });
});
