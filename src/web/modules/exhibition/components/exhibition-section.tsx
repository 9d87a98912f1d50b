import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePublicExhibitions } from "../api";

/** On the organisation's home page: a pointer to the photo exhibition, only while one is on show. */
export function ExhibitionSection({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const query = usePublicExhibitions(slug);
  const onShow = (query.data?.exhibitions ?? []).filter((e) => e.photoCount > 0);
  if (onShow.length === 0) return null;
  const first = onShow[0];
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="ausstellung-titel">
      <Stack gap="sm">
        <Title order={2} fz="h3" id="ausstellung-titel">
          {t("exhibition.public.sectionTitle")}
        </Title>
        {first && <Text>{first.title}</Text>}
        <Button
          component={Link}
          to={`/o/${encodeURIComponent(slug)}/ausstellung`}
          variant="light"
          w="fit-content"
          rightSection={<IconArrowRight size={16} aria-hidden="true" />}
          data-testid="exhibition-link"
        >
          {t("exhibition.public.sectionLink")}
        </Button>
      </Stack>
    </Paper>
  );
}
