import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Image,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArrowLeft, IconExternalLink, IconPhoto, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import {
  type SitePostDetail,
  type SitePostInput,
  type SiteStatus,
  siteImageContentTypes,
  sitePostInput,
} from "../../../../contracts/site";
import { ConfirmButton } from "../../../components/confirm-button";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useSchemaValidation } from "../../../components/zod-form";
import { staffImageUrl, useDeletePost, usePostImage, useSavePost, useSitePost } from "../api";
import { SiteRichTextEditor } from "../components/rich-text-editor";
import { SITE_WRITERS } from "../roles";

/** /app/:orgSlug/website/neuigkeiten/neu and …/neuigkeiten/:id: write a news post, with an image. */
export function PostEditPage() {
  const { id } = useParams();
  return (
    <OrgGuard roles={SITE_WRITERS}>
      {() => (id ? <ExistingPost id={id} /> : <PostForm post={null} />)}
    </OrgGuard>
  );
}

function ExistingPost({ id }: { id: string }) {
  const { orgSlug = "" } = useParams();
  const query = useSitePost(orgSlug, id);
  return <QueryState query={query}>{(post) => <PostForm key={post.id} post={post} />}</QueryState>;
}

function PostImage({ post }: { post: SitePostDetail }) {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const image = usePostImage(orgSlug, post.id);
  const [error, setError] = useState<string | null>(null);
  const change = async (file: File | null) => {
    setError(null);
    try {
      await image.mutateAsync(file);
      if (file) notifySuccess(t("site.editor.imageSaved"));
    } catch (failure) {
      setError(applyApiErrors(failure, () => undefined));
    }
  };
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Text fw={500} size="sm">
          {t("site.editor.image")}
        </Text>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {post.hasImage && (
          <Image
            src={staffImageUrl(orgSlug, post.id, post.updatedAt)}
            alt={t("site.editor.imagePreview")}
            mah={200}
            w="auto"
            fit="contain"
            radius="sm"
          />
        )}
        <Group gap="xs">
          <FileButton onChange={(file) => void change(file)} accept={siteImageContentTypes.join(",")}>
            {(props) => (
              <Button
                {...props}
                variant="light"
                leftSection={<IconPhoto size={16} aria-hidden="true" />}
                loading={image.isPending}
              >
                {t("site.editor.imageChoose")}
              </Button>
            )}
          </FileButton>
          {post.hasImage && (
            <Button
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden="true" />}
              onClick={() => void change(null)}
            >
              {t("site.editor.imageRemove")}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function PostForm({ post }: { post: SitePostDetail | null }) {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const navigate = useNavigate();
  const save = useSavePost(orgSlug, post?.id ?? null);
  const remove = useDeletePost(orgSlug);
  const { formError, setFormError, onInvalid } = useFormError();
  const validate = useSchemaValidation(post ? sitePostInput : sitePostInput.omit({ slug: true }));
  const form = useForm({
    initialValues: {
      title: post?.title ?? "",
      slug: post?.slug ?? "",
      teaser: post?.teaser ?? "",
      bodyHtml: post?.bodyHtml ?? "",
      status: (post?.status ?? "draft") as SiteStatus,
      imageAlt: post?.imageAlt ?? "",
    },
    validate: (values) => validate(post ? values : { ...values, slug: undefined }),
  });
  const admin = `/app/${encodeURIComponent(orgSlug)}/website`;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const input: SitePostInput = { ...values, slug: post ? values.slug : undefined };
    try {
      const saved = await save.mutateAsync(input);
      notifySuccess(t("site.editor.saved"));
      if (!post) navigate(`${admin}/neuigkeiten/${saved.id}`, { replace: true });
      else form.setValues({ slug: saved.slug });
    } catch (error) {
      setFormError(applyApiErrors(error, form.setFieldError));
    }
  }, onInvalid);

  const publicPath = post
    ? `/o/${encodeURIComponent(orgSlug)}/neuigkeiten/${encodeURIComponent(post.slug)}`
    : null;
  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to={admin} w="fit-content">
        <IconArrowLeft size={16} aria-hidden="true" style={{ verticalAlign: "-3px" }} />{" "}
        {t("site.editor.back")}
      </Anchor>
      <PageHeader
        title={post ? t("site.editor.editPostTitle") : t("site.editor.newPostTitle")}
        actions={
          publicPath && post?.status === "published" ? (
            <Button
              component={Link}
              to={publicPath}
              variant="light"
              rightSection={<IconExternalLink size={16} aria-hidden="true" />}
            >
              {t("site.editor.view")}
            </Button>
          ) : undefined
        }
      />
      <form onSubmit={submit} noValidate data-testid="post-form">
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label={t("site.editor.title")} required {...form.getInputProps("title")} />
          {post ? (
            <TextInput
              label={t("site.editor.postSlug")}
              description={t("site.editor.slugHelp")}
              {...form.getInputProps("slug")}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t("site.editor.slugNew")}
            </Text>
          )}
          <Textarea label={t("site.editor.teaser")} autosize minRows={2} {...form.getInputProps("teaser")} />
          <SiteRichTextEditor
            label={t("site.editor.body")}
            initialHtml={form.values.bodyHtml}
            onChange={(html) => form.setFieldValue("bodyHtml", html)}
            error={form.errors.bodyHtml as string | undefined}
          />
          {post ? (
            <PostImage post={post} />
          ) : (
            <Text size="sm" c="dimmed">
              {t("site.editor.imageAfterSave")}
            </Text>
          )}
          <TextInput label={t("site.editor.imageAlt")} {...form.getInputProps("imageAlt")} />
          <Stack gap={4}>
            <Text component="div" fw={500} size="sm" id="post-status-label">
              {t("site.editor.status")}
            </Text>
            <SegmentedControl
              aria-labelledby="post-status-label"
              w="fit-content"
              data={[
                { value: "draft", label: t("site.admin.status.draft") },
                { value: "published", label: t("site.admin.status.published") },
              ]}
              {...form.getInputProps("status")}
            />
          </Stack>
          <Group gap="xs">
            <Button type="submit" loading={save.isPending}>
              {t("site.editor.save")}
            </Button>
            {post && (
              <ConfirmButton
                color="red"
                variant="subtle"
                title={t("site.editor.delete")}
                message={t("site.editor.deleteConfirm")}
                confirmLabel={t("site.editor.delete")}
                loading={remove.isPending}
                onConfirm={async () => {
                  await remove.mutateAsync(post.id);
                  notifySuccess(t("site.editor.deleted"));
                  navigate(admin, { replace: true });
                }}
              >
                {t("site.editor.delete")}
              </ConfirmButton>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

export default PostEditPage;
