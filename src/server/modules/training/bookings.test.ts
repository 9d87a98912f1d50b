import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { Client, describeApi, type TestContext } from "../../../../test/support/test-app";
import { addParticipant } from "../../../../test/support/training";
import { auditEvents } from "../../platform/audit/audit.tables";
import { bookedSessionsOfUser, openRuns } from "./training.queries";
import {
  trainingBookings,
  trainingCertificates,
  trainingGuestRequests,
  trainingParticipants,
} from "./training.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

/** First aid for children: 9 UE in two sessions (one summer, one winter, to check the calendar's zone). */
function firstAidBody(overrides: Record<string, unknown> = {}) {
  return {
    category: "firstAidChildren",
    title: "Erste Hilfe am Kind",
    description: "Notfälle bei Kleinkindern",
    materials: "Bequeme Kleidung",
    audience: "members",
    capacity: 12,
    cancellationDays: 7,
    feeCents: 4500,
    externalTrainers: "DRK Beckum",
    sessions: [
      { date: "2026-07-04", from: "09:00", to: "12:45", units: 5, place: "Familienzentrum, Raum 2" },
      { date: "2026-11-07", from: "09:00", to: "12:00", units: 4, place: "Familienzentrum, Raum 2" },
    ],
    ...overrides,
  };
}

function trainingFixtures(t: TestContext) {
  async function office(kind: "coordinationOffice" | "association" = "coordinationOffice") {
    const org = await t.createOrganisation({ kind });
    const coordinator = await t.member(org, [kind === "association" ? "board" : "coordinator"], "Clara Koch");
    const base = `/api/orgs/${org.slug}`;
    return { org, coordinator, base };
  }
  return { office };
}

