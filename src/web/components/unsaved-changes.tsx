import { Button, Group, Modal, Text } from "@mantine/core";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router";

/**
 * Asks before leaving a form with changes that are not saved: inside the app with a dialog (stay, or leave
 * and lose them), and when the tab is closed or reloaded with the browser's own question. Long forms such
 * as the survey builder take minutes to fill, and a tap on the navigation would otherwise lose them.
 */
export function UnsavedChangesGuard({ isDirty }: { isDirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => isDirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!isDirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [isDirty]);
  const isBlocked = blocker.state === "blocked";
  return (
    <Modal opened={isBlocked} onClose={() => blocker.reset?.()} title={t("common.unsaved.title")} centered>
      <Text size="sm">{t("common.unsaved.text")}</Text>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={() => blocker.reset?.()} data-autofocus>
          {t("common.unsaved.stay")}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {t("common.unsaved.leave")}
        </Button>
      </Group>
    </Modal>
  );
}
