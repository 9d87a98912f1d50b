import { Box, Card, Stack, Table, Text } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";
import { Fragment, type ReactNode } from "react";

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** The card's title on phones (one column should be). */
  isPrimary?: boolean;
  /** Right-aligned in the table (numbers). */
  isNumeric?: boolean;
}

interface Props<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  testId?: string;
  rowTestId?: string;
}

/**
 * A table on wider screens and a list of cards on phones, where a five-column table would need sideways
 * scrolling. The caption is read by screen readers in both forms.
 */
export function ResponsiveTable<T>({ caption, columns, rows, rowKey, testId, rowTestId }: Props<T>) {
  const isPhone = useMediaQuery("(max-width: 40em)", false, { getInitialValueInEffect: false });
  const primary = columns.find((c) => c.isPrimary) ?? columns[0];
  if (isPhone) {
    return (
      <Box component="section" aria-label={caption} data-testid={testId}>
        <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {rows.map((row) => (
            <Card component="li" withBorder padding="sm" key={rowKey(row)} data-testid={rowTestId}>
              {primary && (
                <Text fw={600} mb={4}>
                  {primary.cell(row)}
                </Text>
              )}
              <Box
                component="dl"
                m={0}
                style={{
                  display: "grid",
                  gridTemplateColumns: "minmax(6rem, 40%) 1fr",
                  columnGap: 12,
                  rowGap: 4,
                }}
              >
                {columns
                  .filter((c) => c !== primary)
                  .map((c) => (
                    <Fragment key={c.key}>
                      <Text component="dt" size="sm" c="dimmed">
                        {c.header}
                      </Text>
                      <Text component="dd" size="sm" m={0} style={{ minWidth: 0, overflowWrap: "anywhere" }}>
                        {c.cell(row)}
                      </Text>
                    </Fragment>
                  ))}
              </Box>
            </Card>
          ))}
        </Stack>
      </Box>
    );
  }
  return (
    <ScrollRegion label={caption} testId={testId}>
      <Table striped highlightOnHover verticalSpacing="xs" miw={560} aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col" style={c.isNumeric ? { textAlign: "right" } : undefined}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)} data-testid={rowTestId}>
              {columns.map((c) => (
                <Table.Td key={c.key} style={c.isNumeric ? { textAlign: "right" } : undefined}>
                  {c.cell(row)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/**
 * A box that scrolls sideways when its table is wider than the screen; focusable and named so keyboard
 * users can scroll it too.
 */
export function ScrollRegion({
  label,
  testId,
  children,
}: {
  label: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    // tabIndex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <Box role="region" aria-label={label} tabIndex={0} data-testid={testId} style={{ overflowX: "auto" }}>
      {children}
    </Box>
  );
}
