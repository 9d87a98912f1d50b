import { Stack, Text, Title } from "@mantine/core";
import { Navigate, useParams } from "react-router";
import { Loading } from "../../../components/loading";
import { usePageMeta } from "../../../components/page-meta";
import { usePublicPage } from "../api";
import { RichText } from "../components/rich-text";
import { SiteQueryError } from "../components/site-not-found";

/** /o/:slug/seite/:pageSlug: a page the organisation wrote. An old address moves on to the current one. */
export function PublicSitePage() {
  const { slug = "", pageSlug = "" } = useParams();
  const query = usePublicPage(slug, pageSlug);
  const page = query.data;
  usePageMeta(page ? `${page.title} – ${page.organisationName}` : null, page?.description || null);
  if (query.isError)
    return <SiteQueryError slug={slug} error={query.error} onRetry={() => void query.refetch()} />;
  if (!page) return <Loading />;
  if (page.slug !== pageSlug) {
    return <Navigate to={`/o/${encodeURIComponent(slug)}/seite/${encodeURIComponent(page.slug)}`} replace />;
  }
  return (
    <Stack gap="md" component="article">
      <Title order={1} fz={{ base: 26, sm: 34 }} style={{ overflowWrap: "break-word", hyphens: "auto" }}>
        {page.title}
      </Title>
      {page.description && (
        <Text size="lg" c="dimmed" maw={720}>
          {page.description}
        </Text>
      )}
      <RichText html={page.bodyHtml} />
    </Stack>
  );
}

export default PublicSitePage;
