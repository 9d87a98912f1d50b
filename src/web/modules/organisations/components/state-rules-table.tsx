import { NumberInput, Switch, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { stateRulesSchema } from "../../../../contracts/organisations";
import type { StateRules } from "../../../../core/organisations/presets";

export type RuleKey = keyof StateRules;
export const ruleKeys = Object.keys(stateRulesSchema.shape) as RuleKey[];

/** A yes/no rule (a switch) rather than a number, read from the contract. */
export function isFlagRule(key: RuleKey): boolean {
  const schema = stateRulesSchema.shape[key];
  return (schema instanceof z.ZodDefault ? schema.unwrap() : schema) instanceof z.ZodBoolean;
}

/** The allowed range and whether "does not apply" (empty) is allowed, read from the contract. */
export function ruleBounds(key: RuleKey): { min: number; max: number; isOptional: boolean } {
  const schema = stateRulesSchema.shape[key];
  if (isFlagRule(key)) return { min: 0, max: 1, isOptional: false };
  const isOptional = schema instanceof z.ZodNullable;
  const number = (isOptional ? (schema as z.ZodNullable<z.ZodNumber>).unwrap() : schema) as z.ZodNumber;
  return { min: number.minValue ?? 0, max: number.maxValue ?? 9999, isOptional };
}

/** Numbers as the inputs hold them ("" = does not apply), yes/no rules as booleans. */
export type RuleValues = Record<RuleKey, number | string | boolean>;

/**
 * The state preset's rules as a table: what each number means, its unit, and an input when `onChange` is
 * given (admins), the value as text otherwise. Empty means "does not apply" where the law of the state has
 * no such rule.
 */
export function StateRulesTable({
  values,
  defaults,
  errors = {},
  onChange,
}: {
  values: RuleValues;
  defaults: StateRules;
  errors?: Record<string, unknown>;
  onChange?: (key: RuleKey, value: number | string | boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing="sm" horizontalSpacing="xs" data-testid="state-rules">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t("organisations.settings.rule")}</Table.Th>
          <Table.Th scope="col" w={onChange ? 130 : undefined} ta={onChange ? undefined : "right"}>
            {t("organisations.settings.value")}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ruleKeys.map((key) => {
          const { min, max, isOptional } = ruleBounds(key);
          const label = t(`organisations.rules.${key}.label`);
          const unit = t(`organisations.rules.${key}.unit`);
          const current = values[key];
          const preset = defaults[key];
          const isFlag = isFlagRule(key);
          const differs = isFlag ? current !== preset : (current === "" ? null : Number(current)) !== preset;
          const error = errors[`statePreset.rules.${key}`];
          return (
            <Table.Tr key={key}>
              <Table.Th scope="row" fw={400}>
                <Text
                  size="sm"
                  fw={500}
                  id={`rule-${key}`}
                  style={{ overflowWrap: "anywhere", hyphens: "auto" }}
                >
                  {label}
                </Text>
                <Text size="xs" c="dimmed" id={`rule-${key}-unit`}>
                  {unit}
                  {isOptional && onChange ? ` · ${t("organisations.settings.emptyMeansNone")}` : ""}
                </Text>
                {differs && (
                  <Text size="xs" c="var(--mantine-color-orange-light-color)">
                    {t("organisations.settings.presetValue", {
                      value:
                        typeof preset === "boolean"
                          ? t(preset ? "organisations.settings.flagOn" : "organisations.settings.flagOff")
                          : (preset ?? t("organisations.settings.notApplicable")),
                    })}
                  </Text>
                )}
                {typeof error === "string" && (
                  <Text size="xs" c="var(--mantine-color-error)" aria-hidden>
                    {error}
                  </Text>
                )}
              </Table.Th>
              <Table.Td w={1}>
                {isFlag && onChange ? (
                  <Switch
                    aria-labelledby={`rule-${key} rule-${key}-unit`}
                    checked={current === true}
                    onChange={(event) => onChange(key, event.currentTarget.checked)}
                    data-testid={`rule-${key}`}
                  />
                ) : isFlag ? (
                  <Text size="sm" fw={600} ta="right" data-testid={`rule-${key}`}>
                    {t(current === true ? "organisations.settings.flagOn" : "organisations.settings.flagOff")}
                  </Text>
                ) : onChange ? (
                  <NumberInput
                    w={84}
                    aria-labelledby={`rule-${key} rule-${key}-unit`}
                    value={typeof current === "boolean" ? undefined : current}
                    onChange={(value) => onChange(key, value)}
                    min={min}
                    max={max}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="none"
                    placeholder={isOptional ? "–" : undefined}
                    // The message is shown under the rule's name (the narrow column has no room for it); the
                    // input's own copy stays hidden but is still read out as its description.
                    error={typeof error === "string" ? error : undefined}
                    styles={{ error: { display: "none" } }}
                    data-testid={`rule-${key}`}
                  />
                ) : (
                  <Text
                    size="sm"
                    fw={600}
                    ta="right"
                    style={{ whiteSpace: "nowrap" }}
                    data-testid={`rule-${key}`}
                  >
                    {current === "" ? t("organisations.settings.notApplicable") : current}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
