import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const PIXEL_USER_AGENT =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

async function invitationLink(email: string, unlike?: string): Promise<string> {
  const mail = await journey.smtp.waitForMail(
    (m) => m.to.includes(email) && (!unlike || !m.text.includes(unlike)),
  );
  const link = /(http:\/\/\S+\/einladung\/[\w-]+)/.exec(mail.text)?.[1];
  expect(link).toBeTruthy();
  return link as string;
}

/** Waits for a confirmation dialog and for its opening transition, so that axe sees its final colours. */
async function openedDialog(page: Page, name: string) {
  const dialog = page.getByRole("dialog", { name });
  await dialog.waitFor();
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished),
    ),
  );
  return dialog;
}

async function invite(page: Page, email: string, role: string) {
  const form = page.getByTestId("invitation-form");
  await form.getByLabel("E-Mail-Adresse").fill(email);
  await form.getByRole("checkbox", { name: role }).check();
  await form.getByRole("button", { name: "Einladung senden" }).click();
  await page.getByTestId("invitation-entry").filter({ hasText: email }).waitFor();
}

it("an admin withdraws one invitation and resends another; old links say why they no longer work", async () => {
  const admin = await journey.newPage();
  await journey.signIn(admin, "admin@demo.ktp-netz.de", { at: "/app/beckum/mitglieder" });
  await admin.getByRole("heading", { level: 1 }).waitFor();
  await invite(admin, "falsche.adresse@example.org", "Eltern");
  await invite(admin, "noch.einmal@example.org", "Eltern");
  const withdrawnLink = await invitationLink("falsche.adresse@example.org");
  const firstLink = await invitationLink("noch.einmal@example.org");

  const wrong = admin.getByTestId("invitation-entry").filter({ hasText: "falsche.adresse@example.org" });
  await wrong.getByRole("button", { name: /^Zurückziehen/ }).click();
  const dialog = await openedDialog(admin, "Einladung zurückziehen?");
  await journey.expectAccessible(admin, "withdraw confirmation");
  await dialog.getByTestId("confirm-action").click();
  await admin
    .locator('[data-testid="invitation-entry"][data-state="withdrawn"]', {
      hasText: "falsche.adresse@example.org",
    })
    .waitFor();
  await expect(wrong.getByText(/^Zurückgezogen am \d\d\.\d\d\.\d{4}$/).count()).resolves.toBe(1);
  await journey.expectAccessible(admin, "members with a withdrawn invitation");
  await journey.screenshot(admin, "6-invitation-withdrawn");

  const invited = await journey.newPage();
  await invited.goto(withdrawnLink);
  await invited.getByRole("heading", { level: 1, name: "Einladung zurückgezogen" }).waitFor();
  await expect(invited.getByTestId("invitation-invalid").textContent()).resolves.toContain(
    "Diese Einladung wurde zurückgezogen und gilt nicht mehr.",
  );
  await expect(invited.getByRole("button", { name: /Konto anlegen/ }).count()).resolves.toBe(0);
  await journey.expectAccessible(invited, "withdrawn invitation link");
  await journey.screenshot(invited, "6-invitation-withdrawn-link");

  const again = admin.getByTestId("invitation-entry").filter({ hasText: "noch.einmal@example.org" });
  await again.getByRole("button", { name: /^Erneut senden/ }).click();
  const resendDialog = await openedDialog(admin, "Einladung erneut senden?");
  await resendDialog.getByTestId("confirm-action").click();
  await admin.getByText("Die Einladung an noch.einmal@example.org ist neu verschickt.").waitFor();
  const token = (link: string) => link.split("/einladung/")[1] ?? "";
  const newLink = await invitationLink("noch.einmal@example.org", token(firstLink));
  expect(newLink).not.toBe(firstLink);

  const oldTab = await journey.newPage();
  await oldTab.goto(firstLink);
  await oldTab.getByRole("heading", { level: 1, name: "Neuer Link verschickt" }).waitFor();
  await journey.expectAccessible(oldTab, "replaced invitation link");

  const parent = await journey.newPage();
  await parent.goto(newLink);
  await parent.getByTestId("invitation-details").waitFor();
  await parent.getByLabel(/Ihr Name/).fill("Olivia Ohlsen");
  await parent.getByLabel(/^Passwort wählen/).fill("ein-gutes-passwort");
  await parent.getByLabel(/^Passwort wiederholen/).fill("ein-gutes-passwort");
  await parent.getByRole("button", { name: "Konto anlegen und beitreten" }).click();
  await parent.waitForURL(/\/app\/beckum/);
  await parent.getByTestId("parent-home").waitFor();

  await admin.reload();
  await admin
    .locator('[data-testid="invitation-entry"][data-state="accepted"]', {
      hasText: "noch.einmal@example.org",
    })
    .waitFor();
  await journey.screenshot(admin, "6-invitation-accepted");
  // Four browsers and axe twice over the demo office's whole member list: about 45 s on a quiet machine,
  // so the default 90 s left no room when the other journey worker loads the same two cores.
}, 150_000);

