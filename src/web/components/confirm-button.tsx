import { Button, type ButtonProps, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

/** A button that asks before it acts (sign out everywhere, disable two-factor sign-in …). */
export function ConfirmButton({
  children,
  title,
  message,
  confirmLabel,
  onConfirm,
  loading,
  color,
  ...buttonProps
}: Omit<ButtonProps, "children"> & {
  children: ReactNode;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => unknown;
  loading?: boolean;
  "data-testid"?: string;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const confirm = async () => {
    await onConfirm();
    close();
  };
  return (
    <>
      <Button color={color} loading={loading} onClick={open} {...buttonProps}>
        {children}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={title}
        centered
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <Stack>
          <Text>{message}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              color={color}
              loading={loading}
              onClick={() => void confirm()}
              data-autofocus
              data-testid="confirm-action"
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
