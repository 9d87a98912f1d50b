import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import { sqlRows, startLoggingApp } from "../../../../test/support/logging-app";
import { insertCareContract } from "../../../../test/support/placement";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { type Client, describeApi, type TestContext } from "../../../../test/support/test-app";
import { caregivers } from "../caregivers/caregivers.tables";
import { updateUser } from "../identity/identity.repository";
import { runSurveyJob } from "./surveys.service";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

type Member = Client & { userId: string; email: string };

/** Answers to the parents' template: the required ones and a free text that marks whose answer it is. */
function parentAnswers(mark: string, rating = 4) {
  return {
    gesamt: rating,
    austausch: 5,
    empfehlen: "yes",
    ausfall: "no",
    verlaesslich: { zeiten: 4, wohl: 5 },
    gut: mark,
  };
}

async function tokenFromMail(email: string): Promise<string> {
  const mail = await smtp.waitForMail((m) => m.to.includes(email));
  const match = /\/umfrage#([A-Za-z0-9_-]{20,})/.exec(mail.text);
  if (!match?.[1]) throw new Error(`no survey link in ${mail.text}`);
  return match[1];
}

/** An office with a coordinator and `n` parents, each with an active care contract. */
async function officeWithParents(t: TestContext, n: number) {
  const office = await t.createOrganisation({ name: "Fachberatung Ahlen" });
  const coordinator = await t.member(office, ["coordinator"], "Cora Koordination");
  const caregiver = await t.member(office, ["caregiver"], "Anna Tagesmutter");
  const [registry] = await t.app.platform.db
    .insert(caregivers)
    .values({
      organisationId: office.id,
      userId: caregiver.userId,
      firstName: "Anna",
      lastName: "Tagesmutter",
      postalCode: "59269",
      town: "Beckum",
    })
    .returning({ id: caregivers.id });
  const parents: Member[] = [];
  for (let i = 0; i < n; i++) {
    const parent = await t.member(office, ["parent"], `Elternteil ${i + 1}`);
    await insertCareContract(t, office.id, parent.userId, { caregiverId: registry?.id ?? "" });
    parents.push(parent);
  }
  return { office, coordinator, caregiver, parents };
}

