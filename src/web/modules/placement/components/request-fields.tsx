import {
  Box,
  Checkbox,
  Fieldset,
  NumberInput,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import type { MyRequestDetail, Needs, PublishedCriteria } from "../../../../contracts/placement";
import { validateRequestDates } from "../../../../core/placement/requests";
import { todayIso } from "../../../../core/shared/dates";
import { useDateFormat } from "../../../components/format";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import { criterionText } from "../format";
import { type CareTimeRow, CareTimesEditor, careTimeErrors, toCareTimes, toRows } from "./care-times-editor";

/** The request as the form holds it: text never null, the distance possibly still empty while typing. */
export interface RequestFormValues {
  childFirstName: string;
  childBirthDate: string;
  wantedStart: string;
  careTimes: CareTimeRow[];
  street: string;
  postalCode: string;
  town: string;
  maxDistanceKm: number | string;
  languages: string[];
  noPets: boolean;
  wishes: string;
  facts: string[];
  hasNeedsConsent: boolean;
  needs: Needs;
  parentName: string;
  email: string;
  phone: string;
  website: string;
}

const noNeeds: Needs = { hasInclusionNeed: false, allergies: "", diet: "", notes: "" };

export function emptyRequest(): RequestFormValues {
  return {
    childFirstName: "",
    childBirthDate: "",
    wantedStart: "",
    careTimes: [],
    street: "",
    postalCode: "",
    town: "",
    maxDistanceKm: 5,
    languages: ["Deutsch"],
    noPets: false,
    wishes: "",
    facts: [],
    hasNeedsConsent: false,
    needs: noNeeds,
    parentName: "",
    email: "",
    phone: "",
    website: "",
  };
}

export function requestToForm(detail: MyRequestDetail): RequestFormValues {
  return {
    ...emptyRequest(),
    childFirstName: detail.childFirstName,
    childBirthDate: detail.childBirthDate,
    wantedStart: detail.wantedStart,
    careTimes: toRows(detail.careTimes),
    street: detail.street,
    postalCode: detail.postalCode,
    town: detail.town,
    maxDistanceKm: detail.maxDistanceKm,
    languages: detail.languages,
    noPets: detail.noPets,
    wishes: detail.wishes,
    facts: detail.facts,
    hasNeedsConsent: detail.needs !== null,
    needs: detail.needs ?? noNeeds,
  };
}

/** What a parent may change, as the API takes it; without consent no needs leave the browser. */
export function toChangeBody(values: RequestFormValues) {
  const distance = values.maxDistanceKm;
  return {
    wantedStart: values.wantedStart,
    careTimes: toCareTimes(values.careTimes),
    street: values.street,
    postalCode: values.postalCode,
    town: values.town,
    maxDistanceKm:
      typeof distance === "number" ? distance : distance.trim() === "" ? Number.NaN : Number(distance),
    languages: values.languages,
    noPets: values.noPets,
    wishes: values.wishes,
    facts: values.facts,
    hasNeedsConsent: values.hasNeedsConsent,
    needs: values.hasNeedsConsent ? values.needs : null,
  };
}

export function toPublicBody(values: RequestFormValues) {
  return {
    ...toChangeBody(values),
    childFirstName: values.childFirstName,
    childBirthDate: values.childBirthDate,
    parentName: values.parentName,
    email: values.email,
    phone: values.phone,
    website: values.website,
  };
}

const DATE_KEYS = {
  startInPast: "validation.startInPast",
  startTooFar: "validation.startTooFar",
  childNotBornAtStart: "validation.childNotBornAtStart",
  childTooOld: "validation.childTooOld",
} as const;

/**
 * The server's rules in the browser: the contract's schema, the care-time rules and the date rules of
 * core/placement, so that most mistakes show at the field before anything is sent.
 */
export function useRequestValidation(
  schema: z.ZodType,
  toBody: (values: RequestFormValues) => Record<string, unknown>,
  storedStart: string | null = null,
) {
  const { t } = useTranslation();
  const validateSchema = useSchemaValidation(schema);
  return (values: RequestFormValues) => {
    const errors: Record<string, string> = {
      ...validateSchema(toBody(values)),
      ...careTimeErrors(values.careTimes, t),
    };
    if (/^\d{4}-\d{2}-\d{2}$/.test(values.childBirthDate) && /^\d{4}-\d{2}-\d{2}$/.test(values.wantedStart)) {
      const problems = validateRequestDates({
        childBirthDate: values.childBirthDate,
        wantedStart: values.wantedStart,
        today: todayIso(new Date()),
        isStartFixed: storedStart === values.wantedStart,
      });
      for (const problem of problems) errors[problem.field] ??= t(DATE_KEYS[problem.code]);
    }
    return errors;
  };
}

interface FieldsProps {
  form: UseFormReturnType<RequestFormValues>;
}

export function ChildFields({ form }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Section id="kind" title={t("placement.form.childTitle")}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t("placement.form.childFirstName")}
          autoComplete="off"
          withAsterisk
          {...form.getInputProps("childFirstName")}
        />
        <TextInput
          type="date"
          label={t("placement.form.childBirthDate")}
          description={t("placement.form.childBirthDateHint")}
          withAsterisk
          {...form.getInputProps("childBirthDate")}
        />
      </SimpleGrid>
    </Section>
  );
}

export function CareFields({ form }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Section id="betreuung" title={t("placement.form.careTitle")}>
      <TextInput
        type="date"
        label={t("placement.form.wantedStart")}
        withAsterisk
        maw={260}
        {...form.getInputProps("wantedStart")}
      />
      <CareTimesEditor form={form} rows={form.getValues().careTimes} />
    </Section>
  );
}

