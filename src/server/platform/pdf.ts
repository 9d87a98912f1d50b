/**
 * PDF documents: certificates and report exports. pdf-lib's standard fonts only know WinAnsi, which cannot
 * print names like "Şükran" or "Łukasz"; Noto Sans (OFL, shipped as an npm package) covers Latin, Greek and
 * Cyrillic, and is embedded as a subset so a one-page document stays small.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { renderPdf } from "./pdf-pool";

const require = createRequire(import.meta.url);
const FONT_FILES = {
  regular: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
} as const;

let fontBytes: Promise<{ regular: Uint8Array; bold: Uint8Array }> | null = null;

function loadFontBytes() {
  fontBytes ??= Promise.all([
    readFile(require.resolve(FONT_FILES.regular)),
    readFile(require.resolve(FONT_FILES.bold)),
  ]).then(([regular, bold]) => ({ regular, bold }));
  return fontBytes;
}

export interface PdfFonts {
  regular: PDFFont;
  bold: PDFFont;
}

interface GlyphBuffer extends Uint8Array {
  copy(target: Uint8Array): number;
}
interface TtfSubset {
  glyf?: GlyphBuffer[];
  offset?: number;
  _addGlyph?: (gid: number) => number;
}

/**
 * @pdf-lib/fontkit 1.1.1 (unmaintained; fixed upstream in fontkit 1.8, foliojs/fontkit#191) writes a subset's
 * `loca` table in the short format, which stores offsets halved, without padding the glyph records to an even
 * length. Noto Sans has odd-length records, so every glyph after one of them points a byte off: viewers
 * that check fonts (pdf.js, Chrome) reject the font ("invalid glyph id used in composite glyph") and print
 * blank, others draw garbage for accented letters. Padding each glyph record to an even length, as the
 * format requires, makes the subset valid. Embedding the whole font instead would cost 2 s of blocked event
 * loop and 0.6 MB per certificate.
 */
/**
 * One parsed font per font file and thread. fontkit decodes its layout tables (GSUB, GPOS) lazily and keeps
 * them on the font object; a font parsed anew for every document decoded them again each time, which was
 * two thirds of a certificate's 286 ms. The font object holds no per-document state (each document makes
 * its own subset), so documents may share it.
 */
type FontkitFont = ReturnType<typeof fontkit.create>;
const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

export const evenGlyphFontkit = {
  create(data: Uint8Array) {
    const known = parsedFonts.get(data);
    if (known) return known;
    const font = fontkit.create(data as Parameters<typeof fontkit.create>[0]);
    parsedFonts.set(data, font);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset() as unknown as TtfSubset;
      const addGlyph = subset._addGlyph?.bind(subset);
      if (addGlyph) {
        subset._addGlyph = (gid: number) => {
          const index = addGlyph(gid);
          const glyph = subset.glyf?.[index];
          if (subset.glyf && glyph && glyph.length % 2 === 1) {
            // The same Buffer class the encoder wrote, one zero byte longer.
            const Buffer = glyph.constructor as new (size: number) => GlyphBuffer;
            const padded = new Buffer(glyph.length + 1);
            padded.fill(0);
            glyph.copy(padded);
            subset.glyf[index] = padded;
            subset.offset = (subset.offset ?? 0) + 1;
          }
          return index;
        };
      }
      return subset as unknown as ReturnType<typeof createSubset>;
    };
    return font;
  },
};

/**
 * pdf-lib draws and measures text by glyph ids and advance widths only; the glyph positions fontkit computes
 * from the GPOS table (kerning, mark and cursive attachment) are thrown away. Switching those features off
 * leaves every drawn glyph and every width as it was and saves most of the layout time; the substitutions
 * (ligatures, composed letters) stay on because they choose the glyphs.
 */
const UNPOSITIONED = { kern: false, mark: false, mkmk: false, curs: false };

/** A new document with the fonts embedded and its metadata set. */
export async function createPdf(meta: {
  title: string;
  author: string;
  language: string;
}): Promise<{ doc: PDFDocument; fonts: PdfFonts }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(evenGlyphFontkit);
  const bytes = await loadFontBytes();
  const fonts = {
    regular: await doc.embedFont(bytes.regular, { subset: true, features: UNPOSITIONED }),
    bold: await doc.embedFont(bytes.bold, { subset: true, features: UNPOSITIONED }),
  };
  fileWidths.set(fonts.regular, widthsOf("regular"));
  fileWidths.set(fonts.bold, widthsOf("bold"));
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setLanguage(meta.language);
  doc.setCreator("KTP-Netz");
  doc.setProducer("KTP-Netz");
  return { doc, fonts };
}

