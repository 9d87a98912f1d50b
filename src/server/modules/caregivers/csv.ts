/**
 * The registry's CSV columns and the checks one imported row must pass (the format itself, as German Excel
 * opens and writes it, is platform/csv.ts). Pure functions; the service does the writing.
 */
import { type CsvColumn, csvColumns } from "../../../contracts/caregivers";
import { emailSchema } from "../../../contracts/common";
import type { StateRules } from "../../../core/organisations/presets";
import { addYears, isValidIsoDate } from "../../../core/shared/dates";
import { CSV_BOM } from "../../platform/csv";
import { findPostalCode, geocodeAddress } from "../../platform/geo/postal-codes";
import type { CaregiverValues, LicenceValues, QualificationValues } from "./caregivers.repository";

function normaliseHeader(text: string): string {
  return text.replace(CSV_BOM, "").trim().toLowerCase().replace(/\s+/g, " ");
}

/**
 * Maps header cells to columns by the field name ("firstName") or any of the given translated names
 * ("Vorname"); unknown headers map to null and are ignored.
 */
export function mapHeader(
  header: readonly string[],
  translatedNames: readonly Record<CsvColumn, string>[],
): (CsvColumn | null)[] {
  const lookup = new Map<string, CsvColumn>();
  for (const column of csvColumns) {
    lookup.set(normaliseHeader(column), column);
    for (const names of translatedNames) lookup.set(normaliseHeader(names[column]), column);
  }
  return header.map((cell) => lookup.get(normaliseHeader(cell)) ?? null);
}

/** "03.02.2026", "3.2.2026" or "2026-02-03" as ISO date; null for anything else or an impossible date. */
export function parseDate(text: string): string | null {
  const value = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = german ? `${german[3]}-${german[2]?.padStart(2, "0")}-${german[1]?.padStart(2, "0")}` : value;
  return isValidIsoDate(iso) ? iso : null;
}

const EMPLOYMENT: Record<string, CaregiverValues["employment"]> = {
  selbstständig: "selfEmployed",
  selbständig: "selfEmployed",
  selfemployed: "selfEmployed",
  "self-employed": "selfEmployed",
  angestellt: "employed",
  employed: "employed",
};

/** What one valid row becomes. */
export interface ImportRecord {
  caregiver: CaregiverValues;
  licence: LicenceValues | null;
  qualifications: Pick<QualificationValues, "kind" | "completedOn">[];
}

export interface RowCheck {
  errors: { column: CsvColumn; key: string }[];
  record: ImportRecord | null;
}

const LICENCE_COLUMNS = [
  "licenceNumber",
  "licenceIssuer",
  "licenceValidFrom",
  "licenceValidTo",
  "maxChildren",
] as const;
const QUALIFICATION_COLUMNS = [
  ["firstAidOn", "firstAid"],
  ["infectionProtectionOn", "infectionProtection"],
  ["criminalRecordCheckOn", "criminalRecordCheck"],
  ["qhbPhase1On", "qhbPhase1"],
  ["qhbPhase2On", "qhbPhase2"],
] as const;

const MAX_LENGTH: Partial<Record<CsvColumn, number>> = {
  firstName: 80,
  lastName: 80,
  phone: 40,
  street: 160,
  town: 100,
  licenceNumber: 60,
  licenceIssuer: 160,
};

/**
 * Checks one row against the same rules as the forms: names, a known postal code, dates, a complete licence
 * (all licence columns or none) whose end lies after its start and within the organisation's maximum
 * validity, and a known employment form. Error keys are `validation.<key>` translations.
 */
export function checkImportRow(cells: Partial<Record<CsvColumn, string>>, rules: StateRules): RowCheck {
  const errors: RowCheck["errors"] = [];
  const value = (column: CsvColumn) => (cells[column] ?? "").trim();
  const fail = (column: CsvColumn, key: string) => errors.push({ column, key });

  for (const column of ["firstName", "lastName", "town", "postalCode"] as const) {
    if (!value(column)) fail(column, "required");
  }
  for (const [column, max] of Object.entries(MAX_LENGTH) as [CsvColumn, number][]) {
    if (value(column).length > max) fail(column, "tooLong");
  }
  const postalCode = value("postalCode");
  if (postalCode && !/^\d{5}$/.test(postalCode)) fail("postalCode", "postalCode");
  else if (postalCode && !findPostalCode(postalCode)) fail("postalCode", "postalCodeUnknown");

  const emailText = value("email");
  const email = emailText ? emailSchema.safeParse(emailText) : null;
  if (email && !email.success) fail("email", "email");

  const employmentText = value("employment").toLowerCase();
  const employment = employmentText ? EMPLOYMENT[employmentText] : "selfEmployed";
  if (!employment) fail("employment", "employment");

  let licence: LicenceValues | null = null;
  if (LICENCE_COLUMNS.some((column) => value(column))) {
    for (const column of ["licenceNumber", "licenceIssuer", "licenceValidFrom", "licenceValidTo"] as const) {
      if (!value(column)) fail(column, "required");
    }
    const validFrom = value("licenceValidFrom") ? parseDate(value("licenceValidFrom")) : null;
    const validTo = value("licenceValidTo") ? parseDate(value("licenceValidTo")) : null;
    if (value("licenceValidFrom") && !validFrom) fail("licenceValidFrom", "date");
    if (value("licenceValidTo") && !validTo) fail("licenceValidTo", "date");
    if (validFrom && validTo && validFrom >= validTo) fail("licenceValidTo", "dateOrder");
    else if (validFrom && validTo && validTo > addYears(validFrom, rules.licenceMaxYears)) {
      fail("licenceValidTo", "licenceTooLong");
    }
    let maxChildren = rules.maxChildrenAtOnce;
    if (value("maxChildren")) {
      maxChildren = Number(value("maxChildren"));
      if (!/^\d+$/.test(value("maxChildren")) || maxChildren < 1) fail("maxChildren", "placesInvalid");
      else if (maxChildren > rules.maxChildrenAtOnce) fail("maxChildren", "licenceMaxChildren");
    }
    if (validFrom && validTo) {
      licence = {
        number: value("licenceNumber"),
        issuer: value("licenceIssuer"),
        validFrom,
        validTo,
        maxChildren,
        conditions: "",
      };
    }
  }

  const qualifications: ImportRecord["qualifications"] = [];
  for (const [column, kind] of QUALIFICATION_COLUMNS) {
    if (!value(column)) continue;
    const completedOn = parseDate(value(column));
    if (completedOn) qualifications.push({ kind, completedOn });
    else fail(column, "date");
  }

  if (errors.length > 0 || !employment) return { errors, record: null };
  const point = geocodeAddress({ postalCode, town: value("town") });
  if (!point) return { errors: [{ column: "postalCode", key: "postalCodeUnknown" }], record: null };
  return {
    errors,
    record: {
      caregiver: {
        firstName: value("firstName"),
        lastName: value("lastName"),
        email: email?.success ? email.data : null,
        phone: value("phone") || null,
        street: value("street") || null,
        postalCode,
        town: value("town"),
        lat: point.lat,
        lon: point.lon,
        locationPrecision: "postalCode",
        employment,
        languages: splitLanguages(value("languages")),
      },
      licence,
      qualifications,
    },
  };
}

