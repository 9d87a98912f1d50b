import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { callApi } from "./support/api";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const OFFICE = "fachberatung@demo.ktp-netz.de";
const SLUG = "beckum";
/** Parents with an active contract make the electorate; the setup places three more families. */
const FAMILIES = 3;
/** The demo's own parents with a contract and an account: the two families of Anna Albers's children. */
const DEMO_FAMILIES = 2;
const TITLE = "Elternbeirat 2027/2028";

interface BoardItem {
  id: string;
  status: string;
}
interface RequestDetail {
  id: string;
  parentName: string;
  email: string;
  hasAccount: boolean;
}
interface Suggestions {
  suggestions: { caregiverId: string; fits: boolean }[];
}
interface Parent {
  name: string;
  email: string;
}

/**
 * The office offers places to open requests of families with an account until `count` offers stand, the way
 * the placement pages do it (first fitting caregiver); each family then accepts through the API. The parents
 * and their pages come back signed in.
 */
async function placeFamilies(office: Page, count: number): Promise<{ parent: Parent; page: Page }[]> {
  const board = await callApi<{ items: BoardItem[] }>(
    office,
    "GET",
    `/api/orgs/${SLUG}/placement-requests?status=open&limit=100`,
  );
  const offered: { parent: Parent; requestId: string }[] = [];
  // A different caregiver for each family, so that no acceptance finds the place already taken.
  const used = new Set<string>();
  for (const item of board.items) {
    if (offered.length === count) break;
    const detail = await callApi<RequestDetail>(
      office,
      "GET",
      `/api/orgs/${SLUG}/placement-requests/${item.id}`,
    );
    if (!detail.hasAccount || offered.some((o) => o.parent.email === detail.email)) continue;
    const { suggestions } = await callApi<Suggestions>(
      office,
      "GET",
      `/api/orgs/${SLUG}/placement-requests/${item.id}/suggestions`,
    );
    const fitting = suggestions.find((s) => s.fits && !used.has(s.caregiverId));
    if (!fitting) continue;
    used.add(fitting.caregiverId);
    await callApi(office, "POST", `/api/orgs/${SLUG}/placement-requests/${item.id}/offers`, {
      caregiverId: fitting.caregiverId,
    });
    offered.push({ parent: { name: detail.parentName, email: detail.email }, requestId: item.id });
  }
  expect(offered, "families the office could place").toHaveLength(count);
  return Promise.all(
    offered.map(async ({ parent, requestId }) => {
      const page = await journey.newPage({ width: 360, height: 780 });
      await journey.signIn(page, parent.email);
      await callApi(page, "POST", `/api/orgs/${SLUG}/my-placement-requests/${requestId}/offer-answer`, {
        accept: true,
      });
      return { parent, page };
    }),
  );
}

async function confirmDialog(page: Page): Promise<void> {
  await page.getByRole("dialog").getByTestId("confirm-action").click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
}

/** Marks one candidate on the election ballot and casts it after the confirmation. */
async function elect(page: Page, voteUrl: string, candidate: string): Promise<void> {
  await page.goto(voteUrl);
  await page.getByRole("checkbox", { name: candidate }).check();
  await page.getByTestId("ballot-review").click();
  await page.getByRole("dialog").getByTestId("ballot-confirm").click();
  await page.getByTestId("vote-counted").waitFor();
}

