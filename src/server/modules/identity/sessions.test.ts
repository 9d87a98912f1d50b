import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { Client, describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";

// Apart from identity.test.ts because every test signs in, and one file's app allows 30 sign-ins a minute.
describeApi("account sessions", (t) => {
  it("lists her sessions with device and address, and ends another one of her own", async () => {
    const user = await t.createUser();
    const phone = await t.signIn(user.email);
    const laptop = new Client(t.app, { "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" });
    await laptop.post("/api/auth/login", { email: user.email, password: user.password });
    const list = (await laptop.get("/api/account/sessions")).body;
    expect(list).toHaveLength(2);
    const own = list.find((s: { isCurrent: boolean }) => s.isCurrent);
    const other = list.find((s: { isCurrent: boolean }) => !s.isCurrent);
    expect(own).toMatchObject({ userAgent: expect.stringContaining("Firefox"), ip: "127.0.0.1" });
    expect(other.id).toHaveLength(12);

    const ended = await laptop.delete(`/api/account/sessions/${other.id}`);
    expect(ended.status).toBe(200);
    expect(ended.body).toEqual({ isSignedOut: false });
    expect((await phone.get("/api/auth/session")).body.user).toBeNull();
    expect((await phone.get("/api/account/sessions")).status).toBe(401);
    expect((await laptop.get("/api/account/sessions")).body).toHaveLength(1);
    expect((await laptop.delete(`/api/account/sessions/${other.id}`)).status).toBe(404);

    const audit = await t.app.platform.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, "identity.sessionEnded")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ session: other.id });
  });

  it("cannot end another person's session", async () => {
    const anna = await t.createUser();
    const bert = await t.createUser();
    const annaClient = await t.signIn(anna.email);
    const bertClient = await t.signIn(bert.email);
    const [bertSession] = (await bertClient.get("/api/account/sessions")).body;
    const response = await annaClient.delete(`/api/account/sessions/${bertSession.id}`);
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe("Nicht gefunden.");
    expect((await bertClient.get("/api/auth/session")).body.user).not.toBeNull();
    expect((await annaClient.delete("/api/account/sessions/kein-gueltiger-wert")).status).toBe(400);
  });

  it("ends the current session like signing out", async () => {
    const user = await t.createUser();
    const client = await t.signIn(user.email);
    const [current] = (await client.get("/api/account/sessions")).body;
    const ended = await client.delete(`/api/account/sessions/${current.id}`);
    expect(ended.body).toEqual({ isSignedOut: true });
    expect(client.cookie).toBeNull();
    expect((await client.get("/api/auth/session")).body.user).toBeNull();
  });
});
