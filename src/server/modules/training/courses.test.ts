import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi, type TestContext } from "../../../../test/support/test-app";
import { addBookedParticipant, addParticipant, book } from "../../../../test/support/training";
import { auditEvents } from "../../platform/audit/audit.tables";
import { trainingCourses, trainingSessions } from "./training.tables";

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

function parseCalendar(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  for (const zone of component.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return {
    component,
    events: component.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent);
      return {
        uid: event.uid,
        summary: event.summary,
        sequence: event.sequence,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        location: event.location,
        description: event.description,
        status: vevent.getFirstPropertyValue("status"),
      };
    }),
  };
}

describeApi(
  "training course runs",
  (t) => {
    const { office } = trainingFixtures(t);

    it("creates a draft with the category's defaults, publishes it once complete and lists it", async () => {
      const { coordinator, base, org } = await office();
      const trainer = await t.member(org, ["trainer"], "Tina Trainer");
      const created = await coordinator.post(`${base}/training-courses`, {
        ...firstAidBody({ trainerUserIds: [trainer.userId] }),
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        status: "draft",
        units: 9,
        minAttendancePercent: 100,
        validityMonths: 24,
        countsTowardsObligation: false,
        startsOn: "2026-07-04",
        endsOn: "2026-11-07",
        capacity: 12,
        freePlaces: 12,
        cancellationDeadline: "2026-06-27",
        trainers: [{ userId: trainer.userId, name: "Tina Trainer" }],
        problems: [],
      });
      expect(created.body.sessions.map((s: { revision: number }) => s.revision)).toEqual([0, 0]);

      // The run's trainer may fetch its calendar file even before it is published; other trainers may not.
      const ics = `${base}/training-courses/${created.body.id}/calendar.ics`;
      expect((await trainer.get(ics)).status).toBe(200);
      expect((await (await t.member(org, ["trainer"])).get(ics)).status).toBe(404);

      const published = await coordinator.post(`${base}/training-courses/${created.body.id}/publish`);
      expect(published.status).toBe(200);
      expect(published.body.status).toBe("published");

      const upcoming = await coordinator.get(
        `${base}/training-courses?when=upcoming&category=firstAidChildren`,
      );
      expect(upcoming.body.items.map((c: { id: string }) => c.id)).toEqual([created.body.id]);
      expect(upcoming.body.items[0]).toMatchObject({ sessionCount: 2, nextSession: { date: "2026-07-04" } });
      const otherCategory = await coordinator.get(`${base}/training-courses?category=bgw`);
      expect(otherCategory.body.items).toEqual([]);
      const past = await coordinator.get(`${base}/training-courses?when=past`);
      expect(past.body.items).toEqual([]);

      const entries = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.entityId, created.body.id));
      expect(entries.map((e) => e.action).sort()).toEqual([
        "training.courseCreated",
        "training.coursePublished",
      ]);
    });

    it("refuses bad input with translated messages and stores nothing", async () => {
      const { coordinator, base, org } = await office();
      const outsider = await t.createUser();
      const count = async () =>
        (
          await t.app.platform.db
            .select()
            .from(trainingCourses)
            .where(eq(trainingCourses.organisationId, org.id))
        ).length;

      const bad = await coordinator.post(
        `${base}/training-courses`,
        firstAidBody({
          capacity: 0,
          sessions: [{ date: "2026-07-04", from: "12:00", to: "09:00", units: 2.3, place: "" }],
        }),
      );
      expect(bad.status).toBe(400);
      const fields = Object.fromEntries(
        bad.body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
      );
      expect(fields.capacity).toBe("Bitte eine ganze Zahl eingeben.");
      expect(fields["sessions.0.to"]).toBe("Die Endzeit muss nach der Startzeit liegen.");
      expect(fields["sessions.0.units"]).toContain("halben Schritten");
      expect(fields["sessions.0.place"]).toBe("Bitte einen Ort oder einen Online-Link angeben.");

      const english = await coordinator.request(
        "POST",
        `${base}/training-courses`,
        firstAidBody({ trainerUserIds: [outsider.id] }),
        { "accept-language": "en" },
      );
      expect(english.status).toBe(400);
      expect(english.body.error.fields).toEqual([
        { path: "trainerUserIds.0", message: "This person is not a member of the organisation." },
      ]);

      const noUnits = await coordinator.post(`${base}/training-courses`, firstAidBody({ category: "other" }));
      expect(noUnits.status).toBe(400);
      expect(noUnits.body.error.fields[0].path).toBe("units");

      const noDates = await coordinator.post(`${base}/training-courses`, firstAidBody({ sessions: [] }));
      expect(noDates.status).toBe(400);
      expect(noDates.body.error.fields[0].path).toBe("startsOn");
      expect(await count()).toBe(0);
    });

    it("refuses to publish an incomplete run and names every problem with its figures", async () => {
      const { coordinator, base } = await office();
      const draft = await coordinator.post(
        `${base}/training-courses`,
        firstAidBody({
          sessions: [
            { date: "2026-07-04", from: "09:00", to: "10:30", units: 3, place: "Raum 2" },
            { date: "2026-07-04", from: "10:00", to: "12:00", units: 2, place: "Raum 2" },
          ],
        }),
      );
      expect(draft.status).toBe(201);
      expect(draft.body.problems.map((p: { code: string }) => p.code)).toEqual([
        "sessionUnitsSum",
        "sessionUnitsExceedTime",
        "sessionOverlap",
      ]);

      const refused = await coordinator.post(`${base}/training-courses/${draft.body.id}/publish`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("validation");
      expect(refused.body.error.fields).toEqual([
        { path: "sessions", message: expect.stringContaining("ergeben zusammen nicht") },
        { path: "sessions.0.units", message: expect.stringContaining("mehr Unterrichtseinheiten") },
        { path: "sessions.1.from", message: expect.stringContaining("überschneidet sich") },
      ]);
      expect(refused.body.error.details.problems[0].message).toBe(
        "Die Termine ergeben zusammen 5 UE, der Kurs hat 9 UE.",
      );
      expect(refused.body.error.details.problems[1].message).toBe(
        "Termin 1: 3 UE passen nicht in die Zeit. Höchstens 2 UE (45 Minuten je UE).",
      );
      const still = await coordinator.get(`${base}/training-courses/${draft.body.id}`);
      expect(still.body.status).toBe("draft");

      const emptyDraft = await coordinator.post(
        `${base}/training-courses`,
        firstAidBody({ sessions: [], startsOn: "2026-09-01", endsOn: "2026-09-01" }),
      );
      expect(emptyDraft.status).toBe(201);
      const noSessions = await coordinator.post(`${base}/training-courses/${emptyDraft.body.id}/publish`);
      expect(noSessions.body.error.fields).toEqual([
        { path: "sessions", message: "Der Kurs braucht mindestens einen Termin." },
      ]);
    });

    it("raises the revision of changed sessions of a published run and tells its participants", async () => {
      const { coordinator, base, org } = await office();
      const created = await coordinator.post(`${base}/training-courses`, firstAidBody());
      const id = created.body.id;
      await coordinator.post(`${base}/training-courses/${id}/publish`);
      const anna = await addBookedParticipant(t, org.id, id, {
        name: "Anna Albers",
        email: `anna.${t.kind}@kurs.example`,
      });
      const [first, second] = created.body.sessions;

      const invalid = await coordinator.put(`${base}/training-courses/${id}`, {
        ...firstAidBody(),
        sessions: [{ ...first, units: 4 }, second],
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.error.fields[0].path).toBe("sessions");

      const moved = await coordinator.put(`${base}/training-courses/${id}`, {
        ...firstAidBody(),
        sessions: [first, { ...second, date: "2026-11-14" }],
      });
      expect(moved.status).toBe(200);
      expect(moved.body.sessions.map((s: { id: string; revision: number }) => [s.id, s.revision])).toEqual([
        [first.id, 0],
        [second.id, 1],
      ]);
      expect(moved.body.endsOn).toBe("2026-11-14");
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(anna.email) && m.subject === "Termine geändert: Erste Hilfe am Kind",
      );
      expect(mail.text).toContain("14.11.2026, 09:00–12:00 Uhr");

      const unknownSession = await coordinator.put(`${base}/training-courses/${id}`, {
        ...firstAidBody(),
        sessions: [{ ...first, id: crypto.randomUUID() }, second],
      });
      expect(unknownSession.status).toBe(400);
      expect(unknownSession.body.error.fields[0].path).toBe("sessions.0.id");
    });

    it("changes capacity through the booking rules: never below the places given, more places move people up", async () => {
      const { coordinator, base, org } = await office();
      const created = await coordinator.post(`${base}/training-courses`, firstAidBody({ capacity: 1 }));
      const id = created.body.id;
      await coordinator.post(`${base}/training-courses/${id}/publish`);
      await addBookedParticipant(t, org.id, id, { name: "Anna Albers" });
      const waiting = await addParticipant(t, org.id, {
        name: "Berta Brandt",
        email: `berta.${t.kind}@kurs.example`,
      });
      await book(t, org.id, id, waiting.id, { status: "waiting", bookedAt: "2026-02-01T10:00:00Z" });

      const body = { ...firstAidBody(), sessions: created.body.sessions };
      const fewer = await coordinator.put(`${base}/training-courses/${id}`, { ...body, capacity: 1 });
      expect(fewer.status).toBe(200);
      const more = await coordinator.put(`${base}/training-courses/${id}`, { ...body, capacity: 2 });
      expect(more.status).toBe(200);
      expect(more.body).toMatchObject({ capacity: 2, confirmedCount: 2, waitingCount: 0, freePlaces: 0 });
      await smtp.waitForMail(
        (m) => m.to.includes(waiting.email) && m.subject === "Sie haben einen Platz: Erste Hilfe am Kind",
      );
      const tooFew = await coordinator.put(`${base}/training-courses/${id}`, { ...body, capacity: 1 });
      expect(tooFew.status).toBe(409);
      expect(tooFew.body.error).toMatchObject({
        code: "trainingCapacityBelowConfirmed",
        message: "Es sind schon 2 Plätze vergeben. Weniger Plätze gehen erst, wenn jemand abgemeldet ist.",
      });
      expect((await coordinator.get(`${base}/training-courses/${id}`)).body.capacity).toBe(2);
    });

    it("cancels a run with a reason for everyone and keeps it from changing afterwards", async () => {
      const { coordinator, base, org } = await office();
      const created = await coordinator.post(`${base}/training-courses`, firstAidBody());
      const id = created.body.id;
      await coordinator.post(`${base}/training-courses/${id}/publish`);
      const anna = await addBookedParticipant(t, org.id, id, {
        name: "Anna Albers",
        email: `anna.cancel.${t.kind}@kurs.example`,
      });
      const empty = await coordinator.post(`${base}/training-courses/${id}/cancel`, { reason: " " });
      expect(empty.status).toBe(400);

      const cancelled = await coordinator.post(`${base}/training-courses/${id}/cancel`, {
        reason: "Die Referentin ist erkrankt.",
      });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body).toMatchObject({
        status: "cancelled",
        cancelledReason: "Die Referentin ist erkrankt.",
      });
      expect(cancelled.body.bookings[0]).toMatchObject({
        status: "cancelled",
        endedBy: "staff",
        endedReason: "Die Referentin ist erkrankt.",
      });
      expect(cancelled.body.sessions.map((s: { revision: number }) => s.revision)).toEqual([1, 1]);
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(anna.email) && m.subject === "Kurs abgesagt: Erste Hilfe am Kind",
      );
      expect(mail.text).toContain("Grund: Die Referentin ist erkrankt.");

      const again = await coordinator.put(`${base}/training-courses/${id}`, firstAidBody());
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("trainingCourseNotEditable");
    });

    it("copies a run to a draft of the same series on the same weekdays and reports closed days", async () => {
      const { coordinator, base } = await office();
      const created = await coordinator.post(`${base}/training-courses`, firstAidBody());
      // 2026-07-04 is a Saturday: the copy starts on the first Saturday from 2027-01-01, 2027-01-02.
      const copy = await coordinator.post(`${base}/training-courses/${created.body.id}/copy`, {
        firstSessionFrom: "2027-01-01",
        closedDays: ["2027-05-08"],
      });
      expect(copy.status).toBe(201);
      expect(copy.body.course).toMatchObject({
        seriesId: created.body.seriesId,
        status: "draft",
        startsOn: "2027-01-02",
        bookings: [],
      });
      expect(copy.body.course.sessions.map((s: { date: string }) => s.date)).toEqual([
        "2027-01-02",
        "2027-05-08",
      ]);
      expect(copy.body.sessionsOnClosedDays).toEqual([{ index: 1, date: "2027-05-08" }]);
      const detail = await coordinator.get(`${base}/training-courses/${created.body.id}`);
      expect(detail.body.otherRunsInSeries.map((r: { id: string }) => r.id)).toEqual([copy.body.course.id]);
    });

    it("serves calendar files in Berlin time, summer and winter, with stable UIDs and revisions", async () => {
      const { coordinator, base, org } = await office();
      const created = await coordinator.post(
        `${base}/training-courses`,
        firstAidBody({
          sessions: [
            { date: "2026-07-04", from: "09:00", to: "12:45", units: 5, place: "Raum 2" },
            {
              date: "2026-11-07",
              from: "09:00",
              to: "12:00",
              units: 4,
              onlineUrl: "https://meet.example/ea",
            },
          ],
        }),
      );
      const id = created.body.id;
      await coordinator.post(`${base}/training-courses/${id}/publish`);
      const file = await coordinator.get(`${base}/training-courses/${id}/calendar.ics`);
      expect(file.status).toBe(200);
      expect(file.headers["content-type"]).toBe("text/calendar; charset=utf-8");
      expect(file.text).toContain("METHOD:PUBLISH");
      const { events } = parseCalendar(file.text);
      expect(events.map((e) => [e.start, e.end])).toEqual([
        ["2026-07-04T07:00:00.000Z", "2026-07-04T10:45:00.000Z"],
        ["2026-11-07T08:00:00.000Z", "2026-11-07T11:00:00.000Z"],
      ]);
      expect(events[0]).toMatchObject({
        uid: `training-session-${created.body.sessions[0].id}@ktp-netz`,
        summary: "Erste Hilfe am Kind",
        sequence: 0,
        location: "Raum 2",
      });
      expect(events[1]?.description).toContain("https://meet.example/ea");

      const [first, second] = created.body.sessions;
      await coordinator.put(`${base}/training-courses/${id}`, {
        ...firstAidBody(),
        sessions: [{ ...first, from: "10:00", to: "13:45" }, second],
      });
      const single = await coordinator.get(
        `${base}/training-courses/${id}/sessions/${first.id}/calendar.ics`,
      );
      const [changed] = parseCalendar(single.text).events;
      expect(changed).toMatchObject({
        uid: `training-session-${first.id}@ktp-netz`,
        sequence: 1,
        start: "2026-07-04T08:00:00.000Z",
      });

      // Members without a place may not fetch a members' run; with one they may, with the online link.
      const member = await t.member(org, ["caregiver"]);
      expect((await member.get(`${base}/training-courses/${id}/calendar.ics`)).status).toBe(403);
      const participant = await addParticipant(t, org.id, { name: "Mia Meyer", userId: member.userId });
      await book(t, org.id, id, participant.id);
      const own = await member.get(`${base}/training-courses/${id}/calendar.ics`);
      expect(own.status).toBe(200);
      expect(own.text).toContain("meet.example");
      expect(
        (await t.anonymous().get(`/api/public/orgs/${org.slug}/courses/${id}/calendar.ics`)).status,
      ).toBe(404);
    });

    it("lists public runs without sign-in, without online links, and serves their calendar files", async () => {
      const { coordinator, base, org } = await office();
      const open = await coordinator.post(
        `${base}/training-courses`,
        firstAidBody({
          audience: "public",
          title: "Offener Kurs",
          sessions: [
            { date: "2026-07-04", from: "09:00", to: "12:45", units: 5, place: "Raum 2" },
            { date: "2026-11-07", from: "09:00", to: "12:00", units: 4, onlineUrl: "https://meet.example/x" },
          ],
        }),
      );
      await coordinator.post(`${base}/training-courses/${open.body.id}/publish`);
      const membersOnly = await coordinator.post(`${base}/training-courses`, firstAidBody());
      await coordinator.post(`${base}/training-courses/${membersOnly.body.id}/publish`);
      await coordinator.post(
        `${base}/training-courses`,
        firstAidBody({ audience: "public", title: "Entwurf" }),
      );

      const anonymous = t.anonymous();
      const list = await anonymous.get(`/api/public/orgs/${org.slug}/courses`);
      expect(list.status).toBe(200);
      expect(list.body.organisationName).toBe(org.name);
      expect(list.body.items.map((c: { title: string }) => c.title)).toEqual(["Offener Kurs"]);
      expect(list.body.items[0]).toMatchObject({
        freePlaces: 12,
        bookingOpen: true,
        trainers: ["DRK Beckum"],
      });
      expect(list.body.items[0].sessions[1]).toMatchObject({ isOnline: true, onlineUrl: null });
      expect(
        (await anonymous.get(`/api/public/orgs/${org.slug}/courses/${membersOnly.body.id}`)).status,
      ).toBe(404);
      const ics = await anonymous.get(`/api/public/orgs/${org.slug}/courses/${open.body.id}/calendar.ics`);
      expect(ics.status).toBe(200);
      expect(ics.text).not.toContain("meet.example");

      const youthOffice = await t.createOrganisation({ kind: "youthOffice" });
      expect((await anonymous.get(`/api/public/orgs/${youthOffice.slug}/courses`)).status).toBe(404);
    });

    it("keeps course runs to their organisation's staff", async () => {
      const { coordinator, base, org } = await office();
      const created = await coordinator.post(`${base}/training-courses`, firstAidBody());
      const url = `${base}/training-courses/${created.body.id}`;
      const other = await office();
      expect((await other.coordinator.get(url)).status).toBe(404);
      expect((await other.coordinator.get(`${other.base}/training-courses/${created.body.id}`)).status).toBe(
        404,
      );
      expect(
        (await other.coordinator.post(`${other.base}/training-courses/${created.body.id}/publish`)).status,
      ).toBe(404);
      for (const roles of [["parent"], ["youthOffice"], ["trainer"], ["caregiver"]] as const) {
        const member = await t.member(org, [...roles]);
        expect((await member.get(url)).status, roles[0]).toBe(403);
        expect((await member.post(`${base}/training-courses`, firstAidBody())).status, roles[0]).toBe(403);
        expect((await member.post(`${url}/publish`)).status, roles[0]).toBe(403);
        expect((await member.get(`${base}/training-people`)).status, roles[0]).toBe(403);
      }
      const youthOffice = await t.createOrganisation({ kind: "youthOffice" });
      const officer = await t.member(youthOffice, ["admin"]);
      expect((await officer.get(`/api/orgs/${youthOffice.slug}/training-courses`)).status).toBe(404);
      const stored = await t.app.platform.db
        .select()
        .from(trainingSessions)
        .where(eq(trainingSessions.courseId, created.body.id));
      expect(stored).toHaveLength(2);
      expect(
        (
          await t.app.platform.db
            .select()
            .from(trainingCourses)
            .where(eq(trainingCourses.organisationId, org.id))
        ).length,
      ).toBe(1);
    });

    it("lists the organisation's members with their roles for picking trainers and participants", async () => {
      const { coordinator, base, org } = await office("association");
      await t.member(org, ["trainer", "member"], "Tina Trainer");
      const people = await coordinator.get(`${base}/training-people`);
      expect(people.status).toBe(200);
      expect(people.body.items).toEqual([
        expect.objectContaining({ name: "Clara Koch", roles: ["board"] }),
        expect.objectContaining({ name: "Tina Trainer", roles: ["trainer", "member"] }),
      ]);
    });
  },
  { smtpUrl: () => smtp.url },
);

