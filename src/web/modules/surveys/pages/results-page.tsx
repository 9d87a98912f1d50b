import { Alert, Box, Button, Group, List, Paper, Progress, Stack, Text, Title } from "@mantine/core";
import { IconEyeOff } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import type { Question, QuestionResult, SurveyDefinition } from "../../../../contracts/surveys";
import { textIn } from "../../../../core/surveys/definition";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { DownloadButton } from "../../../components/report-table";
import { percentOf, SURVEY_MANAGERS, surveysApi, useSurvey, useSurveyResults } from "../api";

type Locale = "de" | "en";
type Count = { value: string; count: number };

/**
 * One bar per answer: the label and the numbers as text (read by a screen reader and printed), the bar
 * beside them only for the eye. The previous round, where there is one, as a thinner bar below.
 */
function Bars({
  rows,
}: {
  rows: { label: string; count: number; percent: number; previous: number | null }[];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={8} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
      {rows.map((row) => (
        <Box component="li" key={row.label} data-testid="result-bar">
          <Text size="sm">
            {t("surveys.results.bar", { label: row.label, count: row.count, percent: row.percent })}
          </Text>
          <Progress value={row.percent} size="lg" aria-hidden="true" color="blue.7" />
          {row.previous !== null && (
            <Group gap="xs" wrap="nowrap">
              <Progress
                value={row.previous}
                size="xs"
                aria-hidden="true"
                color="gray.6"
                style={{ flex: 1 }}
              />
              <Text size="xs" c="dimmed">
                {t("surveys.results.previousBar", { percent: row.previous })}
              </Text>
            </Group>
          )}
        </Box>
      ))}
    </Stack>
  );
}

function labelOf(
  question: Question,
  value: string,
  locale: Locale,
  yesNo: { yes: string; no: string },
): string {
  if (question.kind === "yesNo") return value === "yes" ? yesNo.yes : yesNo.no;
  if (question.kind === "single" || question.kind === "multiple") {
    const option = question.options.find((o) => o.id === value);
    return option ? textIn(option.text, locale) : value;
  }
  if ((question.kind === "rating" || question.kind === "matrix") && question.scale) {
    if (value === "1") return `1 – ${textIn(question.scale.low, locale)}`;
    if (value === "5") return `5 – ${textIn(question.scale.high, locale)}`;
  }
  return value;
}

function rowsOf(
  counts: Count[],
  previous: Count[] | null,
  total: number,
  previousTotal: number,
  label: (value: string) => string,
) {
  return counts.map((c) => {
    const before = previous?.find((p) => p.value === c.value);
    return {
      label: label(c.value),
      count: c.count,
      percent: percentOf(c.count, total),
      previous: previous ? percentOf(before?.count ?? 0, previousTotal) : null,
    };
  });
}

function QuestionCard({
  question,
  result,
  locale,
  minGroup,
}: {
  question: Question;
  result: QuestionResult;
  locale: Locale;
  minGroup: number;
}) {
  const { t, i18n } = useTranslation();
  const yesNo = { yes: t("common.yes"), no: t("common.no") };
  const number = new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "de-DE", {
    maximumFractionDigits: 2,
  });
  const label = (value: string) => labelOf(question, value, locale, yesNo);
  const previousMean = (key: string) => result.previous?.means.find((m) => m.key === key)?.mean;
  let body: React.ReactNode;
  if (result.isWithheld) {
    body = (
      <Group gap="xs" wrap="nowrap">
        <IconEyeOff size={18} aria-hidden="true" />
        <Text size="sm" c="dimmed">
          {t("surveys.results.questionWithheld", { min: minGroup })}
        </Text>
      </Group>
    );
  } else if (question.kind === "text") {
    body =
      result.texts.length === 0 ? (
        <Text size="sm">{t("surveys.results.noTexts")}</Text>
      ) : (
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t("surveys.results.texts")}
          </Text>
          <List spacing={4} size="sm">
            {result.texts.map((text, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: two people may write the same words
              <List.Item key={i} style={{ whiteSpace: "pre-wrap" }}>
                {text}
              </List.Item>
            ))}
          </List>
        </Stack>
      );
  } else if (question.kind === "matrix") {
    body = (
      <Stack gap="md">
        {question.items.map((item) => {
          const prefix = `${item.id}:`;
          const counts = result.counts
            .filter((c) => c.value.startsWith(prefix))
            .map((c) => ({ value: c.value.slice(prefix.length), count: c.count }));
          const prev = result.previous
            ? result.previous.counts
                .filter((c) => c.value.startsWith(prefix))
                .map((c) => ({ value: c.value.slice(prefix.length), count: c.count }))
            : null;
          const total = counts.reduce((a, c) => a + c.count, 0);
          const prevTotal = prev?.reduce((a, c) => a + c.count, 0) ?? 0;
          const mean = result.means.find((m) => m.key === item.id)?.mean;
          const before = previousMean(item.id);
          return (
            <Stack gap={4} key={item.id}>
              <Title order={4} fz="sm">
                {textIn(item.text, locale)}
              </Title>
              {mean !== undefined && (
                <Text size="sm">
                  {t("surveys.results.mean", { mean: number.format(mean) })}
                  {before !== undefined &&
                    ` · ${t("surveys.results.previousMean", { mean: number.format(before) })}`}
                </Text>
              )}
              <Bars rows={rowsOf(counts, prev, total, prevTotal, label)} />
            </Stack>
          );
        })}
      </Stack>
    );
  } else {
    // Multiple choice: shares of the people who answered, so the bars add up to more than 100 %.
    const total =
      question.kind === "multiple" ? result.answered : result.counts.reduce((a, c) => a + c.count, 0);
    const prevTotal =
      question.kind === "multiple"
        ? (result.previous?.answered ?? 0)
        : (result.previous?.counts.reduce((a, c) => a + c.count, 0) ?? 0);
    const mean = result.means[0]?.mean;
    const before = previousMean(question.id);
    body = (
      <Stack gap="xs">
        {mean !== undefined && (
          <Text size="sm" fw={500}>
            {t(question.kind === "rating" ? "surveys.results.mean" : "surveys.results.meanNumber", {
              mean: number.format(mean),
            })}
            {before !== undefined &&
              ` · ${t("surveys.results.previousMean", { mean: number.format(before) })}`}
          </Text>
        )}
        <Bars rows={rowsOf(result.counts, result.previous?.counts ?? null, total, prevTotal, label)} />
      </Stack>
    );
  }
  return (
    <Paper withBorder p={{ base: "sm", sm: "md" }} component="section" data-testid="result-question">
      <Stack gap="xs">
        <Title order={3} fz="h5">
          {textIn(question.text, locale)}
        </Title>
        {!result.isWithheld && (
          <Text size="xs" c="dimmed">
            {t("surveys.results.answered", { count: result.answered })}
          </Text>
        )}
        {body}
      </Stack>
    </Paper>
  );
}

