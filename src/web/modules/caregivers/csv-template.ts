import type { TFunction } from "i18next";
import { csvColumns } from "../../../contracts/caregivers";

/**
 * The import template as German Excel opens it: BOM, semicolons, the server's German column names (the
 * same the export writes, so an exported file can be imported again).
 */
export function buildCsvTemplate(t: TFunction): string {
  const header = csvColumns.map((column) => t(`caregivers.csvColumns.${column}`, { lng: "de" }));
  return `\uFEFF${header.join(";")}\r\n`;
}

/** Offers text as a file download. */
export function downloadText(text: string, filename: string, type = "text/csv;charset=utf-8"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A file's text: UTF-8 if it is valid UTF-8, else Windows-1252, which older Excel versions write for
 * "CSV (Trennzeichen-getrennt)" — so umlauts survive either way.
 */
export async function readTextFile(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