/**
 * The finished document. pdf-lib waits a timer tick after every 50 objects so as not to block the thread it
 * runs on; documents are made on a worker thread (pdf-pool.ts), where that only adds delay. A document has
 * no form fields to update.
 */
export function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ objectsPerTick: Number.POSITIVE_INFINITY, updateFieldAppearances: false });
}

/**
 * Text widths at size 1, remembered per font file across documents: fontkit lays out every string it
 * measures, and a report asks for the same cells (categories, states, numbers) hundreds of times while
 * fitting and wrapping them, and every certificate for the same labels. The width depends only on the font
 * file, not on the document. A font not made by `createPdf` gets a cache of its own.
 */
const fileWidths = new WeakMap<PDFFont, Map<string, number>>();
const sharedWidths = new Map<keyof typeof FONT_FILES, Map<string, number>>();
/** Enough for every label and a few thousand names; a long-running worker must not grow without end. */
const MAX_REMEMBERED_WIDTHS = 20_000;

function widthsOf(file: keyof typeof FONT_FILES): Map<string, number> {
  let widths = sharedWidths.get(file);
  if (!widths) {
    widths = new Map();
    sharedWidths.set(file, widths);
  }
  return widths;
}

export function textWidth(font: PDFFont, text: string, size: number): number {
  let cache = fileWidths.get(font);
  if (!cache) {
    cache = new Map();
    fileWidths.set(font, cache);
  }
  let width = cache.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    if (cache.size >= MAX_REMEMBERED_WIDTHS) cache.clear();
    cache.set(text, width);
  }
  return width * size;
}

/** The text cut with "…" so that it fits `width` at `size`. */
export function fitText(text: string, font: PDFFont, size: number, width: number): string {
  if (textWidth(font, text, size) <= width) return text;
  // The longest prefix that fits with "…", found by halving rather than one letter at a time.
  let low = 0;
  let high = text.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(font, `${text.slice(0, middle)}…`, size) <= width) low = middle;
    else high = middle - 1;
  }
  const end = low;
  return `${text.slice(0, end)}…`;
}

export interface TableSection {
  heading: string;
  header: string[];
  rows: string[][];
  /** Columns aligned right (numbers); the others align left. */
  numeric: boolean[];
  /** Shown instead of an empty table. */
  emptyText: string;
}

/** Where the footer template takes the page number and the number of pages. */
export const PAGE_PLACEHOLDER = "{page}";
export const PAGES_PLACEHOLDER = "{pages}";

/** Plain data only: it is copied to a PDF worker thread (see pdf-pool.ts). */
export interface TableReportInput {
  title: string;
  subtitle: string;
  author: string;
  language: string;
  /** The footer of every page, with `{page}` and `{pages}` filled in per page. */
  footer: string;
  sections: TableSection[];
}

const A4_LANDSCAPE: [number, number] = [841.89, 595.28];
const MARGIN = 40;
const SIZE = 8.5;
const ROW = 14;
const GREY = rgb(0.35, 0.35, 0.35);

/** `tableReportPdf` on a PDF worker thread: what a request calls, so the event loop stays free. */
export function renderTableReport(input: TableReportInput): Promise<Uint8Array> {
  return renderPdf({ module: import.meta.url, name: "tableReportPdf", input });
}

/**
 * A report as tables on A4 landscape pages: title and subtitle on the first page, each section's header
 * repeated after a page break, page numbers in the footer. Column widths follow the widest cell, with text
 * columns shrunk (and cut with "…") when the numbers need the room.
 */
