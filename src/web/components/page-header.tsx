import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { usePageMeta } from "./page-meta";

/** The page's one h1, an optional line below it and actions (buttons) beside it; also sets the tab title. */
export function PageHeader({
  title,
  description,
  actions,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  usePageMeta(title);
  return (
    <Group justify="space-between" align="flex-start" gap="sm" mb="lg">
      <Stack gap={4} style={{ flex: "1 1 16rem", minWidth: 0 }}>
        <Title order={1} fz={{ base: 26, sm: 32 }} style={{ overflowWrap: "break-word", hyphens: "auto" }}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" component="div">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
