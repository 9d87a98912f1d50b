import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { findPreset } from "../src/core/organisations/presets";
import { addDays, addMonths, daysBetween, todayIso } from "../src/core/shared/dates";
import { deadlineReminderJob } from "../src/server/modules/caregivers/caregivers.jobs";
import { formatGermanDate } from "../src/server/platform/csv";
import { runJobOnce } from "../src/server/platform/jobs/scheduler";
import { callApi } from "./support/api";
import { DEMO_PASSWORD, setupJourney } from "./support/journey";

const journey = setupJourney();

const OFFICE = "fachberatung@demo.ktp-netz.de";
/** Anna Albers: a day-care person in the Beckum registry with an account of her own. */
const CAREGIVER = "tagesmutter@demo.ktp-netz.de";
/** The demo's first-aid run in Beckum, about three weeks ahead, with free places. */
const RUN_TITLE = "Erste Hilfe am Kind";
/**
 * Her first aid lapses in this many days: inside the first reminder stage (NRW: 90 days) but not yet the
 * 30-day one — and close enough that, once the clock stands after the course, the old certificate would be
 * in the 30-day stage. So the last check below (no further reminder) holds only because the course counted.
 */
const LAPSES_IN_DAYS = 45;
/** Beckum follows the NRW preset. */
const RULES = findPreset("NRW")?.rules;

interface Caregiver {
  id: string;
  firstName: string;
  lastName: string;
  qualifications: { id: string; kind: string; completedOn: string }[];
}

/**
 * The board's row for Anna's first aid, found through the board's own search and filters. Each step waits
 * until the list shows its effect: a filter builds the next address from the one the page last rendered.
 */
async function firstAidRow(office: Page) {
  // The board draws each row twice, as a table and as cards for phones; one of them is shown.
  const rows = office.getByTestId("deadline-board").getByTestId("deadline-row").filter({ visible: true });
  await office.getByRole("searchbox", { name: "Name oder Ort" }).fill("Albers");
  await office.getByRole("search").getByRole("button", { name: "Suchen" }).click();
  await expect
    .poll(async () => (await rows.allTextContents()).every((text) => text.startsWith("Anna Albers")))
    .toBe(true);
  // All states: her other deadlines are in order, so rows in order appear.
  await office.getByTestId("deadline-state-filter").selectOption("all");
  await rows.filter({ hasText: "In Ordnung" }).first().waitFor();
  await office.getByTestId("deadline-kind-filter").selectOption("firstAid");
  await expect.poll(() => rows.count()).toBe(1);
  const address = new URL(office.url()).searchParams;
  expect([address.get("q"), address.get("stand"), address.get("art")]).toEqual(["Albers", "all", "firstAid"]);
  expect(await rows.textContent()).toMatch(/^Anna AlbersErste Hilfe am Kind/);
  return rows;
}

async function mailsTo(email: string) {
  await journey.app.platform.mailer.flush();
  return journey.smtp.messages.filter((m) => m.to.includes(email));
}

