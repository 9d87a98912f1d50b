import { crc32, deflateSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { type Client, describeApi, type TestContext } from "../../../../test/support/test-app";
import { photoMaxBytes } from "../../../contracts/caregivers";
import { auditEvents } from "../../platform/audit/audit.tables";
import { detectImageType } from "../../platform/files/files";
import { files } from "../../platform/files/files.tables";

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A valid 1×1 PNG: signature, header, one red pixel, end. */
function tinyPng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB, default compression, filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function person(overrides: Record<string, unknown> = {}) {
  return {
    firstName: "Paula",
    lastName: "Peters",
    email: null,
    phone: null,
    street: null,
    postalCode: "59269",
    town: "Beckum",
    employment: "selfEmployed",
    languages: ["Deutsch"],
    hasPets: false,
    petsNote: "",
    meals: "",
    pedagogy: "",
    hasInclusionExperience: false,
    ageMinMonths: 6,
    ageMaxMonths: 36,
    careGroupName: null,
    hasPhotoConsent: true,
    status: "active",
    ...overrides,
  };
}

function upload(client: Client, url: string, body: Buffer, contentType = "image/png") {
  return client.request("PUT", url, body, { "content-type": contentType });
}

async function auditActions(t: TestContext, entityId: string): Promise<string[]> {
  const rows = await t.app.platform.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId))
    .orderBy(auditEvents.at);
  return rows.map((r) => r.action);
}

async function fileCount(t: TestContext, organisationId: string): Promise<number> {
  return (await t.app.platform.db.select().from(files).where(eq(files.organisationId, organisationId)))
    .length;
}

