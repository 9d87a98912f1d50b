import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

it("the language switch turns the interface to English and back", async () => {
  const page = await journey.newPage();
  await page.goto("/anmelden");
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe("de");
  await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
  await journey.expectAccessible(page, "sign-in (German)");

  await page.getByTestId("language-switch").click();
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("en");
  await journey.expectAccessible(page, "sign-in (English)");
  await journey.screenshot(page, "5-language-english");

  // The choice is kept, and the server answers in it too.
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "Sign in" }).waitFor();
  await page.getByLabel(/E-mail/i).fill("tagesmutter@demo.ktp-netz.de");
  await page.getByLabel(/^Password/).fill("wrong-password-here");
  await page.getByRole("button", { name: /^Sign in$/ }).click();
  await page.getByText("E-mail address or password is wrong.").waitFor();

  await page.getByTestId("language-switch").click();
  await page.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
  expect(await page.locator("html").getAttribute("lang")).toBe("de");
  await journey.screenshot(page, "5-language-german");
});
