export const caregivers = {
  employment: { selfEmployed: "selbstständig", employed: "angestellt" },
  status: { active: "aktiv", paused: "pausiert", left: "ausgeschieden" },
  qualificationKinds: {
    qhbPhase1: "QHB Phase 1",
    qhbPhase2: "QHB Phase 2",
    firstAid: "Erste Hilfe am Kind",
    infectionProtection: "Infektionsschutzbelehrung",
    criminalRecordCheck: "Erweitertes Führungszeugnis",
    other: "Sonstige Qualifikation",
  },
  /** Problems of an import row that repeats a person (the server translates them into the report). */
  import: {
    duplicateInRegistry: "Schon im Register: {{name}}",
    duplicateInFile: "Dieselbe Person wie in Zeile {{line}}",
  },
  /** Column headers of the CSV template; the import also accepts the field names (firstName …). */
  csvColumns: {
    firstName: "Vorname",
    lastName: "Nachname",
    email: "E-Mail",
    phone: "Telefon",
    street: "Straße",
    postalCode: "PLZ",
    town: "Ort",
    employment: "Beschäftigung",
    languages: "Sprachen",
    licenceNumber: "Erlaubnis-Nr.",
    licenceIssuer: "Erlaubnis ausgestellt von",
    licenceValidFrom: "Erlaubnis gültig ab",
    licenceValidTo: "Erlaubnis gültig bis",
    maxChildren: "Max. Kinder gleichzeitig",
    firstAidOn: "Erste Hilfe am",
    infectionProtectionOn: "Infektionsschutz am",
    criminalRecordCheckOn: "Führungszeugnis am",
    qhbPhase1On: "QHB Phase 1 am",
    qhbPhase2On: "QHB Phase 2 am",
  },
};

export const deadlines = {
  kinds: {
    licenceExpiry: "Pflegeerlaubnis",
    firstAid: "Erste Hilfe am Kind",
    infectionProtection: "Infektionsschutzbelehrung",
    criminalRecordCheck: "Erweitertes Führungszeugnis",
    qhbPhase2: "QHB Phase 2",
  },
  states: {
    ok: "in Ordnung",
    dueSoon: "bald fällig",
    overdue: "überfällig",
    missing: "nicht erfasst",
  },
};
