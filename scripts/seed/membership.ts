/**
 * The association's membership side of the demo: the links to statutes and privacy notice, two confirmed
 * applications waiting for the board, one declined last month, a former member who left, and two
 * announcements to all members (one of them essential). All names are invented.
 */
import { and, desc, eq, isNull, like } from "drizzle-orm";
import { addDays } from "../../src/core/shared/dates";
import {
  announcementRecipients,
  announcements,
} from "../../src/server/modules/announcements/announcements.tables";
import { mapEntries } from "../../src/server/modules/caregivers/caregivers.tables";
import { users } from "../../src/server/modules/identity/identity.tables";
import {
  membershipApplications,
  membershipSettings,
} from "../../src/server/modules/membership/membership.tables";
import { listActiveMemberIds } from "../../src/server/modules/organisations/organisations.queries";
import { memberships } from "../../src/server/modules/organisations/organisations.tables";
import type { Executor } from "../../src/server/platform/db/client";
import { MEMBER_MAIL_DOMAIN } from "./association";

const DAY_MS = 86_400_000;
/** The demo board login (demo.ts), who decided the declined application and wrote the announcements. */
const BOARD_EMAIL = "vorstand@demo.ktp-netz.de";

export async function seedMembership(
  tx: Executor,
  input: { associationId: string; now: Date; today: string },
): Promise<void> {
  const { associationId, now } = input;
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  await tx.insert(membershipSettings).values({
    organisationId: associationId,
    statutesUrl: "https://verein-segeberg.example/satzung.pdf",
    privacyUrl: "https://verein-segeberg.example/datenschutz",
    updatedAt: ago(60),
  });
  const consent = {
    statutesUrl: "https://verein-segeberg.example/satzung.pdf",
    privacyUrl: "https://verein-segeberg.example/datenschutz",
  };
  const [board] = await tx.select({ id: users.id }).from(users).where(eq(users.email, BOARD_EMAIL));
  await tx.insert(membershipApplications).values([
    {
      organisationId: associationId,
      status: "pending",
      name: "Katrin Kruse",
      email: "katrin.kruse@example.org",
      phone: "04551 123456",
      postalCode: "23795",
      town: "Bad Segeberg",
      isActiveCaregiver: true,
      places: 5,
      contactPreference: "phone",
      locale: "de",
      ...consent,
      consentedAt: ago(3),
      confirmedAt: ago(3),
      createdAt: ago(3),
    },
    {
      organisationId: associationId,
      status: "pending",
      name: "Olena Petrenko",
      email: "olena.petrenko@example.org",
      postalCode: "23812",
      town: "Wahlstedt",
      isActiveCaregiver: false,
      contactPreference: "email",
      locale: "en",
      ...consent,
      consentedAt: ago(1),
      confirmedAt: ago(1),
      createdAt: ago(1),
    },
    {
      organisationId: associationId,
      status: "declined",
      name: "Dirk Doppelt",
      email: "dirk.doppelt@example.org",
      isActiveCaregiver: false,
      contactPreference: "any",
      locale: "de",
      ...consent,
      consentedAt: ago(40),
      confirmedAt: ago(40),
      createdAt: ago(40),
      decidedAt: ago(35),
      decidedByUserId: board?.id ?? null,
      decisionMessage: "Sie sind schon Mitglied – wir haben Ihren Antrag doppelt bekommen.",
    },
  ]);

  // One member left last month, so that the register shows all three states: one who is not on the public
  // map, which shows members only.
  const [leaver] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      mapEntries,
      and(eq(mapEntries.organisationId, associationId), eq(mapEntries.userId, memberships.userId)),
    )
    .where(
      and(
        eq(memberships.organisationId, associationId),
        like(users.email, `%@${MEMBER_MAIL_DOMAIN}`),
        isNull(mapEntries.id),
      ),
    )
    .orderBy(desc(users.email))
    .limit(1);
  if (leaver) {
    await tx
      .update(memberships)
      .set({ status: "left", leftOn: addDays(input.today, -30) })
      .where(eq(memberships.id, leaver.id));
  }

  const recipients = await listActiveMemberIds(tx, associationId, null);
  const posts = [
    {
      title: "Stammtisch im Juni fällt aus",
      body: "Liebe Mitglieder,\n\nder Stammtisch am zweiten Dienstag im Juni fällt wegen der Kinderschutzwoche aus. Wir sehen uns am Stand auf dem Wochenmarkt!\n\nEuer Vorstand",
      isEssential: false,
      createdAt: ago(6),
    },
    {
      title: "Mitgliederversammlung: Einladung",
      body: "Die Mitgliederversammlung findet am letzten Dienstag des Monats um 19:30 Uhr statt. Tagesordnung: Bericht des Vorstands, Kassenbericht, Wahl der Kassenprüferin.",
      isEssential: true,
      createdAt: ago(2),
    },
  ];
  for (const post of posts) {
    const [row] = await tx
      .insert(announcements)
      .values({
        organisationId: associationId,
        authorUserId: board?.id ?? null,
        audience: "members",
        recipientCount: recipients.length,
        mailCount: recipients.length,
        ...post,
      })
      .returning({ id: announcements.id });
    if (!row) continue;
    await tx.insert(announcementRecipients).values(
      recipients.map((userId) => ({
        announcementId: row.id,
        organisationId: associationId,
        userId,
        isMailed: true,
        // The board read its own post; everyone else finds both new.
        readAt: userId === board?.id ? post.createdAt : null,
      })),
    );
  }
}
