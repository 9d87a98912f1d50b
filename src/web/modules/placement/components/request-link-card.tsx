import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { requestFormPath } from "../format";

/** The way into the request form from the office's public page. */
export function RequestLinkCard({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p={{ base: "md", sm: "lg" }} component="section" aria-labelledby="anfrage-titel">
      <Stack gap="sm" align="flex-start">
        <Title order={2} fz="h3" id="anfrage-titel">
          {t("placement.public.linkTitle")}
        </Title>
        <Text>{t("placement.public.linkText")}</Text>
        <Button
          component={Link}
          to={requestFormPath(slug)}
          rightSection={<IconArrowRight size={16} aria-hidden="true" />}
          data-testid="request-link"
        >
          {t("placement.public.linkTitle")}
        </Button>
      </Stack>
    </Paper>
  );
}
