import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

/** The next 1 August from today, as the page's quick choice computes it. */
function nextFirstOfAugust(): string {
  const now = new Date();
  const year = now.getFullYear();
  const today = `${year}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  return today < `${year}-08-01` ? `${year}-08-01` : `${year + 1}-08-01`;
}

it("the office reads the planning reports, picks the date for free places and downloads them as CSV", async () => {
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, "fachberatung@demo.ktp-netz.de");
  await journey.navigate(office, "Bedarfsplanung");
  await office.getByRole("heading", { level: 1, name: "Berichte zur Bedarfsplanung" }).waitFor();

  // The demo office has about 120 families waiting, most of them for August.
  const demandSummary = office.getByTestId("demand-summary");
  await expect.poll(() => demandSummary.textContent()).toMatch(/^\d+ offene Anfragen/);
  const open = Number((await demandSummary.textContent())?.match(/^(\d+)/)?.[1]);
  expect(open).toBeGreaterThan(50);
  const byMonth = office.getByTestId("demand-by-month");
  await expect(byMonth.locator("tfoot th").textContent()).resolves.toBe("Gesamt");
  await expect(byMonth.locator("tfoot td").nth(4).textContent()).resolves.toBe(String(open));
  await expect(byMonth.locator("tbody tr").count()).resolves.toBeGreaterThan(3);
  // No child's name anywhere on the page.
  await expect(office.getByText("Deniz").count()).resolves.toBe(0);
  await office.getByTestId("times-waiting").waitFor();

  // Free places on today's date first, then on the next 1 August.
  const capacitySummary = office.getByTestId("capacity-summary");
  await expect.poll(() => capacitySummary.textContent()).toMatch(/Kindertagespflegepersonen gezählt/);
  const august = nextFirstOfAugust();
  const [year, month, day] = august.split("-");
  const loaded = office.waitForResponse((r) => r.url().includes(`free-capacity?date=${august}`) && r.ok());
  await office.getByLabel("Stichtag").fill(august);
  await loaded;
  await expect
    .poll(() => capacitySummary.textContent())
    .toMatch(new RegExp(`^Am ${day}\\.${month}\\.${year}: \\d+`));
  // Everyone active is counted (one of the demo's caregivers has paused).
  const counted = (await capacitySummary.textContent())?.match(/: (\d+) Kindertagespflegepersonen/)?.[1];
  expect(Number(counted)).toBeGreaterThan(40);
  const capacity = office.getByTestId("capacity-table");
  await expect(capacity.locator("caption").textContent()).resolves.toBe(
    `Freie Plätze am ${day}.${month}.${year} nach Ort und Wochentag`,
  );
  const weekdays = await capacity.locator('thead th[scope="colgroup"]').allTextContents();
  expect(weekdays.slice(0, 5)).toEqual(["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]);
  const areas = await capacity.locator("tbody tr").count();
  const mondayFree = await capacity.locator("tfoot td").nth(1).textContent();

  // The same figures as CSV, semicolons and a BOM for German Excel.
  const [download] = await Promise.all([
    office.waitForEvent("download"),
    office.getByTestId("capacity-csv").click(),
  ]);
  expect(download.suggestedFilename()).toBe(`freie-plaetze-beckum-${august}.csv`);
  const csv = readFileSync(await download.path(), "utf8");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  const lines = csv.slice(1).trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "Stichtag;PLZ;Ort;Wochentag;Kindertagespflegepersonen;davon ohne Betreuungszeiten;geöffnet;Freie Plätze ganztags;Freie Plätze höchstens;Freie Platzstunden",
  );
  expect(lines).toHaveLength(1 + (areas + 1) * weekdays.length);
  const mondayTotal = lines.find((line) => line.includes(";Gesamt;Montag;"))?.split(";");
  expect(mondayTotal?.[0]).toBe(`${day}.${month}.${year}`);
  expect(mondayTotal?.[4]).toBe(counted);
  expect(mondayTotal?.[7]).toBe(mondayFree);

  // Fading while a filter loads lowers the contrast on purpose; check once the figures have settled.
  await office.locator('[aria-busy="true"]').waitFor({ state: "detached" });
  await journey.expectAccessible(office, "placement reports");
  await journey.screenshot(office, "10-placement-reports");

  // The youth office reads the same reports, on a phone, the wide tables scrolling sideways.
  const youthOffice = await journey.newPage({ width: 360, height: 780 });
  await journey.signIn(youthOffice, "jugendamt@demo.ktp-netz.de");
  await youthOffice.goto("/app/beckum");
  await journey.navigate(youthOffice, "Bedarfsplanung");
  await youthOffice.getByTestId("capacity-table").waitFor();
  const region = youthOffice.getByRole("region", { name: /^Freie Plätze am/ });
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await youthOffice.locator('[aria-busy="true"]').waitFor({ state: "detached" });
  await journey.expectAccessible(youthOffice, "placement reports on a phone");
  await journey.screenshot(youthOffice, "10-placement-reports-phone");
});