function splitLanguages(text: string): string[] {
  const languages = text
    .split(/[,;|/]/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => l.slice(0, 40));
  return [...new Set(languages)].slice(0, 20);
}

/** The languages cell as the export writes it. */
export function joinLanguages(languages: readonly string[]): string {
  return languages.join(", ");
}

/** A person already in the registry, as far as the duplicate check needs her. */
export interface DuplicateCandidate {
  id: string;
  firstName: string;
  lastName: string;
  postalCode: string;
  email: string | null;
}

/** A row that repeats someone: a person of the registry, or an earlier line of the same file. */
export type DuplicateProblem = { column: "email" | "lastName" } & (
  | { existing: DuplicateCandidate; sameAsLine?: undefined }
  | { existing?: undefined; sameAsLine: number }
);

/** Trimmed, inner spaces collapsed, case folded, and one Unicode form, so that Excel's spellings compare equal. */
function comparable(text: string | null | undefined): string {
  return (text ?? "").normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("de");
}

function emailKey(email: string | null | undefined): string | null {
  return comparable(email) || null;
}

function nameKey(person: { firstName?: string; lastName?: string; postalCode?: string }): string | null {
  const parts = [person.firstName, person.lastName, person.postalCode].map(comparable);
  // The unit separator cannot occur in a cell, so "Anna|Lena" and "Anna Lena|" never collide.
  return parts.every(Boolean) ? parts.join("\u001f") : null;
}

/**
 * The duplicates among the rows of an import, by line: the same e-mail address, or the same first name,
 * last name and postal code (case-insensitive, trimmed), as a person of the registry or an earlier row.
 * The first row of a repeated pair stays valid, so the preview points at the one to delete.
 */
export function findDuplicates(
  rows: readonly { line: number; cells: Partial<Record<CsvColumn, string>> }[],
  registry: readonly DuplicateCandidate[],
): Map<number, DuplicateProblem[]> {
  const registryByEmail = new Map<string, DuplicateCandidate>();
  const registryByName = new Map<string, DuplicateCandidate>();
  for (const person of registry) {
    const email = emailKey(person.email);
    const name = nameKey(person);
    if (email && !registryByEmail.has(email)) registryByEmail.set(email, person);
    if (name && !registryByName.has(name)) registryByName.set(name, person);
  }
  const fileByEmail = new Map<string, number>();
  const fileByName = new Map<string, number>();
  const problems = new Map<number, DuplicateProblem[]>();
  for (const { line, cells } of rows) {
    const email = emailKey(cells.email);
    const name = nameKey(cells);
    const found: DuplicateProblem[] = [];
    const inRegistry = [
      { column: "email" as const, person: email ? registryByEmail.get(email) : undefined },
      { column: "lastName" as const, person: name ? registryByName.get(name) : undefined },
    ];
    for (const { column, person } of inRegistry) {
      if (person && !found.some((p) => p.existing?.id === person.id))
        found.push({ column, existing: person });
    }
    const inFile = [
      { column: "email" as const, earlier: email ? fileByEmail.get(email) : undefined },
      { column: "lastName" as const, earlier: name ? fileByName.get(name) : undefined },
    ];
    for (const { column, earlier } of inFile) {
      if (earlier !== undefined && !found.some((p) => p.sameAsLine === earlier))
        found.push({ column, sameAsLine: earlier });
    }
    if (email && !fileByEmail.has(email)) fileByEmail.set(email, line);
    if (name && !fileByName.has(name)) fileByName.set(name, line);
    if (found.length > 0) problems.set(line, found);
  }
  return problems;
}

/** Reads cells by column from a record, given the mapped header. */
export function cellsByColumn(columns: readonly (CsvColumn | null)[], cells: readonly string[]) {
  const result: Partial<Record<CsvColumn, string>> = {};
  columns.forEach((column, index) => {
    if (column && result[column] === undefined) result[column] = cells[index] ?? "";
  });
  return result;
}
