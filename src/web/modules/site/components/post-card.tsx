import { Anchor, Group, Image, Paper, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { PublicPostSummary } from "../../../../contracts/site";
import { useDateFormat } from "../../../components/format";

/** One news post in a list: image, date, title (the link) and teaser. */
export function PostCard({
  slug,
  post,
  headingLevel = 3,
}: {
  slug: string;
  post: PublicPostSummary;
  headingLevel?: 2 | 3;
}) {
  const { t } = useTranslation();
  const { formatDate } = useDateFormat();
  const to = `/o/${encodeURIComponent(slug)}/neuigkeiten/${encodeURIComponent(post.slug)}`;
  return (
    <Paper withBorder p="md" component="article" data-testid="post-card">
      <Group align="flex-start" wrap="wrap" gap="md">
        {post.imageUrl && (
          <Image
            src={post.imageUrl}
            alt={post.imageAlt}
            w={{ base: "100%", xs: 160 }}
            h={120}
            fit="cover"
            radius="sm"
            loading="lazy"
          />
        )}
        <Stack gap={4} style={{ flex: "1 1 14rem", minWidth: 0 }}>
          <Text size="sm" c="dimmed" component="time" dateTime={post.publishedAt}>
            {t("site.news.published", { date: formatDate(post.publishedAt) })}
          </Text>
          <Title order={headingLevel} fz="h4" style={{ overflowWrap: "anywhere" }}>
            <Anchor component={Link} to={to}>
              {post.title}
            </Anchor>
          </Title>
          {post.teaser && <Text>{post.teaser}</Text>}
        </Stack>
      </Group>
    </Paper>
  );
}
