import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import type { ContractDto } from "../src/contracts/placement";
import type { BoardResponse, CareNotesList, CoverDto } from "../src/contracts/substitution";
import { addDays, todayIso, weekdayIndex } from "../src/core/shared/dates";
import { callApi } from "./support/api";
import { DEMO_PASSWORD, setupJourney } from "./support/journey";

const journey = setupJourney();

const OFFICE = "fachberatung@demo.ktp-netz.de";
/** Anna Albers, a day-care person of the Beckum registry with an account of her own. */
const CAREGIVER = "tagesmutter@demo.ktp-netz.de";
const SLUG = "beckum";
/** Vera Vogt, employed substitute of the Beckum office; Anna's children know her from her play group. */
const SUBSTITUTE = "vertretung@demo.ktp-netz.de";
const PHONE = { width: 360, height: 780 };
/** Katrin Hölscher, mother of a child of Anna's; her child's care notes are seeded with her consent. */
const PARENT = "katrin.hoelscher@eltern.example";
/** The allergy she enters on the morning of the journey: the substitute's mail must carry exactly this. */
const ALLERGY = "Erdnüsse – Notfallset im Rucksack";

/** `time` on `day` on the clocks of Beckum, summer or winter time. */
function berlinAt(day: string, time: string): Date {
  const guess = new Date(`${day}T${time}:00Z`);
  const wall = (zone: string) => new Date(guess.toLocaleString("en-US", { timeZone: zone })).getTime();
  return new Date(guess.getTime() - (wall("Europe/Berlin") - wall("UTC")));
}

/** The first working day from `day` on which the child with these care times is with her. */
function careDayFrom(day: string, careTimes: ContractDto["careTimes"]): string {
  for (let next = day; ; next = addDays(next, 1)) {
    const index = weekdayIndex(next);
    if (index < 5 && careTimes.some((time) => time.day === index + 1)) return next;
  }
}

/** The day's covers of Anna's illness, as the board's API sends them. */
async function coversOf(office: Page, day: string): Promise<CoverDto[]> {
  const board = await callApi<BoardResponse>(
    office,
    "GET",
    `/api/orgs/${SLUG}/substitution/board?from=${day}&to=${day}`,
  );
  return (board.days.find((d) => d.day === day)?.covers ?? []).filter(
    (c) => c.absentCaregiverName === "Anna Albers" && c.status !== "cancelled",
  );
}

