import { Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { MyMembership } from "../../../../contracts/organisations";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { DAY_CARE_ROLES, useMyAccount } from "../account-api";
import { AccountOverview } from "../components/account-overview";
import { AccountUploadForm, AccountUploads } from "../components/account-upload";

function MyAccount({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const account = useMyAccount(membership.slug);
  return (
    <Stack gap="md" maw={760}>
      <PageHeader
        title={t("trainingAccount.my.title")}
        description={t("trainingAccount.my.intro", { organisation: membership.name })}
      />
      <QueryState query={account}>
        {(data) => (
          <Stack gap="md">
            <AccountOverview account={data} />
            <AccountUploadForm slug={membership.slug} />
            <AccountUploads slug={membership.slug} uploads={data.uploads} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

/** "fortbildungskonto": the day-care person's own training account. */
export function MyAccountPage() {
  return <OrgGuard roles={DAY_CARE_ROLES}>{(membership) => <MyAccount membership={membership} />}</OrgGuard>;
}