it("a day-care person whose first aid is about to lapse gets the reminder, books the linked course, completes it, and her deadline turns to 'in order'", async () => {
  const { platform } = journey.app;
  const today = todayIso(platform.now());
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, OFFICE);

  // Her last first-aid course was two years (the refresh period) ago less 45 days: the office records it so in the registry
  // (through the API; the registry's own screens have their journey). The demo's earlier records go, since
  // only the latest counts.
  const found = await callApi<{ items: { id: string; lastName: string }[] }>(
    office,
    "GET",
    "/api/orgs/beckum/caregivers?q=Albers",
  );
  const annaId = found.items.find((c) => c.lastName === "Albers")?.id;
  if (!annaId) throw new Error("Anna Albers is not in the demo registry");
  const before = await callApi<Caregiver>(office, "GET", `/api/orgs/beckum/caregivers/${annaId}`);
  for (const q of before.qualifications.filter((q) => q.kind === "firstAid"))
    await callApi(office, "DELETE", `/api/orgs/beckum/caregivers/${annaId}/qualifications/${q.id}`);
  if (!RULES) throw new Error("NRW preset missing");
  expect(LAPSES_IN_DAYS).toBeGreaterThan(30);
  expect(LAPSES_IN_DAYS).toBeLessThanOrEqual(RULES.reminderLeadDays);
  const completedOn = addMonths(addDays(today, LAPSES_IN_DAYS), -RULES.firstAidRefreshMonths);
  await callApi(office, "POST", `/api/orgs/beckum/caregivers/${annaId}/qualifications`, {
    kind: "firstAid",
    title: "Erste Hilfe am Kind (9 UE)",
    completedOn,
  });
  const lapsesOn = addMonths(completedOn, RULES.firstAidRefreshMonths);

  // The board shows it as due soon.
  await office.goto("/app/beckum");
  await journey.navigate(office, "Fristen");
  await office.getByRole("group", { name: "Anzahl der Fristen nach Stand" }).waitFor();
  const dueRow = await firstAidRow(office);
  await expect(dueRow.getByText("Bald fällig").count()).resolves.toBe(1);
  await expect(dueRow.textContent()).resolves.toContain(formatGermanDate(lapsesOn));

  // The hourly reminder job: the mail names the deadline and links the next first-aid course.
  expect(await runJobOnce(platform, deadlineReminderJob)).toBe(true);
  const reminder = await journey.smtp.waitForMail(
    (m) =>
      m.to.includes(CAREGIVER) && m.subject === `Frist: Erste Hilfe am Kind am ${formatGermanDate(lapsesOn)}`,
  );
  expect(reminder.text).toContain(`Der nächste passende Kurs: „${RUN_TITLE}“`);
  const link = /(http:\/\/\S+\/app\/beckum\/fortbildungen\/[\w-]+)/.exec(reminder.text)?.[1];
  if (!link) throw new Error(`no course link in the reminder: ${reminder.text}`);
  const runId = new URL(link).pathname.split("/").at(-1) as string;

  // She opens the link on her phone, signs in and is back on the course.
  const anna = await journey.newPage({ width: 360, height: 780 });
  await anna.goto(link);
  await anna.waitForURL(/\/anmelden\?weiter=/);
  await journey.expectAccessible(anna, "sign-in from the reminder link on a phone");
  await anna.getByLabel(/E-Mail/i).fill(CAREGIVER);
  await anna.getByLabel(/^Passwort/).fill(DEMO_PASSWORD);
  await anna.getByRole("button", { name: /^Anmelden$/ }).click();
  await anna.waitForURL(new URL(link).pathname);
  await anna.getByRole("heading", { level: 1, name: RUN_TITLE }).waitFor();
  const card = anna.getByTestId("catalogue-course");
  await expect(card.getByTestId("catalogue-places").textContent()).resolves.toMatch(/Plätzen frei$/);
  await journey.expectAccessible(anna, "linked course on a phone");
  await journey.screenshot(anna, "training-renewal-course-phone");

  // She books it.
  await card.getByTestId("course-book").click();
  await anna.getByRole("dialog").getByTestId("confirm-action").click();
  await anna.getByRole("dialog").waitFor({ state: "detached" });
  await card.getByTestId("own-booking").getByText("Platz sicher").waitFor();
  await journey.smtp.waitForMail((m) => m.to.includes(CAREGIVER) && m.subject === `Ihr Platz: ${RUN_TITLE}`);
  await journey.expectAccessible(anna, "booked course on a phone");
  const run = await callApi<{ startsOn: string; endsOn: string; units: number }>(
    anna,
    "GET",
    `/api/orgs/beckum/training-catalogue/${runId}`,
  );
  expect(daysBetween(run.endsOn, lapsesOn)).toBeGreaterThan(0);

  // The course day passes: the application's clock moves on to the morning after it and runs from there
  // (the browsers keep theirs; every date the pages below show or judge comes from the server).
  const morningAfter = new Date(`${addDays(run.endsOn, 1)}T08:00:00Z`).getTime();
  const started = Date.now();
  const realNow = platform.now;
  platform.now = () => new Date(morningAfter + (Date.now() - started));
  try {
    const afterCourse = todayIso(platform.now());
    expect(afterCourse).toBe(addDays(run.endsOn, 1));

    // The coordinator marks everyone present (the trainers are external) and issues the certificates.
    await office.goto(`/app/beckum/fortbildungen/anwesenheit/${runId}`);
    await office.getByRole("heading", { level: 1, name: `Anwesenheit: ${RUN_TITLE}` }).waitFor();
    const annaRow = office.getByTestId("attendance-row").filter({ hasText: "Anna Albers" });
    await annaRow.waitFor();
    await office.getByTestId("attendance-all-present").click();
    await office.getByTestId("attendance-save").click();
    await office.getByText("Die Anwesenheit ist gespeichert.").waitFor();
    await expect
      .poll(() => annaRow.getByTestId("attendance-summary").textContent())
      .toBe(`Bisher ${run.units} von ${run.units} UE besucht, mindestens ${run.units} UE nötig`);

    await office.getByTestId("attendance-to-results").click();
    await office.getByRole("heading", { level: 1, name: `Abschluss: ${RUN_TITLE}` }).waitFor();
    const annaResult = office.getByTestId("result-participant").filter({ hasText: "Anna Albers" });
    await expect(annaResult.getByTestId("completion-complete").textContent()).resolves.toBe(
      `Alles erfüllt – abgeschlossen am ${formatGermanDate(run.endsOn)}`,
    );
    await office.getByTestId("results-issue-all").click();
    const dialog = office.getByRole("dialog", { name: "Zertifikate ausstellen?" });
    await dialog.getByTestId("confirm-action").click();
    await dialog.waitFor({ state: "detached" });
    await annaResult.getByTestId("certificate-code").waitFor();

    // The board: her first aid is in order now, due two years after the course.
    const renewedOn = addMonths(run.endsOn, RULES.firstAidRefreshMonths);
    await journey.navigate(office, "Fristen");
    const okRow = await firstAidRow(office);
    await expect(okRow.getByText("In Ordnung").count()).resolves.toBe(1);
    await expect(okRow.textContent()).resolves.toContain(formatGermanDate(renewedOn));
    await journey.screenshot(office, "training-renewal-board");

    // She sees the same on her own profile.
    await anna.goto("/app/beckum/mein-profil");
    const ownFirstAid = anna.getByTestId("deadline-item").filter({ hasText: "Erste Hilfe am Kind" });
    await expect(ownFirstAid.getAttribute("data-state")).resolves.toBe("ok");
    await journey.expectAccessible(anna, "own profile with the renewed deadline on a phone");

    // The next run of the reminder job: without the course, the 30-day stage of the old certificate would be
    // due today; with it, she gets nothing.
    expect(daysBetween(afterCourse, lapsesOn)).toBeLessThanOrEqual(30);
    const sent = (await mailsTo(CAREGIVER)).length;
    expect(await runJobOnce(platform, deadlineReminderJob)).toBe(true);
    expect((await mailsTo(CAREGIVER)).map((m) => m.subject).slice(sent)).toEqual([]);
  } finally {
    platform.now = realNow;
  }
}, 90_000);
