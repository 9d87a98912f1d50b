import { expect, it } from "vitest";
import { addDays, addMonths, todayIso } from "../src/core/shared/dates";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

/** Lists reload after each filter and save; on a busy machine that can take longer than a second. */
const POLL = { timeout: 15_000 };

const OFFICE = "fachberatung@demo.ktp-netz.de";
const CAREGIVER = "tagesmutter@demo.ktp-netz.de";

it("the office filters the contracts by a caregiver, records a child already in care and ends another contract", async () => {
  const today = todayIso(new Date());
  // A child who came to her four months ago, before the office used the platform.
  const start = `${addMonths(today, -4).slice(0, 7)}-01`;
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, OFFICE);
  await journey.navigate(office, "Verträge");
  await office.getByRole("heading", { level: 1, name: "Betreuungsverträge" }).waitFor();
  const rows = office.getByTestId("contract-row");
  await rows.first().waitFor();
  const count = office.getByTestId("contracts-count");
  await expect.poll(() => count.textContent(), POLL).toMatch(/^\d+ Verträge$/);
  const allActive = Number((await count.textContent())?.match(/^(\d+)/)?.[1]);
  expect(allActive).toBeGreaterThan(20);
  await journey.expectAccessible(office, "all contracts");

  // Her contracts only.
  await office.getByTestId("contracts-caregiver").selectOption({ label: "Anna Albers" });
  await expect
    .poll(async () => {
      const texts = await rows.allTextContents();
      return (
        texts.length > 0 && texts.length < allActive && texts.every((text) => text.includes("Anna Albers"))
      );
    }, POLL)
    .toBe(true);
  const hers = await rows.count();

  // A child already in care with her, recorded by hand; the form starts with her chosen.
  await office.getByTestId("contract-create").click();
  const dialog = office.getByRole("dialog", { name: "Vertrag erfassen" });
  await dialog.waitFor();
  await expect(dialog.getByTestId("contract-caregiver").inputValue()).resolves.not.toBe("");
  await dialog.getByLabel("Vorname des Kindes").fill("Ronja");
  await dialog.getByLabel("Geburtsdatum").fill(addMonths(start, -14));
  await dialog.getByLabel("Erster Betreuungstag").fill(start);
  await expect(dialog.getByLabel("Eingewöhnung bis").inputValue()).resolves.toBe(addDays(start, 28));
  await dialog.getByTestId("preset-monWed8to13").click();
  await journey.expectAccessible(office, "form to record a contract");
  await journey.screenshot(office, "12-placement-contract-form");
  await dialog.getByTestId("contract-create-save").click();
  await office.getByText("Der Vertrag ist erfasst.").waitFor();
  await dialog.waitFor({ state: "hidden" });
  await expect.poll(() => rows.count(), POLL).toBe(hers + 1);
  const ronja = rows.filter({ hasText: "Ronja" });
  await expect(ronja.textContent()).resolves.toContain("direkt erfasst");
  await expect(ronja.textContent()).resolves.toContain("Mo–Mi 8:00–13:00");
  await journey.smtp.waitForMail(
    (m) => m.to.includes(CAREGIVER) && m.subject.startsWith("Betreuungsvertrag eingetragen: Ronja"),
  );

  // Another of her children left yesterday: the office ends that contract.
  const other = rows.filter({ hasNotText: "Ronja" }).first();
  const child = (await other.locator("td").first().locator("span").first().textContent()) ?? "";
  expect(child).not.toBe("");
  await other.getByTestId("contract-edit").click();
  const edit = office.getByRole("dialog", { name: `Vertrag für ${child} ändern` });
  await edit.waitFor();
  await edit.getByLabel("Letzter Betreuungstag").fill(addDays(today, -1));
  await edit.getByTestId("contract-end").click();
  await office.getByText("Der Vertrag ist gespeichert.").waitFor();
  await edit.waitFor({ state: "hidden" });
  // Running ones no longer include it; among the ended ones it is marked as ended.
  await expect.poll(() => rows.count(), POLL).toBe(hers);
  await office.getByTestId("contracts-status").selectOption({ label: "Beendet" });
  const ended = rows.filter({ hasText: child });
  await ended.first().waitFor();
  await expect(ended.first().textContent()).resolves.toContain("beendet");
  await journey.expectAccessible(office, "ended contracts of one caregiver");

  // All of hers, running and ended, for the picture (once the confirmations have gone).
  await office.getByTestId("contracts-status").selectOption({ label: "Alle" });
  await expect.poll(() => rows.count(), POLL).toBe(hers + 1);
  await office.getByText("Der Vertrag ist gespeichert.").waitFor({ state: "hidden" });
  await journey.screenshot(office, "12-placement-contracts");

  // On a phone the list becomes cards, the search finds Ronja by her name.
  const phone = await journey.newPage({ width: 360, height: 780 });
  await journey.signIn(phone, OFFICE);
  await phone.goto("/app/beckum/vermittlung/vertraege");
  await phone.getByRole("heading", { level: 1, name: "Betreuungsverträge" }).waitFor();
  await phone.getByLabel("Kind oder Tagespflegeperson").fill("ronja");
  await phone.getByRole("button", { name: "Suchen" }).click();
  await expect.poll(() => phone.getByTestId("contract-row").count(), POLL).toBe(1);
  await expect(phone.getByTestId("contract-row").textContent()).resolves.toContain("Anna Albers");
  await journey.expectAccessible(phone, "contracts on a phone");
  await journey.screenshot(phone, "12-placement-contracts-phone");
});
