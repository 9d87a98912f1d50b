import { Anchor, Box, Button, Collapse, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconChevronDown, IconChevronUp, IconMapPin, IconVideo } from "@tabler/icons-react";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { SessionDto } from "../../../../contracts/training";
import { useCourseFormat } from "./course-format";

/** The sessions of a run, one line each: day, time, UE, and the place or the online link. */
export function SessionList({ sessions }: { sessions: readonly SessionDto[] }) {
  const { t } = useTranslation();
  const format = useCourseFormat();
  if (sessions.length === 0) return <Text size="sm">{t("training.web.noSessionsYet")}</Text>;
  return (
    <Stack component="ol" gap={6} m={0} p={0} style={{ listStyle: "none" }} data-testid="session-list">
      {sessions.map((session) => (
        <Box
          component="li"
          key={session.id}
          py={4}
          style={{ borderBottom: "1px solid var(--mantine-color-gray-2)" }}
        >
          <Text size="sm" fw={500}>
            {t("training.web.sessionLine", {
              day: format.sessionDay(session.date),
              from: session.from,
              to: session.to,
              units: format.units(session.units),
            })}
          </Text>
          {session.place && (
            <Group gap={4} wrap="nowrap" align="flex-start">
              <IconMapPin size={14} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              <Text size="sm" c="dimmed" style={{ overflowWrap: "anywhere" }}>
                {session.place}
              </Text>
            </Group>
          )}
          {session.isOnline && (
            <Group gap={4} wrap="nowrap" align="flex-start">
              <IconVideo size={14} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
              {session.onlineUrl ? (
                <Anchor href={session.onlineUrl} size="sm" target="_blank" rel="noreferrer">
                  {t("training.web.onlineLink")}
                </Anchor>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("training.web.onlineLinkLater")}
                </Text>
              )}
            </Group>
          )}
        </Box>
      ))}
    </Stack>
  );
}

/** The sessions behind a button, so that a catalogue of twenty-session courses stays short on a phone. */
export function CollapsibleSessions({ sessions }: { sessions: readonly SessionDto[] }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const id = useId();
  return (
    <Stack gap={4}>
      <Button
        variant="subtle"
        size="compact-sm"
        px={0}
        w="fit-content"
        onClick={toggle}
        aria-expanded={opened}
        aria-controls={id}
        rightSection={
          opened ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />
        }
        data-testid="sessions-toggle"
      >
        {t("training.web.showSessions", { count: sessions.length })}
      </Button>
      <Collapse in={opened} id={id}>
        <SessionList sessions={sessions} />
      </Collapse>
    </Stack>
  );
}
