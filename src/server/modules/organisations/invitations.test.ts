import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { type Client, describeApi, type TestContext } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

const tokenIn = (text: string) => /\/einladung\/([\w-]+)/.exec(text)?.[1] ?? "";

/** Invites `email` and returns the token of the link in the mail that arrives. */
async function invite(client: Client, slug: string, email: string, roles: string[]) {
  const response = await client.post(`/api/orgs/${slug}/invitations`, { email, roles });
  expect(response.status).toBe(201);
  const mail = await smtp.waitForMail((m) => m.to.includes(email));
  return tokenIn(mail.text);
}

async function auditActions(t: TestContext, organisationId: string) {
  const rows = await t.app.platform.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.organisationId, organisationId));
  return rows.map((r) => r.action);
}

describeApi(
  "invitations",
  (t) => {
    it("lists an open invitation and withdraws it; its link then says it was withdrawn", async () => {
      const org = await t.createOrganisation();
      const coordinator = await t.member(org, ["coordinator"]);
      const email = `zurueck-${t.kind}@example.org`;
      const token = await invite(coordinator, org.slug, email, ["parent"]);

      const [entry] = (await coordinator.get(`/api/orgs/${org.slug}/invitations`)).body;
      expect(entry).toMatchObject({
        email,
        roles: ["parent"],
        state: "open",
        usedAt: null,
        withdrawnAt: null,
      });

      const withdrawn = await coordinator.delete(`/api/orgs/${org.slug}/invitations/${entry.id}`);
      expect(withdrawn.status).toBe(200);

      const visitor = t.anonymous();
      const info = await visitor.get(`/api/invitations/${token}`);
      expect(info.status).toBe(410);
      expect(info.body.error.code).toBe("invitationWithdrawn");
      expect(info.body.error.message).toMatch(/^Diese Einladung wurde zurückgezogen/);
      const accepted = await visitor.post("/api/invitations/accept", {
        token,
        name: "Nora Nein",
        password: "sicheres-passwort",
      });
      expect(accepted.status).toBe(410);
      expect(accepted.body.error.code).toBe("invitationWithdrawn");
      expect((await visitor.get("/api/me/memberships")).status).toBe(401);

      const [after] = (await coordinator.get(`/api/orgs/${org.slug}/invitations`)).body;
      expect(after).toMatchObject({ state: "withdrawn", withdrawnAt: t.clock.now.toISOString() });
      const again = await coordinator.delete(`/api/orgs/${org.slug}/invitations/${entry.id}`);
      expect(again.status).toBe(409);
      expect(await auditActions(t, org.id)).toContain("organisations.invitationWithdrawn");
    });

    it("resends an expired invitation with a new link for 14 days; the old link is dead", async () => {
      const org = await t.createOrganisation();
      const admin = await t.member(org, ["admin"], "Anke Admin");
      const email = `erneut-${t.kind}@example.org`;
      const oldToken = await invite(admin, org.slug, email, ["caregiver"]);
      const start = t.clock.now;
      t.clock.now = new Date(start.getTime() + 15 * 86_400_000);

      const [expired] = (await admin.get(`/api/orgs/${org.slug}/invitations`)).body;
      expect(expired.state).toBe("expired");
      expect(await admin.delete(`/api/orgs/${org.slug}/invitations/${expired.id}`)).toMatchObject({
        status: 409,
      });

      const resent = await admin.post(`/api/orgs/${org.slug}/invitations/${expired.id}/resend`);
      expect(resent.status).toBe(200);
      const mail = await smtp.waitForMail((m) => m.to.includes(email) && !m.text.includes(oldToken));
      expect(mail.text).toContain("Anke Admin");
      const newToken = tokenIn(mail.text);
      expect(newToken).not.toBe(oldToken);

      const list = (await admin.get(`/api/orgs/${org.slug}/invitations`)).body;
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        email,
        roles: ["caregiver"],
        state: "open",
        expiresAt: new Date(t.clock.now.getTime() + 14 * 86_400_000).toISOString(),
      });

      const old = await t.anonymous().get(`/api/invitations/${oldToken}`);
      expect(old.status).toBe(410);
      expect(old.body.error.code).toBe("invitationReplaced");
      const visitor = t.anonymous();
      expect((await visitor.get(`/api/invitations/${newToken}`)).body).toMatchObject({ email });
      const joined = await visitor.post("/api/invitations/accept", {
        token: newToken,
        name: "Erna Erneut",
        password: "sicheres-passwort",
      });
      expect(joined.status).toBe(200);
      const [accepted] = (await admin.get(`/api/orgs/${org.slug}/invitations`)).body;
      expect(accepted).toMatchObject({ state: "accepted", usedAt: t.clock.now.toISOString() });
      const late = await admin.post(`/api/orgs/${org.slug}/invitations/${accepted.id}/resend`);
      expect(late.status).toBe(409);
      expect(await auditActions(t, org.id)).toContain("organisations.invitationResent");
    });

    it("does not let one organisation touch another's invitations", async () => {
      const mine = await t.createOrganisation();
      const theirs = await t.createOrganisation();
      const coordinator = await t.member(mine, ["coordinator"]);
      const board = await t.member(theirs, ["board"]);
      const email = `fremd-${t.kind}@example.org`;
      const token = await invite(board, theirs.slug, email, ["member"]);
      const [foreign] = (await board.get(`/api/orgs/${theirs.slug}/invitations`)).body;

      const withdraw = await coordinator.delete(`/api/orgs/${mine.slug}/invitations/${foreign.id}`);
      expect(withdraw.status).toBe(404);
      const resend = await coordinator.post(`/api/orgs/${mine.slug}/invitations/${foreign.id}/resend`);
      expect(resend.status).toBe(404);
      expect((await coordinator.get(`/api/orgs/${mine.slug}/invitations`)).body).toEqual([]);
      expect((await t.anonymous().get(`/api/invitations/${token}`)).status).toBe(200);
      const [unchanged] = (await board.get(`/api/orgs/${theirs.slug}/invitations`)).body;
      expect(unchanged.state).toBe("open");
    });

    it("lets only admins resend an invitation that grants the admin role", async () => {
      const org = await t.createOrganisation();
      const admin = await t.member(org, ["admin"]);
      const coordinator = await t.member(org, ["coordinator"]);
      await invite(admin, org.slug, `chefin-${t.kind}@example.org`, ["admin"]);
      const [entry] = (await coordinator.get(`/api/orgs/${org.slug}/invitations`)).body;
      const resend = await coordinator.post(`/api/orgs/${org.slug}/invitations/${entry.id}/resend`);
      expect(resend.status).toBe(403);
      // Taking an invitation back grants nothing, so whoever may invite may withdraw it.
      const withdraw = await coordinator.delete(`/api/orgs/${org.slug}/invitations/${entry.id}`);
      expect(withdraw.status).toBe(200);
    });
  },
  { smtpUrl: () => smtp.url },
);
