import type { QualificationKind } from "../../../core/caregivers/deadlines";
import { todayIso } from "../../../core/shared/dates";
import { registryUpdates } from "../../../core/training/account";
import {
  type Certificate,
  countingCertificates,
  type ExternalCertificate,
} from "../../../core/training/certificates";
import { writeAudit } from "../../platform/audit/audit";
import type { Executor } from "../../platform/db/client";
import {
  addQualificationsFromTraining,
  findCaregiverIdOfUser,
  findRegistryDeadlineInput,
  lockPlacementCaregiver,
} from "../caregivers/caregivers.queries";
import { findOrganisationSummaries } from "../organisations/organisations.queries";
import * as certificates from "./certificates.repository";

/** How a record that came from a certificate is labelled in the registry. */
const TITLES: Partial<Record<QualificationKind, string>> = {
  qhbPhase1: "QHB Phase 1 (Teilnahmebescheinigung)",
  qhbPhase2: "QHB Phase 2 (Teilnahmebescheinigung)",
  firstAid: "Erste Hilfe am Kind (Teilnahmebescheinigung)",
  infectionProtection: "Belehrung nach IfSG (Teilnahmebescheinigung)",
};

const toCoreInternal = (row: certificates.CertificateRow): Certificate => ({
  id: row.id,
  participantId: row.participantId,
  courseId: row.courseId ?? "",
  category: row.category,
  units: row.units,
  completedOn: row.completedOn,
  validUntil: row.validUntil,
  countsTowardsObligation: row.countsTowardsObligation,
  verificationCode: row.verificationCode,
  status: row.status,
  replacesId: row.replacesId,
});

const toCoreExternal = (row: certificates.ExternalCertificateRow): ExternalCertificate => ({
  id: row.id,
  participantId: row.participantId,
  category: row.category,
  provider: row.provider,
  title: row.title,
  units: row.units,
  completedOn: row.completedOn,
  status: row.status,
  reviewedOn: row.reviewedOn,
  validUntil: row.validUntil,
  countsTowardsObligation: row.countsTowardsObligation,
  rejectionReason: row.rejectionReason,
});

/**
 * Carries a participant's certificates into the registry of day-care persons: when her account belongs to a
 * caregiver of this organisation, every counting certificate (issued here or accepted from elsewhere) that
 * proves first aid, infection protection or a QHB phase and is not yet recorded there becomes a qualification
 * record, so her deadlines move at once. Call it in the transaction that issues or accepts the certificate.
 * Returns the deadline kinds that changed (empty for guests, members who are no caregiver, or nothing new).
 *
 * The caregiver's row is locked first, so two certificates issued at the same moment cannot both add the
 * same record. Reminders need no reset: the reminder job keys each stage by the due date, so a new due date
 * starts its stages afresh.
 */
export async function syncRegistryFor(
  tx: Executor,
  organisationId: string,
  participantId: string,
  /** The caller's clock and actor (services pass `platform.now()` and the signed-in user). */
  options: { now?: Date; actorUserId?: string | null } = {},
): Promise<string[]> {
  const participant = await certificates.findParticipant(tx, organisationId, participantId);
  if (!participant?.userId) return [];
  const caregiverId = await findCaregiverIdOfUser(tx, organisationId, participant.userId);
  if (!caregiverId || !(await lockPlacementCaregiver(tx, organisationId, caregiverId))) return [];
  const [organisation] = await findOrganisationSummaries(tx, [organisationId]);
  if (!organisation) return [];
  const internal = await certificates.listCertificates(tx, organisationId, {
    participantIds: [participantId],
  });
  const external = await certificates.listAcceptedExternal(tx, organisationId, participantId);
  const counted = countingCertificates(internal.map(toCoreInternal), external.map(toCoreExternal));
  const current = await findRegistryDeadlineInput(tx, organisationId, caregiverId);
  // The registry's deadlines are judged in German local time, as its board shows them.
  const today = todayIso(options.now ?? new Date());
  const update = registryUpdates(current, counted, organisation.rules, today);
  if (update.recordsToAdd.length === 0) return [];
  const ids = await addQualificationsFromTraining(
    tx,
    organisationId,
    caregiverId,
    update.recordsToAdd.map((record) => ({
      kind: record.kind as Exclude<QualificationKind, "criminalRecordCheck">,
      completedOn: record.completedOn,
      title: TITLES[record.kind] ?? "",
      note: "",
    })),
  );
  await writeAudit(tx, {
    organisationId,
    actorUserId: options.actorUserId ?? null,
    action: "training.registryUpdated",
    entityType: "caregiver",
    entityId: caregiverId,
    details: {
      participantId,
      qualificationIds: ids,
      kinds: update.recordsToAdd.map((r) => r.kind),
      changedDeadlines: update.changedKinds,
    },
  });
  return update.changedKinds;
}
