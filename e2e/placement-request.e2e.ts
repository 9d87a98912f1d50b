import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const PARENT_EMAIL = "smilla.eltern@example.org";

/** The first of August next year: the month most families ask for. */
function nextAugust(): string {
  return `${new Date().getFullYear() + 1}-08-01`;
}

it("a parent files a request on a phone, confirms the e-mail, sets a password and sees the status", async () => {
  const parent = await journey.newPage({ width: 360, height: 780 });
  await parent.goto("/o/beckum");
  await parent.getByRole("heading", { level: 1 }).waitFor();
  await journey.expectAccessible(parent, "public organisation page with the request link");
  await parent.getByTestId("request-link").click();
  await parent.waitForURL(/\/o\/beckum\/anfrage$/);
  await parent.getByTestId("request-form").waitFor();
  await journey.expectAccessible(parent, "request form");

  await parent.getByLabel("Vorname des Kindes").fill("Smilla");
  await parent.getByLabel("Geburtsdatum").fill(`${new Date().getFullYear()}-02-14`);
  await parent.getByLabel("Gewünschter Beginn").fill(nextAugust());
  await parent.getByTestId("preset-monFri8to13").click();
  await expect(parent.getByTestId("weekly-hours").textContent()).resolves.toContain("25");
  // Wednesday runs longer: the times can be changed per day after the preset.
  await parent.getByLabel("Mittwoch bis").fill("14:30");
  await parent.getByLabel("Straße und Hausnummer").fill("Elisabethstraße 7");
  await parent.getByLabel("Postleitzahl").fill("59269");
  await parent.getByRole("textbox", { name: "Ort", exact: true }).fill("Beckum");
  await parent.getByLabel(/Wir sind berufstätig/).check();
  await parent.getByLabel(/Wir wohnen in der Stadt Beckum/).check();
  // The needs fields open only with the consent.
  await expect(parent.getByLabel("Allergien oder Unverträglichkeiten").isDisabled()).resolves.toBe(true);
  await parent.getByTestId("needs-consent").check();
  await parent.getByLabel("Allergien oder Unverträglichkeiten").fill("Hühnerei");
  await parent.getByLabel("Ihr Name").fill("Svenja Sommerfeld");
  await parent.getByLabel("E-Mail-Adresse").fill(PARENT_EMAIL);
  await journey.expectAccessible(parent, "filled request form");
  await journey.screenshot(parent, "6-placement-form");
  await parent.getByTestId("request-submit").click();
  await parent.getByTestId("request-sent").waitFor();
  await journey.expectAccessible(parent, "request sent");
  await journey.screenshot(parent, "6-placement-sent");

  const mail = await journey.smtp.waitForMail((m) => m.to.includes(PARENT_EMAIL));
  expect(mail.text).toContain("Mo, Di, Do, Fr 8:00–13:00; Mi 8:00–14:30");
  const link = /(http:\/\/\S+\/anfrage\/bestaetigen\/[\w-]+)/.exec(mail.text)?.[1];
  expect(link).toBeTruthy();

  await parent.goto(link as string);
  await parent.getByRole("heading", { level: 1, name: "Anfrage bestätigen" }).waitFor();
  await journey.expectAccessible(parent, "confirmation");
  await parent.getByLabel(/^Passwort wählen/).fill("smilla-braucht-einen-platz");
  await parent.getByLabel(/^Passwort wiederholen/).fill("smilla-braucht-einen-platz");
  await journey.screenshot(parent, "6-placement-confirm");
  await parent.getByTestId("confirm-submit").click();
  await parent.waitForURL(/\/app\/beckum\/anfragen\/[\w-]+$/);
  await parent.getByTestId("status-explained").waitFor();
  await expect(parent.getByTestId("request-status").first().textContent()).resolves.toBe("Offen");
  await expect(parent.getByTestId("points-breakdown").textContent()).resolves.toContain("35 Punkte");
  await expect(parent.getByTestId("my-needs").textContent()).resolves.toContain("Hühnerei");
  await journey.expectAccessible(parent, "request status");
  await journey.screenshot(parent, "6-placement-status");

  await parent.goto("/app/beckum");
  await parent.getByTestId("parent-requests").getByText("Anfrage für Smilla").waitFor();
  await journey.expectAccessible(parent, "parent home with requests");
});

it("the office finds the request on the board, reads the needs and sees the criteria", async () => {
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, "fachberatung@demo.ktp-netz.de");
  await journey.navigate(office, "Vermittlung");
  await office.getByTestId("board-list").waitFor();
  await office.getByTestId("board-area").fill("59269");
  const filtered = office.waitForResponse(
    (response) => response.url().includes("/placement-requests?") && response.url().includes("area=59269"),
  );
  await office.getByRole("button", { name: "Filtern" }).click();
  await filtered;
  // The previous rows stay visible, faded, while the filtered ones load; axe would rightly flag the fading.
  await office.locator('[aria-busy="true"]').waitFor({ state: "detached" });
  const row = office.getByTestId("board-row").filter({ hasText: "Smilla" });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain("Mo, Di, Do, Fr 8:00–13:00; Mi 8:00–14:30");
  await journey.expectAccessible(office, "placement board");
  await journey.screenshot(office, "6-placement-board");

  await row.getByRole("link", { name: "Smilla" }).click();
  await office.getByRole("heading", { level: 1, name: "Anfrage für Smilla" }).waitFor();
  await expect(office.getByText("Hühnerei").count()).resolves.toBe(0);
  await office.getByTestId("needs-show").click();
  await office
    .getByTestId("staff-needs")
    .getByText(/Hühnerei/)
    .waitFor();
  await journey.expectAccessible(office, "request detail");
  await journey.screenshot(office, "6-placement-detail");

  await office.getByRole("link", { name: "Zurück zur Vermittlung" }).click();
  await office.getByTestId("criteria-link").click();
  await office.getByTestId("criteria-list").waitFor();
  await journey.expectAccessible(office, "criteria catalogue");
  await journey.screenshot(office, "6-placement-criteria");
});

it("the board works on a phone too", async () => {
  const board = await journey.newPage({ width: 360, height: 780 });
  await journey.signIn(board, "fachberatung@demo.ktp-netz.de", { at: "/app/beckum/vermittlung" });
  await board.getByTestId("board-list").waitFor();
  await journey.expectAccessible(board, "placement board on a phone");
});
