import { type CertificateDto, VERIFY_PATH } from "../../../contracts/training-records";
import { certificateState, formatVerificationCode } from "../../../core/training/certificates";
import type { CertificateRow } from "./certificates.repository";

/** The address the QR code holds and the mail names: the public page that checks the code. */
export function verificationUrlOf(publicUrl: string, code: string): string {
  return `${publicUrl}/${VERIFY_PATH}/${code}`;
}

/**
 * A certificate as the API shows it. `leadDays` is the organisation's reminder lead time, so "expires soon"
 * starts on the same day as the registry's "due soon".
 */
export function presentCertificate(
  row: CertificateRow,
  context: { publicUrl: string; today: string; leadDays: number },
): CertificateDto {
  return {
    id: row.id,
    participantId: row.participantId,
    courseId: row.courseId,
    category: row.category,
    participantName: row.participantName,
    courseTitle: row.courseTitle,
    units: row.units,
    startedOn: row.startedOn,
    completedOn: row.completedOn,
    validUntil: row.validUntil,
    countsTowardsObligation: row.countsTowardsObligation,
    verificationCode: formatVerificationCode(row.verificationCode),
    verificationUrl: verificationUrlOf(context.publicUrl, row.verificationCode),
    status: row.status,
    state: certificateState(row, context.today, context.leadDays),
    replacesId: row.replacesId,
    issuedAt: row.issuedAt.toISOString(),
  };
}
