import { Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A titled block of a page (h2), e.g. one part of the account page; `id` makes it a link target. */
export function Section({
  id,
  title,
  intro,
  children,
}: {
  id?: string;
  title: string;
  intro?: ReactNode;
  children: ReactNode;
}) {
  const headingId = id ? `${id}-titel` : undefined;
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: "md", sm: "lg" }}
      id={id}
      aria-labelledby={headingId}
      // Linked sections (/app/konto#zwei-faktor) must not end up under the fixed header.
      style={{ scrollMarginTop: 72 }}
    >
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h3" id={headingId} tabIndex={id ? -1 : undefined} style={{ outline: "none" }}>
            {title}
          </Title>
          {intro && (
            <Text c="dimmed" size="sm" component="div">
              {intro}
            </Text>
          )}
        </Stack>
        {children}
      </Stack>
    </Paper>
  );
}
