import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { capacity, insertCareContract, licence, placementFixtures } from "../../../../test/support/placement";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi } from "../../../../test/support/test-app";
import { substitutionCovers } from "./substitution.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

// The test clock's today is Monday 2026-03-02; the children below come on Mondays 08:00–12:00.
const TODAY = "2026-03-02";

/**
 * Two offices' worth of places handed out at the same moment: PGlite runs one transaction at a time, so these
 * races show only on PostgreSQL.
 */
describeApi(
  "substitution: one last place, two at once",
  (t) => {
    const { office, addCaregiver } = placementFixtures(t, () => smtp);

    /**
     * Anna and Berta, one child each, both ill today; Xenia licensed for five with four children of her own
     * (one place left) and, unless left out, Yvonne with room for all; all nearby.
     */
    async function scene({ withYvonne = true } = {}) {
      const { org, coordinator, base } = await office();
      const sub = `${base}/substitution`;
      const fiveAtOnce = { licence: { ...licence, maxChildren: 5 }, capacity: capacity(5) };
      const anna = await addCaregiver(coordinator, base, "Albers", fiveAtOnce);
      const berta = await addCaregiver(coordinator, base, "Brandt", fiveAtOnce);
      const xenia = await addCaregiver(coordinator, base, "Xanthopoulos", fiveAtOnce);
      const yvonne = withYvonne ? await addCaregiver(coordinator, base, "Yilmaz", fiveAtOnce) : null;
      const parent = await t.member(org, ["parent"]);
      let child = 0;
      for (const caregiverId of [anna, berta, xenia, xenia, xenia, xenia])
        await insertCareContract(t, org.id, parent.userId, { caregiverId, child: ++child });
      return { org, coordinator, sub, anna, berta, xenia, yvonne };
    }

    const report = (s: Awaited<ReturnType<typeof scene>>, caregiverId: string) =>
      s.coordinator.post(`${s.sub}/absences`, {
        kind: "illness",
        caregiverId,
        startsOn: TODAY,
        endsOn: TODAY,
      });

    async function coversAt(organisationId: string, caregiverId: string) {
      const rows = await t.app.platform.db
        .select()
        .from(substitutionCovers)
        .where(eq(substitutionCovers.organisationId, organisationId));
      return rows.filter((r) => r.coverCaregiverId === caregiverId && r.status !== "cancelled");
    }

    it.runIf(t.kind === "postgres")(
      "gives Xenia's last place to exactly one of two children changed to her at once",
      async () => {
        const s = await scene();
        const reported = await Promise.all([report(s, s.anna), report(s, s.berta)]);
        expect(reported.map((r) => r.status)).toEqual([201, 201]);
        const board = await s.coordinator.get(`${s.sub}/board?from=${TODAY}&to=${TODAY}`);
        const ids: string[] = board.body.days[0].covers.map((c: { id: string }) => c.id);
        expect(ids).toHaveLength(2);
        for (let round = 0; round < 3; round++) {
          for (const id of ids)
            expect(
              (await s.coordinator.put(`${s.sub}/covers/${id}`, { caregiverId: s.yvonne, kitaId: null }))
                .status,
            ).toBe(200);
          const answers = await Promise.all(
            ids.map((id) =>
              s.coordinator.put(`${s.sub}/covers/${id}`, { caregiverId: s.xenia, kitaId: null }),
            ),
          );
          expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
          const refused = answers.find((a) => a.status === 409);
          expect(refused?.body.error.code).toBe("substitutionCoverNotPossible");
          expect(refused?.body.error.details.problem).toMatchObject({
            code: "capacity",
            present: 6,
            limit: 5,
          });
          expect(await coversAt(s.org.id, s.xenia)).toHaveLength(1);
        }
      },
    );

    it.runIf(t.kind === "postgres")(
      "proposes Xenia's last place to one of two day-care persons who fall ill at the same moment",
      async () => {
        for (let round = 0; round < 3; round++) {
          // Anna and Berta are ill themselves, so the only one with room is Xenia, with one place.
          const s = await scene({ withYvonne: false });
          const reported = await Promise.all([report(s, s.anna), report(s, s.berta)]);
          expect(reported.map((r) => r.status)).toEqual([201, 201]);
          expect(await coversAt(s.org.id, s.xenia)).toHaveLength(1);
          const board = await s.coordinator.get(`${s.sub}/board?from=${TODAY}&to=${TODAY}`);
          expect(board.body.days[0]).toMatchObject({ proposed: 1, uncovered: 1 });
        }
      },
    );
  },
  { smtpUrl: () => smtp.url },
);
