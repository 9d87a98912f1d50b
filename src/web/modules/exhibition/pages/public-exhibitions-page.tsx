import { Anchor, Card, Image, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Loading } from "../../../components/loading";
import { usePageMeta } from "../../../components/page-meta";
import { SiteQueryError } from "../../site/components/site-not-found";
import { usePublicExhibitions } from "../api";

/** /o/:slug/ausstellung: the organisation's photo exhibitions on show. */
export function PublicExhibitionsPage() {
  const { t } = useTranslation();
  const { slug = "" } = useParams();
  const query = usePublicExhibitions(slug);
  const list = query.data;
  usePageMeta(
    list ? `${t("exhibition.public.listTitle")} – ${list.organisationName}` : null,
    list ? t("exhibition.public.listDescription", { organisation: list.organisationName }) : null,
  );
  if (query.isError)
    return <SiteQueryError slug={slug} error={query.error} onRetry={() => void query.refetch()} />;
  if (!list) return <Loading />;
  return (
    <Stack gap="md" maw={1100}>
      <Title order={1} fz={{ base: 26, sm: 34 }}>
        {t("exhibition.public.listTitle")}
      </Title>
      {list.exhibitions.length === 0 && <Text c="dimmed">{t("exhibition.public.empty")}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {list.exhibitions.map((exhibition) => (
          <Card key={exhibition.slug} withBorder padding="md" component="article">
            {exhibition.cover && (
              <Card.Section>
                <Image
                  src={exhibition.cover.thumbUrl}
                  alt={exhibition.cover.altText}
                  h={200}
                  fit="cover"
                  loading="lazy"
                />
              </Card.Section>
            )}
            <Stack gap={4} mt={exhibition.cover ? "sm" : 0}>
              <Title order={2} fz="h3">
                <Anchor
                  component={Link}
                  to={`/o/${encodeURIComponent(slug)}/ausstellung/${encodeURIComponent(exhibition.slug)}`}
                  inherit
                >
                  {exhibition.title}
                </Anchor>
              </Title>
              <Text size="sm" c="dimmed">
                {t("exhibition.public.photoCount", { count: exhibition.photoCount })}
              </Text>
              {exhibition.description && (
                <Text style={{ whiteSpace: "pre-line" }} lineClamp={4}>
                  {exhibition.description}
                </Text>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export default PublicExhibitionsPage;