it("recognises images by their bytes, not by their name", () => {
  expect(detectImageType(tinyPng())).toBe("image/png");
  expect(detectImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe("image/jpeg");
  expect(detectImageType(Buffer.from("RIFF\x24\0\0\0WEBPVP8 ", "latin1"))).toBe("image/webp");
  expect(detectImageType(Buffer.from("RIFF\x24\0\0\0WAVEfmt ", "latin1"))).toBeNull();
  expect(detectImageType(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeNull();
  expect(detectImageType(Buffer.alloc(0))).toBeNull();
});

describeApi("caregiver photos", (t) => {
  async function office() {
    const org = await t.createOrganisation();
    const coordinator = await t.member(org, ["coordinator"]);
    const base = `/api/orgs/${org.slug}`;
    return { org, coordinator, base };
  }

  async function registered(client: Client, base: string, overrides: Record<string, unknown> = {}) {
    const created = await client.post(`${base}/caregivers`, { caregiver: person(overrides) });
    expect(created.status).toBe(201);
    return created.body as { id: string; hasPhoto: boolean };
  }

  it("stores a PNG, serves the same bytes privately and replaces and deletes it, all audited", async () => {
    const { org, coordinator, base } = await office();
    const { id, hasPhoto } = await registered(coordinator, base);
    expect(hasPhoto).toBe(false);
    const url = `${base}/caregivers/${id}/photo`;
    expect((await coordinator.get(url)).status).toBe(404);

    const png = tinyPng();
    const saved = await upload(coordinator, url, png);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id, hasPhoto: true, hasPhotoConsent: true });

    const read = await coordinator.get(url);
    expect(read.status).toBe(200);
    expect(read.headers["content-type"]).toBe("image/png");
    expect(read.headers["cache-control"]).toBe("private, max-age=300");
    expect(read.headers["x-content-type-options"]).toBe("nosniff");
    expect(Buffer.compare(read.raw, png)).toBe(0);
    const etag = String(read.headers.etag);
    const unchanged = await coordinator.request("GET", url, undefined, { "if-none-match": etag });
    expect(unchanged.status).toBe(304);

    // The youth office reads the registry and so sees the photo, but cannot change it.
    const youthOffice = await t.member(org, ["youthOffice"]);
    expect((await youthOffice.get(url)).status).toBe(200);
    expect((await upload(youthOffice, url, png)).status).toBe(403);
    expect((await youthOffice.delete(url)).status).toBe(403);

    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 1)]);
    expect((await upload(coordinator, url, jpeg, "image/jpeg")).status).toBe(200);
    const replaced = await coordinator.get(url);
    expect(replaced.headers["content-type"]).toBe("image/jpeg");
    expect(Buffer.compare(replaced.raw, jpeg)).toBe(0);
    // The replaced file is gone with the change, not left behind.
    expect(await fileCount(t, org.id)).toBe(1);

    const deleted = await coordinator.delete(url);
    expect(deleted.status).toBe(200);
    expect(deleted.body.hasPhoto).toBe(false);
    expect((await coordinator.get(url)).status).toBe(404);
    expect(await fileCount(t, org.id)).toBe(0);

    expect(await auditActions(t, id)).toEqual([
      "caregivers.created",
      "caregivers.photoSaved",
      "caregivers.photoSaved",
      "caregivers.photoDeleted",
    ]);
    const [removal] = await t.app.platform.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "caregivers.photoDeleted")));
    expect(removal?.details).toMatchObject({ reason: "removed" });
  });

  it("refuses what is not a JPEG, PNG or WebP, or is too large", async () => {
    const { org, coordinator, base } = await office();
    const { id } = await registered(coordinator, base);
    const url = `${base}/caregivers/${id}/photo`;

    const text = await upload(coordinator, url, Buffer.from("Das ist kein Bild, nur Text."));
    expect(text.status).toBe(400);
    expect(text.body.error.fields).toEqual([
      { path: "photo", message: "Bitte ein Foto als JPEG, PNG oder WebP hochladen." },
    ]);
    // A real PNG declared as something else is refused too: the type served must be the type checked.
    expect((await upload(coordinator, url, tinyPng(), "image/jpeg")).status).toBe(400);
    expect((await upload(coordinator, url, tinyPng(), "image/gif")).status).toBe(415);
    expect((await coordinator.put(url, {})).status).toBe(400);

    const huge = Buffer.concat([tinyPng(), Buffer.alloc(photoMaxBytes)]);
    expect([400, 413]).toContain((await upload(coordinator, url, huge)).status);
    expect(await fileCount(t, org.id)).toBe(0);
    expect((await coordinator.get(`${base}/caregivers/${id}`)).body.hasPhoto).toBe(false);
  });

  it("stores nothing without consent and deletes the photo when consent is withdrawn", async () => {
    const { org, coordinator, base } = await office();
    const without = await registered(coordinator, base, { hasPhotoConsent: false });
    const refused = await upload(coordinator, `${base}/caregivers/${without.id}/photo`, tinyPng());
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      { path: "hasPhotoConsent", message: "Ohne Einwilligung zu Fotos kann kein Foto gespeichert werden." },
    ]);
    expect(await fileCount(t, org.id)).toBe(0);
    expect(await auditActions(t, without.id)).toEqual(["caregivers.created"]);

    const { id } = await registered(coordinator, base);
    const url = `${base}/caregivers/${id}/photo`;
    expect((await upload(coordinator, url, tinyPng())).status).toBe(200);
    // A change that keeps the consent keeps the photo.
    const kept = await coordinator.put(`${base}/caregivers/${id}`, person({ town: "Ennigerloh" }));
    expect(kept.body.hasPhoto).toBe(true);

    const withdrawn = await coordinator.put(`${base}/caregivers/${id}`, person({ hasPhotoConsent: false }));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ hasPhotoConsent: false, hasPhoto: false });
    expect((await coordinator.get(url)).status).toBe(404);
    expect(await fileCount(t, org.id)).toBe(0);
    const [removal] = await t.app.platform.db
      .select({ details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "caregivers.photoDeleted")));
    expect(removal?.details).toMatchObject({ reason: "consentWithdrawn" });
  });

  it("keeps photos inside their organisation and away from other roles", async () => {
    const a = await office();
    const b = await office();
    const { id } = await registered(a.coordinator, a.base);
    const url = `${a.base}/caregivers/${id}/photo`;
    expect((await upload(a.coordinator, url, tinyPng())).status).toBe(200);

    // Another organisation's staff: not a member here, and the person does not exist in their own.
    expect((await b.coordinator.get(url)).status).toBe(404);
    const viaOwnOrg = `${b.base}/caregivers/${id}/photo`;
    expect((await b.coordinator.get(viaOwnOrg)).status).toBe(404);
    expect((await upload(b.coordinator, viaOwnOrg, tinyPng())).status).toBe(404);
    expect((await b.coordinator.delete(viaOwnOrg)).status).toBe(404);

    const parent = await t.member(a.org, ["parent"]);
    expect((await parent.get(url)).status).toBe(403);
    expect((await upload(parent, url, tinyPng())).status).toBe(403);
    expect((await parent.delete(url)).status).toBe(403);
    expect((await parent.get(`${a.base}/my-profile/photo`)).status).toBe(403);

    expect((await a.coordinator.get(url)).status).toBe(200);
    expect(await fileCount(t, b.org.id)).toBe(0);
  });

  it("lets the day-care person see, set and remove her own photo", async () => {
    const { org, coordinator, base } = await office();
    const caregiver = await t.member(org, ["caregiver"]);
    const { id } = await registered(coordinator, base, { email: caregiver.email, hasPhotoConsent: false });
    const url = `${base}/my-profile/photo`;

    expect((await caregiver.get(url)).status).toBe(404);
    expect((await upload(caregiver, url, tinyPng())).status).toBe(400);
    // She may read the registry's photo route of nobody, her own included; her route is her profile's.
    expect((await caregiver.get(`${base}/caregivers/${id}/photo`)).status).toBe(403);

    const mine = (await caregiver.get(`${base}/my-profile`)).body;
    const consented = await caregiver.put(`${base}/my-profile`, { ...mine, hasPhotoConsent: true });
    expect(consented.status).toBe(200);
    const saved = await upload(caregiver, url, tinyPng());
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ id, hasPhoto: true });
    const read = await caregiver.get(url);
    expect(read.status).toBe(200);
    expect(Buffer.compare(read.raw, tinyPng())).toBe(0);
    // The office sees what she uploaded.
    expect((await coordinator.get(`${base}/caregivers/${id}`)).body.hasPhoto).toBe(true);

    const removed = await caregiver.delete(url);
    expect(removed.body.hasPhoto).toBe(false);
    expect((await upload(caregiver, url, tinyPng())).status).toBe(200);
    const withdrawn = await caregiver.put(`${base}/my-profile`, { ...mine, hasPhotoConsent: false });
    expect(withdrawn.body).toMatchObject({ hasPhotoConsent: false, hasPhoto: false });
    expect((await caregiver.get(url)).status).toBe(404);
    expect(await fileCount(t, org.id)).toBe(0);

    expect(await auditActions(t, id)).toEqual(
      expect.arrayContaining([
        "caregivers.photoSaved",
        "caregivers.photoDeleted",
        "caregivers.ownProfileUpdated",
      ]),
    );
    const actors = await t.app.platform.db
      .select({ actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "caregivers.photoSaved")));
    expect(actors.map((a) => a.actor)).toEqual([caregiver.userId, caregiver.userId]);
  });
});
