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
 * Week 1 of the pair's closing block: the first Monday at least two weeks ahead. The demo children are the
 * ages the demo partners take today; a block a summer away would find many of them grown out of that range.
 */
function closingStart(today: string): string {
  const soon = addDays(today, 14);
  return addDays(soon, (7 - weekdayIndex(soon)) % 7);
}

it("a tandem pair plans three weeks of closing each, offset: the partner check counts the child-days she covers and names the day and time where she would have too many; a lower licence shows at once", async () => {
  const weeks1to3 = closingStart(todayIso(journey.app.platform.now()));
  const weeks4to6 = addDays(weeks1to3, 21);

  // The office finds a demo tandem of the Beckum registry whose first member has an e-mail address.
  const office = await journey.newPage({ width: 1280, height: 900 });
  await journey.signIn(office, OFFICE, { at: `/app/${SLUG}/vertretung` });
  const arrangements = await callApi<{ items: ArrangementDto[] }>(
    office,
    "GET",
    `${API}/substitution/arrangements`,
  );
  const pairs = arrangements.items.filter((a) => a.model === "tandem" && a.tandemPartners.length === 1);
  let first: CaregiverDetail | null = null;
  let partner: ArrangementDto["tandemPartners"][number] | null = null;
  for (const candidate of pairs) {
    const detail = await callApi<CaregiverDetail>(
      office,
      "GET",
      `${API}/caregivers/${candidate.caregiverId}`,
    );
    if (detail.email && !detail.hasAccount) {
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

  // The pair agreed that in the closing weeks each takes the other's children, whatever their age.
  await callApi(office, "PUT", `${API}/caregivers/${partner.id}`, {
    ...partnerRecord,
    ageMinMonths: 0,
    ageMaxMonths: Math.max(partnerRecord.ageMaxMonths, 48),
  });

  // The partner's closing, weeks 4–6, entered by the office as the pair agreed.
  const partnerClosing = await callApi<AbsenceReported>(office, "POST", `${API}/substitution/absences`, {
    kind: "closing",
    caregiverId: partner.id,
    startsOn: weeks4to6,
    endsOn: addDays(weeks4to6, 18),
  });
  expect(partnerClosing.partnerCheck?.partnerNames).toEqual([firstName]);

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

  // One plain sentence with the count and the partner's name. In the demo data the partner already has
  // children of her own on some mornings, so the answer is either "all covered" or the covered share with
  // one line per child-day that does not fit, each with the day and time.
  const check = sent.getByTestId("partner-check");
  await check.waitFor();
  const summary = await check.textContent();
  expect(summary).toMatch(
    new RegExp(
      `(Alle \\d+|\\d+ von \\d+) Betreuungstage(n)? sind durch Ihre Tandempartnerin ${partner.name} abgedeckt`,
    ),
  );
  for (const line of await check.getByRole("listitem").allTextContents())
    expect(line).toMatch(
      /^\p{L}+, \d\d\.\d\d\.\d{4}(, \d\d:\d\d–\d\d:\d\d Uhr: \d+ Kinder gleichzeitig bei .+, erlaubt sind \d+ \(\p{L}+\)|: \p{L}+ – .+)$/u,
    );
  // The page says exactly what the office reads for the same absence: the counts and one line per problem.
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
  expect(summary).toContain(
    stated.allCovered ? `Alle ${stated.childDays}` : `${stated.coveredByPartner} von ${stated.childDays}`,
  );
  expect(await check.getByRole("listitem").count()).toBe(stated.problems.length);
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
