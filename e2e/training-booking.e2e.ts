import ICAL from "ical.js";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { addDays, todayIso, weekdayIndex } from "../src/core/shared/dates";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const OFFICE = "fachberatung@demo.ktp-netz.de";
const FIRST = "tagesmutter@demo.ktp-netz.de";
const SECOND = "vertretung@demo.ktp-netz.de";
const PARENT = "eltern@demo.ktp-netz.de";
/** A run's staff page; "…/verwalten/neu" would match a looser pattern. */
const RUN_PAGE = /\/fortbildungen\/verwalten\/[\da-f]{8}-[\da-f-]{27}$/;
const TITLE = "QHB Teil 1 – Samstagskurs";
const SATURDAY = 5;
/** QHB phase 1 has 160 UE: twenty Saturdays of 8 UE each. */
const SESSIONS = 20;

/** A Saturday far enough ahead that the default cancellation period (14 days) has not begun. */
function firstSaturday(): string {
  const earliest = addDays(todayIso(new Date()), 21);
  return addDays(earliest, (SATURDAY - weekdayIndex(earliest) + 7) % 7);
}

async function confirmDialog(page: Page): Promise<void> {
  await page.getByRole("dialog").getByTestId("confirm-action").click();
  await page.getByRole("dialog").waitFor({ state: "detached" });
}

/** The events of a calendar file that belong to the run titled `title`. */
function eventsOf(ics: string, title: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar
    .getAllSubcomponents("vevent")
    .map((component) => new ICAL.Event(component))
    .filter((event) => event.summary.includes(title));
}

/** Journey 1 runs in two steps that share the coordinator's phone and the run she published. */
let office: Page;
let runUrl = "";

it("a coordinator plans a QHB phase-1 run on her phone and publishes it once its sessions add up", async () => {
  // The category fills in 160 UE; twenty Saturdays of 8 UE must add up to them.
  office = await journey.newPage({ width: 360, height: 780 });
  await journey.signIn(office, OFFICE);
  await journey.navigate(office, "Fortbildungen verwalten");
  await office.getByTestId("course-new").click();
  await office.getByTestId("course-form").waitFor();
  await office.getByTestId("course-category").selectOption("qhbPhase1");
  await expect(office.getByTestId("course-units").inputValue()).resolves.toBe("160");
  await office.getByLabel("Titel", { exact: true }).fill(TITLE);
  await office.getByTestId("course-capacity").fill("1");
  await office.getByTestId("session-add").click();
  const row = office.getByTestId("session-row").first();
  await row.getByLabel("Datum", { exact: true }).fill(firstSaturday());
  await row.getByLabel("Von", { exact: true }).fill("09:00");
  await row.getByLabel("Bis", { exact: true }).fill("16:00");
  await row.getByLabel("UE", { exact: true }).fill("8");
  await row.getByLabel("Ort (Raum, Adresse)").fill("Wilhelmstraße 41, 59269 Beckum");
  await journey.expectAccessible(office, "new course form");
  for (let i = 1; i < SESSIONS - 1; i++) await office.getByTestId("session-copy").click();
  const total = office.getByTestId("sessions-total");
  await expect(total.textContent()).resolves.toContain("152 von 160 UE – es fehlen noch 8 UE");

  // One Saturday short: the run is saved as a draft and the problem stands at the sessions.
  await office.getByTestId("course-publish").click();
  await total.getByRole("alert").filter({ hasText: "152 UE" }).waitFor();
  await office.getByTestId("session-copy").click();
  await expect(total.textContent()).resolves.toContain("160 UE – passt");
  await office.getByTestId("course-publish").click();
  await office.waitForURL(/\/fortbildungen\/verwalten\/[\w-]+$/);
  await office.getByTestId("course-status").filter({ hasText: "Veröffentlicht" }).waitFor();
  await expect(office.getByTestId("session-list").locator("li").count()).resolves.toBe(SESSIONS);
  runUrl = office.url();
});

