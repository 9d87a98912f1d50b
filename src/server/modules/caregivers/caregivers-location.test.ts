import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeApi, type TestContext } from "../../../../test/support/test-app";
import { haversineKm, offsetPoint } from "../../../core/geo/geo";
import { auditEvents } from "../../platform/audit/audit.tables";
import { findPostalCode, GEO_ATTRIBUTION } from "../../platform/geo/postal-codes";

function person(overrides: Record<string, unknown> = {}) {
  return {
    firstName: "Lena",
    lastName: "Lage",
    email: null,
    phone: null,
    street: "Lindenweg 3",
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
    hasPhotoConsent: false,
    status: "active",
    ...overrides,
  };
}

function centreOf(postalCode: string) {
  const entry = findPostalCode(postalCode);
  if (!entry) throw new Error(`postal code ${postalCode} missing`);
  return { lat: entry.lat, lon: entry.lon };
}

async function audits(t: TestContext, entityId: string) {
  return t.app.platform.db
    .select({ action: auditEvents.action, details: auditEvents.details, actor: auditEvents.actorUserId })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId));
}

describeApi("caregivers: exact point of the care address", (t) => {
  async function office() {
    const org = await t.createOrganisation();
    const coordinator = await t.member(org, ["coordinator"]);
    return { org, coordinator, base: `/api/orgs/${org.slug}` };
  }

  it("starts at the postal code's centre, takes an exact point nearby and goes back on reset", async () => {
    const { base, coordinator } = await office();
    const created = await coordinator.post(`${base}/caregivers`, { caregiver: person() });
    const id = created.body.id;
    const centre = centreOf("59269");
    expect(created.body).toMatchObject({
      ...centre,
      locationPrecision: "postalCode",
      postalCodeCentre: centre,
    });

    // 4 km north-east of the centre, with more digits than any map click has.
    const exact = offsetPoint(centre, 4000, 45);
    const set = await coordinator.put(`${base}/caregivers/${id}/location`, { point: exact });
    expect(set.status).toBe(200);
    expect(set.body.locationPrecision).toBe("manual");
    expect(set.body.lat).toBeCloseTo(exact.lat, 6);
    expect(set.body.lon).toBeCloseTo(exact.lon, 6);
    expect(String(set.body.lat).split(".")[1]?.length ?? 0).toBeLessThanOrEqual(6);
    expect(set.body.postalCodeCentre).toEqual(centre);
    expect((await coordinator.get(`${base}/caregivers/${id}`)).body).toMatchObject({
      lat: set.body.lat,
      lon: set.body.lon,
      locationPrecision: "manual",
    });

    const reset = await coordinator.put(`${base}/caregivers/${id}/location`, { point: null });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ ...centre, locationPrecision: "postalCode" });

    const trail = await audits(t, id);
    const location = trail.filter((a) => a.action.startsWith("caregivers.location"));
    expect(location).toEqual([
      { action: "caregivers.locationSet", details: { precision: "manual" }, actor: coordinator.userId },
      { action: "caregivers.locationReset", details: { precision: "postalCode" }, actor: coordinator.userId },
    ]);
  });

  it("refuses a point more than 30 km from the postal code's centre, in German and English", async () => {
    const { base, coordinator } = await office();
    const id = (await coordinator.post(`${base}/caregivers`, { caregiver: person() })).body.id;
    const far = offsetPoint(centreOf("59269"), 31_000, 180);
    const refused = await coordinator.put(`${base}/caregivers/${id}/location`, { point: far });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([
      {
        path: "point",
        message:
          "Der Punkt liegt mehr als 30 km vom Mittelpunkt der Postleitzahl entfernt. Bitte prüfen Sie den Punkt oder die Postleitzahl.",
      },
    ]);
    const english = await coordinator.request(
      "PUT",
      `${base}/caregivers/${id}/location`,
      { point: far },
      { "accept-language": "en" },
    );
    expect(english.body.error.fields[0].message).toBe(
      "The point lies more than 30 km from the centre of the postal code. Please check the point or the postal code.",
    );
    // Just inside the limit is fine.
    const near = offsetPoint(centreOf("59269"), 29_500, 180);
    expect((await coordinator.put(`${base}/caregivers/${id}/location`, { point: near })).status).toBe(200);

    const outside = await coordinator.put(`${base}/caregivers/${id}/location`, {
      point: { lat: 48.85, lon: 2.35 },
    });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toEqual([
      {
        path: "point.lon",
        message: "Bitte einen Längengrad in Deutschland eingeben (zwischen 5,5 und 15,5, z. B. 8,0412).",
      },
    ]);

    const after = (await coordinator.get(`${base}/caregivers/${id}`)).body;
    expect(haversineKm(after, near)).toBeLessThan(0.001);
    expect((await audits(t, id)).filter((a) => a.action === "caregivers.locationSet")).toHaveLength(1);
  });

  it("keeps the exact point while the address stays and drops it when the address changes", async () => {
    const { base, coordinator } = await office();
    const id = (await coordinator.post(`${base}/caregivers`, { caregiver: person() })).body.id;
    const exact = offsetPoint(centreOf("59269"), 1500, 300);
    await coordinator.put(`${base}/caregivers/${id}/location`, { point: exact });

    const renamed = await coordinator.put(
      `${base}/caregivers/${id}`,
      person({ phone: "02521 1", street: "  lindenweg   3 " }),
    );
    expect(renamed.body).toMatchObject({ locationPrecision: "manual" });
    expect(haversineKm(renamed.body, exact)).toBeLessThan(0.001);

    const moved = await coordinator.put(
      `${base}/caregivers/${id}`,
      person({ postalCode: "59227", town: "Ahlen" }),
    );
    expect(moved.body).toMatchObject({
      ...centreOf("59227"),
      locationPrecision: "postalCode",
      postalCodeCentre: centreOf("59227"),
    });
  });

  it("lets a day-care person place her own point but nobody else's, and refuses the youth office", async () => {
    const { org, base, coordinator } = await office();
    const caregiver = await t.member(org, ["caregiver"]);
    const own = await coordinator.post(`${base}/caregivers`, {
      caregiver: person({ email: caregiver.email }),
    });
    const other = await coordinator.post(`${base}/caregivers`, { caregiver: person({ firstName: "Olga" }) });
    const point = offsetPoint(centreOf("59269"), 800, 90);

    const mine = await caregiver.put(`${base}/my-profile/location`, { point });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: own.body.id, locationPrecision: "manual" });
    const [entry] = (await audits(t, own.body.id)).filter((a) => a.action === "caregivers.locationSet");
    expect(entry?.actor).toBe(caregiver.userId);
    expect((await caregiver.put(`${base}/caregivers/${other.body.id}/location`, { point })).status).toBe(403);
    const tooFar = await caregiver.put(`${base}/my-profile/location`, {
      point: offsetPoint(centreOf("59269"), 40_000, 0),
    });
    expect(tooFar.status).toBe(400);
    expect((await caregiver.put(`${base}/my-profile/location`, { point: null })).body).toMatchObject({
      locationPrecision: "postalCode",
    });

    const youthOffice = await t.member(org, ["youthOffice"]);
    expect((await youthOffice.put(`${base}/caregivers/${other.body.id}/location`, { point })).status).toBe(
      403,
    );
    // The youth office reads the registry, the point included.
    expect((await youthOffice.get(`${base}/caregivers/${other.body.id}`)).body.locationPrecision).toBe(
      "postalCode",
    );

    const elsewhere = await office();
    expect(
      (await elsewhere.coordinator.put(`${elsewhere.base}/caregivers/${other.body.id}/location`, { point }))
        .status,
    ).toBe(404);
    expect((await coordinator.get(`${base}/caregivers/${other.body.id}`)).body.locationPrecision).toBe(
      "postalCode",
    );
  });

  it("never lets the exact point reach the public map, which keeps its own fuzzed point", async () => {
    const association = await t.createOrganisation({ kind: "association" });
    const admin = await t.member(association, ["admin", "caregiver"]);
    const base = `/api/orgs/${association.slug}`;
    const record = await admin.post(`${base}/caregivers`, {
      caregiver: person({ email: admin.email, postalCode: "23795", town: "Bad Segeberg" }),
    });
    expect(record.status).toBe(201);
    const exact = offsetPoint(centreOf("23795"), 5000, 120);
    await admin.put(`${base}/caregivers/${record.body.id}/location`, { point: exact });
    await admin.put(`${base}/map/me`, {
      displayName: "Tagesmutter Lage",
      postalCode: "23795",
      town: "Bad Segeberg",
      contactUrl: null,
    });

    const map = await t.anonymous().get(`/api/public/orgs/${association.slug}/map`);
    expect(map.body.entries).toHaveLength(1);
    const shown = map.body.entries[0];
    expect(haversineKm(shown, centreOf("23795"))).toBeLessThan(0.91);
    expect(haversineKm(shown, exact)).toBeGreaterThan(4);
  });

  it("tells every page, public ones too, where map tiles come from", async () => {
    const org = await t.createOrganisation();
    const coordinator = await t.member(org, ["coordinator"]);
    expect((await coordinator.get("/api/map-tiles")).body).toEqual({
      tileUrl: "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
      tileAttribution: "© OpenStreetMap-Mitwirkende",
      dataAttribution: GEO_ATTRIBUTION,
    });
    // A visitor of a public event page sees the place on the same map.
    expect((await t.anonymous().get("/api/map-tiles")).body.tileUrl).toBe(
      "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    );
  });
});
