import { readFileSync } from "node:fs";
import type { Locator } from "playwright-core";
import { expect, it } from "vitest";
import type { HoursResponse, ModelReport } from "../src/contracts/substitution";
import { addDays, todayIso } from "../src/core/shared/dates";
import { callApi } from "./support/api";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const OFFICE = "fachberatung@demo.ktp-netz.de";
const SLUG = "beckum";
const PHONE = { width: 360, height: 780 };
const MODEL_NAMES: Record<string, string> = {
  tandem: "Tandem",
  employedSubstitute: "Festangestellte Vertretung",
  kita: "Kooperations-Kita",
  none: "Keine Regelung",
};

/** The cells of a report's table row, or the figures of its card on a phone, as the page shows them. */
async function cellsOf(row: Locator, part = "td"): Promise<string[]> {
  return (await row.locator(part).allTextContents()).map((text) => text.trim());
}

it("the coordinator compares the substitution models over the demo year, downloads them as CSV and PDF, reads a month's hours, and looks through the arrangements", async () => {
  const today = todayIso(new Date());
  // The demo seeds the year up to today with absences and their covers.
  const from = addDays(today, -365);
  const month = addDays(today.slice(0, 7).concat("-01"), -1).slice(0, 7);
  const german = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat("de-DE", { style: "percent", maximumFractionDigits: 0 });

  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, OFFICE);
  await journey.navigate(office, "Vertretung auswerten");
  await office.getByRole("heading", { level: 1, name: "Vertretung auswerten" }).waitFor();

  // The period of the demo year, entered in the form.
  await office.getByLabel("Von", { exact: true }).fill(from);
  await office.getByLabel("Bis", { exact: true }).fill(today);
  await office.getByRole("button", { name: "Anzeigen" }).click();
  await office.waitForURL((url) => url.searchParams.get("von") === from);
  const table = office.getByTestId("model-report");
  const rows = table.getByTestId("model-row");
  await rows.first().waitFor();

  // Every model with its figures, as the server counts them for the same period.
  const report = await callApi<ModelReport>(
    office,
    "GET",
    `/api/orgs/${SLUG}/substitution/report?from=${from}&to=${today}`,
  );
  expect(report.rows.some((row) => row.childDays > 0)).toBe(true);
  await expect(rows.count()).resolves.toBe(report.rows.length);
  const figures = new Map<string, string[]>();
  for (const [index, expected] of report.rows.entries()) {
    const cells = await cellsOf(rows.nth(index));
    expect(cells[0]).toBe(MODEL_NAMES[expected.model]);
    figures.set(expected.model, cells.slice(1));
    cells.shift();
    expect(cells.slice(0, 3), expected.model).toEqual(
      [expected.caregivers, expected.absenceDays, expected.childDays].map((n) => german.format(n)),
    );
    expect(cells[3], expected.model).toBe(
      expected.childDays === 0 ? "–" : percent.format(expected.coveredShare),
    );
    expect(cells[4], expected.model).toBe(german.format(expected.coveredByKnown));
    expect(cells[5], expected.model).toBe(german.format(expected.byKind.tandem ?? 0));
    expect(cells[8], expected.model).toBe(german.format(expected.byKind.kita ?? 0));
    expect(cells.slice(10), expected.model).toEqual(
      [expected.parentsConfirmed, expected.parentsKeptHome, expected.parentsNoAnswer].map((n) =>
        german.format(n),
      ),
    );
  }
  await journey.expectAccessible(office, "model report");
  await journey.screenshot(office, "substitution-evaluation");

  // The same figures as files: CSV with a header and a line per model, and a PDF.
  const [csv] = await Promise.all([
    office.waitForEvent("download"),
    office.getByTestId("report-csv").click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`vertretungsmodelle-${from}-${today}.csv`);
  const lines = readFileSync(await csv.path(), "utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toMatch(/^Modell;/);
  expect(lines.length).toBe(1 + report.rows.length);
  for (const expected of report.rows) {
    const line = lines.find((l) => l.startsWith(`${MODEL_NAMES[expected.model]};`));
    expect(line, expected.model).toBeDefined();
    expect(line?.split(";").slice(1, 4)).toEqual(
      [expected.caregivers, expected.absenceDays, expected.childDays].map(String),
    );
  }
  const [pdf] = await Promise.all([
    office.waitForEvent("download"),
    office.getByTestId("report-pdf").click(),
  ]);
  expect(pdf.suggestedFilename()).toBe(`vertretungsmodelle-${from}-${today}.pdf`);
  expect(
    readFileSync(await pdf.path())
      .subarray(0, 4)
      .toString(),
  ).toBe("%PDF");

  // The cover hours per person of last month.
  await office.getByLabel("Monat", { exact: true }).fill(month);
  await office.waitForURL((url) => url.searchParams.get("monat") === month);
  const hours = await callApi<HoursResponse>(
    office,
    "GET",
    `/api/orgs/${SLUG}/substitution/hours?month=${month}`,
  );
  expect(hours.items.length).toBeGreaterThan(0);
  const hoursRows = office.getByTestId("hours-row");
  await expect.poll(() => hoursRows.count()).toBe(hours.items.length);
  for (const [index, item] of hours.items.entries()) {
    const cells = await cellsOf(hoursRows.nth(index));
    expect(cells[0]).toBe(item.name);
    expect(cells[2], item.name).toBe(german.format(item.presenceMinutes / 60));
    expect(cells[3], item.name).toBe(german.format(item.childMinutes / 60));
  }
  await journey.screenshot(office, "substitution-evaluation-hours");

  // The same hours as a file for the employment records: a line per person, in the page's order.
  const [hoursCsv] = await Promise.all([
    office.waitForEvent("download"),
    office.getByTestId("hours-csv").click(),
  ]);
  expect(hoursCsv.suggestedFilename()).toBe(`vertretungsstunden-${month}.csv`);
  const hoursLines = readFileSync(await hoursCsv.path(), "utf8")
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n");
  expect(hoursLines.length).toBe(1 + hours.items.length);
  expect(hoursLines.slice(1).map((line) => line.split(";")[0])).toEqual(hours.items.map((i) => i.name));

  // On a phone: a card per model with the same figures, and the page does not scroll sideways.
  await office.setViewportSize(PHONE);
  await rows.locator("dd").first().waitFor();
  await expect(rows.count()).resolves.toBe(report.rows.length);
  for (const [index, expected] of report.rows.entries()) {
    await expect(cellsOf(rows.nth(index), "dd"), expected.model).resolves.toEqual(
      figures.get(expected.model),
    );
  }
  await expect(office.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
    PHONE.width,
  );
  await journey.expectAccessible(office, "model report on a phone");
  await journey.screenshot(office, "substitution-evaluation-phone");

  // The arrangements and what stands behind them, each tab once, on the phone.
  await office.goto(`/app/${SLUG}/vertretung/regelungen`);
  await office.getByTestId("arrangement-row").first().waitFor();
  for (const [tab, name] of [
    ["arrangements", "Regelungen"],
    ["substitutes", "Vertretungskräfte"],
    ["kitas", "Kitas"],
    ["playGroups", "Spielgruppen"],
    ["settings", "Einstellungen"],
  ] as const) {
    const button = office.getByRole("tab", { name, exact: true });
    await button.click();
    await expect.poll(() => button.getAttribute("aria-selected")).toBe("true");
    const panel = office.getByRole("tabpanel");
    await panel.waitFor();
    // Content, not a spinner, is what gets checked.
    await expect.poll(() => panel.locator(".mantine-Loader-root").count()).toBe(0);
    await expect(office.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(
      PHONE.width,
    );
    await journey.expectAccessible(office, `substitution setup: ${tab} on a phone`);
    await journey.screenshot(office, `substitution-setup-${tab}-phone`);
    if (tab === "playGroups") {
      // A year of dates: the recent ones first, the older ones on request.
      const dates = panel.getByTestId("play-group");
      const recent = await dates.count();
      await panel.getByTestId("play-group-older").click();
      await expect.poll(() => dates.count()).toBeGreaterThan(recent);
    }
  }
}, 90_000);
