import { Anchor, Stack, Tabs } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { todayIso } from "../../../../core/shared/dates";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { useUrlFilters } from "../../../components/url-filters";
import { OFFICE_ROLES, substitutionPath } from "../api";
import { ArrangementsTab } from "../components/setup-arrangements";
import { KitasTab } from "../components/setup-kitas";
import { PlayGroupsTab } from "../components/setup-play-groups";
import { SettingsTab } from "../components/setup-settings";
import { SubstitutesTab } from "../components/setup-substitutes";

const TABS = ["arrangements", "substitutes", "kitas", "playGroups", "settings"] as const;
type Tab = (typeof TABS)[number];

function Setup({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const slug = membership.slug;
  const [search, update] = useUrlFilters();
  const asked = search.get("bereich") ?? "";
  const tab: Tab = (TABS as readonly string[]).includes(asked) ? (asked as Tab) : "arrangements";
  return (
    <Stack gap="md" maw={1100}>
      <Anchor component={Link} to={substitutionPath(slug)} size="sm" w="fit-content">
        <IconArrowLeft size={14} aria-hidden="true" /> {t("substitution.setup.toBoard")}
      </Anchor>
      <PageHeader title={t("substitution.setup.title")} description={t("substitution.setup.intro")} />
      <Tabs
        value={tab}
        onChange={(value) => update({ bereich: value === "arrangements" ? "" : (value ?? "") })}
        keepMounted={false}
      >
        <Tabs.List mb="md">
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`setup-tab-${value}`}>
              {t(`substitution.setup.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="arrangements">
          <ArrangementsTab slug={slug} />
        </Tabs.Panel>
        <Tabs.Panel value="substitutes">
          <SubstitutesTab slug={slug} />
        </Tabs.Panel>
        <Tabs.Panel value="kitas">
          <KitasTab slug={slug} />
        </Tabs.Panel>
        <Tabs.Panel value="playGroups">
          <PlayGroupsTab slug={slug} today={todayIso(new Date())} />
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <SettingsTab slug={slug} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** vertretung/regelungen: arrangements, employed substitutes, Kitas, play groups and settings. */
export function SetupPage() {
  return <OrgGuard roles={OFFICE_ROLES}>{(membership) => <Setup membership={membership} />}</OrgGuard>;
}
