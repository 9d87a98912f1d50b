import { useTranslation } from "react-i18next";
import type { SessionDto } from "../../../../contracts/training";
import { type CourseCategory, categoryDefaults } from "../../../../core/training/catalogue";

// English readers here are in Germany: day before month, as in components/format.ts.
const intlLocale = (language: string) => (language === "en" ? "en-GB" : "de-DE");

/** A date-only value as a local date, so no time zone moves it to the day before. */
function localDate(value: string): Date {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

/** Numbers, money and session dates in the interface language: "2,5 UE", "45,00 €", "Sa., 16.01.2027". */
export function useCourseFormat() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" });
  const dayWithWeekday = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
  const day = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric" });
  const formatDay = (value: string) => day.format(localDate(value));
  return {
    units: (value: number) => t("training.web.units", { units: number.format(value) }),
    number: (value: number) => number.format(value),
    fee: (cents: number) => (cents === 0 ? t("training.web.free") : money.format(cents / 100)),
    day: formatDay,
    sessionDay: (value: string) => dayWithWeekday.format(localDate(value)),
    /** "16.01.2027" for a one-day run, "16.01.2027 – 27.03.2027" otherwise. */
    period: (startsOn: string, endsOn: string) =>
      startsOn === endsOn ? formatDay(startsOn) : `${formatDay(startsOn)} – ${formatDay(endsOn)}`,
    category: (category: CourseCategory) => t(`training.categories.${category}`),
  };
}

/** Where the sessions take place, in one line: "Wilhelmstraße 41, Beckum", "online", or "vor Ort und online". */
export function usePlaceSummary() {
  const { t } = useTranslation();
  return (sessions: readonly SessionDto[]): string => {
    const places = [...new Set(sessions.map((s) => s.place).filter(Boolean))];
    const hasOnline = sessions.some((s) => s.isOnline);
    if (places.length === 0) return hasOnline ? t("training.web.online") : t("training.web.placeOpen");
    const place = places.length === 1 ? (places[0] as string) : t("training.web.severalPlaces");
    return hasOnline ? t("training.web.placeAndOnline", { place }) : place;
  };
}

/** Free places and the waiting list in words: "3 von 12 Plätzen frei", "ausgebucht · 2 auf der Warteliste". */
export function usePlacesText() {
  const { t } = useTranslation();
  return (course: { capacity: number; freePlaces: number; waitingCount: number }) => {
    const places =
      course.freePlaces > 0
        ? t("training.web.placesFree", { count: course.freePlaces, capacity: course.capacity })
        : t("training.web.placesFull", { count: course.capacity });
    return course.waitingCount > 0
      ? `${places} · ${t("training.web.waitingCount", { count: course.waitingCount })}`
      : places;
  };
}

// The state's refresh months change only the validity, never the prerequisites, so any figures will do here.
const ANY_RULES = { firstAidRefreshMonths: 24, infectionProtectionRefreshMonths: 24 };

/** The categories that must be completed before a run of `category` can be booked (QHB phase 2: phase 1). */
export function prerequisitesOf(category: CourseCategory): readonly CourseCategory[] {
  return categoryDefaults(category, ANY_RULES).prerequisites;
}
