import { Anchor, Stack } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { StaffCourseDetail } from "../../../../contracts/training";
import { ApiError, post, put } from "../../../app/api";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useOrganisationSettings } from "../../organisations/api";
import {
  adminPath,
  courseApi,
  coursesApi,
  STAFF_ROLES,
  storeCourse,
  useStaffCourse,
  useTrainingPeople,
} from "../booking-api";
import { CourseForm, type SubmitMode, type SubmitOutcome } from "../components/course-form";
import {
  type CourseFormValues,
  courseValues,
  newCourseValues,
  sessionRows,
  toCourseBody,
} from "../components/course-form-values";

function EditForm({
  slug,
  course,
  initialValues,
}: {
  slug: string;
  course: StaffCourseDetail | null;
  initialValues: CourseFormValues;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const settings = useOrganisationSettings(slug);
  const people = useTrainingPeople(slug);
  // A new run that was saved but could not be published yet is changed from then on, not created again.
  const [savedId, setSavedId] = useState<string | null>(course?.id ?? null);
  const [isPending, setPending] = useState(false);

  const submit = async (values: CourseFormValues, mode: SubmitMode): Promise<SubmitOutcome> => {
    setPending(true);
    try {
      const body = toCourseBody(values, course?.seriesId);
      const saved = savedId
        ? await put<StaffCourseDetail>(courseApi(slug, savedId), body)
        : await post<StaffCourseDetail>(coursesApi(slug), body);
      setSavedId(saved.id);
      await storeCourse(client, slug, saved);
      // The stored order of the sessions is the one the problems' indexes refer to.
      const stored = { sessions: sessionRows(saved.sessions) };
      if (mode === "publish" && saved.status === "draft") {
        if (saved.problems.length > 0) return { ...stored, problems: saved.problems };
        try {
          const published = await post<StaffCourseDetail>(`${courseApi(slug, saved.id)}/publish`);
          await storeCourse(client, slug, published);
        } catch (error) {
          if (error instanceof ApiError && error.fields.length > 0)
            return {
              ...stored,
              problems: error.fields.map((field) => ({ code: error.code, ...field })),
            };
          throw error;
        }
        notifySuccess(t("training.web.form.published"));
      } else {
        notifySuccess(t(savedId ? "training.web.form.saved" : "training.web.form.created"));
      }
      await navigate(adminPath(slug, saved.id));
      return { problems: [] };
    } finally {
      setPending(false);
    }
  };

  return (
    <QueryState query={settings}>
      {(organisation) => (
        <QueryState query={people}>
          {(list) => (
            <CourseForm
              initialValues={initialValues}
              rules={organisation.statePreset.rules}
              people={list.items}
              isPublished={course?.status === "published"}
              onSubmit={submit}
              isPending={isPending}
            />
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

function NewCourse({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const settings = useOrganisationSettings(membership.slug);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={adminPath(membership.slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("training.web.admin.back")}
      </Anchor>
      <PageHeader title={t("training.web.form.newTitle")} description={t("training.web.form.newIntro")} />
      <QueryState query={settings}>
        {(organisation) => (
          <EditForm
            slug={membership.slug}
            course={null}
            initialValues={newCourseValues(organisation.statePreset.rules)}
          />
        )}
      </QueryState>
    </Stack>
  );
}

function ExistingCourse({ membership, id }: { membership: MyMembership; id: string }) {
  const { t } = useTranslation();
  const course = useStaffCourse(membership.slug, id);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={adminPath(membership.slug, id)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("training.web.form.backToCourse")}
      </Anchor>
      <QueryState query={course}>
        {(data) => (
          <>
            <PageHeader title={t("training.web.form.editTitle", { title: data.title })} />
            <EditForm slug={membership.slug} course={data} initialValues={courseValues(data)} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

/** "fortbildungen/verwalten/neu" and "…/:id/bearbeiten": plan a run with its sessions, and publish it. */
export function CourseEditPage() {
  const { id } = useParams();
  return (
    <OrgGuard roles={STAFF_ROLES}>
      {(membership) =>
        id ? <ExistingCourse membership={membership} id={id} /> : <NewCourse membership={membership} />
      }
    </OrgGuard>
  );
}
