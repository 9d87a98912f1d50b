import { Checkbox, NativeSelect, Stack, Textarea } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { Answers, QuestionDto } from "../../../../contracts/events";

/** Starting answers: "no" for yes/no questions (an unticked box is an answer), empty text otherwise. */
export function emptyAnswers(questions: readonly QuestionDto[]): Answers {
  return Object.fromEntries(questions.map((q) => [q.id, q.kind === "yesNo" ? false : ""]));
}

/** Field errors of required questions left open, keyed "answers.<id>" as the form and the API name them. */
export function missingAnswers(questions: readonly QuestionDto[], answers: Answers, t: TFunction) {
  const errors: Record<string, string> = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (question.required && question.kind !== "yesNo" && (typeof value !== "string" || value.trim() === ""))
      errors[`answers.${question.id}`] = t("events.questions.answerRequired");
  }
  return errors;
}

/** The registration's questions as fields; a yes/no question is one checkbox ("Ich bringe etwas mit"). */
export function QuestionFields({
  questions,
  answers,
  errors,
  onChange,
}: {
  questions: readonly QuestionDto[];
  answers: Answers;
  errors: Record<string, unknown>;
  onChange: (id: string, value: string | boolean) => void;
}) {
  const { t } = useTranslation();
  if (questions.length === 0) return null;
  return (
    <Stack gap="sm" data-testid="question-fields">
      {questions.map((question) => {
        const error = errors[`answers.${question.id}`] as string | undefined;
        const label = question.required
          ? question.label
          : `${question.label} (${t("events.questions.optional")})`;
        const value = answers[question.id];
        if (question.kind === "yesNo")
          return (
            <Checkbox
              key={question.id}
              label={question.label}
              checked={value === true}
              onChange={(event) => onChange(question.id, event.currentTarget.checked)}
              error={error}
            />
          );
        if (question.kind === "choice")
          return (
            <NativeSelect
              key={question.id}
              label={label}
              required={question.required}
              withAsterisk={false}
              value={typeof value === "string" ? value : ""}
              onChange={(event) => onChange(question.id, event.currentTarget.value)}
              data={[{ value: "", label: t("events.questions.choose") }, ...question.options]}
              error={error}
            />
          );
        return (
          <Textarea
            key={question.id}
            label={label}
            required={question.required}
            withAsterisk={false}
            autosize
            minRows={1}
            maxLength={500}
            value={typeof value === "string" ? value : ""}
            onChange={(event) => onChange(question.id, event.currentTarget.value)}
            error={error}
          />
        );
      })}
    </Stack>
  );
}
