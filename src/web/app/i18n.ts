import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { z } from "zod";
import { defaultLocale, type Locale, locales, pickLocale, resources } from "../../contracts/i18n";

const STORAGE_KEY = "ktp_lang";

function initialLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (locales as readonly string[]).includes(stored)) return stored as Locale;
  return pickLocale(navigator.languages.join(",")) ?? defaultLocale;
}

/** Remembers the language and tells the server, so that its messages (errors, mails) match. */
export function applyLocale(locale: Locale): void {
  localStorage.setItem(STORAGE_KEY, locale);
  // biome-ignore lint/suspicious/noDocumentCookie: a plain cookie is the simplest way to tell every API request
  document.cookie = `ktp_lang=${locale}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = locale;
  // Built-in validation messages (too short, wrong type) in the same language as the interface.
  z.config(locale === "de" ? z.locales.de() : z.locales.en());
  void i18next.changeLanguage(locale);
}

const locale = initialLocale();
void i18next.use(initReactI18next).init({
  resources,
  lng: locale,
  fallbackLng: defaultLocale,
  interpolation: { escapeValue: false },
  initAsync: false,
});
applyLocale(locale);

export { i18next };
