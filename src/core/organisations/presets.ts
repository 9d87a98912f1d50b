/**
 * Federal-state rule presets. Rules differ by state and change with the law, so they are data an
 * organisation copies into its settings and may adjust; each preset names the law and the version it follows.
 */

/** The rules an organisation works by; counts are children, times are months unless the name says otherwise. */
export interface StateRules {
  /** Children present at the same time per caregiver (§ 43 SGB VIII: at most 5). */
  maxChildrenAtOnce: number;
  /** Care contracts per caregiver in total across the week (NRW); null where the state does not count them. */
  maxContractsPerWeek: number | null;
  /** Children per caregiver in the course of a week (SH); null where the state does not count them. */
  maxChildrenPerWeek: number | null;
  /** Children present at the same time in a Großtagespflege. */
  maxChildrenAtOnceCareGroup: number;
  /** Caregivers sharing the rooms of one Großtagespflege. */
  maxCaregiversPerCareGroup: number;
  /** Further training per year, in teaching units (UE, 45 minutes). */
  trainingUnitsPerYear: number;
  /** Further training per licence period in UE; null when only the yearly figure applies. */
  trainingUnitsPerLicencePeriod: number | null;
  /** UE above the obligation that may be carried into the next period; null when none. */
  maxCarryOverUnits: number | null;
  firstAidRefreshMonths: number;
  infectionProtectionRefreshMonths: number;
  criminalRecordRefreshMonths: number;
  /** Longest validity of a care licence (§ 43 Abs. 3 SGB VIII: 5 years). */
  licenceMaxYears: number;
  /** QHB phase 2 (140 UE alongside the work) is due this many months after the licence starts. */
  qhbPhase2WithinMonths: number;
  /** Days before a due date from which it counts as "due soon" and reminders start. */
  reminderLeadDays: number;
  /**
   * A refresher (first aid, infection protection) may be booked only with a certificate still valid on its
   * first day; after a lapse the full course is due again. Settings saved before this rule existed lack it
   * and read as true.
   */
  refresherNeedsValidCertificate: boolean;
}

export type StatePresetId = "NRW" | "SH" | "custom";

/** A named set of rules with the source it was taken from. */
export interface StatePreset {
  id: StatePresetId;
  label: { de: string; en: string };
  /** Human-readable citation: law, paragraphs and where non-statutory defaults come from. */
  source: string;
  /** ISO date of the version of the law the rules follow. */
  sourceDate: string;
  rules: StateRules;
}

// Training volume and refresh intervals are not fixed by either state law; these are the figures youth
// offices commonly require, shared so both presets start from the same practice.
const COMMON_PRACTICE = {
  trainingUnitsPerYear: 15,
  firstAidRefreshMonths: 24,
  infectionProtectionRefreshMonths: 24,
  criminalRecordRefreshMonths: 60,
  licenceMaxYears: 5,
  qhbPhase2WithinMonths: 24,
  reminderLeadDays: 90,
  refresherNeedsValidCertificate: true,
} as const;

const NRW: StatePreset = {
  id: "NRW",
  label: { de: "Nordrhein-Westfalen (KiBiz)", en: "North Rhine-Westphalia (KiBiz)" },
  source:
    "§ 22 Abs. 2 und 3 Kinderbildungsgesetz NRW (KiBiz) in der Fassung ab 01.08.2020; § 43 SGB VIII. " +
    "Bis zu 5 gleichzeitig anwesende Kinder, im Einzelfall bis zu 8 fremde Kinder über die Woche; bis zu 10, " +
    "wenn regelmäßig mehrere Kinder unter 15 Wochenstunden in festen Gruppen betreut werden und die " +
    "Kindertagespflegeperson die QHB-Qualifizierung (oder eine sozialpädagogische Fachkraft mit " +
    "Zusatzqualifikation) hat. Großtagespflege: höchstens 9 Kinder gleichzeitig, höchstens 3 " +
    "Kindertagespflegepersonen mit eigener Erlaubnis (bis 15 Verträge unter den Voraussetzungen von Abs. 2 " +
    "Satz 3). Fortbildungsumfang und Auffrischungsfristen (Erste Hilfe, Infektionsschutz §§ 33, 35 IfSG, " +
    "erweitertes Führungszeugnis) sind verbreitete Vorgaben der Jugendämter, keine Landesregelung; ebenso, " +
    "dass nach Ablauf der Erste-Hilfe-Bescheinigung nur der volle Kurs (9 UE) und keine Auffrischung zählt.",
  sourceDate: "2020-08-01",
  rules: {
    maxChildrenAtOnce: 5,
    maxContractsPerWeek: 8,
    maxChildrenPerWeek: null,
    maxChildrenAtOnceCareGroup: 9,
    maxCaregiversPerCareGroup: 3,
    trainingUnitsPerLicencePeriod: 75,
    maxCarryOverUnits: 60,
    ...COMMON_PRACTICE,
  },
};

const SH: StatePreset = {
  id: "SH",
  label: { de: "Schleswig-Holstein (KiTaG)", en: "Schleswig-Holstein (KiTaG)" },
  source:
    "§ 43 Kindertagesförderungsgesetz Schleswig-Holstein (KiTaG) vom 12.12.2019, in Kraft seit 01.01.2021; " +
    "§ 43 SGB VIII mit §§ 37–40 JuFöG. Bis zu 5 gleichzeitig anwesende Kinder und höchstens 10 Kinder in der " +
    "Woche; zwei Kindertagespflegepersonen dürfen Neben- und Funktionsräume gemeinsam nutzen, wenn jede ihre " +
    "eigenen Räume und Kinder hat. Fortbildungsumfang und Auffrischungsfristen (Erste Hilfe, " +
    "Infektionsschutz §§ 33, 35 IfSG, erweitertes Führungszeugnis) sind verbreitete Vorgaben der " +
    "Jugendämter, keine Landesregelung; ebenso, dass nach Ablauf der Erste-Hilfe-Bescheinigung nur der " +
    "volle Kurs (9 UE) und keine Auffrischung zählt.",
  sourceDate: "2021-01-01",
  rules: {
    maxChildrenAtOnce: 5,
    maxContractsPerWeek: null,
    maxChildrenPerWeek: 10,
    maxChildrenAtOnceCareGroup: 10,
    maxCaregiversPerCareGroup: 2,
    trainingUnitsPerLicencePeriod: null,
    maxCarryOverUnits: null,
    ...COMMON_PRACTICE,
  },
};

const CUSTOM: StatePreset = {
  id: "custom",
  label: { de: "Eigene Regeln", en: "Custom rules" },
  source:
    "Eigene Regeln der Organisation; Ausgangswerte aus der NRW-Vorlage, bitte an die örtlichen Vorgaben anpassen.",
  sourceDate: NRW.sourceDate,
  rules: { ...NRW.rules },
};

/** All presets in the order a settings page offers them. Frozen: copy `rules` before changing them. */
export const STATE_PRESETS: readonly StatePreset[] = Object.freeze(
  [NRW, SH, CUSTOM].map((preset) =>
    Object.freeze({ ...preset, label: Object.freeze(preset.label), rules: Object.freeze(preset.rules) }),
  ),
);

/** The preset with `id`, or null for an unknown id (e.g. a value read from an old settings row). */
export function findPreset(id: string): StatePreset | null {
  return STATE_PRESETS.find((preset) => preset.id === id) ?? null;
}
