import type { TrainingAccountDto } from "../../../../contracts/training-account";
import { daysBetween } from "../../../../core/shared/dates";

export type YearBalance = TrainingAccountDto["account"]["years"][number];

/**
 * The account's years newest first, split into those shown open (this year and the one before, as the
 * server's `today` counts them) and the older ones behind a disclosure, with what the older ones add up to.
 */
export function splitYears(
  years: readonly YearBalance[],
  today: string,
): { recent: YearBalance[]; older: YearBalance[]; olderEarnedUnits: number } {
  const previousYear = Number(today.slice(0, 4)) - 1;
  const newestFirst = [...years].sort((a, b) => b.year - a.year);
  const older = newestFirst.filter((y) => y.year < previousYear);
  return {
    recent: newestFirst.filter((y) => y.year >= previousYear),
    older,
    olderEarnedUnits: older.reduce((sum, y) => sum + y.earnedUnits, 0),
  };
}

/**
 * How far a certificate is from its lapse, counted from the account's own date (the server's today), so a
 * phone with a wrong clock or in another time zone cannot tell her a certificate still holds.
 */
export function lapseOf(
  validUntil: string,
  today: string,
): { kind: "daysLeft"; days: number } | { kind: "lapsesToday" } | { kind: "daysExpired"; days: number } {
  const days = daysBetween(today, validUntil);
  if (days > 0) return { kind: "daysLeft", days };
  if (days === 0) return { kind: "lapsesToday" };
  return { kind: "daysExpired", days: -days };
}
