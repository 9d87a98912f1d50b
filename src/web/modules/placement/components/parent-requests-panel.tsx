import { Anchor, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyMembership } from "../../../../contracts/organisations";
import { QueryState } from "../../../components/query-state";
import { useMyRequests } from "../api";
import { requestFormPath } from "../format";
import { MyRequestsList } from "./my-requests-list";

/**
 * The parent home page's part about placement: her requests with their status, or the way to make one. Only
 * coordination offices place children; elsewhere the panel shows nothing.
 */
export function ParentRequestsPanel({ membership }: { membership: MyMembership }) {
  const { t } = useTranslation();
  const isOffice = membership.kind === "coordinationOffice";
  const requests = useMyRequests(membership.slug, isOffice);
  if (!isOffice) return null;
  return (
    <Stack gap="sm" data-testid="parent-requests">
      <Title order={3} fz="h4">
        {t("placement.my.panelTitle")}
      </Title>
      <QueryState query={requests}>
        {(list) =>
          list.length === 0 ? (
            <Text>{t("placement.my.none")}</Text>
          ) : (
            <MyRequestsList slug={membership.slug} requests={list} headingLevel={4} />
          )
        }
      </QueryState>
      <Anchor component={Link} to={requestFormPath(membership.slug)} w="fit-content">
        {t("placement.my.newRequest")}
      </Anchor>
    </Stack>
  );
}