it("one day-care person books the only place, a second waits and moves up when the first cancels", async () => {
  expect(runUrl, "the run of the step before").not.toBe("");
  const [first, second] = (await Promise.all(
    [0, 1].map(() => journey.newPage({ width: 360, height: 780 })),
  )) as [Page, Page];
  // Signing in takes a while (password hashing): both at once.
  await Promise.all([journey.signIn(first, FIRST, { at: "/app/beckum" }), journey.signIn(second, SECOND)]);

  // The first books the only place on her phone.
  await journey.navigate(first, "Fortbildungen");
  const firstCard = first.getByTestId("catalogue-course").filter({ hasText: TITLE });
  await expect(firstCard.getByTestId("catalogue-places").textContent()).resolves.toBe("1 von 1 Plätzen frei");
  await journey.expectAccessible(first, "catalogue");
  await journey.screenshot(first, "training-booking-catalogue");
  await firstCard.getByTestId("course-book").click();
  await confirmDialog(first);
  await firstCard.getByTestId("own-booking").getByText("Platz sicher").waitFor();
  await journey.smtp.waitForMail((m) => m.to.includes(FIRST) && m.subject === `Ihr Platz: ${TITLE}`);

  // The second finds it full and joins the waiting list.
  await second.goto("/app/beckum/fortbildungen");
  const secondCard = second.getByTestId("catalogue-course").filter({ hasText: TITLE });
  await expect(secondCard.getByTestId("catalogue-places").textContent()).resolves.toBe(
    "Der Platz ist vergeben",
  );
  await secondCard.getByRole("button", { name: /^Auf die Warteliste/ }).click();
  await confirmDialog(second);
  await secondCard.getByTestId("own-booking").getByText("Warteliste: Platz 1").waitFor();
  await journey.smtp.waitForMail((m) => m.to.includes(SECOND) && m.subject === `Warteliste: ${TITLE}`);
  await journey.screenshot(second, "training-booking-waiting");

  // Her bookings: the calendar file of the run and the personal feed carry all twenty sessions.
  await journey.navigate(first, "Meine Fortbildungen");
  const booking = first.getByTestId("my-current").getByTestId("my-booking").filter({ hasText: TITLE });
  await booking.waitFor();
  const icsHref = await booking.getByTestId("my-booking-ics").getAttribute("href");
  const ics = await first.request.get(icsHref as string);
  expect(ics.ok()).toBe(true);
  expect(eventsOf(await ics.text(), TITLE)).toHaveLength(SESSIONS);
  await first.getByTestId("feed-create").click();
  const feedUrl = await first.getByTestId("feed-url").inputValue();
  // The feed is read by calendar apps without a session: the secret link alone is the credential.
  const feed = await fetch(feedUrl);
  expect(feed.status).toBe(200);
  expect(eventsOf(await feed.text(), TITLE)).toHaveLength(SESSIONS);
  await journey.expectAccessible(first, "my trainings with the calendar feed");
  await journey.screenshot(first, "training-booking-mine");

  // She gives the place back before the deadline; the second moves up and is told so.
  await booking.getByTestId("own-cancel").click();
  await confirmDialog(first);
  await first
    .getByTestId("my-earlier")
    .getByTestId("booking-status")
    .filter({ hasText: "Abgemeldet" })
    .waitFor();
  const movedUp = await journey.smtp.waitForMail(
    (m) => m.to.includes(SECOND) && m.subject === `Sie haben einen Platz: ${TITLE}`,
  );
  expect(movedUp.text).toContain("von der Warteliste nachgerückt");
  await second.goto("/app/beckum/fortbildungen/meine");
  await second
    .getByTestId("my-current")
    .getByTestId("my-booking")
    .filter({ hasText: TITLE })
    .getByText("Platz sicher")
    .waitFor();

  // The coordinator's run: the second holds the place, the first is listed as cancelled by herself.
  await office.goto(runUrl);
  await office.getByTestId("run-confirmed").getByText("Vera Vogt").waitFor();
  await office.getByTestId("run-ended").getByText("Anna Albers").waitFor();
  await expect(office.getByTestId("run-waiting").count()).resolves.toBe(0);
  await journey.expectAccessible(office, "run with bookings");
  await journey.screenshot(office, "training-booking-run");
  await journey.navigate(office, "Fortbildungen verwalten");
  const listed = office.getByTestId("admin-course").filter({ hasText: TITLE });
  await expect(listed.getByTestId("admin-course-places").textContent()).resolves.toBe(
    "Der Platz ist vergeben",
  );
  await journey.expectAccessible(office, "list of runs");
});

