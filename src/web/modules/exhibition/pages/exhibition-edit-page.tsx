import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  NumberInput,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArrowLeft, IconExternalLink, IconUpload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import {
  type ExhibitionDetail,
  exhibitionImageContentTypes,
  exhibitionImageMaxBytes,
  exhibitionInput,
  photoTextInput,
} from "../../../../contracts/exhibition";
import { ApiError } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import { useDeleteExhibition, useExhibition, useUpdateExhibition, useUploadPhoto } from "../api";
import { PhotoCard } from "../components/photo-card";
import { EXHIBITION_MANAGERS } from "../roles";

/** /app/:orgSlug/ausstellungen/:id: one exhibition with its photos, their consents and the upload. */
export function ExhibitionEditPage() {
  return <OrgGuard roles={EXHIBITION_MANAGERS}>{() => <Editor />}</OrgGuard>;
}

function Editor() {
  const { t } = useTranslation();
  const { orgSlug = "", id = "" } = useParams();
  const query = useExhibition(orgSlug, id);
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to={`/app/${encodeURIComponent(orgSlug)}/ausstellungen`} w="fit-content">
        <IconArrowLeft size={16} aria-hidden="true" style={{ verticalAlign: "-3px" }} />{" "}
        {t("exhibition.editor.back")}
      </Anchor>
      <QueryState query={query}>
        {(exhibition) => (
          <>
            <PageHeader
              title={exhibition.title}
              description={t("exhibition.admin.photoCount", {
                count: exhibition.photoCount,
                visible: exhibition.visibleCount,
              })}
              actions={
                exhibition.isPublished ? (
                  <Button
                    component={Link}
                    to={`/o/${encodeURIComponent(orgSlug)}/ausstellung/${encodeURIComponent(exhibition.slug)}`}
                    variant="light"
                    rightSection={<IconExternalLink size={16} aria-hidden="true" />}
                  >
                    {t("exhibition.editor.view")}
                  </Button>
                ) : undefined
              }
            />
            <UploadForm exhibitionId={exhibition.id} />
            <Section title={t("exhibition.photos.title")}>
              <Stack gap="md" data-testid="photos">
                {exhibition.photos.length === 0 && <Text c="dimmed">{t("exhibition.photos.empty")}</Text>}
                {exhibition.photos.map((photo) => (
                  <PhotoCard key={photo.id} photo={photo} />
                ))}
              </Stack>
            </Section>
            <DetailsForm key={exhibition.updatedAt} exhibition={exhibition} />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

function UploadForm({ exhibitionId }: { exhibitionId: string }) {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const upload = useUploadPhoto(orgSlug, exhibitionId);
  const { formError, setFormError, onInvalid } = useFormError();
  const validateText = useSchemaValidation(photoTextInput);
  const form = useForm({
    initialValues: { file: null as File | null, altText: "", caption: "", credit: "" },
    validate: (values) => {
      const errors: Record<string, string> = validateText(values);
      if (!values.file) errors.file = t("exhibition.upload.fileRequired");
      else if (values.file.size > exhibitionImageMaxBytes) errors.file = t("exhibition.upload.tooLarge");
      return errors;
    },
  });
  const submit = form.onSubmit(async ({ file, ...text }) => {
    if (!file) return;
    setFormError(null);
    try {
      await upload.mutateAsync({ file, text });
      notifySuccess(t("exhibition.upload.done"));
      form.reset();
    } catch (error) {
      if (error instanceof ApiError && error.status === 413) {
        form.setFieldError("file", t("exhibition.upload.tooLarge"));
        return;
      }
      setFormError(
        applyApiErrors(error, (path, message) =>
          form.setFieldError(path === "image" ? "file" : path, message),
        ),
      );
    }
  }, onInvalid);
  return (
    <Section title={t("exhibition.upload.title")} intro={t("exhibition.upload.intro")}>
      <form onSubmit={submit} noValidate data-testid="upload-form">
        <Stack gap="sm">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <FileInput
            label={t("exhibition.upload.file")}
            accept={exhibitionImageContentTypes.join(",")}
            required
            clearable
            {...form.getInputProps("file")}
          />
          <Textarea
            label={t("exhibition.upload.altText")}
            description={t("exhibition.upload.altTextHelp")}
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
          <TextInput label={t("exhibition.upload.credit")} {...form.getInputProps("credit")} />
          <Button
            type="submit"
            loading={upload.isPending}
            w="fit-content"
            leftSection={<IconUpload size={16} aria-hidden="true" />}
          >
            {t("exhibition.upload.submit")}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function DetailsForm({ exhibition }: { exhibition: ExhibitionDetail }) {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const navigate = useNavigate();
  const save = useUpdateExhibition(orgSlug, exhibition.id);
  const remove = useDeleteExhibition(orgSlug, exhibition.id);
  const { formError, setFormError, onInvalid } = useFormError();
  const validate = useSchemaValidation(exhibitionInput);
  const form = useForm({
    initialValues: {
      title: exhibition.title,
      slug: exhibition.slug,
      description: exhibition.description,
      isPublished: exhibition.isPublished,
      position: exhibition.position,
    },
    validate,
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      await save.mutateAsync(values);
      notifySuccess(t("exhibition.editor.saved"));
    } catch (error) {
      setFormError(applyApiErrors(error, form.setFieldError));
    }
  }, onInvalid);
  return (
    <Section title={t("exhibition.editor.details")}>
      <form onSubmit={submit} noValidate data-testid="exhibition-form">
        <Stack gap="sm">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label={t("exhibition.editor.title")} required {...form.getInputProps("title")} />
          <TextInput
            label={t("exhibition.editor.slug")}
            description={t("exhibition.editor.slugHelp")}
            {...form.getInputProps("slug")}
          />
          <Textarea
            label={t("exhibition.editor.description")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <NumberInput
            label={t("exhibition.editor.position")}
            min={0}
            max={999}
            allowDecimal={false}
            w={160}
            {...form.getInputProps("position")}
          />
          <Switch
            label={t("exhibition.editor.isPublished")}
            description={t("exhibition.editor.isPublishedHelp")}
            {...form.getInputProps("isPublished", { type: "checkbox" })}
          />
          <Group gap="xs">
            <Button type="submit" loading={save.isPending}>
              {t("exhibition.editor.save")}
            </Button>
            <ConfirmButton
              color="red"
              variant="subtle"
              title={t("exhibition.editor.delete")}
              message={t("exhibition.editor.deleteConfirm")}
              confirmLabel={t("exhibition.editor.delete")}
              loading={remove.isPending}
              onConfirm={async () => {
                await remove.mutateAsync();
                notifySuccess(t("exhibition.editor.deleted"));
                navigate(`/app/${encodeURIComponent(orgSlug)}/ausstellungen`, { replace: true });
              }}
            >
              {t("exhibition.editor.delete")}
            </ConfirmButton>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

export default ExhibitionEditPage;
