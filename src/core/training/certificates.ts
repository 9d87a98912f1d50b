/**
 * Certificates: how long they are valid, their state on a day, re-issue and renewal, the verification code
 * printed on them, and certificates from other providers that a coordinator accepts or rejects.
 */

import type { StateRules } from "../organisations/presets";
import { addMonths, compareDates, daysBetween, isValidIsoDate } from "../shared/dates";
import {
  COURSE_CATEGORIES,
  type CompletedQualification,
  type Course,
  type CourseCategory,
  categoryDefaults,
} from "./catalogue";
import { isHalfUnitMultiple } from "./units";

/**
 * The last day a certificate is valid: the completion date plus the validity in calendar months, to the exact
 * day and clamped at the end of a shorter month (2024-02-29 + 24 months = 2026-02-28). Exact day, not end of
 * month, because that is how first-aid certificates are read ("not older than two years") and because the
 * registry (core/caregivers/deadlines.ts) derives its due date the same way — the certificate and the board
 * must never show two dates. Null when the certificate never expires.
 */
export function certificateValidUntil(completedOn: string, validityMonths: number | null): string | null {
  return validityMonths === null ? null : addMonths(completedOn, validityMonths);
}

/**
 * "superseded": replaced by a re-issued copy (a corrected name); "revoked": withdrawn by the organisation
 * (issued in error). Neither counts or verifies any longer.
 */
export type CertificateStatus = "issued" | "superseded" | "revoked";

export interface Certificate {
  id: string;
  participantId: string;
  /** The run it was earned in. */
  courseId: string;
  category: CourseCategory;
  units: number;
  completedOn: string;
  validUntil: string | null;
  countsTowardsObligation: boolean;
  verificationCode: string;
  status: CertificateStatus;
  /** The certificate this one re-issues, for the history. */
  replacesId: string | null;
}

/** Issues the certificate of a completed run (completion.ts gives `completedOn`). */
export function issueCertificate(input: {
  id: string;
  participantId: string;
  course: Pick<Course, "id" | "category" | "units" | "validityMonths" | "countsTowardsObligation">;
  completedOn: string;
  verificationCode: string;
}): Certificate {
  const { course } = input;
  return {
    id: input.id,
    participantId: input.participantId,
    courseId: course.id,
    category: course.category,
    units: course.units,
    completedOn: input.completedOn,
    validUntil: certificateValidUntil(input.completedOn, course.validityMonths),
    countsTowardsObligation: course.countsTowardsObligation,
    verificationCode: input.verificationCode,
    status: "issued",
    replacesId: null,
  };
}

/**
 * Re-issues a certificate (a corrected name, a lost PDF): same course, dates and UE, a new id and a new
 * verification code, so a printed copy of the old one no longer verifies. The old one becomes "superseded".
 * A renewal is not a re-issue: it is a new certificate from a new course, with its own completion date.
 */
export function reissueCertificate(
  previous: Certificate,
  input: { id: string; verificationCode: string },
): { previous: Certificate; next: Certificate } {
  return {
    previous: { ...previous, status: "superseded" },
    next: {
      ...previous,
      id: input.id,
      verificationCode: input.verificationCode,
      status: "issued",
      replacesId: previous.id,
    },
  };
}

export type CertificateState = "valid" | "expiresSoon" | "expired" | "superseded" | "revoked";

/**
 * The state of a certificate on `today`: "expiresSoon" from `leadDays` before its last valid day up to and
 * including that day, "expired" from the day after — the same boundaries as the registry's "dueSoon" and
 * "overdue". A certificate without an end is always "valid".
 */
export function certificateState(
  certificate: Pick<Certificate, "validUntil" | "status">,
  today: string,
  leadDays: number,
): CertificateState {
  if (certificate.status !== "issued") return certificate.status;
  if (certificate.validUntil === null) return "valid";
  const daysLeft = daysBetween(today, certificate.validUntil);
  if (daysLeft < 0) return "expired";
  return daysLeft <= leadDays ? "expiresSoon" : "valid";
}

/**
 * The certificate a renewal replaces in the account is simply the latest one: a renewal is valid from its own
 * completion date, not added to the rest of the old validity. Stacking would let a course attended 23 months
 * ago certify knowledge for another 2 years, which is what the refresh interval is meant to prevent. So
 * renewing early costs the remaining months, and renewing late (a lapse) may need the full course
 * (catalogue.ts `checkPrerequisites`).
 */
