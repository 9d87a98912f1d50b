import { expect, it } from "vitest";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const APPLICANT_EMAIL = "jana.jacobsen@example.org";
const APPLICANT = "Jana Jacobsen";

it("a day-care person applies on a phone, confirms her address, the board approves, she joins", async () => {
  const applicant = await journey.newPage({ width: 360, height: 780 });
  await applicant.goto("/o/verein-segeberg");
  await applicant.getByRole("heading", { level: 1 }).waitFor();
  await applicant.getByTestId("membership-link").click();
  await applicant.waitForURL(/\/o\/verein-segeberg\/mitglied-werden$/);
  await applicant.getByTestId("membership-form").waitFor();
  await journey.expectAccessible(applicant, "membership application form");

  await applicant.getByLabel("Vor- und Nachname").fill(APPLICANT);
  await applicant.getByLabel("E-Mail-Adresse").fill(APPLICANT_EMAIL);
  await applicant.getByLabel("Telefon (freiwillig)").fill("04551 998877");
  await applicant.getByLabel("Postleitzahl (freiwillig)").fill("23795");
  await applicant.getByLabel("Ort (freiwillig)").fill("Bad Segeberg");
  await applicant.getByTestId("membership-caregiver").check();
  await applicant.getByLabel("Anzahl der Plätze (freiwillig)").fill("4");
  // Without the consents the form says why it cannot be sent.
  await applicant.getByTestId("membership-submit").click();
  await applicant.getByText("Ohne Ihre Zustimmung können wir den Antrag nicht annehmen.").first().waitFor();
  await applicant.getByTestId("membership-statutes").check();
  await applicant.getByTestId("membership-privacy").check();
  await journey.screenshot(applicant, "9-membership-form");
  await applicant.getByTestId("membership-submit").click();
  await applicant.getByTestId("membership-sent").waitFor();
  await journey.expectAccessible(applicant, "application sent");

  const confirmMail = await journey.smtp.waitForMail((m) => m.to.includes(APPLICANT_EMAIL));
  const confirmLink = /(http:\/\/\S+\/mitglied-werden\/bestaetigen\/[\w-]+)/.exec(confirmMail.text)?.[1];
  expect(confirmLink).toBeTruthy();
  await applicant.goto(confirmLink as string);
  await applicant.getByRole("heading", { level: 1, name: "Mitgliedsantrag bestätigen" }).waitFor();
  await applicant.getByTestId("membership-confirm").click();
  await applicant.getByTestId("membership-confirmed").waitFor();
  await journey.expectAccessible(applicant, "application confirmed");
  await journey.screenshot(applicant, "9-membership-confirmed");

  const board = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(board, "vorstand@demo.ktp-netz.de");
  await journey.navigate(board, "Mitgliedsanträge");
  const card = board.getByTestId("application-card").filter({ hasText: APPLICANT });
  await card.waitFor();
  await expect(card.textContent()).resolves.toContain("Kindertagespflegeperson, 4 Plätze");
  await journey.expectAccessible(board, "membership applications");
  await journey.screenshot(board, "9-membership-applications");
  await card.getByTestId("application-approve").click();
  await board.getByLabel("Auch als Kindertagespflegeperson aufnehmen").waitFor();
  await board
    .getByTestId("decision-message")
    .fill("Willkommen im Verein! Der nächste Stammtisch ist am Dienstag.");
  await board.getByTestId("decision-confirm").click();
  await card.waitFor({ state: "detached" });

  const invitation = await journey.smtp.waitForMail(
    (m) => m.to.includes(APPLICANT_EMAIL) && m.text.includes("/einladung/"),
  );
  const invitationLink = /(http:\/\/\S+\/einladung\/[\w-]+)/.exec(invitation.text)?.[1];
  expect(invitationLink).toBeTruthy();
  await applicant.goto(invitationLink as string);
  await applicant.getByTestId("invitation-details").waitFor();
  await applicant.getByLabel(/Ihr Name/).fill(APPLICANT);
  await applicant.getByLabel(/^Passwort wählen/).fill("jana-ist-jetzt-mitglied");
  await applicant.getByLabel(/^Passwort wiederholen/).fill("jana-ist-jetzt-mitglied");
  await applicant.getByRole("button", { name: "Konto anlegen und beitreten" }).click();
  await applicant.waitForURL(/\/app\/verein-segeberg/);
  await applicant.getByTestId("org-home").waitFor();
  await expect(applicant.getByTestId("org-home").textContent()).resolves.toContain("Mitglied");
  await journey.expectAccessible(applicant, "members' area home");
  await journey.screenshot(applicant, "9-membership-home");

  await board.goto("/app/verein-segeberg/mitgliederliste");
  const entry = board.getByTestId("register-entry").filter({ hasText: APPLICANT });
  await entry.waitFor();
  await expect(entry.textContent()).resolves.toContain("Aktiv");
  await journey.expectAccessible(board, "member register");
  await journey.screenshot(board, "9-membership-register");

  // The board writes to all members; the new member finds it on her home page and reads it.
  await board.goto("/app/verein-segeberg/mitteilungen");
  await board.getByRole("button", { name: "Mitteilung schreiben" }).click();
  await board.getByLabel("Überschrift").fill("Willkommen an unsere neuen Mitglieder");
  await board
    .getByLabel("Text")
    .fill("Schön, dass ihr da seid! Der nächste Stammtisch ist am Dienstag um 19:30 Uhr.");
  await board.getByRole("button", { name: "Senden" }).click();
  await board
    .getByTestId("announcement")
    .filter({ hasText: "Willkommen an unsere neuen Mitglieder" })
    .waitFor();
  await journey.expectAccessible(board, "announcements of the board");
  await journey.screenshot(board, "9-announcements-board");

  const announcementMail = await journey.smtp.waitForMail(
    (m) => m.to.includes(APPLICANT_EMAIL) && m.subject.includes("Willkommen an unsere neuen Mitglieder"),
  );
  expect(announcementMail.text).toContain("Der nächste Stammtisch ist am Dienstag");
  await applicant.goto("/app/verein-segeberg");
  await applicant.getByTestId("unread-announcements").getByRole("link").click();
  await applicant
    .getByTestId("announcement")
    .filter({ hasText: "Willkommen an unsere neuen Mitglieder" })
    .waitFor();
  await journey.expectAccessible(applicant, "announcements of a member");
  await journey.screenshot(applicant, "9-announcements-member");
}, 150_000);
