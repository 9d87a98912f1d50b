import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { type Client, describeApi, type TestContext } from "../../../../test/support/test-app";
import { DECLINED_RETENTION_DAYS } from "../../../core/membership/applications";
import { auditEvents } from "../../platform/audit/audit.tables";
import { eraseDueApplications } from "./membership.service";
import { membershipApplications } from "./membership.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

const linkToken = (text: string, path: string) => new RegExp(`/${path}/([\\w-]+)`).exec(text)?.[1] ?? "";

function form(email: string, overrides: Record<string, unknown> = {}) {
  return {
    name: "Petra Paulsen",
    email,
    phone: "04551 12345",
    postalCode: "23795",
    town: "Bad Segeberg",
    isActiveCaregiver: true,
    places: 5,
    contactPreference: "email",
    acceptsStatutes: true,
    acceptsPrivacy: true,
    website: "",
    ...overrides,
  };
}

let nextAddress = 1;

/**
 * Sends the public form from a client address of its own: the form allows 10 submissions per address in
 * 10 minutes, and each test here is a visitor of its own.
 */
async function submit(t: TestContext, slug: string, body: unknown, lang = "de", address?: string) {
  const response = await t.app.inject({
    method: "POST",
    url: `/api/public/orgs/${slug}/membership-applications`,
    payload: body as object,
    headers: { "accept-language": lang },
    remoteAddress: address ?? `10.0.0.${nextAddress++}`,
  });
  return { status: response.statusCode, body: response.json() };
}

/** Sends the form and confirms the address with the link from the mail; returns the application's id. */
async function applyAndConfirm(t: TestContext, board: Client, slug: string, email: string, lang = "de") {
  const visitor = t.anonymous();
  const sent = await submit(t, slug, form(email), lang);
  expect(sent.status).toBe(202);
  const mail = await smtp.waitForMail((m) => m.to.includes(email));
  const confirmed = await visitor.post(
    `/api/membership-confirmations/${linkToken(mail.text, "bestaetigen")}`,
  );
  expect(confirmed.status).toBe(200);
  const pending = (await board.get(`/api/orgs/${slug}/membership/applications`)).body;
  return pending.find((a: { email: string }) => a.email === email).id as string;
}

async function countApplications(t: TestContext, organisationId: string) {
  const rows = await t.app.platform.db
    .select({ id: membershipApplications.id })
    .from(membershipApplications)
    .where(eq(membershipApplications.organisationId, organisationId));
  return rows.length;
}