export function latestCertificate<T extends { category: CourseCategory; completedOn: string }>(
  certificates: readonly T[],
  category: CourseCategory,
): T | null {
  let latest: T | null = null;
  for (const certificate of certificates) {
    if (
      certificate.category === category &&
      (!latest || compareDates(certificate.completedOn, latest.completedOn) > 0)
    )
      latest = certificate;
  }
  return latest;
}

// Crockford's base 32: digits and letters without I, L, O and U. Readers confuse I/1, L/1 and O/0, so these are
// read as the digit instead of being rejected; U is left out so no code spells a word by accident.
const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_BASE = CODE_ALPHABET.length;
const READ_AS: Record<string, string> = { O: "0", I: "1", L: "1" };
/** 11 random characters (55 bits: one guess in 3.6·10^16) and one check character. */
const CODE_DATA_LENGTH = 11;
export const VERIFICATION_CODE_RANDOM_BYTES = 7;

/**
 * Luhn mod N check value: catches every single wrong character and every swap of two neighbours except the
 * one pair of values whose Luhn digit sums agree, so a mistyped code reads "invalid", not "unknown".
 */
function luhnSum(values: readonly number[], doubleFirst: boolean): number {
  let sum = 0;
  let double = doubleFirst;
  for (let i = values.length - 1; i >= 0; i--) {
    let addend = (values[i] as number) * (double ? 2 : 1);
    addend = Math.floor(addend / CODE_BASE) + (addend % CODE_BASE);
    sum += addend;
    double = !double;
  }
  return sum % CODE_BASE;
}

/**
 * A verification code from `randomBytes` (at least 7, e.g. `crypto.randomBytes(7)` on the server — passed in
 * so this stays pure and testable): 11 characters of 5 random bits each plus a check character, canonical
 * form without separators ("7K3M9QX2D4HW"); {@link formatVerificationCode} groups it for print. 32 is a power
 * of two, so the characters are uniform without rejection sampling.
 */
export function createVerificationCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < VERIFICATION_CODE_RANDOM_BYTES)
    throw new RangeError(`A verification code needs ${VERIFICATION_CODE_RANDOM_BYTES} random bytes`);
  const values: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const byte of randomBytes.subarray(0, VERIFICATION_CODE_RANDOM_BYTES)) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5 && values.length < CODE_DATA_LENGTH) {
      bits -= 5;
      values.push((buffer >> bits) & 31);
    }
    buffer &= (1 << bits) - 1;
  }
  const check = (CODE_BASE - luhnSum(values, true)) % CODE_BASE;
  return [...values, check].map((value) => CODE_ALPHABET[value]).join("");
}

