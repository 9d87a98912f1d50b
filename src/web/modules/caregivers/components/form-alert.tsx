import { Alert, type AlertProps } from "@mantine/core";
import { IconAlertCircle, IconInfoCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface NoticeProps extends Omit<AlertProps, "title" | "children"> {
  title?: ReactNode;
  children?: ReactNode;
  role?: "alert" | "status";
  testId?: string;
}

/**
 * A coloured box with an icon. Its title keeps the normal text colour: the theme's coloured titles on the
 * light tint fall short of 4.5:1 contrast.
 */
export function Notice({ title, children, color = "blue", icon, role, testId, ...rest }: NoticeProps) {
  return (
    <Alert
      variant="light"
      color={color}
      icon={icon ?? <IconInfoCircle aria-hidden="true" />}
      title={title}
      role={role}
      data-testid={testId}
      styles={{
        title: { color: "var(--mantine-color-text)" },
        message: { color: "var(--mantine-color-text)" },
      }}
      {...rest}
    >
      {children}
    </Alert>
  );
}

/** The form's general message; role="alert" makes screen readers announce it when it appears. */
export function FormAlert({ message }: { message: string | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Notice
      role="alert"
      color="red"
      icon={<IconAlertCircle aria-hidden="true" />}
      title={t("registry.form.problemTitle")}
    >
      {message}
    </Notice>
  );
}

/** Shown instead of a page's content when its data could not be loaded. */
export function LoadError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const message = error instanceof Error ? error.message : t("errors.internal");
  return (
    <Notice
      role="alert"
      color="red"
      icon={<IconAlertCircle aria-hidden="true" />}
      title={t("registry.loadError")}
    >
      {message}
    </Notice>
  );
}

/**
 * After a failed submit, moves the keyboard focus to the first field with an error, so keyboard and
 * screen-reader users land where the fix is needed.
 */
export function focusFirstError(): void {
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('form [aria-invalid="true"]');
    field?.focus();
  });
}