export function PlaceFields({ form }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Section id="wohnort" title={t("placement.form.placeTitle")}>
      <TextInput
        label={t("placement.form.street")}
        autoComplete="street-address"
        withAsterisk
        {...form.getInputProps("street")}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <TextInput
          label={t("placement.form.postalCode")}
          autoComplete="postal-code"
          inputMode="numeric"
          maxLength={5}
          withAsterisk
          {...form.getInputProps("postalCode")}
        />
        <TextInput
          label={t("placement.form.town")}
          autoComplete="address-level2"
          withAsterisk
          {...form.getInputProps("town")}
        />
      </SimpleGrid>
      <NumberInput
        label={t("placement.form.maxDistanceKm")}
        description={t("placement.form.maxDistanceHint")}
        suffix={` ${t("placement.form.km")}`}
        min={1}
        max={50}
        allowDecimal={false}
        allowNegative={false}
        maw={260}
        withAsterisk
        {...form.getInputProps("maxDistanceKm")}
      />
    </Section>
  );
}

export function WishesFields({ form }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Section id="wuensche" title={t("placement.form.wishesTitle")}>
      <TagsInput
        label={t("placement.form.languages")}
        description={t("placement.form.languagesHint")}
        maxTags={10}
        {...form.getInputProps("languages")}
      />
      <Checkbox label={t("placement.form.noPets")} {...form.getInputProps("noPets", { type: "checkbox" })} />
      <Textarea
        label={t("placement.form.wishes")}
        description={t("placement.form.wishesHint")}
        autosize
        minRows={2}
        {...form.getInputProps("wishes")}
      />
    </Section>
  );
}

/** The organisation's published criteria as yes/no questions, each with the points it gives. */
export function CriteriaFields({
  form,
  criteria,
  organisationName,
}: FieldsProps & { criteria: PublishedCriteria; organisationName: string }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  return (
    <Section
      id="kriterien"
      title={t("placement.form.criteriaTitle")}
      intro={
        criteria.criteria.length > 0
          ? t("placement.form.criteriaIntro", { organisation: organisationName })
          : t("placement.form.criteriaNone", { organisation: organisationName })
      }
    >
      {criteria.criteria.length > 0 && (
        <Checkbox.Group
          label={<VisuallyHidden>{t("placement.form.criteriaTitle")}</VisuallyHidden>}
          description={
            criteria.updatedAt
              ? t("placement.form.criteriaAsOf", { date: formatDate(criteria.updatedAt) })
              : undefined
          }
          {...form.getInputProps("facts")}
        >
          <Stack gap="sm" mt="xs">
            {criteria.criteria.map((criterion) => (
              <Checkbox
                key={criterion.id}
                value={criterion.key}
                label={criterionText(criterion, t)}
                description={t("placement.form.criterionPoints", { points: criterion.points })}
                data-testid="criterion-question"
              />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </Section>
  );
}

/**
 * Health and inclusion needs: the explicit consent comes first, and the fields stay disabled until it is
 * given, so that nothing of this kind is typed (or sent) without it.
 */
export function NeedsFields({ form }: FieldsProps) {
  const { t } = useTranslation();
  const hasConsent = form.getValues().hasNeedsConsent;
  return (
    <Section id="gesundheit" title={t("placement.form.needsTitle")} intro={t("placement.form.needsIntro")}>
      <Checkbox
        label={t("placement.form.needsConsent")}
        {...form.getInputProps("hasNeedsConsent", { type: "checkbox" })}
        data-testid="needs-consent"
      />
      <Fieldset
        variant="unstyled"
        disabled={!hasConsent}
        legend={<VisuallyHidden>{t("placement.form.needsTitle")}</VisuallyHidden>}
      >
        <Stack gap="sm">
          {!hasConsent && (
            <Text size="sm" c="dimmed">
              {t("placement.form.needsDisabled")}
            </Text>
          )}
          <Checkbox
            label={t("placement.form.hasInclusionNeed")}
            {...form.getInputProps("needs.hasInclusionNeed", { type: "checkbox" })}
          />
          <Textarea
            label={t("placement.form.allergies")}
            autosize
            minRows={1}
            {...form.getInputProps("needs.allergies")}
          />
          <TextInput label={t("placement.form.diet")} {...form.getInputProps("needs.diet")} />
          <Textarea
            label={t("placement.form.needsNotes")}
            autosize
            minRows={2}
            {...form.getInputProps("needs.notes")}
          />
        </Stack>
      </Fieldset>
    </Section>
  );
}

export function ContactFields({ form }: FieldsProps) {
  const { t } = useTranslation();
  return (
    <Section id="kontakt" title={t("placement.form.contactTitle")}>
      <TextInput
        label={t("placement.form.parentName")}
        autoComplete="name"
        withAsterisk
        {...form.getInputProps("parentName")}
      />
      <TextInput
        type="email"
        label={t("placement.form.email")}
        description={t("placement.form.emailHint")}
        autoComplete="email"
        withAsterisk
        {...form.getInputProps("email")}
      />
      <TextInput
        type="tel"
        label={t("placement.form.phone")}
        autoComplete="tel"
        {...form.getInputProps("phone")}
      />
      {/* People never see this field; a machine that fills in every field gives itself away. */}
      <Box
        aria-hidden="true"
        style={{ position: "absolute", left: -10_000, width: 1, height: 1, overflow: "hidden" }}
      >
        <TextInput
          label={t("placement.form.honeypot")}
          tabIndex={-1}
          autoComplete="off"
          {...form.getInputProps("website")}
        />
      </Box>
    </Section>
  );
}
