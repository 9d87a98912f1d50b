import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import type { CourseCategory } from "../../src/core/training/catalogue";
import { createVerificationCode } from "../../src/core/training/certificates";
import { upsertMembership } from "../../src/server/modules/organisations/organisations.repository";
import {
  trainingCertificates,
  trainingExternalCertificates,
} from "../../src/server/modules/training/training.tables";
import type { TestContext } from "./test-app";
import { addParticipant } from "./training";

/**
 * Fixtures of the training-account tests: offices, day-care persons in the registry with licences and their
 * own accounts, and certificates written straight into the tables.
 */

/** The test clock's today is 2026-03-02. */
function caregiverBody(firstName: string, lastName: string, email: string | null) {
  return {
    firstName,
    lastName,
    email,
    phone: "",
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
  };
}

const licence = (validFrom: string, validTo: string) => ({
  number: `PE-${validFrom}`,
  issuer: "Jugendamt Beckum",
  validFrom,
  validTo,
  conditions: "",
});

export function accountFixtures(t: TestContext) {
  let seq = 0;

  async function office(kind: "coordinationOffice" | "association" = "coordinationOffice") {
    const org = await t.createOrganisation({ kind });
    // In an association the board reads the accounts; an admin keeps its registry.
    const coordinator = await t.member(org, [kind === "association" ? "admin" : "coordinator"]);
    return { org, coordinator, base: `/api/orgs/${org.slug}` };
  }

  /**
   * A day-care person in the registry with her licences and, unless `withAccount` is false, her own account
   * (linked by e-mail as the registry does) and training participant record.
   */
  async function registryPerson(
    setup: Awaited<ReturnType<typeof office>>,
    input: {
      firstName?: string;
      lastName: string;
      licences: [string, string][];
      withAccount?: boolean;
      withEmail?: boolean;
    },
  ) {
    const email = input.withEmail === false ? null : `ktp-${t.kind}-${++seq}-${randomTag()}@example.org`;
    const [first, ...more] = input.licences;
    const created = await setup.coordinator.post(`${setup.base}/caregivers`, {
      caregiver: caregiverBody(input.firstName ?? "Anna", input.lastName, email),
      licence: first ? licence(first[0], first[1]) : null,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const caregiverId = created.body.id as string;
    for (const [from, to] of more) {
      const added = await setup.coordinator.post(`${setup.base}/caregivers/${caregiverId}/licences`, {
        ...licence(from, to),
        maxChildren: 5,
      });
      expect(added.status, JSON.stringify(added.body)).toBeLessThan(300);
    }
    if (input.withAccount === false || !email)
      return { caregiverId, email, client: null, participantId: null };
    const user = await t.createUser({ email, name: `${input.firstName ?? "Anna"} ${input.lastName}` });
    await upsertMembership(t.app.platform.db, setup.org.id, user.id, ["caregiver"]);
    const client = await t.signIn(email);
    // Her first visit to her profile links the registry record to her account.
    expect((await client.get(`${setup.base}/my-profile`)).status).toBe(200);
    const participant = await addParticipant(t, setup.org.id, {
      name: `${input.firstName ?? "Anna"} ${input.lastName}`,
      email,
      userId: user.id,
    });
    return { caregiverId, email, client, participantId: participant.id, userId: user.id };
  }

  async function certificate(
    organisationId: string,
    participantId: string,
    input: {
      category?: CourseCategory;
      units: number;
      completedOn: string;
      validUntil?: string | null;
      counts?: boolean;
      title?: string;
      status?: "issued" | "superseded";
    },
  ) {
    const [row] = await t.app.platform.db
      .insert(trainingCertificates)
      .values({
        organisationId,
        participantId,
        category: input.category ?? "other",
        participantName: "Teilnehmerin",
        courseTitle: input.title ?? `Fortbildung ${input.completedOn}`,
        units: input.units,
        startedOn: input.completedOn,
        completedOn: input.completedOn,
        validUntil: input.validUntil ?? null,
        countsTowardsObligation: input.counts ?? true,
        verificationCode: createVerificationCode(randomBytes(7)),
        status: input.status ?? "issued",
      })
      .returning({ id: trainingCertificates.id });
    if (!row) throw new Error("certificate not inserted");
    return row.id;
  }

  async function acceptedExternal(
    organisationId: string,
    participantId: string,
    input: { category?: CourseCategory; units: number; completedOn: string; validUntil?: string | null },
  ) {
    const [row] = await t.app.platform.db
      .insert(trainingExternalCertificates)
      .values({
        organisationId,
        participantId,
        category: input.category ?? "other",
        provider: "Familienbildungsstätte",
        title: `Extern ${input.completedOn}`,
        units: input.units,
        completedOn: input.completedOn,
        status: "accepted",
        reviewedOn: "2026-02-01",
        validUntil: input.validUntil ?? null,
        countsTowardsObligation: true,
      })
      .returning({ id: trainingExternalCertificates.id });
    if (!row) throw new Error("external not inserted");
    return row.id;
  }

  return { office, registryPerson, certificate, acceptedExternal };
}

const randomTag = () => randomBytes(3).toString("hex");
