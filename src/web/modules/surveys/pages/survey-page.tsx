import { Alert, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconChartBar, IconLock } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import {
  type SurveyAudience,
  type SurveyDefinition,
  type SurveyDetail,
  type SurveySummary,
  surveyAudiences,
  type UpdateSurveyBody,
} from "../../../../contracts/surveys";
import { del, post, put } from "../../../app/api";
import { ConfirmButton } from "../../../components/confirm-button";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { UnsavedChangesGuard } from "../../../components/unsaved-changes";
import { percentOf, SURVEY_MANAGERS, surveyKeys, surveysApi, useSurvey } from "../api";
import { SurveyBuilder } from "../components/builder";

/** An introduction left empty in both languages is no introduction. */
function normalised(definition: SurveyDefinition): SurveyDefinition {
  const intro = definition.intro;
  return intro && intro.de.trim() === "" && intro.en.trim() === ""
    ? { ...definition, intro: null }
    : definition;
}

function DraftEditor({
  survey,
  slug,
  kind,
}: {
  survey: SurveyDetail;
  slug: string;
  kind: MyMembership["kind"];
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [title, setTitle] = useState(survey.title);
  const [audience, setAudience] = useState<SurveyAudience>(survey.audience);
  const [closesOn, setClosesOn] = useState(survey.closesOn ?? "");
  const [definition, setDefinition] = useState(survey.definition);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const body: UpdateSurveyBody = {
    title,
    audience,
    closesOn: closesOn || null,
    definition: normalised(definition),
  };
  // What was last saved, as sent: the server's copy may spell the same definition differently.
  const [savedBody, setSavedBody] = useState(() => JSON.stringify(body));
  const isDirty = JSON.stringify(body) !== savedBody;
  const save = useMutation({
    mutationFn: (sent: UpdateSurveyBody) => put<SurveyDetail>(`${surveysApi(slug)}/${survey.id}`, sent),
    onMutate: () => {
      setErrors({});
      setFormError(null);
    },
    onSuccess: async (saved, sent) => {
      setSavedBody(JSON.stringify(sent));
      notifySuccess(t("surveys.builder.saved"));
      client.setQueryData(surveyKeys.one(slug, survey.id), saved);
      await client.invalidateQueries({ queryKey: surveyKeys.all(slug) });
    },
    onError: (error) => {
      const collected: Record<string, string> = {};
      setFormError(applyApiErrors(error, (path, message) => (collected[path] = message)));
      setErrors(collected);
    },
  });
  const audiences = kind === "association" ? (["members", "caregivers"] as const) : surveyAudiences;
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(body);
      }}
      data-testid="survey-builder"
    >
      <UnsavedChangesGuard isDirty={isDirty && !save.isPending} />
      <Stack gap="md">
        <TextInput
          label={t("surveys.create.name")}
          required
          value={title}
          error={errors.title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <Select
          label={t("surveys.audience.label")}
          allowDeselect={false}
          data={audiences.map((a) => ({ value: a, label: t(`surveys.audience.${a}`) }))}
          value={audience}
          onChange={(v) => v && setAudience(v as SurveyAudience)}
        />
        <TextInput
          type="date"
          label={t("surveys.detail.closesOn")}
          description={t("surveys.detail.closesOnHint")}
          value={closesOn}
          error={errors.closesOn}
          onChange={(e) => setClosesOn(e.currentTarget.value)}
          maw={240}
        />
        <Title order={2} fz="h3">
          {t("surveys.builder.title")}
        </Title>
        <SurveyBuilder definition={definition} onChange={setDefinition} errors={errors} />
        <FormAlert message={formError} />
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="survey-save">
            {t("surveys.builder.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Actions({ survey, slug }: { survey: SurveyDetail; slug: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const base = `${surveysApi(slug)}/${survey.id}`;
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: surveyKeys.all(slug) });
  };
  const onError = (e: unknown) => setError(applyApiErrors(e, () => {}));
  const start = useMutation({
    mutationFn: () => post<SurveySummary>(`${base}/open`, {}),
    onMutate: () => setError(null),
    onSuccess: async (s) => {
      notifySuccess(t("surveys.detail.started", { count: s.invited }));
      await refresh();
    },
    onError,
  });
  const close = useMutation({
    mutationFn: () => post<SurveySummary>(`${base}/close`),
    onSuccess: async () => {
      notifySuccess(t("surveys.detail.closed"));
      await refresh();
    },
    onError,
  });
  const remind = useMutation({
    mutationFn: () => post<{ reminded: number }>(`${base}/remind`),
    onSuccess: (r) => notifySuccess(t("surveys.detail.reminded", { count: r.reminded })),
    onError,
  });
  const rerun = useMutation({
    mutationFn: () => post<SurveyDetail>(`${base}/rerun`),
    onSuccess: async (next) => {
      notifySuccess(t("surveys.detail.rerunDone"));
      await refresh();
      await navigate(`/app/${slug}/umfragen/${next.id}`);
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: () => del(base),
    onSuccess: async () => {
      notifySuccess(t("surveys.detail.deleted"));
      await refresh();
      await navigate(`/app/${slug}/umfragen`);
    },
    onError,
  });
  return (
    <Stack gap="xs">
      <Group gap="xs">
        {survey.status !== "draft" && (
          <Button
            component={Link}
            to={`/app/${slug}/umfragen/${survey.id}/ergebnisse`}
            leftSection={<IconChartBar size={16} aria-hidden="true" />}
            data-testid="survey-results-link"
          >
            {t("surveys.detail.results")}
          </Button>
        )}
        {survey.status === "draft" && (
          <ConfirmButton
            title={t("surveys.detail.start")}
            message={t("surveys.detail.startConfirm")}
            confirmLabel={t("surveys.detail.start")}
            onConfirm={() => start.mutateAsync().catch(() => {})}
            loading={start.isPending}
            data-testid="survey-start"
          >
            {t("surveys.detail.start")}
          </ConfirmButton>
        )}
        {survey.status === "open" && (
          <>
            <ConfirmButton
              variant="default"
              title={t("surveys.detail.remind")}
              message={t("surveys.detail.remindConfirm")}
              confirmLabel={t("surveys.detail.remind")}
              onConfirm={() => remind.mutateAsync().catch(() => {})}
              loading={remind.isPending}
            >
              {t("surveys.detail.remind")}
            </ConfirmButton>
            <ConfirmButton
              variant="default"
              title={t("surveys.detail.close")}
              message={t("surveys.detail.closeConfirm")}
              confirmLabel={t("surveys.detail.close")}
              onConfirm={() => close.mutateAsync().catch(() => {})}
              loading={close.isPending}
            >
              {t("surveys.detail.close")}
            </ConfirmButton>
          </>
        )}
        {survey.status !== "draft" && (
          <Button
            variant="subtle"
            onClick={() => rerun.mutate()}
            loading={rerun.isPending}
            title={t("surveys.detail.rerunHint")}
          >
            {t("surveys.detail.rerun")}
          </Button>
        )}
        {survey.status === "draft" && (
          <ConfirmButton
            variant="default"
            title={t("surveys.detail.delete")}
            message={t("surveys.detail.deleteConfirm")}
            confirmLabel={t("surveys.detail.delete")}
            onConfirm={() => remove.mutateAsync().catch(() => {})}
            loading={remove.isPending}
          >
            {t("surveys.detail.delete")}
          </ConfirmButton>
        )}
      </Group>
      <FormAlert message={error} />
    </Stack>
  );
}

