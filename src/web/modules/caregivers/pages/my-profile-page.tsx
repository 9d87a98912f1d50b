import { Loader, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ApiError } from "../../../app/api";
import { useMyProfile } from "../api";
import { CapacitySection } from "../components/capacity-section";
import { DeadlineList } from "../components/deadline-list";
import { LoadError, Notice } from "../components/form-alert";
import { LicencesSection } from "../components/licences-section";
import { LocationSection } from "../components/location-section";
import { MyWeekSection } from "../components/my-week-section";
import { PageHeader, Section } from "../components/page";
import { ProfileSection } from "../components/profile-section";

/** "mein-profil": the day-care person's own record, her deadlines first and explained in plain words. */
export function MyProfilePage() {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const query = useMyProfile(orgSlug);

  if (query.isPending) return <Loader role="status" aria-label={t("common.loading")} />;
  if (query.isError) {
    const isMissing = query.error instanceof ApiError && query.error.status === 404;
    return (
      <Stack maw={960}>
        <PageHeader title={t("registry.mine.title")} />
        {isMissing ? <Notice>{t("registry.mine.noRecord")}</Notice> : <LoadError error={query.error} />}
      </Stack>
    );
  }
  const detail = query.data;
  const urgent = detail.deadlines.filter((d) => d.state !== "ok").length;
  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader title={t("registry.mine.title")} description={`${detail.firstName} ${detail.lastName}`} />
      <Section title={t("registry.mine.deadlines")} testId="my-deadlines">
        <Notice
          color={urgent > 0 ? "yellow" : "teal"}
          title={urgent > 0 ? t("registry.mine.todo", { count: urgent }) : t("registry.mine.allFine")}
        >
          {t("registry.mine.deadlinesIntro")}
        </Notice>
        <DeadlineList deadlines={detail.deadlines} today={detail.today} isExplained />
      </Section>
      <MyWeekSection orgSlug={orgSlug} />
      <ProfileSection orgSlug={orgSlug} detail={detail} canEdit isOwnProfile />
      <LocationSection orgSlug={orgSlug} detail={detail} canEdit isOwnProfile />
      <Text size="sm" c="dimmed">
        {t("registry.mine.officeKeeps")}
      </Text>
      <LicencesSection orgSlug={orgSlug} detail={detail} canEdit={false} />
      <CapacitySection orgSlug={orgSlug} detail={detail} canEdit={false} />
    </Stack>
  );
}
