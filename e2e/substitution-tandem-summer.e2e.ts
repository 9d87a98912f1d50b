import { expect, it } from "vitest";
import type { CaregiverDetail } from "../src/contracts/caregivers";
import type { AbsenceReported, ArrangementDto } from "../src/contracts/substitution";
import { addDays, todayIso, weekdayIndex } from "../src/core/shared/dates";
import { callApi } from "./support/api";
import { setupJourney } from "./support/journey";

const journey = setupJourney();

const OFFICE = "fachberatung@demo.ktp-netz.de";
const SLUG = "beckum";
const API = `/api/orgs/${SLUG}`;
const PHONE = { width: 360, height: 780 };

/**
 * Week 1 of the pair's summer closing: the first Monday from 13 July (as the demo's past summers) of the next
 * summer at least two weeks ahead.
 */
function summerStart(today: string): string {
  for (let year = Number(today.slice(0, 4)); ; year++) {
    const july = `${year}-07-13`;
    const monday = addDays(july, (7 - weekdayIndex(july)) % 7);
    if (monday >= addDays(today, 14)) return monday;
  }
}

it("a tandem pair plans three weeks of summer closing each, offset: every child-day is covered by the partner; with a lower licence the check names the day and time where she would have too many", async () => {
  const weeks1to3 = summerStart(todayIso(journey.app.platform.now()));
  const weeks4to6 = addDays(weeks1to3, 21);

  // The office finds the demo tandem in Beckum: the member with an e-mail address plans on her phone.
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, OFFICE, { at: `/app/${SLUG}/vertretung` });
  const arrangements = await callApi<{ items: ArrangementDto[] }>(
    office,
    "GET",
    `${API}/substitution/arrangements`,
  );
  const pairs = arrangements.items.filter((a) => a.model === "tandem" && a.tandemPartners.length === 1);
  // (Both demo tandems are pairs; the one in Beckum is the one whose partner has room for all three children.)
  let first: CaregiverDetail | null = null;
  let partner: ArrangementDto["tandemPartners"][number] | null = null;
  for (const candidate of pairs) {
    const detail = await callApi<CaregiverDetail>(
      office,
      "GET",
      `${API}/caregivers/${candidate.caregiverId}`,
    );
    if (detail.email && !detail.hasAccount && detail.town.startsWith("Beckum")) {
      first = detail;
      partner = candidate.tandemPartners[0] ?? null;
      break;
    }
  }
  if (!first?.email || !partner) throw new Error("no demo tandem with an e-mail address and no account");
  const firstName = `${first.firstName} ${first.lastName}`;

  // For the summer the partner works full days, Monday to Friday, so that her partner's children fit her hours.
  const partnerRecord = await callApi<CaregiverDetail>(office, "GET", `${API}/caregivers/${partner.id}`);
  const licence = partnerRecord.licences.find((l) => l.validFrom <= weeks1to3 && weeks1to3 <= l.validTo);
  if (!licence) throw new Error("the partner has no licence for the summer");
  await callApi(office, "PUT", `${API}/caregivers/${partner.id}/capacity-profiles`, {
    effectiveFrom: weeks1to3,
    slots: [0, 1, 2, 3, 4].map((weekday) => ({
      weekday,
      start: 420,
      end: 1080,
      places: licence.maxChildren,
    })),
  });

  // The pair agreed that in the closing weeks each takes the other's children until they start school.
  await callApi(office, "PUT", `${API}/caregivers/${partner.id}`, {
    ...partnerRecord,
    ageMinMonths: 0,
    ageMaxMonths: Math.max(partnerRecord.ageMaxMonths, 72),
  });

  // The partner's closing, weeks 4–6, entered by the office in its dialog as the pair agreed: the dialog
  // answers at once whether her partner alone takes the children, as her own report page does.
  await office.getByTestId("office-absence").click();
  const dialog = office.getByRole("dialog");
  await dialog.getByTestId("office-absence-who").fill(partner.name);
  await office.getByRole("option", { name: new RegExp(`^${partner.name} \\(`) }).click();
  await dialog.getByTestId("absence-mode-holiday").click();
  await dialog.getByRole("radio", { name: /^Schließzeit \(z\. B\./ }).check();
  await dialog.getByTestId("absence-from").fill(weeks4to6);
  await dialog.getByTestId("absence-to").fill(addDays(weeks4to6, 18));
  await dialog.getByTestId("absence-submit").click();
  const officeCheck = dialog.getByTestId("office-absence-sent").getByTestId("partner-check");
  await officeCheck.waitFor();
  const partnerAbsences = await callApi<{ items: { id: string; startsOn: string }[] }>(
    office,
    "GET",
    `${API}/substitution/absences?from=${weeks4to6}&to=${weeks4to6}&caregiverId=${partner.id}`,
  );
  const partnerAbsenceId = partnerAbsences.items.find((a) => a.startsOn === weeks4to6)?.id;
  const partnerCheck = (
    await callApi<{ partnerCheck: AbsenceReported["partnerCheck"] }>(
      office,
      "GET",
      `${API}/substitution/absences/${partnerAbsenceId}/partner-check`,
    )
  ).partnerCheck;
  expect(partnerCheck?.partnerNames).toEqual([firstName]);
  // The office reads of "the" partner, with the same figures the server states.
  const officeSummary = await officeCheck.textContent();
  expect(officeSummary).toContain(`die Tandempartnerin ${firstName}`);
  expect(officeSummary).toContain(
    partnerCheck?.allCovered
      ? `${partnerCheck.childDays} Betreuungstage`
      : `${partnerCheck?.coveredByPartner} von ${partnerCheck?.childDays} Betreuungstagen`,
  );
  await journey.expectAccessible(office, "office enters a closing, with the partner check");
  await journey.screenshot(office, "substitution-tandem-office-closing");
  await dialog.getByRole("button", { name: "Fertig" }).click();

  // She gets an account through the office's invitation and opens her profile, which links her record.
  await callApi(office, "POST", `${API}/invitations`, { email: first.email, roles: ["caregiver"] });
  const mail = await journey.smtp.waitForMail((m) => m.to.includes(first.email as string));
  const link = /(http:\/\/\S+\/einladung\/[\w-]+)/.exec(mail.text)?.[1];
  if (!link) throw new Error("no invitation link");
  const phone = await journey.newPage(PHONE);
  await phone.goto(link);
  await phone.getByTestId("invitation-details").waitFor();
  await phone.getByLabel(/Ihr Name/).fill(firstName);
  await phone.getByLabel(/^Passwort wählen/).fill("ein-gutes-passwort");
  await phone.getByLabel(/^Passwort wiederholen/).fill("ein-gutes-passwort");
  await phone.getByRole("button", { name: "Konto anlegen und beitreten" }).click();
  await phone.waitForURL(/\/app\/beckum/);
  await callApi(phone, "GET", `${API}/my-profile`);

  // On her phone: closing, weeks 1–3 of the summer.
  await phone.goto(`/app/${SLUG}/vertretung/melden`);
  const form = phone.getByTestId("absence-form");
  await form.waitFor();
  await phone.getByTestId("absence-mode-holiday").click();
  await form.getByRole("radio", { name: /^Schließzeit \(z\. B\./ }).check();
  await phone.getByTestId("absence-from").fill(weeks1to3);
  await phone.getByTestId("absence-to").fill(addDays(weeks1to3, 18));
  await phone.getByTestId("absence-submit").click();
  const sent = phone.getByTestId("absence-sent");
  await sent.or(form.getByRole("alert")).first().waitFor();
  expect(await form.getByRole("alert").allTextContents()).toEqual([]);

  // One plain sentence: every child-day of her three weeks is covered by her partner, and nothing is listed.
  const check = sent.getByTestId("partner-check");
  await check.waitFor();
  const summary = await check.textContent();
  expect(summary).toMatch(
    new RegExp(`Alle (\\d+) Betreuungstage sind durch Ihre Tandempartnerin ${partner.name} abgedeckt`),
  );
  expect(await check.getByRole("listitem").count()).toBe(0);
  // The page says exactly what the office reads for the same absence.
  const hers = await callApi<{ items: { id: string; startsOn: string }[] }>(
    office,
    "GET",
    `${API}/substitution/absences?from=${weeks1to3}&to=${weeks1to3}&caregiverId=${first.id}`,
  );
  const absenceId = hers.items.find((a) => a.startsOn === weeks1to3)?.id;
  const stated = (
    await callApi<{ partnerCheck: AbsenceReported["partnerCheck"] }>(
      office,
      "GET",
      `${API}/substitution/absences/${absenceId}/partner-check`,
    )
  ).partnerCheck;
  if (!stated) throw new Error("her closing has no partner check");
  expect(stated).toMatchObject({ allCovered: true, problems: [] });
  expect(stated.coveredByPartner).toBe(stated.childDays);
  expect(summary).toContain(`Alle ${stated.childDays} Betreuungstage`);
  // Three weeks of weekdays with her three children: not one of them is left out.
  expect(stated.childDays).toBeGreaterThanOrEqual(15);
  await journey.expectAccessible(phone, "partner check on a phone");
  await journey.screenshot(phone, "substitution-tandem-checked-phone");

  // The youth office limits the partner's licence to 2 children at once for the summer: she cannot take all.
  const current = licence;
  await callApi(office, "PUT", `${API}/caregivers/${partner.id}/licences/${current.id}`, {
    number: current.number,
    issuer: current.issuer,
    validFrom: current.validFrom,
    validTo: current.validTo,
    maxChildren: 2,
    conditions: current.conditions,
  });

  // She checks again: red, and one line per child-day that does not fit, with the day and time.
  await sent.getByTestId("partner-check-again").click();
  const problems = sent.getByTestId("partner-check-problems").getByRole("listitem");
  await problems.first().waitFor();
  const lines = await problems.allTextContents();
  expect(lines.length).toBeGreaterThan(0);
  expect(lines[0]).toMatch(
    new RegExp(
      `^\\p{L}+, \\d\\d\\.\\d\\d\\.\\d{4}, \\d\\d:\\d\\d–\\d\\d:\\d\\d Uhr: \\d+ Kinder gleichzeitig bei ${partner.name}, erlaubt sind 2`,
      "u",
    ),
  );
  await journey.expectAccessible(phone, "partner check, capacity exceeded, on a phone");
  await journey.screenshot(phone, "substitution-tandem-overloaded-phone");

  // The office sees the same answer for her absence.
  const again = await callApi<{ partnerCheck: AbsenceReported["partnerCheck"] }>(
    office,
    "GET",
    `${API}/substitution/absences/${absenceId}/partner-check`,
  );
  expect(again.partnerCheck?.allCovered).toBe(false);
}, 150_000);
