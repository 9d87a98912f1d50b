import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { caregivers } from "../../src/server/modules/caregivers/caregivers.tables";
import { careContracts, placementRequests } from "../../src/server/modules/placement/placement.tables";
import { substitutionCareNotes } from "../../src/server/modules/substitution/substitution.tables";
import { monToFri, placementFixtures } from "./placement";
import type { TestSmtpServer } from "./smtp";
import type { TestContext } from "./test-app";

/** Substitution fixtures shared by the API tests of absences, covers and the office's operations. */

// The test clock's today is Monday 2026-03-02, 10:00 in Berlin.
export const TODAY = "2026-03-02";

/**
 * A running contract of `caregiverId`, written straight into the database: with a family (a placed request)
 * unless `parentUserId` is null, and with care notes the parents consented to when `allergies` is given.
 */
export async function insertChild(
  t: TestContext,
  organisationId: string,
  caregiverId: string,
  child: {
    name: string;
    parentUserId?: string | null;
    email?: string;
    allergies?: string;
    birthDate?: string;
    times?: { day: number; from: string; to: string }[];
  },
): Promise<string> {
  const { db, cipher } = t.app.platform;
  const careTimes = child.times ?? monToFri("08:00", "13:00");
  const childBirthDate = child.birthDate ?? "2024-09-01";
  let requestId: string | null = null;
  if (child.parentUserId !== null) {
    const [request] = await db
      .insert(placementRequests)
      .values({
        organisationId,
        parentUserId: child.parentUserId ?? null,
        status: "placed",
        childFirstName: child.name,
        childBirthDate,
        wantedStart: "2025-09-01",
        careTimes,
        street: "Weg 1",
        postalCode: "59269",
        town: "Beckum",
        lat: 51.755,
        lon: 8.041,
        maxDistanceKm: 5,
        parentName: `Eltern von ${child.name}`,
        email: child.email ?? `eltern.${child.name.toLowerCase()}@example.org`,
      })
      .returning({ id: placementRequests.id });
    requestId = request?.id ?? null;
  }
  const [contract] = await db
    .insert(careContracts)
    .values({
      organisationId,
      caregiverId,
      requestId,
      childFirstName: child.name,
      childBirthDate,
      start: "2025-09-01",
      end: null,
      careTimes,
      settlingInEnd: "2025-09-14",
    })
    .returning({ id: careContracts.id });
  // The covering person learns allergies from the care notes the parents consented to (care-notes.service).
  if (child.allergies && contract)
    await db.insert(substitutionCareNotes).values({
      contractId: contract.id,
      organisationId,
      notesEncrypted: cipher.encrypt(
        JSON.stringify({ allergies: child.allergies, diet: "vegetarisch", notes: "" }),
      ),
      consentAt: new Date("2025-08-01T00:00:00Z"),
      consentBy: "parent",
    });
  return contract?.id as string;
}

export function substitutionFixtures(t: TestContext, smtp: () => TestSmtpServer) {
  const { office, addCaregiver } = placementFixtures(t, smtp);

  /** An account with a role, linked to a registry entry as the caregivers module links it. */
  async function linkedAccount(org: { id: string }, caregiverId: string, role: "caregiver" | "substitute") {
    const member = await t.member(org, [role]);
    await t.app.platform.db
      .update(caregivers)
      .set({ userId: member.userId })
      .where(eq(caregivers.id, caregiverId));
    return member;
  }

  /**
   * Anna (absent) with Mila (allergies, consent) and Ben (no needs); Sara an employed substitute Mila knows
   * from three play groups; Tina Anna's tandem partner; Carl another day-care person.
   */
  async function scene() {
    const { org, coordinator, base } = await office();
    const sub = `${base}/substitution`;
    const anna = await addCaregiver(coordinator, base, "Albers");
    const sara = await addCaregiver(coordinator, base, "Sommer", {
      person: { firstName: "Sara", email: `sara.${t.kind}.${org.slug}@example.org`, street: "Sonnenweg 7" },
    });
    const tina = await addCaregiver(coordinator, base, "Tamm", {
      person: { firstName: "Tina", email: `tina.${t.kind}.${org.slug}@example.org` },
    });
    const carl = await addCaregiver(coordinator, base, "Claßen", { person: { firstName: "Carla" } });
    const annaAccount = await linkedAccount(org, anna, "caregiver");
    const milaParent = await t.member(org, ["parent"]);
    const benParent = await t.member(org, ["parent"]);
    const mila = await insertChild(t, org.id, anna, {
      name: "Mila",
      parentUserId: milaParent.userId,
      email: `mila.${t.kind}.${org.slug}@example.org`,
      allergies: "Nüsse",
    });
    const ben = await insertChild(t, org.id, anna, {
      name: "Ben",
      parentUserId: benParent.userId,
      email: `ben.${t.kind}.${org.slug}@example.org`,
    });
    const substitute = await coordinator.post(`${sub}/substitutes`, {
      caregiverId: sara,
      hoursPerMonth: 40,
    });
    expect(substitute.status, JSON.stringify(substitute.body)).toBe(201);
    const arrangement = await coordinator.put(`${sub}/arrangements/${anna}`, {
      tandemPartnerIds: [tina],
      substituteIds: [sara],
      kitaId: null,
    });
    expect(arrangement.status, JSON.stringify(arrangement.body)).toBe(200);
    expect(arrangement.body.model).toBe("tandem");
    for (const on of ["2026-02-02", "2026-02-09", "2026-02-16"]) {
      const group = await coordinator.post(`${sub}/play-groups`, {
        hostCaregiverId: sara,
        on,
        contractIds: [mila],
      });
      expect(group.status, JSON.stringify(group.body)).toBe(201);
    }
    return {
      org,
      coordinator,
      base,
      sub,
      anna,
      sara,
      tina,
      carl,
      annaAccount,
      milaParent,
      benParent,
      mila,
      ben,
    };
  }

  return { office, addCaregiver, linkedAccount, scene };
}
