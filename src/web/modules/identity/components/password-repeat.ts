import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { useSchemaValidation } from "../../../components/zod-form";

/**
 * The contract's validation plus "type the new password twice": a typo in a hidden field would otherwise
 * lock the person out.
 */
export function usePasswordRepeatValidation<S extends z.ZodType>(
  schema: S,
  passwordField: string,
  repeatField: string,
) {
  const { t } = useTranslation();
  const validateSchema = useSchemaValidation(schema);
  return (values: Record<string, unknown>) => {
    const errors = validateSchema(values);
    if (values[repeatField] !== values[passwordField]) errors[repeatField] = t("identity.passwordMismatch");
    return errors;
  };
}