/** "7K3M9QX2D4HW" → "7K3M-9QX2-D4HW", as printed on the certificate and under its QR code. */
export function formatVerificationCode(code: string): string {
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/**
 * The canonical code from what a visitor typed: case, spaces and hyphens ignored, O read as 0 and I, L as 1.
 * Null when the length, a character or the check character is wrong — the verification page can then say
 * "mistyped" without a database look-up.
 */
export function normaliseVerificationCode(input: string): string | null {
  const characters = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .split("")
    .map((character) => READ_AS[character] ?? character);
  if (characters.length !== CODE_DATA_LENGTH + 1) return null;
  const values = characters.map((character) => CODE_ALPHABET.indexOf(character));
  if (values.some((value) => value < 0)) return null;
  return luhnSum(values, false) === 0 ? characters.join("") : null;
}

/** A certificate from another provider that a day-care person uploads; only "accepted" ones count. */
export interface ExternalCertificate {
  id: string;
  participantId: string;
  category: CourseCategory;
  provider: string;
  title: string;
  units: number;
  completedOn: string;
  status: "pending" | "accepted" | "rejected";
  reviewedOn: string | null;
  /** Set on acceptance from the category's validity; the coordinator may correct it. */
  validUntil: string | null;
  countsTowardsObligation: boolean;
  rejectionReason: string | null;
}

export type ExternalUploadProblemCode =
  | "categoryInvalid"
  | "unitsInvalid"
  | "dateInvalid"
  | "dateInFuture"
  | "providerMissing";

export interface ExternalUploadProblem {
  code: ExternalUploadProblemCode;
  field: "category" | "units" | "completedOn" | "provider";
}

/** Checks an upload: a known category, UE in half units above zero, a real date not after `today`, a provider. */
export function validateExternalUpload(
  upload: Pick<ExternalCertificate, "category" | "units" | "completedOn" | "provider">,
  today: string,
): ExternalUploadProblem[] {
  const problems: ExternalUploadProblem[] = [];
  if (!(COURSE_CATEGORIES as readonly string[]).includes(upload.category))
    problems.push({ code: "categoryInvalid", field: "category" });
  if (!(upload.units > 0) || !isHalfUnitMultiple(upload.units))
    problems.push({ code: "unitsInvalid", field: "units" });
  if (!isValidIsoDate(upload.completedOn)) problems.push({ code: "dateInvalid", field: "completedOn" });
  else if (compareDates(upload.completedOn, today) > 0)
    problems.push({ code: "dateInFuture", field: "completedOn" });
  if (upload.provider.trim() === "") problems.push({ code: "providerMissing", field: "provider" });
  return problems;
}

export type ReviewDecision =
  | { accept: true; on: string; validityMonths?: number | null; countsTowardsObligation?: boolean }
  | { accept: false; on: string; reason: string };

export type ReviewResult =
  | { ok: true; certificate: ExternalCertificate }
  | {
      ok: false;
      problem: { code: "notPending"; status: ExternalCertificate["status"] } | { code: "reasonMissing" };
    };

/**
 * A coordinator's decision on a pending upload. Accepting fixes the validity (the category's unless the
 * coordinator gives another, e.g. a provider's shorter one) and whether the UE count towards the obligation;
 * rejecting needs a reason, which the day-care person is told. A decision is final: a corrected upload is a
 * new upload, so the history shows both.
 */
export function reviewExternalCertificate(
  certificate: ExternalCertificate,
  decision: ReviewDecision,
  rules: Pick<StateRules, "firstAidRefreshMonths" | "infectionProtectionRefreshMonths">,
): ReviewResult {
  if (certificate.status !== "pending")
    return { ok: false, problem: { code: "notPending", status: certificate.status } };
  if (!decision.accept) {
    if (decision.reason.trim() === "") return { ok: false, problem: { code: "reasonMissing" } };
    return {
      ok: true,
      certificate: {
        ...certificate,
        status: "rejected",
        reviewedOn: decision.on,
        rejectionReason: decision.reason.trim(),
      },
    };
  }
  const defaults = categoryDefaults(certificate.category, rules);
  const validityMonths =
    decision.validityMonths === undefined ? defaults.validityMonths : decision.validityMonths;
  return {
    ok: true,
    certificate: {
      ...certificate,
      status: "accepted",
      reviewedOn: decision.on,
      validUntil: certificateValidUntil(certificate.completedOn, validityMonths),
      countsTowardsObligation: decision.countsTowardsObligation ?? defaults.countsTowardsObligation,
      rejectionReason: null,
    },
  };
}

/** A certificate as the account and the registry count it, whichever provider issued it. */
export interface CountedCertificate extends CompletedQualification {
  id: string;
  source: "internal" | "external";
  units: number;
  countsTowardsObligation: boolean;
}

/** The certificates that count: issued internal ones and accepted external ones, oldest first. */
export function countingCertificates(
  internal: readonly Certificate[],
  external: readonly ExternalCertificate[],
): CountedCertificate[] {
  const counted: CountedCertificate[] = [];
  for (const c of internal) {
    if (c.status === "issued") counted.push({ ...pickCounted(c), source: "internal" });
  }
  for (const c of external) {
    if (c.status === "accepted") counted.push({ ...pickCounted(c), source: "external" });
  }
  return counted.sort((a, b) => compareDates(a.completedOn, b.completedOn) || a.id.localeCompare(b.id));
}

function pickCounted(
  c: Pick<
    Certificate,
    "id" | "category" | "completedOn" | "validUntil" | "units" | "countsTowardsObligation"
  >,
) {
  return {
    id: c.id,
    category: c.category,
    completedOn: c.completedOn,
    validUntil: c.validUntil,
    units: c.units,
    countsTowardsObligation: c.countsTowardsObligation,
  };
}
