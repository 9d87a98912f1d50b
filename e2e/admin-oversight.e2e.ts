import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

it("an admin finds an invitation in the audit log, exports it, and reads the sent mail in the outbox", async () => {
  const admin = await journey.newPage();
  await journey.signIn(admin, "admin@demo.ktp-netz.de");
  await admin.goto("/app/beckum/mitglieder");
  const form = admin.getByTestId("invitation-form");
  await form.getByLabel("E-Mail-Adresse").fill("fachberatung.neu@example.org");
  await form.getByRole("checkbox", { name: "Fachberatung" }).check();
  await form.getByRole("button", { name: "Einladung senden" }).click();
  await admin.getByTestId("invitation-list").getByText("fachberatung.neu@example.org").waitFor();
  await journey.smtp.waitForMail((m) => m.to.includes("fachberatung.neu@example.org"));

  await journey.navigate(admin, "Protokoll");
  await admin.getByRole("heading", { level: 1, name: "Protokoll" }).waitFor();
  await admin.getByTestId("audit-action").fill("organisations.invitationCreated");
  await admin.getByTestId("audit-apply").click();
  const row = admin.getByTestId("audit-row").filter({ hasText: "Einladung verschickt" });
  await row.first().waitFor();
  expect(await admin.getByTestId("audit-row").count()).toBe(await row.count());
  await journey.expectAccessible(admin, "audit log");
  await journey.screenshot(admin, "admin-audit-log");

  const [download] = await Promise.all([
    admin.waitForEvent("download"),
    admin.getByTestId("audit-export").click(),
  ]);
  const path = await download.path();
  const csv = readFileSync(path, "utf8");
  expect(csv).toContain("organisations.invitationCreated");
  expect(csv).not.toContain("caregivers.created");

  await admin.getByTestId("account-menu").click();
  await admin.getByTestId("menu-outbox").click();
  await admin.getByRole("heading", { level: 1, name: "Postausgang" }).waitFor();
  const mail = admin.getByTestId("outbox-entry").filter({ hasText: "fachberatung.neu@example.org" });
  await mail.waitFor();
  expect(await mail.getAttribute("data-status")).toBe("sent");
  await mail.getByTestId("outbox-text").locator("summary").click();
  await expect.poll(() => mail.getByTestId("outbox-text").innerText()).toMatch(/\/einladung\//);
  await journey.expectAccessible(admin, "outbox");
  await journey.screenshot(admin, "admin-outbox");
});
