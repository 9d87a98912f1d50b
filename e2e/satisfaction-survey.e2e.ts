import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const COORDINATOR = "fachberatung@demo.ktp-netz.de";
const SLUG = "beckum";
const LINK = /(http:\/\/\S+\/umfrage#[\w-]{20,})/;

/** The parents' template answered on a phone, one section per screen. */
async function answerOnPhone(page: Page, link: string, rating: string, praise: string) {
  await page.goto(link);
  await page.getByTestId("survey-section").waitFor();
  await page.getByTestId("question-gesamt").getByRole("radio", { name: rating, exact: true }).check();
  await page.getByTestId("survey-next").click();
  await page.getByTestId("survey-next").click();
  await page.getByTestId("survey-next").click();
  await page.getByTestId("question-austausch").getByRole("radio", { name: "5", exact: true }).check();
  await page.getByTestId("question-empfehlen").getByRole("radio", { name: "Ja", exact: true }).check();
  await page.getByTestId("survey-next").click();
  await page.getByTestId("question-gut").fill(praise);
  await page.getByTestId("survey-submit").click();
  await page.getByTestId("survey-thanks").waitFor();
}

it("the office asks the parents; two answer on a phone; results appear only from five answers", async () => {
  // The coordinator creates the parents' survey from the template and starts it.
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, COORDINATOR, { at: `/app/${SLUG}/umfragen` });
  // Last year's round (demo data) is listed with its response rate.
  await expect(office.getByTestId("survey-card").first().textContent()).resolves.toContain(
    "12 von 20 haben geantwortet (60 %)",
  );
  await office.getByRole("button", { name: "Neue Umfrage" }).click();
  const create = office.getByTestId("survey-create");
  await expect(create.getByLabel("Titel").inputValue()).resolves.toBe(
    "Zufriedenheit der Eltern mit der Kindertagespflege",
  );
  // The demo office records its contracts without the parents' accounts: the survey goes to all parents.
  await create.getByRole("textbox", { name: "Wer wird gefragt?" }).click();
  await office.getByRole("option", { name: "Alle Eltern", exact: true }).click();
  await create.getByRole("button", { name: "Anlegen" }).click();
  const builder = office.getByTestId("survey-builder");
  await builder.waitFor();
  // The office adds a question of its own to the last part and saves.
  await builder.getByRole("button", { name: "Frage hinzufügen" }).last().click();
  const added = builder.getByTestId("builder-question").last();
  await added.getByRole("textbox", { name: "Art der Frage" }).click();
  await office.getByRole("option", { name: "Ja oder Nein", exact: true }).click();
  await added
    .getByRole("textbox", { name: "Frage (Deutsch)" })
    .fill("Kennen Sie die Notfallnummer der Fachberatung?");
  await added
    .getByRole("textbox", { name: "Frage (Englisch)" })
    .fill("Do you know the emergency number of the office?");
  // Leaving before saving asks first; she stays and saves.
  await journey.navigate(office, "Umfragen");
  const unsaved = office.getByRole("dialog", { name: "Änderungen nicht gespeichert" });
  await unsaved.getByRole("button", { name: "Weiter bearbeiten" }).click();
  await unsaved.waitFor({ state: "detached" });
  await expect(added.getByRole("textbox", { name: "Frage (Deutsch)" }).inputValue()).resolves.toBe(
    "Kennen Sie die Notfallnummer der Fachberatung?",
  );
  await builder.getByTestId("survey-save").click();
  await office.getByText("Die Fragen sind gespeichert.").waitFor();
  await journey.expectAccessible(office, "survey builder");
  await journey.screenshot(office, "survey-builder");
  await office.setViewportSize({ width: 360, height: 780 });
  await journey.expectAccessible(office, "survey builder on a phone");
  await journey.screenshot(office, "survey-builder-phone");
  await office.setViewportSize({ width: 1280, height: 900 });
  await office.getByTestId("survey-start").click();
  await office.getByRole("dialog").getByRole("button", { name: "Umfrage starten" }).click();
  const rate = office.getByTestId("survey-detail-rate");
  await rate.waitFor();
  const invited = Number(/von (\d+)/.exec((await rate.textContent()) ?? "")?.[1]);
  expect(invited).toBeGreaterThanOrEqual(5);

  // Every parent with a contract gets the link; five of them are used below.
  const links: string[] = [];
  for (let i = 0; i < invited && links.length < 5; i++) {
    const mail = await journey.smtp.waitForMail(
      (m) => m.subject.startsWith("Umfrage von") && !links.some((l) => m.text.includes(l)),
    );
    links.push(LINK.exec(mail.text)?.[1] ?? "");
  }
  expect(links.every((l) => l.length > 0)).toBe(true);

  // Two parents answer on their phones, without signing in.
  const first = await journey.newPage({ width: 360, height: 780 });
  await first.goto(links[0] as string);
  await first.getByTestId("survey-section").waitFor();
  await journey.expectAccessible(first, "survey answer page");
  await journey.screenshot(first, "survey-answer-phone");
  await answerOnPhone(first, links[0] as string, "4", "Die Ausflüge in den Wald");
  await journey.expectAccessible(first, "survey thanks");
  await journey.screenshot(first, "survey-thanks-phone");
  const second = await journey.newPage({ width: 360, height: 780 });
  await answerOnPhone(second, links[1] as string, "5", "Die Eingewöhnung war sehr liebevoll");

  // The coordinator sees the response rate, and no results yet.
  const resultsUrl = `${office.url()}/ergebnisse`;
  await office.goto(resultsUrl);
  await expect(office.getByTestId("results-rate").textContent()).resolves.toContain(`2 von ${invited}`);
  await office.getByTestId("results-withheld").waitFor();
  expect(await office.getByTestId("result-bar").count()).toBe(0);
  await journey.screenshot(office, "survey-results-withheld");

  // Three more answers (through their links, without a browser), and the charts appear.
  for (const [i, link] of links.slice(2).entries()) {
    const token = link.split("#")[1];
    const response = await fetch(`${journey.baseUrl}/api/survey-links/answers`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token, answers: { gesamt: 3 + (i % 3), austausch: 4, empfehlen: "yes" } }),
    });
    expect(response.status).toBe(200);
  }
  await office.goto(resultsUrl);
  await expect(office.getByTestId("results-rate").textContent()).resolves.toContain(`5 von ${invited}`);
  const overall = office.getByTestId("result-question").filter({ hasText: "insgesamt mit der Betreuung" });
  await expect(overall.textContent()).resolves.toContain("Durchschnitt: 4,2 von 5");
  await expect(overall.getByTestId("result-bar").nth(4).textContent()).resolves.toBe(
    "5 – sehr zufrieden: 2 (40 %)",
  );
  // Two people wrote about what they like: fewer than five, so their words stay hidden.
  await expect(
    office
      .getByTestId("result-question")
      .filter({ hasText: "Was gefällt Ihnen besonders gut?" })
      .textContent(),
  ).resolves.toContain("Weniger als 5 Antworten");
  expect(await office.getByTestId("results-csv").getAttribute("href")).toMatch(/results\.csv$/);
  await journey.expectAccessible(office, "survey results");
  await journey.screenshot(office, "survey-results");
});
