import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../components/error-alert";

/**
 * Asks before a request leaves the search (withdrawn by the parents, closed by the office): why, and, for the
 * office, an internal note. Nothing happens until the confirming button is pressed.
 */
export function ReasonDialog<R extends string>({
  opened,
  onClose,
  title,
  text,
  reasons,
  reasonLabel,
  noteLabel,
  confirmLabel,
  onConfirm,
  isPending,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  text: string;
  reasons: readonly R[];
  reasonLabel: string;
  /** Without it, no note is asked for. */
  noteLabel?: string;
  confirmLabel: string;
  onConfirm: (input: { reason: R; note: string }) => void;
  isPending: boolean;
  error: string | null;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<R>(reasons[0] as R);
  const [note, setNote] = useState("");
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <Stack>
        <Text size="sm">{text}</Text>
        <FormAlert message={error} />
        <NativeSelect
          label={reasonLabel}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value as R)}
          data={reasons.map((r) => ({ value: r, label: t(`placement.reasons.${r}`) }))}
          data-testid="reason-select"
        />
        {noteLabel && (
          <Textarea
            label={noteLabel}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
          />
        )}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button
            color="red.9"
            loading={isPending}
            onClick={() => onConfirm({ reason, note })}
            data-autofocus
            data-testid="confirm-action"
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
