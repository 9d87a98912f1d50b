import { and, eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import { expect, it } from "vitest";
import { type Client, describeApi, type TestContext } from "../../../../test/support/test-app";
import { exhibitionImageMaxBytes } from "../../../contracts/exhibition";
import { auditEvents } from "../../platform/audit/audit.tables";
import { files } from "../../platform/files/files.tables";
import { runJobOnce } from "../../platform/jobs/scheduler";
import { mailOutbox } from "../../platform/mail/mail.tables";
import { unpublishExpiredPhotosJob } from "./exhibition.jobs";
import { exhibitionConsents, exhibitionPhotos } from "./exhibition.tables";

/**
 * A phone photo as it arrives: 3000×2000 pixels stored sideways with an EXIF orientation, the camera's name
 * and the GPS position of the place it was taken.
 */
async function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: "#2f9e44" } })
    .jpeg({ quality: 70 })
    .withExif({
      IFD0: { Make: "SchnappCam", Model: "KTP-Test" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "51/1 45/1 0/1",
        GPSLongitudeRef: "E",
        GPSLongitude: "8/1 2/1 0/1",
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

async function smallPng(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 4, background: "#ff922b80" } })
    .png()
    .toBuffer();
}

/** The EXIF tag that points to the GPS block, in either byte order. */
function hasGpsPointer(data: Buffer): boolean {
  return data.includes(Buffer.from([0x88, 0x25])) || data.includes(Buffer.from([0x25, 0x88]));
}

function consent(overrides: Record<string, unknown> = {}) {
  return {
    personName: "Mia K.",
    givenBy: "guardian",
    guardianName: "Sandra K.",
    givenOn: "2026-03-01",
    scopes: ["online", "print"],
    validUntil: null,
    ...overrides,
  };
}

