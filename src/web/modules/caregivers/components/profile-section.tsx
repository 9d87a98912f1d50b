import { Anchor, Button, Stack, Text } from "@mantine/core";
import { IconPencil } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CaregiverDetail } from "../api";
import { FormDialog } from "./dialog";
import { Facts, Section } from "./page";
import { PhotoPanel } from "./photo-panel";
import { ProfileForm } from "./profile-form";

interface Props {
  orgSlug: string;
  detail: CaregiverDetail;
  canEdit: boolean;
  /** The day-care person's own view: she edits through her own profile route. */
  isOwnProfile?: boolean;
}

/**
 * Photo, contact, place of care and profile in words; editing opens a dialog with the same fields as the new
 * form.
 */
export function ProfileSection({ orgSlug, detail, canEdit, isOwnProfile = false }: Props) {
  const { t } = useTranslation();
  const [isEditing, setEditing] = useState(false);
  const yesNo = (value: boolean) => (value ? t("common.yes") : t("common.no"));
  const dash = "–";
  const address = [detail.street, `${detail.postalCode} ${detail.town}`].filter(Boolean).join(", ");
  const items: { label: string; value: ReactNode; isWide?: boolean }[] = [
    {
      label: t("registry.fields.email"),
      value: detail.email ? <Anchor href={`mailto:${detail.email}`}>{detail.email}</Anchor> : dash,
    },
    {
      label: t("registry.fields.phone"),
      value: detail.phone ? (
        <Anchor href={`tel:${detail.phone.replace(/\s+/g, "")}`}>{detail.phone}</Anchor>
      ) : (
        dash
      ),
    },
    { label: t("registry.fields.address"), value: address },
    { label: t("registry.fields.careGroupName"), value: detail.careGroupName ?? dash },
    { label: t("registry.fields.employment"), value: t(`registry.employment.${detail.employment}`) },
    { label: t("registry.fields.status"), value: t(`registry.statuses.${detail.status}`) },
    { label: t("registry.fields.languages"), value: detail.languages.join(", ") || dash },
    {
      label: t("registry.fields.ageRange"),
      value: t("registry.fields.ageRangeValue", { min: detail.ageMinMonths, max: detail.ageMaxMonths }),
    },
    {
      label: t("registry.fields.hasPets"),
      value: detail.hasPets
        ? `${t("common.yes")}${detail.petsNote ? ` – ${detail.petsNote}` : ""}`
        : t("common.no"),
    },
    { label: t("registry.fields.hasInclusionExperience"), value: yesNo(detail.hasInclusionExperience) },
    { label: t("registry.fields.hasPhotoConsent"), value: yesNo(detail.hasPhotoConsent) },
    { label: t("registry.fields.meals"), value: detail.meals || dash, isWide: detail.meals.length > 80 },
    {
      label: t("registry.fields.pedagogy"),
      value: detail.pedagogy || dash,
      isWide: detail.pedagogy.length > 80,
    },
  ];
  if (!isOwnProfile) {
    items.push({ label: t("registry.fields.hasAccount"), value: yesNo(detail.hasAccount) });
  }
  return (
    <Section
      title={t("registry.detail.profile")}
      testId="profile-section"
      actions={
        canEdit && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPencil size={16} aria-hidden="true" />}
            onClick={() => setEditing(true)}
            data-testid="profile-edit"
          >
            {t("registry.detail.editProfile")}
          </Button>
        )
      }
    >
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t("registry.photo.title")}
        </Text>
        <PhotoPanel orgSlug={orgSlug} detail={detail} canEdit={canEdit} isOwnProfile={isOwnProfile} />
      </Stack>
      <Facts items={items} />
      <FormDialog
        opened={isEditing}
        onClose={() => setEditing(false)}
        title={t("registry.detail.editProfile")}
      >
        <ProfileForm
          orgSlug={orgSlug}
          detail={detail}
          isOwnProfile={isOwnProfile}
          onDone={() => setEditing(false)}
        />
      </FormDialog>
    </Section>
  );
}
