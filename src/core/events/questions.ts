/**
 * Questions asked on registration ("Ich bringe etwas zum Essen mit": yes/no; "Welcher Workshop?": one of
 * several; "Allergien": short text) and the check of the answers given.
 */
export type QuestionKind = "text" | "yesNo" | "choice";

export interface Question {
  id: string;
  kind: QuestionKind;
  label: string;
  options: readonly string[];
  required: boolean;
}

export type AnswerValue = string | boolean;

export interface AnswerProblem {
  questionId: string;
  code: "required" | "invalidChoice" | "wrongType";
}

export type AnswerCheck =
  | { ok: true; answers: Record<string, AnswerValue> }
  | { ok: false; problems: AnswerProblem[] };

/**
 * Keeps the answers to the date's questions (others are dropped), trimmed; an empty text is no answer. A
 * required yes/no question needs an answer, either one.
 */
export function checkAnswers(
  questions: readonly Question[],
  given: Readonly<Record<string, AnswerValue>>,
): AnswerCheck {
  const answers: Record<string, AnswerValue> = {};
  const problems: AnswerProblem[] = [];
  for (const question of questions) {
    const raw = given[question.id];
    const value = typeof raw === "string" ? raw.trim() : raw;
    if (value === undefined || value === "") {
      if (question.required) problems.push({ questionId: question.id, code: "required" });
      continue;
    }
    if (question.kind === "yesNo") {
      if (typeof value !== "boolean") problems.push({ questionId: question.id, code: "wrongType" });
      else answers[question.id] = value;
      continue;
    }
    if (typeof value !== "string") {
      problems.push({ questionId: question.id, code: "wrongType" });
      continue;
    }
    if (question.kind === "choice" && !question.options.includes(value)) {
      problems.push({ questionId: question.id, code: "invalidChoice" });
      continue;
    }
    answers[question.id] = value;
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}
