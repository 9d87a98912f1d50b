import { useTranslation } from "react-i18next";

// English readers here are in Germany: day before month (15/06/2026), not the US order.
const intlLocale = (language: string) => (language === "en" ? "en-GB" : language);

/** A date-only value ("2026-06-15") as a local date, so that no time zone moves it to the day before. */
function toDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (dateOnly) return new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]));
  return new Date(value);
}

/** Date formatters in the interface language: 15.06.2026, and 15.06.2026, 14:05 with the time. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const date = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric" });
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  return {
    formatDate: (value: string | Date) => date.format(toDate(value)),
    formatDateTime: (value: string | Date) => dateTime.format(toDate(value)),
  };
}

/** Weekday names in the interface language, Monday first: index 0 is Monday, as the platform counts them. */
export function useWeekdayNames(): { weekdays: string[]; weekdaysShort: string[] } {
  const { t } = useTranslation();
  return {
    weekdays: t("common.weekdays", { returnObjects: true }) as unknown as string[],
    weekdaysShort: t("common.weekdaysShort", { returnObjects: true }) as unknown as string[],
  };
}
