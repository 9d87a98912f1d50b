/**
 * How long a membership application's data may live, by the privacy rules (DOMAIN.md: delete when the
 * purpose ends). Pure rules, no I/O.
 */
import { todayIso } from "../shared/dates";

/** The confirmation link in the mail is valid this long; an application nobody confirms is deleted then. */
export const CONFIRMATION_DAYS = 7;

/**
 * A declined applicant's data is kept this long after the decision, then deleted. The purpose ends with the
 * decision, but the board must be able to answer an objection or a question about it ("why was I
 * declined?") — associations usually hear of it within weeks. Three months covers that and no more; what
 * stays afterwards is only the count in the audit log.
 */
export const DECLINED_RETENTION_DAYS = 90;

const DAY_MS = 86_400_000;

/** When the confirmation link of an application sent at `sentAt` stops working. */
export function confirmationExpiry(sentAt: Date): Date {
  return new Date(sentAt.getTime() + CONFIRMATION_DAYS * DAY_MS);
}

/** Declined before this moment: the applicant's data is due for deletion at `now`. */
export function declinedErasureCutoff(now: Date): Date {
  return new Date(now.getTime() - DECLINED_RETENTION_DAYS * DAY_MS);
}

/** Whether a declined application's data must be gone at `now`. */
export function isDeclinedDataDue(decidedAt: Date, now: Date): boolean {
  return decidedAt.getTime() <= declinedErasureCutoff(now).getTime();
}

/**
 * After a member leaves, her application (what she stated and consented to) is kept this long, then deleted.
 * While she is a member it proves her consent to the statutes; once she has left, the board may still need it
 * for questions about the membership's end (fees, an objection) for a few weeks, as with a declined
 * application. Her row in the member register (joined, left, reason) is the association's record and stays.
 */
export const LEFT_MEMBER_RETENTION_DAYS = 90;

/** Left on or before this day (Europe/Berlin): her application is due for deletion at `now`. */
export function leftMemberErasureCutoffDay(now: Date): string {
  return todayIso(new Date(now.getTime() - LEFT_MEMBER_RETENTION_DAYS * DAY_MS));
}
