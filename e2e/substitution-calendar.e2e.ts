import { expect, it } from "vitest";
import type { CalendarResponse } from "../src/contracts/substitution";
import { addDays, addMonths, startOfWeek, todayIso } from "../src/core/shared/dates";
import { callApi } from "./support/api";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const OFFICE = "fachberatung@demo.ktp-netz.de";
const SUBSTITUTE = "vertretung@demo.ktp-netz.de";
const SLUG = "beckum";
const API = `/api/orgs/${SLUG}/substitution`;
const PHONE = { width: 360, height: 780 };

/** The grid of a month: Monday on or before the 1st to Sunday on or after the last day. */
function monthGrid(monthKey: string) {
  const first = `${monthKey}-01`;
  const last = addDays(addMonths(first, 1), -1);
  return { from: startOfWeek(first), to: addDays(startOfWeek(last), 6) };
}

const monthName = (monthKey: string) =>
  new Intl.DateTimeFormat("de-DE", { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(`${monthKey}-15T12:00:00Z`),
  );

it("the coordinator reads the week and the month of absences, pages through months and opens a day on the board; a substitute reads her own calendar on a phone", async () => {
  const today = todayIso(new Date());
  // The demo's absences all lie before today: last week has some.
  const lastMonday = addDays(startOfWeek(today), -7);

  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, OFFICE, { at: `/app/${SLUG}/vertretung` });
  await office.getByTestId("board-calendar").click();
  await office.getByRole("heading", { level: 1, name: "Vertretungskalender" }).waitFor();
  await office.getByTestId("calendar-week-table").waitFor();
  await office.getByTestId("calendar-previous").click();
  await office.waitForURL((url) => url.searchParams.get("from") === lastMonday);
  const week = office.locator(`[data-testid="calendar"][data-from="${lastMonday}"]`);
  await week.getByTestId("calendar-week-table").waitFor();

  // One row per absent person; each cell says what the API counts for her that day.
  const expected = await callApi<CalendarResponse>(
    office,
    "GET",
    `${API}/calendar?from=${lastMonday}&to=${addDays(lastMonday, 6)}`,
  );
  const persons = [...new Set(expected.absences.map((a) => a.caregiverId))];
  expect(persons.length).toBeGreaterThan(0);
  const rows = week.getByTestId("calendar-person");
  await expect(rows.count()).resolves.toBe(persons.length);
  const first = expected.absences[0];
  if (!first) throw new Error("no absence last week");
  const firstRow = rows.filter({ has: office.getByRole("rowheader", { name: first.caregiverName }) });
  for (const day of expected.days) {
    const counts = day.absences.find((a) => a.absenceId === first.id);
    if (!counts) continue;
    const cell = firstRow.locator(`[data-testid="calendar-cell"][data-day="${day.day}"]`);
    const text = await cell.textContent();
    expect(text).toContain(
      counts.childDays === 0 ? "keine Kinder" : `${counts.confirmed} von ${counts.childDays} vertreten`,
    );
    if (counts.uncovered > 0) expect(text).toContain(`${counts.uncovered} offen`);
  }
  await journey.expectAccessible(office, "the office's calendar week");
  await journey.screenshot(office, "substitution-calendar-week");

  // The month of that week, as a table with the absent persons and open child-days per day.
  const monthKey = lastMonday.slice(0, 7);
  await office.getByTestId("calendar-view").getByText("Monat", { exact: true }).click();
  await office.getByTestId("calendar-heading").getByText(monthName(monthKey)).waitFor();
  const grid = monthGrid(monthKey);
  const month = office.locator(`[data-testid="calendar"][data-from="${grid.from}"]`);
  await month.getByTestId("calendar-month-table").waitFor();
  const monthly = await callApi<CalendarResponse>(
    office,
    "GET",
    `${API}/calendar?from=${grid.from}&to=${grid.to}`,
  );
  let busiest = monthly.days[0];
  for (const day of monthly.days) {
    const cell = month.locator(`[data-testid="calendar-month-day"][data-day="${day.day}"]`);
    const absent = cell.getByTestId("calendar-month-absent");
    if (day.absentPeople === 0) {
      await expect(absent.count()).resolves.toBe(0);
      continue;
    }
    await expect(absent.textContent()).resolves.toBe(
      day.absentPeople === 1 ? "1 fehlt" : `${day.absentPeople} fehlen`,
    );
    const open = cell.getByTestId("calendar-month-open");
    if (day.uncovered > 0)
      await expect(open.textContent()).resolves.toBe(
        day.uncovered === 1 ? "1 Kind offen" : `${day.uncovered} Kinder offen`,
      );
    else await expect(open.count()).resolves.toBe(0);
    if (day.day.startsWith(monthKey) && day.absentPeople > (busiest?.absentPeople ?? 0)) busiest = day;
  }
  await journey.expectAccessible(office, "the office's calendar month");
  await journey.screenshot(office, "substitution-calendar-month");

  // The next month and back.
  const nextKey = addMonths(`${monthKey}-01`, 1).slice(0, 7);
  await office.getByTestId("calendar-next").click();
  await office.getByTestId("calendar-heading").getByText(monthName(nextKey)).waitFor();
  await office.waitForURL((url) => url.searchParams.get("from") === `${nextKey}-01`);
  await office.getByTestId("calendar-previous").click();
  await office.getByTestId("calendar-heading").getByText(monthName(monthKey)).waitFor();

  // A day with absences opens the board on that day.
  if (!busiest || busiest.absentPeople === 0) throw new Error("no day with absences in the month");
  await month.locator(`[data-testid="calendar-day-link"][data-day="${busiest.day}"]`).click();
  await office.waitForURL(
    (url) => url.pathname.endsWith("/vertretung") && url.searchParams.get("tag") === busiest.day,
  );
  const dayView = office.getByTestId("board-day-view");
  await dayView.waitFor();
  await expect(dayView.getByTestId("board-day-counts").textContent()).resolves.toBe(
    `${busiest.uncovered} offen, ${busiest.proposed} Vorschläge, ${busiest.confirmed} bestätigt`,
  );

  // On the coordinator's phone the same week reads as one card per day.
  const officePhone = await journey.newPage(PHONE);
  await journey.signIn(officePhone, OFFICE, {
    at: `/app/${SLUG}/vertretung/kalender?view=week&from=${lastMonday}`,
  });
  const cards = officePhone.getByTestId("calendar-day-card");
  await cards.first().waitFor();
  await expect(cards.count()).resolves.toBe(7);
  await expect(cards.filter({ has: officePhone.getByTestId("calendar-absence") }).count()).resolves.toBe(
    expected.days.filter((d) => d.absences.length > 0).length,
  );
  await journey.expectAccessible(officePhone, "the office's calendar week on a phone");
  await journey.screenshot(officePhone, "substitution-calendar-week-phone");

  // Vera Vogt, employed substitute, on her phone: the month of her own absences and cover children.
  const phone = await journey.newPage(PHONE);
  await journey.signIn(phone, SUBSTITUTE);
  await journey.navigate(phone, "Mein Kalender");
  await phone.getByRole("heading", { level: 1, name: "Mein Kalender" }).waitFor();
  await phone.getByTestId("calendar-week-cards").waitFor();
  await journey.screenshot(phone, "substitution-calendar-own-week-phone");
  await phone.getByTestId("calendar-view").getByText("Monat", { exact: true }).click();
  const ownKey = today.slice(0, 7);
  const ownGrid = monthGrid(ownKey);
  const own = phone.locator(`[data-testid="calendar"][data-from="${ownGrid.from}"]`);
  await own.getByTestId("calendar-month-list").waitFor();
  const hers = await callApi<CalendarResponse>(
    phone,
    "GET",
    `${API}/my/calendar?from=${ownGrid.from}&to=${ownGrid.to}`,
  );
  const shown = hers.days.filter(
    (d) => d.day.startsWith(ownKey) && (d.absences.length > 0 || d.holders.length > 0),
  );
  await expect(own.getByTestId("calendar-month-day").count()).resolves.toBe(shown.length);
  for (const day of shown) {
    const children = day.holders.reduce((sum, h) => sum + h.children, 0);
    if (children === 0) continue;
    await expect(
      own
        .locator(`[data-testid="calendar-month-day"][data-day="${day.day}"]`)
        .getByTestId("calendar-month-covers")
        .textContent(),
    ).resolves.toBe(
      children === 1 ? "Sie betreuen 1 Vertretungskind" : `Sie betreuen ${children} Vertretungskinder`,
    );
  }
  await journey.expectAccessible(phone, "her own calendar month on a phone");
  await journey.screenshot(phone, "substitution-calendar-own-month-phone");
}, 150_000);
