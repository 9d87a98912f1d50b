import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconInfoCircle } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  assessmentKinds,
  type CourseProblemDto,
  courseAudiences,
  courseInput,
  type TrainingPeople,
} from "../../../../contracts/training";
import { COURSE_CATEGORIES, type CourseCategory } from "../../../../core/training/catalogue";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useFormError } from "../../../components/notify";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import {
  type CourseFormValues,
  defaultsOf,
  type Rules,
  type SessionRow,
  toCourseBody,
} from "./course-form-values";
import { SessionsEditor } from "./course-sessions-editor";

/** The API speaks of cents, the form of euros. */
const formPath = (path: string) => (path === "feeCents" ? "fee" : path);

export type SubmitMode = "save" | "publish";

/**
 * Create or change a run. The category fills in its defaults (UE, practice hours, validity, minimum
 * attendance, assessments), which stay editable. "Publish" saves first; what keeps the run from being
 * published (the sessions' UE not adding up, an overlap …) is shown at the fields it concerns.
 */
export function CourseForm({
  initialValues,
  rules,
  people,
  isPublished,
  onSubmit,
  isPending,
}: {
  initialValues: CourseFormValues;
  rules: Rules;
  people: TrainingPeople["items"];
  isPublished: boolean;
  /** Saves (and publishes); answers the stored run's problems to show, or throws the API's error. */
  onSubmit: (values: CourseFormValues, mode: SubmitMode) => Promise<SubmitOutcome>;
  isPending: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { formError, setFormError, onInvalid } = useFormError();
  const [defaultsNote, setDefaultsNote] = useState<string | null>(null);
  // The pressed button decides the mode; a ref, because the submit event comes before React re-renders.
  const modeRef = useRef<SubmitMode>("save");
  const [mode, setModeState] = useState<SubmitMode>("save");
  const setMode = (next: SubmitMode) => {
    modeRef.current = next;
    setModeState(next);
  };
  const validateSchema = useSchemaValidation(courseInput);
  const form = useForm<CourseFormValues>({
    initialValues,
    validate: (values) => {
      const errors: Record<string, string> = {};
      for (const [path, message] of Object.entries(validateSchema(toCourseBody(values))))
        errors[formPath(path)] = message;
      if (values.units === "") errors.units = t("validation.required");
      return errors;
    },
  });
  const decimal = i18n.language === "en" ? "." : ",";
  const values = form.values;

  const changeCategory = (category: CourseCategory) => {
    const previousName = t(`training.categories.${values.category}`);
    form.setValues({
      category,
      ...defaultsOf(category, rules),
      // A title still naming the old category (or none) follows the new one.
      ...(values.title.trim() === "" || values.title === previousName
        ? { title: t(`training.categories.${category}`) }
        : {}),
    });
    setDefaultsNote(
      t("training.web.form.defaultsApplied", { category: t(`training.categories.${category}`) }),
    );
  };

  const showProblems = (problems: readonly CourseProblemDto[]) => {
    form.clearErrors();
    for (const problem of problems) form.setFieldError(formPath(problem.path), problem.message);
    setFormError(t("training.web.form.notComplete"));
  };

  const submit = async (submitted: CourseFormValues, submitMode: SubmitMode) => {
    setFormError(null);
    try {
      const outcome = await onSubmit(submitted, submitMode);
      if (outcome.sessions) form.setFieldValue("sessions", outcome.sessions);
      if (outcome.problems.length > 0) showProblems(outcome.problems);
    } catch (error) {
      setFormError(applyApiErrors(error, (path, message) => form.setFieldError(formPath(path), message)));
    }
  };

  const numberProps = {
    decimalSeparator: decimal,
    allowNegative: false,
    hideControls: true,
    inputMode: "decimal" as const,
  };
  const hasValidity = values.category === "firstAidChildren" || values.category === "infectionProtection";

  return (
    <form
      onSubmit={form.onSubmit((submitted) => void submit(submitted, modeRef.current), onInvalid)}
      noValidate
      data-testid="course-form"
    >
      <Stack gap="lg" maw={820}>
        <Section id="kurs" title={t("training.web.form.aboutTitle")}>
          <NativeSelect
            label={t("training.web.form.category")}
            description={t("training.web.form.categoryHint")}
            value={values.category}
            onChange={(event) => changeCategory(event.currentTarget.value as CourseCategory)}
            data={COURSE_CATEGORIES.map((category) => ({
              value: category,
              label: t(`training.categories.${category}`),
            }))}
            data-testid="course-category"
          />
          {defaultsNote && (
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} role="status">
              <Text size="sm" c="var(--mantine-color-text)">
                {defaultsNote}
              </Text>
            </Alert>
          )}
          <TextInput
            label={t("training.web.form.title")}
            required
            withAsterisk={false}
            maxLength={200}
            {...form.getInputProps("title")}
          />
          <Textarea
            label={t("training.web.form.description")}
            description={t("training.web.form.descriptionHint")}
            autosize
            minRows={3}
            maxLength={5000}
            {...form.getInputProps("description")}
          />
          <Textarea
            label={t("training.web.form.materials")}
            description={t("training.web.form.materialsHint")}
            autosize
            minRows={2}
            maxLength={5000}
            {...form.getInputProps("materials")}
          />
          <Radio.Group label={t("training.web.form.audience")} {...form.getInputProps("audience")}>
            <Stack gap="xs" mt={6}>
              {courseAudiences.map((audience) => (
                <Radio
                  key={audience}
                  value={audience}
                  label={t(`training.web.audiences.${audience}`)}
                  description={t(`training.web.audienceHints.${audience}`)}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Section>

        <Section
          id="regeln"
          title={t("training.web.form.rulesTitle")}
          intro={t("training.web.form.rulesIntro")}
        >
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NumberInput
              label={t("training.web.form.units")}
              description={t("training.web.form.unitsHint")}
              min={0.5}
              step={0.5}
              decimalScale={1}
              {...numberProps}
              {...form.getInputProps("units")}
              data-testid="course-units"
            />
            <NumberInput
              label={t("training.web.form.minAttendance")}
              min={1}
              max={100}
              decimalScale={0}
              rightSection={<Text size="sm">%</Text>}
              {...numberProps}
              {...form.getInputProps("minAttendancePercent")}
            />
            <NumberInput
              label={t("training.web.form.practiceKita")}
              min={0}
              decimalScale={2}
              {...numberProps}
              {...form.getInputProps("practiceHours.kita")}
            />
            <NumberInput
              label={t("training.web.form.practiceDayCare")}
              min={0}
              decimalScale={2}
              {...numberProps}
              {...form.getInputProps("practiceHours.dayCare")}
            />
            <NumberInput
              label={t("training.web.form.validity")}
              description={t("training.web.form.validityHint")}
              min={1}
              max={240}
              decimalScale={0}
              {...numberProps}
              {...form.getInputProps("validityMonths")}
            />
          </SimpleGrid>
          <Checkbox.Group label={t("training.web.form.assessments")} {...form.getInputProps("assessments")}>
            <Stack gap="xs" mt={6}>
              {assessmentKinds.map((kind) => (
                <Checkbox key={kind} value={kind} label={t(`training.web.assessments.${kind}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Checkbox
            label={t("training.web.form.countsTowardsObligation")}
            {...form.getInputProps("countsTowardsObligation", { type: "checkbox" })}
          />
          {hasValidity && (
            <Checkbox
              label={t("training.web.form.isRefresher")}
              description={t("training.web.form.isRefresherHint")}
              {...form.getInputProps("isRefresher", { type: "checkbox" })}
            />
          )}
        </Section>

        <Section id="anmeldung" title={t("training.web.form.bookingTitle")}>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <NumberInput
              label={t("training.web.form.capacity")}
              min={1}
              max={1000}
              decimalScale={0}
              {...numberProps}
              {...form.getInputProps("capacity")}
              data-testid="course-capacity"
            />
            <NumberInput
              label={t("training.web.form.fee")}
              description={t("training.web.form.feeHint")}
              min={0}
              decimalScale={2}
              rightSection={<Text size="sm">€</Text>}
              {...numberProps}
              {...form.getInputProps("fee")}
            />
            <NumberInput
              label={t("training.web.form.cancellationDays")}
              description={t("training.web.form.cancellationDaysHint")}
              min={0}
              max={365}
              decimalScale={0}
              {...numberProps}
              {...form.getInputProps("cancellationDays")}
            />
          </SimpleGrid>
        </Section>

        <Section id="referenten" title={t("training.web.form.trainersTitle")}>
          <MultiSelect
            label={t("training.web.form.trainers")}
            description={t("training.web.form.trainersHint")}
            data={people.map((person) => ({ value: person.userId, label: person.name }))}
            searchable
            clearable
            nothingFoundMessage={t("training.web.form.nobodyFound")}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps("trainerUserIds")}
          />
          <TextInput
            label={t("training.web.form.externalTrainers")}
            description={t("training.web.form.externalTrainersHint")}
            maxLength={500}
            {...form.getInputProps("externalTrainers")}
          />
        </Section>

        <Section
          id="termine"
          title={t("training.web.form.sessionsTitle")}
          intro={t("training.web.form.sessionsIntro")}
        >
          {values.sessions.length === 0 && (
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                type="date"
                label={t("training.web.form.startsOn")}
                {...form.getInputProps("startsOn")}
              />
              <TextInput
                type="date"
                label={t("training.web.form.endsOn")}
                {...form.getInputProps("endsOn")}
              />
            </SimpleGrid>
          )}
          <SessionsEditor form={form} rows={values.sessions} courseUnits={values.units} />
        </Section>

        <FormAlert message={formError} />
        <Group gap="xs">
          {isPublished ? (
            <Button
              type="submit"
              loading={isPending}
              onClick={() => setMode("save")}
              data-testid="course-save"
            >
              {t("training.web.form.saveChanges")}
            </Button>
          ) : (
            <>
              <Button
                type="submit"
                loading={isPending && mode === "publish"}
                disabled={isPending && mode !== "publish"}
                onClick={() => setMode("publish")}
                data-testid="course-publish"
              >
                {t("training.web.form.publish")}
              </Button>
              <Button
                type="submit"
                variant="default"
                loading={isPending && mode === "save"}
                disabled={isPending && mode !== "save"}
                onClick={() => setMode("save")}
                data-testid="course-save"
              >
                {t("training.web.form.saveDraft")}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** What a submission left to show: the run's problems (empty when it went through) and its stored sessions. */
export interface SubmitOutcome {
  problems: readonly CourseProblemDto[];
  sessions?: SessionRow[];
}