describeApi(
  "surveys",
  (t) => {
    beforeEach(() => {
      t.clock.now = new Date("2026-03-02T09:00:00Z");
    });

    it("invites parents with a contract in their language, withholds results below five, reminds only the silent", async () => {
      const { office, coordinator, parents } = await officeWithParents(t, 6);
      const [first, second, third, fourth, fifth, sixth] = parents as [
        Member,
        Member,
        Member,
        Member,
        Member,
        Member,
      ];
      await updateUser(t.app.platform.db, sixth.userId, { locale: "en" });
      const withoutContract = await t.member(office, ["parent"], "Nina Ohnevertrag");
      const base = `/api/orgs/${office.slug}/surveys`;

      const created = await coordinator.post(base, {
        title: "Elternbefragung 2026",
        template: "parents",
        audience: "parentsWithContract",
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: "draft", invited: 0, responses: 0 });
      expect(created.body.definition.sections.map((s: { id: string }) => s.id)).toEqual([
        "betreuung",
        "eingewoehnung",
        "alltag",
        "austausch",
        "zum-schluss",
      ]);
      const id = created.body.id;

      // Edited while a draft: a condition on a later question is refused with a translated message, no change.
      const broken = structuredClone(created.body.definition);
      broken.sections[0].questions[0].condition = { questionId: "gut", anyOf: ["x"] };
      const refused = await coordinator.request(
        "PUT",
        `${base}/${id}`,
        { title: "Neu", audience: "parentsWithContract", closesOn: null, definition: broken },
        { "accept-language": "en" },
      );
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields).toEqual([
        {
          path: "definition.sections.0.questions.0.condition",
          message: "The condition must refer to an earlier question and one of its answers.",
        },
      ]);
      expect((await coordinator.get(`${base}/${id}`)).body.title).toBe("Elternbefragung 2026");
      const edited = await coordinator.put(`${base}/${id}`, {
        title: "Elternbefragung Frühjahr 2026",
        audience: "parentsWithContract",
        closesOn: "2026-03-20",
        definition: created.body.definition,
      });
      expect(edited.status).toBe(200);

      smtp.clear();
      const opened = await coordinator.post(`${base}/${id}/open`, {});
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({ status: "open", invited: 6, openedOn: "2026-03-02" });
      const english = await smtp.waitForMail((m) => m.to.includes(sixth.email));
      expect(english.subject).toBe("Survey from Fachberatung Ahlen: Elternbefragung Frühjahr 2026");
      expect(english.text).toContain("You can answer until 20 March 2026.");
      const german = await smtp.waitForMail((m) => m.to.includes(first.email));
      expect(german.subject).toBe("Umfrage von Fachberatung Ahlen: Elternbefragung Frühjahr 2026");
      expect(german.text).toContain("Sie können bis zum 20.03.2026 antworten.");
      await t.app.platform.mailer.flush();
      expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(parents.map((p) => p.email).sort());
      expect(
        (
          await coordinator.put(`${base}/${id}`, {
            title: "Zu spät",
            audience: "parents",
            closesOn: null,
            definition: created.body.definition,
          })
        ).status,
      ).toBe(409);

      // The link opens the form in the invitation's language, without signing in.
      const tokenOf = new Map<Member, string>();
      for (const parent of parents) tokenOf.set(parent, await tokenFromMail(parent.email));
      const form = await t.anonymous().post("/api/survey-links/form", { token: tokenOf.get(sixth) });
      expect(form.status).toBe(200);
      expect(form.body).toMatchObject({
        locale: "en",
        organisationName: "Fachberatung Ahlen",
        closesOn: "2026-03-20",
      });
      expect((await t.anonymous().post("/api/survey-links/form", { token: "x".repeat(43) })).status).toBe(
        404,
      );

      // In the app: the invited parent sees the survey, the parent without a contract does not.
      expect((await withoutContract.get(`/api/orgs/${office.slug}/survey-invitations`)).body).toEqual([]);
      expect((await first.get(`/api/orgs/${office.slug}/survey-invitations`)).body).toEqual([
        { surveyId: id, title: "Elternbefragung Frühjahr 2026", closesOn: "2026-03-20" },
      ]);
      expect((await withoutContract.get(`/api/orgs/${office.slug}/survey-invitations/${id}`)).status).toBe(
        404,
      );

      // A required answer missing: refused, nothing stored, the link still works.
      const missing = await t.anonymous().post("/api/survey-links/answers", {
        token: tokenOf.get(second),
        answers: { gut: "Alles" },
      });
      expect(missing.status).toBe(400);
      expect(missing.body.error.fields.map((f: { path: string }) => f.path)).toEqual([
        "answers.gesamt",
        "answers.austausch",
        "answers.empfehlen",
      ]);
      expect(missing.body.error.fields[0].message).toBe("Bitte beantworten Sie diese Frage.");

      expect(
        (
          await first.post(`/api/orgs/${office.slug}/survey-invitations/${id}/answers`, {
            answers: parentAnswers("a"),
          })
        ).status,
      ).toBe(200);
      expect((await first.get(`/api/orgs/${office.slug}/survey-invitations`)).body).toEqual([]);
      expect(
        (
          await t
            .anonymous()
            .post("/api/survey-links/answers", { token: tokenOf.get(first), answers: parentAnswers("b") })
        ).status,
      ).toBe(409);
      expect(
        (
          await t
            .anonymous()
            .post("/api/survey-links/answers", { token: tokenOf.get(second), answers: parentAnswers("b", 2) })
        ).status,
      ).toBe(200);
      const reused = await t
        .anonymous()
        .post("/api/survey-links/answers", { token: tokenOf.get(second), answers: parentAnswers("c") });
      expect(reused.status).toBe(409);
      expect(reused.body.error.code).toBe("surveyAnswered");

      // Two answers: the rate, and nothing else.
      const early = (await coordinator.get(`${base}/${id}/results`)).body;
      expect(early).toMatchObject({
        invited: 6,
        responses: 2,
        minGroup: 5,
        isWithheld: true,
        previous: null,
      });
      expect(
        early.questions.every(
          (q: { isWithheld: boolean; answered: number }) => q.isWithheld && q.answered === 0,
        ),
      ).toBe(true);
      const emptyCsv = await coordinator.get(`${base}/${id}/results.csv`);
      expect(emptyCsv.text.trim().split("\r\n")).toHaveLength(1);

      smtp.clear();
      expect((await coordinator.post(`${base}/${id}/remind`)).body).toEqual({ reminded: 4 });
      await t.app.platform.mailer.flush();
      expect(smtp.messages.flatMap((m) => m.to).sort()).toEqual(
        [third, fourth, fifth, sixth].map((p) => p.email).sort(),
      );
      const reminder = smtp.messages.find((m) => m.to.includes(sixth.email));
      expect(reminder?.subject).toBe("Reminder: survey from Fachberatung Ahlen");
      // The reminder carries the same link as the invitation.
      expect(reminder?.text).toContain(`/umfrage#${tokenOf.get(sixth)}`);

      for (const [i, parent] of [third, fourth, sixth].entries()) {
        const answered = await t.anonymous().post("/api/survey-links/answers", {
          token: tokenOf.get(parent),
          answers: parentAnswers(`t${i}`, 5),
        });
        expect(answered.status).toBe(200);
      }
      const results = (await coordinator.get(`${base}/${id}/results`)).body;
      expect(results).toMatchObject({ responses: 5, isWithheld: false });
      const overall = results.questions.find((q: { questionId: string }) => q.questionId === "gesamt");
      expect(overall).toMatchObject({
        answered: 5,
        isWithheld: false,
        counts: [
          { value: "1", count: 0 },
          { value: "2", count: 1 },
          { value: "3", count: 0 },
          { value: "4", count: 1 },
          { value: "5", count: 3 },
        ],
        means: [{ key: "gesamt", mean: 4.2 }],
      });
      const liked = results.questions.find((q: { questionId: string }) => q.questionId === "gut");
      expect(liked.texts).toEqual(["a", "b", "t0", "t1", "t2"]);
      // Nobody answered the follow-up question on substitutes: withheld.
      expect(
        results.questions.find((q: { questionId: string }) => q.questionId === "vertretung"),
      ).toMatchObject({
        answered: 0,
        isWithheld: true,
      });

      const csv = await coordinator.get(`${base}/${id}/results.csv`);
      expect(csv.headers["content-type"]).toContain("text/csv");
      const lines = csv.text.replace("\uFEFF", "").trim().split("\r\n");
      expect(lines).toHaveLength(6);
      expect(lines[0]).toContain("Wie zufrieden sind Sie insgesamt mit der Betreuung Ihres Kindes?");

      const closed = await coordinator.post(`${base}/${id}/close`);
      expect(closed.body).toMatchObject({ status: "closed", closedOn: "2026-03-02" });
      const late = await t
        .anonymous()
        .post("/api/survey-links/answers", { token: tokenOf.get(fifth), answers: parentAnswers("late") });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe("surveyNotOpen");

      // A year later, the next run compares with this one.
      t.clock.now = new Date("2026-03-23T09:00:00Z");
      const rerun = await coordinator.post(`${base}/${id}/rerun`);
      expect(rerun.status).toBe(201);
      expect(rerun.body).toMatchObject({
        previousSurveyId: id,
        previousTitle: "Elternbefragung Frühjahr 2026",
      });
      smtp.clear();
      expect((await coordinator.post(`${base}/${rerun.body.id}/open`, {})).body.invited).toBe(6);
      for (const parent of parents.slice(0, 5)) {
        const token = await tokenFromMail(parent.email);
        await t.anonymous().post("/api/survey-links/answers", { token, answers: parentAnswers("next", 3) });
      }
      const compared = (await coordinator.get(`${base}/${rerun.body.id}/results`)).body;
      expect(compared.previous).toEqual({ id, title: "Elternbefragung Frühjahr 2026", responses: 5 });
      const overallNow = compared.questions.find((q: { questionId: string }) => q.questionId === "gesamt");
      expect(overallNow.means).toEqual([{ key: "gesamt", mean: 3 }]);
      expect(overallNow.previous.means).toEqual([{ key: "gesamt", mean: 4.2 }]);
      expect((await coordinator.get(base)).body.map((s: { responses: number }) => s.responses)).toEqual([
        5, 5,
      ]);
      t.clock.now = new Date("2026-03-02T09:00:00Z");
    });

    it("closes after the last day and reminds three days before it, once", async () => {
      const { office, coordinator, parents } = await officeWithParents(t, 2);
      const base = `/api/orgs/${office.slug}/surveys`;
      const created = await coordinator.post(base, {
        title: "Kurz",
        template: "parents",
        audience: "parents",
      });
      await coordinator.post(`${base}/${created.body.id}/open`, { closesOn: "2026-03-06" });
      await t.anonymous().post("/api/survey-links/answers", {
        token: await tokenFromMail(parents[0]?.email ?? ""),
        answers: parentAnswers("x"),
      });
      await t.app.platform.mailer.flush();
      smtp.clear();
      t.clock.now = new Date("2026-03-03T09:00:00Z");
      expect(await runSurveyJob(t.app.platform)).toEqual({ closed: 0, reminded: 1 });
      expect(await runSurveyJob(t.app.platform)).toEqual({ closed: 0, reminded: 0 });
      await t.app.platform.mailer.flush();
      expect(smtp.messages.flatMap((m) => m.to)).toEqual([parents[1]?.email]);
      t.clock.now = new Date("2026-03-07T09:00:00Z");
      expect((await runSurveyJob(t.app.platform)).closed).toBeGreaterThanOrEqual(1);
      expect((await coordinator.get(`${base}/${created.body.id}`)).body).toMatchObject({
        status: "closed",
        closedOn: "2026-03-07",
      });
      t.clock.now = new Date("2026-03-02T09:00:00Z");
    });

    it("lets only coordinators, the board and admins manage, refuses other organisations and bad input without change", async () => {
      const office = await t.createOrganisation();
      const other = await t.createOrganisation();
      const youthOffice = await t.createOrganisation({ kind: "youthOffice" });
      const coordinator = await t.member(office, ["coordinator"]);
      const admin = await t.member(office, ["admin"]);
      const parent = await t.member(office, ["parent"]);
      const caregiver = await t.member(office, ["caregiver"]);
      const stranger = await t.member(other, ["coordinator"]);
      const youth = await t.member(youthOffice, ["admin"]);
      const base = `/api/orgs/${office.slug}/surveys`;
      const valid = { title: "Umfrage", template: "caregivers", audience: "parentsWithContract" };
      expect((await parent.post(base, valid)).status).toBe(403);
      expect((await caregiver.get(base)).status).toBe(403);
      expect((await stranger.post(base, valid)).status).toBe(404);
      expect((await t.anonymous().get(base)).status).toBe(401);
      // Youth offices do not run these surveys: for them the capability does not exist.
      expect((await youth.post(`/api/orgs/${youthOffice.slug}/surveys`, valid)).status).toBe(404);
      const bad = await coordinator.post(base, { ...valid, audience: "everyone" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toBe("Bitte prüfen Sie die markierten Angaben.");
      expect((await coordinator.post(base, { ...valid, title: " " })).status).toBe(400);
      expect((await coordinator.get(base)).body).toEqual([]);

      const created = await admin.post(base, valid);
      expect(created.status).toBe(201);
      const id = created.body.id;
      const strangerBase = `/api/orgs/${other.slug}/surveys`;
      expect((await stranger.get(`${strangerBase}/${id}`)).status).toBe(404);
      expect((await stranger.get(`${strangerBase}/${id}/results`)).status).toBe(404);
      expect((await stranger.post(`${strangerBase}/${id}/open`, {})).status).toBe(404);
      expect((await parent.get(`${base}/${id}/results`)).status).toBe(403);
      expect((await parent.post(`${base}/${id}/open`, {})).status).toBe(403);
      // No parent has a care contract: nobody to invite.
      const nobody = await coordinator.post(`${base}/${id}/open`, {});
      expect(nobody.status).toBe(409);
      expect(nobody.body.error.code).toBe("surveyNoRecipients");
      expect((await coordinator.post(`${base}/${id}/open`, { closesOn: "2020-01-01" })).status).toBe(400);
      expect((await coordinator.post(`${base}/${id}/remind`)).status).toBe(409);
      expect((await coordinator.post(`${base}/${id}/rerun`)).status).toBe(409);
      expect((await coordinator.get(`${base}/${id}`)).body).toMatchObject({ status: "draft", invited: 0 });
      expect(
        (await t.anonymous().post("/api/survey-links/answers", { token: "kurz", answers: {} })).status,
      ).toBe(400);
      expect((await parent.get(`/api/orgs/${office.slug}/survey-invitations/${id}`)).status).toBe(404);
      expect((await coordinator.delete(`${base}/${id}`)).status).toBe(200);
      expect((await coordinator.get(base)).body).toEqual([]);
    });

    it("PROOF: nothing stored or logged ties an answer to a person or an invitation", async () => {
      const { office, coordinator, parents } = await officeWithParents(t, 7);
      const base = `/api/orgs/${office.slug}/surveys`;
      const created = await coordinator.post(base, {
        title: "Geheim",
        template: "parents",
        audience: "parents",
      });
      const id: string = created.body.id;
      smtp.clear();
      await coordinator.post(`${base}/${id}/open`, {});
      const tokens: string[] = [];
      for (const parent of parents) tokens.push(await tokenFromMail(parent.email));
      const auditBefore = await sqlRows<{ n: number }>(t, sql`select count(*)::int as n from audit_events`);

      // Captures everything the server writes to its log while the answers come in.
      const captured: string[] = [];
      const logging = await startLoggingApp(t, captured, smtp.url);
      const observations: string[][] = [];
      const marks: string[] = [];
      try {
        for (const [i, token] of tokens.entries()) {
          const mark = `Antwort-${i}-${Math.random().toString(36).slice(2, 8)}`;
          marks.push(mark);
          const answered = await logging
            .client()
            .post("/api/survey-links/answers", { token, answers: parentAnswers(mark) });
          expect(answered.status).toBe(200);
          // A plain SELECT, like a dump, without ORDER BY.
          const order = await sqlRows<{ mark: string }>(
            t,
            sql`select answers->>'gut' as mark from survey_responses where survey_id = ${id}`,
          );
          observations.push(order.map((r) => r.mark));
        }
      } finally {
        await logging.stop();
      }

      // 1. The columns: nothing but a random id, the survey, the day and the answers.
      const columns = await sqlRows<{ table_name: string; column_name: string; data_type: string }>(
        t,
        sql`select table_name, column_name, data_type from information_schema.columns
            where table_name in ('survey_responses', 'survey_invitations') order by table_name, column_name`,
      );
      const of = (table: string) => columns.filter((c) => c.table_name === table);
      expect(of("survey_responses").map((c) => `${c.column_name}:${c.data_type}`)).toEqual([
        "answered_on:date",
        "answers:jsonb",
        "id:uuid",
        "organisation_id:uuid",
        "survey_id:uuid",
      ]);
      // The invitation knows that she answered, never when: no time of any kind on it.
      expect(of("survey_invitations").filter((c) => /time|date|interval/.test(c.data_type))).toEqual([]);
      expect(of("survey_invitations").map((c) => c.column_name)).toContain("is_completed");

      // 2. The rows: no value of an invitation, a person or a link anywhere in a response.
      const invitations = await sqlRows<{
        id: string;
        user_id: string;
        token_hash: string;
        is_completed: boolean;
      }>(
        t,
        sql`select id, user_id, token_hash, is_completed from survey_invitations where survey_id = ${id}`,
      );
      expect(invitations.every((i) => i.is_completed)).toBe(true);
      const responses = await sqlRows<{ id: string; answered_on: unknown; answers: unknown }>(
        t,
        sql`select id, answered_on::text as answered_on, answers from survey_responses where survey_id = ${id}`,
      );
      expect(responses).toHaveLength(7);
      const dump = JSON.stringify(responses);
      for (const secret of [
        ...invitations.flatMap((i) => [i.id, i.user_id, i.token_hash]),
        ...tokens,
        ...parents.map((p) => p.email),
      ])
        expect(dump).not.toContain(secret);
      expect(new Set(responses.map((r) => r.answered_on))).toEqual(new Set(["2026-03-02"]));

      // 3. The order: rewritten at random with each answer, so the table does not keep the order of arrival.
      // Were it kept, every observation would be the arrival order; by chance that happens with p = 1/(2!·3!·…·7!).
      const inArrivalOrder = observations.map((seen, k) => seen.join() === marks.slice(0, k + 1).join());
      expect(inArrivalOrder.slice(1).every(Boolean)).toBe(false);
      const newestLast = observations.map((seen, k) => seen.at(-1) === marks[k]);
      expect(newestLast.slice(1).every(Boolean)).toBe(false);

      // 4. The audit log: answering wrote nothing.
      const auditAfter = await sqlRows<{ n: number }>(t, sql`select count(*)::int as n from audit_events`);
      expect(auditAfter[0]?.n).toBe(auditBefore[0]?.n);

      // 5. The log: the requests are there (the capture works), the tokens and the answers are not.
      const log = captured.join("\n");
      expect(log).toContain("/api/survey-links/answers");
      for (const token of tokens) expect(log).not.toContain(token);
      for (const mark of marks) expect(log).not.toContain(mark);
    });
  },
  { smtpUrl: () => smtp.url },
);
