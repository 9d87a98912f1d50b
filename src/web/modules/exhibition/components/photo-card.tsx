import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Image,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { type ExhibitionPhoto, photoUpdateInput } from "../../../../contracts/exhibition";
import { ConfirmButton } from "../../../components/confirm-button";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { useSchemaValidation } from "../../../components/zod-form";
import { useDeletePhoto, usePublishPhoto, useUpdatePhoto } from "../api";
import { ConsentPanel, ConsentProblems } from "./consent-panel";

function PublishSwitch({ photo }: { photo: ExhibitionPhoto }) {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const publish = usePublishPhoto(orgSlug, photo.exhibitionId, photo.id);
  const [error, setError] = useState<string | null>(null);
  const problemsId = `problems-${photo.id}`;
  // Unpublishing is always allowed; publishing only once every consent holds.
  const blocked = !photo.isPublished && !photo.publishable;
  const change = async (isPublished: boolean) => {
    setError(null);
    try {
      await publish.mutateAsync(isPublished);
      notifySuccess(isPublished ? t("exhibition.photos.published") : t("exhibition.photos.unpublished"));
    } catch (failure) {
      setError(applyApiErrors(failure, () => undefined));
    }
  };
  return (
    <Stack gap="xs">
      <ConsentProblems id={problemsId} problems={photo.problems} />
      <Switch
        label={t("exhibition.photos.publish")}
        description={blocked ? t("exhibition.photos.publishBlocked") : undefined}
        checked={photo.isPublished}
        disabled={blocked || publish.isPending}
        onChange={(event) => void change(event.currentTarget.checked)}
        aria-describedby={photo.problems.length > 0 ? problemsId : undefined}
        data-testid="publish-switch"
      />
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
    </Stack>
  );
}

function PhotoTexts({ photo }: { photo: ExhibitionPhoto }) {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const update = useUpdatePhoto(orgSlug, photo.exhibitionId, photo.id);
  const { formError, setFormError, onInvalid } = useFormError();
  const validate = useSchemaValidation(photoUpdateInput);
  const form = useForm({
    initialValues: {
      caption: photo.caption,
      altText: photo.altText,
      credit: photo.credit,
      position: photo.position,
      noIdentifiablePeople: photo.noIdentifiablePeople,
    },
    validate,
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await update.mutateAsync(values);
      notifySuccess(t("exhibition.photos.saved"));
    } catch (error) {
      setFormError(applyApiErrors(error, form.setFieldError));
    }
  }, onInvalid);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Textarea
          label={t("exhibition.upload.altText")}
          required
          autosize
          minRows={2}
          {...form.getInputProps("altText")}
        />
        <Textarea
          label={t("exhibition.upload.caption")}
          autosize
          minRows={1}
          {...form.getInputProps("caption")}
        />
        <Group grow align="flex-start" gap="xs">
          <TextInput label={t("exhibition.upload.credit")} {...form.getInputProps("credit")} />
          <NumberInput
            label={t("exhibition.photos.position")}
            min={0}
            max={9999}
            allowDecimal={false}
            {...form.getInputProps("position")}
          />
        </Group>
        <Checkbox
          label={t("exhibition.photos.noIdentifiablePeople")}
          description={t("exhibition.photos.noIdentifiablePeopleHelp")}
          {...form.getInputProps("noIdentifiablePeople", { type: "checkbox" })}
        />
        <Button type="submit" variant="light" loading={update.isPending} w="fit-content">
          {t("exhibition.photos.save")}
        </Button>
      </Stack>
    </form>
  );
}

/** One photo for the staff: preview, publish switch with the reasons it is blocked, texts and consents. */
export function PhotoCard({ photo }: { photo: ExhibitionPhoto }) {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const remove = useDeletePhoto(orgSlug, photo.exhibitionId, photo.id);
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="article" data-testid="photo-card">
      <Stack gap="md">
        <Group align="flex-start" gap="md" wrap="wrap">
          <Image
            src={photo.thumbUrl}
            alt={t("exhibition.photos.preview", { alt: photo.altText })}
            w={{ base: "100%", xs: 200 }}
            maw={320}
            h="auto"
            radius="sm"
            loading="lazy"
          />
          <Stack gap="xs" style={{ flex: "1 1 14rem", minWidth: 0 }}>
            <Badge
              color={photo.isVisible ? "green" : "gray"}
              variant="light"
              tt="none"
              data-testid="photo-visibility"
            >
              {photo.isVisible ? t("exhibition.photos.visible") : t("exhibition.photos.hidden")}
            </Badge>
            {photo.caption && <Text fw={500}>{photo.caption}</Text>}
            <PublishSwitch photo={photo} />
          </Stack>
        </Group>
        <ConsentPanel photo={photo} />
        <PhotoTexts key={`${photo.id}-${photo.caption}-${photo.altText}`} photo={photo} />
        <ConfirmButton
          color="red"
          variant="subtle"
          w="fit-content"
          leftSection={<IconTrash size={16} aria-hidden="true" />}
          title={t("exhibition.photos.delete")}
          message={t("exhibition.photos.deleteConfirm")}
          confirmLabel={t("exhibition.photos.delete")}
          loading={remove.isPending}
          onConfirm={async () => {
            await remove.mutateAsync(undefined);
            notifySuccess(t("exhibition.photos.deleted"));
          }}
        >
          {t("exhibition.photos.delete")}
        </ConfirmButton>
      </Stack>
    </Paper>
  );
}
