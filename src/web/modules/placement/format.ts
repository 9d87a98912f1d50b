import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { CareTimeDto, CriterionFact } from "../../../contracts/placement";
import { describeCareTimes } from "../../../core/placement/requests";

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
  const { t } = useTranslation();
  const days = t("placement.weekdaysShort", { returnObjects: true }) as unknown as string[];
  return (times) => describeCareTimes(times, days);
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
