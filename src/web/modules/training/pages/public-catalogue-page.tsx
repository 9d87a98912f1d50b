import { Anchor, Button, Container, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { IconCalendarDown } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { COURSE_CATEGORIES, type CourseCategory } from "../../../../core/training/catalogue";
import { ApiError } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { Loading } from "../../../components/loading";
import { PageHeader } from "../../../components/page-header";
import { useUrlFilters } from "../../../components/url-filters";
import { publicCourseCalendarUrl, usePublicCatalogue } from "../booking-api";
import { GuestBookingForm } from "../components/booking-guest-form";
import { CourseCard } from "../components/course-card";
import { prerequisitesOf } from "../components/course-format";

/** /o/:slug/fortbildungen: the runs an organisation offers to everyone, with booking by e-mail. */
export function PublicCataloguePage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const [params, updateParams] = useUrlFilters();
  const categoryParam = params.get("art") ?? "";
  const category = (COURSE_CATEGORIES as readonly string[]).includes(categoryParam)
    ? (categoryParam as CourseCategory)
    : "";
  const catalogue = usePublicCatalogue(slug, category);

  if (catalogue.isPending) return <Loading />;
  if (catalogue.isError) {
    if (catalogue.error instanceof ApiError && catalogue.error.status === 404) {
      return (
        <Container size="sm" px={0} py="xl">
          <Stack>
            <PageHeader title={t("training.web.public.notFoundTitle")} />
            <Text>{t("training.web.public.notFoundText")}</Text>
            <Button component={Link} to="/" w="fit-content">
              {t("common.home")}
            </Button>
          </Stack>
        </Container>
      );
    }
    return <ErrorAlert error={catalogue.error} onRetry={() => void catalogue.refetch()} />;
  }
  const data = catalogue.data;
  return (
    <Container size="sm" px={0} py={{ base: 0, sm: "md" }}>
      <Stack gap="md">
        <PageHeader
          title={t("training.web.public.title")}
          description={
            <>
              {t("training.web.public.intro", { organisation: data.organisationName })}{" "}
              <Anchor component={Link} to={`/o/${slug}`} underline="always">
                {t("training.web.public.aboutOrganisation", { organisation: data.organisationName })}
              </Anchor>
            </>
          }
        />
        <NativeSelect
          label={t("training.web.filterCategory")}
          value={category}
          onChange={(event) => updateParams({ art: event.currentTarget.value })}
          data={[
            { value: "", label: t("training.web.allCategories") },
            ...COURSE_CATEGORIES.map((value) => ({ value, label: t(`training.categories.${value}`) })),
          ]}
          maw={360}
        />
        {data.items.length === 0 ? (
          <Text>{t("training.web.public.empty")}</Text>
        ) : (
          <Stack
            component="ul"
            gap="md"
            m={0}
            p={0}
            style={{ listStyle: "none" }}
            aria-busy={catalogue.isPlaceholderData}
            data-testid="public-catalogue"
          >
            {data.items.map((course) => (
              <CourseCard key={course.id} course={course} prerequisites={prerequisitesOf(course.category)}>
                {course.sessions.length > 0 && (
                  <Anchor
                    href={publicCourseCalendarUrl(slug, course.id)}
                    download
                    size="sm"
                    w="fit-content"
                    aria-label={`${t("training.web.calendarFile")}: ${course.title}`}
                  >
                    <IconCalendarDown size={14} aria-hidden /> {t("training.web.calendarFile")}
                  </Anchor>
                )}
                {course.bookingOpen ? (
                  <GuestBookingForm slug={slug} course={course} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t("training.web.book.closed")}
                  </Text>
                )}
              </CourseCard>
            ))}
          </Stack>
        )}
        <Title order={2} fz="h4">
          {t("training.web.public.membersTitle")}
        </Title>
        <Text size="sm">
          {t("training.web.public.membersText")}{" "}
          <Anchor component={Link} to="/anmelden" underline="always">
            {t("common.signIn")}
          </Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
