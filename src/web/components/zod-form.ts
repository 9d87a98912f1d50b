import { zod4Resolver } from "mantine-form-zod-resolver";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";

/**
 * A Mantine form validator from a contract schema: the same rules as the server, with the schema's own
 * messages ("v.<key>") translated and zod's built-in ones in the current language (set in app/i18n).
 */
export function useSchemaValidation<Values = Record<string, unknown>>(schema: z.ZodType) {
  const { t, i18n } = useTranslation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the language changes the messages
  return useMemo(() => {
    const resolve = zod4Resolver(schema as never);
    return (values: Values) => {
      const errors = resolve(values as never) as Record<string, string>;
      const translated: Record<string, string> = {};
      for (const [path, message] of Object.entries(errors)) {
        translated[path] =
          typeof message === "string" && message.startsWith("v.")
            ? t(`validation.${message.slice(2)}`)
            : message;
      }
      return translated;
    };
  }, [schema, t, i18n.language]);
}
