import { Stack, Switch, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { MyMailSetting } from "../../../../contracts/announcements";
import { put } from "../../../app/api";
import { FormAlert } from "../../../components/error-alert";
import { notifySuccess } from "../../../components/notify";
import { QueryState } from "../../../components/query-state";
import { Section } from "../../../components/section";
import { announcementKeys, announcementsApi, useMyMailSettings } from "../api";

function SettingSwitch({ setting }: { setting: MyMailSetting }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (isOn: boolean) =>
      put(`${announcementsApi(setting.slug)}/mail-setting`, { isNonEssentialMailOff: !isOn }),
    onSuccess: async () => {
      notifySuccess(t("announcements.settings.saved"));
      await client.invalidateQueries({ queryKey: announcementKeys.mailSettings });
    },
  });
  return (
    <Stack gap={4}>
      <Switch
        label={t("announcements.settings.label", { organisation: setting.name })}
        checked={!setting.isNonEssentialMailOff}
        disabled={save.isPending}
        onChange={(event) => save.mutate(event.currentTarget.checked)}
        data-testid="announcement-mail-switch"
      />
      <FormAlert message={save.error ? save.error.message : null} />
    </Stack>
  );
}

/** On the account page: per organisation, whether announcements that are not essential also come by mail. */
export function AnnouncementMailSection() {
  const { t } = useTranslation();
  const settings = useMyMailSettings();
  return (
    <Section
      id="mitteilungen"
      title={t("announcements.settings.title")}
      intro={t("announcements.settings.text")}
    >
      <QueryState query={settings}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t("announcements.settings.none")}</Text>
          ) : (
            <Stack gap="sm">
              {list.map((setting) => (
                <SettingSwitch key={setting.slug} setting={setting} />
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Section>
  );
}
