import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { describeApi } from "../../../../test/support/test-app";
import { haversineKm } from "../../../core/geo/geo";
import { auditEvents } from "../../platform/audit/audit.tables";
import { findPostalCode, GEO_ATTRIBUTION } from "../../platform/geo/postal-codes";
import { findMembershipOfUser, updateMembership } from "../organisations/organisations.repository";

const entry = {
  displayName: "Tagesmama Sonnenschein",
  postalCode: "23795",
  town: "Bad Segeberg",
  contactUrl: "https://sonnenschein.example",
};

describeApi("members' map", (t) => {
  it("puts an opted-in member on the public map at a stable point 300–900 m from the postal-code centre", async () => {
    const association = await t.createOrganisation({ kind: "association" });
    const member = await t.member(association, ["member"]);
    const base = `/api/orgs/${association.slug}/map/me`;
    const publicUrl = `/api/public/orgs/${association.slug}/map`;

    expect((await member.get(base)).body).toBeNull();
    const saved = await member.put(base, entry);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      displayName: entry.displayName,
      postalCode: "23795",
      town: "Bad Segeberg",
    });

    const map = await t.anonymous().get(publicUrl);
    expect(map.status).toBe(200);
    expect(map.body.dataAttribution).toBe(GEO_ATTRIBUTION);
    expect(map.body.tileUrl).toBe("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    expect(map.body.tileAttribution).toContain("OpenStreetMap");
    expect(map.body.entries).toHaveLength(1);
    const [shown] = map.body.entries;
    // Only the pseudonym, the town and the fuzzed point: no postal code, no address, no free places.
    expect(Object.keys(shown).sort()).toEqual(["contactUrl", "displayName", "id", "lat", "lon", "town"]);
    const centre = findPostalCode("23795");
    if (!centre) throw new Error("postal code missing");
    const distanceKm = haversineKm(centre, shown);
    expect(distanceKm).toBeGreaterThanOrEqual(0.299);
    expect(distanceKm).toBeLessThanOrEqual(0.901);

    const again = await member.put(base, { ...entry, displayName: "Sonnenschein", contactUrl: null });
    expect(again.body).toMatchObject({
      lat: shown.lat,
      lon: shown.lon,
      displayName: "Sonnenschein",
      contactUrl: null,
    });
    const after = (await t.anonymous().get(publicUrl)).body.entries;
    expect(after).toEqual([{ ...shown, displayName: "Sonnenschein", contactUrl: null }]);

    // Another member in the same postal code lands elsewhere.
    const neighbour = await t.member(association, ["caregiver"]);
    const other = await neighbour.put(base, { ...entry, displayName: "Nachbarin" });
    expect(other.status).toBe(200);
    expect(haversineKm(other.body, shown)).toBeGreaterThan(0.01);

    const removed = await member.delete(base);
    expect(removed.status).toBe(200);
    expect((await member.get(base)).body).toBeNull();
    const remaining = (await t.anonymous().get(publicUrl)).body.entries;
    expect(remaining.map((e: { displayName: string }) => e.displayName)).toEqual(["Nachbarin"]);

    const audits = await t.app.platform.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, association.id), eq(auditEvents.actorUserId, member.userId)));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(["caregivers.mapEntrySaved", "caregivers.mapEntryDeleted"]),
    );
  });

  it("drops a member who left the association from the public map at once", async () => {
    const association = await t.createOrganisation({ kind: "association" });
    const staying = await t.member(association, ["member"]);
    const leaving = await t.member(association, ["member"]);
    await staying.put(`/api/orgs/${association.slug}/map/me`, { ...entry, displayName: "Bleibt" });
    await leaving.put(`/api/orgs/${association.slug}/map/me`, { ...entry, displayName: "Geht" });
    const names = async () =>
      (await t.anonymous().get(`/api/public/orgs/${association.slug}/map`)).body.entries.map(
        (e: { displayName: string }) => e.displayName,
      );
    expect(await names()).toEqual(["Bleibt", "Geht"]);

    const membership = await findMembershipOfUser(t.app.platform.db, association.id, leaving.userId);
    if (!membership) throw new Error("membership missing");
    await updateMembership(t.app.platform.db, association.id, membership.id, { status: "left" });
    expect(await names()).toEqual(["Bleibt"]);
  });

  it("refuses an unknown postal code", async () => {
    const association = await t.createOrganisation({ kind: "association" });
    const member = await t.member(association, ["board"]);
    const response = await member.put(`/api/orgs/${association.slug}/map/me`, {
      ...entry,
      postalCode: "00000",
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual([
      { path: "postalCode", message: "Diese Postleitzahl kennen wir nicht." },
    ]);
  });

  it("has no map for coordination offices and none for parents", async () => {
    const office = await t.createOrganisation({ kind: "coordinationOffice" });
    expect((await t.anonymous().get(`/api/public/orgs/${office.slug}/map`)).status).toBe(404);
    const caregiver = await t.member(office, ["caregiver", "admin"]);
    expect((await caregiver.put(`/api/orgs/${office.slug}/map/me`, entry)).status).toBe(404);
    expect((await t.anonymous().get("/api/public/orgs/gibt-es-nicht/map")).status).toBe(404);

    const association = await t.createOrganisation({ kind: "association" });
    const parent = await t.member(association, ["parent"]);
    expect((await parent.put(`/api/orgs/${association.slug}/map/me`, entry)).status).toBe(403);
    expect((await t.anonymous().get(`/api/public/orgs/${association.slug}/map`)).body.entries).toEqual([]);
  });
});
