import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

it("a person who forgot the password gets a mail, sets a new one and signs in", async () => {
  const page = await journey.newPage();
  await page.goto("/anmelden");
  await page.getByRole("link", { name: "Passwort vergessen?" }).click();
  await page.waitForURL(/\/passwort-vergessen/);
  await journey.expectAccessible(page, "forgot password");
  await page.getByLabel(/E-Mail/).fill("tagesmutter@demo.ktp-netz.de");
  await page.getByRole("button", { name: "Link anfordern" }).click();
  await page.getByText(/haben wir eine E-Mail geschickt/).waitFor();
  await journey.screenshot(page, "3-password-reset-requested");

  const mail = await journey.smtp.waitForMail((m) => m.to.includes("tagesmutter@demo.ktp-netz.de"));
  expect(mail.subject).toBe("Neues Passwort für KTP-Netz");
  const link = /(http:\/\/\S+\/passwort-neu\/[\w-]+)/.exec(mail.text)?.[1];
  expect(link).toBeTruthy();

  await page.goto(link as string);
  await journey.expectAccessible(page, "reset password");
  await page.getByLabel(/^Neues Passwort(?! wiederholen)/).fill("mein-neues-passwort-2026");
  await page.getByLabel(/^Neues Passwort wiederholen/).fill("mein-neues-passwort-2026");
  await page.getByRole("button", { name: "Passwort speichern" }).click();
  await page.getByRole("heading", { name: "Passwort gespeichert" }).waitFor();
  await journey.screenshot(page, "3-password-reset-done");

  await journey.signInThroughForm(page, "tagesmutter@demo.ktp-netz.de", "mein-neues-passwort-2026");
  expect(page.url()).toMatch(/\/app\//);
  await journey.screenshot(page, "3-password-reset-signed-in");
});
