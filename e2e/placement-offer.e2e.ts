import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const OFFICE = "fachberatung@demo.ktp-netz.de";
const PARENT = "eltern@demo.ktp-netz.de";
const CAREGIVER = "tagesmutter@demo.ktp-netz.de";

/** Free places in the caregiver's week table on Monday at 08:00 (the first row of Monday covering it). */
async function mondayMorningFree(page: import("playwright-core").Page, testId: string): Promise<number> {
  const rows = page.getByTestId(testId).locator("tbody tr");
  for (const row of await rows.all()) {
    const cells = await row.locator("td").allTextContents();
    const [from, to] = (cells[1] ?? "").split("–");
    if ((cells[0] ?? "").includes("Montag") && from && to && from <= "08:00" && "08:00" < to) {
      return Number(cells[4]);
    }
  }
  throw new Error(`no Monday 08:00 row in ${testId}`);
}

it("the office sends three ranked suggestions and offers one; the parent accepts; the caregiver's week fills", async () => {
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, OFFICE);
  await journey.navigate(office, "Vermittlung");
  await office.getByTestId("board-list").waitFor();
  // The demo parent's request, as he sees it (another family may have a child of the same name).
  const parent = await journey.newPage({ width: 360, height: 780 });
  await journey.signIn(parent, PARENT);
  const [request] = await parent.evaluate(async () =>
    (await fetch("/api/orgs/beckum/my-placement-requests")).json(),
  );
  await office.locator(`a[href$="/vermittlung/${request.id}"]`).first().click();
  await office.getByRole("heading", { level: 1, name: "Anfrage für Deniz" }).waitFor();

  // Ranked suggestions with the reasons they fit, and near misses with what does not.
  await journey.expectAccessible(office, "request before the suggestions are asked for");
  await office.getByTestId("suggestions-load").click();
  const cards = office.getByTestId("suggestion");
  await cards.first().waitFor();
  await expect(cards.first().textContent()).resolves.toContain("Passt");
  await expect(cards.first().textContent()).resolves.toMatch(/km entfernt \(bis 5 km gewünscht\)/);
  await expect(cards.first().textContent()).resolves.toContain("Zu allen gewünschten Zeiten frei");
  await expect(office.getByTestId("suggestion-misses").first().textContent()).resolves.toMatch(
    /keine Betreuung angeboten|schon \d Kinder|km, mehr als 5 km|Pflegeerlaubnis/,
  );
  await journey.expectAccessible(office, "request with suggestions");
  await journey.screenshot(office, "9-placement-suggestions");

  // Anna Albers and the two best others who fit.
  await office.getByRole("checkbox", { name: "Anna Albers vorschlagen" }).check();
  const others = cards.filter({ hasText: "Passt" }).filter({ hasNotText: "Anna Albers" });
  await others.nth(0).getByTestId("suggestion-select").check();
  await others.nth(1).getByTestId("suggestion-select").check();
  await office.getByTestId("suggestions-send").click();
  await office.getByText("Die Vorschläge sind verschickt.").waitFor();
  await expect(cards.filter({ hasText: "Verschickt am" }).count()).resolves.toBe(3);
  await journey.smtp.waitForMail((m) => m.to.includes(PARENT) && m.subject === "Vorschläge für Deniz");

  await cards.filter({ hasText: "Anna Albers" }).getByTestId("suggestion-offer").click();
  await office.getByRole("dialog", { name: "Platz bei Anna Albers anbieten" }).waitFor();
  await journey.expectAccessible(office, "offer dialog");
  await journey.screenshot(office, "9-placement-offer-dialog");
  await office.getByTestId("offer-confirm").click();
  await office
    .getByTestId("offers")
    .getByText(/Anna Albers ab .* · Offen/)
    .waitFor();
  const offerMail = await journey.smtp.waitForMail(
    (m) => m.to.includes(PARENT) && m.subject === "Platzangebot für Deniz",
  );
  expect(offerMail.text).toContain("Anna Albers");

  // The caregiver's free places before the child comes.
  const caregiver = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(caregiver, CAREGIVER);
  await caregiver.goto("/app/beckum/mein-profil");
  await caregiver.getByTestId("my-week").waitFor();
  const freeBefore = await mondayMorningFree(caregiver, "my-week");

  // The parent, on a phone: the three suggestions, the offer; ranks Anna first and accepts.
  await parent.goto(`/app/beckum/anfragen/${request.id}`);
  await parent.getByTestId("offer-open").waitFor();
  await expect(parent.getByTestId("parent-suggestion").count()).resolves.toBe(3);
  const anna = parent.getByTestId("parent-suggestion").filter({ hasText: "Anna Albers" });
  await expect(anna.textContent()).resolves.toMatch(/Beckum, etwa [\d,]+ km entfernt/);
  // Before she accepts, she reads who takes her child when Anna is absent: Anna's employed substitute.
  await expect(anna.textContent()).resolves.toContain("Vertretung:Vertretungskraft Vera Vogt");
  await expect(parent.getByTestId("offer-substitution").textContent()).resolves.toBe(
    "Wenn Anna Albers krank ist oder Urlaub hat: Vertretungskraft Vera Vogt. Eine Vertretung kostet Sie nichts zusätzlich.",
  );
  await journey.expectAccessible(parent, "parent's suggestions and offer");
  await journey.screenshot(parent, "9-placement-parent-suggestions");
  await anna.getByTestId("rank-select").selectOption("1");
  await parent.getByTestId("rank-save").click();
  await parent.getByText("Ihre Reihenfolge ist gespeichert.").waitFor();
  await parent.getByTestId("offer-accept").click();
  await parent.getByText("Sie haben den Platz angenommen.").waitFor();
  await parent.getByTestId("offer-status").waitFor();
  await expect(parent.getByTestId("request-status").first().textContent()).resolves.toBe("Vermittelt");
  await journey.expectAccessible(parent, "placed request");
  await journey.screenshot(parent, "9-placement-parent-placed");
  await journey.smtp.waitForMail(
    (m) => m.to.includes(CAREGIVER) && m.subject.startsWith("Neues Kind: Deniz"),
  );

  // The office sees the contract the acceptance created on the request.
  await office.reload();
  await office
    .getByTestId("request-contracts")
    .getByText(/Deniz bei Anna Albers ab/)
    .waitFor();
  await journey.expectAccessible(office, "placed request with its contract");
  await journey.screenshot(office, "9-placement-office-contract");

  // Her week: the contract and, from its start, one free place fewer on Monday morning.
  await caregiver.reload();
  await caregiver
    .getByTestId("my-contracts")
    .getByText(/Deniz · ab/)
    .waitFor();
  expect(await mondayMorningFree(caregiver, `my-week-${request.wantedStart}`)).toBe(freeBefore - 1);
  await journey.expectAccessible(caregiver, "caregiver's week with the new contract");
  await journey.screenshot(caregiver, "9-placement-caregiver-week");
});
