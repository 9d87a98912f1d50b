/**
 * Reminders the day before: a registration with a place is reminded once, from the local day before the date
 * until its start. The server stores when it sent one, so a second run of the job sends nothing.
 */
import { addDays, compareDates } from "../shared/dates";

export interface ReminderCandidate {
  /** The date's local calendar day (Europe/Berlin). */
  date: string;
  /** ISO instant of the start. */
  startsAt: string;
  eventStatus: "scheduled" | "cancelled";
  registrationStatus: "confirmed" | "waiting" | "cancelled";
  remindedAt: string | null;
}

export function reminderDue(candidate: ReminderCandidate, today: string, now: string): boolean {
  return (
    candidate.remindedAt === null &&
    candidate.eventStatus === "scheduled" &&
    candidate.registrationStatus === "confirmed" &&
    compareDates(today, addDays(candidate.date, -1)) >= 0 &&
    Date.parse(now) < Date.parse(candidate.startsAt)
  );
}
