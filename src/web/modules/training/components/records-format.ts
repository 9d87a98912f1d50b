import { useTranslation } from "react-i18next";
import type { CertificateDto, MissingRequirementDto } from "../../../../contracts/training-records";
import type { CourseCategory } from "../../../../core/training/catalogue";
import { MINUTES_PER_UNIT } from "../../../../core/training/units";

// English readers here are in Germany: day before month, as in components/format.ts.
const intlLocale = (language: string) => (language === "en" ? "en-GB" : "de-DE");

/** A date-only value as a local date, so that no time zone moves it to the day before. */
function localDate(value: string): Date {
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, day);
}

/**
 * Figures and dates of attendance and certificates in the interface language: "4,5 UE", "12,25 Std.",
 * "Sa., 16.01.2027", and what is still missing for a certificate in plain words.
 */
export function useRecordsFormat() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const day = new Intl.DateTimeFormat(locale, { day: "2-digit", month: "2-digit", year: "numeric" });
  const weekday = new Intl.DateTimeFormat(locale, {
    weekday: "short",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
  const formatDay = (value: string) => day.format(localDate(value));
  const units = (value: number) => t("trainingRecords.web.units", { units: number.format(value) });
  const hours = (value: number) => t("trainingRecords.web.hours", { hours: number.format(value) });
  const assessment = (kind: string) => t(`trainingRecords.assessmentKinds.${kind}`);
  const place = (kind: string) => t(`trainingRecords.placeKinds.${kind}`);
  return {
    number: (value: number) => number.format(value),
    units,
    hours,
    day: formatDay,
    sessionDay: (value: string) => weekday.format(localDate(value)),
    period: (from: string, to: string) =>
      from === to ? formatDay(from) : `${formatDay(from)} – ${formatDay(to)}`,
    category: (category: CourseCategory) => t(`trainingRecords.categories.${category}`),
    assessment,
    place,
    /**
     * A lost half unit as the trainer thinks of it: "0,5 UE (bis 22 Min.)". The server rounds late minutes up
     * to the next half unit, so 0.5 UE stands for up to 22 minutes, 1 UE for up to 45.
     */
    lostUnits: (value: number) =>
      value === 0
        ? t("trainingRecords.web.attendance.noneLost")
        : t("trainingRecords.web.attendance.lostOption", {
            units: units(value),
            minutes: Math.floor(value * MINUTES_PER_UNIT),
          }),
    /** One missing requirement of completion.ts as a sentence ("Noch 4,5 UE: 11 von 15,5 nötigen UE besucht"). */
    missing: (item: MissingRequirementDto): string => {
      switch (item.code) {
        case "sessionsUpcoming":
        case "attendanceNotRecorded":
          return t(`trainingRecords.missing.${item.code}`, { count: item.sessions });
        case "attendanceBelowMinimum":
          return t("trainingRecords.missing.attendanceBelowMinimum", {
            missingUnits: number.format(item.missingUnits),
            attendedUnits: number.format(item.attendedUnits),
            requiredUnits: number.format(item.requiredUnits),
          });
        case "assessmentMissing":
          return t("trainingRecords.missing.assessmentMissing", { assessment: assessment(item.assessment) });
        case "assessmentFailed":
          return t("trainingRecords.missing.assessmentFailed", {
            assessment: assessment(item.assessment),
            count: item.attempts,
          });
        case "practiceHoursMissing": {
          const text = t("trainingRecords.missing.practiceHoursMissing", {
            missingHours: number.format(item.missingHours),
            placeKind: place(item.placeKind),
            confirmedHours: number.format(item.confirmedHours),
            requiredHours: number.format(item.requiredHours),
          });
          return item.unconfirmedHours > 0
            ? `${text} (${t("trainingRecords.missing.practiceHoursUnconfirmed", {
                unconfirmedHours: number.format(item.unconfirmedHours),
              })})`
            : text;
        }
      }
    },
  };
}

/**
 * Text colours with at least 4.5:1 on white and on their light tints (app/styles.css darkens Mantine's light
 * colours for this; the plain ".9" shades of green and orange stay below it).
 */
export const TEXT_COLOUR = {
  good: "var(--mantine-color-green-light-color)",
  warning: "var(--mantine-color-orange-light-color)",
  bad: "var(--mantine-color-red-light-color)",
} as const;

/** The badge of a certificate's state: green while it holds, orange shortly before, grey or red after. */
export function certificateStateBadge(state: CertificateDto["state"]): { color: string; variant: string } {
  switch (state) {
    case "valid":
      return { color: "green", variant: "light" };
    case "expiresSoon":
      return { color: "orange", variant: "light" };
    case "expired":
    case "superseded":
      return { color: "gray.8", variant: "outline" };
    case "revoked":
      return { color: "red", variant: "light" };
  }
}
