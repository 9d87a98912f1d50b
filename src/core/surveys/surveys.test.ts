import { describe, expect, it } from "vitest";
import { type Answers, type SurveyDefinition, surveyDefinition } from "../../contracts/surveys";
import {
  checkAnswers,
  checkDefinition,
  textIn,
  visibleQuestionIds,
  visibleSectionIndexes,
} from "./definition";
import { aggregate, compareWithPrevious, csvHeader, csvRows, MIN_GROUP, shuffled } from "./results";
import { emptyDefinition, SURVEY_TEMPLATES } from "./templates";

const definition: SurveyDefinition = surveyDefinition.parse({
  sections: [
    {
      id: "a",
      title: { de: "Teil A", en: "Part A" },
      questions: [
        { id: "ok", kind: "yesNo", text: { de: "Alles gut?" }, isRequired: true },
        {
          id: "why",
          kind: "single",
          text: { de: "Woran liegt es?", en: "Why?" },
          isRequired: true,
          options: [
            { id: "zeit", text: { de: "Zeiten" } },
            { id: "essen", text: { de: "Essen" } },
          ],
          condition: { questionId: "ok", anyOf: ["no"] },
        },
        {
          id: "food",
          kind: "text",
          text: { de: "Was am Essen?" },
          isRequired: true,
          condition: { questionId: "why", anyOf: ["essen"] },
        },
      ],
    },
    {
      id: "b",
      title: { de: "Teil B" },
      questions: [
        { id: "stars", kind: "rating", text: { de: "Sterne" } },
        { id: "kids", kind: "number", text: { de: "Kinder" }, min: 1, max: 4 },
        {
          id: "likes",
          kind: "multiple",
          text: { de: "Was mögen Sie?" },
          options: [
            { id: "x", text: { de: "X" } },
            { id: "y", text: { de: "Y" } },
          ],
        },
        {
          id: "grid",
          kind: "matrix",
          text: { de: "Bewerten Sie" },
          isRequired: true,
          items: [
            { id: "i1", text: { de: "Eins" } },
            { id: "i2", text: { de: "Zwei" } },
          ],
        },
      ],
    },
  ],
});

const full = (extra: Answers = {}): Answers => ({ ok: "yes", grid: { i1: 4, i2: 5 }, ...extra });

describe("survey definitions", () => {
  it("accepts the shipped templates and the empty survey", () => {
    for (const template of Object.values(SURVEY_TEMPLATES)) {
      expect(checkDefinition(surveyDefinition.parse(template.definition))).toEqual([]);
    }
    expect(checkDefinition(emptyDefinition())).toEqual([]);
    expect(SURVEY_TEMPLATES.parents.title.de).toBe("Zufriedenheit der Eltern mit der Kindertagespflege");
  });

  it("refuses duplicate ids, too few options, bad ranges and conditions on later or unfit questions", () => {
    const bad = structuredClone(definition);
    const [a, b] = bad.sections;
    if (!a || !b) throw new Error("sections");
    b.questions.push({ ...structuredClone(b.questions[0]), id: "ok" } as never);
    a.questions[1]?.options.pop();
    const kids = b.questions[1];
    if (kids) Object.assign(kids, { min: 5, max: 2 });
    const first = a.questions[0];
    if (first) first.condition = { questionId: "stars", anyOf: ["1"] };
    const food = a.questions[2];
    if (food) food.condition = { questionId: "why", anyOf: ["trinken"] };
    expect(checkDefinition(bad).map((p) => [p.path, p.key])).toEqual([
      ["definition.sections.0.questions.0.condition", "surveyConditionInvalid"],
      ["definition.sections.0.questions.1.options", "surveyOptionsMissing"],
      ["definition.sections.0.questions.2.condition", "surveyConditionInvalid"],
      ["definition.sections.1.questions.1.max", "surveyRangeInvalid"],
      ["definition.sections.1.questions.4.id", "surveyDuplicateId"],
    ]);
    const textSource = structuredClone(definition);
    const stars = textSource.sections[1]?.questions[0];
    if (stars) stars.condition = { questionId: "food", anyOf: ["x"] };
    expect(checkDefinition(textSource).map((p) => p.key)).toEqual(["surveyConditionInvalid"]);
  });

  it("shows follow-up questions only on the answers named, and hides a chain whose start is hidden", () => {
    expect([...visibleQuestionIds(definition, { ok: "yes" })]).toEqual([
      "ok",
      "stars",
      "kids",
      "likes",
      "grid",
    ]);
    expect(visibleQuestionIds(definition, { ok: "no", why: "essen" }).has("food")).toBe(true);
    // "why" was answered while "no" was chosen, then she changed to "yes": the chain closes.
    expect(visibleQuestionIds(definition, { ok: "yes", why: "essen" }).has("food")).toBe(false);
    expect(visibleSectionIndexes(definition, {})).toEqual([0, 1]);
  });

  it("requires only what is shown and keeps only answers to shown questions", () => {
    expect(checkAnswers(definition, full({ why: "zeit", stars: 4 }))).toEqual({
      problems: [],
      answers: { ok: "yes", stars: 4, grid: { i1: 4, i2: 5 } },
    });
    expect(checkAnswers(definition, full({ ok: "no", why: "essen" })).problems).toEqual([
      { path: "answers.food", key: "surveyAnswerRequired" },
    ]);
    expect(
      checkAnswers(definition, full({ ok: "no", why: "essen", food: "  Mehr Obst " })).answers.food,
    ).toBe("Mehr Obst");
    expect(checkAnswers(definition, full({ grid: { i1: 3 } })).problems).toEqual([
      { path: "answers.grid", key: "surveyAnswerRequired" },
    ]);
  });

  it("refuses answers that do not fit their question", () => {
    const invalid = (answers: Answers) => checkAnswers(definition, full(answers)).problems.map((p) => p.path);
    expect(invalid({ ok: "vielleicht" })).toEqual(["answers.ok"]);
    expect(invalid({ stars: 6 })).toEqual(["answers.stars"]);
    expect(invalid({ stars: 2.5 })).toEqual(["answers.stars"]);
    expect(invalid({ kids: 7 })).toEqual(["answers.kids"]);
    expect(invalid({ likes: ["x", "x"] })).toEqual(["answers.likes"]);
    expect(invalid({ likes: ["z"] })).toEqual(["answers.likes"]);
    expect(invalid({ grid: { i1: 4, i3: 2 } })).toEqual(["answers.grid"]);
    expect(invalid({ ok: "no", why: "schlaf", food: "x" })).toEqual(["answers.why"]);
    expect(invalid({ stars: "5" })).toEqual(["answers.stars"]);
    expect(invalid({ likes: [], kids: 1 })).toEqual([]);
  });

  it("falls back to German where the English wording is empty", () => {
    expect(textIn({ de: "Essen", en: "" }, "en")).toBe("Essen");
    expect(textIn({ de: "Essen", en: "Meals" }, "en")).toBe("Meals");
  });
});