describeApi(
  "training bookings: places, waiting list, prerequisites and series",
  (t) => {
    const { office } = trainingFixtures(t);
    let seq = 0;

    /** A published run of the office, created and published through the API. */
    async function publishedRun(
      coordinator: Awaited<ReturnType<typeof office>>["coordinator"],
      base: string,
      overrides: Record<string, unknown> = {},
    ): Promise<{ id: string; seriesId: string; sessions: { id: string }[] }> {
      const created = await coordinator.post(`${base}/training-courses`, firstAidBody(overrides));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const published = await coordinator.post(`${base}/training-courses/${created.body.id}/publish`);
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      return created.body;
    }

    async function caregiver(org: { id: string }, name: string) {
      const member = await t.member(org, ["caregiver"], name);
      return member;
    }

    const book = (client: Pick<Client, "post">, base: string, id: string) =>
      client.post(`${base}/training-catalogue/${id}/book`);

    it("books places, puts the rest on the waiting list and moves the first up when a place comes free", async () => {
      const { org, coordinator, base } = await office();
      const run = await publishedRun(coordinator, base, { capacity: 1 });
      const anna = await caregiver(org, "Anna Albers");
      const berta = await caregiver(org, "Berta Brandt");
      const carla = await caregiver(org, "Carla Cordes");

      const first = await book(anna, base, run.id);
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ status: "confirmed", waitingPosition: null, canCancel: true });
      await smtp.waitForMail(
        (m) => m.to.includes(anna.email) && m.subject === "Ihr Platz: Erste Hilfe am Kind",
      );
      const twice = await book(anna, base, run.id);
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe("trainingAlreadyBooked");

      expect((await book(berta, base, run.id)).body).toMatchObject({ status: "waiting", waitingPosition: 1 });
      expect((await book(carla, base, run.id)).body).toMatchObject({ status: "waiting", waitingPosition: 2 });
      const waitMail = await smtp.waitForMail(
        (m) => m.to.includes(carla.email) && m.subject === "Warteliste: Erste Hilfe am Kind",
      );
      expect(waitMail.text).toContain("Platz 2 der Warteliste");

      const catalogue = await carla.get(`${base}/training-catalogue`);
      expect(catalogue.body.items[0]).toMatchObject({
        freePlaces: 0,
        waitingCount: 2,
        bookingOpen: false,
        own: { status: "waiting", waitingPosition: 2, canCancel: true },
      });

      const cancelled = await anna.post(`${base}/my-training-bookings/${first.body.id}/cancel`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({ status: "cancelled", endedBy: "participant" });
      const movedUp = await smtp.waitForMail(
        (m) => m.to.includes(berta.email) && m.subject === "Sie haben einen Platz: Erste Hilfe am Kind",
      );
      expect(movedUp.text).toContain("04.07.2026, 09:00–12:45 Uhr");
      expect(movedUp.text).toContain(`/api/orgs/${org.slug}/training-courses/${run.id}/calendar.ics`);

      const mine = await carla.get(`${base}/my-training-bookings`);
      expect(mine.body.items[0]).toMatchObject({ status: "waiting", waitingPosition: 1, courseId: run.id });
      const staffList = await coordinator.get(`${base}/training-courses/${run.id}/bookings`);
      expect(
        staffList.body.items.map((b: { name: string; status: string; waitingPosition: number | null }) => [
          b.name,
          b.status,
          b.waitingPosition,
        ]),
      ).toEqual([
        ["Berta Brandt", "confirmed", null],
        ["Carla Cordes", "waiting", 1],
        ["Anna Albers", "cancelled", null],
      ]);
      // A participant row per member, from her account.
      const rows = await t.app.platform.db
        .select()
        .from(trainingParticipants)
        .where(eq(trainingParticipants.organisationId, org.id));
      expect(rows.map((r) => r.name).sort()).toEqual(["Anna Albers", "Berta Brandt", "Carla Cordes"]);
    });

    it("lets participants cancel until the deadline, staff at any time with a reason", async () => {
      const { org, coordinator, base } = await office();
      // The deadline is 2026-03-03 (7 days before 2026-03-10); the clock says 2026-03-02.
      const run = await publishedRun(coordinator, base, {
        capacity: 1,
        sessions: [{ date: "2026-03-10", from: "09:00", to: "16:00", units: 9, place: "Raum 2" }],
      });
      const anna = await caregiver(org, "Anna Albers");
      const berta = await caregiver(org, "Berta Brandt");
      const place = await book(anna, base, run.id);
      const waiting = await book(berta, base, run.id);
      const before = t.clock.now;
      try {
        t.clock.now = new Date("2026-03-04T09:00:00Z");
        const late = await anna.post(`${base}/my-training-bookings/${place.body.id}/cancel`);
        expect(late.status).toBe(409);
        expect(late.body.error).toMatchObject({
          code: "trainingCancellationDeadlinePassed",
          message:
            "Die Frist für die Abmeldung ist am 03.03.2026 abgelaufen. Bitte wenden Sie sich an die Fachberatung.",
        });
        const mine = await anna.get(`${base}/my-training-bookings`);
        expect(mine.body.items[0]).toMatchObject({ status: "confirmed", canCancel: false });
        // Leaving the waiting list costs nobody a place: always possible.
        const left = await berta.post(`${base}/my-training-bookings/${waiting.body.id}/cancel`);
        expect(left.body.status).toBe("cancelled");
        await smtp.waitForMail(
          (m) =>
            m.to.includes(berta.email) && m.subject === "Von der Warteliste abgemeldet: Erste Hilfe am Kind",
        );
        const byStaff = await coordinator.post(
          `${base}/training-courses/${run.id}/bookings/${place.body.id}/cancel`,
          {
            reason: "Auf Wunsch telefonisch abgemeldet.",
          },
        );
        expect(byStaff.status).toBe(200);
        expect(byStaff.body).toMatchObject({
          status: "cancelled",
          endedBy: "staff",
          endedReason: "Auf Wunsch telefonisch abgemeldet.",
        });
        const mail = await smtp.waitForMail(
          (m) =>
            m.to.includes(anna.email) && m.subject === "Ihre Anmeldung wurde storniert: Erste Hilfe am Kind",
        );
        expect(mail.text).toContain("Grund: Auf Wunsch telefonisch abgemeldet.");
        const again = await coordinator.post(
          `${base}/training-courses/${run.id}/bookings/${place.body.id}/cancel`,
          {
            reason: "Nochmal",
          },
        );
        expect(again.status).toBe(409);
        expect(again.body.error.code).toBe("trainingBookingNotActive");
      } finally {
        t.clock.now = before;
      }
    });

    it("stops moving up at the start: staff hear of the free place and give it away by hand", async () => {
      const { org, coordinator, base } = await office();
      const run = await publishedRun(coordinator, base, {
        capacity: 1,
        sessions: [
          { date: "2026-03-10", from: "09:00", to: "12:45", units: 5, place: "Raum 2" },
          { date: "2026-03-11", from: "09:00", to: "12:00", units: 4, place: "Raum 2" },
        ],
      });
      const anna = await caregiver(org, "Anna Albers");
      const berta = await caregiver(org, "Berta Brandt");
      const place = await book(anna, base, run.id);
      await book(berta, base, run.id);
      const before = t.clock.now;
      try {
        t.clock.now = new Date("2026-03-10T07:00:00Z");
        expect((await book(await caregiver(org, "Zoe Spät"), base, run.id)).body.error.code).toBe(
          "trainingBookingClosed",
        );
        const cancelled = await coordinator.post(
          `${base}/training-courses/${run.id}/bookings/${place.body.id}/cancel`,
          {
            reason: "Krank",
          },
        );
        expect(cancelled.status).toBe(200);
        const notice = await smtp.waitForMail(
          (m) =>
            m.to.includes(`${org.slug}@fachberatung.example`) &&
            m.subject === "Platz frei: Erste Hilfe am Kind",
        );
        expect(notice.text).toContain("Frei: 1, auf der Warteliste: 1");
        const detail = await coordinator.get(`${base}/training-courses/${run.id}`);
        expect(detail.body).toMatchObject({ confirmedCount: 0, waitingCount: 1 });
        const promoted = await coordinator.post(`${base}/training-courses/${run.id}/promote`);
        expect(promoted.status).toBe(200);
        expect(promoted.body).toMatchObject({ name: "Berta Brandt", status: "confirmed" });
        const none = await coordinator.post(`${base}/training-courses/${run.id}/promote`);
        expect(none.body.error.code).toBe("trainingNobodyWaiting");
      } finally {
        t.clock.now = before;
      }
    });

    it("checks prerequisites from issued certificates; staff may waive them with a reason, audited", async () => {
      const { org, coordinator, base } = await office();
      const phase2 = await publishedRun(coordinator, base, {
        category: "qhbPhase2",
        title: "QHB Teil 2",
        units: 8,
        sessions: [{ date: "2026-09-05", from: "09:00", to: "15:00", units: 8, place: "Raum 2" }],
      });
      const anna = await caregiver(org, "Anna Albers");
      const missing = await book(anna, base, phase2.id);
      expect(missing.status).toBe(409);
      expect(missing.body.error).toMatchObject({
        code: "trainingPrerequisitesMissing",
        message: "Für diesen Kurs fehlt noch eine Voraussetzung: QHB Teil 1.",
      });
      const noReason = await coordinator.post(`${base}/training-courses/${phase2.id}/bookings`, {
        userId: anna.userId,
        waivePrerequisites: true,
      });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.fields[0].path).toBe("waiverReason");
      const waived = await coordinator.post(`${base}/training-courses/${phase2.id}/bookings`, {
        userId: anna.userId,
        waivePrerequisites: true,
        waiverReason: "Teil 1 endet im August.",
      });
      expect(waived.status).toBe(201);
      expect(waived.body).toMatchObject({ name: "Anna Albers", status: "confirmed", isGuest: false });
      const audit = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.entityId, waived.body.id),
            eq(auditEvents.action, "training.prerequisitesWaived"),
          ),
        );
      expect(audit[0]?.details).toMatchObject({ reason: "Teil 1 endet im August." });

      // A refresher needs a certificate still valid on its first day.
      const refresher = await publishedRun(coordinator, base, { isRefresher: true, title: "Auffrischung" });
      const berta = await caregiver(org, "Berta Brandt");
      const none = await book(berta, base, refresher.id);
      expect(none.body.error.code).toBe("trainingFullCourseRequired");
      // The refused booking left nothing behind; her certificate belongs to a participant row of her account.
      expect(
        await t.app.platform.db
          .select()
          .from(trainingParticipants)
          .where(eq(trainingParticipants.userId, berta.userId)),
      ).toEqual([]);
      const participant = await addParticipant(t, org.id, {
        name: "Berta Brandt",
        email: berta.email,
        userId: berta.userId,
      });
      await t.app.platform.db.insert(trainingCertificates).values({
        organisationId: org.id,
        participantId: participant.id,
        category: "firstAidChildren",
        participantName: "Berta Brandt",
        courseTitle: "Erste Hilfe am Kind",
        units: 9,
        startedOn: "2025-01-10",
        completedOn: "2025-01-10",
        validUntil: "2027-01-10",
        countsTowardsObligation: false,
        verificationCode: `CODE${t.kind}${++seq}`,
      });
      expect((await book(berta, base, refresher.id)).status).toBe(201);

      const outsider = await t.createUser();
      const notMember = await coordinator.post(`${base}/training-courses/${refresher.id}/bookings`, {
        userId: outsider.id,
      });
      expect(notMember.status).toBe(400);
      expect(notMember.body.error.fields[0].path).toBe("userId");
    });

    it("lets a refresher take a lapsed certificate once the organisation's rules allow it", async () => {
      const { org, coordinator, base } = await office();
      const admin = await t.member(org, ["admin"]);
      const refresher = await publishedRun(coordinator, base, { isRefresher: true, title: "Auffrischung" });
      const berta = await caregiver(org, "Berta Brandt");
      const participant = await addParticipant(t, org.id, {
        name: "Berta Brandt",
        email: berta.email,
        userId: berta.userId,
      });
      // Lapsed in January, before the refresher's first day in July.
      await t.app.platform.db.insert(trainingCertificates).values({
        organisationId: org.id,
        participantId: participant.id,
        category: "firstAidChildren",
        participantName: "Berta Brandt",
        courseTitle: "Erste Hilfe am Kind",
        units: 9,
        startedOn: "2024-01-10",
        completedOn: "2024-01-10",
        validUntil: "2026-01-10",
        countsTowardsObligation: false,
        verificationCode: `LAPSED${t.kind}${++seq}`,
      });
      const refused = await book(berta, base, refresher.id);
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("trainingFullCourseRequired");

      const settings = await admin.get(base);
      expect(settings.body.statePreset.rules.refresherNeedsValidCertificate).toBe(true);
      const rules = { ...settings.body.statePreset.rules, refresherNeedsValidCertificate: false };
      const saved = await admin.put(base, {
        ...settings.body,
        statePreset: { ...settings.body.statePreset, rules },
      });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);

      expect((await book(berta, base, refresher.id)).status).toBe(201);
    });

    it("allows one active booking per series; a move keeps the end-of-waiting-list rule", async () => {
      const { org, coordinator, base } = await office();
      const spring = await publishedRun(coordinator, base, { capacity: 1, title: "Frühjahr" });
      const copy = await coordinator.post(`${base}/training-courses/${spring.id}/copy`, {
        firstSessionFrom: "2026-08-01",
      });
      const autumnId = copy.body.course.id;
      await coordinator.post(`${base}/training-courses/${autumnId}/publish`);
      const resized = await coordinator.put(`${base}/training-courses/${autumnId}`, {
        ...firstAidBody({ capacity: 1, title: "Herbst" }),
        sessions: copy.body.course.sessions,
      });
      expect(resized.status).toBe(200);

      const anna = await caregiver(org, "Anna Albers");
      const berta = await caregiver(org, "Berta Brandt");
      const carla = await caregiver(org, "Carla Cordes");
      const annaSpring = await book(anna, base, spring.id);
      const bertaSpring = await book(berta, base, spring.id);
      expect(bertaSpring.body.status).toBe("waiting");
      const second = await book(anna, base, autumnId);
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe("trainingAlreadyBookedInSeries");

      await book(carla, base, autumnId);
      const dora = await caregiver(org, "Dora Dietz");
      const doraAutumn = await book(dora, base, autumnId);
      expect(doraAutumn.body).toMatchObject({ status: "waiting", waitingPosition: 1 });

      // Anna booked before everyone, but moving into the full autumn run puts her at the end of its list.
      const moved = await coordinator.post(
        `${base}/training-courses/${spring.id}/bookings/${annaSpring.body.id}/move`,
        {
          toCourseId: autumnId,
          reason: "Termin passt besser",
        },
      );
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ courseId: autumnId, status: "waiting", waitingPosition: 2 });
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(anna.email) && m.subject === "Ihre Anmeldung wurde verschoben: Herbst",
      );
      expect(mail.text).toContain("Dort stehen Sie auf Platz 2 der Warteliste.");
      // Her place in spring went to Berta.
      await smtp.waitForMail(
        (m) => m.to.includes(berta.email) && m.subject === "Sie haben einen Platz: Frühjahr",
      );
      const springList = await coordinator.get(`${base}/training-courses/${spring.id}/bookings`);
      expect(
        springList.body.items.map((b: { name: string; status: string; movedToCourseId: string | null }) => [
          b.name,
          b.status,
          b.movedToCourseId,
        ]),
      ).toEqual([
        ["Berta Brandt", "confirmed", null],
        ["Anna Albers", "movedOut", autumnId],
      ]);

      const other = await coordinator.post(
        `${base}/training-courses`,
        firstAidBody({ category: "bgw", units: 9 }),
      );
      await coordinator.post(`${base}/training-courses/${other.body.id}/publish`);
      const wrong = await coordinator.post(
        `${base}/training-courses/${spring.id}/bookings/${bertaSpring.body.id}/move`,
        {
          toCourseId: other.body.id,
        },
      );
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.code).toBe("trainingDifferentSeries");
    });
  },
  { smtpUrl: () => smtp.url },
);

