import { randomUUID } from "node:crypto";
import { extractText } from "unpdf";
import { expect, it } from "vitest";
import { openPdf } from "../../../../test/support/pdf";
import { describeApi } from "../../../../test/support/test-app";
import {
  trainingAttendance,
  trainingBookings,
  trainingCertificates,
  trainingCourses,
  trainingParticipants,
  trainingSessions,
} from "./training.tables";

type CourseInsert = typeof trainingCourses.$inferInsert;

const SECRET_NAME = "Geheimname Verborgen";

describeApi("training reports", (t) => {
  /**
   * An office whose figures are worked out by hand below; the clock stands at Monday, 2 March 2026.
   * - First aid in January (finished, 9 UE in two sessions): Anna 9 UE, Ben left 1 UE early (8 < 9), Cem excused
   *   in the morning (5 UE); Dora cancelled. Anna has her certificate.
   * - First aid in February, cancelled by the office: no runs, UE or participants, one cancelled run.
   * - First aid in May (upcoming): one place taken, two waiting.
   * - A draft run and another organisation's run must not appear.
   */
  async function office() {
    const org = await t.createOrganisation();
    const other = await t.createOrganisation();
    const db = t.app.platform.db;
    const participant = async (orgId: string, name: string) => {
      const [row] = await db
        .insert(trainingParticipants)
        .values({ organisationId: orgId, name, email: `${randomUUID()}@example.org` })
        .returning({ id: trainingParticipants.id });
      return row?.id as string;
    };
    const run = async (orgId: string, overrides: Partial<CourseInsert>, sessions: [string, number][]) => {
      const [row] = await db
        .insert(trainingCourses)
        .values({
          organisationId: orgId,
          seriesId: randomUUID(),
          category: "firstAidChildren",
          title: "Erste Hilfe am Kind",
          status: "published",
          units: 9,
          minAttendancePercent: 100,
          countsTowardsObligation: false,
          validityMonths: 24,
          capacity: 12,
          startsOn: sessions[0]?.[0] ?? "2026-01-10",
          endsOn: sessions.at(-1)?.[0] ?? "2026-01-10",
          ...overrides,
        })
        .returning({ id: trainingCourses.id });
      const id = row?.id as string;
      const sessionIds: string[] = [];
      for (const [index, [date, units]] of sessions.entries()) {
        const [session] = await db
          .insert(trainingSessions)
          .values({
            organisationId: orgId,
            courseId: id,
            date,
            from: index === 0 ? "08:30" : "12:45",
            to: index === 0 ? "12:00" : "16:45",
            units,
          })
          .returning({ id: trainingSessions.id });
        sessionIds.push(session?.id as string);
      }
      return { id, sessionIds };
    };
    const book = async (
      orgId: string,
      courseId: string,
      participantId: string,
      status: "confirmed" | "waiting" | "cancelled",
      sequence: number,
    ) =>
      db.insert(trainingBookings).values({
        organisationId: orgId,
        courseId,
        seriesId: randomUUID(),
        participantId,
        status,
        bookedAt: "2025-12-01T09:00:00Z",
        sequence,
      });

    const [anna, ben, cem, dora, emil, fritz] = [
      await participant(org.id, SECRET_NAME),
      await participant(org.id, "Ben B"),
      await participant(org.id, "Cem C"),
      await participant(org.id, "Dora D"),
      await participant(org.id, "Emil E"),
      await participant(org.id, "Fritz F"),
    ] as string[] as [string, string, string, string, string, string];

    const january = await run(org.id, {}, [
      ["2026-01-10", 4],
      ["2026-01-10", 5],
    ]);
    const [s1, s2] = january.sessionIds as [string, string];
    for (const [i, p] of [anna, ben, cem].entries()) await book(org.id, january.id, p, "confirmed", i + 1);
    await book(org.id, january.id, dora, "cancelled", 4);
    const mark = (
      sessionId: string,
      participantId: string,
      status: "present" | "excused",
      earlyLeaveUnits = 0,
    ) =>
      db
        .insert(trainingAttendance)
        .values({ organisationId: org.id, sessionId, participantId, status, earlyLeaveUnits });
    await mark(s1, anna, "present");
    await mark(s2, anna, "present");
    await mark(s1, ben, "present");
    await mark(s2, ben, "present", 1);
    await mark(s1, cem, "excused");
    await mark(s2, cem, "present");
    await db.insert(trainingCertificates).values({
      organisationId: org.id,
      participantId: anna,
      courseId: january.id,
      category: "firstAidChildren",
      participantName: SECRET_NAME,
      courseTitle: "Erste Hilfe am Kind",
      units: 9,
      startedOn: "2026-01-10",
      completedOn: "2026-01-10",
      validUntil: "2028-01-10",
      countsTowardsObligation: false,
      verificationCode: `T${randomUUID().replaceAll("-", "").slice(0, 11).toUpperCase()}`,
    });

    const february = await run(org.id, { status: "cancelled" }, [["2026-02-14", 9]]);
    await book(org.id, february.id, ben, "cancelled", 1);
    const may = await run(org.id, { title: "Erste Hilfe am Kind (Mai)" }, [["2026-05-09", 9]]);
    await book(org.id, may.id, emil, "confirmed", 1);
    await book(org.id, may.id, fritz, "waiting", 2);
    await book(org.id, may.id, dora, "waiting", 3);
    await run(org.id, { status: "draft", title: "Entwurf" }, [["2026-06-01", 9]]);
    const foreign = await run(other.id, { title: "Fremder Kurs" }, [["2026-01-10", 9]]);
    await book(other.id, foreign.id, await participant(other.id, "X"), "confirmed", 1);

    const coordinator = await t.member(org, ["coordinator"]);
    return { org, other, coordinator, path: `/api/orgs/${org.slug}/training/reports` };
  }

  it("counts participants, completion, UE and waiting lists as worked out by hand", async () => {
    const { coordinator, path } = await office();
    const response = await coordinator.get(path);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ today: "2026-03-02", from: 2026, to: 2026 });
    expect(response.body.years).toEqual([
      {
        year: 2026,
        category: "firstAidChildren",
        runs: 2,
        cancelledRuns: 1,
        participants: 4,
        cancellations: 2,
        unitsTaught: 9,
        unitsAttended: 22,
        finishedParticipants: 3,
        completed: 1,
        completionRate: 1 / 3,
        waitingNow: 2,
      },
    ]);
    expect(response.body.runs.map((r: { title: string }) => r.title)).toEqual([
      "Erste Hilfe am Kind",
      "Erste Hilfe am Kind",
      "Erste Hilfe am Kind (Mai)",
    ]);
    expect(response.body.runs[0]).toMatchObject({ participants: 3, certified: 1, completed: 1 });
    expect(JSON.stringify(response.body)).not.toContain(SECRET_NAME);
  });

  it("narrows to years and a category, and refuses a range that ends before it starts", async () => {
    const { coordinator, path } = await office();
    const last = await coordinator.get(`${path}?from=2025&to=2025`);
    expect(last.body).toMatchObject({ from: 2025, to: 2025, runs: [], years: [] });
    const qhb = await coordinator.get(`${path}?category=qhbPhase1`);
    expect(qhb.body.runs).toEqual([]);
    const wrong = await coordinator.get(`${path}?from=2027&to=2026`);
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain("Das Ende muss nach dem Beginn liegen.");
    const notYear = await coordinator.get(`${path}?from=zwanzig`);
    expect(notYear.status).toBe(400);
    expect(JSON.stringify(notYear.body)).toContain("Bitte ein Jahr wie 2026 angeben.");
  });

  it("exports each table as CSV and everything as a PDF without names", async () => {
    const { coordinator, path, org } = await office();
    const csv = await coordinator.get(`${path}/years.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    expect(csv.headers["content-disposition"]).toContain(`fortbildungsbericht-${org.slug}-2026-Jahre.csv`);
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0]).toBe(
      "Jahr;Kursart;Kurse;Abgesagt;Teilnehmende;Stornos;UE unterrichtet;UE besucht;Abgeschlossen;Abschlussquote;Warteliste jetzt",
    );
    expect(lines[1]).toBe("2026;Erste Hilfe am Kind;2;1;4;2;9;22;1 / 3;33 %;2");
    const runs = await coordinator.get(`${path}/runs.csv`);
    expect(runs.text).toContain("Erste Hilfe am Kind (Mai)");
    expect(runs.text).not.toContain(SECRET_NAME);

    const pdf = await coordinator.get(`${path}.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers["content-type"]).toBe("application/pdf");
    const document = await openPdf(new Uint8Array(pdf.raw));
    const { text } = await extractText(document, { mergePages: true });
    expect(text).toContain("Fortbildungsbericht 2026");
    expect(text).toContain("Nach Jahr und Kursart");
    // Long titles wrap inside their column, so the extracted text has the second line after the row's first.
    expect(text).toContain("Kind (Mai)");
    expect(text).toContain("09.05.2026");
    expect(text).toContain("Seite 1 von");
    expect(text).not.toContain(SECRET_NAME);
  });

  it("is for staff and the youth office of the organisation only", async () => {
    const { org, other, path } = await office();
    expect((await (await t.member(org, ["youthOffice"])).get(path)).status).toBe(200);
    expect((await (await t.member(org, ["caregiver"])).get(path)).status).toBe(403);
    expect((await (await t.member(org, ["trainer"])).get(`${path}/runs.csv`)).status).toBe(403);
    expect((await (await t.member(other, ["coordinator"])).get(path)).status).toBe(404);
    expect((await t.anonymous().get(`${path}.pdf`)).status).toBe(401);
  });
});
