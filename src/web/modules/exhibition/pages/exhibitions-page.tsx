import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { exhibitionInput } from "../../../../contracts/exhibition";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import { useCreateExhibition, useExhibitions } from "../api";
import { EXHIBITION_MANAGERS } from "../roles";

/** /app/:orgSlug/ausstellungen: the organisation's photo exhibitions and a form for a new one. */
export function ExhibitionsPage() {
  return <OrgGuard roles={EXHIBITION_MANAGERS}>{() => <Exhibitions />}</OrgGuard>;
}

function Exhibitions() {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const list = useExhibitions(orgSlug);
  const base = `/app/${encodeURIComponent(orgSlug)}/ausstellungen`;
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader title={t("exhibition.admin.title")} description={t("exhibition.admin.intro")} />
      <QueryState query={list}>
        {(items) => (
          <Stack gap="xs" data-testid="exhibitions">
            {items.length === 0 && <Text c="dimmed">{t("exhibition.admin.empty")}</Text>}
            {items.map((item) => (
              <Paper key={item.id} withBorder p="sm">
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Stack gap={2} style={{ minWidth: 0, flex: "1 1 14rem" }}>
                    <Anchor
                      component={Link}
                      to={`${base}/${item.id}`}
                      fw={600}
                      aria-label={t("exhibition.admin.open", { title: item.title })}
                    >
                      {item.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t("exhibition.admin.photoCount", {
                        count: item.photoCount,
                        visible: item.visibleCount,
                      })}
                    </Text>
                  </Stack>
                  <Badge variant="light" color={item.isPublished ? "green" : "gray"} tt="none">
                    {item.isPublished ? t("exhibition.admin.published") : t("exhibition.admin.draft")}
                  </Badge>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
      <NewExhibition />
    </Stack>
  );
}

const newExhibitionInput = exhibitionInput.omit({ slug: true });

function NewExhibition() {
  const { t } = useTranslation();
  const { orgSlug = "" } = useParams();
  const navigate = useNavigate();
  const create = useCreateExhibition(orgSlug);
  const { formError, setFormError, onInvalid } = useFormError();
  const validate = useSchemaValidation(newExhibitionInput);
  const form = useForm({
    initialValues: { title: "", description: "", isPublished: false, position: 0 },
    validate,
  });
  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await create.mutateAsync(values);
      notifySuccess(t("exhibition.admin.created"));
      navigate(`/app/${encodeURIComponent(orgSlug)}/ausstellungen/${created.id}`);
    } catch (error) {
      setFormError(applyApiErrors(error, form.setFieldError));
    }
  }, onInvalid);
  return (
    <Section title={t("exhibition.admin.newTitle")}>
      <form onSubmit={submit} noValidate data-testid="new-exhibition">
        <Stack gap="sm">
          {formError && (
            <Text c="red" role="alert">
              {formError}
            </Text>
          )}
          <TextInput label={t("exhibition.editor.title")} required {...form.getInputProps("title")} />
          <Textarea
            label={t("exhibition.editor.description")}
            autosize
            minRows={2}
            {...form.getInputProps("description")}
          />
          <Button
            type="submit"
            loading={create.isPending}
            w="fit-content"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
          >
            {t("exhibition.admin.create")}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

export default ExhibitionsPage;
