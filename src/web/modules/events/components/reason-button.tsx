import { Button, type ButtonProps, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../../components/error-alert";

/**
 * A button that asks before it cancels something and takes the reason that goes into the mail to the people
 * registered. With `isReasonRequired`, the confirmation waits for a reason.
 */
export function ReasonButton({
  children,
  title,
  message,
  reasonLabel,
  confirmLabel,
  isReasonRequired = false,
  onConfirm,
  loading,
  error,
  ...buttonProps
}: Omit<ButtonProps, "children"> & {
  children: string;
  title: string;
  message: string;
  reasonLabel: string;
  confirmLabel: string;
  isReasonRequired?: boolean;
  onConfirm: (reason: string) => Promise<unknown>;
  loading?: boolean;
  error?: unknown;
  "data-testid"?: string;
}) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState("");
  const [isMissing, setMissing] = useState(false);
  const confirm = async () => {
    if (isReasonRequired && reason.trim() === "") {
      setMissing(true);
      return;
    }
    try {
      await onConfirm(reason.trim());
      setReason("");
      close();
    } catch {
      // The error is shown in the dialog from `error`; the dialog stays open to try again.
    }
  };
  return (
    <>
      <Button variant="default" color="red.9" onClick={open} {...buttonProps}>
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
          {Boolean(error) && <ErrorAlert error={error} />}
          <Textarea
            label={reasonLabel}
            required={isReasonRequired}
            withAsterisk={false}
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissing(false);
            }}
            error={isMissing ? t("validation.required") : undefined}
            data-autofocus
            data-testid="reason-input"
          />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red.9"
              loading={loading}
              onClick={() => void confirm()}
              data-testid="reason-confirm"
            >
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
