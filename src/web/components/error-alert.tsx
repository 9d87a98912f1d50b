import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../app/api";

/** An error from the API (or the network) in plain words, with "try again" and, where it helps, the way out. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError ? apiError.message : t("errors.internal");
  const needsMfa = apiError?.code === "mfaSetupRequired";
  return (
    <Alert
      color={needsMfa ? "yellow" : "red"}
      icon={<IconAlertCircle aria-hidden />}
      title={needsMfa ? t("common.mfaRequiredTitle") : t("common.errorTitle")}
      role="alert"
    >
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        <Group gap="xs">
          {needsMfa && (
            <Button
              component={Link}
              to="/app/konto#zwei-faktor"
              size="xs"
              h="auto"
              py={6}
              styles={{ label: { whiteSpace: "normal" } }}
            >
              {t("common.setUpMfa")}
            </Button>
          )}
          {onRetry && !needsMfa && (
            <Button variant="default" size="xs" onClick={onRetry}>
              {t("common.retry")}
            </Button>
          )}
        </Group>
      </Stack>
    </Alert>
  );
}

/** The general message of a failed form submission; fields carry the details. */
export function FormAlert({ message }: { message: string | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle aria-hidden />} title={t("common.formErrorTitle")} role="alert">
      {message}
    </Alert>
  );
}
