import { crc32, deflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  capacity,
  monToFri,
  caregiverBody as person,
  placementFixtures,
} from "../../../../test/support/placement";
import { startSmtpServer, type TestSmtpServer } from "../../../../test/support/smtp";
import { describeApi } from "../../../../test/support/test-app";
import { auditEvents } from "../../platform/audit/audit.tables";
import { runJobOnce } from "../../platform/jobs/scheduler";
import { expireOffersJob } from "./placement.jobs";
import { careContracts, placementRequests } from "./placement.tables";

let smtp: TestSmtpServer;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(async () => {
  await smtp.stop();
});

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 1×1 PNG. */
function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describeApi(
  "placement suggestions, offers and contracts",
  (t) => {
    const { office, addCaregiver, parentWithRequest } = placementFixtures(t, () => smtp);

    it("ranks caregivers who can take the child, with reasons, and near misses with what does not fit", async () => {
      const { org, coordinator, base } = await office();
      const fits = await addCaregiver(coordinator, base, "Passt", { person: { languages: ["Türkisch"] } });
      const morningsOnly = await addCaregiver(coordinator, base, "Vormittag", {
        capacity: capacity(3, 420, 720),
      });
      const pets = await addCaregiver(coordinator, base, "Hund", { person: { hasPets: true } });
      const noWay = await addCaregiver(coordinator, base, "Nichts", {
        person: { hasPets: true, ageMinMonths: 24, postalCode: "48143", town: "Münster" },
      });
      const parent = await parentWithRequest(org.slug, {
        hasNeedsConsent: true,
        needs: { hasInclusionNeed: false, allergies: "Erdnüsse", diet: "", notes: "" },
      });

      const response = await coordinator.get(`${base}/placement-requests/${parent.requestId}/suggestions`);
      expect(response.status).toBe(200);
      expect(response.headers["cache-control"]).toBe("no-store");
      const ids = response.body.suggestions.map((s: { caregiverId: string }) => s.caregiverId);
      expect(ids[0]).toBe(fits);
      expect(ids).toContain(morningsOnly);
      expect(ids).toContain(pets);
      expect(ids).not.toContain(noWay);
      const first = response.body.suggestions[0];
      expect(first).toMatchObject({ fits: true, misses: [], lastName: "Passt", sentAt: null });
      expect(first.matches).toContainEqual({ code: "languages", languages: ["Türkisch"] });
      expect(first.matches).toContainEqual({ code: "freePlaces", minFree: 4 });
      const mornings = response.body.suggestions.find(
        (s: { caregiverId: string }) => s.caregiverId === morningsOnly,
      );
      expect(mornings.fits).toBe(false);
      expect(mornings.misses).toContainEqual({
        code: "full",
        date: "2026-08-01",
        day: 3,
        from: "12:00",
        to: "13:00",
        present: 0,
        places: 0,
      });
      const withPets = response.body.suggestions.find((s: { caregiverId: string }) => s.caregiverId === pets);
      expect(withPets.misses).toEqual([{ code: "pets" }]);

      // The needs were decrypted to judge inclusion: that read is in the audit log like the explicit one.
      const reads = await t.app.platform.db
        .select({ action: auditEvents.action, details: auditEvents.details })
        .from(auditEvents)
        .where(eq(auditEvents.entityId, parent.requestId));
      expect(reads).toContainEqual({
        action: "placement.needsRead",
        details: { sensitive: true, purpose: "suggestions" },
      });
    });

    it("sends suggestions to the parents, who see name, town and distance, note visits and rank them", async () => {
      const { org, coordinator, base } = await office();
      const a = await addCaregiver(coordinator, base, "Albers");
      const b = await addCaregiver(coordinator, base, "Brandt");
      const c = await addCaregiver(coordinator, base, "Cordes");
      const parent = await parentWithRequest(org.slug);
      const url = `${base}/placement-requests/${parent.requestId}/suggestions`;

      const unknown = await coordinator.post(url, { caregiverIds: [a, parent.requestId] });
      expect(unknown.status).toBe(400);
      expect(unknown.body.error.fields).toEqual([
        {
          path: "caregiverIds.1",
          message: "Diese Kindertagespflegeperson steht nicht unter den Vorschlägen für diese Anfrage.",
        },
      ]);

      const sent = await coordinator.post(url, { caregiverIds: [a, b, c], note: "Drei in der Nähe" });
      expect(sent.status).toBe(200);
      expect(sent.body.suggestions.filter((s: { sentAt: string | null }) => s.sentAt !== null)).toHaveLength(
        3,
      );
      const mail = await smtp.waitForMail(
        (m) => m.to.includes(parent.email) && m.subject.startsWith("Vorschläge"),
      );
      expect(mail.text).toContain("3 Kindertagespflegepersonen");

      const detail = await parent.get(`/api/orgs/${org.slug}/my-placement-requests/${parent.requestId}`);
      expect(detail.body.status).toBe("suggested");
      expect(detail.body.history.at(-1)).toMatchObject({ toStatus: "suggested", reason: "suggestionsSent" });

      // Who takes the child when she is absent: Albers and Brandt are a tandem and Brandt has the
      // cooperating Kita too; Cordes has no arrangement yet.
      const sub = `${base}/substitution`;
      const kita = await coordinator.post(`${sub}/kitas`, {
        name: "Kita Sonnenschein",
        street: "Am Markt 1",
        postalCode: "59269",
        town: "Beckum",
        places: 2,
        ageMinMonths: 0,
        ageMaxMonths: 72,
        hours: monToFri("07:00", "16:00"),
      });
      expect(kita.status).toBe(201);
      for (const [caregiverId, arrangement] of [
        [a, { tandemPartnerIds: [b], substituteIds: [], kitaId: null }],
        [b, { tandemPartnerIds: [a], substituteIds: [], kitaId: kita.body.id }],
      ] as const)
        expect((await coordinator.put(`${sub}/arrangements/${caregiverId}`, arrangement)).status).toBe(200);

      const mine = await parent.get(
        `/api/orgs/${org.slug}/my-placement-requests/${parent.requestId}/suggestions`,
      );
      expect(mine.status).toBe(200);
      expect(mine.body.suggestions).toHaveLength(3);
      const substitutionOf = (id: string) =>
        mine.body.suggestions.find((s: { caregiverId: string }) => s.caregiverId === id).substitution;
      expect(substitutionOf(a)).toEqual({
        model: "tandem",
        tandemPartners: ["Anna Brandt"],
        substitutes: [],
        kita: null,
      });
      expect(substitutionOf(b)).toEqual({
        model: "tandem",
        tandemPartners: ["Anna Albers"],
        substitutes: [],
        kita: { name: "Kita Sonnenschein", town: "Beckum" },
      });
      expect(substitutionOf(c)).toEqual({ model: "none", tandemPartners: [], substitutes: [], kita: null });
      expect(mine.body.offerSubstitution).toBeNull();
      expect(mine.body.suggestions[0]).toMatchObject({
        town: "Beckum",
        distanceKm: 0,
        hasPhoto: false,
        parentRank: null,
      });
      expect(mine.body.suggestions[0]).not.toHaveProperty("lat");
      expect(mine.body.suggestions[0]).not.toHaveProperty("email");

      const mineBase = `/api/orgs/${org.slug}/my-placement-requests/${parent.requestId}`;
      const visit = await parent.put(`${mineBase}/suggestions/${b}/visit`, {
        visitedOn: "2026-03-05",
        note: "Großer Garten",
      });
      expect(visit.status).toBe(200);
      const ranked = await parent.put(`${mineBase}/ranking`, { caregiverIds: [b, a] });
      expect(ranked.status).toBe(200);
      expect(
        ranked.body.suggestions.map((s: { caregiverId: string; parentRank: number | null }) => [
          s.caregiverId,
          s.parentRank,
        ]),
      ).toEqual([
        [b, 1],
        [a, 2],
        [c, null],
      ]);
      expect(ranked.body.suggestions[0]).toMatchObject({
        visitedOn: "2026-03-05",
        visitNote: "Großer Garten",
      });

      const tooMany = await parent.put(`${mineBase}/ranking`, {
        caregiverIds: Array.from({ length: 9 }, () => a),
      });
      expect(tooMany.status).toBe(400);
      const foreign = await parent.put(`${mineBase}/ranking`, { caregiverIds: [parent.requestId] });
      expect(foreign.status).toBe(400);
      // No photo without her consent; a caregiver not suggested to this family is not found at all.
      expect((await parent.get(`${mineBase}/suggestions/${a}/photo`)).status).toBe(404);

      const office2 = await coordinator.get(url);
      expect(
        office2.body.suggestions.find((s: { caregiverId: string }) => s.caregiverId === b),
      ).toMatchObject({
        parentRank: 1,
        visitedOn: "2026-03-05",
      });
    });

    it("streams a suggested caregiver's photo to that family only, and only while she consents", async () => {
      const { org, coordinator, base } = await office();
      const paula = await addCaregiver(coordinator, base, "Peters", { person: { hasPhotoConsent: true } });
      const other = await addCaregiver(coordinator, base, "Otto", { person: { hasPhotoConsent: true } });
      for (const id of [paula, other]) {
        const stored = await coordinator.request("PUT", `${base}/caregivers/${id}/photo`, tinyPng(), {
          "content-type": "image/png",
        });
        expect(stored.status).toBe(200);
      }
      const parent = await parentWithRequest(org.slug);
      await coordinator.post(`${base}/placement-requests/${parent.requestId}/suggestions`, {
        caregiverIds: [paula],
      });
      const mineBase = `/api/orgs/${org.slug}/my-placement-requests/${parent.requestId}`;
      expect((await parent.get(`${mineBase}/suggestions`)).body.suggestions[0].hasPhoto).toBe(true);
      const photo = await parent.request("GET", `${mineBase}/suggestions/${paula}/photo`);
      expect(photo.status).toBe(200);
      expect(photo.headers["content-type"]).toBe("image/png");
      expect(photo.headers["cache-control"]).toBe("private, max-age=300");
      // Not suggested to this family: as if she did not exist.
      expect((await parent.request("GET", `${mineBase}/suggestions/${other}/photo`)).status).toBe(404);
      const withdrawn = await coordinator.put(`${base}/caregivers/${paula}`, {
        ...person("Peters", { hasPhotoConsent: false }),
      });
      expect(withdrawn.status).toBe(200);
      expect((await parent.request("GET", `${mineBase}/suggestions/${paula}/photo`)).status).toBe(404);
    });

    it("offers a place; accepting creates the contract, places the request and takes the caregiver's place", async () => {
      const { org, coordinator, base } = await office();
      const caregiverUser = await t.member(org, ["caregiver"]);
      const anna = await addCaregiver(coordinator, base, "Albers", {
        person: { email: caregiverUser.email },
        capacity: capacity(1),
      });
      const parent = await parentWithRequest(org.slug, {
        hasNeedsConsent: true,
        needs: { hasInclusionNeed: false, allergies: "Erdnüsse", diet: "", notes: "" },
      });
      const offered = await coordinator.post(`${base}/placement-requests/${parent.requestId}/offers`, {
        caregiverId: anna,
      });
      expect(offered.status).toBe(201);
      expect(offered.body.offers).toMatchObject([
        { caregiverId: anna, status: "open", start: "2026-08-01", settlingInEnd: "2026-08-29", end: null },
      ]);
      const offerMail = await smtp.waitForMail(
        (m) => m.to.includes(parent.email) && m.subject.startsWith("Platzangebot"),
      );
      expect(offerMail.text).toContain("Anna Albers");
      expect(offerMail.text).toContain("09.03.2026");

      const mineBase = `/api/orgs/${org.slug}/my-placement-requests/${parent.requestId}`;
      const withOffer = (await parent.get(`${mineBase}/suggestions`)).body;
      expect(withOffer.offer).toMatchObject({ status: "open", caregiverName: "Anna Albers" });
      // Her substitution arrangement comes with the offer, before the family accepts.
      expect(withOffer.offerSubstitution).toEqual({
        model: "none",
        tandemPartners: [],
        substitutes: [],
        kita: null,
      });
      const accepted = await parent.post(`${mineBase}/offer-answer`, { accept: true });
      expect(accepted.status).toBe(200);
      expect(accepted.body.offer.status).toBe("accepted");
      expect((await parent.get(mineBase)).body).toMatchObject({ status: "placed", needs: null });
      const [stored] = await t.app.platform.db
        .select({ needs: placementRequests.needsEncrypted, consent: placementRequests.needsConsentAt })
        .from(placementRequests)
        .where(eq(placementRequests.id, parent.requestId));
      expect(stored).toEqual({ needs: null, consent: null });
      await smtp.waitForMail((m) => m.to.includes(parent.email) && m.subject.includes("hat einen Platz"));
      await smtp.waitForMail((m) => m.to.includes(caregiverUser.email) && m.subject.startsWith("Neues Kind"));
      expect((await parent.post(`${mineBase}/offer-answer`, { accept: true })).status).toBe(409);

      const contracts = await coordinator.get(`${base}/care-contracts?caregiverId=${anna}`);
      expect(contracts.body).toMatchObject([
        {
          caregiverId: anna,
          childFirstName: "Mila",
          start: "2026-08-01",
          status: "active",
          requestId: parent.requestId,
        },
      ]);

      const byRequest = await coordinator.get(`${base}/care-contracts?requestId=${parent.requestId}`);
      expect(byRequest.body.map((c: { id: string }) => c.id)).toEqual([contracts.body[0].id]);

      // Her only place is taken from August: a second family asking for the same times no longer fits.
      const second = await parentWithRequest(org.slug);
      const after = await coordinator.get(`${base}/placement-requests/${second.requestId}/suggestions`);
      expect(after.body.suggestions[0].misses).toContainEqual(
        expect.objectContaining({ code: "full", date: "2026-08-01", present: 1, places: 1 }),
      );

      // The caregiver sees her contract and her week from its start on with one child and no free place.
      await caregiverUser.get(`/api/orgs/${org.slug}/my-profile`);
      const week = await caregiverUser.get(`/api/orgs/${org.slug}/my-week`);
      expect(week.status).toBe(200);
      expect(week.body.contracts).toMatchObject([{ childFirstName: "Mila" }]);
      const august = week.body.weeks.find((w: { from: string }) => w.from === "2026-08-01");
      expect(august.segments).toContainEqual({
        weekday: 0,
        start: 480,
        end: 780,
        places: 1,
        present: 1,
        free: 0,
      });
      expect(week.body.weeks[0]).toMatchObject({ from: "2026-03-02" });
      expect(week.body.weeks[0].segments).toContainEqual({
        weekday: 0,
        start: 420,
        end: 960,
        places: 1,
        present: 0,
        free: 1,
      });

      // New times must fit her places: longer in the afternoon yes, before she opens at 07:00 no.
      const contractId = contracts.body[0].id;
      const longer = await coordinator.put(`${base}/care-contracts/${contractId}`, {
        careTimes: monToFri("08:00", "15:00"),
      });
      expect(longer.status).toBe(200);
      expect(longer.body.careTimes[0]).toEqual({ day: 1, from: "08:00", to: "15:00" });
      const early = await coordinator.put(`${base}/care-contracts/${contractId}`, {
        careTimes: monToFri("06:30", "13:00"),
      });
      expect(early.status).toBe(409);
      expect(early.body.error.code).toBe("placeUnavailable");

      // The office ends the contract.
      const ended = await coordinator.put(`${base}/care-contracts/${contractId}`, { end: "2026-12-31" });
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchObject({ end: "2026-12-31", status: "ended" });
      const before = await coordinator.put(`${base}/care-contracts/${contractId}`, { end: "2026-07-01" });
      expect(before.status).toBe(400);
    });

    it("lets a family decline; a declined or missing offer cannot be accepted", async () => {
      const { org, coordinator, base } = await office();
      const anna = await addCaregiver(coordinator, base, "Albers");
      const parent = await parentWithRequest(org.slug);
      const mineBase = `/api/orgs/${org.slug}/my-placement-requests/${parent.requestId}`;
      const none = await parent.post(`${mineBase}/offer-answer`, { accept: true });
      expect(none.status).toBe(409);
      expect(none.body.error.code).toBe("offerClosed");
      await coordinator.post(`${base}/placement-requests/${parent.requestId}/offers`, { caregiverId: anna });
      const declined = await parent.post(`${mineBase}/offer-answer`, { accept: false });
      expect(declined.status).toBe(200);
      expect(declined.body.offer.status).toBe("declined");
      expect((await parent.get(mineBase)).body.status).toBe("suggested");
      // The office hears of it at once: the place is free for another family.
      const officeMail = await smtp.waitForMail(
        (m) =>
          m.to.includes(`${org.slug}@fachberatung.example`) && m.subject.startsWith("Platzangebot abgelehnt"),
      );
      expect(officeMail.subject).toBe("Platzangebot abgelehnt: Mila bei Anna Albers");
      const en = await parent.post(`${mineBase}/offer-answer?lang=en`, { accept: true });
      expect(en.body.error.message).toBe("There is no open offer of a place for this request (any more).");
    });

    it("makes one offer at a time; once its time has run out it can no longer be accepted and a new one is possible", async () => {
      const { org, coordinator, base } = await office();
      const anna = await addCaregiver(coordinator, base, "Albers");
      const parent = await parentWithRequest(org.slug);
      const offers = `${base}/placement-requests/${parent.requestId}/offers`;
      expect((await coordinator.post(offers, { caregiverId: anna, respondBy: "2026-03-04" })).status).toBe(
        201,
      );
      const second = await coordinator.post(offers, { caregiverId: anna });
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe("offerPending");
      const before = t.clock.now;
      try {
        t.clock.now = new Date("2026-03-05T08:00:00Z");
        const late = await parent.post(
          `/api/orgs/${org.slug}/my-placement-requests/${parent.requestId}/offer-answer`,
          {
            accept: true,
          },
        );
        expect(late.status).toBe(409);
        expect(late.body.error.code).toBe("offerExpired");
        // The hourly job lets it lapse: the request is back among the suggestions, the history says why.
        expect(await runJobOnce(t.app.platform, expireOffersJob)).toBe(true);
        const back = await parent.get(`/api/orgs/${org.slug}/my-placement-requests/${parent.requestId}`);
        expect(back.body.status).toBe("suggested");
        expect(back.body.history.at(-1)).toMatchObject({ actor: "system", reason: "offerExpired" });
        const lapsed = await smtp.waitForMail(
          (m) => m.to.includes(parent.email) && m.subject === "Platzangebot für Mila verfallen",
        );
        expect(lapsed.text).toContain("am 04.03.2026 abgelaufen");
        const officeMail = await smtp.waitForMail(
          (m) =>
            m.to.includes(`${org.slug}@fachberatung.example`) &&
            m.subject.startsWith("Platzangebot verfallen"),
        );
        expect(officeMail.text).toContain(`/app/${org.slug}/vermittlung/${parent.requestId}`);
        const renewed = await coordinator.post(offers, { caregiverId: anna });
        expect(renewed.status).toBe(201);
        expect(renewed.body.offers.map((o: { status: string }) => o.status)).toEqual(["expired", "open"]);
      } finally {
        t.clock.now = before;
      }
    });

    it("gives the last place to one of two families accepting at the same moment", async () => {
      const { org, coordinator, base } = await office();
      const anna = await addCaregiver(coordinator, base, "Albers", { capacity: capacity(1) });
      const first = await parentWithRequest(org.slug);
      const second = await parentWithRequest(org.slug);
      for (const parent of [first, second]) {
        const offered = await coordinator.post(`${base}/placement-requests/${parent.requestId}/offers`, {
          caregiverId: anna,
        });
        expect(offered.status).toBe(201);
      }
      const answers = await Promise.all(
        [first, second].map((parent) =>
          parent.post(`/api/orgs/${org.slug}/my-placement-requests/${parent.requestId}/offer-answer`, {
            accept: true,
          }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)?.body.error.code).toBe("placeTaken");
      const rows = await t.app.platform.db
        .select()
        .from(careContracts)
        .where(eq(careContracts.caregiverId, anna));
      expect(rows).toHaveLength(1);
    });

    it("keeps every new route to its office, its roles and the parent's own request", async () => {
      const { org, coordinator, base } = await office();
      const anna = await addCaregiver(coordinator, base, "Albers");
      const parent = await parentWithRequest(org.slug);
      const other = await parentWithRequest(org.slug);
      await coordinator.post(`${base}/placement-requests/${parent.requestId}/suggestions`, {
        caregiverIds: [anna],
      });

      const outsider = await office();
      const suggestionsUrl = `${base}/placement-requests/${parent.requestId}/suggestions`;
      expect((await outsider.coordinator.get(suggestionsUrl)).status).toBe(404);
      expect(
        (
          await outsider.coordinator.get(
            `${outsider.base}/placement-requests/${parent.requestId}/suggestions`,
          )
        ).status,
      ).toBe(404);
      expect((await parent.get(suggestionsUrl)).status).toBe(403);
      const caregiver = await t.member(org, ["caregiver"]);
      expect((await caregiver.get(suggestionsUrl)).status).toBe(403);
      expect((await caregiver.get(`${base}/care-contracts`)).status).toBe(403);
      expect((await coordinator.get(`${base}/my-week`)).status).toBe(403);
      // A caregiver without a record in the registry has no week to see.
      expect((await caregiver.get(`${base}/my-week`)).status).toBe(404);

      const mineBase = `/api/orgs/${org.slug}/my-placement-requests/${parent.requestId}`;
      expect((await other.get(`${mineBase}/suggestions`)).status).toBe(404);
      expect((await other.get(`${mineBase}/suggestions/${anna}/photo`)).status).toBe(404);
      expect((await other.put(`${mineBase}/ranking`, { caregiverIds: [anna] })).status).toBe(404);
      expect(
        (await other.put(`${mineBase}/suggestions/${anna}/visit`, { visitedOn: "2026-03-05", note: "" }))
          .status,
      ).toBe(404);
      expect((await other.post(`${mineBase}/offer-answer`, { accept: true })).status).toBe(404);
      expect(
        (await coordinator.put(`${base}/care-contracts/${parent.requestId}`, { end: "2026-12-31" })).status,
      ).toBe(404);
    });
  },
  { smtpUrl: () => smtp.url },
);
