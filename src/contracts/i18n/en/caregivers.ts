import type { caregivers as de, deadlines as deDeadlines } from "../de/caregivers";

export const caregivers: typeof de = {
  employment: { selfEmployed: "self-employed", employed: "employed" },
  status: { active: "active", paused: "paused", left: "left" },
  qualificationKinds: {
    qhbPhase1: "QHB phase 1",
    qhbPhase2: "QHB phase 2",
    firstAid: "Paediatric first aid",
    infectionProtection: "Infection-protection instruction",
    criminalRecordCheck: "Extended criminal-record certificate",
    other: "Other qualification",
  },
  import: {
    duplicateInRegistry: "Already in the registry: {{name}}",
    duplicateInFile: "Same person as in row {{line}}",
  },
  csvColumns: {
    firstName: "First name",
    lastName: "Last name",
    email: "E-mail",
    phone: "Phone",
    street: "Street",
    postalCode: "Postal code",
    town: "Town",
    employment: "Employment",
    languages: "Languages",
    licenceNumber: "Licence no.",
    licenceIssuer: "Licence issued by",
    licenceValidFrom: "Licence valid from",
    licenceValidTo: "Licence valid to",
    maxChildren: "Max. children at once",
    firstAidOn: "First aid on",
    infectionProtectionOn: "Infection protection on",
    criminalRecordCheckOn: "Criminal-record check on",
    qhbPhase1On: "QHB phase 1 on",
    qhbPhase2On: "QHB phase 2 on",
  },
};

export const deadlines: typeof deDeadlines = {
  kinds: {
    licenceExpiry: "Care licence",
    firstAid: "Paediatric first aid",
    infectionProtection: "Infection-protection instruction",
    criminalRecordCheck: "Extended criminal-record certificate",
    qhbPhase2: "QHB phase 2",
  },
  states: {
    ok: "fine",
    dueSoon: "due soon",
    overdue: "overdue",
    missing: "not recorded",
  },
};
