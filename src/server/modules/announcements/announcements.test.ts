import { afterAll, beforeAll, expect, it } from "vitest";
import { insertCareContract } from "../../../../test/support/placement";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi, type TestContext } from "../../../../test/support/test-app";
import { caregivers } from "../caregivers/caregivers.tables";
import { updateUser } from "../identity/identity.repository";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

/** A caregiver's registry record linked to her account, as the office keeps it. */
async function registerCaregiver(t: TestContext, organisationId: string, userId: string, lastName: string) {
  const [row] = await t.app.platform.db
    .insert(caregivers)
    .values({ organisationId, userId, firstName: "Test", lastName, postalCode: "59269", town: "Beckum" })
    .returning({ id: caregivers.id });
  return row?.id ?? "";
}

describeApi(
  "announcements",
  (t) => {
    it("reaches exactly the parents of one caregiver's children; opt-out respected, essential still mailed", async () => {
      const office = await t.createOrganisation({ name: "Fachberatung Beckum" });
      const coordinator = await t.member(office, ["coordinator"], "Cora Koordination");
      const anna = await t.member(office, ["caregiver"], "Anna Tagesmutter");
      const berta = await t.member(office, ["caregiver"], "Berta Tagesmutter");
      const annaId = await registerCaregiver(t, office.id, anna.userId, "Tagesmutter A");
      const bertaId = await registerCaregiver(t, office.id, berta.userId, "Tagesmutter B");
      const english = await t.member(office, ["parent"], "Emma English");
      await updateUser(t.app.platform.db, english.userId, { locale: "en" });
      const quiet = await t.member(office, ["parent"], "Quirin Ruhig");
      const otherParent = await t.member(office, ["parent"], "Olaf Anders");
      const former = await t.member(office, ["parent"], "Frieda Früher");
      await t.member(office, ["parent"], "Nina Ohnevertrag");
      await insertCareContract(t, office.id, english.userId, { caregiverId: annaId });
      await insertCareContract(t, office.id, quiet.userId, { caregiverId: annaId, end: "2026-12-31" });
      await insertCareContract(t, office.id, otherParent.userId, { caregiverId: bertaId });
      await insertCareContract(t, office.id, former.userId, { caregiverId: annaId, end: "2026-01-31" });

      expect(
        (
          await quiet.put(`/api/orgs/${office.slug}/announcements/mail-setting`, {
            isNonEssentialMailOff: true,
          })
        ).status,
      ).toBe(200);
      expect((await quiet.get("/api/me/announcement-mail-settings")).body).toEqual([
        { slug: office.slug, name: "Fachberatung Beckum", isNonEssentialMailOff: true },
      ]);

      smtp.clear();
      const sent = await coordinator.post(`/api/orgs/${office.slug}/announcements`, {
        title: "Schließtage im Sommer",
        body: "Anna macht vom 1. bis 21. August Urlaub.",
        audience: { kind: "parentsOfCaregiver", caregiverUserId: anna.userId },
      });
      expect(sent.status).toBe(201);
      expect(sent.body).toMatchObject({ recipientCount: 2, mailCount: 1 });
      const mail = await smtp.waitForMail((m) => m.to.includes(english.email));
      expect(mail.subject).toBe("Fachberatung Beckum: Schließtage im Sommer");
      expect(mail.text).toContain("Cora Koordination has written an announcement for you");
      expect(mail.text).toContain("Anna macht vom 1. bis 21. August Urlaub.");
      expect(mail.text).toContain("turn them off on your account page");
      await t.app.platform.mailer.flush();
      const mailed = smtp.messages.flatMap((m) => m.to);
      expect(mailed).toEqual([english.email]);

      t.clock.now = new Date(t.clock.now.getTime() + 60_000);
      const essential = await coordinator.post(`/api/orgs/${office.slug}/announcements`, {
        title: "Notfall: Vertretung ab morgen",
        body: "Anna ist krank. Die Vertretung übernimmt Berta.",
        isEssential: true,
        audience: { kind: "parentsOfCaregiver", caregiverUserId: anna.userId },
      });
      expect(essential.body).toMatchObject({ recipientCount: 2, mailCount: 2 });
      const urgent = await smtp.waitForMail((m) => m.to.includes(quiet.email));
      expect(urgent.subject).toBe("Wichtig – Fachberatung Beckum: Notfall: Vertretung ab morgen");
      expect(urgent.text).not.toContain("abbestellen");
      await t.app.platform.mailer.flush();
      const everyone = smtp.messages.flatMap((m) => m.to);
      for (const outsider of [otherParent.email, former.email, anna.email, berta.email, coordinator.email])
        expect(everyone).not.toContain(outsider);

      // In the app: both for the recipients, unread until opened; nothing for the others.
      const list = (await quiet.get(`/api/orgs/${office.slug}/announcements`)).body;
      expect(list.map((a: { title: string; isRead: boolean }) => [a.title, a.isRead])).toEqual([
        ["Notfall: Vertretung ab morgen", false],
        ["Schließtage im Sommer", false],
      ]);
      expect(list[0]).toMatchObject({
        isEssential: true,
        audience: "parentsOfCaregiver",
        caregiverName: "Anna Tagesmutter",
        authorName: "Cora Koordination",
        recipientCount: null,
      });
      expect((await quiet.get(`/api/orgs/${office.slug}/announcements/unread`)).body).toEqual({ count: 2 });
      expect((await quiet.post(`/api/orgs/${office.slug}/announcements/${list[0].id}/read`)).status).toBe(
        200,
      );
      expect((await quiet.post(`/api/orgs/${office.slug}/announcements/${list[0].id}/read`)).status).toBe(
        200,
      );
      expect((await quiet.get(`/api/orgs/${office.slug}/announcements/unread`)).body).toEqual({ count: 1 });
      expect((await otherParent.get(`/api/orgs/${office.slug}/announcements`)).body).toEqual([]);
      expect(
        (await otherParent.post(`/api/orgs/${office.slug}/announcements/${list[0].id}/read`)).status,
      ).toBe(404);
      const written = (await coordinator.get(`/api/orgs/${office.slug}/announcements`)).body;
      expect(
        written.map((a: { recipientCount: number; isRead: null }) => [a.recipientCount, a.isRead]),
      ).toEqual([
        [2, null],
        [2, null],
      ]);
    });

    it("sends to the association's groups: all members, day-care persons, the board", async () => {
      const association = await t.createOrganisation({ kind: "association" });
      const board = await t.member(association, ["board", "member"]);
      const caregiver = await t.member(association, ["member", "caregiver"]);
      const member = await t.member(association, ["member"]);
      // An employed substitute is a day-care person too.
      await t.member(association, ["member", "substitute"]);
      const leaver = await t.member(association, ["member", "caregiver"]);
      expect((await leaver.delete(`/api/orgs/${association.slug}/me`)).status).toBe(200);
      const send = async (kind: string) =>
        (
          await board.post(`/api/orgs/${association.slug}/announcements`, {
            title: "Stammtisch",
            body: "Dienstag, 19:30 Uhr",
            audience: { kind },
          })
        ).body.recipientCount;
      expect(await send("members")).toBe(4);
      expect(await send("caregivers")).toBe(2);
      expect(await send("board")).toBe(1);
      expect((await member.get(`/api/orgs/${association.slug}/announcements/unread`)).body).toEqual({
        count: 1,
      });
      expect((await caregiver.get(`/api/orgs/${association.slug}/announcements/unread`)).body).toEqual({
        count: 2,
      });
      expect((await leaver.get(`/api/orgs/${association.slug}/announcements`)).status).toBe(404);
    });

    it("lets only board, coordinators and admins write, and refuses bad input without sending", async () => {
      const office = await t.createOrganisation();
      const other = await t.createOrganisation();
      const coordinator = await t.member(office, ["coordinator"]);
      const parent = await t.member(office, ["parent"]);
      const caregiver = await t.member(office, ["caregiver"]);
      const stranger = await t.member(other, ["coordinator"]);
      const url = `/api/orgs/${office.slug}/announcements`;
      const valid = { title: "Hinweis", body: "Text", audience: { kind: "parents" } };
      expect((await parent.post(url, valid)).status).toBe(403);
      expect((await caregiver.post(url, valid)).status).toBe(403);
      expect((await stranger.post(url, valid)).status).toBe(404);
      expect((await stranger.get(url)).status).toBe(404);
      expect((await t.anonymous().get(url)).status).toBe(401);
      expect((await coordinator.post(url, { ...valid, title: " " })).status).toBe(400);
      expect((await coordinator.post(url, { ...valid, audience: { kind: "everyone" } })).status).toBe(400);
      expect(
        (await coordinator.post(url, { ...valid, audience: { kind: "parentsOfCaregiver" } })).status,
      ).toBe(400);
      const notCaregiver = await coordinator.post(url, {
        ...valid,
        audience: { kind: "parentsOfCaregiver", caregiverUserId: parent.userId },
      });
      expect(notCaregiver.status).toBe(400);
      expect((await coordinator.get(url)).body).toEqual([]);
      expect(
        (
          await parent.put(`/api/orgs/${office.slug}/announcements/mail-setting`, {
            isNonEssentialMailOff: "ja",
          })
        ).status,
      ).toBe(400);
      expect((await t.anonymous().get("/api/me/announcement-mail-settings")).status).toBe(401);
    });
  },
  { smtpUrl: () => smtp.url },
);
