import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArrowLeft, IconExternalLink } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import {
  type SitePageDetail,
  type SitePageInput,
  type SiteStatus,
  sitePageInput,
} from "../../../../contracts/site";
import { sitePageTemplates } from "../../../../core/site/templates";
import { ConfirmButton } from "../../../components/confirm-button";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useSchemaValidation } from "../../../components/zod-form";
import { useDeletePage, useSavePage, useSitePage } from "../api";
import { SiteRichTextEditor } from "../components/rich-text-editor";
import { SITE_WRITERS } from "../roles";

/** /app/:orgSlug/website/seiten/neu (?vorlage=profile) and …/seiten/:id: write a page of the website. */
export function PageEditPage() {
  const { id } = useParams();
  return (
    <OrgGuard roles={SITE_WRITERS}>
      {() => (id ? <ExistingPage id={id} /> : <PageForm page={null} />)}
    </OrgGuard>
  );
}

function ExistingPage({ id }: { id: string }) {
  const { orgSlug = "" } = useParams();
  const query = useSitePage(orgSlug, id);
  return <QueryState query={query}>{(page) => <PageForm key={page.id} page={page} />}</QueryState>;
}

function PageForm({ page }: { page: SitePageDetail | null }) {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const template = page ? undefined : sitePageTemplates.find((item) => item.key === params.get("vorlage"));
  const save = useSavePage(orgSlug, page?.id ?? null);
  const remove = useDeletePage(orgSlug);
  const { formError, setFormError, onInvalid } = useFormError();
  const validate = useSchemaValidation(page ? sitePageInput : sitePageInput.omit({ slug: true }));
  const form = useForm({
    initialValues: {
      title: page?.title ?? template?.title ?? "",
      slug: page?.slug ?? "",
      description: page?.description ?? template?.description ?? "",
      bodyHtml: page?.bodyHtml ?? template?.html ?? "",
      status: (page?.status ?? "draft") as SiteStatus,
      showInMenu: page?.showInMenu ?? true,
      menuPosition: page?.menuPosition ?? 10,
    },
    validate: (values) => validate(page ? values : { ...values, slug: undefined }),
  });
  const admin = `/app/${encodeURIComponent(orgSlug)}/website`;

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const input: SitePageInput = { ...values, slug: page ? values.slug : undefined };
    try {
      const saved = await save.mutateAsync(input);
      notifySuccess(t("site.editor.saved"));
      if (!page) navigate(`${admin}/seiten/${saved.id}`, { replace: true });
      else form.setValues({ slug: saved.slug });
    } catch (error) {
      setFormError(applyApiErrors(error, form.setFieldError));
    }
  }, onInvalid);

  const publicPath = page ? `/o/${encodeURIComponent(orgSlug)}/seite/${encodeURIComponent(page.slug)}` : null;
  return (
    <Stack gap="md" maw={900}>
      <Anchor component={Link} to={admin} w="fit-content">
        <IconArrowLeft size={16} aria-hidden="true" style={{ verticalAlign: "-3px" }} />{" "}
        {t("site.editor.back")}
      </Anchor>
      <PageHeader
        title={page ? t("site.editor.editPageTitle") : t("site.editor.newPageTitle")}
        actions={
          publicPath && page?.status === "published" ? (
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
      <form onSubmit={submit} noValidate data-testid="page-form">
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput label={t("site.editor.title")} required {...form.getInputProps("title")} />
          {page ? (
            <TextInput
              label={t("site.editor.slug")}
              description={t("site.editor.slugHelp")}
              {...form.getInputProps("slug")}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t("site.editor.slugNew")}
            </Text>
          )}
          {page && page.oldSlugs.length > 0 && (
            <Text size="sm" c="dimmed">
              {t("site.editor.oldSlugs", { slugs: page.oldSlugs.join(", ") })}
            </Text>
          )}
          <Textarea
            label={t("site.editor.description")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <SiteRichTextEditor
            label={t("site.editor.body")}
            initialHtml={form.values.bodyHtml}
            onChange={(html) => form.setFieldValue("bodyHtml", html)}
            error={form.errors.bodyHtml as string | undefined}
          />
          <Stack gap={4}>
            <Text component="div" fw={500} size="sm" id="status-label">
              {t("site.editor.status")}
            </Text>
            <SegmentedControl
              aria-labelledby="status-label"
              w="fit-content"
              data={[
                { value: "draft", label: t("site.admin.status.draft") },
                { value: "published", label: t("site.admin.status.published") },
              ]}
              {...form.getInputProps("status")}
            />
          </Stack>
          <Switch
            label={t("site.editor.showInMenu")}
            {...form.getInputProps("showInMenu", { type: "checkbox" })}
          />
          {form.values.showInMenu && (
            <NumberInput
              label={t("site.editor.menuPosition")}
              min={0}
              max={999}
              allowDecimal={false}
              w={{ base: "100%", xs: 320 }}
              {...form.getInputProps("menuPosition")}
            />
          )}
          <Group gap="xs">
            <Button type="submit" loading={save.isPending}>
              {t("site.editor.save")}
            </Button>
            {page && (
              <ConfirmButton
                color="red"
                variant="subtle"
                title={t("site.editor.delete")}
                message={t("site.editor.deleteConfirm")}
                confirmLabel={t("site.editor.delete")}
                loading={remove.isPending}
                onConfirm={async () => {
                  await remove.mutateAsync(page.id);
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

export default PageEditPage;
