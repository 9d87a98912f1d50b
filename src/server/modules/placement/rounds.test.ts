import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { capacity, placementFixtures } from "../../../../test/support/placement";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { type Client, describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";
import { runJobOnce } from "../../platform/jobs/scheduler";
import { placementOffers } from "./placement.tables";
import { roundReminderJob } from "./rounds.jobs";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

const round = {
  title: "Kita-Jahr 2026/27",
  startDate: "2026-08-01",
  latestWantedStart: "2026-08-31",
  deadline: "2026-03-20",
};

describeApi(
  "allocation rounds",
  (t) => {
    const { office, addCaregiver, parentWithRequest } = placementFixtures(t, () => smtp);

    /** Runs the round and waits until the background run has finished. */
    async function runRound(coordinator: Client, url: string) {
      const started = await coordinator.post(`${url}/runs`);
      expect(started.status).toBe(202);
      expect(started.body).toMatchObject({ status: "running", phase: "loading", progress: 0 });
      for (let attempt = 0; attempt < 200; attempt++) {
        const run = await coordinator.get(`${url}/run`);
        expect(run.status).toBe(200);
        expect(run.body.id).toBe(started.body.id);
        if (run.body.status !== "running") {
          const detail = await coordinator.get(url);
          expect(detail.body.latestRun).toMatchObject(run.body);
          return detail.body;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error("the run did not finish");
    }

    /** One caregiver with one place, two families who both want it, and the caregiver's account. */
    async function contest() {
      const { org, coordinator, base } = await office();
      const caregiverUser = await t.member(org, ["caregiver"]);
      const albers = await addCaregiver(coordinator, base, "Albers", {
        person: { email: caregiverUser.email },
        capacity: capacity(1),
      });
      // Linking her account to her record happens when she first opens her profile.
      expect((await caregiverUser.get(`${base}/my-profile`)).status).toBe(200);
      const first = await parentWithRequest(org.slug, { childFirstName: "Mila" });
      // Equal points: the request confirmed first comes first, so the second family confirms a minute later.
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
      const second = await parentWithRequest(org.slug, { childFirstName: "Noah" });
      return {
        org,
        coordinator,
        base,
        caregiverUser,
        albers,
        first,
        second,
        rounds: `${base}/placement-rounds`,
      };
    }

    it("opens one round at a time, checks its dates and tells families and caregivers", async () => {
      const { coordinator, caregiverUser, first, second, rounds } = await contest();
      const late = await coordinator.post(rounds, { ...round, deadline: "2026-08-15" });
      expect(late.status).toBe(400);
      expect(late.body.error.fields).toEqual([
        { path: "deadline", message: "Die Frist muss vor dem Beginn der Plätze enden." },
      ]);
      const past = await coordinator.post(rounds, { ...round, startDate: "2026-02-01" });
      expect(past.status).toBe(400);

      // She chose English for her account: the mails to her are in English.
      const english = await caregiverUser.patch("/api/account/profile", {
        name: "Anna",
        phone: null,
        locale: "en",
      });
      expect(english.status).toBe(200);
      const opened = await coordinator.post(rounds, round);
      expect(opened.status).toBe(201);
      expect(opened.body).toMatchObject({
        status: "open",
        isRankingClosed: false,
        counts: { requests: 2, ranked: 0, caregivers: 1 },
        reviews: [],
        latestRun: null,
      });
      expect((await coordinator.post(rounds, round)).status).toBe(409);
      expect((await coordinator.get(rounds)).body).toHaveLength(1);
      // No run yet: the light status route answers null, not an error.
      const noRun = await coordinator.get(`${rounds}/${opened.body.id}/run`);
      expect(noRun.status).toBe(200);
      expect(noRun.body).toBeNull();

      for (const parent of [first, second]) {
        const mail = await smtp.waitForMail(
          (m) => m.to.includes(parent.email) && m.subject.startsWith("Vergaberunde „Kita-Jahr 2026/27“"),
        );
        expect(mail.text).toContain("bis 20.03.2026");
      }
      const review = await smtp.waitForMail(
        (m) => m.to.includes(caregiverUser.email) && m.subject.includes("check your list"),
      );
      expect(review.text).toContain("2 children fit your free places");
      expect(review.subject).toBe("Allocation round “Kita-Jahr 2026/27”: check your list by 20/03/2026");

      const changed = await coordinator.patch(`${rounds}/${opened.body.id}`, { title: "Kita-Jahr 26/27" });
      expect(changed.body.title).toBe("Kita-Jahr 26/27");
      const cancelled = await coordinator.post(`${rounds}/${opened.body.id}/cancel`);
      expect(cancelled.body.status).toBe("cancelled");
      expect((await coordinator.post(`${rounds}/${opened.body.id}/runs`)).status).toBe(409);
      expect((await coordinator.post(rounds, round)).status).toBe(201);
    });

    it("runs the round in the background and explains who got the place and why the other did not", async () => {
      const { org, coordinator, albers, first, second, rounds } = await contest();
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
      const older = await parentWithRequest(org.slug, {
        childFirstName: "Lea",
        childBirthDate: "2022-03-01",
      });
      const opened = await coordinator.post(rounds, round);
      const url = `${rounds}/${opened.body.id}`;
      expect((await coordinator.get(`${url}/results`)).status).toBe(409);

      const detail = await runRound(coordinator, url);
      expect(detail.latestRun).toMatchObject({
        status: "done",
        phase: "finished",
        progress: 1,
        isStale: false,
      });
      expect(detail.latestRun.stats).toMatchObject({
        requests: 3,
        caregivers: 1,
        placed: 1,
        unplaced: 2,
        firstChoice: 1,
        blockingPairs: 0,
      });

      // Equal points: the request confirmed first comes first.
      const results = await coordinator.get(`${url}/results`);
      expect(results.status).toBe(200);
      expect(results.body.total).toBe(3);
      const placed = await coordinator.get(`${url}/results?filter=placed`);
      expect(placed.body.items).toMatchObject([
        {
          requestId: first.requestId,
          caregiverId: albers,
          caregiverName: "Anna Albers",
          choice: 1,
          distanceKm: 0,
        },
      ]);
      const unplaced = await coordinator.get(`${url}/results?filter=unplaced`);
      expect(unplaced.body.items).toMatchObject([
        { requestId: second.requestId, caregiverId: null, choice: null, cutOffCount: 1 },
        { requestId: older.requestId, caregiverId: null, choice: null, cutOffCount: 1 },
      ]);
      // Nobody could take her: the nearest caregiver is listed with what does not fit.
      const tooOld = await coordinator.get(`${url}/results/${older.requestId}`);
      expect(tooOld.body.cutOffs).toEqual([
        {
          caregiverId: albers,
          caregiverName: "Anna Albers",
          outcome: "notAcceptable",
          reasons: [{ code: "age", childAgeMonths: 53, min: 6, max: 36 }],
        },
      ]);

      const why = await coordinator.get(`${url}/results/${second.requestId}`);
      expect(why.status).toBe(200);
      expect(why.body.cutOffs).toEqual([
        {
          caregiverId: albers,
          caregiverName: "Anna Albers",
          outcome: "noRoom",
          basis: "priorityPoints",
          reasons: [1, 2, 3, 4, 5].map((day) => ({
            code: "timesTaken",
            day,
            from: "08:00",
            to: "13:00",
            free: 1,
            takenByHigherRanked: 1,
          })),
        },
      ]);

      // Running decrypts the needs to judge inclusion: only where there are needs, and audited with the purpose.
      const reads = await t.app.platform.db
        .select({ details: auditEvents.details })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "placement.roundRun"), eq(auditEvents.entityId, opened.body.id)));
      expect(reads).toHaveLength(1);
    });

    it("lets the caregiver deviate from the criteria only with a reason, which the office sees and the round uses", async () => {
      const { coordinator, caregiverUser, albers, first, second, rounds, base } = await contest();
      const opened = await coordinator.post(rounds, round);
      const url = `${rounds}/${opened.body.id}`;

      const mine = await caregiverUser.get(`${base}/my-placement-round`);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({ round: { id: opened.body.id }, isDeviating: false, reason: "" });
      expect(mine.body.items.map((i: { requestId: string }) => i.requestId)).toEqual([
        first.requestId,
        second.requestId,
      ]);
      expect(mine.body.items[0]).toMatchObject({
        childFirstName: "Mila",
        town: "Beckum",
        distanceKm: 0,
        criteriaPosition: 1,
      });
      expect(mine.body.items[0]).not.toHaveProperty("email");
      expect(mine.body.items[0]).not.toHaveProperty("street");

      const swapped = [second.requestId, first.requestId];
      const noReason = await caregiverUser.put(`${base}/my-placement-round/order`, {
        order: swapped,
        reason: "",
      });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.fields[0].path).toBe("reason");
      const wrongList = await caregiverUser.put(`${base}/my-placement-round/order`, {
        order: [second.requestId],
        reason: "Geschwisterkind ist schon bei mir.",
      });
      expect(wrongList.status).toBe(409);
      const saved = await caregiverUser.put(`${base}/my-placement-round/order`, {
        order: swapped,
        reason: "Geschwisterkind ist schon bei mir.",
      });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ isDeviating: true, reason: "Geschwisterkind ist schon bei mir." });
      expect(saved.body.items[0]).toMatchObject({ requestId: second.requestId, criteriaPosition: 2 });

      const detail = await coordinator.get(url);
      expect(detail.body.reviews).toMatchObject([
        {
          caregiverId: albers,
          caregiverName: "Anna Albers",
          reason: "Geschwisterkind ist schon bei mir.",
          movedCount: 2,
        },
      ]);
      await runRound(coordinator, url);
      const why = await coordinator.get(`${url}/results/${first.requestId}`);
      expect(why.body.item.caregiverId).toBeNull();
      expect(why.body.cutOffs[0]).toMatchObject({ outcome: "noRoom", basis: "priorityOrder" });

      // Back to the criteria's order: no deviation, no reason needed, nothing stored.
      const reset = await caregiverUser.put(`${base}/my-placement-round/order`, {
        order: [first.requestId, second.requestId],
        reason: "",
      });
      expect(reset.body.isDeviating).toBe(false);
      expect((await coordinator.get(url)).body.reviews).toEqual([]);

      await coordinator.post(`${url}/close-ranking`);
      const late = await caregiverUser.put(`${base}/my-placement-round/order`, {
        order: swapped,
        reason: "Geschwisterkind ist schon bei mir.",
      });
      expect(late.status).toBe(409);
    });

    it("publishes only after the ranking and on unchanged data: offers by mail, the others told why", async () => {
      const { org, coordinator, caregiverUser, albers, first, second, rounds } = await contest();
      const opened = await coordinator.post(rounds, round);
      const url = `${rounds}/${opened.body.id}`;
      await runRound(coordinator, url);
      const early = await coordinator.post(`${url}/publish`, {});
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe("rankingOpen");

      const closed = await coordinator.post(`${url}/close-ranking`);
      expect(closed.body.isRankingClosed).toBe(true);
      // A new family joins after the run: the result no longer fits the data.
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
      const third = await parentWithRequest(org.slug, { childFirstName: "Ella" });
      expect((await coordinator.get(url)).body.latestRun.isStale).toBe(true);
      const stale = await coordinator.post(`${url}/publish`, {});
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe("roundStale");

      await runRound(coordinator, url);
      const published = await coordinator.post(`${url}/publish`, { respondBy: "2026-03-10" });
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({
        status: "published",
        respondBy: "2026-03-10",
        counts: { offersOpen: 1 },
      });
      expect((await coordinator.post(`${url}/runs`)).status).toBe(409);

      const offer = await smtp.waitForMail(
        (m) => m.to.includes(first.email) && m.subject.startsWith("Platzangebot"),
      );
      expect(offer.text).toContain("Anna Albers");
      expect(offer.text).toContain("10.03.2026");
      for (const parent of [second, third]) {
        await smtp.waitForMail((m) => m.to.includes(parent.email) && m.subject.includes("noch kein Platz"));
      }
      const notice = await smtp.waitForMail(
        (m) => m.to.includes(caregiverUser.email) && m.subject.includes("ein Kind für Sie"),
      );
      expect(notice.text).toContain("zugeordnet: Mila (Mo–Fr 8:00–13:00).");

      const offers = await t.app.platform.db
        .select()
        .from(placementOffers)
        .where(eq(placementOffers.requestId, first.requestId));
      expect(offers).toMatchObject([
        { caregiverId: albers, status: "open", start: "2026-08-01", roundId: opened.body.id },
      ]);

      // The family without a place sees why, without names of caregivers never suggested to them.
      const theirs = await second.get(
        `/api/orgs/${org.slug}/my-placement-requests/${second.requestId}/round`,
      );
      expect(theirs.status).toBe(200);
      expect(theirs.body).toMatchObject({
        round: { id: opened.body.id, status: "published" },
        outcome: { isPlaced: false, caregiverName: null, cutOffs: [], otherCutOffs: 1 },
      });
      // Nobody reads another family's round.
      expect(
        (await second.get(`/api/orgs/${org.slug}/my-placement-requests/${first.requestId}/round`)).status,
      ).toBe(404);
    });

    it("re-offers a declined place in a follow-up round, never to the family that declined it", async () => {
      const { org, coordinator, albers, first, second, rounds } = await contest();
      const opened = await coordinator.post(rounds, round);
      const url = `${rounds}/${opened.body.id}`;
      await coordinator.post(`${url}/close-ranking`);
      await runRound(coordinator, url);
      await coordinator.post(`${url}/publish`, {});
      const mine = `/api/orgs/${org.slug}/my-placement-requests/${first.requestId}`;
      expect((await first.post(`${mine}/offer-answer`, { accept: false })).status).toBe(200);

      const tooEarly = await coordinator.post(rounds, round);
      expect(tooEarly.status).toBe(201);
      await coordinator.post(`${rounds}/${tooEarly.body.id}/cancel`);
      const followUp = await coordinator.post(`${url}/follow-up`, {
        title: "Nachrunde",
        deadline: "2026-03-25",
      });
      expect(followUp.status).toBe(201);
      expect(followUp.body).toMatchObject({ previousRoundId: opened.body.id, startDate: "2026-08-01" });
      expect((await coordinator.get(url)).body).toMatchObject({
        followUpRoundId: followUp.body.id,
        counts: { offersDeclined: 1 },
      });

      const next = `${rounds}/${followUp.body.id}`;
      await coordinator.post(`${next}/close-ranking`);
      await runRound(coordinator, next);
      const placed = await coordinator.get(`${next}/results?filter=placed`);
      expect(placed.body.items).toMatchObject([{ requestId: second.requestId, caregiverId: albers }]);
      const declined = await coordinator.get(`${next}/results/${first.requestId}`);
      expect(declined.body).toMatchObject({ item: { caregiverId: null, cutOffCount: 0 }, cutOffs: [] });
    });

    it("reminds families with suggestions but no ranking once, two days before the deadline", async () => {
      const { org, coordinator, base, albers, first, second, rounds } = await contest();
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
      const unsuggested = await parentWithRequest(org.slug, { childFirstName: "Ella" });
      for (const parent of [first, second]) {
        const sent = await coordinator.post(`${base}/placement-requests/${parent.requestId}/suggestions`, {
          caregiverIds: [albers],
        });
        expect(sent.status).toBe(200);
      }
      const ranked = await second.put(
        `/api/orgs/${org.slug}/my-placement-requests/${second.requestId}/ranking`,
        { caregiverIds: [albers] },
      );
      expect(ranked.status).toBe(200);
      expect((await coordinator.post(rounds, round)).status).toBe(201);
      const before = t.clock.now;
      try {
        t.clock.now = new Date("2026-03-10T08:00:00Z");
        expect(await runJobOnce(t.app.platform, roundReminderJob)).toBe(true);
        t.clock.now = new Date("2026-03-18T08:00:00Z");
        expect(await runJobOnce(t.app.platform, roundReminderJob)).toBe(true);
        const reminder = await smtp.waitForMail(
          (m) => m.to.includes(first.email) && m.subject.startsWith("Erinnerung: Reihenfolge für Mila"),
        );
        expect(reminder.text).toContain("ob Sie die vorgeschlagene Kindertagespflegeperson annehmen würden");
        expect(await runJobOnce(t.app.platform, roundReminderJob)).toBe(true);
        // Give the outbox a moment, then check nobody else was reminded and nobody twice.
        await new Promise((resolve) => setTimeout(resolve, 300));
        const reminders = smtp.messages.filter((m) => m.subject.startsWith("Erinnerung: Reihenfolge"));
        const mine = reminders.filter((m) =>
          [first.email, second.email, unsuggested.email].some((email) => m.to.includes(email)),
        );
        expect(mine.map((m) => m.to)).toEqual([[first.email]]);
      } finally {
        t.clock.now = before;
      }
    });

    it("suggests the best caregivers to every family of the round that has none, so they can rank", async () => {
      const { org, coordinator, albers, first, second, rounds } = await contest();
      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
      const far = await parentWithRequest(org.slug, {
        childFirstName: "Ella",
        postalCode: "48143",
        town: "Münster",
      });
      const opened = await coordinator.post(rounds, round);
      const url = `${rounds}/${opened.body.id}`;
      const sent = await coordinator.post(`${url}/suggest-all`, { perFamily: 3 });
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual({ families: 2, suggestions: 2, withoutFit: 1 });
      for (const parent of [first, second]) {
        const mine = await parent.get(
          `/api/orgs/${org.slug}/my-placement-requests/${parent.requestId}/suggestions`,
        );
        expect(mine.body.suggestions.map((s: { caregiverId: string }) => s.caregiverId)).toEqual([albers]);
        await smtp.waitForMail((m) => m.to.includes(parent.email) && m.subject.startsWith("Vorschläge für"));
      }
      expect(
        (await far.get(`/api/orgs/${org.slug}/my-placement-requests/${far.requestId}/suggestions`)).body
          .suggestions,
      ).toEqual([]);
      // Those who have suggestions keep them: a second call sends nothing new.
      expect((await coordinator.post(`${url}/suggest-all`, {})).body).toEqual({
        families: 0,
        suggestions: 0,
        withoutFit: 1,
      });
      await coordinator.post(`${url}/close-ranking`);
      expect((await coordinator.post(`${url}/suggest-all`, {})).status).toBe(409);
    });

    it("keeps rounds to the office: families and caregivers cannot run or read them", async () => {
      const { org, coordinator, caregiverUser, first, rounds } = await contest();
      const opened = await coordinator.post(rounds, round);
      const url = `${rounds}/${opened.body.id}`;
      for (const client of [caregiverUser, first]) {
        expect((await client.get(rounds)).status).toBe(403);
        expect((await client.get(url)).status).toBe(403);
        expect((await client.post(`${url}/runs`)).status).toBe(403);
      }
      const parentOnly = await t.member(org, ["parent"]);
      expect((await parentOnly.get(`/api/orgs/${org.slug}/my-placement-round`)).status).toBe(403);
      const other = await office();
      expect((await other.coordinator.get(`${other.base}/placement-rounds/${opened.body.id}`)).status).toBe(
        404,
      );
    });
  },
  { smtpUrl: () => smtp.url },
);
