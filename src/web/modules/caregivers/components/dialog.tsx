import { Modal } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

interface Props {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}

/** A dialog for a form: full screen on phones, where a floating box would leave no room to type. */
export function FormDialog({ opened, onClose, title, children }: Props) {
  const { t } = useTranslation();
  const isPhone = useMediaQuery("(max-width: 40em)", false, { getInitialValueInEffect: false });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="xl"
      fullScreen={isPhone}
      closeOnClickOutside={false}
      closeButtonProps={{ "aria-label": t("common.close") }}
    >
      {opened && children}
    </Modal>
  );
}
