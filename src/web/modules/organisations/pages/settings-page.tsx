import {
  Alert,
  Anchor,
  Button,
  Group,
  Radio,
  SimpleGrid,
  Spoiler,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle, IconInfoCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { z } from "zod";
import { type OrganisationSettings, updateOrganisationBody } from "../../../../contracts/organisations";
import { findPreset, STATE_PRESETS, type StatePresetId } from "../../../../core/organisations/presets";
import { put } from "../../../app/api";
import { hasAnyRole, useSession } from "../../../app/session";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { useDateFormat } from "../../../components/format";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { useSchemaValidation } from "../../../components/zod-form";
import { orgApiPath, orgKeys, useOrganisationSettings } from "../api";
import {
  type RuleKey,
  type RuleValues,
  ruleBounds,
  ruleKeys,
  StateRulesTable,
} from "../components/state-rules-table";
import { settingsReaders } from "../paths";

type Preset = OrganisationSettings["statePreset"];
const textFields = ["street", "postalCode", "town", "email", "phone", "website"] as const;

interface SettingsValues {
  name: string;
  description: string;
  street: string;
  postalCode: string;
  town: string;
  email: string;
  phone: string;
  website: string;
  statePreset: Omit<Preset, "rules"> & { rules: RuleValues };
  requireMfaForStaff: boolean;
}

const presetToForm = (preset: Preset | (typeof STATE_PRESETS)[number]): SettingsValues["statePreset"] => ({
  id: preset.id,
  label: { ...preset.label },
  source: preset.source,
  sourceDate: preset.sourceDate,
  rules: Object.fromEntries(ruleKeys.map((key) => [key, preset.rules[key] ?? ""])) as RuleValues,
});

function toForm(settings: OrganisationSettings): SettingsValues {
  return {
    name: settings.name,
    description: settings.description,
    street: settings.street ?? "",
    postalCode: settings.postalCode ?? "",
    town: settings.town ?? "",
    email: settings.email ?? "",
    phone: settings.phone ?? "",
    website: settings.website ?? "",
    statePreset: presetToForm(settings.statePreset),
    requireMfaForStaff: settings.requireMfaForStaff,
  };
}

/** Empty optional fields become null, empty optional rules "does not apply" (null). */
function toBody(values: SettingsValues) {
  const optional = Object.fromEntries(
    textFields.map((field) => [field, values[field].trim() === "" ? null : values[field].trim()]),
  ) as Record<(typeof textFields)[number], string | null>;
  return {
    name: values.name,
    description: values.description,
    ...optional,
    statePreset: {
      ...values.statePreset,
      rules: Object.fromEntries(
        ruleKeys.map((key) => {
          const value = values.statePreset.rules[key];
          if (typeof value === "boolean") return [key, value];
          return [key, value === "" ? null : Number(value)];
        }),
      ),
    },
    requireMfaForStaff: values.requireMfaForStaff,
  };
}

const formSchema = z.preprocess((values) => toBody(values as SettingsValues), updateOrganisationBody);

/** The contract's rules, with one plain message per rule instead of zod's technical ones. */
function useSettingsValidation() {
  const { t } = useTranslation();
  const validateSchema = useSchemaValidation(formSchema);
  return (values: SettingsValues) => {
    const errors = validateSchema(values as unknown as Record<string, unknown>);
    for (const path of Object.keys(errors)) {
      const key = path.replace("statePreset.rules.", "") as RuleKey;
      if (path.startsWith("statePreset.rules.") && ruleKeys.includes(key)) {
        const { min, max } = ruleBounds(key);
        errors[path] = t("organisations.settings.ruleRange", { min, max });
      }
    }
    return errors;
  };
}

function SettingsForm({ orgSlug, settings }: { orgSlug: string; settings: OrganisationSettings }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const form = useForm<SettingsValues>({
    initialValues: toForm(settings),
    validate: useSettingsValidation(),
  });
  const save = useMutation({
    mutationFn: (values: SettingsValues) => put<OrganisationSettings>(orgApiPath(orgSlug), toBody(values)),
    onMutate: () => setFormError(null),
    onSuccess: async (saved) => {
      const next = toForm(saved);
      form.setInitialValues(next);
      form.setValues(next);
      form.resetDirty(next);
      notifySuccess(t("organisations.settings.saved"));
      client.setQueryData(orgKeys.settings(orgSlug), saved);
      await Promise.all([
        client.invalidateQueries({ queryKey: orgKeys.public(orgSlug) }),
        client.invalidateQueries({ queryKey: ["memberships"] }),
      ]);
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });

  const preset = form.values.statePreset;
  const presetDefaults = findPreset(preset.id)?.rules ?? settings.statePreset.rules;
  const choosePreset = (id: string) => {
    const chosen = findPreset(id);
    if (chosen) form.setFieldValue("statePreset", presetToForm(chosen));
  };
  const language = i18n.language === "en" ? "en" : "de";
  const hasOwnMfa = Boolean(useSession().data?.user?.hasMfa);

  return (
    <form
      onSubmit={form.onSubmit((values) => save.mutate(values), onInvalid)}
      noValidate
      data-testid="settings-form"
    >
      <Stack gap="lg">
        <FormAlert message={formError} />
        <Section
          id="profil"
          title={t("organisations.settings.profileTitle")}
          intro={t("organisations.settings.profileIntro")}
        >
          <TextInput
            label={t("organisations.settings.name")}
            required
            withAsterisk={false}
            {...form.getInputProps("name")}
          />
          <Textarea
            label={t("organisations.settings.description")}
            autosize
            minRows={3}
            maxRows={10}
            {...form.getInputProps("description")}
          />
          <TextInput
            label={t("organisations.settings.street")}
            autoComplete="street-address"
            {...form.getInputProps("street")}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t("organisations.settings.postalCode")}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={5}
              {...form.getInputProps("postalCode")}
            />
            <TextInput label={t("organisations.settings.town")} {...form.getInputProps("town")} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput
              label={t("organisations.settings.email")}
              type="email"
              {...form.getInputProps("email")}
            />
            <TextInput
              label={t("organisations.settings.phone")}
              type="tel"
              {...form.getInputProps("phone")}
            />
          </SimpleGrid>
          <TextInput
            label={t("organisations.settings.website")}
            placeholder="https://"
            type="url"
            {...form.getInputProps("website")}
          />
        </Section>

        <Section
          id="landesregeln"
          title={t("organisations.settings.rulesTitle")}
          intro={t("organisations.settings.rulesIntro")}
        >
          <Radio.Group
            label={t("organisations.settings.preset")}
            description={t("organisations.settings.presetHint")}
            value={preset.id}
            onChange={choosePreset}
          >
            <Stack gap="xs" mt="xs">
              {STATE_PRESETS.map((option) => (
                <Radio
                  key={option.id}
                  value={option.id as StatePresetId}
                  label={option.label[language]}
                  data-testid={`preset-${option.id}`}
                />
              ))}
            </Stack>
          </Radio.Group>
          <PresetSource preset={preset} />
          <StateRulesTable
            values={preset.rules}
            defaults={presetDefaults}
            errors={form.errors}
            onChange={(key, value) => form.setFieldValue(`statePreset.rules.${key}`, value)}
          />
        </Section>

        <Section id="sicherheit" title={t("organisations.settings.securityTitle")}>
          <Switch
            label={t("organisations.settings.requireMfa")}
            description={t("organisations.settings.requireMfaHint")}
            {...form.getInputProps("requireMfaForStaff", { type: "checkbox" })}
            data-testid="require-mfa"
          />
          {form.values.requireMfaForStaff && !settings.requireMfaForStaff && !hasOwnMfa && (
            <Alert color="yellow" icon={<IconAlertTriangle aria-hidden />} role="status">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t("organisations.settings.requireMfaSelf")}</Text>
                <Anchor component={Link} to="/app/konto#zwei-faktor" size="sm">
                  {t("common.setUpMfa")}
                </Anchor>
              </Stack>
            </Alert>
          )}
        </Section>

        <Group>
          <Button type="submit" size="md" loading={save.isPending} data-testid="settings-save">
            {t("organisations.settings.save")}
          </Button>
          {form.isDirty() && (
            <Text size="sm" c="dimmed">
              {t("organisations.settings.unsaved")}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** The preset's name, its legal source and date: where the numbers come from and how current they are. */
function PresetSource({ preset }: { preset: SettingsValues["statePreset"] }) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t("organisations.settings.source", { date: formatDate(preset.sourceDate) })}
      </Text>
      <Spoiler
        maxHeight={68}
        showLabel={t("organisations.settings.showMore")}
        hideLabel={t("organisations.settings.showLess")}
      >
        <Text size="sm" c="dimmed" lang="de" data-testid="preset-source">
          {preset.source}
        </Text>
      </Spoiler>
    </Stack>
  );
}

/**
 * The rules for coordinators and the board, who work with the deadlines every day but do not set them:
 * the same table without inputs, with the preset's source and date.
 */
function SettingsOverview({ settings }: { settings: OrganisationSettings }) {
  const { t, i18n } = useTranslation();
  const preset = presetToForm(settings.statePreset);
  const language = i18n.language === "en" ? "en" : "de";
  return (
    <Stack gap="lg" data-testid="settings-read-only">
      <Alert color="blue" icon={<IconInfoCircle aria-hidden />}>
        {t("organisations.settings.readOnlyNotice")}
      </Alert>
      <Section
        id="landesregeln"
        title={t("organisations.settings.rulesTitle")}
        intro={t("organisations.settings.readOnlyRulesIntro")}
      >
        <Text fw={600} data-testid="preset-name">
          {t("organisations.settings.presetName", { name: preset.label[language] })}
        </Text>
        <PresetSource preset={preset} />
        <StateRulesTable
          values={preset.rules}
          defaults={findPreset(preset.id)?.rules ?? settings.statePreset.rules}
        />
      </Section>
      <Section id="sicherheit" title={t("organisations.settings.securityTitle")}>
        <Text>
          {settings.requireMfaForStaff
            ? t("organisations.settings.requireMfaOn")
            : t("organisations.settings.requireMfaOff")}
        </Text>
      </Section>
    </Stack>
  );
}

function SettingsContent({
  orgSlug,
  orgName,
  isAdmin,
}: {
  orgSlug: string;
  orgName: string;
  isAdmin: boolean;
}) {
  const { t } = useTranslation();
  const settings = useOrganisationSettings(orgSlug);
  return (
    <Stack gap="lg">
      <PageHeader title={t("organisations.settings.title")} description={orgName} />
      <QueryState query={settings}>
        {(data) =>
          isAdmin ? <SettingsForm orgSlug={orgSlug} settings={data} /> : <SettingsOverview settings={data} />
        }
      </QueryState>
    </Stack>
  );
}

/**
 * /app/:orgSlug/einstellungen: the organisation's public profile, state rules and security. Admins edit
 * them; coordinators and the board read the rules they work with.
 */
export function SettingsPage() {
  return (
    <OrgGuard roles={settingsReaders}>
      {(membership) => (
        <SettingsContent
          orgSlug={membership.slug}
          orgName={membership.name}
          isAdmin={hasAnyRole(membership, ["admin"])}
        />
      )}
    </OrgGuard>
  );
}
