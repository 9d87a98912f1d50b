import { Anchor, Button, Stack, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconArrowLeft } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { type VoteSettings, voteSettingsInput } from "../../../../contracts/votes";
import { put } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { applyApiErrors } from "../../../components/form-errors";
import { notifySuccess, useFormError } from "../../../components/notify";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { MANAGER_ROLES, refreshVotes, settingsApi, useVoteSettings, votesPath } from "../api";

interface Values {
  proxiesAllowed: boolean;
  maxProxiesPerHolder: string;
}

function SettingsForm({ slug, settings }: { slug: string; settings: VoteSettings }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { formError, setFormError, onInvalid } = useFormError();
  const toBody = (values: Values) => ({
    proxiesAllowed: values.proxiesAllowed,
    maxProxiesPerHolder: /^\d+$/.test(values.maxProxiesPerHolder.trim())
      ? Number(values.maxProxiesPerHolder.trim())
      : values.maxProxiesPerHolder,
  });
  const form = useForm<Values>({
    initialValues: {
      proxiesAllowed: settings.proxiesAllowed,
      maxProxiesPerHolder: String(settings.maxProxiesPerHolder),
    },
    validate: (values) => {
      const result = voteSettingsInput.safeParse(toBody(values));
      return result.success ? {} : { maxProxiesPerHolder: t("votesWeb.settings.maxInvalid") };
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) => put<VoteSettings>(settingsApi(slug), toBody(values)),
    onSuccess: async () => {
      await refreshVotes(client, slug);
      notifySuccess(t("votesWeb.settings.saved"));
    },
    onError: (error) => setFormError(applyApiErrors(error, form.setFieldError)),
  });
  return (
    <form
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        save.mutate(values);
      }, onInvalid)}
      noValidate
      data-testid="vote-settings-form"
    >
      <Section
        id="vollmachten"
        title={t("votesWeb.settings.proxies")}
        intro={t("votesWeb.settings.proxiesIntro")}
      >
        <FormAlert message={formError} />
        <Switch
          label={t("votesWeb.settings.proxiesAllowed")}
          {...form.getInputProps("proxiesAllowed", { type: "checkbox" })}
        />
        {form.values.proxiesAllowed && (
          <TextInput
            label={t("votesWeb.settings.maxPerHolder")}
            description={t("votesWeb.settings.maxPerHolderHint")}
            inputMode="numeric"
            maw={220}
            {...form.getInputProps("maxProxiesPerHolder")}
          />
        )}
        <Button type="submit" loading={save.isPending} w="fit-content">
          {t("votesWeb.settings.save")}
        </Button>
      </Section>
    </form>
  );
}

function Settings({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const settings = useVoteSettings(membership.slug);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={votesPath(membership.slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden /> {t("votesWeb.detail.back")}
      </Anchor>
      <PageHeader title={t("votesWeb.settings.title")} />
      <QueryState query={settings}>
        {(data) => <SettingsForm slug={membership.slug} settings={data} />}
      </QueryState>
    </Stack>
  );
}

/** abstimmungen/einstellungen: whether members may give their vote to another at a meeting, and how many one holds. */
export function VoteSettingsPage() {
  return <OrgGuard roles={MANAGER_ROLES}>{(membership) => <Settings membership={membership} />}</OrgGuard>;
}
