import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePublicSite } from "../api";
import { PostCard } from "./post-card";

/** The three newest posts on the organisation's public home page. */
export function LatestNewsSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const site = usePublicSite(slug);
  const posts = site.data?.latestPosts ?? [];
  if (!site.data) return null;
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="neuigkeiten-titel">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="neuigkeiten-titel">
          {t("site.news.title")}
        </Title>
        {posts.length === 0 && <Text c="dimmed">{t("site.news.empty")}</Text>}
        {posts.map((post) => (
          <PostCard key={post.slug} slug={slug} post={post} />
        ))}
        {posts.length > 0 && (
          <Button
            component={Link}
            to={`/o/${encodeURIComponent(slug)}/neuigkeiten`}
            variant="light"
            w="fit-content"
            rightSection={<IconArrowRight size={16} aria-hidden="true" />}
          >
            {t("site.news.all")}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