it("at 6:30 a day-care person reports illness on her phone; the board proposes cover for each child; the coordinator confirms; the parents are mailed and answer", async () => {
  const { platform } = journey.app;
  const realNow = platform.now;
  // The day is one on which Katrin Hölscher's child is with Anna, so that her notes must reach the cover.
  const office = await journey.newPage({ width: 1280, height: 900 });
  const login = await office.request.post("/api/auth/login", {
    data: { email: OFFICE, password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const katrin = await journey.newPage(PHONE);
  await journey.signIn(katrin, PARENT, { at: `/app/${SLUG}/vertretung/meine` });
  const ownChildren = (
    await callApi<CareNotesList>(katrin, "GET", `/api/orgs/${SLUG}/substitution/family/care-notes`)
  ).items;
  const katrinsChild = ownChildren.find((c) => c.caregiverName === "Anna Albers");
  if (!katrinsChild) throw new Error("the demo gives Katrin Hölscher a child with Anna Albers");
  const contracts = (await (
    await office.request.get(`/api/orgs/${SLUG}/care-contracts?status=active`)
  ).json()) as ContractDto[];
  const contract = contracts.find((c) => c.id === katrinsChild.contractId);
  if (!contract) throw new Error("Katrin Hölscher's child has a running contract");
  const day = careDayFrom(todayIso(realNow()), contract.careTimes);
  const morning = berlinAt(day, "06:30");
  // The application's clock stands at 6:30 on a working day of the demo week and runs on from there.
  const started = Date.now();
  platform.now = () => new Date(morning.getTime() + (Date.now() - started));
  try {
    expect(todayIso(platform.now())).toBe(day);

    // Before: Katrin Hölscher, on her phone, finds her child's notes (kept with her consent) and adds an
    // allergy; she has to consent again to save.
    const notes = katrin.getByTestId("care-notes-child").filter({ hasText: katrinsChild.childFirstName });
    await notes.getByTestId("care-notes-stored").waitFor();
    await journey.expectAccessible(katrin, "care notes on a phone");
    await notes.getByTestId("care-notes-edit").click();
    await notes.getByTestId("care-notes-allergies").fill(ALLERGY);
    await notes.getByTestId("care-notes-save").click();
    await notes.getByText("Ohne Einwilligung speichern wir keine Hinweise.", { exact: false }).waitFor();
    await notes.getByTestId("care-notes-consent").check();
    await notes.getByTestId("care-notes-save").click();
    await notes.getByTestId("care-notes-stored").getByText(ALLERGY).waitFor();
    await journey.screenshot(katrin, "substitution-care-notes-phone");

    // 6:30, on her phone: "ill today" is chosen already, expected back tomorrow, so she only sends.
    const anna = await journey.newPage(PHONE);
    await anna.clock.setFixedTime(morning);
    await journey.signIn(anna, CAREGIVER, { at: `/app/${SLUG}/vertretung/melden` });
    const form = anna.getByTestId("absence-form");
    await form.waitFor();
    await expect(anna.getByTestId("absence-mode-illness").getAttribute("aria-checked")).resolves.toBe("true");
    await expect(anna.getByTestId("absence-until").inputValue()).resolves.toBe(day);
    await journey.expectAccessible(anna, "absence report on a phone");
    await journey.screenshot(anna, "substitution-report-phone");
    await anna.getByTestId("absence-submit").click();

    // At once: every child of hers that day, with the times she would have cared for it.
    const sent = anna.getByTestId("absence-sent");
    // A refusal would show at the form instead: its words make the failure readable.
    await sent.or(form.getByRole("alert")).first().waitFor();
    expect(await form.getByRole("alert").allTextContents()).toEqual([]);
    const affected = await sent.getByTestId("affected-child").allTextContents();
    expect(affected.length).toBeGreaterThan(0);
    for (const line of affected) expect(line).toMatch(/^\S+ – \d\d:\d\d–\d\d:\d\d Uhr/);
    const children = affected.map((line) => line.split(" – ")[0] as string);
    await anna.getByTestId("own-absence").first().waitFor();
    await journey.expectAccessible(anna, "absence reported on a phone");
    await journey.screenshot(anna, "substitution-reported-phone");

    // The coordinators hear of it by mail straight away.
    const alert = await journey.smtp.waitForMail(
      (m) => m.to.includes(OFFICE) && m.subject.startsWith("Krankmeldung: Anna Albers"),
    );
    expect(alert.text).toContain(`/app/${SLUG}/vertretung`);

    // The coordinator's board: today's proposals, one for each of her children.
    await office.goto(`/app/${SLUG}/vertretung`);
    const view = office.getByTestId("board-day-view");
    await view.waitFor();
    await expect(view.getByRole("heading", { level: 2 }).textContent()).resolves.toMatch(
      new RegExp(`${day.slice(8, 10)}\\.${day.slice(5, 7)}\\.${day.slice(0, 4)}$`),
    );
    const proposedRows = view.getByTestId("board-proposed").getByTestId("cover-row");
    await view.getByTestId("cover-row").first().waitFor();
    await journey.expectAccessible(office, "substitution board");
    await journey.screenshot(office, "substitution-board");
    await expect.poll(() => proposedRows.count()).toBeGreaterThanOrEqual(children.length);
    for (const child of children) {
      const row = proposedRows.filter({ has: office.locator(`[data-child="${child}"]`) });
      await expect(row.count(), `proposal for ${child}`).resolves.toBe(1);
      await expect(row.getByTestId("cover-kind").count()).resolves.toBe(1);
    }
    expect(await view.getByTestId("board-uncovered").count()).toBe(0);

    // "Change" lists the candidates the server finds, the impossible ones with their reason.
    await proposedRows.first().getByTestId("cover-change").click();
    const dialog = office.getByRole("dialog");
    await dialog.getByTestId("candidate").first().waitFor();
    await expect(dialog.getByText("Jetzige Wahl").count()).resolves.toBe(1);
    await journey.expectAccessible(office, "candidates dialog");
    await journey.screenshot(office, "substitution-candidates");
    await dialog.getByRole("button", { name: "Schließen" }).click();
    await dialog.waitFor({ state: "detached" });

    // On a phone the board turns into cards.
    await office.setViewportSize(PHONE);
    await view.getByTestId("board-proposed").locator("li").first().waitFor();
    await journey.expectAccessible(office, "substitution board on a phone");
    await journey.screenshot(office, "substitution-board-phone");
    await office.setViewportSize({ width: 1280, height: 900 });

    // She confirms all of the day's proposals at once.
    await view.getByTestId("board-confirm-all").click();
    await office.getByRole("dialog").getByTestId("confirm-action").click();
    await expect.poll(() => view.getByTestId("board-proposed").count()).toBe(0);
    const confirmed = await coversOf(office, day);
    expect(confirmed.map((c) => c.status)).toEqual(children.map(() => "confirmed"));
    await expect(
      view.getByTestId("board-confirmed").getByTestId("cover-row").count(),
    ).resolves.toBeGreaterThanOrEqual(children.length);
    await journey.screenshot(office, "substitution-board-confirmed");

    // Each family gets a mail: who covers, the address and the times.
    const mailed = confirmed.filter((c) => c.canMailParents);
    expect(mailed.length).toBeGreaterThan(0);
    let parent = "";
    let parentChild = "";
    for (const cover of mailed) {
      const place = cover.place;
      if (!place) throw new Error(`no place for ${cover.childFirstName}`);
      const mail = await journey.smtp.waitForMail((m) =>
        m.subject.startsWith(`Vertretung für ${cover.childFirstName}: ${place.name}`),
      );
      expect(mail.text).toContain(`${place.postalCode} ${place.town}`);
      if (place.street) expect(mail.text).toContain(place.street);
      for (const time of cover.times) expect(mail.text).toContain(`${time.from}–${time.to}`);
      parent ||= mail.to[0] ?? "";
      parentChild ||= cover.childFirstName;
    }

    // A parent opens her page on the phone and says they will come.
    const family = await journey.newPage(PHONE);
    await journey.signIn(family, parent, { at: `/app/${SLUG}/vertretung/meine` });
    const card = family.getByTestId("family-cover").filter({ hasText: parentChild });
    await card.first().waitFor();
    await journey.expectAccessible(family, "family cover page on a phone");
    await journey.screenshot(family, "substitution-family-phone");
    await card.first().getByTestId("family-answer-confirmed").click();
    await expect.poll(() => card.first().getAttribute("data-answer")).toBe("confirmed");
    await family.getByText("Sie haben geantwortet: Passt, wir kommen.").first().waitFor();
    await journey.screenshot(family, "substitution-family-answered-phone");

    // The board shows the answer.
    await office.reload();
    const answered = view
      .getByTestId("board-confirmed")
      .getByTestId("cover-row")
      .filter({ has: office.locator(`[data-child="${parentChild}"]`) });
    await expect
      .poll(() => answered.getByTestId("parent-answer").getAttribute("data-answer"))
      .toBe("confirmed");

    // Vera Vogt, the employed substitute, is mailed her added children and sees them on her phone.
    // Her mail carries the allergy Katrin entered this morning, because Katrin consented.
    const coverMail = await journey.smtp.waitForMail(
      (m) => m.to.includes(SUBSTITUTE) && children.every((child) => m.text.includes(child)),
    );
    expect(children).toContain(katrinsChild.childFirstName);
    expect(coverMail.text).toContain(`Allergien: ${ALLERGY}`);
    const vera = await journey.newPage(PHONE);
    await journey.signIn(vera, SUBSTITUTE, { at: `/app/${SLUG}/vertretung/vertretungskinder` });
    await vera.getByTestId("my-cover").first().waitFor();
    const covered = await vera.getByTestId("my-cover").allTextContents();
    for (const child of children) expect(covered.some((text) => text.startsWith(child))).toBe(true);
    expect(covered.find((text) => text.startsWith(katrinsChild.childFirstName))).toContain(ALLERGY);
    await journey.expectAccessible(vera, "children covered on a phone");
    await journey.screenshot(vera, "substitution-my-covers-phone");

    // The arrangements behind the proposal: Anna's model is the employed substitute Vera Vogt.
    await office.goto(`/app/${SLUG}/vertretung/regelungen`);
    const annaRow = office.getByTestId("arrangement-row").filter({ hasText: "Anna Albers" });
    await expect(annaRow.textContent()).resolves.toContain("Vera Vogt");
    await journey.expectAccessible(office, "substitution arrangements");
    await journey.screenshot(office, "substitution-arrangements");
  } finally {
    platform.now = realNow;
  }
}, 120_000);
