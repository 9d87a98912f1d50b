import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import { careContracts, placementRequests } from "../../src/server/modules/placement/placement.tables";
import type { TestSmtpServer } from "./smtp";
import type { TestContext } from "./test-app";

/** Placement fixtures shared by the API tests of requests, suggestions, offers and allocation rounds. */

export const monToFri = (from: string, to: string) => [1, 2, 3, 4, 5].map((day) => ({ day, from, to }));

/** A request from Beckum for a child of 17 months at the start, Monday to Friday 08:00–13:00. */
export function requestBody(email: string, overrides: Record<string, unknown> = {}) {
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
    wishes: "",
    facts: [],
    hasNeedsConsent: false,
    needs: null,
    parentName: "Selin Demir",
    email,
    phone: "",
    website: "",
    ...overrides,
  };
}

export function caregiverBody(lastName: string, overrides: Record<string, unknown> = {}) {
  return {
    firstName: "Anna",
    lastName,
    email: null,
    phone: "",
    street: "Lindenweg 3",
    postalCode: "59269",
    town: "Beckum",
    employment: "selfEmployed",
    languages: ["Deutsch"],
    hasPets: false,
    petsNote: "",
    meals: "Frisch gekocht",
    pedagogy: "Situationsansatz",
    hasInclusionExperience: false,
    ageMinMonths: 6,
    ageMaxMonths: 36,
    careGroupName: null,
    hasPhotoConsent: false,
    status: "active",
    ...overrides,
  };
}

export const licence = {
  number: "PE-1",
  issuer: "Jugendamt Beckum",
  validFrom: "2025-01-01",
  validTo: "2029-12-31",
  conditions: "",
};

/** Monday to Friday from `from` to `to` (minutes of the day) with `places` places. */
export const capacity = (places: number, from = 420, to = 960) => ({
  effectiveFrom: "2026-01-01",
  slots: [0, 1, 2, 3, 4].map((weekday) => ({ weekday, start: from, end: to, places })),
});

let addressCounter = 0;

/** An office with a coordinator, caregivers added by her, and parents who filed and confirmed requests. */
export function placementFixtures(t: TestContext, smtp: () => TestSmtpServer) {
  let seq = 0;
  const uniqueEmail = (name: string) => `${name}.${t.kind}.${++seq}@eltern.example`;

  async function office() {
    const org = await t.createOrganisation();
    const coordinator = await t.member(org, ["coordinator"]);
    return { org, coordinator, base: `/api/orgs/${org.slug}` };
  }

  async function addCaregiver(
    coordinator: Awaited<ReturnType<typeof office>>["coordinator"],
    base: string,
    lastName: string,
    overrides: { person?: Record<string, unknown>; capacity?: unknown; licence?: unknown } = {},
  ): Promise<string> {
    const created = await coordinator.post(`${base}/caregivers`, {
      caregiver: caregiverBody(lastName, overrides.person),
      licence: overrides.licence ?? licence,
      capacity: overrides.capacity ?? capacity(4),
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** A parent who filed a request and confirmed it with a new account; signed in. */
  async function parentWithRequest(slug: string, overrides: Record<string, unknown> = {}) {
    const email = uniqueEmail("eltern");
    addressCounter++;
    const sent = await t.app.inject({
      method: "POST",
      url: `/api/public/orgs/${slug}/placement-requests`,
      payload: requestBody(email, overrides),
      remoteAddress: `10.9.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`,
    });
    expect(sent.statusCode).toBe(202);
    const mail = await smtp().waitForMail(
      (m) => m.to.includes(email) && m.text.includes("/anfrage/bestaetigen/"),
    );
    const token = /\/anfrage\/bestaetigen\/([\w-]+)/.exec(mail.text)?.[1];
    const client = t.anonymous();
    const confirmed = await client.post("/api/placement-confirmations", {
      token,
      password: "ein-gutes-passwort",
    });
    expect(confirmed.status).toBe(200);
    return Object.assign(client, { email, requestId: confirmed.body.requestId as string });
  }

  return { uniqueEmail, office, addCaregiver, parentWithRequest };
}

/**
 * A parent's placed request and the care contract it led to, written straight into the database: the
 * parents with a contract that announcements, votes and surveys reach. `child` numbers the child (name and
 * date of birth), so one parent can have several; the contract ends on `end` or is open-ended.
 */
export async function insertCareContract(
  t: TestContext,
  organisationId: string,
  parentUserId: string,
  {
    caregiverId = randomUUID(),
    end = null,
    child = 1,
  }: { caregiverId?: string; end?: string | null; child?: number } = {},
): Promise<void> {
  const { db } = t.app.platform;
  const childFirstName = `Kind ${child}`;
  const childBirthDate = `2025-${String(child).padStart(2, "0")}-01`;
  const careTimes = [{ day: 1, from: "08:00", to: "12:00" }];
  const [request] = await db
    .insert(placementRequests)
    .values({
      organisationId,
      parentUserId,
      status: "placed",
      childFirstName,
      childBirthDate,
      wantedStart: "2026-02-01",
      careTimes,
      street: "Weg 1",
      postalCode: "59269",
      town: "Beckum",
      lat: 51.75,
      lon: 8.04,
      maxDistanceKm: 5,
      parentName: "Eltern",
      email: "eltern@example.org",
    })
    .returning({ id: placementRequests.id });
  await db.insert(careContracts).values({
    organisationId,
    caregiverId,
    requestId: request?.id ?? null,
    childFirstName,
    childBirthDate,
    start: "2026-02-01",
    end,
    careTimes,
    settlingInEnd: "2026-02-14",
  });
}
