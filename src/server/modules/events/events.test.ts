import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { answersFor, eventBody, eventHost, stammtischBody } from "../../../../test/support/events";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";
import { runJobOnce } from "../../platform/jobs/scheduler";
import { eventReminderJob, extendSeriesJob } from "./events.jobs";
import { eventRegistrations, events } from "./events.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

function parseCalendar(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return component.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

describeApi(
  "events: planning, series, registrations, guests, calendars",
  (t) => {
    it("lets staff plan an event and refuses other roles, other organisations and strangers", async () => {
      const { org, planner, base } = await eventHost(t);
      const created = await planner.post(`${base}/events`, eventBody());
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        title: "Elternabend: Eingewöhnung",
        startsAt: "2026-03-10T18:30:00.000Z",
        status: "scheduled",
        place: { postalCode: "59269", isOnline: false },
        registration: { enabled: true, capacity: 2, confirmed: 0, freePlaces: 2, isOpen: true },
      });
      expect(created.body.place.lat).toBeCloseTo(51.75, 0);
      expect(created.body.questions).toHaveLength(2);

      const caregiver = await t.member(org, ["caregiver"]);
      expect((await caregiver.post(`${base}/events`, eventBody())).status).toBe(403);
      expect((await caregiver.get(`${base}/events/${created.body.id}`)).status).toBe(403);
      const other = await eventHost(t, "coordinationOffice");
      expect((await other.planner.get(`${base}/events/${created.body.id}`)).status).toBe(404);
      expect((await other.planner.get(`${other.base}/events/${created.body.id}`)).status).toBe(404);
      expect((await t.anonymous().get(`${base}/events`)).status).toBe(401);

      const before = await t.app.platform.db.select().from(events).where(eq(events.organisationId, org.id));
      const bad = await planner.post(`${base}/events`, eventBody({ from: "21:00", to: "19:00" }));
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].path).toBe("to");
      const noPlace = await planner.post(`${base}/events`, eventBody({ place: { name: "" } }));
      expect(noPlace.status).toBe(400);
      const badCode = await planner.post(
        `${base}/events`,
        eventBody({ place: { name: "Saal", postalCode: "00000" } }),
      );
      expect(badCode.status).toBe(400);
      const stranger = await planner.post(
        `${base}/events`,
        eventBody({ organiserIds: [other.planner.userId] }),
      );
      expect(stranger.status).toBe(400);
      const after = await t.app.platform.db.select().from(events).where(eq(events.organisationId, org.id));
      expect(after).toHaveLength(before.length);

      const audit = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.organisationId, org.id));
      expect(audit.map((a) => a.action)).toContain("events.created");
    });

    it("expands a Stammtisch series across the switch to summer time, skips a date and changes one", async () => {
      const { org, planner, base, publicBase } = await eventHost(t);
      const created = await planner.post(
        `${t.kind === "pglite" ? base : base}/event-series`,
        stammtischBody(),
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const dates = created.body.dates.map((d: { date: string }) => d.date);
      expect(dates).toEqual([
        "2026-03-03",
        "2026-03-17",
        "2026-03-31",
        "2026-04-14",
        "2026-04-28",
        "2026-05-12",
        "2026-05-26",
        "2026-06-09",
        "2026-06-23",
      ]);
      // 19:30 local: 18:30 UTC in winter, 17:30 UTC in summer.
      expect(created.body.dates[1].startsAt).toBe("2026-03-17T18:30:00.000Z");
      expect(created.body.dates[2].startsAt).toBe("2026-03-31T17:30:00.000Z");

      const skipped = await planner.post(`${base}/event-series/${created.body.id}/skip`, {
        date: "2026-04-14",
        reason: "Osterferien",
      });
      expect(skipped.status).toBe(200);
      expect(skipped.body.exceptions).toEqual(["2026-04-14"]);
      expect(skipped.body.dates.map((d: { date: string }) => d.date)).not.toContain("2026-04-14");
      const notADate = await planner.post(`${base}/event-series/${created.body.id}/skip`, {
        date: "2026-04-15",
      });
      expect(notADate.status).toBe(400);

      // A single change: one date moves to Wednesday; a later series change leaves it alone.
      const moved = created.body.dates.find((d: { date: string }) => d.date === "2026-04-28");
      const changed = await planner.put(
        `${base}/events/${moved.id}`,
        eventBody({ ...stammtischBody(), date: "2026-04-29", recurrence: undefined }),
      );
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body).toMatchObject({ isDetached: true, date: "2026-04-29", seriesId: created.body.id });
      const renamed = await planner.put(
        `${base}/event-series/${created.body.id}`,
        stammtischBody({ title: "Stammtisch Segeberg", from: "19:00", exceptions: ["2026-04-14"] }),
      );
      expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
      const byDate = new Map(renamed.body.dates.map((d: { date: string; title: string }) => [d.date, d]));
      expect(byDate.get("2026-05-12")).toMatchObject({ title: "Stammtisch Segeberg", from: "19:00" });
      expect(byDate.get("2026-04-29")).toMatchObject({ title: "Stammtisch", from: "19:30" });

      // The public list and the organisation's feed: every date, each with its own stable UID.
      const list = await t.anonymous().get(`${publicBase}/events?limit=3`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((i: { date: string }) => i.date)).toEqual([
        "2026-03-03",
        "2026-03-17",
        "2026-03-31",
      ]);
      const feed = await t.anonymous().get(`${publicBase}/events.ics`);
      expect(feed.status).toBe(200);
      expect(feed.headers["content-type"]).toContain("text/calendar");
      const entries = parseCalendar(feed.text);
      const feedDates = entries.map((e) => e.startDate.toString().slice(0, 10)).sort();
      expect(feedDates).toEqual(renamed.body.dates.map((d: { date: string }) => d.date).sort());
      const summer = entries.find((e) => e.startDate.toString().startsWith("2026-05-12"));
      expect(summer?.startDate.toString()).toBe("2026-05-12T19:00:00");
      expect(summer?.startDate.zone?.tzid).toBe("Europe/Berlin");
      expect(new Set(entries.map((e) => e.uid)).size).toBe(entries.length);

      // The nightly job keeps a year of dates; a second run adds nothing.
      await runJobOnce(t.app.platform, extendSeriesJob);
      const count = (await t.app.platform.db.select().from(events).where(eq(events.organisationId, org.id)))
        .length;
      await runJobOnce(t.app.platform, extendSeriesJob);
      expect(
        (await t.app.platform.db.select().from(events).where(eq(events.organisationId, org.id))).length,
      ).toBe(count);
    });

    it("ends a series: dates with registrations are cancelled with a mail, the others disappear", async () => {
      const { org, planner, base } = await eventHost(t);
      const created = await planner.post(`${base}/event-series`, stammtischBody({ audience: "members" }));
      const caregiver = await t.member(org, ["caregiver"], "Rita Reihe");
      expect(
        (await caregiver.post(`${base}/event-series/${created.body.id}/cancel`, { reason: "x" })).status,
      ).toBe(403);
      const second = created.body.dates[1];
      expect((await caregiver.post(`${base}/member-events/${second.id}/register`, {})).status).toBe(201);
      const ended = await planner.post(`${base}/event-series/${created.body.id}/cancel`, {
        reason: "Wir treffen uns künftig monatlich.",
      });
      expect(ended.status).toBe(200);
      expect(ended.body.status).toBe("ended");
      expect(ended.body.dates.map((d: { id: string; status: string }) => [d.id, d.status])).toEqual([
        [second.id, "cancelled"],
      ]);
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(caregiver.email) && m.subject.startsWith("Abgesagt: Stammtisch"),
      );
      expect(mail.text).toContain("Wir treffen uns künftig monatlich.");
    });

    it("books members with a waiting list, moves up by mail, and cancels a date with a mail to everyone", async () => {
      const { org, planner, base } = await eventHost(t, "coordinationOffice");
      const created = await planner.post(`${base}/events`, eventBody({ audience: "parents" }));
      const id = created.body.id;
      const answers = answersFor(created.body.questions);
      const [anna, berta, carla] = [
        await t.member(org, ["parent"], "Anna Albers"),
        await t.member(org, ["parent"], "Berta Brandt"),
        await t.member(org, ["parent"], "Carla Cordes"),
      ];
      const caregiver = await t.member(org, ["caregiver"]);
      expect((await caregiver.get(`${base}/member-events/${id}`)).status).toBe(404);
      expect((await caregiver.post(`${base}/member-events/${id}/register`, { answers })).status).toBe(404);

      const missing = await anna.post(`${base}/member-events/${id}/register`, { answers: {} });
      expect(missing.status).toBe(400);
      const first = await anna.post(`${base}/member-events/${id}/register`, { answers });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body).toMatchObject({ status: "confirmed", canCancel: true });
      expect(first.body.answers[0]).toMatchObject({ label: "Ich bringe etwas zum Essen mit", value: true });
      await smtp.waitForMail(
        (m) => m.to.includes(anna.email) && m.subject === "Angemeldet: Elternabend: Eingewöhnung",
      );
      expect((await anna.post(`${base}/member-events/${id}/register`, { answers })).status).toBe(409);
      await berta.post(`${base}/member-events/${id}/register`, { answers });
      const third = await carla.post(`${base}/member-events/${id}/register`, { answers });
      expect(third.body).toMatchObject({ status: "waiting", waitingPosition: 1 });

      const left = await anna.post(`${base}/member-events/${id}/cancel-registration`);
      expect(left.body.status).toBe("cancelled");
      await smtp.waitForMail(
        (m) => m.to.includes(carla.email) && m.subject === "Sie haben einen Platz: Elternabend: Eingewöhnung",
      );
      const mine = await carla.get(`${base}/my-event-registrations`);
      expect(mine.body.items[0].registration.status).toBe("confirmed");

      const list = await planner.get(`${base}/events/${id}/registrations`);
      expect(list.body.items.map((r: { name: string; status: string }) => [r.name, r.status])).toEqual([
        ["Berta Brandt", "confirmed"],
        ["Carla Cordes", "confirmed"],
        ["Anna Albers", "cancelled"],
      ]);
      expect((await berta.get(`${base}/events/${id}/registrations`)).status).toBe(403);

      // The same list for a spreadsheet, one column per question, in the caller's language; audited.
      const csv = await planner.get(`${base}/events/${id}/registrations.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      expect(csv.headers["content-disposition"]).toMatch(/filename="anmeldungen-\d{4}-\d{2}-\d{2}\.csv"/);
      const lines = csv.text.replace(/^\uFEFF/, "").split("\r\n");
      expect(lines[0]).toBe(
        "Name;E-Mail;Art;Stand;Platz auf der Warteliste;Angemeldet am;Abgemeldet am;Anwesend;Ich bringe etwas zum Essen mit;Gruppe",
      );
      // The test clock stands at 2 March 2026, 10:00 in Berlin.
      expect(lines[1]).toBe(`Berta Brandt;${berta.email};Mitglied;Angemeldet;;02.03.26, 10:00;;;Ja;`);
      expect(lines[3]).toBe(
        `Anna Albers;${anna.email};Mitglied;Abgemeldet;;02.03.26, 10:00;02.03.26, 10:00;;Ja;`,
      );
      const english = await planner.request("GET", `${base}/events/${id}/registrations.csv`, undefined, {
        "accept-language": "en",
      });
      expect(english.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^Name;E-mail;Kind;State;/);
      expect((await berta.get(`${base}/events/${id}/registrations.csv`)).status).toBe(403);
      // Staff of another organisation learn nothing, whichever organisation the address names.
      const elsewhere = await eventHost(t, "coordinationOffice");
      expect((await elsewhere.planner.get(`${base}/events/${id}/registrations.csv`)).status).toBe(404);
      expect((await elsewhere.planner.get(`${elsewhere.base}/events/${id}/registrations.csv`)).status).toBe(
        404,
      );
      const [exported] = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "events.registrationsExported"), eq(auditEvents.entityId, id)));
      expect(exported).toMatchObject({ entityId: id, details: { count: 3 } });

      // Staff put a member on by hand (she called); the date is full, so she waits, and hears of it by mail.
      const dora = await t.member(org, ["caregiver"], "Dora Dinkel");
      const stranger = await t.createUser();
      const byHand = await planner.post(`${base}/events/${id}/registrations`, { userId: dora.userId });
      expect(byHand.status, JSON.stringify(byHand.body)).toBe(201);
      expect(byHand.body).toMatchObject({
        name: "Dora Dinkel",
        isGuest: false,
        status: "waiting",
        waitingPosition: 1,
      });
      await smtp.waitForMail(
        (m) => m.to.includes(dora.email) && m.subject.includes("Elternabend: Eingewöhnung"),
      );
      const twice = await planner.post(`${base}/events/${id}/registrations`, { userId: dora.userId });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe("eventPersonAlreadyRegistered");
      const outsider = await planner.post(`${base}/events/${id}/registrations`, { userId: stranger.id });
      expect(outsider.status).toBe(400);
      expect(outsider.body.error.fields[0]).toMatchObject({ path: "userId" });
      expect((await planner.post(`${base}/events/${id}/registrations`, { userId: "kein-id" })).status).toBe(
        400,
      );
      expect((await berta.post(`${base}/events/${id}/registrations`, { userId: berta.userId })).status).toBe(
        403,
      );
      const other = await eventHost(t, "coordinationOffice");
      expect(
        (
          await other.planner.post(`/api/orgs/${org.slug}/events/${id}/registrations`, {
            userId: dora.userId,
          })
        ).status,
      ).toBe(404);
      expect(
        (await planner.get(`${base}/events/${id}/registrations`)).body.items.map(
          (r: { name: string }) => r.name,
        ),
      ).toEqual(["Berta Brandt", "Carla Cordes", "Dora Dinkel", "Anna Albers"]);

      const badCancel = await planner.post(`${base}/events/${id}/cancel`, { reason: "" });
      expect(badCancel.status).toBe(400);
      const cancelled = await planner.post(`${base}/events/${id}/cancel`, {
        reason: "Die Referentin ist krank.",
      });
      expect(cancelled.body.status).toBe("cancelled");
      for (const person of [berta, carla]) {
        const mail = await smtp.waitForMail(
          (m) => m.to.includes(person.email) && m.subject.startsWith("Abgesagt: Elternabend"),
        );
        expect(mail.text).toContain("Die Referentin ist krank.");
      }
      expect(smtp.messages.some((m) => m.to.includes(anna.email) && m.subject.startsWith("Abgesagt:"))).toBe(
        false,
      );
    });

    it("writes to a guest in the language of the page she registered on, also after she confirmed", async () => {
      const { planner, base, publicBase } = await eventHost(t);
      const created = await planner.post(`${base}/events`, eventBody({ title: "Open day" }));
      const email = `english-guest-${t.kind}@example.org`;
      const response = await t.app.inject({
        method: "POST",
        url: `${publicBase}/events/${created.body.id}/guest-registrations`,
        payload: { name: "Grace Guest", email, answers: answersFor(created.body.questions, false) },
        headers: { "accept-language": "en" },
      });
      expect(response.statusCode).toBe(202);
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(email) && m.subject.startsWith("Please confirm"),
      );
      const token = /termine\/bestaetigen\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      expect((await t.anonymous().post(`/api/public/event-guest-confirmations/${token}`)).status).toBe(200);
      const placeMail = await smtp.waitForMail(
        (m) => m.to.includes(email) && m.subject.startsWith("Registered: Open day"),
      );
      expect(placeMail.text).toContain(`/termine/anmeldung/`);
    });

    it("confirms a guest by e-mail, lets her cancel with her own link, and keeps out machines", async () => {
      const { planner, base, publicBase } = await eventHost(t);
      const created = await planner.post(`${base}/events`, eventBody({ title: "Fachtag Kindertagespflege" }));
      const id = created.body.id;
      const answers = answersFor(created.body.questions, false);
      const guest = t.anonymous();
      const email = `gast-${t.kind}@example.org`;
      const accepted = await guest.post(`${publicBase}/events/${id}/guest-registrations`, {
        name: "Gerda Gast",
        email,
        answers,
      });
      expect(accepted.status).toBe(202);
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(email) && m.subject.startsWith("Bitte bestätigen"),
      );
      const token = /termine\/bestaetigen\/([A-Za-z0-9_-]+)/.exec(mail.text)?.[1];
      expect(token).toBeTruthy();
      const bot = await guest.post(`${publicBase}/events/${id}/guest-registrations`, {
        name: "Bot",
        email: "bot@example.org",
        answers,
        website: "http://spam.example",
      });
      expect(bot.status).toBe(202);
      const badAnswer = await guest.post(`${publicBase}/events/${id}/guest-registrations`, {
        name: "Gerda",
        email,
        answers: {},
      });
      expect(badAnswer.status).toBe(400);

      const confirmed = await guest.post(`/api/public/event-guest-confirmations/${token}`);
      expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
      expect(confirmed.body).toMatchObject({ status: "confirmed", name: "Gerda Gast", canCancel: true });
      expect((await guest.post(`/api/public/event-guest-confirmations/${token}`)).body.error.code).toBe(
        "guestLinkUsed",
      );
      const placeMail = await smtp.waitForMail(
        (m) => m.to.includes(email) && m.subject.startsWith("Angemeldet:"),
      );
      expect(placeMail.text).toContain(`/termine/anmeldung/${confirmed.body.manageToken}`);
      const staffList = await planner.get(`${base}/events/${id}/registrations`);
      expect(staffList.body.items).toHaveLength(1);
      expect(staffList.body.items[0]).toMatchObject({ name: "Gerda Gast", isGuest: true });
      expect(smtp.messages.some((m) => m.to.includes("bot@example.org"))).toBe(false);

      const view = await guest.get(`/api/public/event-registrations/${confirmed.body.manageToken}`);
      expect(view.body).toMatchObject({ status: "confirmed", event: { id } });
      const cancelled = await guest.post(
        `/api/public/event-registrations/${confirmed.body.manageToken}/cancel`,
      );
      expect(cancelled.body).toMatchObject({ status: "cancelled", canCancel: false });

      const members = await planner.post(`${base}/events`, eventBody({ audience: "members" }));
      expect(
        (
          await guest.post(`${publicBase}/events/${members.body.id}/guest-registrations`, {
            name: "G",
            email,
            answers,
          })
        ).status,
      ).toBe(404);

      t.clock.now = new Date("2026-03-05T09:00:00Z");
      try {
        const second = t.anonymous();
        await second.post(`${publicBase}/events/${id}/guest-registrations`, {
          name: "Spät",
          email: `spaet-${t.kind}@example.org`,
          answers,
        });
        const late = await smtp.waitForMail((m) => m.to.includes(`spaet-${t.kind}@example.org`));
        const lateToken = /termine\/bestaetigen\/([A-Za-z0-9_-]+)/.exec(late.text)?.[1];
        t.clock.now = new Date("2026-03-07T10:00:00Z");
        expect((await second.post(`/api/public/event-guest-confirmations/${lateToken}`)).status).toBe(410);
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }
    });

    it("reminds once the day before, lets organisers tick attendance and shows minutes to whom the board chose", async () => {
      const { org, planner, base } = await eventHost(t);
      const organiser = await t.member(org, ["member"], "Olga Organisiert");
      const created = await planner.post(
        `${base}/events`,
        eventBody({
          kind: "boardMeeting",
          audience: "members",
          date: "2026-03-04",
          organiserIds: [organiser.userId],
        }),
      );
      const id = created.body.id;
      const member = await t.member(org, ["member"], "Mia Mitglied");
      const registered = await member.post(`${base}/member-events/${id}/register`, {
        answers: answersFor(created.body.questions),
      });
      expect(registered.status).toBe(201);

      t.clock.now = new Date("2026-03-03T08:00:00Z");
      try {
        await runJobOnce(t.app.platform, eventReminderJob);
        await runJobOnce(t.app.platform, eventReminderJob);
        await smtp.waitForMail((m) => m.to.includes(member.email) && m.subject.startsWith("Erinnerung:"));
        const rows = await t.app.platform.db
          .select()
          .from(eventRegistrations)
          .where(eq(eventRegistrations.eventId, id));
        expect(rows[0]?.remindedAt).not.toBeNull();
        expect(
          smtp.messages.filter((m) => m.to.includes(member.email) && m.subject.startsWith("Erinnerung:")),
        ).toHaveLength(1);
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }

      const list = await organiser.get(`${base}/events/${id}/registrations`);
      expect(list.status).toBe(200);
      const ticked = await organiser.put(
        `${base}/events/${id}/registrations/${list.body.items[0].id}/attendance`,
        {
          attended: true,
        },
      );
      expect(ticked.body).toMatchObject({ name: "Mia Mitglied", attended: true });
      expect(
        (
          await member.put(`${base}/events/${id}/registrations/${list.body.items[0].id}/attendance`, {
            attended: false,
          })
        ).status,
      ).toBe(403);

      await planner.put(`${base}/events/${id}/minutes`, {
        agenda: "1. Begrüßung",
        minutes: "Beschlossen: Sommerfest",
        minutesVisibility: "organisers",
      });
      expect((await member.get(`${base}/member-events/${id}`)).body).toMatchObject({
        agenda: "1. Begrüßung",
        minutes: null,
      });
      expect((await organiser.get(`${base}/member-events/${id}`)).body.minutes).toBe(
        "Beschlossen: Sommerfest",
      );
      await planner.put(`${base}/events/${id}/minutes`, {
        agenda: "1. Begrüßung",
        minutes: "Beschlossen: Sommerfest",
        minutesVisibility: "members",
      });
      expect((await member.get(`${base}/member-events/${id}`)).body.minutes).toBe("Beschlossen: Sommerfest");
      expect(
        (await member.put(`${base}/events/${id}/minutes`, { minutesVisibility: "members" })).status,
      ).toBe(403);
    });

    it("puts her registered dates into her one personal feed and serves calendar files", async () => {
      const { org, planner, base, publicBase } = await eventHost(t);
      const created = await planner.post(
        `${base}/events`,
        eventBody({ registration: { enabled: true, capacity: null } }),
      );
      const member = await t.member(org, ["member"]);
      await member.post(`${base}/member-events/${created.body.id}/register`, {});
      // A full date: her place on its waiting list shows as such, tentative, beside the confirmed one.
      const full = await planner.post(
        `${base}/events`,
        eventBody({ registration: { enabled: true, capacity: 1 } }),
      );
      await (await t.member(org, ["member"])).post(`${base}/member-events/${full.body.id}/register`, {});
      const waiting = await member.post(`${base}/member-events/${full.body.id}/register`, {});
      expect(waiting.body.status).toBe("waiting");
      const feed = await member.post("/api/training-calendar-feed");
      const path = new URL(feed.body.url).pathname;
      const entries = parseCalendar((await t.anonymous().get(path)).text);
      const byUid = new Map(entries.map((e) => [e.uid, e]));
      const confirmed = byUid.get(`event-${created.body.id}@ktp-netz`);
      expect(confirmed?.summary).toBe("Elternabend: Eingewöhnung");
      expect(confirmed?.component.getFirstPropertyValue("status")).toBe("CONFIRMED");
      const onList = byUid.get(`event-${full.body.id}@ktp-netz`);
      expect(onList?.summary).toBe("Warteliste: Elternabend: Eingewöhnung");
      expect(onList?.component.getFirstPropertyValue("status")).toBe("TENTATIVE");
      const single = await t.anonymous().get(`${publicBase}/events/${created.body.id}/calendar.ics`);
      expect(parseCalendar(single.text)[0]?.summary).toBe("Elternabend: Eingewöhnung");
      const own = await member.get(`${base}/events/${created.body.id}/calendar.ics`);
      expect(own.status).toBe(200);
      await member.delete("/api/training-calendar-feed");
      expect((await t.anonymous().get(path)).status).toBe(404);
    });

    it.runIf(t.kind === "postgres")(
      "gives the last place to exactly one of two people registering at once",
      async () => {
        const { org, planner, base } = await eventHost(t);
        const created = await planner.post(
          `${base}/events`,
          eventBody({ registration: { enabled: true, capacity: 1 } }),
        );
        const id = created.body.id;
        for (let round = 0; round < 3; round++) {
          const people = [await t.member(org, ["member"]), await t.member(org, ["member"])];
          const answers = await Promise.all(
            people.map((p) => p.post(`${base}/member-events/${id}/register`, {})),
          );
          expect(answers.map((a) => a.status)).toEqual([201, 201]);
          expect(answers.map((a) => a.body.status).sort()).toEqual(["confirmed", "waiting"]);
          const list = await planner.get(`${base}/events/${id}/registrations`);
          for (const item of list.body.items.filter((r: { status: string }) => r.status !== "cancelled"))
            await planner.post(`${base}/events/${id}/registrations/${item.id}/cancel`, {
              reason: "Neuer Versuch",
            });
        }
      },
    );
  },
  { smtpUrl: () => smtp.url },
);
