import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const OFFICE = "fachberatung@demo.ktp-netz.de";
const CAREGIVER = "tagesmutter@demo.ktp-netz.de";
const PARENT = "eltern@demo.ktp-netz.de";
const SECOND_FAMILY = "smilla.eltern@example.org";

/** A number from a text such as "31" or "55 von 73 Kindern …" (the first one in it). */
const firstNumber = (text: string | null) => Number(/\d+/.exec(text ?? "")?.[0] ?? Number.NaN);

it("the office opens a round, a caregiver reorders with a reason, the office ends the ranking, runs, explains, runs again when stale, publishes (offers by mail) and opens a follow-up", async () => {
  // The family whose request the journey follows (another family may have a child of the same name).
  const parent = await journey.newPage({ width: 360, height: 780 });
  await journey.signIn(parent, PARENT);
  const request = await parent.evaluate(async () => {
    const [mine] = await (await fetch("/api/orgs/beckum/my-placement-requests")).json();
    return (await fetch(`/api/orgs/beckum/my-placement-requests/${mine.id}`)).json();
  });

  // A second family near the demo caregiver files a request (through the public form's API) and confirms it,
  // so that she has two children to put in her order.
  const family = await journey.newPage({ width: 360, height: 780 });
  await family.goto("/o/beckum");
  const filed = await family.evaluate(
    async (body) =>
      (
        await fetch("/api/public/orgs/beckum/placement-requests", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        })
      ).status,
    {
      childFirstName: "Smilla",
      childBirthDate: request.childBirthDate,
      wantedStart: request.wantedStart,
      careTimes: request.careTimes,
      street: "Elisabethstraße 7",
      postalCode: "59269",
      town: "Beckum",
      maxDistanceKm: 5,
      languages: ["Deutsch"],
      noPets: false,
      wishes: "",
      facts: [],
      hasNeedsConsent: false,
      needs: null,
      parentName: "Svenja Sommerfeld",
      email: SECOND_FAMILY,
    },
  );
  expect(filed).toBe(202);
  const confirmation = await journey.smtp.waitForMail((m) => m.to.includes(SECOND_FAMILY));
  await family.goto(/(http:\/\/\S+\/anfrage\/bestaetigen\/[\w-]+)/.exec(confirmation.text)?.[1] as string);
  await family.getByLabel(/^Passwort wählen/).fill("smilla-braucht-einen-platz");
  await family.getByLabel(/^Passwort wiederholen/).fill("smilla-braucht-einen-platz");
  await family.getByTestId("confirm-submit").click();
  await family.waitForURL(/\/app\/beckum\/anfragen\/[\w-]+$/);

  // The office opens a round for places from the family's wanted start: the demo caregiver's licence runs
  // for two months only, so a round for next August would not list her.
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, OFFICE);
  await journey.navigate(office, "Vergaberunden");
  await office.getByRole("heading", { level: 1, name: "Vergaberunden" }).waitFor();
  await office.getByTestId("round-new").waitFor();
  await journey.expectAccessible(office, "rounds page");
  await journey.screenshot(office, "11-round-new");
  await office.getByLabel("Name der Runde").fill("Betreuungsjahr Demo");
  await office.getByLabel("Beginn der Betreuung").fill(request.wantedStart);
  await office.getByTestId("round-form-submit").click();
  await office.waitForURL(/\/vermittlung\/runden\/[0-9a-f-]{36}$/);
  await office.getByRole("heading", { level: 1, name: "Betreuungsjahr Demo" }).waitFor();
  await expect(office.getByTestId("round-status").textContent()).resolves.toBe("Offen");
  const requests = firstNumber(await office.getByTestId("round-requests").textContent());
  expect(requests).toBeGreaterThan(1);
  await journey.expectAccessible(office, "open round");

  // The demo caregiver, on a phone: the criteria put Deniz (more points) before Smilla. She moves Deniz down by
  // keyboard, is asked why, and saves her order with a reason.
  const caregiver = await journey.newPage({ width: 360, height: 780 });
  await journey.signIn(caregiver, CAREGIVER, { at: "/app/beckum" });
  await journey.navigate(caregiver, "Meine Vergaberunde");
  await caregiver.getByRole("heading", { level: 1, name: "Meine Vergaberunde" }).waitFor();
  await caregiver.getByTestId("review-list").waitFor();
  await expect(caregiver.getByTestId("review-deadline").textContent()).resolves.toMatch(
    /Reihenfolge bis zum \d\d\.\d\d\.\d{4} ändern/,
  );
  const headings = () => caregiver.getByTestId("review-item").getByRole("heading").allTextContents();
  await expect(headings()).resolves.toEqual(["Platz 1 von 2: Deniz", "Platz 2 von 2: Smilla"]);
  await expect(caregiver.getByTestId("review-state").textContent()).resolves.toContain("folgt den Kriterien");
  await expect(caregiver.getByTestId("review-reason").count()).resolves.toBe(0);
  await journey.expectAccessible(caregiver, "caregiver's round");
  await journey.screenshot(caregiver, "11-round-caregiver");
  await caregiver.getByRole("button", { name: "Deniz nach unten" }).focus();
  await caregiver.keyboard.press("Enter");
  await expect(headings()).resolves.toEqual(["Platz 1 von 2: Smilla", "Platz 2 von 2: Deniz"]);
  await expect(caregiver.getByTestId("review-announcement").textContent()).resolves.toBe(
    "Deniz steht jetzt auf Platz 2 von 2.",
  );
  // At the bottom "down" does nothing more, so the focus went to "up", still on Deniz.
  await expect(
    caregiver.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? ""),
  ).resolves.toBe("Deniz nach oben");
  await expect(caregiver.getByTestId("review-state").textContent()).resolves.toContain(
    "weicht von den Kriterien ab",
  );
  await caregiver.getByTestId("review-save").click();
  await caregiver.getByText("Bitte schreiben Sie in mindestens 10 Zeichen, warum.").waitFor();
  await expect(
    caregiver.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? ""),
  ).resolves.toBe("review-reason");
  await caregiver.getByTestId("review-reason").fill("Smillas Bruder ist schon bei mir in der Gruppe.");
  await caregiver.getByTestId("review-save").click();
  await caregiver.getByText("Ihre Reihenfolge und Begründung sind gespeichert.").waitFor();
  await expect(headings()).resolves.toEqual(["Platz 1 von 2: Smilla", "Platz 2 von 2: Deniz"]);
  await journey.expectAccessible(caregiver, "caregiver's own order");
  await journey.screenshot(caregiver, "11-round-caregiver-saved");

  // The family sees the round on its request page, with the deadline and its ranking.
  await parent.goto(`/app/beckum/anfragen/${request.id}`);
  await expect(parent.getByTestId("parent-round").textContent()).resolves.toMatch(
    /in einer Vergaberunde verteilt\. Die Frist endet am \d\d\.\d\d\.\d{4}\./,
  );
  await expect(parent.getByTestId("parent-round-ranked").textContent()).resolves.toContain(
    "noch keine Reihenfolge",
  );
  await journey.expectAccessible(parent, "parent's request in a round");
  await journey.screenshot(parent, "11-round-parent-open");

  // The office reads the caregiver's reason and ends the ranking early.
  await office.reload();
  await expect(
    office.getByTestId("review").filter({ hasText: "Anna Albers" }).textContent(),
  ).resolves.toContain("Begründung: Smillas Bruder ist schon bei mir in der Gruppe.");
  // Families without suggestions get the best-fitting caregivers in one step, so they have someone to rank.
  await office.getByTestId("round-suggest-all").click();
  const suggest = office.getByRole("dialog", { name: "Vorschläge an alle Familien schicken?" });
  await expect(suggest.textContent()).resolves.toContain("Familien mit Vorschlägen behalten ihre");
  await suggest.getByTestId("confirm-action").click();
  await office.getByText(/Familien haben zusammen \d+ Vorschläge bekommen/).waitFor({ timeout: 30_000 });
  await journey.smtp.waitForMail((m) => m.subject.startsWith("Vorschläge für "), 30_000);
  await office.getByTestId("round-close-ranking").click();
  const confirm = office.getByRole("dialog", { name: "Frist vorzeitig beenden?" });
  await expect(confirm.textContent()).resolves.toContain(
    "können Familien und Kindertagespflegepersonen nichts mehr ändern",
  );
  await journey.expectAccessible(office, "end ranking dialog");
  await confirm.getByTestId("confirm-action").click();
  await expect
    .poll(() => office.getByTestId("round-ranking-state").textContent())
    .toBe("Reihenfolgen abgeschlossen");
  await caregiver.reload();
  await caregiver.getByTestId("review-closed").waitFor();
  await expect(caregiver.getByTestId("review-down").count()).resolves.toBe(0);

  // The run: a progress bar that ends full, with the outcome in words.
  await office.getByTestId("run-start").click();
  await expect
    .poll(() => office.getByTestId("run-status").textContent(), { timeout: 60_000 })
    .toMatch(/^Fertig: \d+ von \d+ Kindern haben einen Platz/);
  await expect(office.getByTestId("run-progress").getAttribute("aria-valuenow")).resolves.toBe("100");
  await expect(office.getByTestId("run-progress").getAttribute("aria-label")).resolves.toBe(
    "Fortschritt der Berechnung",
  );
  const stats = office.getByTestId("round-stats");
  await stats.waitFor();
  const placedText = await stats.getByText(/von \d+ Kindern haben einen Platz/).textContent();
  const [placed, total] = (placedText?.match(/\d+/g) ?? []).map(Number) as [number, number];
  expect(total).toBe(requests);
  expect(placed).toBeGreaterThan(0);
  expect(placed).toBeLessThan(total);
  await expect(office.getByTestId("round-blocking").textContent()).resolves.toMatch(
    /^Das Ergebnis ist stabil|^Ehrlich gesagt: \d+ Paare? (ist|sind) nicht stabil/,
  );
  await office.getByTestId("results-table").waitFor();
  await journey.expectAccessible(office, "round result");

  // Only the children without a place, and why one of them got none.
  await office.getByTestId("results-filter-unplaced").click();
  await expect
    .poll(() => office.getByTestId("results-range").textContent())
    .toMatch(new RegExp(`von ${total - placed} Kind`));
  const rows = office.getByTestId("result-row");
  await expect(rows.filter({ hasNotText: "Kein Platz" }).count()).resolves.toBe(0);
  const explained = rows.filter({ has: office.getByTestId("result-why") }).first();
  const child = await explained.getByRole("link").textContent();
  await explained.getByTestId("result-why").click();
  await expect(explained.getByTestId("result-why").getAttribute("aria-expanded")).resolves.toBe("true");
  const explanation = office.getByTestId("result-explanation").first();
  await expect(explanation.textContent()).resolves.toContain(`${child} hat keinen Platz bekommen.`);
  const cutOffs = await explanation.getByTestId("cut-off").allTextContents();
  expect(cutOffs.length).toBeGreaterThan(0);
  // Every cut-off is a sentence about one caregiver, e.g. "Anna Albers: Mi 14:00–16:00: alle 2 freien Plätze
  // gingen an Kinder mit höherer Priorität nach den veröffentlichten Kriterien."
  for (const sentence of cutOffs) {
    expect(sentence).toMatch(
      /^[^:]+(: .*(Plätze gingen an Kinder|Platz ging an ein Kind) mit höherer Priorität nach (den veröffentlichten Kriterien|ihrer begründeten Reihenfolge)|: schon vor der Runde kein Platz frei| passt nicht: | hätte Platz gehabt)/,
    );
  }
  await journey.expectAccessible(office, "explanation of an unplaced child");
  await journey.screenshot(office, "11-round-result");

  // Smilla's family found a place elsewhere and withdraws: the result no longer fits the data, so the office
  // is told to run again and cannot publish until it has.
  await family.getByTestId("request-withdraw").click();
  await family.getByTestId("reason-select").selectOption("placedElsewhere");
  await family.getByRole("dialog").getByTestId("confirm-action").click();
  await expect.poll(() => family.getByTestId("request-status").first().textContent()).toBe("Zurückgezogen");
  await office.reload();
  await office.getByTestId("run-stale").waitFor();
  await expect(office.getByTestId("publish-missing").textContent()).resolves.toContain(
    "Die Daten haben sich seit der Berechnung geändert: Bitte neu berechnen.",
  );
  await expect(office.getByTestId("publish").isDisabled()).resolves.toBe(true);
  await journey.expectAccessible(office, "stale result");
  await office.getByTestId("run-start").click();
  await expect
    .poll(() => office.getByTestId("run-status").textContent(), { timeout: 60_000 })
    .toMatch(new RegExp(`^Fertig: \\d+ von ${total - 1} Kindern haben einen Platz`));
  await expect(office.getByTestId("run-stale").count()).resolves.toBe(0);
  const offers = firstNumber(
    await office
      .getByTestId("round-stats")
      .getByText(/von \d+ Kindern haben einen Platz/)
      .textContent(),
  );

  // Publishing: the dialog says how many offers go out; offers arrive by mail.
  await office.getByTestId("publish").click();
  const publishDialog = office.getByRole("dialog", { name: "Ergebnis veröffentlichen?" });
  await expect(publishDialog.textContent()).resolves.toContain(
    `${offers} Familien bekommen jetzt ein Platzangebot per E-Mail`,
  );
  await journey.expectAccessible(office, "publish dialog");
  await publishDialog.getByRole("button", { name: `${offers} Angebote verschicken` }).click();
  await expect.poll(() => office.getByTestId("round-status").textContent()).toBe("Veröffentlicht");
  await expect(office.getByTestId("offers-open").textContent()).resolves.toBe(String(offers));
  const offer = await journey.smtp.waitForMail((m) => m.subject.startsWith("Platzangebot für "), 30_000);
  expect(offer.text).toMatch(/bietet Ihnen für .+ einen Platz bei .+ an/);
  await journey.smtp.waitForMail((m) =>
    /Vergaberunde „Betreuungsjahr Demo“: noch kein Platz für /.test(m.subject),
  );
  await journey.expectAccessible(office, "published round");
  await journey.screenshot(office, "11-round-published");

  // On a phone the result table scrolls sideways and an opened explanation stays readable in view.
  await office.setViewportSize({ width: 360, height: 780 });
  await office.reload();
  await office.getByTestId("results-filter-unplaced").click();
  const phoneRow = office
    .getByTestId("result-row")
    .filter({ has: office.getByTestId("result-why") })
    .first();
  await phoneRow.getByTestId("result-why").click();
  const phoneExplanation = office.getByTestId("result-explanation").first();
  await phoneExplanation.getByTestId("cut-off").first().waitFor();
  const box = await phoneExplanation.getByTestId("explanation").boundingBox();
  expect(box?.x).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
  await expect(office.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(360);
  await journey.expectAccessible(office, "round result on a phone");
  await journey.screenshot(office, "11-round-result-phone");

  // The family learns the outcome on its page, explained in plain words.
  await parent.reload();
  await parent.getByTestId("round-outcome").waitFor();
  await expect(parent.getByTestId("round-outcome").textContent()).resolves.toMatch(
    new RegExp(
      `${request.childFirstName} bekommt einen Platz bei|für ${request.childFirstName} leider keinen Platz`,
    ),
  );
  await journey.expectAccessible(parent, "parent's outcome");
  await journey.screenshot(parent, "11-round-parent-outcome");

  // A follow-up round for what is declined or lapses: same dates, a new deadline, linked both ways.
  const publishedUrl = new URL(office.url()).pathname;
  await office.getByTestId("follow-up-create").click();
  await office.getByRole("heading", { level: 1, name: "Betreuungsjahr Demo – Nachrunde" }).waitFor();
  expect(new URL(office.url()).pathname).not.toBe(publishedUrl);
  await expect(office.getByTestId("round-status").textContent()).resolves.toBe("Offen");
  await office.getByRole("link", { name: "Zur vorigen Runde" }).click();
  await office.getByTestId("follow-up-link").waitFor();
  expect(new URL(office.url()).pathname).toBe(publishedUrl);
  // Four people, a run and a dozen axe checks in one story: longer than the default 90 s when journeys run
  // side by side.
}, 240_000);
