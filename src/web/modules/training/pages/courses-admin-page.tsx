import {
  Anchor,
  Box,
  Button,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { CourseListQuery, StaffCourseListItem } from "../../../../contracts/training";
import { COURSE_CATEGORIES, type CourseCategory } from "../../../../core/training/catalogue";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useUrlFilters } from "../../../components/url-filters";
import { adminPath, STAFF_ROLES, useStaffCourses } from "../booking-api";
import { CourseStatusBadge } from "../components/booking-badges";
import { useCourseFormat, usePlacesText } from "../components/course-format";

function CourseItem({ slug, course }: { slug: string; course: StaffCourseListItem }) {
  const { t } = useTranslation();
  const format = useCourseFormat();
  const placesText = usePlacesText();
  const headingId = `course-${course.id}`;
  return (
    <Paper withBorder p="md" component="li" aria-labelledby={headingId} data-testid="admin-course">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} fz="md" id={headingId} style={{ overflowWrap: "anywhere", minWidth: 0 }}>
            <Anchor component={Link} to={adminPath(slug, course.id)}>
              {course.title}
            </Anchor>
          </Title>
          <CourseStatusBadge status={course.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {format.category(course.category)} · {format.units(course.units)}
        </Text>
        <Text size="sm">
          {format.period(course.startsOn, course.endsOn)} ·{" "}
          {t("training.web.sessionCount", { count: course.sessionCount })}
        </Text>
        {course.nextSession && course.status !== "cancelled" && (
          <Text size="sm">
            {t("training.web.admin.nextSession", {
              day: format.sessionDay(course.nextSession.date),
              from: course.nextSession.from,
            })}
          </Text>
        )}
        <Text size="sm" fw={500} data-testid="admin-course-places">
          {placesText(course)}
        </Text>
        {course.trainers.length > 0 && (
          <Text size="sm" c="dimmed">
            {t("training.web.trainersLine", {
              names: course.trainers.map((trainer) => trainer.name).join(", "),
            })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

const WHEN = ["upcoming", "past"] as const;

function CoursesView({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const [params, updateParams] = useUrlFilters();
  const when = params.get("zeit") === "vergangen" ? "past" : "upcoming";
  const categoryParam = params.get("art") ?? "";
  const category = (COURSE_CATEGORIES as readonly string[]).includes(categoryParam)
    ? (categoryParam as CourseCategory)
    : undefined;
  const query: CourseListQuery = { when, ...(category ? { category } : {}) };
  const courses = useStaffCourses(membership.slug, query);
  const setParam = (key: string, value: string) => {
    updateParams({ [key]: value });
  };
  return (
    <Stack gap="md" maw={960}>
      <PageHeader
        title={t("training.web.admin.title")}
        description={t("training.web.admin.intro")}
        actions={
          <Button
            component={Link}
            to={adminPath(membership.slug, "neu")}
            leftSection={<IconPlus size={16} aria-hidden />}
            data-testid="course-new"
          >
            {t("training.web.admin.new")}
          </Button>
        }
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Box role="group" aria-labelledby="courses-when-label">
          <Text id="courses-when-label" size="sm" fw={500} mb={4}>
            {t("training.web.admin.when")}
          </Text>
          <SegmentedControl
            value={when}
            onChange={(value) => setParam("zeit", value === "past" ? "vergangen" : "")}
            data={WHEN.map((value) => ({ value, label: t(`training.web.admin.whenOptions.${value}`) }))}
          />
        </Box>
        <NativeSelect
          label={t("training.web.filterCategory")}
          value={category ?? ""}
          onChange={(event) => setParam("art", event.currentTarget.value)}
          data={[
            { value: "", label: t("training.web.allCategories") },
            ...COURSE_CATEGORIES.map((value) => ({ value, label: t(`training.categories.${value}`) })),
          ]}
          style={{ flex: "1 1 14rem", maxWidth: 320 }}
        />
      </Group>
      <QueryState query={courses}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t(when === "past" ? "training.web.admin.emptyPast" : "training.web.admin.empty")}</Text>
          ) : (
            <Stack
              component="ul"
              gap="sm"
              m={0}
              p={0}
              style={{ listStyle: "none" }}
              aria-busy={courses.isPlaceholderData}
              data-testid="admin-course-list"
            >
              {data.items.map((course) => (
                <CourseItem key={course.id} slug={membership.slug} course={course} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** "fortbildungen/verwalten": the organisation's runs, upcoming or past, by category, with places and waiting. */
export function CoursesAdminPage() {
  return <OrgGuard roles={STAFF_ROLES}>{(membership) => <CoursesView membership={membership} />}</OrgGuard>;
}
