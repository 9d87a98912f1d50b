import { Button, Stack, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { OrgGuard } from "../../../components/org-guard";
import { PageHeader } from "../../../components/page-header";
import { QueryState } from "../../../components/query-state";
import { useMyRequests } from "../api";
import { MyRequestsList } from "../components/my-requests-list";
import { requestFormPath } from "../format";

function MyRequests({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const requests = useMyRequests(membership.slug);
  return (
    <Stack gap="md" maw={760}>
      <PageHeader
        title={t("placement.my.title")}
        description={t("placement.my.intro", { organisation: membership.name })}
        actions={
          <Button
            component={Link}
            to={requestFormPath(membership.slug)}
            leftSection={<IconPlus size={16} aria-hidden="true" />}
          >
            {t("placement.my.newRequest")}
          </Button>
        }
      />
      <QueryState query={requests}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t("placement.my.none")}</Text>
          ) : (
            <MyRequestsList slug={membership.slug} requests={list} />
          )
        }
      </QueryState>
    </Stack>
  );
}

/** "anfragen": the parent's requests at the organisation. */
export function MyRequestsPage() {
  return <OrgGuard roles={["parent"]}>{(membership) => <MyRequests membership={membership} />}</OrgGuard>;
}
