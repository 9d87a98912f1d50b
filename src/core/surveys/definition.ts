/**
 * The rules of a survey's questions: which definitions make sense, which questions a respondent sees given her
 * answers so far, and which answers are accepted. Pure; the server and the answer page use the same rules.
 */
import type {
  Answers,
  AnswerValue,
  BilingualText,
  Question,
  SurveyDefinition,
} from "../../contracts/surveys";

export const RATING_VALUES = [1, 2, 3, 4, 5] as const;
export const YES_NO = ["yes", "no"] as const;

/** Kinds whose answer can open a later question (a condition names one of their values). */
const CONDITION_SOURCES = new Set<Question["kind"]>(["single", "multiple", "yesNo", "rating"]);

export interface Problem {
  /** Path inside the definition or the answers ("sections.0.questions.2.condition", "answers.q3"). */
  path: string;
  /** Key under `validation.` in the texts. */
  key:
    | "surveyDuplicateId"
    | "surveyOptionsMissing"
    | "surveyItemsMissing"
    | "surveyRangeInvalid"
    | "surveyConditionInvalid"
    | "surveyNoQuestions"
    | "surveyAnswerRequired"
    | "surveyAnswerInvalid";
}

/** The wording in a language; English falls back to German where it was left empty. */
export function textIn(text: BilingualText, locale: "de" | "en"): string {
  return locale === "en" && text.en.trim() !== "" ? text.en : text.de;
}

export function allQuestions(definition: SurveyDefinition): Question[] {
  return definition.sections.flatMap((section) => section.questions);
}

/** The values an answer to `question` may take, as the strings a condition names. */
export function conditionValues(question: Question): string[] {
  switch (question.kind) {
    case "yesNo":
      return [...YES_NO];
    case "rating":
      return RATING_VALUES.map(String);
    case "single":
    case "multiple":
      return question.options.map((option) => option.id);
    default:
      return [];
  }
}

function hasDuplicates(ids: readonly string[]): boolean {
  return new Set(ids).size !== ids.length;
}

/** What is wrong with a definition; empty when it can be saved and answered. */
export function checkDefinition(definition: SurveyDefinition): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, Question>();
  if (hasDuplicates(definition.sections.map((s) => s.id)))
    problems.push({ path: "definition.sections", key: "surveyDuplicateId" });
  if (allQuestions(definition).length === 0)
    problems.push({ path: "definition.sections", key: "surveyNoQuestions" });
  definition.sections.forEach((section, s) => {
    section.questions.forEach((question, q) => {
      const path = `definition.sections.${s}.questions.${q}`;
      if (seen.has(question.id)) problems.push({ path: `${path}.id`, key: "surveyDuplicateId" });
      if (question.kind === "single" || question.kind === "multiple") {
        if (question.options.length < 2)
          problems.push({ path: `${path}.options`, key: "surveyOptionsMissing" });
        else if (hasDuplicates(question.options.map((o) => o.id)))
          problems.push({ path: `${path}.options`, key: "surveyDuplicateId" });
      }
      if (question.kind === "matrix") {
        if (question.items.length < 1) problems.push({ path: `${path}.items`, key: "surveyItemsMissing" });
        else if (hasDuplicates(question.items.map((i) => i.id)))
          problems.push({ path: `${path}.items`, key: "surveyDuplicateId" });
      }
      if (
        question.kind === "number" &&
        question.min !== null &&
        question.max !== null &&
        question.min > question.max
      )
        problems.push({ path: `${path}.max`, key: "surveyRangeInvalid" });
      if (question.condition) {
        // Only an earlier question can decide: the respondent has answered it before she reaches this one.
        const source = seen.get(question.condition.questionId);
        const allowed = source && CONDITION_SOURCES.has(source.kind) ? conditionValues(source) : [];
        if (!source || question.condition.anyOf.some((value) => !allowed.includes(value)))
          problems.push({ path: `${path}.condition`, key: "surveyConditionInvalid" });
      }
      seen.set(question.id, question);
    });
  });
  return problems;
}

/** The answer as the strings a condition compares with. */
function answerTokens(value: AnswerValue | undefined): string[] {
  if (value === undefined) return [];
  if (typeof value === "number") return [String(value)];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value;
  return [];
}