describe("survey results", () => {
  const five: Answers[] = [
    full({ stars: 5, kids: 1, likes: ["x"] }),
    full({ stars: 4, kids: 2, likes: ["x", "y"] }),
    full({ stars: 4, kids: 2, grid: { i1: 1, i2: 2 } }),
    full({ ok: "no", why: "zeit", stars: 2, kids: 1 }),
    full({ ok: "no", why: "essen", food: "Mehr Obst", stars: 3 }),
  ];

  it("counts, distributes and averages by hand-counted numbers", () => {
    const byId = new Map(aggregate(definition, five).map((q) => [q.questionId, q]));
    expect(byId.get("ok")).toMatchObject({
      answered: 5,
      isWithheld: false,
      counts: [
        { value: "yes", count: 3 },
        { value: "no", count: 2 },
      ],
    });
    expect(byId.get("stars")).toMatchObject({
      answered: 5,
      counts: [
        { value: "1", count: 0 },
        { value: "2", count: 1 },
        { value: "3", count: 1 },
        { value: "4", count: 2 },
        { value: "5", count: 1 },
      ],
      means: [{ key: "stars", mean: 3.6 }],
    });
    const grid = byId.get("grid");
    expect(grid?.means).toEqual([
      { key: "i1", mean: 3.4 },
      { key: "i2", mean: 4.4 },
    ]);
    expect(grid?.counts.filter((c) => c.count > 0)).toEqual([
      { value: "i1:1", count: 1 },
      { value: "i1:4", count: 4 },
      { value: "i2:2", count: 1 },
      { value: "i2:5", count: 4 },
    ]);
    // Four answered: a group below five, withheld although the survey has five responses.
    expect(byId.get("kids")).toMatchObject({ answered: 4, isWithheld: true, counts: [], means: [] });
    expect(byId.get("why")).toMatchObject({ answered: 2, isWithheld: true, counts: [] });
    expect(byId.get("food")).toMatchObject({ isWithheld: true, texts: [] });
    expect(byId.get("likes")).toMatchObject({ answered: 2, isWithheld: true });
  });

  it("withholds everything below MIN_GROUP responses, also how many answered each question", () => {
    expect(MIN_GROUP).toBe(5);
    const results = aggregate(definition, five.slice(0, 4));
    expect(results.every((q) => q.isWithheld && q.answered === 0 && q.counts.length === 0)).toBe(true);
    expect(csvRows(definition, five.slice(0, 4), "de", { yes: "Ja", no: "Nein" })).toEqual([]);
  });

  it("lists free texts sorted, not in the order they came", () => {
    const texts = ["Zeit", "Anna ist toll", "Mehr Obst", "Basteln", "Obst"].map((food) =>
      full({ ok: "no", why: "essen", food }),
    );
    const food = aggregate(definition, texts).find((q) => q.questionId === "food");
    expect(food?.texts).toEqual(["Anna ist toll", "Basteln", "Mehr Obst", "Obst", "Zeit"]);
  });

  it("compares question by question with the previous run when both have enough answers", () => {
    const before = aggregate(definition, [...five.slice(0, 4), full({ stars: 1 })]);
    const now = aggregate(definition, five);
    const compared = new Map(compareWithPrevious(now, before).map((q) => [q.questionId, q]));
    expect(compared.get("stars")?.previous?.means).toEqual([{ key: "stars", mean: 3.2 }]);
    expect(compared.get("kids")?.previous).toBeNull();
    expect(compareWithPrevious(now, null).every((q) => q.previous === null)).toBe(true);
  });

  it("exports one row per response with withheld questions empty", () => {
    const header = csvHeader(definition, "en");
    expect(header).toEqual([
      "Alles gut?",
      "Why?",
      "Was am Essen?",
      "Sterne",
      "Kinder",
      "Was mögen Sie?",
      "Bewerten Sie – Eins",
      "Bewerten Sie – Zwei",
    ]);
    const rows = csvRows(definition, five, "de", { yes: "Ja", no: "Nein" });
    expect(rows[0]).toEqual(["Ja", "", "", "5", "", "", "4", "5"]);
    expect(rows[3]).toEqual(["Nein", "", "", "2", "", "", "4", "5"]);
  });

  it("shuffles every element into place with the given random source", () => {
    expect(shuffled([1, 2, 3, 4], () => 0)).toEqual([2, 3, 4, 1]);
    expect(shuffled([1, 2, 3, 4], () => 0.999).sort()).toEqual([1, 2, 3, 4]);
  });
});
