import {
  Badge,
  Button,
  Collapse,
  Group,
  Paper,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { IconPlus } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import {
  type CreateSurveyBody,
  createSurveyBody,
  type SurveyAudience,
  type SurveyDetail,
  type SurveySummary,
  surveyAudiences,
  type TemplateKey,
} from "../../../../contracts/surveys";
import { post } from "../../../app/api";
import { hasAnyRole } from "../../../app/session";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { visuallyHidden } from "../../../components/report-table";
import { useSchemaValidation } from "../../../components/zod-form";
import { percentOf, SURVEY_MANAGERS, surveyKeys, surveysApi, useMyInvitations, useSurveys } from "../api";

const STATUS_COLORS = { draft: "gray.7", open: "green.9", closed: "blue.9" } as const;

/** The groups an organisation of this kind has: an association has no parents under contract. */
function audiencesFor(kind: MyMembership["kind"]): SurveyAudience[] {
  return kind === "association" ? ["members", "caregivers"] : [...surveyAudiences];
}

interface CreateValues {
  title: string;
  template: TemplateKey | "empty";
  audience: SurveyAudience;
}

function CreateForm({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const validate = useSchemaValidation<CreateSurveyBody>(createSurveyBody);
  const toBody = (v: CreateValues): CreateSurveyBody => ({
    title: v.title,
    template: v.template === "empty" ? null : v.template,
    audience: v.audience,
  });
  const form = useForm<CreateValues>({
    mode: "controlled",
    initialValues: {
      title: t("surveys.templates.parents"),
      template: "parents",
      audience: membership.kind === "association" ? "members" : "parentsWithContract",
    },
    validate: (values) => validate(toBody(values)),
  });
  const create = useMutation({
    mutationFn: (values: CreateValues) => post<SurveyDetail>(surveysApi(membership.slug), toBody(values)),
    onMutate: () => setFormError(null),
    onSuccess: async (survey) => {
      notifySuccess(t("surveys.create.created"));
      await client.invalidateQueries({ queryKey: surveyKeys.all(membership.slug) });
      await navigate(`/app/${membership.slug}/umfragen/${survey.id}`);
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => create.mutate(values), onInvalid)}
      noValidate
      data-testid="survey-create"
    >
      <Stack gap="sm">
        <Select
          label={t("surveys.create.template")}
          allowDeselect={false}
          data={[
            { value: "parents", label: t("surveys.templates.parents") },
            { value: "caregivers", label: t("surveys.templates.caregivers") },
            { value: "empty", label: t("surveys.create.empty") },
          ]}
          {...form.getInputProps("template")}
          onChange={(value) => {
            const template = (value ?? "empty") as CreateValues["template"];
            form.setFieldValue("template", template);
            if (template !== "empty") {
              form.setFieldValue("title", t(`surveys.templates.${template}`));
              form.setFieldValue("audience", template === "caregivers" ? "caregivers" : form.values.audience);
            }
          }}
        />
        <TextInput label={t("surveys.create.name")} required {...form.getInputProps("title")} />
        <Select
          label={t("surveys.audience.label")}
          allowDeselect={false}
          data={audiencesFor(membership.kind).map((a) => ({ value: a, label: t(`surveys.audience.${a}`) }))}
          {...form.getInputProps("audience")}
        />
        <FormAlert message={formError} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("surveys.create.submit")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function SurveyCard({ survey, slug }: { survey: SurveySummary; slug: string }) {
  const { t } = useTranslation();
  const percent = percentOf(survey.responses, survey.invited);
  return (
    <Paper withBorder p="md" component="li" data-testid="survey-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} fz="h4" style={{ overflowWrap: "anywhere" }}>
            {survey.title}
          </Title>
          <Badge color={STATUS_COLORS[survey.status]} tt="none" style={{ flexShrink: 0 }}>
            {t(`surveys.status.${survey.status}`)}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t(`surveys.audience.${survey.audience}`)}
        </Text>
        {survey.status === "draft" ? (
          <Text size="sm">{t("surveys.list.notStarted")}</Text>
        ) : (
          <>
            <Text size="sm" data-testid="survey-rate">
              {t("surveys.list.rate", { responses: survey.responses, invited: survey.invited, percent })}
            </Text>
            <Progress value={percent} aria-hidden="true" size="sm" />
          </>
        )}
        <Group>
          <Button component={Link} to={`/app/${slug}/umfragen/${survey.id}`} variant="light" size="sm">
            {t("surveys.list.open")}
            <span style={visuallyHidden}>: {survey.title}</span>
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function MyInvitations({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const mine = useMyInvitations(slug);
  return (
    <Stack gap="sm" component="section" aria-labelledby="umfragen-fuer-mich">
      <Title order={2} fz="h3" id="umfragen-fuer-mich">
        {t("surveys.mine.title")}
      </Title>
      <QueryState query={mine}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t("surveys.mine.empty")}</Text>
          ) : (
            <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
              {list.map((invitation) => (
                <Paper withBorder p="md" component="li" key={invitation.surveyId} data-testid="my-survey">
                  <Group justify="space-between">
                    <Stack gap={2}>
                      <Text fw={600}>{invitation.title}</Text>
                      {invitation.closesOn && (
                        <Text size="sm" c="dimmed">
                          {t("surveys.mine.until", { date: formatDate(invitation.closesOn) })}
                        </Text>
                      )}
                    </Stack>
                    <Button component={Link} to={`/app/${slug}/umfragen/${invitation.surveyId}/antworten`}>
                      {t("surveys.mine.answer")}
                    </Button>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function Content({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const isManager = hasAnyRole(membership, SURVEY_MANAGERS);
  const surveys = useSurveys(membership.slug, isManager);
  const [isCreating, create] = useDisclosure(false);
  return (
    <Stack gap="lg">
      <PageHeader title={t("surveys.title")} description={t("surveys.description")} />
      <MyInvitations slug={membership.slug} />
      {isManager && (
        <>
          <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="neue-umfrage">
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={2} fz="h3" id="neue-umfrage">
                  {t("surveys.create.title")}
                </Title>
                {!isCreating && (
                  <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={create.open}>
                    {t("surveys.create.open")}
                  </Button>
                )}
              </Group>
              <Collapse in={isCreating}>{isCreating && <CreateForm membership={membership} />}</Collapse>
            </Stack>
          </Paper>
          <Stack gap="sm" component="section" aria-labelledby="alle-umfragen">
            <Title order={2} fz="h3" id="alle-umfragen">
              {t("surveys.list.title")}
            </Title>
            <QueryState query={surveys}>
              {(list) =>
                list.length === 0 ? (
                  <Text>{t("surveys.list.empty")}</Text>
                ) : (
                  <Stack gap="sm" component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                    {list.map((survey) => (
                      <SurveyCard key={survey.id} survey={survey} slug={membership.slug} />
                    ))}
                  </Stack>
                )
              }
            </QueryState>
          </Stack>
        </>
      )}
    </Stack>
  );
}

/** /app/:orgSlug/umfragen: the surveys she is asked to answer; for the office and the board, all surveys. */
export function SurveysPage() {
  return <OrgGuard>{(membership) => <Content membership={membership} />}</OrgGuard>;
}
