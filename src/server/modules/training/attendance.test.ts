import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeApi } from "../../../../test/support/test-app";
import {
  addBookedParticipant,
  addParticipant,
  book,
  createRun,
  recordAttendance,
} from "../../../../test/support/training";
import { auditEvents } from "../../platform/audit/audit.tables";
import { trainingAssessments, trainingAttendance, trainingPracticeEntries } from "./training.tables";

// The test clock: 2026-03-02 09:00 UTC, 10:00 in Germany.
const PAST = "2026-02-20";
const TODAY = "2026-03-02";
const FUTURE = "2026-03-10";

describeApi("training: attendance, assessments, practice hours and completion", (t) => {
  async function setUp() {
    const org = await t.createOrganisation();
    const coordinator = await t.member(org, ["coordinator"]);
    const trainer = await t.member(org, ["trainer"], "Tina Trainerin");
    const run = await createRun(t, org.id, {
      category: "other",
      title: "Eingewöhnung gestalten",
      minAttendancePercent: 80,
      sessions: [
        { date: PAST, from: "09:00", to: "12:00", units: 4 },
        { date: TODAY, from: "09:30", to: "11:00", units: 2 },
        { date: FUTURE, from: "09:00", to: "12:00", units: 4 },
      ],
      trainerUserIds: [trainer.userId],
    });
    const ada = await addBookedParticipant(t, org.id, run.id, { name: "Ada Albers" });
    const bea = await addBookedParticipant(t, org.id, run.id, { name: "Bea Brandt" });
    const cem = await addBookedParticipant(t, org.id, run.id, { name: "Cem Çelik" });
    const base = `/api/orgs/${org.slug}/training`;
    const [past, today, future] = run.sessions as [
      (typeof run.sessions)[0],
      (typeof run.sessions)[0],
      (typeof run.sessions)[0],
    ];
    return { org, coordinator, trainer, run, ada, bea, cem, base, past, today, future };
  }

  const attendanceRows = async (organisationId: string) =>
    t.app.platform.db
      .select()
      .from(trainingAttendance)
      .where(eq(trainingAttendance.organisationId, organisationId));

  it("lets a trainer mark a whole session of her run and shows sheet and summaries", async () => {
    const { org, trainer, run, ada, bea, cem, base, past } = await setUp();
    const saved = await trainer.put(`${base}/courses/${run.id}/sessions/${past.id}/attendance`, {
      records: [
        { participantId: ada.id, status: "present", lateUnits: 0.5 },
        { participantId: bea.id, status: "excused" },
        { participantId: cem.id, status: "absent" },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.sessions.map((s: { isFuture: boolean }) => s.isFuture)).toEqual([false, false, true]);
    expect(saved.body.records).toHaveLength(3);
    const adaRecord = saved.body.records.find((r: { participantId: string }) => r.participantId === ada.id);
    expect(adaRecord).toMatchObject({
      status: "present",
      lateUnits: 0.5,
      earlyLeaveUnits: 0,
      attendedUnits: 3.5,
    });
    const summaryOf = (id: string) =>
      saved.body.participants.find((p: { participantId: string }) => p.participantId === id).summary;
    expect(summaryOf(ada.id)).toMatchObject({
      plannedUnits: 10,
      attendedUnits: 3.5,
      missedUnits: 0.5,
      excusedUnits: 0,
      lastAttendedOn: PAST,
      requiredUnits: 8,
      upcomingSessionIds: [run.sessions[2]?.id],
      unrecordedSessionIds: [run.sessions[1]?.id],
    });
    expect(summaryOf(bea.id)).toMatchObject({ attendedUnits: 0, excusedUnits: 4, missedUnits: 0 });
    expect(summaryOf(cem.id)).toMatchObject({ attendedUnits: 0, missedUnits: 4 });

    // Saving again replaces the records (one per session and person), and only those listed.
    const corrected = await trainer.put(`${base}/courses/${run.id}/sessions/${past.id}/attendance`, {
      records: [{ participantId: cem.id, status: "present", earlyLeaveUnits: 1 }],
    });
    expect(corrected.status).toBe(200);
    const rows = await attendanceRows(org.id);
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.participantId === cem.id)).toMatchObject({
      status: "present",
      earlyLeaveUnits: 1,
    });
    expect(rows.find((r) => r.participantId === ada.id)).toMatchObject({ status: "present", lateUnits: 0.5 });
    expect(rows.every((r) => r.recordedByUserId === trainer.userId)).toBe(true);

    const audits = await t.app.platform.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.organisationId, org.id), eq(auditEvents.action, "training.attendanceRecorded")),
      );
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ entityType: "trainingAttendance", entityId: past.id });
    expect(audits[0]?.details).toMatchObject({ courseId: run.id, present: 1, excused: 1, absent: 1 });
  });

  it("refuses lines that break the rules, with translated messages, and saves none of them", async () => {
    const { org, coordinator, run, ada, bea, cem, base, past } = await setUp();
    const waiting = await addParticipant(t, org.id, { name: "Dora Warteliste" });
    await book(t, org.id, run.id, waiting.id, { status: "waiting" });
    const url = `${base}/courses/${run.id}/sessions/${past.id}/attendance`;
    const refused = await coordinator.put(url, {
      records: [
        { participantId: ada.id, status: "present", lateUnits: 0.3 },
        { participantId: bea.id, status: "excused", lateUnits: 1 },
        { participantId: cem.id, status: "present", lateUnits: 2.5, earlyLeaveUnits: 2 },
        { participantId: waiting.id, status: "present" },
        { participantId: ada.id, status: "absent" },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("validation");
    expect(refused.body.error.fields).toEqual([
      { path: "records.0.lateUnits", message: "Bitte in halben UE angeben: 0, 0,5, 1, 1,5 …" },
      { path: "records.1.lateUnits", message: "Zu spät oder früher gegangen gibt es nur bei „anwesend“." },
      { path: "records.2.earlyLeaveUnits", message: "Zusammen sind das mehr UE, als der Termin hat." },
      { path: "records.3.participantId", message: "Diese Person hat keinen festen Platz in diesem Kurs." },
      { path: "records.4.participantId", message: "Diese Person steht zweimal in der Liste." },
    ]);
    expect(await attendanceRows(org.id)).toHaveLength(0);

    const english = await coordinator.put(`${url}?lang=en`, {
      records: [{ participantId: ada.id, status: "present", lateUnits: 0.3 }],
    });
    expect(english.body.error.fields[0].message).toBe("Please give half units: 0, 0.5, 1, 1.5 …");
    // Negative figures are caught by the schema already.
    const negative = await coordinator.put(url, {
      records: [{ participantId: ada.id, status: "present", lateUnits: -1 }],
    });
    expect(negative.status).toBe(400);
    expect(negative.body.error.fields[0].path).toBe("records.0.lateUnits");
    expect(await attendanceRows(org.id)).toHaveLength(0);
  });

  it("refuses sessions that have not started yet", async () => {
    const { org, trainer, run, ada, base, future } = await setUp();
    const later = await createRun(t, org.id, {
      sessions: [{ date: TODAY, from: "14:00", to: "21:00", units: 9 }],
      trainerUserIds: [trainer.userId],
    });
    const laterBooked = await addBookedParticipant(t, org.id, later.id, { name: "Eva Ernst" });
    const tomorrow = await trainer.put(`${base}/courses/${run.id}/sessions/${future.id}/attendance`, {
      records: [{ participantId: ada.id, status: "present" }],
    });
    expect(tomorrow.status).toBe(409);
    expect(tomorrow.body.error.code).toBe("sessionNotStarted");
    expect(tomorrow.body.error.message).toContain("noch nicht begonnen");
    const laterUrl = `${base}/courses/${later.id}/sessions/${later.sessions[0]?.id}/attendance`;
    const body = { records: [{ participantId: laterBooked.id, status: "present" }] };
    const beforeStart = await trainer.put(laterUrl, body);
    expect(beforeStart.status).toBe(409);
    expect(await attendanceRows(org.id)).toHaveLength(0);
    const saved = t.clock.now;
    try {
      // 14:05 in Germany (CET, UTC+1): the session has begun.
      t.clock.now = new Date("2026-03-02T13:05:00Z");
      expect((await trainer.put(laterUrl, body)).status).toBe(200);
    } finally {
      t.clock.now = saved;
    }
  });

  it("lets trainers mark only their own runs; staff all; parents and outsiders nothing", async () => {
    const { org, coordinator, trainer, run, ada, base, past } = await setUp();
    const otherTrainer = await t.member(org, ["trainer"]);
    const parent = await t.member(org, ["parent"]);
    const otherOrg = await t.createOrganisation();
    const outsider = await t.member(otherOrg, ["coordinator"]);
    const body = { records: [{ participantId: ada.id, status: "present" }] };
    const sheetUrl = `${base}/courses/${run.id}/attendance`;
    const saveUrl = `${base}/courses/${run.id}/sessions/${past.id}/attendance`;

    expect((await otherTrainer.get(sheetUrl)).status).toBe(403);
    expect((await otherTrainer.put(saveUrl, body)).status).toBe(403);
    expect((await parent.get(sheetUrl)).status).toBe(403);
    expect((await parent.put(saveUrl, body)).status).toBe(403);
    expect((await outsider.get(sheetUrl)).status).toBe(404);
    expect((await outsider.put(saveUrl, body)).status).toBe(404);
    // Staff of another organisation do not find this run through their own organisation either.
    const ownBase = `/api/orgs/${otherOrg.slug}/training`;
    expect((await outsider.get(`${ownBase}/courses/${run.id}/attendance`)).status).toBe(404);
    expect(
      (await outsider.put(`${ownBase}/courses/${run.id}/sessions/${past.id}/attendance`, body)).status,
    ).toBe(404);
    expect((await t.anonymous().get(sheetUrl)).status).toBe(401);
    // A trainer records attendance but no results and no certificates.
    expect((await trainer.get(`${base}/courses/${run.id}/results`)).status).toBe(403);
    expect(
      (
        await trainer.post(`${base}/courses/${run.id}/participants/${ada.id}/assessments`, {
          kind: "phaseAssessment",
          passed: true,
          on: PAST,
        })
      ).status,
    ).toBe(403);
    expect(await attendanceRows(org.id)).toHaveLength(0);

    expect((await trainer.get(sheetUrl)).status).toBe(200);
    expect((await coordinator.put(saveUrl, body)).status).toBe(200);

    const mine = await trainer.get(`${base}/attendance`);
    const all = await coordinator.get(`${base}/attendance`);
    expect(mine.body.map((r: { id: string }) => r.id)).toEqual([run.id]);
    await createRun(t, org.id, { title: "Ohne Tina" });
    expect((await coordinator.get(`${base}/attendance`)).body).toHaveLength(all.body.length + 1);
    expect((await trainer.get(`${base}/attendance`)).body).toHaveLength(1);
    expect(mine.body[0]).toMatchObject({ sessionCount: 3, confirmedParticipants: 3, sessionsToRecord: 2 });
    expect((await otherTrainer.get(`${base}/attendance`)).body).toEqual([]);
  });

  it("reports exactly what is missing for completion, with the figures", async () => {
    const org = await t.createOrganisation();
    const coordinator = await t.member(org, ["coordinator"]);
    const run = await createRun(t, org.id, {
      category: "qhbPhase1",
      title: "QHB Phase 1",
      sessions: [
        { date: "2026-02-10", from: "09:00", to: "15:00", units: 8 },
        { date: "2026-02-17", from: "09:00", to: "15:00", units: 8 },
        { date: "2026-03-20", from: "09:00", to: "15:00", units: 8 },
      ],
    });
    const ada = await addBookedParticipant(t, org.id, run.id, { name: "Ada Albers" });
    const bea = await addBookedParticipant(t, org.id, run.id, { name: "Bea Brandt" });
    await recordAttendance(t, org.id, [run.sessions[0]?.id ?? ""], ada.id, "present");
    await recordAttendance(t, org.id, [run.sessions[1]?.id ?? ""], ada.id, "absent");
    await recordAttendance(t, org.id, [run.sessions[0]?.id ?? ""], bea.id, "present");
    const base = `/api/orgs/${org.slug}/training/courses/${run.id}`;

    const failed = await coordinator.post(`${base}/participants/${ada.id}/assessments`, {
      kind: "phaseAssessment",
      passed: false,
      on: "2026-02-17",
    });
    expect(failed.status, JSON.stringify(failed.body)).toBe(201);
    const kita = await coordinator.post(`${base}/participants/${ada.id}/practice`, {
      placeKind: "kita",
      placeName: "Kita Sonnenschein",
      from: "2026-02-02",
      to: "2026-02-06",
      hours: 30,
      confirmedOn: "2026-02-09",
      confirmedBy: "Frau Leitung",
    });
    expect(kita.status, JSON.stringify(kita.body)).toBe(201);
    const unconfirmed = await coordinator.post(`${base}/participants/${ada.id}/practice`, {
      placeKind: "kita",
      placeName: "Kita Sonnenschein",
      from: "2026-02-09",
      to: "2026-02-10",
      hours: 7.5,
    });
    expect(unconfirmed.status).toBe(201);

    const results = await coordinator.get(`${base}/results`);
    expect(results.status).toBe(200);
    const of = (id: string) =>
      results.body.participants.find((p: { participantId: string }) => p.participantId === id);
    expect(of(ada.id).completion).toEqual({
      isComplete: false,
      requiredUnits: 22,
      attendedUnits: 8,
      completedOn: null,
      missing: [
        { code: "sessionsUpcoming", sessions: 1 },
        { code: "attendanceBelowMinimum", requiredUnits: 22, attendedUnits: 8, missingUnits: 14 },
        { code: "assessmentFailed", assessment: "phaseAssessment", attempts: 1 },
        {
          code: "practiceHoursMissing",
          placeKind: "kita",
          requiredHours: 40,
          confirmedHours: 30,
          unconfirmedHours: 7.5,
          missingHours: 10,
        },
        {
          code: "practiceHoursMissing",
          placeKind: "dayCare",
          requiredHours: 40,
          confirmedHours: 0,
          unconfirmedHours: 0,
          missingHours: 40,
        },
      ],
    });
    expect(of(bea.id).completion.missing.slice(0, 2)).toEqual([
      { code: "sessionsUpcoming", sessions: 1 },
      { code: "attendanceNotRecorded", sessions: 1 },
    ]);
    expect(of(bea.id).completion.missing).toContainEqual({
      code: "assessmentMissing",
      assessment: "phaseAssessment",
    });
    expect(of(ada.id).assessments).toMatchObject([
      { kind: "phaseAssessment", passed: false, on: "2026-02-17" },
    ]);
    expect(of(ada.id).practice).toHaveLength(2);
    expect(of(ada.id).certificate).toBeNull();
  });

  it("checks assessments and practice hours, confirms later and deletes only unconfirmed entries", async () => {
    const org = await t.createOrganisation();
    const coordinator = await t.member(org, ["coordinator"]);
    const run = await createRun(t, org.id, {
      category: "qhbPhase1",
      sessions: [{ date: "2026-02-10", from: "09:00", to: "15:00", units: 8 }],
    });
    const plain = await createRun(t, org.id, { category: "firstAidChildren" });
    const ada = await addBookedParticipant(t, org.id, run.id, { name: "Ada Albers" });
    const onPlain = await addBookedParticipant(t, org.id, plain.id, {
      name: "Ada Albers",
      email: "ada2@x.example",
    });
    const base = `/api/orgs/${org.slug}/training/courses/${run.id}`;
    const practice = (overrides: Record<string, unknown>) =>
      coordinator.post(`${base}/participants/${ada.id}/practice`, {
        placeKind: "dayCare",
        placeName: "KTP Anna Beispiel",
        from: "2026-02-16",
        to: "2026-02-17",
        hours: 12,
        ...overrides,
      });

    const colloquium = await coordinator.post(`${base}/participants/${ada.id}/assessments`, {
      kind: "colloquium",
      passed: true,
      on: "2026-02-20",
    });
    expect(colloquium.status).toBe(400);
    expect(colloquium.body.error.fields).toEqual([
      { path: "kind", message: "Dieser Kurs hat keine solche Prüfung." },
    ]);
    const ahead = await coordinator.post(`${base}/participants/${ada.id}/assessments`, {
      kind: "phaseAssessment",
      passed: true,
      on: "2026-03-03",
    });
    expect(ahead.body.error.fields).toEqual([
      { path: "on", message: "Das Datum darf nicht in der Zukunft liegen." },
    ]);

    const quarter = await practice({ hours: 7.3 });
    expect(quarter.body.error.fields).toEqual([
      { path: "hours", message: "Bitte Stunden in Viertelstunden über 0 angeben, zum Beispiel 7,5." },
    ]);
    const tooMany = await practice({ hours: 20.25 });
    expect(tooMany.body.error.fields).toEqual([
      { path: "hours", message: "Mehr als 10 Stunden pro Tag des Zeitraums sind nicht möglich." },
    ]);
    const notOver = await practice({ to: "2026-03-05" });
    expect(notOver.body.error.fields[0].path).toBe("to");
    const early = await practice({ confirmedOn: "2026-02-16", confirmedBy: "Anna Beispiel" });
    expect(early.body.error.fields).toEqual([
      { path: "confirmedOn", message: "Die Bestätigung kann nicht vor dem Ende des Zeitraums liegen." },
    ]);
    const nobody = await practice({ confirmedOn: "2026-02-18" });
    expect(nobody.body.error.fields[0].path).toBe("confirmedBy");
    const notHere = await coordinator.post(
      `/api/orgs/${org.slug}/training/courses/${plain.id}/participants/${onPlain.id}/practice`,
      { placeKind: "kita", placeName: "Kita", from: "2026-02-16", to: "2026-02-17", hours: 8 },
    );
    expect(notHere.body.error.fields).toEqual([
      { path: "placeKind", message: "Dieser Kurs sieht keine Praxisstunden vor." },
    ]);
    const stored = () =>
      t.app.platform.db
        .select()
        .from(trainingPracticeEntries)
        .where(eq(trainingPracticeEntries.organisationId, org.id));
    expect(await stored()).toHaveLength(0);
    expect(
      await t.app.platform.db
        .select()
        .from(trainingAssessments)
        .where(eq(trainingAssessments.organisationId, org.id)),
    ).toHaveLength(0);

    const added = await practice({});
    expect(added.status).toBe(201);
    const entry = added.body.practice[0];
    expect(entry).toMatchObject({ hours: 12, confirmedOn: null, confirmedBy: null });
    const second = await practice({ from: "2026-02-23", to: "2026-02-23", hours: 6 });
    const secondId = second.body.practice.find((p: { from: string }) => p.from === "2026-02-23").id;
    const tooSoon = await coordinator.post(`${base}/practice/${entry.id}/confirm`, {
      confirmedOn: "2026-02-16",
      confirmedBy: "Anna Beispiel",
    });
    expect(tooSoon.status).toBe(400);
    const confirmed = await coordinator.post(`${base}/practice/${entry.id}/confirm`, {
      confirmedOn: "2026-02-20",
      confirmedBy: "Anna Beispiel",
    });
    expect(confirmed.status).toBe(200);
    const dayCare = confirmed.body.completion.missing.find(
      (m: { code: string; placeKind?: string }) => m.placeKind === "dayCare",
    );
    expect(dayCare).toMatchObject({ confirmedHours: 12, unconfirmedHours: 6, missingHours: 28 });
    expect(
      (
        await coordinator.post(`${base}/practice/${entry.id}/confirm`, {
          confirmedOn: "2026-02-21",
          confirmedBy: "Anna Beispiel",
        })
      ).body.error.code,
    ).toBe("practiceEntryConfirmed");

    const refused = await coordinator.delete(`${base}/practice/${entry.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("practiceEntryConfirmed");
    const deleted = await coordinator.delete(`${base}/practice/${secondId}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.practice.map((p: { id: string }) => p.id)).toEqual([entry.id]);
    expect(await stored()).toHaveLength(1);

    // Other organisations' staff find neither the run nor the entry.
    const otherOrg = await t.createOrganisation();
    const outsider = await t.member(otherOrg, ["coordinator"]);
    expect(
      (await outsider.delete(`/api/orgs/${otherOrg.slug}/training/courses/${run.id}/practice/${entry.id}`))
        .status,
    ).toBe(404);
    expect((await outsider.get(`${base}/results`)).status).toBe(404);
    const parent = await t.member(org, ["parent"]);
    expect((await parent.get(`${base}/results`)).status).toBe(403);
    expect((await parent.delete(`${base}/practice/${entry.id}`)).status).toBe(403);

    const audit = await t.app.platform.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, org.id), eq(auditEvents.entityType, "trainingResult")));
    expect(audit.map((a) => a.action).sort()).toEqual([
      "training.practiceAdded",
      "training.practiceAdded",
      "training.practiceConfirmed",
      "training.practiceDeleted",
    ]);
  });
});
