import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { i18next } from "../app/i18n";

/** The confirmation after a change was saved. */
export function notifySuccess(message: string): void {
  notifications.show({
    color: "green",
    message,
    autoClose: 4000,
    closeButtonProps: { "aria-label": i18next.t("common.close") },
  });
}

/**
 * For Mantine's `form.onSubmit(…, onInvalid)`: puts the keyboard focus on the first field with an error,
 * so that screen readers read its message. Groups (checkboxes, radios) get the focus on their first option.
 */
export function focusFirstInvalid(
  _errors: unknown,
  _values: unknown,
  event?: { currentTarget: EventTarget | null } | undefined,
): void {
  const scope = event?.currentTarget instanceof HTMLElement ? event.currentTarget : document;
  requestAnimationFrame(() => {
    const first = scope.querySelector<HTMLElement>('[aria-invalid="true"], .mantine-InputWrapper-error');
    const target =
      first?.getAttribute("aria-invalid") === "true"
        ? first
        : first?.closest(".mantine-InputWrapper-root")?.querySelector<HTMLElement>("input, textarea, select");
    target?.focus();
  });
}

/**
 * The general message above a form (from the API) and the handler for a submission the form itself
 * rejected: that clears the old message and focuses the first field with an error.
 */
export function useFormError() {
  const [formError, setFormError] = useState<string | null>(null);
  const onInvalid: typeof focusFirstInvalid = (errors, values, event) => {
    setFormError(null);
    focusFirstInvalid(errors, values, event);
  };
  return { formError, setFormError, onInvalid };
}
