import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi } from "../../../../test/support/test-app";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

describeApi(
  "identity",
  (t) => {
    it("signs in, reports the session and signs out", async () => {
      const user = await t.createUser({ name: "Anna Albers" });
      const client = await t.signIn(user.email.toUpperCase());
      const session = await client.get("/api/auth/session");
      expect(session.status).toBe(200);
      expect(session.body.user).toMatchObject({ email: user.email, name: "Anna Albers", hasMfa: false });
      expect(session.body.csrfToken).toBe(client.csrfToken);
      expect(session.headers["x-frame-options"]).toBeDefined();
      expect(session.headers["content-security-policy"]).toContain("frame-ancestors 'none'");

      const out = await client.post("/api/auth/logout");
      expect(out.status).toBe(200);
      const after = await client.get("/api/auth/session");
      expect(after.body.user).toBeNull();
    });

    it("sets an httpOnly session cookie", async () => {
      const user = await t.createUser();
      const response = await t.app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { email: user.email, password: user.password },
      });
      const cookie = response.cookies.find((c) => c.name === "ktp_session");
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe("Lax");
    });

    it("refuses a wrong password with the same answer as an unknown address", async () => {
      const user = await t.createUser();
      const wrong = await t
        .anonymous()
        .post("/api/auth/login", { email: user.email, password: "falsch-falsch" });
      const unknown = await t
        .anonymous()
        .post("/api/auth/login", { email: "niemand@example.org", password: "x" });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.error.code).toBe("invalidCredentials");
      expect(wrong.body.error.message).toBe("E-Mail-Adresse oder Passwort stimmen nicht.");
    });

    it("answers in English when the browser asks for it", async () => {
      const client = t.anonymous();
      const response = await client.request(
        "POST",
        "/api/auth/login",
        { email: "kein-at-zeichen", password: "" },
        { "accept-language": "en-GB,en;q=0.9" },
      );
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe("validation");
      expect(response.body.error.message).toBe("Please check the marked fields.");
      const paths = response.body.error.fields.map((f: { path: string }) => f.path);
      expect(paths).toEqual(expect.arrayContaining(["email", "password"]));
    });

    it("locks an address after repeated failures, with a growing wait", async () => {
      const user = await t.createUser();
      const client = t.anonymous();
      for (let i = 0; i < 5; i++) {
        const r = await client.post("/api/auth/login", { email: user.email, password: "falsch-falsch" });
        expect(r.status).toBe(401);
      }
      const locked = await client.post("/api/auth/login", { email: user.email, password: user.password });
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe("rateLimited");
      t.clock.now = new Date(t.clock.now.getTime() + 31_000);
      const wrongAgain = await client.post("/api/auth/login", {
        email: user.email,
        password: "falsch-falsch",
      });
      expect(wrongAgain.status).toBe(401);
      const lockedLonger = await client.post("/api/auth/login", {
        email: user.email,
        password: user.password,
      });
      expect(lockedLonger.status).toBe(429);
      expect(lockedLonger.body.error.message).toMatch(/60|59/);
      t.clock.now = new Date(t.clock.now.getTime() + 61_000);
      const ok = await client.post("/api/auth/login", { email: user.email, password: user.password });
      expect(ok.status).toBe(200);
    });

    it("rejects a state-changing request without the CSRF token", async () => {
      const user = await t.createUser();
      const client = await t.signIn(user.email);
      const response = await client.request(
        "PATCH",
        "/api/account/profile",
        { name: "Neu", phone: null, locale: "de" },
        { "x-csrf-token": "falsch" },
      );
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe("csrf");
      const session = await client.get("/api/auth/session");
      expect(session.body.user.name).toBe("Test Person");
    });

    it("rejects a sign-in posted from a foreign page", async () => {
      const user = await t.createUser();
      const response = await t
        .anonymous()
        .request(
          "POST",
          "/api/auth/login",
          { email: user.email, password: user.password },
          { origin: "https://evil.example" },
        );
      expect(response.status).toBe(403);
    });

    it("signs out everywhere", async () => {
      const user = await t.createUser();
      const phone = await t.signIn(user.email);
      const laptop = await t.signIn(user.email);
      expect((await laptop.get("/api/account/sessions")).body).toHaveLength(2);
      await laptop.post("/api/auth/logout-everywhere");
      expect((await phone.get("/api/auth/session")).body.user).toBeNull();
    });

    it("resets a forgotten password by e-mail, once", async () => {
      const user = await t.createUser({ email: `reset-${t.kind}@example.org`, name: "Rita Reset" });
      const other = await t.signIn(user.email);
      const anonymous = t.anonymous();
      const requested = await anonymous.post("/api/auth/password-reset", { email: user.email });
      expect(requested.status).toBe(200);
      const unknown = await anonymous.post("/api/auth/password-reset", { email: "unbekannt@example.org" });
      expect(unknown.status).toBe(200);
      const mail = await smtp.waitForMail((m) => m.to.includes(user.email));
      expect(mail.subject).toBe("Neues Passwort für KTP-Netz");
      expect(mail.text).toContain("Hallo Rita Reset,");
      const token = /\/passwort-neu\/([\w-]+)/.exec(mail.text)?.[1];
      expect(token).toBeTruthy();

      const confirmed = await anonymous.post("/api/auth/password-reset/confirm", {
        token,
        password: "ein-neues-passwort",
      });
      expect(confirmed.status).toBe(200);
      const again = await anonymous.post("/api/auth/password-reset/confirm", {
        token,
        password: "noch-ein-passwort",
      });
      expect(again.status).toBe(400);
      expect(again.body.error.code).toBe("tokenInvalid");
      expect((await other.get("/api/auth/session")).body.user).toBeNull();
      await t.signIn(user.email, "ein-neues-passwort");
    });

    it("lets a reset link expire after an hour", async () => {
      const user = await t.createUser({ email: `expire-${t.kind}@example.org` });
      await t.anonymous().post("/api/auth/password-reset", { email: user.email });
      const mail = await smtp.waitForMail((m) => m.to.includes(user.email));
      const token = /\/passwort-neu\/([\w-]+)/.exec(mail.text)?.[1];
      t.clock.now = new Date(t.clock.now.getTime() + 61 * 60_000);
      const late = await t
        .anonymous()
        .post("/api/auth/password-reset/confirm", { token, password: "ein-neues-passwort" });
      expect(late.status).toBe(400);
    });

    it("sets up two-factor sign-in and asks for the code at the next sign-in", async () => {
      const { TOTP, Secret } = await import("otpauth");
      const user = await t.createUser();
      const client = await t.signIn(user.email);
      const setup = await client.post("/api/account/mfa/setup");
      expect(setup.status).toBe(200);
      const totp = new TOTP({ secret: Secret.fromBase32(setup.body.secret), digits: 6, period: 30 });
      const code = () => totp.generate({ timestamp: t.clock.now.getTime() });
      const wrong = await client.post("/api/account/mfa/enable", {
        code: "000000" === code() ? "111111" : "000000",
      });
      expect(wrong.status).toBe(400);
      const enabled = await client.post("/api/account/mfa/enable", { code: code() });
      expect(enabled.status).toBe(200);
      expect(enabled.body.recoveryCodes).toHaveLength(10);

      const next = t.anonymous();
      const first = await next.post("/api/auth/login", { email: user.email, password: user.password });
      expect(first.body.status).toBe("mfaRequired");
      expect((await next.get("/api/account/sessions")).status).toBe(401);
      expect(
        (await next.post("/api/auth/mfa", { code: "123456" === code() ? "654321" : "123456" })).status,
      ).toBe(400);
      expect((await next.post("/api/auth/mfa", { code: code() })).status).toBe(200);
      expect((await next.get("/api/account/sessions")).status).toBe(200);

      const viaRecovery = t.anonymous();
      await viaRecovery.post("/api/auth/login", { email: user.email, password: user.password });
      const recovery = enabled.body.recoveryCodes[0];
      expect((await viaRecovery.post("/api/auth/mfa", { code: recovery })).status).toBe(200);
      const reused = t.anonymous();
      await reused.post("/api/auth/login", { email: user.email, password: user.password });
      expect((await reused.post("/api/auth/mfa", { code: recovery })).status).toBe(400);
    });

    it("changes the password and signs out the other devices", async () => {
      const user = await t.createUser();
      const here = await t.signIn(user.email);
      const there = await t.signIn(user.email);
      const wrong = await here.post("/api/account/password", {
        currentPassword: "falsch",
        newPassword: "ganz-neues-passwort",
      });
      expect(wrong.status).toBe(400);
      const ok = await here.post("/api/account/password", {
        currentPassword: user.password,
        newPassword: "ganz-neues-passwort",
      });
      expect(ok.status).toBe(200);
      expect((await here.get("/api/auth/session")).body.user).not.toBeNull();
      expect((await there.get("/api/auth/session")).body.user).toBeNull();
    });
  },
  { smtpUrl: () => smtp.url },
);
