import { Button } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { applyLocale } from "./i18n";

/** Switches between German and English; the button names the language it switches to. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === "de" ? "en" : "de";
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      onClick={() => applyLocale(next)}
      lang={next}
      aria-label={`${t("common.language")}: ${t("common.switchLanguage")}`}
      data-testid="language-switch"
    >
      {t("common.switchLanguage")}
    </Button>
  );
}
