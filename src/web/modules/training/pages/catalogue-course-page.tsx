import { Anchor, Stack } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { trainingPath, useMemberCourse } from "../booking-api";
import { CatalogueItem } from "../components/booking-catalogue-item";

function CourseView({ membership, id }: { membership: MyMembership; id: string }) {
  const { t } = useTranslation();
  const course = useMemberCourse(membership.slug, id);
  return (
    <Stack gap="md" maw={820}>
      <Anchor component={Link} to={trainingPath(membership.slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("training.web.catalogue.back")}
      </Anchor>
      <QueryState query={course}>
        {(data) => (
          <>
            <PageHeader title={data.title} />
            <CatalogueItem slug={membership.slug} course={data} isStandalone />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** "fortbildungen/:id": one run for her, as mails and reminders link it, to book or give back. */
export function CatalogueCoursePage() {
  const { id = "" } = useParams();
  return <OrgGuard>{(membership) => <CourseView membership={membership} id={id} />}</OrgGuard>;
}
