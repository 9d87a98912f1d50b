import { useTranslation } from "react-i18next";
import type { CoverProblem } from "../../../contracts/substitution";
import { weekdayIndex } from "../../../core/shared/dates";
import { useWeekdayNames } from "../../components/format";

export interface TimeRange {
  from: string;
  to: string;
}

/** "2026-07-14" → "14.07." and "14.07.2026", without a Date (no time zone can move the day). */
function dayMonth(iso: string): string {
  const [, month = "", day = ""] = iso.split("-");
  return `${day}.${month}.`;
}
function dayMonthYear(iso: string): string {
  return `${dayMonth(iso)}${iso.slice(0, 4)}`;
}

/**
 * The module's words for days, times, ages, distances and the reasons a cover is not possible, in the
 * interface language. Dates stay in the German order for English readers too: they are in Germany.
 */
export function useSubstitutionFormat() {
  const { t, i18n } = useTranslation();
  const { weekdays, weekdaysShort } = useWeekdayNames();
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });

  const dayShort = (iso: string) =>
    t("substitution.dayShort", { weekday: weekdaysShort[weekdayIndex(iso)] ?? "", date: dayMonth(iso) });
  const dayLong = (iso: string) =>
    t("substitution.dayLong", { weekday: weekdays[weekdayIndex(iso)] ?? "", date: dayMonthYear(iso) });
  const times = (ranges: readonly TimeRange[]) =>
    ranges.map((r) => t("substitution.times", { from: r.from, to: r.to })).join(", ");
  const age = (months: number) =>
    months < 24
      ? t("substitution.age.months", { count: months })
      : t("substitution.age.years", { count: Math.floor(months / 12) });
  const km = (value: number | null) =>
    value === null ? "" : t("substitution.distance", { km: decimal.format(value) });
  const period = (from: string, to: string) =>
    from === to ? dayShort(from) : t("substitution.own.period", { from: dayShort(from), to: dayShort(to) });

  const problem = (p: CoverProblem) => {
    const name = p.personName ?? t("substitution.problems.someone");
    if (p.code === "capacity") {
      const values = {
        name,
        day: p.day ? dayShort(p.day) : "",
        from: p.from ?? "",
        to: p.to ?? "",
        present: p.present ?? 0,
        limit: p.limit ?? 0,
      };
      return p.personName
        ? t("substitution.problems.capacity", values)
        : t("substitution.problems.capacityNoName", values);
    }
    return t(`substitution.problems.${p.code}`, { name });
  };

  return { dayShort, dayLong, times, age, km, period, problem, decimal };
}
