import { useTranslation } from "react-i18next";
import type { PlaceDto, RecurrenceDto, RegistrationSummary } from "../../../../contracts/events";
import { todayIso } from "../../../../core/shared/dates";
import { useDateFormat } from "../../../components/format";

/** Events take place in Germany: every time is shown in Berlin time, whatever the device's zone. */
export const EVENT_TIME_ZONE = "Europe/Berlin";

// English readers here are in Germany: day before month, as in components/format.ts.
const intlLocale = (language: string) => (language === "en" ? "en-GB" : "de-DE");

/** The Berlin calendar day ("2026-12-08") of an instant, the key of the month view's cells. */
export function berlinDay(instant: string | Date): string {
  return todayIso(typeof instant === "string" ? new Date(instant) : instant, EVENT_TIME_ZONE);
}

/** Dates and times of events in the interface language and Berlin time: "Di., 08.12.2026, 19:30 – 21:30 Uhr". */
export function useEventFormat() {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const zone = { timeZone: EVENT_TIME_ZONE } as const;
  const day = new Intl.DateTimeFormat(locale, {
    ...zone,
    weekday: "short",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  });
  const longDay = new Intl.DateTimeFormat(locale, {
    ...zone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  });
  const time = new Intl.DateTimeFormat(locale, { ...zone, hour: "2-digit", minute: "2-digit" });
  const month = new Intl.DateTimeFormat(locale, { ...zone, month: "long", year: "numeric" });
  const asDate = (value: string | Date) => (typeof value === "string" ? new Date(value) : value);
  const formatTime = (value: string | Date) => t("events.format.time", { time: time.format(asDate(value)) });
  return {
    day: (value: string | Date) => day.format(asDate(value)),
    longDay: (value: string | Date) => longDay.format(asDate(value)),
    time: formatTime,
    /** "19:30", without "Uhr", where space is short. */
    clock: (value: string | Date) => time.format(asDate(value)),
    /** "Di., 08.12.2026, 19:30 – 21:30 Uhr"; an end on another day is written out in full. */
    when: (startsAt: string, endsAt: string | null) => {
      const start = `${day.format(asDate(startsAt))}, ${time.format(asDate(startsAt))}`;
      if (!endsAt) return t("events.format.time", { time: start });
      if (berlinDay(startsAt) === berlinDay(endsAt))
        return t("events.format.time", { time: `${start} – ${time.format(asDate(endsAt))}` });
      return t("events.format.range", {
        start: t("events.format.time", { time: start }),
        end: t("events.format.time", {
          time: `${day.format(asDate(endsAt))}, ${time.format(asDate(endsAt))}`,
        }),
      });
    },
    /** "Dezember 2026" for a month key "2026-12". */
    month: (monthKey: string) => month.format(new Date(`${monthKey}-15T12:00:00Z`)),
  };
}

/** Free places in words: "3 von 12 Plätzen frei", "Ausgebucht … · 2 auf der Warteliste"; null without registration. */
export function usePlacesText() {
  const { t } = useTranslation();
  return (registration: RegistrationSummary): string | null => {
    if (!registration.enabled) return null;
    const parts: string[] = [];
    if (registration.capacity === null) parts.push(t("events.places.unlimited"));
    else if ((registration.freePlaces ?? 0) > 0)
      parts.push(
        t("events.places.free", { count: registration.freePlaces ?? 0, capacity: registration.capacity }),
      );
    else parts.push(t("events.places.full"));
    if (registration.waiting > 0) parts.push(t("events.places.waiting", { count: registration.waiting }));
    return parts.join(" · ");
  };
}

/** The series' rule in words: "alle 2 Wochen am Dienstag, 19:30 Uhr", "jeden 2. Dienstag im Monat, 19:30 Uhr". */
export function useRuleText() {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  return (recurrence: RecurrenceDto, from: string): string => {
    const weekday = t(`common.weekdays.${recurrence.weekday}`);
    const nth = t(`events.series.nth.${recurrence.nth ?? 1}`);
    const interval = recurrence.interval;
    const rule =
      recurrence.frequency === "weekly"
        ? interval === 1
          ? t("events.series.weekly", { weekday, from })
          : t("events.series.everyNWeeks", { weekday, from, interval })
        : interval === 1
          ? t("events.series.monthly", { weekday, nth, from })
          : t("events.series.everyNMonths", { weekday, nth, from, interval });
    const end = recurrence.until
      ? t("events.series.untilDate", { date: formatDate(recurrence.until) })
      : recurrence.count
        ? t("events.series.countDates", { count: recurrence.count })
        : t("events.series.openEnded");
    return `${rule} · ${end}`;
  };
}

/** The address of a place in lines, empty parts left out: ["Gasthaus Linde", "Markt 1", "23795 Bad Segeberg"]. */
export function placeLines(place: PlaceDto): string[] {
  const town = [place.postalCode, place.town].filter(Boolean).join(" ");
  return [place.name, place.street, town].filter(Boolean);
}
