import {
  Checkbox,
  Fieldset,
  Grid,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { caregiverStatuses, type employmentKinds } from "../../../../contracts/caregivers";
import type { CaregiverDetail } from "../api";
import { emptyToNull } from "../format";

type Status = (typeof caregiverStatuses)[number];
type Employment = (typeof employmentKinds)[number];

/** The person's fields as the form holds them: text fields never null, numbers possibly still empty. */
export interface CaregiverFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  town: string;
  employment: Employment;
  languages: string[];
  hasPets: boolean;
  petsNote: string;
  meals: string;
  pedagogy: string;
  hasInclusionExperience: boolean;
  ageMinMonths: number | string;
  ageMaxMonths: number | string;
  careGroupName: string;
  hasPhotoConsent: boolean;
  status: Status;
}

export const emptyCaregiver: CaregiverFormValues = {
  firstName: "",
  lastName: "",
  email: "",
  phone: "",
  street: "",
  postalCode: "",
  town: "",
  employment: "selfEmployed",
  languages: ["Deutsch"],
  hasPets: false,
  petsNote: "",
  meals: "",
  pedagogy: "",
  hasInclusionExperience: false,
  ageMinMonths: 0,
  ageMaxMonths: 36,
  careGroupName: "",
  hasPhotoConsent: false,
  status: "active",
};

export function caregiverToForm(detail: CaregiverDetail): CaregiverFormValues {
  return {
    firstName: detail.firstName,
    lastName: detail.lastName,
    email: detail.email ?? "",
    phone: detail.phone ?? "",
    street: detail.street ?? "",
    postalCode: detail.postalCode,
    town: detail.town,
    employment: detail.employment,
    languages: detail.languages,
    hasPets: detail.hasPets,
    petsNote: detail.petsNote,
    meals: detail.meals,
    pedagogy: detail.pedagogy,
    hasInclusionExperience: detail.hasInclusionExperience,
    ageMinMonths: detail.ageMinMonths,
    ageMaxMonths: detail.ageMaxMonths,
    careGroupName: detail.careGroupName ?? "",
    hasPhotoConsent: detail.hasPhotoConsent,
    status: detail.status,
  };
}

/** A number input's value for the API; an empty input becomes NaN, which the schema rejects. */
export function toNumber(value: number | string): number {
  return typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value);
}

/** The API's `caregiverInput` from the form. */
export function formToCaregiverInput(values: CaregiverFormValues) {
  return {
    ...values,
    email: emptyToNull(values.email),
    phone: emptyToNull(values.phone),
    street: emptyToNull(values.street),
    careGroupName: emptyToNull(values.careGroupName),
    petsNote: values.hasPets ? values.petsNote : "",
    ageMinMonths: toNumber(values.ageMinMonths),
    ageMaxMonths: toNumber(values.ageMaxMonths),
  };
}

/** Errors for number inputs left empty, which zod would report in technical words. */
export function emptyNumberErrors(
  values: Record<string, number | string>,
  prefix: string,
  message: string,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (typeof value === "string" && value.trim() === "") errors[`${prefix}${key}`] = message;
  }
  return errors;
}

const legendStyles = { legend: { fontWeight: 700, marginBottom: "var(--mantine-spacing-xs)" } };

interface Props<V> {
  form: UseFormReturnType<V>;
  /** Where the person's fields sit in the form values ("caregiver." when nested, "" when flat). */
  prefix: string;
  values: CaregiverFormValues;
  /** Day-care persons editing themselves cannot change their status. */
  isOwnProfile?: boolean;
  /** Shown with the address, e.g. that changing it gives up an exact point set on the map. */
  addressNote?: string | undefined;
}

