import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../platform/db/client";
import {
  trainingCertificates,
  trainingExternalCertificates,
  trainingParticipants,
  trainingPracticeEntries,
} from "./training.tables";

export type CertificateRow = typeof trainingCertificates.$inferSelect;
export type ExternalCertificateRow = typeof trainingExternalCertificates.$inferSelect;
export type CertificateValues = Omit<typeof trainingCertificates.$inferInsert, "id" | "organisationId">;

export async function findCertificate(
  db: Executor,
  organisationId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<CertificateRow | null> {
  const query = db
    .select()
    .from(trainingCertificates)
    .where(and(eq(trainingCertificates.organisationId, organisationId), eq(trainingCertificates.id, id)));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/** The public verification: by code alone, across organisations (the code is unique). */
export async function findCertificateByCode(db: Executor, code: string): Promise<CertificateRow | null> {
  const [row] = await db
    .select()
    .from(trainingCertificates)
    .where(eq(trainingCertificates.verificationCode, code));
  return row ?? null;
}

/**
 * Inserts a certificate unless its verification code is taken; null then, and the caller draws another code.
 * `on conflict do nothing` keeps the transaction usable on PostgreSQL, where a failed insert would abort it.
 */
export async function insertCertificate(
  tx: Executor,
  organisationId: string,
  values: CertificateValues,
): Promise<CertificateRow | null> {
  const [row] = await tx
    .insert(trainingCertificates)
    .values({ ...values, organisationId })
    .onConflictDoNothing({ target: trainingCertificates.verificationCode })
    .returning();
  return row ?? null;
}

export async function setCertificateStatus(
  tx: Executor,
  organisationId: string,
  id: string,
  status: CertificateRow["status"],
): Promise<void> {
  await tx
    .update(trainingCertificates)
    .set({ status })
    .where(and(eq(trainingCertificates.organisationId, organisationId), eq(trainingCertificates.id, id)));
}

export async function listCertificates(
  db: Executor,
  organisationId: string,
  filter: {
    courseId?: string | undefined;
    participantIds?: readonly string[] | undefined;
    includeInactive?: boolean;
  },
): Promise<CertificateRow[]> {
  if (filter.participantIds && filter.participantIds.length === 0) return [];
  return db
    .select()
    .from(trainingCertificates)
    .where(
      and(
        eq(trainingCertificates.organisationId, organisationId),
        filter.courseId ? eq(trainingCertificates.courseId, filter.courseId) : undefined,
        filter.participantIds
          ? inArray(trainingCertificates.participantId, [...filter.participantIds])
          : undefined,
        filter.includeInactive ? undefined : eq(trainingCertificates.status, "issued"),
      ),
    )
    .orderBy(
      desc(trainingCertificates.issuedAt),
      desc(trainingCertificates.completedOn),
      desc(trainingCertificates.id),
    );
}

/** Accepted certificates from other providers of a participant: they count towards the registry too. */
export async function listAcceptedExternal(
  db: Executor,
  organisationId: string,
  participantId: string,
): Promise<ExternalCertificateRow[]> {
  return db
    .select()
    .from(trainingExternalCertificates)
    .where(
      and(
        eq(trainingExternalCertificates.organisationId, organisationId),
        eq(trainingExternalCertificates.participantId, participantId),
        eq(trainingExternalCertificates.status, "accepted"),
      ),
    );
}

export interface ParticipantIdentity {
  id: string;
  userId: string | null;
  name: string;
  email: string;
  locale: "de" | "en";
}

export async function findParticipant(
  db: Executor,
  organisationId: string,
  id: string,
): Promise<ParticipantIdentity | null> {
  const [row] = await db
    .select({
      id: trainingParticipants.id,
      userId: trainingParticipants.userId,
      name: trainingParticipants.name,
      email: trainingParticipants.email,
      locale: trainingParticipants.locale,
    })
    .from(trainingParticipants)
    .where(and(eq(trainingParticipants.organisationId, organisationId), eq(trainingParticipants.id, id)));
  return row ?? null;
}

/** The participant rows of a signed-in account in the organisation (one at most, by the unique index). */
export async function findParticipantIdsOfUser(
  db: Executor,
  organisationId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: trainingParticipants.id })
    .from(trainingParticipants)
    .where(
      and(eq(trainingParticipants.organisationId, organisationId), eq(trainingParticipants.userId, userId)),
    );
  return rows.map((r) => r.id);
}

/** Practice entries of a participant in a run, for the certificate. */
export async function listPracticeOfParticipant(
  db: Executor,
  organisationId: string,
  courseId: string,
  participantId: string,
): Promise<(typeof trainingPracticeEntries.$inferSelect)[]> {
  return db
    .select()
    .from(trainingPracticeEntries)
    .where(
      and(
        eq(trainingPracticeEntries.organisationId, organisationId),
        eq(trainingPracticeEntries.courseId, courseId),
        eq(trainingPracticeEntries.participantId, participantId),
      ),
    );
}
