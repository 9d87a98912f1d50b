import { crc32, deflateSync } from "node:zlib";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { contactRules } from "../src/core/site/contact";
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

/** A valid 4×2 PNG in two colours, enough for the browser to decode and show. */
function smallPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(4, 0);
  header.writeUInt32BE(2, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = [0, 40, 120, 200, 40, 120, 200, 250, 200, 60, 250, 200, 60];
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([...row, ...row]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const OWN_SENTENCE = "Neu in Beckum: Sprechstunde für Eltern jeden Dienstag im Familienzentrum.";
const POST_TITLE = "Elternabend: Eingewöhnung in der Kindertagespflege";
const VISITOR_EMAIL = "mira.musterfrau@example.org";
const POST_TEXT = "Wir erklären, wie die ersten Wochen bei der Tagesmutter gut gelingen.";

/** Writes into the tiptap editor at the end of its text. */
async function typeAtEnd(page: Page, text: string) {
  const editor = page.getByTestId("rich-text-editor");
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

it("a coordinator writes the profile page and a news post; a visitor reads both on a phone and writes to the office", async () => {
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, "fachberatung@demo.ktp-netz.de");
  await journey.navigate(office, "Website");
  const pages = office.getByTestId("site-pages");
  await pages.getByRole("link", { name: "Bearbeiten: Profil Kindertagespflege" }).click();

  // The demo's profile page gives way to one the coordinator writes herself from the template.
  await office.getByTestId("page-form").waitFor();
  await office.getByRole("button", { name: "Löschen" }).click();
  await office.getByTestId("confirm-action").click();
  await office.getByRole("heading", { name: "Website", level: 1 }).waitFor();
  await expect.poll(() => pages.getByText("Profil Kindertagespflege").count()).toBe(0);
  await journey.expectAccessible(office, "website overview");
  await office.getByRole("link", { name: "Vorlage nehmen: Profil Kindertagespflege" }).click();

  await office.getByTestId("rich-text-editor").getByText("familiennahe Form der Kinderbetreuung").waitFor();
  await expect.poll(() => office.getByLabel("Titel").inputValue()).toBe("Profil Kindertagespflege");
  await typeAtEnd(office, OWN_SENTENCE);
  await office.getByRole("button", { name: "Fett" }).waitFor();
  await office.locator("label", { hasText: "Veröffentlicht" }).click();
  await office.getByLabel(/Position im Menü/).fill("1");
  await journey.expectAccessible(office, "page editor");
  await office.getByRole("button", { name: "Speichern" }).click();
  await office.waitForURL(/\/website\/seiten\/[0-9a-f-]{36}$/);
  await expect
    .poll(() => office.getByLabel("Adresse (Teil nach /seite/)").inputValue())
    .toBe("profil-kindertagespflege");
  await journey.screenshot(office, "site-page-editor");

  await office.getByRole("link", { name: "Zurück zur Übersicht" }).click();
  await office.getByRole("link", { name: "Neue Neuigkeit" }).click();
  await office.getByLabel("Titel").fill(POST_TITLE);
  await office.getByLabel(/Kurztext/).fill("Für Eltern, deren Kind bald in die Kindertagespflege kommt.");
  await typeAtEnd(office, POST_TEXT);
  await office.locator("label", { hasText: "Veröffentlicht" }).click();
  await office.getByRole("button", { name: "Speichern" }).click();
  await office.waitForURL(/\/website\/neuigkeiten\/[0-9a-f-]{36}$/);
  await office.locator('input[type="file"]').setInputFiles({
    name: "elternabend.png",
    mimeType: "image/png",
    buffer: smallPng(),
  });
  const preview = office.getByRole("img", { name: "Vorschau des Bildes" });
  await preview.waitFor();
  await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4);
  await office.getByLabel(/Bildbeschreibung/).fill("Eltern sitzen im Stuhlkreis");
  await office.getByRole("button", { name: "Speichern" }).click();
  await office.getByText("Gespeichert.").first().waitFor();
  await journey.screenshot(office, "site-post-editor");

  // The visitor on a phone: no editor code is loaded on the public pages.
  const visitor = await journey.newPage();
  const scripts: Promise<string>[] = [];
  visitor.on("response", (response) => {
    if (response.url().endsWith(".js")) scripts.push(response.text());
  });
  await visitor.goto("/o/beckum");
  const menu = visitor.getByTestId("site-menu");
  await menu.getByRole("link", { name: "Profil Kindertagespflege" }).waitFor();
  await visitor.getByTestId("post-card").first().getByText(POST_TITLE).waitFor();
  await journey.expectAccessible(visitor, "public home");
  await journey.screenshot(visitor, "site-public-home");

  await menu.getByRole("link", { name: "Profil Kindertagespflege" }).click();
  await visitor.getByRole("heading", { name: "Profil Kindertagespflege", level: 1 }).waitFor();
  await visitor.getByTestId("rich-text").getByText(OWN_SENTENCE).waitFor();
  expect(await visitor.title()).toBe(
    "Profil Kindertagespflege – Koordinierungsstelle Kindertagespflege Beckum (Demo) – KTP-Netz",
  );
  await journey.expectAccessible(visitor, "public profile page");
  await journey.screenshot(visitor, "site-public-page");

  await menu.getByRole("link", { name: "Neuigkeiten" }).click();
  await visitor.getByRole("heading", { name: "Neuigkeiten", level: 1 }).waitFor();
  await visitor.getByRole("link", { name: POST_TITLE }).click();
  await visitor.getByRole("heading", { name: POST_TITLE, level: 1 }).waitFor();
  await visitor.getByTestId("rich-text").getByText(POST_TEXT).waitFor();
  const image = visitor.getByRole("img", { name: "Eltern sitzen im Stuhlkreis" });
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(4);
  await journey.expectAccessible(visitor, "public news post");
  await journey.screenshot(visitor, "site-public-post");

  // The visitor writes to the office through the contact form; the message reaches the office's inbox, and
  // the office's answer goes straight back to her.
  await menu.getByRole("link", { name: "Kontakt" }).click();
  const contact = visitor.getByTestId("contact-form");
  await contact.waitFor();
  const shownAt = await visitor.evaluate(() => performance.now());
  await contact.getByLabel("Ihr Name").fill("Mira Musterfrau");
  await contact.getByLabel("Ihre E-Mail-Adresse").fill(VISITOR_EMAIL);
  await contact.getByLabel("Betreff (freiwillig)").fill("Platz ab Sommer");
  await contact.getByLabel("Ihre Nachricht").fill("Gibt es ab August noch Plätze in Beckum-Mitte?");
  await contact.getByLabel("Eine Kopie an mich senden").check();
  await journey.expectAccessible(visitor, "contact form");
  await journey.screenshot(visitor, "site-contact-form");
  // The server refuses a form sent within seconds of loading (what robots do); a person takes longer.
  await visitor.waitForFunction(({ from, seconds }) => performance.now() > from + seconds * 1000, {
    from: shownAt,
    seconds: contactRules.minFillSeconds + 1,
  });
  await contact.getByRole("button", { name: "Nachricht senden" }).click();
  await visitor.getByTestId("contact-sent").waitFor();
  const received = await journey.smtp.waitForMail((m) => m.subject === "Kontaktformular: Platz ab Sommer");
  expect(received.replyTo).toBe(VISITOR_EMAIL);
  expect(received.text).toContain("Gibt es ab August noch Plätze in Beckum-Mitte?");
  await journey.smtp.waitForMail((m) => m.to.includes(VISITOR_EMAIL));

  const loaded = await Promise.all(scripts);
  expect(loaded.length).toBeGreaterThan(0);
  expect(loaded.filter((code) => code.includes("ProseMirror"))).toEqual([]);

  // Search engines and link previews get the text from the server, without running the app.
  const html = await (await fetch(`${journey.baseUrl}/o/beckum/seite/profil-kindertagespflege`)).text();
  expect(html).toContain(
    "<title>Profil Kindertagespflege – Koordinierungsstelle Kindertagespflege Beckum (Demo)</title>",
  );
  expect(html).toContain(OWN_SENTENCE);
  const post = await (
    await fetch(`${journey.baseUrl}/o/beckum/neuigkeiten/elternabend-eingewoehnung-in-der-kindertagespflege`)
  ).text();
  expect(post).toContain('<meta property="og:image"');
  expect(post).toContain(POST_TEXT);
});