it("a guest books a public first-aid course on a phone and confirms by e-mail, once; the office copies the run and calls it off", async () => {
  const title = "Erste Hilfe am Kind – offen für alle";
  const email = "greta.gast@example.org";
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, OFFICE, { at: "/app/beckum/fortbildungen/verwalten/neu" });
  await office.getByTestId("course-category").selectOption("firstAidChildren");
  await office.getByLabel("Titel", { exact: true }).fill(title);
  await office.getByRole("radio", { name: "Öffentlich", exact: true }).check();
  await office.getByTestId("session-add").click();
  const row = office.getByTestId("session-row").first();
  await row.getByLabel("Datum", { exact: true }).fill(addDays(firstSaturday(), 7));
  await row.getByLabel("Von", { exact: true }).fill("08:00");
  await row.getByLabel("Bis", { exact: true }).fill("15:00");
  await row.getByLabel("UE", { exact: true }).fill("9");
  await row.getByLabel("Ort (Raum, Adresse)").fill("Familienzentrum, Oststraße 3, Beckum");
  await office.getByTestId("course-publish").click();
  await office.waitForURL(/\/fortbildungen\/verwalten\/[\w-]+$/);

  const guest = await journey.newPage({ width: 360, height: 780 });
  await guest.goto("/o/beckum/fortbildungen");
  const card = guest.getByTestId("catalogue-course").filter({ hasText: title });
  await card.getByTestId("guest-open").click();
  await card.getByLabel("Ihr Name").fill("Greta Gast");
  await card.getByLabel("E-Mail-Adresse").fill(email);
  await journey.expectAccessible(guest, "public catalogue with the guest form");
  await journey.screenshot(guest, "training-booking-public");
  await card.getByTestId("guest-submit").click();
  await card.getByTestId("guest-sent").waitFor();

  // Only the clicked link holds the place.
  const mail = await journey.smtp.waitForMail((m) => m.to.includes(email));
  const link = /(http:\/\/\S+\/fortbildung\/bestaetigen\/[\w-]+)/.exec(mail.text)?.[1];
  expect(link).toBeTruthy();
  await guest.goto(link as string);
  await expect(guest.getByTestId("guest-confirm-status").textContent()).resolves.toContain(
    "Sie sind angemeldet",
  );
  await journey.expectAccessible(guest, "guest confirmation");
  await journey.screenshot(guest, "training-booking-guest-confirmed");
  await guest.reload();
  await expect(guest.getByTestId("guest-confirm-failed").textContent()).resolves.toContain("schon benutzt");

  // The trainer falls ill: the office copies the run to a later Saturday and calls this one off.
  const runPage = office.url();
  const nextFrom = addDays(firstSaturday(), 28);
  await office.getByTestId("run-copy").click();
  await office.getByTestId("copy-date").fill(addDays(nextFrom, -2));
  await office.getByRole("dialog").getByTestId("dialog-confirm").click();
  await office.waitForURL(/\/bearbeiten$/);
  // The copy keeps the weekday: the Thursday chosen becomes the Saturday after it.
  await expect(
    office.getByTestId("session-row").first().getByLabel("Datum", { exact: true }).inputValue(),
  ).resolves.toBe(nextFrom);
  await office.goto(runPage);
  await office.getByTestId("run-cancel").click();
  await office.getByTestId("reason-input").fill("Die Referentin ist erkrankt. Der neue Termin folgt.");
  await office.getByRole("dialog").getByTestId("dialog-confirm").click();
  await office.getByTestId("course-status").filter({ hasText: "Abgesagt" }).waitFor();
  const cancelled = await journey.smtp.waitForMail(
    (m) => m.to.includes(email) && m.subject === `Kurs abgesagt: ${title}`,
  );
  expect(cancelled.text).toContain("Die Referentin ist erkrankt.");
});

