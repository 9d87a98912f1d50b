import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi, type TestContext } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";
import { runJobOnce } from "../../platform/jobs/scheduler";
import { mailOutbox } from "../../platform/mail/mail.tables";
import { memberships } from "../organisations/organisations.tables";
import { expireUnconfirmedJob } from "./placement.jobs";
import { placementRequestEvents, placementRequests } from "./placement.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

const monToFri = (from: string, to: string) => [1, 2, 3, 4, 5].map((day) => ({ day, from, to }));

/** A complete request as the public form sends it; the clock of the tests stands at 2 March 2026. */
function requestBody(email: string, overrides: Record<string, unknown> = {}) {
  return {
    childFirstName: "Mila",
    childBirthDate: "2025-02-10",
    wantedStart: "2026-08-01",
    careTimes: monToFri("08:00", "13:00"),
    street: "Nordstraße 12",
    postalCode: "59269",
    town: "Beckum",
    maxDistanceKm: 5,
    languages: ["Deutsch", "Türkisch"],
    noPets: true,
    wishes: "Gern in der Nähe des Bahnhofs",
    facts: [],
    hasNeedsConsent: false,
    needs: null,
    parentName: "Selin Demir",
    email,
    phone: "02521 4711",
    website: "",
    ...overrides,
  };
}

const peanutNeeds = {
  hasInclusionNeed: true,
  allergies: "Erdnussallergie (Notfallset)",
  diet: "vegetarisch",
  notes: "Braucht viel Ruhe beim Einschlafen",
};

let addressCounter = 0;

/** Each submission from its own client address, so the per-address limit only bites where it is tested. */
async function submit(
  t: TestContext,
  slug: string,
  body: Record<string, unknown>,
  options: { ip?: string; lang?: string } = {},
) {
  addressCounter++;
  const response = await t.app.inject({
    method: "POST",
    url: `/api/public/orgs/${slug}/placement-requests`,
    payload: body,
    remoteAddress: options.ip ?? `10.1.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`,
    headers: options.lang ? { "accept-language": options.lang } : {},
  });
  return { status: response.statusCode, body: response.json() };
}

