import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** The way into the membership application form from an association's public page. */
export function MembershipLinkCard({ slug }: { slug: string }) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      p={{ base: "md", sm: "lg" }}
      component="section"
      aria-labelledby="mitglied-werden-titel"
    >
      <Stack gap="sm" align="flex-start">
        <Title order={2} fz="h3" id="mitglied-werden-titel">
          {t("membership.linkCard.title")}
        </Title>
        <Text>{t("membership.linkCard.text")}</Text>
        <Button
          component={Link}
          to={`/o/${encodeURIComponent(slug)}/mitglied-werden`}
          rightSection={<IconArrowRight size={16} aria-hidden="true" />}
          data-testid="membership-link"
        >
          {t("membership.linkCard.button")}
        </Button>
      </Stack>
    </Paper>
  );
}
