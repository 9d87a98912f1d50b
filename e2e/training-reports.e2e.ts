import { readFileSync } from "node:fs";
import { extractText } from "unpdf";
import { expect, it } from "vitest";
import { openPdf } from "../test/support/pdf";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

it("the office reads the training report on a phone, narrows it to a kind of course and downloads the PDF", async () => {
  const office = await journey.newPage();
  await journey.signIn(office, "fachberatung@demo.ktp-netz.de");
  await journey.navigate(office, "Fortbildungsberichte");
  await office.getByRole("heading", { level: 1, name: "Fortbildungsberichte" }).waitFor();

  // The demo's QHB course started eight weeks ago: it is running, with its first sessions held.
  const runs = office.getByTestId("training-report-runs");
  const qhbRow = runs.locator("tbody tr", { hasText: "QHB Teil 1 – Grundqualifizierung" });
  await qhbRow.waitFor();
  await expect(qhbRow.locator("td").nth(1).textContent()).resolves.toBe("läuft");
  const cohorts = office.getByTestId("training-report-cohorts");
  await expect(cohorts.locator("tbody tr").count()).resolves.toBe(1);
  const summary = office.getByTestId("training-report-summary");
  await expect(summary.textContent()).resolves.toMatch(/Teilnehmende\d+/);
  await journey.expectAccessible(office, "training report on a phone");
  await journey.screenshot(office, "training-report-phone");

  // Only first aid: the QHB course leaves the tables.
  const loaded = office.waitForResponse((r) => r.url().includes("kursart=") || r.url().includes("category="));
  await office.getByTestId("training-report-category").selectOption("firstAidChildren");
  await loaded;
  await expect.poll(() => runs.locator("tbody tr", { hasText: "QHB" }).count()).toBe(0);
  await expect(runs.locator("tbody tr", { hasText: "Erste Hilfe am Kind" }).count()).resolves.toBeGreaterThan(
    0,
  );
  await expect(cohorts.count()).resolves.toBe(0);

  // The same figures as one PDF, without a participant's name.
  const [download] = await Promise.all([
    office.waitForEvent("download"),
    office.getByTestId("training-report-pdf").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^fortbildungsbericht-beckum-\d{4}\.pdf$/);
  const bytes = readFileSync(await download.path());
  const { text } = await extractText(await openPdf(new Uint8Array(bytes)), { mergePages: true });
  expect(text).toContain("Fortbildungsbericht");
  expect(text).toContain("Erste Hilfe am Kind");
  expect(text).not.toContain("QHB Teil 1");
  expect(text).toContain("ohne personenbezogene Daten");
});
