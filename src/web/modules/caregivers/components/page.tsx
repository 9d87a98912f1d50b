import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { type ReactNode, useEffect, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

interface HeaderProps {
  title: string;
  /** A link back to the page above (list or board). */
  back?: { to: string; label: string };
  /** Buttons next to the title; they wrap below it on phones. */
  actions?: ReactNode;
  description?: ReactNode;
}

/** The page's one h1, also used as the browser tab's title. */
export function PageHeader({ title, back, actions, description }: HeaderProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t("common.appName")}`;
  }, [title, t]);
  return (
    <Stack gap={6}>
      {back && (
        <Anchor component={Link} to={back.to} size="sm" w="fit-content">
          <Group gap={4} wrap="nowrap">
            <IconArrowLeft size={16} aria-hidden="true" />
            {back.label}
          </Group>
        </Anchor>
      )}
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title
          order={1}
          style={{ fontSize: "clamp(1.35rem, 6vw, 2.125rem)", overflowWrap: "anywhere", hyphens: "auto" }}
        >
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {description && (
        <Text c="dimmed" size="sm">
          {description}
        </Text>
      )}
    </Stack>
  );
}

interface SectionProps {
  title: string;
  actions?: ReactNode;
  children: ReactNode;
  testId?: string;
}

/** A bordered part of a page with its h2; named by its heading for screen readers' landmarks. */
export function Section({ title, actions, children, testId }: SectionProps) {
  const id = useId();
  return (
    <Paper
      component="section"
      withBorder
      p={{ base: "sm", sm: "md" }}
      aria-labelledby={id}
      data-testid={testId}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          {actions && <Group gap="xs">{actions}</Group>}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/** Label–value pairs (a description list), two columns on wider screens. */
export function Facts({ items }: { items: { label: string; value: ReactNode; isWide?: boolean }[] }) {
  return (
    <Stack
      component="dl"
      gap="xs"
      m={0}
      style={{ display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 260px), 1fr))" }}
    >
      {items.map((item) => (
        <div key={item.label} style={item.isWide ? { gridColumn: "1 / -1" } : undefined}>
          <Text component="dt" size="sm" c="dimmed">
            {item.label}
          </Text>
          <Text component="dd" m={0} style={{ overflowWrap: "anywhere", whiteSpace: "pre-line" }}>
            {item.value}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
