import { Button, Group, Modal, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";

interface Props {
  /** The button's accessible name, e.g. "Pflegeerlaubnis 123 löschen". */
  label: string;
  question: string;
  onConfirm: () => Promise<unknown>;
  isPending: boolean;
  testId?: string;
}

/** A delete button that asks once more; the dialog closes when the deletion went through. */
export function ConfirmDelete({ label, question, onConfirm, isPending, testId }: Props) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        variant="subtle"
        color="red"
        c="red.9"
        size="xs"
        leftSection={<IconTrash size={16} aria-hidden="true" />}
        onClick={open}
        aria-label={label}
        data-testid={testId}
      >
        {t("common.delete")}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={label}
        centered
        closeButtonProps={{ "aria-label": t("common.close") }}
      >
        <Stack>
          <Text>{question}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              color="red.9"
              loading={isPending}
              onClick={() => {
                onConfirm().then(close, () => undefined);
              }}
              data-testid="confirm-delete"
            >
              {t("common.delete")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