it("a person signed in on two devices signs the phone out from the laptop", async () => {
  // A phone of its own, so that the list names it as one ("Chrome auf einem Android-Handy").
  const phoneContext = await journey.browser.newContext({
    viewport: { width: 360, height: 780 },
    locale: "de-DE",
    baseURL: journey.baseUrl,
    userAgent: PIXEL_USER_AGENT,
  });
  try {
    const phone = await phoneContext.newPage();
    phone.setDefaultTimeout(15_000);
    await journey.signIn(phone, "fachberatung@demo.ktp-netz.de");
    const laptop = await journey.newPage({ width: 1280, height: 900 });
    await journey.signIn(laptop, "fachberatung@demo.ktp-netz.de", { at: "/app/konto#sitzungen" });

    const entries = laptop.getByTestId("session-entry");
    await entries.nth(1).waitFor();
    const other = laptop.locator('[data-testid="session-entry"]:not([data-current])', {
      hasText: "Chrome auf einem Android-Handy",
    });
    await expect(other.getByText(/^IP-Adresse bei der Anmeldung: /).count()).resolves.toBe(1);
    await journey.expectAccessible(laptop, "account with two sessions");
    await journey.screenshot(laptop, "7-sessions-two-devices");

    await other.getByRole("button", { name: "Abmelden: Chrome auf einem Android-Handy" }).click();
    const dialog = await openedDialog(laptop, "Gerät abmelden?");
    await journey.expectAccessible(laptop, "end session confirmation");
    await dialog.getByTestId("confirm-action").click();
    await laptop.getByText("Chrome auf einem Android-Handy ist abgemeldet.").waitFor();
    await other.waitFor({ state: "detached" });
    await expect(entries.count()).resolves.toBe(1);
    await expect(laptop.locator('[data-testid="session-entry"][data-current]').count()).resolves.toBe(1);
    await journey.expectAccessible(laptop, "account after ending a session");
    await journey.screenshot(laptop, "7-sessions-phone-signed-out");

    // The phone still shows its page; its next request finds no session and leads to the sign-in.
    await journey.navigate(phone, "Mitglieder");
    await phone.waitForURL(/\/anmelden\?weiter=/);
    await phone.getByRole("heading", { level: 1, name: "Anmelden" }).waitFor();
    await journey.expectAccessible(phone, "phone after being signed out");
    await journey.screenshot(phone, "7-phone-signed-out");
    await laptop.goto("/app/beckum/mitglieder");
    await laptop.getByRole("heading", { level: 1, name: "Mitglieder" }).waitFor();
  } finally {
    await phoneContext.close();
  }
});

it("a coordinator reads the state rules, and a member leaves an organisation after confirming", async () => {
  const coordinator = await journey.newPage();
  await journey.signIn(coordinator, "fachberatung@demo.ktp-netz.de");
  await journey.navigate(coordinator, "Einstellungen");
  await coordinator.getByTestId("settings-read-only").waitFor();
  await coordinator
    .getByTestId("preset-name")
    .getByText(/Nordrhein-Westfalen/)
    .waitFor();
  await coordinator.getByText(/^Quelle \(Stand \d\d\.\d\d\.\d{4}\):$/).waitFor();
  await expect(coordinator.getByRole("spinbutton").count()).resolves.toBe(0);
  await expect(coordinator.getByRole("button", { name: "Einstellungen speichern" }).count()).resolves.toBe(0);
  await journey.expectAccessible(coordinator, "read-only settings");
  await journey.screenshot(coordinator, "8-settings-read-only");

  const member = await journey.newPage();
  await journey.signIn(member, "mitglied@demo.ktp-netz.de", { at: "/app/konto" });
  const organisation = member.getByTestId("account-organisation").first();
  const name = (await organisation.getByRole("link").textContent()) ?? "";
  // Her first organisation is the demo association: there one ends one's membership.
  await organisation.getByRole("button", { name: /^Mitgliedschaft bei .* beenden$/ }).click();
  const dialog = await openedDialog(member, `Mitgliedschaft bei ${name} beenden?`);
  await journey.expectAccessible(member, "leave confirmation");
  await journey.screenshot(member, "8-leave-confirmation");
  await dialog.getByTestId("confirm-action").click();
  await member.getByText(`Ihre Mitgliedschaft bei ${name} ist beendet.`).waitFor();
  await member.getByTestId("account-organisation").filter({ hasText: name }).waitFor({ state: "detached" });
  await journey.expectAccessible(member, "account after leaving");
});
