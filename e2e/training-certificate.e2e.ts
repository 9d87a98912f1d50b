import { readFile } from "node:fs/promises";
import { extractText } from "unpdf";
import { expect, it } from "vitest";
import { addDays, todayIso } from "../src/core/shared/dates";
import { createVerificationCode } from "../src/core/training/certificates";
import { openPdf } from "../test/support/pdf";
import { callApi } from "./support/api";
import { DEMO_PASSWORD, setupJourney } from "./support/journey";

const journey = setupJourney();

const ADMIN = "admin@demo.ktp-netz.de";
const OFFICE = "fachberatung@demo.ktp-netz.de";
/** Vera Vogt, a substitute in Beckum, teaches the course: the admin gives her the trainer role below. */
const TRAINER = "vertretung@demo.ktp-netz.de";
/** Anna Albers takes part and gets the certificate. */
const PARTICIPANT = "tagesmutter@demo.ktp-netz.de";
/** Emre Ersoy, a father, takes part too but comes late once. */
const SECOND = "eltern@demo.ktp-netz.de";

interface Person {
  userId: string;
  name: string;
  email: string;
}

it("a trainer marks attendance on her phone, the office issues the certificate, the participant downloads the PDF and a visitor checks its code", async () => {
  const today = todayIso(new Date());
  // Three people at once: the sign-ins are the slow part of the journey.
  const [office, trainer, participant] = await Promise.all(
    [
      { email: OFFICE, width: 1280, height: 900 },
      { email: TRAINER, width: 360, height: 780 },
      { email: PARTICIPANT, width: 360, height: 780 },
    ].map(async ({ email, width, height }) => {
      const page = await journey.newPage({ width, height });
      await journey.signIn(page, email);
      return page;
    }),
  );
  if (!office || !trainer || !participant) throw new Error("sign-in failed");

  // The admin lets Vera Vogt teach (through the API, she needs no screen for it): Vera keeps her role as a
  // substitute and becomes a trainer too.
  const admin = await journey.browser.newContext({ baseURL: journey.baseUrl });
  const origin = { origin: journey.baseUrl };
  const login = await admin.request.post("/api/auth/login", {
    data: { email: ADMIN, password: DEMO_PASSWORD },
    headers: origin,
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const members = (await (await admin.request.get("/api/orgs/beckum/members")).json()) as {
    id: string;
    userId: string;
    name: string;
    roles: string[];
  }[];
  const vera = members.find((m) => m.name === "Vera Vogt");
  if (!vera) throw new Error("Vera Vogt is not in the demo");
  const promoted = await admin.request.put(`/api/orgs/beckum/members/${vera.id}`, {
    data: { roles: [...new Set([...vera.roles, "trainer"])], status: "active" },
    headers: { ...origin, "x-csrf-token": csrfToken },
  });
  expect(promoted.status()).toBe(200);
  await admin.close();

  // The office plans a first-aid course whose two sessions lie in the past (the run ends today, so staff may
  // still book), with Vera as its trainer, and books Anna Albers and a father who wants to know first aid too.
  const people = await callApi<{ items: Person[] }>(office, "GET", "/api/orgs/beckum/training-people");
  const anna = people.items.find((p) => p.email === PARTICIPANT);
  const other = people.items.find((p) => p.email === SECOND);
  if (!anna || !other) throw new Error("participants missing in the demo");
  const title = "Erste Hilfe am Kind (Journey)";
  const first = addDays(today, -14);
  const second = addDays(today, -7);
  const course = await callApi<{ id: string }>(office, "POST", "/api/orgs/beckum/training-courses", {
    category: "firstAidChildren",
    title,
    audience: "members",
    capacity: 12,
    startsOn: first,
    endsOn: today,
    trainerUserIds: [vera.userId],
    sessions: [
      { date: first, from: "09:00", to: "12:30", units: 4.5, place: "Familienzentrum Beckum, Raum 2" },
      { date: second, from: "09:00", to: "12:30", units: 4.5, place: "Familienzentrum Beckum, Raum 2" },
    ],
  });
  await callApi(office, "POST", `/api/orgs/beckum/training-courses/${course.id}/publish`);
  for (const person of [anna, other])
    await callApi(office, "POST", `/api/orgs/beckum/training-courses/${course.id}/bookings`, {
      userId: person.userId,
    });

  // Vera, on her phone (the page loads again, so it knows her new role): "Meine Kurse" lists the run with two
  // sessions to mark.
  await trainer.goto("/app/beckum");
  await journey.navigate(trainer, "Meine Kurse");
  await trainer.getByRole("heading", { level: 1, name: "Meine Kurse" }).waitFor();
  const runItem = trainer.getByTestId("records-run").filter({ hasText: title });
  await expect(runItem.getByTestId("records-run-to-record").textContent()).resolves.toBe(
    "Bei 2 Terminen fehlt noch die Anwesenheit",
  );
  await journey.expectAccessible(trainer, "trainer's courses on a phone");
  await runItem.getByTestId("records-run-attendance").click();
  await trainer.getByRole("heading", { level: 1, name: `Anwesenheit: ${title}` }).waitFor();

  // The first session to mark is shown first. Everyone present in one tap; the other participant came
  // 20 minutes late, which costs half a unit.
  const session = trainer.getByTestId("attendance-session");
  await expect(session.locator("option:checked").textContent()).resolves.toContain("noch offen");
  const rows = trainer.getByTestId("attendance-row");
  await expect(rows.count()).resolves.toBe(2);
  await expect(trainer.getByTestId("attendance-open-count").textContent()).resolves.toBe(
    "Noch 2 von 2 Personen offen",
  );
  await trainer.getByTestId("attendance-all-present").click();
  const annaRow = rows.filter({ hasText: "Anna Albers" });
  const otherRow = rows.filter({ hasText: other.name });
  await expect(annaRow.getByRole("radio", { name: "Anwesend" }).getAttribute("aria-checked")).resolves.toBe(
    "true",
  );
  await otherRow.getByTestId("attendance-lost-toggle").click();
  await otherRow.getByLabel("Zu spät gekommen").selectOption("0.5");
  await expect(trainer.getByTestId("attendance-unsaved").isVisible()).resolves.toBe(true);
  await journey.expectAccessible(trainer, "attendance list on a phone");
  await journey.screenshot(trainer, "training-certificate-attendance-phone");
  await trainer.getByTestId("attendance-save").click();
  await trainer.getByText("Die Anwesenheit ist gespeichert.").waitFor();
  await expect(annaRow.getByTestId("attendance-summary").textContent()).resolves.toBe(
    "Bisher 4,5 von 9 UE besucht, mindestens 9 UE nötig",
  );
  // Half a unit short of 100 %: the list says at once that it will not do for a certificate.
  await expect(otherRow.textContent()).resolves.toContain("Reicht nicht mehr für das Zertifikat");

  // The second session, marked by keyboard: "all present", then save.
  await session.selectOption({ label: (await session.locator("option").nth(1).textContent()) ?? "" });
  await expect(trainer.getByTestId("attendance-open-count").textContent()).resolves.toBe(
    "Noch 2 von 2 Personen offen",
  );
  await trainer.getByTestId("attendance-all-present").focus();
  await trainer.keyboard.press("Enter");
  await trainer.getByTestId("attendance-save").click();
  await expect
    .poll(() => annaRow.getByTestId("attendance-summary").textContent())
    .toBe("Bisher 9 von 9 UE besucht, mindestens 9 UE nötig");
  await expect(session.locator("option:checked").textContent()).resolves.toContain("eingetragen");

  // The office: Anna has completed the course, the other participant misses half a unit, said in words.
  await office.goto("/app/beckum");
  await journey.navigate(office, "Abschlüsse und Zertifikate");
  await office
    .getByTestId("records-run")
    .filter({ hasText: title })
    .getByTestId("records-run-results")
    .click();
  await office.getByRole("heading", { level: 1, name: `Abschluss: ${title}` }).waitFor();
  const annaResult = office.getByTestId("result-participant").filter({ hasText: "Anna Albers" });
  await expect(annaResult.getByTestId("completion-complete").textContent()).resolves.toMatch(
    /^Alles erfüllt – abgeschlossen am \d\d\.\d\d\.\d{4}$/,
  );
  await expect(
    office
      .getByTestId("result-participant")
      .filter({ hasText: other.name })
      .getByTestId("completion-missing")
      .textContent(),
  ).resolves.toContain("Noch 0,5 UE: 8,5 von 9 nötigen UE besucht");
  await expect(office.getByTestId("results-counts").textContent()).resolves.toBe(
    "Im Kurs: 2 Personen. Alles erfüllt: 1. Davon noch ohne Zertifikat: 1.",
  );
  await office.getByTestId("results-issue-all").click();
  const dialog = office.getByRole("dialog", { name: "Zertifikate ausstellen?" });
  await expect(dialog.textContent()).resolves.toContain("1 Person bekommt jetzt ihr Zertifikat");
  await dialog.getByTestId("confirm-action").click();
  await office.getByText("1 Zertifikat ist ausgestellt.").waitFor();
  await dialog.waitFor({ state: "detached" });
  const code = (await annaResult.getByTestId("certificate-code").textContent()) ?? "";
  expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  await expect(annaResult.getByTestId("certificate-state").textContent()).resolves.toBe("Gültig");
  await journey.screenshot(office, "training-certificate-completion-issued");
  await office.setViewportSize({ width: 360, height: 780 });
  await journey.expectAccessible(office, "completion with a certificate on a phone");
  await expect(office.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(360);
  await journey.screenshot(office, "training-certificate-completion-phone");

  // Anna, on her phone: "Meine Zertifikate", valid, and the PDF with her name, the course, the UE and the code.
  await participant.goto("/app/beckum");
  await journey.navigate(participant, "Meine Zertifikate");
  await participant.getByRole("heading", { level: 1, name: "Meine Zertifikate" }).waitFor();
  const mine = participant.getByTestId("my-certificate").filter({ hasText: title });
  await expect(mine.getByTestId("certificate-state").textContent()).resolves.toBe("Gültig");
  await expect(mine.getByTestId("certificate-code").textContent()).resolves.toBe(code);
  await journey.expectAccessible(participant, "my certificates on a phone");
  await journey.screenshot(participant, "training-certificate-my-certificates-phone");
  const [download] = await Promise.all([
    participant.waitForEvent("download"),
    mine.getByTestId("certificate-pdf").click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = await openPdf(new Uint8Array(await readFile((await download.path()) as string)));
  const { text } = await extractText(pdf, { mergePages: true });
  expect(text).toContain("Anna Albers");
  expect(text).toContain(title);
  expect(text).toContain("9 Unterrichtseinheiten");
  expect(text).toContain(code);

  // A visitor without an account scans the QR code: it holds the address of the public check.
  const [certificate] = await callApi<{ verificationCode: string; verificationUrl: string }[]>(
    office,
    "GET",
    `/api/orgs/beckum/training/certificates?courseId=${course.id}`,
  );
  expect(certificate?.verificationCode).toBe(code);
  const qrUrl = new URL(certificate?.verificationUrl ?? "");
  expect(qrUrl.origin).toBe(journey.baseUrl);
  expect(qrUrl.pathname).toMatch(/^\/zertifikat\/[0-9A-Z-]{12,14}$/);
  const visitor = await journey.newPage({ width: 360, height: 780 });
  await visitor.goto(qrUrl.pathname);
  await visitor.getByRole("heading", { level: 1, name: "Zertifikat prüfen" }).waitFor();
  await expect(visitor.getByTestId("verify-status").textContent()).resolves.toContain("Gültig");

  // Typed by hand, carelessly: lower case, spaces instead of dashes.
  await visitor.goto("/zertifikat");
  await journey.expectAccessible(visitor, "verification form on a phone");
  await visitor.getByLabel("Prüfcode").fill(`  ${code.toLowerCase().replaceAll("-", " ")} `);
  await visitor.getByTestId("verify-submit").click();
  await visitor.waitForURL(`**/zertifikat/${code}`);
  await expect(visitor.getByTestId("verify-status").textContent()).resolves.toContain("Gültig");
  await expect(visitor.getByTestId("verify-name").textContent()).resolves.toBe("Anna Albers");
  await expect(visitor.getByTestId("verify-course").textContent()).resolves.toBe(title);
  await expect(visitor.getByTestId("verify-organisation").textContent()).resolves.toBe(
    "Koordinierungsstelle Kindertagespflege Beckum (Demo)",
  );
  await journey.expectAccessible(visitor, "valid certificate on a phone");
  await journey.screenshot(visitor, "training-certificate-verify-valid-phone");

  // One wrong character is caught by the check character; a well-formed code nobody holds is "not found".
  const wrong = `${code.slice(0, -1)}${code.endsWith("0") ? "1" : "0"}`;
  await visitor.getByLabel("Prüfcode").fill(wrong);
  await visitor.getByTestId("verify-submit").click();
  await visitor.getByTestId("verify-mistyped").waitFor();
  await expect(visitor.getByTestId("verify-mistyped").textContent()).resolves.toContain(
    "Code falsch abgeschrieben",
  );
  const unknown = createVerificationCode(new Uint8Array([1, 2, 3, 4, 5, 6, 7]));
  await visitor.goto(`/zertifikat/${unknown}`);
  await visitor.getByTestId("verify-unknown").waitFor();

  // The name was misspelt: the office re-issues it; the old code now says "replaced", the new one is valid.
  await office.setViewportSize({ width: 1280, height: 900 });
  await annaResult.getByTestId("certificate-reissue").click();
  const reissue = office.getByRole("dialog", { name: "Zertifikat neu ausstellen" });
  await reissue.getByLabel("Name auf dem Zertifikat").fill("Anna Maria Albers");
  await reissue.getByTestId("certificate-reissue-confirm").click();
  await office.getByText("Das Zertifikat ist neu ausgestellt. Das alte gilt nicht mehr.").waitFor();
  await expect.poll(() => annaResult.getByTestId("certificate-code").textContent()).not.toBe(code);
  await visitor.goto(`/zertifikat/${code}`);
  await expect(visitor.getByTestId("verify-status").textContent()).resolves.toContain("Ersetzt");
  await journey.expectAccessible(visitor, "replaced certificate on a phone");
  await journey.screenshot(visitor, "training-certificate-verify-replaced-phone");
}, 120_000);
