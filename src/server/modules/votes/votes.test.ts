import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";
import { runJobOnce } from "../../platform/jobs/scheduler";
import { updateUser } from "../identity/identity.repository";
import { motionBody, pdfText, smtpForFile, voteHost } from "./votes.fixtures";
import { voteTimesJob } from "./votes.jobs";
import { voteNamedBallots, votes } from "./votes.tables";

const smtp = smtpForFile();

describeApi(
  "votes: motions",
  (t) => {
    it("lets the board create a motion and refuses other roles, other organisations, strangers and bad input", async () => {
      const { org, chair, base } = await voteHost(t);
      const created = await chair.post(`${base}/votes`, motionBody({ quorumPercent: 50 }));
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        kind: "motion",
        status: "draft",
        secrecy: "secret",
        quorumPercent: 50,
        canManage: true,
        options: [
          { label: "Ja", role: "yes" },
          { label: "Nein", role: "no" },
        ],
      });

      const member = await t.member(org, ["member"]);
      expect((await member.post(`${base}/votes`, motionBody())).status).toBe(403);
      // A draft is not visible to members.
      expect((await member.get(`${base}/votes/${created.body.id}`)).status).toBe(404);
      // A coordinator of an association does not run votes there (the role belongs to offices).
      const coordinator = await t.member(org, ["coordinator"]);
      expect((await coordinator.post(`${base}/votes`, motionBody())).status).toBe(403);
      const other = await voteHost(t);
      expect((await other.chair.get(`${base}/votes/${created.body.id}`)).status).toBe(404);
      expect((await other.chair.get(`${other.base}/votes/${created.body.id}`)).status).toBe(404);
      expect((await t.anonymous().get(`${base}/votes`)).status).toBe(401);
      const youthOffice = await t.createOrganisation({ kind: "youthOffice" });
      const yoAdmin = await t.member(youthOffice, ["admin"]);
      expect((await yoAdmin.get(`/api/orgs/${youthOffice.slug}/votes`)).status).toBe(404);

      const countVotes = async () =>
        (await t.app.platform.db.select().from(votes).where(eq(votes.organisationId, org.id))).length;
      const before = await countVotes();
      const oneOption = await chair.post(
        `${base}/votes`,
        motionBody({ optionKind: "oneOf", options: ["A"] }),
      );
      expect(oneOption.status).toBe(400);
      expect(oneOption.body.error.fields[0]).toEqual({
        path: "options",
        message: "Bitte mindestens zwei Antwortmöglichkeiten angeben.",
      });
      const english = await chair.request("POST", `${base}/votes?lang=en`, motionBody({ title: "" }));
      expect(english.status).toBe(400);
      expect(english.body.error.fields[0]).toMatchObject({ path: "title", message: "Please fill in." });
      const stranger = await chair.post(
        `${base}/votes`,
        motionBody({ electorate: { kind: "list", userIds: [other.chair.userId] } }),
      );
      expect(stranger.status).toBe(400);
      expect(stranger.body.error.fields[0].path).toBe("electorate.userIds");
      const past = await chair.post(`${base}/votes`, motionBody({ closesAt: "2026-03-01T10:00:00Z" }));
      expect(past.status).toBe(400);
      const election = await chair.post(`${base}/votes`, { ...motionBody(), kind: "election" });
      expect(election.status).toBe(400);
      expect(election.body.error.code).toBe("voteElectionsOnlyInOffices");
      expect(await countVotes()).toBe(before);

      const audit = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.organisationId, org.id));
      expect(audit.map((a) => a.action)).toContain("votes.created");
    });

    it("runs a secret vote with quorum: mails on opening, one ballot each, hidden numbers, result and record", async () => {
      const { org, chair, base } = await voteHost(t);
      const anna = await t.member(org, ["member"], "Anna Ahrens");
      const ben = await t.member(org, ["member"], "Ben Brandt");
      const cem = await t.member(org, ["caregiver"], "Cem Celik");
      const english = await t.member(org, ["member"], "Emma English");
      await updateUser(t.app.platform.db, english.userId, { locale: "en" });
      const draft = await chair.post(
        `${base}/votes`,
        motionBody({ quorumPercent: 50, closesAt: "2026-03-09T18:00:00Z" }),
      );
      const id = draft.body.id as string;
      // Editing a draft; secrecy may still change.
      const edited = await chair.put(
        `${base}/votes/${id}`,
        motionBody({ quorumPercent: 50, secrecy: "named" }),
      );
      expect(edited.body.secrecy).toBe("named");
      await chair.put(
        `${base}/votes/${id}`,
        motionBody({ quorumPercent: 50, closesAt: "2026-03-09T18:00:00Z" }),
      );

      smtp.clear();
      const opened = await chair.post(`${base}/votes/${id}/open`);
      expect(opened.status, JSON.stringify(opened.body)).toBe(200);
      expect(opened.body.status).toBe("open");
      const mail = await smtp.waitForMail((m) => m.to.includes(anna.email));
      expect(mail.subject).toBe("Jetzt abstimmen: Beitragsanpassung 2027");
      expect(mail.text).toContain("Die Abstimmung endet am 09.03.2026 um 19:00 Uhr.");
      expect(mail.text).toContain("geheim");
      expect(mail.text).toContain(`/app/${org.slug}/abstimmungen/${id}`);
      const englishMail = await smtp.waitForMail((m) => m.to.includes(english.email));
      expect(englishMail.subject).toBe("Vote now: Beitragsanpassung 2027");

      // The kind cannot change once voting has started.
      const change = await chair.put(`${base}/votes/${id}`, motionBody({ secrecy: "named" }));
      expect(change.status).toBe(409);
      expect(change.body.error.code).toBe("voteNotEditable");

      const detail = await anna.get(`${base}/votes/${id}`);
      expect(detail.body.me).toMatchObject({ canVote: true, hasVoted: false, cannotVoteReason: null });
      const [yes, no] = detail.body.options.map((o: { id: string }) => o.id);
      expect((await anna.post(`${base}/votes/${id}/ballots`, { optionIds: [yes] })).status).toBe(201);
      const twice = await anna.post(`${base}/votes/${id}/ballots`, { optionIds: [no] });
      expect(twice.status).toBe(409);
      expect(twice.body.error.code).toBe("voteAlreadyCast");
      const both = await ben.post(`${base}/votes/${id}/ballots`, { optionIds: [yes, no] });
      expect(both.status).toBe(400);
      expect(both.body.error.fields[0].path).toBe("optionIds");
      expect((await ben.post(`${base}/votes/${id}/ballots`, { optionIds: [no] })).status).toBe(201);
      expect((await cem.post(`${base}/votes/${id}/ballots`, { abstain: true })).status).toBe(201);
      expect((await anna.get(`${base}/votes/${id}`)).body.me).toMatchObject({
        hasVoted: true,
        canVote: false,
        cannotVoteReason: "alreadyVoted",
      });

      // Hidden until closed: members see nothing, staff only how many took part.
      const hiddenForMember = await anna.get(`${base}/votes/${id}/results`);
      expect(hiddenForMember.body).toMatchObject({ visible: false, participants: null, ballots: null });
      const hiddenForChair = await chair.get(`${base}/votes/${id}/results`);
      expect(hiddenForChair.body).toMatchObject({
        visible: false,
        participants: 3,
        entitled: 5,
        ballots: null,
      });
      expect((await anna.get(`${base}/votes/${id}/record.pdf`)).status).toBe(403);
      expect((await chair.get(`${base}/votes/${id}/record.pdf`)).status).toBe(409);

      expect((await anna.post(`${base}/votes/${id}/close`)).status).toBe(403);
      const closed = await chair.post(`${base}/votes/${id}/close`);
      expect(closed.body.status).toBe("closed");
      const results = await anna.get(`${base}/votes/${id}/results`);
      // 5 entitled (chair, anna, ben, cem, emma), 3 ballots = 60 % ≥ 50 %; 1 yes : 1 no → not adopted.
      expect(results.body).toMatchObject({
        visible: true,
        final: true,
        entitled: 5,
        ballots: 3,
        abstentions: 1,
        participants: 3,
        quorumReached: true,
        passed: false,
        majority: "simple",
      });
      expect(results.body.options.map((o: { votes: number }) => o.votes)).toEqual([1, 1]);
      const late = await english.post(`${base}/votes/${id}/ballots`, { optionIds: [yes] });
      expect(late.body.error.code).toBe("voteNotOpen");

      const pdf = await chair.get(`${base}/votes/${id}/record.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers["content-type"]).toBe("application/pdf");
      expect(pdf.text.startsWith("%PDF")).toBe(true);
      const record = await pdfText(pdf.raw);
      expect(record).toContain("Protokoll: Beitragsanpassung 2027");
      expect(record).toContain("Einfache Mehrheit");
      expect(record).toContain("mindestens 50 % der Stimmberechtigten");
      expect(record).toContain("Abgelehnt");
      // Secret votes have no list of who chose what.
      expect((await chair.get(`${base}/votes/${id}/ballots.csv`)).status).toBe(404);
      const actions = (
        await t.app.platform.db.select().from(auditEvents).where(eq(auditEvents.entityId, id))
      ).map((a) => a.action);
      expect(actions).toEqual(
        expect.arrayContaining(["votes.opened", "votes.closed", "votes.recordDownloaded"]),
      );
    });

    it("records a named vote with several of several, exports it, and closes by its closing time", async () => {
      const { org, chair, base } = await voteHost(t);
      const anna = await t.member(org, ["member"], "Anna Ahrens");
      const ben = await t.member(org, ["member"], "Ben Brandt");
      const draft = await chair.post(
        `${base}/votes`,
        motionBody({
          title: "Themen für den Fachtag",
          optionKind: "severalOf",
          options: ["Sprache", "Bewegung", "Ernährung"],
          maxChoices: 2,
          secrecy: "named",
          resultVisibility: "live",
          electorate: { kind: "list", userIds: [anna.userId, ben.userId] },
          closesAt: "2026-03-02T12:00:00Z",
        }),
      );
      expect(draft.status, JSON.stringify(draft.body)).toBe(201);
      const id = draft.body.id as string;
      const [sprache, bewegung, ernaehrung] = draft.body.options.map((o: { id: string }) => o.id);
      await chair.post(`${base}/votes/${id}/open`);
      // The chair is not on the list.
      const notListed = await chair.post(`${base}/votes/${id}/ballots`, { optionIds: [sprache] });
      expect(notListed.status).toBe(403);
      expect(notListed.body.error.code).toBe("voteNotEntitled");
      const tooMany = await anna.post(`${base}/votes/${id}/ballots`, {
        optionIds: [sprache, bewegung, ernaehrung],
      });
      expect(tooMany.status).toBe(400);
      await anna.post(`${base}/votes/${id}/ballots`, { optionIds: [sprache, bewegung] });
      await ben.post(`${base}/votes/${id}/ballots`, { optionIds: [sprache] });
      // Live: the numbers are there while open.
      const live = await anna.get(`${base}/votes/${id}/results`);
      expect(live.body).toMatchObject({ visible: true, final: false, ballots: 2, entitled: 2 });
      expect(
        live.body.options.map((o: { votes: number; accepted: boolean }) => [o.votes, o.accepted]),
      ).toEqual([
        [2, true],
        [1, false],
        [0, false],
      ]);
      const rows = await t.app.platform.db
        .select()
        .from(voteNamedBallots)
        .where(eq(voteNamedBallots.voteId, id));
      expect(rows).toHaveLength(2);

      t.clock.now = new Date("2026-03-02T12:01:00Z");
      try {
        await runJobOnce(t.app.platform, voteTimesJob);
        const closed = await chair.get(`${base}/votes/${id}`);
        expect(closed.body.status).toBe("closed");
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }
      const csv = await chair.get(`${base}/votes/${id}/ballots.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers["content-disposition"]).toContain("abstimmung-themen-fur-den-fachtag.csv");
      const lines = csv.text
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n");
      expect(lines[0]).toBe("Name;Abgegeben von (Vollmacht);Stimme;Gewicht;Zeitpunkt");
      expect(lines.slice(1).sort()).toEqual([
        "Anna Ahrens;;Sprache, Bewegung;1;02.03.2026 10:00",
        "Ben Brandt;;Sprache;1;02.03.2026 10:00",
      ]);
      expect((await anna.get(`${base}/votes/${id}/ballots.csv`)).status).toBe(403);
    });

    it("counts one ballot per person when she sends several at the same moment", async () => {
      const { org, chair, base } = await voteHost(t);
      const anna = await t.member(org, ["member"]);
      const ben = await t.member(org, ["member"]);
      const created = await chair.post(`${base}/votes`, motionBody({ resultVisibility: "live" }));
      const id = created.body.id as string;
      const [yes, no] = created.body.options.map((o: { id: string }) => o.id);
      await chair.post(`${base}/votes/${id}/open`);
      const answers = await Promise.all([
        anna.post(`${base}/votes/${id}/ballots`, { optionIds: [yes] }),
        anna.post(`${base}/votes/${id}/ballots`, { optionIds: [no] }),
        anna.post(`${base}/votes/${id}/ballots`, { optionIds: [yes] }),
        ben.post(`${base}/votes/${id}/ballots`, { optionIds: [no] }),
        ben.post(`${base}/votes/${id}/ballots`, { abstain: true }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 409, 409, 409]);
      const results = await chair.get(`${base}/votes/${id}/results`);
      expect(results.body.ballots).toBe(2);
      expect(results.body.participants).toBe(2);
      const votesCounted = results.body.options.reduce(
        (sum: number, o: { votes: number }) => sum + o.votes,
        0,
      );
      expect(votesCounted + results.body.abstentions).toBe(2);
    });

    it("opens a scheduled vote by the job at its opening time and deletes only drafts", async () => {
      const { org, chair, base } = await voteHost(t);
      await t.member(org, ["member"]);
      const scheduled = await chair.post(
        `${base}/votes`,
        motionBody({ opensAt: "2026-03-03T08:00:00Z", closesAt: "2026-03-04T08:00:00Z" }),
      );
      const id = scheduled.body.id as string;
      expect((await chair.post(`${base}/votes/${id}/open`)).body.status).toBe("scheduled");
      t.clock.now = new Date("2026-03-03T08:00:30Z");
      try {
        await runJobOnce(t.app.platform, voteTimesJob);
        expect((await chair.get(`${base}/votes/${id}`)).body.status).toBe("open");
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }
      expect((await chair.delete(`${base}/votes/${id}`)).status).toBe(409);
      const draft = await chair.post(`${base}/votes`, motionBody());
      expect((await chair.delete(`${base}/votes/${draft.body.id}`)).status).toBe(200);
      expect((await chair.get(`${base}/votes/${draft.body.id}`)).status).toBe(404);
    });
  },
  { smtpUrl: () => smtp.url },
);
