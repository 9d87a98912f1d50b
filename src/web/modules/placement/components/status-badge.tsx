import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { PlacementStatus } from "../../../../contracts/placement";

/** Colours with at least 4.5:1 contrast to their text; the word carries the meaning. */
const colours: Record<PlacementStatus, string> = {
  unconfirmed: "gray.7",
  open: "blue.8",
  suggested: "violet.8",
  offered: "yellow.4",
  placed: "teal.9",
  withdrawn: "gray.7",
  closed: "gray.7",
};

export function StatusBadge({ status, size = "md" }: { status: PlacementStatus; size?: "sm" | "md" | "lg" }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={colours[status]}
      autoContrast
      size={size}
      tt="none"
      variant="filled"
      data-testid="request-status"
    >
      {t(`placement.statuses.${status}`)}
    </Badge>
  );
}
