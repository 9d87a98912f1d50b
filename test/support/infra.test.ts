import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nodemailer from "nodemailer";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { findChromium } from "../../scripts/system-deps.mjs";
import { launchChromium } from "./browser";
import { createDatabase, dropDatabase, startPostgresCluster } from "./postgres-cluster";
import { startSmtpServer } from "./smtp";

// initdb and a cold Chromium start take a few seconds each on 2 cores.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function socketDirFromSettings(rows: { setting: string }[]): string {
  const dir = rows[0]?.setting.replaceAll("'", "");
  if (!dir) throw new Error("unix_socket_directories not set");
  return dir;
}

describe("postgres cluster", () => {
  it("starts PostgreSQL 15, creates and drops databases, and removes its dir on stop", async () => {
    const cluster = await startPostgresCluster();
    let stopped = false;
    try {
      expect(cluster.url).toMatch(/^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
      const [row] = await query<{ version: string }>(cluster.url, "select version()");
      expect(row?.version).toMatch(/^PostgreSQL 15\./);

      const [fsync] = await query<{ fsync: string }>(cluster.url, "show fsync");
      expect(fsync?.fsync).toBe("off");

      const clusterDir = socketDirFromSettings(
        await query<{ setting: string }>(
          cluster.url,
          "select setting from pg_settings where name = 'unix_socket_directories'",
        ),
      );
      expect(clusterDir.startsWith(join(tmpdir(), "ktp-pg-"))).toBe(true);
      expect(existsSync(clusterDir)).toBe(true);

      await query(cluster.url, "create table probe (id int primary key, name text)");
      await query(cluster.url, "insert into probe values (1, 'Tagesmütter')");

      const copyUrl = await createDatabase(cluster.url, "infra copy", "postgres");
      expect(copyUrl).toMatch(/\/infra%20copy$/);
      const [copied] = await query<{ name: string }>(copyUrl, "select name from probe where id = 1");
      expect(copied?.name).toBe("Tagesmütter");

      const emptyUrl = await createDatabase(cluster.url, "infra_empty");
      const [tables] = await query<{ n: number }>(
        emptyUrl,
        "select count(*)::int as n from pg_tables where tablename = 'probe'",
      );
      expect(tables?.n).toBe(0);
      const [db] = await query<{ encoding: string; collate: string }>(
        emptyUrl,
        "select current_setting('server_encoding') as encoding, datcollate as collate " +
          "from pg_database where datname = current_database()",
      );
      expect(db?.encoding).toBe("UTF8");
      expect(["C.UTF-8", "C"]).toContain(db?.collate);

      await dropDatabase(cluster.url, "infra copy");
      await dropDatabase(cluster.url, "infra_empty");
      const dbs = await query<{ datname: string }>(cluster.url, "select datname from pg_database");
      expect(dbs.map((d) => d.datname)).not.toContain("infra copy");

      await cluster.stop();
      stopped = true;
      expect(existsSync(clusterDir)).toBe(false);
      await cluster.stop(); // idempotent
    } finally {
      if (!stopped) await cluster.stop();
    }
  });
});

describe("smtp server", () => {
  it("receives a mail sent by nodemailer", async () => {
    const smtp = await startSmtpServer();
    try {
      expect(smtp.url).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
      const transport = nodemailer.createTransport(smtp.url);
      const waiting = smtp.waitForMail((m) => m.subject.startsWith("Willkommen"));
      await transport.sendMail({
        from: "KTP-Netz <noreply@ktp-netz.test>",
        to: "tagesmutter@example.org",
        bcc: "archiv@example.org",
        subject: "Willkommen bei KTP-Netz",
        text: "Hallo Jürgen,\nIhr Zugang ist bereit.",
        html: "<p>Hallo Jürgen,</p>",
      });
      const mail = await waiting;
      expect(mail.subject).toBe("Willkommen bei KTP-Netz");
      expect(mail.text).toContain("Hallo Jürgen,");
      expect(mail.html).toContain("<p>Hallo Jürgen,</p>");
      expect(mail.from).toBe("noreply@ktp-netz.test");
      expect(mail.to).toEqual(["tagesmutter@example.org", "archiv@example.org"]);
      expect(smtp.messages).toHaveLength(1);

      // Already received mails resolve at once.
      await expect(smtp.waitForMail((m) => m.to.includes("archiv@example.org"))).resolves.toBe(mail);
      await expect(smtp.waitForMail(() => false, 50)).rejects.toThrow(/No matching mail/);

      smtp.clear();
      expect(smtp.messages).toHaveLength(0);
      transport.close();
    } finally {
      await smtp.stop();
    }
  });
});

describe("browser", () => {
  it.skipIf(!findChromium())("launches Chromium and renders a page", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const html = "<!doctype html><title>KTP-Netz Probe</title><h1>Kindertagespflege</h1>";
      await page.goto(`data:text/html,${encodeURIComponent(html)}`);
      expect(await page.title()).toBe("KTP-Netz Probe");
      expect(await page.textContent("h1")).toBe("Kindertagespflege");
    } finally {
      await browser.close();
    }
  });
});
