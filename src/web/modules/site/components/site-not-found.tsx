import { Button, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../../app/api";
import { ErrorAlert } from "../../../components/error-alert";
import { usePageMeta } from "../../../components/page-meta";

/** What a public page shows when its query failed: "not found" for a 404, the error with retry otherwise. */
export function SiteQueryError({
  slug,
  error,
  onRetry,
}: {
  slug: string;
  error: Error;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  const isNotFound = error instanceof ApiError && error.status === 404;
  usePageMeta(isNotFound ? t("site.page.notFoundTitle") : null);
  if (!isNotFound) return <ErrorAlert error={error} onRetry={onRetry} />;
  return (
    <Stack maw={720}>
      <Title order={1}>{t("site.page.notFoundTitle")}</Title>
      <Text>{t("site.page.notFoundText")}</Text>
      <Button component={Link} to={`/o/${encodeURIComponent(slug)}`} w="fit-content">
        {t("site.page.toStart")}
      </Button>
    </Stack>
  );
}
