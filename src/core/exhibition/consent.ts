import { compareDates } from "../shared/dates";

/**
 * Consent to showing a photo of people (Art. 6, 7 DSGVO; §§ 22, 23 KUG). A photo may be shown only while
 * every person on it has agreed to this use; for a child, a parent or guardian agrees. The rules are pure so
 * that the upload, the publish switch, the public listing and the image route all decide alike.
 */

/** Where a photo may be shown: each use needs its own consent. */
export const consentScopes = ["online", "print", "press"] as const;
export type ConsentScope = (typeof consentScopes)[number];

/** Who declared the consent: the person shown, or a parent or guardian for a child. */
export const consentGivers = ["self", "guardian"] as const;
export type ConsentGiver = (typeof consentGivers)[number];

/** One declaration of one person shown on a photo. Dates are ISO days ("2026-03-02"). */
export interface ConsentRecord {
  personName: string;
  givenOn: string;
  scopes: readonly ConsentScope[];
  /** Last day the consent holds; null: until withdrawn. */
  validUntil: string | null;
  /** Set once the consent is withdrawn; a withdrawal is final for this declaration. */
  withdrawnAt: string | null;
}

export interface PhotoConsentState {
  /** An explicit choice: the photo shows nobody who could be recognised (hands, toys, a room). */
  noIdentifiablePeople: boolean;
  /** In the order they were recorded. */
  consents: readonly ConsentRecord[];
}

export const consentProblemKinds = [
  "noConsent",
  "scopeMissing",
  "notYetValid",
  "expired",
  "withdrawn",
] as const;
export type ConsentProblemKind = (typeof consentProblemKinds)[number];

/** Why a photo cannot be shown; `personName` is null for "nobody recorded". */
export interface ConsentProblem {
  kind: ConsentProblemKind;
  personName: string | null;
}

/** People are matched by name regardless of case and spacing, so "Mia  K." and "mia k." are one person. */
export function personKey(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLocaleLowerCase("de");
}

/** Why one declaration does not allow the use on that day, or null when it does. */
export function consentProblem(
  consent: ConsentRecord,
  scope: ConsentScope,
  today: string,
): ConsentProblemKind | null {
  if (consent.withdrawnAt !== null) return "withdrawn";
  if (compareDates(consent.givenOn, today) > 0) return "notYetValid";
  if (consent.validUntil !== null && compareDates(consent.validUntil, today) < 0) return "expired";
  if (!consent.scopes.includes(scope)) return "scopeMissing";
  return null;
}

/**
 * Every reason why the photo may not be used in `scope` on `today`; empty when it may. A person's latest
 * declaration decides (a renewed consent replaces an expired one; a withdrawal of the latest one stops
 * the use). Without anyone recorded, only the explicit "no identifiable people" choice allows it.
 */
export function consentProblems(
  photo: PhotoConsentState,
  scope: ConsentScope,
  today: string,
): ConsentProblem[] {
  const latest = new Map<string, ConsentRecord>();
  for (const consent of photo.consents) {
    const key = personKey(consent.personName);
    const before = latest.get(key);
    if (!before || compareDates(consent.givenOn, before.givenOn) >= 0) latest.set(key, consent);
  }
  if (latest.size === 0) {
    return photo.noIdentifiablePeople ? [] : [{ kind: "noConsent", personName: null }];
  }
  const problems: ConsentProblem[] = [];
  for (const consent of latest.values()) {
    const kind = consentProblem(consent, scope, today);
    if (kind) problems.push({ kind, personName: consent.personName.trim() });
  }
  return problems;
}

/** Whether the photo may be shown in the online exhibition on `today`. */
export function isPublishableOnline(photo: PhotoConsentState, today: string): boolean {
  return consentProblems(photo, "online", today).length === 0;
}
