import { Alert, Button, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import type { MyMembership } from "../../contracts/organisations";
import type { Role } from "../../contracts/roles";
import { hasAnyRole, useMemberships } from "../app/session";
import { ErrorAlert } from "./error-alert";
import { Loading } from "./loading";
import { usePageMeta } from "./page-meta";

/**
 * For pages under /app/:orgSlug: waits for the memberships, answers "not found" outside one's own
 * organisations and "no permission" without one of `roles`, and otherwise renders with the membership.
 */
export function OrgGuard({
  roles,
  children,
}: {
  roles?: readonly Role[];
  children: (membership: MyMembership) => ReactNode;
}) {
  const { t } = useTranslation();
  const { orgSlug } = useParams();
  const memberships = useMemberships();
  const membership = memberships.data?.find((m) => m.slug === orgSlug) ?? null;
  const isForbidden = Boolean(membership && roles && !hasAnyRole(membership, roles));
  usePageMeta(
    memberships.isSuccess && !membership
      ? t("common.notFoundTitle")
      : isForbidden
        ? t("common.forbiddenTitle")
        : null,
  );
  if (memberships.isPending) return <Loading />;
  if (memberships.isError)
    return <ErrorAlert error={memberships.error} onRetry={() => void memberships.refetch()} />;
  if (!membership) {
    return (
      <Stack>
        <Title order={1}>{t("common.notFoundTitle")}</Title>
        <Text>{t("common.notMemberText")}</Text>
        <Button component={Link} to="/app" w="fit-content">
          {t("common.home")}
        </Button>
      </Stack>
    );
  }
  if (isForbidden) {
    return (
      <Stack>
        <Title order={1}>{t("common.forbiddenTitle")}</Title>
        <Alert color="yellow" role="status">
          {t("errors.forbidden")}
        </Alert>
      </Stack>
    );
  }
  return <>{children(membership)}</>;
}