export async function tableReportPdf(input: TableReportInput): Promise<Uint8Array> {
  const { doc, fonts } = await createPdf({
    title: input.title,
    author: input.author,
    language: input.language,
  });
  const [pageWidth, pageHeight] = A4_LANDSCAPE;
  const usable = pageWidth - 2 * MARGIN;
  let page: PDFPage = doc.addPage(A4_LANDSCAPE);
  let y = pageHeight - MARGIN;

  page.drawText(input.title, { x: MARGIN, y: y - 16, size: 16, font: fonts.bold });
  y -= 34;
  page.drawText(input.subtitle, { x: MARGIN, y, size: 9, font: fonts.regular, color: GREY });
  y -= 24;

  const newPage = () => {
    page = doc.addPage(A4_LANDSCAPE);
    y = pageHeight - MARGIN;
  };

  for (const section of input.sections) {
    const widths = columnWidths(section, fonts, usable);
    /** Text cells wrap at spaces (up to three lines); numbers stay on one line, aligned right. */
    const cellLines = (cells: string[], font: PDFFont) =>
      cells.map((cell, index) => {
        const room = (widths[index] ?? 0) - 6;
        if (section.numeric[index]) return [fitText(cell, font, SIZE, room)];
        const lines = wrapText(cell, font, SIZE, room).map((line) => fitText(line, font, SIZE, room));
        return lines.length > 3
          ? [...lines.slice(0, 2), fitText(lines.slice(2).join(" "), font, SIZE, room)]
          : lines;
      });
    const drawRow = (lines: string[][], font: PDFFont) => {
      const height = Math.max(1, ...lines.map((cell) => cell.length));
      for (let line = 0; line < height; line++) {
        let x = MARGIN;
        lines.forEach((cell, index) => {
          const width = widths[index] ?? 0;
          const text = cell[line] ?? "";
          const left = section.numeric[index] ? x + width - 6 - textWidth(font, text, SIZE) : x;
          if (text) page.drawText(text, { x: left, y, size: SIZE, font });
          x += width;
        });
        y -= ROW;
      }
      y -= 2;
    };
    const drawHeader = () => {
      const room = (index: number) => (widths[index] ?? 0) - 6;
      drawRow(
        section.header.map((title, index) => wrapText(title, fonts.bold, SIZE, room(index))),
        fonts.bold,
      );
      page.drawLine({
        start: { x: MARGIN, y: y + ROW - 2 },
        end: { x: pageWidth - MARGIN, y: y + ROW - 2 },
        thickness: 0.5,
        color: GREY,
      });
    };

    if (y < MARGIN + 4 * ROW) newPage();
    page.drawText(section.heading, { x: MARGIN, y, size: 11, font: fonts.bold });
    y -= ROW * 1.5;
    if (section.rows.length === 0) {
      page.drawText(section.emptyText, { x: MARGIN, y, size: SIZE, font: fonts.regular, color: GREY });
      y -= ROW * 2;
      continue;
    }
    drawHeader();
    for (const row of section.rows) {
      const lines = cellLines(row, fonts.regular);
      if (y < MARGIN + ROW * Math.max(...lines.map((cell) => cell.length))) {
        newPage();
        drawHeader();
      }
      drawRow(lines, fonts.regular);
    }
    y -= ROW;
  }

  const pages = doc.getPages();
  pages.forEach((each, index) => {
    const footer = input.footer
      .replaceAll(PAGE_PLACEHOLDER, String(index + 1))
      .replaceAll(PAGES_PLACEHOLDER, String(pages.length));
    each.drawText(footer, {
      x: MARGIN,
      y: MARGIN / 2,
      size: 7.5,
      font: fonts.regular,
      color: GREY,
    });
  });
  return savePdf(doc);
}

function columnWidths(section: TableSection, fonts: PdfFonts, usable: number): number[] {
  // Headers and text cells wrap at spaces: a column needs at least its longest word, and would like its widest
  // cell; numbers never wrap.
  const words = (text: string, font: PDFFont) => text.split(" ").map((w) => textWidth(font, w, SIZE));
  const minimum = section.header.map(
    (title, index) =>
      Math.max(
        ...words(title, fonts.bold),
        ...section.rows.map((row) =>
          section.numeric[index]
            ? textWidth(fonts.regular, row[index] ?? "", SIZE)
            : Math.min(60, Math.max(...words(row[index] ?? "", fonts.regular))),
        ),
      ) + 8,
  );
  const natural = section.header.map((_, index) =>
    Math.max(
      minimum[index] ?? 0,
      ...section.rows.map((row) => textWidth(fonts.regular, row[index] ?? "", SIZE) + 8),
    ),
  );
  const total = natural.reduce((sum, width) => sum + width, 0);
  if (total <= usable) return natural.map((width) => width + (usable - total) / natural.length);
  // Every column gets its minimum; the room left goes to the columns that want more, in proportion.
  const minTotal = minimum.reduce((sum, width) => sum + width, 0);
  const spare = Math.max(0, usable - minTotal);
  const wanted = total - minTotal;
  return natural.map(
    (width, i) => (minimum[i] ?? 0) + (wanted > 0 ? ((width - (minimum[i] ?? 0)) / wanted) * spare : 0),
  );
}

/** Splits `text` into lines that fit `width`; a single word wider than the line is cut with "…". */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (textWidth(font, candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = fitText(word, font, size, width);
  }
  if (line) lines.push(line);
  return lines;
}