function linkIn(text: string): string {
  const match = /\/anfrage\/bestaetigen\/([\w-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no confirmation link in: ${text}`);
  return match[1];
}

async function tokenFor(email: string): Promise<string> {
  const mail = await smtp.waitForMail(
    (m) => m.to.includes(email) && m.text.includes("/anfrage/bestaetigen/"),
  );
  return linkIn(mail.text);
}

async function auditActions(t: TestContext, entityId: string): Promise<string[]> {
  const rows = await t.app.platform.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId))
    .orderBy(auditEvents.at);
  return rows.map((r) => r.action);
}

describeApi(
  "placement requests",
  (t) => {
    let seq = 0;
    const uniqueEmail = (name: string) => `${name}.${t.kind}.${++seq}@eltern.example`;

    async function office() {
      const org = await t.createOrganisation();
      const coordinator = await t.member(org, ["coordinator"]);
      return { org, coordinator, base: `/api/orgs/${org.slug}` };
    }

    /** A parent who filed a request and confirmed it with a new account; signed in. */
    async function confirmedParent(slug: string, overrides: Record<string, unknown> = {}) {
      const email = uniqueEmail("eltern");
      expect((await submit(t, slug, requestBody(email, overrides))).status).toBe(202);
      const token = await tokenFor(email);
      const client = t.anonymous();
      const confirmed = await client.post("/api/placement-confirmations", {
        token,
        password: "ein-gutes-passwort",
      });
      expect(confirmed.status).toBe(200);
      return Object.assign(client, { email, requestId: confirmed.body.requestId as string });
    }

    it("shows anonymous visitors only the published criteria", async () => {
      const { org, coordinator, base } = await office();
      await coordinator.post(`${base}/placement-criteria`, {
        fact: "singleParent",
        label: "",
        points: 30,
        isPublished: true,
      });
      await coordinator.post(`${base}/placement-criteria`, {
        fact: "custom",
        label: "Schichtdienst",
        points: 10,
        isPublished: false,
      });
      const published = await t.anonymous().get(`/api/public/orgs/${org.slug}/placement-criteria`);
      expect(published.status).toBe(200);
      expect(published.body.criteria).toEqual([
        expect.objectContaining({ fact: "singleParent", key: "singleParent", points: 30, label: "" }),
      ]);
      expect(published.body.updatedAt).toBe(t.clock.now.toISOString());
    });

    it("takes a request from the public form, unconfirmed, and mails the confirmation link", async () => {
      const { org, coordinator, base } = await office();
      await coordinator.post(`${base}/placement-criteria`, {
        fact: "parentsWorking",
        label: "",
        points: 20,
        isPublished: true,
      });
      const email = uniqueEmail("formular");
      const sent = await submit(
        t,
        org.slug,
        requestBody(email, { facts: ["parentsWorking", "childWelfareNeed", "custom:forged"] }),
      );
      expect(sent).toEqual({ status: 202, body: { accepted: true } });
      const [row] = await t.app.platform.db
        .select()
        .from(placementRequests)
        .where(eq(placementRequests.email, email));
      expect(row).toMatchObject({
        status: "unconfirmed",
        parentUserId: null,
        // Only answers to published questions are kept.
        facts: ["parentsWorking"],
        priorityPoints: 20,
        criteriaVersion: 1,
        needsEncrypted: null,
        needsConsentAt: null,
      });
      expect(row?.lat).toBeCloseTo(51.75, 0);
      expect(row?.confirmationTokenHash).toHaveLength(43);
      const mail = await smtp.waitForMail((m) => m.to.includes(email));
      expect(mail.subject).toContain(org.name);
      expect(mail.text).toContain("Mo–Fr 8:00–13:00");
      expect(mail.text).toContain("01.08.2026");
      // The link's token is never stored, only its hash.
      expect(row?.confirmationTokenHash).not.toBe(linkIn(mail.text));
      // Nobody in the office sees an unconfirmed request on the board's default view.
      const board = await coordinator.get(`${base}/placement-requests`);
      expect(board.body.total).toBe(0);
      const all = await coordinator.get(`${base}/placement-requests?status=unconfirmed`);
      expect(all.body.items).toHaveLength(1);
    });

    it("drops what fills in the hidden field, and more than three unconfirmed requests per address", async () => {
      const { org } = await office();
      const bot = uniqueEmail("bot");
      expect(await submit(t, org.slug, requestBody(bot, { website: "https://spam.example" }))).toEqual({
        status: 202,
        body: { accepted: true },
      });
      const flood = uniqueEmail("flood");
      for (let i = 0; i < 5; i++) expect((await submit(t, org.slug, requestBody(flood))).status).toBe(202);
      const rows = await t.app.platform.db
        .select()
        .from(placementRequests)
        .where(eq(placementRequests.organisationId, org.id));
      expect(rows.filter((r) => r.email === bot)).toHaveLength(0);
      expect(rows.filter((r) => r.email === flood)).toHaveLength(3);
      const outbox = await t.app.platform.db.select().from(mailOutbox).where(eq(mailOutbox.to, bot));
      expect(outbox).toHaveLength(0);
    });

    it("limits submissions per client address", async () => {
      const { org } = await office();
      const ip = `10.9.9.${t.kind === "pglite" ? 1 : 2}`;
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) {
        statuses.push((await submit(t, org.slug, requestBody(uniqueEmail("limit")), { ip })).status);
      }
      expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
      expect(statuses[10]).toBe(429);
    });

    it("answers with translated field errors for the rules of a request, in German and English", async () => {
      const { org } = await office();
      const invalid = requestBody(uniqueEmail("fehler"), {
        childBirthDate: "2010-01-01",
        wantedStart: "2026-02-01",
        careTimes: [
          { day: 1, from: "05:30", to: "12:00" },
          { day: 1, from: "11:00", to: "14:00" },
          { day: 2, from: "09:00", to: "20:30" },
        ],
        postalCode: "00000",
      });
      const de = await submit(t, org.slug, invalid);
      expect(de.status).toBe(400);
      const fields = Object.fromEntries(
        de.body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
      );
      expect(fields).toEqual({
        "careTimes.0.from": "Kindertagespflege ist zwischen 06:00 und 20:00 Uhr möglich.",
        "careTimes.1.from": "Dieser Zeitraum überschneidet sich mit einem anderen am selben Tag.",
        "careTimes.2.to": "Kindertagespflege ist zwischen 06:00 und 20:00 Uhr möglich.",
        wantedStart: "Der Beginn darf nicht in der Vergangenheit liegen.",
        childBirthDate: "Zum Beginn darf das Kind höchstens 14 Jahre alt sein.",
        postalCode: "Diese Postleitzahl kennen wir nicht.",
      });
      const en = await submit(t, org.slug, invalid, { lang: "en" });
      const english = Object.fromEntries(
        en.body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
      );
      expect(english.wantedStart).toBe("The start cannot be in the past.");
      expect(english["careTimes.0.from"]).toBe("Family day care is possible between 06:00 and 20:00.");

      const schema = await submit(
        t,
        org.slug,
        requestBody(uniqueEmail("schema"), { careTimes: [], needs: peanutNeeds, maxDistanceKm: 0 }),
        { lang: "en" },
      );
      expect(schema.status).toBe(400);
      expect(schema.body.error.fields).toEqual(
        expect.arrayContaining([
          { path: "careTimes", message: "Please give at least one care time." },
          { path: "maxDistanceKm", message: "Please enter a whole number from 1 to 50 kilometres." },
          {
            path: "hasNeedsConsent",
            message: "We store details of health and support needs only with your consent.",
          },
        ]),
      );
      const rows = await t.app.platform.db
        .select()
        .from(placementRequests)
        .where(eq(placementRequests.organisationId, org.id));
      expect(rows).toHaveLength(0);
    });

    it("answers 404 for the form of an organisation that does not place children", async () => {
      const association = await t.createOrganisation({ kind: "association" });
      expect((await submit(t, association.slug, requestBody(uniqueEmail("verein")))).status).toBe(404);
      expect(
        (await t.anonymous().get(`/api/public/orgs/${association.slug}/placement-criteria`)).status,
      ).toBe(404);
      expect((await submit(t, "gibt-es-nicht", requestBody(uniqueEmail("nirgends")))).status).toBe(404);
    });

    it("confirms with a new account: parent membership, open request, session, history, audit and mail", async () => {
      const { org, coordinator, base } = await office();
      const email = uniqueEmail("neu");
      await submit(t, org.slug, requestBody(email));
      const token = await tokenFor(email);
      const anonymous = t.anonymous();
      const info = await anonymous.get(`/api/placement-confirmations/${token}`);
      expect(info.body).toEqual({
        organisationName: org.name,
        organisationSlug: org.slug,
        childFirstName: "Mila",
        email,
        hasAccount: false,
      });
      t.clock.now = new Date("2026-03-03T09:00:00Z");
      try {
        const confirmed = await anonymous.post("/api/placement-confirmations", {
          token,
          password: "ein-gutes-passwort",
        });
        expect(confirmed.status).toBe(200);
        expect(confirmed.body.organisationSlug).toBe(org.slug);
        const requestId = confirmed.body.requestId;
        // The answer signed her in.
        const session = await anonymous.get("/api/auth/session");
        expect(session.body.user).toMatchObject({ email, name: "Selin Demir" });
        const [membership] = await t.app.platform.db
          .select()
          .from(memberships)
          .where(and(eq(memberships.organisationId, org.id), eq(memberships.userId, session.body.user.id)));
        expect(membership?.roles).toEqual(["parent"]);

        const mine = await anonymous.get(`${base}/my-placement-requests/${requestId}`);
        expect(mine.status).toBe(200);
        expect(mine.body).toMatchObject({
          status: "open",
          confirmedAt: "2026-03-03T09:00:00.000Z",
          waitingDays: 0,
          ageMonthsAtStart: 17,
          needs: null,
        });
        expect(
          mine.body.history.map((h: { toStatus: string; reason: string }) => [h.toStatus, h.reason]),
        ).toEqual([
          ["unconfirmed", "submitted"],
          ["open", "confirmed"],
        ]);
        expect(await auditActions(t, requestId)).toEqual([
          "placement.requestSubmitted",
          "placement.requestConfirmed",
        ]);
        const mail = await smtp.waitForMail((m) => m.to.includes(email) && m.subject.includes("eingegangen"));
        expect(mail.text).toContain(`/app/${org.slug}/anfragen/${requestId}`);

        // The link works once.
        const again = await t
          .anonymous()
          .post("/api/placement-confirmations", { token, password: "noch-ein-passwort" });
        expect(again.status).toBe(409);
        expect(again.body.error).toMatchObject({
          code: "guestLinkUsed",
          details: { organisationSlug: org.slug },
        });
        expect((await t.anonymous().get(`/api/placement-confirmations/${token}`)).status).toBe(409);

        const board = await coordinator.get(`${base}/placement-requests`);
        expect(board.body.items).toHaveLength(1);
        expect(board.body.items[0]).toMatchObject({ id: requestId, status: "open", waitingDays: 0 });
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }
    });

    it("attaches a request to an existing account only when its holder signs in", async () => {
      const { org, base } = await office();
      const owner = await t.createUser({ name: "Hanna Haas" });
      const stranger = await t.member(await t.createOrganisation(), ["caregiver"]);
      await submit(t, org.slug, requestBody(owner.email));
      const token = await tokenFor(owner.email);
      expect((await t.anonymous().get(`/api/placement-confirmations/${token}`)).body.hasAccount).toBe(true);

      // The link alone does not set the password of an existing account.
      const takeover = await t.anonymous().post("/api/placement-confirmations", {
        token,
        password: "uebernahme-versuch",
      });
      expect(takeover.status).toBe(409);
      expect(takeover.body.error.code).toBe("emailTaken");
      // Someone else's account cannot take the request, even with the link.
      const other = await stranger.post(`/api/placement-confirmations/${token}/attach`);
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe("emailMismatch");
      expect((await t.anonymous().post(`/api/placement-confirmations/${token}/attach`)).status).toBe(401);

      const signedIn = await t.signIn(owner.email);
      const attached = await signedIn.post(`/api/placement-confirmations/${token}/attach`);
      expect(attached.status).toBe(200);
      expect(attached.body.organisationSlug).toBe(org.slug);
      const list = await signedIn.get(`${base}/my-placement-requests`);
      expect(list.body).toEqual([expect.objectContaining({ id: attached.body.requestId, status: "open" })]);
      const actions = await auditActions(t, attached.body.requestId);
      expect(actions).toContain("placement.requestConfirmed");
    });

    it("adds the parent role to a member's roles instead of replacing them", async () => {
      const { org, base } = await office();
      const caregiver = await t.member(org, ["caregiver"]);
      await submit(t, org.slug, requestBody(caregiver.email));
      const token = await tokenFor(caregiver.email);
      expect((await caregiver.post(`/api/placement-confirmations/${token}/attach`)).status).toBe(200);
      const [membership] = await t.app.platform.db
        .select()
        .from(memberships)
        .where(and(eq(memberships.organisationId, org.id), eq(memberships.userId, caregiver.userId)));
      expect([...(membership?.roles ?? [])].sort()).toEqual(["caregiver", "parent"]);
      expect((await caregiver.get(`${base}/my-placement-requests`)).body).toHaveLength(1);
    });

    it("stores needs only with consent, encrypted, and audits every read by the office", async () => {
      const { org, coordinator, base } = await office();
      const parent = await confirmedParent(org.slug, { hasNeedsConsent: true, needs: peanutNeeds });
      const [row] = await t.app.platform.db
        .select()
        .from(placementRequests)
        .where(eq(placementRequests.id, parent.requestId));
      expect(row?.needsConsentAt).not.toBeNull();
      expect(row?.needsEncrypted).toMatch(/^v1\./);
      const raw = (await t.app.platform.db.execute(
        sql`select needs_encrypted::text as stored from placement_requests where id = ${parent.requestId}`,
      )) as unknown as { rows: { stored: string }[] };
      expect(raw.rows[0]?.stored).not.toContain("Erdnuss");
      expect(raw.rows[0]?.stored).not.toContain("vegetarisch");

      // She reads her own needs; the board and the detail never carry them.
      expect((await parent.get(`${base}/my-placement-requests/${parent.requestId}`)).body.needs).toEqual(
        peanutNeeds,
      );
      const board = await coordinator.get(`${base}/placement-requests`);
      expect(board.text).not.toContain("Erdnuss");
      expect(board.body.items[0].hasNeeds).toBe(true);
      const detail = await coordinator.get(`${base}/placement-requests/${parent.requestId}`);
      expect(detail.text).not.toContain("Erdnuss");
      expect(detail.body).toMatchObject({ hasNeeds: true, parentName: "Selin Demir", hasAccount: true });
      expect(await auditActions(t, parent.requestId)).not.toContain("placement.needsRead");

      const needs = await coordinator.get(`${base}/placement-requests/${parent.requestId}/needs`);
      expect(needs.status).toBe(200);
      expect(needs.body).toEqual(peanutNeeds);
      expect(needs.headers["cache-control"]).toBe("no-store");
      const [read] = await t.app.platform.db
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.entityId, parent.requestId), eq(auditEvents.action, "placement.needsRead")),
        );
      expect(read?.actorUserId).toBe(coordinator.userId);

      // Consent given but nothing to keep: nothing stored. Withdrawing the consent erases the needs.
      const changed = await parent.put(`${base}/my-placement-requests/${parent.requestId}`, {
        ...changeableOf(requestBody(parent.email)),
        hasNeedsConsent: false,
        needs: null,
      });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ needs: null, needsConsentAt: null });
      const [after] = await t.app.platform.db
        .select()
        .from(placementRequests)
        .where(eq(placementRequests.id, parent.requestId));
      expect(after?.needsEncrypted).toBeNull();
      const noNeeds = await coordinator.get(`${base}/placement-requests/${parent.requestId}/needs`);
      expect(noNeeds.status).toBe(404);
    });

    it("lets a parent see and change only her own requests", async () => {
      const { org, base } = await office();
      const first = await confirmedParent(org.slug);
      const second = await confirmedParent(org.slug, { childFirstName: "Ole" });
      expect(
        (await first.get(`${base}/my-placement-requests`)).body.map((r: { id: string }) => r.id),
      ).toEqual([first.requestId]);
      expect((await first.get(`${base}/my-placement-requests/${second.requestId}`)).status).toBe(404);
      const foreign = await first.put(
        `${base}/my-placement-requests/${second.requestId}`,
        changeableOf(requestBody(first.email)),
      );
      expect(foreign.status).toBe(404);
      expect(
        (await first.post(`${base}/my-placement-requests/${second.requestId}/withdraw`, { reason: "other" }))
          .status,
      ).toBe(404);

      // Outside her organisation the routes do not exist for her; other roles are refused; the board is staff's.
      const elsewhere = await office();
      expect((await first.get(`${elsewhere.base}/my-placement-requests`)).status).toBe(404);
      const caregiver = await t.member(org, ["caregiver"]);
      expect((await caregiver.get(`${base}/my-placement-requests`)).status).toBe(403);
      expect((await caregiver.get(`${base}/placement-requests`)).status).toBe(403);
      expect((await first.get(`${base}/placement-requests`)).status).toBe(403);
      expect((await first.get(`${base}/placement-requests/${first.requestId}/needs`)).status).toBe(403);
      expect((await t.anonymous().get(`${base}/my-placement-requests`)).status).toBe(401);
      expect((await elsewhere.coordinator.get(`${base}/placement-requests/${first.requestId}`)).status).toBe(
        404,
      );
      expect(
        (await elsewhere.coordinator.get(`${elsewhere.base}/placement-requests/${first.requestId}`)).status,
      ).toBe(404);
    });

    it("recomputes points when a parent changes her answers, and keeps a start that passed while waiting", async () => {
      const { org, coordinator, base } = await office();
      const created = await coordinator.post(`${base}/placement-criteria`, {
        fact: "singleParent",
        label: "",
        points: 30,
        isPublished: true,
      });
      const custom = await coordinator.post(`${base}/placement-criteria`, {
        fact: "custom",
        label: "Wohnsitz in der Stadt",
        points: 10,
        isPublished: true,
      });
      expect(created.status).toBe(201);
      const customKey = custom.body.criteria.find((c: { fact: string }) => c.fact === "custom").key;
      const parent = await confirmedParent(org.slug, { wantedStart: "2026-03-10" });
      t.clock.now = new Date("2026-03-20T09:00:00Z");
      try {
        const body = {
          ...changeableOf(requestBody(parent.email)),
          wantedStart: "2026-03-10",
          careTimes: [
            { day: 1, from: "07:30", to: "12:00" },
            { day: 1, from: "13:00", to: "16:15" },
            { day: 3, from: "08:00", to: "12:00" },
          ],
          facts: ["singleParent", customKey],
          maxDistanceKm: 8,
        };
        const changed = await parent.put(`${base}/my-placement-requests/${parent.requestId}`, body);
        expect(changed.status).toBe(200);
        expect(changed.body).toMatchObject({
          priorityPoints: 40,
          maxDistanceKm: 8,
          careTimes: body.careTimes,
          waitingDays: 18,
        });
        expect(
          changed.body.awarded.map((a: { points: number; label: string }) => [a.points, a.label]),
        ).toEqual([
          [30, ""],
          [10, "Wohnsitz in der Stadt"],
        ]);
        const [audit] = await t.app.platform.db
          .select()
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.entityId, parent.requestId),
              eq(auditEvents.action, "placement.requestChanged"),
            ),
          );
        expect(audit?.details).toMatchObject({
          fields: expect.arrayContaining(["careTimes", "facts", "maxDistanceKm"]),
          priorityPoints: { from: 0, to: 40 },
        });
        // Moving the start, though, must not move it into the past.
        const moved = await parent.put(`${base}/my-placement-requests/${parent.requestId}`, {
          ...body,
          wantedStart: "2026-03-15",
        });
        expect(moved.status).toBe(400);
        expect(moved.body.error.fields).toEqual([
          { path: "wantedStart", message: "Der Beginn darf nicht in der Vergangenheit liegen." },
        ]);
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }
    });

    it("withdraws with history, audit and a confirming mail, and erases the needs", async () => {
      const { org, coordinator, base } = await office();
      const parent = await confirmedParent(org.slug, { hasNeedsConsent: true, needs: peanutNeeds });
      const withdrawn = await parent.post(`${base}/my-placement-requests/${parent.requestId}/withdraw`, {
        reason: "placedElsewhere",
      });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: "withdrawn", needs: null, waitingDays: null });
      expect(withdrawn.body.history.at(-1)).toMatchObject({
        fromStatus: "open",
        toStatus: "withdrawn",
        actor: "parent",
        reason: "placedElsewhere",
      });
      const [row] = await t.app.platform.db
        .select()
        .from(placementRequests)
        .where(eq(placementRequests.id, parent.requestId));
      expect(row?.needsEncrypted).toBeNull();
      expect(await auditActions(t, parent.requestId)).toContain("placement.requestWithdrawn");
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(parent.email) && m.subject.includes("zurückgezogen"),
      );
      expect(mail.text).toContain("Platz anderswo gefunden");

      const again = await parent.put(
        `${base}/my-placement-requests/${parent.requestId}`,
        changeableOf(requestBody(parent.email)),
      );
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe("requestClosed");
      expect((await coordinator.get(`${base}/placement-requests`)).body.total).toBe(0);
    });

    it("lets the office close a request, telling the parents why", async () => {
      const { org, coordinator, base } = await office();
      const parent = await confirmedParent(org.slug);
      const closed = await coordinator.post(`${base}/placement-requests/${parent.requestId}/close`, {
        reason: "unreachable",
        note: "Drei Anrufe ohne Antwort",
      });
      expect(closed.status).toBe(200);
      expect(closed.body.status).toBe("closed");
      expect(closed.body.history.at(-1)).toMatchObject({ actor: "staff", reason: "unreachable" });
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(parent.email) && m.subject.includes("abgeschlossen"),
      );
      expect(mail.text).toContain("Familie nicht erreichbar");
      expect(mail.text).not.toContain("Drei Anrufe");
      expect(closed.body.history.at(-1).note).toBe("Drei Anrufe ohne Antwort");
      const own = await parent.get(`${base}/my-placement-requests/${parent.requestId}`);
      expect(own.body.history.at(-1)).toMatchObject({ reason: "unreachable", note: "" });
      const twice = await coordinator.post(`${base}/placement-requests/${parent.requestId}/close`, {
        reason: "other",
      });
      expect(twice.status).toBe(409);
      const events = await t.app.platform.db
        .select()
        .from(placementRequestEvents)
        .where(eq(placementRequestEvents.requestId, parent.requestId));
      expect(events.map((e) => e.toStatus)).toEqual(["unconfirmed", "open", "closed"]);
    });

    it("shows the board with ages, times, areas, waiting days, filters and counts", async () => {
      const { org, coordinator, base } = await office();
      const a = await confirmedParent(org.slug, { childBirthDate: "2025-09-15", wantedStart: "2026-08-01" });
      const b = await confirmedParent(org.slug, {
        childBirthDate: "2024-11-02",
        wantedStart: "2026-08-15",
        postalCode: "59320",
        town: "Ennigerloh",
        careTimes: [1, 2, 3].map((day) => ({ day, from: "08:00", to: "16:00" })),
      });
      await confirmedParent(org.slug, { childBirthDate: "2024-01-20", wantedStart: "2026-09-01" });
      t.clock.now = new Date("2026-03-12T09:00:00Z");
      try {
        const board = await coordinator.get(`${base}/placement-requests?sort=start`);
        expect(board.status).toBe(200);
        expect(board.body.total).toBe(3);
        expect(board.body.items[0]).toMatchObject({
          id: a.requestId,
          ageMonthsAtStart: 10,
          isUnderOne: true,
          ageGroup: "under1",
          weeklyMinutes: 1500,
          postalCode: "59269",
          waitingDays: 10,
          hasNeeds: false,
        });
        expect(board.body.items[1]).toMatchObject({
          id: b.requestId,
          ageMonthsAtStart: 21,
          ageGroup: "1to2",
        });
        expect(board.body.counts.byStartMonth).toEqual([
          { month: "2026-08", count: 2 },
          { month: "2026-09", count: 1 },
        ]);
        expect(board.body.counts.byArea).toEqual([
          { postalCode: "59269", town: "Beckum", count: 2 },
          { postalCode: "59320", town: "Ennigerloh", count: 1 },
        ]);
        expect(board.body.counts.byStatus).toContainEqual({ status: "open", count: 3 });

        const august = await coordinator.get(`${base}/placement-requests?startMonth=2026-08&area=ennig`);
        expect(august.body.items.map((i: { id: string }) => i.id)).toEqual([b.requestId]);
        // Each count applies the other filters: the months for Ennigerloh, the areas for August.
        expect(august.body.counts.byStartMonth).toEqual([{ month: "2026-08", count: 1 }]);
        expect(august.body.counts.byArea).toHaveLength(2);
        const underOne = await coordinator.get(`${base}/placement-requests?ageGroup=under1`);
        expect(underOne.body.items.map((i: { id: string }) => i.id)).toEqual([a.requestId]);
        const byPostalCode = await coordinator.get(`${base}/placement-requests?area=5926`);
        expect(byPostalCode.body.total).toBe(2);
        const exactArea = await coordinator.get(
          `${base}/placement-requests?area=${encodeURIComponent("59320 Ennigerloh")}`,
        );
        expect(exactArea.body.items.map((i: { id: string }) => i.id)).toEqual([b.requestId]);
        const bad = await coordinator.get(`${base}/placement-requests?startMonth=2026-13`);
        expect(bad.status).toBe(400);
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }
    });

    it("keeps a versioned catalogue and recomputes the points of open requests with every change", async () => {
      const { org, coordinator, base } = await office();
      const parent = await confirmedParent(org.slug, { facts: [] });
      const working = await coordinator.post(`${base}/placement-criteria`, {
        fact: "parentsWorking",
        label: "",
        points: 20,
        isPublished: false,
      });
      expect(working.body).toMatchObject({
        version: 1,
        criteria: [expect.objectContaining({ isPublished: false })],
      });
      const id = working.body.criteria[0].id;

      // She cannot answer a question that is not published yet.
      const early = await parent.put(`${base}/my-placement-requests/${parent.requestId}`, {
        ...changeableOf(requestBody(parent.email)),
        facts: ["parentsWorking"],
      });
      expect(early.body).toMatchObject({ facts: [], priorityPoints: 0 });

      const published = await coordinator.put(`${base}/placement-criteria/${id}`, {
        fact: "parentsWorking",
        label: "",
        points: 25,
        isPublished: true,
      });
      expect(published.body.version).toBe(2);
      await parent.put(`${base}/my-placement-requests/${parent.requestId}`, {
        ...changeableOf(requestBody(parent.email)),
        facts: ["parentsWorking"],
      });
      const raised = await coordinator.put(`${base}/placement-criteria/${id}`, {
        fact: "parentsWorking",
        label: "Beide Eltern arbeiten",
        points: 35,
        isPublished: true,
      });
      expect(raised.body.version).toBe(3);
      const detail = await coordinator.get(`${base}/placement-requests/${parent.requestId}`);
      expect(detail.body).toMatchObject({ priorityPoints: 35, criteriaVersion: 3 });
      expect(detail.body.awarded).toEqual([
        { criterionId: id, fact: "parentsWorking", label: "Beide Eltern arbeiten", points: 35 },
      ]);

      const duplicate = await coordinator.post(`${base}/placement-criteria`, {
        fact: "parentsWorking",
        label: "",
        points: 5,
        isPublished: true,
      });
      expect(duplicate.status).toBe(400);
      expect(duplicate.body.error.fields).toEqual([
        { path: "fact", message: "Diese Angabe ist schon ein Kriterium. Bitte dort die Punkte ändern." },
      ]);
      const unnamed = await coordinator.post(`${base}/placement-criteria`, {
        fact: "custom",
        label: " ",
        points: 5,
        isPublished: true,
      });
      expect(unnamed.status).toBe(400);
      expect(unnamed.body.error.fields[0].path).toBe("label");

      const removed = await coordinator.delete(`${base}/placement-criteria/${id}`);
      expect(removed.body).toMatchObject({ version: 4, criteria: [] });
      expect(
        (await coordinator.get(`${base}/placement-requests/${parent.requestId}`)).body.priorityPoints,
      ).toBe(0);
      expect((await coordinator.delete(`${base}/placement-criteria/${id}`)).status).toBe(404);
      const audit = await auditActions(t, id);
      expect(audit).toEqual([
        "placement.criterionAdded",
        "placement.criterionUpdated",
        "placement.criterionUpdated",
        "placement.criterionRemoved",
      ]);

      const association = await t.createOrganisation({ kind: "association" });
      const board = await t.member(association, ["admin"]);
      expect((await board.get(`/api/orgs/${association.slug}/placement-criteria`)).status).toBe(404);
    });

    it("deletes unconfirmed requests once their link has run out, once", async () => {
      const { org } = await office();
      const stale = uniqueEmail("alt");
      await submit(t, org.slug, requestBody(stale));
      const staleToken = await tokenFor(stale);
      t.clock.now = new Date("2026-03-06T09:00:00Z");
      const fresh = uniqueEmail("frisch");
      try {
        await submit(t, org.slug, requestBody(fresh));
        t.clock.now = new Date("2026-03-09T09:00:01Z");
        const expired = await t.anonymous().get(`/api/placement-confirmations/${staleToken}`);
        expect(expired.body.error).toMatchObject({
          code: "guestLinkExpired",
          details: { organisationSlug: org.slug },
        });
        expect(await runJobOnce(t.app.platform, expireUnconfirmedJob)).toBe(true);
        expect((await t.anonymous().get(`/api/placement-confirmations/${staleToken}`)).status).toBe(404);
        const rows = await t.app.platform.db
          .select({ email: placementRequests.email })
          .from(placementRequests)
          .where(eq(placementRequests.organisationId, org.id));
        expect(rows.map((r) => r.email)).toEqual([fresh]);
        expect(await runJobOnce(t.app.platform, expireUnconfirmedJob)).toBe(true);
        const logged = await t.app.platform.db
          .select()
          .from(auditEvents)
          .where(
            and(
              eq(auditEvents.organisationId, org.id),
              eq(auditEvents.action, "placement.unconfirmedExpired"),
            ),
          );
        expect(logged.map((e) => e.details)).toEqual([{ count: 1 }]);
      } finally {
        t.clock.now = new Date("2026-03-02T09:00:00Z");
      }
    });
  },
  { smtpUrl: () => smtp.url },
);

/** The parts of a public request body that a parent may change later. */
function changeableOf(body: ReturnType<typeof requestBody>) {
  const { childFirstName, childBirthDate, parentName, email, phone, website, ...rest } = body;
  return rest;
}
