/**
 * The members of the Segeberg association, each with an account, and the public map about half of them have
 * opted into. Maren Möller (mitglied@demo.ktp-netz.de) is deliberately left off the map: putting herself on
 * it is the member journey the demo walks through.
 */

import type { Role } from "../../src/contracts/roles";
import { fuzzPoint, type GeoPoint } from "../../src/core/geo/geo";
import { addDays } from "../../src/core/shared/dates";
import { mapEntries } from "../../src/server/modules/caregivers/caregivers.tables";
import { users } from "../../src/server/modules/identity/identity.tables";
import { memberships } from "../../src/server/modules/organisations/organisations.tables";
import { keyedUnitValues } from "../../src/server/platform/crypto";
import type { Executor } from "../../src/server/platform/db/client";
import { associationPeople, mailName } from "./names";
import { associationTowns, resolvePlace } from "./places";
import { SeededRandom } from "./random";

export const MEMBER_MAIL_DOMAIN = "mitglied.example";

type UserRow = typeof users.$inferInsert & { id: string };
type MembershipRow = typeof memberships.$inferInsert;
type MapEntryRow = typeof mapEntries.$inferInsert;

export interface AssociationSeed {
  users: UserRow[];
  memberships: MembershipRow[];
  mapEntries: MapEntryRow[];
}

/**
 * The public map point of a member: the postal code's centre moved 300–900 m by a keyed hash of organisation
 * and member, the way the map service computes it, so a member who edits her entry later stays where she was.
 */
export function memberMapPoint(
  secret: string,
  organisationId: string,
  userId: string,
  centre: GeoPoint,
): GeoPoint {
  const [u1 = 0, u2 = 0] = keyedUnitValues(secret, `map:${organisationId}:${userId}`, 2);
  return fuzzPoint(centre, u1, u2);
}

/** The association's members as rows, without touching the database; the same `today` gives the same rows. */
export function buildAssociationMembers(input: {
  organisationId: string;
  today: string;
  passwordHash: string;
  secretKey: string;
}): AssociationSeed {
  const { organisationId, today } = input;
  const rng = new SeededRandom("segeberg:members");
  const ids = new SeededRandom("segeberg:member-ids");
  const seed: AssociationSeed = { users: [], memberships: [], mapEntries: [] };

  for (const person of associationPeople) {
    const userId = ids.uuid();
    const place = resolvePlace(associationTowns[person.town]);
    const email = `${mailName(person.firstName)}.${mailName(person.lastName)}@${MEMBER_MAIL_DOMAIN}`;
    seed.users.push({
      id: userId,
      email,
      name: `${person.firstName} ${person.lastName}`,
      // The demo password's hash, shared: hashing 38 times with argon2 would slow the first start by seconds.
      passwordHash: input.passwordHash,
    });
    const roles: Role[] = person.isBoard ? ["member", "caregiver", "board"] : ["member", "caregiver"];
    seed.memberships.push({
      organisationId,
      userId,
      roles,
      status: "active",
      joinedOn: addDays(today, -rng.int(20, 2900)),
      isContactVisible: rng.chance(0.8),
    });
    const contact = rng.weighted<"mail" | "web" | "none">([
      ["mail", 6],
      ["web", 2],
      ["none", 3],
    ]);
    if (!person.mapName) continue;
    const point = memberMapPoint(input.secretKey, organisationId, userId, place);
    seed.mapEntries.push({
      organisationId,
      userId,
      displayName: person.mapName,
      postalCode: place.postalCode,
      town: place.town,
      contactUrl: contactUrl(contact, email, person.mapName),
      lat: point.lat,
      lon: point.lon,
    });
  }
  assertUnique(seed.users.map((user) => user.email));
  return seed;
}

/** A name like "Maren M." is a person, not a business: she gets a mail link rather than a website. */
function contactUrl(contact: "mail" | "web" | "none", email: string, mapName: string): string | null {
  if (contact === "none") return null;
  if (contact === "web" && !mapName.endsWith(".")) return `https://${mailName(mapName)}.example`;
  return `mailto:${email}`;
}

function assertUnique(emails: readonly string[]): void {
  const seen = new Set<string>();
  for (const email of emails) {
    if (seen.has(email)) throw new Error(`Demo seed: two members share the e-mail ${email}`);
    seen.add(email);
  }
}

/** Inserts the association's members, their memberships and map entries, one statement per table. */
export async function seedAssociationMembers(
  tx: Executor,
  input: { organisationId: string; today: string; passwordHash: string; secretKey: string },
): Promise<void> {
  const seed = buildAssociationMembers(input);
  await tx.insert(users).values(seed.users);
  await tx.insert(memberships).values(seed.memberships);
  await tx.insert(mapEntries).values(seed.mapEntries);
}
