import { crc32, deflateSync } from "node:zlib";
import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 2×2 PNG in one colour, enough for the browser to decode and show. */
function smallPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = [0, 40, 120, 200, 40, 120, 200];
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([...row, ...row]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

it("a day-care person gives her consent and uploads her photo; the coordinator sees and removes it", async () => {
  const page = await journey.newPage();
  await journey.signIn(page, "tagesmutter@demo.ktp-netz.de");
  // She belongs to the office and the association; her profile is the office's.
  await page.goto("/app/beckum/mein-profil");
  const panel = page.getByTestId("photo-panel");
  await panel.waitFor();

  // The demo data may or may not carry her consent; without it she is told how to give it.
  if (await page.getByTestId("photo-consent-missing").isVisible()) {
    await journey.expectAccessible(page, "own profile without photo consent");
    await page.getByTestId("profile-edit").click();
    await page.getByRole("checkbox", { name: "Einwilligung zu Fotos" }).check();
    await page.getByTestId("profile-submit").click();
  }
  await page.getByTestId("photo-upload").waitFor();

  const input = panel.locator('input[type="file"]');
  await input.setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: Buffer.from("kein Bild") });
  await panel.getByRole("alert").getByText("Bitte ein Foto als JPEG, PNG oder WebP hochladen.").waitFor();

  await input.setInputFiles({ name: "foto.png", mimeType: "image/png", buffer: smallPng() });
  const own = page.getByRole("img", { name: "Foto von Anna Albers" });
  await own.waitFor();
  await expect.poll(() => own.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
  await journey.expectAccessible(page, "own profile with photo");
  await journey.screenshot(page, "photo-own-profile");

  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, "fachberatung@demo.ktp-netz.de");
  await journey.navigate(office, "Tagespflegepersonen");
  await office.getByTestId("caregiver-search").fill("Albers");
  await office.getByRole("button", { name: "Suchen" }).click();
  await office.getByTestId("caregiver-row").filter({ hasText: "Anna" }).getByRole("link").first().click();
  const photo = office.getByRole("img", { name: "Foto von Anna Albers" });
  await photo.waitFor();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
  await journey.expectAccessible(office, "day-care person detail with photo");
  await journey.screenshot(office, "photo-caregiver-detail");

  await office.getByTestId("photo-remove").click();
  await office.getByTestId("confirm-delete").click();
  await office.getByText("Kein Foto hinterlegt.").waitFor();
  expect(await photo.count()).toBe(0);
});
