import { Button, Stack, Table, Text } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ScrollRegion } from "../modules/caregivers/components/responsive-table";

/** Building blocks of the report pages (placement, training): numbers, tables that scroll, downloads. */

export function useNumbers() {
  const { i18n } = useTranslation();
  const decimal = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(i18n.language, { style: "percent", maximumFractionDigits: 0 });
  return {
    number: (value: number | null) => (value === null ? "–" : decimal.format(value)),
    percent: (value: number | null) => (value === null ? "–" : percent.format(value)),
  };
}

/**
 * A table that scrolls sideways on a phone, named by its caption. A caption is as wide as its table, so on a
 * phone most of it would sit off screen: screen readers read the caption, everyone else reads the same words
 * wrapped above the scrolling box.
 */
export function ReportTable({
  caption,
  testId,
  minWidth,
  children,
}: {
  caption: string;
  testId: string;
  minWidth: number;
  children: ReactNode;
}) {
  return (
    <Stack gap={6}>
      <Text fw={600} aria-hidden="true">
        {caption}
      </Text>
      <ScrollRegion label={caption} testId={testId}>
        <Table striped withTableBorder verticalSpacing="xs" miw={minWidth}>
          <Table.Caption style={visuallyHidden}>{caption}</Table.Caption>
          {children}
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

export const visuallyHidden = {
  position: "absolute",
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;

export const numeric = { textAlign: "right" } as const;

export function Num({ children, isTotal }: { children: ReactNode; isTotal?: boolean }) {
  return (
    <Table.Td style={{ ...numeric, fontWeight: isTotal ? 700 : undefined, whiteSpace: "nowrap" }}>
      {children}
    </Table.Td>
  );
}

/** A download link styled as a button; `label` is what it shows, `accessibleName` what a screen reader says. */
export function DownloadButton({
  href,
  label,
  accessibleName,
  testId,
}: {
  href: string;
  label: string;
  accessibleName: string;
  testId: string;
}) {
  return (
    <Button
      component="a"
      href={href}
      download
      variant="default"
      w="fit-content"
      leftSection={<IconDownload size={16} aria-hidden="true" />}
      aria-label={accessibleName}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}