describeApi(
  "membership applications",
  (t) => {
    it("takes an application, waits for the confirmed address, and approving invites the new member", async () => {
      const association = await t.createOrganisation({ kind: "association", name: "KTP-Verein Segeberg" });
      const board = await t.member(association, ["board", "member"], "Birte Vorstand");
      const settings = await board.put(`/api/orgs/${association.slug}/membership/settings`, {
        statutesUrl: "https://verein.example/satzung.pdf",
        privacyUrl: "",
      });
      expect(settings.body).toMatchObject({
        statutesUrl: "https://verein.example/satzung.pdf",
        privacyUrl: null,
      });

      const visitor = t.anonymous();
      const info = await visitor.get(`/api/public/orgs/${association.slug}/membership-form`);
      expect(info.body).toEqual({
        organisationName: "KTP-Verein Segeberg",
        statutesUrl: "https://verein.example/satzung.pdf",
        privacyUrl: null,
      });
      const email = `petra-${t.kind}@example.org`;
      const sent = await submit(t, association.slug, form(email), "en");
      expect(sent.status).toBe(202);
      const confirmMail = await smtp.waitForMail((m) => m.to.includes(email));
      expect(confirmMail.subject).toBe("Please confirm: your membership application to KTP-Verein Segeberg");
      // Unconfirmed: the board does not see it yet, neither in the applications nor in the register.
      expect((await board.get(`/api/orgs/${association.slug}/membership/applications`)).body).toEqual([]);
      const token = linkToken(confirmMail.text, "bestaetigen");
      const confirmed = await visitor.post(`/api/membership-confirmations/${token}`);
      expect(confirmed.body).toEqual({
        organisationName: "KTP-Verein Segeberg",
        organisationSlug: association.slug,
      });
      const reused = await visitor.post(`/api/membership-confirmations/${token}`);
      expect(reused.status).toBe(409);
      expect(reused.body.error).toMatchObject({
        code: "guestLinkUsed",
        details: { organisationSlug: association.slug },
      });
      const notice = await smtp.waitForMail((m) => m.to.includes(`${association.slug}@fachberatung.example`));
      expect(notice.subject).toBe("Neuer Mitgliedsantrag: Petra Paulsen");

      const [application] = (await board.get(`/api/orgs/${association.slug}/membership/applications`)).body;
      expect(application).toMatchObject({
        status: "pending",
        name: "Petra Paulsen",
        isActiveCaregiver: true,
        places: 5,
        locale: "en",
        statutesUrl: "https://verein.example/satzung.pdf",
        privacyUrl: null,
        consentedAt: t.clock.now.toISOString(),
      });
      const applied = (await board.get(`/api/orgs/${association.slug}/membership/register?status=applied`))
        .body;
      expect(applied.map((e: { name: string }) => e.name)).toEqual(["Petra Paulsen"]);

      const approved = await board.post(
        `/api/orgs/${association.slug}/membership/applications/${application.id}/approve`,
        { isCaregiver: true, message: "Herzlich willkommen!" },
      );
      expect(approved.status).toBe(200);
      const welcome = await smtp.waitForMail((m) => m.to.includes(email) && m.subject.startsWith("Welcome"));
      expect(welcome.text).toContain("Message from the board: Herzlich willkommen!");
      const invitation = await smtp.waitForMail(
        (m) => m.to.includes(email) && m.text.includes("/einladung/"),
      );
      expect(invitation.subject).toBe("Invitation to KTP-Verein Segeberg on KTP-Netz");
      const again = await board.post(
        `/api/orgs/${association.slug}/membership/applications/${application.id}/approve`,
        { isCaregiver: false },
      );
      expect(again.status).toBe(409);

      const joined = await visitor.post("/api/invitations/accept", {
        token: linkToken(invitation.text, "einladung"),
        name: "Petra Paulsen",
        password: "ein-gutes-passwort",
      });
      expect(joined.status).toBe(200);
      const [mine] = (await visitor.get("/api/me/memberships")).body;
      expect(mine).toMatchObject({ slug: association.slug });
      expect([...mine.roles].sort()).toEqual(["caregiver", "member"]);

      const active = (await board.get(`/api/orgs/${association.slug}/membership/register?q=paulsen`)).body;
      expect(active).toEqual([
        expect.objectContaining({ status: "active", email, leftOn: null, roles: ["member", "caregiver"] }),
      ]);
      const csv = await board.get(`/api/orgs/${association.slug}/membership/register.csv?status=active`);
      expect(csv.headers["content-type"]).toContain("text/csv");
      expect(csv.text).toContain("Petra Paulsen;");
      expect(csv.text).toContain("Aktiv;");
      expect(csv.text.split("\r\n")[0]).toBe(
        "\uFEFFName;E-Mail;Telefon;Status;Rollen;Beantragt am;Eingetreten am;Ausgetreten am;Grund des Austritts",
      );
    });

    it("drops the honeypot and a fourth unconfirmed application, refuses bad input, and is for associations only", async () => {
      const association = await t.createOrganisation({ kind: "association" });
      const office = await t.createOrganisation();
      const visitor = t.anonymous();
      const address = `10.1.0.${nextAddress++}`;
      const send = (body: unknown, slug = association.slug) => submit(t, slug, body, "de", address);
      expect((await send(form("bot@example.org", { website: "spam" }))).status).toBe(202);
      expect(await countApplications(t, association.id)).toBe(0);

      const noConsent = await send(form("ohne@example.org", { acceptsPrivacy: false }));
      expect(noConsent.status).toBe(400);
      expect(noConsent.body.error.fields).toEqual([
        { path: "acceptsPrivacy", message: "Ohne Ihre Zustimmung können wir den Antrag nicht annehmen." },
      ]);
      expect((await send(form("kaputt", { places: 0 }))).status).toBe(400);
      expect(await countApplications(t, association.id)).toBe(0);

      const email = `viermal-${t.kind}@example.org`;
      for (let i = 0; i < 4; i++) expect((await send(form(email))).status).toBe(202);
      expect(await countApplications(t, association.id)).toBe(3);

      expect((await visitor.get(`/api/public/orgs/${office.slug}/membership-form`)).status).toBe(404);
      expect((await send(form(email), office.slug)).status).toBe(404);
      // Ten submissions from one address within 10 minutes, then the form says "too many".
      const statuses: number[] = [];
      for (const name of ["neun", "zehn", "elf"])
        statuses.push((await send(form(`${name}@example.org`))).status);
      expect(statuses).toEqual([202, 202, 429]);
    });

    it("declines with a message in the applicant's language and deletes her data after the retention period", async () => {
      const association = await t.createOrganisation({ kind: "association" });
      const board = await t.member(association, ["board"]);
      const email = `abgelehnt-${t.kind}@example.org`;
      const id = await applyAndConfirm(t, board, association.slug, email, "en");
      const declined = await board.post(
        `/api/orgs/${association.slug}/membership/applications/${id}/decline`,
        {
          message: "Wir nehmen nur Personen aus dem Kreis auf.",
        },
      );
      expect(declined.status).toBe(200);
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(email) && m.subject.startsWith("Your membership"),
      );
      expect(mail.text).toContain("Message from the board: Wir nehmen nur Personen aus dem Kreis auf.");
      const list = (await board.get(`/api/orgs/${association.slug}/membership/applications?status=declined`))
        .body;
      expect(list).toEqual([
        expect.objectContaining({ id, status: "declined", decidedByName: "Test Person" }),
      ]);
      expect((await board.get(`/api/orgs/${association.slug}/membership/register`)).body).toEqual([
        expect.objectContaining({ status: "active", roles: ["board"] }),
      ]);

      // An unconfirmed application whose link runs out goes after 7 days; the declined one after the period.
      expect((await submit(t, association.slug, form("nie@example.org"))).status).toBe(202);
      const start = t.clock.now;
      try {
        t.clock.now = new Date(start.getTime() + 8 * 86_400_000);
        await eraseDueApplications(t.app.platform);
        expect(await countApplications(t, association.id)).toBe(1);
        t.clock.now = new Date(start.getTime() + (DECLINED_RETENTION_DAYS - 1) * 86_400_000);
        expect(await eraseDueApplications(t.app.platform)).toBe(0);
        t.clock.now = new Date(start.getTime() + DECLINED_RETENTION_DAYS * 86_400_000);
        expect(await eraseDueApplications(t.app.platform)).toBe(1);
        expect(await countApplications(t, association.id)).toBe(0);
      } finally {
        t.clock.now = start;
      }
      const audit = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "membership.applicationsErased"));
      const details = audit.filter((a) => a.organisationId === association.id).map((a) => a.details);
      expect(details).toEqual(
        expect.arrayContaining([
          { unconfirmed: 1, declined: 0, left: 0 },
          { unconfirmed: 0, declined: 1, left: 0 },
        ]),
      );
    });

    it("deletes a left member's application 90 days after she left; her register row stays", async () => {
      const association = await t.createOrganisation({ kind: "association" });
      const board = await t.member(association, ["board"]);
      const email = `ausgetreten-${t.kind}@example.org`;
      const id = await applyAndConfirm(t, board, association.slug, email);
      const approved = await board.post(
        `/api/orgs/${association.slug}/membership/applications/${id}/approve`,
        {
          isCaregiver: false,
        },
      );
      expect(approved.status).toBe(200);
      const register = async () =>
        (await board.get(`/api/orgs/${association.slug}/membership/register`)).body as {
          id: string;
          email: string;
          status: string;
        }[];
      const entry = (await register()).find((e) => e.email === email);
      if (!entry) throw new Error("approved member missing from the register");
      // While she is a member, her application (her consent to the statutes) stays.
      expect(await eraseDueApplications(t.app.platform)).toBe(0);
      const ended = await board.post(`/api/orgs/${association.slug}/membership/members/${entry.id}/end`, {
        reason: "Umzug",
      });
      expect(ended.status).toBe(200);
      const start = t.clock.now;
      try {
        t.clock.now = new Date(start.getTime() + 89 * 86_400_000);
        expect(await eraseDueApplications(t.app.platform)).toBe(0);
        expect(await countApplications(t, association.id)).toBe(1);
        t.clock.now = new Date(start.getTime() + 90 * 86_400_000);
        expect(await eraseDueApplications(t.app.platform)).toBe(1);
        expect(await countApplications(t, association.id)).toBe(0);
      } finally {
        t.clock.now = start;
      }
      expect((await register()).find((e) => e.id === entry.id)).toMatchObject({ status: "left" });
      const [erased] = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(
          and(
            eq(auditEvents.action, "membership.applicationsErased"),
            eq(auditEvents.organisationId, association.id),
          ),
        );
      expect(erased?.details).toEqual({ unconfirmed: 0, declined: 0, left: 1 });
    });

    it("lets the board end a membership with a reason and a member end her own; the rows stay as left", async () => {
      const association = await t.createOrganisation({ kind: "association" });
      const board = await t.member(association, ["board"]);
      const admin = await t.member(association, ["admin"], "Anna Admin");
      const member = await t.member(association, ["member"], "Mia Mitglied");
      const leaver = await t.member(association, ["member"], "Lena Selbst");
      const register = async () =>
        (await board.get(`/api/orgs/${association.slug}/membership/register`)).body;
      const idOf = async (userName: string) =>
        (await register()).find((e: { name: string }) => e.name === userName).id as string;

      const noReason = await board.post(
        `/api/orgs/${association.slug}/membership/members/${await idOf("Mia Mitglied")}/end`,
        { reason: " " },
      );
      expect(noReason.status).toBe(400);
      const ended = await board.post(
        `/api/orgs/${association.slug}/membership/members/${await idOf("Mia Mitglied")}/end`,
        { reason: "Beitrag seit zwei Jahren nicht gezahlt" },
      );
      expect(ended.status).toBe(200);
      const mail = await smtp.waitForMail((m) => m.to.includes(member.email));
      expect(mail.text).toContain("Grund: Beitrag seit zwei Jahren nicht gezahlt");
      expect((await member.get(`/api/orgs/${association.slug}/members`)).status).toBe(404);

      expect((await leaver.delete(`/api/orgs/${association.slug}/me`)).status).toBe(200);
      const today = t.clock.now.toISOString().slice(0, 10);
      const left = (await board.get(`/api/orgs/${association.slug}/membership/register?status=left`)).body;
      expect(left).toEqual([
        expect.objectContaining({ name: "Lena Selbst", status: "left", leftOn: today, leaveReason: null }),
        expect.objectContaining({
          name: "Mia Mitglied",
          status: "left",
          leftOn: today,
          leaveReason: "Beitrag seit zwei Jahren nicht gezahlt",
        }),
      ]);

      // An admin's membership is ended only by an admin.
      const adminId = await idOf("Anna Admin");
      const byBoard = await board.post(`/api/orgs/${association.slug}/membership/members/${adminId}/end`, {
        reason: "Versuch",
      });
      expect(byBoard.status).toBe(403);
      expect((await admin.get(`/api/orgs/${association.slug}/members`)).status).toBe(200);
    });

    it("answers members 403, other organisations' board 404, anonymous 401, and offices 404", async () => {
      const association = await t.createOrganisation({ kind: "association" });
      const other = await t.createOrganisation({ kind: "association" });
      const office = await t.createOrganisation();
      const board = await t.member(association, ["board"]);
      const member = await t.member(association, ["member", "caregiver"]);
      const otherBoard = await t.member(other, ["board"]);
      const officeAdmin = await t.member(office, ["admin"]);
      const id = await applyAndConfirm(t, board, association.slug, `rechte-${t.kind}@example.org`);
      const base = `/api/orgs/${association.slug}/membership`;

      expect((await member.get(`${base}/applications`)).status).toBe(403);
      expect((await member.post(`${base}/applications/${id}/approve`, {})).status).toBe(403);
      expect((await member.get(`${base}/register`)).status).toBe(403);
      expect((await otherBoard.get(`${base}/applications`)).status).toBe(404);
      expect(
        (await otherBoard.post(`/api/orgs/${other.slug}/membership/applications/${id}/approve`, {})).status,
      ).toBe(404);
      expect((await t.anonymous().get(`${base}/register`)).status).toBe(401);
      expect((await officeAdmin.get(`/api/orgs/${office.slug}/membership/register`)).status).toBe(404);
      expect((await board.get(`${base}/register?status=irgendwas`)).status).toBe(400);
      expect((await board.post(`${base}/applications/${id}/approve`, { isCaregiver: "ja" })).status).toBe(
        400,
      );
      expect(
        (await board.put(`${base}/settings`, { statutesUrl: "javascript:alert(1)", privacyUrl: "" })).status,
      ).toBe(400);
      const pending = (await board.get(`${base}/applications`)).body;
      expect(pending).toEqual([expect.objectContaining({ id, status: "pending" })]);
    });
  },
  { smtpUrl: () => smtp.url },
);
