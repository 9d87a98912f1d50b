import { expect, it } from "vitest";
import { addDays, addYears, todayIso } from "../src/core/shared/dates";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

it("a coordinator adds a day-care person with licence and weekly capacity and sees the licence warning", async () => {
  const page = await journey.newPage();
  await journey.signIn(page, "fachberatung@demo.ktp-netz.de");
  await journey.navigate(page, "Tagespflegepersonen");
  await page.getByRole("heading", { level: 1, name: "Kindertagespflegepersonen" }).waitFor();
  await journey.expectAccessible(page, "registry list");
  await journey.screenshot(page, "1-registry-list");

  await page.getByRole("link", { name: "Neue Kindertagespflegeperson" }).click();
  await page.getByRole("heading", { level: 1, name: "Neue Kindertagespflegeperson" }).waitFor();
  await journey.expectAccessible(page, "new day-care person");
  await page.getByLabel(/^Vorname/).fill("Wiebke");
  await page.getByLabel(/^Nachname/).fill("Wintermann");
  await page.getByLabel(/^Postleitzahl/).fill("59269");
  await page.getByLabel(/^Ort/).first().fill("Beckum");

  const today = todayIso(new Date());
  const validTo = addDays(today, 45);
  await page.getByLabel(/^Aktenzeichen oder Nummer/).fill("BE-2021-777");
  await page.getByLabel(/^Ausgestellt von/).fill("Stadt Beckum – Jugendamt");
  await page.getByLabel(/^Gültig ab/).fill(addYears(validTo, -5));
  await page.getByLabel(/^Gültig bis/).fill(validTo);
  await page.getByRole("button", { name: /Mo–Fr 7:30–14:00/ }).click();
  await page.getByTestId("caregiver-submit").click();

  await page.getByRole("heading", { level: 1, name: /Wiebke Wintermann/ }).waitFor();
  await journey.expectAccessible(page, "day-care person detail");
  await journey.screenshot(page, "1-caregiver-detail");

  await journey.navigate(page, "Fristen");
  const board = page.getByTestId("deadline-board");
  await board.waitFor();
  const row = board
    .getByTestId("deadline-row")
    .filter({ hasText: "Wintermann" })
    .filter({ hasText: "Pflegeerlaubnis" });
  await row.waitFor();
  expect(await row.textContent()).toContain("Bald fällig");
  await journey.expectAccessible(page, "deadline board");
  await journey.screenshot(page, "1-deadline-board");
});
