/**
 * bench/RESULTS.md holds one section per benchmark, each between marker comments
 * (`<!-- bench:NAME -->` … `<!-- /bench:NAME -->`), so that each benchmark rewrites only its own figures.
 * Used by bench/run.ts (web) and bench/placement.ts (allocation round), which also share the table layout.
 */

import { existsSync, readFileSync, writeFileSync } from "node:fs";

const TITLE =
  "# Benchmark results\n\nEach section below is written by its benchmark; do not edit by hand — rerun instead.\n";

/** Replaces the section `name` of the results file with `body`, or appends it when the file has none yet. */
export function writeResultsSection(file: string, name: string, body: string): void {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const section = `${start}\n\n${body.trim()}\n\n${end}`;
  const current = existsSync(file) ? readFileSync(file, "utf8") : TITLE;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next =
    from >= 0 && to > from
      ? current.slice(0, from) + section + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}

/**
 * A Markdown table laid out the way Biome formats one (padded cells, width at least 3), so that the
 * generated file passes `npm run check` unchanged.
 */
export function renderTable(headers: string[], align: ("left" | "right")[], rows: string[][]): string[] {
  const length = (text: string) => [...text].length;
  const widths = headers.map((header, i) =>
    Math.max(3, length(header), ...rows.map((row) => length(row[i] ?? ""))),
  );
  const cell = (text: string, i: number) => {
    const pad = " ".repeat((widths[i] ?? 3) - length(text));
    return align[i] === "right" ? pad + text : text + pad;
  };
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  const rule = widths.map((w, i) => (align[i] === "right" ? `${"-".repeat(w - 1)}:` : "-".repeat(w)));
  return [line(headers), `| ${rule.join(" | ")} |`, ...rows.map(line)];
}
