/**
 * THE PROOF (issue 6, ADR 0014): after a secret vote with several voters, nothing in the database — no
 * column, no row, no row order, no timestamp, no audit entry, no mail — and nothing in the server's log ties a
 * choice to a person.
 */
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { sqlRows, startLoggingApp } from "../../../../test/support/logging-app";
import { describeApi, type TestContext } from "../../../../test/support/test-app";
import { motionBody, smtpForFile, voteHost } from "./votes.fixtures";

const smtp = smtpForFile();

/** Every row of every table of the application, as JSON text in plain `SELECT` order, by table. */
async function snapshot(t: TestContext): Promise<Map<string, string[]>> {
  const tables = await sqlRows<{ table_name: string }>(
    t,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const all = new Map<string, string[]>();
  for (const { table_name: name } of tables) {
    const rows = await sqlRows<{ row: string }>(
      t,
      sql.raw(`select row_to_json(x)::text as row from "${name}" x`),
    );
    all.set(
      name,
      rows.map((r) => r.row),
    );
  }
  return all;
}

/** The rows that are new or changed in `after`, by table. */
function written(before: Map<string, string[]>, after: Map<string, string[]>): Map<string, string[]> {
  const diff = new Map<string, string[]>();
  for (const [table, rows] of after) {
    const old = new Set(before.get(table) ?? []);
    const fresh = rows.filter((r) => !old.has(r));
    if (fresh.length > 0) diff.set(table, fresh);
  }
  return diff;
}

const TIMESTAMP = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

describeApi(
  "votes: the proof that a secret ballot cannot be tied to a person",
  (t) => {
    it("PROOF: no column, row, row order, timestamp, audit entry, mail or log line links a choice to a voter", async () => {
      const { org, chair, base } = await voteHost(t);
      const voters = [];
      for (const name of ["Anna Ahrens", "Ben Brandt", "Cem Celik", "Dora Dahl", "Emil Ernst"]) {
        voters.push(await t.member(org, ["member"], name));
      }
      const created = await chair.post(
        `${base}/votes`,
        motionBody({
          title: "Ort des Sommerfests",
          optionKind: "oneOf",
          options: ["Stadtpark", "Vereinsheim", "Badesee"],
          allowAbstain: true,
        }),
      );
      const voteId = created.body.id as string;
      const [park, heim, see] = created.body.options.map((o: { id: string }) => o.id) as [
        string,
        string,
        string,
      ];
      const labels = ["Stadtpark", "Vereinsheim", "Badesee"];
      expect((await chair.post(`${base}/votes/${voteId}/open`)).body.status).toBe("open");
      // A plain SELECT without WHERE or ORDER BY reads the table in its physical order, as pg_dump does.
      const tallyOrder = async () =>
        (
          await sqlRows<{ vote_id: string; option_id: string }>(
            t,
            sql`select vote_id, option_id from vote_tallies`,
          )
        )
          .filter((r) => r.vote_id === voteId)
          .map((r) => r.option_id);
      const orderAtOpening = await tallyOrder();
      expect(orderAtOpening).toEqual([park, heim, see]);

      const captured: string[] = [];
      const logging = await startLoggingApp(t, captured, smtp.url);
      // Each voter chooses differently, and the LAST voter's choice is unique, so that any trace of order
      // (the most recently changed counter last in the table) would give her away.
      const choices: { optionIds: string[]; abstain: boolean }[] = [
        { optionIds: [heim], abstain: false },
        { optionIds: [see], abstain: false },
        { optionIds: [see], abstain: false },
        { optionIds: [], abstain: true },
        { optionIds: [park], abstain: false },
      ];
      let before: Map<string, string[]>;
      let after: Map<string, string[]>;
      let logFrom = 0;
      try {
        const clients = [];
        for (const voter of voters) clients.push(await logging.signIn(voter.email));
        before = await snapshot(t);
        logFrom = captured.length;
        for (const [i, client] of clients.entries()) {
          // The clock moves between ballots: a stored time would differ per ballot and show up below.
          t.clock.now = new Date(Date.UTC(2026, 2, 2, 9, 5 + i));
          const cast = await client.post(`${base}/votes/${voteId}/ballots`, choices[i]);
          expect(cast.status, cast.text).toBe(201);
        }
        after = await snapshot(t);
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
        await logging.stop();
      }

      // 1. The columns: the roll has no time, id or order column; the counters have no person.
      const columns = await sqlRows<{ table_name: string; column_name: string; data_type: string }>(
        t,
        sql`select table_name, column_name, data_type from information_schema.columns
            where table_schema = 'public'
              and table_name in ('vote_participations', 'vote_tallies', 'vote_ballot_counts')
            order by table_name, ordinal_position`,
      );
      const shape = (table: string) =>
        columns.filter((c) => c.table_name === table).map((c) => c.column_name);
      expect(shape("vote_participations")).toEqual(["vote_id", "user_id", "cast_by_user_id"]);
      expect(shape("vote_tallies")).toEqual(["vote_id", "option_id", "count"]);
      expect(shape("vote_ballot_counts")).toEqual(["vote_id", "ballots", "abstentions"]);
      for (const c of columns)
        expect(c.data_type, `${c.table_name}.${c.column_name}`).not.toMatch(/time|date|serial/);

      // 2. Everything the five ballots wrote, in the whole database: the roll, the counters — nothing else.
      const diff = written(before, after);
      // Besides the roll and the counters only two platform tables change meanwhile, and neither gains a row:
      // a session's last use (every signed-in request, vote or not) and the delivery state of the mails
      // queued when the vote opened.
      expect([...diff.keys()].filter((k) => !["sessions", "mail_outbox"].includes(k)).sort()).toEqual([
        "vote_ballot_counts",
        "vote_participations",
        "vote_tallies",
      ]);
      const ids = (rows: string[] | undefined) =>
        new Set((rows ?? []).map((r) => JSON.parse(r).id as string));
      for (const table of ["sessions", "mail_outbox"]) {
        const old = ids(before.get(table));
        expect(
          [...ids(after.get(table))].filter((id) => !old.has(id)),
          `${table}: new rows`,
        ).toEqual([]);
      }
      expect(diff.get("vote_participations")).toHaveLength(5);
      const voterIds = voters.map((v) => v.userId);
      const optionIds = [park, heim, see];
      for (const [table, rows] of diff) {
        for (const row of rows) {
          if (table.startsWith("vote_")) expect(row, `${table}: no time`).not.toMatch(TIMESTAMP);
          const hasPerson = voterIds.some((id) => row.includes(id));
          const hasChoice = optionIds.some((id) => row.includes(id)) || /abstain/i.test(row);
          expect(hasPerson && hasChoice, `${table} ties a person to a choice: ${row}`).toBe(false);
        }
      }
      // No ballot row exists anywhere: no table holds a voter's id next to an option's id.
      for (const [table, rows] of after) {
        for (const row of rows) {
          const tied = voterIds.some((id) => row.includes(id)) && optionIds.some((id) => row.includes(id));
          expect(tied, `${table}: ${row}`).toBe(false);
        }
      }
      expect(after.get("vote_named_ballots") ?? []).toEqual([]);

      // 3. Row order: the counters are in the order they had at opening, whatever was chosen last.
      expect(await tallyOrder()).toEqual(orderAtOpening);
      const counters = (
        await sqlRows<{ vote_id: string; count: number }>(t, sql`select vote_id, count from vote_tallies`)
      ).filter((r) => r.vote_id === voteId);
      expect(counters.map((c) => Number(c.count))).toEqual([1, 1, 2]);
      const totals = await sqlRows<{ ballots: number; abstentions: number }>(
        t,
        sql`select ballots, abstentions from vote_ballot_counts where vote_id = ${voteId}`,
      );
      expect(totals.map((r) => [Number(r.ballots), Number(r.abstentions)])).toEqual([[5, 1]]);

      // 4. The audit log: casting wrote nothing (part of the diff above, checked here by name so that a
      // regression reads plainly); the outbox gained no mail (checked above by its ids).
      expect(diff.has("audit_events")).toBe(false);

      // 5. The log: the ballot requests are there (the capture works), the choices and the voters are not.
      const log = captured.slice(logFrom).join("\n");
      expect(log).toContain(`/votes/${voteId}/ballots`);
      for (const id of optionIds) expect(log).not.toContain(id);
      for (const label of labels) expect(log).not.toContain(label);
      expect(log).not.toMatch(/optionIds|abstain/);
      for (const voter of voters) {
        expect(log).not.toContain(voter.userId);
        expect(log).not.toContain(voter.email);
      }

      // And the result adds up.
      await chair.post(`${base}/votes/${voteId}/close`);
      const results = await chair.get(`${base}/votes/${voteId}/results`);
      expect(results.body).toMatchObject({ ballots: 5, abstentions: 1, participants: 5, entitled: 6 });
      expect(results.body.options.map((o: { label: string; votes: number }) => [o.label, o.votes])).toEqual([
        ["Stadtpark", 1],
        ["Vereinsheim", 1],
        ["Badesee", 2],
      ]);
    });
  },
  { smtpUrl: () => smtp.url },
);
