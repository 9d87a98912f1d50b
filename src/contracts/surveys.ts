import { z } from "zod";
import { isoDateSchema, orgIdParams, uuidSchema } from "./common";

/**
 * Anonymous satisfaction surveys (ADR 0015). A survey's questions live in one JSON definition that core/surveys
 * checks (conditions, answers, results); the server stores answers without any link to the person.
 */

/** A text in both languages; English may be left empty and then shows the German wording. */
export const bilingualText = (max = 500) =>
  z.object({
    de: z.string().trim().min(1, "v.required").max(max),
    en: z.string().trim().max(max).default(""),
  });
export type BilingualText = z.infer<ReturnType<typeof bilingualText>>;

/** Ids inside a definition: short, stable across runs so that a new run compares question by question. */
export const localId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, "v.slug");

export const questionKinds = ["rating", "single", "multiple", "yesNo", "number", "text", "matrix"] as const;
export type QuestionKind = (typeof questionKinds)[number];

const choice = z.object({ id: localId, text: bilingualText(200) });
export type Choice = z.infer<typeof choice>;

/** Show the question only when an earlier question's answer is one of `anyOf` ("yes"/"no", an option id, "1"…"5"). */
export const conditionSchema = z.object({
  questionId: localId,
  anyOf: z.array(z.string().trim().min(1).max(40)).min(1).max(20),
});
export type Condition = z.infer<typeof conditionSchema>;

export const questionSchema = z.object({
  id: localId,
  kind: z.enum(questionKinds),
  text: bilingualText(500),
  help: bilingualText(500).nullable().default(null),
  isRequired: z.boolean().default(false),
  /** Single and multiple choice. */
  options: z.array(choice).max(20).default([]),
  /** Rating and matrix: the words for 1 and for 5. */
  scale: z
    .object({ low: bilingualText(60), high: bilingualText(60) })
    .nullable()
    .default(null),
  /** Matrix: the items each rated on the scale. */
  items: z.array(choice).max(20).default([]),
  /** Number: the allowed range. */
  min: z.number().int().min(-1_000_000).max(1_000_000).nullable().default(null),
  max: z.number().int().min(-1_000_000).max(1_000_000).nullable().default(null),
  condition: conditionSchema.nullable().default(null),
});
export type Question = z.infer<typeof questionSchema>;

export const sectionSchema = z.object({
  id: localId,
  title: bilingualText(200),
  questions: z.array(questionSchema).max(40),
});
export type Section = z.infer<typeof sectionSchema>;

export const surveyDefinition = z.object({
  intro: bilingualText(2000).nullable().default(null),
  sections: z.array(sectionSchema).min(1).max(20),
});
export type SurveyDefinition = z.infer<typeof surveyDefinition>;

/** One answer: rating/number → number, single/yesNo → option id or "yes"/"no", multiple → ids, matrix → item → 1…5. */
export const answerValue = z.union([
  z.number(),
  z.string().max(5000),
  z.array(z.string().max(40)).max(20),
  z.record(z.string().max(40), z.number()),
]);
export type AnswerValue = z.infer<typeof answerValue>;
export const answersSchema = z.record(z.string().max(40), answerValue);
export type Answers = z.infer<typeof answersSchema>;

export const surveyStatuses = ["draft", "open", "closed"] as const;
export type SurveyStatus = (typeof surveyStatuses)[number];

/** Who is invited: active members of a group; `parentsWithContract` are parents with an active care contract. */
export const surveyAudiences = ["members", "caregivers", "parents", "parentsWithContract"] as const;
export type SurveyAudience = (typeof surveyAudiences)[number];

export const templateKeys = ["parents", "caregivers"] as const;
export type TemplateKey = (typeof templateKeys)[number];

export const createSurveyBody = z.object({
  title: z.string().trim().min(1, "v.required").max(200),
  /** A shipped template, or null for an empty survey. */
  template: z.enum(templateKeys).nullable().default(null),
  audience: z.enum(surveyAudiences).default("members"),
});
export type CreateSurveyBody = z.infer<typeof createSurveyBody>;

export const updateSurveyBody = z.object({
  title: z.string().trim().min(1, "v.required").max(200),
  audience: z.enum(surveyAudiences),
  /** The last day answers are taken; null keeps the survey open until it is closed by hand. */
  closesOn: isoDateSchema.nullable(),
  definition: surveyDefinition,
});
export type UpdateSurveyBody = z.infer<typeof updateSurveyBody>;

export const surveyParams = orgIdParams;

export const surveySummary = z.object({
  id: uuidSchema,
  title: z.string(),
  status: z.enum(surveyStatuses),
  audience: z.enum(surveyAudiences),
  closesOn: z.string().nullable(),
  invited: z.number().int(),
  responses: z.number().int(),
  previousSurveyId: uuidSchema.nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
});
export type SurveySummary = z.infer<typeof surveySummary>;

export const surveyDetail = surveySummary.extend({
  definition: surveyDefinition,
  previousTitle: z.string().nullable(),
});
export type SurveyDetail = z.infer<typeof surveyDetail>;

export const openSurveyBody = z.object({ closesOn: isoDateSchema.nullable().default(null) });

export const remindedResponse = z.object({ reminded: z.number().int() });

/** One question's results; `isWithheld` when fewer than MIN_GROUP answered it (then no numbers are given). */
export const questionResult = z.object({
  questionId: z.string(),
  kind: z.enum(questionKinds),
  answered: z.number().int(),
  isWithheld: z.boolean(),
  /** value → count: option ids, "yes"/"no", "1"…"5"; for a matrix "item:value". */
  counts: z.array(z.object({ value: z.string(), count: z.number().int() })),
  /** Ratings, numbers; for a matrix one per item. */
  means: z.array(z.object({ key: z.string(), mean: z.number() })),
  texts: z.array(z.string()),
  /** The same question in the previous run, when both have enough answers. */
  previous: z
    .object({
      answered: z.number().int(),
      counts: z.array(z.object({ value: z.string(), count: z.number().int() })),
      means: z.array(z.object({ key: z.string(), mean: z.number() })),
    })
    .nullable(),
});
export type QuestionResult = z.infer<typeof questionResult>;

export const surveyResults = z.object({
  invited: z.number().int(),
  responses: z.number().int(),
  minGroup: z.number().int(),
  /** True while fewer than MIN_GROUP answered: only the response rate is shown. */
  isWithheld: z.boolean(),
  previous: z.object({ id: uuidSchema, title: z.string(), responses: z.number().int() }).nullable(),
  questions: z.array(questionResult),
});
export type SurveyResults = z.infer<typeof surveyResults>;

/** An invitation the signed-in person has not answered yet. */
export const myInvitation = z.object({
  surveyId: uuidSchema,
  title: z.string(),
  closesOn: z.string().nullable(),
});
export type MyInvitation = z.infer<typeof myInvitation>;

/** What the answer page shows: the questions, in the language the invitation was sent in. */
export const answerForm = z.object({
  organisationName: z.string(),
  title: z.string(),
  locale: z.enum(["de", "en"]),
  closesOn: z.string().nullable(),
  definition: surveyDefinition,
});
export type AnswerForm = z.infer<typeof answerForm>;

/** The link's token travels in the body, never in a URL, so that no request log holds it. */
export const tokenBody = z.object({ token: z.string().min(20).max(200) });
export const submitByTokenBody = tokenBody.extend({ answers: answersSchema });
export const submitAnswersBody = z.object({ answers: answersSchema });
export type SubmitAnswersBody = z.infer<typeof submitAnswersBody>;