/** The person's fields, grouped: name and contact, place of care, profile, consent. */
export function CaregiverFields<V>({ form, prefix, values, isOwnProfile = false, addressNote }: Props<V>) {
  const { t } = useTranslation();
  const field = (name: keyof CaregiverFormValues) => form.getInputProps(`${prefix}${name}`);
  const checkbox = (name: keyof CaregiverFormValues) =>
    form.getInputProps(`${prefix}${name}`, { type: "checkbox" });
  const languageSuggestions = t("registry.fields.languageSuggestions").split(", ");

  return (
    <Stack gap="lg">
      <Fieldset legend={t("registry.fields.groupContact")} variant="unstyled" styles={legendStyles}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t("registry.fields.firstName")}
              required
              autoComplete="off"
              {...field("firstName")}
            />
            <TextInput
              label={t("registry.fields.lastName")}
              required
              autoComplete="off"
              {...field("lastName")}
            />
            <TextInput
              label={t("registry.fields.email")}
              type="email"
              autoComplete="off"
              {...field("email")}
            />
            <TextInput label={t("registry.fields.phone")} type="tel" autoComplete="off" {...field("phone")} />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend={t("registry.fields.groupAddress")} variant="unstyled" styles={legendStyles}>
        <Stack gap="sm">
          {addressNote && (
            <Text size="sm" c="dimmed" data-testid="address-note">
              {addressNote}
            </Text>
          )}
          <TextInput label={t("registry.fields.street")} autoComplete="off" {...field("street")} />
          <Grid>
            <Grid.Col span={{ base: 12, sm: 4 }}>
              <TextInput
                label={t("registry.fields.postalCode")}
                required
                inputMode="numeric"
                maxLength={5}
                autoComplete="off"
                {...field("postalCode")}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 8 }}>
              <TextInput label={t("registry.fields.town")} required autoComplete="off" {...field("town")} />
            </Grid.Col>
          </Grid>
          <TextInput
            label={t("registry.fields.careGroupName")}
            description={t("registry.fields.careGroupHint")}
            {...field("careGroupName")}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend={t("registry.fields.groupWork")} variant="unstyled" styles={legendStyles}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Radio.Group label={t("registry.fields.employment")} {...field("employment")}>
            <Group mt="xs">
              <Radio value="selfEmployed" label={t("registry.employment.selfEmployed")} />
              <Radio value="employed" label={t("registry.employment.employed")} />
            </Group>
          </Radio.Group>
          {!isOwnProfile && (
            <NativeSelect
              label={t("registry.fields.status")}
              data={caregiverStatuses.map((s) => ({ value: s, label: t(`registry.statuses.${s}`) }))}
              {...field("status")}
            />
          )}
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend={t("registry.fields.groupProfile")} variant="unstyled" styles={legendStyles}>
        <Stack gap="sm">
          <TagsInput
            label={t("registry.fields.languages")}
            description={t("registry.fields.languagesHint")}
            data={languageSuggestions}
            clearable
            {...field("languages")}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={t("registry.fields.ageMinMonths")}
              description={t("registry.fields.ageHint")}
              min={0}
              max={168}
              allowDecimal={false}
              allowNegative={false}
              {...field("ageMinMonths")}
            />
            <NumberInput
              label={t("registry.fields.ageMaxMonths")}
              description={t("registry.fields.ageHint")}
              min={1}
              max={168}
              allowDecimal={false}
              allowNegative={false}
              {...field("ageMaxMonths")}
            />
          </SimpleGrid>
          <Checkbox label={t("registry.fields.hasPets")} {...checkbox("hasPets")} />
          {values.hasPets && <TextInput label={t("registry.fields.petsNote")} {...field("petsNote")} />}
          <Textarea label={t("registry.fields.meals")} autosize minRows={2} {...field("meals")} />
          <Textarea label={t("registry.fields.pedagogy")} autosize minRows={3} {...field("pedagogy")} />
          <Checkbox
            label={t("registry.fields.hasInclusionExperience")}
            {...checkbox("hasInclusionExperience")}
          />
          <Checkbox
            label={t("registry.fields.hasPhotoConsent")}
            description={t("registry.fields.photoConsentHint")}
            {...checkbox("hasPhotoConsent")}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}
