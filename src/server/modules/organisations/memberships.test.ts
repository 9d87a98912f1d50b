import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";
import { caregivers } from "../caregivers/caregivers.tables";
import { upsertMembership } from "./organisations.repository";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

describeApi(
  "memberships",
  (t) => {
    it("lets an admin remove a person; her account and other organisations stay, and so do the records", async () => {
      const office = await t.createOrganisation();
      const association = await t.createOrganisation({ kind: "association" });
      const admin = await t.member(office, ["admin"]);
      const caregiver = await t.member(office, ["caregiver"], "Clara Claasen");
      await upsertMembership(t.app.platform.db, association.id, caregiver.userId, ["member"]);
      const [record] = await t.app.platform.db
        .insert(caregivers)
        .values({
          organisationId: office.id,
          userId: caregiver.userId,
          firstName: "Clara",
          lastName: "Claasen",
          postalCode: "59269",
          town: "Beckum",
        })
        .returning({ id: caregivers.id });

      const members = (await admin.get(`/api/orgs/${office.slug}/members`)).body;
      const entry = members.find((m: { userId: string }) => m.userId === caregiver.userId);
      const removed = await admin.delete(`/api/orgs/${office.slug}/members/${entry.id}`);
      expect(removed.status).toBe(200);

      expect((await caregiver.get(`/api/orgs/${office.slug}/members`)).status).toBe(404);
      const slugs = (await caregiver.get("/api/me/memberships")).body.map((m: { slug: string }) => m.slug);
      expect(slugs).toEqual([association.slug]);
      expect((await caregiver.get(`/api/orgs/${association.slug}/members`)).status).toBe(200);
      expect((await caregiver.get("/api/auth/session")).body.user.id).toBe(caregiver.userId);

      // The registry entry is the office's record: it stays, still linked, and her access ends with the
      // membership, not with the record.
      const [kept] = await t.app.platform.db
        .select({ userId: caregivers.userId })
        .from(caregivers)
        .where(eq(caregivers.id, record?.id ?? ""));
      expect(kept).toEqual({ userId: caregiver.userId });

      const after = (await admin.get(`/api/orgs/${office.slug}/members`)).body;
      expect(after.find((m: { id: string }) => m.id === entry.id).status).toBe("left");
      expect((await admin.delete(`/api/orgs/${office.slug}/members/${entry.id}`)).status).toBe(409);
      const audit = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "organisations.memberRemoved"));
      expect(audit.find((a) => a.entityId === entry.id)?.details).toMatchObject({
        userId: caregiver.userId,
        roles: ["caregiver"],
      });
    });

    it("keeps the last admin: she can neither be removed nor leave until another admin exists", async () => {
      const org = await t.createOrganisation();
      const admin = await t.member(org, ["admin", "coordinator"]);
      const own = (await admin.get(`/api/orgs/${org.slug}/members`)).body[0];
      const removed = await admin.delete(`/api/orgs/${org.slug}/members/${own.id}`);
      expect(removed.status).toBe(409);
      expect(removed.body.error).toMatchObject({
        code: "lastAdmin",
        message:
          "Die Organisation braucht mindestens eine Person mit der Rolle Admin. Bitte geben Sie die Rolle zuerst einer anderen Person.",
      });
      const left = await admin.request("DELETE", `/api/orgs/${org.slug}/me`, undefined, {
        "accept-language": "en",
      });
      expect(left.status).toBe(409);
      expect(left.body.error.message).toBe(
        "The organisation needs at least one person with the admin role. Please give the role to someone else first.",
      );
      expect((await admin.get(`/api/orgs/${org.slug}/members`)).status).toBe(200);

      await t.member(org, ["admin"]);
      expect((await admin.delete(`/api/orgs/${org.slug}/me`)).status).toBe(200);
      expect((await admin.get(`/api/orgs/${org.slug}/members`)).status).toBe(404);
      expect((await admin.get("/api/me/memberships")).body).toEqual([]);
    });

    it("lets a member leave herself and brings her back only with the roles of a new invitation", async () => {
      const org = await t.createOrganisation({ kind: "association" });
      const board = await t.member(org, ["board"]);
      const member = await t.member(org, ["member", "caregiver"]);
      expect((await member.delete(`/api/orgs/${org.slug}/me`)).status).toBe(200);
      expect((await member.get(`/api/orgs/${org.slug}/members`)).status).toBe(404);
      const seen = (await board.get(`/api/orgs/${org.slug}/members`)).body;
      expect(seen.find((m: { userId: string }) => m.userId === member.userId).status).toBe("left");
      const audit = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.actorUserId, member.userId));
      expect(audit.map((a) => a.action)).toContain("organisations.memberLeft");

      await board.post(`/api/orgs/${org.slug}/invitations`, { email: member.email, roles: ["parent"] });
      const mail = await smtp.waitForMail((m) => m.to.includes(member.email));
      const token = /\/einladung\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
      expect((await member.post(`/api/invitations/${token}/join`)).status).toBe(200);
      const [back] = (await member.get("/api/me/memberships")).body;
      expect(back).toMatchObject({ slug: org.slug, roles: ["parent"] });
    });
  },
  { smtpUrl: () => smtp.url },
);
