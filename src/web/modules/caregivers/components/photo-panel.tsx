import { Button, FileButton, Group, Image, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconUpload } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { photoContentTypes, photoMaxBytes } from "../../../../contracts/caregivers";
import { ApiError, del, upload } from "../../../app/api";
import { type CaregiverDetail, caregiverKeys } from "../api";
import { orgApi } from "../format";
import { useSaveMutation } from "../mutation";
import { ConfirmDelete } from "./confirm-delete";
import { Notice } from "./form-alert";

/**
 * When each photo was last changed in this browser. The server lets the browser keep a photo for five
 * minutes under the same address, so after a change the address gets this as a version to show the new one
 * at once. Kept outside the component so it survives leaving and coming back to the page.
 */
const photoRevisions = new Map<string, number>();

const acceptedTypes: readonly string[] = photoContentTypes;

interface Props {
  orgSlug: string;
  detail: CaregiverDetail;
  canEdit: boolean;
  /** Her own profile: the photo lives under her own profile's address. */
  isOwnProfile: boolean;
}

/** The day-care person's photo (only ever stored with her consent) and, for those who may, its upload. */
export function PhotoPanel({ orgSlug, detail, canEdit, isOwnProfile }: Props) {
  const { t } = useTranslation();
  const url = isOwnProfile
    ? `${orgApi(orgSlug)}/my-profile/photo`
    : `${orgApi(orgSlug)}/caregivers/${encodeURIComponent(detail.id)}/photo`;
  const [revision, setRevision] = useState(() => photoRevisions.get(url) ?? 0);
  const [problem, setProblem] = useState<string | null>(null);
  const resetFile = useRef<() => void>(null);
  const name = `${detail.firstName} ${detail.lastName}`;

  const changed = () => {
    const next = Date.now();
    photoRevisions.set(url, next);
    setRevision(next);
    setProblem(null);
  };
  const showError = (error: unknown) =>
    setProblem(
      error instanceof ApiError
        ? (error.fields[0]?.message ?? error.message)
        : error instanceof Error
          ? error.message
          : String(error),
    );
  const save = useSaveMutation({
    mutationFn: (file: File) => upload<CaregiverDetail>(url, file),
    successMessage: t("registry.photo.saved"),
    invalidate: [caregiverKeys.all(orgSlug)],
    onSuccess: changed,
    onError: showError,
  });
  const remove = useSaveMutation({
    mutationFn: () => del<CaregiverDetail>(url),
    successMessage: t("registry.photo.removed"),
    invalidate: [caregiverKeys.all(orgSlug)],
    onSuccess: changed,
    onError: showError,
  });

  // Checked here as well, so a wrong or large file is named before it is sent; the server decides anyway.
  const choose = (file: File | null) => {
    resetFile.current?.();
    if (!file) return;
    if (!acceptedTypes.includes(file.type)) return setProblem(t("registry.photo.wrongType"));
    if (file.size > photoMaxBytes) return setProblem(t("registry.photo.tooLarge"));
    setProblem(null);
    save.mutate(file);
  };

  const photo = detail.hasPhoto ? (
    <Image
      src={revision ? `${url}?v=${revision}` : url}
      alt={t("registry.photo.alt", { name })}
      w={144}
      h={144}
      fit="cover"
      radius="md"
      data-testid="caregiver-photo"
    />
  ) : (
    <Text c="dimmed" size="sm">
      {t("registry.photo.none")}
    </Text>
  );
  if (!canEdit) return <div data-testid="photo-panel">{photo}</div>;

  return (
    <Stack gap="xs" data-testid="photo-panel">
      <Group align="flex-end" gap="md">
        {photo}
        {detail.hasPhotoConsent && (
          <Stack gap={4}>
            <Group gap="xs">
              <FileButton onChange={choose} accept={photoContentTypes.join(",")} resetRef={resetFile}>
                {(props) => (
                  <Button
                    {...props}
                    size="xs"
                    variant="light"
                    leftSection={<IconUpload size={16} aria-hidden="true" />}
                    loading={save.isPending}
                    data-testid="photo-upload"
                  >
                    {detail.hasPhoto ? t("registry.photo.replace") : t("registry.photo.upload")}
                  </Button>
                )}
              </FileButton>
              {detail.hasPhoto && (
                <ConfirmDelete
                  label={t("registry.photo.remove")}
                  question={t("registry.photo.removeQuestion")}
                  onConfirm={() => remove.mutateAsync()}
                  isPending={remove.isPending}
                  testId="photo-remove"
                />
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t("registry.photo.rules")}
            </Text>
          </Stack>
        )}
      </Group>
      {problem && (
        <Text role="alert" size="sm" c="red.9">
          <IconAlertCircle size={16} aria-hidden="true" style={{ verticalAlign: "text-bottom" }} /> {problem}
        </Text>
      )}
      {detail.hasPhotoConsent ? (
        detail.hasPhoto && (
          <Text size="xs" c="dimmed">
            {t("registry.photo.withdrawNote")}
          </Text>
        )
      ) : (
        <Notice role="status" title={t("registry.photo.consentMissingTitle")} testId="photo-consent-missing">
          {isOwnProfile ? t("registry.photo.consentMissingOwn") : t("registry.photo.consentMissing")}
        </Notice>
      )}
    </Stack>
  );
}
