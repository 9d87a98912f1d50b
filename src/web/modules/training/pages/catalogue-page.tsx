import { Anchor, NativeSelect, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { COURSE_CATEGORIES, type CourseCategory } from "../../../../core/training/catalogue";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useUrlFilters } from "../../../components/url-filters";
import { trainingPath, useMemberCatalogue } from "../booking-api";
import { CatalogueItem } from "../components/booking-catalogue-item";

function CatalogueView({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const [params, updateParams] = useUrlFilters();
  const categoryParam = params.get("art") ?? "";
  const category = (COURSE_CATEGORIES as readonly string[]).includes(categoryParam)
    ? (categoryParam as CourseCategory)
    : "";
  const catalogue = useMemberCatalogue(membership.slug, category);
  return (
    <Stack gap="md" maw={820}>
      <PageHeader
        title={t("training.web.catalogue.title")}
        description={
          <>
            {t("training.web.catalogue.intro")}{" "}
            <Anchor component={Link} to={trainingPath(membership.slug, "meine")} underline="always">
              {t("training.web.nav.mine")}
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
      <QueryState query={catalogue}>
        {(data) =>
          data.items.length === 0 ? (
            <Text>{t("training.web.catalogue.empty")}</Text>
          ) : (
            <Stack
              component="ul"
              gap="md"
              m={0}
              p={0}
              style={{ listStyle: "none" }}
              aria-busy={catalogue.isPlaceholderData}
              data-testid="catalogue"
            >
              {data.items.map((course) => (
                <CatalogueItem key={course.id} slug={membership.slug} course={course} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

/** "fortbildungen": the runs meant for her, to book, to join the waiting list of, or to give back. */
export function CataloguePage() {
  return <OrgGuard>{(membership) => <CatalogueView membership={membership} />}</OrgGuard>;
}
