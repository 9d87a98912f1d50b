/**
 * CSV as German Excel opens and writes it: UTF-8 with BOM, semicolons, CRLF, dd.mm.yyyy, and cells that
 * would run as formulas made text. Every export and the registry's import use it.
 */
import Papa from "papaparse";

export const CSV_BOM = "\uFEFF";

// A cell starting like a formula runs as one in a spreadsheet (CSV injection); a leading apostrophe makes it
// text, and the import takes the apostrophe off again.
const FORMULA_START = /^[=+\-@\t\r]/;

function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function unprotectCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** A CSV document as German Excel expects it: BOM, semicolons, CRLF, quotes only where needed. */
export function formatCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = Papa.unparse(
    { fields: header.map(protectCell), data: rows.map((row) => row.map(protectCell)) },
    { delimiter: ";", newline: "\r\n" },
  );
  return `${CSV_BOM}${body}\r\n`;
}

/**
 * Reads a CSV document with `;` or `,` between cells (whichever the header line uses more), with or without
 * BOM. Returns the header cells and the records; a record's line is its line number in the file.
 */
export function parseCsv(text: string): { header: string[]; records: { line: number; cells: string[] }[] } {
  const content = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const firstLine = content.slice(0, content.search(/\r?\n|$/));
  const delimiter = countOf(firstLine, ";") >= countOf(firstLine, ",") ? ";" : ",";
  const parsed = Papa.parse<string[]>(content, { delimiter, skipEmptyLines: false });
  const [header = [], ...data] = parsed.data;
  const records: { line: number; cells: string[] }[] = [];
  data.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    records.push({ line: index + 2, cells: cells.map((cell) => unprotectCell(cell.trim())) });
  });
  return { header: header.map((cell) => cell.trim()), records };
}

function countOf(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** "2026-02-03" as "03.02.2026". */
export function formatGermanDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}.${month}.${year}`;
}
