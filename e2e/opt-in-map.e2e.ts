import { expect, it } from "vitest";
import { haversineKm } from "../src/core/geo/geo";
import { findPostalCode } from "../src/server/platform/geo/postal-codes";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

it("a member opts in to the public map, a visitor sees her approximately, she opts out and disappears", async () => {
  const member = await journey.newPage();
  await journey.signIn(member, "mitglied@demo.ktp-netz.de");
  await member.goto("/app/verein-segeberg/karte");
  await member.getByRole("heading", { level: 1, name: "Meine Karte" }).waitFor();
  await journey.expectAccessible(member, "my map entry");
  await member.getByLabel(/^Angezeigter Name/).fill("Tagesmutti Möwe");
  await member.getByLabel(/^Postleitzahl/).fill("23795");
  await member.getByLabel(/^Ort/).fill("Bad Segeberg");
  await member.getByTestId("map-optin-submit").click();
  await member.getByText("Sie sind auf der Karte", { exact: true }).waitFor();
  await journey.screenshot(member, "2-map-opted-in");

  const visitor = await journey.newPage();
  await visitor.goto("/o/verein-segeberg");
  const entry = visitor.getByTestId("map-entry").filter({ hasText: "Tagesmutti Möwe" });
  await entry.waitFor();
  const lat = Number(await entry.getAttribute("data-lat"));
  const lon = Number(await entry.getAttribute("data-lon"));
  const centre = findPostalCode("23795");
  if (!centre) throw new Error("postal code table lacks 23795");
  const metres = haversineKm({ lat, lon }, centre) * 1000;
  expect(metres).toBeGreaterThanOrEqual(295);
  expect(metres).toBeLessThanOrEqual(905);
  // The Leaflet map itself rendered, with tiles from the configured tile server and the entries as markers.
  await visitor.getByTestId("public-map").locator(".leaflet-marker-icon").first().waitFor();
  expect(journey.tiles.requests).toBeGreaterThan(0);
  await journey.expectAccessible(visitor, "public organisation page with map");
  await journey.screenshot(visitor, "2-public-map");

  await member.getByTestId("map-optout").click();
  const confirm = member.getByRole("dialog").getByRole("button", { name: "Eintrag entfernen" });
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  await member.getByText("Sie sind nicht auf der Karte", { exact: true }).waitFor();

  await visitor.reload();
  await visitor.getByTestId("map-entry").first().waitFor();
  expect(await visitor.getByTestId("map-entry").filter({ hasText: "Tagesmutti Möwe" }).count()).toBe(0);
  await journey.screenshot(visitor, "2-public-map-after-opt-out");
});