describeApi("photo exhibition", (t) => {
  async function office() {
    const org = await t.createOrganisation();
    const coordinator = await t.member(org, ["coordinator"]);
    const base = `/api/orgs/${org.slug}`;
    return { org, coordinator, base };
  }

  async function exhibition(client: Client, base: string, overrides: Record<string, unknown> = {}) {
    const created = await client.post(`${base}/exhibitions`, {
      title: "Vielfalt der Kindertagespflege",
      description: "Ein Jahr in Tagespflegestellen im Kreis.",
      isPublished: true,
      position: 0,
      ...overrides,
    });
    expect(created.status).toBe(201);
    return created.body as { id: string; slug: string };
  }

  async function uploaded(client: Client, base: string, exhibitionId: string, body?: Buffer) {
    const alt = encodeURIComponent("Zwei Kinder bauen einen Turm aus Holzklötzen");
    const response = await client.request(
      "POST",
      `${base}/exhibitions/${exhibitionId}/photos?altText=${alt}&caption=${encodeURIComponent("Bauecke")}`,
      body ?? (await smallPng()),
      { "content-type": body ? "image/jpeg" : "image/png" },
    );
    expect(response.status).toBe(201);
    return response.body as { id: string; imageUrl: string; thumbUrl: string; publishable: boolean };
  }

  async function auditActions(t: TestContext, entityId: string) {
    const rows = await t.app.platform.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, entityId))
      .orderBy(auditEvents.at);
    return rows;
  }

  it("stores an upload turned upright, resized and without any metadata; the original is not kept", async () => {
    const { org, coordinator, base } = await office();
    const { id } = await exhibition(coordinator, base);
    const original = await phoneJpeg();
    expect(hasGpsPointer((await sharp(original).metadata()).exif ?? Buffer.alloc(0))).toBe(true);

    const photo = await uploaded(coordinator, base, id, original);
    expect(photo).toMatchObject({ publishable: false, width: 1365, height: 2048 });

    const [row] = await t.app.platform.db
      .select()
      .from(exhibitionPhotos)
      .where(eq(exhibitionPhotos.id, photo.id));
    if (!row) throw new Error("photo missing");
    const stored = await t.app.platform.db
      .select()
      .from(files)
      .where(and(eq(files.organisationId, org.id)));
    expect(stored.map((f) => f.id).sort()).toEqual([row.imageFileId, row.thumbFileId].sort());
    for (const file of stored) {
      expect(file.contentType).toBe("image/jpeg");
      const meta = await sharp(file.data).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(hasGpsPointer(file.data)).toBe(false);
      expect(file.data.includes(Buffer.from("SchnappCam"))).toBe(false);
      expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(file.id === row.thumbFileId ? 480 : 2048);
      // Portrait now: the sideways original was turned by its orientation before the tag was dropped.
      expect(meta.height).toBeGreaterThan(meta.width ?? 0);
    }

    const image = await coordinator.get(`${photo.thumbUrl}`);
    expect(image.status).toBe(200);
    expect(image.headers["content-type"]).toBe("image/jpeg");
    expect(image.headers["cache-control"]).toBe("private, no-cache");
    expect((await auditActions(t, photo.id)).map((a) => a.action)).toEqual(["exhibition.photoUploaded"]);
  });

  it("refuses uploads that are no image by their bytes, too large, undecodable or without alt text", async () => {
    const { org, coordinator, base } = await office();
    const { id } = await exhibition(coordinator, base);
    const url = `${base}/exhibitions/${id}/photos?altText=Ein%20Bild`;
    const send = (body: Buffer, type = "image/png", target = url) =>
      coordinator.request("POST", target, body, { "content-type": type });

    const html = await send(Buffer.from("<html><script>alert(1)</script></html>"));
    expect(html.status).toBe(400);
    expect(html.body.error.fields[0].message).toContain("JPEG, PNG oder WebP");
    // A JPEG signature with nothing behind it cannot be decoded.
    const broken = await send(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 1, 2, 3]), "image/jpeg");
    expect(broken.status).toBe(400);
    expect((await send(await smallPng(), "image/gif")).status).toBe(415);
    expect([400, 413]).toContain((await send(Buffer.alloc(exhibitionImageMaxBytes + 1, 1))).status);
    expect((await send(await smallPng(), "image/png", `${base}/exhibitions/${id}/photos`)).status).toBe(400);
    expect(
      (await send(await smallPng(), "image/png", `${base}/exhibitions/${id}/photos?altText=%20%20`)).status,
    ).toBe(400);

    expect(await t.app.platform.db.select().from(files).where(eq(files.organisationId, org.id))).toEqual([]);
    expect((await coordinator.get(`${base}/exhibitions/${id}`)).body.photos).toEqual([]);
  });

  it("publishes a photo only with a valid consent of everyone shown; withdrawal removes it at once", async () => {
    const { org, coordinator, base } = await office();
    const { id, slug } = await exhibition(coordinator, base);
    const photo = await uploaded(coordinator, base, id);
    const photoUrl = `${base}/exhibition-photos/${photo.id}`;
    const visitor = t.anonymous();
    const publicUrl = `/api/public/orgs/${org.slug}/exhibitions/${slug}`;

    const refused = await coordinator.put(`${photoUrl}/published`, { isPublished: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("exhibitionConsentMissing");
    expect(refused.body.error.message).toContain("Einwilligung");
    expect((await coordinator.get(`${base}/exhibitions/${id}`)).body.photos[0]).toMatchObject({
      isPublished: false,
      problems: [{ kind: "noConsent", personName: null }],
    });

    // A consent for print only does not cover the website.
    const printOnly = await coordinator.post(`${photoUrl}/consents`, consent({ scopes: ["print"] }));
    expect(printOnly.status).toBe(201);
    expect(printOnly.body.problems).toEqual([{ kind: "scopeMissing", personName: "Mia K." }]);
    expect((await coordinator.put(`${photoUrl}/published`, { isPublished: true })).status).toBe(400);

    const renewed = await coordinator.post(`${photoUrl}/consents`, consent({ givenOn: "2026-03-02" }));
    expect(renewed.body).toMatchObject({ publishable: true, isPublished: false });
    const published = await coordinator.put(`${photoUrl}/published`, { isPublished: true });
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ isPublished: true, isVisible: true });

    const seen = await visitor.get(publicUrl);
    expect(seen.status).toBe(200);
    expect(seen.body.photos).toHaveLength(1);
    const [shown] = seen.body.photos;
    // The public learns nothing about who is shown or who agreed.
    expect(Object.keys(shown).sort()).toEqual(
      ["altText", "caption", "credit", "height", "id", "imageUrl", "thumbUrl", "width"].sort(),
    );
    expect(JSON.stringify(seen.body)).not.toContain("Mia");
    const image = await visitor.get(shown.imageUrl);
    expect(image.status).toBe(200);
    expect(image.headers["cache-control"]).toBe("private, no-cache");
    const thumb = await visitor.get(shown.thumbUrl);
    expect(thumb.status).toBe(200);
    expect(
      (
        await visitor.request("GET", shown.imageUrl, undefined, {
          "if-none-match": String(image.headers.etag),
        })
      ).status,
    ).toBe(304);
    expect((await visitor.get(`/api/public/orgs/${org.slug}/exhibitions`)).body.exhibitions).toMatchObject([
      { slug, photoCount: 1, cover: { id: photo.id } },
    ]);
    const menuKinds = async () =>
      (await visitor.get(`/api/public/orgs/${org.slug}/site`)).body.menu.map((e: { kind: string }) => e.kind);
    // The website's menu offers the exhibition while a photo is on show.
    expect(await menuKinds()).toContain("exhibition");

    const latest = renewed.body.consents.at(-1).id as string;
    const withdrawn = await coordinator.post(`${photoUrl}/consents/${latest}/withdraw`, {
      reason: "Die Mutter möchte das nicht mehr.",
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      isPublished: false,
      isVisible: false,
      problems: [{ kind: "withdrawn", personName: "Mia K." }],
    });
    expect((await visitor.get(publicUrl)).body.photos).toEqual([]);
    expect(await menuKinds()).not.toContain("exhibition");
    expect((await visitor.get(shown.imageUrl)).status).toBe(404);
    expect((await visitor.get(shown.thumbUrl)).status).toBe(404);
    // Even a browser holding the old ETag gets no 304 for it any more.
    expect(
      (
        await visitor.request("GET", shown.imageUrl, undefined, {
          "if-none-match": String(image.headers.etag),
        })
      ).status,
    ).toBe(404);
    expect((await coordinator.post(`${photoUrl}/consents/${latest}/withdraw`, { reason: "" })).status).toBe(
      409,
    );
    expect((await coordinator.put(`${photoUrl}/published`, { isPublished: true })).status).toBe(400);

    const actions = (await auditActions(t, photo.id)).map((a) => a.action);
    expect(actions).toEqual([
      "exhibition.photoUploaded",
      "exhibition.consentRecorded",
      "exhibition.consentRecorded",
      "exhibition.photoPublished",
      "exhibition.consentWithdrawn",
      "exhibition.photoUnpublished",
    ]);
    // The audit log names no one shown on the photo.
    expect(JSON.stringify(await auditActions(t, photo.id))).not.toContain("Mia");
  });

  it("hides a photo from the day after its consent ends, before any job runs", async () => {
    const { org, coordinator, base } = await office();
    const { id, slug } = await exhibition(coordinator, base);
    const photo = await uploaded(coordinator, base, id);
    const photoUrl = `${base}/exhibition-photos/${photo.id}`;
    await coordinator.post(`${photoUrl}/consents`, consent({ validUntil: "2026-03-31" }));
    expect((await coordinator.put(`${photoUrl}/published`, { isPublished: true })).status).toBe(200);
    const visitor = t.anonymous();
    const publicUrl = `/api/public/orgs/${org.slug}/exhibitions/${slug}`;
    const before = t.clock.now;
    try {
      t.clock.now = new Date("2026-03-31T20:00:00Z"); // 22:00 in Germany, still the last day
      expect((await visitor.get(publicUrl)).body.photos).toHaveLength(1);
      t.clock.now = new Date("2026-03-31T22:30:00Z"); // 00:30 on 1 April in Germany
      expect((await visitor.get(publicUrl)).body.photos).toEqual([]);
      expect(
        (
          await visitor.get(
            photo.imageUrl.replace(
              `/api/orgs/${org.slug}/exhibition-photos`,
              `/api/public/orgs/${org.slug}/exhibitions/${slug}/photos`,
            ),
          )
        ).status,
      ).toBe(404);
      const staffView = (await coordinator.get(`${base}/exhibitions/${id}`)).body.photos[0];
      expect(staffView).toMatchObject({
        isPublished: true,
        isVisible: false,
        problems: [{ kind: "expired" }],
      });

      // The hourly job takes it down for the staff too, audits it and tells the office, naming no one.
      expect(await runJobOnce(t.app.platform, unpublishExpiredPhotosJob)).toBe(true);
      expect(await runJobOnce(t.app.platform, unpublishExpiredPhotosJob)).toBe(true);
      expect((await coordinator.get(`${base}/exhibitions/${id}`)).body.photos[0]).toMatchObject({
        isPublished: false,
      });
      const mails = await t.app.platform.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.organisationId, org.id));
      expect(mails).toHaveLength(1);
      expect(mails[0]).toMatchObject({ to: `${org.slug}@fachberatung.example` });
      expect(mails[0]?.subject).toContain("1 Foto");
      expect(mails[0]?.text).not.toContain("Mia");
      const actions = (await auditActions(t, photo.id)).map((a) => a.action);
      expect(actions.at(-1)).toBe("exhibition.photoUnpublished");
      expect(actions.filter((a) => a === "exhibition.photoUnpublished")).toHaveLength(1);
    } finally {
      t.clock.now = before;
    }
  });

  it("shows a photo marked as showing no identifiable people without consents, and never drafts", async () => {
    const { org, coordinator, base } = await office();
    const { id, slug } = await exhibition(coordinator, base);
    const draft = await exhibition(coordinator, base, { title: "Entwurf", isPublished: false });
    const photo = await uploaded(coordinator, base, id);
    const hidden = await uploaded(coordinator, base, draft.id);
    const photoUrl = `${base}/exhibition-photos/${photo.id}`;
    const edit = {
      caption: "Hände und Knete",
      altText: "Kinderhände kneten rote Knete",
      credit: "Foto: Verein",
    };
    const marked = await coordinator.put(photoUrl, { ...edit, position: 3, noIdentifiablePeople: true });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ publishable: true, caption: "Hände und Knete" });
    expect((await coordinator.put(`${photoUrl}/published`, { isPublished: true })).status).toBe(200);
    for (const p of [hidden]) {
      const u = `${base}/exhibition-photos/${p.id}`;
      await coordinator.put(u, { ...edit, position: 0, noIdentifiablePeople: true });
      expect((await coordinator.put(`${u}/published`, { isPublished: true })).status).toBe(200);
    }

    const visitor = t.anonymous();
    const list = await visitor.get(`/api/public/orgs/${org.slug}/exhibitions`);
    expect(list.body.exhibitions.map((e: { slug: string }) => e.slug)).toEqual([slug]);
    expect((await visitor.get(`/api/public/orgs/${org.slug}/exhibitions/${draft.slug}`)).status).toBe(404);
    const shown = (await visitor.get(`/api/public/orgs/${org.slug}/exhibitions/${slug}`)).body.photos;
    expect(shown).toMatchObject([{ id: photo.id, credit: "Foto: Verein", altText: edit.altText }]);
    const draftImage = `/api/public/orgs/${org.slug}/exhibitions/${draft.slug}/photos/${hidden.id}/image`;
    expect((await visitor.get(draftImage)).status).toBe(404);
    // A photo is found only under its own exhibition.
    expect(
      (await visitor.get(`/api/public/orgs/${org.slug}/exhibitions/${slug}/photos/${hidden.id}/image`))
        .status,
    ).toBe(404);

    // Recording a person on the photo takes it down until that person's consent covers the website.
    const added = await coordinator.post(`${photoUrl}/consents`, consent({ scopes: ["press"] }));
    expect(added.body).toMatchObject({ isPublished: false, problems: [{ kind: "scopeMissing" }] });
    expect((await visitor.get(`/api/public/orgs/${org.slug}/exhibitions/${slug}`)).body.photos).toEqual([]);
  });

  it("answers the public pages with their title and captions for search engines, without any photo", async () => {
    const { org, coordinator, base } = await office();
    const { id, slug } = await exhibition(coordinator, base);
    const photo = await uploaded(coordinator, base, id);
    await coordinator.post(`${base}/exhibition-photos/${photo.id}/consents`, consent());
    await coordinator.put(`${base}/exhibition-photos/${photo.id}/published`, { isPublished: true });
    const visitor = t.anonymous();

    const page = await visitor.get(`/o/${org.slug}/ausstellung/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`<title>Vielfalt der Kindertagespflege – ${org.name}</title>`);
    expect(page.text).toContain("<li>Bauecke</li>");
    // A link preview must not copy a child's photo where a withdrawal cannot reach it.
    expect(page.text).not.toContain("og:image");
    expect(page.text).not.toContain(photo.id);
    const list = await visitor.get(`/o/${org.slug}/ausstellung`);
    expect(list.text).toContain(`/o/${org.slug}/ausstellung/${slug}`);
    expect((await visitor.get(`/o/${org.slug}/ausstellung/gibt-es-nicht`)).status).toBe(404);
  });

  it("deletes a photo with its images and consents, and an exhibition with all of its photos", async () => {
    const { org, coordinator, base } = await office();
    const { id } = await exhibition(coordinator, base);
    const first = await uploaded(coordinator, base, id);
    const second = await uploaded(coordinator, base, id);
    await coordinator.post(`${base}/exhibition-photos/${first.id}/consents`, consent());
    await coordinator.post(`${base}/exhibition-photos/${second.id}/consents`, consent());
    const db = t.app.platform.db;
    const fileCount = async () =>
      (await db.select().from(files).where(eq(files.organisationId, org.id))).length;
    const consentCount = async (ids: string[]) =>
      (await db.select().from(exhibitionConsents).where(inArray(exhibitionConsents.photoId, ids))).length;
    expect(await fileCount()).toBe(4);

    expect((await coordinator.delete(`${base}/exhibition-photos/${first.id}`)).status).toBe(200);
    expect(await fileCount()).toBe(2);
    expect(await consentCount([first.id])).toBe(0);
    expect((await coordinator.get(first.imageUrl)).status).toBe(404);

    expect((await coordinator.delete(`${base}/exhibitions/${id}`)).status).toBe(200);
    expect(await fileCount()).toBe(0);
    expect(await consentCount([second.id])).toBe(0);
    expect((await coordinator.get(`${base}/exhibitions/${id}`)).status).toBe(404);
    expect((await coordinator.get(`${base}/exhibitions`)).body).toEqual([]);
  });

  it("keeps exhibitions and consents to the staff who run the website of their own organisation", async () => {
    const { org, coordinator, base } = await office();
    const { id, slug } = await exhibition(coordinator, base);
    const photo = await uploaded(coordinator, base, id);
    const photoUrl = `${base}/exhibition-photos/${photo.id}`;
    const withConsent = await coordinator.post(`${photoUrl}/consents`, consent());
    const consentId = withConsent.body.consents[0].id as string;

    const board = await t.member(org, ["board"]);
    expect((await board.get(`${base}/exhibitions/${id}`)).status).toBe(200);
    for (const roles of [["caregiver"], ["parent"], ["member"], ["youthOffice"]] as const) {
      const other = await t.member(org, [...roles]);
      expect((await other.get(`${base}/exhibitions`)).status).toBe(403);
      expect((await other.get(`${base}/exhibitions/${id}`)).status).toBe(403);
      expect((await other.put(`${photoUrl}/published`, { isPublished: true })).status).toBe(403);
      expect((await other.post(`${photoUrl}/consents`, consent())).status).toBe(403);
      expect((await other.post(`${photoUrl}/consents/${consentId}/withdraw`, { reason: "" })).status).toBe(
        403,
      );
      expect((await other.get(photo.imageUrl)).status).toBe(403);
    }
    expect((await t.anonymous().get(`${base}/exhibitions`)).status).toBe(401);

    const elsewhere = await t.createOrganisation();
    const stranger = await t.member(elsewhere, ["coordinator"]);
    const strangerBase = `/api/orgs/${elsewhere.slug}`;
    expect((await stranger.get(`${strangerBase}/exhibitions/${id}`)).status).toBe(404);
    expect(
      (await stranger.put(`${strangerBase}/exhibition-photos/${photo.id}/published`, { isPublished: false }))
        .status,
    ).toBe(404);
    expect(
      (await stranger.post(`${strangerBase}/exhibition-photos/${photo.id}/consents`, consent())).status,
    ).toBe(404);
    expect(
      (
        await stranger.post(`${strangerBase}/exhibition-photos/${photo.id}/consents/${consentId}/withdraw`, {
          reason: "",
        })
      ).status,
    ).toBe(404);
    expect((await stranger.get(`${strangerBase}/exhibition-photos/${photo.id}/image`)).status).toBe(404);
    expect((await stranger.delete(`${strangerBase}/exhibitions/${id}`)).status).toBe(404);
    expect((await t.anonymous().get(`/api/public/orgs/${elsewhere.slug}/exhibitions/${slug}`)).status).toBe(
      404,
    );
    // The photo is untouched by all of this.
    expect((await coordinator.get(`${base}/exhibitions/${id}`)).body.photos[0]).toMatchObject({
      isPublished: false,
      consents: [{ id: consentId, withdrawnAt: null }],
    });
  });

  it("refuses bad input with a translated 400 and changes nothing", async () => {
    const { coordinator, base } = await office();
    const { id, slug } = await exhibition(coordinator, base);
    const photo = await uploaded(coordinator, base, id);
    const photoUrl = `${base}/exhibition-photos/${photo.id}`;

    const noGuardian = await coordinator.post(`${photoUrl}/consents`, consent({ guardianName: "" }));
    expect(noGuardian.status).toBe(400);
    expect(noGuardian.body.error.fields[0]).toMatchObject({ path: "guardianName" });
    const noScope = await coordinator.post(`${photoUrl}/consents`, consent({ scopes: [] }));
    expect(noScope.status).toBe(400);
    expect(noScope.body.error.fields[0].message).toBe("Bitte mindestens eine Verwendung wählen.");
    const backwards = await coordinator.post(`${photoUrl}/consents`, consent({ validUntil: "2026-02-01" }));
    expect(backwards.status).toBe(400);
    expect((await coordinator.post(`${photoUrl}/consents`, consent({ givenOn: "01.03.2026" }))).status).toBe(
      400,
    );
    expect((await coordinator.post(`${photoUrl}/consents`, consent({ scopes: ["tv"] }))).status).toBe(400);
    const noAlt = await coordinator.put(photoUrl, {
      caption: "",
      altText: "",
      credit: "",
      position: 0,
      noIdentifiablePeople: true,
    });
    expect(noAlt.status).toBe(400);
    const taken = await coordinator.post(`${base}/exhibitions`, {
      title: "Noch eine",
      slug,
      description: "",
      isPublished: false,
      position: 1,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("exhibitionSlugTaken");

    const detail = (await coordinator.get(`${base}/exhibitions`)).body;
    expect(detail).toHaveLength(1);
    expect((await coordinator.get(`${base}/exhibitions/${id}`)).body.photos[0]).toMatchObject({
      consents: [],
      noIdentifiablePeople: false,
      altText: "Zwei Kinder bauen einen Turm aus Holzklötzen",
    });
  });
});
