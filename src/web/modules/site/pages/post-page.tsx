import { Anchor, Image, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams } from "react-router";
import { useDateFormat } from "../../../components/format";
import { Loading } from "../../../components/loading";
import { usePageMeta } from "../../../components/page-meta";
import { usePublicPost } from "../api";
import { RichText } from "../components/rich-text";
import { SiteQueryError } from "../components/site-not-found";

/** /o/:slug/neuigkeiten/:postSlug: one news post. */
export function PostPage() {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const { slug = "", postSlug = "" } = useParams();
  const query = usePublicPost(slug, postSlug);
  const post = query.data;
  usePageMeta(post ? `${post.title} – ${post.organisationName}` : null, post?.teaser || null);
  if (query.isError)
    return <SiteQueryError slug={slug} error={query.error} onRetry={() => void query.refetch()} />;
  if (!post) return <Loading />;
  const base = `/o/${encodeURIComponent(slug)}/neuigkeiten`;
  if (post.slug !== postSlug) return <Navigate to={`${base}/${encodeURIComponent(post.slug)}`} replace />;
  return (
    <Stack gap="md" component="article" maw={760}>
      <Anchor component={Link} to={base} w="fit-content">
        <IconArrowLeft size={16} aria-hidden="true" style={{ verticalAlign: "-3px" }} /> {t("site.news.all")}
      </Anchor>
      <Title order={1} fz={{ base: 26, sm: 34 }} style={{ overflowWrap: "break-word", hyphens: "auto" }}>
        {post.title}
      </Title>
      <Text c="dimmed" component="time" dateTime={post.publishedAt}>
        {t("site.news.published", { date: formatDate(post.publishedAt) })}
      </Text>
      {post.imageUrl && <Image src={post.imageUrl} alt={post.imageAlt} radius="sm" mah={420} fit="contain" />}
      {post.teaser && (
        <Text size="lg" fw={500}>
          {post.teaser}
        </Text>
      )}
      <RichText html={post.bodyHtml} />
    </Stack>
  );
}

export default PostPage;