describeApi("training catalogue of the demo seed", (t) => {
  it("seeds complete runs for Beckum and Segeberg, with bookings and a public evening", async () => {
    const { seedDemoIfEmpty } = await import("../../../../scripts/seed/demo");
    expect(await seedDemoIfEmpty(t.app.platform)).not.toBeNull();
    const coordinator = await t.signIn("fachberatung@demo.ktp-netz.de", "demo-passwort-2026");
    const runs = await coordinator.get("/api/orgs/beckum/training-courses?when=all");
    expect(runs.status).toBe(200);
    expect(runs.body.items.map((r: { category: string }) => r.category).sort()).toEqual([
      "firstAidChildren",
      "parentCommunication",
      "qhbPhase1",
    ]);
    for (const item of runs.body.items) {
      const detail = await coordinator.get(`/api/orgs/beckum/training-courses/${item.id}`);
      expect(detail.body.problems, item.title).toEqual([]);
    }
    const qhb = runs.body.items.find((r: { category: string }) => r.category === "qhbPhase1");
    expect(qhb).toMatchObject({ units: 160, confirmedCount: 6 });
    const publicList = await t.anonymous().get("/api/public/orgs/beckum/courses");
    expect(publicList.body.items).toHaveLength(1);

    const board = await t.signIn("vorstand@demo.ktp-netz.de", "demo-passwort-2026");
    const association = await board.get("/api/orgs/verein-segeberg/training-courses?when=all");
    expect(association.body.items.map((r: { category: string }) => r.category).sort()).toEqual([
      "bgw",
      "dataProtection",
      "firstAidChildren",
    ]);
    for (const item of association.body.items) {
      const detail = await board.get(`/api/orgs/verein-segeberg/training-courses/${item.id}`);
      expect(detail.body.problems, item.title).toEqual([]);
    }
    const anna = await t.signIn("tagesmutter@demo.ktp-netz.de", "demo-passwort-2026");
    const mine = await anna.get("/api/orgs/verein-segeberg/my-training-bookings");
    expect(mine.body.items[0]).toMatchObject({ status: "confirmed", category: "dataProtection" });
    expect(mine.body.items[0].sessions[0].onlineUrl).toBe("https://meet.example/datenschutz-abend");
  }, 60_000);
});
