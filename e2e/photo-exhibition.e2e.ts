import sharp from "sharp";
import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const TITLE = "Vielfalt der Kindertagespflege";
const ALT = "Zwei Kinder bauen einen Turm aus Holzklötzen";
const CAPTION = "Bauecke in der Großtagespflege";

/** A phone photo: landscape pixels, a camera name and the GPS position of the place it was taken. */
function phonePhoto(): Promise<Buffer> {
  const stripes = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
      <rect width="1600" height="1200" fill="#e9f5ec"/>
      <rect x="300" y="500" width="260" height="560" fill="#f08c00"/>
      <rect x="620" y="300" width="260" height="760" fill="#1c7ed6"/>
      <rect x="940" y="650" width="260" height="410" fill="#e03131"/>
    </svg>`,
  );
  return sharp(stripes)
    .jpeg({ quality: 80 })
    .withExif({
      IFD0: { Make: "SchnappCam" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "51/1 45/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "8/1 2/1 0/1",
      },
    })
    .toBuffer();
}

it("a photo whose consent is withdrawn disappears from the public exhibition", async () => {
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, "fachberatung@demo.ktp-netz.de");
  await journey.navigate(office, "Fotoausstellung");
  await office.getByRole("heading", { name: "Fotoausstellungen", level: 1 }).waitFor();
  await office.getByLabel("Titel").fill(TITLE);
  await office
    .getByLabel("Beschreibung")
    .fill("Wie Kinder in der Kindertagespflege im Kreis ihren Tag verbringen.");
  await office.getByRole("button", { name: "Ausstellung anlegen" }).click();
  await office.waitForURL(/\/ausstellungen\/[0-9a-f-]{36}$/);

  // The upload: the alt text is asked for with the photo, for visitors who cannot see it.
  const upload = office.getByTestId("upload-form");
  await upload.locator('input[type="file"]').setInputFiles({
    name: "IMG_2041.jpg",
    mimeType: "image/jpeg",
    buffer: await phonePhoto(),
  });
  await upload.getByLabel(/Bildbeschreibung/).fill(ALT);
  await upload.getByLabel("Bildunterschrift").fill(CAPTION);
  await upload.getByRole("button", { name: "Hochladen" }).click();
  const card = office.getByTestId("photo-card");
  await card.getByRole("img", { name: `Vorschau: ${ALT}` }).waitFor();
  // Without a consent the switch stays off and says why.
  const publish = card.getByRole("switch", { name: "Auf der Website zeigen" });
  await expect.poll(() => publish.isDisabled()).toBe(true);
  await card.getByText("Es ist noch keine Einwilligung eingetragen.", { exact: false }).waitFor();
  await journey.expectAccessible(office, "exhibition editor without consent");

  await card.getByRole("button", { name: "Einwilligung eintragen" }).click();
  const consentForm = card.getByTestId("consent-form");
  await consentForm.getByLabel("Name der Person auf dem Foto").fill("Mia K.");
  await consentForm.getByLabel("Name des Elternteils oder der sorgeberechtigten Person").fill("Sandra K.");
  await consentForm.getByRole("button", { name: "Einwilligung speichern" }).click();
  await card.getByTestId("consent").getByText("Gültig").waitFor();
  await expect.poll(() => publish.isDisabled()).toBe(false);
  await publish.click();
  await card.getByTestId("photo-visibility").getByText("Öffentlich sichtbar").waitFor();

  await office.getByRole("switch", { name: "Ausstellung auf der Website zeigen" }).click();
  await office.getByTestId("exhibition-form").getByRole("button", { name: "Speichern" }).click();
  await office.getByRole("link", { name: "Auf der Website ansehen" }).waitFor();
  await journey.expectAccessible(office, "exhibition editor with consent");
  await journey.screenshot(office, "exhibition-editor");

  // A visitor on a phone finds the exhibition from the organisation's home page.
  const visitor = await journey.newPage();
  await visitor.goto("/o/beckum");
  await visitor.getByTestId("exhibition-link").click();
  await visitor.getByRole("link", { name: TITLE }).click();
  await visitor.getByRole("heading", { name: TITLE, level: 1 }).waitFor();
  const figure = visitor.getByTestId("exhibition-photo");
  await figure.getByText(CAPTION).waitFor();
  const thumb = figure.getByRole("img", { name: ALT });
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
  const imageUrl = await thumb.getAttribute("src");
  expect(imageUrl).toMatch(/\/api\/public\/orgs\/beckum\/exhibitions\/.+\/image\?size=thumb$/);
  await journey.expectAccessible(visitor, "public exhibition");
  await journey.screenshot(visitor, "exhibition-public");
  await figure.getByRole("button", { name: `Größer ansehen: ${ALT}` }).click();
  const large = visitor.getByRole("dialog").getByRole("img", { name: ALT });
  await expect.poll(() => large.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
  await journey.screenshot(visitor, "exhibition-public-large");
  await visitor.keyboard.press("Escape");

  // The parent withdraws the consent; the coordinator records it.
  await card.getByRole("button", { name: "Widerruf eintragen" }).click();
  await office.getByRole("dialog").getByLabel("Anlass (freiwillig)").fill("Anruf der Mutter");
  await office.getByTestId("confirm-withdraw").click();
  await card.getByTestId("photo-visibility").getByText("Nicht öffentlich").waitFor();
  await card.getByText("Sandra K.", { exact: false }).waitFor();
  await card.getByText("Mia K. hat die Einwilligung widerrufen.").waitFor();
  await journey.screenshot(office, "exhibition-withdrawn");

  await visitor.reload();
  await visitor.getByText("In dieser Ausstellung sind zurzeit keine Fotos zu sehen.").waitFor();
  expect(await visitor.getByTestId("exhibition-photo").count()).toBe(0);
  expect((await visitor.request.get(imageUrl ?? "")).status()).toBe(404);
  await journey.screenshot(visitor, "exhibition-public-after-withdrawal");
});
