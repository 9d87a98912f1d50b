import { Badge, Group, Loader, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { hasAnyRole, useMembership } from "../../../app/session";
import { useCaregiver } from "../api";
import { CapacitySection } from "../components/capacity-section";
import { DeadlineList } from "../components/deadline-list";
import { LoadError } from "../components/form-alert";
import { LicencesSection } from "../components/licences-section";
import { LocationSection } from "../components/location-section";
import { PageHeader, Section } from "../components/page";
import { ProfileSection } from "../components/profile-section";
import { QualificationsSection } from "../components/qualifications-section";
import { orgPath } from "../format";

/** "tagespflegepersonen/:id": everything the office keeps about one day-care person. */
export function CaregiverDetailPage() {
  const { t } = useTranslation();
  const { orgSlug = "", id = "" } = useParams();
  const membership = useMembership(orgSlug);
  const canEdit = hasAnyRole(membership, ["admin", "coordinator"]);
  const query = useCaregiver(orgSlug, id);
  const back = { to: orgPath(orgSlug, "tagespflegepersonen"), label: t("registry.list.title") };

  if (query.isPending) return <Loader role="status" aria-label={t("common.loading")} />;
  if (query.isError) {
    return (
      <Stack maw={1100}>
        <PageHeader title={t("registry.detail.notFound")} back={back} />
        <LoadError error={query.error} />
      </Stack>
    );
  }
  const detail = query.data;
  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        title={`${detail.firstName} ${detail.lastName}`}
        back={back}
        description={
          <Group gap="xs" component="span">
            <Text span size="sm">
              {detail.postalCode} {detail.town}
            </Text>
            <Badge color={detail.status === "active" ? "teal.9" : "gray.8"} tt="none" component="span">
              {t(`registry.statuses.${detail.status}`)}
            </Badge>
          </Group>
        }
      />
      <Section title={t("registry.deadlines.title")} testId="deadlines-section">
        <DeadlineList deadlines={detail.deadlines} today={detail.today} />
      </Section>
      <ProfileSection orgSlug={orgSlug} detail={detail} canEdit={canEdit} />
      <LocationSection orgSlug={orgSlug} detail={detail} canEdit={canEdit} />
      <LicencesSection orgSlug={orgSlug} detail={detail} canEdit={canEdit} />
      <CapacitySection orgSlug={orgSlug} detail={detail} canEdit={canEdit} />
      <QualificationsSection orgSlug={orgSlug} detail={detail} canEdit={canEdit} />
    </Stack>
  );
}
