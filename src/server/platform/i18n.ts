import i18next, { type TFunction } from "i18next";
import { type Locale, resources } from "../../contracts/i18n";

const instance = i18next.createInstance();
void instance.init({
  resources,
  lng: "de",
  fallbackLng: "de",
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** The server's i18next instance, for asking whether a label exists (action codes without one stay codes). */
export const i18n = instance;

/** A translate function for one language, for error messages and mails. */
export function translator(locale: Locale): TFunction {
  return instance.getFixedT(locale);
}
