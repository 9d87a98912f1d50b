import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  type BilingualText,
  type Choice,
  type Question,
  type QuestionKind,
  questionKinds,
  type Section,
  type SurveyDefinition,
} from "../../../../contracts/surveys";
import { allQuestions, conditionValues, textIn } from "../../../../core/surveys/definition";

/** A short id that stays with the question across runs (results compare by it). */
function newId(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const id = `${prefix}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

const empty = (): BilingualText => ({ de: "", en: "" });

export function newQuestion(kind: QuestionKind, taken: readonly string[]): Question {
  const needsScale = kind === "rating" || kind === "matrix";
  return {
    id: newId("frage", taken),
    kind,
    text: empty(),
    help: null,
    isRequired: false,
    options:
      kind === "single" || kind === "multiple"
        ? [
            { id: "a", text: empty() },
            { id: "b", text: empty() },
          ]
        : [],
    scale: needsScale
      ? {
          low: { de: "sehr unzufrieden", en: "very dissatisfied" },
          high: { de: "sehr zufrieden", en: "very satisfied" },
        }
      : null,
    items: kind === "matrix" ? [{ id: "a", text: empty() }] : [],
    min: null,
    max: null,
    condition: null,
  };
}

/** Changing the kind keeps the wording and gives the question what the new kind needs. */
function withKind(question: Question, kind: QuestionKind): Question {
  const fresh = newQuestion(kind, []);
  return {
    ...fresh,
    id: question.id,
    text: question.text,
    isRequired: question.isRequired,
    condition: question.condition,
    options: question.options.length >= 2 ? question.options : fresh.options,
    items: question.items.length >= 1 ? question.items : fresh.items,
  };
}

function BilingualFields({
  value,
  onChange,
  labelDe,
  labelEn,
  isLong,
  path,
  errors,
}: {
  value: BilingualText;
  onChange: (value: BilingualText) => void;
  labelDe: string;
  labelEn: string;
  isLong?: boolean;
  path: string;
  errors: Record<string, string>;
}) {
  const Field = isLong ? Textarea : TextInput;
  return (
    <Stack gap={6}>
      <Field
        label={labelDe}
        required
        value={value.de}
        error={errors[`${path}.de`]}
        onChange={(e) => onChange({ ...value, de: e.currentTarget.value })}
        {...(isLong ? { autosize: true, minRows: 2 } : {})}
      />
      <Field
        label={labelEn}
        value={value.en}
        error={errors[`${path}.en`]}
        onChange={(e) => onChange({ ...value, en: e.currentTarget.value })}
        {...(isLong ? { autosize: true, minRows: 2 } : {})}
      />
    </Stack>
  );
}

function ChoiceList({
  label,
  addLabel,
  choices,
  onChange,
  path,
  errors,
}: {
  label: string;
  addLabel: string;
  choices: Choice[];
  onChange: (choices: Choice[]) => void;
  path: string;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const set = (index: number, text: BilingualText) =>
    onChange(choices.map((c, i) => (i === index ? { ...c, text } : c)));
  return (
    <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Text component="legend" fw={500} size="sm">
        {label}
      </Text>
      {errors[path] && (
        <Text size="sm" c="red.8">
          {errors[path]}
        </Text>
      )}
      {choices.map((choice, index) => (
        <Group key={choice.id} gap="xs" align="flex-end" wrap="wrap">
          <TextInput
            style={{ flex: "1 1 10rem", minWidth: 0 }}
            label={`${index + 1}. ${t("surveys.builder.choiceDe")}`}
            required
            value={choice.text.de}
            error={errors[`${path}.${index}.text.de`]}
            onChange={(e) => set(index, { ...choice.text, de: e.currentTarget.value })}
          />
          <TextInput
            style={{ flex: "1 1 10rem", minWidth: 0 }}
            label={`${index + 1}. ${t("surveys.builder.choiceEn")}`}
            value={choice.text.en}
            onChange={(e) => set(index, { ...choice.text, en: e.currentTarget.value })}
          />
          <ActionIcon
            variant="subtle"
            color="red.8"
            size="lg"
            aria-label={t("surveys.builder.removeChoice", { text: choice.text.de || String(index + 1) })}
            onClick={() => onChange(choices.filter((_, i) => i !== index))}
          >
            <IconTrash size={18} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        leftSection={<IconPlus size={14} aria-hidden="true" />}
        onClick={() =>
          onChange([
            ...choices,
            {
              id: newId(
                "w",
                choices.map((c) => c.id),
              ),
              text: empty(),
            },
          ])
        }
      >
        {addLabel}
      </Button>
    </Stack>
  );
}

function QuestionEditor({
  question,
  number,
  earlier,
  path,
  errors,
  onChange,
  onRemove,
  onMove,
  isNew,
}: {
  question: Question;
  number: number;
  isNew: boolean;
  earlier: Question[];
  path: string;
  errors: Record<string, string>;
  onChange: (question: Question) => void;
  onRemove: () => void;
  onMove: (delta: -1 | 1) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "de";
  const sources = earlier.filter((q) => conditionValues(q).length > 0);
  const source = sources.find((q) => q.id === question.condition?.questionId) ?? null;
  const valueLabel = (q: Question, value: string) => {
    if (q.kind === "yesNo") return t(value === "yes" ? "common.yes" : "common.no");
    if (q.kind === "rating") return value;
    const option = q.options.find((o) => o.id === value);
    return option ? textIn(option.text, locale) || value : value;
  };
  const hasError = Object.keys(errors).some((key) => key.startsWith(`${path}.`));
  const [isOpen, setOpen] = useState(isNew);
  const isShown = isOpen || hasError;
  const bodyId = `${path}-body`.replaceAll(".", "-");
  return (
    <Paper withBorder p="sm" component="li" data-testid="builder-question">
      <Stack gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Title order={4} fz="md">
            {t("surveys.builder.question", { number })}
          </Title>
          <Text size="sm" style={{ overflowWrap: "anywhere" }}>
            {question.text.de || t("surveys.builder.untitled")}
          </Text>
          <Group gap={4}>
            <Badge variant="outline" color="dark.6" tt="none" size="sm">
              {t(`surveys.builder.kinds.${question.kind}`)}
            </Badge>
            {question.isRequired && (
              <Badge variant="outline" color="dark.6" tt="none" size="sm">
                {t("surveys.builder.required")}
              </Badge>
            )}
            {question.condition && (
              <Badge variant="outline" color="dark.6" tt="none" size="sm">
                {t("surveys.builder.conditional")}
              </Badge>
            )}
          </Group>
        </Stack>
        <Group justify="space-between" wrap="nowrap">
          <Button
            variant="default"
            size="compact-sm"
            w="fit-content"
            aria-expanded={isShown}
            aria-controls={bodyId}
            onClick={() => setOpen(!isShown)}
            data-testid="builder-question-toggle"
          >
            {isShown ? t("surveys.builder.collapse") : t("surveys.builder.edit")}
            <VisuallyHidden>: {t("surveys.builder.question", { number })}</VisuallyHidden>
          </Button>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="subtle"
              size="lg"
              aria-label={t("surveys.builder.moveUp", { number })}
              onClick={() => onMove(-1)}
            >
              <IconArrowUp size={18} aria-hidden="true" />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              size="lg"
              aria-label={t("surveys.builder.moveDown", { number })}
              onClick={() => onMove(1)}
            >
              <IconArrowDown size={18} aria-hidden="true" />
            </ActionIcon>
            <ActionIcon
              variant="subtle"
              color="red.8"
              size="lg"
              aria-label={t("surveys.builder.removeQuestion", { number })}
              onClick={onRemove}
            >
              <IconTrash size={18} aria-hidden="true" />
            </ActionIcon>
          </Group>
        </Group>
        {isShown && (
          <Stack gap="sm" id={bodyId}>
            <Select
              label={t("surveys.builder.kind")}
              allowDeselect={false}
              data={questionKinds.map((kind) => ({ value: kind, label: t(`surveys.builder.kinds.${kind}`) }))}
              value={question.kind}
              onChange={(kind) => kind && onChange(withKind(question, kind as QuestionKind))}
            />
            <BilingualFields
              value={question.text}
              onChange={(text) => onChange({ ...question, text })}
              labelDe={t("surveys.builder.text")}
              labelEn={t("surveys.builder.textEn")}
              isLong
              path={`${path}.text`}
              errors={errors}
            />
            {question.scale && (
              <Group grow align="flex-start" gap="xs" wrap="wrap">
                <BilingualFields
                  value={question.scale.low}
                  onChange={(low) =>
                    question.scale && onChange({ ...question, scale: { ...question.scale, low } })
                  }
                  labelDe={t("surveys.builder.low")}
                  labelEn={t("surveys.builder.lowEn")}
                  path={`${path}.scale.low`}
                  errors={errors}
                />
                <BilingualFields
                  value={question.scale.high}
                  onChange={(high) =>
                    question.scale && onChange({ ...question, scale: { ...question.scale, high } })
                  }
                  labelDe={t("surveys.builder.high")}
                  labelEn={t("surveys.builder.highEn")}
                  path={`${path}.scale.high`}
                  errors={errors}
                />
              </Group>
            )}
            {(question.kind === "single" || question.kind === "multiple") && (
              <ChoiceList
                label={t("surveys.builder.options")}
                addLabel={t("surveys.builder.addOption")}
                choices={question.options}
                onChange={(options) => onChange({ ...question, options })}
                path={`${path}.options`}
                errors={errors}
              />
            )}
            {question.kind === "matrix" && (
              <ChoiceList
                label={t("surveys.builder.items")}
                addLabel={t("surveys.builder.addItem")}
                choices={question.items}
                onChange={(items) => onChange({ ...question, items })}
                path={`${path}.items`}
                errors={errors}
              />
            )}
            {question.kind === "number" && (
              <Group grow gap="xs">
                <NumberInput
                  label={t("surveys.builder.min")}
                  allowDecimal={false}
                  value={question.min ?? ""}
                  onChange={(v) => onChange({ ...question, min: typeof v === "number" ? v : null })}
                />
                <NumberInput
                  label={t("surveys.builder.max")}
                  allowDecimal={false}
                  value={question.max ?? ""}
                  error={errors[`${path}.max`]}
                  onChange={(v) => onChange({ ...question, max: typeof v === "number" ? v : null })}
                />
              </Group>
            )}
            <Switch
              label={t("surveys.builder.required")}
              checked={question.isRequired}
              onChange={(e) => onChange({ ...question, isRequired: e.currentTarget.checked })}
            />
            {sources.length > 0 && (
              <Stack gap={6}>
                <Select
                  label={t("surveys.builder.condition")}
                  allowDeselect={false}
                  data={[
                    { value: "", label: t("surveys.builder.conditionNone") },
                    ...sources.map((q) => ({
                      value: q.id,
                      label: textIn(q.text, locale) || q.id,
                    })),
                  ]}
                  value={question.condition?.questionId ?? ""}
                  error={errors[`${path}.condition`]}
                  onChange={(id) =>
                    onChange({ ...question, condition: id ? { questionId: id, anyOf: [] } : null })
                  }
                />
                {source && question.condition && (
                  <MultiSelect
                    label={t("surveys.builder.conditionValues")}
                    data={conditionValues(source).map((value) => ({
                      value,
                      label: valueLabel(source, value),
                    }))}
                    value={question.condition.anyOf}
                    onChange={(anyOf) =>
                      question.condition &&
                      onChange({ ...question, condition: { ...question.condition, anyOf } })
                    }
                  />
                )}
              </Stack>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The survey's sections and questions, edited in place: every field in German (required) and English
 * (optional), one question per card so that it works on a phone without a second column.
 */
export function SurveyBuilder({
  definition,
  onChange,
  errors,
}: {
  definition: SurveyDefinition;
  onChange: (definition: SurveyDefinition) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const questions = allQuestions(definition);
  const ids = questions.map((q) => q.id);
  // Questions that were there when the page opened start folded; a new one opens for its wording.
  const [known] = useState(() => new Set(ids));
  const setSection = (index: number, section: Section) =>
    onChange({ ...definition, sections: definition.sections.map((s, i) => (i === index ? section : s)) });
  let number = 0;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("surveys.builder.englishHint")}
      </Text>
      <Stack gap={6}>
        <Textarea
          label={t("surveys.builder.intro")}
          autosize
          minRows={2}
          value={definition.intro?.de ?? ""}
          onChange={(e) =>
            onChange({ ...definition, intro: { de: e.currentTarget.value, en: definition.intro?.en ?? "" } })
          }
        />
        <Textarea
          label={t("surveys.builder.introEn")}
          autosize
          minRows={2}
          value={definition.intro?.en ?? ""}
          onChange={(e) =>
            onChange({ ...definition, intro: { de: definition.intro?.de ?? "", en: e.currentTarget.value } })
          }
        />
      </Stack>
      {definition.sections.map((section, sectionIndex) => {
        const path = `definition.sections.${sectionIndex}`;
        return (
          <Paper key={section.id} withBorder p={{ base: "sm", sm: "md" }} component="section" bg="gray.0">
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap">
                <Title order={3} fz="h4">
                  {t("surveys.builder.section", { number: sectionIndex + 1 })}
                </Title>
                {definition.sections.length > 1 && (
                  <ActionIcon
                    variant="subtle"
                    color="red.8"
                    size="lg"
                    aria-label={t("surveys.builder.removeSection", { number: sectionIndex + 1 })}
                    onClick={() =>
                      onChange({
                        ...definition,
                        sections: definition.sections.filter((_, i) => i !== sectionIndex),
                      })
                    }
                  >
                    <IconTrash size={18} aria-hidden="true" />
                  </ActionIcon>
                )}
              </Group>
              <BilingualFields
                value={section.title}
                onChange={(title) => setSection(sectionIndex, { ...section, title })}
                labelDe={t("surveys.builder.sectionTitle")}
                labelEn={t("surveys.builder.sectionTitleEn")}
                path={`${path}.title`}
                errors={errors}
              />
              <Divider />
              <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {section.questions.map((question, questionIndex) => {
                  number += 1;
                  const earlier = questions.slice(0, number - 1);
                  return (
                    <QuestionEditor
                      key={question.id}
                      question={question}
                      number={number}
                      isNew={!known.has(question.id)}
                      earlier={earlier}
                      path={`${path}.questions.${questionIndex}`}
                      errors={errors}
                      onChange={(q) =>
                        setSection(sectionIndex, {
                          ...section,
                          questions: section.questions.map((x, i) => (i === questionIndex ? q : x)),
                        })
                      }
                      onRemove={() =>
                        setSection(sectionIndex, {
                          ...section,
                          questions: section.questions.filter((_, i) => i !== questionIndex),
                        })
                      }
                      onMove={(delta) => {
                        const target = questionIndex + delta;
                        if (target < 0 || target >= section.questions.length) return;
                        const next = [...section.questions];
                        [next[questionIndex], next[target]] = [
                          next[target] as Question,
                          next[questionIndex] as Question,
                        ];
                        setSection(sectionIndex, { ...section, questions: next });
                      }}
                    />
                  );
                })}
              </Stack>
              <Button
                variant="light"
                w="fit-content"
                leftSection={<IconPlus size={16} aria-hidden="true" />}
                onClick={() =>
                  setSection(sectionIndex, {
                    ...section,
                    questions: [...section.questions, newQuestion("rating", ids)],
                  })
                }
              >
                {t("surveys.builder.addQuestion")}
              </Button>
            </Stack>
          </Paper>
        );
      })}
      <Button
        variant="default"
        w="fit-content"
        leftSection={<IconPlus size={16} aria-hidden="true" />}
        onClick={() =>
          onChange({
            ...definition,
            sections: [
              ...definition.sections,
              {
                id: newId(
                  "teil",
                  definition.sections.map((s) => s.id),
                ),
                title: empty(),
                questions: [newQuestion("rating", ids)],
              },
            ],
          })
        }
      >
        {t("surveys.builder.addSection")}
      </Button>
    </Stack>
  );
}