function Questions({
  definition,
  results,
  minGroup,
}: {
  definition: SurveyDefinition;
  results: QuestionResult[];
  minGroup: number;
}) {
  const { i18n } = useTranslation();
  const locale: Locale = i18n.language === "en" ? "en" : "de";
  const byId = new Map(results.map((r) => [r.questionId, r]));
  return (
    <Stack gap="lg">
      {definition.sections.map((section) => (
        <Stack gap="sm" key={section.id}>
          <Title order={2} fz="h3">
            {textIn(section.title, locale)}
          </Title>
          {section.questions.map((q) => {
            const result = byId.get(q.id);
            return result ? (
              <QuestionCard key={q.id} question={q} result={result} locale={locale} minGroup={minGroup} />
            ) : null;
          })}
        </Stack>
      ))}
    </Stack>
  );
}

function Content({ membership, id }: { membership: MyMembership; id: string }) {
  const { t } = useTranslation();
  const survey = useSurvey(membership.slug, id);
  const results = useSurveyResults(membership.slug, id);
  return (
    <QueryState query={survey}>
      {(s) => (
        <Stack gap="md">
          <Button
            component={Link}
            to={`/app/${membership.slug}/umfragen/${id}`}
            variant="subtle"
            px={0}
            w="fit-content"
          >
            {s.title}
          </Button>
          <PageHeader title={t("surveys.results.title", { title: s.title })} />
          <QueryState query={results}>
            {(r) => {
              const percent = percentOf(r.responses, r.invited);
              return (
                <Stack gap="md">
                  <Stack gap={4}>
                    <Text fw={600} data-testid="results-rate">
                      {t("surveys.results.rate", { responses: r.responses, invited: r.invited, percent })}
                    </Text>
                    <Progress value={percent} size="lg" aria-hidden="true" />
                  </Stack>
                  {r.previous && (
                    <Text size="sm">
                      {t("surveys.results.previous", {
                        title: r.previous.title,
                        responses: r.previous.responses,
                      })}
                    </Text>
                  )}
                  {r.isWithheld ? (
                    <Alert
                      color="blue"
                      icon={<IconEyeOff aria-hidden="true" />}
                      data-testid="results-withheld"
                    >
                      <Text size="sm" c="var(--mantine-color-text)">
                        {t("surveys.results.withheld", { min: r.minGroup })}
                      </Text>
                    </Alert>
                  ) : (
                    <>
                      <DownloadButton
                        href={`${surveysApi(membership.slug)}/${id}/results.csv`}
                        label={t("surveys.results.csv")}
                        accessibleName={t("surveys.results.csvName")}
                        testId="results-csv"
                      />
                      <Questions definition={s.definition} results={r.questions} minGroup={r.minGroup} />
                    </>
                  )}
                </Stack>
              );
            }}
          </QueryState>
        </Stack>
      )}
    </QueryState>
  );
}

/** /app/:orgSlug/umfragen/:id/ergebnisse: response rate, and from five answers the results per question. */
export function ResultsPage() {
  const { id = "" } = useParams();
  return (
    <OrgGuard roles={SURVEY_MANAGERS}>{(membership) => <Content membership={membership} id={id} />}</OrgGuard>
  );
}
