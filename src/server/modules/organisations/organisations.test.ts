import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

describeApi(
  "organisations",
  (t) => {
    it("shows the public profile without sign-in, and 404 for an unknown slug", async () => {
      const org = await t.createOrganisation({ kind: "association", name: "Verein Test" });
      const response = await t.anonymous().get(`/api/public/orgs/${org.slug}`);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name: "Verein Test", kind: "association", hasMap: true });
      expect(response.body).not.toHaveProperty("statePreset");
      expect((await t.anonymous().get("/api/public/orgs/gibt-es-nicht")).status).toBe(404);
    });

    it("lets an admin edit the settings and the state preset, and records it", async () => {
      const org = await t.createOrganisation();
      const admin = await t.member(org, ["admin"]);
      const settings = await admin.get(`/api/orgs/${org.slug}`);
      expect(settings.body.statePreset.id).toBe("NRW");
      expect(settings.body.statePreset.rules.refresherNeedsValidCertificate).toBe(true);
      const rules = {
        ...settings.body.statePreset.rules,
        firstAidRefreshMonths: 36,
        refresherNeedsValidCertificate: false,
      };
      const body = {
        name: "Neuer Name",
        description: "Beschreibung",
        street: null,
        postalCode: "59269",
        town: "Beckum",
        email: "info@example.org",
        phone: null,
        website: "https://example.org",
        statePreset: { ...settings.body.statePreset, id: "custom", rules },
        requireMfaForStaff: false,
      };
      const updated = await admin.put(`/api/orgs/${org.slug}`, body);
      expect(updated.status).toBe(200);
      expect(updated.body.statePreset.rules.firstAidRefreshMonths).toBe(36);
      const audit = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.organisationId, org.id));
      expect(audit.map((a) => a.action)).toContain("organisations.settingsUpdated");

      const coordinator = await t.member(org, ["coordinator"]);
      // Coordinators work with the rules every day: they read them, only admins change them.
      const read = await coordinator.get(`/api/orgs/${org.slug}`);
      expect(read.body.statePreset.rules.firstAidRefreshMonths).toBe(36);
      expect(read.body.statePreset.rules.refresherNeedsValidCertificate).toBe(false);
      expect((await coordinator.put(`/api/orgs/${org.slug}`, body)).status).toBe(403);
      const bad = await admin.put(`/api/orgs/${org.slug}`, { ...body, postalCode: "123", email: "kaputt" });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
        "email",
        "postalCode",
      ]);
      expect(bad.body.error.fields.find((f: { path: string }) => f.path === "postalCode").message).toBe(
        "Bitte eine fünfstellige Postleitzahl eingeben.",
      );
    });

    it("invites a parent by e-mail; the parent sets a password and joins", async () => {
      const org = await t.createOrganisation();
      const coordinator = await t.member(org, ["coordinator"], "Birgit Brandt");
      const email = `eltern-${t.kind}@example.org`;
      const invited = await coordinator.post(`/api/orgs/${org.slug}/invitations`, {
        email,
        roles: ["parent"],
      });
      expect(invited.status).toBe(201);
      const mail = await smtp.waitForMail((m) => m.to.includes(email));
      expect(mail.subject).toContain(org.name);
      expect(mail.text).toContain("Birgit Brandt");
      expect(mail.text).toContain("Eltern");
      const token = /\/einladung\/([\w-]+)/.exec(mail.text)?.[1] ?? "";

      const visitor = t.anonymous();
      const info = await visitor.get(`/api/invitations/${token}`);
      expect(info.body).toMatchObject({ email, roles: ["parent"], hasAccount: false });
      const accepted = await visitor.post("/api/invitations/accept", {
        token,
        name: "Emre Ersoy",
        password: "sicheres-passwort",
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body.organisationSlug).toBe(org.slug);
      const memberships = await visitor.get("/api/me/memberships");
      expect(memberships.body).toEqual([expect.objectContaining({ slug: org.slug, roles: ["parent"] })]);
      const again = await t
        .anonymous()
        .post("/api/invitations/accept", { token, name: "X", password: "sicheres-passwort" });
      expect(again.status).toBe(400);
      expect(again.body.error.code).toBe("tokenInvalid");
    });

    it("lets only admins hand out the admin role", async () => {
      const org = await t.createOrganisation();
      const coordinator = await t.member(org, ["coordinator"]);
      const response = await coordinator.post(`/api/orgs/${org.slug}/invitations`, {
        email: "chef@example.org",
        roles: ["admin"],
      });
      expect(response.status).toBe(403);
      const parent = await t.member(org, ["parent"]);
      expect(
        (
          await parent.post(`/api/orgs/${org.slug}/invitations`, {
            email: "x@example.org",
            roles: ["parent"],
          })
        ).status,
      ).toBe(403);
    });

    it("adds an existing account to a second organisation", async () => {
      const first = await t.createOrganisation();
      const second = await t.createOrganisation({ kind: "association" });
      const caregiver = await t.member(first, ["caregiver"]);
      const board = await t.member(second, ["board"]);
      await board.post(`/api/orgs/${second.slug}/invitations`, { email: caregiver.email, roles: ["member"] });
      const mail = await smtp.waitForMail((m) => m.to.includes(caregiver.email));
      const token = /\/einladung\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
      expect((await t.anonymous().get(`/api/invitations/${token}`)).body.hasAccount).toBe(true);
      const stranger = await t.member(first, ["caregiver"]);
      expect((await stranger.post(`/api/invitations/${token}/join`)).status).toBe(400);
      const joined = await caregiver.post(`/api/invitations/${token}/join`);
      expect(joined.status).toBe(200);
      const slugs = (await caregiver.get("/api/me/memberships")).body.map((m: { slug: string }) => m.slug);
      expect(slugs.sort()).toEqual([first.slug, second.slug].sort());
    });

    it("shows the directory by role and hides hidden contact data from members", async () => {
      const org = await t.createOrganisation({ kind: "association" });
      const board = await t.member(org, ["board"], "Sabine Sommer");
      const shy = await t.member(org, ["member"], "Sina Still");
      const other = await t.member(org, ["member"], "Olga Offen");
      await shy.put(`/api/orgs/${org.slug}/me`, { isContactVisible: false });
      const seenByMember = (await other.get(`/api/orgs/${org.slug}/members`)).body;
      expect(seenByMember.find((m: { name: string }) => m.name === "Sina Still").email).toBeNull();
      const seenByBoard = (await board.get(`/api/orgs/${org.slug}/members`)).body;
      expect(seenByBoard.find((m: { name: string }) => m.name === "Sina Still").email).toBe(shy.email);
      const parent = await t.member(org, ["parent"]);
      const seenByParent = (await parent.get(`/api/orgs/${org.slug}/members`)).body;
      expect(seenByParent.map((m: { name: string }) => m.name)).toEqual(["Sabine Sommer"]);
    });

    it("never removes the last admin", async () => {
      const org = await t.createOrganisation();
      const admin = await t.member(org, ["admin"]);
      const members = (await admin.get(`/api/orgs/${org.slug}/members`)).body;
      const own = members.find((m: { userId: string }) => m.userId === admin.userId);
      const demote = await admin.put(`/api/orgs/${org.slug}/members/${own.id}`, {
        roles: ["coordinator"],
        status: "active",
      });
      expect(demote.status).toBe(409);
      expect(demote.body.error.code).toBe("lastAdmin");
    });

    it("refuses staff without two-factor sign-in when the organisation requires it", async () => {
      const org = await t.createOrganisation();
      const admin = await t.member(org, ["admin"]);
      const parent = await t.member(org, ["parent"]);
      const settings = (await admin.get(`/api/orgs/${org.slug}`)).body;
      const { id: _id, slug: _slug, kind: _kind, hasMap: _hasMap, ...rest } = settings;
      expect((await admin.put(`/api/orgs/${org.slug}`, { ...rest, requireMfaForStaff: true })).status).toBe(
        200,
      );
      const blocked = await admin.get(`/api/orgs/${org.slug}/members`);
      expect(blocked.status).toBe(403);
      expect(blocked.body.error.code).toBe("mfaSetupRequired");
      expect((await parent.get(`/api/orgs/${org.slug}/members`)).status).toBe(200);
    });

    it("lets the platform admin create an organisation and invite its admin", async () => {
      const platformAdmin = await t.createUser({ isPlatformAdmin: true });
      const client = await t.signIn(platformAdmin.email);
      const slug = `neu-${t.kind}`;
      const created = await client.post("/api/admin/orgs", {
        slug,
        kind: "association",
        name: "Neuer Verein",
        presetId: "SH",
        adminEmail: `vorstand-${t.kind}@example.org`,
      });
      expect(created.status).toBe(201);
      await smtp.waitForMail((m) => m.to.includes(`vorstand-${t.kind}@example.org`));
      expect(
        (
          await client.post("/api/admin/orgs", {
            slug,
            kind: "association",
            name: "X",
            presetId: "SH",
            adminEmail: "a@example.org",
          })
        ).status,
      ).toBe(409);
      const someone = await t.member(await t.createOrganisation(), ["admin"]);
      expect(
        (
          await someone.post("/api/admin/orgs", {
            slug: "x-y",
            kind: "association",
            name: "X",
            presetId: "SH",
            adminEmail: "a@example.org",
          })
        ).status,
      ).toBe(404);
    });
  },
  { smtpUrl: () => smtp.url },
);
