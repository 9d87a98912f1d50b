import fontkit from "@pdf-lib/fontkit";
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFRawStream } from "pdf-lib";
import { getDocumentProxy } from "unpdf";
import { expect } from "vitest";

/**
 * Checks every embedded font of a PDF: regular and bold as small subsets, each glyph record decodable and
 * every composite glyph pointing at a glyph that exists — what pdf.js and Chrome check before they print
 * (platform/pdf.ts explains the fontkit bug this guards against).
 */
export async function expectReadableFontSubsets(bytes: Uint8Array): Promise<void> {
  const pdf = await PDFDocument.load(bytes);
  const fonts = pdf.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict)
    .flatMap((dict) => {
      const file = pdf.context.lookup(dict.get(PDFName.of("FontFile2")));
      return file instanceof PDFRawStream ? [file] : [];
    });
  // Regular and bold, each embedded as a subset (a few kB, not the 600 kB font).
  expect(fonts).toHaveLength(2);
  for (const stream of fonts) {
    const fontBytes = decodePDFRawStream(stream).decode();
    expect(fontBytes.length).toBeLessThan(60_000);
    const font = fontkit.create(Buffer.from(fontBytes));
    expect(font.numGlyphs).toBeGreaterThan(20);
    for (let gid = 0; gid < font.numGlyphs; gid++) {
      const glyph = font.getGlyph(gid) as unknown as {
        _decode(): { numberOfContours: number; components?: { glyphID: number }[] } | null;
      };
      const decoded = glyph._decode();
      if (!decoded) continue;
      expect(decoded.numberOfContours).toBeGreaterThanOrEqual(-1);
      expect(decoded.numberOfContours).toBeLessThan(200);
      for (const component of decoded.components ?? [])
        expect(component.glyphID).toBeLessThan(font.numGlyphs);
    }
  }
}

/**
 * Opens a PDF with unpdf's pdf.js build. That build prints "Please use the `legacy` build in Node.js" on
 * every document although it reads them correctly here; the notice is dropped so that test output shows
 * only real warnings.
 */
export async function openPdf(bytes: Uint8Array) {
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes("Please use the `legacy` build")) return;
    log(...args);
  };
  try {
    return await getDocumentProxy(bytes);
  } finally {
    console.log = log;
  }
}
