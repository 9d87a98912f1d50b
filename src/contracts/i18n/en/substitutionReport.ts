import type { substitutionReport as de } from "../de/substitutionReport";

/** The model report and the hours record of substitution as files (CSV and PDF), written by the server. */
export const substitutionReport: typeof de = {
  title: "Substitution model report",
  period: "Period {{from}} to {{to}}",
  generated: "Created on {{date}}",
  footer: "{{organisation}} · page {{page}} of {{pages}}",
  fileName: "substitution-models",
  none: "no data",
  models: {
    tandem: "Tandem",
    employedSubstitute: "Employed substitute",
    kita: "Cooperating Kita",
    none: "No arrangement",
  },
  columns: {
    model: "Model",
    caregivers: "Day-care persons",
    absenceDays: "Absence days",
    childDays: "Child-days affected",
    covered: "Covered",
    coveredShare: "Share covered (%)",
    coveredByKnown: "By a known person",
    knownSubstitute: "Known substitute",
    tandem: "Tandem",
    substitute: "Employed substitute",
    caregiver: "Other day-care person",
    kita: "Kita",
    averageExtraDistanceKm: "Average extra distance (km)",
    parentsConfirmed: "Parents: bring the child",
    parentsKeptHome: "Parents: kept at home",
    parentsNoAnswer: "Parents: no answer",
  },
};
