import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Progress,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { IconCircleCheck } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerForm, Answers, AnswerValue, Question } from "../../../../contracts/surveys";
import {
  RATING_VALUES,
  sectionProblems,
  textIn,
  visibleQuestionIds,
  visibleSectionIndexes,
} from "../../../../core/surveys/definition";
import { ApiError } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { useDateFormat } from "../../../components/format";

type Locale = AnswerForm["locale"];

/** One question as a fieldset; its label is the question, so a screen reader reads it with every choice. */
function QuestionField({
  question,
  locale,
  value,
  error,
  onChange,
}: {
  question: Question;
  locale: Locale;
  value: AnswerValue | undefined;
  error: string | null;
  onChange: (value: AnswerValue | undefined) => void;
}) {
  const { t } = useTranslation();
  const label = textIn(question.text, locale);
  const required = question.isRequired ? ` (${t("surveys.answer.required")})` : "";
  const legend = `${label}${required}`;
  const help = question.help ? textIn(question.help, locale) : null;
  const scale = question.scale
    ? t("surveys.answer.ratingLegend", {
        low: textIn(question.scale.low, locale),
        high: textIn(question.scale.high, locale),
      })
    : null;
  const describe = [help, scale].filter(Boolean).join(" · ") || undefined;
  const errorId = `${question.id}-error`;
  // What every kind of field carries: the question as its label, the help and scale, the error.
  const field = { label: legend, description: describe, error, "data-testid": `question-${question.id}` };
  switch (question.kind) {
    case "rating":
      return (
        <Radio.Group
          {...field}
          value={typeof value === "number" ? String(value) : ""}
          onChange={(v) => onChange(Number(v))}
        >
          <Group gap="xs" mt="xs" wrap="nowrap">
            {RATING_VALUES.map((n) => (
              <Radio
                key={n}
                value={String(n)}
                label={String(n)}
                styles={{ body: { alignItems: "center" } }}
              />
            ))}
          </Group>
        </Radio.Group>
      );
    case "yesNo":
      return (
        <Radio.Group {...field} value={typeof value === "string" ? value : ""} onChange={(v) => onChange(v)}>
          <Group gap="lg" mt="xs">
            <Radio value="yes" label={t("common.yes")} />
            <Radio value="no" label={t("common.no")} />
          </Group>
        </Radio.Group>
      );
    case "single":
      return (
        <Radio.Group {...field} value={typeof value === "string" ? value : ""} onChange={(v) => onChange(v)}>
          <Stack gap="xs" mt="xs">
            {question.options.map((o) => (
              <Radio key={o.id} value={o.id} label={textIn(o.text, locale)} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case "multiple":
      return (
        <Checkbox.Group {...field} value={Array.isArray(value) ? value : []} onChange={(v) => onChange(v)}>
          <Stack gap="xs" mt="xs">
            {question.options.map((o) => (
              <Checkbox key={o.id} value={o.id} label={textIn(o.text, locale)} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case "number":
      return (
        <NumberInput
          {...field}
          allowDecimal={false}
          min={question.min ?? undefined}
          max={question.max ?? undefined}
          value={typeof value === "number" ? value : ""}
          onChange={(v) => onChange(typeof v === "number" ? v : undefined)}
          placeholder={t("surveys.answer.numberPlaceholder")}
          maw={200}
        />
      );
    case "text":
      return (
        <Textarea
          {...field}
          autosize
          minRows={3}
          maxLength={5000}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange(e.currentTarget.value)}
          placeholder={t("surveys.answer.textPlaceholder")}
        />
      );
    case "matrix": {
      const ratings = value && typeof value === "object" && !Array.isArray(value) ? value : {};
      return (
        <fieldset
          style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}
          aria-describedby={error ? errorId : undefined}
          data-testid={`question-${question.id}`}
        >
          <legend style={{ fontWeight: 500, fontSize: "var(--mantine-font-size-sm)", padding: 0 }}>
            {legend}
          </legend>
          {scale && (
            <Text size="xs" c="dimmed">
              {scale}
            </Text>
          )}
          <Stack gap="sm" mt="xs">
            {question.items.map((item) => (
              <Radio.Group
                key={item.id}
                label={textIn(item.text, locale)}
                value={ratings[item.id] === undefined ? "" : String(ratings[item.id])}
                onChange={(v) => onChange({ ...ratings, [item.id]: Number(v) })}
                styles={{ label: { fontWeight: 400 } }}
              >
                <Group gap="xs" mt={4} wrap="nowrap">
                  {RATING_VALUES.map((n) => (
                    <Radio key={n} value={String(n)} label={String(n)} />
                  ))}
                </Group>
              </Radio.Group>
            ))}
          </Stack>
          {error && (
            <Text size="sm" c="red.8" id={errorId} mt={4}>
              {error}
            </Text>
          )}
        </fieldset>
      );
    }
  }
}

/**
 * The questions of a survey, one section per screen with a progress bar. Each section is checked with the
 * same rules as the server before the next one; sections whose questions are all hidden are skipped.
 */
export function SurveyAnswerForm({
  form,
  submit,
}: {
  form: AnswerForm;
  submit: (answers: Answers) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const locale = form.locale;
  const [answers, setAnswers] = useState<Answers>({});
  const [step, setStep] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const heading = useRef<HTMLHeadingElement>(null);
  const sections = visibleSectionIndexes(form.definition, answers);
  const current = Math.min(step, sections.length - 1);
  const sectionIndex = sections[current] ?? 0;
  const section = form.definition.sections[sectionIndex];
  const visible = visibleQuestionIds(form.definition, answers);
  const isLast = current === sections.length - 1;
  const send = useMutation({ mutationFn: submit });

  if (send.isSuccess) {
    return (
      <Stack gap="md" data-testid="survey-thanks">
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t("surveys.answer.thanksTitle")}
        </Title>
        <Alert color="green" icon={<IconCircleCheck aria-hidden />} role="status">
          {t("surveys.answer.thanks")}
        </Alert>
      </Stack>
    );
  }

  // A new screen starts at its heading, so that a screen reader says where she is.
  const goTo = (next: number) => {
    setStep(next);
    requestAnimationFrame(() => heading.current?.focus());
  };

  const setAnswer = (id: string, value: AnswerValue | undefined) => {
    setAnswers((previous) => {
      const next = { ...previous };
      if (value === undefined) delete next[id];
      else next[id] = value;
      return next;
    });
    setErrors((previous) => {
      const { [id]: _, ...rest } = previous;
      return rest;
    });
  };

  const checkSection = (): boolean => {
    const problems = sectionProblems(form.definition, sectionIndex, answers);
    setErrors(
      Object.fromEntries(problems.map((p) => [p.path.replace(/^answers\./, ""), t(`validation.${p.key}`)])),
    );
    if (problems.length > 0) {
      const first = problems[0]?.path.replace(/^answers\./, "");
      requestAnimationFrame(() =>
        document
          .querySelector<HTMLElement>(
            `[data-testid="question-${first}"] input, [data-testid="question-${first}"] textarea, [data-testid="question-${first}"]`,
          )
          ?.focus(),
      );
    }
    return problems.length === 0;
  };

  const serverError =
    send.error instanceof ApiError ? send.error.message : send.error ? t("errors.internal") : null;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {form.organisationName}
        </Text>
        <Title order={1} fz={{ base: 24, sm: 30 }} style={{ overflowWrap: "break-word", hyphens: "auto" }}>
          {form.title}
        </Title>
        {current === 0 && form.definition.intro && <Text>{textIn(form.definition.intro, locale)}</Text>}
        {current === 0 && !form.definition.intro && <Text>{t("surveys.answer.anonymous")}</Text>}
        {current === 0 && form.closesOn && (
          <Text size="sm" c="dimmed">
            {t("surveys.answer.closesOn", { date: formatDate(form.closesOn) })}
          </Text>
        )}
      </Stack>
      <Stack gap={4}>
        {/* The words say where she is; the bar only shows it. */}
        <Text size="sm" id="survey-progress-label">
          {t("surveys.answer.progress", { current: current + 1, total: sections.length })}
        </Text>
        <Progress value={((current + 1) / sections.length) * 100} aria-hidden="true" size="md" />
      </Stack>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!checkSection()) return;
          if (isLast) send.mutate(answers);
          else goTo(current + 1);
        }}
      >
        <Paper withBorder p={{ base: "sm", sm: "lg" }} radius="md">
          <Stack gap="lg">
            <Title order={2} fz="h3" ref={heading} tabIndex={-1} data-testid="survey-section">
              {section ? textIn(section.title, locale) : ""}
            </Title>
            {section?.questions
              .filter((q) => visible.has(q.id))
              .map((q) => (
                <QuestionField
                  key={q.id}
                  question={q}
                  locale={locale}
                  value={answers[q.id]}
                  error={errors[q.id] ?? null}
                  onChange={(value) => setAnswer(q.id, value)}
                />
              ))}
          </Stack>
        </Paper>
        <Stack gap="sm" mt="md">
          {Object.keys(errors).length > 0 && <FormAlert message={t("surveys.answer.fixErrors")} />}
          <FormAlert message={serverError} />
          <Group justify="space-between">
            {current > 0 ? (
              <Button variant="default" onClick={() => goTo(current - 1)}>
                {t("surveys.answer.back")}
              </Button>
            ) : (
              <span />
            )}
            <Button
              type="submit"
              loading={send.isPending}
              data-testid={isLast ? "survey-submit" : "survey-next"}
            >
              {isLast ? t("surveys.answer.submit") : t("surveys.answer.next")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