it("the office runs a parent-council election with two candidates for one seat; parents with contracts vote; the result goes out by mail", async () => {
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, OFFICE);
  const families = await placeFamilies(office, FAMILIES);
  const [first, second, third] = families as [
    (typeof families)[number],
    (typeof families)[number],
    (typeof families)[number],
  ];

  // The office sets up the election for one seat and opens the nomination; the parents hear of it by mail.
  await office.goto(`/app/${SLUG}/abstimmungen/neu?art=wahl`);
  await office.getByTestId("vote-title").fill(TITLE);
  await office
    .getByLabel("Beschreibung (Amtszeit, Aufgaben des Elternbeirats)")
    .fill("Der Elternbeirat vertritt die Eltern gegenüber der Koordinierungsstelle, Amtszeit zwei Jahre.");
  await expect(office.getByTestId("vote-seats").inputValue()).resolves.toBe("1");
  await journey.expectAccessible(office, "election form");
  await journey.screenshot(office, "election-form");
  await office.getByTestId("vote-submit").click();
  await office.waitForURL(/\/abstimmungen\/[\da-f-]{36}$/);
  const voteUrl = new URL(office.url()).pathname;
  await office.getByTestId("vote-open-nomination").click();
  await confirmDialog(office);
  await office.getByText("Kandidatur läuft", { exact: true }).first().waitFor();
  await journey.smtp.waitForMail(
    (m) => m.to.includes(third.parent.email) && m.subject === "Wahl zum Elternbeirat: Kandidieren Sie?",
  );

  // Two parents stand, each with a short introduction, on their phones.
  for (const [index, family] of [first, second].entries()) {
    await family.page.goto(voteUrl);
    await family.page
      .getByLabel("Ihre Vorstellung")
      .fill(
        index === 0
          ? "Zwei Kinder, eines davon in Tagespflege. Mir sind verlässliche Vertretungen wichtig."
          : "Ich möchte, dass Eltern früh von Änderungen erfahren.",
      );
    if (index === 0) {
      await journey.expectAccessible(family.page, "nomination on a phone");
      await journey.screenshot(family.page, "election-nomination");
    }
    await family.page.getByTestId("candidacy-submit").click();
    await family.page.getByTestId("candidacy-state").waitFor();
  }

  // Voting opens; each parent marks one candidate (one seat: the other boxes lock once one is marked).
  await office.goto(voteUrl);
  await office.getByTestId("candidate").nth(1).waitFor();
  await expect(office.getByTestId("candidate").count()).resolves.toBe(2);
  await office.getByTestId("vote-open").click();
  await confirmDialog(office);
  await office.getByText("Abstimmung läuft", { exact: true }).first().waitFor();

  await first.page.goto(voteUrl);
  await first.page.getByRole("checkbox", { name: first.parent.name }).check();
  await expect(first.page.getByRole("checkbox", { name: second.parent.name }).isDisabled()).resolves.toBe(
    true,
  );
  await expect(first.page.getByTestId("ballot-count").textContent()).resolves.toBe(
    "1 von höchstens 1 angekreuzt",
  );
  await journey.expectAccessible(first.page, "election ballot on a phone");
  await journey.screenshot(first.page, "election-ballot");
  await first.page.getByTestId("ballot-review").click();
  await first.page.getByRole("dialog").getByTestId("ballot-confirm").click();
  await first.page.getByTestId("vote-counted").waitFor();
  await elect(second.page, voteUrl, second.parent.name);
  await elect(third.page, voteUrl, first.parent.name);

  // The office closes the election: one elected, the other the substitute; every parent gets the result.
  await office.goto(voteUrl);
  await office.getByTestId("vote-close").click();
  await confirmDialog(office);
  const outcome = office.getByTestId("election-outcome");
  await outcome.waitFor();
  await expect(outcome.getByRole("list").first().textContent()).resolves.toBe(first.parent.name);
  await expect(outcome.getByRole("list").nth(1).textContent()).resolves.toBe(second.parent.name);
  await expect(office.getByTestId("result-participation").textContent()).resolves.toMatch(
    new RegExp(`^Abgestimmt: 3 von ${FAMILIES + DEMO_FAMILIES} `),
  );
  await journey.expectAccessible(office, "election result");
  await journey.screenshot(office, "election-result");
  const mail = await journey.smtp.waitForMail(
    (m) => m.to.includes(third.parent.email) && m.subject === `Ergebnis: ${TITLE}`,
  );
  expect(mail.text).toContain(`Gewählt: ${first.parent.name}`);
  expect(mail.text).toContain(`Ersatzmitglieder: ${second.parent.name}`);
});
