import { eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";
import { careContracts, placementRequests } from "../placement/placement.tables";
import { activeContract, electionBody, pdfText, smtpForFile, voteHost } from "./votes.fixtures";

const smtp = smtpForFile();

describeApi(
  "votes: the parent-council election",
  (t) => {
    it("nominates, elects by child with a recorded lot for a tie, and announces the result by mail", async () => {
      const { org, chair, base } = await voteHost(t, "coordinationOffice");
      const anna = await t.member(org, ["parent"], "Anna Ahrens");
      const ben = await t.member(org, ["parent"], "Ben Brandt");
      const cem = await t.member(org, ["parent"], "Cem Celik");
      const waiting = await t.member(org, ["parent"], "Wanda Warteliste");
      const caregiver = await t.member(org, ["caregiver"], "Karla Kind");
      await activeContract(t, org.id, anna.userId, 2);
      await activeContract(t, org.id, ben.userId, 1);
      await activeContract(t, org.id, cem.userId, 1);
      // A contract alone does not make a voter: only members with the parent role are parents here.
      await activeContract(t, org.id, caregiver.userId, 1);

      expect((await caregiver.post(`${base}/votes`, electionBody())).status).toBe(403);
      const created = await chair.post(
        `${base}/votes`,
        electionBody({ weighting: "perChild", nominationClosesAt: "2026-03-05T17:00:00Z" }),
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        kind: "election",
        secrecy: "secret",
        seats: 1,
        maxChoices: 1,
        electorate: { kind: "parentsWithContract" },
        options: [],
      });
      const id = created.body.id as string;
      expect((await chair.post(`${base}/votes/${id}/open`)).status).toBe(400);

      smtp.clear();
      const nomination = await chair.post(`${base}/votes/${id}/open-nomination`);
      expect(nomination.body.status).toBe("nomination");
      const call = await smtp.waitForMail((m) => m.to.includes(anna.email));
      expect(call.subject).toBe("Wahl zum Elternbeirat: Kandidieren Sie?");
      expect(call.text).toContain("Kandidieren können Sie bis zum 05.03.2026 um 18:00 Uhr.");
      await smtp.waitForMail((m) => m.to.includes(cem.email));
      expect(smtp.messages.flatMap((m) => m.to)).not.toContain(waiting.email);

      // Only parents with an active contract stand (and see the election at all).
      expect((await waiting.post(`${base}/votes/${id}/candidacy`, { introduction: "Ich" })).status).toBe(404);
      expect((await anna.get(`${base}/votes/${id}`)).body.me).toMatchObject({ canStand: true, weight: 2 });
      const annaStands = await anna.post(`${base}/votes/${id}/candidacy`, {
        introduction: "Mutter von zwei Kindern.",
      });
      expect(annaStands.status, JSON.stringify(annaStands.body)).toBe(201);
      await anna.post(`${base}/votes/${id}/candidacy`, { introduction: "Mutter von zwei Kindern in Ahlen." });
      await ben.post(`${base}/votes/${id}/candidacy`, { introduction: "Vater, gern im Austausch." });
      const cemStands = await cem.post(`${base}/votes/${id}/candidacy`, { introduction: "" });
      await cem.delete(`${base}/votes/${id}/candidacy`);
      // The office removes a candidacy too (here: none left of Cem's).
      expect(
        (await chair.delete(`${base}/votes/${id}/candidates/${cemStands.body.me.candidacyOptionId}`)).status,
      ).toBe(404);
      const detail = await chair.get(`${base}/votes/${id}`);
      expect(
        detail.body.options.map((o: { label: string; introduction: string }) => [o.label, o.introduction]),
      ).toEqual([
        ["Anna Ahrens", "Mutter von zwei Kindern in Ahlen."],
        ["Ben Brandt", "Vater, gern im Austausch."],
      ]);
      const [annaOption, benOption] = detail.body.options.map((o: { id: string }) => o.id);

      // Nominations end at their time.
      t.clock.now = new Date("2026-03-05T17:00:00Z");
      try {
        const late = await cem.post(`${base}/votes/${id}/candidacy`, { introduction: "" });
        expect(late.status).toBe(409);
        expect(late.body.error.code).toBe("voteNominationClosed");
        smtp.clear();
        expect((await chair.post(`${base}/votes/${id}/open`)).body.status).toBe("open");
        await smtp.waitForMail((m) => m.to.includes(ben.email) && m.subject.startsWith("Jetzt abstimmen"));

        const tooMany = await cem.post(`${base}/votes/${id}/ballots`, { optionIds: [annaOption, benOption] });
        expect(tooMany.status).toBe(400);
        // Anna counts twice (two children), Ben and Cem once: 2 : 2.
        expect((await anna.post(`${base}/votes/${id}/ballots`, { optionIds: [annaOption] })).status).toBe(
          201,
        );
        expect((await ben.post(`${base}/votes/${id}/ballots`, { optionIds: [benOption] })).status).toBe(201);
        expect((await cem.post(`${base}/votes/${id}/ballots`, { optionIds: [benOption] })).status).toBe(201);
        expect((await waiting.post(`${base}/votes/${id}/ballots`, { optionIds: [benOption] })).status).toBe(
          404,
        );
        expect((await caregiver.post(`${base}/votes/${id}/ballots`, { optionIds: [benOption] })).status).toBe(
          404,
        );

        smtp.clear();
        const closed = await chair.post(`${base}/votes/${id}/close`);
        expect(closed.body.status).toBe("closed");
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }
      const results = await cem.get(`${base}/votes/${id}/results`);
      expect(results.body).toMatchObject({ entitled: 4, ballots: 4, participants: 3, passed: null });
      expect(results.body.options.map((o: { votes: number }) => o.votes)).toEqual([2, 2]);
      const { elected, substitutes, lot } = results.body.election;
      expect(lot.tiedOptionIds).toEqual([annaOption, benOption]);
      expect([...lot.order].sort()).toEqual([annaOption, benOption].sort());
      expect(elected).toEqual([lot.order[0]]);
      expect(substitutes).toEqual([lot.order[1]]);
      const winner = elected[0] === annaOption ? "Anna Ahrens" : "Ben Brandt";
      const loser = elected[0] === annaOption ? "Ben Brandt" : "Anna Ahrens";

      const announcement = await smtp.waitForMail(
        (m) => m.to.includes(cem.email) && m.subject.startsWith("Ergebnis"),
      );
      expect(announcement.subject).toBe("Ergebnis: Elternbeirat 2026/27");
      expect(announcement.text).toContain(`Gewählt: ${winner}`);
      expect(announcement.text).toContain(`Ersatzmitglieder: ${loser}`);
      expect(announcement.text).toContain("Abgegebene Stimmen: 4 von 4.");
      expect(announcement.text).toContain("Los entschieden");
      const audit = await t.app.platform.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
      const drawn = audit.find((a) => a.action === "votes.lotDrawn");
      expect(drawn?.details).toMatchObject({ order: [winner, loser] });

      const pdf = await chair.get(`${base}/votes/${id}/record.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.text.startsWith("%PDF")).toBe(true);
      const record = await pdfText(pdf.raw);
      expect(record).toContain("Eine Stimme je Kind in Betreuung");
      expect(record).toContain(`Gewählt ${winner}`);
      expect(record).toContain("Losentscheid");

      // Cem's child leaves the day care: he is no longer a voter, but still sees the election he voted in.
      const { db } = t.app.platform;
      await db
        .update(careContracts)
        .set({ end: "2026-02-28" })
        .where(
          inArray(
            careContracts.requestId,
            db
              .select({ id: placementRequests.id })
              .from(placementRequests)
              .where(eq(placementRequests.parentUserId, cem.userId)),
          ),
        );
      expect((await cem.get(`${base}/votes/${id}`)).status).toBe(200);
      expect((await cem.get(`${base}/votes/${id}/results`)).body.election.elected).toEqual(elected);
      expect((await waiting.get(`${base}/votes/${id}`)).status).toBe(404);
    });

    it("refuses elections outside coordination offices and edits only before voting", async () => {
      const { org, chair, base } = await voteHost(t, "coordinationOffice");
      const parent = await t.member(org, ["parent"], "Paula Parent");
      await activeContract(t, org.id, parent.userId);
      const created = await chair.post(`${base}/votes`, electionBody({ seats: 2 }));
      const id = created.body.id as string;
      await chair.post(`${base}/votes/${id}/open-nomination`);
      const renamed = await chair.put(
        `${base}/votes/${id}`,
        electionBody({ title: "Elternbeirat 2027", seats: 2 }),
      );
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ title: "Elternbeirat 2027", status: "nomination", maxChoices: 2 });
      const asMotion = await chair.put(`${base}/votes/${id}`, { ...electionBody(), kind: "motion" });
      expect(asMotion.status).toBe(400);
      await parent.post(`${base}/votes/${id}/candidacy`, { introduction: "" });
      await chair.post(`${base}/votes/${id}/open`);
      expect((await chair.put(`${base}/votes/${id}`, electionBody())).status).toBe(409);
      expect((await parent.delete(`${base}/votes/${id}/candidacy`)).status).toBe(409);
    });
  },
  { smtpUrl: () => smtp.url },
);
