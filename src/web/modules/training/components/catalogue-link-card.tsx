import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** The way into the public course catalogue from the organisation's public page. */
export function CatalogueLinkCard({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="fortbildungen-titel">
      <Stack gap="sm" align="flex-start">
        <Title order={2} fz="h3" id="fortbildungen-titel">
          {t("training.web.public.title")}
        </Title>
        <Text>{t("training.web.public.linkText")}</Text>
        <Button
          component={Link}
          to={`/o/${encodeURIComponent(slug)}/fortbildungen`}
          rightSection={<IconArrowRight size={16} aria-hidden="true" />}
          data-testid="catalogue-link"
        >
          {t("training.web.public.linkButton")}
        </Button>
      </Stack>
    </Paper>
  );
}
