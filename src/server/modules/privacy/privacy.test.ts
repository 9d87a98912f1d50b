import { expect, it } from "vitest";
import { describeApi } from "../../../../test/support/test-app";

describeApi("audit trail", (t) => {
  it("lets admins filter and export the organisation's audit trail, and nobody else", async () => {
    const org = await t.createOrganisation();
    const other = await t.createOrganisation();
    const admin = await t.member(org, ["admin"], "Ada Admin");
    await admin.post(`/api/orgs/${org.slug}/invitations`, { email: "neu@example.org", roles: ["parent"] });
    const otherAdmin = await t.member(other, ["admin"]);
    await otherAdmin.post(`/api/orgs/${other.slug}/invitations`, {
      email: "fremd@example.org",
      roles: ["parent"],
    });

    const list = await admin.get(`/api/orgs/${org.slug}/audit?action=organisations.invitationCreated`);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0]).toMatchObject({ actorName: "Ada Admin", entityType: "invitation" });
    expect(list.body.items[0].details.email).toBe("neu@example.org");

    const csv = await admin.get(`/api/orgs/${org.slug}/audit/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers["content-type"]).toContain("text/csv");
    const [header, newest] = csv.text.split("\r\n");
    expect(header).toBe(
      "\uFEFFZeitpunkt;Person;Personen-ID;Aktionscode;Aktion;Art;Datensatz;Details;IP-Adresse",
    );
    expect(newest).toContain("organisations.invitationCreated;Einladung verschickt;Einladung;");
    const english = await admin.request("GET", `/api/orgs/${org.slug}/audit/export.csv`, undefined, {
      "accept-language": "en",
    });
    expect(english.text.split("\r\n")[0]).toBe(
      "\uFEFFTime;Person;Person ID;Action code;Action;Kind;Record;Details;IP address",
    );
    expect(csv.text).not.toContain("fremd@example.org");

    const coordinator = await t.member(org, ["coordinator"]);
    expect((await coordinator.get(`/api/orgs/${org.slug}/audit`)).status).toBe(403);
    expect((await otherAdmin.get(`/api/orgs/${org.slug}/audit`)).status).toBe(404);
  });

  it("shows the mail outbox to the platform admin only", async () => {
    const platformAdmin = await t.createUser({ isPlatformAdmin: true });
    const client = await t.signIn(platformAdmin.email);
    await t.anonymous().post("/api/auth/password-reset", { email: platformAdmin.email });
    await t.app.platform.mailer.flush();
    const outbox = await client.get("/api/admin/outbox");
    expect(outbox.status).toBe(200);
    expect(outbox.body[0]).toMatchObject({ to: platformAdmin.email, status: "stored" });
    const org = await t.createOrganisation();
    const admin = await t.member(org, ["admin"]);
    expect((await admin.get("/api/admin/outbox")).status).toBe(404);
  });
});