function Content({ membership, id }: { membership: MyMembership; id: string }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const survey = useSurvey(membership.slug, id);
  return (
    <QueryState query={survey}>
      {(s) => (
        <Stack gap="md">
          <Button
            component={Link}
            to={`/app/${membership.slug}/umfragen`}
            variant="subtle"
            px={0}
            w="fit-content"
          >
            {t("surveys.detail.back")}
          </Button>
          <PageHeader
            title={s.title}
            description={
              <Group gap="xs">
                <Badge
                  tt="none"
                  color={s.status === "open" ? "green.9" : s.status === "closed" ? "blue.9" : "gray.7"}
                >
                  {t(`surveys.status.${s.status}`)}
                </Badge>
                <span>{t(`surveys.audience.${s.audience}`)}</span>
                {s.closesOn && <span>· {t("surveys.mine.until", { date: formatDate(s.closesOn) })}</span>}
              </Group>
            }
          />
          {s.status !== "draft" && (
            <Text data-testid="survey-detail-rate">
              {t("surveys.list.rate", {
                responses: s.responses,
                invited: s.invited,
                percent: percentOf(s.responses, s.invited),
              })}
            </Text>
          )}
          {s.previousTitle && (
            <Text size="sm">{t("surveys.detail.previous", { title: s.previousTitle })}</Text>
          )}
          <Alert color="blue" icon={<IconLock aria-hidden="true" />}>
            <Text size="sm" c="var(--mantine-color-text)">
              {t("surveys.detail.anonymous")}
            </Text>
          </Alert>
          <Actions survey={s} slug={membership.slug} />
          {s.status === "draft" ? (
            <Paper withBorder p={{ base: "sm", sm: "lg" }}>
              <DraftEditor key={s.id} survey={s} slug={membership.slug} kind={membership.kind} />
            </Paper>
          ) : (
            <Text c="dimmed">{t("surveys.builder.locked")}</Text>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

/** /app/:orgSlug/umfragen/:id: a survey's questions (editable as a draft), start, reminders, close, new round. */
export function SurveyPage() {
  const { id = "" } = useParams();
  return (
    <OrgGuard roles={SURVEY_MANAGERS}>{(membership) => <Content membership={membership} id={id} />}</OrgGuard>
  );
}
