import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

it("an admin invites a parent, who accepts and lands on the parent home page", async () => {
  const admin = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(admin, "admin@demo.ktp-netz.de");
  await admin.goto("/app/beckum/mitglieder");
  await admin.getByRole("heading", { level: 1 }).waitFor();
  await journey.expectAccessible(admin, "members");
  const form = admin.getByTestId("invitation-form");
  await form.getByLabel("E-Mail-Adresse").fill("neue.mutter@example.org");
  await form.getByRole("checkbox", { name: "Eltern" }).check();
  await form.getByRole("button", { name: "Einladung senden" }).click();
  await admin.getByTestId("invitation-list").getByText("neue.mutter@example.org").waitFor();
  await journey.screenshot(admin, "4-invite-sent");

  const mail = await journey.smtp.waitForMail((m) => m.to.includes("neue.mutter@example.org"));
  const link = /(http:\/\/\S+\/einladung\/[\w-]+)/.exec(mail.text)?.[1];
  expect(link).toBeTruthy();

  const parent = await journey.newPage();
  await parent.goto(link as string);
  await parent.getByRole("heading", { level: 1 }).waitFor();
  await journey.expectAccessible(parent, "invitation");
  await parent.getByLabel(/Ihr Name/).fill("Nadia Neumann");
  await parent.getByLabel(/^Passwort wählen/).fill("ein-gutes-passwort");
  await parent.getByLabel(/^Passwort wiederholen/).fill("ein-gutes-passwort");
  await parent.getByRole("button", { name: "Konto anlegen und beitreten" }).click();
  await parent.waitForURL(/\/app\/beckum/);
  await parent.getByTestId("parent-home").waitFor();
  await journey.expectAccessible(parent, "parent home");
  await journey.screenshot(parent, "4-parent-home");
});
