import { Button, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";

/** A dialog that asks one thing before acting; the error of the action stays inside it. */
function ActionModal({
  opened,
  onClose,
  title,
  text,
  children,
  confirmLabel,
  confirmColor,
  onConfirm,
  isPending,
  error,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  text: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  confirmColor?: string;
  onConfirm: () => void;
  isPending: boolean;
  error: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      centered
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
        noValidate
      >
        <Stack>
          <Text size="sm">{text}</Text>
          <FormAlert message={error} />
          {children}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" color={confirmColor} loading={isPending} data-testid="dialog-confirm">
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * Asks for the reason before a booking or a whole run is cancelled: the participants read it in their mail,
 * so it is required.
 */
export function ReasonModal({
  opened,
  onClose,
  title,
  text,
  reasonLabel,
  confirmLabel,
  onConfirm,
  isPending,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  text: ReactNode;
  reasonLabel: string;
  confirmLabel: string;
  onConfirm: (reason: string) => Promise<unknown>;
  isPending: boolean;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    if (!reason.trim()) {
      setFieldError(t("validation.required"));
      return;
    }
    setFieldError(null);
    try {
      await onConfirm(reason.trim());
      setReason("");
    } catch (caught) {
      setError(applyApiErrors(caught, (_path, message) => setFieldError(message)));
    }
  };
  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={title}
      text={text}
      confirmLabel={confirmLabel}
      confirmColor="red.9"
      onConfirm={() => void confirm()}
      isPending={isPending}
      error={error}
    >
      <Textarea
        label={reasonLabel}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={fieldError}
        required
        withAsterisk={false}
        autosize
        minRows={2}
        maxLength={500}
        data-autofocus
        data-testid="reason-input"
      />
    </ActionModal>
  );
}

/** Moves a participant to another run of the same series, with an optional note for her mail. */
export function MoveModal({
  opened,
  onClose,
  name,
  runs,
  onConfirm,
  isPending,
}: {
  opened: boolean;
  onClose: () => void;
  name: string;
  runs: { value: string; label: string }[];
  onConfirm: (toCourseId: string, reason: string) => Promise<unknown>;
  isPending: boolean;
}) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(runs[0]?.value ?? "");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    try {
      await onConfirm(target, reason.trim());
    } catch (caught) {
      setError(applyApiErrors(caught, () => undefined));
    }
  };
  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={t("training.web.run.moveTitle", { name })}
      text={t("training.web.run.moveText")}
      confirmLabel={t("training.web.run.moveConfirm")}
      onConfirm={() => void confirm()}
      isPending={isPending}
      error={error}
    >
      <NativeSelect
        label={t("training.web.run.moveTarget")}
        value={target}
        onChange={(event) => setTarget(event.currentTarget.value)}
        data={runs}
        data-autofocus
      />
      <Textarea
        label={t("training.web.run.moveReason")}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={500}
      />
    </ActionModal>
  );
}

/** Copies a run to a new one: the first session moves to the first date on or after the chosen day. */
export function CopyModal({
  opened,
  onClose,
  initialDate,
  onConfirm,
  isPending,
}: {
  opened: boolean;
  onClose: () => void;
  initialDate: string;
  onConfirm: (firstSessionFrom: string) => Promise<unknown>;
  isPending: boolean;
}) {
  const { t } = useTranslation();
  const [date, setDate] = useState(initialDate);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setError(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      setFieldError(t("validation.date"));
      return;
    }
    setFieldError(null);
    try {
      await onConfirm(date);
    } catch (caught) {
      setError(applyApiErrors(caught, (_path, message) => setFieldError(message)));
    }
  };
  return (
    <ActionModal
      opened={opened}
      onClose={onClose}
      title={t("training.web.run.copyTitle")}
      text={t("training.web.run.copyText")}
      confirmLabel={t("training.web.run.copyConfirm")}
      onConfirm={() => void confirm()}
      isPending={isPending}
      error={error}
    >
      <TextInput
        type="date"
        label={t("training.web.run.copyFrom")}
        value={date}
        onChange={(event) => setDate(event.currentTarget.value)}
        error={fieldError}
        required
        withAsterisk={false}
        data-autofocus
        data-testid="copy-date"
      />
    </ActionModal>
  );
}
