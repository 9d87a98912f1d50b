import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { extractText } from "unpdf";
import { expect, it } from "vitest";
import { openPdf } from "../test/support/pdf";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const BOARD = "vorstand@demo.ktp-netz.de";
const MAREN = "mitglied@demo.ktp-netz.de";
const ANNA = "tagesmutter@demo.ktp-netz.de";
const SLUG = "verein-segeberg";
const TITLE = "Antrag: Mitgliedsbeitrag ab 2027 auf 36 € im Jahr";
/** A twentieth of the members must take part; three of the demo's forty-odd members are enough. */
const QUORUM = 5;

/** Signs in one member on a phone and opens the votes. */
async function memberOnPhone(email: string): Promise<Page> {
  const page = await journey.newPage({ width: 360, height: 780 });
  await journey.signIn(page, email, { at: `/app/${SLUG}/abstimmungen` });
  return page;
}

/** Opens the vote from the list, marks `choice` and casts the ballot after the confirmation. */
async function castBallot(page: Page, choice: "Ja" | "Nein", shoot = false): Promise<void> {
  const card = page.getByTestId("votes-offen").getByTestId("vote-card").filter({ hasText: TITLE });
  await card.getByRole("link", { name: "Jetzt abstimmen" }).click();
  await page.getByTestId("ballot").waitFor();
  await expect(page.getByTestId("secrecy-note").textContent()).resolves.toContain(
    "Niemand kann sehen, was Sie wählen",
  );
  await page.getByRole("radio", { name: choice, exact: true }).check();
  if (shoot) {
    await journey.expectAccessible(page, "ballot on a phone");
    await journey.screenshot(page, "votes-ballot");
  }
  await page.getByTestId("ballot-review").click();
  const dialog = page.getByRole("dialog", { name: "Stimme abgeben?" });
  await expect(dialog.getByTestId("ballot-choice").textContent()).resolves.toBe(choice);
  if (shoot) await journey.screenshot(page, "votes-ballot-confirm");
  await dialog.getByTestId("ballot-confirm").click();
  await page.getByTestId("vote-counted").waitFor();
}

it("the board opens a secret vote with a quorum; three members vote on their phones; the result and its record are right", async () => {
  const board = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(board, BOARD, { at: `/app/${SLUG}/abstimmungen/neu` });
  const form = board.getByTestId("vote-form");
  await form.getByLabel("Titel", { exact: true }).fill(TITLE);
  await form
    .getByLabel("Antragstext")
    .fill("Der Vorstand beantragt, den Jahresbeitrag ab dem 1. Januar 2027 von 30 € auf 36 € zu erhöhen.");
  await board.getByTestId("vote-quorum").fill(String(QUORUM));
  await expect(board.getByTestId("secrecy-secret").isChecked()).resolves.toBe(true);
  await journey.expectAccessible(board, "new vote form");
  await journey.screenshot(board, "votes-form");
  await board.getByTestId("vote-submit").click();
  await board.waitForURL(/\/abstimmungen\/[\da-f-]{36}$/);
  const voteUrl = new URL(board.url()).pathname;
  await board.getByTestId("vote-open").click();
  await board.getByRole("dialog").getByTestId("confirm-action").click();
  await board.getByText("Abstimmung läuft", { exact: true }).first().waitFor();

  // A third voter from the member list; the sign-ins (password hashing) run side by side.
  const members = await board.evaluate(async (slug) => {
    const response = await fetch(`/api/orgs/${slug}/members`);
    return (await response.json()) as { name: string; email: string | null; roles: string[] }[];
  }, SLUG);
  const third = members.find((m) => m.email?.endsWith("@mitglied.example") && !m.roles.includes("board"));
  expect(third, "a member of the demo association").toBeTruthy();
  const [maren, anna, other] = await Promise.all([MAREN, ANNA, third?.email as string].map(memberOnPhone));
  await castBallot(maren as Page, "Ja", true);
  await journey.expectAccessible(maren as Page, "vote counted");
  await journey.screenshot(maren as Page, "votes-counted");
  await castBallot(anna as Page, "Ja");
  await castBallot(other as Page, "Nein");

  // Her list says she has voted; nothing else about her ballot.
  await (maren as Page).goto(`/app/${SLUG}/abstimmungen`);
  await (maren as Page)
    .getByTestId("vote-card")
    .filter({ hasText: TITLE })
    .getByTestId("vote-card-voted")
    .waitFor();
  await journey.expectAccessible(maren as Page, "list of votes");
  await journey.screenshot(maren as Page, "votes-list");

  // While open the numbers stay hidden; the board sees how many took part.
  await board.goto(voteUrl);
  await expect(board.getByTestId("results-participation").textContent()).resolves.toMatch(
    /^Bisher haben 3 (von \d+ Stimmberechtigten|Personen) abgestimmt\.$/,
  );
  await board.getByTestId("vote-close").click();
  await board.getByRole("dialog").getByTestId("confirm-action").click();
  await board.getByTestId("result-outcome").waitFor();

  const rows = board.getByTestId("result-option");
  await expect(rows.filter({ hasText: "Ja" }).getByTestId("result-votes").textContent()).resolves.toMatch(
    /^2 Stimmen \(67\s%\)$/,
  );
  await expect(rows.filter({ hasText: "Nein" }).getByTestId("result-votes").textContent()).resolves.toMatch(
    /^1 Stimme \(33\s%\)$/,
  );
  await expect(board.getByTestId("result-abstentions").textContent()).resolves.toBe("0 Enthaltungen");
  const participation = (await board.getByTestId("result-participation").textContent()) ?? "";
  const entitled = Number(/^Abgestimmt: 3 von (\d+) Stimmberechtigten/.exec(participation)?.[1]);
  expect(entitled).toBeGreaterThan(3);
  expect(3 / entitled).toBeGreaterThanOrEqual(QUORUM / 100);
  await expect(board.getByTestId("result-quorum").textContent()).resolves.toMatch(
    new RegExp(`^Mindestbeteiligung von ${QUORUM}\\s% erreicht\\.$`),
  );
  await expect(board.getByTestId("result-outcome").textContent()).resolves.toBe("Der Antrag ist angenommen.");
  await journey.expectAccessible(board, "result of the vote");
  await journey.screenshot(board, "votes-result");

  // The record for the minutes.
  const [download] = await Promise.all([
    board.waitForEvent("download"),
    board.getByTestId("vote-record-pdf").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = await openPdf(new Uint8Array(await readFile((await download.path()) as string)));
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain(TITLE);
  expect(text).toContain("Angenommen");
  expect(text).toContain("Geheim");
});