/** A second application: sign-ins are rate-limited per address, and each suite signs in many members. */
describeApi(
  "training bookings by guests, the calendar feed and authorization",
  (t) => {
    const { office } = trainingFixtures(t);

    /** A published run of the office, created and published through the API. */
    async function publishedRun(
      coordinator: Awaited<ReturnType<typeof office>>["coordinator"],
      base: string,
      overrides: Record<string, unknown> = {},
    ): Promise<{ id: string; seriesId: string; sessions: { id: string }[] }> {
      const created = await coordinator.post(`${base}/training-courses`, firstAidBody(overrides));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const published = await coordinator.post(`${base}/training-courses/${created.body.id}/publish`);
      expect(published.status, JSON.stringify(published.body)).toBe(200);
      return created.body;
    }

    async function caregiver(org: { id: string }, name: string) {
      const member = await t.member(org, ["caregiver"], name);
      return member;
    }

    const book = (client: Pick<Client, "post">, base: string, id: string) =>
      client.post(`${base}/training-catalogue/${id}/book`);

    it("writes to a guest in the language of the page she booked on, every later mail too", async () => {
      const { org, coordinator, base } = await office();
      const run = await publishedRun(coordinator, base, { audience: "public", capacity: 1, title: "Offen" });
      const url = `/api/public/orgs/${org.slug}/courses/${run.id}/guest-bookings`;
      const english = new Client(t.app, { "accept-language": "en-GB,en;q=0.9" });
      const german = new Client(t.app, { "accept-language": "de-DE,de;q=0.9" });
      const emma = `emma.${t.kind}@guest.example`;
      const gerda = `gerda.${t.kind}@gast.example`;
      const tokenOf = (text: string) =>
        /fortbildung\/bestaetigen\/([A-Za-z0-9_-]+)/.exec(text)?.[1] as string;

      expect((await english.post(url, { name: "Emma Evans", email: emma })).status).toBe(202);
      const emmaLink = await smtp.waitForMail((m) => m.to.includes(emma));
      expect(emmaLink.subject).toBe("Please confirm: booking for Offen");
      // She opens the link in a browser set to German: the language she asked in still counts.
      expect(
        (await german.post(`/api/public/training-guest-confirmations/${tokenOf(emmaLink.text)}`)).status,
      ).toBe(200);
      expect(
        (await smtp.waitForMail((m) => m.to.includes(emma) && m.subject.includes("place"))).subject,
      ).toBe("Your place: Offen");

      expect((await german.post(url, { name: "Gerda Gast", email: gerda })).status).toBe(202);
      const gerdaLink = await smtp.waitForMail((m) => m.to.includes(gerda));
      expect(gerdaLink.subject).toMatch(/^Bitte bestätigen/);
      expect(
        (await english.post(`/api/public/training-guest-confirmations/${tokenOf(gerdaLink.text)}`)).status,
      ).toBe(200);
      expect(
        (await smtp.waitForMail((m) => m.to.includes(gerda) && m.subject.startsWith("Warteliste"))).subject,
      ).toBe("Warteliste: Offen");

      // Staff cancel Emma's place: she hears in English, Gerda moves up and hears in German.
      const bookings = await coordinator.get(`${base}/training-courses/${run.id}/bookings`);
      const emmaBooking = bookings.body.items.find((b: { email: string }) => b.email === emma);
      const cancelled = await coordinator.post(
        `${base}/training-courses/${run.id}/bookings/${emmaBooking.id}/cancel`,
        { reason: "Doppelt angemeldet" },
      );
      expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
      await smtp.waitForMail((m) => m.to.includes(emma) && m.subject === "Your booking was cancelled: Offen");
      await smtp.waitForMail((m) => m.to.includes(gerda) && m.subject === "Sie haben einen Platz: Offen");

      // The run is called off: Gerda hears in German.
      expect(
        (await coordinator.post(`${base}/training-courses/${run.id}/cancel`, { reason: "Krank" })).status,
      ).toBe(200);
      await smtp.waitForMail((m) => m.to.includes(gerda) && m.subject === "Kurs abgesagt: Offen");
      const stored = await t.app.platform.db
        .select()
        .from(trainingParticipants)
        .where(eq(trainingParticipants.organisationId, org.id));
      expect(Object.fromEntries(stored.map((p) => [p.email, p.locale]))).toEqual({
        [emma]: "en",
        [gerda]: "de",
      });
    });

    it("books a guest on a public run only once her e-mailed link is clicked", async () => {
      const { org, coordinator, base } = await office();
      const run = await publishedRun(coordinator, base, { audience: "public", capacity: 1, title: "Offen" });
      const anonymous = t.anonymous();
      const url = `/api/public/orgs/${org.slug}/courses/${run.id}/guest-bookings`;
      const email = `gast.${t.kind}@beispiel.example`;

      const invalid = await anonymous.post(url, { name: "", email: "kaputt" });
      expect(invalid.status).toBe(400);
      const bot = await anonymous.post(url, {
        name: "Bot",
        email: `bot.${t.kind}@x.example`,
        website: "spam",
      });
      expect(bot.status).toBe(202);
      const accepted = await anonymous.post(url, { name: "Gerda Gast", email });
      expect(accepted.status).toBe(202);
      const requests = await t.app.platform.db
        .select()
        .from(trainingGuestRequests)
        .where(eq(trainingGuestRequests.courseId, run.id));
      expect(requests.map((r) => r.email)).toEqual([email]);
      expect(requests[0]?.tokenHash).not.toContain("/");
      // No place is held before the click.
      expect((await anonymous.get(`/api/public/orgs/${org.slug}/courses/${run.id}`)).body.freePlaces).toBe(1);

      const mail = await smtp.waitForMail(
        (m) => m.to.includes(email) && m.subject.startsWith("Bitte bestätigen"),
      );
      const token = /fortbildung\/bestaetigen\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1] as string;
      expect(token).toBeTruthy();
      expect(requests[0]?.tokenHash).not.toBe(token);

      const confirmed = await anonymous.post(`/api/public/training-guest-confirmations/${token}`);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body).toMatchObject({
        status: "confirmed",
        waitingPosition: null,
        courseTitle: "Offen",
        organisationSlug: org.slug,
      });
      const used = await anonymous.post(`/api/public/training-guest-confirmations/${token}`);
      expect(used.status).toBe(409);
      expect(used.body.error.code).toBe("guestLinkUsed");
      // The page leads back to the organisation's catalogue; an unknown link names no organisation.
      expect(used.body.error.details).toEqual({ organisationSlug: org.slug });
      const unknown = await anonymous.post("/api/public/training-guest-confirmations/unbekannter-link-0000");
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.details).toBeUndefined();
      const booked = await coordinator.get(`${base}/training-courses/${run.id}/bookings`);
      expect(booked.body.items[0]).toMatchObject({ name: "Gerda Gast", isGuest: true, userId: null });

      // A second guest waits; her link expires after 48 hours.
      const second = `gast2.${t.kind}@beispiel.example`;
      await anonymous.post(url, { name: "Hanna Hoff", email: second });
      const secondMail = await smtp.waitForMail((m) => m.to.includes(second));
      const secondToken = /fortbildung\/bestaetigen\/([A-Za-z0-9_-]+)/.exec(secondMail.text)?.[1] as string;
      const before = t.clock.now;
      try {
        t.clock.now = new Date(before.getTime() + 49 * 3_600_000);
        const expired = await anonymous.post(`/api/public/training-guest-confirmations/${secondToken}`);
        expect(expired.status).toBe(410);
        expect(expired.body.error.code).toBe("guestLinkExpired");
        expect(expired.body.error.details).toEqual({ organisationSlug: org.slug });
      } finally {
        t.clock.now = before;
      }
      const waiting = await anonymous.post(`/api/public/training-guest-confirmations/${secondToken}`);
      expect(waiting.body).toMatchObject({ status: "waiting", waitingPosition: 1 });
      expect(
        (await anonymous.post("/api/public/training-guest-confirmations/unbekannt-1234567")).status,
      ).toBe(404);

      const members = await publishedRun(coordinator, base, { title: "Nur Mitglieder" });
      const refused = await anonymous.post(
        `/api/public/orgs/${org.slug}/courses/${members.id}/guest-bookings`,
        {
          name: "Gerda Gast",
          email,
        },
      );
      expect(refused.status).toBe(404);
    });

    it("shows caregivers-only runs to caregivers and refuses other members", async () => {
      const { org, coordinator, base } = await office();
      const run = await publishedRun(coordinator, base, { audience: "caregivers", title: "Nur KTP" });
      const member = await t.member(org, ["member"]);
      expect((await member.get(`${base}/training-catalogue`)).body.items).toEqual([]);
      expect((await member.get(`${base}/training-catalogue/${run.id}`)).status).toBe(404);
      expect((await book(member, base, run.id)).status).toBe(404);
      const anna = await caregiver(org, "Anna Albers");
      expect(
        (await anna.get(`${base}/training-catalogue`)).body.items.map((c: { id: string }) => c.id),
      ).toEqual([run.id]);
    });

    it("keeps bookings to their organisation, roles and owner", async () => {
      const { org, coordinator, base } = await office();
      const run = await publishedRun(coordinator, base);
      const anna = await caregiver(org, "Anna Albers");
      const berta = await caregiver(org, "Berta Brandt");
      const booking = await book(anna, base, run.id);
      expect((await berta.post(`${base}/my-training-bookings/${booking.body.id}/cancel`)).status).toBe(404);
      for (const roles of [["trainer"], ["parent"], ["youthOffice"]] as const) {
        const member = await t.member(org, [...roles]);
        expect((await member.get(`${base}/training-courses/${run.id}/bookings`)).status, roles[0]).toBe(403);
        expect((await member.post(`${base}/training-courses/${run.id}/promote`)).status, roles[0]).toBe(403);
        expect(
          (await member.post(`${base}/training-courses/${run.id}/bookings`, { userId: anna.userId })).status,
          roles[0],
        ).toBe(403);
      }
      expect((await berta.get(`${base}/training-courses/${run.id}/bookings`)).status).toBe(403);
      const cancel = `${base}/training-courses/${run.id}/bookings/${booking.body.id}/cancel`;
      expect((await berta.post(cancel, { reason: "x" })).status).toBe(403);
      const other = await office();
      expect((await other.coordinator.post(cancel, { reason: "x" })).status).toBe(404);
      expect(
        (
          await other.coordinator.post(
            `${other.base}/training-courses/${run.id}/bookings/${booking.body.id}/cancel`,
            {
              reason: "x",
            },
          )
        ).status,
      ).toBe(404);
      expect((await book(await t.member(other.org, ["caregiver"]), other.base, run.id)).status).toBe(404);
      const rows = await t.app.platform.db
        .select()
        .from(trainingBookings)
        .where(eq(trainingBookings.courseId, run.id));
      expect(rows.map((r) => r.status)).toEqual(["confirmed"]);
    });

    it("gives a personal calendar feed of confirmed sessions that can be rotated and revoked", async () => {
      const { org, coordinator, base } = await office();
      const run = await publishedRun(coordinator, base, { capacity: 1 });
      const full = await publishedRun(coordinator, base, { capacity: 1, title: "Voll" });
      const anna = await caregiver(org, "Anna Albers");
      await book(anna, base, run.id);
      await book(await caregiver(org, "Berta Brandt"), base, full.id);
      await book(anna, base, full.id);

      expect((await anna.get("/api/training-calendar-feed")).body).toEqual({
        active: false,
        createdAt: null,
      });
      const created = await anna.post("/api/training-calendar-feed");
      expect(created.status).toBe(200);
      const path = new URL(created.body.url).pathname;
      const feed = await t.anonymous().get(path);
      expect(feed.status).toBe(200);
      expect(feed.text).not.toContain("METHOD:");
      const component = new ICAL.Component(ICAL.parse(feed.text));
      const events = component.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
      // Only the run she has a place in, not the one she waits for.
      expect(events.map((e) => e.uid)).toEqual(run.sessions.map((s) => `training-session-${s.id}@ktp-netz`));

      const rotated = await anna.post("/api/training-calendar-feed");
      expect((await t.anonymous().get(path)).status).toBe(404);
      const newPath = new URL(rotated.body.url).pathname;
      expect((await t.anonymous().get(newPath)).status).toBe(200);
      expect((await anna.get("/api/training-calendar-feed")).body.active).toBe(true);
      expect((await anna.delete("/api/training-calendar-feed")).status).toBe(200);
      expect((await t.anonymous().get(newPath)).status).toBe(404);
      expect((await t.anonymous().post("/api/training-calendar-feed")).status).toBe(401);

      // The same reads, for other modules.
      const booked = await bookedSessionsOfUser(t.app.platform.db, anna.userId, "2026-01-01", "2026-12-31");
      expect(booked.map((s) => s.sessionId)).toEqual(run.sessions.map((s) => s.id));
      const open = await openRuns(t.app.platform.db, org.id, ["firstAidChildren"], "2026-03-02");
      expect(open.map((r) => [r.id, r.freePlaces]).sort()).toEqual(
        [
          [run.id, 0],
          [full.id, 0],
        ].sort(),
      );
    });

    it.runIf(t.kind === "postgres")(
      "gives the last place to exactly one of two members booking at once",
      async () => {
        const { org, coordinator, base } = await office();
        const run = await publishedRun(coordinator, base, { capacity: 1 });
        const [anna, berta] = [await caregiver(org, "Anna Albers"), await caregiver(org, "Berta Brandt")];
        for (let round = 0; round < 3; round++) {
          const answers = await Promise.all([anna, berta].map((client) => book(client, base, run.id)));
          expect(answers.map((a) => a.status)).toEqual([201, 201]);
          expect(answers.map((a) => a.body.status).sort()).toEqual(["confirmed", "waiting"]);
          const rows = await t.app.platform.db
            .select()
            .from(trainingBookings)
            .where(eq(trainingBookings.courseId, run.id));
          const active = rows.filter((r) => r.status === "confirmed" || r.status === "waiting");
          expect(active.filter((r) => r.status === "confirmed")).toHaveLength(1);
          // Both cancel by staff to try again with a fresh race.
          for (const booking of active)
            await coordinator.post(`${base}/training-courses/${run.id}/bookings/${booking.id}/cancel`, {
              reason: "Neuer Versuch",
            });
        }
      },
    );

    it("creates a member's participant row from her account on her first booking only", async () => {
      const { org, coordinator, base } = await office();
      const one = await publishedRun(coordinator, base, { title: "Eins" });
      const two = await publishedRun(coordinator, base, { title: "Zwei" });
      const anna = await caregiver(org, "Anna Albers");
      await addParticipant(t, org.id, { name: "Gast mit gleicher Adresse", email: anna.email });
      await book(anna, base, one.id);
      await book(anna, base, two.id);
      const rows = await t.app.platform.db
        .select()
        .from(trainingParticipants)
        .where(
          and(eq(trainingParticipants.organisationId, org.id), eq(trainingParticipants.userId, anna.userId)),
        );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ name: "Anna Albers", email: anna.email });
    });
  },
  { smtpUrl: () => smtp.url },
);
