import ICAL from "ical.js";
import { expect, it } from "vitest";
import { addDays, todayIso } from "../src/core/shared/dates";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const BOARD = "vorstand@demo.ktp-netz.de";
const MEMBER = "mitglied@demo.ktp-netz.de";
const SLUG = "verein-segeberg";
const TITLE = "Stammtisch Bad Segeberg";
const DATES = 6;
const GUEST = "gisela.gast@example.org";

it("a board member plans a Stammtisch series; a visitor finds it, subscribes and registers as a guest; a member registers herself", async () => {
  // The board plans every second Tuesday, 19:30, six dates, with registration and one question.
  const board = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(board, BOARD);
  await board.goto(`/app/${SLUG}/termine/verwalten/neu`);
  const form = board.getByTestId("event-form");
  await form.getByText("Regelmäßig (Reihe)").click();
  await form.getByLabel("Titel", { exact: true }).fill(TITLE);
  await form
    .getByLabel("Beschreibung")
    .fill("Offener Austausch für alle, die mit Kindertagespflege zu tun haben.");
  await board.getByTestId("series-weekday").selectOption("1");
  await board.getByTestId("series-interval").fill("2");
  await board.getByTestId("series-start").fill(addDays(todayIso(new Date()), 1));
  await form.getByLabel("Von", { exact: true }).fill("19:30");
  await form.getByLabel("Bis", { exact: true }).fill("21:30");
  await form.getByRole("radio", { name: "Nach einer Anzahl Termine" }).check();
  await form.getByRole("textbox", { name: "Anzahl Termine" }).fill(String(DATES));
  await form.getByLabel("Ort (z. B. Gasthaus, Raum)").fill("Gasthaus Zur Linde");
  await form.getByLabel("Straße und Hausnummer").fill("Kurhausstraße 10");
  await form.getByLabel("PLZ").fill("23795");
  await form.getByRole("textbox", { name: "Ort", exact: true }).fill("Bad Segeberg");
  await board.getByTestId("registration-enabled").check();
  await board.getByTestId("registration-capacity").fill("12");
  await board.getByTestId("question-add").click();
  await board.getByTestId("question-row").getByRole("textbox").first().fill("Ich bringe etwas zu essen mit");
  await form.getByLabel("Art der Antwort").selectOption("yesNo");
  await board.getByTestId("series-preview").waitFor();
  await journey.expectAccessible(board, "new series form");
  await journey.screenshot(board, "events-series-form");
  await board.getByTestId("event-submit").click();
  await board.waitForURL(/\/termine\/verwalten\/reihe\/[\w-]+$/);
  await expect(board.getByTestId("series-rule").textContent()).resolves.toContain(
    "alle 2 Wochen am Dienstag, 19:30 Uhr",
  );
  await expect(board.getByTestId("series-dates").getByTestId("event-card").count()).resolves.toBe(DATES);
  await journey.expectAccessible(board, "series page");
  await journey.screenshot(board, "events-series");

  // A visitor on a phone finds the next date on the organisation's public page.
  const visitor = await journey.newPage({ width: 360, height: 780 });
  await visitor.goto(`/o/${SLUG}`);
  // The demo association has dates of its own; the new series' first date is among the next three.
  await visitor.getByTestId("next-date").filter({ hasText: TITLE }).first().waitFor();
  await visitor.getByTestId("next-dates-link").click();
  await visitor.getByTestId("public-events").waitFor();
  await journey.expectAccessible(visitor, "public calendar");
  await journey.screenshot(visitor, "events-public-calendar");

  // The feed a calendar app subscribes to parses and holds every date of the series.
  const feedUrl = await visitor.getByTestId("calendar-feed-url").inputValue();
  expect(await visitor.getByTestId("calendar-webcal").getAttribute("href")).toMatch(/^webcal:\/\//);
  const feed = await fetch(feedUrl);
  expect(feed.status).toBe(200);
  const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
  const starts = calendar
    .getAllSubcomponents("vevent")
    .map((component) => new ICAL.Event(component))
    .filter((event) => event.summary.includes(TITLE))
    .map((event) => event.startDate.toJSDate().getTime())
    .sort((a, b) => a - b);
  expect(starts).toHaveLength(DATES);
  for (let i = 1; i < starts.length; i++)
    expect(Math.round(((starts[i] as number) - (starts[i - 1] as number)) / 86_400_000)).toBe(14);

  // The month view is a table with the weekdays as headers.
  await visitor.getByText("Monat", { exact: true }).click();
  await visitor.getByRole("columnheader", { name: "Dienstag" }).waitFor();
  await journey.expectAccessible(visitor, "public month view");
  await journey.screenshot(visitor, "events-public-month");

  // She registers as a guest for the first date and confirms through the link in the mail.
  await visitor.goto(`/o/${SLUG}/termine`);
  await visitor
    .getByTestId("event-card")
    .filter({ hasText: TITLE })
    .first()
    .getByRole("link", { name: TITLE, exact: true })
    .click();
  await visitor.getByTestId("guest-form").waitFor();
  await expect(visitor.getByTestId("event-places").first().textContent()).resolves.toBe(
    "12 von 12 Plätzen frei",
  );
  // The place on the map, around the centre of its postal-code area, for visitors without an account too.
  await visitor.getByTestId("event-map").waitFor();
  await expect.poll(() => journey.tiles.requests).toBeGreaterThan(0);
  await visitor.getByLabel("Ihr Name").fill("Gisela Gast");
  await visitor.getByLabel("E-Mail-Adresse").fill(GUEST);
  await visitor.getByLabel("Ich bringe etwas zu essen mit").check();
  await journey.expectAccessible(visitor, "public event with the guest form");
  await journey.screenshot(visitor, "events-public-event");
  await visitor.getByTestId("guest-submit").click();
  await visitor.getByTestId("guest-sent").waitFor();
  const mail = await journey.smtp.waitForMail((m) => m.to.includes(GUEST));
  const link = /(http:\/\/\S+\/termine\/bestaetigen\/[\w-]+)/.exec(mail.text)?.[1];
  expect(link).toBeTruthy();
  await visitor.goto(link as string);
  await expect(visitor.getByTestId("guest-registration-status").textContent()).resolves.toContain(
    "Ihre Anmeldung bei",
  );
  await journey.expectAccessible(visitor, "guest confirmation");
  await journey.screenshot(visitor, "events-guest-confirmed");

  // The board sees her registration with her answer.
  await board.goto(`/app/${SLUG}/termine/verwalten`);
  await board
    .getByTestId("admin-events")
    .getByTestId("event-card")
    .filter({ hasText: TITLE })
    .first()
    .getByRole("link", { name: TITLE, exact: true })
    .click();
  const row = board.getByTestId("registration-row").filter({ hasText: "Gisela Gast" });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain("Ich bringe etwas zu essen mit: Ja");
  // A member phoned: the board puts her on the list by hand; she gets the usual mail.
  const memberField = board.getByTestId("add-member");
  await memberField.click();
  const memberList = board.getByRole("listbox");
  await memberList.getByRole("option").first().waitFor({ state: "attached" });
  const names = await memberList.getByRole("option").allTextContents();
  const picked = names.map((n) => n.trim()).find((n) => n !== "Maren Möller") ?? "";
  await memberField.fill(picked);
  await memberList.getByRole("option", { name: picked, exact: true }).click();
  await board.getByRole("button", { name: "Anmelden", exact: true }).click();
  await board.getByTestId("registration-row").filter({ hasText: picked }).waitFor();
  expect(await board.getByTestId("registrations").getByRole("alert").count()).toBe(0);
  expect(await board.getByTestId("registrations-csv").getAttribute("href")).toMatch(/registrations\.csv$/);
  await journey.expectAccessible(board, "registrations");
  await journey.screenshot(board, "events-registrations");

  // A member of the association opens "Termine" on her phone and registers for the first date herself.
  const member = await journey.newPage({ width: 360, height: 780 });
  await journey.signIn(member, MEMBER);
  await member.waitForURL(new RegExp(`/app/${SLUG}$`));
  await journey.navigate(member, "Termine");
  await member
    .getByTestId("member-events")
    .getByTestId("event-card")
    .filter({ hasText: TITLE })
    .first()
    .getByRole("link", { name: TITLE, exact: true })
    .click();
  await member.getByTestId("member-register").click();
  await expect(member.getByTestId("member-registration-status").textContent()).resolves.toContain(
    "angemeldet",
  );
  await journey.expectAccessible(member, "member event page");
  await journey.screenshot(member, "events-member-registered");
});
