import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type {
  CareTimeDto,
  CriterionFact,
  SuggestionMatchDto,
  SuggestionMissDto,
} from "../../../contracts/placement";
import type { SubstitutionSummary } from "../../../contracts/substitution-models";
import { describeCareTimes } from "../../../core/placement/requests";
import { useDateFormat, useWeekdayNames } from "../../components/format";

/** The app path of a page of the organisation, e.g. orgPath("beckum", "anfragen"). */
export function orgPath(slug: string, path = ""): string {
  return `/app/${slug}${path ? `/${path}` : ""}`;
}

/** The public form of an organisation. */
export function requestFormPath(slug: string): string {
  return `/o/${slug}/anfrage`;
}

/** "Mo–Fr 8:00–13:00" in the interface language. */
export function useCareTimesText(): (times: readonly CareTimeDto[]) => string {
  const { weekdaysShort: days } = useWeekdayNames();
  return (times) => describeCareTimes(times, days);
}

/** Who takes the child when she is absent, in one line: "Tandem mit Hatice Şahin; Vertretungskraft: …". */
export function useSubstitutionText(): (summary: SubstitutionSummary) => string {
  const { t } = useTranslation();
  const names = (list: readonly string[]) => list.join(", ");
  return (summary) => {
    const parts = [
      summary.tandemPartners.length > 0 &&
        t("placement.parentSuggestions.substitutionParts.tandem", { names: names(summary.tandemPartners) }),
      summary.substitutes.length > 0 &&
        t("placement.parentSuggestions.substitutionParts.substitutes", {
          count: summary.substitutes.length,
          names: names(summary.substitutes),
        }),
      summary.kita && t("placement.parentSuggestions.substitutionParts.kita", summary.kita),
    ].filter((part): part is string => Boolean(part));
    return parts.length > 0 ? parts.join("; ") : t("placement.parentSuggestions.substitutionParts.none");
  };
}

/** An age in whole months as people say it: "10 Monate", "1 Jahr, 4 Monate", "2 Jahre". */
export function formatAge(months: number, t: TFunction): string {
  if (months < 0) return t("placement.age.notBorn");
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) return t("placement.age.months", { count: rest });
  const yearText = t("placement.age.years", { count: years });
  return rest === 0 ? yearText : `${yearText}, ${t("placement.age.months", { count: rest })}`;
}

/** "August 2027" for "2027-08". */
export function formatMonth(month: string, language: string): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "de-DE", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

/** The question of a criterion: the office's own wording, or the standard one of the fact. */
export function criterionText(criterion: { fact: CriterionFact; label: string }, t: TFunction): string {
  return criterion.label || t(`placement.facts.${criterion.fact}`);
}

/** The short name of a criterion for the office's lists. */
export function criterionName(criterion: { fact: CriterionFact; label: string }, t: TFunction): string {
  return criterion.fact === "custom" ? criterion.label : t(`placement.factNames.${criterion.fact}`);
}

/** Kilometres as the reader writes them: "7,2" in German, "7.2" in English. */
export function useKm(): (km: number) => string {
  const { i18n } = useTranslation();
  const format = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "de-DE", {
    maximumFractionDigits: 1,
  });
  return (km) => format.format(km);
}

/** Why a caregiver fits or does not, in plain words ("Mi 14:00–16:00 schon 5 Kinder", "7,2 km, mehr als 5 km"). */
export function useSuggestionTexts(wantedStart: string) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const km = useKm();
  const { weekdaysShort: days } = useWeekdayNames();
  const match = (m: SuggestionMatchDto): string => {
    switch (m.code) {
      case "distance":
        return t("placement.suggestions.match.distance", { km: km(m.km), maxKm: m.maxKm });
      case "age":
        return t("placement.suggestions.match.age", { min: m.min, max: m.max, child: m.childAgeMonths });
      case "freePlaces":
        return t("placement.suggestions.match.freePlaces", { count: m.minFree });
      case "licence":
        return t("placement.suggestions.match.licence", { date: formatDate(m.validTo) });
      case "languages":
        return t("placement.suggestions.match.languages", { languages: m.languages.join(", ") });
      default:
        return t(`placement.suggestions.match.${m.code}`);
    }
  };
  const miss = (m: SuggestionMissDto): string => {
    switch (m.code) {
      case "distance":
        return t("placement.suggestions.miss.distance", { km: km(m.km), maxKm: m.maxKm });
      case "age":
        return t("placement.suggestions.miss.age", { min: m.min, max: m.max, child: m.childAgeMonths });
      case "noLicence":
        return m.validTo
          ? t("placement.suggestions.miss.noLicenceUntil", { date: formatDate(m.validTo) })
          : t("placement.suggestions.miss.noLicence");
      case "full": {
        // From the wanted start is what the office asks about; a later date says the place goes then.
        const kind = m.places === 0 ? "notOffered" : "full";
        const key = m.date === wantedStart ? kind : `${kind}From`;
        return t(`placement.suggestions.miss.${key}`, {
          day: days[m.day - 1],
          from: m.from,
          to: m.to,
          present: m.present,
          date: formatDate(m.date),
        });
      }
      case "contractLimit":
        return t("placement.suggestions.miss.contractLimit", { date: formatDate(m.date), max: m.max });
      default:
        return t(`placement.suggestions.miss.${m.code}`);
    }
  };
  return { match, miss };
}
