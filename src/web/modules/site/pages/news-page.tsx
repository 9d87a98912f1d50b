import { Group, Pagination, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useParams, useSearchParams } from "react-router";
import { Loading } from "../../../components/loading";
import { usePageMeta } from "../../../components/page-meta";
import { usePublicPosts } from "../api";
import { PostCard } from "../components/post-card";
import { SiteQueryError } from "../components/site-not-found";

/** /o/:slug/neuigkeiten: the organisation's news, newest first, ten to a page (?seite=2). */
export function NewsPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get("seite")) || 1);
  const query = usePublicPosts(slug, page);
  const list = query.data;
  usePageMeta(
    list ? `${t("site.news.title")} – ${list.organisationName}` : null,
    list ? t("site.news.description", { organisation: list.organisationName }) : null,
  );
  if (query.isError)
    return <SiteQueryError slug={slug} error={query.error} onRetry={() => void query.refetch()} />;
  if (!list) return <Loading />;
  return (
    <Stack gap="md" maw={800}>
      <Title order={1} fz={{ base: 26, sm: 34 }}>
        {t("site.news.title")}
      </Title>
      {list.items.length === 0 && <Text c="dimmed">{t("site.news.empty")}</Text>}
      {list.items.map((post) => (
        <PostCard key={post.slug} slug={slug} post={post} headingLevel={2} />
      ))}
      {list.pages > 1 && (
        <Group justify="center">
          <Pagination
            total={list.pages}
            value={page}
            onChange={(next) => {
              setParams(next === 1 ? {} : { seite: String(next) });
              window.scrollTo({ top: 0 });
            }}
            getControlProps={(control) => ({
              "aria-label": control === "previous" ? t("site.news.previous") : t("site.news.next"),
            })}
            getItemProps={(item) => ({
              "aria-label": t("site.news.pageOf", { page: item, pages: list.pages }),
            })}
          />
        </Group>
      )}
    </Stack>
  );
}

export default NewsPage;
