import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { todayIso } from "../src/core/shared/dates";
import { requestApi } from "./support/api";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const CHAIR = "vorstand@demo.ktp-netz.de";
const MAREN = "mitglied@demo.ktp-netz.de";
const ANNA = "tagesmutter@demo.ktp-netz.de";
const SLUG = "verein-segeberg";
const TITLE = "Sommerfest im Juli gemeinsam mit dem Familienzentrum?";

async function created<T>(page: Page, url: string, body: unknown): Promise<T> {
  const answer = await requestApi<T>(page, "POST", url, body);
  expect(answer.status, `POST ${url}: ${JSON.stringify(answer.json)}`).toBe(201);
  return answer.json;
}

it("at a Stammtisch the chair opens a vote for those present; a member not marked present cannot vote until she is; a proxy and paper ballots count too", async () => {
  const [chair, maren, anna, absent] = await Promise.all([
    journey.newPage({ width: 1280, height: 800 }),
    journey.newPage({ width: 360, height: 780 }),
    journey.newPage({ width: 360, height: 780 }),
    journey.newPage({ width: 360, height: 780 }),
  ]);
  // One after the other: three first page loads at once overrun the page timeout on a busy machine.
  await journey.signIn(chair as Page, CHAIR, { at: `/app/${SLUG}/abstimmungen` });
  await journey.signIn(maren as Page, MAREN, { at: `/app/${SLUG}/abstimmungen` });
  await journey.signIn(anna as Page, ANNA, { at: `/app/${SLUG}/abstimmungen` });
  const page = chair as Page;

  // Tonight's Stammtisch and the motion the board prepared for it (a draft, results shown live).
  const event = await created<{ id: string }>(page, `/api/orgs/${SLUG}/events`, {
    kind: "stammtisch",
    title: "Stammtisch Bad Segeberg",
    description: "",
    audience: "members",
    date: todayIso(new Date()),
    from: "19:00",
    to: "21:30",
    endDate: null,
    place: { name: "Gasthaus Zur Linde", street: "", postalCode: "", town: "Bad Segeberg", onlineUrl: null },
    organiserIds: [],
    registration: { enabled: false, capacity: null, guestsAllowed: false, questions: [] },
    minutesVisibility: "organisers",
  });
  const vote = await created<{ id: string }>(page, `/api/orgs/${SLUG}/votes`, {
    kind: "motion",
    title: TITLE,
    text: "Das Familienzentrum lädt uns ein, das Sommerfest am 11. Juli gemeinsam auszurichten.",
    eventId: event.id,
    resultVisibility: "live",
  });
  const meetingUrl = `/app/${SLUG}/abstimmungen/sitzung/${event.id}`;
  const voteUrl = `/app/${SLUG}/abstimmungen/${vote.id}`;

  // The association's statutes allow one proxy per member: the board switches proxies on.
  await page.goto(`/app/${SLUG}/abstimmungen/einstellungen`);
  await page.getByRole("switch", { name: "Vollmachten erlauben" }).check();
  await page.getByLabel("Höchstens so viele Vollmachten pro Person").fill("1");
  await journey.expectAccessible(page, "vote settings");
  await page.getByRole("button", { name: "Speichern" }).click();
  await page.getByText("Die Einstellungen sind gespeichert.").waitFor();

  // A member who cannot come gives her vote for tonight to Maren.
  const members = await requestApi<{ name: string; email: string | null; roles: string[] }[]>(
    page,
    "GET",
    `/api/orgs/${SLUG}/members`,
  );
  const giver = members.json.find(
    (m) => m.email?.endsWith("@mitglied.example") && !m.roles.includes("board"),
  );
  expect(giver, "a member of the demo association").toBeTruthy();
  const delegator = absent as Page;
  await journey.signIn(delegator, giver?.email as string, {
    at: `/app/${SLUG}/abstimmungen/sitzung/${event.id}`,
  });
  await delegator.getByRole("textbox", { name: "Wer stimmt für Sie ab?" }).fill("Maren Möller");
  await delegator.getByRole("option", { name: "Maren Möller", exact: true }).click();
  await delegator.getByRole("button", { name: "Vollmacht geben" }).click();
  await expect(delegator.getByTestId("my-proxy").textContent()).resolves.toBe(
    "Maren Möller stimmt bei dieser Versammlung für Sie ab.",
  );
  await journey.expectAccessible(delegator, "proxy given");
  await journey.screenshot(delegator, "votes-proxy");

  // The chair opens the vote from the meeting's page when its point of the agenda comes up.
  await page.goto(meetingUrl);
  const item = page.getByTestId("meeting-vote").filter({ hasText: TITLE });
  await item.getByTestId("meeting-vote-open").click();
  await page.getByRole("dialog").getByTestId("confirm-action").click();
  await item.getByText("Abstimmung läuft", { exact: true }).waitFor();

  // Maren is in the hall: from the date's page she finds the meeting's votes, marks herself present on her
  // phone and votes.
  await (maren as Page).goto(`/app/${SLUG}/termine/${event.id}`);
  await (maren as Page).getByTestId("meeting-votes-link").getByRole("link").click();
  await (maren as Page).waitForURL(new RegExp(`${meetingUrl}$`));
  await (maren as Page).getByTestId("mark-present").click();
  await (maren as Page).getByTestId("me-present").waitFor();
  await journey.expectAccessible(maren as Page, "meeting page of a member");
  await journey.screenshot(maren as Page, "votes-meeting-member");
  await (maren as Page)
    .getByTestId("meeting-vote")
    .filter({ hasText: TITLE })
    .getByRole("link", { name: "Jetzt abstimmen" })
    .click();
  const own = (maren as Page).getByTestId("ballot").first();
  await own.getByRole("radio", { name: "Ja", exact: true }).check();
  await own.getByTestId("ballot-review").click();
  await (maren as Page).getByRole("dialog").getByTestId("ballot-confirm").click();
  await (maren as Page).getByTestId("vote-counted").waitFor();
  // Then the vote she holds by proxy, on its own ballot.
  const proxy = (maren as Page).getByTestId("proxy-ballot");
  await expect(proxy.textContent()).resolves.toContain(`Stimme für ${giver?.name} (Vollmacht)`);
  await journey.screenshot(maren as Page, "votes-proxy-ballot");
  await proxy.getByRole("radio", { name: "Ja", exact: true }).check();
  await proxy.getByTestId("ballot-review").click();
  await (maren as Page).getByRole("dialog").getByTestId("ballot-confirm").click();
  await (maren as Page).getByText(`Die Stimme für ${giver?.name} (Vollmacht) wurde gezählt.`).waitFor();

  // Anna is not marked present: no ballot, the reason and the way to the presence list instead; the API refuses too.
  await (anna as Page).goto(voteUrl);
  await expect((anna as Page).getByTestId("vote-cannot").textContent()).resolves.toContain(
    "Sie sind noch nicht als anwesend eingetragen",
  );
  expect(await (anna as Page).getByTestId("ballot").count()).toBe(0);
  await journey.expectAccessible(anna as Page, "vote of a member not present");
  await journey.screenshot(anna as Page, "votes-not-present");
  const detail = await requestApi<{ options: { id: string }[] }>(
    anna as Page,
    "GET",
    `/api/orgs/${SLUG}/votes/${vote.id}`,
  );
  const refused = await requestApi<{ error: { code: string } }>(
    anna as Page,
    "POST",
    `/api/orgs/${SLUG}/votes/${vote.id}/ballots`,
    { optionIds: [detail.json.options[0]?.id] },
  );
  expect(refused.status).toBe(403);
  expect(refused.json.error.code).toBe("voteNotPresent");

  // She arrives late without her phone charged: the chair marks her present, and then she may vote.
  await page.goto(meetingUrl);
  await page.getByTestId("presence-person").fill("Anna Albers");
  await page.getByRole("option", { name: "Anna Albers", exact: true }).click();
  await page.getByTestId("presence-add").click();
  await page.getByTestId("present-list").getByText("Anna Albers", { exact: true }).waitFor();
  await expect(page.getByTestId("present-count").textContent()).resolves.toBe("2 Personen anwesend");
  await journey.expectAccessible(page, "chair's meeting panel");
  await journey.screenshot(page, "votes-meeting-chair");
  await (anna as Page).goto(voteUrl);
  await (anna as Page).getByRole("radio", { name: "Nein", exact: true }).check();
  await (anna as Page).getByTestId("ballot-review").click();
  await (anna as Page).getByRole("dialog").getByTestId("ballot-confirm").click();
  await (anna as Page).getByTestId("vote-counted").waitFor();

  // Three guests without the app voted on paper; two members counted them.
  await page.goto(voteUrl);
  const paper = page.getByTestId("paper-form");
  await paper.getByLabel("Abgegebene Stimmzettel").fill("3");
  await paper.getByLabel("Stimmen für „Ja“").fill("2");
  await paper.getByLabel("Stimmen für „Nein“").fill("1");
  await paper.getByLabel("Gezählt von (Person 1)").fill("Heike Hansen");
  await paper.getByLabel("Gezählt von (Person 2)").fill("Jens Jürgensen");
  await journey.expectAccessible(page, "paper ballots");
  await paper.getByTestId("paper-submit").click();
  await page.getByText("Die Papierstimmen sind gezählt.").waitFor();

  // The projector in the hall shows the live numbers, in big type and without the app's navigation.
  await page.goto(`${voteUrl}/beamer`);
  const projector = page.getByTestId("projector");
  await expect
    .poll(() => projector.getByTestId("projector-participation").textContent(), { timeout: 15_000 })
    .toMatch(/^3 von \d+ haben abgestimmt/);
  await expect(projector.getByTestId("projector-present").textContent()).resolves.toBe("2 Personen anwesend");
  // Online Maren and her proxy said yes, Anna no; on paper two yes, one no.
  await expect(projector.getByTestId("result-votes").allTextContents()).resolves.toEqual([
    expect.stringMatching(/^4 Stimmen \(67\s%\)$/),
    expect.stringMatching(/^2 Stimmen \(33\s%\)$/),
  ]);
  await projector.getByText("gezählt von Heike Hansen, Jens Jürgensen", { exact: false }).waitFor();
  await journey.expectAccessible(page, "projector view");
  await journey.screenshot(page, "votes-projector");
});