it("the office books a parent and a substitute by hand onto a refresher that starts today, moves the parent to the next run and gives the freed place by hand", async () => {
  const title = "Erste Hilfe am Kind – Auffrischung";
  const today = todayIso(new Date());
  const office = await journey.newPage({ width: 360, height: 780 });
  const parent = await journey.newPage({ width: 360, height: 780 });
  await Promise.all([
    journey.signIn(office, OFFICE, { at: "/app/beckum/fortbildungen/verwalten/neu" }),
    journey.signIn(parent, PARENT),
  ]);
  await office.getByTestId("course-category").selectOption("firstAidChildren");
  await office.getByLabel("Titel", { exact: true }).fill(title);
  await office.getByRole("checkbox", { name: /Auffrischung/ }).check();
  await office.getByTestId("course-capacity").fill("1");
  await office.getByTestId("session-add").click();
  const row = office.getByTestId("session-row").first();
  await row.getByLabel("Datum", { exact: true }).fill(today);
  await row.getByLabel("Von", { exact: true }).fill("08:00");
  await row.getByLabel("Bis", { exact: true }).fill("15:00");
  await row.getByLabel("UE", { exact: true }).fill("9");
  await row.getByLabel("Ort (Raum, Adresse)").fill("Familienzentrum, Oststraße 3, Beckum");
  await office.getByTestId("course-publish").click();
  await office.waitForURL(RUN_PAGE);
  await office.getByTestId("course-status").filter({ hasText: "Veröffentlicht" }).waitFor();
  const todayRun = office.url();

  // The next run of the series, a week later: copied and published before anyone is moved there.
  await office.getByTestId("run-copy").click();
  await office.getByTestId("copy-date").fill(addDays(today, 1));
  await office.getByRole("dialog").getByTestId("dialog-confirm").click();
  await office.waitForURL(/\/bearbeiten$/);
  await office.getByTestId("course-publish").click();
  await office.waitForURL(RUN_PAGE);
  await office.getByTestId("course-status").filter({ hasText: "Veröffentlicht" }).waitFor();

  // The parent has no first-aid certificate, so the refresher refuses him until the office waives it.
  await office.goto(todayRun);
  const form = office.getByTestId("staff-book");
  await form.getByTestId("staff-book-person").fill("Ersoy");
  await office.getByRole("option", { name: "Emre Ersoy" }).click();
  await form.getByTestId("staff-book-submit").click();
  await form.getByRole("alert").filter({ hasText: "Voraussetzung übergehen" }).waitFor();
  await form.getByTestId("staff-book-waive").check();
  await form.getByTestId("staff-book-reason").fill("Kurs beim DRK im Mai, Nachweis kommt nach.");
  await form.getByTestId("staff-book-submit").click();
  await form
    .getByTestId("staff-book-result")
    .filter({ hasText: "Emre Ersoy ist angemeldet und hat einen festen Platz." })
    .waitFor();
  await form.getByTestId("staff-book-person").fill("Vogt");
  await office.getByRole("option", { name: "Vera Vogt" }).click();
  await form.getByTestId("staff-book-waive").check();
  await form.getByTestId("staff-book-reason").fill("Bescheinigung liegt im Büro vor.");
  await form.getByTestId("staff-book-submit").click();
  await form.getByTestId("staff-book-result").filter({ hasText: "Platz 1 der Warteliste" }).waitFor();
  await office.getByTestId("run-waiting").getByText("Vera Vogt").waitFor();
  await journey.expectAccessible(office, "run with the staff booking form");
  await journey.screenshot(office, "training-booking-staff-book");

  // Moved out after the start, his place stays free: nobody moves up by herself on the day.
  await office.getByRole("button", { name: "Emre Ersoy verschieben" }).click();
  await office.getByRole("dialog").getByTestId("dialog-confirm").click();
  await office.getByRole("dialog").waitFor({ state: "detached" });
  await office.getByTestId("run-ended").getByText("Emre Ersoy").waitFor();
  await office.getByTestId("run-promote").click();
  await confirmDialog(office);
  await office.getByTestId("run-confirmed").getByText("Vera Vogt").waitFor();
  await expect(office.getByTestId("run-waiting").count()).resolves.toBe(0);
  await journey.smtp.waitForMail(
    (m) => m.to.includes(SECOND) && m.subject === `Sie haben einen Platz: ${title}`,
  );
  await journey.screenshot(office, "training-booking-promoted");

  // The parent finds his place in the later run, and his certificates in the navigation.
  await parent.goto("/app/beckum/fortbildungen/meine");
  await parent
    .getByTestId("my-current")
    .getByTestId("my-booking")
    .filter({ hasText: title })
    .getByText("Platz sicher")
    .waitFor();
  await journey.navigate(parent, "Meine Zertifikate");
  await parent.getByTestId("my-certificates-empty").waitFor();
  await journey.expectAccessible(parent, "a parent's certificates");
});
