import { ApiError } from "../app/api";

/**
 * Puts the API's field problems onto a Mantine form's fields, and returns the general message for the
 * form's alert. Paths like "caregiver.postalCode" are mapped with an optional prefix to strip.
 */
export function applyApiErrors(
  error: unknown,
  setFieldError: (path: string, message: string) => void,
  stripPrefix = "",
): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  for (const field of error.fields) {
    const path =
      stripPrefix && field.path.startsWith(stripPrefix) ? field.path.slice(stripPrefix.length) : field.path;
    setFieldError(path, field.message);
  }
  return error.message;
}
