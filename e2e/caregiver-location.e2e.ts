import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { haversineKm, offsetPoint } from "../src/core/geo/geo";
import { findPostalCode } from "../src/server/platform/geo/postal-codes";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

/** A coordinate field's value as a number; the fields show German decimal commas. */
async function coordinate(page: Page, testId: string): Promise<number> {
  return Number((await page.getByTestId(testId).inputValue()).replace(",", "."));
}

/** As the page writes coordinates: German decimal comma, a fixed number of places. */
const german = (value: number, digits = 6) =>
  new Intl.NumberFormat("de-DE", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(value);

it("a coordinator sets the exact point of a day-care person by typing and by dragging, and it is kept", async () => {
  const page = await journey.newPage();
  await journey.signIn(page, "fachberatung@demo.ktp-netz.de");
  await journey.navigate(page, "Tagespflegepersonen");
  await page.getByTestId("caregiver-search").fill("Albers");
  await page.getByRole("button", { name: "Suchen" }).click();
  await page.getByTestId("caregiver-row").filter({ hasText: "Anna" }).getByRole("link").first().click();
  await page.getByRole("heading", { level: 1, name: /Anna Albers/ }).waitFor();

  const section = page.getByTestId("location-section");
  await section.getByRole("heading", { level: 2, name: "Lage des Betreuungsorts" }).waitFor();
  // The demo data places everyone at the centre of their postal code.
  expect(await section.getByTestId("location-precision").textContent()).toBe("Mittelpunkt der Postleitzahl");

  await section.getByTestId("location-edit").click();
  const editor = section.getByTestId("location-editor");
  await editor.waitFor();
  const marker = section.getByRole("button", { name: /^Betreuungsort – ziehen/ });
  await marker.waitFor();
  expect(journey.tiles.requests).toBeGreaterThan(0);
  await journey.expectAccessible(page, "exact point editor");

  // By keyboard and without the map: typed coordinates, 1.2 km north-east of the postal code's centre.
  const postalCode = /\b(\d{5})\b/.exec((await page.locator("main").textContent()) ?? "")?.[1] ?? "";
  const centre = findPostalCode(postalCode);
  if (!centre) throw new Error(`unknown postal code ${postalCode}`);
  const typed = offsetPoint(centre, 1200, 60);
  await page.getByLabel(/^Breitengrad/).fill(german(typed.lat));
  await page.getByLabel(/^Längengrad/).fill(german(typed.lon));
  await expect
    .poll(() => section.getByTestId("location-distance").textContent())
    .toBe("1,2 km vom Mittelpunkt der Postleitzahl entfernt");

  // A point in another town is refused before anything is sent.
  await page.getByLabel(/^Breitengrad/).fill(german(centre.lat + 0.5));
  await section.getByTestId("location-save").click();
  await section
    .getByTestId("location-error")
    .getByText("Der Punkt liegt mehr als 30 km vom Mittelpunkt der Postleitzahl entfernt.", { exact: false })
    .waitFor();
  await page.getByLabel(/^Breitengrad/).fill(german(typed.lat));

  // The arrow keys nudge the focused marker by about 10 m.
  await marker.focus();
  await page.keyboard.press("ArrowUp");
  await expect.poll(() => coordinate(page, "location-lat")).toBeGreaterThan(typed.lat);
  const nudged = { lat: await coordinate(page, "location-lat"), lon: await coordinate(page, "location-lon") };
  expect(haversineKm(nudged, typed) * 1000).toBeCloseTo(10, 0);

  await journey.screenshot(page, "location-editor");
  await section.getByTestId("location-save").click();
  await page.getByText("Der genaue Punkt wurde gespeichert.").waitFor();
  await expect.poll(() => section.getByTestId("location-precision").textContent()).toBe("Genauer Punkt");
  await journey.expectAccessible(page, "day-care person with exact point");

  await page.reload();
  await section.getByTestId("location-precision").waitFor();
  expect(await section.getByTestId("location-precision").textContent()).toBe("Genauer Punkt");
  expect(await section.textContent()).toContain(german(nudged.lat, 5));

  // By mouse: the marker dragged on the map moves the point, which the fields then show.
  await section.getByTestId("location-edit").click();
  const box = await marker.boundingBox();
  if (!box) throw new Error("marker not visible");
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 30, y - 20, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => coordinate(page, "location-lon")).toBeGreaterThan(nudged.lon);
  const dragged = {
    lat: await coordinate(page, "location-lat"),
    lon: await coordinate(page, "location-lon"),
  };
  expect(dragged.lat).toBeGreaterThan(nudged.lat);
  await section.getByTestId("location-save").click();
  await page.getByTestId("location-editor").waitFor({ state: "detached" });

  await page.reload();
  await section.getByTestId("location-precision").waitFor();
  expect(await section.getByTestId("location-precision").textContent()).toBe("Genauer Punkt");
  expect(await section.textContent()).toContain(german(dragged.lat, 5));
  await section.getByTestId("location-show-map").click();
  await section.getByRole("button", { name: "Betreuungsort", exact: true }).waitFor();
  await journey.expectAccessible(page, "day-care person with the map shown");
  await journey.screenshot(page, "location-exact-point");

  await section.getByTestId("location-reset").click();
  await expect
    .poll(() => section.getByTestId("location-precision").textContent())
    .toBe("Mittelpunkt der Postleitzahl");
});
