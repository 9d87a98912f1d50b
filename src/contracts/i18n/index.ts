import * as deAnnouncements from "./de/announcements";
import * as deCaregivers from "./de/caregivers";
import * as deCommon from "./de/common";
import * as deErrors from "./de/errors";
import * as deEvents from "./de/events";
import * as deExhibition from "./de/exhibition";
import * as deIdentity from "./de/identity";
import * as deMail from "./de/mail";
import * as deMap from "./de/map";
import * as deMembership from "./de/membership";
import * as deMessages from "./de/messages";
import * as deOrganisations from "./de/organisations";
import * as dePlacement from "./de/placement";
import * as dePlacementReports from "./de/placementReports";
import * as dePrivacy from "./de/privacy";
import * as deRegistry from "./de/registry";
import * as deRounds from "./de/rounds";
import * as deSite from "./de/site";
import * as deSubstitution from "./de/substitution";
import * as deSubstitutionCalendar from "./de/substitutionCalendar";
import * as deSubstitutionReport from "./de/substitutionReport";
import * as deSurveys from "./de/surveys";
import * as deTraining from "./de/training";
import * as deTrainingAccount from "./de/trainingAccount";
import * as deTrainingRecords from "./de/trainingRecords";
import * as deTrainingReports from "./de/trainingReports";
import * as deVotes from "./de/votes";
import * as enAnnouncements from "./en/announcements";
import * as enCaregivers from "./en/caregivers";
import * as enCommon from "./en/common";
import * as enErrors from "./en/errors";
import * as enEvents from "./en/events";
import * as enExhibition from "./en/exhibition";
import * as enIdentity from "./en/identity";
import * as enMail from "./en/mail";
import * as enMap from "./en/map";
import * as enMembership from "./en/membership";
import * as enMessages from "./en/messages";
import * as enOrganisations from "./en/organisations";
import * as enPlacement from "./en/placement";
import * as enPlacementReports from "./en/placementReports";
import * as enPrivacy from "./en/privacy";
import * as enRegistry from "./en/registry";
import * as enRounds from "./en/rounds";
import * as enSite from "./en/site";
import * as enSubstitution from "./en/substitution";
import * as enSubstitutionCalendar from "./en/substitutionCalendar";
import * as enSubstitutionReport from "./en/substitutionReport";
import * as enSurveys from "./en/surveys";
import * as enTraining from "./en/training";
import * as enTrainingAccount from "./en/trainingAccount";
import * as enTrainingRecords from "./en/trainingRecords";
import * as enTrainingReports from "./en/trainingReports";
import * as enVotes from "./en/votes";

export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "de";

/**
 * All texts, one namespace ("translation") per language, merged from one file per domain so that domains
 * can grow their texts side by side. English files are typed against the German ones: a missing key fails
 * the type check.
 */
export const resources = {
  de: {
    translation: {
      ...deErrors,
      ...deMail,
      ...deCommon,
      ...deIdentity,
      ...deOrganisations,
      ...deRegistry,
      ...deMap,
      ...deCaregivers,
      ...dePrivacy,
      ...deMessages,
      ...dePlacement,
      ...dePlacementReports,
      ...deRounds,
      ...deTraining,
      ...deTrainingRecords,
      ...deTrainingAccount,
      ...deTrainingReports,
      ...deSite,
      ...deMembership,
      ...deAnnouncements,
      ...deEvents,
      ...deExhibition,
      ...deSurveys,
      ...deVotes,
      ...deSubstitution,
      ...deSubstitutionCalendar,
      ...deSubstitutionReport,
    },
  },
  en: {
    translation: {
      ...enErrors,
      ...enMail,
      ...enCommon,
      ...enIdentity,
      ...enOrganisations,
      ...enRegistry,
      ...enMap,
      ...enCaregivers,
      ...enPrivacy,
      ...enMessages,
      ...enPlacement,
      ...enPlacementReports,
      ...enRounds,
      ...enTraining,
      ...enTrainingRecords,
      ...enTrainingAccount,
      ...enTrainingReports,
      ...enSite,
      ...enMembership,
      ...enAnnouncements,
      ...enEvents,
      ...enExhibition,
      ...enSurveys,
      ...enVotes,
      ...enSubstitution,
      ...enSubstitutionCalendar,
      ...enSubstitutionReport,
    },
  },
};

/** Picks the supported language from an Accept-Language header ("en-GB,en;q=0.9,de;q=0.8"). */
export function pickLocale(header: string | undefined | null): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) {
    if ((locales as readonly string[]).includes(lang)) return lang as Locale;
  }
  return defaultLocale;
}
