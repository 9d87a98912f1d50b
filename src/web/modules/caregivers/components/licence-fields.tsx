import { NumberInput, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { CaregiverDetail } from "../api";
import { toNumber } from "./caregiver-fields";

export interface LicenceFormValues {
  number: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  /** Empty: the organisation's rule applies. */
  maxChildren: number | string;
  conditions: string;
}

export const emptyLicence: LicenceFormValues = {
  number: "",
  issuer: "",
  validFrom: "",
  validTo: "",
  maxChildren: "",
  conditions: "",
};

export function licenceToForm(licence: CaregiverDetail["licences"][number]): LicenceFormValues {
  return {
    number: licence.number,
    issuer: licence.issuer,
    validFrom: licence.validFrom,
    validTo: licence.validTo,
    maxChildren: licence.maxChildren,
    conditions: licence.conditions,
  };
}

/** Whether nothing of the licence was filled in (on the new-person form the licence is then left out). */
export function isLicenceEmpty(values: LicenceFormValues): boolean {
  return [values.number, values.issuer, values.validFrom, values.validTo].every((v) => v.trim() === "");
}

/** The API's `licenceInput`; an empty maximum is left out so the organisation's rule applies. */
export function formToLicenceInput(values: LicenceFormValues) {
  const isMaxEmpty = typeof values.maxChildren === "string" && values.maxChildren.trim() === "";
  return {
    number: values.number,
    issuer: values.issuer,
    validFrom: values.validFrom,
    validTo: values.validTo,
    ...(isMaxEmpty ? {} : { maxChildren: toNumber(values.maxChildren) }),
    conditions: values.conditions,
  };
}

interface Props<V> {
  form: UseFormReturnType<V>;
  prefix: string;
  /** The organisation's rule, shown as what an empty maximum means. */
  defaultMax: number;
  /** On the new-person form the whole licence is optional. */
  isOptional?: boolean;
}

export function LicenceFields<V>({ form, prefix, defaultMax, isOptional = false }: Props<V>) {
  const { t } = useTranslation();
  const field = (name: keyof LicenceFormValues) => form.getInputProps(`${prefix}${name}`);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t("registry.licence.number")} required={!isOptional} {...field("number")} />
        <TextInput
          label={t("registry.licence.issuer")}
          description={t("registry.licence.issuerHint")}
          required={!isOptional}
          {...field("issuer")}
        />
        <TextInput
          label={t("registry.licence.validFrom")}
          type="date"
          required={!isOptional}
          {...field("validFrom")}
        />
        <TextInput
          label={t("registry.licence.validTo")}
          type="date"
          required={!isOptional}
          {...field("validTo")}
        />
        <NumberInput
          label={t("registry.licence.maxChildren")}
          description={t("registry.licence.maxChildrenHint", { max: defaultMax })}
          min={1}
          max={10}
          allowDecimal={false}
          allowNegative={false}
          {...field("maxChildren")}
        />
      </SimpleGrid>
      <Textarea label={t("registry.licence.conditions")} autosize minRows={2} {...field("conditions")} />
    </Stack>
  );
}
