/**
 * Results of a survey: counts, distributions and means per question, withheld for any group smaller than
 * MIN_GROUP so that nobody can be singled out, and the comparison with the previous run of the survey.
 */
import type { Answers, Question, QuestionResult, SurveyDefinition } from "../../contracts/surveys";
import { allQuestions, RATING_VALUES, textIn, YES_NO } from "./definition";

/** The smallest group whose answers are shown: below it, a person's answer could be guessed. */
export const MIN_GROUP = 5;

type Count = { value: string; count: number };
type Mean = { key: string; mean: number };

export interface QuestionAggregate {
  questionId: string;
  kind: Question["kind"];
  answered: number;
  isWithheld: boolean;
  counts: Count[];
  means: Mean[];
  texts: string[];
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // Two decimals are what the results page shows; rounding here keeps CSV and page the same.
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

function tally(values: readonly string[], order: readonly string[]): Count[] {
  const counts = new Map(order.map((value) => [value, 0]));
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
}

/** One question over all responses, before withholding. */
function aggregateQuestion(
  question: Question,
  responses: readonly Answers[],
): Omit<QuestionAggregate, "isWithheld"> {
  const given = responses.map((r) => r[question.id]).filter((v) => v !== undefined);
  const base = { questionId: question.id, kind: question.kind, answered: given.length };
  switch (question.kind) {
    case "rating": {
      const values = given.filter((v): v is number => typeof v === "number");
      const m = mean(values);
      return {
        ...base,
        counts: tally(values.map(String), RATING_VALUES.map(String)),
        means: m === null ? [] : [{ key: question.id, mean: m }],
        texts: [],
      };
    }
    case "yesNo":
      return { ...base, counts: tally(given.map(String), YES_NO), means: [], texts: [] };
    case "single":
      return {
        ...base,
        counts: tally(
          given.map(String),
          question.options.map((o) => o.id),
        ),
        means: [],
        texts: [],
      };
    case "multiple":
      return {
        ...base,
        counts: tally(
          given.flatMap((v) => (Array.isArray(v) ? v : [])),
          question.options.map((o) => o.id),
        ),
        means: [],
        texts: [],
      };
    case "number": {
      const values = given.filter((v): v is number => typeof v === "number");
      const m = mean(values);
      const distinct = [...new Set(values)].sort((a, b) => a - b).map(String);
      return {
        ...base,
        counts: tally(values.map(String), distinct),
        means: m === null ? [] : [{ key: question.id, mean: m }],
        texts: [],
      };
    }
    case "text":
      // Sorted, so that the list shows no order of arrival.
      return {
        ...base,
        counts: [],
        means: [],
        texts: given
          .filter((v): v is string => typeof v === "string")
          .sort((a, b) => a.localeCompare(b, "de")),
      };
    case "matrix": {
      const ratings = given.filter(
        (v): v is Record<string, number> => typeof v === "object" && !Array.isArray(v),
      );
      const counts: Count[] = [];
      const means: Mean[] = [];
      for (const item of question.items) {
        const values = ratings.map((r) => r[item.id]).filter((v): v is number => typeof v === "number");
        for (const c of tally(values.map(String), RATING_VALUES.map(String)))
          counts.push({ value: `${item.id}:${c.value}`, count: c.count });
        const m = mean(values);
        if (m !== null) means.push({ key: item.id, mean: m });
      }
      return { ...base, counts, means, texts: [] };
    }
  }
}

/**
 * Every question's results. A question answered by fewer than `minGroup` people is withheld (no counts, no
 * means, no texts), also when the survey as a whole has enough responses: a follow-up question shown only
 * to those who said "no" is a group of its own. Below `minGroup` responses in all, everything is withheld.
 */
export function aggregate(
  definition: SurveyDefinition,
  responses: readonly Answers[],
  minGroup = MIN_GROUP,
): QuestionAggregate[] {
  const isSurveyWithheld = responses.length < minGroup;
  return allQuestions(definition).map((question) => {
    const result = aggregateQuestion(question, responses);
    const isWithheld = isSurveyWithheld || result.answered < minGroup;
    return isWithheld
      ? {
          ...result,
          answered: isSurveyWithheld ? 0 : result.answered,
          isWithheld,
          counts: [],
          means: [],
          texts: [],
        }
      : { ...result, isWithheld };
  });
}

/**
 * The results with the previous run beside them, question by question where the id and kind are the same
 * and both runs have the numbers to show.
 */
export function compareWithPrevious(
  current: readonly QuestionAggregate[],
  previous: readonly QuestionAggregate[] | null,
): QuestionResult[] {
  const before = new Map((previous ?? []).map((q) => [q.questionId, q]));
  return current.map((q) => {
    const p = before.get(q.questionId);
    const isComparable = p && !q.isWithheld && !p.isWithheld && p.kind === q.kind && q.kind !== "text";
    return {
      ...q,
      previous: isComparable ? { answered: p.answered, counts: p.counts, means: p.means } : null,
    };
  });
}

/** The columns of the CSV export: one per question, one per matrix item. */
export function csvHeader(definition: SurveyDefinition, locale: "de" | "en"): string[] {
  return allQuestions(definition).flatMap((q) =>
    q.kind === "matrix"
      ? q.items.map((item) => `${textIn(q.text, locale)} – ${textIn(item.text, locale)}`)
      : [textIn(q.text, locale)],
  );
}

/**
 * One row per response, in the order given (the caller shuffles or sorts so that rows reveal no arrival
 * order). Withheld questions stay empty; below `minGroup` responses there are no rows at all.
 */
export function csvRows(
  definition: SurveyDefinition,
  responses: readonly Answers[],
  locale: "de" | "en",
  labels: { yes: string; no: string },
  minGroup = MIN_GROUP,
): string[][] {
  if (responses.length < minGroup) return [];
  const withheld = new Set(
    aggregate(definition, responses, minGroup)
      .filter((q) => q.isWithheld)
      .map((q) => q.questionId),
  );
  const optionText = (q: Question, id: string) => {
    const option = q.options.find((o) => o.id === id);
    return option ? textIn(option.text, locale) : id;
  };
  return responses.map((answers) =>
    allQuestions(definition).flatMap((q) => {
      const value = withheld.has(q.id) ? undefined : answers[q.id];
      if (q.kind === "matrix") {
        const ratings = value && typeof value === "object" && !Array.isArray(value) ? value : {};
        return q.items.map((item) => (ratings[item.id] === undefined ? "" : String(ratings[item.id])));
      }
      if (value === undefined) return [""];
      if (q.kind === "yesNo") return [value === "yes" ? labels.yes : labels.no];
      if (q.kind === "single") return [optionText(q, String(value))];
      if (q.kind === "multiple" && Array.isArray(value))
        return [value.map((id) => optionText(q, id)).join("; ")];
      return [String(value)];
    }),
  );
}

/** Fisher–Yates with an injected random source, so that tests can fix it. */
export function shuffled<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
