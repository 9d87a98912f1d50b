import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";
import { mailOutbox } from "../../platform/mail/mail.tables";
import { meeting, motionBody, smtpForFile, voteHost } from "./votes.fixtures";
import { voteMeetingPresence, voteProxies, voteSettings } from "./votes.tables";

const smtp = smtpForFile();

describeApi(
  "votes: at a meeting (presence, proxies, paper ballots, projector)",
  (t) => {
    it("lets only members present vote, counts paper ballots with the counters' names, and shows the projector", async () => {
      const { org, chair, base } = await voteHost(t);
      const eventId = await meeting(t, org.id);
      const anna = await t.member(org, ["member"], "Anna Ahrens");
      const ben = await t.member(org, ["member"], "Ben Brandt");
      const created = await chair.post(
        `${base}/votes`,
        motionBody({ title: "Satzungsänderung", majority: "twoThirds", eventId, resultVisibility: "live" }),
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body.eventTitle).toBe("Mitgliederversammlung");
      const id = created.body.id as string;
      const [yes, no] = created.body.options.map((o: { id: string }) => o.id);
      await chair.post(`${base}/votes/${id}/open`);
      // Only those in the room vote, so opening calls no one by mail.
      const calls = await t.app.platform.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.subject, "Jetzt abstimmen: Satzungsänderung"));
      expect(calls).toEqual([]);

      // Not present: refused, and the detail says why.
      expect((await anna.get(`${base}/votes/${id}`)).body.me.cannotVoteReason).toBe("notPresent");
      const absent = await anna.post(`${base}/votes/${id}/ballots`, { optionIds: [yes] });
      expect(absent.status).toBe(403);
      expect(absent.body.error.code).toBe("voteNotPresent");

      // Not the day before the meeting.
      t.clock.now = new Date("2026-03-01T20:00:00Z");
      try {
        const early = await anna.post(`${base}/vote-meetings/${eventId}/presence`, {});
        expect(early.status).toBe(409);
        expect(early.body.error.code).toBe("voteNotMeetingDay");
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }
      // She marks herself present; the chair marks Ben; a member cannot mark another.
      const self = await anna.post(`${base}/vote-meetings/${eventId}/presence`, {});
      expect(self.status, JSON.stringify(self.body)).toBe(200);
      expect(self.body).toMatchObject({ mePresent: true, eventTitle: "Mitgliederversammlung" });
      expect(
        (await anna.post(`${base}/vote-meetings/${eventId}/presence`, { userId: ben.userId })).status,
      ).toBe(403);
      const outsider = await voteHost(t);
      const notMember = await chair.post(`${base}/vote-meetings/${eventId}/presence`, {
        userId: outsider.chair.userId,
      });
      expect(notMember.status).toBe(400);
      expect(notMember.body.error.fields[0]).toEqual({
        path: "userId",
        message: "Diese Person ist kein aktives Mitglied.",
      });
      const byChair = await chair.post(`${base}/vote-meetings/${eventId}/presence`, { userId: ben.userId });
      expect(byChair.body.present.map((p: { name: string }) => p.name).sort()).toEqual([
        "Anna Ahrens",
        "Ben Brandt",
      ]);
      expect(byChair.body.votes.map((v: { id: string }) => v.id)).toEqual([id]);

      expect((await anna.post(`${base}/votes/${id}/ballots`, { optionIds: [yes] })).status).toBe(201);
      expect((await ben.post(`${base}/votes/${id}/ballots`, { optionIds: [no] })).status).toBe(201);

      // Paper ballots: 6 handed in, 1 empty, 4 yes, 1 no — counted by two people.
      const bad = await chair.post(`${base}/votes/${id}/paper-ballots`, {
        ballots: 6,
        abstentions: 1,
        counts: [
          { optionId: yes, votes: 4 },
          { optionId: no, votes: 2 },
        ],
        counters: ["Gisela Gruber"],
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields[0].message).toBe("Die Stimmen passen nicht zur Zahl der Stimmzettel.");
      const noCounters = await chair.post(`${base}/votes/${id}/paper-ballots`, {
        ballots: 1,
        abstentions: 0,
        counts: [{ optionId: yes, votes: 1 }],
        counters: [],
      });
      expect(noCounters.status).toBe(400);
      expect(
        (
          await anna.post(`${base}/votes/${id}/paper-ballots`, {
            ballots: 1,
            abstentions: 0,
            counts: [{ optionId: yes, votes: 1 }],
            counters: ["Anna"],
          })
        ).status,
      ).toBe(403);
      const paper = await chair.post(`${base}/votes/${id}/paper-ballots`, {
        ballots: 6,
        abstentions: 1,
        counts: [
          { optionId: yes, votes: 4 },
          { optionId: no, votes: 1 },
        ],
        counters: ["Gisela Gruber", "Hans Hof"],
      });
      expect(paper.status, JSON.stringify(paper.body)).toBe(201);
      // Online 1 : 1, paper 4 : 1 → 5 yes : 2 no = 71 % ≥ 2/3.
      expect(paper.body).toMatchObject({ ballots: 8, abstentions: 1, passed: true, majority: "twoThirds" });
      expect(paper.body.paper).toEqual([
        { ballots: 6, abstentions: 1, counters: ["Gisela Gruber", "Hans Hof"] },
      ]);
      const audit = await t.app.platform.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
      const paperEntry = audit.find((a) => a.action === "votes.paperCounted");
      expect(paperEntry?.details).toMatchObject({ counters: ["Gisela Gruber", "Hans Hof"], ballots: 6 });

      const projector = await chair.get(`${base}/votes/${id}/projector`);
      expect(projector.status).toBe(200);
      expect(projector.body).toMatchObject({
        title: "Satzungsänderung",
        eventTitle: "Mitgliederversammlung",
        present: 2,
        results: { visible: true, ballots: 8 },
      });
      expect((await anna.get(`${base}/votes/${id}/projector`)).status).toBe(403);

      // Leaving: she removes her presence; the chair may remove anyone's, a member not another's.
      expect((await anna.delete(`${base}/vote-meetings/${eventId}/presence/${ben.userId}`)).status).toBe(403);
      const left = await anna.delete(`${base}/vote-meetings/${eventId}/presence/${anna.userId}`);
      expect(left.body.mePresent).toBe(false);
      // Other organisations do not see the meeting.
      const other = await voteHost(t);
      expect((await other.chair.get(`${other.base}/vote-meetings/${eventId}`)).status).toBe(404);
      expect((await other.chair.get(`${base}/vote-meetings/${eventId}`)).status).toBe(404);
      const rows = await t.app.platform.db
        .select()
        .from(voteMeetingPresence)
        .where(eq(voteMeetingPresence.eventId, eventId));
      expect(rows.map((r) => r.userId)).toEqual([ben.userId]);
    });

    it("lets a member delegate her vote for one meeting where the organisation allows proxies", async () => {
      const { org, chair, base } = await voteHost(t);
      const eventId = await meeting(t, org.id);
      const anna = await t.member(org, ["member"], "Anna Ahrens");
      const ben = await t.member(org, ["member"], "Ben Brandt");
      const cem = await t.member(org, ["member"], "Cem Celik");

      // Not allowed by default.
      const refused = await anna.post(`${base}/vote-meetings/${eventId}/proxy`, { holderUserId: ben.userId });
      expect(refused.status).toBe(409);
      expect(refused.body.error.code).toBe("voteProxiesNotAllowed");
      expect((await anna.get(`${base}/vote-settings`)).body).toEqual({
        proxiesAllowed: false,
        maxProxiesPerHolder: 1,
        canManage: false,
      });
      expect(
        (await anna.put(`${base}/vote-settings`, { proxiesAllowed: true, maxProxiesPerHolder: 1 })).status,
      ).toBe(403);
      expect(
        (await chair.put(`${base}/vote-settings`, { proxiesAllowed: true, maxProxiesPerHolder: 0 })).status,
      ).toBe(400);
      const settings = await chair.put(`${base}/vote-settings`, {
        proxiesAllowed: true,
        maxProxiesPerHolder: 1,
      });
      expect(settings.body).toEqual({ proxiesAllowed: true, maxProxiesPerHolder: 1, canManage: true });
      const stored = await t.app.platform.db
        .select()
        .from(voteSettings)
        .where(eq(voteSettings.organisationId, org.id));
      expect(stored).toHaveLength(1);

      const granted = await anna.post(`${base}/vote-meetings/${eventId}/proxy`, { holderUserId: ben.userId });
      expect(granted.status, JSON.stringify(granted.body)).toBe(200);
      expect(granted.body.myProxy).toEqual({ holderUserId: ben.userId, holderName: "Ben Brandt" });
      // Ben already holds one: the limit is 1.
      const full = await cem.post(`${base}/vote-meetings/${eventId}/proxy`, { holderUserId: ben.userId });
      expect(full.status).toBe(409);
      expect(full.body.error.code).toBe("voteProxyLimit");
      // No chains: Ben, holding Anna's vote, cannot pass his on; nobody delegates to herself.
      expect(
        (await ben.post(`${base}/vote-meetings/${eventId}/proxy`, { holderUserId: cem.userId })).status,
      ).toBe(400);
      expect(
        (await cem.post(`${base}/vote-meetings/${eventId}/proxy`, { holderUserId: cem.userId })).status,
      ).toBe(400);

      const created = await chair.post(`${base}/votes`, motionBody({ eventId }));
      const id = created.body.id as string;
      const [yes] = created.body.options.map((o: { id: string }) => o.id);
      await chair.post(`${base}/votes/${id}/open`);
      // Ben is not present yet: he cannot use the proxy either.
      const notPresent = await ben.post(`${base}/votes/${id}/ballots`, {
        optionIds: [yes],
        onBehalfOf: anna.userId,
      });
      expect(notPresent.status).toBe(403);
      await ben.post(`${base}/vote-meetings/${eventId}/presence`, {});
      const detail = await ben.get(`${base}/votes/${id}`);
      expect(detail.body.me.proxiesHeld).toEqual([
        { userId: anna.userId, name: "Anna Ahrens", hasVoted: false },
      ]);
      // Cem holds no proxy for Anna.
      await cem.post(`${base}/vote-meetings/${eventId}/presence`, {});
      const wrongHolder = await cem.post(`${base}/votes/${id}/ballots`, {
        optionIds: [yes],
        onBehalfOf: anna.userId,
      });
      expect(wrongHolder.status).toBe(400);
      expect(wrongHolder.body.error.code).toBe("voteProxyInvalid");
      expect(
        (await ben.post(`${base}/votes/${id}/ballots`, { optionIds: [yes], onBehalfOf: anna.userId })).status,
      ).toBe(201);
      expect((await ben.post(`${base}/votes/${id}/ballots`, { optionIds: [yes] })).status).toBe(201);
      const twice = await ben.post(`${base}/votes/${id}/ballots`, {
        optionIds: [yes],
        onBehalfOf: anna.userId,
      });
      expect(twice.body.error.code).toBe("voteAlreadyCast");
      expect((await ben.get(`${base}/votes/${id}`)).body.me.proxiesHeld[0].hasVoted).toBe(true);

      // The chair sees every delegation; Anna cannot withdraw hers once it was used.
      const view = await chair.get(`${base}/vote-meetings/${eventId}`);
      expect(view.body.proxies).toEqual([
        {
          fromUserId: anna.userId,
          fromName: "Anna Ahrens",
          holderUserId: ben.userId,
          holderName: "Ben Brandt",
        },
      ]);
      expect((await anna.get(`${base}/vote-meetings/${eventId}`)).body.proxies).toEqual([]);
      const withdrawn = await anna.delete(`${base}/vote-meetings/${eventId}/proxy`);
      expect(withdrawn.status).toBe(409);
      expect(withdrawn.body.error.code).toBe("voteProxyUsed");
      expect(
        await t.app.platform.db.select().from(voteProxies).where(eq(voteProxies.eventId, eventId)),
      ).toHaveLength(1);
      await chair.post(`${base}/votes/${id}/close`);
      // Entitled at closing: Ben and Cem present, Anna through Ben's proxy (the chair is not present).
      const results = await chair.get(`${base}/votes/${id}/results`);
      expect(results.body).toMatchObject({ entitled: 3, ballots: 2, participants: 2, passed: true });
    });
  },
  { smtpUrl: () => smtp.url },
);