/**
 * The ids of the questions the respondent sees with these answers. A question whose condition names a hidden
 * question is hidden too, so that an answer left over from an earlier choice cannot open a branch.
 */
export function visibleQuestionIds(definition: SurveyDefinition, answers: Answers): Set<string> {
  const visible = new Set<string>();
  for (const question of allQuestions(definition)) {
    const condition = question.condition;
    if (!condition) {
      visible.add(question.id);
      continue;
    }
    if (!visible.has(condition.questionId)) continue;
    const given = answerTokens(answers[condition.questionId]);
    if (given.some((token) => condition.anyOf.includes(token))) visible.add(question.id);
  }
  return visible;
}

function isRating(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Whether the value is a well-formed answer to the question (emptiness is checked separately). */
function fitsQuestion(question: Question, value: AnswerValue): boolean {
  switch (question.kind) {
    case "rating":
      return isRating(value);
    case "yesNo":
      return value === "yes" || value === "no";
    case "single":
      return typeof value === "string" && question.options.some((o) => o.id === value);
    case "multiple":
      return (
        Array.isArray(value) &&
        !hasDuplicates(value) &&
        value.every((id) => question.options.some((o) => o.id === id))
      );
    case "number":
      return (
        typeof value === "number" &&
        Number.isFinite(value) &&
        (question.min === null || value >= question.min) &&
        (question.max === null || value <= question.max)
      );
    case "text":
      return typeof value === "string" && value.length <= 5000;
    case "matrix":
      return (
        typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(value).every(
          ([item, rating]) => question.items.some((i) => i.id === item) && isRating(rating),
        )
      );
  }
}

/** An answer that says nothing: skipped, blank text, no option ticked, no matrix item rated. */
function isEmpty(value: AnswerValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.keys(value).length === 0;
  return false;
}

export interface CheckedAnswers {
  problems: Problem[];
  /** Only the answers to visible questions, trimmed, without empty ones: what is stored. */
  answers: Answers;
}

/**
 * Checks a respondent's answers. Required means required only where the question is shown; answers to
 * hidden or unknown questions are dropped rather than refused, because the page may keep an answer the
 * respondent made before she changed the answer that showed the question.
 */
export function checkAnswers(definition: SurveyDefinition, answers: Answers): CheckedAnswers {
  const visible = visibleQuestionIds(definition, answers);
  const problems: Problem[] = [];
  const kept: Answers = {};
  for (const question of allQuestions(definition)) {
    if (!visible.has(question.id)) continue;
    const raw = answers[question.id];
    const value = typeof raw === "string" ? raw.trim() : raw;
    if (value === undefined || isEmpty(value)) {
      if (question.isRequired) problems.push({ path: `answers.${question.id}`, key: "surveyAnswerRequired" });
      continue;
    }
    if (!fitsQuestion(question, value)) {
      problems.push({ path: `answers.${question.id}`, key: "surveyAnswerInvalid" });
      continue;
    }
    if (question.kind === "matrix" && question.isRequired) {
      const rated = Object.keys(value as Record<string, number>);
      if (question.items.some((item) => !rated.includes(item.id)))
        problems.push({ path: `answers.${question.id}`, key: "surveyAnswerRequired" });
    }
    kept[question.id] = value;
  }
  return { problems, answers: kept };
}

/** The problems of the questions of one section, for the answer page that checks a section before the next. */
export function sectionProblems(
  definition: SurveyDefinition,
  sectionIndex: number,
  answers: Answers,
): Problem[] {
  const section = definition.sections[sectionIndex];
  if (!section) return [];
  const ids = new Set(section.questions.map((q) => `answers.${q.id}`));
  return checkAnswers(definition, answers).problems.filter((p) => ids.has(p.path));
}

/** Sections with at least one question shown; a section whose questions are all hidden is skipped. */
export function visibleSectionIndexes(definition: SurveyDefinition, answers: Answers): number[] {
  const visible = visibleQuestionIds(definition, answers);
  return definition.sections.flatMap((section, index) =>
    section.questions.some((q) => visible.has(q.id)) ? [index] : [],
  );
}
