import { notifications } from "@mantine/notifications";

/** The confirmation after a change was saved. */
export function notifySuccess(message: string): void {
  notifications.show({ color: "green", message, autoClose: 4000 });
}

/**
 * For Mantine's `form.onSubmit(…, onInvalid)`: puts the keyboard focus on the first field with an error,
 * so that screen readers read its message.
 */
export function focusFirstInvalid(
  _errors: unknown,
  _values: unknown,
  event?: { currentTarget: EventTarget | null } | undefined,
): void {
  const form = event?.currentTarget instanceof HTMLElement ? event.currentTarget : document;
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
