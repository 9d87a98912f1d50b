import { todayIso } from "../../../core/shared/dates";

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "24.12.2026" (German) or "24/12/2026" (English) for an ISO date; the empty string for null. */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return "";
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const locale = language.startsWith("de") ? "de-DE" : "en-GB";
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      timeZone: "UTC",
    });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** Today as an ISO date in Germany, the calendar deadlines are counted in. */
export function today(): string {
  return todayIso(new Date());
}

/** The API path of an organisation. */
export function orgApi(orgSlug: string): string {
  return `/api/orgs/${encodeURIComponent(orgSlug)}`;
}

/** The app path of an organisation's page, e.g. orgPath("beckum", "fristen"). */
export function orgPath(orgSlug: string, path = ""): string {
  return `/app/${orgSlug}${path ? `/${path}` : ""}`;
}

/** "" and whitespace become null, for optional text fields the API wants as null. */
export function emptyToNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

/** Contact links the API vouches for, checked again so a stored value can never become a script link. */
export function isSafeContactUrl(url: string | null): url is string {
  return Boolean(url && /^(https?:\/\/|mailto:|tel:)/i.test(url));
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with the language's decimal separator and exactly `digits` places ("51,75430" in German). */
export function formatNumber(value: number, language: string, digits: number): string {
  const locale = language.startsWith("de") ? "de-DE" : "en-GB";
  const key = `${locale}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: false,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A decimal typed with a comma or a dot ("51,7543", "51.7543"); NaN for anything else. */
export function parseDecimal(text: string): number {
  const value = text.trim().replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
}
