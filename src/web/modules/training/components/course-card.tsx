import { Anchor, Box, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SessionDto } from "../../../../contracts/training";
import type { CourseCategory } from "../../../../core/training/catalogue";
import { useCourseFormat, usePlaceSummary, usePlacesText } from "./course-format";
import { CollapsibleSessions } from "./course-sessions";

/** What a catalogue card shows of a run; members and guests see the same facts. */
export interface CardCourse {
  id: string;
  category: CourseCategory;
  title: string;
  description: string;
  units: number;
  startsOn: string;
  endsOn: string;
  feeCents: number;
  capacity?: number;
  freePlaces: number;
  waitingCount: number;
  trainers: string[];
  sessions: SessionDto[];
  isRefresher?: boolean;
  materials?: string;
}

/**
 * One run in a catalogue: dates, sessions (folded away), place, free places or waiting list, fee and
 * prerequisites, then what the reader can do (`children`).
 */
export function CourseCard({
  course,
  prerequisites,
  titleHref,
  isStandalone = false,
  children,
}: {
  course: CardCourse;
  prerequisites: readonly CourseCategory[];
  /** The run's own page, linked from its title in a list. */
  titleHref?: string;
  /** On the run's own page: not a list item, and the page's heading names it. */
  isStandalone?: boolean;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const format = useCourseFormat();
  const placeSummary = usePlaceSummary();
  const placesText = usePlacesText();
  const headingId = `card-${course.id}`;
  const isFull = course.freePlaces === 0 || course.waitingCount > 0;
  return (
    <Paper
      withBorder
      p="md"
      component={isStandalone ? "div" : "li"}
      aria-labelledby={isStandalone ? undefined : headingId}
      data-testid="catalogue-course"
    >
      <Stack gap="xs">
        <Box>
          <Text size="sm" c="dimmed">
            {format.category(course.category)} · {format.units(course.units)}
          </Text>
          {!isStandalone && (
            <Title order={3} fz="lg" id={headingId} style={{ overflowWrap: "anywhere" }}>
              {titleHref ? (
                <Anchor component={Link} to={titleHref} inherit>
                  {course.title}
                </Anchor>
              ) : (
                course.title
              )}
            </Title>
          )}
        </Box>
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {format.period(course.startsOn, course.endsOn)} ·{" "}
            {t("training.web.sessionCount", { count: course.sessions.length })}
          </Text>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {placeSummary(course.sessions)}
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text size="sm" fw={600} c={isFull ? undefined : "teal.9"} data-testid="catalogue-places">
            {course.capacity !== undefined
              ? placesText({
                  capacity: course.capacity,
                  freePlaces: course.freePlaces,
                  waitingCount: course.waitingCount,
                })
              : isFull
                ? t("training.web.waitingListOnly", { count: course.waitingCount })
                : t("training.web.placesLeft", { count: course.freePlaces })}
          </Text>
          <Text size="sm">{t("training.web.feeLine", { fee: format.fee(course.feeCents) })}</Text>
        </Stack>
        {prerequisites.length > 0 && (
          <Text size="sm">
            {t("training.web.prerequisites", {
              list: prerequisites.map((category) => format.category(category)).join(", "),
            })}
          </Text>
        )}
        {course.isRefresher && <Text size="sm">{t("training.web.refresherNeedsCertificate")}</Text>}
        {course.trainers.length > 0 && (
          <Text size="sm" c="dimmed">
            {t("training.web.trainersLine", { names: course.trainers.join(", ") })}
          </Text>
        )}
        {course.description && (
          <Text size="sm" style={{ whiteSpace: "pre-line" }}>
            {course.description}
          </Text>
        )}
        {course.materials && (
          <Text size="sm" style={{ whiteSpace: "pre-line" }}>
            <Text span fw={600} size="sm">
              {t("training.web.materials")}:
            </Text>{" "}
            {course.materials}
          </Text>
        )}
        {course.sessions.length > 0 && <CollapsibleSessions sessions={course.sessions} />}
        {children}
      </Stack>
    </Paper>
  );
}
